/* test-date.c: ISO-8601 parsing and formatting
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include <string.h>

#include "test-helpers.h"
#include "cp-date-private.h"

static void
expect_bad (const char *text)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDate) d = cp_date_parse_iso (text, &error);

  cr_assert_null (d, "“%s” parsed", text);
  assert_error (error, CP_ERROR_INVALID_DATE, "is not a date");
  cr_assert_not_null (strstr (error->message, text), "message names the value");
}

Test (date, round_trip)
{
  const char *ok[] = { "2026-12-14", "2024-02-29", "2000-02-29", "1970-01-01",
                       "2100-12-31", "0001-01-01", "9999-12-31" };

  for (guint i = 0; i < G_N_ELEMENTS (ok); i++)
    {
      g_autoptr(GDate) d = test_date (ok[i]);
      g_autofree char *s = cp_date_format_iso (d);
      cr_assert_str_eq (s, ok[i]);
    }
}

Test (date, rejects_impossible_and_malformed)
{
  expect_bad ("2026-02-30");
  expect_bad ("2023-02-29");
  expect_bad ("2100-02-29");
  expect_bad ("2026-13-01");
  expect_bad ("2026-00-10");
  expect_bad ("2026-01-00");
  expect_bad ("0000-01-01");
  expect_bad ("2026-2-3");
  expect_bad ("");
  expect_bad ("abcd-ef-gh");
  expect_bad ("2026-12-14T00:00");
  expect_bad ("2026/12/14");
  expect_bad (" 2026-12-14");
  expect_bad ("+2026-12-1");
}

/* The parser's own check of a day against its month agrees with GLib's
 * g_date_valid_dmy() for every day of every month of years that test
 * each leap-year rule. */
Test (date, agrees_with_glib_on_every_day)
{
  const int years[] = { 1, 4, 100, 400, 1900, 1996, 2000, 2023, 2024, 2100, 2400, 9996, 9999 };

  for (guint i = 0; i < G_N_ELEMENTS (years); i++)
    for (int m = 1; m <= 12; m++)
      for (int d = 1; d <= 31; d++)
        {
          g_autofree char *text = g_strdup_printf ("%04d-%02d-%02d", years[i], m, d);
          g_autoptr(GError) error = NULL;
          g_autoptr(GDate) date = cp_date_parse_iso (text, &error);
          gboolean valid = g_date_valid_dmy (d, m, years[i]);

          cr_assert_eq (date != NULL, valid, "%s: parsed %d, GLib says %d", text, date != NULL, valid);
          if (date != NULL)
            cr_assert (g_date_get_day (date) == d && g_date_get_month (date) == (GDateMonth) m &&
                       g_date_get_year (date) == years[i], "%s", text);
        }
}

/* Both ways, and from the text: every day GLib numbers, the library's
 * arithmetic gives the same day, number and reading of its ISO form. */
Test (date, julian_days_agree_with_glib_on_every_day_to_9999)
{
  GDate d;
  guint32 last;

  g_date_clear (&d, 1);
  g_date_set_dmy (&d, 31, G_DATE_DECEMBER, 9999);
  last = g_date_get_julian (&d);
  for (guint32 j = 1; j <= last; j++)
    {
      char iso[16];
      guint32 read = 0;
      int y, m, day;

      g_date_set_julian (&d, j);
      cp_julian_to_dmy (j, &y, &m, &day);
      if (y != g_date_get_year (&d) || m != (int) g_date_get_month (&d) || day != g_date_get_day (&d))
        cr_assert_fail ("julian day %u: %04d-%02d-%02d, GLib %04u-%02u-%02u", j, y, m, day,
                        (guint) g_date_get_year (&d), (guint) g_date_get_month (&d), (guint) g_date_get_day (&d));
      g_snprintf (iso, sizeof iso, "%04d-%02d-%02dX", y, m, day);   /* not NUL-ended at 10 */
      if (cp_julian_from_dmy (y, m, day) != j || !cp_date_parse_iso_julian (iso, 10, &read) || read != j)
        cr_assert_fail ("julian day %u (%.10s): %u, read %u", j, iso, cp_julian_from_dmy (y, m, day), read);
    }
}

Test (date, what_is_not_a_date_is_not_read_to_a_julian_day)
{
  static const char * const bad[] = {
    "2026-02-29", "2024-02-30", "2026-13-01", "2026-00-10", "2026-01-00", "0000-01-01", "2026/01/01",
    "2026-1-01 ", "20260101xx", "2026-01-1a", "+026-01-01", "2026-01-32", "1900-02-29",
  };
  guint32 j = 7;

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      GDate d;

      cr_assert_not (cp_date_parse_iso_julian (bad[i], strlen (bad[i]), &j), "%s", bad[i]);
      cr_assert_not (cp_date_parse_iso_into (bad[i], &d), "%s", bad[i]);
    }
  cr_assert_eq (j, 7);
  cr_assert_not (cp_date_parse_iso_julian ("2026-01-01", 9, &j));
  cr_assert (cp_date_parse_iso_julian ("2000-02-29", 10, &j));
  cr_assert_eq (j, cp_julian_from_dmy (2000, 2, 29));
}

/* Whole months the GDate way, as the library counted them before. */
static int
months_by_gdate (guint32 from, guint32 to)
{
  GDate b, d;
  int months;

  g_date_clear (&b, 1);
  g_date_clear (&d, 1);
  g_date_set_julian (&b, from);
  g_date_set_julian (&d, to);
  months = (g_date_get_year (&d) - g_date_get_year (&b)) * 12 +
           (int) g_date_get_month (&d) - (int) g_date_get_month (&b);
  if (g_date_get_day (&d) < g_date_get_day (&b) &&
      g_date_get_day (&d) < g_date_get_days_in_month (g_date_get_month (&d), g_date_get_year (&d)))
    months--;
  return months;
}

Test (date, whole_months_between_days)
{
  GRand *rand = g_rand_new_with_seed (1989);
  guint32 base = cp_julian_from_dmy (1990, 1, 1);

  /* By hand: an age on the day before a birthday, on it, and from 31 January. */
  cr_assert_eq (cp_julian_months_between (cp_julian_from_dmy (2010, 5, 14), cp_julian_from_dmy (2026, 5, 13)), 191);
  cr_assert_eq (cp_julian_months_between (cp_julian_from_dmy (2010, 5, 14), cp_julian_from_dmy (2026, 5, 14)), 192);
  cr_assert_eq (cp_julian_months_between (cp_julian_from_dmy (2026, 1, 31), cp_julian_from_dmy (2026, 2, 28)), 1);
  cr_assert_eq (cp_julian_months_between (cp_julian_from_dmy (2024, 1, 31), cp_julian_from_dmy (2024, 2, 28)), 0);
  cr_assert_eq (cp_julian_months_between (cp_julian_from_dmy (2024, 1, 31), cp_julian_from_dmy (2024, 2, 29)), 1);
  cr_assert_eq (cp_julian_months_between (5, 4), -1);
  cr_assert_eq (cp_julian_months_between (0, 4), -1);
  for (guint i = 0; i < 200000; i++)
    {
      guint32 from = base + (guint32) g_rand_int_range (rand, 0, 40000);
      guint32 to = from + (guint32) g_rand_int_range (rand, 0, 8000);

      cr_assert_eq (cp_julian_months_between (from, to), months_by_gdate (from, to), "%u to %u", from, to);
    }
  g_rand_free (rand);
}

Test (date, day_month_year_reads_as_its_iso_twin)
{
  static const char * const bad[] = {
    "31/02/2026", "00/01/2026", "01/13/2026", "1a/01/2026", "29/02/1900", "01/01/0000", "01-01-2026",
  };
  guint32 dmy = 0, iso = 0;

  cr_assert (cp_date_parse_dmy_julian ("29/02/2024", 10, &dmy));
  cr_assert (cp_date_parse_iso_julian ("2024-02-29", 10, &iso));
  cr_assert_eq (dmy, iso);
  cr_assert (cp_date_parse_dmy_julian ("31/12/2026xx", 10, &dmy));
  cr_assert_eq (dmy, cp_julian_from_dmy (2026, 12, 31));
  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    cr_assert_not (cp_date_parse_dmy_julian (bad[i], strlen (bad[i]), &dmy), "%s", bad[i]);
  cr_assert_not (cp_date_parse_dmy_julian ("01/01/2026", 9, &dmy));
}
