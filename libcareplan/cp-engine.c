/* cp-engine.c: the obligation engine's mechanisms
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Works out a case's obligations under a policy on a date. Every number,
 * unit and anchor comes from the policy's rules; this file only knows how
 * each kind of rule is applied (docs/policy-format.md, "The engine").
 * CpEvaluator wraps it as a GObject.
 */

#include "config.h"

#include "cp-calendar-private.h"
#include "cp-engine-private.h"
#include "cp-policy-private.h"
#include "cp-obligation-private.h"
#include "cp-record-private.h"


typedef struct {
  CpEventKind kind;
  guint32 date;
  gboolean agreed;
} Event;

typedef struct {
  CpPolicy *policy;
  CpCalendar *calendar;
  CpCase *kase;
  guint32 today;
  guint32 looked_after;
  guint32 ceased;        /* known by today, or 0 */
  GArray *events;        /* Event, known by today */
  GPtrArray *out;        /* CpObligation */
  GError **error;
} Run;

guint32
cp_engine_julian (const GDate *d)
{
  return d != NULL && g_date_valid (d) ? g_date_get_julian (d) : 0;
}

/* Only what is known by the evaluation date counts. */
static guint32
known (Run *run, const GDate *d)
{
  guint32 j = cp_engine_julian (d);
  return j != 0 && j <= run->today ? j : 0;
}

const char *
cp_engine_iso (guint32 j, char buf[16])
{
  GDate d;
  int y, m, day;

  g_date_clear (&d, 1);
  g_date_set_julian (&d, j);
  y = g_date_get_year (&d);
  m = g_date_get_month (&d);
  day = g_date_get_day (&d);
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
  return buf;
}

static gboolean
shift (Run *run, CpRule *rule, guint32 from, int sign, guint32 *out)
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
static void
append_reason (GString *s, CpRule *rule, const char *word, const char *anchor, guint32 from)
{
  char buf[16];
  int q = cp_rule_get_quantity (rule);

  if (q == 0)
    g_string_append_printf (s, "the day of %s (%s)", anchor, cp_engine_iso (from, buf));
  else
    g_string_append_printf (s, "%d %s %s %s (%s)", q, unit_words (cp_rule_get_unit (rule), q),
                            word, anchor, cp_engine_iso (from, buf));
}

static CpObligationStatus
judge (Run *run, guint32 due, guint32 met, gboolean *failed)
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

/* Adds an obligation; @reason says how @due was worked out. */
static gboolean
emit (Run        *run,
      CpRule     *rule,
      const char *subject,
      int         review,
      guint32     due,
      guint32     window,
      guint32     met,
      GString    *reason)
{
  static const char *status_words[] = {
    [CP_OBLIGATION_STATUS_UPCOMING] = "upcoming",
    [CP_OBLIGATION_STATUS_DUE_SOON] = "due soon",
    [CP_OBLIGATION_STATUS_OVERDUE] = "overdue",
    [CP_OBLIGATION_STATUS_MET_ON_TIME] = "met on time",
    [CP_OBLIGATION_STATUS_MET_LATE] = "met late",
    [CP_OBLIGATION_STATUS_NOT_APPLICABLE] = "not applicable",
    [CP_OBLIGATION_STATUS_NOT_ENOUGH_HISTORY] = "not enough history",
  };
  CpObligationStatus status;
  gboolean failed;
  GDate d_due, d_window, d_met;
  char buf[16], buf2[16];
  g_autoptr(GString) text = g_string_new (NULL);

  g_date_clear (&d_due, 1);
  g_date_clear (&d_window, 1);
  g_date_clear (&d_met, 1);

  if (run->ceased != 0 && due > run->ceased && met == 0)
    {
      /* Nothing falls due once the child has left care. */
      status = CP_OBLIGATION_STATUS_NOT_APPLICABLE;
      g_string_append_printf (text, "not applicable: due %s, after the child ceased to be looked after (%s)",
                              cp_engine_iso (due, buf), cp_engine_iso (run->ceased, buf2));
      due = 0;
    }
  else if (due == 0)
    {
      status = CP_OBLIGATION_STATUS_NOT_ENOUGH_HISTORY;
      g_string_append_printf (text, "%s: %s", status_words[status], reason->str);
    }
  else
    {
      status = judge (run, due, met, &failed);
      if (failed)
        return FALSE;
      g_date_set_julian (&d_due, due);
      g_string_append_printf (text, "%s; due %s: %s", status_words[status], cp_engine_iso (due, buf), reason->str);
      if (met != 0)
        {
          g_date_set_julian (&d_met, met);
          g_string_append_printf (text, "; done %s", cp_engine_iso (met, buf2));
        }
    }
  if (window != 0)
    g_date_set_julian (&d_window, window);

  g_ptr_array_add (run->out,
                   cp_obligation_new (rule, subject, review,
                                      due ? &d_due : NULL,
                                      window ? &d_window : NULL,
                                      met ? &d_met : NULL,
                                      status, g_string_free (g_steal_pointer (&text), FALSE)));
  return TRUE;
}

/* Adds an undated obligation that does not apply; @text is taken. */
static void
emit_not_applicable (Run        *run,
                     CpRule     *rule,
                     const char *subject,
                     int         review,
                     char       *text)
{
  g_ptr_array_add (run->out,
                   cp_obligation_new (rule, subject, review, NULL, NULL, NULL,
                                      CP_OBLIGATION_STATUS_NOT_APPLICABLE, text));
}


/* Deadlines: the care plan and the placement plans. */
static gboolean
run_deadlines (Run *run)
{
  g_autoptr(GPtrArray) rules = cp_policy_rules_of_kind (run->policy, CP_RULE_KIND_DEADLINE);
  GListModel *placements = cp_case_get_placements (run->kase);
  guint n_placements = g_list_model_get_n_items (placements);
  CpCarePlan *care_plan = cp_case_get_care_plan (run->kase);

  for (guint r = 0; r < rules->len; r++)
    {
      CpRule *rule = rules->pdata[r];
      CpAnchor anchor = cp_rule_get_anchor (rule);

      if (cp_rule_get_duty (rule) == CP_DUTY_CARE_PLAN)
        {
          g_autoptr(GString) why = g_string_new (NULL);
          guint32 from = run->looked_after, due = 0, met = 0;

          if (anchor != CP_ANCHOR_LOOKED_AFTER)
            {
              g_autoptr(CpPlacement) first = n_placements ? g_list_model_get_item (placements, 0) : NULL;
              from = first ? known (run, cp_placement_get_start (first)) : 0;
            }
          if (from == 0)
            g_string_append (why, "no placement has started yet");
          else
            {
              append_reason (why, rule, "from",
                             anchor == CP_ANCHOR_LOOKED_AFTER ? "looked-after" : "the first placement",
                             from);
              if (!shift (run, rule, from, 1, &due))
                return FALSE;
            }
          if (care_plan != NULL)
            met = known (run, cp_care_plan_get_created (care_plan));
          if (!emit (run, rule, "care plan", 0, due, 0, met, why))
            return FALSE;
          continue;
        }

      /* The placement plan, for each placement (or the first only). */
      for (guint i = 0; i < n_placements; i++)
        {
          g_autoptr(CpPlacement) p = g_list_model_get_item (placements, i);
          g_autoptr(GString) why = g_string_new (NULL);
          g_autofree char *subject = g_strdup_printf ("placement %u", i + 1);
          guint32 start = known (run, cp_placement_get_start (p));
          guint32 earliest = 0, due, met = 0;

          if (start == 0)
            break;
          if (anchor != CP_ANCHOR_PLACEMENT && i > 0)
            break;
          /* One placement-plan record serves all placements: for a later
           * placement only a plan completed or reviewed since it started
           * can be its plan. */
          if (i > 0)
            earliest = start;
          if (!shift (run, rule, anchor == CP_ANCHOR_LOOKED_AFTER ? run->looked_after : start, 1, &due))
            return FALSE;
          append_reason (why, rule, "from", anchor == CP_ANCHOR_LOOKED_AFTER ? "looked-after" : "the placement start",
                         anchor == CP_ANCHOR_LOOKED_AFTER ? run->looked_after : start);

          if (care_plan != NULL)
            {
              GListModel *subs = cp_care_plan_get_sub_plans (care_plan);
              for (guint k = 0; k < g_list_model_get_n_items (subs); k++)
                {
                  g_autoptr(CpSubPlan) sp = g_list_model_get_item (subs, k);
                  guint32 dates[2];

                  if (cp_sub_plan_get_kind (sp) != CP_SUB_PLAN_KIND_PLACEMENT_PLAN &&
                      cp_sub_plan_get_kind (sp) != CP_SUB_PLAN_KIND_ADOPTION_SUPPORT_PLAN)
                    continue;
                  dates[0] = known (run, cp_sub_plan_get_completed (sp));
                  dates[1] = known (run, cp_sub_plan_get_last_reviewed (sp));
                  for (guint d = 0; d < 2; d++)
                    if (dates[d] != 0 && dates[d] >= earliest && (met == 0 || dates[d] < met))
                      met = dates[d];
                }
            }
          if (!emit (run, rule, subject, 0, due, 0, met, why))
            return FALSE;
        }
    }
  return TRUE;
}

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

typedef struct {
  GPtrArray *schedule;
  GPtrArray *triggers;
  GPtrArray *preparation;
  GPtrArray *follow_up;
  GPtrArray *adjournment;
  GPtrArray *without_meeting;
  GPtrArray *recommendation;
} ReviewRules;

static void
review_rules_clear (ReviewRules *rr)
{
  g_clear_pointer (&rr->schedule, g_ptr_array_unref);
  g_clear_pointer (&rr->triggers, g_ptr_array_unref);
  g_clear_pointer (&rr->preparation, g_ptr_array_unref);
  g_clear_pointer (&rr->follow_up, g_ptr_array_unref);
  g_clear_pointer (&rr->adjournment, g_ptr_array_unref);
  g_clear_pointer (&rr->without_meeting, g_ptr_array_unref);
  g_clear_pointer (&rr->recommendation, g_ptr_array_unref);
}

G_DEFINE_AUTO_CLEANUP_CLEAR_FUNC (ReviewRules, review_rules_clear)

/* When the next review is due: the earliest of the slot's rules and of
 * the triggers since the previous review. */
static gboolean
review_due (Run          *run,
            ReviewRules  *rr,
            int           seq,
            int           cycle_pos,
            gboolean      reset_before,
            guint32       prev,
            int           prev_seq,
            guint32       held,
            guint32      *due_out,
            CpRule      **rule_out,
            gboolean     *resets,
            GString      *why)
{
  guint32 due = 0;
  CpRule *best = NULL;
  g_autoptr(GString) best_why = g_string_new (NULL);
  g_autofree guint32 *waiting = NULL;
  g_autofree gboolean *acted = NULL;

  *resets = FALSE;

  for (guint i = 0; i < rr->schedule->len; i++)
    {
      CpRule *rule = rr->schedule->pdata[i];
      g_autoptr(GString) w = g_string_new (NULL);
      guint32 from, cand;

      if (!slot_matches (cp_rule_get_slot (rule), cycle_pos))
        continue;
      if (cp_rule_get_anchor (rule) == CP_ANCHOR_LOOKED_AFTER)
        {
          /* Counting from entry to care only makes sense in the first cycle. */
          if (reset_before)
            continue;
          from = run->looked_after;
          append_reason (w, rule, "from", "looked-after", from);
        }
      else
        {
          g_autofree char *name = g_strdup_printf ("review %d", prev_seq);
          if (prev == 0)
            continue;
          from = prev;
          append_reason (w, rule, "from", name, from);
        }
      if (!shift (run, rule, from, 1, &cand))
        return FALSE;
      g_string_append_printf (w, " [%s]", cp_rule_get_id (rule));
      if (due == 0 || cand < due)
        {
          due = cand;
          best = rule;
          g_string_assign (best_why, w->str);
        }
      else if (cand == due)
        g_string_append_printf (best_why, "; also %s", w->str);
    }

  /* Per trigger rule: the first event still waiting for the IRO, and
   * whether an event acted on it. */
  waiting = g_new0 (guint32, rr->triggers->len + 1);
  acted = g_new0 (gboolean, rr->triggers->len + 1);

  for (guint e = 0; e < run->events->len; e++)
    {
      Event *ev = &g_array_index (run->events, Event, e);

      /* Events between the previous review and this one (if it was held:
       * later events are the next review's business). */
      if (prev != 0 ? ev->date <= prev : ev->date < run->looked_after)
        continue;
      if (held != 0 && ev->date > held)
        continue;
      for (guint i = 0; i < rr->triggers->len; i++)
        {
          CpRule *rule = rr->triggers->pdata[i];
          g_autoptr(GString) w = g_string_new (NULL);
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
            *resets = TRUE;
          if (!shift (run, rule, ev->date, 1, &cand))
            return FALSE;
          append_reason (w, rule, "from", cp_enum_to_nick (CP_TYPE_EVENT_KIND, ev->kind), ev->date);
          g_string_append_printf (w, " [%s]", cp_rule_get_id (rule));
          if (due == 0 || cand < due)
            {
              due = cand;
              best = rule;
              g_string_assign (best_why, w->str);
            }
        }
    }

  /* Listed so the user sees why the review was not brought forward. */
  for (guint i = 0; i < rr->triggers->len; i++)
    {
      CpRule *rule = rr->triggers->pdata[i];
      g_autofree char *subject = NULL;
      char buf[16];

      if (waiting[i] == 0 || acted[i])
        continue;
      subject = g_strdup_printf ("review %d", seq);
      emit_not_applicable (run, rule, subject, seq,
                           g_strdup_printf ("not applicable: %s on %s brings the review forward "
                                            "only if the IRO agrees, and no agreement is recorded",
                                            cp_enum_to_nick (CP_TYPE_EVENT_KIND, cp_rule_get_event (rule)),
                                            cp_engine_iso (waiting[i], buf)));
    }

  *due_out = due;
  *rule_out = best;
  g_string_append (why, best_why->str);
  return TRUE;
}

/* NULL if a consultation-only review counts here, else why not. */
static const char *
no_meeting_refusal (Run *run, ReviewRules *rr, CpReview *review, guint32 held, char *buf, gsize len)
{
  GListModel *placements = cp_case_get_placements (run->kase);
  g_autoptr(CpPlacement) placement = NULL;
  CpRule *rule;
  const char * const *excluded;
  const char *kind;

  if (rr->without_meeting->len == 0)
    return "this profile does not allow reviews without a meeting";
  rule = rr->without_meeting->pdata[0];

  if (cp_rule_get_agreement_required (rule) && !cp_review_get_no_meeting_agreed (review))
    return "not everyone, the child included, agreed to a review without a meeting";

  for (guint i = 0; i < g_list_model_get_n_items (placements); i++)
    {
      g_autoptr(CpPlacement) p = g_list_model_get_item (placements, i);
      guint32 start = cp_engine_julian (cp_placement_get_start (p));
      guint32 end = cp_engine_julian (cp_placement_get_end (p));

      if (start <= held && (end == 0 || end > held))
        g_set_object (&placement, p);
    }
  if (placement == NULL)
    return "the child had no placement on the review date";

  if (cp_rule_get_long_term_only (rule) && !cp_placement_get_long_term (placement))
    return "the placement is not designated long-term";

  if (cp_rule_get_min_months (rule) > 0)
    {
      guint32 since;
      if (!cp_calendar_add_julian (run->calendar, cp_engine_julian (cp_placement_get_start (placement)),
                                   cp_rule_get_min_months (rule), CP_UNIT_MONTHS, &since, NULL) ||
          since > held)
        {
          g_snprintf (buf, len, "the child had been in the placement for less than %d months",
                      cp_rule_get_min_months (rule));
          return buf;
        }
    }

  excluded = cp_rule_get_excluded_placements (rule);
  kind = cp_enum_to_nick (CP_TYPE_PLACEMENT_TYPE, cp_placement_get_kind (placement));
  if (excluded != NULL && g_strv_contains (excluded, kind))
    {
      g_snprintf (buf, len, "reviews without a meeting are not allowed in a %s placement", kind);
      return buf;
    }
  return NULL;
}

/* Duties before a review on @target, and after one completed on @done. */
static gboolean
run_duties (Run        *run,
            GPtrArray  *rules,
            int         sign,
            CpReview   *review,
            int         seq,
            int         cycle_pos,
            guint32     anchor,
            const char *anchor_name)
{
  g_autofree char *subject = g_strdup_printf ("review %d", seq);

  for (guint i = 0; i < rules->len; i++)
    {
      CpRule *rule = rules->pdata[i];
      g_autoptr(GString) why = g_string_new (NULL);
      guint32 due, met = 0;

      if (!slot_matches (cp_rule_get_slot (rule), cycle_pos))
        continue;
      if (!shift (run, rule, anchor, sign, &due))
        return FALSE;
      append_reason (why, rule, sign < 0 ? "before" : "from", anchor_name, anchor);
      /* A duty counted back from a review that comes too soon after the
       * child became looked after (a first review within 20 working days)
       * cannot fall before the care began: it is due on the first day
       * (the earliest reading still possible). */
      if (sign < 0 && due < run->looked_after)
        {
          char buf[16];

          due = run->looked_after;
          g_string_append_printf (why, ", which is before the child became looked after, so due on %s",
                                  cp_engine_iso (due, buf));
        }
      if (review != NULL)
        met = known (run, cp_review_get_task_done (review, cp_rule_get_duty (rule)));
      /* Silence until the window closes is agreement where the rule says so. */
      if (met == 0 && cp_rule_get_deemed_agreed (rule) && run->today > due)
        {
          char buf[16];

          met = due;
          g_string_append_printf (why, "; no response by %s, so the decisions are deemed agreed",
                                  cp_engine_iso (due, buf));
          if (!emit (run, rule, subject, seq, due, 0, met, why))
            return FALSE;
          cp_obligation_set_deemed (g_ptr_array_index (run->out, run->out->len - 1));
          continue;
        }
      if (!emit (run, rule, subject, seq, due, 0, met, why))
        return FALSE;
    }
  return TRUE;
}

/* The earliest dispute the case holds about recommendation @pos of review
 * @seq, or NULL. */
static CpDispute *
dispute_about (Run *run, int seq, guint pos)
{
  GListModel *disputes = cp_case_get_disputes (run->kase);
  CpDispute *found = NULL;
  guint32 first = 0;

  for (guint i = 0; i < g_list_model_get_n_items (disputes); i++)
    {
      g_autoptr(CpDispute) d = g_list_model_get_item (disputes, i);
      guint32 raised = known (run, cp_dispute_get_raised_on (d));

      if (cp_dispute_get_review (d) != seq || (guint) cp_dispute_get_recommendation (d) != pos || raised == 0)
        continue;
      if (found == NULL || raised < first)
        {
          found = d;   /* the case keeps it alive */
          first = raised;
        }
    }
  return found;
}

static guint32
earliest (guint32 a, guint32 b)
{
  return a == 0 ? b : b == 0 ? a : MIN (a, b);
}

/* When the duty of a recommendation rule was done, as of today. */
static guint32
recommendation_done (Run *run, CpRecommendation *rec, CpDuty duty, CpDispute *dispute)
{
  guint32 raised = dispute ? known (run, cp_dispute_get_raised_on (dispute)) : 0;
  guint32 settled = dispute ? known (run, cp_dispute_get_resolved_on (dispute)) : 0;

  switch (duty)
    {
    case CP_DUTY_RECOMMENDATION_NOTIFIED:
      return known (run, cp_recommendation_get_notified_on (rec));
    case CP_DUTY_RECOMMENDATION_CONCERNS:
      return known (run, cp_recommendation_get_concerns_on (rec));
    case CP_DUTY_RECOMMENDATION_AGREED:
      /* A dispute that ends settles the recommendation too. */
      return earliest (known (run, cp_recommendation_get_agreed_on (rec)), settled);
    case CP_DUTY_DISPUTE_REGISTERED:
      return earliest (known (run, cp_recommendation_get_agreed_on (rec)), raised);
    case CP_DUTY_RECOMMENDATION:
    default:
      return known (run, cp_recommendation_get_completed_on (rec));
    }
}

/* The due date of a recommendation clock that starts at the review held on
 * @held, or at the due date of the rule it follows (the profile has checked
 * that such chains end). */
static gboolean
clock_due (Run *run, CpRule *rule, guint32 held, guint32 *due, GString *why)
{
  guint32 from = held;
  const char *anchor = "the review";

  if (cp_rule_get_anchor (rule) == CP_ANCHOR_RULE)
    {
      anchor = cp_rule_get_after (rule);
      if (!clock_due (run, cp_policy_lookup_rule (run->policy, anchor), held, &from, NULL))
        return FALSE;
    }
  if (!shift (run, rule, from, 1, due))
    return FALSE;
  if (why != NULL)
    append_reason (why, rule, cp_rule_get_anchor (rule) == CP_ANCHOR_RULE ? "after the due date of" : "from",
                   anchor, from);
  return TRUE;
}

/* Each recommendation of a held review: carried out by the date the review
 * set, and for a starred one the clocks of its agreement. */
static gboolean
run_recommendations (Run       *run,
                     GPtrArray *rules,
                     CpReview  *review,
                     int        seq,
                     guint32    held)
{
  GListModel *recs = cp_review_get_recommendations (review);

  for (guint r = 0; r < rules->len; r++)
    for (guint k = 0; k < g_list_model_get_n_items (recs); k++)
      {
        CpRule *rule = rules->pdata[r];
        CpDuty duty = cp_rule_get_duty (rule);
        g_autoptr(CpRecommendation) rec = g_list_model_get_item (recs, k);
        g_autofree char *subject = g_strdup_printf ("review %d recommendation %u", seq, k + 1);
        g_autoptr(GString) why = g_string_new (NULL);
        CpDispute *dispute;
        guint32 due, met;
        char buf[16];

        if (cp_rule_get_starred_only (rule) && !cp_recommendation_get_starred (rec))
          continue;
        if (duty == CP_DUTY_RECOMMENDATION)
          {
            due = cp_engine_julian (cp_recommendation_get_due (rec));
            if (due == 0)
              continue;
            g_string_append_printf (why, "the date review %d set (%s)%s", seq, cp_engine_iso (due, buf),
                                    cp_recommendation_get_starred (rec) ? "; starred" : "");
          }
        else if (!clock_due (run, rule, held, &due, why))
          return FALSE;
        if (cp_recommendation_get_status (rec) == CP_RECOMMENDATION_STATUS_WITHDRAWN)
          {
            emit_not_applicable (run, rule, subject, seq,
                                 g_strdup ("not applicable: the recommendation was withdrawn"));
            continue;
          }

        dispute = dispute_about (run, seq, k + 1);
        met = recommendation_done (run, rec, duty, dispute);
        if (met == 0 && cp_rule_get_optional (rule) && run->today > due)
          {
            emit_not_applicable (run, rule, subject, seq,
                                 g_strdup_printf ("not applicable: nothing was raised by %s (%s), "
                                                  "so the recommendation stands",
                                                  cp_engine_iso (due, buf), why->str));
            continue;
          }
        if (dispute != NULL && (duty == CP_DUTY_RECOMMENDATION_AGREED || duty == CP_DUTY_DISPUTE_REGISTERED))
          g_string_append_printf (why, "; disputed from %s%s",
                                  cp_engine_iso (known (run, cp_dispute_get_raised_on (dispute)), buf),
                                  cp_dispute_get_resolved_on (dispute) ? ", since resolved" : "");
        if (!emit (run, rule, subject, seq, due, 0, met, why))
          return FALSE;
      }
  return TRUE;
}

static gboolean
run_reviews (Run *run)
{
  g_auto(ReviewRules) rr = { 0 };
  GListModel *reviews = cp_case_get_reviews (run->kase);
  guint n = g_list_model_get_n_items (reviews);
  guint i = 0;
  guint32 prev = 0, last_meeting = run->looked_after, meeting_due = 0;
  int prev_seq = 0, cycle_pos = 0, last_seq = 0;
  gboolean reset_before = FALSE;
  CpRule *meeting_rule;
  g_autoptr(GString) skipped = g_string_new (NULL);

  rr.schedule = cp_policy_rules_of_kind (run->policy, CP_RULE_KIND_REVIEW_SCHEDULE);
  rr.triggers = cp_policy_rules_of_kind (run->policy, CP_RULE_KIND_REVIEW_TRIGGER);
  rr.preparation = cp_policy_rules_of_kind (run->policy, CP_RULE_KIND_REVIEW_PREPARATION);
  rr.follow_up = cp_policy_rules_of_kind (run->policy, CP_RULE_KIND_REVIEW_FOLLOW_UP);
  rr.adjournment = cp_policy_rules_of_kind (run->policy, CP_RULE_KIND_REVIEW_ADJOURNMENT);
  rr.without_meeting = cp_policy_rules_of_kind (run->policy, CP_RULE_KIND_REVIEW_WITHOUT_MEETING);
  rr.recommendation = cp_policy_rules_of_kind (run->policy, CP_RULE_KIND_RECOMMENDATION);
  meeting_rule = rr.without_meeting->len ? rr.without_meeting->pdata[0] : NULL;

  if (n > 0)
    {
      g_autoptr(CpReview) last = g_list_model_get_item (reviews, n - 1);
      last_seq = cp_review_get_sequence (last);
    }

  for (;;)
    {
      g_autoptr(CpReview) review = NULL;
      g_autoptr(GString) why = g_string_new (NULL);
      g_autofree char *subject = NULL;
      CpRule *rule = NULL;
      guint32 due, held = 0;
      gboolean resets;
      int seq;

      /* The next review that counts: held by today, and a meeting unless
       * the profile allows it without one. */
      while (i < n)
        {
          g_autoptr(CpReview) r = g_list_model_get_item (reviews, i);
          guint32 h = known (run, cp_review_get_held (r));
          char buf[128];
          const char *refusal;

          if (h == 0)
            {
              review = g_steal_pointer (&r);
              break;
            }
          i++;
          if (cp_review_get_kind (r) == CP_REVIEW_KIND_CONSULTATION_ONLY &&
              (refusal = no_meeting_refusal (run, &rr, r, h, buf, sizeof buf)) != NULL)
            {
              g_string_append_printf (skipped, "; review %d, held without a meeting, does not count: %s",
                                      cp_review_get_sequence (r), refusal);
              continue;
            }
          review = g_steal_pointer (&r);
          held = h;
          break;
        }

      seq = review ? cp_review_get_sequence (review) : last_seq + 1;
      subject = g_strdup_printf ("review %d", seq);

      if (!review_due (run, &rr, seq, cycle_pos, reset_before, prev, prev_seq, held,
                       &due, &rule, &resets, why))
        return FALSE;
      if (rule == NULL)
        return TRUE;   /* the profile schedules no further review */

      if (held != 0)
        {
          guint32 resumed = known (run, cp_review_get_adjourned_to (review));
          gboolean adjourned = cp_review_get_adjourned_to (review) != NULL;
          guint32 done = adjourned ? resumed : held;
          char buf[16];

          g_string_append (why, skipped->str);
          g_string_truncate (skipped, 0);
          if (adjourned)
            g_string_append_printf (why, "; first sat %s, adjourned", cp_engine_iso (held, buf));
          if (!emit (run, rule, subject, seq, due, 0, done, why))
            return FALSE;

          if (!run_duties (run, rr.preparation, -1, review, seq, cycle_pos, held, "the review"))
            return FALSE;

          for (guint a = 0; adjourned && a < rr.adjournment->len; a++)
            {
              CpRule *adj = rr.adjournment->pdata[a];
              g_autoptr(GString) w = g_string_new (NULL);
              guint32 limit;

              if (!shift (run, adj, held, 1, &limit))
                return FALSE;
              append_reason (w, adj, "from", "the first sitting", held);
              if (cp_rule_get_within_due (adj) && due < limit)
                {
                  limit = due;
                  g_string_append (w, ", and no later than the review's due date");
                }
              if (!emit (run, adj, subject, seq, limit, held + 1, resumed, w))
                return FALSE;
            }

          if (done != 0 &&
              (!run_duties (run, rr.follow_up, 1, review, seq, cycle_pos, done, "the review") ||
               !run_recommendations (run, rr.recommendation, review, seq, done)))
            return FALSE;

          /* Reviews without a meeting still need one every so often. */
          if (meeting_rule != NULL)
            {
              if (cp_review_get_kind (review) == CP_REVIEW_KIND_CONSULTATION_ONLY)
                {
                  if (meeting_due == 0 && !shift (run, meeting_rule, last_meeting, 1, &meeting_due))
                    return FALSE;
                }
              else
                {
                  if (meeting_due != 0)
                    {
                      g_autoptr(GString) w = g_string_new (NULL);
                      append_reason (w, meeting_rule, "from", "the last review meeting", last_meeting);
                      if (!emit (run, meeting_rule, subject, seq, meeting_due, 0, held, w))
                        return FALSE;
                      meeting_due = 0;
                    }
                  last_meeting = held;
                }
            }

          prev = held;
          prev_seq = seq;
          if (resets)
            {
              cycle_pos = 1;
              reset_before = TRUE;
            }
          else
            cycle_pos++;
          continue;
        }

      /* The review still to come. */
      {
        guint32 booked = review ? cp_engine_julian (cp_review_get_scheduled (review)) : 0;
        guint32 target = booked ? booked : due;
        char buf[16];

        g_string_append (why, skipped->str);
        if (booked)
          g_string_append_printf (why, "; booked for %s", cp_engine_iso (booked, buf));
        if (!emit (run, rule, subject, seq, due, 0, 0, why))
          return FALSE;
        if (!run_duties (run, rr.preparation, -1, review, seq, cycle_pos, target,
                         booked ? "the booked review" : "the due date"))
          return FALSE;
        if (meeting_due != 0)
          {
            g_autoptr(GString) w = g_string_new (NULL);
            append_reason (w, meeting_rule, "from", "the last review meeting", last_meeting);
            if (!emit (run, meeting_rule, subject, seq, meeting_due, 0, 0, w))
              return FALSE;
          }
        return TRUE;
      }
    }
}

/* Each timed stage a dispute reached: settled or moved on in time. */
static gboolean
run_disputes (Run *run)
{
  g_autoptr(GPtrArray) stages = cp_policy_rules_of_kind (run->policy, CP_RULE_KIND_ESCALATION_STAGE);
  GListModel *disputes = cp_case_get_disputes (run->kase);

  for (guint d = 0; d < g_list_model_get_n_items (disputes); d++)
    {
      g_autoptr(CpDispute) dispute = g_list_model_get_item (disputes, d);
      g_autofree char *subject = g_strdup_printf ("dispute %u", d + 1);
      GListModel *steps = cp_dispute_get_steps (dispute);
      guint32 resolved = known (run, cp_dispute_get_resolved_on (dispute));
      guint n = g_list_model_get_n_items (steps);

      for (guint k = 0; k < n; k++)
        {
          g_autoptr(CpDisputeStep) step = g_list_model_get_item (steps, k);
          guint32 start = known (run, cp_dispute_step_get_date (step));
          guint32 moved = 0, due;
          CpRule *rule = NULL;

          for (guint r = 0; r < stages->len; r++)
            if (g_strcmp0 (cp_rule_get_stage (stages->pdata[r]), cp_dispute_step_get_stage (step)) == 0)
              rule = stages->pdata[r];
          if (start == 0 || rule == NULL || cp_rule_get_quantity (rule) == 0)
            continue;
          if (k + 1 < n)
            {
              g_autoptr(CpDisputeStep) next = g_list_model_get_item (steps, k + 1);
              moved = known (run, cp_dispute_step_get_date (next));
            }
          if (moved == 0)
            moved = resolved;
          if (!shift (run, rule, start, 1, &due))
            return FALSE;
          {
            g_autoptr(GString) why = g_string_new (NULL);
            g_autofree char *anchor = g_strdup_printf ("reaching %s", cp_rule_get_stage (rule));
            append_reason (why, rule, "from", anchor, start);
            if (!emit (run, rule, subject, 0, due, 0, moved, why))
              return FALSE;
          }
        }
    }
  return TRUE;
}

static int
compare_events (gconstpointer a, gconstpointer b)
{
  const Event *x = a, *y = b;
  return x->date < y->date ? -1 : x->date > y->date;
}

GPtrArray *
cp_engine_evaluate (CpCase      *kase,
                    CpPolicy    *policy,
                    CpCalendar  *calendar,
                    const GDate *date,
                    GError     **error)
{
  g_autoptr(GPtrArray) out = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GArray) events = g_array_new (FALSE, FALSE, sizeof (Event));
  GListModel *list;
  CpCarePlan *care_plan;
  Run run = {
    .policy = policy,
    .calendar = calendar,
    .kase = kase,
    .today = g_date_get_julian (date),
    .looked_after = cp_engine_julian (cp_child_get_looked_after_since (cp_case_get_child (kase))),
    .ceased = 0,
    .events = events,
    .out = out,
    .error = error,
  };

  if (!cp_calendar_check_julian (calendar, run.today, "date", error))
    return NULL;

  /* Not yet looked after on the date: nothing is owed. */
  if (run.looked_after == 0 || run.looked_after > run.today)
    return g_steal_pointer (&out);
  run.ceased = known (&run, cp_child_get_ceased_on (cp_case_get_child (kase)));

  list = cp_case_get_events (kase);
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(CpCaseEvent) e = g_list_model_get_item (list, i);
      Event ev = { cp_case_event_get_kind (e), known (&run, cp_case_event_get_date (e)),
                   cp_case_event_get_iro_agreed (e) };
      if (ev.date != 0)
        g_array_append_val (events, ev);
    }
  list = cp_case_get_placements (kase);
  for (guint i = 1; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(CpPlacement) p = g_list_model_get_item (list, i);
      Event ev = { CP_EVENT_KIND_PLACEMENT_CHANGE, known (&run, cp_placement_get_start (p)), FALSE };
      if (ev.date != 0)
        g_array_append_val (events, ev);
    }
  care_plan = cp_case_get_care_plan (kase);
  if (care_plan != NULL)
    {
      Event ev = { CP_EVENT_KIND_PROPOSED_CARE_PLAN_CHANGE,
                   known (&run, cp_care_plan_get_proposed_change_on (care_plan)), FALSE };
      if (ev.date != 0)
        g_array_append_val (events, ev);
    }
  /* A review decision past its date and not done is an event too
   * (catalogue §D2 trig-decisions-not-carried-out), from the day after. */
  list = cp_case_get_reviews (kase);
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(CpReview) review = g_list_model_get_item (list, i);
      GListModel *recs = cp_review_get_recommendations (review);

      for (guint k = 0; k < g_list_model_get_n_items (recs); k++)
        {
          g_autoptr(CpRecommendation) rec = g_list_model_get_item (recs, k);
          guint32 due = cp_engine_julian (cp_recommendation_get_due (rec));
          guint32 done = cp_engine_julian (cp_recommendation_get_completed_on (rec));
          Event ev = { CP_EVENT_KIND_DECISIONS_NOT_CARRIED_OUT, due + 1, FALSE };

          if (due == 0 || cp_recommendation_get_status (rec) == CP_RECOMMENDATION_STATUS_WITHDRAWN ||
              (done != 0 && done <= due) || ev.date > run.today)
            continue;
          g_array_append_val (events, ev);
        }
    }
  g_array_sort (events, compare_events);

  if (!run_deadlines (&run) || !run_reviews (&run) || !run_disputes (&run))
    return NULL;
  return g_steal_pointer (&out);
}
