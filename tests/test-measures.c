/* test-measures.c: allocations on a case, and the timeliness measures
 *
 * The measures on hand-built cases under the england profile: a child
 * placed in foster care on Monday 3 March 2025 has a first visit due a
 * week later, on Monday 10 March (SI 2010/959 reg 28(2)(a)), and the
 * next six weeks after that visit; each is counted only in a period that
 * holds its due date (on `from`, on `to`, or not one day outside).
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include <math.h>
#include <string.h>

#include "test-evaluating.h"
#include "cp-record-private.h"

static CpPolicy *england;

static void
setup (void)
{
  test_calendar_setup ();
  england = test_profile ("england");
}

static void
teardown (void)
{
  test_calendar_teardown ();
  g_clear_object (&england);
}

TestSuite (measures, .init = setup, .fini = teardown);

#define CHILD \
  "\"version\":1,\"child\":{\"id\":\"T-7\",\"birth_date\":\"2015-01-01\"," \
  "\"looked_after_since\":\"2025-03-03\",\"legal_statuses\":[{\"status\":\"care-order\"," \
  "\"start\":\"2025-03-03\"}]},\"placements\":[{\"kind\":\"foster-own-authority\"," \
  "\"start\":\"2025-03-03\"}]"

/* A case placed on 3 March 2025 with @extra members (may be NULL). */
static CpCase *
make_case (const char *extra)
{
  g_autofree char *text = g_strdup_printf ("{" CHILD "%s%s}", extra ? "," : "", extra ? extra : "");

  return test_case_from_json (text);
}

static CpCase *
visited_on (const char *day)
{
  g_autofree char *extra = NULL;

  if (day == NULL)
    return make_case (NULL);
  extra = g_strdup_printf ("\"activities\":[{\"duty\":\"visit\",\"date\":\"%s\"}]", day);
  return make_case (extra);
}

static CpMeasures *
measure (const char *from, const char *to, CpGrouping grouping, CpCase **cases, guint n)
{
  g_autoptr(GDate) f = test_date (from);
  g_autoptr(GDate) t = test_date (to);
  CpMeasures *m = cp_measures_new (england, test_calendar, f, t, grouping);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(GError) error = NULL;
      cr_assert (cp_measures_add_case (m, cases[i], &error), "%s", error ? error->message : "");
    }
  return m;
}

/* Allocations ------------------------------------------------------------- */

#define ALLOCATIONS \
  "\"allocations\":[" \
  "{\"role\":\"social-worker\",\"staff\":\"SW-SECRET-1\",\"team\":\"North\",\"start\":\"2025-03-03\",\"end\":\"2025-03-10\"}," \
  "{\"role\":\"iro\",\"staff\":\"IRO-SECRET-9\",\"team\":\"IRS\",\"start\":\"2025-03-03\"}," \
  "{\"role\":\"social-worker\",\"staff\":\"SW-SECRET-2\",\"team\":\"South\",\"start\":\"2025-03-10\"}]"

Test (measures, allocations_round_trip_losslessly)
{
  g_autoptr(CpCase) kase = make_case (ALLOCATIONS);
  g_autoptr(GError) error = NULL;
  g_autofree char *text = cp_case_to_json_string (kase, FALSE);
  g_autoptr(CpCase) again = cp_case_new_from_json (text, -1, &error);
  g_autofree char *text2 = NULL;
  GListModel *list = cp_case_get_allocations (kase);
  g_autoptr(CpAllocation) first = g_list_model_get_item (list, 0);

  cr_assert_not_null (again, "%s", error ? error->message : "");
  cr_assert (cp_record_equal (CP_RECORD (kase), CP_RECORD (again)));
  text2 = cp_case_to_json_string (again, FALSE);
  cr_assert_str_eq (text, text2);
  cr_assert_not_null (strstr (text, "\"allocations\""));
  cr_assert_eq (g_list_model_get_n_items (list), 3);
  cr_assert_eq (cp_allocation_get_role (first), CP_ROLE_SOCIAL_WORKER);
  cr_assert_str_eq (cp_allocation_get_staff (first), "SW-SECRET-1");
  cr_assert_str_eq (cp_allocation_get_team (first), "North");
  {
    g_autofree char *end = test_iso (cp_allocation_get_end (first));
    cr_assert_str_eq (end, "2025-03-10");
  }
}

Test (measures, allocation_on_a_day_and_handover)
{
  g_autoptr(CpCase) kase = make_case (ALLOCATIONS);
  g_autoptr(GDate) before = test_date ("2025-03-02");
  g_autoptr(GDate) last_north = test_date ("2025-03-09");
  g_autoptr(GDate) handover = test_date ("2025-03-10");

  cr_assert_null (cp_case_get_allocation (kase, CP_ROLE_SOCIAL_WORKER, before));
  cr_assert_null (cp_grouping_key (kase, CP_GROUPING_TEAM, before));
  cr_assert_str_eq (cp_grouping_key (kase, CP_GROUPING_TEAM, last_north), "North");
  cr_assert_str_eq (cp_grouping_key (kase, CP_GROUPING_WORKER, last_north), "SW-SECRET-1");
  /* On the day of handover the newer allocation is current. */
  cr_assert_str_eq (cp_grouping_key (kase, CP_GROUPING_TEAM, handover), "South");
  cr_assert_str_eq (cp_grouping_key (kase, CP_GROUPING_WORKER, handover), "SW-SECRET-2");
  cr_assert_str_eq (cp_grouping_key (kase, CP_GROUPING_IRO, handover), "IRO-SECRET-9");
  cr_assert_str_eq (cp_grouping_key (kase, CP_GROUPING_AUTHORITY, handover), "all");
}

static void
assert_refused (const char *allocations, const char *fragment)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *text = g_strdup_printf ("{" CHILD ",\"allocations\":[%s]}", allocations);
  g_autoptr(CpCase) kase = cp_case_new_from_json (text, -1, &error);

  cr_assert_null (kase, "accepted %s", allocations);
  cr_assert_not_null (strstr (error->message, fragment), "“%s” lacks “%s”", error->message, fragment);
  cr_assert_null (strstr (error->message, "SECRET"), "a staff identifier in “%s”", error->message);
  cr_assert_null (strstr (error->message, "Team"), "a team in “%s”", error->message);
}

Test (measures, allocation_errors_name_the_path_never_the_staff)
{
  assert_refused ("{\"role\":\"iro\",\"staff\":\"SECRET\",\"team\":\"Team\",\"start\":\"2025-03-05\","
                  "\"end\":\"2025-03-04\"}",
                  "allocations[0].end: 2025-03-04 is before allocations[0].start 2025-03-05");
  assert_refused ("{\"role\":\"iro\",\"staff\":\"SECRET\",\"team\":\"Team\",\"start\":\"2025-03-05\","
                  "\"end\":\"2025-04-01\"},"
                  "{\"role\":\"social-worker\",\"staff\":\"SECRET2\",\"start\":\"2025-03-05\"},"
                  "{\"role\":\"iro\",\"staff\":\"SECRET3\",\"start\":\"2025-03-31\"}",
                  "allocations[2].start: 2025-03-31 is before allocations[0].end 2025-04-01");
  assert_refused ("{\"role\":\"iro\",\"staff\":\"SECRET\",\"team\":\"Team\",\"start\":\"2025-03-05\"},"
                  "{\"role\":\"iro\",\"staff\":\"SECRET3\",\"start\":\"2025-03-31\"}",
                  "allocations[0].end: missing");
  assert_refused ("{\"role\":\"iro\",\"staff\":\"SECRET\",\"team\":\"Team\",\"start\":\"2025-03-05\",\"end\":\"2025-03-06\"},"
                  "{\"role\":\"iro\",\"staff\":\"SECRET3\",\"start\":\"2025-03-01\"}",
                  "allocations[1].start: 2025-03-01 is before allocations[0].start 2025-03-05");
  assert_refused ("{\"role\":\"boss\",\"staff\":\"SECRET\",\"start\":\"2025-03-05\"}",
                  "allocations[0].role: “boss” is not a known code");
  assert_refused ("{\"role\":\"iro\",\"staff\":\"SECRET\"}", "allocations[0].start: missing");
  assert_refused ("{\"role\":\"iro\",\"staff\":42,\"start\":\"2025-03-05\"}",
                  "allocations[0].staff: expected a string, found");
}

Test (measures, allocate_ends_the_open_allocation_and_records_history)
{
  g_autoptr(CpCase) kase = make_case (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GDate) d1 = test_date ("2025-03-03");
  g_autoptr(GDate) d2 = test_date ("2025-06-02");
  g_autoptr(GDate) d0 = test_date ("2025-03-01");
  g_autoptr(CpAllocation) a1 = cp_allocation_new (CP_ROLE_SOCIAL_WORKER, "SECRET-A", "North", d1);
  g_autoptr(CpAllocation) a2 = cp_allocation_new (CP_ROLE_SOCIAL_WORKER, "SECRET-B", "North", d2);
  g_autoptr(CpAllocation) early = cp_allocation_new (CP_ROLE_SOCIAL_WORKER, "SECRET-C", NULL, d0);
  GListModel *history = cp_case_get_history (kase);
  g_autoptr(CpHistoryEntry) last = NULL;
  g_autofree char *end = NULL;

  cr_assert (cp_case_allocate (kase, a1, CP_ROLE_TEAM_MANAGER, NULL, &error));
  cr_assert (cp_case_allocate (kase, a2, CP_ROLE_TEAM_MANAGER, NULL, &error));
  end = test_iso (cp_allocation_get_end (a1));
  cr_assert_str_eq (end, "2025-06-02");
  cr_assert_null (cp_allocation_get_end (a2));
  cr_assert (cp_case_validate (kase, &error), "%s", error ? error->message : "");

  cr_assert_not (cp_case_allocate (kase, early, CP_ROLE_TEAM_MANAGER, NULL, &error));
  assert_error (error, CP_ERROR_INCONSISTENT, "allocation.start: 2025-03-01 is before");
  cr_assert_null (strstr (error->message, "SECRET"));
  cr_assert_eq (g_list_model_get_n_items (cp_case_get_allocations (kase)), 2);

  last = g_list_model_get_item (history, g_list_model_get_n_items (history) - 1);
  cr_assert_str_eq (cp_history_entry_get_action (last), "allocation.record");
  cr_assert_str_eq (cp_history_entry_get_reason (last), "social-worker");
}

/* Areas of work ----------------------------------------------------------- */

Test (measures, areas_of_work)
{
  cr_assert_eq (cp_area_of_duty (CP_DUTY_REVIEW), CP_AREA_REVIEWS);
  cr_assert_eq (cp_area_of_duty (CP_DUTY_PEP_REVIEW), CP_AREA_HEALTH_EDUCATION);
  cr_assert_eq (cp_area_of_duty (CP_DUTY_DECISIONS_RECORD), CP_AREA_REVIEW_PAPERWORK);
  cr_assert_eq (cp_area_of_duty (CP_DUTY_PATHWAY_PLAN), CP_AREA_LEAVING_CARE);
  cr_assert_str_eq (cp_area_get_label (CP_AREA_HEALTH_EDUCATION), "health, education");
  cr_assert_str_eq (cp_enum_to_nick (CP_TYPE_AREA, CP_AREA_HEALTH_EDUCATION), "health-education");
}

/* An area's key is its nick in snake_case, for every area: the summary's
 * JSON keys and CSV column rely on it. */
Test (measures, area_keys_are_snake_case_nicks)
{
  g_autoptr(GEnumClass) areas = g_type_class_ref (CP_TYPE_AREA);

  cr_assert_eq (areas->n_values, CP_AREA_DISPUTES + 1);
  for (guint i = 0; i < areas->n_values; i++)
    {
      g_autofree char *want = g_strdelimit (g_strdup (areas->values[i].value_nick), "-", '_');

      cr_assert_str_eq (cp_area_get_key (areas->values[i].value), want);
    }
  cr_assert_str_eq (cp_area_get_key (CP_AREA_HEALTH_EDUCATION), "health_education");
  cr_assert_str_eq (cp_area_get_key (CP_AREA_REVIEW_PAPERWORK), "review_paperwork");
}

/* Boundaries of the period -------------------------------------------------- */

Test (measures, due_on_from_and_on_to_count)
{
  g_autoptr(CpCase) kase = visited_on ("2025-03-10");
  CpCase *cases[] = { kase };
  /* The first visit is due on 10 March: a period starting or ending that
   * day holds it. */
  g_autoptr(CpMeasures) on_from = measure ("2025-03-10", "2025-03-31", CP_GROUPING_AUTHORITY, cases, 1);
  g_autoptr(CpMeasures) on_to = measure ("2025-03-01", "2025-03-10", CP_GROUPING_AUTHORITY, cases, 1);

  cr_assert_eq (cp_measures_get_due (on_from, NULL, CP_MEASURE_VISITS), 1);
  cr_assert_eq (cp_measures_get_on_time (on_from, NULL, CP_MEASURE_VISITS), 1);
  cr_assert_eq (cp_measures_get_due (on_to, "all", CP_MEASURE_VISITS), 1);
  cr_assert_eq (cp_measures_get_on_time (on_to, "all", CP_MEASURE_VISITS), 1);
  cr_assert_eq (cp_measures_get_late (on_to, NULL, CP_MEASURE_VISITS), 0);
  cr_assert_float_eq (cp_measures_get_share_on_time (on_to, NULL, CP_MEASURE_VISITS), 1.0, 1e-9);
  cr_assert (isnan (cp_measures_get_median_lateness (on_to, NULL, CP_MEASURE_VISITS)));
  cr_assert_eq (cp_measures_get_worst_lateness (on_to, NULL, CP_MEASURE_VISITS), -1);
  cr_assert_eq (cp_measures_get_cases (on_to), 1);
}

Test (measures, one_day_outside_does_not_count)
{
  g_autoptr(CpCase) kase = visited_on ("2025-03-10");
  CpCase *cases[] = { kase };
  /* The first visit due on 10 March, the next six weeks after it, on
   * 21 April: a period from 11 March to 20 April holds neither. */
  g_autoptr(CpMeasures) between = measure ("2025-03-11", "2025-04-20", CP_GROUPING_AUTHORITY, cases, 1);
  g_autoptr(CpMeasures) before = measure ("2025-03-01", "2025-03-09", CP_GROUPING_AUTHORITY, cases, 1);
  g_autoptr(CpMeasures) next = measure ("2025-04-21", "2025-04-21", CP_GROUPING_AUTHORITY, cases, 1);

  cr_assert_eq (cp_measures_get_due (between, NULL, CP_MEASURE_VISITS), 0);
  cr_assert (isnan (cp_measures_get_share_on_time (between, NULL, CP_MEASURE_VISITS)));
  cr_assert_eq (cp_measures_get_due (before, NULL, CP_MEASURE_VISITS), 0);
  /* The next visit, due on 21 April and not made: late by a day at the
   * end of the period. */
  cr_assert_eq (cp_measures_get_due (next, NULL, CP_MEASURE_VISITS), 1);
  cr_assert_eq (cp_measures_get_late (next, NULL, CP_MEASURE_VISITS), 1);
  cr_assert_eq (cp_measures_get_open (next, NULL, CP_MEASURE_VISITS), 1);
  cr_assert_eq (cp_measures_get_worst_lateness (next, NULL, CP_MEASURE_VISITS), 1);
}

Test (measures, met_late_counts_late_by_its_days)
{
  /* Visited on 12 March: two days late, even within the period. */
  g_autoptr(CpCase) kase = visited_on ("2025-03-12");
  CpCase *cases[] = { kase };
  g_autoptr(CpMeasures) m = measure ("2025-03-01", "2025-03-31", CP_GROUPING_AUTHORITY, cases, 1);

  cr_assert_eq (cp_measures_get_due (m, NULL, CP_MEASURE_VISITS), 1);
  cr_assert_eq (cp_measures_get_on_time (m, NULL, CP_MEASURE_VISITS), 0);
  cr_assert_eq (cp_measures_get_late (m, NULL, CP_MEASURE_VISITS), 1);
  cr_assert_eq (cp_measures_get_open (m, NULL, CP_MEASURE_VISITS), 0);
  cr_assert_float_eq (cp_measures_get_median_lateness (m, NULL, CP_MEASURE_VISITS), 2.0, 1e-9);
  cr_assert_eq (cp_measures_get_worst_lateness (m, NULL, CP_MEASURE_VISITS), 2);
  cr_assert_float_eq (cp_measures_get_share_on_time (m, NULL, CP_MEASURE_VISITS), 0.0, 1e-9);
}

Test (measures, overdue_at_the_end_of_the_period_is_late_to_its_end)
{
  /* Never visited: due 10 March. A period ending that day has it late by
   * one day; one ending on 20 March, by eleven. A visit after the period
   * does not change a past period's numbers. */
  g_autoptr(CpCase) never = visited_on (NULL);
  g_autoptr(CpCase) after = visited_on ("2025-03-25");
  CpCase *cases[] = { never, after };
  g_autoptr(CpMeasures) on_due = measure ("2025-03-01", "2025-03-10", CP_GROUPING_AUTHORITY, cases, 1);
  g_autoptr(CpMeasures) later = measure ("2025-03-01", "2025-03-20", CP_GROUPING_AUTHORITY, cases, 2);

  cr_assert_eq (cp_measures_get_due (on_due, NULL, CP_MEASURE_VISITS), 1);
  cr_assert_eq (cp_measures_get_late (on_due, NULL, CP_MEASURE_VISITS), 1);
  cr_assert_eq (cp_measures_get_open (on_due, NULL, CP_MEASURE_VISITS), 1);
  cr_assert_eq (cp_measures_get_worst_lateness (on_due, NULL, CP_MEASURE_VISITS), 1);

  cr_assert_eq (cp_measures_get_due (later, NULL, CP_MEASURE_VISITS), 2);
  cr_assert_eq (cp_measures_get_late (later, NULL, CP_MEASURE_VISITS), 2);
  cr_assert_eq (cp_measures_get_open (later, NULL, CP_MEASURE_VISITS), 2);
  cr_assert_eq (cp_measures_get_worst_lateness (later, NULL, CP_MEASURE_VISITS), 11);
  cr_assert_float_eq (cp_measures_get_median_lateness (later, NULL, CP_MEASURE_VISITS), 11.0, 1e-9);
}

Test (measures, median_of_an_even_and_an_odd_number)
{
  g_autoptr(CpCase) two = visited_on ("2025-03-12");     /* 2 days late */
  g_autoptr(CpCase) five = visited_on ("2025-03-15");    /* 5 */
  g_autoptr(CpCase) nine = visited_on ("2025-03-19");    /* 9 */
  g_autoptr(CpCase) ok = visited_on ("2025-03-08");      /* on time */
  CpCase *cases[] = { two, five, nine, ok };
  g_autoptr(CpMeasures) odd = measure ("2025-03-01", "2025-03-31", CP_GROUPING_AUTHORITY, cases, 4);
  g_autoptr(CpMeasures) even = measure ("2025-03-01", "2025-03-31", CP_GROUPING_AUTHORITY, cases, 2);

  cr_assert_eq (cp_measures_get_due (odd, NULL, CP_MEASURE_VISITS), 4);
  cr_assert_eq (cp_measures_get_on_time (odd, NULL, CP_MEASURE_VISITS), 1);
  cr_assert_eq (cp_measures_get_late (odd, NULL, CP_MEASURE_VISITS), 3);
  cr_assert_float_eq (cp_measures_get_share_on_time (odd, NULL, CP_MEASURE_VISITS), 0.25, 1e-9);
  cr_assert_float_eq (cp_measures_get_median_lateness (odd, NULL, CP_MEASURE_VISITS), 5.0, 1e-9);
  cr_assert_eq (cp_measures_get_worst_lateness (odd, NULL, CP_MEASURE_VISITS), 9);
  cr_assert_float_eq (cp_measures_get_median_lateness (even, NULL, CP_MEASURE_VISITS), 3.5, 1e-9);
}

Test (measures, placement_plan_across_a_bank_holiday)
{
  /* england: the placement plan within five working days of the
   * placement: placed on Wednesday 16 April 2025, due Friday 25 April,
   * past Good Friday (18th) and Easter Monday (21st). Made on the 25th:
   * on time; counted in a period ending then; not in one ending on the
   * 24th, the day before. */
  g_autoptr(GError) error = NULL;
  const char *text =
    "{\"version\":1,\"child\":{\"id\":\"T-7\",\"birth_date\":\"2015-01-01\","
    "\"looked_after_since\":\"2025-04-16\",\"legal_statuses\":[{\"status\":\"care-order\","
    "\"start\":\"2025-04-16\"}]},\"placements\":[{\"kind\":\"foster-own-authority\","
    "\"start\":\"2025-04-16\"}],\"care_plan\":{\"created\":\"2025-04-17\",\"sub_plans\":"
    "[{\"kind\":\"placement-plan\",\"completed\":\"2025-04-25\"}]}}";
  g_autoptr(CpCase) kase = cp_case_new_from_json (text, -1, &error);
  CpCase *cases[] = { kase };
  g_autoptr(CpMeasures) upto_due = NULL, before_due = NULL;

  cr_assert_not_null (kase, "%s", error ? error->message : "");
  upto_due = measure ("2025-04-01", "2025-04-25", CP_GROUPING_AUTHORITY, cases, 1);
  before_due = measure ("2025-04-01", "2025-04-24", CP_GROUPING_AUTHORITY, cases, 1);
  cr_assert_eq (cp_measures_get_due (upto_due, NULL, CP_MEASURE_PLACEMENT_PLANS), 1);
  cr_assert_eq (cp_measures_get_on_time (upto_due, NULL, CP_MEASURE_PLACEMENT_PLANS), 1);
  cr_assert_eq (cp_measures_get_due (before_due, NULL, CP_MEASURE_PLACEMENT_PLANS), 0);
}

/* Groups -------------------------------------------------------------------- */

Test (measures, each_obligation_counts_for_the_allocation_on_its_due_date)
{
  /* The first visit, due 10 March, the day South took over from North. */
  g_autoptr(CpCase) handed_over = make_case (ALLOCATIONS);
  g_autoptr(CpCase) unallocated = visited_on ("2025-03-12");
  CpCase *cases[] = { handed_over, unallocated };
  g_autoptr(CpMeasures) by_team = measure ("2025-03-01", "2025-03-31", CP_GROUPING_TEAM, cases, 2);
  g_autoptr(CpMeasures) by_iro = measure ("2025-03-01", "2025-03-31", CP_GROUPING_IRO, cases, 2);
  g_auto(GStrv) teams = cp_measures_dup_groups (by_team);

  cr_assert_eq (g_strv_length (teams), 2);
  cr_assert_str_eq (teams[0], "South");
  cr_assert_str_eq (teams[1], "unallocated");
  cr_assert_eq (cp_measures_get_due (by_team, "South", CP_MEASURE_VISITS), 1);
  cr_assert_eq (cp_measures_get_late (by_team, "South", CP_MEASURE_VISITS), 1);
  cr_assert_eq (cp_measures_get_due (by_team, "North", CP_MEASURE_VISITS), 0);
  cr_assert_eq (cp_measures_get_due (by_team, "unallocated", CP_MEASURE_VISITS), 1);
  cr_assert_eq (cp_measures_get_worst_lateness (by_team, "unallocated", CP_MEASURE_VISITS), 2);
  cr_assert_eq (cp_measures_get_due (by_iro, "IRO-SECRET-9", CP_MEASURE_VISITS), 1);
  cr_assert_eq (cp_measures_get_grouping (by_iro), CP_GROUPING_IRO);
}
