/* cp-policy-difference.c
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include <string.h>

#include "cp-policy-private.h"
#include "cp-record-private.h"

/**
 * CpPolicyDifference:
 *
 * One way two policy profiles differ, from [method@Policy.diff]: a rule
 * the new profile adds, a rule it removes, or one field of a rule both
 * have that it changes.
 *
 * Values are JSON text, as the profile's format writes them
 * (`20`, `"working-days"`, `["foster-own-authority"]`); `null` stands for
 * a field that is not set (a rule that names no approver, say). For an
 * added or removed rule the value is the whole rule as a JSON object.
 *
 * Instances are immutable.
 */
struct _CpPolicyDifference
{
  GObject parent_instance;

  char *key;
  char *field;
  CpPolicyDifferenceKind kind;
  char *old_value;
  char *new_value;
  CpRule *old_rule;
  CpRule *new_rule;
  guint order;   /* among the differences found, to keep versions in profile order */
};

G_DEFINE_FINAL_TYPE (CpPolicyDifference, cp_policy_difference, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_KEY,
  PROP_FIELD,
  PROP_KIND,
  PROP_OLD_VALUE,
  PROP_NEW_VALUE,
  PROP_OLD_RULE,
  PROP_NEW_RULE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
cp_policy_difference_dispose (GObject *object)
{
  CpPolicyDifference *self = CP_POLICY_DIFFERENCE (object);

  g_clear_object (&self->old_rule);
  g_clear_object (&self->new_rule);

  G_OBJECT_CLASS (cp_policy_difference_parent_class)->dispose (object);
}

static void
cp_policy_difference_finalize (GObject *object)
{
  CpPolicyDifference *self = CP_POLICY_DIFFERENCE (object);

  g_free (self->key);
  g_free (self->field);
  g_free (self->old_value);
  g_free (self->new_value);

  G_OBJECT_CLASS (cp_policy_difference_parent_class)->finalize (object);
}

static void
cp_policy_difference_get_property (GObject    *object,
                                   guint       prop_id,
                                   GValue     *value,
                                   GParamSpec *pspec)
{
  CpPolicyDifference *self = CP_POLICY_DIFFERENCE (object);

  switch (prop_id)
    {
    case PROP_KEY:
      g_value_set_string (value, self->key);
      break;
    case PROP_FIELD:
      g_value_set_string (value, self->field);
      break;
    case PROP_KIND:
      g_value_set_enum (value, self->kind);
      break;
    case PROP_OLD_VALUE:
      g_value_set_string (value, self->old_value);
      break;
    case PROP_NEW_VALUE:
      g_value_set_string (value, self->new_value);
      break;
    case PROP_OLD_RULE:
      g_value_set_object (value, self->old_rule);
      break;
    case PROP_NEW_RULE:
      g_value_set_object (value, self->new_rule);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cp_policy_difference_class_init (CpPolicyDifferenceClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags ro = G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->dispose = cp_policy_difference_dispose;
  object_class->finalize = cp_policy_difference_finalize;
  object_class->get_property = cp_policy_difference_get_property;

  /**
   * CpPolicyDifference:key:
   *
   * The key of the rule that differs (`review.after.full-record`).
   */
  properties[PROP_KEY] = g_param_spec_string ("key", NULL, NULL, NULL, ro);

  /**
   * CpPolicyDifference:field:
   *
   * The JSON member name of the field that changed (`quantity`), or
   * %NULL for a rule added or removed whole.
   */
  properties[PROP_FIELD] = g_param_spec_string ("field", NULL, NULL, NULL, ro);

  /**
   * CpPolicyDifference:kind:
   *
   * Whether a rule was added or removed, or a field changed.
   */
  properties[PROP_KIND] = g_param_spec_enum ("kind", NULL, NULL, CP_TYPE_POLICY_DIFFERENCE_KIND,
                                             CP_POLICY_DIFFERENCE_CHANGED, ro);

  /**
   * CpPolicyDifference:old-value:
   *
   * The field's value in the old profile's rule as JSON text (`null`
   * where it is not set), the removed rule as a JSON object, or %NULL for
   * an added rule.
   */
  properties[PROP_OLD_VALUE] = g_param_spec_string ("old-value", NULL, NULL, NULL, ro);

  /**
   * CpPolicyDifference:new-value:
   *
   * The field's value in the new profile's rule as JSON text (`null`
   * where it is not set), the added rule as a JSON object, or %NULL for a
   * removed rule.
   */
  properties[PROP_NEW_VALUE] = g_param_spec_string ("new-value", NULL, NULL, NULL, ro);

  /**
   * CpPolicyDifference:old-rule:
   *
   * The version of the rule in the old profile, or %NULL for an added
   * rule.
   */
  properties[PROP_OLD_RULE] = g_param_spec_object ("old-rule", NULL, NULL, CP_TYPE_RULE, ro);

  /**
   * CpPolicyDifference:new-rule:
   *
   * The version of the rule in the new profile, or %NULL for a removed
   * rule.
   */
  properties[PROP_NEW_RULE] = g_param_spec_object ("new-rule", NULL, NULL, CP_TYPE_RULE, ro);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
cp_policy_difference_init (CpPolicyDifference *self)
{
  self->kind = CP_POLICY_DIFFERENCE_CHANGED;
}

/* Takes @old_value and @new_value. */
static CpPolicyDifference *
difference_new (CpPolicyDifferenceKind  kind,
                const char             *key,
                const char             *field,
                CpRule                 *old_rule,
                CpRule                 *new_rule,
                char                   *old_value,
                char                   *new_value)
{
  CpPolicyDifference *self = g_object_new (CP_TYPE_POLICY_DIFFERENCE, NULL);

  self->kind = kind;
  self->key = g_strdup (key);
  self->field = g_strdup (field);
  self->old_rule = old_rule != NULL ? g_object_ref (old_rule) : NULL;
  self->new_rule = new_rule != NULL ? g_object_ref (new_rule) : NULL;
  self->old_value = old_value;
  self->new_value = new_value;
  return self;
}

static char *
rule_text (CpRule *rule)
{
  g_autoptr(JsonNode) node = cp_policy_rule_to_json (rule);
  return json_to_string (node, FALSE);
}

static char *
field_text (CpRule *rule, const char *field)
{
  g_autoptr(JsonNode) node = cp_record_field_to_json (CP_RECORD (rule), field);
  return json_to_string (node, FALSE);
}

/* The version of @rule's key in @policy that covers the same days (the
 * one in force on its first day, or its last), or the latest one. */
static CpRule *
matching_version (CpPolicy *policy, CpRule *rule)
{
  const GDate *day = cp_rule_get_in_force_from (rule);
  const char *key = cp_rule_get_key (rule);
  CpRule *found;

  if (day == NULL)
    day = cp_rule_get_in_force_until (rule);
  found = day != NULL ? cp_policy_lookup_rule_on (policy, key, day) : cp_policy_lookup_rule (policy, key);
  /* cp_policy_lookup_rule() also finds a rule by its catalogue id. */
  return found != NULL && g_strcmp0 (cp_rule_get_key (found), key) == 0 ? found : NULL;
}

static int
compare_strings (gconstpointer a, gconstpointer b)
{
  return strcmp (*(const char * const *) a, *(const char * const *) b);
}

/* The fields either rule sets, sorted, each once. */
static GPtrArray *
fields_set (CpRule *a, CpRule *b)
{
  g_autoptr(JsonNode) ja = cp_record_to_json (CP_RECORD (a));
  g_autoptr(JsonNode) jb = cp_record_to_json (CP_RECORD (b));
  GPtrArray *names = g_ptr_array_new_with_free_func (g_free);
  g_autoptr(GList) ma = json_object_get_members (json_node_get_object (ja));
  g_autoptr(GList) mb = json_object_get_members (json_node_get_object (jb));

  for (GList *l = ma; l != NULL; l = l->next)
    g_ptr_array_add (names, g_strdup (l->data));
  for (GList *l = mb; l != NULL; l = l->next)
    if (!json_object_has_member (json_node_get_object (ja), l->data))
      g_ptr_array_add (names, g_strdup (l->data));
  g_ptr_array_sort (names, compare_strings);
  return names;
}

static void
add_changes (GPtrArray *out, CpRule *old_rule, CpRule *new_rule)
{
  g_autoptr(GPtrArray) names = fields_set (old_rule, new_rule);

  for (guint i = 0; i < names->len; i++)
    {
      const char *field = names->pdata[i];
      g_autoptr(JsonNode) a = cp_record_field_to_json (CP_RECORD (old_rule), field);
      g_autoptr(JsonNode) b = cp_record_field_to_json (CP_RECORD (new_rule), field);

      if (a != NULL && b != NULL && json_node_equal (a, b))
        continue;
      g_ptr_array_add (out, difference_new (CP_POLICY_DIFFERENCE_CHANGED, cp_rule_get_key (new_rule), field,
                                            old_rule, new_rule, field_text (old_rule, field),
                                            field_text (new_rule, field)));
    }
}

static int
compare_differences (gconstpointer pa, gconstpointer pb)
{
  const CpPolicyDifference *a = *(CpPolicyDifference * const *) pa;
  const CpPolicyDifference *b = *(CpPolicyDifference * const *) pb;
  int c = strcmp (a->key, b->key);

  if (c != 0)
    return c;
  /* A rule added or removed whole before the fields of another version. */
  if ((a->field == NULL) != (b->field == NULL))
    return a->field == NULL ? -1 : 1;
  if (a->field != NULL && (c = strcmp (a->field, b->field)) != 0)
    return c;
  return a->order < b->order ? -1 : a->order > b->order;
}

/**
 * cp_policy_diff:
 * @old_policy: the profile to compare against (the one extended, say)
 * @new_policy: the profile to compare
 *
 * How @new_policy differs from @old_policy, rule by rule and field by
 * field. Each rule of @new_policy is compared with the version of its key
 * in @old_policy that covers the same days (the one in force on the day
 * it comes into force, or on its last day, or for a rule not limited in
 * time the latest version): a rule with no such version is added, and each
 * field (JSON member) that differs between the two is changed. A version
 * of @old_policy that no rule of @new_policy was compared with is removed.
 *
 * The differences are sorted by rule key, then field; a rule added or
 * removed whole comes before changed fields, and versions of one key in
 * profile order.
 *
 * Returns: (transfer full): a list of [class@PolicyDifference], empty if
 *   the profiles hold the same rules
 */
GListModel *
cp_policy_diff (CpPolicy *old_policy,
                CpPolicy *new_policy)
{
  g_autoptr(GPtrArray) found = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GHashTable) matched = g_hash_table_new (NULL, NULL);
  GListStore *store;
  GListModel *rules;
  guint n;

  g_return_val_if_fail (CP_IS_POLICY (old_policy), NULL);
  g_return_val_if_fail (CP_IS_POLICY (new_policy), NULL);

  rules = cp_policy_get_rules (new_policy);
  n = g_list_model_get_n_items (rules);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CpRule) rule = g_list_model_get_item (rules, i);
      CpRule *old_rule = matching_version (old_policy, rule);

      if (old_rule == NULL)
        g_ptr_array_add (found, difference_new (CP_POLICY_DIFFERENCE_ADDED, cp_rule_get_key (rule), NULL,
                                                NULL, rule, NULL, rule_text (rule)));
      else
        {
          g_hash_table_add (matched, old_rule);
          if (!cp_record_equal (CP_RECORD (old_rule), CP_RECORD (rule)))
            add_changes (found, old_rule, rule);
        }
    }

  rules = cp_policy_get_rules (old_policy);
  n = g_list_model_get_n_items (rules);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CpRule) rule = g_list_model_get_item (rules, i);

      if (!g_hash_table_contains (matched, rule))
        g_ptr_array_add (found, difference_new (CP_POLICY_DIFFERENCE_REMOVED, cp_rule_get_key (rule), NULL,
                                                rule, NULL, rule_text (rule), NULL));
    }

  for (guint i = 0; i < found->len; i++)
    ((CpPolicyDifference *) found->pdata[i])->order = i;
  g_ptr_array_sort (found, compare_differences);

  store = g_list_store_new (CP_TYPE_POLICY_DIFFERENCE);
  g_list_store_splice (store, 0, 0, found->pdata, found->len);
  return G_LIST_MODEL (store);
}

/**
 * cp_policy_difference_get_key:
 * @self: a #CpPolicyDifference
 *
 * Gets the [property@PolicyDifference:key] property.
 *
 * Returns: the key of the rule that differs
 */
const char *
cp_policy_difference_get_key (CpPolicyDifference *self)
{
  g_return_val_if_fail (CP_IS_POLICY_DIFFERENCE (self), NULL);
  return self->key;
}

/**
 * cp_policy_difference_get_field:
 * @self: a #CpPolicyDifference
 *
 * Gets the [property@PolicyDifference:field] property.
 *
 * Returns: (nullable): the JSON member name of the field that changed, or
 *   %NULL for a rule added or removed whole
 */
const char *
cp_policy_difference_get_field (CpPolicyDifference *self)
{
  g_return_val_if_fail (CP_IS_POLICY_DIFFERENCE (self), NULL);
  return self->field;
}

/**
 * cp_policy_difference_get_kind:
 * @self: a #CpPolicyDifference
 *
 * Gets the [property@PolicyDifference:kind] property.
 *
 * Returns: whether a rule was added or removed, or a field changed
 */
CpPolicyDifferenceKind
cp_policy_difference_get_kind (CpPolicyDifference *self)
{
  g_return_val_if_fail (CP_IS_POLICY_DIFFERENCE (self), CP_POLICY_DIFFERENCE_CHANGED);
  return self->kind;
}

/**
 * cp_policy_difference_get_old_value:
 * @self: a #CpPolicyDifference
 *
 * Gets the [property@PolicyDifference:old-value] property.
 *
 * Returns: (nullable): the old value as JSON text, or %NULL for an added
 *   rule
 */
const char *
cp_policy_difference_get_old_value (CpPolicyDifference *self)
{
  g_return_val_if_fail (CP_IS_POLICY_DIFFERENCE (self), NULL);
  return self->old_value;
}

/**
 * cp_policy_difference_get_new_value:
 * @self: a #CpPolicyDifference
 *
 * Gets the [property@PolicyDifference:new-value] property.
 *
 * Returns: (nullable): the new value as JSON text, or %NULL for a removed
 *   rule
 */
const char *
cp_policy_difference_get_new_value (CpPolicyDifference *self)
{
  g_return_val_if_fail (CP_IS_POLICY_DIFFERENCE (self), NULL);
  return self->new_value;
}

/**
 * cp_policy_difference_get_old_rule:
 * @self: a #CpPolicyDifference
 *
 * Gets the [property@PolicyDifference:old-rule] property.
 *
 * Returns: (transfer none) (nullable): the old profile's version of the
 *   rule, or %NULL for an added rule
 */
CpRule *
cp_policy_difference_get_old_rule (CpPolicyDifference *self)
{
  g_return_val_if_fail (CP_IS_POLICY_DIFFERENCE (self), NULL);
  return self->old_rule;
}

/**
 * cp_policy_difference_get_new_rule:
 * @self: a #CpPolicyDifference
 *
 * Gets the [property@PolicyDifference:new-rule] property.
 *
 * Returns: (transfer none) (nullable): the new profile's version of the
 *   rule, or %NULL for a removed rule
 */
CpRule *
cp_policy_difference_get_new_rule (CpPolicyDifference *self)
{
  g_return_val_if_fail (CP_IS_POLICY_DIFFERENCE (self), NULL);
  return self->new_rule;
}
