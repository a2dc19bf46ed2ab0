/* test-leaving-care.c: leaving care from the law
 *
 * Each rule at its boundary: the last day on time, the first day late, and
 * a case across a bank holiday (calendar months and days do not move for
 * one: Christmas Day 2026 and New Year's Day 2027 stay due dates).
 *
 * The young person of most tests was born on 20 August 2010: 14 on
 * 20 August 2024, 16 on 20 August 2026, 18 on 20 August 2028, 21 on
 * 20 August 2031, 25 on 20 August 2035.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include <string.h>

#include <glib/gstdio.h>

#include "test-evaluating.h"
#include "cp-record-private.h"

TestSuite (leaving_care, .init = test_calendar_setup, .fini = test_calendar_teardown);

/* A case from JSON: born @birth, looked after from @lac (in foster care
 * from then), ceased on @ceased (or NULL), with @periods as the child's
 * `earlier_periods` (or NULL). */
static CpCase *
make_case (const char *birth, const char *lac, const char *ceased, const char *periods)
{
  g_autofree char *ceased_member = ceased ? g_strdup_printf (",\"ceased_on\":\"%s\"", ceased) : g_strdup ("");
  g_autofree char *periods_member = periods ? g_strdup_printf (",\"earlier_periods\":%s", periods) : g_strdup ("");
  g_autofree char *text = g_strdup_printf (
    "{\"version\":1,\"child\":{\"id\":\"LC-T\",\"birth_date\":\"%s\",\"looked_after_since\":\"%s\"%s%s,"
    "\"legal_statuses\":[{\"status\":\"care-order\",\"start\":\"%s\"}]},"
    "\"placements\":[{\"kind\":\"foster-own-authority\",\"start\":\"%s\"%s%s%s}]}",
    birth, lac, ceased_member, periods_member, lac, lac,
    ceased ? ",\"end\":\"" : "", ceased ? ceased : "", ceased ? "\"" : "");

  return test_case_from_json (text);
}

static CpLeavingCareStatus
status_with (CpCase *kase, CpPolicy *policy, const char *on)
{
  g_autoptr(CpEvaluator) ev = test_evaluate_with (kase, policy, on);
  return cp_evaluator_get_leaving_care_status (ev);
}

static CpLeavingCareStatus
status_on (CpCase *kase, const char *on)
{
  g_autoptr(CpPolicy) england = cp_policy_new_builtin ("england", NULL);
  return status_with (kase, england, on);
}

/* The duty @key's rule is met by. */
static CpDuty
duty_of (const char *profile, const char *key)
{
  g_autoptr(CpPolicy) policy = cp_policy_new_builtin (profile, NULL);
  CpRule *rule = cp_policy_lookup_rule (policy, key);

  cr_assert_not_null (rule, "%s has no %s", profile, key);
  return cp_rule_get_duty (rule);
}

/* The rule @key (subject @subject, due @due) is @want once its duty is
 * done on @done, on a copy of @kase. */
static void
met_when_done (CpCase *kase, const char *profile, const char *key, const char *subject, const char *due,
               const char *done, CpObligationStatus want)
{
  g_autofree char *text = cp_case_to_json_string (kase, FALSE);
  g_autoptr(CpCase) copy = cp_case_new_from_json (text, -1, NULL);
  g_autoptr(GDate) d = test_date (done);
  g_autoptr(CpEvaluator) ev = NULL;

  cr_assert_not_null (copy);
  test_record (copy, duty_of (profile, key), done);
  g_date_add_days (d, 1);
  {
    g_autofree char *next = cp_date_format_iso (d);
    ev = test_evaluate (copy, profile, next);
  }
  expect (ev, key, subject, due, want);
}

/* Status and eligibility over several periods of care ------------------------ */

Test (leaving_care, relevant_after_leaving_care_at_sixteen_or_seventeen)
{
  g_autoptr(CpCase) at16 = make_case ("2010-08-20", "2024-01-10", "2026-10-01", NULL);
  g_autoptr(CpCase) at17 = make_case ("2010-08-20", "2024-01-10", "2027-12-24", NULL);

  cr_assert_eq (status_on (at16, "2026-09-30"), CP_LEAVING_CARE_STATUS_ELIGIBLE);
  cr_assert_eq (status_on (at16, "2026-10-01"), CP_LEAVING_CARE_STATUS_RELEVANT);
  cr_assert_eq (status_on (at16, "2028-08-19"), CP_LEAVING_CARE_STATUS_RELEVANT);
  cr_assert_eq (status_on (at16, "2028-08-20"), CP_LEAVING_CARE_STATUS_FORMER_RELEVANT);
  cr_assert_eq (status_on (at17, "2027-12-23"), CP_LEAVING_CARE_STATUS_ELIGIBLE);
  cr_assert_eq (status_on (at17, "2027-12-24"), CP_LEAVING_CARE_STATUS_RELEVANT);
}

Test (leaving_care, eligible_only_by_adding_an_earlier_period)
{
  /* Looked after again from 20 September 2026 (16 years 1 month): alone,
   * 13 weeks (91 days, the first counted) are complete on 19 December,
   * the day the young person becomes eligible. 43 days from 1 January to
   * 12 February 2025 (both counted) leave 48 to go: eligible on 6 November. */
  g_autoptr(CpCase) alone = make_case ("2010-08-20", "2026-09-20", NULL, NULL);
  g_autoptr(CpCase) with_earlier = make_case ("2010-08-20", "2026-09-20", NULL,
    "[{\"start\":\"2025-01-01\",\"end\":\"2025-02-12\"}]");

  cr_assert_eq (status_on (alone, "2026-12-18"), CP_LEAVING_CARE_STATUS_NONE);
  cr_assert_eq (status_on (alone, "2026-12-19"), CP_LEAVING_CARE_STATUS_ELIGIBLE);
  cr_assert_eq (status_on (with_earlier, "2026-11-05"), CP_LEAVING_CARE_STATUS_NONE);
  cr_assert_eq (status_on (with_earlier, "2026-11-06"), CP_LEAVING_CARE_STATUS_ELIGIBLE);
}

Test (leaving_care, an_earlier_period_counts_from_the_fourteenth_birthday)
{
  /* 1 July to 2 September 2024: only the 14 days from 20 August (both
   * counted) count; 77 to go from 20 September 2026 (counted) end on
   * 5 December. */
  g_autoptr(CpCase) kase = make_case ("2010-08-20", "2026-09-20", NULL,
    "[{\"start\":\"2024-07-01\",\"end\":\"2024-09-02\"}]");

  cr_assert_eq (status_on (kase, "2026-12-04"), CP_LEAVING_CARE_STATUS_NONE);
  cr_assert_eq (status_on (kase, "2026-12-05"), CP_LEAVING_CARE_STATUS_ELIGIBLE);
}

Test (leaving_care, earlier_periods_that_reach_the_time_make_the_young_person_eligible_at_once)
{
  /* Two periods of 51 and 42 days since 14 (first and last days counted): 93 in all. Looked after again
   * at 17, eligible the first day. */
  g_autoptr(CpCase) kase = make_case ("2010-08-20", "2027-09-01", NULL,
    "[{\"start\":\"2025-01-01\",\"end\":\"2025-02-20\"},{\"start\":\"2026-03-01\",\"end\":\"2026-04-11\"}]");

  cr_assert_eq (status_on (kase, "2027-08-31"), CP_LEAVING_CARE_STATUS_NONE);
  cr_assert_eq (status_on (kase, "2027-09-01"), CP_LEAVING_CARE_STATUS_ELIGIBLE);
}

Test (leaving_care, short_break_periods_do_not_count)
{
  g_autoptr(CpCase) kase = make_case ("2010-08-20", "2026-09-20", NULL,
    "[{\"start\":\"2025-01-01\",\"end\":\"2025-02-12\",\"short_breaks\":true}]");

  cr_assert_eq (status_on (kase, "2026-11-06"), CP_LEAVING_CARE_STATUS_NONE);
  cr_assert_eq (status_on (kase, "2026-12-18"), CP_LEAVING_CARE_STATUS_NONE);
  cr_assert_eq (status_on (kase, "2026-12-19"), CP_LEAVING_CARE_STATUS_ELIGIBLE);
}

Test (leaving_care, earlier_periods_round_trip_and_are_checked)
{
  static const struct { const char *periods; const char *message; } bad[] = {
    { "[{\"start\":\"2025-03-01\",\"end\":\"2025-02-01\"}]",
      "child.earlier_periods[0].end: 2025-02-01 is before child.earlier_periods[0].start 2025-03-01" },
    { "[{\"start\":\"2025-01-01\",\"end\":\"2025-03-01\"},{\"start\":\"2025-02-01\",\"end\":\"2025-04-01\"}]",
      "child.earlier_periods[1].start: 2025-02-01 is before child.earlier_periods[0].end 2025-03-01" },
    { "[{\"start\":\"2026-09-01\",\"end\":\"2026-10-01\"}]",
      "child.looked_after_since: 2026-09-20 is before child.earlier_periods[0].end 2026-10-01" },
    { "[{\"start\":\"2009-01-01\",\"end\":\"2009-02-01\"}]",
      "child.earlier_periods[0].start: 2009-01-01 is before child.birth_date 2010-08-20" },
    { "[{\"start\":\"2025-01-01\"}]", "child.earlier_periods[0].end" },
  };
  g_autoptr(CpCase) kase = make_case ("2010-08-20", "2026-09-20", NULL,
    "[{\"start\":\"2025-01-01\",\"end\":\"2025-02-12\",\"short_breaks\":true,\"x_local\":[1,2]},"
    "{\"start\":\"2025-06-01\",\"end\":\"2025-07-01\"}]");
  g_autofree char *text = cp_case_to_json_string (kase, FALSE);
  g_autoptr(GError) error = NULL;
  g_autoptr(CpCase) again = cp_case_new_from_json (text, -1, &error);
  GListModel *periods = cp_child_get_earlier_periods (cp_case_get_child (kase));
  g_autoptr(CpCarePeriod) first = g_list_model_get_item (periods, 0);

  cr_assert_not_null (again, "%s", error ? error->message : "");
  cr_assert (cp_record_equal (CP_RECORD (kase), CP_RECORD (again)));
  cr_assert_not_null (strstr (text, "\"earlier_periods\":[{\"start\":\"2025-01-01\",\"end\":\"2025-02-12\","
                                    "\"short_breaks\":true,\"x_local\":[1,2]}"), "%s", text);
  cr_assert_eq (g_list_model_get_n_items (periods), 2);
  cr_assert (cp_care_period_get_short_breaks (first));

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_autofree char *json = g_strdup_printf (
        "{\"version\":1,\"child\":{\"id\":\"LC-T\",\"birth_date\":\"2010-08-20\","
        "\"looked_after_since\":\"2026-09-20\",\"earlier_periods\":%s}}", bad[i].periods);
      g_autoptr(GError) e = NULL;
      g_autoptr(CpCase) c = cp_case_new_from_json (json, -1, &e);

      cr_assert_null (c, "%u accepted", i);
      cr_assert_not_null (strstr (e->message, bad[i].message), "%u: %s", i, e->message);
      cr_assert_null (strstr (e->message, "LC-T"));
    }
}

/* The needs assessment (SI 2010/959 reg 42(1); SI 2010/2571 reg 5(2)) ------ */

Test (leaving_care, needs_assessment_three_months_after_sixteen)
{
  /* 16 on Friday 20 November 2026 + 3 months = Friday 20 November. */
  g_autoptr(CpCase) kase = make_case ("2010-08-20", "2024-01-10", NULL, NULL);
  g_autoptr(CpEvaluator) ev = test_evaluate (kase, "england", "2026-11-20");

  expect (ev, "leaving-care.needs-assessment", "needs-assessment", "2026-11-20", CP_OBLIGATION_STATUS_DUE_SOON);
  at (ev, "2026-11-21");
  expect (ev, "leaving-care.needs-assessment", "needs-assessment", "2026-11-20", CP_OBLIGATION_STATUS_OVERDUE);
  met_when_done (kase, "england", "leaving-care.needs-assessment", "needs-assessment", "2026-11-20", "2026-11-20",
                 CP_OBLIGATION_STATUS_MET_ON_TIME);
  met_when_done (kase, "england", "leaving-care.needs-assessment", "needs-assessment", "2026-11-20", "2026-11-21",
                 CP_OBLIGATION_STATUS_MET_LATE);
}

Test (leaving_care, needs_assessment_due_on_christmas_day)
{
  /* 16 on 25 September 2026: 3 calendar months is Christmas Day, a bank
   * holiday, which does not move it. */
  g_autoptr(CpCase) kase = make_case ("2010-09-25", "2024-01-10", NULL, NULL);
  g_autoptr(CpEvaluator) ev = test_evaluate (kase, "england", "2026-12-25");

  expect (ev, "leaving-care.needs-assessment", "needs-assessment", "2026-12-25", CP_OBLIGATION_STATUS_DUE_SOON);
  at (ev, "2026-12-26");
  expect (ev, "leaving-care.needs-assessment", "needs-assessment", "2026-12-25", CP_OBLIGATION_STATUS_OVERDUE);
  met_when_done (kase, "england", "leaving-care.needs-assessment", "needs-assessment", "2026-12-25", "2026-12-25",
                 CP_OBLIGATION_STATUS_MET_ON_TIME);
  met_when_done (kase, "england", "leaving-care.needs-assessment", "needs-assessment", "2026-12-25", "2026-12-29",
                 CP_OBLIGATION_STATUS_MET_LATE);
}

Test (leaving_care, needs_assessment_three_months_after_becoming_eligible)
{
  /* Eligible on 19 December 2026 (13 weeks from 20 September, both days
   * counted): due 19 March. */
  g_autoptr(CpCase) kase = make_case ("2010-08-20", "2026-09-20", NULL, NULL);
  g_autoptr(CpCase) earlier = make_case ("2010-08-20", "2026-09-20", NULL,
    "[{\"start\":\"2025-01-01\",\"end\":\"2025-02-12\"}]");
  g_autoptr(CpEvaluator) ev = test_evaluate (kase, "england", "2027-03-19");
  g_autoptr(CpEvaluator) ev2 = test_evaluate (earlier, "england", "2027-02-06");

  expect (ev, "leaving-care.needs-assessment", "needs-assessment", "2027-03-19", CP_OBLIGATION_STATUS_DUE_SOON);
  at (ev, "2027-03-20");
  expect (ev, "leaving-care.needs-assessment", "needs-assessment", "2027-03-19", CP_OBLIGATION_STATUS_OVERDUE);
  met_when_done (kase, "england", "leaving-care.needs-assessment", "needs-assessment", "2027-03-19", "2027-03-19",
                 CP_OBLIGATION_STATUS_MET_ON_TIME);
  met_when_done (kase, "england", "leaving-care.needs-assessment", "needs-assessment", "2027-03-19", "2027-03-20",
                 CP_OBLIGATION_STATUS_MET_LATE);
  /* With the earlier period, eligible on 6 November: due 6 February. */
  expect (ev2, "leaving-care.needs-assessment", "needs-assessment", "2027-02-06", CP_OBLIGATION_STATUS_DUE_SOON);
  at (ev2, "2027-02-07");
  expect (ev2, "leaving-care.needs-assessment", "needs-assessment", "2027-02-06", CP_OBLIGATION_STATUS_OVERDUE);
}

Test (leaving_care, not_eligible_no_needs_assessment)
{
  g_autoptr(CpCase) kase = make_case ("2010-08-20", "2026-09-20", "2026-11-01", NULL);
  g_autoptr(CpEvaluator) ev = test_evaluate (kase, "england", "2027-03-21");

  expect (ev, "leaving-care.needs-assessment", "needs-assessment", NULL, CP_OBLIGATION_STATUS_NOT_APPLICABLE);
  cr_assert_null (cp_evaluator_find (ev, "leaving-care.needs-assessment.relevant", "needs-assessment"));
}

Test (leaving_care, relevant_young_person_still_owed_the_assessment_and_plan)
{
  /* Eligible from 16 (20 August 2026), left care on 1 October 2026 with no
   * assessment or plan: both stay due on 20 November, not "not applicable",
   * and the relevant child's assessment is due 3 months after leaving, on
   * New Year's Day 2027, a bank holiday that does not move it. */
  g_autoptr(CpCase) kase = make_case ("2010-08-20", "2024-01-10", "2026-10-01", NULL);
  g_autoptr(CpEvaluator) ev = test_evaluate (kase, "england", "2026-11-20");

  expect (ev, "leaving-care.needs-assessment", "needs-assessment", "2026-11-20", CP_OBLIGATION_STATUS_DUE_SOON);
  expect (ev, "leaving-care.pathway-plan", "pathway-plan", "2026-11-20", CP_OBLIGATION_STATUS_DUE_SOON);
  at (ev, "2026-11-21");
  expect (ev, "leaving-care.pathway-plan", "pathway-plan", "2026-11-20", CP_OBLIGATION_STATUS_OVERDUE);
  expect (ev, "leaving-care.needs-assessment.relevant", "needs-assessment", "2027-01-01",
          CP_OBLIGATION_STATUS_UPCOMING);
  at (ev, "2027-01-01");
  expect (ev, "leaving-care.needs-assessment.relevant", "needs-assessment", "2027-01-01",
          CP_OBLIGATION_STATUS_DUE_SOON);
  at (ev, "2027-01-02");
  expect (ev, "leaving-care.needs-assessment.relevant", "needs-assessment", "2027-01-01",
          CP_OBLIGATION_STATUS_OVERDUE);
  met_when_done (kase, "england", "leaving-care.needs-assessment.relevant", "needs-assessment", "2027-01-01",
                 "2027-01-01", CP_OBLIGATION_STATUS_MET_ON_TIME);
  met_when_done (kase, "england", "leaving-care.needs-assessment.relevant", "needs-assessment", "2027-01-01",
                 "2027-01-02", CP_OBLIGATION_STATUS_MET_LATE);
}

Test (leaving_care, relevant_at_seventeen_with_a_plan_needs_no_new_assessment)
{
  g_autoptr(CpCase) kase = make_case ("2010-08-20", "2024-01-10", "2027-12-24", NULL);
  g_autoptr(CpCase) no_plan = make_case ("2010-08-20", "2024-01-10", "2027-12-24", NULL);
  g_autoptr(CpEvaluator) ev = NULL, ev2 = NULL;

  test_record (kase, CP_DUTY_PATHWAY_PLAN, "2026-11-02");
  ev = test_evaluate (kase, "england", "2028-01-10");
  expect (ev, "leaving-care.needs-assessment.relevant", "needs-assessment", NULL,
          CP_OBLIGATION_STATUS_NOT_APPLICABLE);
  /* Without one: 3 months from Christmas Eve 2027. */
  ev2 = test_evaluate (no_plan, "england", "2028-03-24");
  expect (ev2, "leaving-care.needs-assessment.relevant", "needs-assessment", "2028-03-24",
          CP_OBLIGATION_STATUS_DUE_SOON);
  at (ev2, "2028-03-25");
  expect (ev2, "leaving-care.needs-assessment.relevant", "needs-assessment", "2028-03-24",
          CP_OBLIGATION_STATUS_OVERDUE);
}

Test (leaving_care, former_relevant_in_education_assessed_within_three_months)
{
  g_autoptr(CpCase) kase = make_case ("2010-08-20", "2024-01-10", "2028-08-20", NULL);
  g_autoptr(CpEvaluator) ev = NULL;

  test_record (kase, CP_DUTY_EDUCATION_TRAINING_NOTIFIED, "2029-01-15");
  ev = test_evaluate (kase, "england", "2029-04-15");
  expect (ev, "leaving-care.needs-assessment.education", "needs-assessment after education-training-notified 2029-01-15",
          "2029-04-15", CP_OBLIGATION_STATUS_DUE_SOON);
  at (ev, "2029-04-16");
  expect (ev, "leaving-care.needs-assessment.education", "needs-assessment after education-training-notified 2029-01-15",
          "2029-04-15", CP_OBLIGATION_STATUS_OVERDUE);
  /* The assessment at 16 does not meet it: only one after the notice. */
  test_record (kase, CP_DUTY_NEEDS_ASSESSMENT, "2026-11-01");
  at (ev, "2029-04-16");
  expect (ev, "leaving-care.needs-assessment.education", "needs-assessment after education-training-notified 2029-01-15",
          "2029-04-15", CP_OBLIGATION_STATUS_OVERDUE);
  met_when_done (kase, "england", "leaving-care.needs-assessment.education",
                 "needs-assessment after education-training-notified 2029-01-15", "2029-04-15", "2029-04-15",
                 CP_OBLIGATION_STATUS_MET_ON_TIME);
  met_when_done (kase, "england", "leaving-care.needs-assessment.education",
                 "needs-assessment after education-training-notified 2029-01-15", "2029-04-15", "2029-04-16",
                 CP_OBLIGATION_STATUS_MET_LATE);
}

/* The pathway plan and its reviews -------------------------------------------- */

Test (leaving_care, isp_pathway_plan_by_the_sixteenth_birthday)
{
  /* 16 on Monday 31 August 2026, the summer bank holiday: still due then. */
  g_autoptr(CpCase) kase = make_case ("2010-08-31", "2024-01-10", NULL, NULL);
  g_autoptr(CpEvaluator) ev = test_evaluate (kase, "isp-fostering", "2026-08-31");

  expect (ev, "leaving-care.pathway-plan", "pathway-plan", "2026-08-31", CP_OBLIGATION_STATUS_DUE_SOON);
  at (ev, "2026-09-01");
  expect (ev, "leaving-care.pathway-plan", "pathway-plan", "2026-08-31", CP_OBLIGATION_STATUS_OVERDUE);
  met_when_done (kase, "isp-fostering", "leaving-care.pathway-plan", "pathway-plan", "2026-08-31", "2026-08-31",
                 CP_OBLIGATION_STATUS_MET_ON_TIME);
  met_when_done (kase, "isp-fostering", "leaving-care.pathway-plan", "pathway-plan", "2026-08-31", "2026-09-01",
                 CP_OBLIGATION_STATUS_MET_LATE);
}

Test (leaving_care, pathway_plan_reviews_six_months_apart_after_care_ends)
{
  /* Plan on 2 November 2026, left care on 1 February 2027: the review is
   * due by 2 May 2027 even so. */
  g_autoptr(CpCase) kase = make_case ("2010-08-20", "2024-01-10", "2027-02-01", NULL);
  g_autoptr(CpEvaluator) ev = NULL;

  test_record (kase, CP_DUTY_PATHWAY_PLAN, "2026-11-02");
  ev = test_evaluate (kase, "england", "2027-05-02");
  expect (ev, "leaving-care.pathway-plan-review", "next pathway-plan-review", "2027-05-02",
          CP_OBLIGATION_STATUS_DUE_SOON);
  at (ev, "2027-05-03");
  expect (ev, "leaving-care.pathway-plan-review", "next pathway-plan-review", "2027-05-02",
          CP_OBLIGATION_STATUS_OVERDUE);
  /* A review on the last day is on time; the next counts from it. */
  test_record (kase, CP_DUTY_PATHWAY_PLAN_REVIEW, "2027-05-02");
  at (ev, "2027-05-03");
  cr_assert_null (cp_evaluator_find (ev, "leaving-care.pathway-plan-review", "pathway-plan-review after 2026-11-02"));
  expect (ev, "leaving-care.pathway-plan-review", "next pathway-plan-review", "2027-11-02",
          CP_OBLIGATION_STATUS_UPCOMING);
  /* A day late is flagged as a gap. */
  test_record (kase, CP_DUTY_PATHWAY_PLAN_REVIEW, "2027-11-03");
  at (ev, "2027-11-04");
  expect (ev, "leaving-care.pathway-plan-review", "pathway-plan-review after 2027-05-02", "2027-11-02",
          CP_OBLIGATION_STATUS_MET_LATE);
}

Test (leaving_care, a_qualifying_young_person_is_owed_no_reviews)
{
  /* In care at 16 for six weeks: never eligible. */
  g_autoptr(CpCase) kase = make_case ("2010-08-20", "2026-09-20", "2026-11-01", NULL);
  g_autoptr(CpEvaluator) ev = NULL;

  test_record (kase, CP_DUTY_PATHWAY_PLAN, "2026-10-20");
  ev = test_evaluate (kase, "england", "2027-06-01");
  cr_assert_eq (cp_evaluator_get_leaving_care_status (ev), CP_LEAVING_CARE_STATUS_QUALIFYING);
  expect (ev, "leaving-care.pathway-plan", "pathway-plan", NULL, CP_OBLIGATION_STATUS_NOT_APPLICABLE);
  cr_assert_null (cp_evaluator_find (ev, "leaving-care.pathway-plan-review", "next pathway-plan-review"));
}

/* Ages that end the duties ----------------------------------------------------- */

Test (leaving_care, duties_end_at_twenty_one)
{
  /* Former relevant from 18; the last review on 19 February 2031 makes
   * the next due on 19 August, the last day before 21: owed. One on
   * 20 February makes it due on the 21st birthday: the duties have ended. */
  g_autoptr(CpCase) owed = make_case ("2010-08-20", "2024-01-10", "2028-08-20", NULL);
  g_autoptr(CpCase) ended = make_case ("2010-08-20", "2024-01-10", "2028-08-20", NULL);
  g_autoptr(CpEvaluator) ev = NULL, ev2 = NULL;
  CpObligation *o;

  test_record (owed, CP_DUTY_PATHWAY_PLAN, "2026-11-02");
  test_record (owed, CP_DUTY_PATHWAY_PLAN_REVIEW, "2031-02-19");
  test_record (ended, CP_DUTY_PATHWAY_PLAN, "2026-11-02");
  test_record (ended, CP_DUTY_PATHWAY_PLAN_REVIEW, "2031-02-20");
  ev = test_evaluate (owed, "england", "2031-08-20");
  expect (ev, "leaving-care.pathway-plan-review", "next pathway-plan-review", "2031-08-19",
          CP_OBLIGATION_STATUS_OVERDUE);
  ev2 = test_evaluate (ended, "england", "2031-08-20");
  o = expect (ev2, "leaving-care.pathway-plan-review", "next pathway-plan-review", NULL,
              CP_OBLIGATION_STATUS_NOT_APPLICABLE);
  cr_assert_not_null (strstr (cp_obligation_get_explanation (o), "leaving-care duties ended (2031-08-20)"),
                      "%s", cp_obligation_get_explanation (o));

  cr_assert_eq (status_on (owed, "2031-08-19"), CP_LEAVING_CARE_STATUS_FORMER_RELEVANT);
  cr_assert_eq (status_on (owed, "2031-08-20"), CP_LEAVING_CARE_STATUS_NONE);
}

Test (leaving_care, duties_run_to_twenty_five_in_education_or_training)
{
  g_autoptr(CpCase) kase = make_case ("2010-08-20", "2024-01-10", "2028-08-20", NULL);
  g_autoptr(CpEvaluator) ev = NULL;

  test_record (kase, CP_DUTY_PATHWAY_PLAN, "2026-11-02");
  test_record (kase, CP_DUTY_EDUCATION_TRAINING_NOTIFIED, "2031-06-01");
  test_record (kase, CP_DUTY_PATHWAY_PLAN_REVIEW, "2031-02-20");
  ev = test_evaluate (kase, "england", "2031-08-21");
  expect (ev, "leaving-care.pathway-plan-review", "next pathway-plan-review", "2031-08-20",
          CP_OBLIGATION_STATUS_OVERDUE);
  cr_assert_eq (status_on (kase, "2031-08-20"), CP_LEAVING_CARE_STATUS_FORMER_RELEVANT);
  cr_assert_eq (status_on (kase, "2035-08-19"), CP_LEAVING_CARE_STATUS_FORMER_RELEVANT);
  cr_assert_eq (status_on (kase, "2035-08-20"), CP_LEAVING_CARE_STATUS_NONE);
}

Test (leaving_care, the_ages_are_the_profiles)
{
  /* A local profile whose duties end at 20 and whose adulthood is 19. */
  static const char local[] =
    "{\"format\":1,\"name\":\"testshire\",\"title\":\"Testshire\",\"extends\":\"england\",\"rules\":["
    "{\"key\":\"leaving-care.status\",\"id\":\"lc-status-eligible-swindon\",\"kind\":\"leaving-care-status\","
    "\"statement\":\"s\",\"quantity\":13,\"unit\":\"weeks\",\"anchor\":\"looked-after\",\"min_age_months\":168,"
    "\"max_age_months\":192,\"relevant_until_months\":228,\"former_relevant_until_months\":240,"
    "\"citation\":\"Testshire policy\"}]}";
  g_autoptr(GError) error = NULL;
  g_autoptr(CpPolicy) policy = cp_policy_new_from_data (local, -1, &error);
  g_autoptr(CpCase) kase = make_case ("2010-08-20", "2024-01-10", "2027-02-01", NULL);

  cr_assert_not_null (policy, "%s", error ? error->message : "");
  cr_assert_eq (status_with (kase, policy, "2029-08-19"), CP_LEAVING_CARE_STATUS_RELEVANT);
  cr_assert_eq (status_with (kase, policy, "2029-08-20"), CP_LEAVING_CARE_STATUS_FORMER_RELEVANT);
  cr_assert_eq (status_with (kase, policy, "2030-08-19"), CP_LEAVING_CARE_STATUS_FORMER_RELEVANT);
  cr_assert_eq (status_with (kase, policy, "2030-08-20"), CP_LEAVING_CARE_STATUS_NONE);
}

Test (leaving_care, a_status_rule_needs_its_ages)
{
  static const char local[] =
    "{\"format\":1,\"name\":\"testshire\",\"title\":\"Testshire\",\"extends\":\"england\",\"rules\":["
    "{\"key\":\"leaving-care.status\",\"id\":\"lc\",\"kind\":\"leaving-care-status\","
    "\"statement\":\"s\",\"quantity\":13,\"unit\":\"weeks\",\"anchor\":\"looked-after\",\"min_age_months\":168,"
    "\"max_age_months\":192,\"citation\":\"Testshire policy\"}]}";
  g_autoptr(GError) error = NULL;
  g_autoptr(CpPolicy) policy = cp_policy_new_from_data (local, -1, &error);

  cr_assert_null (policy);
  cr_assert_not_null (strstr (error->message, "relevant_until_months"), "%s", error->message);
}

/* Personal adviser visits (SI 2010/2571 reg 8) -------------------------------- */

Test (leaving_care, personal_adviser_visits_within_seven_days_then_two_monthly)
{
  /* Left care on 1 December 2026; accommodation provided on Monday
   * 21 December: 7 calendar days is Monday 28 December, the Boxing Day
   * substitute bank holiday, which does not move it. */
  g_autoptr(CpCase) kase = make_case ("2010-08-20", "2024-01-10", "2026-12-01", NULL);
  g_autoptr(CpEvaluator) ev = NULL;
  const char *first = "pa-visit after accommodation-provided 2026-12-21";

  test_record (kase, CP_DUTY_ACCOMMODATION_PROVIDED, "2026-12-21");
  ev = test_evaluate (kase, "england", "2026-12-28");
  expect (ev, "leaving-care.pa-visit.first", first, "2026-12-28", CP_OBLIGATION_STATUS_DUE_SOON);
  at (ev, "2026-12-29");
  expect (ev, "leaving-care.pa-visit.first", first, "2026-12-28", CP_OBLIGATION_STATUS_OVERDUE);
  met_when_done (kase, "england", "leaving-care.pa-visit.first", first, "2026-12-28", "2026-12-28",
                 CP_OBLIGATION_STATUS_MET_ON_TIME);
  met_when_done (kase, "england", "leaving-care.pa-visit.first", first, "2026-12-28", "2026-12-29",
                 CP_OBLIGATION_STATUS_MET_LATE);

  /* Then at most 2 months apart: from 28 December to 28 February. */
  test_record (kase, CP_DUTY_PA_VISIT, "2026-12-28");
  at (ev, "2027-02-28");
  expect (ev, "leaving-care.pa-visit", "next pa-visit", "2027-02-28", CP_OBLIGATION_STATUS_DUE_SOON);
  at (ev, "2027-03-01");
  expect (ev, "leaving-care.pa-visit", "next pa-visit", "2027-02-28", CP_OBLIGATION_STATUS_OVERDUE);
  test_record (kase, CP_DUTY_PA_VISIT, "2027-03-01");
  at (ev, "2027-03-02");
  expect (ev, "leaving-care.pa-visit", "pa-visit after 2026-12-28", "2027-02-28", CP_OBLIGATION_STATUS_MET_LATE);
}

Test (leaving_care, no_personal_adviser_visits_without_accommodation)
{
  g_autoptr(CpCase) kase = make_case ("2010-08-20", "2024-01-10", "2026-12-01", NULL);
  g_autoptr(CpEvaluator) ev = test_evaluate (kase, "england", "2027-06-01");

  cr_assert_null (cp_evaluator_find (ev, "leaving-care.pa-visit.first", "pa-visit"));
  cr_assert_null (cp_evaluator_find (ev, "leaving-care.pa-visit", "next pa-visit"));
}

/* The 903 return's earlier episodes ------------------------------------------ */

static char *
write_return (const char *episodes)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("careplan-lc-903-XXXXXX", &error);
  g_autofree char *h = g_build_filename (dir, "header.csv", NULL);
  g_autofree char *e = g_build_filename (dir, "episodes.csv", NULL);

  cr_assert_not_null (dir, "%s", error ? error->message : "");
  cr_assert (g_file_set_contents (h, "CHILD,SEX,DOB\nC1,1,20/08/2010\n", -1, NULL));
  cr_assert (g_file_set_contents (e, episodes, -1, NULL));
  return dir;
}

static void
remove_return (char *dir)
{
  g_autofree char *h = g_build_filename (dir, "header.csv", NULL);
  g_autofree char *e = g_build_filename (dir, "episodes.csv", NULL);

  g_remove (h);
  g_remove (e);
  g_rmdir (dir);
  g_free (dir);
}

#define EPISODES "CHILD,DECOM,RNE,LS,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE\n"

Test (leaving_care, the_903_reader_keeps_earlier_periods_and_they_count)
{
  /* Two earlier periods: 1 January to 12 February 2025 (42 days, over two
   * episodes), then short breaks in June 2025; the latest from 20
   * September 2026. Eligible on 8 November 2026, as from JSON. */
  char *dir = write_return (
    EPISODES
    "C1,01/01/2025,S,V2,U4,PR1,20/01/2025,X1,\n"
    "C1,20/01/2025,P,V2,U5,PR1,12/02/2025,E13,\n"
    "C1,02/06/2025,S,V3,U4,PR1,09/06/2025,E13,\n"
    "C1,20/09/2026,S,C2,U4,PR1,,,\n");
  g_autoptr(GError) error = NULL;
  g_autoptr(CpSsda903Reader) reader = cp_ssda903_reader_new_for_directory (dir, &error);
  g_autoptr(CpCase) kase = NULL;
  g_autoptr(CpCarePeriod) first = NULL, second = NULL;
  GListModel *periods;
  g_autofree char *a = NULL, *b = NULL, *c = NULL;

  cr_assert_not_null (reader, "%s", error ? error->message : "");
  kase = cp_ssda903_reader_next (reader, &error);
  cr_assert_not_null (kase, "%s", error ? error->message : "");
  periods = cp_child_get_earlier_periods (cp_case_get_child (kase));
  cr_assert_eq (g_list_model_get_n_items (periods), 2);
  first = g_list_model_get_item (periods, 0);
  second = g_list_model_get_item (periods, 1);
  a = test_iso (cp_care_period_get_start (first));
  b = test_iso (cp_care_period_get_end (first));
  c = test_iso (cp_care_period_get_start (second));
  cr_assert_str_eq (a, "2025-01-01");
  cr_assert_str_eq (b, "2025-02-12");
  cr_assert_str_eq (c, "2025-06-02");
  cr_assert_not (cp_care_period_get_short_breaks (first));
  cr_assert (cp_care_period_get_short_breaks (second));
  cr_assert_eq (status_on (kase, "2026-11-05"), CP_LEAVING_CARE_STATUS_NONE);
  cr_assert_eq (status_on (kase, "2026-11-06"), CP_LEAVING_CARE_STATUS_ELIGIBLE);
  remove_return (dir);
}

Test (leaving_care, the_903_reader_needs_an_earlier_period_to_end)
{
  char *dir = write_return (
    EPISODES
    "C1,01/01/2025,S,V2,U4,PR1,,,\n"
    "C1,20/09/2026,S,C2,U4,PR1,,,\n");
  g_autoptr(GError) error = NULL;
  g_autoptr(CpSsda903Reader) reader = cp_ssda903_reader_new_for_directory (dir, &error);
  g_autoptr(CpCase) kase = NULL;

  cr_assert_not_null (reader, "%s", error ? error->message : "");
  kase = cp_ssda903_reader_next (reader, &error);
  cr_assert_null (kase);
  cr_assert_str_eq (error->message, "episodes.csv:2:7: DEC: missing (a later period of care starts on line 3)");
  remove_return (dir);
}

/* The school year is profile data ---------------------------------------------- */

static CpPolicy *
school_year_profile (const char *fields, GError **error)
{
  g_autofree char *text = g_strdup_printf (
    "{\"format\":1,\"name\":\"testshire\",\"title\":\"Testshire\",\"extends\":\"england\",\"rules\":["
    "{\"key\":\"authority.placement.exam-years\",\"id\":\"t-exam\",\"kind\":\"authority\",\"statement\":\"s\","
    "\"anchor\":\"none\",\"min_school_year\":10,\"max_school_year\":11%s,\"approver\":\"strategic-manager\","
    "\"citation\":\"Testshire policy\"}]}", fields);

  return cp_policy_new_from_data (text, -1, error);
}

Test (leaving_care, the_school_year_starts_when_the_profile_says)
{
  /* Born 1 September 2011. A year starting on 1 January, counting the
   * age on 31 December less 4: 15 on 31 December 2026, so year 11 from
   * 1 January 2027 and year 10 in 2026. England's 1 September start puts
   * 2 January 2026 in year 9. */
  g_autoptr(GError) error = NULL;
  g_autoptr(CpPolicy) january = school_year_profile (",\"school_year_start\":\"01-01\",\"school_age_offset\":4", &error);
  g_autoptr(CpPolicy) september = school_year_profile (",\"school_year_start\":\"09-01\",\"school_age_offset\":4", &error);
  g_autoptr(CpCase) kase = make_case ("2011-09-01", "2025-06-02", NULL, NULL);
  g_autoptr(CpPlacement) move = NULL;
  g_autoptr(GDate) on = test_date ("2026-01-02");

  cr_assert_not_null (january, "%s", error ? error->message : "");
  cr_assert_not_null (september);
  move = cp_placement_new (CP_PLACEMENT_TYPE_RESIDENTIAL, on);
  cr_assert (cp_case_place (kase, september, move, CP_ROLE_SOCIAL_WORKER, NULL, NULL, &error),
             "%s", error ? error->message : "");
  g_clear_object (&move);
  g_date_add_days (on, 1);
  move = cp_placement_new (CP_PLACEMENT_TYPE_FOSTER_AGENCY, on);
  cr_assert_not (cp_case_place (kase, january, move, CP_ROLE_SOCIAL_WORKER, NULL, NULL, &error));
  cr_assert (g_error_matches (error, CP_ERROR, CP_ERROR_NOT_AUTHORISED));
}

Test (leaving_care, school_years_need_their_start)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CpPolicy) none = school_year_profile ("", &error);
  g_autoptr(CpPolicy) bad = NULL;

  cr_assert_null (none);
  cr_assert_not_null (strstr (error->message, "school_year_start: missing"), "%s", error->message);
  g_clear_error (&error);
  bad = school_year_profile (",\"school_year_start\":\"02-30\"", &error);
  cr_assert_null (bad);
  cr_assert_not_null (strstr (error->message, "“02-30” is not a month and day"), "%s", error->message);
}

Test (leaving_care, a_child_on_short_breaks_now_is_not_eligible)
{
  /* SI 2010/959 reg 40(2): short breaks since 2024, well past 16. */
  g_autoptr(GError) error = NULL;
  g_autoptr(CpCase) kase = cp_case_new_from_json (
    "{\"version\":1,\"child\":{\"id\":\"LC-T\",\"birth_date\":\"2010-08-20\",\"looked_after_since\":\"2024-01-10\"},"
    "\"placements\":[{\"kind\":\"short-breaks\",\"start\":\"2024-01-10\"}]}", -1, &error);
  g_autoptr(CpEvaluator) ev = NULL;

  cr_assert_not_null (kase, "%s", error ? error->message : "");
  cr_assert_eq (status_on (kase, "2026-08-20"), CP_LEAVING_CARE_STATUS_NONE);
  ev = test_evaluate (kase, "england", "2026-12-01");
  expect (ev, "leaving-care.needs-assessment", "needs-assessment", NULL, CP_OBLIGATION_STATUS_NOT_APPLICABLE);
}

Test (leaving_care, personal_adviser_visits_before_each_pathway_plan_review)
{
  /* Accommodation from 21 December 2026. A review on Tuesday 29 December
   * needs a visit by Monday 28 (a bank holiday, which does not move it);
   * the next, on 10 May 2027, one after 29 December and by 9 May. A review
   * before the accommodation was provided needs none. */
  g_autoptr(CpCase) kase = make_case ("2010-08-20", "2024-01-10", "2026-12-01", NULL);
  g_autoptr(CpEvaluator) ev = NULL;
  const char *first = "pa-visit before pathway-plan-review 2026-12-29";
  const char *second = "pa-visit before pathway-plan-review 2027-05-10";

  test_record (kase, CP_DUTY_PATHWAY_PLAN, "2026-11-02");
  test_record (kase, CP_DUTY_PATHWAY_PLAN_REVIEW, "2026-12-10");
  test_record (kase, CP_DUTY_ACCOMMODATION_PROVIDED, "2026-12-21");
  test_record (kase, CP_DUTY_PATHWAY_PLAN_REVIEW, "2026-12-29");
  ev = test_evaluate (kase, "england", "2026-12-29");
  cr_assert_null (cp_evaluator_find (ev, "leaving-care.pa-visit.before-review",
                                     "pa-visit before pathway-plan-review 2026-12-10"));
  expect (ev, "leaving-care.pa-visit.before-review", first, "2026-12-28", CP_OBLIGATION_STATUS_OVERDUE);
  met_when_done (kase, "england", "leaving-care.pa-visit.before-review", first, "2026-12-28", "2026-12-28",
                 CP_OBLIGATION_STATUS_MET_ON_TIME);
  met_when_done (kase, "england", "leaving-care.pa-visit.before-review", first, "2026-12-28", "2026-12-29",
                 CP_OBLIGATION_STATUS_MET_LATE);

  /* The visit before the first review does not count for the second. */
  test_record (kase, CP_DUTY_PA_VISIT, "2026-12-28");
  test_record (kase, CP_DUTY_PATHWAY_PLAN_REVIEW, "2027-05-10");
  at (ev, "2027-05-10");
  expect (ev, "leaving-care.pa-visit.before-review", first, "2026-12-28", CP_OBLIGATION_STATUS_MET_ON_TIME);
  expect (ev, "leaving-care.pa-visit.before-review", second, "2027-05-09", CP_OBLIGATION_STATUS_OVERDUE);
  met_when_done (kase, "england", "leaving-care.pa-visit.before-review", second, "2027-05-09", "2027-05-09",
                 CP_OBLIGATION_STATUS_MET_ON_TIME);
  met_when_done (kase, "england", "leaving-care.pa-visit.before-review", second, "2027-05-09", "2027-05-10",
                 CP_OBLIGATION_STATUS_MET_LATE);
}

Test (leaving_care, bank_holidays_do_not_move_eligibility_or_the_end_of_the_duties)
{
  /* 13 weeks (91 calendar days, the first counted) from 26 September
   * 2026 are complete on Christmas Day. */
  g_autoptr(CpCase) entered = make_case ("2010-08-20", "2026-09-26", NULL, NULL);
  /* 21 on Monday 25 August 2031, the summer bank holiday. */
  g_autoptr(CpCase) left = make_case ("2010-08-25", "2024-01-10", "2028-08-25", NULL);

  cr_assert_eq (status_on (entered, "2026-12-24"), CP_LEAVING_CARE_STATUS_NONE);
  cr_assert_eq (status_on (entered, "2026-12-25"), CP_LEAVING_CARE_STATUS_ELIGIBLE);
  cr_assert_eq (status_on (left, "2031-08-24"), CP_LEAVING_CARE_STATUS_FORMER_RELEVANT);
  cr_assert_eq (status_on (left, "2031-08-25"), CP_LEAVING_CARE_STATUS_NONE);
}
