/* test-authority.c: who may act, from the profiles' authority.* rules
 *
 * One mechanism (libcareplan/cp-authority.c) answers for every action a
 * profile may reserve to a role. These tests hold it to what the C code
 * said before the roles moved into the profiles: the same roles allowed
 * and refused, placement and ceasing conditions judged on the same days,
 * and an action left open where a profile names nobody.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include <criterion/criterion.h>

#include "cp-authority-private.h"
#include "cp-case-private.h"
#include "test-evaluating.h"

TestSuite (authority, .init = test_calendar_setup, .fini = test_calendar_teardown);

/* A profile of its own (extending nothing) with a ladder of two stages, an
 * adjournment rule and a review-reschedule rule, and no authority.* rule. */
#define OPEN_PROFILE(RESCHEDULE_APPROVER) \
  "{\"format\":1,\"name\":\"open\",\"title\":\"Open\",\"rules\":[" \
  "{\"key\":\"ladder.one\",\"id\":\"l1\",\"kind\":\"escalation-stage\",\"statement\":\"s\",\"anchor\":\"stage\"," \
  "\"direction\":\"within\",\"duty\":\"dispute-stage\",\"responsible\":\"team-manager\",\"stage\":\"one\"," \
  "\"position\":1,\"citation\":\"c\"}," \
  "{\"key\":\"ladder.two\",\"id\":\"l2\",\"kind\":\"escalation-stage\",\"statement\":\"s\",\"anchor\":\"stage\"," \
  "\"direction\":\"within\",\"duty\":\"dispute-stage\",\"responsible\":\"senior-manager\",\"stage\":\"two\"," \
  "\"position\":2,\"citation\":\"c\"}," \
  "{\"key\":\"review.reschedule\",\"id\":\"rr\",\"kind\":\"review-reschedule\",\"statement\":\"s\"," \
  "\"anchor\":\"none\",\"responsible\":\"iro\"" RESCHEDULE_APPROVER ",\"citation\":\"c\"}]}"

static CpPolicy *
profile_from (const char *json)
{
  g_autoptr(GError) error = NULL;
  CpPolicy *policy = cp_policy_new_from_data (json, -1, &error);

  cr_assert_not_null (policy, "%s", error ? error->message : "");
  return policy;
}

/* The role @policy requires for @action (no conditions), and the id of
 * the rule that says so where the action's name does not. */
static CpRole
required (CpPolicy *policy, const char *action, CpRule *stage, const char **id)
{
  const CpAuthorityAct act = { .action = action, .stage = stage };
  g_autoptr(GError) error = NULL;
  CpRule *rule = NULL;
  CpRole role = CP_ROLE_UNKNOWN;

  cr_assert (cp_authority_required (policy, &act, CP_ROLE_UNKNOWN, &role, &rule, &error),
             "%s", error ? error->message : "");
  if (id != NULL)
    *id = rule ? cp_rule_get_id (rule) : NULL;
  return role;
}

static CpHistoryEntry *
last_history (CpCase *kase)
{
  guint n;
  CpHistoryEntry *const *h = cp_case_peek_history (kase, &n);

  cr_assert_gt (n, 0);
  return h[n - 1];
}

static CpDispute *
add_dispute (CpCase *kase, CpPolicy *policy, const char *date, CpRole role, GError **error)
{
  g_autoptr(GDate) d = test_date (date);
  g_autoptr(CpDispute) dispute = cp_dispute_new ("care plan not implemented", d);

  if (!cp_case_add_dispute (kase, policy, dispute, role, NULL, error))
    return NULL;
  return dispute;   /* the case keeps it alive */
}

static gboolean
escalate (CpEvaluator *ev, CpDispute *d, const char *stage, const char *date, CpRole role, GError **error)
{
  g_autoptr(GDate) day = test_date (date);
  return cp_evaluator_escalate_dispute (ev, d, stage, day, role, NULL, NULL, error);
}

static gboolean
resolve (CpEvaluator *ev, CpDispute *d, const char *date, CpRole role, GError **error)
{
  g_autoptr(GDate) day = test_date (date);
  return cp_evaluator_resolve_dispute (ev, d, day, "agreed", role, NULL, error);
}

/* Without a rule --------------------------------------------------------- */

Test (authority, a_profile_without_the_rule_leaves_the_action_open)
{
  g_autoptr(CpPolicy) open = profile_from (OPEN_PROFILE (""));
  static const char *actions[] = { "care-plan.authorise", "care-plan.ratify", "dispute.register",
                                   "dispute.resolve", "escalation.open", "review.adjourn",
                                   "review.rearrange" };
  g_autoptr(CpCase) kase = test_case ("2026-12-07", CP_PLACEMENT_TYPE_FOSTER_OWN_AUTHORITY);
  g_autoptr(CpEvaluator) ev = cp_evaluator_new (kase, open, test_calendar);
  g_autoptr(GError) error = NULL;
  CpDispute *d;

  for (guint i = 0; i < G_N_ELEMENTS (actions); i++)
    cr_assert_eq (required (open, actions[i], NULL, NULL), CP_ROLE_UNKNOWN, "%s", actions[i]);

  /* Any role registers, escalates and resolves a dispute. */
  d = add_dispute (kase, open, "2027-01-11", CP_ROLE_SOCIAL_WORKER, &error);
  cr_assert_not_null (d, "%s", error ? error->message : "");
  cr_assert (escalate (ev, d, "one", "2027-01-12", CP_ROLE_TEAM_MANAGER, &error), "%s", error ? error->message : "");
  cr_assert (escalate (ev, d, "two", "2027-01-13", CP_ROLE_SOCIAL_WORKER, &error), "%s", error ? error->message : "");
  cr_assert (resolve (ev, d, "2027-01-14", CP_ROLE_CARER, &error), "%s", error ? error->message : "");
  cr_assert_not (cp_history_entry_get_refused (last_history (kase)));
}

Test (authority, an_older_review_reschedule_approver_still_names_who_may_rearrange)
{
  g_autoptr(CpPolicy) named = profile_from (OPEN_PROFILE (",\"approver\":\"team-manager\""));
  const char *id = NULL;

  cr_assert_eq (required (named, "review.rearrange", NULL, &id), CP_ROLE_TEAM_MANAGER);
  cr_assert_str_eq (id, "rr");
  /* Only for re-arranging: the rule's approver says nothing of other acts. */
  cr_assert_eq (required (named, "review.adjourn", NULL, NULL), CP_ROLE_UNKNOWN);
}

/* With a rule ----------------------------------------------------------- */

Test (authority, a_profile_with_the_rule_refuses_another_role_with_the_documented_error)
{
  g_autoptr(CpCase) kase = test_case ("2026-12-07", CP_PLACEMENT_TYPE_FOSTER_OWN_AUTHORITY);
  g_autoptr(CpEvaluator) ev = test_evaluator (kase, "england");
  g_autoptr(GError) error = NULL;
  CpDispute *d = add_dispute (kase, cp_evaluator_get_policy (ev), "2027-01-11", CP_ROLE_IRO, &error);
  CpHistoryEntry *entry;

  cr_assert_not_null (d, "%s", error ? error->message : "");
  cr_assert_not (resolve (ev, d, "2027-01-14", CP_ROLE_SOCIAL_WORKER, &error));
  assert_error (error, CP_ERROR_NOT_AUTHORISED, "resolving a dispute needs an iro under england; a social-worker may not");
  entry = last_history (kase);
  cr_assert (cp_history_entry_get_refused (entry));
  cr_assert_str_eq (cp_history_entry_get_action (entry), "dispute.resolve");
  cr_assert_eq (cp_history_entry_get_actor_role (entry), CP_ROLE_SOCIAL_WORKER);
  cr_assert_null (cp_dispute_get_resolved_on (d));
  g_clear_error (&error);
  cr_assert (resolve (ev, d, "2027-01-14", CP_ROLE_IRO, &error), "%s", error ? error->message : "");
}

Test (authority, a_local_profile_names_its_own_role_as_data)
{
  /* A local profile that gives the closing of disputes to the review
   * unit: no C changes, the IRO is now refused. */
  g_autoptr(CpPolicy) local = profile_from (
    "{\"format\":1,\"name\":\"testshire\",\"title\":\"T\",\"extends\":\"england\",\"rules\":["
    "{\"key\":\"authority.dispute.resolve\",\"id\":\"x\",\"kind\":\"authority\",\"statement\":\"s\","
    "\"anchor\":\"none\",\"approver\":\"review-unit\",\"citation\":\"c\"}]}");
  g_autoptr(CpCase) kase = test_case ("2026-12-07", CP_PLACEMENT_TYPE_FOSTER_OWN_AUTHORITY);
  g_autoptr(CpEvaluator) ev = cp_evaluator_new (kase, local, test_calendar);
  g_autoptr(GError) error = NULL;
  CpDispute *d = add_dispute (kase, local, "2027-01-11", CP_ROLE_IRO, &error);

  cr_assert_not_null (d, "%s", error ? error->message : "");
  cr_assert_not (resolve (ev, d, "2027-01-14", CP_ROLE_IRO, &error));
  assert_error (error, CP_ERROR_NOT_AUTHORISED, "resolving a dispute needs a review-unit under testshire; an iro may not");
  g_clear_error (&error);
  cr_assert (resolve (ev, d, "2027-01-14", CP_ROLE_REVIEW_UNIT, &error), "%s", error ? error->message : "");
}

/* The roles that were C ------------------------------------------------- */

Test (authority, the_shipped_profiles_name_the_roles_the_c_code_did)
{
  static const char *profiles[] = { "england", "stoke-on-trent", "isp-fostering", "warrington", "swindon", "salford" };

  for (guint i = 0; i < G_N_ELEMENTS (profiles); i++)
    {
      g_autoptr(CpPolicy) p = test_profile (profiles[i]);
      gboolean stoke = g_str_equal (profiles[i], "stoke-on-trent");
      const char *id = "unset";

      /* Only the IRO resolved a dispute, opened a stage that names no
       * opener, and adjourned (the adjournment rule's responsible role). */
      cr_assert_eq (required (p, "dispute.resolve", NULL, NULL), CP_ROLE_IRO, "%s", profiles[i]);
      cr_assert_eq (required (p, "escalation.open", NULL, NULL), CP_ROLE_IRO, "%s", profiles[i]);
      cr_assert_eq (required (p, "review.adjourn", NULL, NULL), CP_ROLE_IRO, "%s", profiles[i]);
      cr_assert_eq (required (p, "care-plan.ratify", NULL, NULL), CP_ROLE_IRO, "%s", profiles[i]);
      cr_assert_eq (required (p, "dispute.register", NULL, NULL), CP_ROLE_IRO, "%s", profiles[i]);
      cr_assert_eq (required (p, "care-plan.authorise", NULL, NULL),
                    stoke ? CP_ROLE_PRACTICE_MANAGER : CP_ROLE_UNKNOWN, "%s", profiles[i]);
      /* Past the due date: Stoke's Strategic Manager, nobody elsewhere. */
      cr_assert_eq (required (p, "review.rearrange", NULL, &id),
                    stoke ? CP_ROLE_STRATEGIC_MANAGER : CP_ROLE_UNKNOWN, "%s", profiles[i]);
      cr_assert_null (id, "%s", profiles[i]);
    }
}

Test (authority, a_stage_that_names_its_opener_comes_before_the_iro)
{
  g_autoptr(CpCase) kase = test_case ("2026-12-07", CP_PLACEMENT_TYPE_FOSTER_OWN_AUTHORITY);
  g_autoptr(CpEvaluator) ev = test_evaluator (kase, "isp-fostering");
  CpPolicy *isp = cp_evaluator_get_policy (ev);
  g_autoptr(GError) error = NULL;
  const char *id = NULL;
  CpDispute *d;

  cr_assert_eq (required (isp, "escalation.open", cp_policy_lookup_rule (isp, "ladder.supervising-social-worker"), &id),
                CP_ROLE_CARER);
  cr_assert_str_eq (id, "esc-isp-1-carer-to-ssw");
  cr_assert_eq (required (isp, "escalation.open", cp_policy_lookup_rule (isp, "ladder.local-authority-procedures"), &id),
                CP_ROLE_IRO);
  cr_assert_null (id);

  d = add_dispute (kase, isp, "2027-01-11", CP_ROLE_IRO, &error);
  cr_assert_not_null (d, "%s", error ? error->message : "");
  cr_assert_not (escalate (ev, d, "supervising-social-worker", "2027-01-11", CP_ROLE_IRO, &error));
  assert_error (error, CP_ERROR_NOT_AUTHORISED,
                "moving a dispute to “supervising-social-worker” needs a carer under isp-fostering "
                "(esc-isp-1-carer-to-ssw); an iro may not");
  cr_assert_str_eq (cp_history_entry_get_action (last_history (kase)), "dispute.escalate");
  cr_assert (cp_history_entry_get_refused (last_history (kase)));
  g_clear_error (&error);
  cr_assert (escalate (ev, d, "supervising-social-worker", "2027-01-11", CP_ROLE_CARER, &error));
  cr_assert (escalate (ev, d, "iro", "2027-01-18", CP_ROLE_CARER, &error));
  /* The top stage names nobody: the IRO, as authority.escalation.open says. */
  cr_assert_not (escalate (ev, d, "local-authority-procedures", "2027-01-25", CP_ROLE_CARER, &error));
  assert_error (error, CP_ERROR_NOT_AUTHORISED,
                "moving a dispute to “local-authority-procedures” needs an iro under isp-fostering; a carer may not");
  g_clear_error (&error);
  cr_assert (escalate (ev, d, "local-authority-procedures", "2027-01-25", CP_ROLE_IRO, &error),
             "%s", error ? error->message : "");
}

/* Placement and ceasing conditions --------------------------------------- */

/* The id of the rule the last to_place() or to_cease() found, kept after
 * its profile is gone. */
static char found_id[128];

static const char *
keep_id (CpRule *rule)
{
  g_strlcpy (found_id, rule ? cp_rule_get_id (rule) : "", sizeof found_id);
  return found_id;
}

static CpRole
to_place (CpCase *kase, const char *profile, CpPlacementType kind, CpPlacementArea area, const char *start,
          const char **id)
{
  g_autoptr(CpPolicy) policy = test_profile (profile);
  g_autoptr(GDate) d = test_date (start);
  g_autoptr(CpPlacement) p = cp_placement_new (kind, d);
  CpAuthorityAct act = { .action = "placement", .kase = kase, .date = d, .placement = p };
  g_autoptr(GError) error = NULL;
  CpRule *rule = NULL;
  CpRole role = CP_ROLE_UNKNOWN;

  cp_placement_set_area (p, area);
  cr_assert (cp_authority_required (policy, &act, CP_ROLE_UNKNOWN, &role, &rule, &error));
  *id = keep_id (rule);
  return role;
}

Test (authority, placement_conditions_hold_on_the_same_days_and_areas)
{
  /* Born 1 September 2011: year 10 from 1 September 2026, year 12 from
   * 1 September 2028. */
  g_autoptr(CpCase) kase = test_case_from_json (
    "{\"version\":1,\"child\":{\"id\":\"T-3\",\"birth_date\":\"2011-09-01\",\"looked_after_since\":\"2026-01-05\"},"
    "\"placements\":[{\"kind\":\"foster-own-authority\",\"start\":\"2026-01-05\"}]}");
  const char *id = NULL;

  cr_assert_eq (to_place (kase, "stoke-on-trent", CP_PLACEMENT_TYPE_FOSTER_OWN_AUTHORITY, CP_PLACEMENT_AREA_IN_AUTHORITY,
                          "2026-08-31", &id), CP_ROLE_UNKNOWN);
  cr_assert_eq (to_place (kase, "stoke-on-trent", CP_PLACEMENT_TYPE_FOSTER_OWN_AUTHORITY, CP_PLACEMENT_AREA_IN_AUTHORITY,
                          "2026-09-01", &id), CP_ROLE_STRATEGIC_MANAGER);
  cr_assert_str_eq (id, "pl-ks4-move-strategic-manager-stoke");
  cr_assert_eq (to_place (kase, "stoke-on-trent", CP_PLACEMENT_TYPE_RESIDENTIAL, CP_PLACEMENT_AREA_IN_AUTHORITY,
                          "2028-08-31", &id), CP_ROLE_STRATEGIC_MANAGER);
  cr_assert_eq (to_place (kase, "stoke-on-trent", CP_PLACEMENT_TYPE_RESIDENTIAL, CP_PLACEMENT_AREA_IN_AUTHORITY,
                          "2028-09-01", &id), CP_ROLE_UNKNOWN);
  /* Outside the authority, except with its own foster carers. */
  cr_assert_eq (to_place (kase, "stoke-on-trent", CP_PLACEMENT_TYPE_FOSTER_AGENCY, CP_PLACEMENT_AREA_OUT_OF_BOROUGH,
                          "2028-09-01", &id), CP_ROLE_STRATEGIC_MANAGER);
  cr_assert_str_eq (id, "pl-out-of-authority-strategic-manager-stoke");
  cr_assert_eq (to_place (kase, "stoke-on-trent", CP_PLACEMENT_TYPE_FOSTER_OWN_AUTHORITY, CP_PLACEMENT_AREA_DISTANT,
                          "2028-09-01", &id), CP_ROLE_UNKNOWN);
  /* Salford: by area, with the same exemptions. */
  cr_assert_eq (to_place (kase, "salford", CP_PLACEMENT_TYPE_FOSTER_AGENCY, CP_PLACEMENT_AREA_OUT_OF_BOROUGH,
                          "2026-03-02", &id), CP_ROLE_ASSISTANT_DIRECTOR);
  cr_assert_eq (to_place (kase, "salford", CP_PLACEMENT_TYPE_FOSTER_AGENCY, CP_PLACEMENT_AREA_DISTANT,
                          "2026-03-02", &id), CP_ROLE_STRATEGIC_DIRECTOR);
  cr_assert_eq (to_place (kase, "salford", CP_PLACEMENT_TYPE_PLACED_WITH_PARENTS, CP_PLACEMENT_AREA_DISTANT,
                          "2026-03-02", &id), CP_ROLE_UNKNOWN);
  cr_assert_eq (to_place (kase, "salford", CP_PLACEMENT_TYPE_FOSTER_AGENCY, CP_PLACEMENT_AREA_IN_AUTHORITY,
                          "2026-03-02", &id), CP_ROLE_UNKNOWN);
  cr_assert_eq (to_place (kase, "england", CP_PLACEMENT_TYPE_FOSTER_AGENCY, CP_PLACEMENT_AREA_DISTANT,
                          "2026-03-02", &id), CP_ROLE_UNKNOWN);
}

static CpRole
to_cease (const char *birth, const char *lac, const char *on, const char **id)
{
  g_autofree char *text = g_strdup_printf (
    "{\"version\":1,\"child\":{\"id\":\"T-2\",\"birth_date\":\"%s\",\"looked_after_since\":\"%s\","
    "\"legal_statuses\":[{\"status\":\"section-20\",\"start\":\"%s\"}]},"
    "\"placements\":[{\"kind\":\"foster-agency\",\"start\":\"%s\"}]}", birth, lac, lac, lac);
  g_autoptr(CpCase) kase = test_case_from_json (text);
  g_autoptr(CpPolicy) salford = test_profile ("salford");
  g_autoptr(GDate) d = test_date (on);
  CpAuthorityAct act = { .action = "cease", .kase = kase, .date = d, .calendar = test_calendar };
  g_autoptr(GError) error = NULL;
  CpRule *rule = NULL;
  CpRole role = CP_ROLE_UNKNOWN;

  cr_assert (cp_authority_required (salford, &act, CP_ROLE_UNKNOWN, &role, &rule, &error));
  *id = keep_id (rule);
  return role;
}

Test (authority, ceasing_conditions_hold_on_the_same_days)
{
  const char *id = NULL;

  /* Accommodated from Wednesday 2 December 2026: the 20th working day is
   * Monday 4 January 2027. */
  cr_assert_eq (to_cease ("2014-05-05", "2026-12-02", "2026-12-31", &id), CP_ROLE_UNKNOWN);
  cr_assert_eq (to_cease ("2014-05-05", "2026-12-02", "2027-01-04", &id), CP_ROLE_ASSISTANT_DIRECTOR);
  cr_assert_str_eq (id, "cease-under16-s20-ad-approval-salford");
  /* Sixteen on 4 January 2027: the day before, the Assistant Director's;
   * on the day, the Strategic Director's; at 18, nobody's. */
  cr_assert_eq (to_cease ("2011-01-04", "2026-01-05", "2027-01-03", &id), CP_ROLE_ASSISTANT_DIRECTOR);
  cr_assert_eq (to_cease ("2011-01-04", "2026-01-05", "2027-01-04", &id), CP_ROLE_STRATEGIC_DIRECTOR);
  cr_assert_str_eq (id, "cease-16-17-s20-strategic-director-salford");
  cr_assert_eq (to_cease ("2009-01-04", "2026-01-05", "2027-01-03", &id), CP_ROLE_STRATEGIC_DIRECTOR);
  cr_assert_eq (to_cease ("2009-01-04", "2026-01-05", "2027-01-04", &id), CP_ROLE_UNKNOWN);
}
