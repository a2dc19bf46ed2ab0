/* test-policy.c: loading policy profiles, inheritance and their errors
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include <string.h>

#include "test-helpers.h"

static const char *builtin[] = {
  "england", "isp-fostering", "salford", "stoke-on-trent", "swindon", "warrington",
};

Test (policy, lists_the_six_builtin_profiles)
{
  g_auto(GStrv) names = cp_policy_list_builtin ();

  cr_assert_eq (g_strv_length (names), G_N_ELEMENTS (builtin));
  for (guint i = 0; i < G_N_ELEMENTS (builtin); i++)
    cr_assert_str_eq (names[i], builtin[i]);
}

/* A citation a person can follow names its document: a statutory
 * instrument or Act, or one of the seed documents by its authority and title. */
static gboolean
cites_a_titled_source (const char *citation)
{
  static const char *const titles[] = {
    "SI 20", "Children Act 1989", "statutory guidance",
    "Department for Education, Statutory guidance on children who run away or go missing from home or care",
    "Stoke-on-Trent City Council, Children in Care: Care Planning, Placement and Case Review Policy",
    "ISP (independent fostering provider), carers' guide",
    "Warrington Borough Council, Children's Services Procedures Manual, Case Reviews",
    "Swindon Borough Council, Children's Social Care Practice Standards",
    "Salford City Council, Children's Services Procedures Manual, 3.1.3 Permanence Planning Policy",
  };
  for (guint i = 0; i < G_N_ELEMENTS (titles); i++)
    if (strstr (citation, titles[i]) != NULL)
      return TRUE;
  return FALSE;
}

Test (policy, every_builtin_loads_and_cites_every_rule)
{
  for (guint i = 0; i < G_N_ELEMENTS (builtin); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(CpPolicy) p = cp_policy_new_builtin (builtin[i], &error);
      GListModel *rules;

      cr_assert_not_null (p, "%s: %s", builtin[i], error ? error->message : "");
      cr_assert_str_eq (cp_policy_get_name (p), builtin[i]);
      rules = cp_policy_get_rules (p);
      cr_assert_gt (g_list_model_get_n_items (rules), 10);
      for (guint k = 0; k < g_list_model_get_n_items (rules); k++)
        {
          g_autoptr(CpRule) r = g_list_model_get_item (rules, k);
          cr_assert_gt (strlen (cp_rule_get_citation (r)), 10, "%s", cp_rule_get_key (r));
          cr_assert (cites_a_titled_source (cp_rule_get_citation (r)),
                     "%s names no source by its title: %s", cp_rule_get_key (r),
                     cp_rule_get_citation (r));
          cr_assert_null (strstr (cp_rule_get_citation (r), ".txt"),
                          "%s cites a file name", cp_rule_get_key (r));
          cr_assert_null (strstr (cp_rule_get_citation (r), cp_rule_get_id (r)),
                          "%s cites its catalogue id", cp_rule_get_key (r));
          cr_assert_gt (strlen (cp_rule_get_id (r)), 3);
        }
      if (i != 0)
        cr_assert_str_eq (cp_policy_get_name (cp_policy_get_base (p)), "england");
    }
}

Test (policy, local_rule_overrides_by_key_and_the_rest_is_inherited)
{
  g_autoptr(CpPolicy) england = cp_policy_new_builtin ("england", NULL);
  g_autoptr(CpPolicy) stoke = cp_policy_new_builtin ("stoke-on-trent", NULL);
  CpRule *national = cp_policy_lookup_rule (england, "care-plan.complete");
  CpRule *local = cp_policy_lookup_rule (stoke, "care-plan.complete");
  CpRule *first = cp_policy_lookup_rule (stoke, "review.first");

  cr_assert_eq (cp_rule_get_unit (national), CP_UNIT_WORKING_DAYS);
  cr_assert_eq (cp_rule_get_unit (local), CP_UNIT_CALENDAR_DAYS);
  cr_assert_eq (cp_rule_get_quantity (local), 10);
  cr_assert_str_eq (cp_rule_get_id (local), "cp-complete-within-10d-stoke");
  cr_assert_not_null (cp_rule_get_interpretation (local));
  cr_assert_str_eq (cp_policy_get_rule_origin (stoke, "care-plan.complete"), "stoke-on-trent");
  cr_assert_str_eq (cp_policy_get_rule_origin (stoke, "review.first"), "england");
  cr_assert (cp_record_equal (CP_RECORD (first), CP_RECORD (cp_policy_lookup_rule (england, "review.first"))),
             "inherited rules are the base's");
  /* A catalogue id finds the rule too. */
  cr_assert_eq (cp_policy_lookup_rule (stoke, "rev-postpone-outside-timescale-strategic-manager-stoke"),
                cp_policy_lookup_rule (stoke, "review.reschedule"));
  cr_assert_null (cp_policy_lookup_rule (stoke, "no.such.rule"));
}

Test (policy, profiles_differ_where_the_conflict_matrix_says)
{
  g_autoptr(CpPolicy) stoke = cp_policy_new_builtin ("stoke-on-trent", NULL);
  g_autoptr(CpPolicy) warrington = cp_policy_new_builtin ("warrington", NULL);
  g_autoptr(CpPolicy) salford = cp_policy_new_builtin ("salford", NULL);
  g_autoptr(CpPolicy) isp = cp_policy_new_builtin ("isp-fostering", NULL);
  const char * const *excluded;

  /* C18: outside the timescale, Stoke's Strategic Manager; Warrington nobody. */
  cr_assert_eq (cp_rule_get_approver (cp_policy_lookup_rule (stoke, "review.reschedule")),
                CP_ROLE_STRATEGIC_MANAGER);
  cr_assert_eq (cp_rule_get_approver (cp_policy_lookup_rule (warrington, "review.reschedule")),
                CP_ROLE_UNKNOWN);
  /* C16: the child's request. */
  cr_assert_eq (cp_rule_get_gate (cp_policy_lookup_rule (stoke, "review.trigger.child-request")),
                CP_TRIGGER_GATE_MANDATORY);
  cr_assert_eq (cp_rule_get_gate (cp_policy_lookup_rule (isp, "review.trigger.child-request")),
                CP_TRIGGER_GATE_IRO_DECIDES);
  /* C17: only Stoke resets the cycle after a placement change. */
  cr_assert (cp_rule_get_resets_cycle (cp_policy_lookup_rule (stoke, "review.trigger.placement-change")));
  cr_assert_null (cp_policy_lookup_rule (warrington, "review.trigger.placement-change"));
  /* C15: Salford excludes connected persons. */
  excluded = cp_rule_get_excluded_placements (cp_policy_lookup_rule (salford, "review.without-meeting"));
  cr_assert (g_strv_contains (excluded, "connected-person-approved"));
  cr_assert (cp_rule_get_long_term_only (cp_policy_lookup_rule (warrington, "review.without-meeting")));
  /* C1: record deadlines. */
  cr_assert_eq (cp_rule_get_quantity (cp_policy_lookup_rule (warrington, "review.after.full-record")), 15);
  cr_assert_eq (cp_rule_get_quantity (cp_policy_lookup_rule (stoke, "review.after.full-record")), 14);
  cr_assert_eq (cp_rule_get_unit (cp_policy_lookup_rule (stoke, "review.after.full-record")),
                CP_UNIT_CALENDAR_DAYS);
}

Test (policy, a_local_file_extends_a_builtin)
{
  const char *json =
    "{ \"format\": 1, \"name\": \"testshire\", \"title\": \"Testshire\", \"extends\": \"england\","
    "  \"due_soon\": { \"quantity\": 2, \"unit\": \"weeks\" },"
    "  \"rules\": [ { \"key\": \"review.first\", \"id\": \"local-first-15wd\", \"kind\": \"review-schedule\","
    "    \"statement\": \"First review within 15 working days.\", \"quantity\": 15,"
    "    \"unit\": \"working-days\", \"anchor\": \"looked-after\", \"slot\": \"first\","
    "    \"citation\": \"Testshire policy 1.2\" } ] }";
  g_autoptr(GError) error = NULL;
  g_autoptr(CpPolicy) p = cp_policy_new_from_data (json, -1, &error);

  cr_assert_not_null (p, "%s", error ? error->message : "");
  cr_assert_eq (cp_rule_get_quantity (cp_policy_lookup_rule (p, "review.first")), 15);
  cr_assert_eq (cp_policy_get_due_soon_quantity (p), 2);
  cr_assert_eq (cp_policy_get_due_soon_unit (p), CP_UNIT_WEEKS);
  cr_assert_not_null (cp_policy_lookup_rule (p, "review.second"));
  cr_assert_str_eq (cp_policy_get_rule_origin (p, "review.first"), "testshire");
}

Test (policy, load_file_reads_a_profile_from_disk)
{
  g_autofree char *path = test_data_path ("policy-testshire.json");
  g_autoptr(GError) error = NULL;
  g_autoptr(CpPolicy) p = cp_policy_load_file (path, &error);

  cr_assert_not_null (p, "%s", error ? error->message : "");
  cr_assert_str_eq (cp_policy_get_name (p), "testshire");
  cr_assert_eq (cp_rule_get_quantity (cp_policy_lookup_rule (p, "review.second")), 2);
  /* A local authority rule overrides the baseline's, and the rest stays. */
  cr_assert_eq (cp_policy_get_authority (p, "dispute.register"), CP_ROLE_REVIEW_UNIT);
  cr_assert_eq (cp_policy_get_authority (p, "care-plan.ratify"), CP_ROLE_IRO);
  cr_assert_str_eq (cp_policy_get_rule_origin (p, "authority.dispute.register"), "testshire");
}

typedef struct {
  const char *json;
  int code;
  const char *fragment;
} BadProfile;

#define RULE_HEAD "{ \"format\": 1, \"name\": \"bad\", \"title\": \"Bad\", \"extends\": \"england\", \"rules\": [ { "
#define GOOD_FIELDS "\"key\": \"review.first\", \"id\": \"x\", \"kind\": \"review-schedule\", \"statement\": \"s\", " \
                    "\"anchor\": \"looked-after\", \"slot\": \"first\", \"citation\": \"c\""

static const BadProfile bad_profiles[] = {
  { "{ not json", CP_ERROR_PARSE, "(document): not valid JSON" },
  { "[1]", CP_ERROR_INVALID_VALUE, "(document): expected an object" },
  { "{ \"name\": \"x\", \"title\": \"t\", \"rules\": [] }", CP_ERROR_MISSING_FIELD, "format: missing" },
  { "{ \"format\": 2, \"name\": \"x\", \"title\": \"t\", \"rules\": [] }", CP_ERROR_UNSUPPORTED_VERSION, "format: 2 is not supported" },
  { "{ \"format\": 0, \"name\": \"x\", \"title\": \"t\", \"rules\": [] }", CP_ERROR_UNSUPPORTED_VERSION, "format: 0 is not supported (this library reads 1 to 1)" },
  { "{ \"format\": \"1\", \"name\": \"x\", \"title\": \"t\", \"rules\": [] }", CP_ERROR_INVALID_VALUE, "format: expected a whole number" },
  { "{ \"format\": 1, \"name\": \"x\", \"title\": \"t\", \"rules\": [], \"colour\": 1 }", CP_ERROR_UNKNOWN_CODE, "colour: unknown key" },
  { "{ \"format\": 1, \"name\": \"Bad Name\", \"title\": \"t\", \"rules\": [] }", CP_ERROR_INVALID_VALUE, "name: “Bad Name” is not a profile name" },
  { "{ \"format\": 1, \"name\": \"x\", \"title\": \"t\" }", CP_ERROR_MISSING_FIELD, "rules: missing" },
  { "{ \"format\": 1, \"name\": \"x\", \"title\": \"t\", \"extends\": \"atlantis\", \"rules\": [] }", CP_ERROR_UNKNOWN_CODE, "extends: “atlantis” is not a built-in profile" },
  { "{ \"format\": 1, \"name\": \"x\", \"title\": \"t\", \"extends\": \"x\", \"rules\": [] }", CP_ERROR_INCONSISTENT, "extends: “x” extends itself" },
  { "{ \"format\": 1, \"name\": \"x\", \"title\": \"t\", \"due_soon\": { \"quantity\": 3, \"unit\": \"hours\" }, \"rules\": [] }", CP_ERROR_UNKNOWN_CODE, "due_soon.unit: “hours”" },
  { RULE_HEAD GOOD_FIELDS ", \"quantity\": 20, \"unit\": \"fortnights\" } ] }", CP_ERROR_UNKNOWN_CODE, "rules[0].unit: “fortnights” is not a known code" },
  { RULE_HEAD GOOD_FIELDS ", \"quantity\": 20, \"quantty\": 3 } ] }", CP_ERROR_UNKNOWN_CODE, "rules[0].quantty: unknown key" },
  { RULE_HEAD GOOD_FIELDS " } ] }", CP_ERROR_MISSING_FIELD, "rules[0].quantity: missing" },
  { RULE_HEAD GOOD_FIELDS ", \"quantity\": -1 } ] }", CP_ERROR_INVALID_VALUE, "rules[0].quantity: -1 is outside 0 to 10000" },
  { RULE_HEAD GOOD_FIELDS ", \"quantity\": 20, \"unit\": \"hours\" } ] }", CP_ERROR_INVALID_VALUE, "rules[0].unit: “hours” is only for activity rules" },
  { RULE_HEAD "\"key\": \"k\", \"id\": \"x\", \"kind\": \"review-schedule\", \"statement\": \"s\", \"quantity\": 3, \"anchor\": \"dawn\", \"citation\": \"c\" } ] }", CP_ERROR_UNKNOWN_CODE, "rules[0].anchor: “dawn” is not a known code" },
  { RULE_HEAD "\"key\": \"k\", \"id\": \"x\", \"kind\": \"deadline\", \"statement\": \"s\", \"quantity\": 3, \"anchor\": \"previous-review\", \"duty\": \"care-plan\", \"citation\": \"c\" } ] }", CP_ERROR_INVALID_VALUE, "rules[0].anchor: “previous-review” cannot anchor a deadline rule" },
  { RULE_HEAD "\"key\": \"k\", \"id\": \"x\", \"kind\": \"review-trigger\", \"statement\": \"s\", \"quantity\": 3, \"anchor\": \"event\", \"citation\": \"c\" } ] }", CP_ERROR_MISSING_FIELD, "rules[0].event: missing" },
  { RULE_HEAD "\"key\": \"k\", \"id\": \"x\", \"kind\": \"review-trigger\", \"statement\": \"s\", \"quantity\": 3, \"anchor\": \"event\", \"event\": \"earthquake\", \"citation\": \"c\" } ] }", CP_ERROR_UNKNOWN_CODE, "rules[0].event: “earthquake” is not a known code" },
  { RULE_HEAD "\"key\": \"k\", \"id\": \"x\", \"kind\": \"review-preparation\", \"statement\": \"s\", \"quantity\": 3, \"anchor\": \"review\", \"duty\": \"full-record\", \"direction\": \"before\", \"citation\": \"c\" } ] }", CP_ERROR_INVALID_VALUE, "rules[0].duty: “full-record” is not a duty of a review-preparation rule" },
  { RULE_HEAD "\"key\": \"k\", \"id\": \"x\", \"kind\": \"review-preparation\", \"statement\": \"s\", \"quantity\": 3, \"anchor\": \"review\", \"duty\": \"child-consulted\", \"citation\": \"c\" } ] }", CP_ERROR_INVALID_VALUE, "rules[0].direction: “within” does not fit a review-preparation rule" },
  { RULE_HEAD "\"key\": \"k\", \"id\": \"x\", \"kind\": \"review-without-meeting\", \"statement\": \"s\", \"quantity\": 12, \"unit\": \"months\", \"anchor\": \"last-meeting\", \"direction\": \"every\", \"duty\": \"review-meeting\", \"excluded_placements\": [\"igloo\"], \"citation\": \"c\" } ] }", CP_ERROR_UNKNOWN_CODE, "rules[0].excluded_placements[0]: “igloo”" },
  { RULE_HEAD "\"key\": \"k\", \"id\": \"x\", \"kind\": \"review-adjournment\", \"statement\": \"s\", \"quantity\": 20, \"anchor\": \"review\", \"duty\": \"adjourned-review\", \"limit\": 1, \"citation\": \"c\" } ] }", CP_ERROR_MISSING_FIELD, "rules[0].responsible: missing" },
  { RULE_HEAD "\"key\": \"k\", \"id\": \"x\", \"kind\": \"verdict\", \"statement\": \"s\", \"citation\": \"c\" } ] }", CP_ERROR_UNKNOWN_CODE, "rules[0].kind: “verdict” is not a known code" },
  { RULE_HEAD "\"key\": \"k\", \"id\": \"x\", \"kind\": \"review-reschedule\", \"statement\": \"s\" } ] }", CP_ERROR_MISSING_FIELD, "rules[0].citation: missing" },
  { RULE_HEAD GOOD_FIELDS ", \"quantity\": 20 }, { " GOOD_FIELDS ", \"quantity\": 15 } ] }", CP_ERROR_INCONSISTENT, "rules[1].key: “review.first” appears twice (also rules[0])" },
  { RULE_HEAD GOOD_FIELDS ", \"quantity\": 20, \"slot\": \"any\" } ] }", CP_ERROR_INVALID_VALUE, "rules[0].slot: a review-schedule rule names one slot" },
  { RULE_HEAD GOOD_FIELDS ", \"quantity\": 20, \"deemed_agreed\": true } ] }", CP_ERROR_INVALID_VALUE, "rules[0].deemed_agreed: only a manager-response rule" },
  { RULE_HEAD "\"key\": \"k\", \"id\": \"x\", \"kind\": \"recommendation\", \"statement\": \"s\", \"quantity\": 5, \"duty\": \"recommendation\", \"citation\": \"c\" } ] }", CP_ERROR_INVALID_VALUE, "rules[0].quantity: a recommendation rule takes its due date from each recommendation" },
  { RULE_HEAD GOOD_FIELDS ", \"quantity\": \"20\" } ] }", CP_ERROR_INVALID_VALUE, "rules[0].quantity: expected a whole number" },
#define STAR(k) "\"key\": \"star." k "\", \"id\": \"x\", \"kind\": \"recommendation\", \"statement\": \"s\", \"citation\": \"c\", \"starred_only\": true, "
  { RULE_HEAD STAR ("a") "\"quantity\": 5, \"anchor\": \"rule\", \"duty\": \"recommendation-agreed\" } ] }", CP_ERROR_INCONSISTENT, "rules[0].after: a rule names the rule it counts from exactly when its anchor is “rule”" },
  { RULE_HEAD STAR ("a") "\"quantity\": 5, \"anchor\": \"rule\", \"after\": \"star.zzz\", \"duty\": \"recommendation-agreed\" } ] }", CP_ERROR_INCONSISTENT, "rule “star.a”: after: “star.zzz” names no recommendation rule of the profile" },
  { RULE_HEAD STAR ("a") "\"quantity\": 5, \"anchor\": \"rule\", \"after\": \"review.first\", \"duty\": \"recommendation-agreed\" } ] }", CP_ERROR_INCONSISTENT, "rule “star.a”: after: “review.first” names no recommendation rule" },
  { RULE_HEAD STAR ("a") "\"quantity\": 5, \"anchor\": \"rule\", \"after\": \"star.b\", \"duty\": \"recommendation-agreed\" }, { "
              STAR ("b") "\"quantity\": 5, \"anchor\": \"rule\", \"after\": \"star.a\", \"duty\": \"recommendation-agreed\" } ] }", CP_ERROR_INCONSISTENT, "after: the chain of rules counts from itself" },
  { RULE_HEAD STAR ("a") "\"quantity\": 5, \"anchor\": \"looked-after\", \"duty\": \"recommendation-agreed\" } ] }", CP_ERROR_INVALID_VALUE, "rules[0].anchor: “looked-after” cannot anchor a recommendation rule (expected one of: review, rule)" },
  { RULE_HEAD STAR ("a") "\"quantity\": 5, \"anchor\": \"review\", \"duty\": \"full-record\" } ] }", CP_ERROR_INVALID_VALUE, "rules[0].duty: “full-record” is not a duty of a recommendation rule" },
  { RULE_HEAD GOOD_FIELDS ", \"quantity\": 20, \"optional\": true } ] }", CP_ERROR_INVALID_VALUE, "rules[0].optional: only a recommendation rule can be optional" },
  { RULE_HEAD "\"key\": \"authority.care-plan.shred\", \"id\": \"x\", \"kind\": \"authority\", \"statement\": \"s\", \"approver\": \"iro\", \"citation\": \"c\" } ] }", CP_ERROR_UNKNOWN_CODE, "rules[0].key: “authority.care-plan.shred” is not an action with an authority (expected one of: authority.care-plan.authorise, authority.care-plan.ratify, authority.dispute.register, authority.dispute.resolve, authority.escalation.open, authority.review.adjourn, authority.review.rearrange, or authority.cease. or authority.placement. followed by a name)" },
  { RULE_HEAD "\"key\": \"authority.dispute.register\", \"id\": \"x\", \"kind\": \"authority\", \"statement\": \"s\", \"citation\": \"c\" } ] }", CP_ERROR_MISSING_FIELD, "rules[0].approver: missing (the role the action needs)" },
#undef STAR
};

Test (policy, bad_profiles_are_refused_naming_the_path)
{
  for (guint i = 0; i < G_N_ELEMENTS (bad_profiles); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(CpPolicy) p = cp_policy_new_from_data (bad_profiles[i].json, -1, &error);

      cr_assert_null (p, "case %u was accepted", i);
      assert_error (error, bad_profiles[i].code, bad_profiles[i].fragment);
    }
}

Test (policy, unknown_builtin_lists_the_known_ones)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CpPolicy) p = cp_policy_new_builtin ("narnia", &error);

  cr_assert_null (p);
  assert_error (error, CP_ERROR_UNKNOWN_CODE, "expected one of: england, isp-fostering, salford");
}

Test (policy, missing_file_is_a_file_error)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CpPolicy) p = cp_policy_load_file ("/nonexistent/policy.json", &error);

  cr_assert_null (p);
  cr_assert (g_error_matches (error, G_FILE_ERROR, G_FILE_ERROR_NOENT));
}

Test (policy, describes_a_timescale_in_words)
{
  g_autoptr(CpPolicy) england = cp_policy_new_builtin ("england", NULL);
  g_autofree char *first = cp_rule_describe_timescale (cp_policy_lookup_rule (england, "review.first"));
  g_autofree char *prep = cp_rule_describe_timescale (cp_policy_lookup_rule (england, "review.prepare.child-consulted"));
  g_autofree char *none = cp_rule_describe_timescale (cp_policy_lookup_rule (england, "review.reschedule"));

  cr_assert_str_eq (first, "within 20 working days of looked-after");
  cr_assert_str_eq (prep, "at least 20 working days before review");
  cr_assert_str_eq (none, "no timescale");
}
