/* test-in-force.c: rules in force by date, the 2020 coronavirus
 * modifications, connected-person temporary approval, and profiles
 * checked fully when they are loaded
 *
 * SI 2020/445's relevant period runs from Friday 24 April to Friday 25
 * September 2020. Bank holidays used: the spring bank holiday (Monday 27
 * May 2019), Christmas 2020 (Friday 25, Boxing Day's substitute Monday 28
 * December, New Year's Day Friday 1 January 2021), Easter 2021 (Good
 * Friday 2 April, Easter Monday 5 April) and the early May bank holiday
 * (Monday 3 May 2021).
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include <string.h>

#include "test-evaluating.h"

TestSuite (in_force, .init = test_calendar_setup, .fini = test_calendar_teardown);

/* A case looked after from the first placement's start: @placements is
 * the JSON array, @extra more members. */
static CpCase *
make_case (const char *lac, const char *placements, const char *extra)
{
  g_autofree char *text = g_strdup_printf (
    "{\"version\":1,\"child\":{\"id\":\"T-1\",\"birth_date\":\"2012-03-05\",\"looked_after_since\":\"%s\","
    "\"legal_statuses\":[{\"status\":\"care-order\",\"start\":\"%s\"}]},"
    "\"placements\":%s%s%s}",
    lac, lac, placements, extra ? "," : "", extra ? extra : "");

  return test_case_from_json (text);
}

#define LOCAL(rules) \
  "{ \"format\": 1, \"name\": \"testshire\", \"title\": \"Testshire\", \"extends\": \"england\", \"rules\": [ " rules " ] }"
#define PLAN_RULE(dates, q) \
  "{ \"key\": \"placement-plan.complete\", \"id\": \"local\", " dates "\"kind\": \"deadline\", " \
  "\"statement\": \"s\", \"quantity\": " q ", \"unit\": \"calendar-days\", \"anchor\": \"placement\", " \
  "\"duty\": \"placement-plan\", \"citation\": \"Testshire policy\" }"

static void
cites (CpObligation *o, const char *text, gboolean want)
{
  const char *citation = cp_obligation_get_citation (o);

  cr_assert_eq (strstr (citation, text) != NULL, want, "citation “%s” %s “%s”", citation,
                want ? "lacks" : "has", text);
}

#define FOSTER(start) "[{\"kind\":\"foster-own-authority\",\"start\":\"" start "\"}]"
#define PLAN_DONE(on) "\"care_plan\":{\"created\":\"" on "\",\"sub_plans\":[{\"kind\":\"placement-plan\",\"completed\":\"" on "\"}]}"

/* The placement plan from one start date, evaluated at the end of 2020. */
static CpObligation *
placement_plan (const char *start, const char *due, CpEvaluator **ev_out)
{
  g_autofree char *placements = g_strdup_printf ("[{\"kind\":\"foster-own-authority\",\"start\":\"%s\"}]", start);
  g_autoptr(CpCase) kase = make_case (start, placements, NULL);

  *ev_out = test_evaluate (kase, "england", "2021-03-01");
  return expect (*ev_out, "placement-plan.complete", "placement 1", due, CP_OBLIGATION_STATUS_OVERDUE);
}

/* Rule versions ----------------------------------------------------------- */

Test (in_force, versions_selected_by_the_day_the_duty_arose)
{
  g_autoptr(CpEvaluator) before = NULL, first = NULL, last = NULL, after = NULL;

  /* Thursday 23 April 2020, the day before: 5 working days, Thursday 30. */
  cites (placement_plan ("2020-04-23", "2020-04-30", &before), "SI 2020/445", FALSE);
  /* 24 April and 25 September: "as soon as reasonably practicable", read
   * as the day the placement starts. */
  cites (placement_plan ("2020-04-24", "2020-04-24", &first), "SI 2020/445 reg 8(4)", TRUE);
  cites (placement_plan ("2020-09-25", "2020-09-25", &last), "SI 2020/445 reg 8(4)", TRUE);
  /* Saturday 26 September, the day after: 5 working days, Friday 2 October. */
  cites (placement_plan ("2020-09-26", "2020-10-02", &after), "SI 2010/959 reg 9(2)", TRUE);
}

Test (in_force, lookup_by_date)
{
  g_autoptr(CpPolicy) england = cp_policy_new_builtin ("england", NULL);
  const char *days[] = { "2020-04-23", "2020-04-24", "2020-09-25", "2020-09-26" };
  const char *ids[] = { "pl-placement-plan-within-5wd-stoke", "pl-placement-plan-within-5wd-stoke#si2020-445",
                        "pl-placement-plan-within-5wd-stoke#si2020-445", "pl-placement-plan-within-5wd-stoke" };
  CpRule *latest;

  for (guint i = 0; i < G_N_ELEMENTS (days); i++)
    {
      g_autoptr(GDate) d = test_date (days[i]);
      CpRule *r = cp_policy_lookup_rule_on (england, "placement-plan.complete", d);

      cr_assert_not_null (r, "%s", days[i]);
      cr_assert_str_eq (cp_rule_get_id (r), ids[i], "%s", days[i]);
      cr_assert (cp_rule_is_in_force (r, d));
    }
  /* Without a date: the version in force last. */
  latest = cp_policy_lookup_rule (england, "placement-plan.complete");
  cr_assert_null (cp_rule_get_in_force_until (latest));
  {
    g_autofree char *from = test_iso (cp_rule_get_in_force_from (latest));
    cr_assert_str_eq (from, "2020-09-26");
  }
  {
    g_autoptr(GDate) d = test_date ("2020-06-01");
    CpRule *r = cp_policy_lookup_rule_on (england, "placement.connected-person.approval", d);
    cr_assert_eq (cp_rule_get_quantity (r), 24);
    cr_assert (cp_rule_get_lapses (r));
    cr_assert_null (cp_policy_lookup_rule_on (england, "no.such.rule", d));
  }
}

/* Swindon's 5 days give way to the earlier 2020 reading in the period. */
Test (in_force, swindon_placement_plan_in_2020)
{
  g_autoptr(CpCase) in_2020 = make_case ("2020-06-01", FOSTER ("2020-06-01"), NULL);
  g_autoptr(CpCase) in_2021 = make_case ("2021-06-01", FOSTER ("2021-06-01"), NULL);
  g_autoptr(CpEvaluator) a = NULL, b = NULL;

  a = test_evaluate (in_2020, "swindon", "2020-07-01");
  expect (a, "placement-plan.complete", "placement 1", "2020-06-01", CP_OBLIGATION_STATUS_OVERDUE);
  b = test_evaluate (in_2021, "swindon", "2021-07-01");
  expect (b, "placement-plan.complete", "placement 1", "2021-06-06", CP_OBLIGATION_STATUS_OVERDUE);
}

Test (in_force, placement_plan_in_2019_and_in_2020)
{
  g_autoptr(CpCase) on_time_2019 = make_case ("2019-06-03", FOSTER ("2019-06-03"), PLAN_DONE ("2019-06-10"));
  g_autoptr(CpCase) late_2019 = make_case ("2019-06-03", FOSTER ("2019-06-03"), PLAN_DONE ("2019-06-11"));
  g_autoptr(CpCase) holiday_2019 = make_case ("2019-05-24", FOSTER ("2019-05-24"), PLAN_DONE ("2019-06-03"));
  g_autoptr(CpCase) on_time_2020 = make_case ("2020-06-01", FOSTER ("2020-06-01"), PLAN_DONE ("2020-06-01"));
  g_autoptr(CpCase) late_2020 = make_case ("2020-06-01", FOSTER ("2020-06-01"), PLAN_DONE ("2020-06-02"));
  g_autoptr(CpCase) christmas_2020 = make_case ("2020-12-24", FOSTER ("2020-12-24"), PLAN_DONE ("2021-01-06"));
  g_autoptr(CpEvaluator) a = NULL, b = NULL, c = NULL, d = NULL, e = NULL, f = NULL;

  /* 2019: 5 working days from Monday 3 June, Monday 10 June. */
  a = test_evaluate (on_time_2019, "england", "2019-07-01");
  expect (a, "placement-plan.complete", "placement 1", "2019-06-10", CP_OBLIGATION_STATUS_MET_ON_TIME);
  b = test_evaluate (late_2019, "england", "2019-07-01");
  expect (b, "placement-plan.complete", "placement 1", "2019-06-10", CP_OBLIGATION_STATUS_MET_LATE);
  /* Friday 24 May 2019 across the spring bank holiday: Monday 3 June. */
  c = test_evaluate (holiday_2019, "england", "2019-07-01");
  expect (c, "placement-plan.complete", "placement 1", "2019-06-03", CP_OBLIGATION_STATUS_MET_ON_TIME);

  /* 2020: the day of the placement, Monday 1 June. */
  d = test_evaluate (on_time_2020, "england", "2020-07-01");
  cites (expect (d, "placement-plan.complete", "placement 1", "2020-06-01", CP_OBLIGATION_STATUS_MET_ON_TIME),
         "SI 2020/445 reg 8(4)", TRUE);
  e = test_evaluate (late_2020, "england", "2020-07-01");
  expect (e, "placement-plan.complete", "placement 1", "2020-06-01", CP_OBLIGATION_STATUS_MET_LATE);

  /* After the period, across Christmas and New Year: Thursday 24
   * December 2020 gives Tuesday 5 January 2021. */
  f = test_evaluate (christmas_2020, "england", "2021-02-01");
  expect (f, "placement-plan.complete", "placement 1", "2021-01-05", CP_OBLIGATION_STATUS_MET_LATE);
}

/* SI 2010/959 reg 18(1): a placement with parents needs its plan first,
 * except from 24 April to 25 September 2020 (SI 2020/445 reg 8(6)). */
static CpEvaluator *
with_parents (const char *start, const char *plan, const char *on)
{
  g_autofree char *placements = g_strdup_printf ("[{\"kind\":\"placed-with-parents\",\"start\":\"%s\"}]", start);
  g_autofree char *extra = plan ? g_strdup_printf ("\"care_plan\":{\"created\":\"%s\",\"sub_plans\":"
                                                   "[{\"kind\":\"placement-plan\",\"completed\":\"%s\"}]}", plan, plan)
                                : NULL;
  g_autoptr(CpCase) kase = make_case (start, placements, extra);

  return test_evaluate (kase, "england", on);
}

Test (in_force, placement_with_parents_needs_its_plan_first)
{
  g_autoptr(CpEvaluator) on_time = with_parents ("2020-04-23", "2020-04-23", "2020-06-01");
  g_autoptr(CpEvaluator) late = with_parents ("2020-04-23", "2020-04-24", "2020-06-01");
  g_autoptr(CpEvaluator) first_day = with_parents ("2020-04-24", NULL, "2020-06-01");
  g_autoptr(CpEvaluator) last_day = with_parents ("2020-09-25", NULL, "2020-11-01");
  g_autoptr(CpEvaluator) day_after = with_parents ("2020-09-26", NULL, "2020-11-01");
  g_autoptr(CpEvaluator) holiday = with_parents ("2021-05-03", "2021-05-03", "2021-06-01");

  cites (expect (on_time, "placement-plan.with-parents", "placement 1", "2020-04-23", CP_OBLIGATION_STATUS_MET_ON_TIME),
         "SI 2010/959 reg 18(1)", TRUE);
  expect (late, "placement-plan.with-parents", "placement 1", "2020-04-23", CP_OBLIGATION_STATUS_MET_LATE);
  /* In the period the precondition is gone; the placement plan rule remains. */
  cr_assert_null (cp_evaluator_find (first_day, "placement-plan.with-parents", "placement 1"));
  expect (first_day, "placement-plan.complete", "placement 1", "2020-04-24", CP_OBLIGATION_STATUS_OVERDUE);
  cr_assert_null (cp_evaluator_find (last_day, "placement-plan.with-parents", "placement 1"));
  expect (day_after, "placement-plan.with-parents", "placement 1", "2020-09-26", CP_OBLIGATION_STATUS_OVERDUE);
  /* A placement made on a bank holiday (Monday 3 May 2021): that day. */
  expect (holiday, "placement-plan.with-parents", "placement 1", "2021-05-03", CP_OBLIGATION_STATUS_MET_ON_TIME);
}

/* SI 2015/495: reviews without a meeting from 1 April 2015 --------------- */

#define REVIEWS(fourth) \
  "\"reviews\":[{\"sequence\":1,\"held\":\"2014-01-31\"},{\"sequence\":2,\"held\":\"2014-04-30\"}," \
  "{\"sequence\":3,\"held\":\"2014-10-01\"},{\"sequence\":4,\"held\":\"" fourth "\"," \
  "\"kind\":\"consultation-only\",\"no_meeting_agreed\":true}]"

#define NO_MEETING_FROM_2015 \
  "{ \"key\": \"review.without-meeting\", \"id\": \"x\", \"in_force_from\": \"2015-04-01\", " \
  "\"kind\": \"review-without-meeting\", \"statement\": \"s\", \"quantity\": 12, \"unit\": \"months\", " \
  "\"anchor\": \"last-meeting\", \"direction\": \"every\", \"duty\": \"review-meeting\", " \
  "\"agreement_required\": true, \"citation\": \"c\" }"

Test (in_force, reviews_without_a_meeting_from_april_2015)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CpPolicy) local = NULL;
  g_autoptr(CpCase) before = make_case ("2014-01-06", FOSTER ("2014-01-06"), REVIEWS ("2015-03-31"));
  g_autoptr(CpCase) from = make_case ("2014-01-06", FOSTER ("2014-01-06"), REVIEWS ("2015-04-01"));
  g_autoptr(CpEvaluator) a = NULL, b = NULL;
  CpObligation *o;

  /* The shipped rules that allow them carry the date. */
  {
    const char *names[] = { "warrington", "salford", "isp-fostering" };

    for (guint i = 0; i < G_N_ELEMENTS (names); i++)
      {
        g_autoptr(CpPolicy) p = cp_policy_new_builtin (names[i], NULL);
        g_autofree char *iso = test_iso (cp_rule_get_in_force_from (cp_policy_lookup_rule (p, "review.without-meeting")));

        cr_assert_str_eq (iso, "2015-04-01", "%s", names[i]);
      }
  }

  local = cp_policy_new_from_data (LOCAL (NO_MEETING_FROM_2015), -1, &error);
  cr_assert_not_null (local, "%s", error ? error->message : "");
  /* Review 4 is due 6 months after 1 October 2014: 1 April 2015. Held by
   * consultation the day before the 2015 regulations, it does not count:
   * the next review (numbered on) is still due then. */
  a = test_evaluate_with (before, local, "2015-04-02");
  o = expect (a, "review.subsequent", "review 5", "2015-04-01", CP_OBLIGATION_STATUS_OVERDUE);
  cr_assert (strstr (cp_obligation_get_explanation (o), "not allowed on the review date") != NULL,
             "%s", cp_obligation_get_explanation (o));
  /* On 1 April 2015 it counts, and a meeting is due within 12 months of the last. */
  b = test_evaluate_with (from, local, "2015-04-02");
  expect (b, "review.subsequent", "review 4", "2015-04-01", CP_OBLIGATION_STATUS_MET_ON_TIME);
  expect (b, "review.without-meeting", "review 5", "2015-10-01", CP_OBLIGATION_STATUS_UPCOMING);
}

/* Connected-person temporary approval ------------------------------------- */

#define CONNECTED(start, approval) \
  "[{\"kind\":\"connected-person-temporary\",\"start\":\"" start "\",\"temporary_approval\":\"" approval "\"}]"

Test (in_force, connected_person_approval_from_the_approval_date)
{
  /* Placed Monday 4 January 2021, approved temporarily Monday 11 January:
   * 16 weeks is Monday 3 May, the early May bank holiday (weeks are not
   * moved by bank holidays; Easter falls inside). */
  g_autoptr(CpCase) on_time = make_case ("2021-01-04", CONNECTED ("2021-01-04", "2021-01-11"), NULL);
  g_autoptr(CpCase) late = make_case ("2021-01-04", CONNECTED ("2021-01-04", "2021-01-11"), NULL);
  g_autoptr(CpCase) extended = make_case ("2021-01-04", CONNECTED ("2021-01-04", "2021-01-11"), NULL);
  g_autoptr(CpCase) unrecorded = make_case ("2021-01-04", "[{\"kind\":\"connected-person-temporary\",\"start\":\"2021-01-04\"}]", NULL);
  g_autoptr(CpEvaluator) a = NULL, b = NULL, c = NULL, d = NULL, stoke = NULL;
  CpObligation *o;

  test_record (on_time, CP_DUTY_CARER_APPROVED, "2021-05-03");
  a = test_evaluate (on_time, "england", "2021-06-01");
  o = expect (a, "placement.connected-person.approval", "placement 1", "2021-05-03", CP_OBLIGATION_STATUS_MET_ON_TIME);
  cr_assert (strstr (cp_obligation_get_explanation (o), "the temporary approval (2021-01-11)") != NULL,
             "%s", cp_obligation_get_explanation (o));
  cites (o, "SI 2010/959 reg 24", TRUE);

  test_record (late, CP_DUTY_CARER_APPROVED, "2021-05-04");
  b = test_evaluate (late, "england", "2021-06-01");
  expect (b, "placement.connected-person.approval", "placement 1", "2021-05-03", CP_OBLIGATION_STATUS_MET_LATE);

  /* One extension recorded before the deadline: 8 weeks more, 28 June. */
  test_record (extended, CP_DUTY_APPROVAL_EXTENDED, "2021-04-30");
  test_record (extended, CP_DUTY_CARER_APPROVED, "2021-06-29");
  c = test_evaluate (extended, "england", "2021-06-28");
  expect (c, "placement.connected-person.approval", "placement 1", "2021-06-28", CP_OBLIGATION_STATUS_DUE_SOON);
  at (c, "2021-07-01");
  expect (c, "placement.connected-person.approval", "placement 1", "2021-06-28", CP_OBLIGATION_STATUS_MET_LATE);

  /* No approval date: from the placement's start, and the explanation
   * says so. */
  d = test_evaluate (unrecorded, "england", "2021-04-27");
  o = expect (d, "placement.connected-person.approval", "placement 1", "2021-04-26", CP_OBLIGATION_STATUS_OVERDUE);
  cr_assert (strstr (cp_obligation_get_explanation (o), "no temporary approval date recorded") != NULL,
             "%s", cp_obligation_get_explanation (o));

  /* Stoke-on-Trent keeps its 6 weeks from the placement's start. */
  stoke = test_evaluate (on_time, "stoke-on-trent", "2021-06-01");
  expect (stoke, "placement.connected-person.approval", "placement 1", "2021-02-15", CP_OBLIGATION_STATUS_MET_LATE);
}

Test (in_force, connected_person_approval_in_2020)
{
  g_autoptr(CpCase) day_before = make_case ("2020-04-23", CONNECTED ("2020-04-23", "2020-04-23"), NULL);
  g_autoptr(CpCase) first_day = make_case ("2020-04-24", CONNECTED ("2020-04-24", "2020-04-24"), NULL);
  g_autoptr(CpCase) in_may = make_case ("2020-05-01", CONNECTED ("2020-05-01", "2020-05-01"), NULL);
  g_autoptr(CpCase) in_september = make_case ("2020-09-01", CONNECTED ("2020-09-01", "2020-09-01"), NULL);
  g_autoptr(CpCase) last_day = make_case ("2020-09-25", CONNECTED ("2020-09-25", "2020-09-25"), NULL);
  g_autoptr(CpCase) day_after = make_case ("2020-09-26", CONNECTED ("2020-09-26", "2020-09-26"), NULL);
  g_autoptr(CpEvaluator) a = NULL, b = NULL, c = NULL, d = NULL, e = NULL, f = NULL;
  CpObligation *o;

  /* The day before the period: 16 weeks, Thursday 13 August. */
  a = test_evaluate (day_before, "england", "2021-06-01");
  cites (expect (a, "placement.connected-person.approval", "placement 1", "2020-08-13", CP_OBLIGATION_STATUS_OVERDUE),
         "SI 2020/445", FALSE);

  /* In the period, 24 weeks; nothing of it is saved (the savings were not
   * read): by the later of 25 September and 16 weeks, where earlier. */
  b = test_evaluate (first_day, "england", "2020-06-01");
  o = expect (b, "placement.connected-person.approval", "placement 1", "2020-09-25", CP_OBLIGATION_STATUS_UPCOMING);
  cites (o, "SI 2020/445 reg 8", TRUE);
  cr_assert (strstr (cp_obligation_get_explanation (o), "24 weeks") != NULL, "%s", cp_obligation_get_explanation (o));
  c = test_evaluate (in_may, "england", "2020-09-25");
  expect (c, "placement.connected-person.approval", "placement 1", "2020-09-25", CP_OBLIGATION_STATUS_DUE_SOON);
  at (c, "2020-09-26");
  expect (c, "placement.connected-person.approval", "placement 1", "2020-09-25", CP_OBLIGATION_STATUS_OVERDUE);
  /* 1 September: 16 weeks, Tuesday 22 December, before 24 weeks. */
  d = test_evaluate (in_september, "england", "2020-12-23");
  expect (d, "placement.connected-person.approval", "placement 1", "2020-12-22", CP_OBLIGATION_STATUS_OVERDUE);
  /* The last day: 16 weeks, Friday 15 January 2021. */
  e = test_evaluate (last_day, "england", "2021-01-15");
  cites (expect (e, "placement.connected-person.approval", "placement 1", "2021-01-15", CP_OBLIGATION_STATUS_DUE_SOON),
         "SI 2020/445", TRUE);
  /* The day after: the standing 16 weeks, Saturday 16 January 2021. */
  f = test_evaluate (day_after, "england", "2021-01-17");
  cites (expect (f, "placement.connected-person.approval", "placement 1", "2021-01-16", CP_OBLIGATION_STATUS_OVERDUE),
         "SI 2020/445", FALSE);
}

Test (in_force, temporary_approval_read_and_written)
{
  g_autoptr(CpCase) kase = make_case ("2021-01-04", CONNECTED ("2021-01-04", "2021-01-11"), NULL);
  g_autofree char *text = cp_case_to_json_string (kase, FALSE);
  g_autoptr(GError) error = NULL;
  g_autoptr(CpCase) again = cp_case_new_from_json (text, -1, &error);
  CpPlacement *p;
  g_autofree char *iso = NULL;

  cr_assert (strstr (text, "\"temporary_approval\":\"2021-01-11\"") != NULL, "%s", text);
  cr_assert_not_null (again, "%s", error ? error->message : "");
  p = g_list_model_get_item (cp_case_get_placements (again), 0);
  iso = test_iso (cp_placement_get_temporary_approval (p));
  cr_assert_str_eq (iso, "2021-01-11");
  cp_placement_set_temporary_approval (p, NULL);
  cr_assert_null (cp_placement_get_temporary_approval (p));
  g_object_unref (p);

  {
    g_autoptr(CpCase) bad = cp_case_new_from_json (
      "{\"version\":1,\"child\":{\"id\":\"T-1\",\"birth_date\":\"2012-03-05\",\"looked_after_since\":\"2021-01-04\"},"
      "\"placements\":[{\"kind\":\"connected-person-temporary\",\"start\":\"2021-01-04\",\"temporary_approval\":\"2021-13-01\"}]}",
      -1, &error);
    cr_assert_null (bad);
    cr_assert (strstr (error->message, "placements[0].temporary_approval: “2021-13-01” is not a date") != NULL,
               "%s", error->message);
  }
}

/* Local profiles ---------------------------------------------------------- */

static guint
count_key (CpPolicy *p, const char *key)
{
  GListModel *rules = cp_policy_get_rules (p);
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (rules); i++)
    {
      g_autoptr(CpRule) r = g_list_model_get_item (rules, i);
      n += g_strcmp0 (cp_rule_get_key (r), key) == 0;
    }
  return n;
}

Test (in_force, local_profile_overriding_a_versioned_key)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CpPolicy) england = cp_policy_new_builtin ("england", NULL);
  g_autoptr(CpPolicy) whole = cp_policy_new_from_data (LOCAL (PLAN_RULE ("", "3")), -1, &error);
  g_autoptr(CpPolicy) period = NULL;
  g_autoptr(CpCase) in_2020 = make_case ("2020-06-01", FOSTER ("2020-06-01"), NULL);
  g_autoptr(CpCase) in_2019 = make_case ("2019-06-03", FOSTER ("2019-06-03"), NULL);
  g_autoptr(CpEvaluator) a = NULL, b = NULL, c = NULL;
  g_autoptr(GDate) june = test_date ("2020-06-01");

  cr_assert_eq (count_key (england, "placement-plan.complete"), 3);

  /* A local rule without dates replaces every version. */
  cr_assert_not_null (whole, "%s", error ? error->message : "");
  cr_assert_eq (count_key (whole, "placement-plan.complete"), 1);
  a = test_evaluate_with (in_2020, whole, "2020-07-01");
  expect (a, "placement-plan.complete", "placement 1", "2020-06-04", CP_OBLIGATION_STATUS_OVERDUE);

  /* A local version with dates replaces only those it overlaps. */
  period = cp_policy_new_from_data (LOCAL (PLAN_RULE ("\"in_force_from\": \"2020-04-24\", \"in_force_until\": \"2020-09-25\", ", "2")),
                                    -1, &error);
  cr_assert_not_null (period, "%s", error ? error->message : "");
  cr_assert_eq (count_key (period, "placement-plan.complete"), 3);
  cr_assert_str_eq (cp_rule_get_id (cp_policy_lookup_rule_on (period, "placement-plan.complete", june)), "local");
  cr_assert_str_eq (cp_policy_get_rule_origin (period, "placement-plan.complete"), "testshire");
  {
    g_autoptr(GDate) spring = test_date ("2020-01-01");
    CpRule *inherited = cp_policy_lookup_rule_on (period, "placement-plan.complete", spring);

    cr_assert_str_eq (cp_policy_get_rule_version_origin (period, inherited), "england");
    cr_assert_str_eq (cp_policy_get_rule_version_origin (period, cp_policy_lookup_rule_on (period, "placement-plan.complete", june)),
                      "testshire");
  }
  b = test_evaluate_with (in_2020, period, "2020-07-01");
  expect (b, "placement-plan.complete", "placement 1", "2020-06-03", CP_OBLIGATION_STATUS_OVERDUE);
  c = test_evaluate_with (in_2019, period, "2019-07-01");
  expect (c, "placement-plan.complete", "placement 1", "2019-06-10", CP_OBLIGATION_STATUS_OVERDUE);
}

/* Bad profiles ------------------------------------------------------------ */

typedef struct {
  const char *text;
  int code;
  const char *message;
} BadProfile;

static const BadProfile bad_profiles[] = {
  { LOCAL (PLAN_RULE ("\"in_force_from\": \"2020-02-30\", ", "3")), CP_ERROR_INVALID_DATE,
    "rules[0].in_force_from: “2020-02-30” is not a date" },
  { LOCAL (PLAN_RULE ("\"in_force_until\": 2020, ", "3")), CP_ERROR_INVALID_VALUE,
    "rules[0].in_force_until:" },
  { LOCAL (PLAN_RULE ("\"in_force_from\": \"2020-02-01\", \"in_force_until\": \"2020-01-31\", ", "3")), CP_ERROR_INCONSISTENT,
    "rules[0].in_force_until: “2020-01-31” is before in_force_from (“2020-02-01”)" },
  { LOCAL (PLAN_RULE ("\"in_force_from\": \"2020-01-01\", ", "3") ", " PLAN_RULE ("\"in_force_until\": \"2020-01-01\", ", "4")),
    CP_ERROR_INCONSISTENT, "rules[1].key: “placement-plan.complete” appears twice (also rules[0]) and both are in force at once" },
  { LOCAL (PLAN_RULE ("\"in_force_from\": \"2020-01-01\", \"lapses\": true, ", "3")), CP_ERROR_INCONSISTENT,
    "rules[0].lapses: only an activity rule with an in_force_until can lapse" },
  { LOCAL ("{ \"key\": \"review.first\", \"id\": \"x\", \"in_force_from\": \"2015-04-01\", \"kind\": \"review-schedule\", "
           "\"statement\": \"s\", \"quantity\": 20, \"anchor\": \"looked-after\", \"slot\": \"first\", \"citation\": \"c\" }"),
    CP_ERROR_INVALID_VALUE, "rules[0].in_force_from: “2015-04-01”: only deadline, interval and review-without-meeting rules" },
  { LOCAL ("{ \"key\": \"review.without-meeting\", \"id\": \"x\", \"in_force_until\": \"2015-03-31\", "
           "\"kind\": \"review-without-meeting\", \"statement\": \"s\", \"quantity\": 6, \"unit\": \"months\", "
           "\"anchor\": \"last-meeting\", \"direction\": \"every\", \"duty\": \"review-meeting\", \"citation\": \"c\" }, "
           NO_MEETING_FROM_2015),
    CP_ERROR_INCONSISTENT, "rule “review.without-meeting”: a review-without-meeting rule has one version" },
  /* Issue 23 item 7: timescales no case can fit are refused at load. */
  { LOCAL ("{ \"key\": \"a\", \"id\": \"x\", \"kind\": \"deadline\", \"statement\": \"s\", \"quantity\": 1, \"unit\": \"weeks\", "
           "\"anchor\": \"placement\", \"duty\": \"placement-plan\", \"citation\": \"c\" }, "
           "{ \"key\": \"b\", \"id\": \"x\", \"kind\": \"deadline\", \"statement\": \"s\", \"quantity\": 3, \"unit\": \"weeks\", "
           "\"anchor\": \"placement\", \"duty\": \"placement-plan\", \"citation\": \"c\" }, "
           "{ \"key\": \"c\", \"id\": \"x\", \"kind\": \"deadline\", \"statement\": \"s\", \"quantity\": 3, \"unit\": \"months\", "
           "\"anchor\": \"placement\", \"duty\": \"placement-plan\", \"citation\": \"c\" }, "
           "{ \"key\": \"d\", \"id\": \"x\", \"kind\": \"deadline\", \"statement\": \"s\", \"quantity\": 10000, \"unit\": \"months\", "
           "\"anchor\": \"placement\", \"duty\": \"placement-plan\", \"citation\": \"c\" }"),
    CP_ERROR_OUT_OF_RANGE, "rules[3].quantity: 10000 months cannot fit the calendar’s range (1970-01-01 to 2100-12-31)" },
  { LOCAL ("{ \"key\": \"a\", \"id\": \"x\", \"kind\": \"deadline\", \"statement\": \"s\", \"quantity\": 7000, \"unit\": \"weeks\", "
           "\"anchor\": \"placement\", \"duty\": \"placement-plan\", \"citation\": \"c\" }"),
    CP_ERROR_OUT_OF_RANGE, "rules[0].quantity: 7000 weeks cannot fit" },
  { LOCAL ("{ \"key\": \"a\", \"id\": \"x\", \"kind\": \"activity\", \"statement\": \"s\", \"quantity\": 6000, \"unit\": \"weeks\", "
           "\"anchor\": \"temporary-approval\", \"duty\": \"carer-approved\", \"extension\": 1000, \"citation\": \"c\" }"),
    CP_ERROR_OUT_OF_RANGE, "rules[0].extension: 7000 weeks cannot fit" },
  { LOCAL ("{ \"key\": \"a\", \"id\": \"x\", \"kind\": \"deadline\", \"statement\": \"s\", \"unit\": \"weeks\", "
           "\"anchor\": \"placement\", \"duty\": \"placement-plan\", \"citation\": \"c\" }"),
    CP_ERROR_MISSING_FIELD, "rules[0].quantity: missing" },
};

Test (in_force, bad_profiles_name_the_path)
{
  for (guint i = 0; i < G_N_ELEMENTS (bad_profiles); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(CpPolicy) p = cp_policy_new_from_data (bad_profiles[i].text, -1, &error);

      cr_assert_null (p, "profile %u loaded", i);
      cr_assert (g_error_matches (error, CP_ERROR, bad_profiles[i].code), "profile %u: %s (code %d)", i,
                 error->message, error->code);
      cr_assert (strstr (error->message, bad_profiles[i].message) != NULL, "profile %u: “%s” lacks “%s”", i,
                 error->message, bad_profiles[i].message);
    }
}

/* The largest timescales that fit still load: 1571 months, 6835 weeks. */
Test (in_force, largest_timescales_load)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CpPolicy) p = cp_policy_new_from_data (
    LOCAL ("{ \"key\": \"a\", \"id\": \"x\", \"kind\": \"deadline\", \"statement\": \"s\", \"quantity\": 1571, \"unit\": \"months\", "
           "\"anchor\": \"placement\", \"duty\": \"placement-plan\", \"citation\": \"c\" }, "
           "{ \"key\": \"b\", \"id\": \"x\", \"kind\": \"deadline\", \"statement\": \"s\", \"quantity\": 6835, \"unit\": \"weeks\", "
           "\"anchor\": \"placement\", \"duty\": \"placement-plan\", \"citation\": \"c\" }"), -1, &error);

  cr_assert_not_null (p, "%s", error ? error->message : "");
}
