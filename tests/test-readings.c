/* test-readings.c: the earliest reading of ambiguous sources (issue 18)
 *
 * Each changed reading at its boundary: the last day on time, the first
 * day late, and across a bank holiday: Christmas 2026 (Friday 25
 * December; Boxing Day's substitute is Monday 28; New Year's Day Friday
 * 1 January 2027) and Easter 2027 (Good Friday 26 March, Easter Monday
 * 29 March).
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include <string.h>

#include "test-evaluating.h"

TestSuite (readings, .init = test_calendar_setup, .fini = test_calendar_teardown);

static void
move (CpCase *kase, CpPlacementType kind, const char *date)
{
  g_autoptr(GDate) d = test_date (date);
  g_autoptr(CpPlacement) p = cp_placement_new (kind, d);
  g_autoptr(GError) error = NULL;

  cr_assert (cp_case_add_placement (kase, p, CP_ROLE_SOCIAL_WORKER, NULL, "move", &error),
             "%s", error ? error->message : "");
}

/* Item 1: Stoke-on-Trent's first review, "within four weeks (20 working
 * days)" ------------------------------------------------------------------ */

/* Monday 7 December 2026: four weeks is Monday 4 January, 20 working days
 * (over Christmas, Boxing Day's substitute and New Year's Day) Thursday 7
 * January. The earlier wins; england keeps its 20 working days. */
Test (readings, stoke_first_review_four_weeks_across_christmas)
{
  g_autoptr(CpCase) on_time = test_case ("2026-12-07", CP_PLACEMENT_TYPE_FOSTER_OWN_AUTHORITY);
  g_autoptr(CpCase) late = test_case ("2026-12-07", CP_PLACEMENT_TYPE_FOSTER_OWN_AUTHORITY);
  g_autoptr(CpCase) national = test_case ("2026-12-07", CP_PLACEMENT_TYPE_FOSTER_OWN_AUTHORITY);
  g_autoptr(CpEvaluator) a = test_evaluator (on_time, "stoke-on-trent");
  g_autoptr(CpEvaluator) b = test_evaluator (late, "stoke-on-trent");
  g_autoptr(CpEvaluator) c = test_evaluator (national, "england");
  CpObligation *o;

  at (a, "2027-01-04");
  o = expect (a, "review.first.four-weeks", "review 1", "2027-01-04", CP_OBLIGATION_STATUS_DUE_SOON);
  cr_assert_not_null (strstr (cp_obligation_get_citation (o), "§7.10"));
  at (a, "2027-01-05");
  expect (a, "review.first.four-weeks", "review 1", "2027-01-04", CP_OBLIGATION_STATUS_OVERDUE);

  test_review_on (on_time, 1, "2027-01-04");
  test_review_on (late, 1, "2027-01-05");
  at (a, "2027-01-06");
  at (b, "2027-01-06");
  expect (a, "review.first.four-weeks", "review 1", "2027-01-04", CP_OBLIGATION_STATUS_MET_ON_TIME);
  expect (b, "review.first.four-weeks", "review 1", "2027-01-04", CP_OBLIGATION_STATUS_MET_LATE);

  at (c, "2027-01-05");
  expect (c, "review.first", "review 1", "2027-01-07", CP_OBLIGATION_STATUS_DUE_SOON);
}

/* Sunday 7 February 2027: 20 working days end on Friday 5 March, two days
 * before the four weeks (Sunday 7 March). */
Test (readings, stoke_first_review_twenty_working_days_from_a_sunday)
{
  g_autoptr(CpCase) on_time = test_case ("2027-02-07", CP_PLACEMENT_TYPE_FOSTER_OWN_AUTHORITY);
  g_autoptr(CpCase) late = test_case ("2027-02-07", CP_PLACEMENT_TYPE_FOSTER_OWN_AUTHORITY);
  g_autoptr(CpEvaluator) a = test_evaluator (on_time, "stoke-on-trent");
  g_autoptr(CpEvaluator) b = test_evaluator (late, "stoke-on-trent");

  at (a, "2027-03-05");
  expect (a, "review.first", "review 1", "2027-03-05", CP_OBLIGATION_STATUS_DUE_SOON);
  at (a, "2027-03-06");
  expect (a, "review.first", "review 1", "2027-03-05", CP_OBLIGATION_STATUS_OVERDUE);

  test_review_on (on_time, 1, "2027-03-05");
  test_review_on (late, 1, "2027-03-06");
  at (a, "2027-03-08");
  at (b, "2027-03-08");
  expect (a, "review.first", "review 1", "2027-03-05", CP_OBLIGATION_STATUS_MET_ON_TIME);
  expect (b, "review.first", "review 1", "2027-03-05", CP_OBLIGATION_STATUS_MET_LATE);
}

/* Item 6: Stoke-on-Trent's review after a change of placement ------------- */

/* In care from Monday 2 November 2026, first review 27 November (the
 * second would be due 27 February). */
static CpCase *
stoke_case_reviewed_once (void)
{
  CpCase *kase = test_case ("2026-11-02", CP_PLACEMENT_TYPE_FOSTER_OWN_AUTHORITY);

  test_review_on (kase, 1, "2026-11-27");
  return kase;
}

/* A move on Sunday 10 January 2027: 20 working days end on Friday 5
 * February, before the four weeks (Sunday 7 February). */
Test (readings, stoke_placement_change_on_a_sunday_twenty_working_days)
{
  g_autoptr(CpCase) on_time = stoke_case_reviewed_once ();
  g_autoptr(CpCase) late = stoke_case_reviewed_once ();
  g_autoptr(CpEvaluator) a = test_evaluator (on_time, "stoke-on-trent");
  g_autoptr(CpEvaluator) b = test_evaluator (late, "stoke-on-trent");
  CpObligation *o;

  move (on_time, CP_PLACEMENT_TYPE_FOSTER_AGENCY, "2027-01-10");
  move (late, CP_PLACEMENT_TYPE_FOSTER_AGENCY, "2027-01-10");
  at (a, "2027-02-05");
  o = expect (a, "review.trigger.placement-change-working-days", "review 2", "2027-02-05",
              CP_OBLIGATION_STATUS_DUE_SOON);
  test_assert_explains (o, "20 working days");
  at (a, "2027-02-06");
  expect (a, "review.trigger.placement-change-working-days", "review 2", "2027-02-05",
          CP_OBLIGATION_STATUS_OVERDUE);

  test_review_on (on_time, 2, "2027-02-05");
  test_review_on (late, 2, "2027-02-08");
  at (a, "2027-02-09");
  at (b, "2027-02-09");
  expect (a, "review.trigger.placement-change-working-days", "review 2", "2027-02-05",
          CP_OBLIGATION_STATUS_MET_ON_TIME);
  expect (b, "review.trigger.placement-change-working-days", "review 2", "2027-02-05",
          CP_OBLIGATION_STATUS_MET_LATE);
  /* The cycle restarts: the next review within 3 months. */
  expect (a, "review.second", "review 3", "2027-05-05", CP_OBLIGATION_STATUS_UPCOMING);
}

/* A move on Monday 14 December 2026: four weeks is Monday 11 January,
 * 20 working days (over Christmas and New Year) Thursday 14 January. */
Test (readings, stoke_placement_change_across_christmas_four_weeks)
{
  g_autoptr(CpCase) on_time = stoke_case_reviewed_once ();
  g_autoptr(CpCase) late = stoke_case_reviewed_once ();
  g_autoptr(CpEvaluator) a = test_evaluator (on_time, "stoke-on-trent");
  g_autoptr(CpEvaluator) b = test_evaluator (late, "stoke-on-trent");

  move (on_time, CP_PLACEMENT_TYPE_RESIDENTIAL, "2026-12-14");
  move (late, CP_PLACEMENT_TYPE_RESIDENTIAL, "2026-12-14");
  test_review_on (on_time, 2, "2027-01-11");
  test_review_on (late, 2, "2027-01-12");
  at (a, "2027-01-13");
  at (b, "2027-01-13");
  expect (a, "review.trigger.placement-change", "review 2", "2027-01-11", CP_OBLIGATION_STATUS_MET_ON_TIME);
  expect (b, "review.trigger.placement-change", "review 2", "2027-01-11", CP_OBLIGATION_STATUS_MET_LATE);
}

/* The early reviews Stoke-on-Trent reads as "4 weeks" share the reading:
 * a child's request on Sunday 10 January 2027 brings the review to Friday
 * 5 February. */
Test (readings, stoke_early_reviews_read_as_four_weeks_take_the_earlier_too)
{
  g_autoptr(CpCase) kase = stoke_case_reviewed_once ();
  g_autoptr(CpEvaluator) ev = test_evaluator (kase, "stoke-on-trent");

  test_record_event (kase, CP_EVENT_KIND_CHILD_REQUEST, "2027-01-10", FALSE);
  at (ev, "2027-02-05");
  expect (ev, "review.trigger.child-request-working-days", "review 2", "2027-02-05",
          CP_OBLIGATION_STATUS_DUE_SOON);
  at (ev, "2027-02-06");
  expect (ev, "review.trigger.child-request-working-days", "review 2", "2027-02-05",
          CP_OBLIGATION_STATUS_OVERDUE);
}

/* Item 3: a sudden return home under a care order, recorded two ways ------ */

static CpCase *
returned_home (gboolean as_event, const char *date)
{
  CpCase *kase = stoke_case_reviewed_once ();

  if (as_event)
    test_record_event (kase, CP_EVENT_KIND_RETURN_HOME_UNDER_CARE_ORDER, date, FALSE);
  else
    move (kase, CP_PLACEMENT_TYPE_PLACED_WITH_PARENTS, date);
  return kase;
}

/* The review obligations of the two records, as "subject due status" lines;
 * a review's own obligation is named by the rule's kind, not its key (the
 * event and the placement change are different rules with one timescale). */
static char *
review_lines (CpEvaluator *ev)
{
  GListModel *list = cp_evaluator_get_obligations (ev);
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(CpObligation) o = g_list_model_get_item (list, i);
      CpRuleKind kind = cp_rule_get_kind (cp_obligation_get_rule (o));
      g_autofree char *due = cp_obligation_get_due (o) ? cp_date_format_iso (cp_obligation_get_due (o))
                                                       : g_strdup ("-");

      if (!g_str_has_prefix (cp_obligation_get_key (o), "review."))
        continue;
      g_string_append_printf (s, "%s %s %s %d\n",
                              kind == CP_RULE_KIND_REVIEW_TRIGGER || kind == CP_RULE_KIND_REVIEW_SCHEDULE
                                ? "review" : cp_obligation_get_key (o),
                              cp_obligation_get_subject (o), due, cp_obligation_get_status (o));
    }
  return g_string_free (s, FALSE);
}

static void
same_answer (const char *date, const char *held, const char *due, CpObligationStatus status,
             const char *on)
{
  g_autoptr(CpCase) event = returned_home (TRUE, date);
  g_autoptr(CpCase) placement = returned_home (FALSE, date);
  g_autoptr(CpEvaluator) a = test_evaluator (event, "stoke-on-trent");
  g_autoptr(CpEvaluator) b = test_evaluator (placement, "stoke-on-trent");
  g_autofree char *lines_a = NULL, *lines_b = NULL;
  CpObligation *o;

  test_review_on (event, 2, held);
  test_review_on (placement, 2, held);
  at (a, on);
  at (b, on);
  o = cp_evaluator_find (a, "review.trigger.return-home-under-care-order", "review 2");
  if (o == NULL)
    o = cp_evaluator_find (a, "review.trigger.return-home-under-care-order-working-days", "review 2");
  cr_assert_not_null (o);
  {
    g_autofree char *got = test_iso (cp_obligation_get_due (o));
    cr_assert_str_eq (got, due, "%s", cp_obligation_get_explanation (o));
  }
  cr_assert_eq (cp_obligation_get_status (o), status, "%s", cp_obligation_get_explanation (o));
  lines_a = review_lines (a);
  lines_b = review_lines (b);
  cr_assert_str_eq (lines_a, lines_b);
  cr_assert_not_null (strstr (lines_a, "review review 3 "), "%s", lines_a);
}

/* Monday 14 December 2026, across Christmas: four weeks, Monday 11
 * January; the next review then within 3 months (11 April). */
Test (readings, return_home_is_a_change_of_placement_across_christmas)
{
  same_answer ("2026-12-14", "2027-01-11", "2027-01-11", CP_OBLIGATION_STATUS_MET_ON_TIME, "2027-01-12");
  same_answer ("2026-12-14", "2027-01-12", "2027-01-11", CP_OBLIGATION_STATUS_MET_LATE, "2027-01-13");

  {
    g_autoptr(CpCase) kase = returned_home (TRUE, "2026-12-14");
    g_autoptr(CpEvaluator) ev = test_evaluator (kase, "stoke-on-trent");

    test_review_on (kase, 2, "2027-01-11");
    at (ev, "2027-01-12");
    /* The cycle restarts: the second slot, 3 months on. */
    expect (ev, "review.second", "review 3", "2027-04-11", CP_OBLIGATION_STATUS_UPCOMING);
  }
}

/* Sunday 10 January 2027: 20 working days, Friday 5 February. */
Test (readings, return_home_on_a_sunday_twenty_working_days)
{
  same_answer ("2027-01-10", "2027-02-05", "2027-02-05", CP_OBLIGATION_STATUS_MET_ON_TIME, "2027-02-08");
  same_answer ("2027-01-10", "2027-02-06", "2027-02-05", CP_OBLIGATION_STATUS_MET_LATE, "2027-02-08");
}

/* Item 2: starred recommendations, "then 5 days" from the concerns -------- */

static CpRecommendation *
starred (CpCase *kase, const char *held)
{
  g_autoptr(CpRecommendation) rec = cp_recommendation_new ("Identify a school place");

  test_review_on (kase, 1, held);
  cp_recommendation_set_starred (rec, TRUE);
  cp_review_add_recommendation (cp_case_get_review (kase, 1), rec);
  return rec;   /* the review keeps it alive */
}

static void
set_day (CpRecommendation *rec, void (*setter) (CpRecommendation *, const GDate *), const char *iso)
{
  g_autoptr(GDate) d = test_date (iso);
  setter (rec, d);
}

/* A review on Wednesday 6 January 2027: concerns raised on Friday 8 give
 * until Wednesday 13 to agree (not 18, five days after the window). */
Test (readings, starred_agreement_counts_from_the_concerns_raised)
{
  g_autoptr(CpCase) on_time = test_case ("2026-12-07", CP_PLACEMENT_TYPE_FOSTER_OWN_AUTHORITY);
  g_autoptr(CpCase) late = test_case ("2026-12-07", CP_PLACEMENT_TYPE_FOSTER_OWN_AUTHORITY);
  g_autoptr(CpEvaluator) a = test_evaluator (on_time, "stoke-on-trent");
  g_autoptr(CpEvaluator) b = test_evaluator (late, "stoke-on-trent");
  CpRecommendation *ra = starred (on_time, "2027-01-06");
  CpRecommendation *rb = starred (late, "2027-01-06");
  CpObligation *o;

  set_day (ra, cp_recommendation_set_concerns_on, "2027-01-08");
  set_day (rb, cp_recommendation_set_concerns_on, "2027-01-08");
  at (a, "2027-01-13");
  o = expect (a, "recommendation.starred.agreement", "review 1 recommendation 1", "2027-01-13",
              CP_OBLIGATION_STATUS_DUE_SOON);
  test_assert_explains (o, "the day recommendation.starred.concerns was met (2027-01-08)");
  at (a, "2027-01-14");
  expect (a, "recommendation.starred.agreement", "review 1 recommendation 1", "2027-01-13",
          CP_OBLIGATION_STATUS_OVERDUE);

  set_day (ra, cp_recommendation_set_agreed_on, "2027-01-13");
  set_day (rb, cp_recommendation_set_agreed_on, "2027-01-14");
  at (a, "2027-01-15");
  at (b, "2027-01-15");
  expect (a, "recommendation.starred.agreement", "review 1 recommendation 1", "2027-01-13",
          CP_OBLIGATION_STATUS_MET_ON_TIME);
  expect (b, "recommendation.starred.agreement", "review 1 recommendation 1", "2027-01-13",
          CP_OBLIGATION_STATUS_MET_LATE);
}

/* A review on Wednesday 23 December 2026: the 5 working days for concerns
 * run over Christmas, Boxing Day's substitute and New Year's Day to Monday
 * 4 January. Concerns on Thursday 24 December: agreement by Tuesday 29;
 * none: by Saturday 9 January; concerns raised late (5 January) do not
 * push it past 9 January. */
Test (readings, starred_agreement_across_christmas)
{
  g_autoptr(CpCase) early = test_case ("2026-11-30", CP_PLACEMENT_TYPE_FOSTER_OWN_AUTHORITY);
  g_autoptr(CpCase) silent = test_case ("2026-11-30", CP_PLACEMENT_TYPE_FOSTER_OWN_AUTHORITY);
  g_autoptr(CpCase) tardy = test_case ("2026-11-30", CP_PLACEMENT_TYPE_FOSTER_OWN_AUTHORITY);
  g_autoptr(CpEvaluator) a = test_evaluator (early, "stoke-on-trent");
  g_autoptr(CpEvaluator) b = test_evaluator (silent, "stoke-on-trent");
  g_autoptr(CpEvaluator) c = test_evaluator (tardy, "stoke-on-trent");
  CpRecommendation *ra = starred (early, "2026-12-23");
  CpRecommendation *rc = starred (tardy, "2026-12-23");

  (void) starred (silent, "2026-12-23");
  set_day (ra, cp_recommendation_set_concerns_on, "2026-12-24");
  set_day (rc, cp_recommendation_set_concerns_on, "2027-01-05");

  at (a, "2026-12-29");
  expect (a, "recommendation.starred.agreement", "review 1 recommendation 1", "2026-12-29",
          CP_OBLIGATION_STATUS_DUE_SOON);
  at (a, "2026-12-30");
  expect (a, "recommendation.starred.agreement", "review 1 recommendation 1", "2026-12-29",
          CP_OBLIGATION_STATUS_OVERDUE);

  at (b, "2027-01-06");
  expect (b, "recommendation.starred.concerns", "review 1 recommendation 1", NULL,
          CP_OBLIGATION_STATUS_NOT_APPLICABLE);
  expect (b, "recommendation.starred.agreement", "review 1 recommendation 1", "2027-01-09",
          CP_OBLIGATION_STATUS_DUE_SOON);

  at (c, "2027-01-10");
  expect (c, "recommendation.starred.concerns", "review 1 recommendation 1", "2027-01-04",
          CP_OBLIGATION_STATUS_MET_LATE);
  expect (c, "recommendation.starred.agreement", "review 1 recommendation 1", "2027-01-09",
          CP_OBLIGATION_STATUS_OVERDUE);
}

/* Item 7: Stoke-on-Trent's practice-manager stage times starred disputes
 * only --------------------------------------------------------------------- */

static CpDispute *
dispute (CpEvaluator *ev, const char *date, int review, int recommendation)
{
  g_autoptr(GDate) d = test_date (date);
  g_autoptr(CpDispute) dispute = cp_dispute_new ("not agreed", d);
  g_autoptr(GError) error = NULL;

  cp_dispute_set_recommendation (dispute, review, recommendation);
  cr_assert (cp_case_add_dispute (cp_evaluator_get_case (ev), cp_evaluator_get_policy (ev), dispute,
                                  CP_ROLE_IRO, NULL, &error), "%s", error ? error->message : "");
  return dispute;   /* the case keeps it alive */
}

static void
escalate (CpEvaluator *ev, CpDispute *d, const char *stage, const char *date)
{
  g_autoptr(GDate) day = test_date (date);
  g_autoptr(GError) error = NULL;

  cr_assert (cp_evaluator_escalate_dispute (ev, d, stage, day, CP_ROLE_IRO, NULL, "no agreement", &error),
             "%s", error ? error->message : "");
}

/* Reaching the Practice Manager on Monday 14 December 2026: 10 working days
 * over Christmas, to Wednesday 30 December, for a disputed starred
 * recommendation; none for another dispute. */
Test (readings, practice_manager_stage_times_starred_disputes_only)
{
  g_autoptr(CpCase) kase = test_case ("2026-10-05", CP_PLACEMENT_TYPE_FOSTER_OWN_AUTHORITY);
  g_autoptr(CpEvaluator) ev = test_evaluator (kase, "stoke-on-trent");
  g_autoptr(CpRecommendation) plain = cp_recommendation_new ("Arrange contact");
  CpDispute *star, *general, *other, *late;
  CpObligation *o;

  (void) starred (kase, "2026-10-30");
  cp_review_add_recommendation (cp_case_get_review (kase, 1), plain);
  at (ev, "2026-12-01");
  star = dispute (ev, "2026-12-01", 1, 1);
  late = dispute (ev, "2026-12-01", 1, 1);
  general = dispute (ev, "2026-12-01", 0, 0);
  other = dispute (ev, "2026-12-01", 1, 2);
  escalate (ev, star, "practice-manager", "2026-12-14");
  escalate (ev, late, "practice-manager", "2026-12-14");
  escalate (ev, general, "practice-manager", "2026-12-14");
  escalate (ev, other, "practice-manager", "2026-12-14");

  at (ev, "2026-12-30");
  expect (ev, "ladder.practice-manager", "dispute 1", "2026-12-30", CP_OBLIGATION_STATUS_DUE_SOON);
  o = expect (ev, "ladder.practice-manager", "dispute 3", NULL, CP_OBLIGATION_STATUS_NOT_APPLICABLE);
  test_assert_explains (o, "disputed starred recommendations");
  expect (ev, "ladder.practice-manager", "dispute 4", NULL, CP_OBLIGATION_STATUS_NOT_APPLICABLE);

  escalate (ev, star, "strategic-manager", "2026-12-30");
  escalate (ev, late, "strategic-manager", "2026-12-31");
  at (ev, "2026-12-31");
  expect (ev, "ladder.practice-manager", "dispute 1", "2026-12-30", CP_OBLIGATION_STATUS_MET_ON_TIME);
  expect (ev, "ladder.practice-manager", "dispute 2", "2026-12-30", CP_OBLIGATION_STATUS_MET_LATE);
  /* A general dispute still at the stage is not overdue. */
  expect (ev, "ladder.practice-manager", "dispute 3", NULL, CP_OBLIGATION_STATUS_NOT_APPLICABLE);
}

Test (readings, starred_only_fits_recommendations_and_ladder_stages_only)
{
  static const char doc[] =
    "{ \"format\": 1, \"name\": \"t\", \"title\": \"t\", \"rules\": [ { \"key\": \"k\", \"id\": \"x\", "
    "\"kind\": \"review-follow-up\", \"statement\": \"s\", \"quantity\": 5, \"anchor\": \"review\", "
    "\"duty\": \"full-record\", \"starred_only\": true, \"citation\": \"c\" } ] }";
  g_autoptr(GError) error = NULL;
  g_autoptr(CpPolicy) policy = cp_policy_new_from_data (doc, -1, &error);

  cr_assert_null (policy);
  assert_error (error, CP_ERROR_INVALID_VALUE, "rules[0].starred_only: only a recommendation or escalation-stage rule");
}

/* Item 4: reviews without a meeting only where a seed allows one ---------- */

typedef struct {
  const char *profile;
  CpPlacementType kind;
  const char *review4;     /* held by consultation only */
  gboolean counts;
} NoMeeting;

/* In a designated long-term placement from Monday 8 January 2024;
 * everyone agreed to review 4 without a meeting. */
static const NoMeeting no_meeting[] = {
  /* The seeds say long-term foster placements: a residential one does not count. */
  { "warrington", CP_PLACEMENT_TYPE_RESIDENTIAL, "2025-04-25", FALSE },
  { "warrington", CP_PLACEMENT_TYPE_FOSTER_AGENCY, "2025-04-25", TRUE },
  { "salford", CP_PLACEMENT_TYPE_RESIDENTIAL, "2025-04-25", FALSE },
  { "salford", CP_PLACEMENT_TYPE_FOSTER_AGENCY, "2025-04-25", TRUE },
  /* No seed allows it: england, Stoke-on-Trent, Swindon. */
  { "england", CP_PLACEMENT_TYPE_FOSTER_AGENCY, "2025-04-25", FALSE },
  { "stoke-on-trent", CP_PLACEMENT_TYPE_FOSTER_AGENCY, "2025-04-25", FALSE },
  { "swindon", CP_PLACEMENT_TYPE_FOSTER_AGENCY, "2025-04-25", FALSE },
  /* The ISP guide, with the national conditions: more than 12 months in
   * the placement, so the day after the anniversary is the first day. */
  { "isp-fostering", CP_PLACEMENT_TYPE_FOSTER_AGENCY, "2025-01-09", TRUE },
  { "isp-fostering", CP_PLACEMENT_TYPE_FOSTER_AGENCY, "2025-01-08", FALSE },
  { "isp-fostering", CP_PLACEMENT_TYPE_RESIDENTIAL, "2025-01-09", FALSE },
  /* Warrington's "more than a year" likewise. */
  { "warrington", CP_PLACEMENT_TYPE_FOSTER_AGENCY, "2025-01-09", TRUE },
  { "warrington", CP_PLACEMENT_TYPE_FOSTER_AGENCY, "2025-01-08", FALSE },
};

Test (readings, reviews_without_a_meeting_only_where_a_seed_allows_one)
{
  static const char *held[] = { "2024-02-02", "2024-05-01", "2024-10-30" };

  for (guint i = 0; i < G_N_ELEMENTS (no_meeting); i++)
    {
      const NoMeeting *c = &no_meeting[i];
      g_autoptr(CpCase) kase = test_case ("2024-01-08", c->kind);
      g_autoptr(CpEvaluator) ev = test_evaluator (kase, c->profile);
      CpReview *fourth;
      CpObligation *o;

      cr_log_info ("no-meeting case %u (%s)", i, c->profile);
      cp_placement_set_long_term (cp_case_get_current_placement (kase), TRUE);
      for (guint k = 0; k < G_N_ELEMENTS (held); k++)
        test_review_on (kase, k + 1, held[k]);
      test_review_on (kase, 4, c->review4);
      fourth = cp_case_get_review (kase, 4);
      cp_review_set_kind (fourth, CP_REVIEW_KIND_CONSULTATION_ONLY);
      cp_review_set_no_meeting_agreed (fourth, TRUE);
      at (ev, c->review4);

      o = cp_evaluator_find (ev, "review.subsequent", "review 4");
      if (c->counts)
        {
          cr_assert_not_null (o, "%s", c->profile);
          cr_assert_eq (cp_obligation_get_status (o), CP_OBLIGATION_STATUS_MET_ON_TIME,
                        "%s: %s", c->profile, cp_obligation_get_explanation (o));
        }
      else
        {
          cr_assert_null (o, "%s: %s", c->profile, o ? cp_obligation_get_explanation (o) : "");
          o = cp_evaluator_find (ev, "review.subsequent", "review 5");
          cr_assert_not_null (o);
          test_assert_explains (o, "does not count");
        }
    }
}

/* Item 5: the child's consultation before the first review ---------------- */

/* In care from Monday 7 December 2026, the first review not yet booked:
 * due 7 January (england), so the child is consulted 10 working days
 * before, back over New Year's Day, Boxing Day's substitute and Christmas:
 * Monday 21 December. */
Test (readings, child_consulted_before_the_first_review_across_christmas)
{
  g_autoptr(CpCase) on_time = test_case ("2026-12-07", CP_PLACEMENT_TYPE_FOSTER_OWN_AUTHORITY);
  g_autoptr(CpCase) late = test_case ("2026-12-07", CP_PLACEMENT_TYPE_FOSTER_OWN_AUTHORITY);
  g_autoptr(CpEvaluator) a = test_evaluator (on_time, "england");
  g_autoptr(CpEvaluator) b = test_evaluator (late, "england");
  g_autoptr(CpCase) stoke = test_case ("2026-12-07", CP_PLACEMENT_TYPE_FOSTER_OWN_AUTHORITY);
  g_autoptr(CpEvaluator) c = test_evaluator (stoke, "stoke-on-trent");
  CpObligation *o;

  /* On the first day of care it is not yet due. */
  at (a, "2026-12-07");
  o = expect (a, "review.prepare.child-consulted-first", "review 1", "2026-12-21", CP_OBLIGATION_STATUS_UPCOMING);
  test_assert_explains (o, "10 working days before");
  cr_assert_null (cp_evaluator_find (a, "review.prepare.child-consulted", "review 1"));
  at (a, "2026-12-21");
  expect (a, "review.prepare.child-consulted-first", "review 1", "2026-12-21", CP_OBLIGATION_STATUS_DUE_SOON);
  at (a, "2026-12-22");
  expect (a, "review.prepare.child-consulted-first", "review 1", "2026-12-21", CP_OBLIGATION_STATUS_OVERDUE);

  test_book_review (on_time, 1, "2027-01-07");
  test_book_review (late, 1, "2027-01-07");
  test_add_task (on_time, 1, CP_DUTY_CHILD_CONSULTED, "2026-12-21");
  test_add_task (late, 1, CP_DUTY_CHILD_CONSULTED, "2026-12-22");
  at (a, "2026-12-23");
  at (b, "2026-12-23");
  expect (a, "review.prepare.child-consulted-first", "review 1", "2026-12-21", CP_OBLIGATION_STATUS_MET_ON_TIME);
  expect (b, "review.prepare.child-consulted-first", "review 1", "2026-12-21", CP_OBLIGATION_STATUS_MET_LATE);

  /* Stoke-on-Trent's first review is due on 4 January: 16 December. */
  at (c, "2026-12-08");
  expect (c, "review.prepare.child-consulted-first", "review 1", "2026-12-16", CP_OBLIGATION_STATUS_UPCOMING);
}

/* Later reviews keep the 20 working days: 1 April 2027, back over Easter,
 * 2 March. */
Test (readings, child_consulted_before_later_reviews_keeps_twenty_working_days)
{
  g_autoptr(CpCase) kase = test_case ("2026-12-07", CP_PLACEMENT_TYPE_FOSTER_OWN_AUTHORITY);
  g_autoptr(CpEvaluator) ev = test_evaluator (kase, "england");

  test_review_on (kase, 1, "2027-01-06");
  test_book_review (kase, 2, "2027-04-01");
  at (ev, "2027-03-02");
  expect (ev, "review.prepare.child-consulted", "review 2", "2027-03-02", CP_OBLIGATION_STATUS_DUE_SOON);
  cr_assert_null (cp_evaluator_find (ev, "review.prepare.child-consulted-first", "review 2"));
  at (ev, "2027-03-03");
  expect (ev, "review.prepare.child-consulted", "review 2", "2027-03-02", CP_OBLIGATION_STATUS_OVERDUE);
}

/* A review brought forward by a move on Monday 14 December 2026 and booked
 * for 11 January: 20 working days before it (back over New Year's Day,
 * Boxing Day's substitute and Christmas) is 9 December, before the move,
 * so the child is consulted on the day of the move at the latest. */
Test (readings, preparation_for_a_review_brought_forward_starts_with_the_event)
{
  g_autoptr(CpCase) on_time = stoke_case_reviewed_once ();
  g_autoptr(CpCase) late = stoke_case_reviewed_once ();
  g_autoptr(CpEvaluator) a = test_evaluator (on_time, "stoke-on-trent");
  g_autoptr(CpEvaluator) b = test_evaluator (late, "stoke-on-trent");
  CpObligation *o;

  move (on_time, CP_PLACEMENT_TYPE_FOSTER_AGENCY, "2026-12-14");
  move (late, CP_PLACEMENT_TYPE_FOSTER_AGENCY, "2026-12-14");
  test_book_review (on_time, 2, "2027-01-11");
  test_book_review (late, 2, "2027-01-11");
  at (a, "2026-12-14");
  o = expect (a, "review.prepare.child-consulted", "review 2", "2026-12-14", CP_OBLIGATION_STATUS_DUE_SOON);
  test_assert_explains (o, "before the placement-change that brought the review forward");

  test_add_task (on_time, 2, CP_DUTY_CHILD_CONSULTED, "2026-12-14");
  test_add_task (late, 2, CP_DUTY_CHILD_CONSULTED, "2026-12-15");
  at (a, "2026-12-16");
  at (b, "2026-12-16");
  expect (a, "review.prepare.child-consulted", "review 2", "2026-12-14", CP_OBLIGATION_STATUS_MET_ON_TIME);
  expect (b, "review.prepare.child-consulted", "review 2", "2026-12-14", CP_OBLIGATION_STATUS_MET_LATE);
}

/* Item 8: citations -------------------------------------------------------- */

static char *
citation (const char *profile, const char *key)
{
  g_autoptr(CpPolicy) policy = cp_policy_new_builtin (profile, NULL);
  CpRule *rule;

  cr_assert_not_null (policy);
  rule = cp_policy_lookup_rule (policy, key);
  cr_assert_not_null (rule, "%s has no %s", profile, key);
  return g_strdup (cp_rule_get_citation (rule));
}

Test (readings, citations_name_the_sections_that_say_it)
{
  g_autofree char *ratify = citation ("england", "authority.care-plan.ratify");
  g_autofree char *authorise = citation ("stoke-on-trent", "authority.care-plan.authorise");
  g_autofree char *child = citation ("england", "review.trigger.child-request");
  g_autofree char *warr_child = citation ("warrington", "review.trigger.child-request");
  g_autofree char *cafcass = citation ("stoke-on-trent", "ladder.cafcass");
  g_autofree char *manager = citation ("warrington", "review.after.manager-response");

  cr_assert_not_null (strstr (ratify, "§7.15"), "%s", ratify);
  cr_assert_null (strstr (ratify, "§7.6"), "%s", ratify);
  cr_assert (g_str_has_prefix (strstr (authorise, "§"), "§5.5"), "%s", authorise);
  cr_assert_null (strstr (child, "Warrington"), "%s", child);
  cr_assert_null (strstr (warr_child, "Warrington"), "%s", warr_child);
  cr_assert_not_null (strstr (cafcass, "§7.19 Dispute Resolution Process"), "%s", cafcass);
  cr_assert_not_null (strstr (manager, "§13 Review Decisions"), "%s", manager);
}

/* No citation holds a file name or a catalogue id in place of a section. */
Test (readings, no_citation_holds_a_file_name_or_a_catalogue_id)
{
  g_auto(GStrv) names = cp_policy_list_builtin ();

  for (guint i = 0; names[i]; i++)
    {
      g_autoptr(CpPolicy) policy = cp_policy_new_builtin (names[i], NULL);
      GListModel *rules = cp_policy_get_rules (policy);
      guint n = g_list_model_get_n_items (rules);

      for (guint r = 0; r < n; r++)
        {
          g_autoptr(CpRule) rule = g_list_model_get_item (rules, r);
          const char *cites = cp_rule_get_citation (rule);

          cr_assert_null (strstr (cites, ".txt"), "%s %s: %s", names[i], cp_rule_get_key (rule), cites);
          for (guint k = 0; k < n; k++)
            {
              g_autoptr(CpRule) other = g_list_model_get_item (rules, k);
              g_auto(GStrv) id = g_strsplit (cp_rule_get_id (other), "#", 2);

              cr_assert_null (strstr (cites, id[0]), "%s %s cites the id %s: %s", names[i],
                              cp_rule_get_key (rule), id[0], cites);
            }
        }
    }
}
