/* cp-record-private.h: property storage and the JSON mapping shared by
 * the case-model types
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include "careplan.h"
#include "cp-json-text-private.h"

G_BEGIN_DECLS

/* Flags on a param spec (kept as qdata). */
typedef enum {
  CP_FIELD_REQUIRED = 1 << 0,   /* must be present in JSON */
  CP_FIELD_FIXED    = 1 << 1,   /* set at construction; later only by the library */
  CP_FIELD_GUARDED  = 1 << 2,   /* read-only to programs: set by reading JSON and by
                                 * the actions that check who may change it */
} CpFieldFlags;

GParamSpec   *cp_field_required     (GParamSpec   *pspec);
/* Marks a read-only (G_PARAM_READABLE) property as a field of the JSON. */
GParamSpec   *cp_field_guarded      (GParamSpec   *pspec);

/* Whether @self has been made part of another record (added to a case,
 * set as its child or care plan, read as part of a document): from then
 * on the public setters of guarded fields refuse to change it. */
gboolean      cp_record_is_attached (CpRecord     *self);
GParamSpec   *cp_field_list         (const char   *name,
                                     GType         item_type);
GParamSpec   *cp_field_date         (const char   *name,
                                     CpFieldFlags  flags);

void          cp_record_class_install (GObjectClass *klass,
                                       GParamSpec  **pspecs,
                                       guint         n_pspecs);

/* For a class whose records may keep a list field in a form of their own
 * until it is asked for: @realize makes the list field @prop_id records
 * (0: every such field). It is called before the field is read, added to
 * or written as JSON. After cp_record_class_install(). */
void          cp_record_class_set_realize (GObjectClass *klass,
                                           void        (*realize) (CpRecord *self,
                                                                   guint     prop_id));

/* The records of the list field @prop_id themselves, without references
 * and without making a list: NULL and 0 for an empty one. Valid until
 * the list changes. Each type's cp_TYPE_peek_FIELD() accessor, in its
 * -private.h header, is the typed way to it. */
gpointer const *cp_record_get_items  (CpRecord    *self,
                                      guint        prop_id,
                                      guint       *n_items);

const GDate  *cp_record_get_date    (CpRecord     *self,
                                     guint         prop_id);
const char   *cp_record_get_string  (CpRecord     *self,
                                     guint         prop_id);
gboolean      cp_record_get_boolean (CpRecord     *self,
                                     guint         prop_id);
int           cp_record_get_int     (CpRecord     *self,
                                     guint         prop_id);
int           cp_record_get_enum    (CpRecord     *self,
                                     guint         prop_id);
gpointer      cp_record_get_object  (CpRecord     *self,
                                     guint         prop_id);
GListModel   *cp_record_get_list    (CpRecord     *self,
                                     guint         prop_id);
const char * const *cp_record_get_strv (CpRecord  *self,
                                        guint      prop_id);

/* Setters notify only when the value changes. */
void          cp_record_set_value   (CpRecord     *self,
                                     guint         prop_id,
                                     const GValue *value);
void          cp_record_set_date    (CpRecord     *self,
                                     guint         prop_id,
                                     const GDate  *date);
void          cp_record_set_string  (CpRecord     *self,
                                     guint         prop_id,
                                     const char   *value);
void          cp_record_set_boolean (CpRecord     *self,
                                     guint         prop_id,
                                     gboolean      value);
void          cp_record_set_int     (CpRecord     *self,
                                     guint         prop_id,
                                     int           value);
void          cp_record_set_enum    (CpRecord     *self,
                                     guint         prop_id,
                                     int           value);
void          cp_record_set_object  (CpRecord     *self,
                                     guint         prop_id,
                                     gpointer      object);

/* Makes unknown JSON members an error instead of keeping them (for
 * policy profiles, where a misspelt key must not be ignored). */
void          cp_record_class_set_strict (GObjectClass *klass);

/* A member of a document around a record (its format version): @check
 * gets its value, or NULL when the document has none, and fails with an
 * error to refuse the document. */
typedef struct
{
  const char *key;
  gboolean  (*check) (const CpJsonScalar *value,
                      GError            **error);
} CpRecordEnvelope;

/* JSON: @path names the node for error messages ("placements[1]"; "" for
 * a whole document). The member of @envelope, if not %NULL, belongs to
 * the document around the record: it is checked before the record is
 * read, and not kept. */
CpRecord     *cp_record_from_json   (GType                    type,
                                     JsonNode                *node,
                                     const char              *path,
                                     const CpRecordEnvelope  *envelope,
                                     GError                 **error);
/* Reads a record of @type from JSON text as it comes, without a tree
 * (the hot path of a caseload): what cp_record_from_json() accepts and
 * refuses, except that errors come in document order. */
CpRecord     *cp_record_from_reader (GType                    type,
                                     CpJsonReader            *reader,
                                     const CpRecordEnvelope  *envelope,
                                     GError                 **error);
char         *cp_enum_nicks         (GType         enum_type);
const char   *cp_enum_to_nick       (GType         enum_type,
                                     int           value);

/* Checks @obj's @member is a whole number from 1 to @newest (a document
 * format version): "version: missing", "... expected a whole number",
 * "... N is not supported (this library reads 1 to M)". */
gboolean      cp_json_check_version (JsonObject   *obj,
                                     const char   *member,
                                     int           newest,
                                     GError      **error);
/* The same check of a value already read (NULL when there is none). */
gboolean      cp_json_check_version_value (const CpJsonScalar  *value,
                                           const char          *member,
                                           int                  newest,
                                           GError             **error);

/* The JSON of the field whose member name is @key, even where it holds
 * its default (JSON null for an unset string, date, list of codes or
 * record): what cp_record_to_json() leaves out. NULL if @self has no
 * such field. */
JsonNode     *cp_record_field_to_json (CpRecord   *self,
                                       const char *key);

/* Appends @item to the list field @prop_id. */
void          cp_record_append_item (CpRecord     *self,
                                     guint         prop_id,
                                     gpointer      item);

G_END_DECLS
