/* test-health-education.c: health assessments, PEPs and hours read as days
 *
 * The national rules (SI 2010/959 reg 7 for health; reg 4(2) and 5(b)(ii)
 * and the statutory guidance for the PEP), the seeds that differ from them
 * (Swindon 14.11 and 14.13), and Salford's 72 hours read in whole days.
 * Each at its boundary: the last day on time, the first day late, across
 * Christmas 2026 (Friday 25 December; Boxing Day's substitute is Monday
 * 28; New Year's Day a Friday) or Easter 2027 (Good Friday 26 March,
 * Easter Monday 29).
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include <string.h>

#include "test-evaluating.h"

TestSuite (health_education, .init = test_calendar_setup, .fini = test_calendar_teardown);

/* A case from JSON: born @birth, looked after from @lac in foster care
 * (an emergency placement if @emergency), with @extra members. */
static CpCase *
make_case (const char *birth, const char *lac, gboolean emergency, const char *extra)
{
  g_autofree char *text = g_strdup_printf (
    "{\"version\":1,\"child\":{\"id\":\"T-1\",\"birth_date\":\"%s\",\"looked_after_since\":\"%s\","
    "\"legal_statuses\":[{\"status\":\"care-order\",\"start\":\"%s\"}]},"
    "\"placements\":[{\"kind\":\"foster-own-authority\",\"start\":\"%s\"%s}]%s%s}",
    birth, lac, lac, lac, emergency ? ",\"emergency\":true" : "", extra ? "," : "", extra ? extra : "");

  return test_case_from_json (text);
}

/* The rule's citation contains @fragment. */
static void
cites (CpEvaluator *ev, const char *key, const char *subject, const char *fragment)
{
  CpObligation *o = cp_evaluator_find (ev, key, subject);

  cr_assert_not_null (o, "no obligation %s for %s", key, subject);
  cr_assert_not_null (strstr (cp_obligation_get_citation (o), fragment), "%s cites “%s”, not “%s”", key,
                      cp_obligation_get_citation (o), fragment);
}

/* Initial health assessment ------------------------------------------------ */

/* The first review held late does not move the 20 working days: from
 * Monday 14 December 2026, over Christmas, Boxing Day's substitute and
 * New Year's Day, to Thursday 14 January 2027. */
#define LATE_FIRST_REVIEW "\"reviews\":[{\"sequence\":1,\"held\":\"2027-01-20\"}]"

Test (health_education, initial_assessment_on_the_last_of_20_working_days_is_on_time)
{
  g_autoptr(CpCase) kase = make_case ("2015-05-05", "2026-12-14", FALSE, LATE_FIRST_REVIEW);
  g_autoptr(CpEvaluator) ev = test_evaluate (kase, "england", "2027-01-14");

  expect (ev, "health.initial", "health-assessment", "2027-01-14", CP_OBLIGATION_STATUS_DUE_SOON);
  cites (ev, "health.initial", "health-assessment", "SI 2010/959 reg 7");
  test_record (kase, CP_DUTY_HEALTH_ASSESSMENT, "2027-01-14");
  at (ev, "2027-01-15");
  expect (ev, "health.initial", "health-assessment", "2027-01-14", CP_OBLIGATION_STATUS_MET_ON_TIME);
}

Test (health_education, initial_assessment_a_day_after_20_working_days_is_late)
{
  g_autoptr(CpCase) kase = make_case ("2015-05-05", "2026-12-14", FALSE, LATE_FIRST_REVIEW);
  g_autoptr(CpEvaluator) ev = test_evaluate (kase, "england", "2027-01-15");

  expect (ev, "health.initial", "health-assessment", "2027-01-14", CP_OBLIGATION_STATUS_OVERDUE);
  test_record (kase, CP_DUTY_HEALTH_ASSESSMENT, "2027-01-15");
  at (ev, "2027-01-16");
  expect (ev, "health.initial", "health-assessment", "2027-01-14", CP_OBLIGATION_STATUS_MET_LATE);
  /* Every profile inherits or shortens it: none is later than the law. */
  {
    g_autoptr(CpEvaluator) stoke = test_evaluate (kase, "stoke-on-trent", "2027-01-16");
    g_autoptr(CpEvaluator) warrington = test_evaluate (kase, "warrington", "2027-01-16");

    expect (stoke, "health.initial", "health-assessment", "2027-01-14", CP_OBLIGATION_STATUS_MET_LATE);
    expect (warrington, "health.initial", "health-assessment", "2027-01-14", CP_OBLIGATION_STATUS_MET_LATE);
  }
}

Test (health_education, initial_assessment_before_a_first_review_held_early)
{
  /* Looked after from Monday 1 March 2027, first review booked for
   * Tuesday 30 March, after Easter: the assessment by Easter Monday 29,
   * a bank holiday that calendar days do not skip; 20 working days would
   * be 31 March. */
  g_autoptr(CpCase) on_time = make_case ("2015-05-05", "2027-03-01", FALSE,
                                         "\"reviews\":[{\"sequence\":1,\"scheduled\":\"2027-03-30\"}]");
  g_autoptr(CpCase) late = make_case ("2015-05-05", "2027-03-01", FALSE,
                                      "\"reviews\":[{\"sequence\":1,\"scheduled\":\"2027-03-30\"}]");
  g_autoptr(CpEvaluator) a = NULL, b = NULL;

  test_record (on_time, CP_DUTY_HEALTH_ASSESSMENT, "2027-03-29");
  a = test_evaluate (on_time, "england", "2027-03-30");
  expect (a, "health.before-first-review", "health-assessment", "2027-03-29", CP_OBLIGATION_STATUS_MET_ON_TIME);
  expect (a, "health.initial", "health-assessment", "2027-03-31", CP_OBLIGATION_STATUS_MET_ON_TIME);

  b = test_evaluate (late, "england", "2027-03-30");
  expect (b, "health.before-first-review", "health-assessment", "2027-03-29", CP_OBLIGATION_STATUS_OVERDUE);
  test_record (late, CP_DUTY_HEALTH_ASSESSMENT, "2027-03-30");
  at (b, "2027-03-31");
  expect (b, "health.before-first-review", "health-assessment", "2027-03-29", CP_OBLIGATION_STATUS_MET_LATE);
}

Test (health_education, swindon_initial_assessment_in_20_calendar_days)
{
  /* Swindon's 20 days (calendar days, earlier than 20 working days) from
   * Monday 14 December: Sunday 3 January, over Christmas and New Year. */
  g_autoptr(CpCase) kase = make_case ("2015-05-05", "2026-12-14", FALSE, LATE_FIRST_REVIEW);
  g_autoptr(CpEvaluator) ev = test_evaluate (kase, "swindon", "2027-01-03");

  expect (ev, "health.initial", "health-assessment", "2027-01-03", CP_OBLIGATION_STATUS_DUE_SOON);
  cites (ev, "health.initial", "health-assessment", "14.11");
  at (ev, "2027-01-04");
  expect (ev, "health.initial", "health-assessment", "2027-01-03", CP_OBLIGATION_STATUS_OVERDUE);
}

/* Review health assessments ------------------------------------------------- */

Test (health_education, under_five_six_months_last_day_and_first_late_day)
{
  /* Born 8 September 2022; assessed on Christmas Eve 2026 (aged 4): the
   * next by 24 June 2027, whatever the holidays in between. */
  g_autoptr(CpCase) on_time = make_case ("2022-09-08", "2026-12-01", FALSE, NULL);
  g_autoptr(CpCase) late = make_case ("2022-09-08", "2026-12-01", FALSE, NULL);
  g_autoptr(CpEvaluator) a = NULL, b = NULL;

  test_record (on_time, CP_DUTY_HEALTH_ASSESSMENT, "2026-12-24");
  a = test_evaluate (on_time, "england", "2027-06-24");
  expect (a, "health.review.under-5", "next health-assessment", "2027-06-24", CP_OBLIGATION_STATUS_DUE_SOON);
  cites (a, "health.review.under-5", "next health-assessment", "SI 2010/959 reg 7");
  test_record (on_time, CP_DUTY_HEALTH_ASSESSMENT, "2027-06-24");
  at (a, "2027-06-25");
  /* Aged 4 still: six months more. */
  expect (a, "health.review.under-5", "next health-assessment", "2027-12-24", CP_OBLIGATION_STATUS_UPCOMING);
  cr_assert_null (cp_evaluator_find (a, "health.review.under-5", "health-assessment after 2026-12-24"));

  test_record (late, CP_DUTY_HEALTH_ASSESSMENT, "2026-12-24");
  b = test_evaluate (late, "england", "2027-06-25");
  expect (b, "health.review.under-5", "next health-assessment", "2027-06-24", CP_OBLIGATION_STATUS_OVERDUE);
  test_record (late, CP_DUTY_HEALTH_ASSESSMENT, "2027-06-25");
  at (b, "2027-06-26");
  expect (b, "health.review.under-5", "health-assessment after 2026-12-24", "2027-06-24",
          CP_OBLIGATION_STATUS_MET_LATE);
}

Test (health_education, from_five_twelve_months_last_day_and_first_late_day)
{
  /* Aged 12; assessed on Good Friday 2026 (3 April): the next by Saturday
   * 3 April 2027, over Christmas and before Easter 2027. */
  g_autoptr(CpCase) kase = make_case ("2014-05-05", "2026-01-05", FALSE, NULL);
  g_autoptr(CpEvaluator) ev = NULL;

  test_record (kase, CP_DUTY_HEALTH_ASSESSMENT, "2026-04-03");
  ev = test_evaluate (kase, "england", "2027-04-03");
  expect (ev, "health.review", "next health-assessment", "2027-04-03", CP_OBLIGATION_STATUS_DUE_SOON);
  cr_assert_null (cp_evaluator_find (ev, "health.review.under-5", "next health-assessment"));
  at (ev, "2027-04-04");
  expect (ev, "health.review", "next health-assessment", "2027-04-03", CP_OBLIGATION_STATUS_OVERDUE);
  /* The same in every seed profile: none sets a longer interval. */
  {
    g_autoptr(CpEvaluator) swindon = test_evaluate (kase, "swindon", "2027-04-04");
    g_autoptr(CpEvaluator) stoke = test_evaluate (kase, "stoke-on-trent", "2027-04-04");

    expect (swindon, "health.review", "next health-assessment", "2027-04-03", CP_OBLIGATION_STATUS_OVERDUE);
    expect (stoke, "health.review", "next health-assessment", "2027-04-03", CP_OBLIGATION_STATUS_OVERDUE);
  }
}

Test (health_education, an_assessment_just_before_the_fifth_birthday_is_followed_in_six_months)
{
  /* Born 1 March 2022: assessed at 4 on 28 February 2027, the next is due
   * six months on (28 August); assessed at 5 on 1 March, twelve. */
  g_autoptr(CpCase) four = make_case ("2022-03-01", "2026-12-01", FALSE, NULL);
  g_autoptr(CpCase) five = make_case ("2022-03-01", "2026-12-01", FALSE, NULL);
  g_autoptr(CpEvaluator) a = NULL, b = NULL;

  test_record (four, CP_DUTY_HEALTH_ASSESSMENT, "2027-02-28");
  a = test_evaluate (four, "england", "2027-03-02");
  expect (a, "health.review.under-5", "next health-assessment", "2027-08-28", CP_OBLIGATION_STATUS_UPCOMING);

  test_record (five, CP_DUTY_HEALTH_ASSESSMENT, "2027-03-01");
  b = test_evaluate (five, "england", "2027-03-02");
  expect (b, "health.review", "next health-assessment", "2028-03-01", CP_OBLIGATION_STATUS_UPCOMING);
}

/* Personal education plan ---------------------------------------------------- */

Test (health_education, pep_within_10_working_days_across_christmas)
{
  /* From Monday 21 December 2026: 22, 23, 24, then over Christmas Day,
   * the weekend, Monday 28 and New Year's Day to Thursday 7 January. */
  g_autoptr(CpCase) on_time = make_case ("2014-05-05", "2026-12-21", TRUE, NULL);
  g_autoptr(CpCase) late = make_case ("2014-05-05", "2026-12-21", TRUE, NULL);
  g_autoptr(CpEvaluator) a = NULL, b = NULL;

  a = test_evaluate (on_time, "england", "2027-01-07");
  expect (a, "pep.initial", "pep-review", "2027-01-07", CP_OBLIGATION_STATUS_DUE_SOON);
  cites (a, "pep.initial", "pep-review", "SI 2010/959 reg 4(2) and reg 5(b)(ii)");
  test_record (on_time, CP_DUTY_PEP_REVIEW, "2027-01-07");
  at (a, "2027-01-08");
  expect (a, "pep.initial", "pep-review", "2027-01-07", CP_OBLIGATION_STATUS_MET_ON_TIME);

  b = test_evaluate (late, "england", "2027-01-08");
  expect (b, "pep.initial", "pep-review", "2027-01-07", CP_OBLIGATION_STATUS_OVERDUE);
  test_record (late, CP_DUTY_PEP_REVIEW, "2027-01-08");
  at (b, "2027-01-09");
  expect (b, "pep.initial", "pep-review", "2027-01-07", CP_OBLIGATION_STATUS_MET_LATE);
}

Test (health_education, swindon_pep_within_10_days_of_an_emergency_placement)
{
  /* Swindon 14.13: 10 days (calendar days) from Monday 21 December, over
   * Christmas: Thursday 31 December, before the national 7 January. The
   * 20-day PEP meeting of the same standard does not make it later. */
  g_autoptr(CpCase) on_time = make_case ("2014-05-05", "2026-12-21", TRUE, NULL);
  g_autoptr(CpCase) late = make_case ("2014-05-05", "2026-12-21", TRUE, NULL);
  g_autoptr(CpEvaluator) a = NULL, b = NULL;

  a = test_evaluate (on_time, "swindon", "2026-12-31");
  expect (a, "pep.initial", "pep-review", "2026-12-31", CP_OBLIGATION_STATUS_DUE_SOON);
  cites (a, "pep.initial", "pep-review", "14.13");
  test_record (on_time, CP_DUTY_PEP_REVIEW, "2026-12-31");
  at (a, "2027-01-01");
  expect (a, "pep.initial", "pep-review", "2026-12-31", CP_OBLIGATION_STATUS_MET_ON_TIME);
  /* Then yearly (Swindon 14.13). */
  expect (a, "pep.review", "next pep-review", "2027-12-31", CP_OBLIGATION_STATUS_UPCOMING);

  b = test_evaluate (late, "swindon", "2027-01-01");
  expect (b, "pep.initial", "pep-review", "2026-12-31", CP_OBLIGATION_STATUS_OVERDUE);
  test_record (late, CP_DUTY_PEP_REVIEW, "2027-01-01");
  at (b, "2027-01-02");
  expect (b, "pep.initial", "pep-review", "2026-12-31", CP_OBLIGATION_STATUS_MET_LATE);
}

Test (health_education, pep_available_for_a_first_review_held_early)
{
  /* Looked after from Monday 15 March 2027, first review held early on
   * Wednesday 24 March: the PEP is due that day, before the 10 working
   * days (over Easter, 31 March) and Swindon's 10 days (25 March). */
  const char *review = "\"reviews\":[{\"sequence\":1,\"held\":\"2027-03-24\"}]";
  g_autoptr(CpCase) on_time = make_case ("2014-05-05", "2027-03-15", FALSE, review);
  g_autoptr(CpCase) late = make_case ("2014-05-05", "2027-03-15", FALSE, review);
  g_autoptr(CpEvaluator) a = NULL, b = NULL, c = NULL;

  test_record (on_time, CP_DUTY_PEP_REVIEW, "2027-03-24");
  a = test_evaluate (on_time, "england", "2027-03-25");
  expect (a, "pep.before-first-review", "pep-review", "2027-03-24", CP_OBLIGATION_STATUS_MET_ON_TIME);
  expect (a, "pep.initial", "pep-review", "2027-03-31", CP_OBLIGATION_STATUS_MET_ON_TIME);

  b = test_evaluate (late, "england", "2027-03-25");
  expect (b, "pep.before-first-review", "pep-review", "2027-03-24", CP_OBLIGATION_STATUS_OVERDUE);
  test_record (late, CP_DUTY_PEP_REVIEW, "2027-03-25");
  at (b, "2027-03-26");
  expect (b, "pep.before-first-review", "pep-review", "2027-03-24", CP_OBLIGATION_STATUS_MET_LATE);

  c = test_evaluate (late, "swindon", "2027-03-26");
  expect (c, "pep.before-first-review", "pep-review", "2027-03-24", CP_OBLIGATION_STATUS_MET_LATE);
  expect (c, "pep.initial", "pep-review", "2027-03-25", CP_OBLIGATION_STATUS_MET_ON_TIME);
}

/* Hours read in whole days ---------------------------------------------------- */

Test (health_education, salford_72_hours_last_whole_day_across_christmas)
{
  /* Placed on Christmas Eve, hour unknown: 72 hours end no earlier than
   * the start of Sunday 27 December, so Saturday 26 is the last day wholly
   * inside them; a meeting on the 27th may be after the 72 hours. */
  g_autoptr(CpCase) on_time = make_case ("2014-05-05", "2026-12-24", TRUE, NULL);
  g_autoptr(CpCase) late = make_case ("2014-05-05", "2026-12-24", TRUE, NULL);
  g_autoptr(CpEvaluator) a = NULL, b = NULL;
  CpObligation *o;

  test_record (on_time, CP_DUTY_PLACEMENT_PLANNING_MEETING, "2026-12-26");
  a = test_evaluate (on_time, "salford", "2026-12-27");
  o = expect (a, "placement.planning-meeting", "placement 1", "2026-12-26", CP_OBLIGATION_STATUS_MET_ON_TIME);
  cr_assert_not_null (strstr (cp_obligation_get_explanation (o), "read in whole days"));

  test_record (late, CP_DUTY_PLACEMENT_PLANNING_MEETING, "2026-12-27");
  b = test_evaluate (late, "salford", "2026-12-27");
  expect (b, "placement.planning-meeting", "placement 1", "2026-12-26", CP_OBLIGATION_STATUS_MET_LATE);
}

Test (health_education, hours_in_a_local_profile_are_read_the_earliest_way)
{
  /* 24 hours: the day itself; 48: the day after; counting back 24 hours
   * from a day: two days before it. Placed on Good Friday 2027. */
  static const char profile[] =
    "{\"format\":1,\"name\":\"hours\",\"title\":\"Hours\",\"rules\":["
    "{\"key\":\"a\",\"id\":\"a\",\"kind\":\"activity\",\"statement\":\"s\",\"quantity\":24,\"unit\":\"hours\","
    "\"anchor\":\"placement\",\"direction\":\"within\",\"duty\":\"visit\",\"citation\":\"c\"},"
    "{\"key\":\"b\",\"id\":\"b\",\"kind\":\"activity\",\"statement\":\"s\",\"quantity\":48,\"unit\":\"hours\","
    "\"anchor\":\"placement\",\"direction\":\"within\",\"duty\":\"dental-check\",\"citation\":\"c\"},"
    "{\"key\":\"c\",\"id\":\"c\",\"kind\":\"activity\",\"statement\":\"s\",\"quantity\":24,\"unit\":\"hours\","
    "\"anchor\":\"review\",\"slot\":\"first\",\"direction\":\"before\",\"duty\":\"pep-review\",\"citation\":\"c\"}]}";
  g_autoptr(GError) error = NULL;
  g_autoptr(CpPolicy) policy = cp_policy_new_from_data (profile, -1, &error);
  g_autoptr(CpCase) kase = make_case ("2014-05-05", "2027-03-26", FALSE,
                                      "\"reviews\":[{\"sequence\":1,\"scheduled\":\"2027-04-01\"}]");
  g_autoptr(CpEvaluator) ev = NULL;

  cr_assert_not_null (policy, "%s", error ? error->message : "");
  ev = test_evaluate_with (kase, policy, "2027-03-26");
  expect (ev, "a", "placement 1", "2027-03-26", CP_OBLIGATION_STATUS_UPCOMING);
  expect (ev, "b", "placement 1", "2027-03-27", CP_OBLIGATION_STATUS_UPCOMING);
  expect (ev, "c", "pep-review", "2027-03-30", CP_OBLIGATION_STATUS_UPCOMING);
}

/* Short breaks --------------------------------------------------------------- */

Test (health_education, no_health_assessment_or_pep_for_a_short_break_series)
{
  /* SI 2010/959 reg 48(3): regulation 7 does not apply, and regulation 5
   * (of which the PEP is part) gives way to the short-break care plan. */
  g_autoptr(GError) error = NULL;
  g_autoptr(CpCase) kase = cp_case_new_from_json (
    "{\"version\":1,\"child\":{\"id\":\"T-2\",\"birth_date\":\"2020-05-05\",\"looked_after_since\":\"2026-12-14\","
    "\"legal_statuses\":[{\"status\":\"section-20\",\"start\":\"2026-12-14\"}]},"
    "\"placements\":[{\"kind\":\"short-breaks\",\"start\":\"2026-12-14\"}]}", -1, &error);
  g_autoptr(CpEvaluator) ev = NULL;
  const char *keys[] = { "health.initial", "health.before-first-review", "pep.initial", "pep.before-first-review" };

  cr_assert_not_null (kase, "%s", error ? error->message : "");
  test_record (kase, CP_DUTY_HEALTH_ASSESSMENT, "2027-01-04");
  ev = test_evaluate (kase, "england", "2028-01-04");
  for (guint i = 0; i < G_N_ELEMENTS (keys); i++)
    cr_assert_null (cp_evaluator_find (ev, keys[i], strncmp (keys[i], "pep", 3) == 0 ? "pep-review" : "health-assessment"),
                    "%s applies to short breaks", keys[i]);
  cr_assert_null (cp_evaluator_find (ev, "health.review.under-5", "next health-assessment"));
  cr_assert_null (cp_evaluator_find (ev, "health.review", "next health-assessment"));
}

Test (health_education, swindon_leaves_out_short_breaks_too)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CpCase) kase = cp_case_new_from_json (
    "{\"version\":1,\"child\":{\"id\":\"T-2\",\"birth_date\":\"2020-05-05\",\"looked_after_since\":\"2026-12-14\","
    "\"legal_statuses\":[{\"status\":\"section-20\",\"start\":\"2026-12-14\"}]},"
    "\"placements\":[{\"kind\":\"short-breaks\",\"start\":\"2026-12-14\"}]}", -1, &error);
  g_autoptr(CpEvaluator) ev = NULL;

  cr_assert_not_null (kase, "%s", error ? error->message : "");
  ev = test_evaluate (kase, "swindon", "2027-02-01");
  cr_assert_null (cp_evaluator_find (ev, "health.initial", "health-assessment"));
  cr_assert_null (cp_evaluator_find (ev, "pep.initial", "pep-review"));
}
