/* cp-date.c: ISO-8601 date helpers
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include <string.h>

#include "cp-date-private.h"
#include "cp-error-private.h"

static gboolean
parse_digits (const char *p,
              guint       n,
              int        *out)
{
  int v = 0;

  for (guint i = 0; i < n; i++)
    {
      if (!g_ascii_isdigit (p[i]))
        return FALSE;
      v = v * 10 + (p[i] - '0');
    }
  *out = v;
  return TRUE;
}

gboolean
cp_date_parse_iso_into (const char  *text,
                        GDate       *out)
{
  guint32 j;

  if (text == NULL || !cp_date_parse_iso_julian (text, strlen (text), &j))
    return FALSE;
  g_date_clear (out, 1);
  g_date_set_julian (out, j);
  /* Both forms now: a GDate works out its day, month and year on first
   * use and writes them into itself, so a date read by several threads at
   * once (a shared policy's rule dates) must never be left to do that. */
  (void) g_date_get_year (out);
  return TRUE;
}

gboolean
cp_date_parse_dmy_julian (const char *text,
                          gsize       len,
                          guint32    *out)
{
  int d, m, y;

  if (len != 10 || text[2] != '/' || text[5] != '/' ||
      !parse_digits (text, 2, &d) || !parse_digits (text + 3, 2, &m) || !parse_digits (text + 6, 4, &y) ||
      !g_date_valid_dmy (d, m, y))
    return FALSE;
  *out = cp_julian_from_dmy (y, m, d);
  return TRUE;
}

guint32
cp_date_julian (const GDate *date)
{
  return date != NULL && g_date_valid (date) ? g_date_get_julian (date) : 0;
}

/* cp_julian_to_dmy() backwards: days from 1 March of year 0 in 400-year
 * cycles, then from 1 January of year 1 (day 1). */
guint32
cp_julian_from_dmy (int year,
                    int month,
                    int day)
{
  const guint32 days_per_cycle = 146097;
  guint32 y = (guint32) year - (month <= 2);
  guint32 cycle = y / 400;
  guint32 yoc = y - cycle * 400;                                           /* year of the cycle */
  guint32 mp = month > 2 ? (guint32) month - 3 : (guint32) month + 9;      /* March is 0 */
  guint32 doy = (153 * mp + 2) / 5 + (guint32) day - 1;                   /* from 1 March */
  guint32 doc = yoc * 365 + yoc / 4 - yoc / 100 + doy;                     /* day of the cycle */

  return cycle * days_per_cycle + doc - 306 + 1;
}

gboolean
cp_date_parse_iso_julian (const char *text,
                          gsize       len,
                          guint32    *out)
{
  int y, m, d;

  if (len != 10 || text[4] != '-' || text[7] != '-' ||
      !parse_digits (text, 4, &y) || !parse_digits (text + 5, 2, &m) || !parse_digits (text + 8, 2, &d))
    return FALSE;
  /* g_date_valid_dmy() in one pass, year and month in range before GLib
   * is asked for the month's length: every date of every case comes here. */
  if (y < 1 || m < 1 || m > 12 || d < 1 || d > g_date_get_days_in_month (m, y))
    return FALSE;
  *out = cp_julian_from_dmy (y, m, d);
  return TRUE;
}

/**
 * cp_date_parse_iso:
 * @text: a calendar date in ISO-8601 extended form, `YYYY-MM-DD`
 * @error: return location for a #GError
 *
 * Parses a date such as `2026-12-14`. Only the complete calendar-date
 * form is accepted; times, week dates and ordinal dates are refused, and
 * so is any date that does not exist (`2026-02-30`).
 *
 * Returns: (transfer full): a newly allocated #GDate, or %NULL with
 *   @error set to %CP_ERROR_INVALID_DATE
 */
GDate *
cp_date_parse_iso (const char  *text,
                   GError     **error)
{
  GDate d;

  g_return_val_if_fail (text != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!cp_date_parse_iso_into (text, &d))
    {
      g_autofree char *shown = cp_escape_value (text);
      g_set_error (error, CP_ERROR, CP_ERROR_INVALID_DATE,
                   "“%s” is not a date (expected YYYY-MM-DD)", shown);
      return NULL;
    }

  return g_date_copy (&d);
}

/**
 * cp_date_format_iso:
 * @date: a valid #GDate
 *
 * Formats @date as `YYYY-MM-DD`.
 *
 * Returns: (transfer full): the ISO-8601 text of @date
 */
char *
cp_date_format_iso (const GDate *date)
{
  g_return_val_if_fail (date != NULL, NULL);
  g_return_val_if_fail (g_date_valid (date), NULL);

  return g_strdup_printf ("%04u-%02u-%02u",
                          (guint) g_date_get_year (date),
                          (guint) g_date_get_month (date),
                          (guint) g_date_get_day (date));
}

/* The year, month and day of a julian day (g_date_get_julian()'s count,
 * day 1 being 1 January of year 1), without a GDate: the engine asks for
 * ages in months for every gap of every repeated duty. Counted in 400-year
 * cycles of the Gregorian calendar (146,097 days each) from 1 March of
 * year 0, so that a leap day falls at the end of its year. */
void
cp_julian_to_dmy (guint32  julian,
                  int     *year,
                  int     *month,
                  int     *day)
{
  const guint32 days_per_cycle = 146097;
  /* From 1 March of year 0 to 1 January of year 1: March to December. */
  guint32 z = julian - 1 + 306;
  guint32 cycle = z / days_per_cycle;
  guint32 doc = z - cycle * days_per_cycle;                                /* day of the cycle */
  guint32 yoc = (doc - doc / 1460 + doc / 36524 - doc / (days_per_cycle - 1)) / 365;  /* year of it */
  guint32 doy = doc - (365 * yoc + yoc / 4 - yoc / 100);                  /* from 1 March */
  guint32 mp = (5 * doy + 2) / 153;                                        /* March is 0 */
  int m = mp < 10 ? (int) mp + 3 : (int) mp - 9;

  *day = (int) (doy - (153 * mp + 2) / 5) + 1;
  *month = m;
  *year = (int) (yoc + cycle * 400) + (m <= 2);
}

int
cp_julian_months_between (guint32 from,
                          guint32 to)
{
  int by, bm, bd, y, m, d;
  int months;

  if (from == 0 || to == 0 || to < from)
    return -1;
  cp_julian_to_dmy (from, &by, &bm, &bd);
  cp_julian_to_dmy (to, &y, &m, &d);
  months = (y - by) * 12 + m - bm;
  if (d < bd && d < (int) g_date_get_days_in_month ((GDateMonth) m, (GDateYear) y))
    months--;
  return months;
}

guint32
cp_julian_add_months (guint32 from,
                      int     months)
{
  GDate d;

  g_date_clear (&d, 1);
  g_date_set_julian (&d, from);
  if (months >= 0)
    g_date_add_months (&d, months);
  else
    g_date_subtract_months (&d, -months);
  return g_date_get_julian (&d);
}
