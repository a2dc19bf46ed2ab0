/* test-bank-holidays.c: computed bank holidays against the published
 * list, history since 1970, the three regions, and gov.uk's JSON format
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include <string.h>

#include <json-glib/json-glib.h>

#include "test-helpers.h"

static gboolean
working_in (CpCalendar *cal, const char *iso)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDate) d = test_date (iso);
  gboolean r = cp_calendar_is_working_day (cal, d, &error);

  cr_assert_null (error, "%s", error ? error->message : "");
  return r;
}

/* "date\ttitle" lines for the non-working weekdays of [from, to]. */
static GPtrArray *
listed (CpCalendar *cal, int from, int to)
{
  GPtrArray *out = g_ptr_array_new_with_free_func (g_free);

  for (int y = from; y <= to; y++)
    {
      g_autoptr(GListModel) list = cp_calendar_list_holidays (cal, y, NULL);

      cr_assert_not_null (list);
      for (guint i = 0; i < g_list_model_get_n_items (list); i++)
        {
          g_autoptr(CpHoliday) h = g_list_model_get_item (list, i);
          g_autofree char *iso = cp_date_format_iso (cp_holiday_get_date (h));
          g_ptr_array_add (out, g_strdup_printf ("%s\t%s", iso, cp_holiday_get_title (h)));
        }
    }
  return out;
}

Test (bank_holidays, england_and_wales_2018_to_2026_match_the_published_fixture)
{
  g_autofree char *path = test_data_path ("bank-holidays-england-and-wales-2018-2026.tsv");
  g_autofree char *contents = NULL;
  g_auto(GStrv) lines = NULL;
  g_autoptr(CpCalendar) cal = cp_calendar_new (CP_REGION_ENGLAND_AND_WALES);
  g_autoptr(GPtrArray) mine = listed (cal, 2018, 2026);
  guint n = 0;

  cr_assert (g_file_get_contents (path, &contents, NULL, NULL));
  lines = g_strsplit (contents, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      g_auto(GStrv) f = NULL;
      g_autofree char *expected = NULL;

      if (lines[i][0] == '#' || lines[i][0] == '\0')
        continue;
      f = g_strsplit (lines[i], "\t", 3);
      expected = g_strdup_printf ("%s\t%s", f[0], f[1]);
      cr_assert_lt (n, mine->len, "fixture has more days than computed");
      cr_assert_str_eq (g_ptr_array_index (mine, n), expected, "day %u", n);
      n++;
    }
  cr_assert_eq (n, mine->len, "computed %u days, fixture %u", mine->len, n);
  cr_assert_eq (n, 75);
}

/* Every division of the gov.uk file, 2012 to 2028: the same dates. */
Test (bank_holidays, all_regions_2012_to_2028_match_gov_uk_dates)
{
  g_autofree char *path = test_data_path ("bank-holidays.json");
  g_autoptr(JsonParser) parser = json_parser_new ();
  const char *divisions[] = { "england-and-wales", "scotland", "northern-ireland" };

  cr_assert (json_parser_load_from_file (parser, path, NULL));

  for (CpRegion r = CP_REGION_ENGLAND_AND_WALES; r <= CP_REGION_NORTHERN_IRELAND; r++)
    {
      g_autoptr(CpCalendar) cal = cp_calendar_new (r);
      JsonObject *root = json_node_get_object (json_parser_get_root (parser));
      JsonArray *events = json_object_get_array_member (
          json_object_get_object_member (root, divisions[r]), "events");
      guint k = 0;

      for (int y = 2012; y <= 2028; y++)
        {
          g_autoptr(GListModel) list = cp_calendar_list_holidays (cal, y, NULL);

          for (guint i = 0; i < g_list_model_get_n_items (list); i++, k++)
            {
              g_autoptr(CpHoliday) h = g_list_model_get_item (list, i);
              g_autofree char *iso = cp_date_format_iso (cp_holiday_get_date (h));
              JsonObject *ev;

              cr_assert_lt (k, json_array_get_length (events));
              ev = json_array_get_object_element (events, k);
              cr_assert_str_eq (iso, json_object_get_string_member (ev, "date"),
                                "%s event %u", divisions[r], k);
            }
        }
      cr_assert_eq (k, json_array_get_length (events), "%s", divisions[r]);
    }
}

Test (bank_holidays, history_since_1970)
{
  g_autoptr(CpCalendar) ew = cp_calendar_new (CP_REGION_ENGLAND_AND_WALES);

  /* New Year's Day became a bank holiday in England in 1974. */
  cr_assert (working_in (ew, "1973-01-01"));
  cr_assert_not (working_in (ew, "1974-01-01"));
  /* Early May from 1978. */
  cr_assert (working_in (ew, "1977-05-02"));
  cr_assert_not (working_in (ew, "1978-05-01"));
  /* Silver Jubilee: spring holiday moved to 6 June, 7 June extra. */
  cr_assert (working_in (ew, "1977-05-30"));
  cr_assert_not (working_in (ew, "1977-06-06"));
  cr_assert_not (working_in (ew, "1977-06-07"));
  cr_assert_not (working_in (ew, "1981-07-29"));
  /* VE Day 1995: early May moved to 8 May. */
  cr_assert (working_in (ew, "1995-05-01"));
  cr_assert_not (working_in (ew, "1995-05-08"));
  cr_assert_not (working_in (ew, "1999-12-31"));
  cr_assert_not (working_in (ew, "2000-01-03"));
  cr_assert (working_in (ew, "2002-05-27"));
  cr_assert_not (working_in (ew, "2002-06-03"));
  cr_assert_not (working_in (ew, "2002-06-04"));
  cr_assert_not (working_in (ew, "2011-04-29"));
  cr_assert (working_in (ew, "2012-05-28"));
  cr_assert_not (working_in (ew, "2012-06-05"));
  /* VE Day 2020: a Friday. */
  cr_assert (working_in (ew, "2020-05-04"));
  cr_assert_not (working_in (ew, "2020-05-08"));
  /* 2022: spring holiday to Thursday 2 June, jubilee, state funeral. */
  cr_assert (working_in (ew, "2022-05-30"));
  cr_assert_not (working_in (ew, "2022-06-02"));
  cr_assert_not (working_in (ew, "2022-06-03"));
  cr_assert_not (working_in (ew, "2022-09-19"));
  cr_assert_not (working_in (ew, "2023-05-08"));
  /* A year far ahead is still computed: Easter 2100 is 28 March. */
  cr_assert_not (working_in (ew, "2100-03-26"));
  cr_assert_not (working_in (ew, "2100-03-29"));
}

Test (bank_holidays, scotland)
{
  g_autoptr(CpCalendar) sc = cp_calendar_new (CP_REGION_SCOTLAND);

  cr_assert_not (working_in (sc, "2026-01-02"));
  cr_assert (working_in (sc, "2026-04-06"), "no Easter Monday in Scotland");
  cr_assert_not (working_in (sc, "2026-08-03"));
  cr_assert (working_in (sc, "2026-08-31"));
  cr_assert_not (working_in (sc, "2026-11-30"));
  cr_assert_not (working_in (sc, "2025-12-01"), "St Andrew's substitute");
  cr_assert (working_in (sc, "2006-11-30"), "St Andrew's Day from 2007");
  cr_assert (working_in (sc, "1973-12-26"), "Boxing Day from 1974");
  cr_assert_not (working_in (sc, "1973-01-02"));
}

Test (bank_holidays, northern_ireland)
{
  g_autoptr(CpCalendar) ni = cp_calendar_new (CP_REGION_NORTHERN_IRELAND);

  cr_assert_not (working_in (ni, "2026-03-17"));
  cr_assert_not (working_in (ni, "2026-07-13"), "Boyne substitute");
  cr_assert (working_in (ni, "2026-07-14"));
  cr_assert_not (working_in (ni, "2026-04-06"));
  cr_assert_not (working_in (ni, "2026-08-31"));
}

Test (bank_holidays, loading_the_real_file_keeps_every_date)
{
  g_autofree char *path = test_data_path ("bank-holidays.json");
  g_autoptr(CpCalendar) computed = cp_calendar_new (CP_REGION_SCOTLAND);
  g_autoptr(CpCalendar) loaded = cp_calendar_new (CP_REGION_SCOTLAND);
  g_autoptr(GError) error = NULL;
  g_autoptr(GDate) a = test_date ("2012-01-01");
  g_autoptr(GDate) b = test_date ("2028-12-31");

  cr_assert (cp_calendar_load_bank_holidays_file (loaded, path, &error),
             "%s", error ? error->message : "");
  cr_assert_eq (cp_calendar_working_days_between (computed, a, b, NULL),
                cp_calendar_working_days_between (loaded, a, b, NULL));
}

static const char announced_2027[] =
  "{\"england-and-wales\": {\"division\": \"england-and-wales\", \"events\": ["
  "{\"title\": \"New Year’s Day\", \"date\": \"2027-01-01\", \"notes\": \"\", \"bunting\": true},"
  "{\"title\": \"A newly announced day\", \"date\": \"2027-06-07\", \"notes\": \"Extra bank holiday\", \"bunting\": true}"
  "]}}";

Test (bank_holidays, a_loaded_year_replaces_the_computed_year)
{
  g_autoptr(CpCalendar) cal = cp_calendar_new (CP_REGION_ENGLAND_AND_WALES);
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) y2027 = NULL;
  g_autoptr(CpHoliday) h = NULL;

  cr_assert (cp_calendar_load_bank_holidays_data (cal, announced_2027, -1, &error),
             "%s", error ? error->message : "");
  cr_assert_not (working_in (cal, "2027-06-07"));
  cr_assert (working_in (cal, "2027-03-26"), "2027 now comes from the file alone");
  cr_assert_not (working_in (cal, "2026-12-25"), "2026 is still computed");

  y2027 = cp_calendar_list_holidays (cal, 2027, NULL);
  cr_assert_eq (g_list_model_get_n_items (y2027), 2);
  h = g_list_model_get_item (y2027, 1);
  cr_assert_eq (cp_holiday_get_kind (h), CP_HOLIDAY_KIND_EXTRA);
}

static void
expect_bad (const char *json, CpError code, const char *fragment)
{
  g_autoptr(CpCalendar) cal = cp_calendar_new (CP_REGION_ENGLAND_AND_WALES);
  g_autoptr(GError) error = NULL;
  g_autoptr(GDate) a = test_date ("2026-12-14");
  g_autoptr(GDate) r = NULL;
  g_autofree char *iso = NULL;

  cr_assert_not (cp_calendar_load_bank_holidays_data (cal, json, -1, &error), "%s", json);
  assert_error (error, code, fragment);

  /* Nothing changed. */
  r = cp_calendar_add_working_days (cal, a, 20, NULL);
  iso = test_iso (r);
  cr_assert_str_eq (iso, "2027-01-14");
}

Test (bank_holidays, malformed_files)
{
  expect_bad ("{", CP_ERROR_PARSE, "bank holidays:");
  expect_bad ("[]", CP_ERROR_INVALID_VALUE, "not a JSON object");
  expect_bad ("{\"wales\": {\"events\": []}}", CP_ERROR_UNKNOWN_CODE, "wales: unknown division");
  expect_bad ("{\"england-and-wales\": []}", CP_ERROR_INVALID_VALUE, "england-and-wales: not an object");
  expect_bad ("{\"england-and-wales\": {}}", CP_ERROR_MISSING_FIELD, "england-and-wales.events: missing");
  expect_bad ("{\"england-and-wales\": {\"events\": {}}}", CP_ERROR_INVALID_VALUE,
              "england-and-wales.events: not an array");
  expect_bad ("{\"england-and-wales\": {\"division\": \"scotland\", \"events\": []}}",
              CP_ERROR_INCONSISTENT, "england-and-wales.division");
  expect_bad ("{\"england-and-wales\": {\"events\": [1]}}", CP_ERROR_INVALID_VALUE,
              "england-and-wales.events[0]: not an object");
  expect_bad ("{\"england-and-wales\": {\"events\": [{\"date\": \"2027-01-01\"}]}}",
              CP_ERROR_MISSING_FIELD, "england-and-wales.events[0].title: missing");
  expect_bad ("{\"england-and-wales\": {\"events\": [{\"title\": \"x\"}]}}",
              CP_ERROR_MISSING_FIELD, "england-and-wales.events[0].date: missing");
  expect_bad ("{\"england-and-wales\": {\"events\": [{\"title\": \"\", \"date\": \"2027-01-01\"}]}}",
              CP_ERROR_INVALID_VALUE, "events[0].title: not a non-empty string");
  expect_bad ("{\"england-and-wales\": {\"events\": [{\"title\": \"x\", \"date\": 20270101}]}}",
              CP_ERROR_INVALID_VALUE, "events[0].date: not a string");
  expect_bad ("{\"england-and-wales\": {\"events\": ["
              "{\"title\": \"x\", \"date\": \"2027-01-01\"},"
              "{\"title\": \"y\", \"date\": \"2026-02-30\"}]}}",
              CP_ERROR_INVALID_DATE, "england-and-wales.events[1].date: “2026-02-30” is not a date");
  expect_bad ("{\"england-and-wales\": {\"events\": [{\"title\": \"x\", \"date\": \"2101-01-03\"}]}}",
              CP_ERROR_OUT_OF_RANGE, "events[0].date: “2101-01-03” is outside");
  expect_bad ("{\"england-and-wales\": {\"events\": [{\"title\": \"x\", \"date\": \"2027-01-01\", \"notes\": 3}]}}",
              CP_ERROR_INVALID_VALUE, "events[0].notes: not a string");
  expect_bad ("{\"scotland\": {\"events\": []}}", CP_ERROR_MISSING_FIELD,
              "england-and-wales: missing");
  /* A bad entry in another division still rejects the file. */
  expect_bad ("{\"england-and-wales\": {\"events\": []}, "
              "\"scotland\": {\"events\": [{\"title\": \"x\", \"date\": \"bad\"}]}}",
              CP_ERROR_INVALID_DATE, "scotland.events[0].date");
}

Test (bank_holidays, missing_file_is_a_file_error)
{
  g_autoptr(CpCalendar) cal = cp_calendar_new (CP_REGION_ENGLAND_AND_WALES);
  g_autoptr(GError) error = NULL;

  cr_assert_not (cp_calendar_load_bank_holidays_file (cal, "/nonexistent/bank-holidays.json", &error));
  cr_assert (g_error_matches (error, G_FILE_ERROR, G_FILE_ERROR_NOENT));
}
