/* careplan-output.h: the formats of careplan check
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include <careplan.h>

#include "careplan-ics.h"

G_BEGIN_DECLS

typedef enum {
  CAREPLAN_FORMAT_TEXT,
  CAREPLAN_FORMAT_JSON,
  CAREPLAN_FORMAT_CSV,
  CAREPLAN_FORMAT_ICS,
} CareplanFormat;

/* What a check found, over every case written. */
typedef struct {
  guint cases, overdue, due_soon, met_late, unknown, events;
} CareplanTotals;

typedef struct _CareplanOutput CareplanOutput;

/* --pseudonymise KEYFILE, shared by every command that names a child's
 * record id: the id becomes the first CAREPLAN_PSEUDONYM_LEN hex digits of
 * its HMAC-SHA256 under the key file's bytes, the same for one key from
 * run to run (so reports of different days join) and not testable
 * against the small space of identifiers without the key. */
#define CAREPLAN_PSEUDONYM_LEN 16
#define CAREPLAN_PSEUDONYM_KEY_MIN 16
#define CAREPLAN_PSEUDONYMISE_OPTION(var) \
  { "pseudonymise", 0, 0, G_OPTION_ARG_FILENAME, &(var), \
    "Write each child's record id as a keyed hash (HMAC-SHA256 under this file's bytes, at least " \
    G_STRINGIFY (CAREPLAN_PSEUDONYM_KEY_MIN) "), the same for one key, for reports that leave the authority", \
    "KEYFILE" }

typedef struct _CareplanPseudonymiser CareplanPseudonymiser;

/* The key in @path; an error (naming @path, never an id) when the file is
 * missing, unreadable or shorter than CAREPLAN_PSEUDONYM_KEY_MIN bytes. */
CareplanPseudonymiser *careplan_pseudonymiser_new_for_file (const char *path, GError **error);
void            careplan_pseudonymiser_free (CareplanPseudonymiser *self);
/* @id's pseudonym in @buf (NULL for a NULL @id); with a NULL @self, @id. */
const char     *careplan_record_id (CareplanPseudonymiser *self, const char *id,
                                    char buf[CAREPLAN_PSEUDONYM_LEN + 1]);

/* "text", "json", "csv" or "ics"; FALSE for anything else. */
gboolean        careplan_format_parse  (const char *text, CareplanFormat *format);

/* A writer of @format: with @all every obligation and its explanation, not
 * only those overdue, due soon or lacking history; @uid_key is the key of
 * the iCalendar events' UIDs (CAREPLAN_FORMAT_ICS only). */
CareplanOutput *careplan_output_new    (CareplanFormat format, gboolean all, CpPolicy *policy,
                                        const GDate *date, GBytes *uid_key);
void            careplan_output_free   (CareplanOutput *self);
/* Record ids written through @pseudonymiser (not owned; NULL: as they are). */
void            careplan_output_set_pseudonymiser (CareplanOutput *self, CareplanPseudonymiser *pseudonymiser);
/* --excel: CSV starts with a UTF-8 byte-order mark. */
void            careplan_output_set_excel (CareplanOutput *self, gboolean excel);

/* Each appends to @out: the header, one evaluated case, the totals. */
void            careplan_output_begin  (CareplanOutput *self, GString *out);
void            careplan_output_case   (CareplanOutput *self, GString *out, const CpEvaluated *ev, CpCase *kase,
                                        const char *where, int source);
/* @unreadable: some input could not be read; @n_unreadable of its cases
 * are known (a file that cannot be opened has no count). */
void            careplan_output_end    (CareplanOutput *self, GString *out, gboolean unreadable,
                                        guint n_unreadable);

/* For CAREPLAN_FORMAT_ICS: the events' options (careplan-ics.h). */
CareplanOutput *careplan_output_new_like (CareplanOutput *self);
void            careplan_output_join   (CareplanOutput *self, GString *out, const GString *piece);
void            careplan_output_add_totals (CareplanOutput *self, CareplanOutput *other);

void            careplan_output_set_ics_options (CareplanOutput *self, GBytes *uid_key,
                                                 const CareplanIcsOptions *options);

const CareplanTotals *careplan_output_get_totals (CareplanOutput *self);

/* Appends @s as a JSON string, escaped byte for byte as json-glib's
 * JsonGenerator escapes it. */
void            careplan_json_append_string (GString *out, const char *s);
void            careplan_json_append_string_len (GString *out, const char *s, gsize len);

/* The UTF-8 byte-order mark --excel writes first, so that Excel reads a
 * CSV file as UTF-8 (§, é) rather than the system's code page. */
#define CAREPLAN_UTF8_BOM "\xef\xbb\xbf"

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CareplanOutput, careplan_output_free)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (CareplanPseudonymiser, careplan_pseudonymiser_free)

G_END_DECLS
