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

/* cp_date_parse_iso_into() of the @len bytes at @text (no NUL needed),
 * to a julian day number. */
gboolean cp_date_parse_iso_julian (const char *text,
                                   gsize       len,
                                   guint32    *out);

/* A dd/mm/yyyy date in the @len bytes at @text (no NUL needed), to a
 * julian day number. */
gboolean cp_date_parse_dmy_julian (const char *text,
                                   gsize       len,
                                   guint32    *out);

/* The julian day of @date, or 0 where it is NULL or not valid. */
guint32  cp_date_julian         (const GDate *date);

/* The julian day number (g_date_get_julian()) of a valid date. */
guint32  cp_julian_from_dmy     (int         year,
                                 int         month,
                                 int         day);

/* The year, month and day of julian day @julian (at least 1), as
 * g_date_set_julian() gives them, without a GDate. */
void     cp_julian_to_dmy       (guint32     julian,
                                 int        *year,
                                 int        *month,
                                 int        *day);

/* Whole months from julian day @from to @to (an age in months when @from
 * is a birth date), or -1 if @to is before @from or either is 0. A day of
 * the month that @to's month lacks counts as its last day. */
int      cp_julian_months_between (guint32   from,
                                   guint32   to);

/* @from plus @months, clamped to the end of a shorter month. */
guint32  cp_julian_add_months     (guint32   from,
                                   int       months);

G_END_DECLS
