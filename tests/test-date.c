/* test-date.c: ISO-8601 parsing and formatting
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include <string.h>

#include "test-helpers.h"

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
