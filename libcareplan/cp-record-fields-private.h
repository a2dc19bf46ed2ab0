/* cp-record-fields-private.h: what CpRecord keeps of each record class (its
 * field table) and how a field's value is stored, shared by the storage
 * (cp-record.c) and the JSON mapping (cp-record-json.c)
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include "cp-record-list-private.h"
#include "cp-record-private.h"

G_BEGIN_DECLS

/* What reading and writing JSON needs of a field, worked out once per
 * class (CpRecordClassPrivate.fields), so reading a record looks nothing
 * up by name but its members. The kind also says which member of a
 * CpRecordSlot the field's value is in. */
typedef enum {
  FIELD_STRING,
  FIELD_BOOLEAN,
  FIELD_INT,
  FIELD_ENUM,
  FIELD_DATE,
  FIELD_STRV,
  FIELD_LIST,
  FIELD_RECORD,
  FIELD_OTHER,   /* not a field type a record can store */
} FieldKind;

/* One stored value. The member in use is the one of its field's kind;
 * GValue is used only where GObject hands values in and out. */
typedef union
{
  char       *s;          /* FIELD_STRING, owned */
  gboolean    b;          /* FIELD_BOOLEAN */
  int         i;          /* FIELD_INT */
  int         e;          /* FIELD_ENUM */
  struct
  {
    GDate     value;      /* valid dates hold both their julian and their
                           * day-month-year forms: see slot_copy() */
    gboolean  set;        /* FALSE: no date (the getter gives NULL) */
  } date;                 /* FIELD_DATE */
  char      **strv;       /* FIELD_STRV, owned */
  GObject    *obj;        /* FIELD_RECORD, a reference */
  struct
  {
    GPtrArray    *items;  /* the records (unrefs them), NULL until the first */
    CpRecordList *model;  /* what a program sees, over @items: made on request */
  } list;                 /* FIELD_LIST */
} CpRecordSlot;

typedef struct
{
  GParamSpec *pspec;
  const char *key;        /* the JSON member name */
  gsize       key_len;
  FieldKind   kind;
  guint       flags;      /* CpFieldFlags */
  GType       item_type;  /* for a list */
  gboolean    writable;
  GHashTable *nicks;      /* FIELD_ENUM: nick -> GEnumValue, for reading JSON */
} FieldInfo;

typedef struct
{
  FieldInfo    *info;     /* indexed by prop_id; [0] unused */
  GHashTable   *by_key;   /* JSON member name -> prop_id of a writable field */
  CpRecordSlot *defaults; /* indexed by prop_id */
  gboolean      plain;    /* every default is bits that may be copied */
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
  /* A class whose records may hold a list field in a form of their own
   * (a case's activities read from the SSD, as plain days) makes it
   * records here: before a list field @prop_id is read or added to, and
   * before the whole record is (@prop_id 0). NULL for most. */
  void        (*realize) (CpRecord *self,
                          guint     prop_id);
};

static inline CpRecordClassPrivate *
cp_record_class_private (CpRecord *self)
{
  return CP_RECORD_GET_CLASS (self)->priv;
}

RecordFields   *cp_record_class_fields_make (CpRecordClassPrivate *klass);

/* The list field @prop_id (0: every field) of @self made records, where
 * its class keeps some in a form of its own. */
static inline void
cp_record_realize (CpRecord *self,
                   guint     prop_id)
{
  CpRecordClassPrivate *klass = cp_record_class_private (self);

  if (G_UNLIKELY (klass->realize != NULL))
    klass->realize (self, prop_id);
}

/* The field table of @klass, made on first use. */
static inline RecordFields *
cp_record_class_fields (CpRecordClassPrivate *klass)
{
  RecordFields *fields = g_atomic_pointer_get (&klass->fields);

  if (G_LIKELY (fields != NULL))
    return fields;
  return cp_record_class_fields_make (klass);
}
/* The private part of the class of @type, made if it was not yet. */
CpRecordClassPrivate *cp_record_class_of (GType              type);

/* The stored values of @self, indexed by prop_id ([0] unused): the
 * defaults until set. */
CpRecordSlot   *cp_record_slots         (CpRecord           *self);
/* Frees what @slot holds for a field of @info's kind and empties it. */
void            cp_record_slot_clear    (const FieldInfo    *info,
                                         CpRecordSlot       *slot);
gboolean        cp_record_slot_equal    (const FieldInfo    *info,
                                         const CpRecordSlot *a,
                                         const CpRecordSlot *b);

/* The unknown members of @self, made empty if there were none. */
JsonObject     *cp_record_ensure_extra  (CpRecord           *self);
/* Marks @record as part of another record: see cp_record_is_attached(). */
void            cp_record_mark_attached (gpointer            record);

G_END_DECLS
