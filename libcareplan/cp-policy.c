/* cp-policy.c
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cp-bank-holidays-private.h"
#include "cp-calendar-private.h"
#include "cp-date-private.h"
#include "cp-error-private.h"
#include "cp-policy-private.h"
#include "cp-record-private.h"

#define BUILTIN_PREFIX "/org/careplan/policies/"
#define MAX_EXTENDS_DEPTH 8

/**
 * CpPolicy:
 *
 * A policy profile: the rules one authority follows, as data. The library
 * ships `england` (the regulations and national guidance as the seed
 * documents state them) and one profile per seed authority, each of which
 * `extends` another and overrides it rule by rule: a local rule with the
 * same key replaces the inherited one, a new key adds a rule.
 *
 * Profiles are JSON (`docs/policy-format.md`). They are checked strictly:
 * an unknown key, unit, anchor or code is an error naming its path, and so
 * is a rule that lacks what its kind needs.
 *
 * A policy never changes once loaded.
 */
struct _CpPolicy
{
  GObject parent_instance;

  char *name;
  char *title;
  char *source;
  CpPolicy *base;
  int due_soon_quantity;
  CpUnit due_soon_unit;
  GListStore *rules;
  GHashTable *by_key;   /* key (owned) -> GPtrArray of its versions (CpRule, borrowed from rules) */
  GHashTable *origin;   /* key -> name of the profile that set it */
  GHashTable *version_origin;   /* CpRule (borrowed) -> interned name of the profile that set it */
  GPtrArray *by_kind[CP_RULE_KIND_LEAVING_CARE_STATUS + 1];   /* built at load, then read-only */
};

G_DEFINE_FINAL_TYPE (CpPolicy, cp_policy, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_NAME,
  PROP_TITLE,
  PROP_SOURCE,
  PROP_BASE,
  PROP_DUE_SOON_QUANTITY,
  PROP_DUE_SOON_UNIT,
  PROP_RULES,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
cp_policy_dispose (GObject *object)
{
  CpPolicy *self = CP_POLICY (object);

  g_clear_object (&self->base);
  for (guint k = 0; k < G_N_ELEMENTS (self->by_kind); k++)
    g_clear_pointer (&self->by_kind[k], g_ptr_array_unref);
  g_clear_pointer (&self->by_key, g_hash_table_unref);
  g_clear_object (&self->rules);

  G_OBJECT_CLASS (cp_policy_parent_class)->dispose (object);
}

static void
cp_policy_finalize (GObject *object)
{
  CpPolicy *self = CP_POLICY (object);

  g_clear_pointer (&self->origin, g_hash_table_unref);
  g_clear_pointer (&self->version_origin, g_hash_table_unref);
  g_free (self->name);
  g_free (self->title);
  g_free (self->source);

  G_OBJECT_CLASS (cp_policy_parent_class)->finalize (object);
}

static void
cp_policy_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  CpPolicy *self = CP_POLICY (object);

  switch (prop_id)
    {
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_SOURCE:
      g_value_set_string (value, self->source);
      break;
    case PROP_BASE:
      g_value_set_object (value, self->base);
      break;
    case PROP_DUE_SOON_QUANTITY:
      g_value_set_int (value, self->due_soon_quantity);
      break;
    case PROP_DUE_SOON_UNIT:
      g_value_set_enum (value, self->due_soon_unit);
      break;
    case PROP_RULES:
      g_value_set_object (value, self->rules);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cp_policy_class_init (CpPolicyClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags ro = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->dispose = cp_policy_dispose;
  object_class->finalize = cp_policy_finalize;
  object_class->get_property = cp_policy_get_property;

  /**
   * CpPolicy:name:
   *
   * The profile's name (`england`, `stoke-on-trent`).
   */
  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, NULL, ro);

  /**
   * CpPolicy:title:
   *
   * A human-readable title.
   */
  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, NULL, ro);

  /**
   * CpPolicy:source:
   *
   * The document the profile is built from, if it names one.
   */
  properties[PROP_SOURCE] = g_param_spec_string ("source", NULL, NULL, NULL, ro);

  /**
   * CpPolicy:base:
   *
   * The profile this one extends, or %NULL.
   */
  properties[PROP_BASE] = g_param_spec_object ("base", NULL, NULL, CP_TYPE_POLICY, ro);

  /**
   * CpPolicy:due-soon-quantity:
   *
   * How far ahead of its due date an obligation counts as due soon, with
   * [property@Policy:due-soon-unit].
   */
  properties[PROP_DUE_SOON_QUANTITY] =
    g_param_spec_int ("due-soon-quantity", NULL, NULL, 0, 365, 0, ro);

  /**
   * CpPolicy:due-soon-unit:
   *
   * The unit of [property@Policy:due-soon-quantity].
   */
  properties[PROP_DUE_SOON_UNIT] =
    g_param_spec_enum ("due-soon-unit", NULL, NULL, CP_TYPE_UNIT, CP_UNIT_WORKING_DAYS, ro);

  /**
   * CpPolicy:rules:
   *
   * The rules after inheritance, a list of [class@Rule]: the base's rules
   * in its order, each replaced by a local rule with the same key, then the
   * local rules the base does not have.
   */
  properties[PROP_RULES] = g_param_spec_object ("rules", NULL, NULL, G_TYPE_LIST_MODEL, ro);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
cp_policy_init (CpPolicy *self)
{
  self->due_soon_quantity = 0;   /* none unless a profile gives one */
  self->due_soon_unit = CP_UNIT_WORKING_DAYS;
  self->rules = g_list_store_new (CP_TYPE_RULE);
  self->by_key = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_ptr_array_unref);
  self->origin = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->version_origin = g_hash_table_new (NULL, NULL);
}

/* Loading ----------------------------------------------------------------- */

static gboolean
check_keys (JsonObject  *obj,
            const char  *path,
            const char  *const *allowed,
            GError     **error)
{
  JsonObjectIter iter;
  const char *member;
  JsonNode *node;

  json_object_iter_init_ordered (&iter, obj);
  while (json_object_iter_next_ordered (&iter, &member, &node))
    {
      if (!g_strv_contains (allowed, member))
        {
          g_autofree char *expected = g_strjoinv (", ", (char **) allowed);
          return cp_fail (error, CP_ERROR_UNKNOWN_CODE,
                       "%s%s%s: unknown key (expected one of: %s)",
                       path, *path ? "." : "", member, expected);
        }
    }
  return TRUE;
}

static gboolean
get_string (JsonObject  *obj,
            const char  *path,
            const char  *member,
            gboolean     required,
            const char **out,
            GError     **error)
{
  JsonNode *node = json_object_get_member (obj, member);

  *out = NULL;
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    {
      if (required)
        return cp_fail (error, CP_ERROR_MISSING_FIELD, "%s%s%s: missing",
                     path, *path ? "." : "", member);
      return TRUE;
    }
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING ||
      *json_node_get_string (node) == '\0')
    return cp_fail (error, CP_ERROR_INVALID_VALUE, "%s%s%s: expected a non-empty string",
                 path, *path ? "." : "", member);
  *out = json_node_get_string (node);
  return TRUE;
}

static gboolean
get_int (JsonObject  *obj,
         const char  *path,
         const char  *member,
         int          min,
         int          max,
         int         *out,
         GError     **error)
{
  JsonNode *node = json_object_get_member (obj, member);
  gint64 v;

  if (node == NULL)
    return cp_fail (error, CP_ERROR_MISSING_FIELD, "%s%s%s: missing", path, *path ? "." : "", member);
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64)
    return cp_fail (error, CP_ERROR_INVALID_VALUE, "%s%s%s: expected a whole number",
                 path, *path ? "." : "", member);
  v = json_node_get_int (node);
  if (v < min || v > max)
    return cp_fail (error, CP_ERROR_OUT_OF_RANGE, "%s%s%s: %" G_GINT64_FORMAT " is outside %d to %d",
                 path, *path ? "." : "", member, v, min, max);
  *out = (int) v;
  return TRUE;
}

static gboolean
valid_name (const char *name)
{
  for (const char *p = name; *p; p++)
    if (!g_ascii_islower (*p) && !g_ascii_isdigit (*p) && *p != '-')
      return FALSE;
  return *name != '\0';
}

#define AUTHORITY_PREFIX "authority."
/* authority.cease.NAME: who must approve ceasing care, where the rule's
 * conditions (legal status, age, time looked after) hold. */
#define AUTHORITY_CEASE_PREFIX "cease."
/* authority.placement.NAME: who must approve a placement, where the rule's
 * conditions (area, placement type, school year) hold. */
#define AUTHORITY_PLACEMENT_PREFIX "placement."

static const char * const authority_actions[] = { "care-plan.authorise", "care-plan.ratify",
                                                  "dispute.register", "dispute.resolve",
                                                  "escalation.open", "review.adjourn",
                                                  "review.rearrange", NULL };

/* An authority rule names an action that has one, and the role it needs. */
gboolean
cp_policy_check_authority (CpRule      *rule,
                           JsonObject  *obj,
                           const char  *path,
                           GError     **error)
{
  if (!g_str_has_prefix (cp_rule_get_key (rule), AUTHORITY_PREFIX) ||
      (!g_strv_contains (authority_actions, cp_rule_get_key (rule) + strlen (AUTHORITY_PREFIX)) &&
       !g_str_has_prefix (cp_rule_get_key (rule), AUTHORITY_PREFIX AUTHORITY_CEASE_PREFIX) &&
       !g_str_has_prefix (cp_rule_get_key (rule), AUTHORITY_PREFIX AUTHORITY_PLACEMENT_PREFIX)))
    {
      g_autofree char *list = g_strjoinv (", " AUTHORITY_PREFIX, (char **) authority_actions);
      return cp_fail (error, CP_ERROR_UNKNOWN_CODE,
                      "%s.key: “%s” is not an action with an authority (expected one of: %s%s, "
                      "or %s%s or %s%s followed by a name)",
                      path, cp_rule_get_key (rule), AUTHORITY_PREFIX, list,
                      AUTHORITY_PREFIX, AUTHORITY_CEASE_PREFIX, AUTHORITY_PREFIX, AUTHORITY_PLACEMENT_PREFIX);
    }
  if (cp_rule_get_approver (rule) == CP_ROLE_UNKNOWN)
    return cp_fail (error, CP_ERROR_MISSING_FIELD, "%s.approver: missing (the role the action needs)", path);
  return TRUE;
}

static CpPolicy *load_builtin (const char *name, guint depth, GError **error);
static CpRule *latest_version (CpPolicy *self, const char *key);
static gboolean check_single_versions (CpPolicy *self, GError **error);

/* Once base and local rules are merged: every clock that counts from
 * another rule names one of its own kind, and no chain comes back on
 * itself. */
static gboolean
check_chains (CpPolicy  *self,
              GError   **error)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->rules));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CpRule) rule = g_list_model_get_item (G_LIST_MODEL (self->rules), i);
      const char * const *replaces = cp_rule_get_replaces (rule);
      CpRule *at = rule;

      /* A rule sets aside interval rules of its own duty, not itself. */
      for (guint r = 0; replaces != NULL && replaces[r] != NULL; r++)
        {
          CpRule *other = latest_version (self, replaces[r]);

          if (other == NULL || other == rule || cp_rule_get_kind (other) != CP_RULE_KIND_INTERVAL ||
              cp_rule_get_duty (other) != cp_rule_get_duty (rule))
            return cp_fail (error, CP_ERROR_INCONSISTENT,
                            "rule “%s”: replaces: “%s” names no other interval rule of the same duty",
                            cp_rule_get_key (rule), replaces[r]);
        }

      for (guint steps = 0; cp_rule_get_anchor (at) == CP_ANCHOR_RULE; steps++)
        {
          const char *after = cp_rule_get_after (at);
          CpRule *next = latest_version (self, after);
          /* An interval counts on from a one-off activity (pathway plan
           * reviews from the pathway plan); other clocks from their own kind. */
          CpRuleKind want = cp_rule_get_kind (at) == CP_RULE_KIND_INTERVAL ? CP_RULE_KIND_ACTIVITY
                                                                          : cp_rule_get_kind (at);

          if (next == NULL || cp_rule_get_kind (next) != want)
            return cp_fail (error, CP_ERROR_INCONSISTENT,
                            "rule “%s”: after: “%s” names no %s rule of the profile",
                            cp_rule_get_key (at), after,
                            cp_enum_to_nick (CP_TYPE_RULE_KIND, want));
          if (steps >= n)
            return cp_fail (error, CP_ERROR_INCONSISTENT,
                            "rule “%s”: after: the chain of rules counts from itself",
                            cp_rule_get_key (rule));
          at = next;
        }
    }
  return TRUE;
}

/* The engine reads one review-without-meeting rule (the consultation
 * reviews and the meetings between them): it may be limited in time,
 * but not have versions. */
static gboolean
check_single_versions (CpPolicy  *self,
                       GError   **error)
{
  GHashTableIter iter;
  gpointer key, value;
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->rules)); i++)
    {
      g_autoptr(CpRule) r = g_list_model_get_item (G_LIST_MODEL (self->rules), i);
      n += cp_rule_get_kind (r) == CP_RULE_KIND_REVIEW_WITHOUT_MEETING;
    }
  if (n <= 1)
    return TRUE;
  g_hash_table_iter_init (&iter, self->by_key);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      GPtrArray *versions = value;
      if (versions->len > 1 && cp_rule_get_kind (versions->pdata[0]) == CP_RULE_KIND_REVIEW_WITHOUT_MEETING)
        return cp_fail (error, CP_ERROR_INCONSISTENT,
                        "rule “%s”: a review-without-meeting rule has one version (it may be limited in time)",
                        (const char *) key);
    }
  return TRUE;
}

/* The julian days a rule's period runs over (0 and G_MAXUINT32 for no
 * bound). */
static void
period_of (CpRule *rule, guint32 *from, guint32 *until)
{
  const GDate *f = cp_rule_get_in_force_from (rule), *u = cp_rule_get_in_force_until (rule);

  *from = f != NULL ? g_date_get_julian (f) : 0;
  *until = u != NULL ? g_date_get_julian (u) : G_MAXUINT32;
}

static gboolean
periods_overlap (CpRule *a, CpRule *b)
{
  guint32 af, au, bf, bu;

  period_of (a, &af, &au);
  period_of (b, &bf, &bu);
  return af <= bu && bf <= au;
}

/* The version of @key in force last (the latest beginning), or NULL. */
static CpRule *
latest_version (CpPolicy *self, const char *key)
{
  GPtrArray *versions = g_hash_table_lookup (self->by_key, key);
  CpRule *best = NULL;
  guint32 best_from = 0;

  for (guint i = 0; versions != NULL && i < versions->len; i++)
    {
      guint32 from, until;

      period_of (versions->pdata[i], &from, &until);
      if (best == NULL || from > best_from)
        best = versions->pdata[i], best_from = from;
    }
  return best;
}

/* Adds @rule. An inherited rule (@local FALSE) is added as it is. A local
 * one replaces every version of its key it overlaps in time (all of them,
 * if it states no period), in the place of the first it replaces; a local
 * version that replaces none goes after the last version of its key, and
 * a new key at the end. */
static void
add_rule (CpPolicy   *self,
          CpRule     *rule,
          const char *origin,
          gboolean    local)
{
  const char *key = cp_rule_get_key (rule);
  GPtrArray *versions = g_hash_table_lookup (self->by_key, key);
  guint pos = G_MAXUINT, at;

  if (versions == NULL)
    {
      versions = g_ptr_array_new ();
      g_hash_table_insert (self->by_key, g_strdup (key), versions);
    }
  for (guint i = versions->len; local && i-- > 0;)
    {
      CpRule *old = versions->pdata[i];

      if (!periods_overlap (old, rule) || !g_list_store_find (self->rules, old, &at))
        continue;
      g_hash_table_remove (self->version_origin, old);
      g_list_store_remove (self->rules, at);
      g_ptr_array_remove_index (versions, i);
      pos = MIN (pos, at);
    }
  if (pos == G_MAXUINT && versions->len > 0 &&
      g_list_store_find (self->rules, versions->pdata[versions->len - 1], &at))
    pos = at + 1;
  if (pos != G_MAXUINT)
    g_list_store_insert (self->rules, pos, rule);
  else
    g_list_store_append (self->rules, rule);
  g_ptr_array_add (versions, rule);
  g_hash_table_insert (self->origin, g_strdup (key), g_strdup (origin));
  g_hash_table_insert (self->version_origin, rule, (gpointer) g_intern_string (origin));
}

/* Builds the per-kind lists once, while the profile is still private to
 * the thread loading it: a loaded profile is immutable and shared. */
static void
index_by_kind (CpPolicy *self)
{
  GListModel *rules = G_LIST_MODEL (self->rules);

  for (guint k = 0; k < G_N_ELEMENTS (self->by_kind); k++)
    self->by_kind[k] = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < g_list_model_get_n_items (rules); i++)
    {
      CpRule *rule = g_list_model_get_item (rules, i);
      g_ptr_array_add (self->by_kind[cp_rule_get_kind (rule)], rule);
    }
}

static CpPolicy *
parse (const char  *data,
       gssize       length,
       guint        depth,
       GError     **error)
{
  static const char * const top_keys[] = { "format", "name", "title", "extends", "source",
                                           "due_soon", "rules", NULL };
  static const char * const soon_keys[] = { "quantity", "unit", NULL };
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(CpPolicy) self = NULL;
  g_autoptr(GPtrArray) local = NULL;
  g_autoptr(GError) local_error = NULL;
  JsonNode *root, *node;
  JsonObject *obj;
  JsonArray *rules;
  const char *name, *title, *extends, *source;

  if (!json_parser_load_from_data (parser, data, length, &local_error))
    {
      cp_fail (error, CP_ERROR_PARSE, "(document): not valid JSON: %s", local_error->message);
      return NULL;
    }

  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      cp_fail (error, CP_ERROR_INVALID_VALUE, "(document): expected an object");
      return NULL;
    }
  obj = json_node_get_object (root);

  if (!check_keys (obj, "", top_keys, error) ||
      !cp_json_check_version (obj, "format", CP_POLICY_FORMAT_VERSION, error))
    return NULL;
  if (!get_string (obj, "", "name", TRUE, &name, error) ||
      !get_string (obj, "", "title", TRUE, &title, error) ||
      !get_string (obj, "", "extends", FALSE, &extends, error) ||
      !get_string (obj, "", "source", FALSE, &source, error))
    return NULL;
  if (!valid_name (name))
    {
      cp_fail (error, CP_ERROR_INVALID_VALUE,
            "name: “%s” is not a profile name (lower-case letters, digits and '-')", name);
      return NULL;
    }

  self = g_object_new (CP_TYPE_POLICY, NULL);
  self->name = g_strdup (name);
  self->title = g_strdup (title);
  self->source = g_strdup (source);

  if (extends != NULL)
    {
      CpPolicy *base;
      guint n;

      if (g_strcmp0 (extends, name) == 0 || depth >= MAX_EXTENDS_DEPTH)
        {
          cp_fail (error, CP_ERROR_INCONSISTENT, "extends: “%s” extends itself", extends);
          return NULL;
        }
      base = load_builtin (extends, depth + 1, &local_error);
      if (base == NULL)
        {
          cp_fail (error, local_error->code, "extends: %s", local_error->message);
          return NULL;
        }
      self->base = base;
      self->due_soon_quantity = base->due_soon_quantity;
      self->due_soon_unit = base->due_soon_unit;
      n = g_list_model_get_n_items (G_LIST_MODEL (base->rules));
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(CpRule) rule = g_list_model_get_item (G_LIST_MODEL (base->rules), i);
          add_rule (self, rule, g_hash_table_lookup (base->version_origin, rule), FALSE);
        }
    }

  node = json_object_get_member (obj, "due_soon");
  if (node != NULL)
    {
      JsonObject *soon;
      const char *unit;
      g_autoptr(GEnumClass) units = g_type_class_ref (CP_TYPE_UNIT);
      GEnumValue *v;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        {
          cp_fail (error, CP_ERROR_INVALID_VALUE, "due_soon: expected an object");
          return NULL;
        }
      soon = json_node_get_object (node);
      if (!check_keys (soon, "due_soon", soon_keys, error) ||
          !get_int (soon, "due_soon", "quantity", 0, 365, &self->due_soon_quantity, error) ||
          !get_string (soon, "due_soon", "unit", TRUE, &unit, error))
        return NULL;
      v = g_enum_get_value_by_nick (units, unit);
      if (v == NULL || v->value == CP_UNIT_HOURS)
        {
          cp_fail (error, CP_ERROR_UNKNOWN_CODE,
                "due_soon.unit: “%s” is not a known code (expected one of: working-days, calendar-days, weeks, months)",
                unit);
          return NULL;
        }
      self->due_soon_unit = v->value;
    }

  node = json_object_get_member (obj, "rules");
  if (node == NULL)
    {
      cp_fail (error, CP_ERROR_MISSING_FIELD, "rules: missing");
      return NULL;
    }
  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      cp_fail (error, CP_ERROR_INVALID_VALUE, "rules: expected an array");
      return NULL;
    }
  rules = json_node_get_array (node);
  local = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < json_array_get_length (rules); i++)
    {
      g_autofree char *path = g_strdup_printf ("rules[%u]", i);
      JsonNode *el = json_array_get_element (rules, i);
      g_autoptr(CpRule) rule = NULL;

      rule = (CpRule *) cp_record_from_json (CP_TYPE_RULE, el, path, NULL, error);
      if (rule == NULL || !cp_policy_check_rule (rule, json_node_get_object (el), path, error))
        return NULL;
      /* Versions of one key must not be in force at the same time. */
      for (guint j = 0; j < local->len; j++)
        if (g_strcmp0 (cp_rule_get_key (local->pdata[j]), cp_rule_get_key (rule)) == 0 &&
            periods_overlap (local->pdata[j], rule))
          {
            cp_fail (error, CP_ERROR_INCONSISTENT,
                     "%s.key: “%s” appears twice (also rules[%u]) and both are in force at once",
                     path, cp_rule_get_key (rule), j);
            return NULL;
          }
      g_ptr_array_add (local, g_object_ref (rule));
      add_rule (self, rule, self->name, TRUE);
    }

  if (!check_chains (self, error) || !check_single_versions (self, error))
    return NULL;
  index_by_kind (self);
  return g_steal_pointer (&self);
}

static CpPolicy *
load_builtin (const char  *name,
              guint        depth,
              GError     **error)
{
  g_autofree char *path = g_strconcat (BUILTIN_PREFIX, name, ".json", NULL);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) local_error = NULL;
  CpPolicy *policy;
  gsize len;
  const char *data;

  bytes = g_resources_lookup_data (path, G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
  if (bytes == NULL || !valid_name (name))
    {
      g_auto(GStrv) names = cp_policy_list_builtin ();
      g_autofree char *list = g_strjoinv (", ", names);
      cp_fail (error, CP_ERROR_UNKNOWN_CODE, "“%s” is not a built-in profile (expected one of: %s)",
            name, list);
      return NULL;
    }

  data = g_bytes_get_data (bytes, &len);
  policy = parse (data, (gssize) len, depth, &local_error);
  if (policy == NULL)
    {
      cp_fail (error, local_error->code, "%s: %s", name, local_error->message);
      return NULL;
    }
  if (g_strcmp0 (policy->name, name) != 0)
    {
      g_object_unref (policy);
      cp_fail (error, CP_ERROR_INCONSISTENT, "%s: name: the profile calls itself something else", name);
      return NULL;
    }
  return policy;
}

/* Public API -------------------------------------------------------------- */

static int
compare_names (const void *a, const void *b)
{
  return strcmp (*(char * const *) a, *(char * const *) b);
}

/**
 * cp_policy_list_builtin:
 *
 * Lists the names of the policy profiles that ship with the library.
 *
 * Returns: (transfer full): the names of the profiles that ship with the
 *   library, sorted
 */
char **
cp_policy_list_builtin (void)
{
  g_auto(GStrv) children = g_resources_enumerate_children (BUILTIN_PREFIX,
                                                           G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
  g_autoptr(GStrvBuilder) b = g_strv_builder_new ();
  char **names;

  for (guint i = 0; children && children[i]; i++)
    if (g_str_has_suffix (children[i], ".json"))
      {
        g_autofree char *n = g_strndup (children[i], strlen (children[i]) - strlen (".json"));
        g_strv_builder_add (b, n);
      }
  names = g_strv_builder_end (b);
  qsort (names, g_strv_length (names), sizeof (char *), compare_names);
  return names;
}

/**
 * cp_policy_new_builtin:
 * @name: a profile name from [func@Policy.list_builtin]
 * @error: return location for a #GError
 *
 * Loads a profile that ships with the library.
 *
 * Returns: (transfer full): the profile, or %NULL with %CP_ERROR_UNKNOWN_CODE
 *   if there is no such profile
 */
CpPolicy *
cp_policy_new_builtin (const char  *name,
                       GError     **error)
{
  g_return_val_if_fail (name != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return load_builtin (name, 0, error);
}

/**
 * cp_policy_new_from_data:
 * @data: the profile's JSON text
 * @length: its length in bytes, or -1 if nul-terminated
 * @error: return location for a #GError
 *
 * Reads a profile. If it `extends` another, that must be a built-in
 * profile; the new profile's rules override it by key.
 *
 * Returns: (transfer full): the profile, or %NULL with @error set, naming
 *   the path and value at fault
 */
CpPolicy *
cp_policy_new_from_data (const char  *data,
                         gssize       length,
                         GError     **error)
{
  g_return_val_if_fail (data != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return parse (data, length, 0, error);
}

/**
 * cp_policy_load_file:
 * @path: (type filename): a profile's JSON file
 * @error: return location for a #GError
 *
 * Reads a profile from a file, as [ctor@Policy.new_from_data] does.
 *
 * Returns: (transfer full): the profile, or %NULL with @error set
 */
CpPolicy *
cp_policy_load_file (const char  *path,
                     GError     **error)
{
  g_autofree char *contents = NULL;
  gsize len;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!g_file_get_contents (path, &contents, &len, error))
    return NULL;
  return parse (contents, (gssize) len, 0, error);
}

/**
 * cp_policy_get_name:
 * @self: a #CpPolicy
 *
 * Gets the [property@Policy:name] property.
 *
 * Returns: the profile's name
 */
const char *
cp_policy_get_name (CpPolicy *self)
{
  g_return_val_if_fail (CP_IS_POLICY (self), NULL);
  return self->name;
}

/**
 * cp_policy_get_title:
 * @self: a #CpPolicy
 *
 * Gets the [property@Policy:title] property.
 *
 * Returns: the profile's title
 */
const char *
cp_policy_get_title (CpPolicy *self)
{
  g_return_val_if_fail (CP_IS_POLICY (self), NULL);
  return self->title;
}

/**
 * cp_policy_get_source:
 * @self: a #CpPolicy
 *
 * Gets the [property@Policy:source] property.
 *
 * Returns: (nullable): the document the profile is built from
 */
const char *
cp_policy_get_source (CpPolicy *self)
{
  g_return_val_if_fail (CP_IS_POLICY (self), NULL);
  return self->source;
}

/**
 * cp_policy_get_base:
 * @self: a #CpPolicy
 *
 * Gets the [property@Policy:base] property.
 *
 * Returns: (transfer none) (nullable): the profile this one extends
 */
CpPolicy *
cp_policy_get_base (CpPolicy *self)
{
  g_return_val_if_fail (CP_IS_POLICY (self), NULL);
  return self->base;
}

/**
 * cp_policy_get_due_soon_quantity:
 * @self: a #CpPolicy
 *
 * Gets the [property@Policy:due-soon-quantity] property.
 *
 * Returns: how many [property@Policy:due-soon-unit] ahead an obligation
 *   counts as due soon
 */
int
cp_policy_get_due_soon_quantity (CpPolicy *self)
{
  g_return_val_if_fail (CP_IS_POLICY (self), 0);
  return self->due_soon_quantity;
}

/**
 * cp_policy_get_due_soon_unit:
 * @self: a #CpPolicy
 *
 * Gets the [property@Policy:due-soon-unit] property.
 *
 * Returns: the unit of [property@Policy:due-soon-quantity]
 */
CpUnit
cp_policy_get_due_soon_unit (CpPolicy *self)
{
  g_return_val_if_fail (CP_IS_POLICY (self), CP_UNIT_WORKING_DAYS);
  return self->due_soon_unit;
}

/**
 * cp_policy_get_rules:
 * @self: a #CpPolicy
 *
 * Gets the [property@Policy:rules] property.
 *
 * Returns: (transfer none): the rules after inheritance, a list of
 *   [class@Rule]
 */
GListModel *
cp_policy_get_rules (CpPolicy *self)
{
  g_return_val_if_fail (CP_IS_POLICY (self), NULL);
  return G_LIST_MODEL (self->rules);
}

/**
 * cp_policy_lookup_rule:
 * @self: a #CpPolicy
 * @key: a rule key (`review.first`) or catalogue id
 *   (`review-first-within-20wd`)
 *
 * Looks up a rule by its key, in this profile or in the profiles it extends.
 * Where the key has several versions in force at different times
 * ([property@Rule:in-force-from]), this is the one in force last (the
 * latest to begin); [method@Policy.lookup_rule_on] finds the one in force
 * on a given day.
 *
 * Returns: (transfer none) (nullable): the rule, or %NULL
 */
CpRule *
cp_policy_lookup_rule (CpPolicy   *self,
                       const char *key)
{
  CpRule *rule;
  guint n;

  g_return_val_if_fail (CP_IS_POLICY (self), NULL);
  g_return_val_if_fail (key != NULL, NULL);

  rule = latest_version (self, key);
  if (rule != NULL)
    return rule;

  n = g_list_model_get_n_items (G_LIST_MODEL (self->rules));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CpRule) r = g_list_model_get_item (G_LIST_MODEL (self->rules), i);
      if (g_strcmp0 (cp_rule_get_id (r), key) == 0)
        return r;   /* the store keeps it alive */
    }
  return NULL;
}

/**
 * cp_policy_lookup_rule_on:
 * @self: a #CpPolicy
 * @key: a rule key (`placement-plan.complete`)
 * @date: the day
 *
 * Looks up the version of a rule in force on @date: the one whose
 * [property@Rule:in-force-from] and [property@Rule:in-force-until] (where
 * set) take in @date. A duty follows the version in force on the day it
 * arose (the day its rule counts from).
 *
 * Returns: (transfer none) (nullable): the rule, or %NULL if no version of
 *   @key is in force on @date
 */
CpRule *
cp_policy_lookup_rule_on (CpPolicy    *self,
                          const char  *key,
                          const GDate *date)
{
  GPtrArray *versions;

  g_return_val_if_fail (CP_IS_POLICY (self), NULL);
  g_return_val_if_fail (key != NULL, NULL);
  g_return_val_if_fail (date != NULL && g_date_valid (date), NULL);

  versions = g_hash_table_lookup (self->by_key, key);
  for (guint i = 0; versions != NULL && i < versions->len; i++)
    if (cp_rule_is_in_force (versions->pdata[i], date))
      return versions->pdata[i];
  return NULL;
}

/**
 * cp_policy_get_authority:
 * @self: a #CpPolicy
 * @action: an action on a case: `care-plan.authorise`, `care-plan.ratify`,
 *   `dispute.register`, `dispute.resolve`, `escalation.open`,
 *   `review.adjourn` or `review.rearrange`
 *
 * The role the profile requires for @action, from its `authority.`@action
 * rule. A profile that names no role for an action leaves it to any role.
 * (Placements and ceasing care, whose rules have conditions, and an
 * escalation stage's own approver are judged with the case, by the
 * actions themselves.)
 *
 * Returns: the role, or %CP_ROLE_UNKNOWN when the profile names none
 */
CpRole
cp_policy_get_authority (CpPolicy   *self,
                         const char *action)
{
  g_autofree char *key = NULL;
  CpRule *rule;

  g_return_val_if_fail (CP_IS_POLICY (self), CP_ROLE_UNKNOWN);
  g_return_val_if_fail (action != NULL, CP_ROLE_UNKNOWN);

  key = g_strconcat (AUTHORITY_PREFIX, action, NULL);
  rule = latest_version (self, key);   /* authority rules have one version */
  return rule != NULL ? cp_rule_get_approver (rule) : CP_ROLE_UNKNOWN;
}

/**
 * cp_policy_get_rule_origin:
 * @self: a #CpPolicy
 * @key: a rule key
 *
 * Which profile a rule comes from, for showing how a local profile differs from the one it extends.
 *
 * Returns: (nullable): the name of the profile the rule with @key comes
 *   from (this one, or one it extends), or %NULL if there is no such rule
 */
const char *
cp_policy_get_rule_origin (CpPolicy   *self,
                           const char *key)
{
  g_return_val_if_fail (CP_IS_POLICY (self), NULL);
  g_return_val_if_fail (key != NULL, NULL);
  return g_hash_table_lookup (self->origin, key);
}

/**
 * cp_policy_get_rule_version_origin:
 * @self: a #CpPolicy
 * @rule: one of the policy's rules (a version of its key)
 *
 * Which profile this version of a rule comes from. Where a profile
 * overrides only some versions of a key ([property@Rule:in-force-from]),
 * the others still come from the profile it extends, which
 * [method@Policy.get_rule_origin] (by key) cannot tell.
 *
 * Returns: (nullable): the name of the profile @rule comes from, or %NULL
 *   if @rule is not one of the policy's rules
 */
const char *
cp_policy_get_rule_version_origin (CpPolicy *self,
                                   CpRule   *rule)
{
  g_return_val_if_fail (CP_IS_POLICY (self), NULL);
  g_return_val_if_fail (CP_IS_RULE (rule), NULL);
  return g_hash_table_lookup (self->version_origin, rule);
}

/* The rules of one kind, in profile order. The lists are built when the
 * profile is loaded (index_by_kind()) and never change afterwards, so any
 * number of threads may ask for them at once. Returns the policy's own
 * array, without a reference: a reference would be an atomic write to the
 * array shared by every thread of a caseload evaluation, several times a
 * case. Do not modify it. */
GPtrArray *
cp_policy_rules_of_kind (CpPolicy   *self,
                         CpRuleKind  kind)
{
  g_return_val_if_fail (CP_IS_POLICY (self), NULL);
  g_return_val_if_fail ((guint) kind < G_N_ELEMENTS (self->by_kind), NULL);

  return self->by_kind[kind];
}

/* cp_policy_lookup_rule_on() for the engine, by julian day. */
CpRule *
cp_policy_version_on (CpPolicy   *self,
                      const char *key,
                      guint32     julian)
{
  GPtrArray *versions = g_hash_table_lookup (self->by_key, key);

  for (guint i = 0; versions != NULL && i < versions->len; i++)
    if (cp_rule_in_force_julian (versions->pdata[i], julian))
      return versions->pdata[i];
  return NULL;
}
