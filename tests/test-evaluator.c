/* test-evaluator.c: the obligation engine under each profile
 *
 * The expected dates are worked out by hand from the bank holidays of
 * England and Wales: Christmas 2026 (Fri 25 Dec, substitute Boxing Day
 * Mon 28 Dec), New Year (Fri 1 Jan 2027), Easter 2027 (Good Friday
 * 26 March, Easter Monday 29 March) and the early May bank holiday
 * (Mon 3 May 2027).
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include <string.h>

#include "test-evaluating.h"

TestSuite (evaluator, .init = test_calendar_setup, .fini = test_calendar_teardown);

static CpHistoryEntry *
last_history (CpCase *kase)
{
  GListModel *h = cp_case_get_history (kase);
  g_autoptr(CpHistoryEntry) e = g_list_model_get_item (h, g_list_model_get_n_items (h) - 1);
  return e;   /* the case keeps it alive */
}

/* The walk: becoming looked after on Monday 7 December 2026, the first
 * review across Christmas, a placement move on 15 February 2027, the
 * second review re-arranged and adjourned around Easter 2027. */
typedef struct {
  const char *profile;
  const char *care_plan_due;
  CpObligationStatus care_plan_status_dec14;
  const char *placement_plan_due;
  gboolean docs_rule;                 /* has a documents-to-IRO rule for review 1 */
  const char *review2_key;
  const char *review2_due;
  const char *review2_held;
  const char *resume_ok;
  const char *resume_late;
  const char *decisions_due_r2;
  const char *full_record_due_r2;
  const char *review3_key;
  const char *review3_due;
  gboolean strategic_manager_may_postpone;
} Walk;

static const Walk walks[] = {
  { "england", "2026-12-21", CP_OBLIGATION_STATUS_DUE_SOON, "2026-12-14", FALSE,
    "review.second", "2027-04-06", "2027-04-01", "2027-04-06", "2027-04-07",
    "2027-04-13", "2027-05-05", "review.subsequent", "2027-10-01", FALSE },
  { "stoke-on-trent", "2026-12-17", CP_OBLIGATION_STATUS_DUE_SOON, "2026-12-14", TRUE,
    "review.trigger.placement-change", "2027-03-15", "2027-03-09", "2027-03-15", "2027-03-16",
    "2027-03-22", "2027-03-29", "review.second", "2027-06-09", TRUE },
  { "warrington", "2026-12-21", CP_OBLIGATION_STATUS_DUE_SOON, "2026-12-14", TRUE,
    "review.second", "2027-04-06", "2027-04-01", "2027-04-06", "2027-04-07",
    "2027-04-13", "2027-04-27", "review.subsequent", "2027-10-01", FALSE },
  { "swindon", "2026-12-21", CP_OBLIGATION_STATUS_DUE_SOON, "2026-12-12", FALSE,
    "review.second", "2027-04-06", "2027-04-01", "2027-04-06", "2027-04-07",
    "2027-04-13", "2027-05-05", "review.subsequent", "2027-10-01", FALSE },
  { "salford", "2026-12-21", CP_OBLIGATION_STATUS_DUE_SOON, "2026-12-14", FALSE,
    "review.second", "2027-04-06", "2027-04-01", "2027-04-06", "2027-04-07",
    "2027-04-13", "2027-05-05", "review.subsequent", "2027-10-01", FALSE },
  { "isp-fostering", "2026-12-17", CP_OBLIGATION_STATUS_DUE_SOON, "2026-12-14", FALSE,
    "review.second", "2027-04-06", "2027-04-01", "2027-04-06", "2027-04-07",
    "2027-04-13", "2027-05-05", "review.subsequent", "2027-10-01", FALSE },
};

static void
walk (const Walk *w)
{
  g_autoptr(CpCase) kase = test_case ("2026-12-07", CP_PLACEMENT_TYPE_FOSTER_OWN_AUTHORITY);
  g_autoptr(CpEvaluator) ev = test_evaluator (kase, w->profile);
  g_autoptr(GError) error = NULL;
  g_autoptr(GDate) move = test_date ("2027-02-15");
  g_autoptr(CpPlacement) second = cp_placement_new (CP_PLACEMENT_TYPE_FOSTER_AGENCY, move);
  g_autoptr(GDate) review2_due = test_date (w->review2_due);
  g_autoptr(GDate) day_after_due = g_date_copy (review2_due);
  g_autoptr(GDate) held2 = test_date (w->review2_held);
  g_autoptr(GDate) resume_ok = test_date (w->resume_ok);
  g_autoptr(GDate) resume_late = test_date (w->resume_late);
  CpObligation *o;
  /* Stoke-on-Trent's "four weeks (20 working days)": 28 days, the earlier
   * here, so its review on 6 January is late. */
  gboolean four_weeks = strcmp (w->profile, "stoke-on-trent") == 0;
  const char *first_key = four_weeks ? "review.first.four-weeks" : "review.first";
  const char *first_due = four_weeks ? "2027-01-04" : "2027-01-07";

  cr_log_info ("walking %s", w->profile);

  /* A week in: the care plan and placement plan, the first review ahead. */
  at (ev, "2026-12-14");
  expect (ev, "care-plan.complete", "care plan", w->care_plan_due, w->care_plan_status_dec14);
  expect (ev, "placement-plan.complete", "placement 1", w->placement_plan_due,
          strcmp (w->placement_plan_due, "2026-12-14") == 0 ? CP_OBLIGATION_STATUS_DUE_SOON
                                                             : CP_OBLIGATION_STATUS_OVERDUE);
  /* 20 working days from Monday 7 December, across Christmas: 7 January. */
  expect (ev, first_key, "review 1", first_due, CP_OBLIGATION_STATUS_UPCOMING);

  /* The first review booked for 6 January; the papers, across Christmas. */
  test_book_review (kase, 1, "2027-01-06");
  at (ev, "2026-12-31");
  expect (ev, first_key, "review 1", first_due, CP_OBLIGATION_STATUS_DUE_SOON);
  /* The child is consulted on the first review 10 working days before
   * 6 January, back across Christmas: 18 December, which has passed. */
  expect (ev, "review.prepare.child-consulted-first", "review 1", "2026-12-18", CP_OBLIGATION_STATUS_OVERDUE);
  if (w->docs_rule)
    {
      expect (ev, "review.prepare.documents-to-iro", "review 1", "2026-12-31", CP_OBLIGATION_STATUS_DUE_SOON);
      test_add_task (kase, 1, CP_DUTY_DOCUMENTS_TO_IRO, "2026-12-31");
      at (ev, "2026-12-31");
      expect (ev, "review.prepare.documents-to-iro", "review 1", "2026-12-31", CP_OBLIGATION_STATUS_MET_ON_TIME);
    }
  else
    cr_assert_null (cp_evaluator_find (ev, "review.prepare.documents-to-iro", "review 1"));

  /* Held on 6 January; the decisions record five working days later. */
  test_hold_review (kase, 1, "2027-01-06");
  at (ev, "2027-01-13");
  expect (ev, first_key, "review 1", first_due,
          four_weeks ? CP_OBLIGATION_STATUS_MET_LATE : CP_OBLIGATION_STATUS_MET_ON_TIME);
  expect (ev, "review.after.decisions-record", "review 1", "2027-01-13", CP_OBLIGATION_STATUS_DUE_SOON);
  test_add_task (kase, 1, CP_DUTY_DECISIONS_RECORD, "2027-01-13");
  at (ev, "2027-01-14");
  expect (ev, "review.after.decisions-record", "review 1", "2027-01-13", CP_OBLIGATION_STATUS_MET_ON_TIME);
  expect (ev, "review.second", "review 2", "2027-04-06", CP_OBLIGATION_STATUS_UPCOMING);

  /* The move. Stoke: a review within 4 weeks, restarting the cycle. */
  cr_assert (cp_case_add_placement (kase, second, CP_ROLE_SOCIAL_WORKER, NULL, "move", &error),
             "%s", error ? error->message : "");
  at (ev, "2027-02-16");
  expect (ev, w->review2_key, "review 2", w->review2_due, CP_OBLIGATION_STATUS_UPCOMING);

  /* Booked for the due date, then a postponement past it. */
  test_book_review (kase, 2, w->review2_due);
  at (ev, "2027-03-01");
  g_date_add_days (day_after_due, 1);
  cr_assert_not (cp_evaluator_reschedule_review (ev, 2, day_after_due, CP_ROLE_PRACTICE_MANAGER,
                                                 NULL, "social worker on leave", &error));
  assert_error (error, CP_ERROR_NOT_AUTHORISED, "after the statutory due date");
  cr_assert (cp_history_entry_get_refused (last_history (kase)));
  g_clear_error (&error);

  if (w->strategic_manager_may_postpone)
    {
      cr_assert (cp_evaluator_reschedule_review (ev, 2, day_after_due, CP_ROLE_STRATEGIC_MANAGER,
                                                 NULL, "court hearing", &error),
                 "%s", error ? error->message : "");
      cr_assert_not (cp_history_entry_get_refused (last_history (kase)));
    }
  else
    {
      cr_assert_not (cp_evaluator_reschedule_review (ev, 2, day_after_due, CP_ROLE_STRATEGIC_MANAGER,
                                                     NULL, "court hearing", &error));
      assert_error (error, CP_ERROR_NOT_AUTHORISED, "allows no re-arrangement outside");
      g_clear_error (&error);
    }

  /* Brought back within the timescale: always allowed. */
  cr_assert (cp_evaluator_reschedule_review (ev, 2, held2, CP_ROLE_IRO, NULL, NULL, &error),
             "%s", error ? error->message : "");
  cr_assert_eq (g_date_compare (cp_review_get_rescheduled_from (cp_case_get_review (kase, 2)), review2_due), 0);
  cr_assert_eq (g_date_compare (cp_review_get_scheduled (cp_case_get_review (kase, 2)), held2), 0);

  /* It sits, and the IRO adjourns it. */
  test_hold_review (kase, 2, w->review2_held);
  at (ev, w->review2_held);
  cr_assert_not (cp_evaluator_adjourn_review (ev, 2, resume_ok, CP_ROLE_SOCIAL_WORKER, NULL, NULL, &error));
  assert_error (error, CP_ERROR_NOT_AUTHORISED, "review 2: adjourning it needs an iro under ");
  g_clear_error (&error);
  cr_assert_not (cp_evaluator_adjourn_review (ev, 2, resume_late, CP_ROLE_IRO, NULL, NULL, &error));
  assert_error (error, CP_ERROR_OUT_OF_RANGE, "must reconvene by");
  g_clear_error (&error);
  cr_assert (cp_evaluator_adjourn_review (ev, 2, resume_ok, CP_ROLE_IRO, NULL, "no parenting assessment", &error),
             "%s", error ? error->message : "");
  cr_assert_not (cp_evaluator_adjourn_review (ev, 2, resume_ok, CP_ROLE_IRO, NULL, NULL, &error));
  assert_error (error, CP_ERROR_ILLEGAL_TRANSITION, "already adjourned once");
  g_clear_error (&error);

  /* Adjourned but not reconvened: not met yet. */
  at (ev, w->review2_held);
  o = cp_evaluator_find (ev, w->review2_key, "review 2");
  cr_assert_not_null (o);
  cr_assert_null (cp_obligation_get_met_on (o));
  o = expect (ev, "review.adjournment", "review 2", w->resume_ok, CP_OBLIGATION_STATUS_DUE_SOON);
  cr_assert_not_null (cp_obligation_get_window_start (o));

  /* Reconvened: met, and the follow-up duties count from then. */
  at (ev, w->resume_ok);
  expect (ev, w->review2_key, "review 2", w->review2_due, CP_OBLIGATION_STATUS_MET_ON_TIME);
  expect (ev, "review.adjournment", "review 2", w->resume_ok, CP_OBLIGATION_STATUS_MET_ON_TIME);
  /* Five working days ahead: inside the five-working-day "due soon" window. */
  expect (ev, "review.after.decisions-record", "review 2", w->decisions_due_r2, CP_OBLIGATION_STATUS_DUE_SOON);
  expect (ev, "review.after.full-record", "review 2", w->full_record_due_r2, CP_OBLIGATION_STATUS_UPCOMING);

  /* The next review counts from the first sitting. */
  expect (ev, w->review3_key, "review 3", w->review3_due, CP_OBLIGATION_STATUS_UPCOMING);
}

Test (evaluator, walk_england) { walk (&walks[0]); }
Test (evaluator, walk_stoke_on_trent) { walk (&walks[1]); }
Test (evaluator, walk_warrington) { walk (&walks[2]); }
Test (evaluator, walk_swindon) { walk (&walks[3]); }
Test (evaluator, walk_salford) { walk (&walks[4]); }
Test (evaluator, walk_isp_fostering) { walk (&walks[5]); }

Test (evaluator, every_profile_has_a_walk)
{
  g_auto(GStrv) names = cp_policy_list_builtin ();

  cr_assert_eq (g_strv_length (names), G_N_ELEMENTS (walks));
  for (guint i = 0; names[i]; i++)
    {
      gboolean found = FALSE;
      for (guint k = 0; k < G_N_ELEMENTS (walks); k++)
        found |= strcmp (walks[k].profile, names[i]) == 0;
      cr_assert (found, "no walk for %s", names[i]);
    }
}

/* The last day on time and the first day late, for every profile. */
Test (evaluator, first_review_boundary_across_christmas)
{
  g_auto(GStrv) names = cp_policy_list_builtin ();

  for (guint i = 0; names[i]; i++)
    {
      g_autoptr(CpCase) on_time = test_case ("2026-12-07", CP_PLACEMENT_TYPE_FOSTER_OWN_AUTHORITY);
      g_autoptr(CpCase) late = test_case ("2026-12-07", CP_PLACEMENT_TYPE_FOSTER_OWN_AUTHORITY);
      g_autoptr(CpEvaluator) a = NULL, b = NULL;

      /* Stoke-on-Trent's four weeks come first across Christmas: see
       * test-readings.c. */
      if (strcmp (names[i], "stoke-on-trent") == 0)
        continue;
      a = test_evaluator (on_time, names[i]);
      b = test_evaluator (late, names[i]);

      test_book_review (on_time, 1, "2027-01-07");
      test_book_review (late, 1, "2027-01-08");
      test_hold_review (on_time, 1, "2027-01-07");
      test_hold_review (late, 1, "2027-01-08");
      at (a, "2027-01-08");
      at (b, "2027-01-08");
      expect (a, "review.first", "review 1", "2027-01-07", CP_OBLIGATION_STATUS_MET_ON_TIME);
      expect (b, "review.first", "review 1", "2027-01-07", CP_OBLIGATION_STATUS_MET_LATE);
    }
}

Test (evaluator, overdue_the_day_after_and_not_before)
{
  g_autoptr(CpCase) kase = test_case ("2026-12-07", CP_PLACEMENT_TYPE_FOSTER_OWN_AUTHORITY);
  g_autoptr(CpEvaluator) ev = test_evaluator (kase, "england");

  at (ev, "2027-01-07");
  expect (ev, "review.first", "review 1", "2027-01-07", CP_OBLIGATION_STATUS_DUE_SOON);
  at (ev, "2027-01-08");
  expect (ev, "review.first", "review 1", "2027-01-07", CP_OBLIGATION_STATUS_OVERDUE);
  /* The due-soon window opens 5 working days ahead: 30 December. */
  at (ev, "2026-12-29");
  expect (ev, "review.first", "review 1", "2027-01-07", CP_OBLIGATION_STATUS_UPCOMING);
  at (ev, "2026-12-30");
  expect (ev, "review.first", "review 1", "2027-01-07", CP_OBLIGATION_STATUS_DUE_SOON);
}

Test (evaluator, follow_up_duties_across_easter)
{
  g_autoptr(CpCase) kase = test_case ("2026-12-07", CP_PLACEMENT_TYPE_FOSTER_OWN_AUTHORITY);
  g_autoptr(CpEvaluator) ev = test_evaluator (kase, "warrington");

  test_review_on (kase, 1, "2027-01-06");
  /* Held on Maundy Thursday: five working days skip Good Friday and
   * Easter Monday. */
  test_review_on (kase, 2, "2027-03-25");
  test_add_task (kase, 2, CP_DUTY_DECISIONS_RECORD, "2027-04-05");
  test_add_task (kase, 2, CP_DUTY_CARE_PLAN_UPDATED, "2027-04-09");
  at (ev, "2027-04-08");
  expect (ev, "review.after.decisions-record", "review 2", "2027-04-05", CP_OBLIGATION_STATUS_MET_ON_TIME);
  /* 10 working days: 30, 31 March, 1, 2, 5, 6, 7, 8, 9, 12 April. */
  expect (ev, "review.after.care-plan-updated", "review 2", "2027-04-12", CP_OBLIGATION_STATUS_DUE_SOON);
  /* Warrington's papers for a later review: 5 working days before. */
  expect (ev, "review.prepare.documents-to-iro-later", "review 2", "2027-03-18",
          CP_OBLIGATION_STATUS_OVERDUE);
  at (ev, "2027-04-13");
  expect (ev, "review.after.care-plan-updated", "review 2", "2027-04-12", CP_OBLIGATION_STATUS_MET_ON_TIME);
}

Test (evaluator, preparation_across_easter)
{
  g_autoptr(CpCase) kase = test_case ("2026-12-07", CP_PLACEMENT_TYPE_FOSTER_OWN_AUTHORITY);
  g_autoptr(CpEvaluator) ev = test_evaluator (kase, "warrington");

  test_review_on (kase, 1, "2027-01-06");
  test_book_review (kase, 2, "2027-04-01");
  at (ev, "2027-03-01");
  /* 5 working days before Thursday 1 April 2027: 31 and 30 March, then
   * back over Easter Monday (29) and Good Friday (26) to 25, 24 and 23. */
  expect (ev, "review.prepare.documents-to-iro-later", "review 2", "2027-03-23", CP_OBLIGATION_STATUS_UPCOMING);
  /* 20 working days before 1 April: back over Good Friday and Easter Monday. */
  expect (ev, "review.prepare.child-consulted", "review 2", "2027-03-02", CP_OBLIGATION_STATUS_DUE_SOON);
  expect (ev, "review.prepare.invitations-sent", "review 2", "2027-03-16", CP_OBLIGATION_STATUS_UPCOMING);
}

Test (evaluator, stoke_second_review_within_four_months_of_entry)
{
  g_autoptr(CpCase) a = test_case ("2026-12-07", CP_PLACEMENT_TYPE_FOSTER_OWN_AUTHORITY);
  g_autoptr(CpCase) b = test_case ("2026-12-07", CP_PLACEMENT_TYPE_FOSTER_OWN_AUTHORITY);
  g_autoptr(CpEvaluator) stoke = test_evaluator (a, "stoke-on-trent");
  g_autoptr(CpEvaluator) england = test_evaluator (b, "england");

  /* The first review held late, on 29 January. */
  test_review_on (a, 1, "2027-01-29");
  test_review_on (b, 1, "2027-01-29");
  at (stoke, "2027-02-01");
  at (england, "2027-02-01");
  expect (stoke, "review.first.four-weeks", "review 1", "2027-01-04", CP_OBLIGATION_STATUS_MET_LATE);
  expect (stoke, "review.second-from-entry", "review 2", "2027-04-07", CP_OBLIGATION_STATUS_UPCOMING);
  expect (england, "review.second", "review 2", "2027-04-29", CP_OBLIGATION_STATUS_UPCOMING);
}

typedef struct {
  const char *profile;
  CpEventKind kind;
  gboolean agreed;
  const char *key;   /* the rule that sets the due date */
  const char *due;
} TriggerCase;

static const TriggerCase trigger_cases[] = {
  /* 1 February + 20 working days = 1 March; + 4 weeks = 1 March too. */
  { "england", CP_EVENT_KIND_PROPOSED_CARE_PLAN_CHANGE, FALSE, "review.trigger.proposed-care-plan-change", "2027-03-01" },
  { "stoke-on-trent", CP_EVENT_KIND_PROPOSED_CARE_PLAN_CHANGE, FALSE, "review.trigger.proposed-care-plan-change", "2027-03-01" },
  { "england", CP_EVENT_KIND_SCHOOL_EXCLUSION, TRUE, "review.second", "2027-04-06" },
  { "warrington", CP_EVENT_KIND_SCHOOL_EXCLUSION, TRUE, "review.trigger.school-exclusion", "2027-03-01" },
  { "warrington", CP_EVENT_KIND_SCHOOL_EXCLUSION, FALSE, "review.second", "2027-04-06" },
  { "stoke-on-trent", CP_EVENT_KIND_CHILD_REQUEST, FALSE, "review.trigger.child-request", "2027-03-01" },
  { "isp-fostering", CP_EVENT_KIND_CHILD_REQUEST, FALSE, "review.second", "2027-04-06" },
  { "isp-fostering", CP_EVENT_KIND_CHILD_REQUEST, TRUE, "review.trigger.child-request", "2027-03-01" },
  { "salford", CP_EVENT_KIND_CEASE_PROPOSED, FALSE, "review.trigger.cease-proposed", "2027-03-01" },
};

Test (evaluator, triggers_bring_the_review_forward_as_the_profile_says)
{
  for (guint i = 0; i < G_N_ELEMENTS (trigger_cases); i++)
    {
      const TriggerCase *t = &trigger_cases[i];
      g_autoptr(CpCase) kase = test_case ("2026-12-07", CP_PLACEMENT_TYPE_FOSTER_OWN_AUTHORITY);
      g_autoptr(CpEvaluator) ev = test_evaluator (kase, t->profile);

      cr_log_info ("trigger case %u (%s)", i, t->profile);
      test_review_on (kase, 1, "2027-01-06");
      test_record_event (kase, t->kind, "2027-02-01", t->agreed);
      at (ev, "2027-02-02");
      expect (ev, t->key, "review 2", t->due, CP_OBLIGATION_STATUS_UPCOMING);
      if (!t->agreed && g_str_has_prefix (t->key, "review.second"))
        {
          /* A trigger waiting for the IRO is listed, as not applicable, where
           * the profile has one. */
          g_autofree char *trigger_key = NULL;
          CpObligation *o;

          trigger_key = g_strconcat ("review.trigger.",
                                     t->kind == CP_EVENT_KIND_CHILD_REQUEST ? "child-request" : "school-exclusion",
                                     NULL);
          o = cp_evaluator_find (ev, trigger_key, "review 2");
          if (strcmp (t->profile, "england") != 0)
            {
              cr_assert_not_null (o, "%s: %s", t->profile, trigger_key);
              cr_assert_eq (cp_obligation_get_status (o), CP_OBLIGATION_STATUS_NOT_APPLICABLE);
              cr_assert_null (cp_obligation_get_due (o));
              cr_assert_not_null (strstr (cp_obligation_get_explanation (o), "only if the IRO agrees"));
            }
          else
            cr_assert_null (o, "england has no school-exclusion trigger");
        }
      /* An event before the last review is that review's business. */
      at (ev, "2027-01-31");
      expect (ev, "review.second", "review 2", "2027-04-06", CP_OBLIGATION_STATUS_UPCOMING);
    }
}

typedef struct {
  const char *profile;
  CpPlacementType kind;
  gboolean long_term;
  gboolean agreed;
  gboolean counts;
} NoMeetingCase;

static const NoMeetingCase no_meeting_cases[] = {
  { "england", CP_PLACEMENT_TYPE_FOSTER_OWN_AUTHORITY, TRUE, TRUE, FALSE },
  { "england", CP_PLACEMENT_TYPE_FOSTER_OWN_AUTHORITY, TRUE, FALSE, FALSE },
  { "isp-fostering", CP_PLACEMENT_TYPE_CONNECTED_PERSON_APPROVED, TRUE, TRUE, TRUE },
  { "isp-fostering", CP_PLACEMENT_TYPE_CONNECTED_PERSON_APPROVED, FALSE, TRUE, FALSE },
  { "warrington", CP_PLACEMENT_TYPE_FOSTER_OWN_AUTHORITY, TRUE, FALSE, TRUE },
  { "warrington", CP_PLACEMENT_TYPE_FOSTER_OWN_AUTHORITY, FALSE, TRUE, FALSE },
  { "salford", CP_PLACEMENT_TYPE_FOSTER_OWN_AUTHORITY, TRUE, FALSE, TRUE },
  { "salford", CP_PLACEMENT_TYPE_CONNECTED_PERSON_APPROVED, TRUE, TRUE, FALSE },
  { "stoke-on-trent", CP_PLACEMENT_TYPE_FOSTER_OWN_AUTHORITY, TRUE, TRUE, FALSE },
  { "swindon", CP_PLACEMENT_TYPE_FOSTER_OWN_AUTHORITY, TRUE, FALSE, FALSE },
};

/* Looked after since 8 January 2024 in one placement; reviews 1 to 3 are
 * meetings, review 4 (25 April 2025, 15 months into the placement) is by
 * consultation only. */
Test (evaluator, reviews_without_a_meeting_count_only_where_allowed)
{
  static const char *held[] = { "2024-02-02", "2024-05-01", "2024-10-30" };

  for (guint i = 0; i < G_N_ELEMENTS (no_meeting_cases); i++)
    {
      const NoMeetingCase *c = &no_meeting_cases[i];
      g_autoptr(CpCase) kase = test_case ("2024-01-08", c->kind);
      g_autoptr(CpEvaluator) ev = test_evaluator (kase, c->profile);
      CpPlacement *placement;
      CpReview *fourth;
      CpObligation *o;

      cr_log_info ("no-meeting case %u (%s)", i, c->profile);
      placement = cp_case_get_current_placement (kase);
      cp_placement_set_long_term (placement, c->long_term);
      for (guint k = 0; k < G_N_ELEMENTS (held); k++)
        {
          test_book_review (kase, k + 1, held[k]);
          test_hold_review (kase, k + 1, held[k]);
        }
      test_review_on (kase, 4, "2025-04-25");
      fourth = cp_case_get_review (kase, 4);
      cp_review_set_kind (fourth, CP_REVIEW_KIND_CONSULTATION_ONLY);
      cp_review_set_no_meeting_agreed (fourth, c->agreed);
      at (ev, "2025-05-01");

      if (c->counts)
        {
          expect (ev, "review.subsequent", "review 4", "2025-04-30", CP_OBLIGATION_STATUS_MET_ON_TIME);
          /* A meeting still within 12 months of the last one. */
          expect (ev, "review.without-meeting", "review 5", "2025-10-30", CP_OBLIGATION_STATUS_UPCOMING);
          expect (ev, "review.subsequent", "review 5", "2025-10-25", CP_OBLIGATION_STATUS_UPCOMING);
        }
      else
        {
          o = cp_evaluator_find (ev, "review.subsequent", "review 5");
          cr_assert_not_null (o);
          cr_assert_eq (cp_obligation_get_status (o), CP_OBLIGATION_STATUS_OVERDUE,
                        "%s", cp_obligation_get_explanation (o));
          cr_assert_not_null (strstr (cp_obligation_get_explanation (o), "does not count"),
                              "%s", cp_obligation_get_explanation (o));
          cr_assert_null (cp_evaluator_find (ev, "review.subsequent", "review 4"));
        }
    }
}

static void
count_signal (CpEvaluator *ev, CpObligation *o, gpointer data)
{
  GHashTable *seen = data;
  const char *key = cp_obligation_get_key (o);

  g_hash_table_insert (seen, g_strdup (key),
                       GINT_TO_POINTER (GPOINTER_TO_INT (g_hash_table_lookup (seen, key)) + 1));
}

Test (evaluator, signals_when_an_obligation_becomes_due_soon_overdue_or_met)
{
  g_autoptr(CpCase) kase = test_case ("2026-12-07", CP_PLACEMENT_TYPE_FOSTER_OWN_AUTHORITY);
  g_autoptr(CpEvaluator) ev = test_evaluator (kase, "england");
  g_autoptr(GHashTable) soon = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) overdue = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) met = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  g_signal_connect (ev, "obligation-due-soon", G_CALLBACK (count_signal), soon);
  g_signal_connect (ev, "obligation-overdue", G_CALLBACK (count_signal), overdue);
  g_signal_connect (ev, "obligation-met", G_CALLBACK (count_signal), met);

  /* The first refresh announces what is already due soon or overdue,
   * and only that. */
  at (ev, "2026-12-29");
  {
    GListModel *list = cp_evaluator_get_obligations (ev);
    guint want_soon = 0, want_overdue = 0;

    for (guint i = 0; i < g_list_model_get_n_items (list); i++)
      {
        g_autoptr(CpObligation) o = g_list_model_get_item (list, i);
        want_soon += cp_obligation_get_status (o) == CP_OBLIGATION_STATUS_DUE_SOON;
        want_overdue += cp_obligation_get_status (o) == CP_OBLIGATION_STATUS_OVERDUE;
      }
    cr_assert_eq (g_hash_table_size (soon), want_soon);
    cr_assert_eq (g_hash_table_size (overdue), want_overdue);
    cr_assert_eq (g_hash_table_size (met), 0, "what was met before the first refresh is not news");
    cr_assert_null (g_hash_table_lookup (soon, "review.first"));
  }
  at (ev, "2026-12-30");
  cr_assert_eq (GPOINTER_TO_INT (g_hash_table_lookup (soon, "review.first")), 1);
  at (ev, "2026-12-31");
  cr_assert_eq (GPOINTER_TO_INT (g_hash_table_lookup (soon, "review.first")), 1, "no repeat");
  at (ev, "2027-01-08");
  cr_assert_eq (GPOINTER_TO_INT (g_hash_table_lookup (overdue, "review.first")), 1);
  test_review_on (kase, 1, "2027-01-08");
  at (ev, "2027-01-08");
  cr_assert_eq (GPOINTER_TO_INT (g_hash_table_lookup (met, "review.first")), 1);
}

typedef struct
{
  guint calls, position, removed, added;
} ItemsChanged;

static void
on_items_changed (GListModel *list, guint position, guint removed, guint added, ItemsChanged *seen)
{
  seen->calls++;
  seen->position = position;
  seen->removed = removed;
  seen->added = added;
}

/* The obligations list is a GListModel like any other: an item is the
 * same object each time it is asked for, until the next refresh, which
 * replaces every item and says so. */
Test (evaluator, the_obligations_list_keeps_its_items_and_says_when_they_change)
{
  g_autoptr(CpCase) kase = test_case ("2026-12-07", CP_PLACEMENT_TYPE_FOSTER_OWN_AUTHORITY);
  g_autoptr(CpEvaluator) ev = test_evaluator (kase, "england");
  GListModel *list = cp_evaluator_get_obligations (ev);
  g_autoptr(CpObligation) first = NULL, again = NULL, after = NULL;
  ItemsChanged seen = { 0 };
  guint n;

  cr_assert_eq (g_list_model_get_item_type (list), CP_TYPE_OBLIGATION);
  g_signal_connect (list, "items-changed", G_CALLBACK (on_items_changed), &seen);

  at (ev, "2026-12-29");
  n = g_list_model_get_n_items (list);
  cr_assert_gt (n, 3);
  cr_assert_eq (seen.calls, 1);
  cr_assert_eq (seen.position, 0);
  cr_assert_eq (seen.removed, 0);
  cr_assert_eq (seen.added, n);

  first = g_list_model_get_item (list, 0);
  again = g_list_model_get_item (list, 0);
  cr_assert_eq (first, again, "one object an item");
  cr_assert_null (g_list_model_get_item (list, n), "nothing past the end");
  cr_assert_not_null (cp_obligation_get_explanation (first));
  cr_assert_eq (cp_evaluator_find (ev, cp_obligation_get_key (first), cp_obligation_get_subject (first)),
                first, "find gives the list's own object");

  at (ev, "2026-12-30");
  cr_assert_eq (seen.calls, 2);
  cr_assert_eq (seen.removed, n);
  cr_assert_eq (seen.added, g_list_model_get_n_items (list));
  after = g_list_model_get_item (list, 0);
  cr_assert_neq (after, first, "a refresh makes new obligations");
  /* The old one stays whole for whoever holds it. */
  cr_assert_not_null (cp_obligation_get_explanation (first));
}

Test (evaluator, nothing_is_owed_before_the_child_is_looked_after)
{
  g_autoptr(CpCase) kase = test_case ("2026-12-07", CP_PLACEMENT_TYPE_FOSTER_OWN_AUTHORITY);
  g_autoptr(CpEvaluator) ev = test_evaluator (kase, "england");

  at (ev, "2026-12-06");
  cr_assert_eq (g_list_model_get_n_items (cp_evaluator_get_obligations (ev)), 0);
}

Test (evaluator, a_date_outside_the_calendar_is_an_error)
{
  g_autoptr(CpCase) kase = test_case ("2026-12-07", CP_PLACEMENT_TYPE_FOSTER_OWN_AUTHORITY);
  g_autoptr(CpEvaluator) ev = test_evaluator (kase, "england");
  g_autoptr(GDate) far = test_date ("2150-01-01");
  g_autoptr(GError) error = NULL;

  cp_evaluator_set_date (ev, far);
  cr_assert_not (cp_evaluator_refresh (ev, &error));
  cr_assert_not_null (error);
  cr_assert_eq (error->code, CP_ERROR_OUT_OF_RANGE, "%s", error->message);
}

Test (evaluator, the_example_case_evaluates_under_every_profile)
{
  g_autofree char *path = g_build_filename (EXAMPLES_DIR, "data", "case-every-type.json", NULL);
  g_auto(GStrv) names = cp_policy_list_builtin ();

  for (guint i = 0; names[i]; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(CpCase) kase = cp_case_load_file (path, &error);
      g_autoptr(CpEvaluator) ev = NULL;

      cr_assert_not_null (kase, "%s", error ? error->message : "");
      ev = test_evaluator (kase, names[i]);
      at (ev, "2026-11-22");
      expect (ev, "review.first", "review 1", "2026-02-02", CP_OBLIGATION_STATUS_MET_ON_TIME);
      cr_assert_gt (g_list_model_get_n_items (cp_evaluator_get_obligations (ev)), 5);
    }
}

typedef struct {
  CpEvaluator *ev;
  GString *log;
} SignalLog;

static void
log_signal (CpEvaluator *ev, CpObligation *o, gpointer data)
{
  SignalLog *sl = data;
  const char *key = cp_obligation_get_key (o);
  g_autofree char *when = cp_date_format_iso (cp_evaluator_get_date (ev));
  GSignalInvocationHint *hint = g_signal_get_invocation_hint (ev);

  if (strcmp (key, "review.after.manager-response") != 0 && strcmp (key, "review.recommendation") != 0)
    return;
  g_string_append_printf (sl->log, "%s %s %s %s\n", when, g_signal_name (hint->signal_id), key,
                          cp_obligation_get_subject (o));
}

/* Review 2 held on Maundy Thursday 2027 with one recommendation due
 * Friday 30 April; nobody answers for it or carries it out. */
static char *
outcome_signals (const char *profile)
{
  static const char *signal_names[] = { "obligation-due-soon", "obligation-overdue", "obligation-met",
                                        "decision-overdue", "response-deemed-agreed" };
  static const char *dates[] = { "2027-03-25", "2027-04-05", "2027-04-06", "2027-04-30", "2027-05-03" };
  g_autoptr(CpCase) kase = test_case ("2026-12-07", CP_PLACEMENT_TYPE_FOSTER_OWN_AUTHORITY);
  g_autoptr(CpEvaluator) ev = test_evaluator (kase, profile);
  g_autoptr(CpRecommendation) rec = cp_recommendation_new ("Refer to CAMHS");
  g_autoptr(GDate) rec_due = test_date ("2027-04-30");
  SignalLog sl = { ev, g_string_new (NULL) };

  test_review_on (kase, 1, "2027-01-06");
  test_review_on (kase, 2, "2027-03-25");
  cp_recommendation_set_due (rec, rec_due);
  cp_recommendation_set_owner_role (rec, CP_ROLE_SOCIAL_WORKER);
  cp_review_add_recommendation (cp_case_get_review (kase, 2), rec);

  /* What the first refresh announces (what is already overdue on the
   * first date) is not what these tests are about. */
  at (ev, dates[0]);
  for (guint i = 0; i < G_N_ELEMENTS (signal_names); i++)
    g_signal_connect (ev, signal_names[i], G_CALLBACK (log_signal), &sl);
  for (guint i = 0; i < G_N_ELEMENTS (dates); i++)
    at (ev, dates[i]);
  return g_string_free (sl.log, FALSE);
}

Test (evaluator, warrington_deems_silence_agreement_after_five_working_days)
{
  g_autofree char *log = outcome_signals ("warrington");

  /* 5 working days from Thursday 25 March 2027, over Easter: 5 April. */
  cr_assert_str_eq (log,
    "2027-04-06 obligation-met review.after.manager-response review 2\n"
    "2027-04-06 response-deemed-agreed review.after.manager-response review 2\n"
    "2027-04-30 obligation-due-soon review.recommendation review 2 recommendation 1\n"
    "2027-05-03 obligation-overdue review.recommendation review 2 recommendation 1\n"
    "2027-05-03 decision-overdue review.recommendation review 2 recommendation 1\n");
}

Test (evaluator, swindon_has_no_deemed_agreement)
{
  g_autofree char *log = outcome_signals ("swindon");

  cr_assert_str_eq (log,
    "2027-04-06 obligation-overdue review.after.manager-response review 2\n"
    "2027-04-30 obligation-due-soon review.recommendation review 2 recommendation 1\n"
    "2027-05-03 obligation-overdue review.recommendation review 2 recommendation 1\n"
    "2027-05-03 decision-overdue review.recommendation review 2 recommendation 1\n");
}

Test (evaluator, deemed_agreement_is_marked_and_explained)
{
  g_autoptr(CpCase) kase = test_case ("2026-12-07", CP_PLACEMENT_TYPE_FOSTER_OWN_AUTHORITY);
  g_autoptr(CpEvaluator) ev = test_evaluator (kase, "warrington");
  CpObligation *o;

  test_review_on (kase, 1, "2027-01-06");
  at (ev, "2027-01-13");
  o = expect (ev, "review.after.manager-response", "review 1", "2027-01-13", CP_OBLIGATION_STATUS_DUE_SOON);
  cr_assert_not (cp_obligation_get_deemed (o));
  at (ev, "2027-01-14");
  o = expect (ev, "review.after.manager-response", "review 1", "2027-01-13", CP_OBLIGATION_STATUS_MET_ON_TIME);
  cr_assert (cp_obligation_get_deemed (o));
  cr_assert_not_null (strstr (cp_obligation_get_explanation (o), "deemed agreed"));
  /* A response recorded in time is not deemed. */
  test_add_task (kase, 1, CP_DUTY_MANAGER_RESPONSE, "2027-01-12");
  at (ev, "2027-01-14");
  o = expect (ev, "review.after.manager-response", "review 1", "2027-01-13", CP_OBLIGATION_STATUS_MET_ON_TIME);
  cr_assert_not (cp_obligation_get_deemed (o));
}

/* Disputes and the escalation ladder ------------------------------------ */

static void
on_escalated (CpEvaluator *ev, CpDispute *d, const char *from, const char *to, GString *log)
{
  GListModel *steps = cp_dispute_get_steps (d);
  g_autoptr(CpDisputeStep) last = g_list_model_get_item (steps, g_list_model_get_n_items (steps) - 1);
  g_autofree char *when = cp_date_format_iso (cp_dispute_step_get_date (last));

  g_string_append_printf (log, "%s escalated %s->%s\n", when, from ? from : "(none)", to);
}

static void
on_cafcass (CpEvaluator *ev, CpDispute *d, GString *log)
{
  g_autofree char *when = NULL;
  GListModel *steps = cp_dispute_get_steps (d);
  g_autoptr(CpDisputeStep) last = g_list_model_get_item (steps, g_list_model_get_n_items (steps) - 1);

  when = cp_date_format_iso (cp_dispute_step_get_date (last));
  g_string_append_printf (log, "%s referred-to-cafcass\n", when);
}

static void
on_resolved (CpEvaluator *ev, CpDispute *d, GString *log)
{
  g_autofree char *when = cp_date_format_iso (cp_dispute_get_resolved_on (d));
  g_string_append_printf (log, "%s resolved: %s\n", when, cp_dispute_get_outcome (d));
}

static CpDispute *
register_dispute (CpEvaluator *ev, const char *date, int review, int recommendation)
{
  g_autoptr(GDate) d = test_date (date);
  g_autoptr(CpDispute) dispute = cp_dispute_new ("starred recommendation not agreed", d);
  g_autoptr(GError) error = NULL;

  cp_dispute_set_recommendation (dispute, review, recommendation);
  cr_assert (cp_case_add_dispute (cp_evaluator_get_case (ev), cp_evaluator_get_policy (ev), dispute,
                                  CP_ROLE_IRO, NULL, &error), "%s", error ? error->message : "");
  return dispute;   /* the case keeps it alive */
}

static void
on_decision_overdue (CpEvaluator *ev, CpObligation *o, GString *log)
{
  g_autofree char *when = cp_date_format_iso (cp_evaluator_get_date (ev));
  g_string_append_printf (log, "%s decision-overdue %s (%s)\n", when, cp_obligation_get_key (o),
                          cp_obligation_get_subject (o));
}

static gboolean
escalate (CpEvaluator *ev, CpDispute *d, const char *stage, const char *date, CpRole role, GError **error)
{
  g_autoptr(GDate) day = test_date (date);
  return cp_evaluator_escalate_dispute (ev, d, stage, day, role, NULL, "no agreement", error);
}

Test (evaluator, a_disputed_starred_recommendation_climbs_stokes_ladder_to_cafcass)
{
  g_autoptr(CpCase) kase = test_case ("2026-12-07", CP_PLACEMENT_TYPE_FOSTER_OWN_AUTHORITY);
  g_autoptr(CpEvaluator) ev = test_evaluator (kase, "stoke-on-trent");
  g_autoptr(CpRecommendation) rec = cp_recommendation_new ("Identify a school place");
  g_autoptr(GDate) rec_due = test_date ("2027-02-26");
  g_autoptr(GDate) notified = test_date ("2027-01-06");
  g_autoptr(GDate) concerns = test_date ("2027-01-13");   /* the last day for them */
  g_autoptr(GDate) resolved = test_date ("2027-03-15");
  g_autoptr(GString) log = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) stages = cp_evaluator_dup_ladder (ev);
  CpDispute *dispute;

  cr_assert_eq (g_list_model_get_n_items (stages), 5);
  test_review_on (kase, 1, "2027-01-06");
  cp_recommendation_set_starred (rec, TRUE);
  cp_recommendation_set_due (rec, rec_due);
  cp_review_add_recommendation (cp_case_get_review (kase, 1), rec);
  g_signal_connect (ev, "decision-overdue", G_CALLBACK (on_decision_overdue), log);

  /* §7.18, read as catalogue §N A6 (a): sent on the day of the review;
   * concerns within 5 working days (13 January); then 5 calendar days to
   * agree (18 January); no agreement within 10 working days of the
   * review (20 January) and the IRO registers a dispute. */
  at (ev, "2027-01-06");
  expect (ev, "recommendation.starred.notified", "review 1 recommendation 1", "2027-01-06",
          CP_OBLIGATION_STATUS_DUE_SOON);
  cp_recommendation_set_notified_on (rec, notified);
  cp_recommendation_set_concerns_on (rec, concerns);
  at (ev, "2027-01-18");
  expect (ev, "recommendation.starred.notified", "review 1 recommendation 1", "2027-01-06",
          CP_OBLIGATION_STATUS_MET_ON_TIME);
  expect (ev, "recommendation.starred.concerns", "review 1 recommendation 1", "2027-01-13",
          CP_OBLIGATION_STATUS_MET_ON_TIME);
  expect (ev, "recommendation.starred.agreement", "review 1 recommendation 1", "2027-01-18",
          CP_OBLIGATION_STATUS_DUE_SOON);
  expect (ev, "recommendation.starred.dispute", "review 1 recommendation 1", "2027-01-20",
          CP_OBLIGATION_STATUS_DUE_SOON);
  at (ev, "2027-01-19");
  expect (ev, "recommendation.starred.agreement", "review 1 recommendation 1", "2027-01-18",
          CP_OBLIGATION_STATUS_OVERDUE);
  at (ev, "2027-01-20");

  /* Only the IRO registers; a manager is refused and the refusal kept. */
  {
    g_autoptr(GDate) d = test_date ("2027-01-20");
    g_autoptr(CpDispute) wrong = cp_dispute_new ("not agreed", d);

    cr_assert_not (cp_case_add_dispute (kase, cp_evaluator_get_policy (ev), wrong,
                                        CP_ROLE_PRINCIPAL_MANAGER, NULL, &error));
    assert_error (error, CP_ERROR_NOT_AUTHORISED,
                  "dispute.register needs an iro under stoke-on-trent; a principal-manager may not");
    cr_assert (cp_history_entry_get_refused (last_history (kase)));
    g_clear_error (&error);
  }
  dispute = register_dispute (ev, "2027-01-20", 1, 1);
  at (ev, "2027-01-20");
  {
    CpObligation *o = expect (ev, "recommendation.starred.dispute", "review 1 recommendation 1", "2027-01-20",
                              CP_OBLIGATION_STATUS_MET_ON_TIME);
    cr_assert (strstr (cp_obligation_get_explanation (o), "disputed from 2027-01-20"));
    cr_assert_str_eq (cp_obligation_get_citation (o), "Stoke-on-Trent City Council, Children in Care: Care Planning, Placement and Case Review Policy, §7.18 Starred Recommendations");
  }

  g_signal_connect (ev, "escalated", G_CALLBACK (on_escalated), log);
  g_signal_connect (ev, "referred-to-cafcass", G_CALLBACK (on_cafcass), log);
  g_signal_connect (ev, "resolved", G_CALLBACK (on_resolved), log);

  cr_assert (escalate (ev, dispute, "social-worker", "2027-01-20", CP_ROLE_IRO, &error));
  cr_assert (escalate (ev, dispute, "practice-manager", "2027-01-27", CP_ROLE_IRO, &error));

  /* A manager cannot move the IRO's dispute; CAFCASS is not yet open. */
  cr_assert_not (escalate (ev, dispute, "strategic-manager", "2027-02-10", CP_ROLE_PRACTICE_MANAGER, &error));
  assert_error (error, CP_ERROR_NOT_AUTHORISED, "moving a dispute to “strategic-manager” needs an iro under stoke-on-trent; a practice-manager may not");
  cr_assert (cp_history_entry_get_refused (last_history (kase)));
  g_clear_error (&error);
  cr_assert_not (escalate (ev, dispute, "cafcass", "2027-02-10", CP_ROLE_IRO, &error));
  assert_error (error, CP_ERROR_ILLEGAL_TRANSITION, "“cafcass” opens only from the stage below it");
  g_clear_error (&error);
  cr_assert_not (escalate (ev, dispute, "tribunal", "2027-02-10", CP_ROLE_IRO, &error));
  assert_error (error, CP_ERROR_UNKNOWN_CODE, "expected one of: social-worker, practice-manager, strategic-manager, dispute-resolution, cafcass");
  g_clear_error (&error);

  /* The practice-manager stage may take 10 working days: 28 January to 10 February. */
  at (ev, "2027-02-09");
  expect (ev, "ladder.practice-manager", "dispute 1", "2027-02-10", CP_OBLIGATION_STATUS_DUE_SOON);

  cr_assert (escalate (ev, dispute, "strategic-manager", "2027-02-10", CP_ROLE_IRO, &error));
  cr_assert (escalate (ev, dispute, "dispute-resolution", "2027-02-24", CP_ROLE_IRO, &error));
  cr_assert_not (escalate (ev, dispute, "practice-manager", "2027-02-25", CP_ROLE_IRO, &error));
  assert_error (error, CP_ERROR_ILLEGAL_TRANSITION, "can only move up the ladder");
  g_clear_error (&error);
  cr_assert (escalate (ev, dispute, "cafcass", "2027-03-03", CP_ROLE_IRO, &error));
  cr_assert_str_eq (cp_dispute_get_stage (dispute), "cafcass");

  /* CAFCASS decides within 14 days (calendar): 17 March; due soon from
   * 10 March, five working days ahead. */
  at (ev, "2027-03-09");
  expect (ev, "ladder.cafcass", "dispute 1", "2027-03-17", CP_OBLIGATION_STATUS_UPCOMING);
  cr_assert_not (cp_evaluator_resolve_dispute (ev, dispute, resolved, "school place found",
                                               CP_ROLE_STRATEGIC_MANAGER, NULL, &error));
  assert_error (error, CP_ERROR_NOT_AUTHORISED, "resolving a dispute needs an iro under stoke-on-trent; a strategic-manager may not");
  g_clear_error (&error);
  cr_assert (cp_evaluator_resolve_dispute (ev, dispute, resolved, "CAFCASS proceeded; school place found",
                                           CP_ROLE_IRO, NULL, &error));
  at (ev, "2027-03-16");
  expect (ev, "ladder.practice-manager", "dispute 1", "2027-02-10", CP_OBLIGATION_STATUS_MET_ON_TIME);
  expect (ev, "ladder.cafcass", "dispute 1", "2027-03-17", CP_OBLIGATION_STATUS_MET_ON_TIME);
  cr_assert_not (escalate (ev, dispute, "cafcass", "2027-03-16", CP_ROLE_IRO, &error));
  assert_error (error, CP_ERROR_ILLEGAL_TRANSITION, "already resolved");

  /* The dispute's end settles the agreement, late. */
  expect (ev, "recommendation.starred.agreement", "review 1 recommendation 1", "2027-01-18",
          CP_OBLIGATION_STATUS_MET_LATE);
  cr_assert_str_eq (log->str,
    "2027-01-19 decision-overdue recommendation.starred.agreement (review 1 recommendation 1)\n"
    "2027-01-20 escalated (none)->social-worker\n"
    "2027-01-27 escalated social-worker->practice-manager\n"
    "2027-02-10 escalated practice-manager->strategic-manager\n"
    "2027-02-24 escalated strategic-manager->dispute-resolution\n"
    "2027-03-03 escalated dispute-resolution->cafcass\n"
    "2027-03-03 referred-to-cafcass\n"
    "2027-03-09 decision-overdue review.recommendation (review 1 recommendation 1)\n"
    "2027-03-15 resolved: CAFCASS proceeded; school place found\n");
  cr_assert_eq (g_list_model_get_n_items (cp_dispute_get_steps (dispute)), 5);
}

Test (evaluator, warrington_refers_to_cafcass_at_any_point_and_the_iru_refers_upward)
{
  g_autoptr(CpCase) kase = test_case ("2026-12-07", CP_PLACEMENT_TYPE_FOSTER_OWN_AUTHORITY);
  g_autoptr(CpEvaluator) ev = test_evaluator (kase, "warrington");
  g_autoptr(GError) error = NULL;
  CpDispute *a = register_dispute (ev, "2027-02-01", 0, 0);
  CpDispute *b = register_dispute (ev, "2027-02-01", 0, 0);

  cr_assert (escalate (ev, a, "professionals-discussion", "2027-02-01", CP_ROLE_IRO, &error));
  cr_assert_not (escalate (ev, a, "senior-manager", "2027-02-08", CP_ROLE_IRO, &error));
  assert_error (error, CP_ERROR_NOT_AUTHORISED, "needs a review-unit under warrington (esc-warr-2-senior-manager); an iro may not");
  g_clear_error (&error);
  cr_assert (escalate (ev, a, "senior-manager", "2027-02-08", CP_ROLE_REVIEW_UNIT, &error));
  /* CAFCASS "whenever appropriate": straight from the first stage. */
  cr_assert (escalate (ev, b, "professionals-discussion", "2027-02-01", CP_ROLE_IRO, &error));
  cr_assert (escalate (ev, b, "cafcass", "2027-02-02", CP_ROLE_IRO, &error), "%s", error ? error->message : "");
}

Test (evaluator, profiles_without_a_ladder_say_so)
{
  g_autoptr(CpCase) kase = test_case ("2026-12-07", CP_PLACEMENT_TYPE_FOSTER_OWN_AUTHORITY);
  g_autoptr(CpEvaluator) ev = test_evaluator (kase, "swindon");
  g_autoptr(GError) error = NULL;
  CpDispute *d = register_dispute (ev, "2027-02-01", 0, 0);

  cr_assert_not (escalate (ev, d, "cafcass", "2027-02-01", CP_ROLE_IRO, &error));
  assert_error (error, CP_ERROR_UNKNOWN_CODE, "it has no ladder");
}

Test (evaluator, events_after_a_review_belong_to_the_next_one)
{
  g_autoptr(CpCase) kase = test_case ("2026-12-07", CP_PLACEMENT_TYPE_FOSTER_OWN_AUTHORITY);
  g_autoptr(CpEvaluator) ev = test_evaluator (kase, "stoke-on-trent");

  test_review_on (kase, 1, "2027-01-06");
  /* A child's request the day after review 1 brings review 2 forward
   * (4 weeks: 4 February) but leaves review 1's due date alone (four
   * weeks from 7 December, across Christmas: 4 January). */
  test_record_event (kase, CP_EVENT_KIND_CHILD_REQUEST, "2027-01-07", FALSE);
  at (ev, "2027-01-08");
  expect (ev, "review.first.four-weeks", "review 1", "2027-01-04", CP_OBLIGATION_STATUS_MET_LATE);
  expect (ev, "review.trigger.child-request", "review 2", "2027-02-04", CP_OBLIGATION_STATUS_UPCOMING);
}

Test (evaluator, an_overdue_decision_is_a_trigger_the_iro_may_act_on)
{
  g_autoptr(CpCase) kase = test_case ("2026-12-07", CP_PLACEMENT_TYPE_FOSTER_OWN_AUTHORITY);
  g_autoptr(CpEvaluator) ev = test_evaluator (kase, "warrington");
  g_autoptr(CpRecommendation) rec = cp_recommendation_new ("Arrange contact with siblings");
  g_autoptr(GDate) due = test_date ("2027-02-05");
  CpObligation *o;

  test_review_on (kase, 1, "2027-01-06");
  cp_recommendation_set_due (rec, due);
  cp_review_add_recommendation (cp_case_get_review (kase, 1), rec);
  at (ev, "2027-02-05");
  cr_assert_null (cp_evaluator_find (ev, "review.trigger.decisions-not-carried-out", "review 2"));
  at (ev, "2027-02-06");
  o = cp_evaluator_find (ev, "review.trigger.decisions-not-carried-out", "review 2");
  cr_assert_not_null (o);
  cr_assert_eq (cp_obligation_get_status (o), CP_OBLIGATION_STATUS_NOT_APPLICABLE);
  /* Once the IRO agrees (a recorded event), the review comes forward:
   * 20 working days from 8 February is 8 March. */
  test_record_event (kase, CP_EVENT_KIND_DECISIONS_NOT_CARRIED_OUT, "2027-02-08", TRUE);
  at (ev, "2027-02-08");
  expect (ev, "review.trigger.decisions-not-carried-out", "review 2", "2027-03-08", CP_OBLIGATION_STATUS_UPCOMING);
}

/* Stoke §7.18 across Christmas 2026 and Easter 2027: the last day each clock
 * is met on time, and the first day it is late. */
static const struct {
  const char *held, *concerns, *agreement, *dispute;
} starred_boundaries[] = {
  /* 5 WD skip 25 and 28 December; the 10 WD skip 1 January too. */
  { "2026-12-22", "2026-12-31", "2027-01-05", "2027-01-08" },
  /* 5 WD skip Good Friday (26 March) and Easter Monday (29 March). */
  { "2027-03-23", "2027-04-01", "2027-04-06", "2027-04-08" },
};

Test (evaluator, starred_clocks_at_their_boundaries)
{
  for (guint i = 0; i < G_N_ELEMENTS (starred_boundaries); i++)
    for (int late = 0; late <= 1; late++)
      {
        g_autoptr(CpCase) kase = test_case ("2026-12-07", CP_PLACEMENT_TYPE_FOSTER_OWN_AUTHORITY);
        g_autoptr(CpEvaluator) ev = test_evaluator (kase, "stoke-on-trent");
        g_autoptr(CpRecommendation) rec = cp_recommendation_new ("Refer to CAMHS");
        g_autoptr(CpRecommendation) plain = cp_recommendation_new ("Update the PEP");
        g_autoptr(GDate) concerns = test_date (starred_boundaries[i].concerns);
        g_autoptr(GDate) agreed = test_date (starred_boundaries[i].agreement);
        CpObligationStatus want = late ? CP_OBLIGATION_STATUS_MET_LATE : CP_OBLIGATION_STATUS_MET_ON_TIME;

        if (late)
          {
            g_date_add_days (concerns, 1);
            g_date_add_days (agreed, 1);
          }
        test_book_review (kase, 1, starred_boundaries[i].held);
        test_hold_review (kase, 1, starred_boundaries[i].held);
        cp_recommendation_set_starred (rec, TRUE);
        cp_recommendation_set_concerns_on (rec, concerns);
        cp_recommendation_set_agreed_on (rec, agreed);
        cp_review_add_recommendation (cp_case_get_review (kase, 1), rec);
        cp_review_add_recommendation (cp_case_get_review (kase, 1), plain);
        at (ev, "2027-06-01");

        expect (ev, "recommendation.starred.notified", "review 1 recommendation 1", starred_boundaries[i].held,
                CP_OBLIGATION_STATUS_OVERDUE);
        expect (ev, "recommendation.starred.concerns", "review 1 recommendation 1",
                starred_boundaries[i].concerns, want);
        expect (ev, "recommendation.starred.agreement", "review 1 recommendation 1",
                starred_boundaries[i].agreement, want);
        expect (ev, "recommendation.starred.dispute", "review 1 recommendation 1",
                starred_boundaries[i].dispute, CP_OBLIGATION_STATUS_MET_ON_TIME);
        /* An unstarred recommendation runs none of these clocks. */
        cr_assert_null (cp_evaluator_find (ev, "recommendation.starred.notified", "review 1 recommendation 2"));
      }
}

Test (evaluator, a_starred_recommendation_neither_agreed_nor_disputed_is_overdue)
{
  g_autoptr(CpCase) kase = test_case ("2026-12-07", CP_PLACEMENT_TYPE_FOSTER_OWN_AUTHORITY);
  g_autoptr(CpEvaluator) ev = test_evaluator (kase, "stoke-on-trent");
  g_autoptr(CpRecommendation) rec = cp_recommendation_new ("Refer to CAMHS");

  test_review_on (kase, 1, "2027-01-06");
  cp_recommendation_set_starred (rec, TRUE);
  cp_review_add_recommendation (cp_case_get_review (kase, 1), rec);
  at (ev, "2027-01-20");
  expect (ev, "recommendation.starred.dispute", "review 1 recommendation 1", "2027-01-20",
          CP_OBLIGATION_STATUS_DUE_SOON);
  at (ev, "2027-01-21");
  expect (ev, "recommendation.starred.dispute", "review 1 recommendation 1", "2027-01-20",
          CP_OBLIGATION_STATUS_OVERDUE);
  /* A withdrawn recommendation runs no clock. */
  cp_recommendation_set_status (rec, CP_RECOMMENDATION_STATUS_WITHDRAWN);
  at (ev, "2027-01-21");
  cr_assert_eq (cp_obligation_get_status (cp_evaluator_find (ev, "recommendation.starred.dispute",
                                                               "review 1 recommendation 1")),
                CP_OBLIGATION_STATUS_NOT_APPLICABLE);
}

/* A first review within 20 working days of entry: the consultation counted
 * back from it would fall before care began, so it is due on the first day
 * of care. Consulting the child that day is on time, the next day late. */
Test (evaluator, preparation_before_care_began_is_due_on_the_first_day)
{
  const char *profiles[] = { "england", "stoke-on-trent" };

  for (guint i = 0; i < G_N_ELEMENTS (profiles); i++)
    {
      g_autoptr(CpCase) on_time = test_case ("2026-12-07", CP_PLACEMENT_TYPE_FOSTER_OWN_AUTHORITY);
      g_autoptr(CpCase) late = test_case ("2026-12-07", CP_PLACEMENT_TYPE_FOSTER_OWN_AUTHORITY);
      g_autoptr(CpEvaluator) ev1 = test_evaluator (on_time, profiles[i]);
      g_autoptr(CpEvaluator) ev2 = test_evaluator (late, profiles[i]);
      CpObligation *o;

      test_book_review (on_time, 1, "2026-12-18");
      test_add_task (on_time, 1, CP_DUTY_CHILD_CONSULTED, "2026-12-07");
      test_book_review (late, 1, "2026-12-18");
      test_add_task (late, 1, CP_DUTY_CHILD_CONSULTED, "2026-12-08");
      at (ev1, "2026-12-10");
      at (ev2, "2026-12-10");
      expect (ev1, "review.prepare.child-consulted-first", "review 1", "2026-12-07", CP_OBLIGATION_STATUS_MET_ON_TIME);
      expect (ev2, "review.prepare.child-consulted-first", "review 1", "2026-12-07", CP_OBLIGATION_STATUS_MET_LATE);
      o = cp_evaluator_find (ev2, "review.prepare.child-consulted-first", "review 1");
      cr_assert_not_null (strstr (cp_obligation_get_explanation (o), "before the child became looked after"),
                          "%s", cp_obligation_get_explanation (o));
    }
}

/* The obligations borrow their rules from the profile, so the list keeps
 * the profile alive: a program may keep the list and read its items'
 * rules after dropping the evaluator and the profile. */
Test (evaluator, obligations_keep_their_profile)
{
  g_autoptr(CpCase) kase = test_case ("2026-12-07", CP_PLACEMENT_TYPE_FOSTER_OWN_AUTHORITY);
  CpPolicy *policy = test_profile ("england");
  CpEvaluator *ev = test_evaluate_with (kase, policy, "2026-12-14");
  GListModel *list = g_object_ref (cp_evaluator_get_obligations (ev));
  gpointer watch = policy;
  guint n = g_list_model_get_n_items (list);

  g_object_add_weak_pointer (G_OBJECT (policy), &watch);
  g_object_unref (ev);
  g_object_unref (policy);
  cr_assert_not_null (watch, "the list let its profile go");
  cr_assert_gt (n, 0);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CpObligation) o = g_list_model_get_item (list, i);
      CpRule *rule = cp_obligation_get_rule (o);

      cr_assert (CP_IS_RULE (rule));
      cr_assert_not_null (cp_rule_get_key (rule));
      cr_assert_not_null (cp_policy_lookup_rule (watch, cp_rule_get_key (rule)),
                          "%s is not the profile's", cp_rule_get_key (rule));
    }
  g_object_unref (list);
  cr_assert_null (watch, "the list kept its profile after it went");
}
