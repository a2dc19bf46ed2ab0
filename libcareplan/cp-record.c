/* cp-record.c: property storage and the JSON mapping shared by the
 * case-model types
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include <string.h>

#include "cp-date-private.h"
#include "cp-record-private.h"

/**
 * CpRecord:
 *
 * The base of the case-model types ([class@Child], [class@Placement],
 * [class@Review], ...).
 *
 * A record's fields are GObject properties: each notifies only when its
 * value really changes. In JSON a field is the property name with `_`
 * for `-` (`looked_after_since`); dates are `YYYY-MM-DD`, enumerations
 * their nick, lists arrays. Members of a JSON object that the library
 * does not know are kept in [method@Record.get_extra] and written back
 * unchanged, so a product's own data survives a round trip.
 */

typedef struct
{
  GValue     *values;   /* indexed by prop_id; [0] unused */
  JsonObject *extra;
} CpRecordPrivate;

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (CpRecord, cp_record, G_TYPE_OBJECT)

static GQuark
cp_field_flags_quark (void)
{
  return g_quark_from_static_string ("cp-field-flags");
}

static GQuark
cp_field_item_type_quark (void)
{
  return g_quark_from_static_string ("cp-field-item-type");
}

static GQuark
cp_field_json_key_quark (void)
{
  return g_quark_from_static_string ("cp-field-json-key");
}

static CpRecordClass *
record_class (CpRecord *self)
{
  return CP_RECORD_GET_CLASS (self);
}

static GParamSpec *
pspec_for (CpRecord *self, guint prop_id)
{
  CpRecordClass *klass = record_class (self);

  g_return_val_if_fail (prop_id > 0 && prop_id <= klass->n_props, NULL);
  return klass->pspecs[prop_id];
}

static GValue *
values_of (CpRecord *self)
{
  CpRecordPrivate *priv = cp_record_get_instance_private (self);

  if (priv->values == NULL)
    {
      CpRecordClass *klass = record_class (self);

      priv->values = g_new0 (GValue, klass->n_props + 1);
      for (guint i = 1; i <= klass->n_props; i++)
        {
          g_value_init (&priv->values[i], klass->pspecs[i]->value_type);
          g_param_value_set_default (klass->pspecs[i], &priv->values[i]);
        }
    }
  return priv->values;
}

static gboolean
values_equal (GParamSpec   *pspec,
              const GValue *a,
              const GValue *b)
{
  if (pspec->value_type == G_TYPE_DATE)
    {
      const GDate *da = g_value_get_boxed (a), *db = g_value_get_boxed (b);
      if (da == NULL || db == NULL)
        return da == db;
      return g_date_compare (da, db) == 0;
    }
  if (pspec->value_type == G_TYPE_STRV)
    {
      /* An unset list compares equal to an empty one. */
      static const char * const empty[] = { NULL };
      const char * const *sa = g_value_get_boxed (a);
      const char * const *sb = g_value_get_boxed (b);

      return g_strv_equal (sa ? sa : empty, sb ? sb : empty);
    }
  if (G_IS_PARAM_SPEC_STRING (pspec))
    return g_strcmp0 (g_value_get_string (a), g_value_get_string (b)) == 0;
  return g_param_values_cmp (pspec, a, b) == 0;
}

/* A copy of @value, converted to the property's type, clamped to it. */
static void
store_value (CpRecord     *self,
             GParamSpec   *pspec,
             guint         prop_id,
             const GValue *value,
             gboolean      notify)
{
  GValue *slot = &values_of (self)[prop_id];
  g_auto(GValue) copy = G_VALUE_INIT;

  g_value_init (&copy, pspec->value_type);
  g_value_copy (value, &copy);

  if (values_equal (pspec, slot, &copy))
    return;

  g_value_unset (slot);
  *slot = copy;
  copy = (GValue) G_VALUE_INIT;

  if (notify)
    g_object_notify_by_pspec (G_OBJECT (self), pspec);
}

static void
cp_record_constructed (GObject *object)
{
  CpRecord *self = CP_RECORD (object);
  CpRecordClass *klass = record_class (self);
  GValue *values = values_of (self);

  G_OBJECT_CLASS (cp_record_parent_class)->constructed (object);

  /* Every list field holds a GListStore, even when empty. */
  for (guint i = 1; i <= klass->n_props; i++)
    {
      GType item = GPOINTER_TO_SIZE (g_param_spec_get_qdata (klass->pspecs[i],
                                                             cp_field_item_type_quark ()));
      if (item != 0 && g_value_get_object (&values[i]) == NULL)
        g_value_take_object (&values[i], g_list_store_new (item));
    }
}

static void
cp_record_dispose (GObject *object)
{
  CpRecord *self = CP_RECORD (object);
  CpRecordPrivate *priv = cp_record_get_instance_private (self);

  /* Drop references to child records and lists first. */
  if (priv->values != NULL)
    for (guint i = 1; i <= record_class (self)->n_props; i++)
      if (G_VALUE_HOLDS_OBJECT (&priv->values[i]))
        g_value_set_object (&priv->values[i], NULL);

  G_OBJECT_CLASS (cp_record_parent_class)->dispose (object);
}

static void
cp_record_finalize (GObject *object)
{
  CpRecord *self = CP_RECORD (object);
  CpRecordPrivate *priv = cp_record_get_instance_private (self);

  if (priv->values != NULL)
    {
      for (guint i = 1; i <= record_class (self)->n_props; i++)
        g_value_unset (&priv->values[i]);
      g_free (priv->values);
    }
  g_clear_pointer (&priv->extra, json_object_unref);

  G_OBJECT_CLASS (cp_record_parent_class)->finalize (object);
}

static void
cp_record_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  g_value_copy (&values_of (CP_RECORD (object))[prop_id], value);
}

static void
cp_record_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  /* GObject notifies for properties set through g_object_set(); only
   * EXPLICIT_NOTIFY ones reach here, and those notify on change. */
  store_value (CP_RECORD (object), pspec, prop_id, value, TRUE);
}

static void
cp_record_class_init (CpRecordClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = cp_record_constructed;
  object_class->dispose = cp_record_dispose;
  object_class->finalize = cp_record_finalize;
}

static void
cp_record_init (CpRecord *self)
{
}

/* Class set-up for subclasses: installs @pspecs (index 0 unused) and
 * records them for the storage and the JSON mapping. */
void
cp_record_class_install (GObjectClass  *klass,
                         GParamSpec   **pspecs,
                         guint          n_pspecs)
{
  CpRecordClass *record_klass = CP_RECORD_CLASS (klass);

  /* GObject does not inherit these: every class that installs properties
   * needs its own. */
  klass->get_property = cp_record_get_property;
  klass->set_property = cp_record_set_property;
  g_object_class_install_properties (klass, n_pspecs, pspecs);
  record_klass->n_props = n_pspecs - 1;
  record_klass->pspecs = pspecs;

  for (guint i = 1; i < n_pspecs; i++)
    {
      char *key = g_strdup (pspecs[i]->name);
      g_strdelimit (key, "-", '_');
      g_param_spec_set_qdata_full (pspecs[i], cp_field_json_key_quark (), key, g_free);
    }
}

void
cp_record_class_set_strict (GObjectClass *klass)
{
  CP_RECORD_CLASS (klass)->strict = TRUE;
}

GParamSpec *
cp_field_required (GParamSpec *pspec)
{
  g_param_spec_set_qdata (pspec, cp_field_flags_quark (),
                          GUINT_TO_POINTER (CP_FIELD_REQUIRED));
  return pspec;
}

GParamSpec *
cp_field_list (const char *name,
               GType       item_type)
{
  GParamSpec *pspec = g_param_spec_object (name, NULL, NULL, G_TYPE_LIST_MODEL,
                                           G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY |
                                           G_PARAM_STATIC_STRINGS);
  g_param_spec_set_qdata (pspec, cp_field_item_type_quark (), GSIZE_TO_POINTER (item_type));
  return pspec;
}

GParamSpec *
cp_field_date (const char   *name,
               CpFieldFlags  flags)
{
  GParamFlags pflags = G_PARAM_READWRITE | G_PARAM_STATIC_STRINGS |
                       ((flags & CP_FIELD_FIXED) ? G_PARAM_CONSTRUCT_ONLY : G_PARAM_EXPLICIT_NOTIFY);
  GParamSpec *pspec = g_param_spec_boxed (name, NULL, NULL, G_TYPE_DATE, pflags);

  return (flags & CP_FIELD_REQUIRED) ? cp_field_required (pspec) : pspec;
}

const GValue *
cp_record_peek (CpRecord *self,
                guint     prop_id)
{
  g_return_val_if_fail (CP_IS_RECORD (self), NULL);
  g_return_val_if_fail (prop_id > 0 && prop_id <= record_class (self)->n_props, NULL);
  return &values_of (self)[prop_id];
}

const GDate *
cp_record_get_date (CpRecord *self, guint prop_id)
{
  return g_value_get_boxed (cp_record_peek (self, prop_id));
}

const char *
cp_record_get_string (CpRecord *self, guint prop_id)
{
  return g_value_get_string (cp_record_peek (self, prop_id));
}

gboolean
cp_record_get_boolean (CpRecord *self, guint prop_id)
{
  return g_value_get_boolean (cp_record_peek (self, prop_id));
}

int
cp_record_get_int (CpRecord *self, guint prop_id)
{
  return g_value_get_int (cp_record_peek (self, prop_id));
}

int
cp_record_get_enum (CpRecord *self, guint prop_id)
{
  return g_value_get_enum (cp_record_peek (self, prop_id));
}

gpointer
cp_record_get_object (CpRecord *self, guint prop_id)
{
  return g_value_get_object (cp_record_peek (self, prop_id));
}

GListModel *
cp_record_get_list (CpRecord *self, guint prop_id)
{
  return g_value_get_object (cp_record_peek (self, prop_id));
}

const char * const *
cp_record_get_strv (CpRecord *self, guint prop_id)
{
  return g_value_get_boxed (cp_record_peek (self, prop_id));
}

void
cp_record_set_value (CpRecord     *self,
                     guint         prop_id,
                     const GValue *value)
{
  GParamSpec *pspec;

  g_return_if_fail (CP_IS_RECORD (self));
  pspec = pspec_for (self, prop_id);
  g_return_if_fail (pspec != NULL);
  store_value (self, pspec, prop_id, value, TRUE);
}

#define DEFINE_SETTER(suffix, ctype, gtype, setter)                 \
  void                                                              \
  cp_record_set_##suffix (CpRecord *self, guint prop_id, ctype v)   \
  {                                                                 \
    g_auto(GValue) value = G_VALUE_INIT;                            \
    GParamSpec *pspec = pspec_for (self, prop_id);                  \
    g_return_if_fail (pspec != NULL);                               \
    g_value_init (&value, gtype);                                   \
    setter (&value, v);                                             \
    store_value (self, pspec, prop_id, &value, TRUE);               \
  }

DEFINE_SETTER (date, const GDate *, G_TYPE_DATE, g_value_set_boxed)
DEFINE_SETTER (string, const char *, G_TYPE_STRING, g_value_set_string)
DEFINE_SETTER (boolean, gboolean, G_TYPE_BOOLEAN, g_value_set_boolean)
DEFINE_SETTER (int, int, G_TYPE_INT, g_value_set_int)
DEFINE_SETTER (enum, int, pspec->value_type, g_value_set_enum)
DEFINE_SETTER (object, gpointer, pspec->value_type, g_value_set_object)

/**
 * cp_record_get_extra:
 * @self: a #CpRecord
 *
 * The members of the JSON object this record was read from that the
 * library does not know. They are written back by [method@Record.to_json].
 *
 * Returns: (transfer none) (nullable): the unknown members, or %NULL
 */
JsonObject *
cp_record_get_extra (CpRecord *self)
{
  CpRecordPrivate *priv = cp_record_get_instance_private (self);

  g_return_val_if_fail (CP_IS_RECORD (self), NULL);
  return priv->extra;
}

char *
cp_enum_nicks (GType enum_type)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (enum_type);
  GString *s = g_string_new (NULL);

  for (guint i = 0; i < klass->n_values; i++)
    {
      if (i > 0)
        g_string_append (s, ", ");
      g_string_append (s, klass->values[i].value_nick);
    }
  return g_string_free (s, FALSE);
}

const char *
cp_enum_to_nick (GType enum_type,
                 int   value)
{
  GEnumClass *klass = g_type_class_ref (enum_type);
  GEnumValue *v = g_enum_get_value (klass, value);
  const char *nick = v ? v->value_nick : NULL;

  /* Enum classes are never freed once referenced: nick stays valid. */
  g_type_class_unref (klass);
  return nick;
}

static const char *
json_type_name (JsonNode *node)
{
  if (JSON_NODE_HOLDS_NULL (node))
    return "null";
  if (JSON_NODE_HOLDS_OBJECT (node))
    return "an object";
  if (JSON_NODE_HOLDS_ARRAY (node))
    return "an array";
  switch (json_node_get_value_type (node))
    {
    case G_TYPE_STRING: return "a string";
    case G_TYPE_BOOLEAN: return "a boolean";
    case G_TYPE_INT64: return "an integer";
    case G_TYPE_DOUBLE: return "a number";
    default: return "a value";
    }
}

static gboolean
wrong_type (GError     **error,
            const char  *path,
            JsonNode    *node,
            const char  *expected)
{
  g_set_error (error, CP_ERROR, CP_ERROR_INVALID_VALUE,
               "%s: expected %s, found %s", path, expected, json_type_name (node));
  return FALSE;
}

static gboolean
holds (JsonNode *node, GType type)
{
  return JSON_NODE_HOLDS_VALUE (node) && json_node_get_value_type (node) == type;
}

static gboolean value_from_json (GParamSpec *pspec, JsonNode *node, const char *path,
                                 GValue *out, GError **error);

static gboolean
list_from_json (GParamSpec  *pspec,
                JsonNode    *node,
                const char  *path,
                GValue      *out,
                GError     **error)
{
  GType item = GPOINTER_TO_SIZE (g_param_spec_get_qdata (pspec, cp_field_item_type_quark ()));
  g_autoptr(GListStore) store = g_list_store_new (item);
  JsonArray *array;

  if (!JSON_NODE_HOLDS_ARRAY (node))
    return wrong_type (error, path, node, "an array");

  array = json_node_get_array (node);
  for (guint i = 0; i < json_array_get_length (array); i++)
    {
      g_autofree char *item_path = g_strdup_printf ("%s[%u]", path, i);
      g_autoptr(CpRecord) r = cp_record_from_json (item, json_array_get_element (array, i),
                                                   item_path, error);
      if (r == NULL)
        return FALSE;
      g_list_store_append (store, r);
    }

  g_value_set_object (out, store);
  return TRUE;
}

static gboolean
value_from_json (GParamSpec  *pspec,
                 JsonNode    *node,
                 const char  *path,
                 GValue      *out,
                 GError     **error)
{
  GType type = pspec->value_type;

  g_value_init (out, type);

  if (JSON_NODE_HOLDS_NULL (node) &&
      (type == G_TYPE_DATE || type == G_TYPE_STRING || type == G_TYPE_STRV))
    return TRUE;

  if (type == G_TYPE_STRING)
    {
      if (!holds (node, G_TYPE_STRING))
        return wrong_type (error, path, node, "a string");
      g_value_set_string (out, json_node_get_string (node));
      return TRUE;
    }

  if (type == G_TYPE_BOOLEAN)
    {
      if (!holds (node, G_TYPE_BOOLEAN))
        return wrong_type (error, path, node, "true or false");
      g_value_set_boolean (out, json_node_get_boolean (node));
      return TRUE;
    }

  if (type == G_TYPE_INT)
    {
      GParamSpecInt *ispec = G_PARAM_SPEC_INT (pspec);
      gint64 v;

      if (!holds (node, G_TYPE_INT64))
        return wrong_type (error, path, node, "a whole number");
      v = json_node_get_int (node);
      if (v < ispec->minimum || v > ispec->maximum)
        {
          g_set_error (error, CP_ERROR, CP_ERROR_INVALID_VALUE,
                       "%s: %" G_GINT64_FORMAT " is outside %d to %d",
                       path, v, ispec->minimum, ispec->maximum);
          return FALSE;
        }
      g_value_set_int (out, (int) v);
      return TRUE;
    }

  if (G_TYPE_IS_ENUM (type))
    {
      g_autoptr(GEnumClass) klass = g_type_class_ref (type);
      GEnumValue *v;

      if (!holds (node, G_TYPE_STRING))
        return wrong_type (error, path, node, "a string");
      v = g_enum_get_value_by_nick (klass, json_node_get_string (node));
      if (v == NULL)
        {
          g_autofree char *nicks = cp_enum_nicks (type);
          g_set_error (error, CP_ERROR, CP_ERROR_UNKNOWN_CODE,
                       "%s: “%s” is not a known code (expected one of: %s)",
                       path, json_node_get_string (node), nicks);
          return FALSE;
        }
      g_value_set_enum (out, v->value);
      return TRUE;
    }

  if (type == G_TYPE_DATE)
    {
      GDate d;

      if (!holds (node, G_TYPE_STRING))
        return wrong_type (error, path, node, "a date string (YYYY-MM-DD)");
      if (!cp_date_parse_iso_into (json_node_get_string (node), &d))
        {
          g_set_error (error, CP_ERROR, CP_ERROR_INVALID_DATE,
                       "%s: “%s” is not a date (expected YYYY-MM-DD)",
                       path, json_node_get_string (node));
          return FALSE;
        }
      g_value_set_boxed (out, &d);
      return TRUE;
    }

  if (type == G_TYPE_STRV)
    {
      g_autoptr(GStrvBuilder) b = g_strv_builder_new ();
      JsonArray *array;

      if (!JSON_NODE_HOLDS_ARRAY (node))
        return wrong_type (error, path, node, "an array of strings");
      array = json_node_get_array (node);
      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          JsonNode *el = json_array_get_element (array, i);
          if (!holds (el, G_TYPE_STRING))
            {
              g_autofree char *el_path = g_strdup_printf ("%s[%u]", path, i);
              return wrong_type (error, el_path, el, "a string");
            }
          g_strv_builder_add (b, json_node_get_string (el));
        }
      g_value_take_boxed (out, g_strv_builder_end (b));
      return TRUE;
    }

  if (type == G_TYPE_LIST_MODEL)
    return list_from_json (pspec, node, path, out, error);

  if (g_type_is_a (type, CP_TYPE_RECORD))
    {
      g_autoptr(CpRecord) r = NULL;

      if (JSON_NODE_HOLDS_NULL (node))
        return TRUE;
      r = cp_record_from_json (type, node, path, error);
      if (r == NULL)
        return FALSE;
      g_value_set_object (out, r);
      return TRUE;
    }

  g_set_error (error, CP_ERROR, CP_ERROR_INVALID_VALUE,
               "%s: unsupported field type %s", path, g_type_name (type));
  return FALSE;
}

static char *
child_path (const char *path, const char *key)
{
  return path && *path ? g_strdup_printf ("%s.%s", path, key) : g_strdup (key);
}

CpRecord *
cp_record_from_json (GType        type,
                     JsonNode    *node,
                     const char  *path,
                     GError     **error)
{
  g_autoptr(GTypeClass) type_class = NULL;
  CpRecordClass *klass;
  JsonObject *obj;
  g_autoptr(GHashTable) known = NULL;
  g_autoptr(GPtrArray) names = NULL;
  g_autoptr(GArray) values = NULL;
  CpRecord *record;
  CpRecordPrivate *priv;
  JsonObjectIter iter;
  const char *member_name;
  JsonNode *member;

  g_return_val_if_fail (g_type_is_a (type, CP_TYPE_RECORD), NULL);

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      wrong_type (error, path && *path ? path : "(document)", node, "an object");
      return NULL;
    }

  obj = json_node_get_object (node);
  type_class = g_type_class_ref (type);
  klass = (CpRecordClass *) type_class;
  known = g_hash_table_new (g_str_hash, g_str_equal);
  names = g_ptr_array_new ();
  values = g_array_new (FALSE, TRUE, sizeof (GValue));
  g_array_set_clear_func (values, (GDestroyNotify) g_value_unset);

  for (guint i = 1; i <= klass->n_props; i++)
    {
      GParamSpec *pspec = klass->pspecs[i];
      const char *key = g_param_spec_get_qdata (pspec, cp_field_json_key_quark ());
      guint flags = GPOINTER_TO_UINT (g_param_spec_get_qdata (pspec, cp_field_flags_quark ()));
      g_autofree char *field_path = child_path (path, key);
      JsonNode *value_node = json_object_get_member (obj, key);
      GValue v = G_VALUE_INIT;

      if (!(pspec->flags & G_PARAM_WRITABLE))
        continue;
      g_hash_table_add (known, (gpointer) key);

      if (value_node == NULL || JSON_NODE_HOLDS_NULL (value_node))
        {
          if (flags & CP_FIELD_REQUIRED)
            {
              g_set_error (error, CP_ERROR, CP_ERROR_MISSING_FIELD, "%s: missing", field_path);
              return NULL;
            }
          if (value_node == NULL)
            continue;
        }

      if (!value_from_json (pspec, value_node, field_path, &v, error))
        {
          g_value_unset (&v);
          return NULL;
        }
      g_ptr_array_add (names, (gpointer) pspec->name);
      g_array_append_val (values, v);
    }

  if (klass->strict)
    {
      json_object_iter_init_ordered (&iter, obj);
      while (json_object_iter_next_ordered (&iter, &member_name, &member))
        {
          g_autoptr(GString) expected = NULL;
          g_autofree char *member_path = NULL;

          if (g_hash_table_contains (known, member_name))
            continue;
          expected = g_string_new (NULL);
          for (guint i = 1; i <= klass->n_props; i++)
            {
              if (!(klass->pspecs[i]->flags & G_PARAM_WRITABLE))
                continue;
              if (expected->len > 0)
                g_string_append (expected, ", ");
              g_string_append (expected, g_param_spec_get_qdata (klass->pspecs[i],
                                                                 cp_field_json_key_quark ()));
            }
          member_path = child_path (path, member_name);
          g_set_error (error, CP_ERROR, CP_ERROR_UNKNOWN_CODE,
                       "%s: unknown key (expected one of: %s)", member_path, expected->str);
          return NULL;
        }
    }

  record = (CpRecord *) g_object_new_with_properties (type, names->len,
                                                      (const char **) names->pdata,
                                                      (const GValue *) values->data);
  priv = cp_record_get_instance_private (record);

  json_object_iter_init_ordered (&iter, obj);
  while (json_object_iter_next_ordered (&iter, &member_name, &member))
    {
      if (g_hash_table_contains (known, member_name))
        continue;
      if (priv->extra == NULL)
        priv->extra = json_object_new ();
      json_object_set_member (priv->extra, member_name, json_node_copy (member));
    }

  return record;
}

static JsonNode *
value_to_json (GParamSpec   *pspec,
               const GValue *value)
{
  GType type = pspec->value_type;

  if (type == G_TYPE_STRING)
    return json_node_init_string (json_node_alloc (), g_value_get_string (value));
  if (type == G_TYPE_BOOLEAN)
    return json_node_init_boolean (json_node_alloc (), g_value_get_boolean (value));
  if (type == G_TYPE_INT)
    return json_node_init_int (json_node_alloc (), g_value_get_int (value));
  if (G_TYPE_IS_ENUM (type))
    return json_node_init_string (json_node_alloc (),
                                  cp_enum_to_nick (type, g_value_get_enum (value)));
  if (type == G_TYPE_DATE)
    {
      g_autofree char *iso = cp_date_format_iso (g_value_get_boxed (value));
      return json_node_init_string (json_node_alloc (), iso);
    }
  if (type == G_TYPE_STRV)
    {
      JsonArray *array = json_array_new ();
      const char * const *strv = g_value_get_boxed (value);
      JsonNode *node;

      for (guint i = 0; strv[i] != NULL; i++)
        json_array_add_string_element (array, strv[i]);
      node = json_node_init_array (json_node_alloc (), array);
      json_array_unref (array);
      return node;
    }
  if (type == G_TYPE_LIST_MODEL)
    {
      GListModel *list = g_value_get_object (value);
      JsonArray *array = json_array_new ();
      JsonNode *node;

      for (guint i = 0; i < g_list_model_get_n_items (list); i++)
        {
          g_autoptr(CpRecord) item = g_list_model_get_item (list, i);
          json_array_add_element (array, cp_record_to_json (item));
        }
      node = json_node_init_array (json_node_alloc (), array);
      json_array_unref (array);
      return node;
    }
  if (g_type_is_a (type, CP_TYPE_RECORD))
    return cp_record_to_json (g_value_get_object (value));

  g_return_val_if_reached (NULL);
}

static gboolean
is_default (GParamSpec *pspec, const GValue *value)
{
  guint flags = GPOINTER_TO_UINT (g_param_spec_get_qdata (pspec, cp_field_flags_quark ()));

  /* A required field is always written, even when it holds the default. */
  if (flags & CP_FIELD_REQUIRED)
    return FALSE;
  if (pspec->value_type == G_TYPE_LIST_MODEL)
    {
      GListModel *list = g_value_get_object (value);
      return list == NULL || g_list_model_get_n_items (list) == 0;
    }
  if (pspec->value_type == G_TYPE_STRV)
    return g_value_get_boxed (value) == NULL;
  return g_param_value_defaults (pspec, value);
}

/**
 * cp_record_to_json:
 * @self: a #CpRecord
 *
 * The record as a JSON object: every field that differs from its default,
 * then the members kept from the JSON it was read from.
 *
 * Returns: (transfer full): a JSON object node
 */
JsonNode *
cp_record_to_json (CpRecord *self)
{
  CpRecordPrivate *priv = cp_record_get_instance_private (self);
  CpRecordClass *klass;
  JsonObject *obj;
  JsonNode *node;
  GValue *values;

  g_return_val_if_fail (CP_IS_RECORD (self), NULL);

  klass = record_class (self);
  values = values_of (self);
  obj = json_object_new ();

  for (guint i = 1; i <= klass->n_props; i++)
    {
      GParamSpec *pspec = klass->pspecs[i];
      const char *key = g_param_spec_get_qdata (pspec, cp_field_json_key_quark ());

      if (!(pspec->flags & G_PARAM_WRITABLE) || is_default (pspec, &values[i]))
        continue;
      json_object_set_member (obj, key, value_to_json (pspec, &values[i]));
    }

  if (priv->extra != NULL)
    {
      JsonObjectIter iter;
      const char *name;
      JsonNode *member;

      json_object_iter_init_ordered (&iter, priv->extra);
      while (json_object_iter_next_ordered (&iter, &name, &member))
        if (!json_object_has_member (obj, name))
          json_object_set_member (obj, name, json_node_copy (member));
    }

  node = json_node_init_object (json_node_alloc (), obj);
  json_object_unref (obj);
  return node;
}

/**
 * cp_record_equal:
 * @a: a #CpRecord
 * @b: a #CpRecord
 *
 * Whether two records hold the same fields and the same unknown JSON
 * members, recursively.
 *
 * Returns: %TRUE if @a and @b are equal
 */
gboolean
cp_record_equal (CpRecord *a,
                 CpRecord *b)
{
  g_autoptr(JsonNode) ja = NULL;
  g_autoptr(JsonNode) jb = NULL;

  g_return_val_if_fail (CP_IS_RECORD (a), FALSE);
  g_return_val_if_fail (CP_IS_RECORD (b), FALSE);

  if (G_OBJECT_TYPE (a) != G_OBJECT_TYPE (b))
    return FALSE;
  ja = cp_record_to_json (a);
  jb = cp_record_to_json (b);
  return json_node_equal (ja, jb);
}

void
cp_record_list_append (CpRecord *self,
                       guint     prop_id,
                       gpointer  item)
{
  GListModel *list = cp_record_get_list (self, prop_id);

  g_return_if_fail (G_IS_LIST_STORE (list));
  g_list_store_append (G_LIST_STORE (list), item);
}

gboolean
cp_json_check_version (JsonObject  *obj,
                       const char  *member,
                       int          newest,
                       GError     **error)
{
  JsonNode *node = json_object_get_member (obj, member);
  gint64 v;

  if (node == NULL)
    {
      g_set_error (error, CP_ERROR, CP_ERROR_MISSING_FIELD, "%s: missing", member);
      return FALSE;
    }
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64)
    {
      g_set_error (error, CP_ERROR, CP_ERROR_INVALID_VALUE, "%s: expected a whole number", member);
      return FALSE;
    }
  v = json_node_get_int (node);
  if (v < 1 || v > newest)
    {
      g_set_error (error, CP_ERROR, CP_ERROR_UNSUPPORTED_VERSION,
                   "%s: %" G_GINT64_FORMAT " is not supported (this library reads 1 to %d)",
                   member, v, newest);
      return FALSE;
    }
  return TRUE;
}
