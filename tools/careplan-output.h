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

/* "text", "json", "csv" or "ics"; FALSE for anything else. */
gboolean        careplan_format_parse  (const char *text, CareplanFormat *format);

/* A writer of @format: with @all every obligation and its explanation, not
 * only those overdue, due soon or lacking history; @uid_key is the key of
 * the iCalendar events' UIDs (CAREPLAN_FORMAT_ICS only). */
CareplanOutput *careplan_output_new    (CareplanFormat format, gboolean all, CpPolicy *policy,
                                        const GDate *date, GBytes *uid_key);
void            careplan_output_free   (CareplanOutput *self);

/* Each appends to @out: the header, one evaluated case, the totals. */
void            careplan_output_begin  (CareplanOutput *self, GString *out);
void            careplan_output_case   (CareplanOutput *self, GString *out, CpEvaluator *ev, CpCase *kase,
                                        const char *where, int source);
void            careplan_output_end    (CareplanOutput *self, GString *out, gboolean unreadable);

/* For CAREPLAN_FORMAT_ICS: the events' options (careplan-ics.h). */
void            careplan_output_set_ics_options (CareplanOutput *self, GBytes *uid_key,
                                                 const CareplanIcsOptions *options);

const CareplanTotals *careplan_output_get_totals (CareplanOutput *self);

/* Appends @s as a JSON string, escaped byte for byte as json-glib's
 * JsonGenerator escapes it. */
void            careplan_json_append_string (GString *out, const char *s);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CareplanOutput, careplan_output_free)

G_END_DECLS
