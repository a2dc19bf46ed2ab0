/* test-calendar.c: working-day arithmetic at its boundaries
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include <string.h>

#include "test-helpers.h"

static CpCalendar *cal;

static void
setup (void)
{
  cal = cp_calendar_new (CP_REGION_ENGLAND_AND_WALES);
}

static void
teardown (void)
{
  g_clear_object (&cal);
}

TestSuite (calendar, .init = setup, .fini = teardown);

static void
expect_add_wd (const char *from, int n, const char *expected)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDate) d = test_date (from);
  g_autoptr(GDate) r = cp_calendar_add_working_days (cal, d, n, &error);
  g_autofree char *iso = NULL;

  cr_assert_null (error, "%s + %d: %s", from, n, error ? error->message : "");
  iso = test_iso (r);
  cr_assert_str_eq (iso, expected, "%s + %d working days", from, n);
}

static gboolean
working (const char *iso)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDate) d = test_date (iso);
  gboolean r = cp_calendar_is_working_day (cal, d, &error);

  cr_assert_null (error);
  return r;
}

Test (calendar, issue_example_twenty_working_days_over_christmas)
{
  /* Skips Christmas Day (Fri 25), the Boxing Day substitute (Mon 28) and
   * New Year's Day (Fri 1). */
  expect_add_wd ("2026-12-14", 20, "2027-01-14");
}

Test (calendar, christmas_2026_days)
{
  cr_assert (working ("2026-12-24"));
  cr_assert_not (working ("2026-12-25"));
  cr_assert_not (working ("2026-12-26"));
  cr_assert_not (working ("2026-12-27"));
  cr_assert_not (working ("2026-12-28"), "Boxing Day substitute");
  cr_assert (working ("2026-12-29"));
  cr_assert (working ("2026-12-31"));
  cr_assert_not (working ("2027-01-01"));
  cr_assert (working ("2027-01-04"));
}

Test (calendar, christmas_on_saturday_2027_two_substitutes)
{
  cr_assert_not (working ("2027-12-27"));
  cr_assert_not (working ("2027-12-28"));
  cr_assert (working ("2027-12-29"));
  expect_add_wd ("2027-12-24", 1, "2027-12-29");
}

Test (calendar, christmas_on_sunday_2022)
{
  cr_assert_not (working ("2022-12-26"));
  cr_assert_not (working ("2022-12-27"));
  cr_assert (working ("2022-12-28"));
}

Test (calendar, weekends)
{
  cr_assert (working ("2026-11-20"));   /* Friday */
  cr_assert_not (working ("2026-11-21"));
  cr_assert_not (working ("2026-11-22"));
  cr_assert (working ("2026-11-23"));
  expect_add_wd ("2026-11-20", 1, "2026-11-23");
  expect_add_wd ("2026-11-23", -1, "2026-11-20");
  expect_add_wd ("2026-11-20", 5, "2026-11-27");
}

Test (calendar, day_zero_is_the_anchor)
{
  expect_add_wd ("2026-11-21", 0, "2026-11-21");   /* a Saturday stays itself */
  expect_add_wd ("2026-11-21", 1, "2026-11-23");   /* the first working day after */
  expect_add_wd ("2026-12-26", 1, "2026-12-29");
  expect_add_wd ("2026-12-25", -1, "2026-12-24");
}

Test (calendar, easter_2027)
{
  cr_assert_not (working ("2027-03-26"), "Good Friday");
  cr_assert_not (working ("2027-03-29"), "Easter Monday");
  expect_add_wd ("2027-03-25", 1, "2027-03-30");
  expect_add_wd ("2027-03-30", -1, "2027-03-25");
  expect_add_wd ("2027-03-19", 5, "2027-03-30");
}

Test (calendar, easter_2026_and_late_easter_2019)
{
  cr_assert_not (working ("2026-04-03"));
  cr_assert_not (working ("2026-04-06"));
  cr_assert_not (working ("2019-04-19"));
  cr_assert_not (working ("2019-04-22"));
  cr_assert (working ("2019-04-23"));
}

Test (calendar, negative_over_christmas)
{
  expect_add_wd ("2027-01-04", -5, "2026-12-23");
  expect_add_wd ("2027-01-14", -20, "2026-12-14");
}

Test (calendar, year_end_and_leap_years)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDate) d = test_date ("2026-12-31");
  g_autoptr(GDate) r = cp_calendar_add_days (cal, d, 1, &error);
  g_autofree char *iso = test_iso (r);
  cr_assert_str_eq (iso, "2027-01-01");

  expect_add_wd ("2024-02-28", 1, "2024-02-29");
  expect_add_wd ("2023-02-28", 1, "2023-03-01");
  expect_add_wd ("2025-12-31", 1, "2026-01-02");
}

static void
expect_add (const char *from, int q, CpUnit unit, const char *expected)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDate) d = test_date (from);
  g_autoptr(GDate) r = cp_calendar_add (cal, d, q, unit, &error);
  g_autofree char *iso = NULL;

  cr_assert_null (error, "%s", error ? error->message : "");
  iso = test_iso (r);
  cr_assert_str_eq (iso, expected, "%s + %d (unit %d)", from, q, unit);
}

Test (calendar, months_clamp_at_month_end)
{
  expect_add ("2027-01-31", 1, CP_UNIT_MONTHS, "2027-02-28");
  expect_add ("2028-01-31", 1, CP_UNIT_MONTHS, "2028-02-29");
  expect_add ("2028-02-29", 12, CP_UNIT_MONTHS, "2029-02-28");
  expect_add ("2026-08-31", 6, CP_UNIT_MONTHS, "2027-02-28");
  expect_add ("2026-03-31", -1, CP_UNIT_MONTHS, "2026-02-28");
  expect_add ("2026-12-14", 3, CP_UNIT_MONTHS, "2027-03-14");
}

Test (calendar, weeks_and_days)
{
  expect_add ("2026-12-14", 4, CP_UNIT_WEEKS, "2027-01-11");
  expect_add ("2026-12-14", -2, CP_UNIT_WEEKS, "2026-11-30");
  expect_add ("2026-12-14", 14, CP_UNIT_CALENDAR_DAYS, "2026-12-28");
  expect_add ("2024-02-28", 2, CP_UNIT_CALENDAR_DAYS, "2024-03-01");
  expect_add ("2026-12-14", 20, CP_UNIT_WORKING_DAYS, "2027-01-14");
  expect_add ("2026-12-14", 0, CP_UNIT_MONTHS, "2026-12-14");
}

Test (calendar, between_counts_after_start_up_to_end)
{
  g_autoptr(GDate) a = test_date ("2026-12-14");
  g_autoptr(GDate) b = test_date ("2027-01-14");
  g_autoptr(GDate) sat = test_date ("2026-11-21");
  g_autoptr(GDate) sun = test_date ("2026-11-22");
  g_autoptr(GError) error = NULL;

  cr_assert_eq (cp_calendar_working_days_between (cal, a, b, &error), 20);
  cr_assert_eq (cp_calendar_working_days_between (cal, b, a, &error), -20);
  cr_assert_eq (cp_calendar_working_days_between (cal, a, a, &error), 0);
  cr_assert_eq (cp_calendar_working_days_between (cal, sat, sun, &error), 0);
  cr_assert_null (error);
}

Test (calendar, between_agrees_with_add_over_many_spans)
{
  /* Every start in 2026 and every span up to 300 working days. */
  g_autoptr(GDate) start = test_date ("2026-01-01");

  for (int day = 0; day < 365; day += 3)
    for (int n = -300; n <= 300; n += 37)
      {
        g_autoptr(GDate) d = cp_calendar_add_days (cal, start, day, NULL);
        g_autoptr(GError) error = NULL;
        g_autoptr(GDate) r = cp_calendar_add_working_days (cal, d, n, &error);

        cr_assert_not_null (r);
        cr_assert (cp_calendar_is_working_day (cal, r, NULL) || n == 0);
        cr_assert_eq (cp_calendar_working_days_between (cal, d, r, NULL), n);
      }
}

Test (calendar, range_errors)
{
  g_autoptr(GDate) late = test_date ("2101-01-01");
  g_autoptr(GDate) early = test_date ("1969-12-31");
  g_autoptr(GDate) edge = test_date ("2100-12-30");
  g_autoptr(GDate) first = test_date ("1970-01-01");
  g_autoptr(GError) e1 = NULL, e2 = NULL, e3 = NULL, e4 = NULL, e5 = NULL, e6 = NULL;
  g_autoptr(GDate) r1 = NULL, r2 = NULL, r3 = NULL, r4 = NULL;

  cr_assert_not (cp_calendar_is_working_day (cal, late, &e1));
  assert_error (e1, CP_ERROR_OUT_OF_RANGE, "2101-01-01");

  r1 = cp_calendar_add_working_days (cal, early, 1, &e2);
  cr_assert_null (r1);
  assert_error (e2, CP_ERROR_OUT_OF_RANGE, "1969-12-31");

  r2 = cp_calendar_add_working_days (cal, edge, 5, &e3);
  cr_assert_null (r2);
  assert_error (e3, CP_ERROR_OUT_OF_RANGE, "2100-12-30");

  r3 = cp_calendar_add_working_days (cal, first, -1, &e4);
  cr_assert_null (r3);
  assert_error (e4, CP_ERROR_OUT_OF_RANGE, "1970-01-01");

  r4 = cp_calendar_add (cal, edge, G_MININT, CP_UNIT_MONTHS, &e5);
  cr_assert_null (r4);
  assert_error (e5, CP_ERROR_OUT_OF_RANGE, "months");

  cr_assert_eq (cp_calendar_working_days_between (cal, first, late, &e6), 0);
  assert_error (e6, CP_ERROR_OUT_OF_RANGE, "2101-01-01");
}

Test (calendar, hours_need_a_time_of_day)
{
  g_autoptr(GDate) d = test_date ("2026-12-14");
  g_autoptr(GError) error = NULL;
  g_autoptr(GDate) r = cp_calendar_add (cal, d, 72, CP_UNIT_HOURS, &error);

  cr_assert_null (r);
  assert_error (error, CP_ERROR_INVALID_VALUE, "hours");
}

static void
on_changed (CpCalendar *c, gpointer data)
{
  (*(int *) data)++;
}

Test (calendar, closures)
{
  g_autoptr(GDate) eve = test_date ("2026-12-24");
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) list = NULL;
  g_autoptr(CpHoliday) h = NULL;
  int changed = 0;

  g_signal_connect (cal, "changed", G_CALLBACK (on_changed), &changed);
  cr_assert (cp_calendar_add_closure (cal, eve, "Christmas Eve closure", &error));
  cr_assert_eq (changed, 1);
  cr_assert_not (working ("2026-12-24"));
  expect_add_wd ("2026-12-14", 20, "2027-01-15");

  list = cp_calendar_list_holidays (cal, 2026, &error);
  cr_assert_not_null (list);
  h = g_list_model_get_item (list, g_list_model_get_n_items (list) - 3);
  cr_assert_str_eq (cp_holiday_get_title (h), "Christmas Eve closure");
  cr_assert_eq (cp_holiday_get_kind (h), CP_HOLIDAY_KIND_CLOSURE);

  /* Same day again: no change. */
  cr_assert (cp_calendar_add_closure (cal, eve, "again", &error));
  cr_assert_eq (changed, 1);
}

Test (calendar, closure_out_of_range)
{
  g_autoptr(GDate) d = test_date ("2150-01-05");
  g_autoptr(GError) error = NULL;

  cr_assert_not (cp_calendar_add_closure (cal, d, NULL, &error));
  assert_error (error, CP_ERROR_OUT_OF_RANGE, "closure 2150-01-05");
}

Test (calendar, list_holidays_year_out_of_range)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) list = cp_calendar_list_holidays (cal, 1969, &error);

  cr_assert_null (list);
  assert_error (error, CP_ERROR_OUT_OF_RANGE, "1969");
}

Test (calendar, first_and_last_dates)
{
  g_autoptr(GDate) first = cp_calendar_dup_first_date (cal);
  g_autoptr(GDate) last = cp_calendar_dup_last_date (cal);
  g_autofree char *a = test_iso (first);
  g_autofree char *b = test_iso (last);

  cr_assert_str_eq (a, "1970-01-01");
  cr_assert_str_eq (b, "2100-12-31");
  cr_assert_eq (cp_calendar_get_region (cal), CP_REGION_ENGLAND_AND_WALES);
}
