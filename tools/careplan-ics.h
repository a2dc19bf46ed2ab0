/* careplan-ics.h: the iCalendar (RFC 5545) deadlines of careplan check and
 * careplan calendar deadlines
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include <careplan.h>

#include "cp-evaluator-private.h"

G_BEGIN_DECLS

typedef struct {
  /* A VALARM this many days before each open deadline; 0 for none. */
  guint remind_days;
  /* Whether SUMMARY names the child's record id (child.id). */
  gboolean record_id;
  /* A met or no-longer-applicable duty due no more than this many days
   * before the export date is written as a cancelled event. */
  guint withdraw_days;
  /* DTSTAMP: seconds since the epoch, UTC. */
  gint64 stamp;
} CareplanIcsOptions;

typedef struct _CareplanIcs CareplanIcs;

/* remind_days 5, record_id TRUE, withdraw_days 31, stamp now or
 * SOURCE_DATE_EPOCH; FALSE (with @error) if SOURCE_DATE_EPOCH is set but
 * is not a number of seconds. */
gboolean     careplan_ics_options_init (CareplanIcsOptions *options, GError **error);

/* The options of a command writing events: --remind-days @remind_days
 * (-1: not given), --no-record-id, and the UID key in @uid_key_path
 * (default ~/.config/careplan/calendar-uid.key; made if absent). NULL,
 * after saying why on stderr, when an option is wrong. */
GBytes      *careplan_ics_setup (const char *command, const char *uid_key_path, int remind_days,
                                 gboolean no_record_id, CareplanIcsOptions *options);

/* A writer of the deadlines of @policy's obligations as at @date; @uid_key
 * keys the events' UIDs. */
CareplanIcs *careplan_ics_new   (CpPolicy *policy, const GDate *date, GBytes *uid_key,
                                 const CareplanIcsOptions *options);
void         careplan_ics_free  (CareplanIcs *self);

/* The calendar's header; @group (nullable) is added to its name. */
void         careplan_ics_begin (CareplanIcs *self, GString *out, const char *group);

/* One case's events, those @source can judge (careplan_source_judges()):
 * each open deadline (upcoming or due soon) as an event, each duty met or
 * no longer applicable lately as a cancelled one. @record (nullable) is
 * the record id SUMMARY shows (a pseudonym with --pseudonymise; NULL: the
 * child's id); the UID is made from the child's id under the UID key.
 * Returns how many open events it wrote. */
guint        careplan_ics_case  (CareplanIcs *self, GString *out, const CpEvaluated *ev, CpCase *kase, int source,
                                 const char *record);

void         careplan_ics_end   (CareplanIcs *self, GString *out);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CareplanIcs, careplan_ics_free)

G_END_DECLS
