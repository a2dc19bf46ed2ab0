/* test-casework.c: visits, health, PEPs, permanence and leaving care
 *
 * Each rule at its boundary: the last day on time, the first day late,
 * across Christmas 2026 (Friday 25 December; Boxing Day's substitute is
 * Monday 28) and Easter 2027 (Good Friday 26 March, Easter Monday 29).
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include <string.h>

#include "test-evaluating.h"
#include "cp-record-private.h"

TestSuite (casework, .init = test_calendar_setup, .fini = test_calendar_teardown);

/* A case from JSON: @birth, @lac, one placement of @kind from @lac (or
 * the placements in @placements), and @extra members. */
static CpCase *
make_case (const char *birth, const char *lac, const char *placements, const char *extra)
{
  g_autofree char *text = g_strdup_printf (
    "{\"version\":1,\"child\":{\"id\":\"T-1\",\"birth_date\":\"%s\",\"looked_after_since\":\"%s\","
    "\"legal_statuses\":[{\"status\":\"care-order\",\"start\":\"%s\"}]},"
    "\"placements\":%s%s%s}",
    birth, lac, lac, placements, extra ? "," : "", extra ? extra : "");

  return test_case_from_json (text);
}

#define FOSTER(start) "[{\"kind\":\"foster-own-authority\",\"start\":\"" start "\"}]"

/* Visits ------------------------------------------------------------------ */

Test (casework, first_visit_within_a_week_across_christmas)
{
  g_autoptr(CpCase) on_time = make_case ("2015-05-05", "2026-12-21", FOSTER ("2026-12-21"), NULL);
  g_autoptr(CpCase) late = make_case ("2015-05-05", "2026-12-21", FOSTER ("2026-12-21"), NULL);
  g_autoptr(CpEvaluator) ev = NULL, ev2 = NULL;

  /* One calendar week from Monday 21 December: Monday 28, a bank holiday. */
  ev = test_evaluate (on_time, "england", "2026-12-28");
  expect (ev, "visit.first", "placement 1", "2026-12-28", CP_OBLIGATION_STATUS_DUE_SOON);
  test_record (on_time, CP_DUTY_VISIT, "2026-12-28");
  at (ev, "2026-12-29");
  expect (ev, "visit.first", "placement 1", "2026-12-28", CP_OBLIGATION_STATUS_MET_ON_TIME);

  ev2 = test_evaluate (late, "england", "2026-12-29");
  expect (ev2, "visit.first", "placement 1", "2026-12-28", CP_OBLIGATION_STATUS_OVERDUE);
  test_record (late, CP_DUTY_VISIT, "2026-12-29");
  at (ev2, "2026-12-30");
  expect (ev2, "visit.first", "placement 1", "2026-12-28", CP_OBLIGATION_STATUS_MET_LATE);
}

Test (casework, swindon_first_visit_in_five_working_days_across_christmas)
{
  g_autoptr(CpCase) kase = make_case ("2015-05-05", "2026-12-22", FOSTER ("2026-12-22"), NULL);
  g_autoptr(CpEvaluator) ev = test_evaluate (kase, "swindon", "2026-12-31");

  /* 23, 24, then over Christmas Day, the weekend and Monday 28: 29, 30, 31. */
  expect (ev, "visit.first.working-days", "placement 1", "2026-12-31", CP_OBLIGATION_STATUS_DUE_SOON);
  /* The regulations' week still applies, and is earlier here. */
  expect (ev, "visit.first", "placement 1", "2026-12-29", CP_OBLIGATION_STATUS_OVERDUE);
  at (ev, "2027-01-01");
  expect (ev, "visit.first.working-days", "placement 1", "2026-12-31", CP_OBLIGATION_STATUS_OVERDUE);
}

Test (casework, a_gap_between_visits_longer_than_six_weeks_is_flagged)
{
  g_autoptr(CpCase) kase = make_case ("2015-05-05", "2027-01-04", FOSTER ("2027-01-04"), NULL);
  g_autoptr(CpEvaluator) ev = NULL;

  test_record (kase, CP_DUTY_VISIT, "2027-01-08");
  test_record (kase, CP_DUTY_VISIT, "2027-02-19");   /* exactly 6 weeks: on time */
  test_record (kase, CP_DUTY_VISIT, "2027-04-03");   /* 6 weeks and a day, over Easter */
  ev = test_evaluate (kase, "england", "2027-05-14");
  cr_assert_null (cp_evaluator_find (ev, "visit.interval", "visit after 2027-01-08"));
  expect (ev, "visit.interval", "visit after 2027-02-19", "2027-04-02", CP_OBLIGATION_STATUS_MET_LATE);
  expect (ev, "visit.interval", "next visit", "2027-05-15", CP_OBLIGATION_STATUS_DUE_SOON);
  at (ev, "2027-05-16");
  expect (ev, "visit.interval", "next visit", "2027-05-15", CP_OBLIGATION_STATUS_OVERDUE);
}

Test (casework, salford_takes_the_shortest_interval_that_applies)
{
  /* Born 2010-06-01: 16 on 2026-06-01. In foster care from 2024-01-10. */
  g_autoptr(CpCase) kase = make_case ("2010-06-01", "2024-01-10", FOSTER ("2024-01-10"), NULL);
  g_autoptr(CpEvaluator) ev = NULL;

  /* In the first year of the placement: six-weekly. */
  test_record (kase, CP_DUTY_VISIT, "2024-11-01");
  ev = test_evaluate (kase, "salford", "2024-11-02");
  expect (ev, "visit.interval", "next visit", "2024-12-13", CP_OBLIGATION_STATUS_UPCOMING);
  /* After a year, under 16, with no decision to reduce recorded: still
   * six-weekly (tests/test-visits.c has the six-monthly reduction). */
  test_record (kase, CP_DUTY_VISIT, "2025-02-03");
  at (ev, "2025-02-04");
  expect (ev, "visit.interval", "visit after 2024-11-01", "2024-12-13", CP_OBLIGATION_STATUS_MET_LATE);
  expect (ev, "visit.interval", "next visit", "2025-03-17", CP_OBLIGATION_STATUS_UPCOMING);
  /* At 16 and over: eight-weekly, but six weeks is shorter. */
  test_record (kase, CP_DUTY_VISIT, "2026-06-01");
  at (ev, "2026-06-02");
  expect (ev, "visit.interval", "next visit", "2026-07-13", CP_OBLIGATION_STATUS_UPCOMING);
}

/* Health, dental and PEP ---------------------------------------------------- */

Test (casework, swindon_health_reviews_six_monthly_under_five_then_yearly)
{
  g_autoptr(CpCase) kase = make_case ("2022-03-01", "2026-12-21", FOSTER ("2026-12-21"), NULL);
  g_autoptr(CpEvaluator) ev = NULL;

  /* Within 20 calendar days of Monday 21 December: Sunday 10 January. */
  ev = test_evaluate (kase, "swindon", "2027-01-10");
  expect (ev, "health.initial", "health-assessment", "2027-01-10", CP_OBLIGATION_STATUS_DUE_SOON);
  at (ev, "2027-01-11");
  expect (ev, "health.initial", "health-assessment", "2027-01-10", CP_OBLIGATION_STATUS_OVERDUE);
  test_record (kase, CP_DUTY_HEALTH_ASSESSMENT, "2027-01-11");
  at (ev, "2027-01-12");
  expect (ev, "health.initial", "health-assessment", "2027-01-10", CP_OBLIGATION_STATUS_MET_LATE);
  /* Under 5: six months on. */
  expect (ev, "health.review.under-5", "next health-assessment", "2027-07-11", CP_OBLIGATION_STATUS_UPCOMING);
  /* At 5 (1 March 2027) the yearly interval is the only one left. */
  test_record (kase, CP_DUTY_HEALTH_ASSESSMENT, "2027-03-01");
  at (ev, "2027-03-02");
  expect (ev, "health.review", "next health-assessment", "2028-03-01", CP_OBLIGATION_STATUS_UPCOMING);
}

Test (casework, pep_reviews_follow_the_profile)
{
  g_autoptr(CpCase) kase = make_case ("2014-05-05", "2026-03-02", FOSTER ("2026-03-02"), NULL);
  g_autoptr(CpEvaluator) stoke = NULL, swindon = NULL;

  test_record (kase, CP_DUTY_PEP_REVIEW, "2026-03-20");
  stoke = test_evaluate (kase, "stoke-on-trent", "2026-09-20");
  expect (stoke, "pep.review", "next pep-review", "2026-09-20", CP_OBLIGATION_STATUS_DUE_SOON);
  swindon = test_evaluate (kase, "swindon", "2026-09-21");
  expect (swindon, "pep.initial", "pep-review", "2026-03-12", CP_OBLIGATION_STATUS_MET_LATE);
  expect (swindon, "pep.review", "next pep-review", "2027-03-20", CP_OBLIGATION_STATUS_UPCOMING);
  at (stoke, "2026-09-21");
  expect (stoke, "pep.review", "next pep-review", "2026-09-20", CP_OBLIGATION_STATUS_OVERDUE);
}

Test (casework, dental_checks_from_the_start_of_care)
{
  g_autoptr(CpCase) kase = make_case ("2014-05-05", "2026-03-02", FOSTER ("2026-03-02"), NULL);
  g_autoptr(CpEvaluator) ev = test_evaluate (kase, "swindon", "2026-09-02");

  expect (ev, "dental.check", "next dental-check", "2026-09-02", CP_OBLIGATION_STATUS_DUE_SOON);
  at (ev, "2026-09-03");
  expect (ev, "dental.check", "next dental-check", "2026-09-02", CP_OBLIGATION_STATUS_OVERDUE);
  {
    g_autoptr(CpEvaluator) england = test_evaluate (kase, "england", "2026-09-03");
    cr_assert_null (cp_evaluator_find (england, "dental.check", "next dental-check"));
  }
}

/* Placements ---------------------------------------------------------------- */

Test (casework, salford_emergency_meetings_counted_in_whole_days)
{
  g_autoptr(CpCase) kase = make_case ("2014-05-05", "2026-12-24",
                                      "[{\"kind\":\"foster-agency\",\"start\":\"2026-12-24\",\"emergency\":true}]", NULL);
  g_autoptr(CpEvaluator) ev = NULL;
  CpObligation *o;

  test_record (kase, CP_DUTY_PLACEMENT_PLANNING_MEETING, "2026-12-26");
  test_record (kase, CP_DUTY_CARE_PLANNING_MEETING, "2026-12-30");
  ev = test_evaluate (kase, "salford", "2027-01-04");
  /* 72 hours from Christmas Eve, hour unknown: the last day wholly inside
   * them is Saturday 26 December (tests/test-health-education.c has the
   * boundaries). */
  o = expect (ev, "placement.planning-meeting", "placement 1", "2026-12-26", CP_OBLIGATION_STATUS_MET_ON_TIME);
  cr_assert_not_null (strstr (cp_obligation_get_explanation (o), "read in whole days"));
  /* 5 days: 29 December; the meeting on the 30th is late. */
  expect (ev, "placement.emergency.care-planning-meeting", "placement 1", "2026-12-29", CP_OBLIGATION_STATUS_MET_LATE);
  /* A legal view within 10 working days of Thursday 24 December: over
   * Christmas, the Boxing Day substitute and New Year's Day to 12 January. */
  expect (ev, "permanence.legal-planning", "legal-planning-meeting", "2027-01-12", CP_OBLIGATION_STATUS_UPCOMING);
}

Test (casework, stoke_reviews_a_return_home_under_a_care_order_within_four_weeks)
{
  g_autoptr(CpCase) kase = make_case ("2014-05-05", "2026-01-05", FOSTER ("2026-01-05"),
    "\"reviews\":[{\"sequence\":1,\"held\":\"2026-01-30\"},{\"sequence\":2,\"held\":\"2026-04-24\"},"
    "{\"sequence\":3,\"held\":\"2026-10-16\"}],"
    "\"events\":[{\"date\":\"2027-03-05\",\"kind\":\"return-home-under-care-order\"}]");
  g_autoptr(CpEvaluator) ev = test_evaluate (kase, "stoke-on-trent", "2027-04-02");

  /* 4 weeks from Friday 5 March 2027: Friday 2 April, over Easter, before
   * the six-monthly date (16 April). */
  expect (ev, "review.trigger.return-home-under-care-order", "review 4", "2027-04-02", CP_OBLIGATION_STATUS_DUE_SOON);
  at (ev, "2027-04-03");
  expect (ev, "review.trigger.return-home-under-care-order", "review 4", "2027-04-02", CP_OBLIGATION_STATUS_OVERDUE);
}

/* Permanence ---------------------------------------------------------------- */

#define TWO_REVIEWS "\"reviews\":[{\"sequence\":1,\"held\":\"2026-01-30\"},{\"sequence\":2,\"held\":\"2026-04-24\"}]"

#define PLAN(agreed, extra) \
  ",\"permanence_plan\":{\"pathway\":\"adoption\",\"agreed_on\":\"" agreed "\"" extra "}"
#define MEASURABLE ",\"contingency_pathway\":\"long-term-fostering\"," \
  "\"milestones\":[{\"description\":\"m\",\"target\":\"2026-12-01\"}]"

Test (casework, a_permanence_plan_with_milestones_and_a_contingency_by_the_second_review)
{
  g_autoptr(CpCase) on_time = make_case ("2014-05-05", "2026-01-05", FOSTER ("2026-01-05"),
                                         TWO_REVIEWS PLAN ("2026-04-24", MEASURABLE));
  g_autoptr(CpCase) late = make_case ("2014-05-05", "2026-01-05", FOSTER ("2026-01-05"),
                                      TWO_REVIEWS PLAN ("2026-04-25", MEASURABLE));
  g_autoptr(CpCase) vague = make_case ("2014-05-05", "2026-01-05", FOSTER ("2026-01-05"),
                                       TWO_REVIEWS PLAN ("2026-04-24", ""));
  g_autoptr(CpEvaluator) a = test_evaluate (on_time, "england", "2026-05-01");
  g_autoptr(CpEvaluator) b = test_evaluate (late, "england", "2026-05-01");
  g_autoptr(CpEvaluator) c = test_evaluate (vague, "england", "2026-05-01");
  CpObligation *o;

  expect (a, "permanence.plan", "permanence-plan", "2026-04-24", CP_OBLIGATION_STATUS_MET_ON_TIME);
  expect (b, "permanence.plan", "permanence-plan", "2026-04-24", CP_OBLIGATION_STATUS_MET_LATE);
  /* Agreed, but with neither milestones nor a contingency: not yet a plan. */
  o = expect (c, "permanence.plan", "permanence-plan", "2026-04-24", CP_OBLIGATION_STATUS_OVERDUE);
  cr_assert_not_null (strstr (cp_obligation_get_explanation (o), "lacks measurable milestones or a contingency"));
}

Test (casework, permanence_meetings_before_the_second_review_and_yearly)
{
  g_autoptr(CpCase) kase = make_case ("2014-05-05", "2026-01-05", FOSTER ("2026-01-05"),
    TWO_REVIEWS ",\"permanence_plan\":{\"pathway\":\"adoption\",\"agreed_on\":\"2026-04-24\"}");
  g_autoptr(CpEvaluator) ev = NULL;

  test_record (kase, CP_DUTY_PERMANENCE_PLANNING_MEETING, "2026-04-24");
  ev = test_evaluate (kase, "salford", "2026-05-01");
  /* "Before the second review": by the day before it. */
  expect (ev, "permanence.planning-meeting", "permanence-planning-meeting", "2026-04-23", CP_OBLIGATION_STATUS_MET_LATE);
  /* 26 weeks from 5 January 2026. */
  expect (ev, "permanence.final-care-planning-meeting", "final-care-planning-meeting", "2026-07-06",
          CP_OBLIGATION_STATUS_UPCOMING);
  expect (ev, "permanence.progress-meeting", "next permanence-progress-meeting", "2027-04-24",
          CP_OBLIGATION_STATUS_UPCOMING);
}

static void
on_drift (CpEvaluator *ev, CpObligation *o, gpointer data)
{
  g_ptr_array_add (data, g_strdup (cp_obligation_get_subject (o)));
}

Test (casework, a_milestone_past_its_target_without_a_reason_is_drift)
{
  g_autoptr(CpCase) kase = make_case ("2014-05-05", "2026-01-05", FOSTER ("2026-01-05"),
    "\"permanence_plan\":{\"pathway\":\"adoption\",\"agreed_on\":\"2026-04-24\",\"milestones\":["
    "{\"description\":\"a\",\"target\":\"2026-06-30\"},"
    "{\"description\":\"b\",\"target\":\"2026-06-30\",\"delay_reason\":\"court adjourned\"},"
    "{\"description\":\"c\",\"target\":\"2026-06-30\",\"achieved\":\"2026-06-30\"}]}");
  g_autoptr(CpEvaluator) ev = test_evaluate (kase, "england", "2026-06-30");
  g_autoptr(GPtrArray) drifted = g_ptr_array_new_with_free_func (g_free);
  CpObligation *o;

  g_signal_connect (ev, "drift-detected", G_CALLBACK (on_drift), drifted);
  expect (ev, "permanence.milestones", "milestone 1", "2026-06-30", CP_OBLIGATION_STATUS_DUE_SOON);
  at (ev, "2026-07-01");
  o = expect (ev, "permanence.milestones", "milestone 1", "2026-06-30", CP_OBLIGATION_STATUS_OVERDUE);
  cr_assert (cp_obligation_get_drift (o));
  o = expect (ev, "permanence.milestones", "milestone 2", "2026-06-30", CP_OBLIGATION_STATUS_OVERDUE);
  cr_assert_not (cp_obligation_get_drift (o));
  cr_assert_null (strstr (cp_obligation_get_explanation (o), "court"), "reasons are not repeated");
  o = expect (ev, "permanence.milestones", "milestone 3", "2026-06-30", CP_OBLIGATION_STATUS_MET_ON_TIME);
  cr_assert_not (cp_obligation_get_drift (o));
  cr_assert_eq (drifted->len, 1);
  cr_assert_str_eq (drifted->pdata[0], "milestone 1");
}

Test (casework, warrington_third_review_records_the_permanence_decision)
{
  g_autoptr(CpCase) kase = make_case ("2014-05-05", "2026-01-05", FOSTER ("2026-01-05"),
    "\"reviews\":[{\"sequence\":1,\"held\":\"2026-01-30\"},{\"sequence\":2,\"held\":\"2026-04-24\"},"
    "{\"sequence\":3,\"held\":\"2026-10-16\"}]");
  g_autoptr(CpEvaluator) ev = NULL;

  test_record (kase, CP_DUTY_PERMANENCE_DECISION, "2026-10-16");
  ev = test_evaluate (kase, "warrington", "2026-10-20");
  expect (ev, "permanence.third-review", "permanence-decision", "2026-10-16", CP_OBLIGATION_STATUS_MET_ON_TIME);
}

/* Leaving care -------------------------------------------------------------- */

static CpLeavingCareStatus
status_on (CpCase *kase, const char *on)
{
  g_autoptr(CpEvaluator) ev = test_evaluate (kase, "england", on);
  return cp_evaluator_get_leaving_care_status (ev);
}

Test (casework, leaving_care_status_from_the_history)
{
  /* Born 2010-08-20 (14 on 2024-08-20, 16 on 2026-08-20, 18 on 2028-08-20). */
  g_autoptr(CpCase) stays = make_case ("2010-08-20", "2024-01-10", FOSTER ("2024-01-10"), NULL);
  g_autoptr(CpCase) left = make_case ("2010-08-20", "2024-01-10",
    "[{\"kind\":\"foster-agency\",\"start\":\"2024-01-10\",\"end\":\"2027-02-01\"}]", NULL);
  g_autoptr(CpCase) briefly = make_case ("2010-08-20", "2026-09-20",
    "[{\"kind\":\"foster-agency\",\"start\":\"2026-09-20\",\"end\":\"2026-11-01\"}]", NULL);
  g_autoptr(GError) error = NULL;

  cr_assert_eq (status_on (stays, "2026-08-19"), CP_LEAVING_CARE_STATUS_NONE);
  cr_assert_eq (status_on (stays, "2026-08-20"), CP_LEAVING_CARE_STATUS_ELIGIBLE);
  cr_assert_eq (status_on (stays, "2028-08-19"), CP_LEAVING_CARE_STATUS_ELIGIBLE);
  cr_assert_eq (status_on (stays, "2028-08-20"), CP_LEAVING_CARE_STATUS_FORMER_RELEVANT);

  /* Left care at 16 and a half, after more than 13 weeks since 14: relevant. */
  {
    g_autofree char *text = cp_case_to_json_string (left, FALSE);
    g_autofree char *with_end = NULL;
    g_autoptr(CpCase) ended = NULL;
    GString *s = g_string_new (text);

    g_string_replace (s, "\"looked_after_since\":\"2024-01-10\"",
                      "\"looked_after_since\":\"2024-01-10\",\"ceased_on\":\"2027-02-01\"", 1);
    with_end = g_string_free (s, FALSE);
    ended = cp_case_new_from_json (with_end, -1, &error);
    cr_assert_not_null (ended, "%s", error ? error->message : "");
    cr_assert_eq (status_on (ended, "2027-01-31"), CP_LEAVING_CARE_STATUS_ELIGIBLE);
    cr_assert_eq (status_on (ended, "2027-02-01"), CP_LEAVING_CARE_STATUS_RELEVANT);
    cr_assert_eq (status_on (ended, "2028-08-20"), CP_LEAVING_CARE_STATUS_FORMER_RELEVANT);
    cr_assert_eq (status_on (ended, "2031-08-20"), CP_LEAVING_CARE_STATUS_NONE);
  }

  /* In care from 16 years 1 month for six weeks: never eligible; left
   * after 16, so qualifying. */
  {
    g_autofree char *text = cp_case_to_json_string (briefly, FALSE);
    GString *s = g_string_new (text);
    g_autofree char *with_end = NULL;
    g_autoptr(CpCase) ended = NULL;

    g_string_replace (s, "\"looked_after_since\":\"2026-09-20\"",
                      "\"looked_after_since\":\"2026-09-20\",\"ceased_on\":\"2026-11-01\"", 1);
    with_end = g_string_free (s, FALSE);
    ended = cp_case_new_from_json (with_end, -1, &error);
    cr_assert_not_null (ended, "%s", error ? error->message : "");
    cr_assert_eq (status_on (ended, "2026-10-31"), CP_LEAVING_CARE_STATUS_NONE);
    cr_assert_eq (status_on (ended, "2026-11-01"), CP_LEAVING_CARE_STATUS_QUALIFYING);
  }
}

Test (casework, pathway_plan_by_sixteen_and_three_months_or_when_eligible)
{
  g_autoptr(CpCase) early = make_case ("2010-08-20", "2024-01-10", FOSTER ("2024-01-10"), NULL);
  g_autoptr(CpCase) late_entry = make_case ("2010-08-20", "2026-09-20", FOSTER ("2026-09-20"), NULL);
  g_autoptr(CpEvaluator) ev = test_evaluate (early, "england", "2026-11-20");
  g_autoptr(CpEvaluator) ev2 = NULL;
  CpObligation *o;

  expect (ev, "leaving-care.pathway-plan", "pathway-plan", "2026-11-20", CP_OBLIGATION_STATUS_DUE_SOON);
  at (ev, "2026-11-21");
  expect (ev, "leaving-care.pathway-plan", "pathway-plan", "2026-11-20", CP_OBLIGATION_STATUS_OVERDUE);
  test_record (early, CP_DUTY_PATHWAY_PLAN, "2026-11-21");
  at (ev, "2026-11-22");
  expect (ev, "leaving-care.pathway-plan", "pathway-plan", "2026-11-20", CP_OBLIGATION_STATUS_MET_LATE);
  /* Reviews at most six months apart from the plan. */
  expect (ev, "leaving-care.pathway-plan-review", "next pathway-plan-review", "2027-05-21",
          CP_OBLIGATION_STATUS_UPCOMING);

  /* Looked after from 16 years 1 month: eligible when 13 weeks are
   * complete, the first day counted (20 September + 90 days). */
  ev2 = test_evaluate (late_entry, "england", "2026-11-22");
  o = expect (ev2, "leaving-care.pathway-plan", "pathway-plan", "2026-12-19", CP_OBLIGATION_STATUS_UPCOMING);
  cr_assert_not_null (strstr (cp_obligation_get_explanation (o), "eligible only from 2026-12-19"));
}

Test (casework, swindon_landmark_review_and_needs_assessment)
{
  g_autoptr(CpCase) kase = make_case ("2011-03-31", "2024-01-10", FOSTER ("2024-01-10"), NULL);
  g_autoptr(CpCase) too_late = make_case ("2011-03-31", "2026-12-01", FOSTER ("2026-12-01"), NULL);
  g_autoptr(CpEvaluator) ev = test_evaluate (kase, "swindon", "2026-09-30");

  /* 15 and a half on 30 September 2026 (31 March + 6 months, clamped). */
  expect (ev, "leaving-care.landmark-review", "landmark-review", "2026-09-30", CP_OBLIGATION_STATUS_DUE_SOON);
  at (ev, "2026-10-01");
  expect (ev, "leaving-care.landmark-review", "landmark-review", "2026-09-30", CP_OBLIGATION_STATUS_OVERDUE);
  expect (ev, "leaving-care.needs-assessment", "needs-assessment", "2027-06-30", CP_OBLIGATION_STATUS_UPCOMING);
  /* A child who came into care after 15 and a half has no landmark review. */
  {
    g_autoptr(CpEvaluator) later = test_evaluate (too_late, "swindon", "2026-12-02");
    expect (later, "leaving-care.landmark-review", "landmark-review", NULL, CP_OBLIGATION_STATUS_NOT_APPLICABLE);
  }
}

Test (casework, warrington_considers_staying_put_at_the_first_review_after_sixteen)
{
  g_autoptr(CpCase) kase = make_case ("2010-08-20", "2024-01-10", FOSTER ("2024-01-10"),
    "\"reviews\":[{\"sequence\":1,\"held\":\"2024-02-05\"},{\"sequence\":2,\"held\":\"2024-05-03\"},"
    "{\"sequence\":3,\"held\":\"2024-10-25\"},{\"sequence\":4,\"held\":\"2025-04-11\"},"
    "{\"sequence\":5,\"held\":\"2025-10-03\"},{\"sequence\":6,\"held\":\"2026-03-27\"},"
    "{\"sequence\":7,\"held\":\"2026-09-11\"}]");
  g_autoptr(CpEvaluator) ev = test_evaluate (kase, "warrington", "2026-09-11");

  /* The first review on or after the 16th birthday (20 August) is review 7. */
  expect (ev, "leaving-care.staying-put", "staying-put-considered", "2026-09-11", CP_OBLIGATION_STATUS_DUE_SOON);
  test_record (kase, CP_DUTY_STAYING_PUT_CONSIDERED, "2026-09-11");
  at (ev, "2026-09-12");
  expect (ev, "leaving-care.staying-put", "staying-put-considered", "2026-09-11", CP_OBLIGATION_STATUS_MET_ON_TIME);
}

/* Ceasing to look after ------------------------------------------------------ */

static CpCase *
s20_case (const char *birth, const char *lac)
{
  g_autofree char *text = g_strdup_printf (
    "{\"version\":1,\"child\":{\"id\":\"T-2\",\"birth_date\":\"%s\",\"looked_after_since\":\"%s\","
    "\"legal_statuses\":[{\"status\":\"section-20\",\"start\":\"%s\"}]},"
    "\"placements\":[{\"kind\":\"foster-agency\",\"start\":\"%s\"}]}", birth, lac, lac, lac);

  return test_case_from_json (text);
}

static gboolean
cease (CpCase *kase, const char *profile, const char *on, CpRole role, GError **error)
{
  g_autoptr(CpPolicy) policy = cp_policy_new_builtin (profile, NULL);
  g_autoptr(GDate) d = test_date (on);

  return cp_case_cease (kase, policy, test_calendar, d, role, NULL, error);
}

Test (casework, salford_approvals_to_cease_by_age_and_time_under_section_20)
{
  /* Under 16, accommodated from Wednesday 2 December 2026: 20 working days
   * later, over Christmas, is 4 January 2027. */
  g_autoptr(CpCase) a = s20_case ("2014-05-05", "2026-12-02");
  g_autoptr(CpCase) b = s20_case ("2014-05-05", "2026-12-02");
  g_autoptr(CpCase) c = s20_case ("2010-05-05", "2026-12-02");
  g_autoptr(CpCase) d = s20_case ("2014-05-05", "2026-12-02");
  g_autoptr(GError) error = NULL;
  GListModel *history;
  g_autoptr(CpHistoryEntry) last = NULL;

  /* The day before the 20th working day: no approval needed. */
  cr_assert (cease (a, "salford", "2026-12-31", CP_ROLE_SOCIAL_WORKER, &error), "%s", error ? error->message : "");
  cr_assert_not_null (cp_child_get_ceased_on (cp_case_get_child (a)));

  /* From the 20th working day, the Assistant Director's. */
  cr_assert_not (cease (b, "salford", "2027-01-04", CP_ROLE_PRACTICE_MANAGER, &error));
  cr_assert (g_error_matches (error, CP_ERROR, CP_ERROR_NOT_AUTHORISED));
  cr_assert_not_null (strstr (error->message, "assistant-director"), "%s", error->message);
  cr_assert_null (cp_child_get_ceased_on (cp_case_get_child (b)));
  history = cp_case_get_history (b);
  last = g_list_model_get_item (history, g_list_model_get_n_items (history) - 1);
  cr_assert (cp_history_entry_get_refused (last));
  g_clear_error (&error);
  cr_assert (cease (b, "salford", "2027-01-04", CP_ROLE_ASSISTANT_DIRECTOR, &error));

  /* 16 or 17 under section 20: the Strategic Director's, at once. */
  cr_assert_not (cease (c, "salford", "2026-12-03", CP_ROLE_ASSISTANT_DIRECTOR, &error));
  cr_assert (g_error_matches (error, CP_ERROR, CP_ERROR_NOT_AUTHORISED));
  g_clear_error (&error);
  cr_assert (cease (c, "salford", "2026-12-03", CP_ROLE_STRATEGIC_DIRECTOR, &error));

  /* Other profiles name no approver. */
  cr_assert (cease (d, "stoke-on-trent", "2027-01-04", CP_ROLE_SOCIAL_WORKER, &error));
  /* Once is enough; never before care began. */
  cr_assert_not (cease (d, "stoke-on-trent", "2027-01-05", CP_ROLE_SOCIAL_WORKER, &error));
  cr_assert (g_error_matches (error, CP_ERROR, CP_ERROR_ILLEGAL_TRANSITION));
}

Test (casework, pathway_plan_reviews_go_on_after_leaving_care)
{
  g_autoptr(CpCase) kase = make_case ("2010-08-20", "2024-01-10", FOSTER ("2024-01-10"), NULL);
  g_autoptr(CpPolicy) england = cp_policy_new_builtin ("england", NULL);
  g_autoptr(GDate) left = test_date ("2027-02-01");
  g_autoptr(GError) error = NULL;
  g_autoptr(CpEvaluator) ev = NULL;

  test_record (kase, CP_DUTY_PATHWAY_PLAN, "2026-11-02");
  cr_assert (cp_case_cease (kase, england, test_calendar, left, CP_ROLE_SOCIAL_WORKER, NULL, &error));
  ev = test_evaluate (kase, "england", "2027-05-03");
  cr_assert_eq (cp_evaluator_get_leaving_care_status (ev), CP_LEAVING_CARE_STATUS_RELEVANT);
  expect (ev, "leaving-care.pathway-plan-review", "next pathway-plan-review", "2027-05-02",
          CP_OBLIGATION_STATUS_OVERDUE);
  /* What fell due while in care stays as it was (no visit was recorded). */
  expect (ev, "visit.first", "placement 1", "2024-01-17", CP_OBLIGATION_STATUS_OVERDUE);
}

/* Placement approvals --------------------------------------------------------- */

static gboolean
place (CpCase *kase, const char *profile, const char *json, CpRole role, GError **error)
{
  g_autoptr(CpPolicy) policy = cp_policy_new_builtin (profile, NULL);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(CpPlacement) p = NULL;

  cr_assert (json_parser_load_from_data (parser, json, -1, NULL));
  p = CP_PLACEMENT (cp_record_from_json (CP_TYPE_PLACEMENT, json_parser_get_root (parser), "placement", NULL, error));
  cr_assert_not_null (p);
  return cp_case_place (kase, policy, p, role, NULL, NULL, error);
}

Test (casework, out_of_area_placements_need_the_profiles_approver)
{
  g_autoptr(CpCase) kase = make_case ("2014-05-05", "2026-01-05", FOSTER ("2026-01-05"), NULL);
  g_autoptr(GError) error = NULL;

  /* Salford: out of borough, the Assistant Director; distant, the Strategic Director. */
  cr_assert_not (place (kase, "salford", "{\"kind\":\"foster-agency\",\"start\":\"2026-03-02\",\"area\":\"out-of-borough\"}",
                        CP_ROLE_PRACTICE_MANAGER, &error));
  cr_assert (g_error_matches (error, CP_ERROR, CP_ERROR_NOT_AUTHORISED), "%s", error ? error->message : "");
  cr_assert_not_null (strstr (error->message, "assistant-director"));
  g_clear_error (&error);
  cr_assert (place (kase, "salford", "{\"kind\":\"foster-agency\",\"start\":\"2026-03-02\",\"area\":\"out-of-borough\"}",
                    CP_ROLE_ASSISTANT_DIRECTOR, &error), "%s", error ? error->message : "");
  cr_assert_not (place (kase, "salford", "{\"kind\":\"residential\",\"start\":\"2026-04-06\",\"area\":\"distant\"}",
                        CP_ROLE_ASSISTANT_DIRECTOR, &error));
  g_clear_error (&error);
  /* With a connected person: no approval. */
  cr_assert (place (kase, "salford", "{\"kind\":\"connected-person-approved\",\"start\":\"2026-04-06\",\"area\":\"distant\"}",
                    CP_ROLE_SOCIAL_WORKER, &error), "%s", error ? error->message : "");
  /* Stoke-on-Trent: outside the authority, the Strategic Manager, except with its own foster carers. */
  cr_assert_not (place (kase, "stoke-on-trent", "{\"kind\":\"foster-agency\",\"start\":\"2026-05-04\",\"area\":\"distant\"}",
                        CP_ROLE_PRACTICE_MANAGER, &error));
  g_clear_error (&error);
  cr_assert (place (kase, "stoke-on-trent", "{\"kind\":\"foster-own-authority\",\"start\":\"2026-05-04\",\"area\":\"distant\"}",
                    CP_ROLE_SOCIAL_WORKER, &error), "%s", error ? error->message : "");
  /* england names no approver. */
  cr_assert (place (kase, "england", "{\"kind\":\"foster-agency\",\"start\":\"2026-06-01\",\"area\":\"distant\"}",
                    CP_ROLE_SOCIAL_WORKER, &error), "%s", error ? error->message : "");
}

Test (casework, stoke_moves_in_school_years_10_and_11_need_the_strategic_manager)
{
  /* Born 1 September 2011, the oldest in the year: 13 on 31 August 2025
   * (year 9 in 2025/26) and 14 on 31 August 2026 (year 10 from 1 September
   * 2026). */
  g_autoptr(CpCase) kase = make_case ("2011-09-01", "2026-01-05", FOSTER ("2026-01-05"), NULL);
  g_autoptr(GError) error = NULL;

  /* The last day of year 9: no approval. */
  cr_assert (place (kase, "stoke-on-trent", "{\"kind\":\"foster-own-authority\",\"start\":\"2026-08-31\"}",
                    CP_ROLE_SOCIAL_WORKER, &error), "%s", error ? error->message : "");
  /* The first day of year 10: the Strategic Manager's. */
  cr_assert_not (place (kase, "stoke-on-trent", "{\"kind\":\"foster-own-authority\",\"start\":\"2026-09-01\"}",
                        CP_ROLE_PRACTICE_MANAGER, &error));
  cr_assert (g_error_matches (error, CP_ERROR, CP_ERROR_NOT_AUTHORISED));
  cr_assert_not_null (strstr (error->message, "pl-ks4-move-strategic-manager-stoke"), "%s", error->message);
  g_clear_error (&error);
  cr_assert (place (kase, "stoke-on-trent", "{\"kind\":\"foster-own-authority\",\"start\":\"2026-09-01\"}",
                    CP_ROLE_STRATEGIC_MANAGER, &error), "%s", error ? error->message : "");
  /* Year 12 (from 1 September 2028): no approval. */
  cr_assert (place (kase, "stoke-on-trent", "{\"kind\":\"residential\",\"start\":\"2028-09-01\"}",
                    CP_ROLE_SOCIAL_WORKER, &error), "%s", error ? error->message : "");
}

Test (casework, connected_person_approval_in_16_weeks_with_one_extension)
{
  const char *cp = "[{\"kind\":\"connected-person-temporary\",\"start\":\"2026-12-21\"}]";
  g_autoptr(CpCase) plain = make_case ("2014-05-05", "2026-12-21", cp, NULL);
  g_autoptr(CpCase) extended = make_case ("2014-05-05", "2026-12-21", cp, NULL);
  g_autoptr(CpCase) late_extension = make_case ("2014-05-05", "2026-12-21", cp, NULL);
  g_autoptr(CpEvaluator) ev = NULL, ev2 = NULL, ev3 = NULL, stoke = NULL;

  /* 16 weeks from Monday 21 December 2026: Monday 12 April 2027. */
  ev = test_evaluate (plain, "england", "2027-04-12");
  expect (ev, "placement.connected-person.approval", "placement 1", "2027-04-12", CP_OBLIGATION_STATUS_DUE_SOON);
  at (ev, "2027-04-13");
  expect (ev, "placement.connected-person.approval", "placement 1", "2027-04-12", CP_OBLIGATION_STATUS_OVERDUE);

  /* Extended once before it passed: 8 weeks more, 7 June. */
  test_record (extended, CP_DUTY_APPROVAL_EXTENDED, "2027-04-12");
  test_record (extended, CP_DUTY_CARER_APPROVED, "2027-06-07");
  ev2 = test_evaluate (extended, "england", "2027-06-08");
  expect (ev2, "placement.connected-person.approval", "placement 1", "2027-06-07", CP_OBLIGATION_STATUS_MET_ON_TIME);

  /* An extension after the deadline has passed does not count. */
  test_record (late_extension, CP_DUTY_APPROVAL_EXTENDED, "2027-04-13");
  ev3 = test_evaluate (late_extension, "england", "2027-04-14");
  expect (ev3, "placement.connected-person.approval", "placement 1", "2027-04-12", CP_OBLIGATION_STATUS_OVERDUE);

  /* Stoke-on-Trent: 6 weeks, no extension. */
  stoke = test_evaluate (extended, "stoke-on-trent", "2027-02-02");
  expect (stoke, "placement.connected-person.approval", "placement 1", "2027-02-01", CP_OBLIGATION_STATUS_OVERDUE);
}

Test (casework, stoke_health_plan_reviewed_within_twelve_months)
{
  g_autoptr(CpCase) kase = make_case ("2014-05-05", "2026-01-05", FOSTER ("2026-01-05"), NULL);
  g_autoptr(CpEvaluator) ev = NULL;

  /* 12 months from Good Friday 2026 (3 April): Saturday 3 April 2027. */
  test_record (kase, CP_DUTY_HEALTH_ASSESSMENT, "2026-04-03");
  ev = test_evaluate (kase, "stoke-on-trent", "2027-04-03");
  expect (ev, "health.review", "next health-assessment", "2027-04-03", CP_OBLIGATION_STATUS_DUE_SOON);
  at (ev, "2027-04-04");
  expect (ev, "health.review", "next health-assessment", "2027-04-03", CP_OBLIGATION_STATUS_OVERDUE);
  /* The same twelve months as the regulations: Stoke inherits england's rule. */
  {
    g_autoptr(CpEvaluator) england = test_evaluate (kase, "england", "2027-04-04");
    expect (england, "health.review", "next health-assessment", "2027-04-03", CP_OBLIGATION_STATUS_OVERDUE);
  }
}

Test (casework, swindon_permanence_planning_meeting_by_the_day_before_the_second_review)
{
  g_autoptr(CpCase) on_time = make_case ("2014-05-05", "2026-01-05", FOSTER ("2026-01-05"), TWO_REVIEWS);
  g_autoptr(CpCase) late = make_case ("2014-05-05", "2026-01-05", FOSTER ("2026-01-05"), TWO_REVIEWS);
  g_autoptr(CpEvaluator) a = NULL, b = NULL;

  test_record (on_time, CP_DUTY_PERMANENCE_PLANNING_MEETING, "2026-04-23");
  test_record (late, CP_DUTY_PERMANENCE_PLANNING_MEETING, "2026-04-24");
  a = test_evaluate (on_time, "swindon", "2026-05-01");
  b = test_evaluate (late, "swindon", "2026-05-01");
  expect (a, "permanence.planning-meeting", "permanence-planning-meeting", "2026-04-23", CP_OBLIGATION_STATUS_MET_ON_TIME);
  expect (b, "permanence.planning-meeting", "permanence-planning-meeting", "2026-04-23", CP_OBLIGATION_STATUS_MET_LATE);
}

Test (casework, swindon_visits_weekly_until_the_first_review_then_by_placement)
{
  g_autoptr(CpCase) kase = make_case ("2015-05-05", "2027-03-01", FOSTER ("2027-03-01"),
                                      "\"reviews\":[{\"sequence\":1,\"scheduled\":\"2027-03-24\"}]");
  g_autoptr(CpCase) long_term = make_case ("2015-05-05", "2026-01-05",
    "[{\"kind\":\"foster-own-authority\",\"start\":\"2026-01-05\",\"long_term\":true,\"intended_until_18\":true}]",
    "\"reviews\":[{\"sequence\":1,\"held\":\"2026-01-30\"}]");
  g_autoptr(CpCase) short_term = make_case ("2015-05-05", "2026-01-05", FOSTER ("2026-01-05"),
    "\"reviews\":[{\"sequence\":1,\"held\":\"2026-01-30\"}]");
  g_autoptr(CpCase) adoption = make_case ("2020-05-05", "2027-01-04",
    "[{\"kind\":\"adoption\",\"start\":\"2027-01-04\"}]", "\"reviews\":[{\"sequence\":1,\"held\":\"2027-01-29\"}]");
  g_autoptr(CpEvaluator) ev = NULL, lt = NULL, st = NULL, ad = NULL;

  test_record (kase, CP_DUTY_VISIT, "2027-03-02");
  test_record (kase, CP_DUTY_VISIT, "2027-03-09");
  test_record (kase, CP_DUTY_VISIT, "2027-03-17");
  ev = test_evaluate (kase, "swindon", "2027-03-18");
  /* Weekly before the first review: the visit on the 17th was a day late. */
  expect (ev, "visit.until-first-review", "visit after 2027-03-09", "2027-03-16", CP_OBLIGATION_STATUS_MET_LATE);
  expect (ev, "visit.until-first-review", "next visit", "2027-03-24", CP_OBLIGATION_STATUS_DUE_SOON);
  /* The review is held on the 24th: six-weekly from then on. */
  {
    g_autoptr(GDate) held = test_date ("2027-03-24");
    cp_review_set_held (cp_case_get_review (kase, 1), held);
  }
  test_record (kase, CP_DUTY_VISIT, "2027-03-24");
  at (ev, "2027-03-25");
  expect (ev, "visit.interval", "next visit", "2027-05-05", CP_OBLIGATION_STATUS_UPCOMING);

  /* After a year: three-monthly in a long-term placement, six-weekly otherwise. */
  test_record (long_term, CP_DUTY_VISIT, "2027-02-01");
  test_record (short_term, CP_DUTY_VISIT, "2027-02-01");
  lt = test_evaluate (long_term, "swindon", "2027-02-02");
  st = test_evaluate (short_term, "swindon", "2027-02-02");
  expect (lt, "visit.interval.until-18", "next visit", "2027-05-01", CP_OBLIGATION_STATUS_UPCOMING);
  expect (st, "visit.interval", "next visit", "2027-03-15", CP_OBLIGATION_STATUS_UPCOMING);

  /* Placed for adoption: monthly after the first review. */
  test_record (adoption, CP_DUTY_VISIT, "2027-02-01");
  ad = test_evaluate (adoption, "swindon", "2027-02-02");
  expect (ad, "visit.interval.adoption", "next visit", "2027-03-01", CP_OBLIGATION_STATUS_UPCOMING);
}

Test (casework, stoke_short_break_series_have_their_own_review_timing)
{
  g_autoptr(CpCase) breaks = make_case ("2015-05-05", "2026-12-21",
    "[{\"kind\":\"short-breaks\",\"start\":\"2026-12-21\"}]", NULL);
  g_autoptr(CpCase) held = make_case ("2015-05-05", "2026-12-21",
    "[{\"kind\":\"short-breaks\",\"start\":\"2026-12-21\"}]", "\"reviews\":[{\"sequence\":1,\"held\":\"2027-03-19\"}]");
  g_autoptr(CpEvaluator) ev = test_evaluate (breaks, "stoke-on-trent", "2027-03-21");
  g_autoptr(CpEvaluator) ev2 = test_evaluate (held, "stoke-on-trent", "2027-03-22");
  g_autoptr(CpEvaluator) england = test_evaluate (breaks, "england", "2027-01-04");

  /* Three months from 21 December, not 20 working days. */
  expect (ev, "review.first.short-breaks", "review 1", "2027-03-21", CP_OBLIGATION_STATUS_DUE_SOON);
  at (ev, "2027-03-22");
  expect (ev, "review.first.short-breaks", "review 1", "2027-03-21", CP_OBLIGATION_STATUS_OVERDUE);
  /* Then six-monthly, not three months for the second. */
  expect (ev2, "review.second.short-breaks", "review 2", "2027-09-19", CP_OBLIGATION_STATUS_UPCOMING);
  /* england has no such rule: 20 working days, over Christmas. */
  expect (england, "review.first", "review 1", "2027-01-21", CP_OBLIGATION_STATUS_UPCOMING);
}

Test (casework, the_remaining_visit_and_health_variants)
{
  /* Swindon: placed with a parent under an interim care order, or with a
   * temporarily approved connected person: four-weekly after the first review. */
  g_autoptr(GError) error = NULL;
  g_autoptr(CpCase) ico = cp_case_new_from_json (
    "{\"version\":1,\"child\":{\"id\":\"T-3\",\"birth_date\":\"2020-05-05\",\"looked_after_since\":\"2027-01-04\","
    "\"legal_statuses\":[{\"status\":\"interim-care-order\",\"start\":\"2027-01-04\"}]},"
    "\"placements\":[{\"kind\":\"placed-with-parents\",\"start\":\"2027-01-04\"}],"
    "\"reviews\":[{\"sequence\":1,\"held\":\"2027-01-29\"}]}", -1, &error);
  g_autoptr(CpCase) reg24 = make_case ("2020-05-05", "2027-01-04",
    "[{\"kind\":\"connected-person-temporary\",\"start\":\"2027-01-04\"}]", "\"reviews\":[{\"sequence\":1,\"held\":\"2027-01-29\"}]");
  g_autoptr(CpCase) home = make_case ("2014-05-05", "2026-01-05",
    "[{\"kind\":\"residential\",\"start\":\"2026-01-05\"}]", NULL);
  g_autoptr(CpCase) health = make_case ("2014-05-05", "2027-03-01", FOSTER ("2027-03-01"),
    "\"reviews\":[{\"sequence\":1,\"scheduled\":\"2027-03-26\"}]");
  g_autoptr(CpEvaluator) a = NULL, b = NULL, c = NULL, d = NULL;

  cr_assert_not_null (ico, "%s", error ? error->message : "");
  test_record (ico, CP_DUTY_VISIT, "2027-02-01");
  test_record (reg24, CP_DUTY_VISIT, "2027-02-01");
  a = test_evaluate (ico, "swindon", "2027-02-02");
  b = test_evaluate (reg24, "swindon", "2027-02-02");
  expect (a, "visit.interval.ico-with-parent", "next visit", "2027-03-01", CP_OBLIGATION_STATUS_UPCOMING);
  expect (b, "visit.interval.connected-person", "next visit", "2027-03-01", CP_OBLIGATION_STATUS_UPCOMING);

  /* Salford: outside foster care, the national six weeks. */
  test_record (home, CP_DUTY_VISIT, "2027-02-01");
  c = test_evaluate (home, "salford", "2027-02-02");
  expect (c, "visit.interval", "next visit", "2027-03-15", CP_OBLIGATION_STATUS_UPCOMING);

  /* Swindon: the health assessment by the day before the first review,
   * booked for Good Friday 2027: Thursday 25 March. */
  d = test_evaluate (health, "swindon", "2027-03-25");
  expect (d, "health.before-first-review", "health-assessment", "2027-03-25", CP_OBLIGATION_STATUS_DUE_SOON);
  at (d, "2027-03-26");
  expect (d, "health.before-first-review", "health-assessment", "2027-03-25", CP_OBLIGATION_STATUS_OVERDUE);
}
