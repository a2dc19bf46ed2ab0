/* cp-engine-run-private.h: one evaluation of the engine, for its mechanisms
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * What the files of the engine share: the state of a run (a case under a
 * policy on a date), the helpers that add obligations to it, the
 * conditions a rule may set on the case, and each mechanism's pass and
 * checks. The passes run in the order of the table in cp-engine.c; a
 * pass may read what earlier passes added to run->out. cp-engine-private.h
 * is the engine's face to the rest of the library.
 */

#pragma once

#include <json-glib/json-glib.h>

#include "careplan.h"
#include "cp-engine-private.h"
#include "cp-obligation-private.h"
#include "cp-policy-private.h"

G_BEGIN_DECLS

/* A case event known by the evaluation date (the case's own, a placement
 * change, a proposed change to the care plan, a decision not carried out). */
typedef struct {
  CpEventKind kind;
  guint32 date;
  gboolean agreed;
} CpEngineEvent;

/* The case's records the conditions read again and again, as plain days
 * worked out once a run (cp-engine.c): an activity known by the
 * evaluation date; a placement and a legal status with their first and
 * last days (0: not set), whether or not known by then. */
typedef struct {
  CpDuty duty;
  guint32 day;
} CpEngineActivity;

typedef struct {
  CpPlacement *placement;
  guint32 start, end;
} CpEnginePlacement;

typedef struct {
  CpLegalStatus *status;
  guint32 start, end;
} CpEngineStatus;

typedef struct {
  CpPolicy *policy;
  CpCalendar *calendar;
  CpCase *kase;
  guint32 today;
  guint32 looked_after;
  guint32 ceased;        /* known by today, or 0 */
  guint32 birth;
  guint32 eligible;      /* the day the young person is eligible, or 0 */
  guint32 duties_end;    /* the day the leaving-care duties end, or 0 */
  GArray *events;        /* CpEngineEvent, known by today, by date */
  GArray *activities;    /* CpEngineActivity, in the case's order */
  GArray *placements;    /* CpEnginePlacement, in the case's order */
  GArray *statuses;      /* CpEngineStatus, in the child's order */
  GArray *held;          /* guint32: each review's day held, known by today, or 0 */
  GArray *out;           /* CpObligationData */
  GStringChunk *strings; /* their subjects and reasons */
  const char *subject;   /* the subject kept last, in strings */
  GError **error;
} CpEngineRun;

/* One obligation for cp_engine_emit_full(). How @due was worked out is
 * @reason, or (with @anchor) the words cp_engine_append_reason() would
 * write for @word, @anchor and @from, then @reason. */
typedef struct {
  CpRule     *rule;
  const char *subject;
  int         review;    /* the review it belongs to, or 0 */
  guint32     due;
  guint32     window;    /* the first day it may be met, or 0 */
  guint32     met;
  GString    *reason;
  const char *word;
  const char *anchor;
  guint32     from;
} CpEngineObligation;

/* Run state ---------------------------------------------------------------- */

/* Only what is known by the evaluation date counts: julian day @j, or 0
 * where it is none or later. */
static inline guint32
cp_engine_known_julian (CpEngineRun *run, guint32 j)
{
  return j != 0 && j <= run->today ? j : 0;
}

static inline guint32
cp_engine_known (CpEngineRun *run, const GDate *d)
{
  return cp_engine_known_julian (run, cp_engine_julian (d));
}

/* Whether @rule is the version of its key that governs a duty arising on
 * @day: the law in force when the duty arose (docs/policy-format.md,
 * "Rules in force by date"). While @day is not known yet, the version in
 * force on the evaluation date. */
static inline gboolean
cp_engine_in_force (CpEngineRun *run, CpRule *rule, guint32 day)
{
  return cp_rule_in_force_julian (rule, day != 0 ? day : run->today);
}

/* The obligation added last. */
static inline CpObligationData *
cp_engine_last_out (CpEngineRun *run)
{
  return &g_array_index (run->out, CpObligationData, run->out->len - 1);
}

gboolean    cp_engine_shift               (CpEngineRun              *run,
                                           CpRule                   *rule,
                                           guint32                   from,
                                           int                       sign,
                                           guint32                  *out);
gboolean    cp_engine_emit_full           (CpEngineRun              *run,
                                           const CpEngineObligation *o);
gboolean    cp_engine_emit                (CpEngineRun              *run,
                                           CpRule                   *rule,
                                           const char               *subject,
                                           int                       review,
                                           guint32                   due,
                                           guint32                   window,
                                           guint32                   met,
                                           GString                  *reason);
void        cp_engine_emit_not_applicable (CpEngineRun              *run,
                                           CpRule                   *rule,
                                           const char               *subject,
                                           int                       review,
                                           char                     *text);
GEnumClass *cp_engine_enum_class          (GType                     type);

/* Conditions on the case (cp-engine-conditions.c) -------------------------- */

CpPlacement *cp_engine_placement_on            (CpEngineRun *run,
                                                guint32      day,
                                                guint32     *start_out);
gboolean     cp_engine_placement_type_listed   (CpRule      *rule,
                                                CpPlacement *p);
gboolean     cp_engine_placement_type_excluded (CpRule      *rule,
                                                CpPlacement *p);
gboolean     cp_engine_conditions_hold         (CpEngineRun *run,
                                                CpRule      *rule,
                                                guint32      day,
                                                guint32      due);

/* The mechanisms ----------------------------------------------------------- */

/* A check of what a rule of one kind says, beyond its anchor, duty and
 * direction: @obj is the rule as the profile states it, @path where. */
typedef gboolean (*CpEngineCheck) (CpRule      *rule,
                                   JsonObject  *obj,
                                   const char  *path,
                                   GError     **error);

/* A pass of the engine: adds its obligations to run->out. */
typedef gboolean (*CpEnginePass) (CpEngineRun *run);

/* cp-engine-leaving-care.c */
CpRule  *cp_engine_leaving_care_rule          (CpPolicy    *policy);
gboolean cp_engine_run_leaving_care           (CpEngineRun *run);
gboolean cp_engine_check_leaving_care_status  (CpRule      *rule,
                                               JsonObject  *obj,
                                               const char  *path,
                                               GError     **error);

/* cp-engine-deadlines.c */
gboolean cp_engine_run_deadlines              (CpEngineRun *run);

/* cp-engine-reviews.c */
gboolean cp_engine_run_reviews                (CpEngineRun *run);
gboolean cp_engine_check_review_schedule      (CpRule      *rule,
                                               JsonObject  *obj,
                                               const char  *path,
                                               GError     **error);
gboolean cp_engine_check_review_trigger       (CpRule      *rule,
                                               JsonObject  *obj,
                                               const char  *path,
                                               GError     **error);
gboolean cp_engine_check_review_adjournment   (CpRule      *rule,
                                               JsonObject  *obj,
                                               const char  *path,
                                               GError     **error);

/* cp-engine-recommendations.c: run by the review pass, for each review held. */
gboolean cp_engine_run_recommendations        (CpEngineRun *run,
                                               GPtrArray   *rules,
                                               CpReview    *review,
                                               int          seq,
                                               guint32      held);
gboolean cp_engine_check_recommendation       (CpRule      *rule,
                                               JsonObject  *obj,
                                               const char  *path,
                                               GError     **error);

/* cp-engine-disputes.c */
gboolean cp_engine_run_disputes               (CpEngineRun *run);
gboolean cp_engine_check_escalation_stage     (CpRule      *rule,
                                               JsonObject  *obj,
                                               const char  *path,
                                               GError     **error);

/* cp-engine-visits.c */
gboolean cp_engine_run_activities             (CpEngineRun *run);
gboolean cp_engine_run_intervals              (CpEngineRun *run);
gboolean cp_engine_check_activity             (CpRule      *rule,
                                               JsonObject  *obj,
                                               const char  *path,
                                               GError     **error);

/* cp-engine-permanence.c */
gboolean cp_engine_run_milestones             (CpEngineRun *run);

/* Checks shared by the kinds' checks (cp-engine.c). */
gboolean cp_engine_anchor_allowed             (CpRule         *rule,
                                               const char     *path,
                                               const CpAnchor *allowed,
                                               guint           n,
                                               GError        **error);
gboolean cp_engine_duty_allowed               (CpRule         *rule,
                                               const char     *path,
                                               const CpDuty   *allowed,
                                               guint           n,
                                               GError        **error);
gboolean cp_engine_direction_is               (CpRule         *rule,
                                               const char     *path,
                                               CpDirection     want,
                                               GError        **error);

G_END_DECLS
