/* cp-date-private.h
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include "careplan.h"

G_BEGIN_DECLS

/* Allocation-free variant of cp_date_parse_iso() for hot paths. */
gboolean cp_date_parse_iso_into (const char *text,
                                 GDate      *out);

G_END_DECLS
