/* cp-record.c: the base of the case-model types: the type, the storage of
 * its fields and their typed getters and setters (the JSON mapping is in
 * cp-record-json.c)
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include <string.h>

#include "cp-record-fields-private.h"

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
  CpRecordSlot *slots;    /* indexed by prop_id; [0] unused */
  JsonObject   *extra;
  gboolean      attached; /* part of another record (a case, a review...) */
} CpRecordPrivate;

G_DEFINE_ABSTRACT_TYPE_WITH_PRIVATE (CpRecord, cp_record, G_TYPE_OBJECT)

static GQuark cp_field_flags_quark (void);
static GQuark cp_field_item_type_quark (void);
static GQuark cp_field_json_key_quark (void);

/* static: the quarks are private to this file. */
static G_DEFINE_QUARK (cp-field-flags, cp_field_flags)
static G_DEFINE_QUARK (cp-field-item-type, cp_field_item_type)
static G_DEFINE_QUARK (cp-field-json-key, cp_field_json_key)

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

void
cp_record_mark_attached (gpointer record)
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

JsonObject *
cp_record_ensure_extra (CpRecord *self)
{
  CpRecordPrivate *priv = cp_record_get_instance_private (self);

  if (priv->extra == NULL)
    priv->extra = json_object_new ();
  return priv->extra;
}

CpRecordClassPrivate *
cp_record_class_of (GType type)
{
  CpRecordClass *klass = g_type_class_peek (type);

  /* A class, once made, is never freed. */
  return (klass != NULL ? klass : (CpRecordClass *) g_type_class_ref (type))->priv;
}

static inline FieldInfo *
field_info (CpRecord *self, guint prop_id)
{
  return &cp_record_class_fields (cp_record_class_private (self))->info[prop_id];
}

/* The field @prop_id of @self, or NULL (with a critical) if it has none. */
static FieldInfo *
checked_field_info (CpRecord *self, guint prop_id)
{
  CpRecordClassPrivate *klass = cp_record_class_private (self);

  g_return_val_if_fail (prop_id > 0 && prop_id <= klass->n_props, NULL);
  return &cp_record_class_fields (klass)->info[prop_id];
}

/* Stored values --------------------------------------------------------- */

/* A copy of @src in @dst, owning what it points to. A stored date is
 * given both its forms here, so that reading it never writes (a GDate
 * caches its julian number on first use: a data race on a record shared
 * between threads, such as a loaded policy's rules). */
static void
slot_copy (const FieldInfo    *info,
           const CpRecordSlot *src,
           CpRecordSlot       *dst)
{
  switch (info->kind)
    {
    case FIELD_STRING:
      dst->s = g_strdup (src->s);
      break;
    case FIELD_STRV:
      dst->strv = g_strdupv (src->strv);
      break;
    case FIELD_RECORD:
      dst->obj = src->obj != NULL ? g_object_ref (src->obj) : NULL;
      break;
    case FIELD_LIST:
      /* A list's default is empty; lists are not copied. */
      dst->list.items = NULL;
      dst->list.model = NULL;
      break;
    case FIELD_DATE:
      dst->date = src->date;
      if (dst->date.set && g_date_valid (&dst->date.value))
        {
          (void) g_date_get_julian (&dst->date.value);
          (void) g_date_get_year (&dst->date.value);
        }
      break;
    default:
      *dst = *src;
      break;
    }
}

void
cp_record_slot_clear (const FieldInfo *info,
                      CpRecordSlot    *slot)
{
  switch (info->kind)
    {
    case FIELD_STRING:
      g_clear_pointer (&slot->s, g_free);
      break;
    case FIELD_STRV:
      g_clear_pointer (&slot->strv, g_strfreev);
      break;
    case FIELD_RECORD:
      g_clear_object (&slot->obj);
      break;
    case FIELD_LIST:
      g_clear_object (&slot->list.model);
      g_clear_pointer (&slot->list.items, g_ptr_array_unref);
      break;
    case FIELD_DATE:
      slot->date.set = FALSE;
      break;
    default:
      break;
    }
}

gboolean
cp_record_slot_equal (const FieldInfo    *info,
                      const CpRecordSlot *a,
                      const CpRecordSlot *b)
{
  switch (info->kind)
    {
    case FIELD_STRING:
      return g_strcmp0 (a->s, b->s) == 0;
    case FIELD_BOOLEAN:
      return a->b == b->b;
    case FIELD_INT:
      return a->i == b->i;
    case FIELD_ENUM:
      return a->e == b->e;
    case FIELD_DATE:
      if (!a->date.set || !b->date.set)
        return a->date.set == b->date.set;
      return g_date_valid (&a->date.value) && g_date_valid (&b->date.value) &&
             g_date_compare (&a->date.value, &b->date.value) == 0;
    case FIELD_STRV:
      {
        /* An unset list compares equal to an empty one. */
        static const char * const empty[] = { NULL };

        return g_strv_equal (a->strv ? (const char * const *) a->strv : empty,
                             b->strv ? (const char * const *) b->strv : empty);
      }
    case FIELD_RECORD:
      return a->obj == b->obj;
    case FIELD_LIST:
      return a->list.items == b->list.items;
    default:
      return FALSE;
    }
}

/* @value seen as a slot of @info's kind, without copying what it points
 * to: valid while @value is. */
static void
slot_view_of_value (const FieldInfo *info,
                    const GValue    *value,
                    CpRecordSlot    *view)
{
  memset (view, 0, sizeof *view);
  switch (info->kind)
    {
    case FIELD_STRING:
      view->s = (char *) g_value_get_string (value);
      break;
    case FIELD_BOOLEAN:
      view->b = g_value_get_boolean (value);
      break;
    case FIELD_INT:
      view->i = g_value_get_int (value);
      break;
    case FIELD_ENUM:
      view->e = g_value_get_enum (value);
      break;
    case FIELD_DATE:
      {
        const GDate *d = g_value_get_boxed (value);

        if (d != NULL)
          {
            view->date.value = *d;
            view->date.set = TRUE;
          }
      }
      break;
    case FIELD_STRV:
      view->strv = g_value_get_boxed (value);
      break;
    case FIELD_RECORD:
      view->obj = g_value_get_object (value);
      break;
    default:
      break;
    }
}

/* Stores a copy of @view as @prop_id's value; setters notify only when
 * the value changes. */
static void
store_slot (CpRecord           *self,
            const FieldInfo    *info,
            guint               prop_id,
            const CpRecordSlot *view,
            gboolean            notify)
{
  CpRecordSlot *slot = &cp_record_slots (self)[prop_id];
  CpRecordSlot copy;

  g_return_if_fail (info->kind != FIELD_LIST && info->kind != FIELD_OTHER);

  /* Nothing to do for the same value (GObject sets every construct-only
   * field to its default as each record is made). */
  if (cp_record_slot_equal (info, slot, view))
    return;

  slot_copy (info, view, &copy);
  cp_record_slot_clear (info, slot);
  *slot = copy;
  if (info->kind == FIELD_RECORD && slot->obj != NULL)
    cp_record_mark_attached (slot->obj);

  if (notify)
    g_object_notify_by_pspec (G_OBJECT (self), info->pspec);
}

/* Out of line, so that the getters that inline cp_record_slots() stay
 * small leaf functions. */
static G_GNUC_NO_INLINE CpRecordSlot *
make_slots (CpRecord *self)
{
  CpRecordPrivate *priv = cp_record_get_instance_private (self);
  CpRecordClassPrivate *klass = cp_record_class_private (self);
  RecordFields *fields = cp_record_class_fields (klass);

  if (fields->plain)
    priv->slots = g_memdup2 (fields->defaults, sizeof (CpRecordSlot) * (klass->n_props + 1));
  else
    {
      priv->slots = g_new0 (CpRecordSlot, klass->n_props + 1);
      for (guint i = 1; i <= klass->n_props; i++)
        slot_copy (&fields->info[i], &fields->defaults[i], &priv->slots[i]);
    }
  return priv->slots;
}

CpRecordSlot *
cp_record_slots (CpRecord *self)
{
  CpRecordPrivate *priv = cp_record_get_instance_private (self);

  if (G_UNLIKELY (priv->slots == NULL))
    return make_slots (self);
  return priv->slots;
}

/* A list field's slot holds two things: the GPtrArray of its records
 * (NULL until the first comes), which the library reads and appends to;
 * and the CpRecordList a program sees (NULL until somebody asks for it),
 * made over the same array. Most lists of most records stay empty, and
 * most are never asked for: a caseload check reads a hundred thousand
 * cases and makes none. */
static GPtrArray *
ensure_list_items (CpRecordSlot *slot)
{
  if (slot->list.items == NULL)
    slot->list.items = g_ptr_array_new_with_free_func (g_object_unref);
  return slot->list.items;
}

static CpRecordList *
ensure_list_model (const FieldInfo *info,
                   CpRecordSlot    *slot)
{
  if (G_UNLIKELY (slot->list.model == NULL && info->item_type != 0))
    slot->list.model = cp_record_list_new (info->item_type, ensure_list_items (slot));
  return slot->list.model;
}

static void
cp_record_dispose (GObject *object)
{
  CpRecord *self = CP_RECORD (object);
  CpRecordPrivate *priv = cp_record_get_instance_private (self);

  /* Drop references to child records and lists first. */
  if (priv->slots != NULL)
    {
      CpRecordClassPrivate *klass = cp_record_class_private (self);
      FieldInfo *info = cp_record_class_fields (klass)->info;

      for (guint i = 1; i <= klass->n_props; i++)
        if (info[i].kind == FIELD_LIST || info[i].kind == FIELD_RECORD)
          cp_record_slot_clear (&info[i], &priv->slots[i]);
    }

  G_OBJECT_CLASS (cp_record_parent_class)->dispose (object);
}

static void
cp_record_finalize (GObject *object)
{
  CpRecord *self = CP_RECORD (object);
  CpRecordPrivate *priv = cp_record_get_instance_private (self);

  if (priv->slots != NULL)
    {
      CpRecordClassPrivate *klass = cp_record_class_private (self);
      FieldInfo *info = cp_record_class_fields (klass)->info;

      for (guint i = 1; i <= klass->n_props; i++)
        cp_record_slot_clear (&info[i], &priv->slots[i]);
      g_free (priv->slots);
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
  CpRecord *self = CP_RECORD (object);
  FieldInfo *info = field_info (self, prop_id);
  CpRecordSlot *slot = &cp_record_slots (self)[prop_id];

  switch (info->kind)
    {
    case FIELD_STRING:
      g_value_set_string (value, slot->s);
      break;
    case FIELD_BOOLEAN:
      g_value_set_boolean (value, slot->b);
      break;
    case FIELD_INT:
      g_value_set_int (value, slot->i);
      break;
    case FIELD_ENUM:
      g_value_set_enum (value, slot->e);
      break;
    case FIELD_DATE:
      g_value_set_boxed (value, slot->date.set ? &slot->date.value : NULL);
      break;
    case FIELD_STRV:
      g_value_set_boxed (value, slot->strv);
      break;
    case FIELD_RECORD:
      g_value_set_object (value, slot->obj);
      break;
    case FIELD_LIST:
      cp_record_realize (self, prop_id);
      g_value_set_object (value, ensure_list_model (info, slot));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
      break;
    }
}

static void
cp_record_set_property (GObject      *object,
                        guint         prop_id,
                        const GValue *value,
                        GParamSpec   *pspec)
{
  CpRecord *self = CP_RECORD (object);
  FieldInfo *info = field_info (self, prop_id);
  CpRecordSlot view;

  /* GObject notifies for properties set through g_object_set(); only
   * EXPLICIT_NOTIFY ones reach here, and those notify on change. */
  slot_view_of_value (info, value, &view);
  store_slot (self, info, prop_id, &view, TRUE);
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

/* Class set-up ---------------------------------------------------------- */

void
cp_record_class_set_realize (GObjectClass *klass,
                             void        (*realize) (CpRecord *self,
                                                     guint     prop_id))
{
  CP_RECORD_CLASS (klass)->priv->realize = realize;
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

/* The default of the field @info in @def (owned). */
static void
field_default (const FieldInfo *info,
               CpRecordSlot    *def)
{
  g_auto(GValue) value = G_VALUE_INIT;
  CpRecordSlot view;

  memset (def, 0, sizeof *def);
  if (info->kind == FIELD_LIST)
    return;
  if (info->kind == FIELD_OTHER)
    {
      g_critical ("%s: a record cannot store a field of type %s",
                  info->pspec->name, g_type_name (info->pspec->value_type));
      return;
    }
  g_value_init (&value, info->pspec->value_type);
  g_param_value_set_default (info->pspec, &value);
  slot_view_of_value (info, &value, &view);
  slot_copy (info, &view, def);
}

/* Whether @def may be copied as bits (it points to nothing). */
static gboolean
default_is_plain (const FieldInfo    *info,
                  const CpRecordSlot *def)
{
  switch (info->kind)
    {
    case FIELD_STRING:
      return def->s == NULL;
    case FIELD_STRV:
      return def->strv == NULL;
    case FIELD_RECORD:
      return def->obj == NULL;
    default:
      return TRUE;
    }
}

/* The field table of @klass, built on first use: by then every subclass
 * has marked its fields (required, list item types). Classes are never
 * finalized, so the table lives as long as the program. */
RecordFields *
cp_record_class_fields_make (CpRecordClassPrivate *klass)
{
  static GMutex lock;
  RecordFields *fields;

  g_mutex_lock (&lock);
  /* Read atomically here too: ThreadSanitizer does not see GLib's mutex
   * (GLib itself is not instrumented), only the atomics. */
  fields = g_atomic_pointer_get (&klass->fields);
  if (fields == NULL)
    {
      fields = g_new0 (RecordFields, 1);
      fields->info = g_new0 (FieldInfo, klass->n_props + 1);
      fields->by_key = g_hash_table_new (g_str_hash, g_str_equal);
      fields->defaults = g_new0 (CpRecordSlot, klass->n_props + 1);
      fields->plain = TRUE;
      for (guint i = 1; i <= klass->n_props; i++)
        {
          GParamSpec *pspec = klass->pspecs[i];
          FieldInfo *info = &fields->info[i];

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
          /* An enum's codes by nick: a duty has some sixty, and
           * g_enum_get_value_by_nick() compares them one by one. */
          if (info->kind == FIELD_ENUM)
            {
              GEnumClass *enum_class = G_PARAM_SPEC_ENUM (pspec)->enum_class;

              info->nicks = g_hash_table_new (g_str_hash, g_str_equal);
              for (guint v = 0; v < enum_class->n_values; v++)
                if (!g_hash_table_contains (info->nicks, enum_class->values[v].value_nick))
                  g_hash_table_insert (info->nicks, (gpointer) enum_class->values[v].value_nick,
                                       &enum_class->values[v]);
            }

          field_default (info, &fields->defaults[i]);
          fields->plain &= default_is_plain (info, &fields->defaults[i]);
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

/* Typed getters and setters --------------------------------------------- */

/* The typed getters below are called thousands of times a case by the
 * engine, always by a public getter that has checked its instance, for
 * a field whose kind is fixed by the class: they read the slot's member
 * of that kind without checking it again. */
static inline const CpRecordSlot *
slot (CpRecord *self, guint prop_id)
{
  return &cp_record_slots (self)[prop_id];
}

gpointer const *
cp_record_get_items (CpRecord *self,
                     guint     prop_id,
                     guint    *n_items)
{
  GPtrArray *items;

  *n_items = 0;
  g_return_val_if_fail (prop_id > 0 && prop_id <= cp_record_class_private (self)->n_props, NULL);

  cp_record_realize (self, prop_id);
  items = slot (self, prop_id)->list.items;
  *n_items = items != NULL ? items->len : 0;
  return items != NULL ? (gpointer const *) items->pdata : NULL;
}

const GDate *
cp_record_get_date (CpRecord *self, guint prop_id)
{
  const CpRecordSlot *s = slot (self, prop_id);

  return s->date.set ? &s->date.value : NULL;
}

const char *
cp_record_get_string (CpRecord *self, guint prop_id)
{
  return slot (self, prop_id)->s;
}

gboolean
cp_record_get_boolean (CpRecord *self, guint prop_id)
{
  return slot (self, prop_id)->b;
}

int
cp_record_get_int (CpRecord *self, guint prop_id)
{
  return slot (self, prop_id)->i;
}

int
cp_record_get_enum (CpRecord *self, guint prop_id)
{
  return slot (self, prop_id)->e;
}

gpointer
cp_record_get_object (CpRecord *self, guint prop_id)
{
  return slot (self, prop_id)->obj;
}

GListModel *
cp_record_get_list (CpRecord *self, guint prop_id)
{
  cp_record_realize (self, prop_id);
  return G_LIST_MODEL (ensure_list_model (field_info (self, prop_id),
                                          &cp_record_slots (self)[prop_id]));
}

const char * const *
cp_record_get_strv (CpRecord *self, guint prop_id)
{
  return (const char * const *) slot (self, prop_id)->strv;
}

void
cp_record_set_value (CpRecord     *self,
                     guint         prop_id,
                     const GValue *value)
{
  FieldInfo *info;
  CpRecordSlot view;

  g_return_if_fail (CP_IS_RECORD (self));
  info = checked_field_info (self, prop_id);
  g_return_if_fail (info != NULL);
  g_return_if_fail (G_VALUE_HOLDS (value, info->pspec->value_type));
  slot_view_of_value (info, value, &view);
  store_slot (self, info, prop_id, &view, TRUE);
}

/* The setters of one kind: @view is made of @v. */
#define DEFINE_SETTER(suffix, ctype, field_kind_, make_view)                \
  void                                                                      \
  cp_record_set_##suffix (CpRecord *self, guint prop_id, ctype v)           \
  {                                                                         \
    FieldInfo *info = checked_field_info (self, prop_id);                   \
    CpRecordSlot view;                                                      \
    g_return_if_fail (info != NULL && info->kind == field_kind_);           \
    memset (&view, 0, sizeof view);                                         \
    make_view;                                                              \
    store_slot (self, info, prop_id, &view, TRUE);                          \
  }

DEFINE_SETTER (date, const GDate *, FIELD_DATE,
               if (v != NULL) { view.date.value = *v; view.date.set = TRUE; })
DEFINE_SETTER (string, const char *, FIELD_STRING, view.s = (char *) v)
DEFINE_SETTER (boolean, gboolean, FIELD_BOOLEAN, view.b = v != FALSE)
DEFINE_SETTER (int, int, FIELD_INT, view.i = v)
DEFINE_SETTER (enum, int, FIELD_ENUM, view.e = v)
DEFINE_SETTER (object, gpointer, FIELD_RECORD,
               g_return_if_fail (v == NULL || g_type_is_a (G_OBJECT_TYPE (v), info->pspec->value_type));
               view.obj = v)

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

void
cp_record_append_item (CpRecord *self,
                       guint     prop_id,
                       gpointer  item)
{
  CpRecordSlot *s;
  FieldInfo *info = field_info (self, prop_id);

  g_return_if_fail (info->kind == FIELD_LIST);
  cp_record_realize (self, prop_id);
  s = &cp_record_slots (self)[prop_id];
  g_return_if_fail (g_type_is_a (G_OBJECT_TYPE (item), info->item_type));

  cp_record_mark_attached (item);
  /* Through the list when a program has it, so that it hears of it. */
  if (s->list.model != NULL)
    cp_record_list_append (s->list.model, item);
  else
    g_ptr_array_add (ensure_list_items (s), g_object_ref (item));
}
