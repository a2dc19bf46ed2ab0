/* test-case.c: the case model through the API and through JSON
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include <string.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "test-helpers.h"

static CpCase *
new_case (const char *lac)
{
  g_autoptr(GDate) dob = test_date ("2014-03-09");
  g_autoptr(GDate) since = test_date (lac);
  g_autoptr(CpChild) child = cp_child_new ("T-1", dob, since);

  return cp_case_new (child);
}

static void
count_history (CpCase *c, CpHistoryEntry *entry, gpointer data)
{
  (*(int *) data)++;
}

static void
note_transition (CpCarePlan *plan, CpCarePlanState from, CpCarePlanState to, gpointer data)
{
  GString *s = data;
  g_string_append_printf (s, "%d>%d;", from, to);
}

Test (case_api, placements_move_and_history)
{
  g_autoptr(CpCase) c = new_case ("2026-01-05");
  g_autoptr(GDate) d1 = test_date ("2026-01-05");
  g_autoptr(GDate) d2 = test_date ("2026-03-02");
  g_autoptr(CpPlacement) p1 = cp_placement_new (CP_PLACEMENT_TYPE_FOSTER_AGENCY, d1);
  g_autoptr(CpPlacement) p2 = cp_placement_new (CP_PLACEMENT_TYPE_RESIDENTIAL, d2);
  g_autoptr(GError) error = NULL;
  g_autoptr(CpHistoryEntry) last = NULL;
  g_autofree char *end = NULL;
  int added = 0;

  g_signal_connect (c, "history-added", G_CALLBACK (count_history), &added);
  cr_assert (cp_case_add_placement (c, p1, CP_ROLE_SOCIAL_WORKER, NULL, "entered care", &error));
  cr_assert_eq (cp_case_get_current_placement (c), p1);
  cr_assert (cp_case_add_placement (c, p2, CP_ROLE_SOCIAL_WORKER, "sw", "breakdown", &error));
  cr_assert_eq (cp_case_get_current_placement (c), p2);

  end = test_iso (cp_placement_get_end (p1));
  cr_assert_str_eq (end, "2026-03-02", "a move ends the open placement");
  cr_assert_eq (added, 3);
  cr_assert_eq (g_list_model_get_n_items (cp_case_get_history (c)), 3);
  last = g_list_model_get_item (cp_case_get_history (c), 2);
  cr_assert_str_eq (cp_history_entry_get_action (last), "placement.add");
  cr_assert_str_eq (cp_history_entry_get_reason (last), "breakdown");
  cr_assert_str_eq (cp_history_entry_get_actor (last), "sw");
}

Test (case_api, placement_before_looked_after_is_refused)
{
  g_autoptr(CpCase) c = new_case ("2026-01-05");
  g_autoptr(GDate) d = test_date ("2026-01-04");
  g_autoptr(CpPlacement) p = cp_placement_new (CP_PLACEMENT_TYPE_SECURE, d);
  g_autoptr(GError) error = NULL;

  cr_assert_not (cp_case_add_placement (c, p, CP_ROLE_SOCIAL_WORKER, NULL, NULL, &error));
  assert_error (error, CP_ERROR_INCONSISTENT, "placement.start: 2026-01-04 is before");
  cr_assert_eq (g_list_model_get_n_items (cp_case_get_placements (c)), 0);
}

Test (case_api, care_plan_lifecycle)
{
  g_autoptr(CpCase) c = new_case ("2026-01-05");
  g_autoptr(GDate) created = test_date ("2026-01-12");
  g_autoptr(GDate) auth = test_date ("2026-01-14");
  g_autoptr(GDate) held = test_date ("2026-01-30");
  g_autoptr(GDate) change = test_date ("2026-03-02");
  g_autoptr(CpCarePlan) plan = cp_care_plan_new (created);
  g_autoptr(CpReview) r1 = cp_review_new (1);
  g_autoptr(GString) transitions = g_string_new (NULL);
  g_autoptr(GError) e1 = NULL, e2 = NULL, e3 = NULL, e4 = NULL;
  g_autoptr(CpPolicy) stoke = cp_policy_new_builtin ("stoke-on-trent", NULL);

  cr_assert_not_null (stoke);
  cr_assert (cp_case_set_care_plan (c, plan, CP_ROLE_SOCIAL_WORKER, NULL, NULL));
  g_signal_connect (plan, "state-changed", G_CALLBACK (note_transition), transitions);

  /* Ratifying a draft is illegal; so is ratifying at a review not held. */
  cp_review_set_scheduled (r1, held);
  cr_assert (cp_case_add_review (c, r1, CP_ROLE_REVIEW_UNIT, NULL, NULL));
  cr_assert_not (cp_case_ratify_care_plan (c, stoke, 1, CP_ROLE_IRO, NULL, &e1));
  assert_error (e1, CP_ERROR_ILLEGAL_TRANSITION, "review 1: a plan is ratified only at a review that has been held");

  /* Wrong role: refused and recorded. */
  cr_assert_not (cp_case_authorise_care_plan (c, stoke, CP_ROLE_SOCIAL_WORKER, "sw", auth, &e2));
  assert_error (e2, CP_ERROR_NOT_AUTHORISED,
                "care-plan.authorise needs a practice-manager under stoke-on-trent; a social-worker may not");
  {
    GListModel *h = cp_case_get_history (c);
    g_autoptr(CpHistoryEntry) refused = g_list_model_get_item (h, g_list_model_get_n_items (h) - 1);
    cr_assert (cp_history_entry_get_refused (refused));
    cr_assert_str_eq (cp_history_entry_get_action (refused), "care-plan.authorise");
  }
  cr_assert_eq (cp_care_plan_get_state (plan), CP_CARE_PLAN_STATE_DRAFT);

  cr_assert (cp_case_authorise_care_plan (c, stoke, CP_ROLE_PRACTICE_MANAGER, "pm", auth, NULL));
  cr_assert_not (cp_case_authorise_care_plan (c, stoke, CP_ROLE_PRACTICE_MANAGER, "pm", auth, &e3));
  assert_error (e3, CP_ERROR_ILLEGAL_TRANSITION, "only a draft can be authorised");

  cp_review_set_held (r1, held);
  cr_assert (cp_case_ratify_care_plan (c, stoke, 1, CP_ROLE_IRO, "iro", NULL));
  cr_assert_eq (cp_care_plan_get_state (plan), CP_CARE_PLAN_STATE_RATIFIED);
  cr_assert_eq (cp_care_plan_get_ratified_at_review (plan), 1);

  /* A change outside a review: back to draft, recorded, awaiting a review. */
  cr_assert (cp_case_propose_care_plan_change (c, "plan for return home", CP_ROLE_SOCIAL_WORKER,
                                               NULL, change, NULL));
  cr_assert_eq (cp_care_plan_get_state (plan), CP_CARE_PLAN_STATE_DRAFT);
  cr_assert_str_eq (cp_care_plan_get_proposed_change (plan), "plan for return home");

  cr_assert_str_eq (transitions->str, "0>1;1>2;2>0;");

  /* A second care plan is refused. */
  {
    g_autoptr(CpCarePlan) other = cp_care_plan_new (created);
    cr_assert_not (cp_case_set_care_plan (c, other, CP_ROLE_SOCIAL_WORKER, NULL, &e4));
    assert_error (e4, CP_ERROR_ILLEGAL_TRANSITION, "has a care plan already");
  }
}

Test (case_api, reviews_in_sequence_and_disputes_by_iro)
{
  g_autoptr(CpCase) c = new_case ("2026-01-05");
  g_autoptr(GDate) d = test_date ("2026-01-30");
  g_autoptr(CpReview) r2 = cp_review_new (2);
  g_autoptr(CpDispute) dispute = cp_dispute_new ("drift", d);
  g_autoptr(CpDispute) about = cp_dispute_new ("starred recommendation not agreed", d);
  g_autoptr(GError) e1 = NULL, e2 = NULL, e3 = NULL;
  g_autoptr(CpPolicy) england = cp_policy_new_builtin ("england", NULL);

  cp_review_set_held (r2, d);
  cr_assert_not (cp_case_add_review (c, r2, CP_ROLE_IRO, NULL, &e1));
  assert_error (e1, CP_ERROR_INCONSISTENT, "review.sequence: 2, expected 1");

  cr_assert_not (cp_case_add_dispute (c, england, dispute, CP_ROLE_SOCIAL_WORKER, NULL, &e2));
  assert_error (e2, CP_ERROR_NOT_AUTHORISED, "dispute.register needs an iro under england; a social-worker may not");
  cr_assert (cp_case_add_dispute (c, england, dispute, CP_ROLE_IRO, NULL, NULL));
  cr_assert_eq (g_list_model_get_n_items (cp_case_get_disputes (c)), 1);

  /* A dispute about a recommendation must name one the case holds. */
  cp_dispute_set_recommendation (about, 1, 2);
  cr_assert_not (cp_case_add_dispute (c, england, about, CP_ROLE_IRO, NULL, &e3));
  assert_error (e3, CP_ERROR_INCONSISTENT, "dispute.review: 1: the case has no such review");
  cr_assert_eq (g_list_model_get_n_items (cp_case_get_disputes (c)), 1);
}

Test (case_api, a_profile_that_names_no_authoriser_leaves_the_action_to_any_role)
{
  g_autoptr(CpCase) c = new_case ("2026-01-05");
  g_autoptr(GDate) created = test_date ("2026-01-12");
  g_autoptr(CpCarePlan) plan = cp_care_plan_new (created);
  g_autoptr(CpPolicy) england = cp_policy_new_builtin ("england", NULL);
  g_autoptr(CpPolicy) stoke = cp_policy_new_builtin ("stoke-on-trent", NULL);

  cr_assert_eq (cp_policy_get_authority (england, "care-plan.authorise"), CP_ROLE_UNKNOWN);
  cr_assert_eq (cp_policy_get_authority (stoke, "care-plan.authorise"), CP_ROLE_PRACTICE_MANAGER);
  cr_assert_eq (cp_policy_get_authority (stoke, "dispute.register"), CP_ROLE_IRO);
  cr_assert (cp_case_set_care_plan (c, plan, CP_ROLE_SOCIAL_WORKER, NULL, NULL));
  cr_assert (cp_case_authorise_care_plan (c, england, CP_ROLE_TEAM_MANAGER, NULL, created, NULL));
  cr_assert_eq (cp_care_plan_get_state (plan), CP_CARE_PLAN_STATE_AUTHORISED);
}

static void
count_notify (GObject *o, GParamSpec *p, gpointer data)
{
  (*(int *) data)++;
}

Test (case_api, properties_notify_only_on_change)
{
  g_autoptr(GDate) d = test_date ("2026-01-30");
  g_autoptr(GDate) same = test_date ("2026-01-30");
  g_autoptr(CpReview) r = cp_review_new (1);
  int n = 0;

  g_signal_connect (r, "notify::held", G_CALLBACK (count_notify), &n);
  cp_review_set_held (r, d);
  cp_review_set_held (r, same);
  g_object_set (r, "held", same, NULL);
  cr_assert_eq (n, 1);
  cp_review_set_held (r, NULL);
  cr_assert_eq (n, 2);
}

Test (case_api, placement_facts_can_be_corrected)
{
  g_autoptr(GDate) start = test_date ("2026-01-05");
  g_autoptr(CpPlacement) p = cp_placement_new (CP_PLACEMENT_TYPE_FOSTER_OWN_AUTHORITY, start);
  g_autofree char *json = NULL;
  int n = 0;

  g_signal_connect (p, "notify", G_CALLBACK (count_notify), &n);
  cp_placement_set_emergency (p, TRUE);
  cp_placement_set_emergency (p, TRUE);
  g_object_set (p, "area", CP_PLACEMENT_AREA_DISTANT, NULL);
  cp_placement_set_area (p, CP_PLACEMENT_AREA_DISTANT);
  cr_assert_eq (n, 2);
  cr_assert (cp_placement_get_emergency (p));
  cr_assert_eq (cp_placement_get_area (p), CP_PLACEMENT_AREA_DISTANT);
  {
    g_autoptr(JsonNode) node = cp_record_to_json (CP_RECORD (p));
    json = json_to_string (node, FALSE);
  }
  cr_assert (strstr (json, "\"emergency\":true") != NULL, "%s", json);
  cr_assert (strstr (json, "\"area\":\"distant\"") != NULL, "%s", json);
}

/* JSON ----------------------------------------------------------------- */

static char *
read_example (void)
{
  g_autofree char *path = g_build_filename (EXAMPLES_DIR, "data", "case-every-type.json", NULL);
  char *contents = NULL;

  cr_assert (g_file_get_contents (path, &contents, NULL, NULL));
  return contents;
}

Test (case_json, example_round_trips_losslessly)
{
  g_autofree char *text = read_example ();
  g_autoptr(GError) error = NULL;
  g_autoptr(CpCase) a = cp_case_new_from_json (text, -1, &error);
  g_autoptr(CpCase) b = NULL;
  g_autoptr(JsonNode) original = NULL;
  g_autoptr(JsonNode) written = NULL;
  g_autofree char *out = NULL;
  g_autofree char *out2 = NULL;

  cr_assert_not_null (a, "%s", error ? error->message : "");
  out = cp_case_to_json_string (a, TRUE);
  b = cp_case_new_from_json (out, -1, &error);
  cr_assert_not_null (b, "%s", error ? error->message : "");
  cr_assert (cp_record_equal (CP_RECORD (a), CP_RECORD (b)));
  out2 = cp_case_to_json_string (b, TRUE);
  cr_assert_str_eq (out, out2);

  /* Written JSON equals the input, unknown members included. */
  original = json_from_string (text, NULL);
  written = json_from_string (out, NULL);
  cr_assert (json_node_equal (original, written), "%s", out);
  cr_assert_not_null (cp_record_get_extra (CP_RECORD (cp_case_get_child (a))));
}

typedef struct
{
  guint position, removed, added, calls;
} ItemsChanged;

static void
note_items_changed (GListModel *list, guint position, guint removed, guint added, gpointer data)
{
  ItemsChanged *seen = data;

  seen->position = position;
  seen->removed = removed;
  seen->added = added;
  seen->calls++;
}

/* A list read from JSON and the GListModel a program gets later hold the
 * same records; an append before the model exists shows in it, and one
 * after is announced by items-changed. Lists are read-only properties. */
Test (case_model, lists_read_from_json_are_the_models_a_program_sees)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CpCase) c = cp_case_new_from_json (
    "{\"version\":1,\"child\":{\"id\":\"T\",\"birth_date\":\"2014-03-09\","
    "\"looked_after_since\":\"2026-01-05\"},\"reviews\":[{\"sequence\":1,\"held\":\"2026-01-30\"}]}",
    -1, &error);
  g_autoptr(CpReview) second = cp_review_new (2);
  g_autoptr(CpReview) third = cp_review_new (3);
  g_autoptr(GDate) d2 = test_date ("2026-04-30");
  g_autoptr(GDate) d3 = test_date ("2026-10-30");
  g_autoptr(CpReview) first = NULL;
  g_autoptr(CpReview) got = NULL;
  GListModel *reviews;
  GParamSpec *pspec;
  ItemsChanged seen = { 0 };

  cr_assert_not_null (c, "%s", error ? error->message : "");
  cp_review_set_scheduled (second, d2);
  cp_review_set_scheduled (third, d3);
  cr_assert (cp_case_add_review (c, second, CP_ROLE_IRO, NULL, &error), "%s", error ? error->message : "");

  reviews = cp_case_get_reviews (c);
  cr_assert_eq (g_list_model_get_item_type (reviews), CP_TYPE_REVIEW);
  cr_assert_eq (g_list_model_get_n_items (reviews), 2);
  first = g_list_model_get_item (reviews, 0);
  cr_assert_eq (cp_review_get_sequence (first), 1);
  got = g_list_model_get_item (reviews, 1);
  cr_assert_eq (got, second, "the same object, not a copy");
  cr_assert_null (g_list_model_get_item (reviews, 2));
  cr_assert_eq (cp_case_get_reviews (c), reviews, "one model for the list");

  g_signal_connect (reviews, "items-changed", G_CALLBACK (note_items_changed), &seen);
  cr_assert (cp_case_add_review (c, third, CP_ROLE_IRO, NULL, &error), "%s", error ? error->message : "");
  cr_assert_eq (seen.calls, 1);
  cr_assert_eq (seen.position, 2);
  cr_assert_eq (seen.removed, 0);
  cr_assert_eq (seen.added, 1);
  cr_assert_eq (g_list_model_get_n_items (reviews), 3);

  pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (c), "reviews");
  cr_assert_not_null (pspec);
  cr_assert ((pspec->flags & G_PARAM_READABLE) && !(pspec->flags & G_PARAM_WRITABLE),
             "a list changes through add_ methods only");
  pspec = g_object_class_find_property (G_OBJECT_GET_CLASS (second), "recommendations");
  cr_assert (!(pspec->flags & (G_PARAM_WRITABLE | G_PARAM_CONSTRUCT_ONLY)));
}

Test (case_json, explicit_defaults_read_back_equal)
{
  g_autoptr(CpCase) a = cp_case_new_from_json (
    "{\"version\":1,\"child\":{\"id\":\"x\",\"birth_date\":\"2014-03-09\","
    "\"looked_after_since\":\"2026-01-05\",\"uasc\":false},\"reviews\":[]}", -1, NULL);
  g_autoptr(CpCase) b = cp_case_new_from_json (
    "{\"version\":1,\"child\":{\"id\":\"x\",\"birth_date\":\"2014-03-09\","
    "\"looked_after_since\":\"2026-01-05\"}}", -1, NULL);

  cr_assert_not_null (a);
  cr_assert (cp_record_equal (CP_RECORD (a), CP_RECORD (b)));
}

Test (case_json, every_type_is_read)
{
  g_autofree char *text = read_example ();
  g_autoptr(CpCase) c = cp_case_new_from_json (text, -1, NULL);
  CpPermanencePlan *perm = cp_case_get_permanence_plan (c);
  g_autoptr(CpReview) r1 = g_list_model_get_item (cp_case_get_reviews (c), 0);
  g_autoptr(CpRecommendation) rec = g_list_model_get_item (cp_review_get_recommendations (r1), 1);
  g_autoptr(CpDispute) d = g_list_model_get_item (cp_case_get_disputes (c), 0);
  g_autoptr(CpDisputeStep) step = g_list_model_get_item (cp_dispute_get_steps (d), 1);
  g_autoptr(CpMilestone) m = g_list_model_get_item (cp_permanence_plan_get_milestones (perm), 1);
  g_autoptr(CpSubPlan) sp = g_list_model_get_item (cp_care_plan_get_sub_plans (cp_case_get_care_plan (c)), 2);
  g_autoptr(CpLegalStatus) ls = g_list_model_get_item (cp_child_get_legal_statuses (cp_case_get_child (c)), 1);

  cr_assert_eq (cp_legal_status_get_status (ls), CP_LEGAL_STATUS_KIND_INTERIM_CARE_ORDER);
  cr_assert_eq (g_list_model_get_n_items (cp_case_get_placements (c)), 2);
  cr_assert_eq (cp_care_plan_get_state (cp_case_get_care_plan (c)), CP_CARE_PLAN_STATE_RATIFIED);
  cr_assert_eq (cp_sub_plan_get_kind (sp), CP_SUB_PLAN_KIND_PEP);
  cr_assert_eq (cp_permanence_plan_get_contingency_pathway (perm), CP_PERMANENCE_PATHWAY_LONG_TERM_FOSTERING);
  cr_assert_str_eq (cp_milestone_get_delay_reason (m), "grandmother in hospital; rearranged");
  cr_assert (cp_recommendation_get_starred (rec));
  cr_assert_eq (cp_review_get_child_participation (r1), CP_CHILD_PARTICIPATION_MET_IRO);
  cr_assert_str_eq (cp_review_get_participants (r1)[2], "carer");
  cr_assert_str_eq (cp_dispute_step_get_stage (step), "strategic-manager");
  cr_assert_eq (g_list_model_get_n_items (cp_case_get_history (c)), 2);
}

Test (case_json, events_tasks_and_rearranged_reviews_are_read)
{
  g_autofree char *text = read_example ();
  g_autoptr(CpCase) c = cp_case_new_from_json (text, -1, NULL);
  g_autoptr(CpCaseEvent) e = g_list_model_get_item (cp_case_get_events (c), 0);
  CpReview *r1 = cp_case_get_review (c, 1);
  CpReview *r2 = cp_case_get_review (c, 2);
  CpReview *r3 = cp_case_get_review (c, 3);
  g_autofree char *from = test_iso (cp_review_get_rescheduled_from (r2));
  g_autofree char *done = test_iso (cp_review_get_task_done (r1, CP_DUTY_DECISIONS_RECORD));

  cr_assert_eq (cp_case_event_get_kind (e), CP_EVENT_KIND_SCHOOL_EXCLUSION);
  cr_assert (cp_case_event_get_iro_agreed (e));
  cr_assert_str_eq (from, "2026-04-17");
  cr_assert_str_eq (done, "2026-02-05");
  cr_assert_null (cp_review_get_task_done (r1, CP_DUTY_CARE_PLAN_UPDATED));
  cr_assert_eq (g_list_model_get_n_items (cp_review_get_tasks (r2)), 5);
  cr_assert_eq (cp_review_get_kind (r3), CP_REVIEW_KIND_CONSULTATION_ONLY);
  cr_assert (cp_review_get_no_meeting_agreed (r3));
}

Test (case_model, record_event_adds_history_and_refuses_dates_before_care)
{
  g_autoptr(GDate) birth = test_date ("2015-05-05");
  g_autoptr(GDate) lac = test_date ("2026-01-05");
  g_autoptr(GDate) early = test_date ("2026-01-04");
  g_autoptr(CpChild) child = cp_child_new ("T-9", birth, lac);
  g_autoptr(CpCase) c = cp_case_new (child);
  g_autoptr(CpCaseEvent) ok = cp_case_event_new (CP_EVENT_KIND_COMPLAINT, lac);
  g_autoptr(CpCaseEvent) bad = cp_case_event_new (CP_EVENT_KIND_COMPLAINT, early);
  g_autoptr(GError) error = NULL;
  g_autoptr(CpHistoryEntry) h = NULL;

  cr_assert (cp_case_record_event (c, ok, CP_ROLE_SOCIAL_WORKER, NULL, &error));
  h = g_list_model_get_item (cp_case_get_history (c), 0);
  cr_assert_str_eq (cp_history_entry_get_action (h), "event.record");
  cr_assert_str_eq (cp_history_entry_get_reason (h), "complaint");
  cr_assert_not (cp_case_record_event (c, bad, CP_ROLE_SOCIAL_WORKER, NULL, &error));
  assert_error (error, CP_ERROR_INCONSISTENT, "event.date: 2026-01-04 is before");
  cr_assert_eq (g_list_model_get_n_items (cp_case_get_events (c)), 1);
}

Test (case_json, bad_events_and_tasks_name_the_path)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CpCase) a = cp_case_new_from_json (
    "{\"version\":1,\"child\":{\"id\":\"x\",\"birth_date\":\"2014-03-09\","
    "\"looked_after_since\":\"2026-01-05\"},\"events\":[{\"kind\":\"meteor\",\"date\":\"2026-02-01\"}]}",
    -1, &error);
  g_autoptr(CpCase) b = NULL;

  cr_assert_null (a);
  assert_error (error, CP_ERROR_UNKNOWN_CODE, "events[0].kind: “meteor” is not a known code");
  g_clear_error (&error);
  b = cp_case_new_from_json (
    "{\"version\":1,\"child\":{\"id\":\"x\",\"birth_date\":\"2014-03-09\","
    "\"looked_after_since\":\"2026-01-05\"},\"reviews\":[{\"sequence\":1,\"scheduled\":\"2026-01-30\","
    "\"tasks\":[{\"duty\":\"decisions-record\"}]}]}",
    -1, &error);
  cr_assert_null (b);
  assert_error (error, CP_ERROR_MISSING_FIELD, "reviews[0].tasks[0].done: missing");
}

#define CHILD "\"child\":{\"id\":\"x\",\"birth_date\":\"2014-03-09\",\"looked_after_since\":\"2026-01-05\"}"

static const struct {
  const char *json;
  CpError     code;
  const char *fragment;
} bad_cases[] = {
  { "{", CP_ERROR_PARSE, "" },
  { "[1]", CP_ERROR_INVALID_VALUE, "(document): expected an object" },
  { "{" CHILD "}", CP_ERROR_MISSING_FIELD, "version: missing" },
  { "{\"version\":\"1\"," CHILD "}", CP_ERROR_INVALID_VALUE, "version: expected a whole number" },
  { "{\"version\":2," CHILD "}", CP_ERROR_UNSUPPORTED_VERSION, "version: 2 is not supported" },
  { "{\"version\":1}", CP_ERROR_MISSING_FIELD, "child: missing" },
  { "{\"version\":1,\"child\":{\"birth_date\":\"2014-03-09\",\"looked_after_since\":\"2026-01-05\"}}",
    CP_ERROR_MISSING_FIELD, "child.id: missing" },
  { "{\"version\":1,\"child\":{\"id\":7,\"birth_date\":\"2014-03-09\",\"looked_after_since\":\"2026-01-05\"}}",
    CP_ERROR_INVALID_VALUE, "child.id: expected a string, found an integer" },
  { "{\"version\":1,\"child\":{\"id\":\"x\",\"birth_date\":\"2014-02-30\",\"looked_after_since\":\"2026-01-05\"}}",
    CP_ERROR_INVALID_DATE, "child.birth_date: “2014-02-30” is not a date" },
  { "{\"version\":1," CHILD ",\"placements\":[{\"kind\":\"secure\",\"start\":\"2026-01-05\",\"end\":\"2026-02-01\"},"
    "{\"kind\":\"secure\",\"start\":\"2026-02-30\"}]}",
    CP_ERROR_INVALID_DATE, "placements[1].start: “2026-02-30” is not a date" },
  { "{\"version\":1," CHILD ",\"placements\":[{\"kind\":\"hotel\",\"start\":\"2026-01-05\"}]}",
    CP_ERROR_UNKNOWN_CODE, "placements[0].kind: “hotel” is not a known code (expected one of: foster-own-authority" },
  { "{\"version\":1," CHILD ",\"placements\":{}}", CP_ERROR_INVALID_VALUE, "placements: expected an array, found an object" },
  { "{\"version\":1," CHILD ",\"placements\":[3]}", CP_ERROR_INVALID_VALUE, "placements[0]: expected an object" },
  { "{\"version\":1," CHILD ",\"placements\":[{\"kind\":\"secure\",\"start\":\"2026-01-05\",\"emergency\":\"yes\"}]}",
    CP_ERROR_INVALID_VALUE, "placements[0].emergency: expected true or false, found a string" },
  { "{\"version\":1," CHILD ",\"reviews\":[{\"sequence\":0,\"held\":\"2026-01-30\"}]}",
    CP_ERROR_INVALID_VALUE, "reviews[0].sequence: 0 is outside 1 to 10000" },
  { "{\"version\":1," CHILD ",\"reviews\":[{\"sequence\":1.5}]}",
    CP_ERROR_INVALID_VALUE, "reviews[0].sequence: expected a whole number, found a number" },
  { "{\"version\":1," CHILD ",\"reviews\":[{\"sequence\":1,\"participants\":[\"iro\",2]}]}",
    CP_ERROR_INVALID_VALUE, "reviews[0].participants[1]: expected a string" },
  { "{\"version\":1," CHILD ",\"reviews\":[{\"sequence\":1,\"recommendations\":[{\"due\":\"2026-02-01\"}]}]}",
    CP_ERROR_MISSING_FIELD, "reviews[0].recommendations[0].text: missing" },
  /* Inconsistent data is reported, never fixed. */
  { "{\"version\":1," CHILD ",\"placements\":[{\"kind\":\"secure\",\"start\":\"2026-02-01\",\"end\":\"2026-01-20\"}]}",
    CP_ERROR_INCONSISTENT, "placements[0].end: 2026-01-20 is before placements[0].start 2026-02-01" },
  { "{\"version\":1," CHILD ",\"placements\":[{\"kind\":\"secure\",\"start\":\"2026-01-01\"}]}",
    CP_ERROR_INCONSISTENT, "placements[0].start: 2026-01-01 is before child.looked_after_since 2026-01-05" },
  { "{\"version\":1," CHILD ",\"placements\":[{\"kind\":\"secure\",\"start\":\"2026-01-05\",\"end\":\"2026-03-01\"},"
    "{\"kind\":\"residential\",\"start\":\"2026-02-01\"}]}",
    CP_ERROR_INCONSISTENT, "placements[1].start: 2026-02-01 is before placements[0].end 2026-03-01" },
  { "{\"version\":1," CHILD ",\"placements\":[{\"kind\":\"secure\",\"start\":\"2026-01-05\"},"
    "{\"kind\":\"residential\",\"start\":\"2026-02-01\"}]}",
    CP_ERROR_INCONSISTENT, "placements[0].end: missing, but placements[1] starts after it" },
  { "{\"version\":1," CHILD ",\"reviews\":[{\"sequence\":1,\"held\":\"2025-12-01\"}]}",
    CP_ERROR_INCONSISTENT, "reviews[0].held: 2025-12-01 is before child.looked_after_since 2026-01-05" },
  { "{\"version\":1," CHILD ",\"reviews\":[{\"sequence\":2,\"held\":\"2026-02-01\"}]}",
    CP_ERROR_INCONSISTENT, "reviews[0].sequence: 2, expected 1" },
  { "{\"version\":1,\"child\":{\"id\":\"x\",\"birth_date\":\"2026-03-09\",\"looked_after_since\":\"2026-01-05\"}}",
    CP_ERROR_INCONSISTENT, "child.looked_after_since: 2026-01-05 is before child.birth_date 2026-03-09" },
  { "{\"version\":1," CHILD ",\"care_plan\":{\"created\":\"2026-01-10\",\"state\":\"authorised\"}}",
    CP_ERROR_MISSING_FIELD, "care_plan.authorised_on: missing for a plan that is authorised" },
  { "{\"version\":1," CHILD ",\"care_plan\":{\"created\":\"2026-01-10\",\"state\":\"ratified\","
    "\"authorised_on\":\"2026-02-01\",\"ratified_on\":\"2026-01-20\"}}",
    CP_ERROR_INCONSISTENT, "care_plan.ratified_on: 2026-01-20 is before care_plan.authorised_on 2026-02-01" },
  { "{\"version\":1," CHILD ",\"disputes\":[{\"subject\":\"s\",\"raised_on\":\"2026-03-01\",\"resolved_on\":\"2026-02-01\"}]}",
    CP_ERROR_INCONSISTENT, "disputes[0].resolved_on: 2026-02-01 is before disputes[0].raised_on 2026-03-01" },
  { "{\"version\":1," CHILD ",\"disputes\":[{\"subject\":\"s\",\"raised_on\":\"2026-03-01\",\"steps\":["
    "{\"stage\":\"a\",\"date\":\"2026-03-05\"},{\"stage\":\"b\",\"date\":\"2026-03-04\"}]}]}",
    CP_ERROR_INCONSISTENT, "disputes[0].steps[1].date: 2026-03-04 is before disputes[0].steps[0].date 2026-03-05" },
  { "{\"version\":1,\"child\":{\"id\":\"x\",\"birth_date\":\"2014-03-09\",\"looked_after_since\":\"2026-01-05\","
    "\"legal_statuses\":[{\"status\":\"care-order\",\"start\":\"2026-03-01\",\"end\":\"2026-02-01\"}]}}",
    CP_ERROR_INCONSISTENT, "child.legal_statuses[0].end: 2026-02-01 is before child.legal_statuses[0].start" },
};

Test (case_json, bad_input_names_path_and_value)
{
  for (guint i = 0; i < G_N_ELEMENTS (bad_cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(CpCase) c = cp_case_new_from_json (bad_cases[i].json, -1, &error);

      cr_assert_null (c, "case %u was accepted: %s", i, bad_cases[i].json);
      assert_error (error, bad_cases[i].code, bad_cases[i].fragment);
      /* Never the child's identifier in a message. */
      cr_assert_null (strstr (error->message, "\"x\""), "%s", error->message);
    }
  cr_assert_geq (G_N_ELEMENTS (bad_cases), 15);
}

/* The JSON text itself: strict RFC 8259, errors placed by column. A case
 * is read as its text comes, so a syntax error is reported where reading
 * gets to it (these texts are otherwise good up to their error). */
static const struct {
  const char *json;
  const char *fragment;
} bad_texts[] = {
  { "{\"version\":1,\"version\":1}", "column 14: the member “version” appears twice" },
  { "{\"version\":1,}", "column 14: expected a member name in quotes, found “}”" },
  { "{\"version\":1,\"x\":[1,]}", "column 21: expected a JSON value, found “]”" },
  { "{\"a\":\"\\u0000\"}", "a string holds a NUL character" },
  { "{\"a\":\"\\ud800\"}", "half a surrogate pair" },
  { "{\"a\":01}", "a number may not start with 0" },
  { "{\"a\":1e999}", "1e999 is too large a number" },
  { "{\"a\":9223372036854775808}", "outside the range of whole numbers" },
  { "{\"a\":\"tab\there\"}", "a control character (U+0009) inside a string must be escaped" },
  { "{\"version\":1," CHILD "} x", "“x” follows the JSON value" },
  { "{\n  \"a\": tru\n}", "line 2, column 8: expected a JSON value, found “t”" },
  { "   ", "(document): the text holds no JSON value" },
  { "{\"a\":\"\xff\"}", "byte 7: the text is not UTF-8" },
};

Test (case_json, bad_json_text_is_placed_by_column)
{
  for (guint i = 0; i < G_N_ELEMENTS (bad_texts); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(CpCase) c = cp_case_new_from_json (bad_texts[i].json, -1, &error);

      cr_assert_null (c, "text %u was accepted", i);
      assert_error (error, CP_ERROR_PARSE, bad_texts[i].fragment);
    }
}

/* Members the library does not know are written back exactly: json-glib
 * 1.6's generator would round 1e-7 to text that no longer reads
 * ("1e-07.0"), and leave U+001F unescaped. */
Test (case_json, unknown_members_survive_a_round_trip_exactly)
{
  const char *text =
    "{\"version\":1,\"child\":{\"id\":\"x\",\"birth_date\":\"2014-03-09\","
    "\"looked_after_since\":\"2026-01-05\"},\"vendor\":{\"tiny\":1e-7,\"big\":1e222,"
    "\"pi\":3.141592653589793,\"whole\":100.0,\"ctl\":\"a\\u001fb\\u007f\",\"empty\":{},"
    "\"list\":[],\"n\":-9223372036854775808}}";
  g_autoptr(GError) error = NULL;
  g_autoptr(CpCase) a = cp_case_new_from_json (text, -1, &error);
  g_autoptr(JsonNode) original = NULL;

  cr_assert_not_null (a, "%s", error ? error->message : "");
  original = json_from_string (text, NULL);

  for (int pretty = 0; pretty <= 1; pretty++)
    {
      g_autofree char *out = cp_case_to_json_string (a, pretty);
      g_autoptr(CpCase) b = cp_case_new_from_json (out, -1, &error);
      g_autoptr(JsonNode) written = NULL;

      cr_assert_not_null (b, "%s\n%s", error ? error->message : "", out);
      written = json_from_string (out, NULL);
      cr_assert (json_node_equal (original, written), "%s", out);
      cr_assert (cp_record_equal (CP_RECORD (a), CP_RECORD (b)));
    }
}

/* JSON Lines ----------------------------------------------------------- */

static char *
write_temp (const char *contents)
{
  g_autoptr(GError) error = NULL;
  char *path = NULL;
  int fd = g_file_open_tmp ("careplan-test-XXXXXX.jsonl", &path, &error);

  cr_assert_geq (fd, 0);
  close (fd);
  cr_assert (g_file_set_contents (path, contents, -1, NULL));
  return path;
}

Test (caseload, streams_and_reports_bad_lines_by_number)
{
  g_autofree char *path = write_temp (
    "{\"version\":1," CHILD "}\n"
    "\n"
    "{\"version\":1," CHILD ",\"placements\":[{\"kind\":\"secure\",\"start\":\"2026-02-30\"}]}\n"
    "{\"version\":1," CHILD "}\n");
  g_autoptr(CpCaseloadReader) reader = cp_caseload_reader_new_for_path (path, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(CpCase) first = NULL, bad = NULL, third = NULL, end = NULL;
  int notified = 0;

  /* A reader a program holds announces every line it reads, the blank
   * one too (CpCaseloadEvaluator's own readers do not: nobody can hear
   * them). */
  g_signal_connect (reader, "notify::line", G_CALLBACK (count_notify), &notified);
  first = cp_caseload_reader_next (reader, &error);
  cr_assert_eq (notified, 1);
  cr_assert_not_null (first);
  bad = cp_caseload_reader_next (reader, &error);
  cr_assert_null (bad);
  assert_error (error, CP_ERROR_INVALID_DATE, "line 3: placements[0].start: “2026-02-30”");
  g_clear_error (&error);
  third = cp_caseload_reader_next (reader, &error);
  cr_assert_not_null (third, "the reader carries on after a bad line");
  cr_assert_eq (cp_caseload_reader_get_line (reader), 4);
  cr_assert_eq (notified, 4);
  end = cp_caseload_reader_next (reader, &error);
  cr_assert_null (end);
  cr_assert_null (error);
  cr_assert_eq (notified, 4, "nothing more at the end");
  g_unlink (path);
}

Test (caseload, save_and_load_round_trip)
{
  g_autofree char *text = read_example ();
  g_autoptr(CpCase) c = cp_case_new_from_json (text, -1, NULL);
  g_autoptr(GListStore) store = g_list_store_new (CP_TYPE_CASE);
  g_autofree char *path = write_temp ("");
  g_autoptr(GListModel) loaded = NULL;
  g_autoptr(GError) error = NULL;

  g_list_store_append (store, c);
  g_list_store_append (store, c);
  cr_assert (cp_caseload_save_file (G_LIST_MODEL (store), path, &error));
  loaded = cp_caseload_load_file (path, &error);
  cr_assert_not_null (loaded, "%s", error ? error->message : "");
  cr_assert_eq (g_list_model_get_n_items (loaded), 2);
  {
    g_autoptr(CpCase) again = g_list_model_get_item (loaded, 1);
    cr_assert (cp_record_equal (CP_RECORD (c), CP_RECORD (again)));
  }
  g_unlink (path);
}

Test (caseload, save_case_file_and_missing_file)
{
  g_autofree char *text = read_example ();
  g_autoptr(CpCase) c = cp_case_new_from_json (text, -1, NULL);
  g_autofree char *path = write_temp ("");
  g_autoptr(CpCase) back = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CpCaseloadReader) none = NULL;

  cr_assert (cp_case_save_file (c, path, &error));
  back = cp_case_load_file (path, &error);
  cr_assert_not_null (back);
  cr_assert (cp_record_equal (CP_RECORD (c), CP_RECORD (back)));
  g_unlink (path);

  none = cp_caseload_reader_new_for_path ("/nonexistent/caseload.jsonl", &error);
  cr_assert_null (none);
  cr_assert (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND));
}
