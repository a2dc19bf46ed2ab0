/* cp-engine.c: the obligation engine's run and its table of passes
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Works out a case's obligations under a policy on a date. Every number,
 * unit and anchor comes from the policy's rules; the mechanisms that know
 * how each kind of rule is applied have a file each (cp-engine-*.c,
 * docs/policy-format.md, "The engine"). This file holds what they share:
 * the run, the adding of obligations, and the table of rule kinds, which
 * says what each kind may state and which pass applies it, in order.
 * CpEvaluator wraps the engine as a GObject.
 */

#include "config.h"

#include <string.h>

#include "cp-text-private.h"
#include "cp-calendar-private.h"
#include "cp-engine-private.h"
#include "cp-engine-run-private.h"
#include "cp-error-private.h"
#include "cp-policy-private.h"
#include "cp-obligation-private.h"
#include "cp-case-private.h"
#include "cp-date-private.h"
#include "cp-child-private.h"
#include "cp-review-private.h"
#include "cp-record-private.h"

/* Dates and their words ---------------------------------------------------- */

guint32
cp_engine_julian (const GDate *d)
{
  return cp_date_julian (d);
}

/* The dates formatted, by julian day: a case's explanations name the
 * same few dates again and again (a review's, the day care began), and
 * GDate's conversion is most of the cost of one. 1,024 of them (16 KB a
 * thread), nearly three years of days: most dates of a caseload checked
 * as at one day, not only the last case's. Per thread. */
typedef struct
{
  guint32 j;
  char    iso[11];
} IsoMemo;

static __thread IsoMemo iso_memo[1024];

const char *
cp_engine_iso (guint32 j, char buf[16])
{
  IsoMemo *memo = &iso_memo[j % G_N_ELEMENTS (iso_memo)];
  int y, m, day;

  g_return_val_if_fail (j != 0, NULL);
  if (memo->j == j)
    {
      memcpy (buf, memo->iso, sizeof memo->iso);
      return buf;
    }
  cp_julian_to_dmy (j, &y, &m, &day);
  if (y > 9999)
    {
      g_snprintf (buf, 16, "%d-%02d-%02d", y, m, day);
      return buf;
    }
  /* By hand: this runs for every date of every explanation. */
  buf[0] = '0' + y / 1000;
  buf[1] = '0' + y / 100 % 10;
  buf[2] = '0' + y / 10 % 10;
  buf[3] = '0' + y % 10;
  buf[4] = '-';
  buf[5] = '0' + m / 10;
  buf[6] = '0' + m % 10;
  buf[7] = '-';
  buf[8] = '0' + day / 10;
  buf[9] = '0' + day % 10;
  buf[10] = '\0';
  memo->j = j;
  memcpy (memo->iso, buf, sizeof memo->iso);
  return buf;
}

gboolean
cp_engine_shift (CpEngineRun *run, CpRule *rule, guint32 from, int sign, guint32 *out)
{
  return cp_calendar_add_julian (run->calendar, from, sign * cp_rule_get_quantity (rule),
                                 cp_rule_get_unit (rule), out, run->error);
}

static const char *
unit_words (CpUnit unit, int q)
{
  switch (unit)
    {
    case CP_UNIT_WORKING_DAYS: return q == 1 ? "working day" : "working days";
    case CP_UNIT_CALENDAR_DAYS: return q == 1 ? "calendar day" : "calendar days";
    case CP_UNIT_WEEKS: return q == 1 ? "week" : "weeks";
    case CP_UNIT_MONTHS: return q == 1 ? "month" : "months";
    case CP_UNIT_HOURS:
    default: return q == 1 ? "hour" : "hours";
    }
}

/* "20 working days from looked-after (2026-12-14)" */
void
cp_engine_append_reason (GString    *s,
                         CpRule     *rule,
                         const char *word,
                         const char *anchor,
                         guint32     from)
{
  char buf[16];
  int q = cp_rule_get_quantity (rule);

  /* Piece by piece: careplan check writes this for most obligations. */
  if (q == 0)
    cp_text_put (s, "the day of ");
  else
    {
      cp_text_put_int (s, q);
      cp_text_put (s, " ");
      cp_text_put (s, unit_words (cp_rule_get_unit (rule), q));
      cp_text_put (s, " ");
      cp_text_put (s, word);
      cp_text_put (s, " ");
    }
  cp_text_put (s, anchor);
  cp_text_put (s, " (");
  cp_text_put (s, cp_engine_iso (from, buf));
  cp_text_put (s, ")");
}

/* Adding obligations ------------------------------------------------------- */

static CpObligationStatus
judge (CpEngineRun *run, guint32 due, guint32 met, gboolean *failed)
{
  int q = cp_policy_get_due_soon_quantity (run->policy);
  guint32 soon;

  *failed = FALSE;
  if (met != 0)
    return met <= due ? CP_OBLIGATION_STATUS_MET_ON_TIME : CP_OBLIGATION_STATUS_MET_LATE;
  if (run->today > due)
    return CP_OBLIGATION_STATUS_OVERDUE;
  if (q > 0)
    {
      if (!cp_calendar_add_julian (run->calendar, due, -q, cp_policy_get_due_soon_unit (run->policy),
                                   &soon, run->error))
        {
          *failed = TRUE;
          return CP_OBLIGATION_STATUS_UPCOMING;
        }
      if (run->today >= soon)
        return CP_OBLIGATION_STATUS_DUE_SOON;
    }
  return CP_OBLIGATION_STATUS_UPCOMING;
}

/* @subject, kept in the evaluation's strings: the obligations of a review
 * come one after another with the same subject, which is kept once. */
static const char *
keep_subject (CpEngineRun *run, const char *subject)
{
  if (run->subject == NULL || strcmp (run->subject, subject) != 0)
    run->subject = g_string_chunk_insert (run->strings, subject);
  return run->subject;
}

/* Adds an obligation (see CpEngineObligation). The words of its reason
 * are kept as they are and written only if somebody asks for the
 * explanation. */
gboolean
cp_engine_emit_full (CpEngineRun              *run,
                     const CpEngineObligation *o)
{
  CpRule *rule = o->rule;
  guint32 due = o->due, met = o->met;
  CpObligationData d = {
    .review = o->review,
    .window = o->window,
  };

  /* A rule for care leavers (relevant and former relevant young people)
   * goes on after care ends, until the profile's ages end the duties. */
  if (run->ceased != 0 && due > run->ceased && met == 0 && cp_rule_get_care_leavers (rule) &&
      run->eligible != 0 && run->duties_end != 0 && due >= run->duties_end)
    {
      char a[16], b[16];
      g_autofree char *text = cp_text_printf ("not applicable: due %s, after the leaving-care duties ended (%s)",
                                              cp_engine_iso (due, a), cp_engine_iso (run->duties_end, b));

      d.status = CP_OBLIGATION_STATUS_NOT_APPLICABLE;
      d.form = CP_EXPLAIN_AS_IS;
      d.reason = g_string_chunk_insert (run->strings, text);
    }
  else if (run->ceased != 0 && due > run->ceased && met == 0 &&
           !(cp_rule_get_care_leavers (rule) && run->eligible != 0) && !cp_rule_get_after_care (rule))
    {
      /* Nothing falls due once the child has left care. */
      d.status = CP_OBLIGATION_STATUS_NOT_APPLICABLE;
      d.form = CP_EXPLAIN_CEASED;
      d.lapsed = due;
      d.ceased = run->ceased;
    }
  else
    {
      if (due == 0)
        {
          d.status = CP_OBLIGATION_STATUS_NOT_ENOUGH_HISTORY;
          d.form = CP_EXPLAIN_NO_HISTORY;
        }
      else
        {
          gboolean failed;

          d.status = judge (run, due, met, &failed);
          if (failed)
            return FALSE;
          d.form = CP_EXPLAIN_DATED;
          d.due = due;
          d.met = met;
        }
      if (o->reason != NULL && (o->reason->len > 0 || o->anchor == NULL))
        d.reason = g_string_chunk_insert_len (run->strings, o->reason->str, o->reason->len);
      d.reason_word = o->word;
      d.reason_anchor = o->anchor;
      d.reason_from = o->from;
    }

  d.rule = rule;
  d.subject = keep_subject (run, o->subject);
  g_array_append_val (run->out, d);
  return TRUE;
}

/* Adds an obligation; @reason says how @due was worked out. */
gboolean
cp_engine_emit (CpEngineRun *run,
                CpRule      *rule,
                const char  *subject,
                int          review,
                guint32      due,
                guint32      window,
                guint32      met,
                GString     *reason)
{
  CpEngineObligation o = {
    .rule = rule,
    .subject = subject,
    .review = review,
    .due = due,
    .window = window,
    .met = met,
    .reason = reason,
  };

  return cp_engine_emit_full (run, &o);
}

/* Adds an undated obligation that does not apply; @text is taken. */
void
cp_engine_emit_not_applicable (CpEngineRun *run,
                               CpRule      *rule,
                               const char  *subject,
                               int          review,
                               char        *text)
{
  g_autofree char *owned = text;
  CpObligationData d = {
    .rule = rule,
    .subject = keep_subject (run, subject),
    .reason = g_string_chunk_insert (run->strings, owned),
    .review = review,
    .status = CP_OBLIGATION_STATUS_NOT_APPLICABLE,
    .form = CP_EXPLAIN_AS_IS,
  };

  g_array_append_val (run->out, d);
}

/* The class of an enum type, without a reference each time: the class
 * of a static type is never freed, and taking a reference is an atomic
 * write to the type shared by every thread of a caseload evaluation. */
GEnumClass *
cp_engine_enum_class (GType type)
{
  GEnumClass *klass = g_type_class_peek (type);

  return klass != NULL ? klass : g_type_class_ref (type);   /* kept */
}

int
cp_engine_compare_julian (const guint32 *a, const guint32 *b)
{
  return *a < *b ? -1 : *a > *b;
}

/* The kinds of rule ---------------------------------------------------------- */

gboolean
cp_engine_anchor_allowed (CpRule         *rule,
                          const char     *path,
                          const CpAnchor *allowed,
                          guint           n,
                          GError        **error)
{
  g_autoptr(GString) list = g_string_new (NULL);
  CpAnchor anchor = cp_rule_get_anchor (rule);

  for (guint i = 0; i < n; i++)
    {
      if (allowed[i] == anchor)
        return TRUE;
      g_string_append_printf (list, "%s%s", i ? ", " : "", cp_enum_to_nick (CP_TYPE_ANCHOR, allowed[i]));
    }
  return cp_fail (error, CP_ERROR_INVALID_VALUE,
               "%s.anchor: “%s” cannot anchor a %s rule (expected one of: %s)",
               path, cp_enum_to_nick (CP_TYPE_ANCHOR, anchor),
               cp_enum_to_nick (CP_TYPE_RULE_KIND, cp_rule_get_kind (rule)), list->str);
}

gboolean
cp_engine_duty_allowed (CpRule        *rule,
                        const char    *path,
                        const CpDuty  *allowed,
                        guint          n,
                        GError       **error)
{
  g_autoptr(GString) list = g_string_new (NULL);
  CpDuty duty = cp_rule_get_duty (rule);

  for (guint i = 0; i < n; i++)
    {
      if (allowed[i] == duty)
        return TRUE;
      g_string_append_printf (list, "%s%s", i ? ", " : "", cp_enum_to_nick (CP_TYPE_DUTY, allowed[i]));
    }
  return cp_fail (error, CP_ERROR_INVALID_VALUE,
               "%s.duty: “%s” is not a duty of a %s rule (expected one of: %s)",
               path, cp_enum_to_nick (CP_TYPE_DUTY, duty),
               cp_enum_to_nick (CP_TYPE_RULE_KIND, cp_rule_get_kind (rule)), list->str);
}

gboolean
cp_engine_direction_is (CpRule       *rule,
                        const char   *path,
                        CpDirection   want,
                        GError      **error)
{
  if (cp_rule_get_direction (rule) == want)
    return TRUE;
  return cp_fail (error, CP_ERROR_INVALID_VALUE, "%s.direction: “%s” does not fit a %s rule (expected %s)",
               path, cp_enum_to_nick (CP_TYPE_DIRECTION, cp_rule_get_direction (rule)),
               cp_enum_to_nick (CP_TYPE_RULE_KIND, cp_rule_get_kind (rule)),
               cp_enum_to_nick (CP_TYPE_DIRECTION, want));
}

/* Whether a rule of the kind must give a timescale (its quantity). */
typedef enum {
  QUANTITY_REQUIRED,   /* more than 0 */
  QUANTITY_STATED,     /* stated, and 0 if it says so ("as soon as practicable", read as the day) */
  QUANTITY_OPTIONAL,   /* ladder stages with no time limit, recommendations sent "immediately", ... */
} Quantity;

/* One kind of rule: what its rules may state, checked when the profile
 * loads (cp_engine_check_rule_kind()), and the pass that applies them. */
typedef struct {
  CpRuleKind      kind;
  CpEnginePass    run;         /* NULL: another kind's pass applies it, or none does */
  const CpAnchor *anchors;     /* the anchors allowed; NULL: @check decides */
  guint           n_anchors;
  const CpDuty   *duties;      /* the duties allowed; NULL: any, or @check decides */
  guint           n_duties;
  int             direction;   /* the CpDirection required, or -1 */
  Quantity        quantity;
  gboolean        hours;       /* whether the unit may be hours */
  CpEngineCheck   needs;       /* what the kind must state, checked before the anchor */
  CpEngineCheck   check;       /* the rest, checked last */
} Kind;

static const CpAnchor deadline_anchors[] = { CP_ANCHOR_LOOKED_AFTER, CP_ANCHOR_FIRST_PLACEMENT, CP_ANCHOR_PLACEMENT };
static const CpAnchor schedule_anchors[] = { CP_ANCHOR_LOOKED_AFTER, CP_ANCHOR_PREVIOUS_REVIEW };
static const CpAnchor event_anchor[] = { CP_ANCHOR_EVENT };
static const CpAnchor review_anchor[] = { CP_ANCHOR_REVIEW };
static const CpAnchor meeting_anchor[] = { CP_ANCHOR_LAST_MEETING };
static const CpAnchor no_anchor[] = { CP_ANCHOR_NONE };
static const CpAnchor stage_anchor[] = { CP_ANCHOR_STAGE };
static const CpAnchor activity_anchors[] = { CP_ANCHOR_LOOKED_AFTER, CP_ANCHOR_PLACEMENT, CP_ANCHOR_BIRTH,
                                             CP_ANCHOR_REVIEW, CP_ANCHOR_PERMANENCE_PLAN,
                                             CP_ANCHOR_LEGAL_STATUS, CP_ANCHOR_EVENT,
                                             CP_ANCHOR_ELIGIBLE, CP_ANCHOR_LEFT_CARE, CP_ANCHOR_ACTIVITY,
                                             CP_ANCHOR_TEMPORARY_APPROVAL };
static const CpAnchor interval_anchor[] = { CP_ANCHOR_NONE, CP_ANCHOR_PERMANENCE_PLAN, CP_ANCHOR_RULE };
static const CpAnchor target_anchor[] = { CP_ANCHOR_TARGET };
static const CpAnchor looked_after_anchor[] = { CP_ANCHOR_LOOKED_AFTER };

static const CpDuty deadline_duties[] = { CP_DUTY_CARE_PLAN, CP_DUTY_PLACEMENT_PLAN };
static const CpDuty review_duty[] = { CP_DUTY_REVIEW };
static const CpDuty before_duties[] = { CP_DUTY_CHILD_CONSULTED, CP_DUTY_INVITATIONS_SENT,
                                        CP_DUTY_DOCUMENTS_TO_IRO, CP_DUTY_REPORT_AVAILABLE,
                                        CP_DUTY_PLANS_QUALITY_ASSURED, CP_DUTY_HEALTH_PLAN_TO_IRO,
                                        CP_DUTY_PEP_TO_IRO, CP_DUTY_PERMANENCE_MINUTES_TO_IRO };
static const CpDuty after_duties[] = { CP_DUTY_DECISIONS_RECORD, CP_DUTY_FULL_RECORD,
                                       CP_DUTY_RECORD_DISTRIBUTED, CP_DUTY_MANAGER_RESPONSE,
                                       CP_DUTY_CARE_PLAN_UPDATED };
static const CpDuty adjourn_duty[] = { CP_DUTY_ADJOURNED_REVIEW };
static const CpDuty meeting_duty[] = { CP_DUTY_REVIEW_MEETING };
static const CpDuty stage_duty[] = { CP_DUTY_DISPUTE_STAGE };
static const CpDuty activity_duties[] = { CP_DUTY_VISIT, CP_DUTY_HEALTH_ASSESSMENT, CP_DUTY_DENTAL_CHECK,
                                          CP_DUTY_PEP_REVIEW, CP_DUTY_PLACEMENT_PLANNING_MEETING,
                                          CP_DUTY_CARE_PLANNING_MEETING, CP_DUTY_LEGAL_PLANNING_MEETING,
                                          CP_DUTY_PERMANENCE_PLAN, CP_DUTY_PERMANENCE_PLANNING_MEETING,
                                          CP_DUTY_FINAL_CARE_PLANNING_MEETING, CP_DUTY_PERMANENCE_DECISION,
                                          CP_DUTY_PERMANENCE_PROGRESS_MEETING, CP_DUTY_LANDMARK_REVIEW,
                                          CP_DUTY_NEEDS_ASSESSMENT, CP_DUTY_PATHWAY_PLAN,
                                          CP_DUTY_PATHWAY_PLAN_REVIEW, CP_DUTY_STAYING_PUT_CONSIDERED,
                                          CP_DUTY_CARER_APPROVED, CP_DUTY_REVIEW_UNIT_NOTIFIED,
                                          CP_DUTY_HEALTH_TEAM_NOTIFIED, CP_DUTY_VIRTUAL_SCHOOL_NOTIFIED,
                                          CP_DUTY_STATUTORY_ASSESSMENT, CP_DUTY_RISK_ASSESSMENT,
                                          CP_DUTY_CESSATION_ASSESSMENT, CP_DUTY_CIN_PLAN, CP_DUTY_PA_VISIT,
                                          CP_DUTY_RETURN_HOME_INTERVIEW };
static const CpDuty milestone_duty[] = { CP_DUTY_PERMANENCE_MILESTONE };

#define LIST(a) a, G_N_ELEMENTS (a)
#define ANY NULL, 0

/* One row per kind. The passes run in the order of the rows (those with
 * one); a pass may read what the passes above it added to run->out or
 * set in the run, as each row's comment says. */
static const Kind kinds[] = {
  /* Leaving care: reads nothing. Sets run->eligible and run->duties_end,
   * which cp_engine_emit_full() (duties for care leavers) and the
   * activities (anchors eligible and left-care) read. */
  { CP_RULE_KIND_LEAVING_CARE_STATUS, cp_engine_run_leaving_care, LIST (looked_after_anchor), ANY, -1,
    QUANTITY_REQUIRED, FALSE, cp_engine_check_leaving_care_status, NULL },

  /* Deadlines (the care plan, the placement plans): read nothing. */
  { CP_RULE_KIND_DEADLINE, cp_engine_run_deadlines, LIST (deadline_anchors), LIST (deadline_duties),
    CP_DIRECTION_WITHIN, QUANTITY_STATED, FALSE, NULL, NULL },

  /* Reviews: read nothing. The schedule's pass applies the five kinds
   * below it too, review by review, and the recommendations of each
   * review held (cp_engine_run_recommendations()). */
  { CP_RULE_KIND_REVIEW_SCHEDULE, cp_engine_run_reviews, LIST (schedule_anchors), LIST (review_duty),
    CP_DIRECTION_WITHIN, QUANTITY_REQUIRED, FALSE, NULL, cp_engine_check_review_schedule },
  { CP_RULE_KIND_REVIEW_TRIGGER, NULL, LIST (event_anchor), LIST (review_duty),
    CP_DIRECTION_WITHIN, QUANTITY_REQUIRED, FALSE, cp_engine_check_review_trigger, NULL },
  { CP_RULE_KIND_REVIEW_PREPARATION, NULL, LIST (review_anchor), LIST (before_duties),
    CP_DIRECTION_BEFORE, QUANTITY_REQUIRED, FALSE, NULL, NULL },
  { CP_RULE_KIND_REVIEW_FOLLOW_UP, NULL, LIST (review_anchor), LIST (after_duties),
    CP_DIRECTION_WITHIN, QUANTITY_REQUIRED, FALSE, NULL, NULL },
  { CP_RULE_KIND_REVIEW_ADJOURNMENT, NULL, LIST (review_anchor), LIST (adjourn_duty),
    CP_DIRECTION_WITHIN, QUANTITY_REQUIRED, FALSE, cp_engine_check_review_adjournment, NULL },
  { CP_RULE_KIND_REVIEW_WITHOUT_MEETING, NULL, LIST (meeting_anchor), LIST (meeting_duty),
    CP_DIRECTION_EVERY, QUANTITY_REQUIRED, FALSE, NULL, NULL },
  /* Its anchors and direction depend on its duty. */
  { CP_RULE_KIND_RECOMMENDATION, NULL, ANY, ANY,
    -1, QUANTITY_OPTIONAL, FALSE, NULL, cp_engine_check_recommendation },

  /* Disputes, stage by stage: read nothing. */
  { CP_RULE_KIND_ESCALATION_STAGE, cp_engine_run_disputes, LIST (stage_anchor), LIST (stage_duty),
    CP_DIRECTION_WITHIN, QUANTITY_OPTIONAL, FALSE, cp_engine_check_escalation_stage, NULL },

  /* One-off activities: read the review obligations (the day of a review
   * neither held nor booked is its due date) and run->eligible. */
  { CP_RULE_KIND_ACTIVITY, cp_engine_run_activities, LIST (activity_anchors), LIST (activity_duties),
    -1, QUANTITY_OPTIONAL, TRUE, NULL, cp_engine_check_activity },

  /* Intervals: read the activity obligations (a chain that counts from
   * an activity rule starts the day that obligation was met). */
  { CP_RULE_KIND_INTERVAL, cp_engine_run_intervals, LIST (interval_anchor), LIST (activity_duties),
    CP_DIRECTION_EVERY, QUANTITY_REQUIRED, FALSE, NULL, NULL },

  /* Permanence milestones: read nothing. */
  { CP_RULE_KIND_MILESTONE, cp_engine_run_milestones, LIST (target_anchor), LIST (milestone_duty),
    CP_DIRECTION_WITHIN, QUANTITY_OPTIONAL, FALSE, NULL, NULL },

  /* Not applied by the engine: CpEvaluator reads them when asked. */
  { CP_RULE_KIND_REVIEW_RESCHEDULE, NULL, LIST (no_anchor), ANY,
    -1, QUANTITY_OPTIONAL, FALSE, NULL, NULL },
  { CP_RULE_KIND_AUTHORITY, NULL, LIST (no_anchor), ANY,
    -1, QUANTITY_OPTIONAL, FALSE, cp_policy_check_authority, NULL },
};

#undef LIST
#undef ANY

/* A row for every kind (cp_engine_check_rule_kind() finds each). */
G_STATIC_ASSERT (G_N_ELEMENTS (kinds) == CP_RULE_KIND_LEAVING_CARE_STATUS + 1);

gboolean
cp_engine_check_rule_kind (CpRule      *rule,
                           JsonObject  *obj,
                           const char  *path,
                           GError     **error)
{
  CpRuleKind kind = cp_rule_get_kind (rule);
  const Kind *k = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (kinds) && k == NULL; i++)
    if (kinds[i].kind == kind)
      k = &kinds[i];
  g_assert (k != NULL);

  if (cp_rule_get_quantity (rule) == 0 &&
      (k->quantity == QUANTITY_REQUIRED ||
       (k->quantity == QUANTITY_STATED && !json_object_has_member (obj, "quantity"))))
    return cp_fail (error, CP_ERROR_MISSING_FIELD, "%s.quantity: missing (a %s rule needs a timescale)",
                 path, cp_enum_to_nick (CP_TYPE_RULE_KIND, kind));
  /* The case model records dates. An activity counted from a day (72 hours
   * from an emergency placement) is read in whole days, the earliest
   * reading (docs/policy-format.md); nothing else may be in hours. */
  if (cp_rule_get_unit (rule) == CP_UNIT_HOURS && !k->hours)
    return cp_fail (error, CP_ERROR_INVALID_VALUE,
                 "%s.unit: “hours” is only for activity rules (the case records dates, not times)", path);

  if (k->needs != NULL && !k->needs (rule, obj, path, error))
    return FALSE;
  if (k->anchors != NULL && !cp_engine_anchor_allowed (rule, path, k->anchors, k->n_anchors, error))
    return FALSE;
  if (k->duties != NULL && !cp_engine_duty_allowed (rule, path, k->duties, k->n_duties, error))
    return FALSE;
  if (k->direction >= 0 && !cp_engine_direction_is (rule, path, k->direction, error))
    return FALSE;
  return k->check == NULL || k->check (rule, obj, path, error);
}

/* The run ------------------------------------------------------------------- */

static int
compare_events (gconstpointer a, gconstpointer b)
{
  const CpEngineEvent *x = a, *y = b;
  return x->date < y->date ? -1 : x->date > y->date;
}

/* The events known by today, by date: the case's own, each change of
 * placement, a proposed change to the care plan, and each review decision
 * not carried out. */
static void
collect_events (CpEngineRun *run)
{
  CpCase *kase = run->kase;
  CpCaseEvent *const *events_in;
  CpPlacement *const *placements;
  CpReview *const *reviews;
  guint n_list;
  CpCarePlan *care_plan;

  events_in = cp_case_peek_events (kase, &n_list);
  for (guint i = 0; i < n_list; i++)
    {
      CpCaseEvent *e = events_in[i];
      CpEngineEvent ev = { cp_case_event_get_kind (e), cp_engine_known (run, cp_case_event_get_date (e)),
                           cp_case_event_get_iro_agreed (e) };
      if (ev.date != 0)
        g_array_append_val (run->events, ev);
    }
  placements = cp_case_peek_placements (kase, &n_list);
  for (guint i = 1; i < n_list; i++)
    {
      CpPlacement *p = placements[i];
      CpEngineEvent ev = { CP_EVENT_KIND_PLACEMENT_CHANGE, cp_engine_known (run, cp_placement_get_start (p)), FALSE };
      if (ev.date != 0)
        g_array_append_val (run->events, ev);
    }
  care_plan = cp_case_get_care_plan (kase);
  if (care_plan != NULL)
    {
      CpEngineEvent ev = { CP_EVENT_KIND_PROPOSED_CARE_PLAN_CHANGE,
                           cp_engine_known (run, cp_care_plan_get_proposed_change_on (care_plan)), FALSE };
      if (ev.date != 0)
        g_array_append_val (run->events, ev);
    }
  /* A review decision past its date and not done is an event too
   * (catalogue §D2 trig-decisions-not-carried-out), from the day after. */
  reviews = cp_case_peek_reviews (kase, &n_list);
  for (guint i = 0; i < n_list; i++)
    {
      CpReview *review = reviews[i];
      guint n_recs;
      CpRecommendation *const *recs = cp_review_peek_recommendations (review, &n_recs);

      for (guint k = 0; k < n_recs; k++)
        {
          CpRecommendation *rec = recs[k];
          guint32 due = cp_engine_julian (cp_recommendation_get_due (rec));
          guint32 done = cp_engine_julian (cp_recommendation_get_completed_on (rec));
          CpEngineEvent ev = { CP_EVENT_KIND_DECISIONS_NOT_CARRIED_OUT, due + 1, FALSE };

          if (due == 0 || cp_recommendation_get_status (rec) == CP_RECOMMENDATION_STATUS_WITHDRAWN ||
              (done != 0 && done <= due) || ev.date > run->today)
            continue;
          g_array_append_val (run->events, ev);
        }
    }
  g_array_sort (run->events, compare_events);
}

/* The activities, placements, reviews held and legal statuses as plain
 * days, which the conditions read for every gap of every repeated duty: a
 * GDate's julian day costs a validity check each time it is asked. */
static void
collect_records (CpEngineRun *run)
{
  guint n;
  CpActivityWalk walk;
  CpEngineActivity a;
  CpPlacement *const *placements;
  CpLegalStatus *const *statuses;
  CpReview *const *reviews;

  /* Those known by the evaluation date. */
  cp_case_walk_activities (run->kase, &walk);
  while (cp_activity_walk_next (&walk, &a.duty, &a.day))
    if ((a.day = cp_engine_known_julian (run, a.day)) != 0)
      g_array_append_val (run->activities, a);
  placements = cp_case_peek_placements (run->kase, &n);
  for (guint i = 0; i < n; i++)
    {
      CpEnginePlacement p = { placements[i], cp_engine_julian (cp_placement_get_start (placements[i])),
                              cp_engine_julian (cp_placement_get_end (placements[i])) };
      g_array_append_val (run->placements, p);
    }
  reviews = cp_case_peek_reviews (run->kase, &n);
  for (guint i = 0; i < n; i++)
    {
      guint32 held = cp_engine_known (run, cp_review_get_held (reviews[i]));
      g_array_append_val (run->held, held);
    }
  statuses = cp_child_peek_legal_statuses (cp_case_get_child (run->kase), &n);
  for (guint i = 0; i < n; i++)
    {
      CpEngineStatus s = { statuses[i], cp_engine_julian (cp_legal_status_get_start (statuses[i])),
                           cp_engine_julian (cp_legal_status_get_end (statuses[i])) };
      g_array_append_val (run->statuses, s);
    }
}

GArray *
cp_engine_evaluate (CpCase        *kase,
                    CpPolicy      *policy,
                    CpCalendar    *calendar,
                    const GDate   *date,
                    GStringChunk **strings,
                    GError       **error)
{
  g_autoptr(GArray) out = g_array_sized_new (FALSE, FALSE, sizeof (CpObligationData), 48);
  g_autoptr(GStringChunk) chunk = g_string_chunk_new (2048);
  g_autoptr(GArray) events = g_array_new (FALSE, FALSE, sizeof (CpEngineEvent));
  g_autoptr(GArray) activities = g_array_sized_new (FALSE, FALSE, sizeof (CpEngineActivity), 32);
  g_autoptr(GArray) placements = g_array_sized_new (FALSE, FALSE, sizeof (CpEnginePlacement), 8);
  g_autoptr(GArray) statuses = g_array_sized_new (FALSE, FALSE, sizeof (CpEngineStatus), 4);
  g_autoptr(GArray) held = g_array_sized_new (FALSE, FALSE, sizeof (guint32), 8);
  CpEngineRun run = {
    .policy = policy,
    .calendar = calendar,
    .kase = kase,
    .today = g_date_get_julian (date),
    .looked_after = cp_engine_julian (cp_child_get_looked_after_since (cp_case_get_child (kase))),
    .ceased = 0,
    .birth = cp_engine_julian (cp_child_get_birth_date (cp_case_get_child (kase))),
    .events = events,
    .activities = activities,
    .placements = placements,
    .statuses = statuses,
    .held = held,
    .out = out,
    .strings = chunk,
    .error = error,
  };

  if (!cp_calendar_check_julian (calendar, run.today, "date", error))
    return NULL;

  /* Not yet looked after on the date: nothing is owed. */
  if (run.looked_after == 0 || run.looked_after > run.today)
    {
      *strings = g_steal_pointer (&chunk);
      return g_steal_pointer (&out);
    }
  run.ceased = cp_engine_known (&run, cp_child_get_ceased_on (cp_case_get_child (kase)));
  collect_events (&run);
  collect_records (&run);

  for (guint i = 0; i < G_N_ELEMENTS (kinds); i++)
    if (kinds[i].run != NULL && !kinds[i].run (&run))
      return NULL;
  *strings = g_steal_pointer (&chunk);
  return g_steal_pointer (&out);
}

