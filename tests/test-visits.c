/* test-visits.c: social worker visits (CPPCR reg 28) under england and
 * the seed profiles that differ
 *
 * Each rule at its boundary: the last day on time, the first day late, and
 * across a bank holiday (weeks and months are calendar units, so Christmas
 * 2026 and Easter 2027 do not move a visit: Friday 25 and Monday 28
 * December 2026, New Year's Day 2027, Good Friday 26 and Easter Monday 29
 * March 2027).
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include <string.h>

#include "test-evaluating.h"
#include "cp-record-private.h"

TestSuite (visits, .init = test_calendar_setup, .fini = test_calendar_teardown);

/* A case from JSON: @birth, @lac, the legal statuses @statuses (NULL: a
 * care order from @lac), the placements @placements and @extra members. */
static CpCase *
make_case (const char *birth, const char *lac, const char *statuses, const char *placements,
           const char *extra)
{
  g_autofree char *default_statuses = g_strdup_printf ("[{\"status\":\"care-order\",\"start\":\"%s\"}]", lac);
  g_autofree char *text = g_strdup_printf (
    "{\"version\":1,\"child\":{\"id\":\"T-1\",\"birth_date\":\"%s\",\"looked_after_since\":\"%s\","
    "\"legal_statuses\":%s},\"placements\":%s%s%s}",
    birth, lac, statuses ? statuses : default_statuses, placements, extra ? "," : "", extra ? extra : "");

  return test_case_from_json (text);
}

static void
visits (CpCase *kase, const char * const *days)
{
  for (guint i = 0; days[i] != NULL; i++)
    test_record (kase, CP_DUTY_VISIT, days[i]);
}

static void
assert_none (CpEvaluator *ev, const char *subject)
{
  GListModel *list = cp_evaluator_get_obligations (ev);

  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(CpObligation) o = g_list_model_get_item (list, i);

      cr_assert (g_strcmp0 (cp_obligation_get_subject (o), subject) != 0,
                 "unexpected obligation %s for %s: %s", cp_obligation_get_key (o), subject,
                 cp_obligation_get_explanation (o));
    }
}

#define FOSTER(start) "[{\"kind\":\"foster-own-authority\",\"start\":\"" start "\"}]"
/* A foster placement from 2025-06-02; +flags. */
#define FOSTER_2025(flags) "[{\"kind\":\"foster-own-authority\",\"start\":\"2025-06-02\"" flags "}]"

/* reg 28(2)(a): within one week of each placement ------------------------- */

Test (visits, england_first_visit_of_each_placement_within_a_week)
{
  const char *places =
    "[{\"kind\":\"foster-own-authority\",\"start\":\"2026-11-02\",\"end\":\"2026-12-21\"},"
    "{\"kind\":\"residential\",\"start\":\"2026-12-21\"}]";
  g_autoptr(CpCase) on_time = make_case ("2012-05-05", "2026-11-02", NULL, places, NULL);
  g_autoptr(CpCase) late = make_case ("2012-05-05", "2026-11-02", NULL, places, NULL);
  g_autoptr(CpEvaluator) a = NULL, b = NULL;
  CpObligation *o;

  test_record (on_time, CP_DUTY_VISIT, "2026-11-09");
  test_record (late, CP_DUTY_VISIT, "2026-11-10");
  /* The second placement's clock restarts: one calendar week from Monday
   * 21 December is Monday 28, the Boxing Day substitute holiday. */
  test_record (on_time, CP_DUTY_VISIT, "2026-12-28");
  test_record (late, CP_DUTY_VISIT, "2026-12-29");
  a = test_evaluate (on_time, "england", "2027-01-04");
  b = test_evaluate (late, "england", "2027-01-04");
  o = expect (a, "visit.first", "placement 1", "2026-11-09", CP_OBLIGATION_STATUS_MET_ON_TIME);
  cr_assert_str_eq (cp_obligation_get_citation (o), "SI 2010/959 reg 28(2)(a)");
  expect (b, "visit.first", "placement 1", "2026-11-09", CP_OBLIGATION_STATUS_MET_LATE);
  expect (a, "visit.first", "placement 2", "2026-12-28", CP_OBLIGATION_STATUS_MET_ON_TIME);
  expect (b, "visit.first", "placement 2", "2026-12-28", CP_OBLIGATION_STATUS_MET_LATE);
}

/* reg 28(2)(b): six weeks in the placement's first year ------------------- */

Test (visits, england_six_weeks_in_the_first_year_across_new_year)
{
  g_autoptr(CpCase) kase = make_case ("2012-05-05", "2026-11-02", NULL, FOSTER ("2026-11-02"), NULL);
  g_autoptr(CpCase) late = make_case ("2012-05-05", "2026-11-02", NULL, FOSTER ("2026-11-02"), NULL);
  g_autoptr(CpEvaluator) a = NULL, b = NULL;

  /* Six weeks from Friday 20 November is New Year's Day. */
  visits (kase, (const char *[]) { "2026-11-06", "2026-11-20", "2027-01-01", NULL });
  visits (late, (const char *[]) { "2026-11-06", "2026-11-20", "2027-01-02", NULL });
  a = test_evaluate (kase, "england", "2027-01-05");
  b = test_evaluate (late, "england", "2027-01-05");
  assert_none (a, "visit after 2026-11-20");
  expect (b, "visit.interval", "visit after 2026-11-20", "2027-01-01", CP_OBLIGATION_STATUS_MET_LATE);
  expect (a, "visit.interval", "next visit", "2027-02-12", CP_OBLIGATION_STATUS_UPCOMING);
}

/* reg 28(2)(c): after the first year, three months only for a placement
 * intended to last until 18 -------------------------------------------- */

Test (visits, england_three_months_after_a_year_only_if_intended_until_18)
{
  g_autoptr(CpCase) intended = make_case ("2012-05-05", "2025-06-02", NULL,
                                          FOSTER_2025 (",\"intended_until_18\":true"), NULL);
  g_autoptr(CpCase) late = make_case ("2012-05-05", "2025-06-02", NULL,
                                      FOSTER_2025 (",\"intended_until_18\":true"), NULL);
  g_autoptr(CpCase) long_term = make_case ("2012-05-05", "2025-06-02", NULL,
                                           FOSTER_2025 (",\"long_term\":true"), NULL);
  g_autoptr(CpEvaluator) a = NULL, b = NULL, c = NULL;

  /* In the first year (11 months in), six weeks even when intended until 18. */
  test_record (intended, CP_DUTY_VISIT, "2026-05-01");
  a = test_evaluate (intended, "england", "2026-05-02");
  expect (a, "visit.interval", "next visit", "2026-06-12", CP_OBLIGATION_STATUS_UPCOMING);

  /* After a year: three months from Friday 25 September is Christmas Day. */
  test_record (intended, CP_DUTY_VISIT, "2026-06-12");
  test_record (intended, CP_DUTY_VISIT, "2026-09-25");
  test_record (intended, CP_DUTY_VISIT, "2026-12-25");
  visits (late, (const char *[]) { "2026-05-01", "2026-06-12", "2026-09-25", "2026-12-26", NULL });
  at (a, "2026-12-28");
  b = test_evaluate (late, "england", "2026-12-28");
  assert_none (a, "visit after 2026-09-25");
  expect (b, "visit.interval.until-18", "visit after 2026-09-25", "2026-12-25", CP_OBLIGATION_STATUS_MET_LATE);
  expect (a, "visit.interval.until-18", "next visit", "2027-03-25", CP_OBLIGATION_STATUS_UPCOMING);

  /* Three months from 30 November: February has no 30th, so the 28th,
   * the earlier reading. */
  {
    g_autoptr(CpCase) clamp = make_case ("2012-05-05", "2025-06-02", NULL,
                                         FOSTER_2025 (",\"intended_until_18\":true"), NULL);
    g_autoptr(CpEvaluator) e = NULL;

    test_record (clamp, CP_DUTY_VISIT, "2026-11-30");
    e = test_evaluate (clamp, "england", "2026-12-01");
    expect (e, "visit.interval.until-18", "next visit", "2027-02-28", CP_OBLIGATION_STATUS_UPCOMING);
  }

  /* Designated long-term but not recorded as meant to last until 18: six weeks. */
  test_record (long_term, CP_DUTY_VISIT, "2026-09-25");
  c = test_evaluate (long_term, "england", "2026-09-26");
  expect (c, "visit.interval", "next visit", "2026-11-06", CP_OBLIGATION_STATUS_UPCOMING);
}

Test (visits, the_intended_until_18_flag_reads_and_writes_losslessly)
{
  const char *text =
    "{\"version\":1,\"child\":{\"id\":\"T-1\",\"birth_date\":\"2012-05-05\",\"looked_after_since\":\"2025-06-02\"},"
    "\"placements\":[{\"kind\":\"foster-own-authority\",\"start\":\"2025-06-02\",\"long_term\":true,"
    "\"intended_until_18\":true}],"
    "\"activities\":[{\"duty\":\"visits-reduction-agreed\",\"date\":\"2026-07-01\"},"
    "{\"duty\":\"visits-reduction-decided\",\"date\":\"2026-07-02\"}]}";
  g_autoptr(GError) error = NULL;
  g_autoptr(CpCase) kase = cp_case_new_from_json (text, -1, &error);
  g_autoptr(CpCase) again = NULL;
  g_autofree char *out = NULL;
  g_autoptr(CpPlacement) p = NULL;

  cr_assert_not_null (kase, "%s", error ? error->message : "");
  p = g_list_model_get_item (cp_case_get_placements (kase), 0);
  cr_assert (cp_placement_get_intended_until_18 (p));
  out = cp_case_to_json_string (kase, FALSE);
  cr_assert_not_null (strstr (out, "\"intended_until_18\":true"), "%s", out);
  cr_assert_not_null (strstr (out, "\"visits-reduction-agreed\""), "%s", out);
  cr_assert_not_null (strstr (out, "\"visits-reduction-decided\""), "%s", out);
  again = cp_case_new_from_json (out, -1, &error);
  cr_assert_not_null (again, "%s", error ? error->message : "");
  cr_assert (cp_record_equal (CP_RECORD (kase), CP_RECORD (again)));
  cp_placement_set_intended_until_18 (p, FALSE);
  cr_assert_not (cp_placement_get_intended_until_18 (p));
}

/* reg 28(3), (4): weekly until the first review, then 4 or 6 weeks ------ */

Test (visits, england_interim_care_order_at_home_weekly_then_four_weeks_without_a_false_late)
{
  g_autoptr(CpCase) kase = make_case ("2020-05-05", "2027-01-04",
    "[{\"status\":\"interim-care-order\",\"start\":\"2027-01-04\"}]",
    "[{\"kind\":\"placed-with-parents\",\"start\":\"2027-01-04\"}]",
    "\"reviews\":[{\"sequence\":1,\"held\":\"2027-01-29\"}]");
  g_autoptr(CpEvaluator) ev = NULL;

  visits (kase, (const char *[]) { "2027-01-05", "2027-01-12", "2027-01-20", "2027-01-27",
                                   "2027-02-24", "2027-03-01", "2027-03-30", NULL });
  ev = test_evaluate (kase, "england", "2027-03-31");
  /* Weekly before the review: the 12th to the 19th on time... */
  assert_none (ev, "visit after 2027-01-05");
  /* ... the 20th a day late. */
  expect (ev, "visit.until-first-review", "visit after 2027-01-12", "2027-01-19", CP_OBLIGATION_STATUS_MET_LATE);
  /* The review on the 29th falls in the gap from the 27th: that gap is
   * judged by the four weeks that follow it, and 24 February is on time. */
  assert_none (ev, "visit after 2027-01-27");
  /* Four weeks from 1 March is Easter Monday: still the due day. */
  expect (ev, "visit.interval.ico-with-parent", "visit after 2027-03-01", "2027-03-29", CP_OBLIGATION_STATUS_MET_LATE);
  expect (ev, "visit.interval.ico-with-parent", "next visit", "2027-04-27", CP_OBLIGATION_STATUS_UPCOMING);
}

Test (visits, england_the_gap_across_the_first_review_is_late_only_past_the_interval_after_it)
{
  g_autoptr(CpCase) on_time = make_case ("2020-05-05", "2027-01-04",
    "[{\"status\":\"interim-care-order\",\"start\":\"2027-01-04\"}]",
    "[{\"kind\":\"placed-with-parents\",\"start\":\"2027-01-04\"}]",
    "\"reviews\":[{\"sequence\":1,\"held\":\"2027-01-29\"}]");
  g_autoptr(CpCase) late = make_case ("2020-05-05", "2027-01-04",
    "[{\"status\":\"interim-care-order\",\"start\":\"2027-01-04\"}]",
    "[{\"kind\":\"placed-with-parents\",\"start\":\"2027-01-04\"}]",
    "\"reviews\":[{\"sequence\":1,\"held\":\"2027-01-29\"}]");
  g_autoptr(CpCase) before = make_case ("2020-05-05", "2027-01-04",
    "[{\"status\":\"interim-care-order\",\"start\":\"2027-01-04\"}]",
    "[{\"kind\":\"placed-with-parents\",\"start\":\"2027-01-04\"}]",
    "\"reviews\":[{\"sequence\":1,\"held\":\"2027-01-29\"}]");
  g_autoptr(CpEvaluator) a = NULL, b = NULL, c = NULL;

  /* The last visit before the review is on the 22nd: a week later is the
   * 29th, the review day itself, so the weekly visit is still owed then. */
  visits (on_time, (const char *[]) { "2027-01-05", "2027-01-12", "2027-01-19", "2027-01-22", "2027-01-29", NULL });
  visits (late, (const char *[]) { "2027-01-05", "2027-01-12", "2027-01-19", "2027-01-22", "2027-01-30", NULL });
  a = test_evaluate (on_time, "england", "2027-02-01");
  b = test_evaluate (late, "england", "2027-02-01");
  assert_none (a, "visit after 2027-01-22");
  expect (b, "visit.until-first-review", "visit after 2027-01-22", "2027-01-29", CP_OBLIGATION_STATUS_MET_LATE);

  /* From the 23rd a week runs past the review: four weeks apply, the last
   * day on time is 20 February and the 21st is late. */
  visits (before, (const char *[]) { "2027-01-05", "2027-01-12", "2027-01-19", "2027-01-23", "2027-02-21", NULL });
  c = test_evaluate (before, "england", "2027-02-22");
  expect (c, "visit.interval.ico-with-parent", "visit after 2027-01-23", "2027-02-20", CP_OBLIGATION_STATUS_MET_LATE);
}

Test (visits, england_placed_with_parents_under_section_20_six_weeks_after_the_review)
{
  g_autoptr(CpCase) kase = make_case ("2020-05-05", "2027-01-04",
    "[{\"status\":\"section-20\",\"start\":\"2027-01-04\"}]",
    "[{\"kind\":\"placed-with-parents\",\"start\":\"2027-01-04\"}]",
    "\"reviews\":[{\"sequence\":1,\"held\":\"2027-01-29\"}]");
  g_autoptr(CpEvaluator) ev = NULL;

  visits (kase, (const char *[]) { "2027-01-05", "2027-01-12", "2027-01-19", "2027-01-26", NULL });
  ev = test_evaluate (kase, "england", "2027-01-30");
  /* Regulation 19 (read for every placement with a parent): weekly to the
   * review, then six weeks, not four. */
  expect (ev, "visit.interval", "next visit", "2027-03-09", CP_OBLIGATION_STATUS_UPCOMING);
  at (ev, "2027-03-10");
  expect (ev, "visit.interval", "next visit", "2027-03-09", CP_OBLIGATION_STATUS_OVERDUE);
}

Test (visits, england_the_first_review_is_counted_for_each_placement)
{
  /* Reviewed in June in foster care; moved to a temporarily approved
   * connected person in September; reviewed again on 16 October. */
  g_autoptr(CpCase) kase = make_case ("2018-05-05", "2026-06-01", NULL,
    "[{\"kind\":\"foster-own-authority\",\"start\":\"2026-06-01\",\"end\":\"2026-09-07\"},"
    "{\"kind\":\"connected-person-temporary\",\"start\":\"2026-09-07\"}]",
    "\"reviews\":[{\"sequence\":1,\"held\":\"2026-06-26\"},{\"sequence\":2,\"held\":\"2026-10-16\"}]");
  g_autoptr(CpEvaluator) ev = NULL;

  visits (kase, (const char *[]) { "2026-06-02", "2026-07-10", "2026-08-21", "2026-09-08", "2026-09-15",
                                   "2026-09-23", "2026-09-30", "2026-10-07", "2026-10-14", NULL });
  ev = test_evaluate (kase, "england", "2026-10-20");
  /* Weekly again from the move, though the child's first review was in June. */
  expect (ev, "visit.until-first-review", "visit after 2026-09-15", "2026-09-22", CP_OBLIGATION_STATUS_MET_LATE);
  /* After the placement's first review: four weeks (regulation 24). */
  expect (ev, "visit.interval.connected-person", "next visit", "2026-11-11", CP_OBLIGATION_STATUS_UPCOMING);
}

/* reg 28(5): a care order made while the child lives with a parent ------ */

Test (visits, england_care_order_at_home_within_a_week_of_the_order_then_six_weeks)
{
  const char *statuses =
    "[{\"status\":\"interim-care-order\",\"start\":\"2026-11-02\",\"end\":\"2026-12-21\"},"
    "{\"status\":\"care-order\",\"start\":\"2026-12-21\"}]";
  const char *open_ico =
    "[{\"status\":\"interim-care-order\",\"start\":\"2026-11-02\"},"
    "{\"status\":\"care-order\",\"start\":\"2026-12-21\"}]";
  const char *home = "[{\"kind\":\"placed-with-parents\",\"start\":\"2026-11-02\"}]";
  const char *reviews = "\"reviews\":[{\"sequence\":1,\"held\":\"2026-11-27\"}]";
  g_autoptr(CpCase) on_time = make_case ("2020-05-05", "2026-11-02", statuses, home, reviews);
  g_autoptr(CpCase) late = make_case ("2020-05-05", "2026-11-02", statuses, home, reviews);
  g_autoptr(CpCase) left_open = make_case ("2020-05-05", "2026-11-02", open_ico, home, reviews);
  g_autoptr(CpCase) fostered = make_case ("2020-05-05", "2026-11-02", statuses, FOSTER ("2026-11-02"), reviews);
  g_autoptr(CpEvaluator) a = NULL, b = NULL, c = NULL, d = NULL;
  CpObligation *o;

  visits (on_time, (const char *[]) { "2026-11-03", "2026-11-10", "2026-11-17", "2026-11-24", "2026-12-18",
                                      "2026-12-28", NULL });
  visits (late, (const char *[]) { "2026-11-03", "2026-11-10", "2026-11-17", "2026-11-24", "2026-12-18",
                                   "2026-12-29", NULL });
  visits (left_open, (const char *[]) { "2026-11-03", "2026-11-10", "2026-11-17", "2026-11-24", "2026-12-18",
                                        "2026-12-28", NULL });
  a = test_evaluate (on_time, "england", "2027-01-04");
  b = test_evaluate (late, "england", "2027-01-04");
  /* One week from the order made on Monday 21 December: Monday 28, a
   * bank holiday, counted from the order, not from the placement. */
  o = expect (a, "visit.care-order-with-parent", "legal status 2", "2026-12-28", CP_OBLIGATION_STATUS_MET_ON_TIME);
  cr_assert_str_eq (cp_obligation_get_citation (o), "SI 2010/959 reg 28(5)(a)");
  expect (b, "visit.care-order-with-parent", "legal status 2", "2026-12-28", CP_OBLIGATION_STATUS_MET_LATE);
  /* The interim order's four weeks end with it: six weeks now. */
  expect (a, "visit.interval", "next visit", "2027-02-08", CP_OBLIGATION_STATUS_UPCOMING);
  /* ... even when its end is not recorded: the later order supersedes it. */
  c = test_evaluate (left_open, "england", "2027-01-04");
  expect (c, "visit.interval", "next visit", "2027-02-08", CP_OBLIGATION_STATUS_UPCOMING);
  /* Not living with a parent when the order is made: no such visit. */
  d = test_evaluate (fostered, "england", "2027-01-04");
  cr_assert_null (cp_evaluator_find (d, "visit.care-order-with-parent", "legal status 2"));
  /* Swindon says the same (9.1) and inherits the rule. */
  g_clear_object (&a);
  a = test_evaluate (late, "swindon", "2027-01-04");
  expect (a, "visit.care-order-with-parent", "legal status 2", "2026-12-28", CP_OBLIGATION_STATUS_MET_LATE);
}

/* reg 28 from 1 April 2015: six months with the child's agreement ------- */

#define LONG_TERM_FOSTER \
  "[{\"kind\":\"foster-own-authority\",\"start\":\"2024-01-08\",\"long_term\":true,\"intended_until_18\":true}]"

Test (visits, england_six_months_only_once_the_childs_agreement_is_recorded)
{
  g_autoptr(CpCase) agreed = make_case ("2012-05-05", "2024-01-08", NULL, LONG_TERM_FOSTER, NULL);
  g_autoptr(CpCase) late = make_case ("2012-05-05", "2024-01-08", NULL, LONG_TERM_FOSTER, NULL);
  g_autoptr(CpCase) after = make_case ("2012-05-05", "2024-01-08", NULL, LONG_TERM_FOSTER, NULL);
  g_autoptr(CpCase) year_one = make_case ("2012-05-05", "2024-01-08", NULL, LONG_TERM_FOSTER, NULL);
  g_autoptr(CpEvaluator) a = NULL, b = NULL, c = NULL, d = NULL;

  /* Without the agreement: three months. */
  test_record (agreed, CP_DUTY_VISIT, "2025-03-03");
  a = test_evaluate (agreed, "england", "2025-03-04");
  expect (a, "visit.interval.until-18", "next visit", "2025-06-03", CP_OBLIGATION_STATUS_UPCOMING);
  /* Agreed on the day of the visit: six months, to 3 September. */
  test_record (agreed, CP_DUTY_VISITS_REDUCTION_AGREED, "2025-03-03");
  test_record (agreed, CP_DUTY_VISIT, "2025-09-03");
  at (a, "2025-09-05");
  assert_none (a, "visit after 2025-03-03");
  expect (a, "visit.interval.long-term-agreed", "next visit", "2026-03-03", CP_OBLIGATION_STATUS_UPCOMING);
  visits (late, (const char *[]) { "2025-03-03", "2025-09-04", NULL });
  test_record (late, CP_DUTY_VISITS_REDUCTION_AGREED, "2025-03-03");
  b = test_evaluate (late, "england", "2025-09-05");
  expect (b, "visit.interval.long-term-agreed", "visit after 2025-03-03", "2025-09-03", CP_OBLIGATION_STATUS_MET_LATE);

  /* Agreed after the last visit: it counts from the next one. */
  test_record (after, CP_DUTY_VISIT, "2025-03-03");
  test_record (after, CP_DUTY_VISITS_REDUCTION_AGREED, "2025-03-10");
  c = test_evaluate (after, "england", "2025-03-11");
  expect (c, "visit.interval.until-18", "next visit", "2025-06-03", CP_OBLIGATION_STATUS_UPCOMING);

  /* In the first year the agreement changes nothing. */
  test_record (year_one, CP_DUTY_VISITS_REDUCTION_AGREED, "2024-06-03");
  test_record (year_one, CP_DUTY_VISIT, "2024-06-03");
  d = test_evaluate (year_one, "england", "2024-06-04");
  expect (d, "visit.interval", "next visit", "2024-07-15", CP_OBLIGATION_STATUS_UPCOMING);
}

Test (visits, england_agreement_needs_a_long_term_foster_placement_in_force_since_2015)
{
  g_autoptr(CpCase) not_long_term = make_case ("2012-05-05", "2024-01-08", NULL,
    "[{\"kind\":\"foster-own-authority\",\"start\":\"2024-01-08\",\"intended_until_18\":true}]", NULL);
  g_autoptr(CpCase) before_2015 = make_case ("2003-05-05", "2012-01-02", NULL,
    "[{\"kind\":\"foster-own-authority\",\"start\":\"2012-01-02\",\"long_term\":true,\"intended_until_18\":true}]", NULL);
  g_autoptr(CpCase) moved = make_case ("2012-05-05", "2023-01-09", NULL,
    "[{\"kind\":\"foster-own-authority\",\"start\":\"2023-01-09\",\"end\":\"2024-01-08\",\"long_term\":true,"
    "\"intended_until_18\":true},"
    "{\"kind\":\"foster-agency\",\"start\":\"2024-01-08\",\"long_term\":true,\"intended_until_18\":true}]", NULL);
  g_autoptr(CpEvaluator) a = NULL, b = NULL, c = NULL;

  test_record (not_long_term, CP_DUTY_VISITS_REDUCTION_AGREED, "2025-03-03");
  test_record (not_long_term, CP_DUTY_VISIT, "2025-03-03");
  a = test_evaluate (not_long_term, "england", "2025-03-04");
  expect (a, "visit.interval.until-18", "next visit", "2025-06-03", CP_OBLIGATION_STATUS_UPCOMING);

  test_record (before_2015, CP_DUTY_VISITS_REDUCTION_AGREED, "2014-05-01");
  test_record (before_2015, CP_DUTY_VISIT, "2014-06-02");
  b = test_evaluate (before_2015, "england", "2014-06-03");
  expect (b, "visit.interval.until-18", "next visit", "2014-09-02", CP_OBLIGATION_STATUS_UPCOMING);

  /* An agreement recorded in an earlier placement does not carry over. */
  test_record (moved, CP_DUTY_VISITS_REDUCTION_AGREED, "2023-06-01");
  test_record (moved, CP_DUTY_VISIT, "2025-03-03");
  c = test_evaluate (moved, "england", "2025-03-04");
  expect (c, "visit.interval.until-18", "next visit", "2025-06-03", CP_OBLIGATION_STATUS_UPCOMING);
}

/* The seed profiles that differ ---------------------------------------- */

Test (visits, salford_six_monthly_only_after_the_decision_is_recorded)
{
  /* Born 2009-04-01: 16 on 2025-04-01. */
  g_autoptr(CpCase) kase = make_case ("2012-05-05", "2024-01-08", NULL, LONG_TERM_FOSTER, NULL);
  g_autoptr(CpCase) sixteen = make_case ("2009-04-01", "2024-01-08", NULL, LONG_TERM_FOSTER, NULL);
  g_autoptr(CpCase) late = make_case ("2012-05-05", "2024-01-08", NULL, LONG_TERM_FOSTER, NULL);
  g_autoptr(CpEvaluator) ev = NULL, s = NULL, l = NULL;

  /* No decision: the statutory three months. */
  test_record (kase, CP_DUTY_VISIT, "2025-03-03");
  ev = test_evaluate (kase, "salford", "2025-03-04");
  expect (ev, "visit.interval.until-18", "next visit", "2025-06-03", CP_OBLIGATION_STATUS_UPCOMING);
  /* The child's agreement alone is not Salford's decision. */
  test_record (kase, CP_DUTY_VISITS_REDUCTION_AGREED, "2025-03-03");
  at (ev, "2025-03-04");
  expect (ev, "visit.interval.until-18", "next visit", "2025-06-03", CP_OBLIGATION_STATUS_UPCOMING);
  /* Decided at the permanence progress meeting: six months. */
  test_record (kase, CP_DUTY_VISITS_REDUCTION_DECIDED, "2025-03-03");
  at (ev, "2025-03-04");
  expect (ev, "visit.interval.long-term-agreed", "next visit", "2025-09-03", CP_OBLIGATION_STATUS_UPCOMING);
  visits (late, (const char *[]) { "2025-03-03", "2025-09-04", NULL });
  test_record (late, CP_DUTY_VISITS_REDUCTION_AGREED, "2025-03-03");
  test_record (late, CP_DUTY_VISITS_REDUCTION_DECIDED, "2025-03-03");
  l = test_evaluate (late, "salford", "2025-09-05");
  expect (l, "visit.interval.long-term-agreed", "visit after 2025-03-03", "2025-09-03", CP_OBLIGATION_STATUS_MET_LATE);

  /* At 16 and over, never less often than 8-weekly. */
  test_record (sixteen, CP_DUTY_VISITS_REDUCTION_AGREED, "2025-03-03");
  test_record (sixteen, CP_DUTY_VISITS_REDUCTION_DECIDED, "2025-03-03");
  test_record (sixteen, CP_DUTY_VISIT, "2025-05-01");
  s = test_evaluate (sixteen, "salford", "2025-05-02");
  expect (s, "visit.interval.16-plus", "next visit", "2025-06-26", CP_OBLIGATION_STATUS_UPCOMING);
}

Test (visits, isp_keeps_six_weeks_after_the_first_year_unless_the_child_agrees)
{
  g_autoptr(CpCase) kase = make_case ("2012-05-05", "2024-01-08", NULL, LONG_TERM_FOSTER, NULL);
  g_autoptr(CpEvaluator) ev = NULL;

  test_record (kase, CP_DUTY_VISIT, "2025-03-03");
  ev = test_evaluate (kase, "isp-fostering", "2025-03-04");
  expect (ev, "visit.interval.until-18", "next visit", "2025-04-14", CP_OBLIGATION_STATUS_UPCOMING);
  at (ev, "2025-04-15");
  expect (ev, "visit.interval.until-18", "next visit", "2025-04-14", CP_OBLIGATION_STATUS_OVERDUE);
  test_record (kase, CP_DUTY_VISITS_REDUCTION_AGREED, "2025-03-03");
  at (ev, "2025-03-04");
  expect (ev, "visit.interval.long-term-agreed", "next visit", "2025-09-03", CP_OBLIGATION_STATUS_UPCOMING);
}

Test (visits, swindon_three_monthly_needs_both_ratified_and_intended_until_18)
{
  /* Reviewed: Swindon's weekly visits until the first review are over. */
  const char *reviews = "\"reviews\":[{\"sequence\":1,\"held\":\"2025-06-27\"}]";
  g_autoptr(CpCase) both = make_case ("2012-05-05", "2025-06-02", NULL,
                                      FOSTER_2025 (",\"long_term\":true,\"intended_until_18\":true"), reviews);
  g_autoptr(CpCase) ratified = make_case ("2012-05-05", "2025-06-02", NULL,
                                          FOSTER_2025 (",\"long_term\":true"), reviews);
  g_autoptr(CpCase) intended = make_case ("2012-05-05", "2025-06-02", NULL,
                                          FOSTER_2025 (",\"intended_until_18\":true"), reviews);
  g_autoptr(CpEvaluator) a = NULL, b = NULL, c = NULL;

  test_record (both, CP_DUTY_VISIT, "2026-09-25");
  test_record (ratified, CP_DUTY_VISIT, "2026-09-25");
  test_record (intended, CP_DUTY_VISIT, "2026-09-25");
  a = test_evaluate (both, "swindon", "2026-12-25");
  b = test_evaluate (ratified, "swindon", "2026-09-26");
  c = test_evaluate (intended, "swindon", "2026-09-26");
  expect (a, "visit.interval.until-18", "next visit", "2026-12-25", CP_OBLIGATION_STATUS_DUE_SOON);
  at (a, "2026-12-26");
  expect (a, "visit.interval.until-18", "next visit", "2026-12-25", CP_OBLIGATION_STATUS_OVERDUE);
  expect (b, "visit.interval", "next visit", "2026-11-06", CP_OBLIGATION_STATUS_UPCOMING);
  expect (c, "visit.interval", "next visit", "2026-11-06", CP_OBLIGATION_STATUS_UPCOMING);
}

Test (visits, swindon_weekly_until_the_first_review_has_no_false_late_at_the_review)
{
  const char *reviews = "\"reviews\":[{\"sequence\":1,\"held\":\"2027-01-29\"}]";
  g_autoptr(CpCase) on_time = make_case ("2015-05-05", "2027-01-04", NULL, FOSTER ("2027-01-04"), reviews);
  g_autoptr(CpCase) late = make_case ("2015-05-05", "2027-01-04", NULL, FOSTER ("2027-01-04"), reviews);
  g_autoptr(CpEvaluator) a = NULL, b = NULL;

  /* Weekly to the review on the 29th; from the 27th a week runs past it,
   * so six weeks apply: 10 March on time, 11 March late. */
  visits (on_time, (const char *[]) { "2027-01-05", "2027-01-12", "2027-01-19", "2027-01-26", "2027-01-27",
                                      "2027-03-10", NULL });
  visits (late, (const char *[]) { "2027-01-05", "2027-01-12", "2027-01-19", "2027-01-26", "2027-01-27",
                                   "2027-03-11", NULL });
  a = test_evaluate (on_time, "swindon", "2027-03-12");
  b = test_evaluate (late, "swindon", "2027-03-12");
  assert_none (a, "visit after 2027-01-27");
  expect (b, "visit.interval", "visit after 2027-01-27", "2027-03-10", CP_OBLIGATION_STATUS_MET_LATE);
}

Test (visits, swindon_first_visit_is_the_earlier_of_five_working_days_and_a_week)
{
  /* Placed on Saturday 2 January 2027: five working days end on Friday 8,
   * a week on Saturday 9. */
  g_autoptr(CpCase) kase = make_case ("2015-05-05", "2027-01-02", NULL, FOSTER ("2027-01-02"), NULL);
  g_autoptr(CpEvaluator) ev = test_evaluate (kase, "swindon", "2027-01-09");

  expect (ev, "visit.first.working-days", "placement 1", "2027-01-08", CP_OBLIGATION_STATUS_OVERDUE);
  expect (ev, "visit.first", "placement 1", "2027-01-09", CP_OBLIGATION_STATUS_DUE_SOON);
}

Test (visits, swindon_adoption_monthly_after_the_placements_first_review)
{
  g_autoptr(CpCase) kase = make_case ("2022-05-05", "2026-06-01", NULL,
    "[{\"kind\":\"foster-own-authority\",\"start\":\"2026-06-01\",\"end\":\"2027-01-04\"},"
    "{\"kind\":\"adoption\",\"start\":\"2027-01-04\"}]",
    "\"reviews\":[{\"sequence\":1,\"held\":\"2026-06-26\"},{\"sequence\":2,\"held\":\"2027-01-29\"}]");
  g_autoptr(CpEvaluator) ev = NULL;

  visits (kase, (const char *[]) { "2026-12-10", "2027-01-05", "2027-01-13", "2027-01-20", "2027-01-27", NULL });
  ev = test_evaluate (kase, "swindon", "2027-01-30");
  /* Weekly again after the move into the adoptive placement. */
  expect (ev, "visit.until-first-review", "visit after 2027-01-05", "2027-01-12", CP_OBLIGATION_STATUS_MET_LATE);
  /* Then monthly after that placement's first review. */
  expect (ev, "visit.interval.adoption", "next visit", "2027-02-27", CP_OBLIGATION_STATUS_UPCOMING);
}

/* The mechanisms are checked when a profile loads ------------------------ */

Test (visits, profiles_with_bad_visit_mechanisms_are_refused)
{
  static const struct { const char *rule; CpError code; const char *fragment; } bad[] = {
    { "\"kind\":\"interval\",\"quantity\":1,\"unit\":\"weeks\",\"anchor\":\"none\",\"direction\":\"every\","
      "\"duty\":\"visit\",\"replaces\":[\"visit.nowhere\"]",
      CP_ERROR_INCONSISTENT, "replaces: “visit.nowhere” names no other interval rule" },
    { "\"kind\":\"interval\",\"quantity\":1,\"unit\":\"weeks\",\"anchor\":\"none\",\"direction\":\"every\","
      "\"duty\":\"visit\",\"first_review\":\"before\",\"first_review_of\":\"order\"",
      CP_ERROR_UNKNOWN_CODE, "rules[0].first_review_of: “order” is not a known code" },
    { "\"kind\":\"interval\",\"quantity\":1,\"unit\":\"weeks\",\"anchor\":\"none\",\"direction\":\"every\","
      "\"duty\":\"visit\",\"recorded\":[\"handshake\"]",
      CP_ERROR_UNKNOWN_CODE, "rules[0].recorded[0]: “handshake” is not a known code" },
    { "\"kind\":\"interval\",\"quantity\":1,\"unit\":\"weeks\",\"anchor\":\"none\",\"direction\":\"every\","
      "\"duty\":\"visit\",\"in_force_from\":\"2015-02-30\"",
      CP_ERROR_INVALID_DATE, "rules[0].in_force_from: “2015-02-30” is not a date" },
    { "\"kind\":\"activity\",\"quantity\":1,\"unit\":\"weeks\",\"anchor\":\"legal-status\",\"direction\":\"within\","
      "\"duty\":\"visit\"",
      CP_ERROR_MISSING_FIELD, "rules[0].legal_statuses: missing" },
    { "\"kind\":\"activity\",\"quantity\":1,\"unit\":\"weeks\",\"anchor\":\"placement\",\"direction\":\"within\","
      "\"duty\":\"visit\",\"replaces\":[\"visit.interval\"]",
      CP_ERROR_INVALID_VALUE, "rules[0].replaces: only an interval rule" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autofree char *json = g_strdup_printf (
        "{\"format\":1,\"name\":\"testshire\",\"title\":\"T\",\"rules\":[{\"key\":\"visit.x\",\"id\":\"x\","
        "\"statement\":\"s\",\"citation\":\"c\",%s}]}", bad[i].rule);
      g_autoptr(CpPolicy) p = cp_policy_new_from_data (json, -1, &error);

      cr_assert_null (p, "case %u loaded", i);
      assert_error (error, bad[i].code, bad[i].fragment);
    }
}

Test (visits, a_local_profile_may_replace_an_interval_of_its_base)
{
  const char *json =
    "{\"format\":1,\"name\":\"testshire\",\"title\":\"T\",\"extends\":\"england\",\"rules\":["
    "{\"key\":\"visit.interval.decided\",\"id\":\"x\",\"kind\":\"interval\",\"statement\":\"s\",\"citation\":\"c\","
    "\"quantity\":2,\"unit\":\"months\",\"anchor\":\"none\",\"direction\":\"every\",\"duty\":\"visit\","
    "\"recorded\":[\"visits-reduction-decided\"],\"replaces\":[\"visit.interval\"]}]}";
  g_autoptr(GError) error = NULL;
  g_autoptr(CpPolicy) policy = cp_policy_new_from_data (json, -1, &error);
  g_autoptr(CpCase) kase = make_case ("2012-05-05", "2026-11-02", NULL, FOSTER ("2026-11-02"), NULL);
  g_autoptr(CpEvaluator) ev = NULL;

  cr_assert_not_null (policy, "%s", error ? error->message : "");
  test_record (kase, CP_DUTY_VISIT, "2026-11-06");
  ev = test_evaluate_with (kase, policy, "2026-11-07");
  expect (ev, "visit.interval", "next visit", "2026-12-18", CP_OBLIGATION_STATUS_UPCOMING);
  test_record (kase, CP_DUTY_VISITS_REDUCTION_DECIDED, "2026-11-06");
  at (ev, "2026-11-07");
  expect (ev, "visit.interval.decided", "next visit", "2027-01-06", CP_OBLIGATION_STATUS_UPCOMING);
}
