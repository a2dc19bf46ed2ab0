/* cp-policy-json.c: a policy profile written as the JSON it is read from
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include "cp-policy-private.h"
#include "cp-record-private.h"

/* A rule as a profile states it: its fields that differ from their
 * defaults, and the members the loader reads by their presence
 * (cp_policy_check_rule() and the kinds' checks): a deadline's quantity
 * even when it is 0 ("as soon as practicable"), and the event of a rule
 * counted from an event even when it is the default one. */
JsonNode *
cp_policy_rule_to_json (CpRule *rule)
{
  JsonNode *node = cp_record_to_json (CP_RECORD (rule));
  JsonObject *obj = json_node_get_object (node);

  if (cp_rule_get_kind (rule) == CP_RULE_KIND_DEADLINE && !json_object_has_member (obj, "quantity"))
    json_object_set_member (obj, "quantity", cp_record_field_to_json (CP_RECORD (rule), "quantity"));
  if ((cp_rule_get_kind (rule) == CP_RULE_KIND_REVIEW_TRIGGER || cp_rule_get_anchor (rule) == CP_ANCHOR_EVENT) &&
      !json_object_has_member (obj, "event"))
    json_object_set_member (obj, "event", cp_record_field_to_json (CP_RECORD (rule), "event"));
  return node;
}

/* Whether @rule is one of @base's own (the same object: a profile that
 * extends another holds the inherited rules themselves). */
static gboolean
inherited (CpPolicy *base, CpRule *rule)
{
  GListModel *rules;
  guint n;

  if (base == NULL)
    return FALSE;
  rules = cp_policy_get_rules (base);
  n = g_list_model_get_n_items (rules);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CpRule) r = g_list_model_get_item (rules, i);
      if (r == rule)
        return TRUE;
    }
  return FALSE;
}

static void
add_due_soon (JsonBuilder *b, CpPolicy *self)
{
  json_builder_set_member_name (b, "due_soon");
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "quantity");
  json_builder_add_int_value (b, cp_policy_get_due_soon_quantity (self));
  json_builder_set_member_name (b, "unit");
  json_builder_add_string_value (b, cp_enum_to_nick (CP_TYPE_UNIT, cp_policy_get_due_soon_unit (self)));
  json_builder_end_object (b);
}

/* Whether @self's due-soon period is other than the one it starts from
 * (its base's, or none). */
static gboolean
due_soon_is_own (CpPolicy *self, CpPolicy *base)
{
  if (base == NULL)
    return cp_policy_get_due_soon_quantity (self) != 0 ||
           cp_policy_get_due_soon_unit (self) != CP_UNIT_WORKING_DAYS;
  return cp_policy_get_due_soon_quantity (self) != cp_policy_get_due_soon_quantity (base) ||
         cp_policy_get_due_soon_unit (self) != cp_policy_get_due_soon_unit (base);
}

/**
 * cp_policy_to_json:
 * @self: a #CpPolicy
 * @flags: how to write it
 *
 * Writes the profile in the format [ctor@Policy.new_from_data] and
 * [func@Policy.load_file] read (`docs/policy-format.md`), so that a local
 * authority can start its own profile from one that ships with the
 * library, or keep a profile's rules as they stood.
 *
 * By default the profile is merged: it names no profile it extends, and
 * lists every rule in force in it (each version of a key, inherited or
 * local) in the order of [property@Policy:rules], with its due-soon period.
 * Loaded again, it has the same name, title, rules and due-soon period, so
 * evaluating a case under it gives the same obligations.
 *
 * With %CP_POLICY_JSON_AS_WRITTEN, a profile that extends another is
 * written as a local profile is: `extends` and only the rules it defines
 * or overrides itself, with its due-soon period only where it differs
 * from the base's. Loaded again, it is the same profile.
 *
 * Each rule lists the fields that differ from their defaults, and those
 * the loader needs to see stated. Fields the profile's JSON wrote with
 * their default values are not written, nor are the spacing and member
 * order of the original file kept.
 *
 * Returns: (transfer full): the profile's JSON text, indented, ending
 *   with a newline
 */
char *
cp_policy_to_json (CpPolicy          *self,
                   CpPolicyJsonFlags  flags)
{
  g_autoptr(JsonBuilder) b = json_builder_new ();
  g_autoptr(JsonGenerator) gen = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  CpPolicy *base;
  gboolean as_written;
  GListModel *rules;
  GString *text;
  guint n;

  g_return_val_if_fail (CP_IS_POLICY (self), NULL);

  base = cp_policy_get_base (self);
  as_written = (flags & CP_POLICY_JSON_AS_WRITTEN) != 0 && base != NULL;

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "format");
  json_builder_add_int_value (b, CP_POLICY_FORMAT_VERSION);
  json_builder_set_member_name (b, "name");
  json_builder_add_string_value (b, cp_policy_get_name (self));
  json_builder_set_member_name (b, "title");
  json_builder_add_string_value (b, cp_policy_get_title (self));
  if (as_written)
    {
      json_builder_set_member_name (b, "extends");
      json_builder_add_string_value (b, cp_policy_get_name (base));
    }
  if (cp_policy_get_source (self) != NULL)
    {
      json_builder_set_member_name (b, "source");
      json_builder_add_string_value (b, cp_policy_get_source (self));
    }
  if (!as_written || due_soon_is_own (self, base))
    add_due_soon (b, self);

  json_builder_set_member_name (b, "rules");
  json_builder_begin_array (b);
  rules = cp_policy_get_rules (self);
  n = g_list_model_get_n_items (rules);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CpRule) rule = g_list_model_get_item (rules, i);

      if (as_written && inherited (base, rule))
        continue;
      json_builder_add_value (b, cp_policy_rule_to_json (rule));
    }
  json_builder_end_array (b);
  json_builder_end_object (b);

  root = json_builder_get_root (b);
  json_generator_set_root (gen, root);
  json_generator_set_pretty (gen, TRUE);
  json_generator_set_indent (gen, 2);
  text = json_generator_to_gstring (gen, g_string_new (NULL));
  g_string_append_c (text, '\n');
  return g_string_free (text, FALSE);
}
