/* test-missing.c: the return home interview after a child goes missing
 *
 * The england profile's missing.return-home-interview: within 72 hours of
 * each return (a returned-from-missing event), read in whole days as the
 * last day wholly inside them (the return's day + 2), calendar time that a
 * bank holiday does not extend (Christmas 2026: Friday 25 December, Boxing
 * Day's substitute Monday 28).
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include <string.h>

#include "test-evaluating.h"

TestSuite (missing, .init = test_calendar_setup, .fini = test_calendar_teardown);

#define KEY "missing.return-home-interview"

/* A child looked after from 1 June 2026 in foster care, with @events. */
static CpCase *
make_case (const char *events)
{
  g_autofree char *text = g_strdup_printf (
    "{\"version\":1,\"child\":{\"id\":\"T-1\",\"birth_date\":\"2012-05-05\",\"looked_after_since\":\"2026-06-01\","
    "\"legal_statuses\":[{\"status\":\"care-order\",\"start\":\"2026-06-01\"}]},"
    "\"placements\":[{\"kind\":\"foster-own-authority\",\"start\":\"2026-06-01\"}],"
    "\"events\":[%s]}", events);

  return test_case_from_json (text);
}

static guint
count_key (CpEvaluator *ev, const char *key)
{
  GListModel *list = cp_evaluator_get_obligations (ev);
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(CpObligation) o = g_list_model_get_item (list, i);

      n += strcmp (cp_obligation_get_key (o), key) == 0;
    }
  return n;
}

#define EPISODE(from, to) \
  "{\"kind\":\"missing\",\"date\":\"" from "\"},{\"kind\":\"returned-from-missing\",\"date\":\"" to "\"}"

Test (missing, interview_on_the_last_day_is_on_time_the_day_after_is_late)
{
  g_autoptr(CpCase) on_time = make_case (EPISODE ("2026-06-08", "2026-06-10"));
  g_autoptr(CpCase) late = make_case (EPISODE ("2026-06-08", "2026-06-10"));
  g_autoptr(CpEvaluator) ev = NULL;
  g_autoptr(CpEvaluator) ev2 = NULL;

  /* Back on Wednesday 10 June: 72 hours run out by Friday 12 at the latest. */
  test_record (on_time, CP_DUTY_RETURN_HOME_INTERVIEW, "2026-06-12");
  ev = test_evaluate (on_time, "england", "2026-06-20");
  expect (ev, KEY, "returned-from-missing 2026-06-10", "2026-06-12", CP_OBLIGATION_STATUS_MET_ON_TIME);

  test_record (late, CP_DUTY_RETURN_HOME_INTERVIEW, "2026-06-13");
  ev2 = test_evaluate (late, "england", "2026-06-20");
  expect (ev2, KEY, "returned-from-missing 2026-06-10", "2026-06-12", CP_OBLIGATION_STATUS_MET_LATE);
}

Test (missing, without_an_interview_it_falls_due_then_overdue)
{
  g_autoptr(CpCase) kase = make_case (EPISODE ("2026-06-08", "2026-06-10"));
  g_autoptr(CpEvaluator) ev = test_evaluate (kase, "england", "2026-06-12");

  expect (ev, KEY, "returned-from-missing 2026-06-10", "2026-06-12", CP_OBLIGATION_STATUS_DUE_SOON);
  at (ev, "2026-06-13");
  expect (ev, KEY, "returned-from-missing 2026-06-10", "2026-06-12", CP_OBLIGATION_STATUS_OVERDUE);
}

Test (missing, a_bank_holiday_does_not_extend_72_hours)
{
  g_autoptr(CpCase) on_time = make_case (EPISODE ("2026-12-22", "2026-12-24"));
  g_autoptr(CpCase) late = make_case (EPISODE ("2026-12-22", "2026-12-24"));
  g_autoptr(CpEvaluator) ev = NULL;
  g_autoptr(CpEvaluator) ev2 = NULL;

  /* Back on Christmas Eve: due Saturday 26 December, Christmas Day and a
   * weekend notwithstanding (working days would give 30 December). */
  test_record (on_time, CP_DUTY_RETURN_HOME_INTERVIEW, "2026-12-26");
  ev = test_evaluate (on_time, "england", "2027-01-08");
  expect (ev, KEY, "returned-from-missing 2026-12-24", "2026-12-26", CP_OBLIGATION_STATUS_MET_ON_TIME);

  test_record (late, CP_DUTY_RETURN_HOME_INTERVIEW, "2026-12-29");
  ev2 = test_evaluate (late, "england", "2027-01-08");
  expect (ev2, KEY, "returned-from-missing 2026-12-24", "2026-12-26", CP_OBLIGATION_STATUS_MET_LATE);
}

Test (missing, an_interview_before_the_return_does_not_answer_it)
{
  g_autoptr(CpCase) kase = make_case (EPISODE ("2026-06-08", "2026-06-10"));
  g_autoptr(CpEvaluator) ev = NULL;

  test_record (kase, CP_DUTY_RETURN_HOME_INTERVIEW, "2026-06-09");
  ev = test_evaluate (kase, "england", "2026-06-13");
  expect (ev, KEY, "returned-from-missing 2026-06-10", "2026-06-12", CP_OBLIGATION_STATUS_OVERDUE);
}

Test (missing, each_return_has_its_own_interview)
{
  g_autoptr(CpCase) kase = make_case (EPISODE ("2026-06-08", "2026-06-10") "," EPISODE ("2026-07-01", "2026-07-01"));
  g_autoptr(CpEvaluator) ev = NULL;

  test_record (kase, CP_DUTY_RETURN_HOME_INTERVIEW, "2026-06-11");
  test_record (kase, CP_DUTY_RETURN_HOME_INTERVIEW, "2026-07-03");
  ev = test_evaluate (kase, "england", "2026-07-10");
  cr_assert_eq (count_key (ev, KEY), 2);
  expect (ev, KEY, "returned-from-missing 2026-06-10", "2026-06-12", CP_OBLIGATION_STATUS_MET_ON_TIME);
  /* Found the day it went missing: due two days later. */
  expect (ev, KEY, "returned-from-missing 2026-07-01", "2026-07-03", CP_OBLIGATION_STATUS_MET_ON_TIME);
}

Test (missing, a_child_still_missing_has_no_interview_due)
{
  g_autoptr(CpCase) kase = make_case ("{\"kind\":\"missing\",\"date\":\"2026-06-08\"}");
  g_autoptr(CpEvaluator) ev = test_evaluate (kase, "england", "2026-07-10");

  cr_assert_eq (count_key (ev, KEY), 0);

  /* Nor one who returns after the date of the evaluation. */
  {
    g_autoptr(CpCase) later = make_case (EPISODE ("2026-06-08", "2026-07-20"));
    g_autoptr(CpEvaluator) ev2 = test_evaluate (later, "england", "2026-07-10");

    cr_assert_eq (count_key (ev2, KEY), 0);
  }
}

Test (missing, the_rule_cites_the_guidance_and_reads_hours_in_whole_days)
{
  g_autoptr(CpCase) kase = make_case (EPISODE ("2026-06-08", "2026-06-10"));
  g_autoptr(CpEvaluator) ev = test_evaluate (kase, "england", "2026-06-11");
  CpObligation *o = cp_evaluator_find (ev, KEY, "returned-from-missing 2026-06-10");
  CpRule *rule;

  cr_assert_not_null (o);
  rule = cp_obligation_get_rule (o);
  cr_assert_eq (cp_rule_get_unit (rule), CP_UNIT_HOURS);
  cr_assert_eq (cp_rule_get_quantity (rule), 72);
  cr_assert_eq (cp_rule_get_duty (rule), CP_DUTY_RETURN_HOME_INTERVIEW);
  cr_assert (strstr (cp_rule_get_citation (rule), "children who run away or go missing from home or care") != NULL);
  cr_assert (strstr (cp_obligation_get_explanation (o), "read in whole days") != NULL,
             "%s", cp_obligation_get_explanation (o));
}
