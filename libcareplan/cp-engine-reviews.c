/* cp-engine-reviews.c: reviews: the schedule, triggers, preparation, follow-up, adjournment, meetings
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Rules of the kinds `review-schedule`, `review-trigger`,
 * `review-preparation`, `review-follow-up`, `review-adjournment` and
 * `review-without-meeting`, applied review by review in one pass (each
 * review's due date depends on the one before); the recommendations of
 * each review held are cp-engine-recommendations.c's.
 */

#include "config.h"

#include <string.h>

#include "cp-text-private.h"
#include "cp-calendar-private.h"
#include "cp-engine-run-private.h"
#include "cp-error-private.h"
#include "cp-case-private.h"
#include "cp-record-private.h"

static gboolean
slot_matches (CpReviewSlot slot, int cycle_pos)
{
  switch (slot)
    {
    case CP_REVIEW_SLOT_FIRST: return cycle_pos == 0;
    case CP_REVIEW_SLOT_SECOND: return cycle_pos == 1;
    case CP_REVIEW_SLOT_SUBSEQUENT: return cycle_pos >= 2;
    case CP_REVIEW_SLOT_LATER: return cycle_pos >= 1;
    case CP_REVIEW_SLOT_ANY:
    default: return TRUE;
    }
}

/* What run_duties() reads of a preparation or follow-up rule: read once
 * an evaluation, not once a review. */
typedef struct {
  CpRule       *rule;
  CpReviewSlot  slot;
  int           quantity;
  CpUnit        unit;
  CpDuty        duty;
  gboolean      deemed_agreed;
  int           review_kind;   /* a CpReviewKind, or -1 for every review */
} DutyRule;

/* The rule lists are the policy's own (cp_policy_rules_of_kind()). */
typedef struct {
  GPtrArray *schedule;
  GPtrArray *triggers;
  GPtrArray *preparation;
  GPtrArray *follow_up;
  GPtrArray *adjournment;
  GPtrArray *without_meeting;
  GPtrArray *recommendation;
  GArray    *preparation_duties;   /* DutyRule */
  GArray    *follow_up_duties;
} ReviewRules;

static GArray *
duty_rules (GPtrArray *rules)
{
  GArray *duties = g_array_sized_new (FALSE, FALSE, sizeof (DutyRule), rules->len);

  for (guint i = 0; i < rules->len; i++)
    {
      CpRule *rule = rules->pdata[i];
      DutyRule d = {
        .rule = rule,
        .slot = cp_rule_get_slot (rule),
        .quantity = cp_rule_get_quantity (rule),
        .unit = cp_rule_get_unit (rule),
        .duty = cp_rule_get_duty (rule),
        .deemed_agreed = cp_rule_get_deemed_agreed (rule),
        .review_kind = -1,
      };

      if (cp_rule_get_review_kind (rule) != NULL)
        {
          GEnumValue *v = g_enum_get_value_by_nick (cp_engine_enum_class (CP_TYPE_REVIEW_KIND), cp_rule_get_review_kind (rule));

          d.review_kind = v != NULL ? v->value : -1;   /* checked when the profile loaded */
        }
      g_array_append_val (duties, d);
    }
  return duties;
}

static void
review_rules_clear (ReviewRules *rr)
{
  g_clear_pointer (&rr->preparation_duties, g_array_unref);
  g_clear_pointer (&rr->follow_up_duties, g_array_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (ReviewRules, review_rules_clear)

/* " [rule-id]" */
static void
append_rule_id (GString *s, CpRule *rule)
{
  g_string_append_len (s, " [", 2);
  g_string_append (s, cp_rule_get_id (rule));
  g_string_append_c (s, ']');
}

/* Where the cycle of reviews stands when the next one is worked out. */
typedef struct {
  int      seq;            /* the review's number */
  int      cycle_pos;      /* its place in the cycle (0: the first review) */
  gboolean reset_before;   /* an event restarted the cycle before it */
  guint32  prev;           /* the day the review before it was held, or 0 */
  int      prev_seq;       /* that review's number */
  guint32  held;           /* the day it was held, or 0 */
} ReviewCycle;

/* When a review is due, and how that was counted: the words
 * cp_engine_emit_full() writes "from" @anchor (@from) when asked for. */
typedef struct {
  guint32     due;
  CpRule     *rule;     /* the rule that set @due; NULL if none schedules the review */
  const char *anchor;
  guint32     from;
  gboolean    resets;   /* an event that brought it forward restarts the cycle */
} ReviewDue;

/* When the next review is due (*@next): the earliest of the slot's rules
 * and of the triggers since the previous review. @why gets the rest of
 * how it was counted (the rule's id, ties, triggers not acted on). */
static gboolean
review_due (CpEngineRun       *run,
            ReviewRules       *rr,
            const ReviewCycle *cycle,
            ReviewDue         *next,
            GString           *why)
{
  guint32 due = 0;
  CpRule *best = NULL;
  const char *best_anchor = NULL;
  guint32 best_from = 0;
  gsize start_len = why->len;   /* @why gets the text after the best's reason */
  guint32 *waiting;
  gboolean *acted;
  gboolean specific = FALSE;

  next->resets = FALSE;

  /* A schedule rule for some placement types only (Stoke-on-Trent's
   * short-break series) replaces the general rules for its slot while the
   * child is in such a placement. */
  for (guint i = 0; i < rr->schedule->len; i++)
    {
      CpRule *rule = rr->schedule->pdata[i];
      guint32 start, at = cycle->prev != 0 ? cycle->prev : run->looked_after;

      if (cp_rule_get_placements (rule) != NULL && slot_matches (cp_rule_get_slot (rule), cycle->cycle_pos) &&
          cp_engine_placement_type_listed (rule, cp_engine_placement_on (run, at, &start)))
        specific = TRUE;
    }

  for (guint i = 0; i < rr->schedule->len; i++)
    {
      CpRule *rule = rr->schedule->pdata[i];
      const char *anchor;
      char name[32];
      guint32 from, cand, start;

      if (!slot_matches (cp_rule_get_slot (rule), cycle->cycle_pos))
        continue;
      if (specific != (cp_rule_get_placements (rule) != NULL))
        continue;
      if (specific && !cp_engine_placement_type_listed (rule, cp_engine_placement_on (run, cycle->prev != 0 ? cycle->prev : run->looked_after, &start)))
        continue;
      if (cp_rule_get_anchor (rule) == CP_ANCHOR_LOOKED_AFTER)
        {
          /* Counting from entry to care only makes sense in the first cycle. */
          if (cycle->reset_before)
            continue;
          from = run->looked_after;
          anchor = "looked-after";
        }
      else
        {
          if (cycle->prev == 0)
            continue;
          from = cycle->prev;
          anchor = cp_text_format (name, sizeof name, "review %d", cycle->prev_seq);
        }
      if (!cp_engine_shift (run, rule, from, 1, &cand))
        return FALSE;
      if (due == 0 || cand < due)
        {
          due = cand;
          best = rule;
          best_anchor = anchor == name ? g_string_chunk_insert (run->strings, name) : anchor;
          best_from = from;
          g_string_truncate (why, start_len);
          append_rule_id (why, rule);
        }
      else if (cand == due)
        {
          g_string_append (why, "; also ");
          cp_engine_append_reason (why, rule, "from", anchor, from);
          append_rule_id (why, rule);
        }
    }

  /* Per trigger rule: the first event still waiting for the IRO, and
   * whether an event acted on it. */
  waiting = g_newa (guint32, rr->triggers->len + 1);
  acted = g_newa (gboolean, rr->triggers->len + 1);
  memset (waiting, 0, sizeof (guint32) * (rr->triggers->len + 1));
  memset (acted, 0, sizeof (gboolean) * (rr->triggers->len + 1));

  for (guint e = 0; e < run->events->len; e++)
    {
      CpEngineEvent *ev = &g_array_index (run->events, CpEngineEvent, e);

      /* Events between the previous review and this one (if it was held:
       * later events are the next review's business). */
      if (cycle->prev != 0 ? ev->date <= cycle->prev : ev->date < run->looked_after)
        continue;
      if (cycle->held != 0 && ev->date > cycle->held)
        continue;
      for (guint i = 0; i < rr->triggers->len; i++)
        {
          CpRule *rule = rr->triggers->pdata[i];
          guint32 cand;

          if (cp_rule_get_event (rule) != ev->kind)
            continue;
          if (cp_rule_get_gate (rule) == CP_TRIGGER_GATE_IRO_DECIDES && !ev->agreed)
            {
              if (waiting[i] == 0)
                waiting[i] = ev->date;
              continue;
            }
          acted[i] = TRUE;
          if (cp_rule_get_resets_cycle (rule))
            next->resets = TRUE;
          if (!cp_engine_shift (run, rule, ev->date, 1, &cand))
            return FALSE;
          if (due == 0 || cand < due)
            {
              due = cand;
              best = rule;
              best_anchor = cp_enum_to_nick (CP_TYPE_EVENT_KIND, ev->kind);   /* the enum class keeps it */
              best_from = ev->date;
              g_string_truncate (why, start_len);
              append_rule_id (why, rule);
            }
        }
    }

  /* Listed so the user sees why the review was not brought forward. */
  for (guint i = 0; i < rr->triggers->len; i++)
    {
      CpRule *rule = rr->triggers->pdata[i];
      char subject[32];
      char buf[16];

      if (waiting[i] == 0 || acted[i])
        continue;
      cp_text_format (subject, sizeof subject, "review %d", cycle->seq);
      cp_engine_emit_not_applicable (run, rule, subject, cycle->seq,
                                     cp_text_printf ("not applicable: %s on %s brings the review forward "
                                                     "only if the IRO agrees, and no agreement is recorded",
                                                     cp_enum_to_nick (CP_TYPE_EVENT_KIND, cp_rule_get_event (rule)),
                                                     cp_engine_iso (waiting[i], buf)));
    }

  next->due = due;
  next->rule = best;
  next->anchor = best_anchor;
  next->from = best_from;
  return TRUE;
}

/* NULL if a consultation-only review counts here, else why not. */
static const char *
no_meeting_refusal (CpEngineRun *run, ReviewRules *rr, CpReview *review, guint32 held, char *buf, gsize len)
{
  guint n_placements;
  CpPlacement *const *placements = cp_case_peek_placements (run->kase, &n_placements);
  CpPlacement *placement = NULL;   /* the case keeps it alive */
  CpRule *rule;
  const char * const *excluded;
  const char *kind;

  if (rr->without_meeting->len == 0)
    return "this profile does not allow reviews without a meeting";
  rule = rr->without_meeting->pdata[0];   /* its only version (cp-policy.c) */
  if (!cp_engine_in_force (run, rule, held))
    return "reviews without a meeting were not allowed on the review date";

  if (cp_rule_get_agreement_required (rule) && !cp_review_get_no_meeting_agreed (review))
    return "not everyone, the child included, agreed to a review without a meeting";

  for (guint i = 0; i < n_placements; i++)
    {
      CpPlacement *p = placements[i];
      guint32 start = cp_engine_julian (cp_placement_get_start (p));
      guint32 end = cp_engine_julian (cp_placement_get_end (p));

      if (start <= held && (end == 0 || end > held))
        placement = p;
    }
  if (placement == NULL)
    return "the child had no placement on the review date";

  if (cp_rule_get_long_term_only (rule) && !cp_placement_get_long_term (placement))
    return "the placement is not designated long-term";

  /* The sources say "over" / "more than" the months: the anniversary
   * itself is not enough (the reading that allows fewer such reviews). */
  if (cp_rule_get_min_months (rule) > 0)
    {
      guint32 since;
      if (!cp_calendar_add_julian (run->calendar, cp_engine_julian (cp_placement_get_start (placement)),
                                   cp_rule_get_min_months (rule), CP_UNIT_MONTHS, &since, NULL) ||
          since >= held)
        {
          g_snprintf (buf, len, "the child had not been in the placement for more than %d months",
                      cp_rule_get_min_months (rule));
          return buf;
        }
    }

  excluded = cp_rule_get_excluded_placements (rule);
  kind = cp_enum_to_nick (CP_TYPE_PLACEMENT_TYPE, cp_placement_get_kind (placement));
  if ((excluded != NULL && g_strv_contains (excluded, kind)) || !cp_engine_placement_type_listed (rule, placement))
    {
      g_snprintf (buf, len, "reviews without a meeting are not allowed in a %s placement", kind);
      return buf;
    }
  return NULL;
}

/* The review whose duties run_duties() works out. */
typedef struct {
  CpReview   *review;        /* NULL if not recorded yet */
  int         seq;
  const char *subject;
  int         cycle_pos;
  guint32     floor;         /* a duty before it falls no earlier than this */
  const char *floor_event;   /* the kind of event that set @floor, or NULL */
} ReviewAt;

/* Duties before review @at (sign -1) or after it (sign 1), counted from
 * @anchor (@anchor_name). A duty before the review falls no earlier than
 * its floor: the day the event that brought the review forward happened
 * (its floor_event, the event's kind), or the first day of care
 * (floor_event NULL). */
static gboolean
run_duties (CpEngineRun    *run,
            GArray         *duties,
            int             sign,
            const ReviewAt *at,
            guint32         anchor,
            const char     *anchor_name)
{
  CpReview *review = at->review;
  guint32 floor = at->floor;
  g_autoptr(CpScratch) more = cp_scratch_new ();
  const char *word = sign < 0 ? "before" : "from";

  for (guint i = 0; i < duties->len; i++)
    {
      const DutyRule *d = &g_array_index (duties, DutyRule, i);
      CpRule *rule = d->rule;
      guint32 due, met = 0;
      gboolean deemed = FALSE;
      CpEngineObligation o = {
        .rule = rule,
        .subject = at->subject,
        .review = at->seq,
        .reason = more,
        .word = word,
        .anchor = anchor_name,
        .from = anchor,
      };

      if (!slot_matches (d->slot, at->cycle_pos))
        continue;
      /* A review not yet recorded is a meeting, the default kind. */
      if (d->review_kind >= 0 &&
          (int) (review != NULL ? cp_review_get_kind (review) : CP_REVIEW_KIND_MEETING) != d->review_kind)
        continue;
      if (!cp_calendar_add_julian (run->calendar, anchor, sign * d->quantity, d->unit, &due, run->error))
        return FALSE;
      /* The reason is "N days before the review (date)" (written only
       * when asked for), then anything in @more. */
      g_string_truncate (more, 0);
      /* A duty counted back from a review that comes too soon after the
       * child became looked after (a first review booked very early), or
       * after the event that brought it forward, cannot fall before that
       * day: it is due on it (the earliest reading still possible). */
      if (sign < 0 && due < MAX (floor, run->looked_after))
        {
          char buf[16];

          due = MAX (floor, run->looked_after);
          if (at->floor_event != NULL && floor > run->looked_after)
            cp_text_append (more, ", which is before the %s that brought the review forward, so due on %s",
                            at->floor_event, cp_engine_iso (due, buf));
          else
            cp_text_append (more, ", which is before the child became looked after, so due on %s",
                            cp_engine_iso (due, buf));
        }
      if (review != NULL)
        met = cp_engine_known (run, cp_review_get_task_done (review, d->duty));
      /* Silence until the window closes is agreement where the rule says so. */
      if (met == 0 && d->deemed_agreed && run->today > due)
        {
          char buf[16];

          met = due;
          cp_text_append (more, "; no response by %s, so the decisions are deemed agreed",
                          cp_engine_iso (due, buf));
          deemed = TRUE;
        }
      o.due = due;
      o.met = met;
      if (!cp_engine_emit_full (run, &o))
        return FALSE;
      if (deemed)
        cp_engine_last_out (run)->deemed = TRUE;
    }
  return TRUE;
}

/* A review's own obligation, due as @next says; met on @met. */
static gboolean
emit_review (CpEngineRun     *run,
             const ReviewDue *next,
             const char      *subject,
             int              seq,
             guint32          met,
             GString         *why)
{
  CpEngineObligation o = {
    .rule = next->rule,
    .subject = subject,
    .review = seq,
    .due = next->due,
    .met = met,
    .reason = why,
    .word = "from",
    .anchor = next->anchor,
    .from = next->from,
  };

  return cp_engine_emit_full (run, &o);
}

gboolean
cp_engine_run_reviews (CpEngineRun *run)
{
  g_auto(ReviewRules) rr = { 0 };
  guint n;
  CpReview *const *reviews = cp_case_peek_reviews (run->kase, &n);
  guint i = 0;
  ReviewCycle cycle = { 0 };
  guint32 last_meeting = run->looked_after, meeting_due = 0;
  int last_seq = 0;
  CpRule *meeting_rule;
  g_autoptr(CpScratch) skipped = cp_scratch_new ();
  g_autoptr(CpScratch) why = cp_scratch_new ();   /* each review's, in turn */

  rr.schedule = cp_policy_rules_of_kind (run->policy, CP_RULE_KIND_REVIEW_SCHEDULE);
  rr.triggers = cp_policy_rules_of_kind (run->policy, CP_RULE_KIND_REVIEW_TRIGGER);
  rr.preparation = cp_policy_rules_of_kind (run->policy, CP_RULE_KIND_REVIEW_PREPARATION);
  rr.follow_up = cp_policy_rules_of_kind (run->policy, CP_RULE_KIND_REVIEW_FOLLOW_UP);
  rr.adjournment = cp_policy_rules_of_kind (run->policy, CP_RULE_KIND_REVIEW_ADJOURNMENT);
  rr.without_meeting = cp_policy_rules_of_kind (run->policy, CP_RULE_KIND_REVIEW_WITHOUT_MEETING);
  rr.recommendation = cp_policy_rules_of_kind (run->policy, CP_RULE_KIND_RECOMMENDATION);
  rr.preparation_duties = duty_rules (rr.preparation);
  rr.follow_up_duties = duty_rules (rr.follow_up);
  meeting_rule = rr.without_meeting->len ? rr.without_meeting->pdata[0] : NULL;

  if (n > 0)
    {
      CpReview *last = reviews[n - 1];
      last_seq = cp_review_get_sequence (last);
    }

  for (;;)
    {
      CpReview *review = NULL;   /* the case keeps it alive */
      char subject[32];
      ReviewDue next = { 0 };
      ReviewAt at;
      guint32 held = 0, floor;
      const char *floor_event;
      int seq;

      /* The next review that counts: held by today, and a meeting unless
       * the profile allows it without one. */
      while (i < n)
        {
          CpReview *r = reviews[i];
          guint32 h = cp_engine_known (run, cp_review_get_held (r));
          char buf[128];
          const char *refusal;

          if (h == 0)
            {
              review = r;
              break;
            }
          i++;
          if (cp_review_get_kind (r) == CP_REVIEW_KIND_CONSULTATION_ONLY &&
              (refusal = no_meeting_refusal (run, &rr, r, h, buf, sizeof buf)) != NULL)
            {
              cp_text_append (skipped, "; review %d, held without a meeting, does not count: %s",
                              cp_review_get_sequence (r), refusal);
              continue;
            }
          review = r;
          held = h;
          break;
        }

      seq = review ? cp_review_get_sequence (review) : last_seq + 1;
      cp_text_format (subject, sizeof subject, "review %d", seq);
      g_string_truncate (why, 0);

      cycle.seq = seq;
      cycle.held = held;
      if (!review_due (run, &rr, &cycle, &next, why))
        return FALSE;
      if (next.rule == NULL)
        return TRUE;   /* the profile schedules no further review */
      /* A review brought forward by an event is prepared from that day. */
      floor = cp_rule_get_kind (next.rule) == CP_RULE_KIND_REVIEW_TRIGGER ? next.from : 0;
      floor_event = floor != 0 ? next.anchor : NULL;
      at = (ReviewAt) {
        .review = review,
        .seq = seq,
        .subject = subject,
        .cycle_pos = cycle.cycle_pos,
        .floor = floor,
        .floor_event = floor_event,
      };

      if (held != 0)
        {
          guint32 resumed = cp_engine_known (run, cp_review_get_adjourned_to (review));
          gboolean adjourned = cp_review_get_adjourned_to (review) != NULL;
          guint32 done = adjourned ? resumed : held;
          char buf[16];

          g_string_append (why, skipped->str);
          g_string_truncate (skipped, 0);
          if (adjourned)
            cp_text_append (why, "; first sat %s, adjourned", cp_engine_iso (held, buf));
          if (!emit_review (run, &next, subject, seq, done, why))
            return FALSE;

          if (!run_duties (run, rr.preparation_duties, -1, &at, held, "the review"))
            return FALSE;

          for (guint a = 0; adjourned && a < rr.adjournment->len; a++)
            {
              CpRule *adj = rr.adjournment->pdata[a];
              g_autoptr(CpScratch) w = cp_scratch_new ();
              guint32 limit;

              if (!cp_engine_shift (run, adj, held, 1, &limit))
                return FALSE;
              cp_engine_append_reason (w, adj, "from", "the first sitting", held);
              if (cp_rule_get_within_due (adj) && next.due < limit)
                {
                  limit = next.due;
                  g_string_append (w, ", and no later than the review's due date");
                }
              if (!cp_engine_emit (run, adj, subject, seq, limit, held + 1, resumed, w))
                return FALSE;
            }

          if (done != 0 &&
              (!run_duties (run, rr.follow_up_duties, 1, &at, done, "the review") ||
               !cp_engine_run_recommendations (run, rr.recommendation, review, seq, done)))
            return FALSE;

          /* Reviews without a meeting still need one every so often. */
          if (meeting_rule != NULL)
            {
              if (cp_review_get_kind (review) == CP_REVIEW_KIND_CONSULTATION_ONLY)
                {
                  if (meeting_due == 0 && !cp_engine_shift (run, meeting_rule, last_meeting, 1, &meeting_due))
                    return FALSE;
                }
              else
                {
                  if (meeting_due != 0)
                    {
                      g_autoptr(CpScratch) w = cp_scratch_new ();
                      cp_engine_append_reason (w, meeting_rule, "from", "the last review meeting", last_meeting);
                      if (!cp_engine_emit (run, meeting_rule, subject, seq, meeting_due, 0, held, w))
                        return FALSE;
                      meeting_due = 0;
                    }
                  last_meeting = held;
                }
            }

          cycle.prev = held;
          cycle.prev_seq = seq;
          if (next.resets)
            {
              cycle.cycle_pos = 1;
              cycle.reset_before = TRUE;
            }
          else
            cycle.cycle_pos++;
          continue;
        }

      /* The review still to come. */
      {
        guint32 booked = review ? cp_engine_julian (cp_review_get_scheduled (review)) : 0;
        guint32 target = booked ? booked : next.due;
        char buf[16];

        g_string_append (why, skipped->str);
        if (booked)
          cp_text_append (why, "; booked for %s", cp_engine_iso (booked, buf));
        if (!emit_review (run, &next, subject, seq, 0, why))
          return FALSE;
        if (!run_duties (run, rr.preparation_duties, -1, &at, target,
                         booked ? "the booked review" : "the due date"))
          return FALSE;
        if (meeting_due != 0)
          {
            g_autoptr(CpScratch) w = cp_scratch_new ();
            cp_engine_append_reason (w, meeting_rule, "from", "the last review meeting", last_meeting);
            if (!cp_engine_emit (run, meeting_rule, subject, seq, meeting_due, 0, 0, w))
              return FALSE;
          }
        return TRUE;
      }
    }
}

/* Checks ------------------------------------------------------------------- */

/* Each schedule rule is for one slot; the first counts from care. */
gboolean
cp_engine_check_review_schedule (CpRule      *rule,
                                 JsonObject  *obj,
                                 const char  *path,
                                 GError     **error)
{
  switch (cp_rule_get_slot (rule))
    {
    case CP_REVIEW_SLOT_FIRST:
      if (cp_rule_get_anchor (rule) != CP_ANCHOR_LOOKED_AFTER)
        return cp_fail (error, CP_ERROR_INVALID_VALUE,
                     "%s.anchor: the first review counts from looked-after", path);
      return TRUE;
    case CP_REVIEW_SLOT_SECOND:
    case CP_REVIEW_SLOT_SUBSEQUENT:
      return TRUE;
    case CP_REVIEW_SLOT_ANY:
    case CP_REVIEW_SLOT_LATER:
    default:
      return cp_fail (error, CP_ERROR_INVALID_VALUE,
                   "%s.slot: a review-schedule rule names one slot (first, second or subsequent)",
                   path);
    }
}

gboolean
cp_engine_check_review_trigger (CpRule      *rule,
                                JsonObject  *obj,
                                const char  *path,
                                GError     **error)
{
  if (!json_object_has_member (obj, "event"))
    return cp_fail (error, CP_ERROR_MISSING_FIELD, "%s.event: missing (a review-trigger rule names its event)", path);
  return TRUE;
}

gboolean
cp_engine_check_review_adjournment (CpRule      *rule,
                                    JsonObject  *obj,
                                    const char  *path,
                                    GError     **error)
{
  if (cp_rule_get_responsible (rule) == CP_ROLE_UNKNOWN)
    return cp_fail (error, CP_ERROR_MISSING_FIELD, "%s.responsible: missing (who may adjourn)", path);
  if (cp_rule_get_limit (rule) < 1)
    return cp_fail (error, CP_ERROR_MISSING_FIELD, "%s.limit: missing (how many adjournments)", path);
  return TRUE;
}
