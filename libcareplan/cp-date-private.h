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

/* The julian day number (g_date_get_julian()) of a valid date. */
guint32  cp_julian_from_dmy     (int         year,
                                 int         month,
                                 int         day);

G_END_DECLS
