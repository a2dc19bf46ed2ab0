/* cp-engine-private.h: the obligation engine, for CpEvaluator
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include "careplan.h"

G_BEGIN_DECLS

/* The obligations of @kase under @policy as at @date, in engine order
 * (a GArray of CpObligationData), or NULL with @error set when a date
 * falls outside the calendar. Their subjects and reasons are kept in
 * *@strings (set only on success), which must outlive the array. */
GArray      *cp_engine_evaluate      (CpCase        *kase,
                                      CpPolicy      *policy,
                                      CpCalendar    *calendar,
                                      const GDate   *date,
                                      GStringChunk **strings,
                                      GError       **error);

/* 0 for NULL or an invalid date. */
guint32      cp_engine_julian        (const GDate *date);

/* Appends how a date was counted: "20 working days from looked-after
 * (2026-12-14)", or "the day of …" for a rule of no length. */
void         cp_engine_append_reason (GString     *s,
                                      CpRule      *rule,
                                      const char  *word,
                                      const char  *anchor,
                                      guint32      from);

/* Formats julian day @j as YYYY-MM-DD into @buf. */
const char  *cp_engine_iso           (guint32      j,
                                      char         buf[16]);

/* The young person's leaving-care status on @date under @policy's
 * leaving-care-status rule (NONE without one); FALSE with @error set when
 * a date falls outside the calendar. */
gboolean     cp_engine_leaving_care_status (CpCase              *kase,
                                            CpPolicy            *policy,
                                            CpCalendar          *calendar,
                                            const GDate         *date,
                                            CpLeavingCareStatus *status,
                                            GError             **error);

/* Whether @rule, read from @obj at @path, says what its kind needs and
 * nothing its kind cannot apply: the checks of the engine's table of
 * kinds, after the checks for every kind (cp-policy-check.c). */
gboolean     cp_engine_check_rule_kind (CpRule      *rule,
                                        JsonObject  *obj,
                                        const char  *path,
                                        GError     **error);

int          cp_engine_compare_julian (const guint32 *a,
                                       const guint32 *b);

G_END_DECLS
