/* cp-date.h: ISO-8601 date helpers
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#if !defined(CAREPLAN_INSIDE) && !defined(CP_COMPILATION)
# error "Only <careplan.h> can be included directly."
#endif

#include <glib-object.h>

#include "cp-version-macros.h"

G_BEGIN_DECLS

CP_AVAILABLE_IN_0_1
GDate *cp_date_parse_iso  (const char   *text,
                           GError      **error);
CP_AVAILABLE_IN_0_1
char  *cp_date_format_iso (const GDate  *date);

G_END_DECLS
