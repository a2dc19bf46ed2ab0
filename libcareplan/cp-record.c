/* cp-record.c: property storage and the JSON mapping shared by the
 * case-model types
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include <string.h>

#include "cp-date-private.h"
#include "cp-error-private.h"
#include "cp-json-text-private.h"
#include "cp-record-list-private.h"
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
  gboolean    attached; /* part of another record (a case, a review...) */
} CpRecordPrivate;

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (CpRecord, cp_record, G_TYPE_OBJECT)

static GQuark cp_field_flags_quark (void);
static GQuark cp_field_item_type_quark (void);
static GQuark cp_field_json_key_quark (void);

/* static: the quarks are private to this file. */
static G_DEFINE_QUARK (cp-field-flags, cp_field_flags)
static G_DEFINE_QUARK (cp-field-item-type, cp_field_item_type)
static G_DEFINE_QUARK (cp-field-json-key, cp_field_json_key)

/* What reading and writing JSON needs of a field, worked out once per
 * class (CpRecordClass.fields), so reading a record looks nothing up by
 * name but its members. */
typedef enum {
  FIELD_STRING,
  FIELD_BOOLEAN,
  FIELD_INT,
  FIELD_ENUM,
  FIELD_DATE,
  FIELD_STRV,
  FIELD_LIST,
  FIELD_RECORD,
  FIELD_OTHER,
} FieldKind;

typedef struct
{
  GParamSpec *pspec;
  const char *key;        /* the JSON member name */
  gsize       key_len;
  FieldKind   kind;
  guint       flags;      /* CpFieldFlags */
  GType       item_type;  /* for a list */
  gboolean    writable;
} FieldInfo;

typedef struct
{
  FieldInfo  *info;       /* indexed by prop_id; [0] unused */
  GHashTable *by_key;     /* JSON member name -> prop_id of a writable field */
  GValue     *defaults;   /* indexed by prop_id */
  gboolean    plain;      /* every default is bits that may be copied */
} RecordFields;

/* What the library keeps of each record class, behind the opaque
 * CpRecordClass.priv (as GtkWidgetClass keeps its own): made when the
 * class installs its fields, never freed (nor is a class). */
struct _CpRecordClassPrivate
{
  guint         n_props;
  gboolean      strict;
  GParamSpec  **pspecs;   /* indexed by prop_id; [0] unused */
  RecordFields *fields;   /* made on first use (atomic) */
};

/* @klass's own private part: a subclass starts as a copy of its parent's
 * class struct, pointer included, so a pointer equal to the parent's is
 * not yet its own. */
static CpRecordClassPrivate *
class_private_init (CpRecordClass *klass)
{
  CpRecordClass *parent = g_type_class_peek_parent (klass);

  if (klass->priv == NULL || (CP_IS_RECORD_CLASS (parent) && klass->priv == parent->priv))
    klass->priv = g_new0 (CpRecordClassPrivate, 1);
  return klass->priv;
}

static inline CpRecordClassPrivate *
record_class (CpRecord *self)
{
  return CP_RECORD_GET_CLASS (self)->priv;
}

static RecordFields *ensure_fields (CpRecordClassPrivate *klass);

static void
mark_attached (gpointer record)
{
  CpRecordPrivate *priv = cp_record_get_instance_private (CP_RECORD (record));
  priv->attached = TRUE;
}

gboolean
cp_record_is_attached (CpRecord *self)
{
  CpRecordPrivate *priv = cp_record_get_instance_private (self);
  return priv->attached;
}

static RecordFields *
fields_of (CpRecordClassPrivate *klass)
{
  return ensure_fields (klass);
}

static GParamSpec *
pspec_for (CpRecord *self, guint prop_id)
{
  CpRecordClassPrivate *klass = record_class (self);

  g_return_val_if_fail (prop_id > 0 && prop_id <= klass->n_props, NULL);
  return klass->pspecs[prop_id];
}

static GValue *
values_of (CpRecord *self)
{
  CpRecordPrivate *priv = cp_record_get_instance_private (self);

  if (priv->values == NULL)
    {
      CpRecordClassPrivate *klass = record_class (self);
      RecordFields *fields = fields_of (klass);

      if (fields->plain)
        {
          priv->values = g_memdup2 (fields->defaults, sizeof (GValue) * (klass->n_props + 1));
          return priv->values;
        }
      priv->values = g_new0 (GValue, klass->n_props + 1);
      for (guint i = 1; i <= klass->n_props; i++)
        {
          g_value_init (&priv->values[i], klass->pspecs[i]->value_type);
          g_value_copy (&fields->defaults[i], &priv->values[i]);
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

/* A date read from JSON lives inside its GValue: data[0] points at
 * data[1], which holds the GDate itself (a GDate is the eight bytes of a
 * GValue's second word), so reading a case allocates nothing for its
 * dates. Such a value is never given to g_value_unset(), which would free
 * the pointer (release_value() knows), and is moved with place_value(),
 * which points it at its new place. Dates set through the API are
 * ordinary boxed copies. */
G_STATIC_ASSERT (sizeof (GDate) <= sizeof (((GValue *) NULL)->data[1]));

static inline gboolean
date_is_inline (const GValue *v)
{
  return v->data[0].v_pointer == (gconstpointer) &v->data[1];
}

/* g_value_unset() for a stored value; a date is freed here, without the
 * value table's look-ups, and only if it is not kept inside the GValue. */
static void
release_value (GValue *v)
{
  if (G_VALUE_TYPE (v) == G_TYPE_DATE)
    {
      if (v->data[0].v_pointer != NULL && !date_is_inline (v))
        g_date_free (v->data[0].v_pointer);
      *v = (GValue) G_VALUE_INIT;
    }
  else if (G_VALUE_TYPE (v) != G_TYPE_INVALID)
    g_value_unset (v);
}

static inline void
place_value (GValue *slot, const GValue *v)
{
  *slot = *v;
  if (G_VALUE_TYPE (v) == G_TYPE_DATE && date_is_inline (v))
    slot->data[0].v_pointer = &slot->data[1];
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

  /* Nothing to do for the same value (GObject sets every construct-only
   * field to its default as each record is made). The same bits (a
   * number, or the same string, date or object pointer) are the same
   * value without a closer look. */
  if (G_VALUE_TYPE (value) == pspec->value_type &&
      (value->data[0].v_uint64 == slot->data[0].v_uint64 || values_equal (pspec, slot, value)))
    return;

  g_value_init (&copy, pspec->value_type);
  g_value_copy (value, &copy);
  /* A stored date holds both its forms, so that reading it never writes
   * (a GDate caches its julian number on first use: a data race on a
   * record shared between threads, such as a loaded policy's rules). */
  if (G_VALUE_TYPE (&copy) == G_TYPE_DATE && copy.data[0].v_pointer != NULL &&
      g_date_valid (copy.data[0].v_pointer))
    {
      (void) g_date_get_julian (copy.data[0].v_pointer);
      (void) g_date_get_year (copy.data[0].v_pointer);
    }

  if (values_equal (pspec, slot, &copy))
    return;

  release_value (slot);
  *slot = copy;
  copy = (GValue) G_VALUE_INIT;
  if (G_VALUE_HOLDS (slot, CP_TYPE_RECORD) && slot->data[0].v_pointer != NULL)
    mark_attached (slot->data[0].v_pointer);

  if (notify)
    g_object_notify_by_pspec (G_OBJECT (self), pspec);
}

/* A list field's slot holds two things: in data[1] the GPtrArray of its
 * records (NULL until the first comes), which the library reads and
 * appends to; in data[0] the CpRecordList a program sees (NULL until
 * somebody asks for it), made over the same array. Most lists of most
 * records stay empty, and most are never asked for: a caseload check
 * reads a hundred thousand cases and makes none. GObject's value table
 * only knows data[0], so the array is freed here, before the GValue. */
static inline GPtrArray *
list_items (const GValue *slot)
{
  return slot->data[1].v_pointer;
}

static GPtrArray *
ensure_list_items (GValue *slot)
{
  if (slot->data[1].v_pointer == NULL)
    slot->data[1].v_pointer = g_ptr_array_new_with_free_func (g_object_unref);
  return slot->data[1].v_pointer;
}

static void
clear_list_items (GValue *slot)
{
  g_clear_pointer ((GPtrArray **) &slot->data[1].v_pointer, g_ptr_array_unref);
}

/* The stored value of @prop_id; for a list field, with its CpRecordList
 * made if it was not yet. */
static GValue *
slot_of (CpRecord *self, guint prop_id)
{
  GValue *v = &values_of (self)[prop_id];
  FieldInfo *info = &fields_of (record_class (self))->info[prop_id];

  if (G_UNLIKELY (info->kind == FIELD_LIST && info->item_type != 0 &&
                  v->data[0].v_pointer == NULL))
    g_value_take_object (v, cp_record_list_new (info->item_type, ensure_list_items (v)));
  return v;
}

static void
cp_record_dispose (GObject *object)
{
  CpRecord *self = CP_RECORD (object);
  CpRecordPrivate *priv = cp_record_get_instance_private (self);

  /* Drop references to child records and lists first (an object value
   * holds its reference in v_pointer). */
  if (priv->values != NULL)
    {
      CpRecordClassPrivate *klass = record_class (self);
      FieldInfo *info = fields_of (klass)->info;

      for (guint i = 1; i <= klass->n_props; i++)
        if (info[i].kind == FIELD_LIST || info[i].kind == FIELD_RECORD)
          {
            g_clear_object ((GObject **) &priv->values[i].data[0].v_pointer);
            if (info[i].kind == FIELD_LIST)
              clear_list_items (&priv->values[i]);
          }
    }

  G_OBJECT_CLASS (cp_record_parent_class)->dispose (object);
}

static void
cp_record_finalize (GObject *object)
{
  CpRecord *self = CP_RECORD (object);
  CpRecordPrivate *priv = cp_record_get_instance_private (self);

  if (priv->values != NULL)
    {
      CpRecordClassPrivate *klass = record_class (self);
      FieldInfo *info = fields_of (klass)->info;

      /* Numbers and unset pointers hold nothing to free: most fields of
       * most records, so they skip GValue's own look-ups. */
      for (guint i = 1; i <= klass->n_props; i++)
        {
          GValue *v = &priv->values[i];

          switch (info[i].kind)
            {
            case FIELD_BOOLEAN:
            case FIELD_INT:
            case FIELD_ENUM:
              break;
            case FIELD_LIST:
              clear_list_items (v);
              if (v->data[0].v_pointer != NULL)
                g_value_unset (v);
              break;
            case FIELD_DATE:
              release_value (v);
              break;
            default:
              if (v->data[0].v_pointer != NULL)
                g_value_unset (v);
              break;
            }
        }
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
  g_value_copy (slot_of (CP_RECORD (object), prop_id), value);
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
  CpRecordClassPrivate *record_klass = class_private_init (CP_RECORD_CLASS (klass));

  /* GObject does not inherit these: every class that installs properties
   * needs its own. */
  klass->get_property = cp_record_get_property;
  klass->set_property = cp_record_set_property;

  /* A construct-only field is set once, before anybody can connect to
   * notify: notifying it only costs (GObject would queue and emit a notify
   * for each, default or not, every time a record is made). */
  for (guint i = 1; i < n_pspecs; i++)
    if (pspecs[i]->flags & G_PARAM_CONSTRUCT_ONLY)
      pspecs[i]->flags |= G_PARAM_EXPLICIT_NOTIFY;

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

static FieldKind
field_kind (GType type)
{
  if (type == G_TYPE_STRING)
    return FIELD_STRING;
  if (type == G_TYPE_BOOLEAN)
    return FIELD_BOOLEAN;
  if (type == G_TYPE_INT)
    return FIELD_INT;
  if (G_TYPE_IS_ENUM (type))
    return FIELD_ENUM;
  if (type == G_TYPE_DATE)
    return FIELD_DATE;
  if (type == G_TYPE_STRV)
    return FIELD_STRV;
  if (type == G_TYPE_LIST_MODEL)
    return FIELD_LIST;
  if (g_type_is_a (type, CP_TYPE_RECORD))
    return FIELD_RECORD;
  return FIELD_OTHER;
}

/* The field table of @klass, built on first use: by then every subclass
 * has marked its fields (required, list item types). Classes are never
 * finalized, so the table lives as long as the program. */
static RecordFields *
ensure_fields (CpRecordClassPrivate *klass)
{
  static GMutex lock;
  RecordFields *fields = g_atomic_pointer_get (&klass->fields);

  if (G_LIKELY (fields != NULL))
    return fields;

  g_mutex_lock (&lock);
  /* Read atomically here too: ThreadSanitizer does not see GLib's mutex
   * (GLib itself is not instrumented), only the atomics. */
  fields = g_atomic_pointer_get (&klass->fields);
  if (fields == NULL)
    {
      fields = g_new0 (RecordFields, 1);
      fields->info = g_new0 (FieldInfo, klass->n_props + 1);
      fields->by_key = g_hash_table_new (g_str_hash, g_str_equal);
      fields->defaults = g_new0 (GValue, klass->n_props + 1);
      fields->plain = TRUE;
      for (guint i = 1; i <= klass->n_props; i++)
        {
          GParamSpec *pspec = klass->pspecs[i];
          FieldInfo *info = &fields->info[i];
          GValue *def = &fields->defaults[i];

          info->pspec = pspec;
          info->key = g_param_spec_get_qdata (pspec, cp_field_json_key_quark ());
          info->key_len = strlen (info->key);
          info->kind = field_kind (pspec->value_type);
          info->flags = GPOINTER_TO_UINT (g_param_spec_get_qdata (pspec, cp_field_flags_quark ()));
          info->item_type = GPOINTER_TO_SIZE (g_param_spec_get_qdata (pspec, cp_field_item_type_quark ()));
          /* A list is read-only as a property (its items change through
           * the record's add_ methods) but a field of the JSON all the same. */
          /* A guarded field is read-only as a property (only the actions
           * that check who may change it do) but a field of the JSON. */
          info->writable = (pspec->flags & G_PARAM_WRITABLE) != 0 || info->kind == FIELD_LIST ||
                           (info->flags & CP_FIELD_GUARDED) != 0;
          if (info->writable)
            g_hash_table_insert (fields->by_key, (gpointer) info->key, GUINT_TO_POINTER (i));

          g_value_init (def, pspec->value_type);
          g_param_value_set_default (pspec, def);
          /* Numbers, enums and NULL pointers may be copied as bits. */
          if (G_VALUE_HOLDS_STRING (def) || G_VALUE_HOLDS_BOXED (def) || G_VALUE_HOLDS_OBJECT (def))
            fields->plain &= def->data[0].v_pointer == NULL;
          else if (!(info->kind == FIELD_BOOLEAN || info->kind == FIELD_INT || info->kind == FIELD_ENUM))
            fields->plain = FALSE;
        }
      g_atomic_pointer_set (&klass->fields, fields);
    }
  g_mutex_unlock (&lock);
  return fields;
}

void
cp_record_class_set_strict (GObjectClass *klass)
{
  class_private_init (CP_RECORD_CLASS (klass))->strict = TRUE;
}

static GParamSpec *
add_field_flags (GParamSpec *pspec, CpFieldFlags flags)
{
  guint old = GPOINTER_TO_UINT (g_param_spec_get_qdata (pspec, cp_field_flags_quark ()));

  g_param_spec_set_qdata (pspec, cp_field_flags_quark (), GUINT_TO_POINTER (old | flags));
  return pspec;
}

GParamSpec *
cp_field_required (GParamSpec *pspec)
{
  return add_field_flags (pspec, CP_FIELD_REQUIRED);
}

GParamSpec *
cp_field_guarded (GParamSpec *pspec)
{
  g_return_val_if_fail ((pspec->flags & G_PARAM_WRITABLE) == 0, pspec);
  return add_field_flags (pspec, CP_FIELD_GUARDED);
}

GParamSpec *
cp_field_list (const char *name,
               GType       item_type)
{
  GParamSpec *pspec = g_param_spec_object (name, NULL, NULL, G_TYPE_LIST_MODEL,
                                           G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);
  g_param_spec_set_qdata (pspec, cp_field_item_type_quark (), GSIZE_TO_POINTER (item_type));
  return pspec;
}

GParamSpec *
cp_field_date (const char   *name,
               CpFieldFlags  flags)
{
  GParamFlags pflags = G_PARAM_STATIC_STRINGS |
                       ((flags & CP_FIELD_GUARDED) ? G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY :
                        (flags & CP_FIELD_FIXED) ? G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY :
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY);
  GParamSpec *pspec = g_param_spec_boxed (name, NULL, NULL, G_TYPE_DATE, pflags);

  return add_field_flags (pspec, flags & (CP_FIELD_REQUIRED | CP_FIELD_GUARDED));
}

/* The typed getters below are called thousands of times a case by the
 * engine, always by a public getter that has checked its instance, for
 * a field whose type is fixed by the class. They read the stored GValue's
 * data as GObject's own value tables lay it out (ints and booleans in
 * v_int, enums in v_long, strings, boxed and objects in v_pointer) rather
 * than pay for g_value_get_*()'s type checks on every call. */
static inline const GValue *
slot (CpRecord *self, guint prop_id)
{
  return &values_of (self)[prop_id];
}

gpointer const *
cp_record_get_items (CpRecord *self,
                     guint     prop_id,
                     guint    *n_items)
{
  GPtrArray *items;

  *n_items = 0;
  g_return_val_if_fail (prop_id > 0 && prop_id <= record_class (self)->n_props, NULL);

  items = list_items (&values_of (self)[prop_id]);
  *n_items = items != NULL ? items->len : 0;
  return items != NULL ? (gpointer const *) items->pdata : NULL;
}

const GDate *
cp_record_get_date (CpRecord *self, guint prop_id)
{
  return slot (self, prop_id)->data[0].v_pointer;
}

const char *
cp_record_get_string (CpRecord *self, guint prop_id)
{
  return slot (self, prop_id)->data[0].v_pointer;
}

gboolean
cp_record_get_boolean (CpRecord *self, guint prop_id)
{
  return slot (self, prop_id)->data[0].v_int;
}

int
cp_record_get_int (CpRecord *self, guint prop_id)
{
  return slot (self, prop_id)->data[0].v_int;
}

int
cp_record_get_enum (CpRecord *self, guint prop_id)
{
  return (int) slot (self, prop_id)->data[0].v_long;
}

gpointer
cp_record_get_object (CpRecord *self, guint prop_id)
{
  return slot (self, prop_id)->data[0].v_pointer;
}

GListModel *
cp_record_get_list (CpRecord *self, guint prop_id)
{
  return slot_of (self, prop_id)->data[0].v_pointer;
}

const char * const *
cp_record_get_strv (CpRecord *self, guint prop_id)
{
  return slot (self, prop_id)->data[0].v_pointer;
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
  GEnumClass *klass = g_type_class_peek (enum_type);
  GEnumValue *v;

  /* The class of a static type, once made, is never freed, so the nick
   * stays valid; the reference taken the first time is kept. */
  if (klass == NULL)
    klass = g_type_class_ref (enum_type);
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
 * field into @out (initialised here). Both readers (of trees and of text)
 * come through here, so they accept and refuse the same values. */
static gboolean
value_from_scalar (FieldInfo           *info,
                   const CpJsonScalar  *v,
                   const JsonPath      *path,
                   GValue              *out,
                   GError             **error)
{
  GParamSpec *pspec = info->pspec;
  GType type = pspec->value_type;

  g_value_init (out, type);

  if (v->kind == CP_JSON_NULL && (info->kind == FIELD_DATE || info->kind == FIELD_STRING))
    return TRUE;

  switch (info->kind)
    {
    case FIELD_STRING:
      if (v->kind != CP_JSON_STRING)
        return wrong_type (error, path, v->kind, "a string");
      g_value_set_string (out, v->string);
      return TRUE;

    case FIELD_BOOLEAN:
      if (v->kind != CP_JSON_BOOLEAN)
        return wrong_type (error, path, v->kind, "true or false");
      g_value_set_boolean (out, v->boolean);
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
        g_value_set_int (out, (int) v->integer);
        return TRUE;
      }

    case FIELD_ENUM:
      {
        GEnumValue *e;

        if (v->kind != CP_JSON_STRING)
          return wrong_type (error, path, v->kind, "a string");
        e = g_enum_get_value_by_nick (G_PARAM_SPEC_ENUM (pspec)->enum_class, v->string);
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
        out->data[0].v_long = e->value;   /* g_value_set_enum (), as GObject lays an enum out */
        return TRUE;
      }

    case FIELD_DATE:
      {
        GDate d;

        if (v->kind != CP_JSON_STRING)
          return wrong_type (error, path, v->kind, "a date string (YYYY-MM-DD)");
        if (!cp_date_parse_iso_into (v->string, &d))
          {
            g_autofree char *where = path_text (path);
            g_autofree char *shown = cp_escape_value (v->string);
            g_set_error (error, CP_ERROR, CP_ERROR_INVALID_DATE,
                         "%s: “%s” is not a date (expected YYYY-MM-DD)", where, shown);
            return FALSE;
          }
        /* Inside the GValue of G_TYPE_DATE initialised above: see
         * date_is_inline(). */
        memcpy (&out->data[1], &d, sizeof d);
        out->data[0].v_pointer = &out->data[1];
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
  RecordFields *fields = fields_of (klass);
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

static CpRecordClassPrivate *
class_of (GType type)
{
  CpRecordClass *klass = g_type_class_peek (type);

  /* A class, once made, is never freed. */
  return (klass != NULL ? klass : (CpRecordClass *) g_type_class_ref (type))->priv;
}

/* Reading trees (JsonNode) ------------------------------------------------- */

static CpRecord *record_from_json (GType type, JsonNode *node, const JsonPath *path,
                                   const CpRecordEnvelope *envelope, GError **error);

/* Fills the (empty) list field @slot with the records of @node. */
static gboolean
list_from_json (FieldInfo       *info,
                JsonNode        *node,
                const JsonPath  *path,
                GValue          *slot,
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
      mark_attached (r);
      g_ptr_array_add (items, r);
    }

  if (items->len > 0)
    slot->data[1].v_pointer = g_steal_pointer (&items);
  return TRUE;
}

/* Converts @node for the field @info into @out (initialised here). A
 * list field is not handled here: see list_from_json(). */
static gboolean
value_from_json (FieldInfo       *info,
                 JsonNode        *node,
                 const JsonPath  *path,
                 GValue          *out,
                 GError         **error)
{
  CpJsonScalar v;

  if (info->kind == FIELD_STRV)
    {
      JsonArray *array;
      char **strv;
      guint n;

      g_value_init (out, G_TYPE_STRV);
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
      g_value_take_boxed (out, strv);
      return TRUE;
    }

  if (info->kind == FIELD_RECORD)
    {
      CpRecord *r;

      g_value_init (out, info->pspec->value_type);
      if (JSON_NODE_HOLDS_NULL (node))
        return TRUE;
      r = record_from_json (info->pspec->value_type, node, path, NULL, error);
      if (r == NULL)
        return FALSE;
      mark_attached (r);
      g_value_take_object (out, r);
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
  CpRecordPrivate *priv;
  JsonObjectIter iter;
  const char *member_name;
  JsonNode *member;
  gboolean any_unknown = FALSE;
  GValue *values;

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
  klass = class_of (type);
  fields = fields_of (klass);
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
  priv = cp_record_get_instance_private (record);
  values = values_of (record);

  for (guint i = 1; i <= klass->n_props; i++)
    {
      FieldInfo *info = &fields->info[i];
      JsonNode *value_node = by_field[i];
      JsonPath field_path = { path, info->key, 0 };
      GValue v = G_VALUE_INIT;

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
          if (!list_from_json (info, value_node, &field_path, &values[i], error))
            return NULL;
          continue;
        }

      if (!value_from_json (info, value_node, &field_path, &v, error))
        {
          release_value (&v);
          return NULL;
        }
      /* A new record: nobody can be listening, so store without notifying. */
      release_value (&values[i]);
      place_value (&values[i], &v);
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
      if (priv->extra == NULL)
        priv->extra = json_object_new ();
      json_object_set_member (priv->extra, member_name, json_node_copy (member));
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
                  GValue          *slot,
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
      mark_attached (r);
      g_ptr_array_add (items, r);
    }
  if (more < 0)
    return FALSE;

  if (items->len > 0)
    slot->data[1].v_pointer = g_steal_pointer (&items);
  return TRUE;
}

static gboolean
strv_from_reader (CpJsonReader    *reader,
                  const JsonPath  *path,
                  GValue          *out,
                  GError         **error)
{
  g_autoptr(GStrvBuilder) b = NULL;
  CpJsonScalar v;
  int more;
  guint i = 0;

  g_value_init (out, G_TYPE_STRV);
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
  g_value_take_boxed (out, g_strv_builder_end (b));
  return TRUE;
}

/* One member's value, for the field @info (the reader at the value). */
static gboolean
field_from_reader (CpRecord        *record,
                   FieldInfo       *info,
                   guint            prop_id,
                   CpJsonReader    *reader,
                   const JsonPath  *path,
                   GError         **error)
{
  GValue *values = values_of (record);
  GValue v = G_VALUE_INIT;
  CpJsonKind kind;

  if (!cp_json_reader_peek (reader, &kind))
    return FALSE;
  if (kind == CP_JSON_NULL && (info->flags & CP_FIELD_REQUIRED))
    return missing (error, path);

  switch (info->kind)
    {
    case FIELD_LIST:
      return list_from_reader (info, reader, path, &values[prop_id], error);

    case FIELD_RECORD:
      g_value_init (&v, info->pspec->value_type);
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
          mark_attached (r);
          g_value_take_object (&v, r);
        }
      break;

    case FIELD_STRV:
      if (!strv_from_reader (reader, path, &v, error))
        {
          release_value (&v);
          return FALSE;
        }
      break;

    default:
      {
        CpJsonScalar s;

        if (!cp_json_reader_scalar (reader, &s))
          return FALSE;
        if (!value_from_scalar (info, &s, path, &v, error))
          {
            release_value (&v);
            return FALSE;
          }
      }
      break;
    }

  /* A new record: nobody can be listening, so store without notifying.
   * The default it replaces mostly holds nothing to free. */
  if (values[prop_id].data[0].v_pointer != NULL)
    release_value (&values[prop_id]);
  place_value (&values[prop_id], &v);
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
  CpRecordClassPrivate *klass = class_of (type);
  RecordFields *fields = fields_of (klass);
  g_autoptr(CpRecord) record = NULL;
  CpRecordPrivate *priv;
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
  priv = cp_record_get_instance_private (record);

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
          if (priv->extra != NULL && json_object_has_member (priv->extra, name))
            return twice (reader, name), NULL;
          kept = g_strndup (name, reader->name->len);   /* the value may overwrite it */
          node = cp_json_reader_node (reader);
          if (node == NULL)
            return NULL;
          if (priv->extra == NULL)
            priv->extra = json_object_new ();
          json_object_set_member (priv->extra, kept, node);
          continue;
        }

      if (seen[prop_id])
        return twice (reader, name), NULL;
      seen[prop_id] = TRUE;
      {
        JsonPath field_path = { path, fields->info[prop_id].key, 0 };

        if (!field_from_reader (record, &fields->info[prop_id], prop_id, reader, &field_path, error))
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
      GPtrArray *items = list_items (value);   /* @value is the field's slot */
      JsonArray *array = json_array_new ();
      JsonNode *node;

      for (guint i = 0; items != NULL && i < items->len; i++)
        json_array_add_element (array, cp_record_to_json (items->pdata[i]));
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
      GPtrArray *items = list_items (value);   /* @value is the field's slot */
      return items == NULL || items->len == 0;
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
  CpRecordClassPrivate *klass;
  RecordFields *fields;
  JsonObject *obj;
  JsonNode *node;
  GValue *values;

  g_return_val_if_fail (CP_IS_RECORD (self), NULL);

  klass = record_class (self);
  fields = fields_of (klass);
  values = values_of (self);
  obj = json_object_new ();

  for (guint i = 1; i <= klass->n_props; i++)
    {
      GParamSpec *pspec = klass->pspecs[i];
      const char *key = g_param_spec_get_qdata (pspec, cp_field_json_key_quark ());

      if (!fields->info[i].writable || is_default (pspec, &values[i]))
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

JsonNode *
cp_record_field_to_json (CpRecord   *self,
                         const char *key)
{
  RecordFields *fields;
  FieldInfo *info;
  gpointer id;
  GValue *v;

  g_return_val_if_fail (CP_IS_RECORD (self), NULL);
  g_return_val_if_fail (key != NULL, NULL);

  fields = fields_of (record_class (self));
  if (!g_hash_table_lookup_extended (fields->by_key, key, NULL, &id))
    return NULL;
  info = &fields->info[GPOINTER_TO_UINT (id)];
  v = &values_of (self)[GPOINTER_TO_UINT (id)];
  if (info->kind != FIELD_LIST && v->data[0].v_pointer == NULL &&
      (G_VALUE_HOLDS_STRING (v) || G_VALUE_HOLDS_BOXED (v) || G_VALUE_HOLDS_OBJECT (v)))
    return json_node_init_null (json_node_alloc ());
  return value_to_json (info->pspec, v);
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
cp_record_append_item (CpRecord *self,
                       guint     prop_id,
                       gpointer  item)
{
  GValue *slot = &values_of (self)[prop_id];
  FieldInfo *info = &fields_of (record_class (self))->info[prop_id];

  g_return_if_fail (info->kind == FIELD_LIST);
  g_return_if_fail (g_type_is_a (G_OBJECT_TYPE (item), info->item_type));

  mark_attached (item);
  /* Through the list when a program has it, so that it hears of it. */
  if (slot->data[0].v_pointer != NULL)
    cp_record_list_append (slot->data[0].v_pointer, item);
  else
    g_ptr_array_add (ensure_list_items (slot), g_object_ref (item));
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
