/* cp-record-json.c: the JSON mapping of CpRecord: reading a record from a
 * tree (JsonNode) or from text as it comes (CpJsonReader), writing it as
 * JSON, and the enumeration nicks and format versions they use
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include <string.h>

#include "cp-date-private.h"
#include "cp-error-private.h"
#include "cp-json-text-private.h"
#include "cp-record-fields-private.h"

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
  GEnumClass *klass = g_type_class_peek (enum_type);
  GEnumValue *v;

  /* The class of a static type, once made, is never freed, so the nick
   * stays valid; the reference taken the first time is kept. */
  if (klass == NULL)
    klass = g_type_class_ref (enum_type);
  /* The library's enums number their values from 0 in order: the value
   * is then its own index, without a search (the engine asks for the nick
   * of a placement's type or a legal status for every gap it judges). */
  if (value >= 0 && (guint) value < klass->n_values && klass->values[value].value == value)
    return klass->values[value].value_nick;
  v = g_enum_get_value (klass, value);
  return v ? v->value_nick : NULL;
}

static CpJsonKind
node_kind (JsonNode *node)
{
  if (JSON_NODE_HOLDS_NULL (node))
    return CP_JSON_NULL;
  if (JSON_NODE_HOLDS_OBJECT (node))
    return CP_JSON_OBJECT;
  if (JSON_NODE_HOLDS_ARRAY (node))
    return CP_JSON_ARRAY;
  switch (json_node_get_value_type (node))
    {
    case G_TYPE_STRING: return CP_JSON_STRING;
    case G_TYPE_BOOLEAN: return CP_JSON_BOOLEAN;
    case G_TYPE_INT64: return CP_JSON_INTEGER;
    default: return CP_JSON_NUMBER;
    }
}

static const char *
kind_name (CpJsonKind kind)
{
  switch (kind)
    {
    case CP_JSON_NULL: return "null";
    case CP_JSON_BOOLEAN: return "a boolean";
    case CP_JSON_INTEGER: return "an integer";
    case CP_JSON_NUMBER: return "a number";
    case CP_JSON_STRING: return "a string";
    case CP_JSON_ARRAY: return "an array";
    case CP_JSON_OBJECT: return "an object";
    default: return "a value";
    }
}

/* A scalar node as the text reader would have read it. */
static void
scalar_of_node (JsonNode *node, CpJsonScalar *v)
{
  v->kind = node_kind (node);
  switch (v->kind)
    {
    case CP_JSON_STRING: v->string = json_node_get_string (node); break;
    case CP_JSON_BOOLEAN: v->boolean = json_node_get_boolean (node); break;
    case CP_JSON_INTEGER: v->integer = json_node_get_int (node); break;
    case CP_JSON_NUMBER: v->number = json_node_get_double (node); break;
    default: break;
    }
}

/* Where a JSON value sits, for error messages only: a chain of member
 * names and array indexes, turned into text ("reviews[2].held") only
 * when something is wrong, so reading a good record formats nothing. */
typedef struct _JsonPath JsonPath;
struct _JsonPath
{
  const JsonPath *parent;
  const char     *key;    /* a member name, or NULL for an array element */
  guint           index;
};

static void
path_append (GString *s, const JsonPath *path)
{
  if (path == NULL)
    return;
  path_append (s, path->parent);
  if (path->key == NULL)
    g_string_append_printf (s, "[%u]", path->index);
  else if (*path->key != '\0')
    {
      if (s->len > 0)
        g_string_append_c (s, '.');
      g_string_append (s, path->key);
    }
}

static char *
path_text (const JsonPath *path)
{
  GString *s = g_string_new (NULL);

  path_append (s, path);
  if (s->len == 0)
    g_string_append (s, "(document)");
  return g_string_free (s, FALSE);
}

static gboolean
wrong_type (GError         **error,
            const JsonPath  *path,
            CpJsonKind       found,
            const char      *expected)
{
  g_autofree char *where = path_text (path);

  g_set_error (error, CP_ERROR, CP_ERROR_INVALID_VALUE,
               "%s: expected %s, found %s", where, expected, kind_name (found));
  return FALSE;
}

static gboolean
missing (GError **error, const JsonPath *path)
{
  g_autofree char *where = path_text (path);

  g_set_error (error, CP_ERROR, CP_ERROR_MISSING_FIELD, "%s: missing", where);
  return FALSE;
}

/* Converts a scalar for a string, boolean, number, enumeration or date
 * field into @out (emptied here, owned by the caller). Both readers (of
 * trees and of text) come through here, so they accept and refuse the same
 * values. */
static gboolean
value_from_scalar (FieldInfo           *info,
                   const CpJsonScalar  *v,
                   const JsonPath      *path,
                   CpRecordSlot        *out,
                   GError             **error)
{
  GParamSpec *pspec = info->pspec;
  GType type = pspec->value_type;

  memset (out, 0, sizeof *out);

  if (v->kind == CP_JSON_NULL && (info->kind == FIELD_DATE || info->kind == FIELD_STRING))
    return TRUE;

  switch (info->kind)
    {
    case FIELD_STRING:
      if (v->kind != CP_JSON_STRING)
        return wrong_type (error, path, v->kind, "a string");
      out->s = g_strdup (v->string);
      return TRUE;

    case FIELD_BOOLEAN:
      if (v->kind != CP_JSON_BOOLEAN)
        return wrong_type (error, path, v->kind, "true or false");
      out->b = v->boolean != FALSE;
      return TRUE;

    case FIELD_INT:
      {
        GParamSpecInt *ispec = G_PARAM_SPEC_INT (pspec);

        if (v->kind != CP_JSON_INTEGER)
          return wrong_type (error, path, v->kind, "a whole number");
        if (v->integer < ispec->minimum || v->integer > ispec->maximum)
          {
            g_autofree char *where = path_text (path);
            g_set_error (error, CP_ERROR, CP_ERROR_INVALID_VALUE,
                         "%s: %" G_GINT64_FORMAT " is outside %d to %d",
                         where, v->integer, ispec->minimum, ispec->maximum);
            return FALSE;
          }
        out->i = (int) v->integer;
        return TRUE;
      }

    case FIELD_ENUM:
      {
        GEnumValue *e;

        if (v->kind != CP_JSON_STRING)
          return wrong_type (error, path, v->kind, "a string");
        e = g_hash_table_lookup (info->nicks, v->string);
        if (e == NULL)
          {
            g_autofree char *nicks = cp_enum_nicks (type);
            g_autofree char *where = path_text (path);
            g_autofree char *shown = cp_escape_value (v->string);
            g_set_error (error, CP_ERROR, CP_ERROR_UNKNOWN_CODE,
                         "%s: “%s” is not a known code (expected one of: %s)",
                         where, shown, nicks);
            return FALSE;
          }
        out->e = e->value;
        return TRUE;
      }

    case FIELD_DATE:
      {
        if (v->kind != CP_JSON_STRING)
          return wrong_type (error, path, v->kind, "a date string (YYYY-MM-DD)");
        /* Both forms, as a stored date must hold: cp_date_parse_iso_into()
         * works out the julian number too. */
        if (!cp_date_parse_iso_into (v->string, &out->date.value))
          {
            g_autofree char *where = path_text (path);
            g_autofree char *shown = cp_escape_value (v->string);
            g_set_error (error, CP_ERROR, CP_ERROR_INVALID_DATE,
                         "%s: “%s” is not a date (expected YYYY-MM-DD)", where, shown);
            return FALSE;
          }
        out->date.set = TRUE;
        return TRUE;
      }

    default:
      {
        g_autofree char *where = path_text (path);
        g_set_error (error, CP_ERROR, CP_ERROR_INVALID_VALUE,
                     "%s: unsupported field type %s", where, g_type_name (type));
      }
      return FALSE;
    }
}

static gboolean
unknown_key (CpRecordClassPrivate   *klass,
             const JsonPath  *path,
             const char      *name,
             GError         **error)
{
  g_autoptr(GString) expected = g_string_new (NULL);
  RecordFields *fields = cp_record_class_fields (klass);
  JsonPath member_path = { path, name, 0 };
  g_autofree char *where = path_text (&member_path);

  for (guint i = 1; i <= klass->n_props; i++)
    {
      if (!fields->info[i].writable)
        continue;
      if (expected->len > 0)
        g_string_append (expected, ", ");
      g_string_append (expected, fields->info[i].key);
    }
  g_set_error (error, CP_ERROR, CP_ERROR_UNKNOWN_CODE,
               "%s: unknown key (expected one of: %s)", where, expected->str);
  return FALSE;
}

/* Reading trees (JsonNode) ------------------------------------------------- */

static CpRecord *record_from_json (GType type, JsonNode *node, const JsonPath *path,
                                   const CpRecordEnvelope *envelope, GError **error);

/* Fills the (empty) list field @slot with the records of @node. */
static gboolean
list_from_json (FieldInfo       *info,
                JsonNode        *node,
                const JsonPath  *path,
                CpRecordSlot    *slot,
                GError         **error)
{
  g_autoptr(GPtrArray) items = NULL;
  JsonArray *array;
  guint n;

  if (!JSON_NODE_HOLDS_ARRAY (node))
    return wrong_type (error, path, node_kind (node), "an array");

  array = json_node_get_array (node);
  n = json_array_get_length (array);
  items = g_ptr_array_new_full (n, g_object_unref);
  for (guint i = 0; i < n; i++)
    {
      JsonPath item_path = { path, NULL, i };
      CpRecord *r = record_from_json (info->item_type, json_array_get_element (array, i),
                                      &item_path, NULL, error);
      if (r == NULL)
        return FALSE;
      cp_record_mark_attached (r);
      g_ptr_array_add (items, r);
    }

  if (items->len > 0)
    slot->list.items = g_steal_pointer (&items);
  return TRUE;
}

/* Converts @node for the field @info into @out (emptied here, owned by
 * the caller). A list field is not handled here: see list_from_json(). */
static gboolean
value_from_json (FieldInfo       *info,
                 JsonNode        *node,
                 const JsonPath  *path,
                 CpRecordSlot    *out,
                 GError         **error)
{
  CpJsonScalar v;

  memset (out, 0, sizeof *out);
  if (info->kind == FIELD_STRV)
    {
      JsonArray *array;
      char **strv;
      guint n;

      if (JSON_NODE_HOLDS_NULL (node))
        return TRUE;
      if (!JSON_NODE_HOLDS_ARRAY (node))
        return wrong_type (error, path, node_kind (node), "an array of strings");
      array = json_node_get_array (node);
      n = json_array_get_length (array);
      strv = g_new0 (char *, n + 1);
      for (guint i = 0; i < n; i++)
        {
          JsonNode *el = json_array_get_element (array, i);
          if (node_kind (el) != CP_JSON_STRING)
            {
              JsonPath el_path = { path, NULL, i };
              g_strfreev (strv);
              return wrong_type (error, &el_path, node_kind (el), "a string");
            }
          strv[i] = g_strdup (json_node_get_string (el));
        }
      out->strv = strv;
      return TRUE;
    }

  if (info->kind == FIELD_RECORD)
    {
      CpRecord *r;

      if (JSON_NODE_HOLDS_NULL (node))
        return TRUE;
      r = record_from_json (info->pspec->value_type, node, path, NULL, error);
      if (r == NULL)
        return FALSE;
      cp_record_mark_attached (r);
      out->obj = G_OBJECT (r);
      return TRUE;
    }

  scalar_of_node (node, &v);
  return value_from_scalar (info, &v, path, out, error);
}

/* Reads an object into a new record of @type. Errors are found in the
 * order of the type's fields, then unknown keys (for a strict type).
 * The member of @envelope (if not %NULL) belongs to the document around
 * the record (its format version): it is checked first, and not kept. */
static CpRecord *
record_from_json (GType                    type,
                  JsonNode                *node,
                  const JsonPath          *path,
                  const CpRecordEnvelope  *envelope,
                  GError                 **error)
{
  CpRecordClassPrivate *klass;
  RecordFields *fields;
  JsonObject *obj;
  JsonNode **by_field;
  g_autoptr(CpRecord) record = NULL;
  JsonObjectIter iter;
  const char *member_name;
  JsonNode *member;
  gboolean any_unknown = FALSE;
  CpRecordSlot *slots;

  if (!JSON_NODE_HOLDS_OBJECT (node))
    {
      wrong_type (error, path, node_kind (node), "an object");
      return NULL;
    }

  obj = json_node_get_object (node);
  if (envelope != NULL)
    {
      JsonNode *member_node = json_object_get_member (obj, envelope->key);
      CpJsonScalar v;

      if (member_node != NULL)
        scalar_of_node (member_node, &v);
      if (!envelope->check (member_node != NULL ? &v : NULL, error))
        return NULL;
    }
  klass = cp_record_class_of (type);
  fields = cp_record_class_fields (klass);
  by_field = g_newa (JsonNode *, klass->n_props + 1);
  memset (by_field, 0, sizeof (JsonNode *) * (klass->n_props + 1));

  /* One look-up a member: which field it fills, if any. */
  json_object_iter_init_ordered (&iter, obj);
  while (json_object_iter_next_ordered (&iter, &member_name, &member))
    {
      guint prop_id = GPOINTER_TO_UINT (g_hash_table_lookup (fields->by_key, member_name));

      if (envelope != NULL && strcmp (member_name, envelope->key) == 0)
        continue;
      if (prop_id == 0)
        any_unknown = TRUE;
      else
        by_field[prop_id] = member;
    }

  record = g_object_new (type, NULL);
  slots = cp_record_slots (record);

  for (guint i = 1; i <= klass->n_props; i++)
    {
      FieldInfo *info = &fields->info[i];
      JsonNode *value_node = by_field[i];
      JsonPath field_path = { path, info->key, 0 };
      CpRecordSlot v;

      if (!info->writable)
        continue;

      if (value_node == NULL || JSON_NODE_HOLDS_NULL (value_node))
        {
          if (info->flags & CP_FIELD_REQUIRED)
            return missing (error, &field_path), NULL;
          if (value_node == NULL)
            continue;
        }

      if (info->kind == FIELD_LIST)
        {
          if (!list_from_json (info, value_node, &field_path, &slots[i], error))
            return NULL;
          continue;
        }

      if (!value_from_json (info, value_node, &field_path, &v, error))
        {
          cp_record_slot_clear (info, &v);
          return NULL;
        }
      /* A new record: nobody can be listening, so store without notifying. */
      cp_record_slot_clear (info, &slots[i]);
      slots[i] = v;
    }

  if (!any_unknown)
    return g_steal_pointer (&record);

  json_object_iter_init_ordered (&iter, obj);
  while (json_object_iter_next_ordered (&iter, &member_name, &member))
    {
      if (g_hash_table_contains (fields->by_key, member_name) ||
          (envelope != NULL && strcmp (member_name, envelope->key) == 0))
        continue;
      if (klass->strict)
        {
          unknown_key (klass, path, member_name, error);
          return NULL;
        }
      json_object_set_member (cp_record_ensure_extra (record), member_name,
                              json_node_copy (member));
    }

  return g_steal_pointer (&record);
}

CpRecord *
cp_record_from_json (GType                    type,
                     JsonNode                *node,
                     const char              *path,
                     const CpRecordEnvelope  *envelope,
                     GError                 **error)
{
  JsonPath root = { NULL, path ? path : "", 0 };

  g_return_val_if_fail (g_type_is_a (type, CP_TYPE_RECORD), NULL);
  g_return_val_if_fail (node != NULL, NULL);

  return record_from_json (type, node, &root, envelope, error);
}

/* Reading text (CpJsonReader), without a tree ----------------------------- */

static CpRecord *record_from_reader (GType type, CpJsonReader *reader, const JsonPath *path,
                                     const CpRecordEnvelope *envelope, GError **error);

static gboolean
twice (CpJsonReader *reader, const char *name)
{
  g_autofree char *shown = cp_escape_value (name);
  return cp_json_reader_fail (reader, reader->name_at, "the member “%s” appears twice", shown);
}

/* Reads an array of records into the (empty) list field @slot. */
static gboolean
list_from_reader (FieldInfo       *info,
                  CpJsonReader    *reader,
                  const JsonPath  *path,
                  CpRecordSlot    *slot,
                  GError         **error)
{
  g_autoptr(GPtrArray) items = g_ptr_array_new_with_free_func (g_object_unref);
  CpJsonScalar v;
  int more;
  guint i = 0;

  if (!cp_json_reader_scalar (reader, &v))
    return FALSE;
  if (v.kind != CP_JSON_ARRAY)
    return wrong_type (error, path, v.kind, "an array");

  for (gboolean first = TRUE; (more = cp_json_reader_next_element (reader, first)) > 0; first = FALSE)
    {
      JsonPath item_path = { path, NULL, i++ };
      CpRecord *r = record_from_reader (info->item_type, reader, &item_path, NULL, error);

      if (r == NULL)
        return FALSE;
      cp_record_mark_attached (r);
      g_ptr_array_add (items, r);
    }
  if (more < 0)
    return FALSE;

  if (items->len > 0)
    slot->list.items = g_steal_pointer (&items);
  return TRUE;
}

static gboolean
strv_from_reader (CpJsonReader    *reader,
                  const JsonPath  *path,
                  char          ***out,
                  GError         **error)
{
  g_autoptr(GStrvBuilder) b = NULL;
  CpJsonScalar v;
  int more;
  guint i = 0;

  *out = NULL;
  if (!cp_json_reader_scalar (reader, &v))
    return FALSE;
  if (v.kind == CP_JSON_NULL)
    return TRUE;
  if (v.kind != CP_JSON_ARRAY)
    return wrong_type (error, path, v.kind, "an array of strings");

  b = g_strv_builder_new ();
  for (gboolean first = TRUE; (more = cp_json_reader_next_element (reader, first)) > 0; first = FALSE)
    {
      JsonPath el_path = { path, NULL, i++ };

      if (!cp_json_reader_scalar (reader, &v))
        return FALSE;
      if (v.kind != CP_JSON_STRING)
        return wrong_type (error, &el_path, v.kind, "a string");
      g_strv_builder_add (b, v.string);
    }
  if (more < 0)
    return FALSE;
  *out = g_strv_builder_end (b);
  return TRUE;
}

/* One member's value, for the field @info (the reader at the value), into
 * @slot, a field of a new record. */
static gboolean
field_from_reader (FieldInfo       *info,
                   CpRecordSlot    *slot,
                   CpJsonReader    *reader,
                   const JsonPath  *path,
                   GError         **error)
{
  CpRecordSlot v;
  CpJsonKind kind;

  if (!cp_json_reader_peek (reader, &kind))
    return FALSE;
  if (kind == CP_JSON_NULL && (info->flags & CP_FIELD_REQUIRED))
    return missing (error, path);

  switch (info->kind)
    {
    case FIELD_LIST:
      return list_from_reader (info, reader, path, slot, error);

    case FIELD_RECORD:
      v.obj = NULL;
      if (kind == CP_JSON_NULL)
        {
          CpJsonScalar null;
          if (!cp_json_reader_scalar (reader, &null))
            return FALSE;
        }
      else
        {
          CpRecord *r = record_from_reader (info->pspec->value_type, reader, path, NULL, error);
          if (r == NULL)
            return FALSE;
          cp_record_mark_attached (r);
          v.obj = G_OBJECT (r);
        }
      break;

    case FIELD_STRV:
      if (!strv_from_reader (reader, path, &v.strv, error))
        return FALSE;
      break;

    default:
      {
        CpJsonScalar s;

        if (!cp_json_reader_scalar (reader, &s))
          return FALSE;
        if (!value_from_scalar (info, &s, path, &v, error))
          {
            cp_record_slot_clear (info, &v);
            return FALSE;
          }
      }
      break;
    }

  /* A new record: nobody can be listening, so store without notifying.
   * The default it replaces mostly holds nothing to free. */
  cp_record_slot_clear (info, slot);
  *slot = v;
  return TRUE;
}

/* The field (prop_id) the member @name (@len bytes) fills, or 0. A record
 * has a dozen fields or so: comparing lengths, then bytes, costs less
 * than hashing the name, and members mostly come in the order of the
 * fields (as the library writes them), so @guess is tried first. */
static guint
field_named (CpRecordClassPrivate *klass,
             RecordFields  *fields,
             const char    *name,
             gsize          len,
             guint          guess)
{
  FieldInfo *info = fields->info;

  if (guess <= klass->n_props && info[guess].writable && info[guess].key_len == len &&
      memcmp (info[guess].key, name, len) == 0)
    return guess;
  for (guint i = 1; i <= klass->n_props; i++)
    if (info[i].writable && info[i].key_len == len && memcmp (info[i].key, name, len) == 0)
      return i;
  return 0;
}

/* Reads an object into a new record of @type, member by member as they
 * come. Errors are found in document order, then missing fields in the
 * order of the type's fields. */
static CpRecord *
record_from_reader (GType                    type,
                    CpJsonReader            *reader,
                    const JsonPath          *path,
                    const CpRecordEnvelope  *envelope,
                    GError                 **error)
{
  CpRecordClassPrivate *klass = cp_record_class_of (type);
  RecordFields *fields = cp_record_class_fields (klass);
  g_autoptr(CpRecord) record = NULL;
  CpRecordSlot *slots;
  JsonObject *extra = NULL;
  gboolean *seen;
  gboolean envelope_seen = FALSE;
  CpJsonScalar v;
  int more;
  guint guess = 1;   /* the field the next member most likely fills */

  if (!cp_json_reader_scalar (reader, &v))
    return NULL;
  if (v.kind != CP_JSON_OBJECT)
    return wrong_type (error, path, v.kind, "an object"), NULL;

  seen = g_newa (gboolean, klass->n_props + 1);
  memset (seen, 0, sizeof (gboolean) * (klass->n_props + 1));
  record = g_object_new (type, NULL);
  slots = cp_record_slots (record);

  for (gboolean first = TRUE; (more = cp_json_reader_next_member (reader, first)) > 0; first = FALSE)
    {
      const char *name = reader->name->str;
      guint prop_id;

      if (envelope != NULL && strcmp (name, envelope->key) == 0)
        {
          if (envelope_seen)
            return twice (reader, name), NULL;
          envelope_seen = TRUE;
          if (!cp_json_reader_scalar (reader, &v) || !envelope->check (&v, error))
            return NULL;
          continue;
        }

      prop_id = field_named (klass, fields, name, reader->name->len, guess);
      guess = prop_id + 1;
      if (prop_id == 0)
        {
          g_autofree char *kept = NULL;
          JsonNode *node;

          if (klass->strict)
            return unknown_key (klass, path, name, error), NULL;
          if (extra != NULL && json_object_has_member (extra, name))
            return twice (reader, name), NULL;
          kept = g_strndup (name, reader->name->len);   /* the value may overwrite it */
          node = cp_json_reader_node (reader);
          if (node == NULL)
            return NULL;
          if (extra == NULL)
            extra = cp_record_ensure_extra (record);
          json_object_set_member (extra, kept, node);
          continue;
        }

      if (seen[prop_id])
        return twice (reader, name), NULL;
      seen[prop_id] = TRUE;
      {
        JsonPath field_path = { path, fields->info[prop_id].key, 0 };

        if (!field_from_reader (&fields->info[prop_id], &slots[prop_id], reader, &field_path, error))
          return NULL;
      }
    }
  if (more < 0)
    return NULL;

  for (guint i = 1; i <= klass->n_props; i++)
    if (fields->info[i].writable && (fields->info[i].flags & CP_FIELD_REQUIRED) && !seen[i])
      {
        JsonPath field_path = { path, fields->info[i].key, 0 };
        return missing (error, &field_path), NULL;
      }
  if (envelope != NULL && !envelope_seen && !envelope->check (NULL, error))
    return NULL;

  return g_steal_pointer (&record);
}

CpRecord *
cp_record_from_reader (GType                    type,
                       CpJsonReader            *reader,
                       const CpRecordEnvelope  *envelope,
                       GError                 **error)
{
  JsonPath root = { NULL, "", 0 };

  g_return_val_if_fail (g_type_is_a (type, CP_TYPE_RECORD), NULL);
  g_return_val_if_fail (reader != NULL, NULL);

  return record_from_reader (type, reader, &root, envelope, error);
}

static JsonNode *
value_to_json (const FieldInfo    *info,
               const CpRecordSlot *slot)
{
  switch (info->kind)
    {
    case FIELD_STRING:
      return json_node_init_string (json_node_alloc (), slot->s);
    case FIELD_BOOLEAN:
      return json_node_init_boolean (json_node_alloc (), slot->b);
    case FIELD_INT:
      return json_node_init_int (json_node_alloc (), slot->i);
    case FIELD_ENUM:
      return json_node_init_string (json_node_alloc (),
                                    cp_enum_to_nick (info->pspec->value_type, slot->e));
    case FIELD_DATE:
      {
        g_autofree char *iso = cp_date_format_iso (&slot->date.value);
        return json_node_init_string (json_node_alloc (), iso);
      }
    case FIELD_STRV:
      {
        JsonArray *array = json_array_new ();
        JsonNode *node;

        for (guint i = 0; slot->strv[i] != NULL; i++)
          json_array_add_string_element (array, slot->strv[i]);
        node = json_node_init_array (json_node_alloc (), array);
        json_array_unref (array);
        return node;
      }
    case FIELD_LIST:
      {
        GPtrArray *items = slot->list.items;
        JsonArray *array = json_array_new ();
        JsonNode *node;

        for (guint i = 0; items != NULL && i < items->len; i++)
          json_array_add_element (array, cp_record_to_json (items->pdata[i]));
        node = json_node_init_array (json_node_alloc (), array);
        json_array_unref (array);
        return node;
      }
    case FIELD_RECORD:
      return cp_record_to_json (CP_RECORD (slot->obj));
    default:
      g_return_val_if_reached (NULL);
    }
}

static gboolean
is_default (const FieldInfo    *info,
            const CpRecordSlot *slot,
            const CpRecordSlot *def)
{
  /* A required field is always written, even when it holds the default. */
  if (info->flags & CP_FIELD_REQUIRED)
    return FALSE;
  switch (info->kind)
    {
    case FIELD_LIST:
      return slot->list.items == NULL || slot->list.items->len == 0;
    case FIELD_STRV:
      return slot->strv == NULL;   /* an empty list is written as [] */
    default:
      return cp_record_slot_equal (info, slot, def);
    }
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
  CpRecordClassPrivate *klass;
  RecordFields *fields;
  JsonObject *obj, *extra;
  JsonNode *node;
  CpRecordSlot *slots;

  g_return_val_if_fail (CP_IS_RECORD (self), NULL);

  cp_record_realize (self, 0);
  klass = cp_record_class_private (self);
  fields = cp_record_class_fields (klass);
  slots = cp_record_slots (self);
  obj = json_object_new ();

  for (guint i = 1; i <= klass->n_props; i++)
    {
      const FieldInfo *info = &fields->info[i];

      if (!info->writable || is_default (info, &slots[i], &fields->defaults[i]))
        continue;
      json_object_set_member (obj, info->key, value_to_json (info, &slots[i]));
    }

  extra = cp_record_get_extra (self);
  if (extra != NULL)
    {
      JsonObjectIter iter;
      const char *name;
      JsonNode *member;

      json_object_iter_init_ordered (&iter, extra);
      while (json_object_iter_next_ordered (&iter, &name, &member))
        if (!json_object_has_member (obj, name))
          json_object_set_member (obj, name, json_node_copy (member));
    }

  node = json_node_init_object (json_node_alloc (), obj);
  json_object_unref (obj);
  return node;
}

JsonNode *
cp_record_field_to_json (CpRecord   *self,
                         const char *key)
{
  RecordFields *fields;
  FieldInfo *info;
  gpointer id;
  CpRecordSlot *v;

  g_return_val_if_fail (CP_IS_RECORD (self), NULL);
  g_return_val_if_fail (key != NULL, NULL);

  fields = cp_record_class_fields (cp_record_class_private (self));
  if (!g_hash_table_lookup_extended (fields->by_key, key, NULL, &id))
    return NULL;
  info = &fields->info[GPOINTER_TO_UINT (id)];
  if (info->kind == FIELD_LIST)
    cp_record_realize (self, GPOINTER_TO_UINT (id));
  v = &cp_record_slots (self)[GPOINTER_TO_UINT (id)];
  if ((info->kind == FIELD_STRING && v->s == NULL) ||
      (info->kind == FIELD_DATE && !v->date.set) ||
      (info->kind == FIELD_STRV && v->strv == NULL) ||
      (info->kind == FIELD_RECORD && v->obj == NULL))
    return json_node_init_null (json_node_alloc ());
  return value_to_json (info, v);
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

gboolean
cp_json_check_version_value (const CpJsonScalar  *value,
                             const char          *member,
                             int                  newest,
                             GError             **error)
{
  if (value == NULL)
    {
      g_set_error (error, CP_ERROR, CP_ERROR_MISSING_FIELD, "%s: missing", member);
      return FALSE;
    }
  if (value->kind != CP_JSON_INTEGER)
    {
      g_set_error (error, CP_ERROR, CP_ERROR_INVALID_VALUE, "%s: expected a whole number", member);
      return FALSE;
    }
  if (value->integer < 1 || value->integer > newest)
    {
      g_set_error (error, CP_ERROR, CP_ERROR_UNSUPPORTED_VERSION,
                   "%s: %" G_GINT64_FORMAT " is not supported (this library reads 1 to %d)",
                   member, value->integer, newest);
      return FALSE;
    }
  return TRUE;
}

gboolean
cp_json_check_version (JsonObject  *obj,
                       const char  *member,
                       int          newest,
                       GError     **error)
{
  JsonNode *node = json_object_get_member (obj, member);
  CpJsonScalar v;

  if (node != NULL)
    scalar_of_node (node, &v);
  return cp_json_check_version_value (node != NULL ? &v : NULL, member, newest, error);
}
