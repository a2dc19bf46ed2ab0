/* test-duties.c: the seed rules with a date the case records (issue 18)
 *
 * Stoke-on-Trent's Form 903, care planning meeting between the first two
 * reviews and third-review drift check; Salford's consultation review
 * report, permanency planning minutes, stability meeting and the duties
 * after care ends; Warrington's health care plan and PEP to the IRO;
 * Swindon's 24-hour notifications and yearly statutory assessment.
 *
 * Each rule at its boundary: the last day on time, the first day late,
 * across a bank holiday (Christmas 2026: Friday 25 December, Boxing Day's
 * substitute Monday 28, New Year's Day Friday 1 January 2027; Easter 2027:
 * Good Friday 26 March, Easter Monday 29), and not applicable where its
 * condition fails.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include <string.h>

#include "test-evaluating.h"
#include "cp-record-private.h"

TestSuite (duties, .init = test_calendar_setup, .fini = test_calendar_teardown);

/* A case from JSON: a child born in 2014, looked after from @lac under
 * @status (a legal status), in foster care from @lac, with @extra
 * members of the document (or of the child, for "child" members: see
 * make_child_case()). */
static CpCase *
make_case_full (const char *lac, const char *status, const char *child_extra, const char *placements,
                const char *extra)
{
  g_autofree char *default_placements =
    g_strdup_printf ("[{\"kind\":\"foster-own-authority\",\"start\":\"%s\"}]", lac);
  g_autofree char *text = g_strdup_printf (
    "{\"version\":1,\"child\":{\"id\":\"T-1\",\"birth_date\":\"2014-05-05\",\"looked_after_since\":\"%s\","
    "\"legal_statuses\":[%s]%s%s},"
    "\"placements\":%s%s%s}",
    lac, status, child_extra ? "," : "", child_extra ? child_extra : "",
    placements ? placements : default_placements, extra ? "," : "", extra ? extra : "");

  return test_case_from_json (text);
}

static CpCase *
make_case (const char *lac, const char *extra)
{
  g_autofree char *status = g_strdup_printf ("{\"status\":\"care-order\",\"start\":\"%s\"}", lac);
  return make_case_full (lac, status, NULL, NULL, extra);
}

static gboolean
has_key (CpEvaluator *ev, const char *key)
{
  GListModel *list = cp_evaluator_get_obligations (ev);

  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(CpObligation) o = g_list_model_get_item (list, i);

      if (strcmp (cp_obligation_get_key (o), key) == 0)
        return TRUE;
    }
  return FALSE;
}

/* Becoming looked after ---------------------------------------------------- */

Test (duties, stoke_form_903_within_one_working_day)
{
  g_autoptr(CpCase) weekday = make_case ("2026-06-10", NULL);
  g_autoptr(CpCase) christmas = make_case ("2026-12-24", NULL);
  g_autoptr(CpCase) late = make_case ("2026-12-24", NULL);
  g_autoptr(CpEvaluator) ev = NULL;
  g_autoptr(CpEvaluator) ev2 = NULL;
  g_autoptr(CpEvaluator) ev3 = NULL;
  g_autoptr(CpEvaluator) ev4 = NULL;

  /* Wednesday 10 June 2026: by Thursday 11. */
  test_record (weekday, CP_DUTY_REVIEW_UNIT_NOTIFIED, "2026-06-11");
  ev = test_evaluate (weekday, "stoke-on-trent", "2026-06-12");
  expect (ev, "looked-after.notify.review-unit", "review-unit-notified", "2026-06-11",
          CP_OBLIGATION_STATUS_MET_ON_TIME);

  /* Christmas Eve 2026: the next working day is Tuesday 29 December. */
  test_record (christmas, CP_DUTY_REVIEW_UNIT_NOTIFIED, "2026-12-29");
  ev2 = test_evaluate (christmas, "stoke-on-trent", "2026-12-30");
  expect (ev2, "looked-after.notify.review-unit", "review-unit-notified", "2026-12-29",
          CP_OBLIGATION_STATUS_MET_ON_TIME);
  test_record (late, CP_DUTY_REVIEW_UNIT_NOTIFIED, "2026-12-30");
  ev3 = test_evaluate (late, "stoke-on-trent", "2026-12-30");
  expect (ev3, "looked-after.notify.review-unit", "review-unit-notified", "2026-12-29",
          CP_OBLIGATION_STATUS_MET_LATE);

  /* Not recorded: due on the 29th, overdue from the 30th. */
  g_clear_object (&late);
  late = make_case ("2026-12-24", NULL);
  ev4 = test_evaluate (late, "stoke-on-trent", "2026-12-29");
  expect (ev4, "looked-after.notify.review-unit", "review-unit-notified", "2026-12-29",
          CP_OBLIGATION_STATUS_DUE_SOON);
  at (ev4, "2026-12-30");
  expect (ev4, "looked-after.notify.review-unit", "review-unit-notified", "2026-12-29",
          CP_OBLIGATION_STATUS_OVERDUE);
}

Test (duties, a_notification_only_where_the_profile_asks_for_one)
{
  g_autoptr(CpCase) kase = make_case ("2026-06-10", NULL);
  g_autoptr(CpEvaluator) ev = test_evaluate (kase, "england", "2026-06-20");
  g_autoptr(CpEvaluator) ev2 = test_evaluate (kase, "warrington", "2026-06-20");

  cr_assert_not (has_key (ev, "looked-after.notify.review-unit"));
  cr_assert_not (has_key (ev2, "looked-after.notify.review-unit"));
  cr_assert_not (has_key (ev2, "looked-after.notify.health-team"));
}

Test (duties, swindon_notifications_within_24_hours_read_in_whole_days)
{
  g_autoptr(CpCase) kase = make_case ("2026-12-24", NULL);
  g_autoptr(CpEvaluator) ev = NULL;
  CpObligation *o;

  /* Christmas Eve: 24 hours from a day with no hour recorded are read as
   * the day itself (the last day wholly inside them whatever the hour the
   * child became looked after); a bank holiday does not move hours. */
  test_record (kase, CP_DUTY_HEALTH_TEAM_NOTIFIED, "2026-12-24");
  test_record (kase, CP_DUTY_VIRTUAL_SCHOOL_NOTIFIED, "2026-12-25");
  ev = test_evaluate (kase, "swindon", "2026-12-24");
  o = expect (ev, "looked-after.notify.review-unit", "review-unit-notified", "2026-12-24",
              CP_OBLIGATION_STATUS_DUE_SOON);
  cr_assert_not_null (strstr (cp_obligation_get_explanation (o), "read in whole days"),
                      "%s", cp_obligation_get_explanation (o));
  expect (ev, "looked-after.notify.health-team", "health-team-notified", "2026-12-24",
          CP_OBLIGATION_STATUS_MET_ON_TIME);
  at (ev, "2026-12-25");
  expect (ev, "looked-after.notify.review-unit", "review-unit-notified", "2026-12-24",
          CP_OBLIGATION_STATUS_OVERDUE);
  expect (ev, "looked-after.notify.virtual-school", "virtual-school-notified", "2026-12-24",
          CP_OBLIGATION_STATUS_MET_LATE);
}

Test (duties, swindon_statutory_assessment_at_most_twelve_months_apart)
{
  g_autoptr(CpCase) on_time = make_case ("2026-01-05", NULL);
  g_autoptr(CpCase) late = make_case ("2026-01-05", NULL);
  g_autoptr(CpCase) boxing_day = make_case ("2026-12-28", NULL);
  g_autoptr(CpEvaluator) ev = NULL;
  g_autoptr(CpEvaluator) ev2 = NULL;
  g_autoptr(CpEvaluator) ev3 = NULL;

  /* The first within 12 months of care: 5 January 2027, on time. */
  test_record (on_time, CP_DUTY_STATUTORY_ASSESSMENT, "2027-01-05");
  ev = test_evaluate (on_time, "swindon", "2027-02-01");
  cr_assert_null (cp_evaluator_find (ev, "assessment.statutory", "statutory-assessment after 2026-01-05"));
  expect (ev, "assessment.statutory", "next statutory-assessment", "2028-01-05", CP_OBLIGATION_STATUS_UPCOMING);

  /* A day later is late. */
  test_record (late, CP_DUTY_STATUTORY_ASSESSMENT, "2027-01-06");
  ev2 = test_evaluate (late, "swindon", "2027-02-01");
  expect (ev2, "assessment.statutory", "statutory-assessment after 2026-01-05", "2027-01-05",
          CP_OBLIGATION_STATUS_MET_LATE);
  expect (ev2, "assessment.statutory", "next statutory-assessment", "2028-01-06", CP_OBLIGATION_STATUS_UPCOMING);

  /* Months are calendar months: a year from Monday 28 December 2026 is
   * Tuesday 28 December 2027, a bank holiday (the substitute for Boxing
   * Day), and the deadline stays on it. */
  ev3 = test_evaluate (boxing_day, "swindon", "2027-12-28");
  expect (ev3, "assessment.statutory", "next statutory-assessment", "2027-12-28", CP_OBLIGATION_STATUS_DUE_SOON);
  at (ev3, "2027-12-29");
  expect (ev3, "assessment.statutory", "next statutory-assessment", "2027-12-28", CP_OBLIGATION_STATUS_OVERDUE);

  /* Only Swindon asks for it. */
  g_clear_object (&ev3);
  ev3 = test_evaluate (boxing_day, "salford", "2027-12-29");
  cr_assert_not (has_key (ev3, "assessment.statutory"));
}

Test (duties, swindon_statutory_assessment_counts_from_one_made_before_care)
{
  g_autoptr(CpCase) kase = make_case ("2026-01-05", NULL);
  g_autoptr(CpCase) on_time = make_case ("2026-01-05", NULL);
  g_autoptr(CpEvaluator) ev = NULL;
  g_autoptr(CpEvaluator) ev2 = NULL;

  /* Assessed on 1 December 2025, before care began: the next by
   * 1 December 2026, not 5 January 2027. Only the last one before care
   * counts. */
  test_record (kase, CP_DUTY_STATUTORY_ASSESSMENT, "2025-06-02");
  test_record (kase, CP_DUTY_STATUTORY_ASSESSMENT, "2025-12-01");
  ev = test_evaluate (kase, "swindon", "2026-12-01");
  expect (ev, "assessment.statutory", "next statutory-assessment", "2026-12-01", CP_OBLIGATION_STATUS_DUE_SOON);
  at (ev, "2026-12-02");
  expect (ev, "assessment.statutory", "next statutory-assessment", "2026-12-01", CP_OBLIGATION_STATUS_OVERDUE);

  test_record (on_time, CP_DUTY_STATUTORY_ASSESSMENT, "2025-12-01");
  test_record (on_time, CP_DUTY_STATUTORY_ASSESSMENT, "2026-12-01");
  ev2 = test_evaluate (on_time, "swindon", "2026-12-02");
  cr_assert_null (cp_evaluator_find (ev2, "assessment.statutory", "statutory-assessment after 2025-12-01"));
  expect (ev2, "assessment.statutory", "next statutory-assessment", "2027-12-01", CP_OBLIGATION_STATUS_UPCOMING);
}

/* Between reviews ------------------------------------------------------------ */

#define TWO_REVIEWS "\"reviews\":[{\"sequence\":1,\"held\":\"2026-01-30\"},{\"sequence\":2,\"held\":\"2026-04-24\"}]"

Test (duties, stoke_care_planning_meeting_between_the_first_and_second_reviews)
{
  g_autoptr(CpCase) on_time = make_case ("2026-01-05", TWO_REVIEWS);
  g_autoptr(CpCase) on_the_day = make_case ("2026-01-05", TWO_REVIEWS);
  g_autoptr(CpCase) too_early = make_case ("2026-01-05", TWO_REVIEWS);
  g_autoptr(CpEvaluator) ev = NULL;
  CpObligation *o;
  g_autofree char *opens = NULL;

  /* On the first review's day, and on the day before the second. */
  test_record (on_time, CP_DUTY_CARE_PLANNING_MEETING, "2026-01-30");
  ev = test_evaluate (on_time, "stoke-on-trent", "2026-05-01");
  o = expect (ev, "permanence.care-planning-meeting", "care-planning-meeting", "2026-04-23",
              CP_OBLIGATION_STATUS_MET_ON_TIME);
  opens = test_iso (cp_obligation_get_window_start (o));
  cr_assert_str_eq (opens, "2026-01-30");
  g_clear_object (&ev);

  /* On the day of the second review: late. */
  test_record (on_the_day, CP_DUTY_CARE_PLANNING_MEETING, "2026-04-24");
  ev = test_evaluate (on_the_day, "stoke-on-trent", "2026-05-01");
  expect (ev, "permanence.care-planning-meeting", "care-planning-meeting", "2026-04-23",
          CP_OBLIGATION_STATUS_MET_LATE);
  g_clear_object (&ev);

  /* A meeting the day before the first review does not count. */
  test_record (too_early, CP_DUTY_CARE_PLANNING_MEETING, "2026-01-29");
  ev = test_evaluate (too_early, "stoke-on-trent", "2026-05-01");
  expect (ev, "permanence.care-planning-meeting", "care-planning-meeting", "2026-04-23",
          CP_OBLIGATION_STATUS_OVERDUE);
}

Test (duties, stoke_care_planning_meeting_before_a_second_review_after_easter)
{
  g_autoptr(CpCase) kase = make_case ("2026-12-07",
    "\"reviews\":[{\"sequence\":1,\"held\":\"2027-01-04\"},{\"sequence\":2,\"scheduled\":\"2027-03-30\"}]");
  g_autoptr(CpEvaluator) ev = test_evaluate (kase, "stoke-on-trent", "2027-03-29");

  /* The second review booked for Tuesday 30 March 2027: the day before is
   * Easter Monday, and a deadline in calendar days stays on it. */
  expect (ev, "permanence.care-planning-meeting", "care-planning-meeting", "2027-03-29",
          CP_OBLIGATION_STATUS_DUE_SOON);
  at (ev, "2027-03-30");
  expect (ev, "permanence.care-planning-meeting", "care-planning-meeting", "2027-03-29",
          CP_OBLIGATION_STATUS_OVERDUE);

  /* Not a rule of Salford's (which has its permanency planning meeting). */
  {
    g_autoptr(CpEvaluator) other = test_evaluate (kase, "salford", "2027-03-30");
    cr_assert_not (has_key (other, "permanence.care-planning-meeting"));
  }
}

#define THREE_REVIEWS(third) \
  "\"reviews\":[{\"sequence\":1,\"held\":\"2026-07-31\"},{\"sequence\":2,\"held\":\"2026-10-23\"}," \
  "{\"sequence\":3,\"held\":\"" third "\"}]"

Test (duties, stoke_third_review_drift_check_for_section_20_children)
{
  const char *s20 = "{\"status\":\"section-20\",\"start\":\"2026-07-06\"}";
  g_autoptr(CpCase) on_time = make_case_full ("2026-07-06", s20, NULL, NULL, THREE_REVIEWS ("2026-12-24"));
  g_autoptr(CpCase) late = make_case_full ("2026-07-06", s20, NULL, NULL, THREE_REVIEWS ("2026-12-24"));
  g_autoptr(CpEvaluator) ev = NULL;

  /* At the third review, held on Christmas Eve: the day of the review. */
  test_record (on_time, CP_DUTY_PERMANENCE_DECISION, "2026-12-24");
  ev = test_evaluate (on_time, "stoke-on-trent", "2027-01-04");
  expect (ev, "permanence.third-review", "permanence-decision", "2026-12-24", CP_OBLIGATION_STATUS_MET_ON_TIME);
  g_clear_object (&ev);

  /* Recorded on the next working day, after Christmas: late all the same. */
  test_record (late, CP_DUTY_PERMANENCE_DECISION, "2026-12-29");
  ev = test_evaluate (late, "stoke-on-trent", "2027-01-04");
  expect (ev, "permanence.third-review", "permanence-decision", "2026-12-24", CP_OBLIGATION_STATUS_MET_LATE);
  g_clear_object (&ev);

  /* Not recorded: overdue from the day after. */
  g_clear_object (&late);
  late = make_case_full ("2026-07-06", s20, NULL, NULL, THREE_REVIEWS ("2026-12-24"));
  ev = test_evaluate (late, "stoke-on-trent", "2026-12-24");
  expect (ev, "permanence.third-review", "permanence-decision", "2026-12-24", CP_OBLIGATION_STATUS_DUE_SOON);
  at (ev, "2026-12-25");
  expect (ev, "permanence.third-review", "permanence-decision", "2026-12-24", CP_OBLIGATION_STATUS_OVERDUE);
}

Test (duties, stoke_third_review_check_not_for_children_on_orders)
{
  const char *order = "{\"status\":\"care-order\",\"start\":\"2026-07-06\"}";
  const char *s20_ended = "{\"status\":\"section-20\",\"start\":\"2026-07-06\",\"end\":\"2026-11-02\"},"
                          "{\"status\":\"interim-care-order\",\"start\":\"2026-11-02\"}";
  g_autoptr(CpCase) on_order = make_case_full ("2026-07-06", order, NULL, NULL, THREE_REVIEWS ("2026-12-24"));
  g_autoptr(CpCase) no_longer = make_case_full ("2026-07-06", s20_ended, NULL, NULL, THREE_REVIEWS ("2026-12-24"));
  g_autoptr(CpEvaluator) ev = test_evaluate (on_order, "stoke-on-trent", "2027-01-04");
  g_autoptr(CpEvaluator) ev2 = test_evaluate (no_longer, "stoke-on-trent", "2027-01-04");

  cr_assert_not (has_key (ev, "permanence.third-review"));
  cr_assert_not (has_key (ev2, "permanence.third-review"));
}

/* Salford's review paperwork ------------------------------------------------ */

/* A long-term foster placement from June 2025, reviewed by meetings and,
 * from its second year, once by consultation. */
#define LONG_TERM "[{\"kind\":\"foster-own-authority\",\"start\":\"2025-06-02\",\"long_term\":true}]"
#define CONSULTATION_REVIEWS(task) \
  "\"reviews\":[{\"sequence\":1,\"held\":\"2025-06-27\"},{\"sequence\":2,\"held\":\"2025-09-26\"}," \
  "{\"sequence\":3,\"held\":\"2026-03-20\"},{\"sequence\":4,\"held\":\"2026-09-11\"}," \
  "{\"sequence\":5,\"kind\":\"consultation-only\",\"held\":\"2026-12-04\"" task "}]"

Test (duties, salford_consultation_review_report_within_20_working_days)
{
  const char *order = "{\"status\":\"care-order\",\"start\":\"2025-06-02\"}";
  g_autoptr(CpCase) on_time = make_case_full ("2025-06-02", order, NULL, LONG_TERM,
    CONSULTATION_REVIEWS (",\"tasks\":[{\"duty\":\"record-distributed\",\"done\":\"2027-01-06\"}]"));
  g_autoptr(CpCase) late = make_case_full ("2025-06-02", order, NULL, LONG_TERM,
    CONSULTATION_REVIEWS (",\"tasks\":[{\"duty\":\"record-distributed\",\"done\":\"2027-01-07\"}]"));
  g_autoptr(CpEvaluator) ev = test_evaluate (on_time, "salford", "2027-01-08");
  g_autoptr(CpEvaluator) ev2 = test_evaluate (late, "salford", "2027-01-08");

  /* 20 working days from Friday 4 December 2026, over Christmas, the
   * Boxing Day substitute and New Year's Day: Wednesday 6 January 2027. */
  expect (ev, "review.after.consultation-report", "review 5", "2027-01-06", CP_OBLIGATION_STATUS_MET_ON_TIME);
  expect (ev2, "review.after.consultation-report", "review 5", "2027-01-06", CP_OBLIGATION_STATUS_MET_LATE);
  /* The consultation review counted (a meeting within the year before). */
  expect (ev, "review.subsequent", "review 5", NULL, CP_OBLIGATION_STATUS_MET_ON_TIME);

  /* Reviews with a meeting have no such report in §8. */
  cr_assert_null (cp_evaluator_find (ev, "review.after.consultation-report", "review 4"));
  cr_assert_null (cp_evaluator_find (ev, "review.after.consultation-report", "review 3"));
}

Test (duties, salford_consultation_report_not_recorded_is_overdue)
{
  const char *order = "{\"status\":\"care-order\",\"start\":\"2025-06-02\"}";
  g_autoptr(CpCase) kase = make_case_full ("2025-06-02", order, NULL, LONG_TERM, CONSULTATION_REVIEWS (""));
  g_autoptr(CpEvaluator) ev = test_evaluate (kase, "salford", "2027-01-06");

  expect (ev, "review.after.consultation-report", "review 5", "2027-01-06", CP_OBLIGATION_STATUS_DUE_SOON);
  at (ev, "2027-01-07");
  expect (ev, "review.after.consultation-report", "review 5", "2027-01-06", CP_OBLIGATION_STATUS_OVERDUE);
}

Test (duties, salford_permanency_minutes_to_the_iro_before_the_second_review)
{
  g_autoptr(CpCase) on_time = make_case ("2026-01-05",
    "\"reviews\":[{\"sequence\":1,\"held\":\"2026-01-30\"},{\"sequence\":2,\"held\":\"2026-04-24\","
    "\"tasks\":[{\"duty\":\"permanence-minutes-to-iro\",\"done\":\"2026-04-23\"}]}]");
  g_autoptr(CpCase) late = make_case ("2026-01-05",
    "\"reviews\":[{\"sequence\":1,\"held\":\"2026-01-30\"},{\"sequence\":2,\"held\":\"2026-04-24\","
    "\"tasks\":[{\"duty\":\"permanence-minutes-to-iro\",\"done\":\"2026-04-24\"}]}]");
  g_autoptr(CpCase) easter = make_case ("2026-12-07",
    "\"reviews\":[{\"sequence\":1,\"held\":\"2027-01-04\"},{\"sequence\":2,\"scheduled\":\"2027-03-30\"}]");
  g_autoptr(CpEvaluator) ev = test_evaluate (on_time, "salford", "2026-05-01");
  g_autoptr(CpEvaluator) ev2 = test_evaluate (late, "salford", "2026-05-01");
  g_autoptr(CpEvaluator) ev3 = test_evaluate (easter, "salford", "2027-03-29");

  expect (ev, "review.prepare.permanence-minutes-to-iro", "review 2", "2026-04-23", CP_OBLIGATION_STATUS_MET_ON_TIME);
  expect (ev2, "review.prepare.permanence-minutes-to-iro", "review 2", "2026-04-23", CP_OBLIGATION_STATUS_MET_LATE);
  /* Only the second review. */
  cr_assert_null (cp_evaluator_find (ev, "review.prepare.permanence-minutes-to-iro", "review 1"));

  /* A second review booked for the Tuesday after Easter: due on Easter
   * Monday, a calendar day that a bank holiday does not move. */
  expect (ev3, "review.prepare.permanence-minutes-to-iro", "review 2", "2027-03-29", CP_OBLIGATION_STATUS_DUE_SOON);
  at (ev3, "2027-03-30");
  expect (ev3, "review.prepare.permanence-minutes-to-iro", "review 2", "2027-03-29", CP_OBLIGATION_STATUS_OVERDUE);
}

/* Salford's meetings and duties after care --------------------------------- */

#define STABILITY "\"events\":[{\"kind\":\"stability-concern\",\"date\":\"2026-12-17\"}]"

Test (duties, salford_stability_meeting_within_10_working_days_of_a_concern)
{
  g_autoptr(CpCase) on_time = make_case ("2026-06-01", STABILITY);
  g_autoptr(CpCase) late = make_case ("2026-06-01", STABILITY);
  g_autoptr(CpCase) before = make_case ("2026-06-01", STABILITY);
  g_autoptr(CpCase) none = make_case ("2026-06-01", NULL);
  g_autoptr(CpEvaluator) ev = NULL;
  g_autoptr(CpEvaluator) ev2 = NULL;
  g_autoptr(CpEvaluator) ev3 = NULL;
  g_autoptr(CpEvaluator) ev4 = NULL;

  /* Thursday 17 December 2026, over Christmas and New Year: Tuesday
   * 5 January 2027. */
  test_record (on_time, CP_DUTY_CARE_PLANNING_MEETING, "2027-01-05");
  ev = test_evaluate (on_time, "salford", "2027-01-08");
  expect (ev, "placement.stability.care-planning-meeting", "stability-concern 2026-12-17", "2027-01-05",
          CP_OBLIGATION_STATUS_MET_ON_TIME);
  test_record (late, CP_DUTY_CARE_PLANNING_MEETING, "2027-01-06");
  ev2 = test_evaluate (late, "salford", "2027-01-08");
  expect (ev2, "placement.stability.care-planning-meeting", "stability-concern 2026-12-17", "2027-01-05",
          CP_OBLIGATION_STATUS_MET_LATE);

  /* A meeting before the concern does not answer it. */
  test_record (before, CP_DUTY_CARE_PLANNING_MEETING, "2026-12-16");
  ev3 = test_evaluate (before, "salford", "2027-01-05");
  expect (ev3, "placement.stability.care-planning-meeting", "stability-concern 2026-12-17", "2027-01-05",
          CP_OBLIGATION_STATUS_DUE_SOON);
  at (ev3, "2027-01-06");
  expect (ev3, "placement.stability.care-planning-meeting", "stability-concern 2026-12-17", "2027-01-05",
          CP_OBLIGATION_STATUS_OVERDUE);

  /* No concern recorded, or a concern recorded after the date: nothing. */
  ev4 = test_evaluate (none, "salford", "2027-01-06");
  cr_assert_not (has_key (ev4, "placement.stability.care-planning-meeting"));
  at (ev3, "2026-12-16");
  cr_assert_not (has_key (ev3, "placement.stability.care-planning-meeting"));
}

#define RETURNED(on) "\"ceased_on\":\"" on "\""

Test (duties, salford_cin_plan_within_two_weeks_of_returning_home_after_care)
{
  const char *order = "{\"status\":\"section-20\",\"start\":\"2026-06-01\",\"end\":\"2027-03-19\"}";
  const char *events = "\"events\":[{\"kind\":\"returned-home\",\"date\":\"2027-03-19\"}]";
  g_autoptr(CpCase) on_time = make_case_full ("2026-06-01", order, RETURNED ("2027-03-19"), NULL, events);
  g_autoptr(CpCase) late = make_case_full ("2026-06-01", order, RETURNED ("2027-03-19"), NULL, events);
  g_autoptr(CpCase) ceased_otherwise = make_case_full ("2026-06-01", order, RETURNED ("2027-03-19"), NULL, NULL);
  g_autoptr(CpEvaluator) ev = NULL;
  g_autoptr(CpEvaluator) ev2 = NULL;
  g_autoptr(CpEvaluator) ev3 = NULL;

  /* Friday 19 March 2027: two weeks, over Easter, is Friday 2 April; the
   * plan falls due after care has ended and still counts. */
  test_record (on_time, CP_DUTY_CIN_PLAN, "2027-04-02");
  ev = test_evaluate (on_time, "salford", "2027-04-09");
  expect (ev, "cease.returned-home.cin-plan", "returned-home 2027-03-19", "2027-04-02",
          CP_OBLIGATION_STATUS_MET_ON_TIME);
  test_record (late, CP_DUTY_CIN_PLAN, "2027-04-03");
  ev2 = test_evaluate (late, "salford", "2027-04-09");
  expect (ev2, "cease.returned-home.cin-plan", "returned-home 2027-03-19", "2027-04-02",
          CP_OBLIGATION_STATUS_MET_LATE);

  /* Not recorded: overdue, not "not applicable" because care has ended. */
  g_clear_object (&late);
  late = make_case_full ("2026-06-01", order, RETURNED ("2027-03-19"), NULL, events);
  g_clear_object (&ev2);
  ev2 = test_evaluate (late, "salford", "2027-04-02");
  expect (ev2, "cease.returned-home.cin-plan", "returned-home 2027-03-19", "2027-04-02",
          CP_OBLIGATION_STATUS_DUE_SOON);
  at (ev2, "2027-04-03");
  expect (ev2, "cease.returned-home.cin-plan", "returned-home 2027-03-19", "2027-04-02",
          CP_OBLIGATION_STATUS_OVERDUE);

  /* Care that ended without a return home asks for no plan. */
  ev3 = test_evaluate (ceased_otherwise, "salford", "2027-04-03");
  cr_assert_not (has_key (ev3, "cease.returned-home.cin-plan"));
}

Test (duties, salford_after_an_unplanned_end_of_care_risk_in_24_hours_and_cafas_in_15_working_days)
{
  const char *order = "{\"status\":\"section-20\",\"start\":\"2026-06-01\",\"end\":\"2026-12-24\"}";
  const char *events = "\"events\":[{\"kind\":\"ceased-unplanned\",\"date\":\"2026-12-24\"}]";
  g_autoptr(CpCase) kase = make_case_full ("2026-06-01", order, RETURNED ("2026-12-24"), NULL, events);
  g_autoptr(CpCase) planned = make_case_full ("2026-06-01", order, RETURNED ("2026-12-24"), NULL, NULL);
  g_autoptr(CpEvaluator) ev = NULL;
  g_autoptr(CpEvaluator) ev2 = NULL;
  CpObligation *o;

  /* Christmas Eve: the risk assessment the same day (24 hours read in
   * whole days); the CAFAS in 15 working days, Tuesday 19 January 2027. */
  test_record (kase, CP_DUTY_RISK_ASSESSMENT, "2026-12-24");
  test_record (kase, CP_DUTY_CESSATION_ASSESSMENT, "2027-01-19");
  ev = test_evaluate (kase, "salford", "2027-01-20");
  o = expect (ev, "cease.unplanned.risk-assessment", "ceased-unplanned 2026-12-24", "2026-12-24",
              CP_OBLIGATION_STATUS_MET_ON_TIME);
  cr_assert_not_null (strstr (cp_obligation_get_explanation (o), "read in whole days"));
  expect (ev, "cease.unplanned.cessation-assessment", "ceased-unplanned 2026-12-24", "2027-01-19",
          CP_OBLIGATION_STATUS_MET_ON_TIME);
  g_clear_object (&ev);

  /* A day later each is late. */
  g_clear_object (&kase);
  kase = make_case_full ("2026-06-01", order, RETURNED ("2026-12-24"), NULL, events);
  test_record (kase, CP_DUTY_RISK_ASSESSMENT, "2026-12-25");
  test_record (kase, CP_DUTY_CESSATION_ASSESSMENT, "2027-01-20");
  ev = test_evaluate (kase, "salford", "2027-01-20");
  expect (ev, "cease.unplanned.risk-assessment", "ceased-unplanned 2026-12-24", "2026-12-24",
          CP_OBLIGATION_STATUS_MET_LATE);
  expect (ev, "cease.unplanned.cessation-assessment", "ceased-unplanned 2026-12-24", "2027-01-19",
          CP_OBLIGATION_STATUS_MET_LATE);

  /* A planned end of care: neither. */
  ev2 = test_evaluate (planned, "salford", "2027-01-20");
  cr_assert_not (has_key (ev2, "cease.unplanned.risk-assessment"));
  cr_assert_not (has_key (ev2, "cease.unplanned.cessation-assessment"));
}

/* Warrington's plans to the IRO --------------------------------------------- */

#define WARRINGTON_REVIEWS(first_tasks, second_tasks) \
  "\"reviews\":[{\"sequence\":1,\"held\":\"2026-12-29\",\"tasks\":[" first_tasks "]}," \
  "{\"sequence\":2,\"held\":\"2027-04-01\",\"tasks\":[" second_tasks "]}]"

Test (duties, warrington_health_plan_and_pep_with_the_review_papers)
{
  g_autoptr(CpCase) kase = make_case ("2026-12-01", WARRINGTON_REVIEWS (
    "{\"duty\":\"health-plan-to-iro\",\"done\":\"2026-12-22\"},{\"duty\":\"pep-to-iro\",\"done\":\"2026-12-23\"}",
    "{\"duty\":\"health-plan-to-iro\",\"done\":\"2027-03-24\"},{\"duty\":\"pep-to-iro\",\"done\":\"2027-03-23\"}"));
  g_autoptr(CpEvaluator) ev = test_evaluate (kase, "warrington", "2027-04-02");

  /* 3 working days before an initial review on Tuesday 29 December 2026,
   * back over the Boxing Day substitute and Christmas: Tuesday 22. */
  expect (ev, "review.prepare.health-plan-to-iro", "review 1", "2026-12-22", CP_OBLIGATION_STATUS_MET_ON_TIME);
  expect (ev, "review.prepare.pep-to-iro", "review 1", "2026-12-22", CP_OBLIGATION_STATUS_MET_LATE);
  /* 5 working days before a later review on Thursday 1 April 2027, back
   * over Easter: Tuesday 23 March. */
  expect (ev, "review.prepare.health-plan-to-iro-later", "review 2", "2027-03-23", CP_OBLIGATION_STATUS_MET_LATE);
  expect (ev, "review.prepare.pep-to-iro-later", "review 2", "2027-03-23", CP_OBLIGATION_STATUS_MET_ON_TIME);
  /* Each slot's rule only: no 5-day rule for the first review, no 3-day
   * rule for the second. */
  cr_assert_null (cp_evaluator_find (ev, "review.prepare.health-plan-to-iro-later", "review 1"));
  cr_assert_null (cp_evaluator_find (ev, "review.prepare.pep-to-iro", "review 2"));
}

Test (duties, warrington_plans_to_the_iro_for_a_review_to_come)
{
  g_autoptr(CpCase) kase = make_case ("2026-12-01",
    "\"reviews\":[{\"sequence\":1,\"scheduled\":\"2026-12-29\"}]");
  g_autoptr(CpEvaluator) ev = test_evaluate (kase, "warrington", "2026-12-22");

  expect (ev, "review.prepare.health-plan-to-iro", "review 1", "2026-12-22", CP_OBLIGATION_STATUS_DUE_SOON);
  expect (ev, "review.prepare.pep-to-iro", "review 1", "2026-12-22", CP_OBLIGATION_STATUS_DUE_SOON);
  at (ev, "2026-12-23");
  expect (ev, "review.prepare.health-plan-to-iro", "review 1", "2026-12-22", CP_OBLIGATION_STATUS_OVERDUE);

  /* Other profiles do not ask for them. */
  {
    g_autoptr(CpEvaluator) other = test_evaluate (kase, "stoke-on-trent", "2026-12-23");
    cr_assert_not (has_key (other, "review.prepare.health-plan-to-iro"));
  }
}

/* The mechanisms ------------------------------------------------------------- */

static const struct {
  const char *rule;
  const char *expect;
} bad_rules[] = {
  { "\"kind\":\"activity\",\"quantity\":2,\"unit\":\"weeks\",\"anchor\":\"event\",\"duty\":\"cin-plan\"",
    "rules[0].event: missing" },
  { "\"kind\":\"activity\",\"quantity\":1,\"unit\":\"calendar-days\",\"anchor\":\"review\",\"direction\":\"before\","
    "\"duty\":\"care-planning-meeting\",\"slot\":\"first\",\"since_previous_review\":true",
    "rules[0].since_previous_review: only for an activity rule counted from the second or third review" },
  { "\"kind\":\"interval\",\"quantity\":12,\"unit\":\"months\",\"anchor\":\"none\",\"direction\":\"every\","
    "\"duty\":\"cin-plan\",\"after_care\":true",
    "rules[0].after_care: only for an activity rule" },
  { "\"kind\":\"review-follow-up\",\"quantity\":20,\"anchor\":\"review\",\"duty\":\"record-distributed\","
    "\"review_kind\":\"by-post\"",
    "rules[0].review_kind: “by-post” is not a known code" },
  { "\"kind\":\"activity\",\"quantity\":2,\"unit\":\"weeks\",\"anchor\":\"looked-after\",\"duty\":\"cin-plan\","
    "\"review_kind\":\"meeting\"",
    "rules[0].review_kind: only for a review-preparation or review-follow-up rule" },
  { "\"kind\":\"activity\",\"quantity\":2,\"unit\":\"weeks\",\"anchor\":\"looked-after\",\"duty\":\"cin-plan\","
    "\"before_care\":true",
    "rules[0].before_care: only for an interval rule counted from the start of care" },
  { "\"kind\":\"review-preparation\",\"quantity\":2,\"anchor\":\"review\",\"direction\":\"before\","
    "\"duty\":\"cin-plan\"",
    "rules[0].duty: “cin-plan” is not a duty of a review-preparation rule" },
};

Test (duties, a_profile_misusing_the_new_keys_is_refused_with_the_field)
{
  for (guint i = 0; i < G_N_ELEMENTS (bad_rules); i++)
    {
      g_autofree char *json = g_strdup_printf (
        "{\"format\":1,\"name\":\"testshire\",\"title\":\"Testshire\",\"rules\":[{\"key\":\"x.y\",\"id\":\"x-y\","
        "\"statement\":\"s\",\"citation\":\"Testshire policy 1\",%s}]}", bad_rules[i].rule);
      g_autoptr(GError) error = NULL;
      g_autoptr(CpPolicy) p = cp_policy_new_from_data (json, -1, &error);

      cr_assert_null (p, "%u: accepted", i);
      cr_assert_not_null (strstr (error->message, bad_rules[i].expect), "%u: %s", i, error->message);
    }
}

Test (duties, the_new_codes_read_and_write_losslessly)
{
  const char *text =
    "{\"version\":1,\"child\":{\"id\":\"T-1\",\"birth_date\":\"2014-05-05\",\"looked_after_since\":\"2026-06-01\","
    "\"ceased_on\":\"2027-03-19\"},"
    "\"reviews\":[{\"sequence\":1,\"held\":\"2026-06-26\",\"tasks\":[{\"duty\":\"health-plan-to-iro\",\"done\":\"2026-06-22\"},"
    "{\"duty\":\"pep-to-iro\",\"done\":\"2026-06-22\"},{\"duty\":\"permanence-minutes-to-iro\",\"done\":\"2026-06-25\"}]}],"
    "\"events\":[{\"kind\":\"stability-concern\",\"date\":\"2026-09-01\"},{\"kind\":\"returned-home\",\"date\":\"2027-03-19\"},"
    "{\"kind\":\"ceased-unplanned\",\"date\":\"2027-03-19\"}],"
    "\"activities\":[{\"duty\":\"review-unit-notified\",\"date\":\"2026-06-01\"},"
    "{\"duty\":\"health-team-notified\",\"date\":\"2026-06-02\"},{\"duty\":\"virtual-school-notified\",\"date\":\"2026-06-02\"},"
    "{\"duty\":\"statutory-assessment\",\"date\":\"2027-01-05\"},{\"duty\":\"risk-assessment\",\"date\":\"2027-03-20\"},"
    "{\"duty\":\"cessation-assessment\",\"date\":\"2027-03-30\"},{\"duty\":\"cin-plan\",\"date\":\"2027-03-31\"}]}";
  g_autoptr(GError) error = NULL;
  g_autoptr(CpCase) a = cp_case_new_from_json (text, -1, &error);
  g_autoptr(CpCase) b = NULL;
  g_autoptr(JsonNode) original = NULL;
  g_autoptr(JsonNode) written = NULL;
  g_autofree char *out = NULL;

  cr_assert_not_null (a, "%s", error ? error->message : "");
  out = cp_case_to_json_string (a, FALSE);
  b = cp_case_new_from_json (out, -1, &error);
  cr_assert_not_null (b, "%s", error ? error->message : "");
  cr_assert (cp_record_equal (CP_RECORD (a), CP_RECORD (b)));
  original = json_from_string (text, NULL);
  written = json_from_string (out, NULL);
  cr_assert (json_node_equal (original, written), "%s", out);
}
