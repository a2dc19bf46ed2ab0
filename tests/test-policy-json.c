/* test-policy-json.c: profiles written back as JSON, and compared field by field
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include <string.h>

#include "test-helpers.h"

static const char *builtin[] = {
  "england", "isp-fostering", "salford", "stoke-on-trent", "swindon", "warrington",
};

static CpPolicy *
reload (CpPolicy *p, CpPolicyJsonFlags flags)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *json = cp_policy_to_json (p, flags);
  CpPolicy *again;

  cr_assert_not_null (json);
  cr_assert (g_str_has_suffix (json, "}\n"));
  again = cp_policy_new_from_data (json, -1, &error);
  cr_assert_not_null (again, "%s: %s", cp_policy_get_name (p), error ? error->message : "");
  return again;
}

/* The same rules in the same order, and the same profile around them. */
static void
assert_same_profile (CpPolicy *a, CpPolicy *b)
{
  GListModel *ra = cp_policy_get_rules (a), *rb = cp_policy_get_rules (b);
  guint n = g_list_model_get_n_items (ra);

  cr_assert_str_eq (cp_policy_get_name (a), cp_policy_get_name (b));
  cr_assert_str_eq (cp_policy_get_title (a), cp_policy_get_title (b));
  cr_assert_eq (g_strcmp0 (cp_policy_get_source (a), cp_policy_get_source (b)), 0);
  cr_assert_eq (cp_policy_get_due_soon_quantity (a), cp_policy_get_due_soon_quantity (b));
  cr_assert_eq (cp_policy_get_due_soon_unit (a), cp_policy_get_due_soon_unit (b));
  cr_assert_eq (g_list_model_get_n_items (rb), n, "%s: %u rules, not %u", cp_policy_get_name (a),
                g_list_model_get_n_items (rb), n);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CpRule) x = g_list_model_get_item (ra, i);
      g_autoptr(CpRule) y = g_list_model_get_item (rb, i);

      cr_assert (cp_record_equal (CP_RECORD (x), CP_RECORD (y)), "%s: rule %u (%s) differs",
                 cp_policy_get_name (a), i, cp_rule_get_key (x));
    }
}

Test (policy_json, every_builtin_merged_loads_back_the_same)
{
  for (guint i = 0; i < G_N_ELEMENTS (builtin); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(CpPolicy) p = cp_policy_new_builtin (builtin[i], &error);
      g_autoptr(CpPolicy) again = NULL;
      g_autofree char *first = NULL, *second = NULL;

      cr_assert_not_null (p, "%s", error ? error->message : "");
      again = reload (p, CP_POLICY_JSON_NONE);
      assert_same_profile (p, again);
      /* Self-contained: it extends nothing, and every rule is its own. */
      cr_assert_null (cp_policy_get_base (again));
      cr_assert_str_eq (cp_policy_get_rule_origin (again, "review.first"), builtin[i]);
      /* Written again, it is the same text. */
      first = cp_policy_to_json (p, CP_POLICY_JSON_NONE);
      second = cp_policy_to_json (again, CP_POLICY_JSON_NONE);
      cr_assert_str_eq (first, second);
    }
}

Test (policy_json, every_builtin_as_written_loads_back_the_same)
{
  for (guint i = 0; i < G_N_ELEMENTS (builtin); i++)
    {
      g_autoptr(CpPolicy) p = cp_policy_new_builtin (builtin[i], NULL);
      g_autoptr(CpPolicy) again = reload (p, CP_POLICY_JSON_AS_WRITTEN);
      GListModel *ra = cp_policy_get_rules (p), *rb = cp_policy_get_rules (again);

      assert_same_profile (p, again);
      cr_assert_eq (cp_policy_get_base (p) != NULL, cp_policy_get_base (again) != NULL);
      if (cp_policy_get_base (p) != NULL)
        cr_assert_str_eq (cp_policy_get_name (cp_policy_get_base (p)),
                          cp_policy_get_name (cp_policy_get_base (again)));
      /* Each version comes from the same profile as before. */
      for (guint r = 0; r < g_list_model_get_n_items (ra); r++)
        {
          g_autoptr(CpRule) x = g_list_model_get_item (ra, r);
          g_autoptr(CpRule) y = g_list_model_get_item (rb, r);

          cr_assert_str_eq (cp_policy_get_rule_version_origin (p, x),
                            cp_policy_get_rule_version_origin (again, y));
        }
    }
}

/* As written, a profile holds its own rules only, and names its base. */
Test (policy_json, as_written_lists_only_the_profiles_own_rules)
{
  g_autoptr(CpPolicy) p = cp_policy_new_builtin ("warrington", NULL);
  g_autofree char *json = cp_policy_to_json (p, CP_POLICY_JSON_AS_WRITTEN);
  g_autofree char *merged = cp_policy_to_json (p, CP_POLICY_JSON_NONE);
  g_autoptr(JsonNode) root = json_from_string (json, NULL);
  g_autoptr(JsonNode) mroot = json_from_string (merged, NULL);
  JsonObject *obj = json_node_get_object (root);
  JsonArray *rules = json_object_get_array_member (obj, "rules");
  GListModel *all = cp_policy_get_rules (p);
  guint own = 0;

  for (guint i = 0; i < g_list_model_get_n_items (all); i++)
    {
      g_autoptr(CpRule) r = g_list_model_get_item (all, i);
      own += g_strcmp0 (cp_policy_get_rule_version_origin (p, r), "warrington") == 0;
    }
  cr_assert_gt (own, 0);
  cr_assert_str_eq (json_object_get_string_member (obj, "extends"), "england");
  cr_assert_eq (json_array_get_length (rules), own);
  cr_assert_lt (own, g_list_model_get_n_items (all));
  /* Warrington's due-soon period is england's: as written, it is inherited. */
  cr_assert_not (json_object_has_member (obj, "due_soon"));

  obj = json_node_get_object (mroot);
  cr_assert_not (json_object_has_member (obj, "extends"));
  cr_assert (json_object_has_member (obj, "due_soon"));
  cr_assert_eq (json_array_get_length (json_object_get_array_member (obj, "rules")),
                g_list_model_get_n_items (all));
}

/* A local profile that limits one version of an inherited key in time,
 * with a due-soon period of its own, comes back as it was written. */
Test (policy_json, a_local_version_and_due_soon_round_trip)
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
  g_autoptr(CpPolicy) written = NULL, merged = NULL;
  g_autofree char *text = NULL;

  cr_assert_not_null (p, "%s", error ? error->message : "");
  written = reload (p, CP_POLICY_JSON_AS_WRITTEN);
  merged = reload (p, CP_POLICY_JSON_NONE);
  assert_same_profile (p, written);
  assert_same_profile (p, merged);
  cr_assert_eq (cp_policy_get_due_soon_unit (written), CP_UNIT_WEEKS);
  text = cp_policy_to_json (p, CP_POLICY_JSON_AS_WRITTEN);
  cr_assert_not_null (strstr (text, "\"local-first-15wd\""));
  cr_assert_null (strstr (text, "\"review.second\""));
}

static CpPolicyDifference *
find (GListModel *diffs, const char *key, const char *field, CpPolicyDifferenceKind kind)
{
  for (guint i = 0; i < g_list_model_get_n_items (diffs); i++)
    {
      g_autoptr(CpPolicyDifference) d = g_list_model_get_item (diffs, i);

      if (g_strcmp0 (cp_policy_difference_get_key (d), key) == 0 &&
          g_strcmp0 (cp_policy_difference_get_field (d), field) == 0 &&
          cp_policy_difference_get_kind (d) == kind)
        return d;   /* the list keeps it alive */
    }
  return NULL;
}

Test (policy_json, diff_names_the_fields_warrington_changes)
{
  g_autoptr(CpPolicy) england = cp_policy_new_builtin ("england", NULL);
  g_autoptr(CpPolicy) warrington = cp_policy_new_builtin ("warrington", NULL);
  g_autoptr(GListModel) diffs = cp_policy_diff (england, warrington);
  CpPolicyDifference *d;
  guint n = g_list_model_get_n_items (diffs);

  cr_assert (g_type_is_a (g_list_model_get_item_type (diffs), CP_TYPE_POLICY_DIFFERENCE));

  d = find (diffs, "review.after.full-record", "quantity", CP_POLICY_DIFFERENCE_CHANGED);
  cr_assert_not_null (d);
  cr_assert_str_eq (cp_policy_difference_get_old_value (d), "20");
  cr_assert_str_eq (cp_policy_difference_get_new_value (d), "15");
  cr_assert_eq (cp_policy_difference_get_new_rule (d),
                cp_policy_lookup_rule (warrington, "review.after.full-record"));
  cr_assert_eq (cp_policy_difference_get_old_rule (d),
                cp_policy_lookup_rule (england, "review.after.full-record"));

  d = find (diffs, "review.after.manager-response", "deemed_agreed", CP_POLICY_DIFFERENCE_CHANGED);
  cr_assert_not_null (d);
  cr_assert_str_eq (cp_policy_difference_get_old_value (d), "false");
  cr_assert_str_eq (cp_policy_difference_get_new_value (d), "true");

  /* An interpretation england gives and warrington does not: null. */
  d = find (diffs, "review.after.decisions-record", "interpretation", CP_POLICY_DIFFERENCE_CHANGED);
  cr_assert_not_null (d);
  cr_assert_str_eq (cp_policy_difference_get_new_value (d), "null");

  /* The unit did not change, so it is not listed. */
  cr_assert_null (find (diffs, "review.after.full-record", "unit", CP_POLICY_DIFFERENCE_CHANGED));
  cr_assert_null (find (diffs, "review.first", "quantity", CP_POLICY_DIFFERENCE_CHANGED));

  d = find (diffs, "review.trigger.school-exclusion", NULL, CP_POLICY_DIFFERENCE_ADDED);
  cr_assert_not_null (d);
  cr_assert_null (cp_policy_difference_get_old_value (d));
  cr_assert_null (cp_policy_difference_get_old_rule (d));
  cr_assert_not_null (strstr (cp_policy_difference_get_new_value (d), "\"key\":\"review.trigger.school-exclusion\""));

  /* Sorted by key, then field (a whole rule first). */
  for (guint i = 1; i < n; i++)
    {
      g_autoptr(CpPolicyDifference) a = g_list_model_get_item (diffs, i - 1);
      g_autoptr(CpPolicyDifference) b = g_list_model_get_item (diffs, i);
      int c = strcmp (cp_policy_difference_get_key (a), cp_policy_difference_get_key (b));

      cr_assert_leq (c, 0, "%s before %s", cp_policy_difference_get_key (a), cp_policy_difference_get_key (b));
      if (c == 0 && cp_policy_difference_get_field (a) != NULL)
        cr_assert_leq (g_strcmp0 (cp_policy_difference_get_field (a), cp_policy_difference_get_field (b)), 0);
      cr_assert (c != 0 || cp_policy_difference_get_field (a) == NULL || cp_policy_difference_get_field (b) != NULL);
    }

  /* The other way round, what warrington added is removed. */
  {
    g_autoptr(GListModel) back = cp_policy_diff (warrington, england);

    d = find (back, "review.trigger.school-exclusion", NULL, CP_POLICY_DIFFERENCE_REMOVED);
    cr_assert_not_null (d);
    cr_assert_null (cp_policy_difference_get_new_value (d));
    d = find (back, "review.after.full-record", "quantity", CP_POLICY_DIFFERENCE_CHANGED);
    cr_assert_str_eq (cp_policy_difference_get_old_value (d), "15");
  }
}

Test (policy_json, a_profile_and_its_merged_json_do_not_differ)
{
  for (guint i = 0; i < G_N_ELEMENTS (builtin); i++)
    {
      g_autoptr(CpPolicy) p = cp_policy_new_builtin (builtin[i], NULL);
      g_autoptr(CpPolicy) again = reload (p, CP_POLICY_JSON_NONE);
      g_autoptr(GListModel) same = cp_policy_diff (p, p);
      g_autoptr(GListModel) none = cp_policy_diff (p, again);

      cr_assert_eq (g_list_model_get_n_items (same), 0);
      cr_assert_eq (g_list_model_get_n_items (none), 0, "%s", builtin[i]);
    }
}

/* A version of a key limited in time is compared with the version that
 * covers the same days, and one no longer in the profile is removed. */
Test (policy_json, diff_follows_versions)
{
  g_autoptr(CpPolicy) england = cp_policy_new_builtin ("england", NULL);
  g_autoptr(GListModel) diffs = NULL;
  g_autoptr(GString) json = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(CpPolicy) p = NULL;
  g_autoptr(JsonNode) rule = NULL;
  g_autofree char *rule_text = NULL;
  CpPolicyDifference *d;
  CpRule *latest = cp_policy_lookup_rule (england, "placement-plan.complete");
  GListModel *rules = cp_policy_get_rules (england);
  guint versions = 0;

  for (guint i = 0; i < g_list_model_get_n_items (rules); i++)
    {
      g_autoptr(CpRule) r = g_list_model_get_item (rules, i);
      versions += g_strcmp0 (cp_rule_get_key (r), "placement-plan.complete") == 0;
    }
  cr_assert_gt (versions, 1, "england has versions of placement-plan.complete");

  /* One version, always in force, replacing all of england's. */
  rule = cp_record_to_json (CP_RECORD (latest));
  for (guint i = 0; i < 2; i++)
    if (json_object_has_member (json_node_get_object (rule), i ? "in_force_until" : "in_force_from"))
      json_object_remove_member (json_node_get_object (rule), i ? "in_force_until" : "in_force_from");
  json_object_set_string_member (json_node_get_object (rule), "id", "testshire-pp");
  rule_text = json_to_string (rule, FALSE);
  g_string_printf (json, "{\"format\": 1, \"name\": \"testshire\", \"title\": \"T\", \"extends\": \"england\","
                   " \"rules\": [%s]}", rule_text);
  p = cp_policy_new_from_data (json->str, -1, &error);
  cr_assert_not_null (p, "%s", error ? error->message : "");

  diffs = cp_policy_diff (england, p);
  d = find (diffs, "placement-plan.complete", "id", CP_POLICY_DIFFERENCE_CHANGED);
  cr_assert_not_null (d);
  cr_assert_eq (cp_policy_difference_get_old_rule (d), latest);
  d = find (diffs, "placement-plan.complete", NULL, CP_POLICY_DIFFERENCE_REMOVED);
  cr_assert_not_null (d, "the earlier versions are removed");
  cr_assert_not_null (cp_policy_difference_get_old_rule (d));
  cr_assert_null (cp_policy_difference_get_new_rule (d));
}
