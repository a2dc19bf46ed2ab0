/* cp-evaluator.c
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include <stdarg.h>

#include "cp-calendar-private.h"
#include "cp-case-private.h"
#include "cp-obligation-private.h"
#include "cp-record-private.h"

/**
 * CpEvaluator:
 *
 * Works out, for one [class@Case] under one [class@Policy] and
 * [class@Calendar], every obligation the case has on a date: each review
 * due, what has to be done before and after it, the care plan and the
 * placement plans. [method@Evaluator.refresh] makes the list
 * ([property@Evaluator:obligations]); the mechanisms are in C, every number
 * and anchor comes from the policy's rules.
 *
 * The evaluation is "as at" [property@Evaluator:date]: facts dated later
 * (a review held next week, a placement that has not started) are not yet
 * known. Moving the date forward and refreshing emits
 * [signal@Evaluator::obligation-due-soon],
 * [signal@Evaluator::obligation-overdue] and
 * [signal@Evaluator::obligation-met] for the obligations whose status
 * changed to that, so an embedding product can react. The first refresh
 * emits nothing: there is nothing to compare with.
 *
 * Changing a review's date and adjourning it go through the evaluator
 * ([method@Evaluator.reschedule_review], [method@Evaluator.adjourn_review])
 * because whether they are allowed depends on the statutory due date and
 * on the policy's approver.
 *
 * How reviews are scheduled:
 *
 * - the first review of the case uses the rule for the `first` slot, the
 *   next the `second` slot, then `subsequent`; all rules for a slot apply
 *   and the earliest due date wins;
 * - a `review-trigger` rule whose event happened after the previous review
 *   (and, if its gate says so, that the IRO agreed to) brings the due date
 *   forward; if the rule `resets_cycle`, the review that follows counts as
 *   the first of a new cycle;
 * - a review held by consultation only counts only where a
 *   `review-without-meeting` rule allows it; otherwise it is noted and the
 *   review is still due;
 * - the next review counts from the previous review's first sitting; an
 *   adjourned review is met, and its follow-up duties start, when it
 *   reconvenes.
 */
struct _CpEvaluator
{
  GObject parent_instance;

  CpCase *kase;
  CpPolicy *policy;
  CpCalendar *calendar;
  GDate date;
  GListStore *obligations;
  GHashTable *previous;   /* "key\x1fsubject" -> status, from the last refresh */
  gboolean refreshed;
};

G_DEFINE_FINAL_TYPE (CpEvaluator, cp_evaluator, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_CASE,
  PROP_POLICY,
  PROP_CALENDAR,
  PROP_DATE,
  PROP_OBLIGATIONS,
  N_PROPS
};

enum {
  OBLIGATION_DUE_SOON,
  OBLIGATION_OVERDUE,
  OBLIGATION_MET,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
cp_evaluator_dispose (GObject *object)
{
  CpEvaluator *self = CP_EVALUATOR (object);

  g_clear_object (&self->kase);
  g_clear_object (&self->policy);
  g_clear_object (&self->calendar);
  g_clear_object (&self->obligations);

  G_OBJECT_CLASS (cp_evaluator_parent_class)->dispose (object);
}

static void
cp_evaluator_finalize (GObject *object)
{
  CpEvaluator *self = CP_EVALUATOR (object);

  g_clear_pointer (&self->previous, g_hash_table_unref);

  G_OBJECT_CLASS (cp_evaluator_parent_class)->finalize (object);
}

static void
cp_evaluator_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  CpEvaluator *self = CP_EVALUATOR (object);

  switch (prop_id)
    {
    case PROP_CASE:
      g_value_set_object (value, self->kase);
      break;
    case PROP_POLICY:
      g_value_set_object (value, self->policy);
      break;
    case PROP_CALENDAR:
      g_value_set_object (value, self->calendar);
      break;
    case PROP_DATE:
      g_value_set_boxed (value, &self->date);
      break;
    case PROP_OBLIGATIONS:
      g_value_set_object (value, self->obligations);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cp_evaluator_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  CpEvaluator *self = CP_EVALUATOR (object);

  switch (prop_id)
    {
    case PROP_CASE:
      self->kase = g_value_dup_object (value);
      break;
    case PROP_POLICY:
      self->policy = g_value_dup_object (value);
      break;
    case PROP_CALENDAR:
      self->calendar = g_value_dup_object (value);
      break;
    case PROP_DATE:
      cp_evaluator_set_date (self, g_value_get_boxed (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cp_evaluator_class_init (CpEvaluatorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags fixed = G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS;

  object_class->dispose = cp_evaluator_dispose;
  object_class->finalize = cp_evaluator_finalize;
  object_class->get_property = cp_evaluator_get_property;
  object_class->set_property = cp_evaluator_set_property;

  /**
   * CpEvaluator:case:
   *
   * The case evaluated.
   */
  properties[PROP_CASE] = g_param_spec_object ("case", NULL, NULL, CP_TYPE_CASE, fixed);

  /**
   * CpEvaluator:policy:
   *
   * The policy whose rules apply.
   */
  properties[PROP_POLICY] = g_param_spec_object ("policy", NULL, NULL, CP_TYPE_POLICY, fixed);

  /**
   * CpEvaluator:calendar:
   *
   * The calendar working days are counted on.
   */
  properties[PROP_CALENDAR] = g_param_spec_object ("calendar", NULL, NULL, CP_TYPE_CALENDAR, fixed);

  /**
   * CpEvaluator:date:
   *
   * The date the case is evaluated as at; today (local time) by default.
   */
  properties[PROP_DATE] =
    g_param_spec_boxed ("date", NULL, NULL, G_TYPE_DATE,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * CpEvaluator:obligations:
   *
   * The obligations found by the last refresh, a list of
   * [class@Obligation] in the order the engine meets them: deadlines, then
   * reviews in order, each followed by its duties.
   */
  properties[PROP_OBLIGATIONS] =
    g_param_spec_object ("obligations", NULL, NULL, G_TYPE_LIST_MODEL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * CpEvaluator::obligation-due-soon:
   * @self: the evaluator
   * @obligation: the obligation that is now due soon
   *
   * Emitted by a refresh for an obligation that became due soon.
   */
  signals[OBLIGATION_DUE_SOON] =
    g_signal_new ("obligation-due-soon", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, CP_TYPE_OBLIGATION);

  /**
   * CpEvaluator::obligation-overdue:
   * @self: the evaluator
   * @obligation: the obligation that is now overdue
   *
   * Emitted by a refresh for an obligation that became overdue.
   */
  signals[OBLIGATION_OVERDUE] =
    g_signal_new ("obligation-overdue", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, CP_TYPE_OBLIGATION);

  /**
   * CpEvaluator::obligation-met:
   * @self: the evaluator
   * @obligation: the obligation that is now met, on time or late
   *
   * Emitted by a refresh for an obligation that became met.
   */
  signals[OBLIGATION_MET] =
    g_signal_new ("obligation-met", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, CP_TYPE_OBLIGATION);
}

static void
cp_evaluator_init (CpEvaluator *self)
{
  g_date_set_time_t (&self->date, time (NULL));
  self->obligations = g_list_store_new (CP_TYPE_OBLIGATION);
  self->previous = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
}

/* The engine -------------------------------------------------------------- */

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
  GArray *events;        /* Event, known by today */
  GPtrArray *out;        /* CpObligation */
  GError **error;
} Run;

static guint32
julian_of (const GDate *d)
{
  return d != NULL && g_date_valid (d) ? g_date_get_julian (d) : 0;
}

/* Only what is known by the evaluation date counts. */
static guint32
known (Run *run, const GDate *d)
{
  guint32 j = julian_of (d);
  return j != 0 && j <= run->today ? j : 0;
}

static const char *
iso (guint32 j, char buf[16])
{
  GDate d;

  g_date_clear (&d, 1);
  g_date_set_julian (&d, j);
  g_snprintf (buf, 16, "%04d-%02d-%02d", g_date_get_year (&d), g_date_get_month (&d),
              g_date_get_day (&d));
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

  g_string_append_printf (s, "%d %s %s %s (%s)", q, unit_words (cp_rule_get_unit (rule), q),
                          word, anchor, iso (from, buf));
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

  if (due == 0)
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
      g_string_append_printf (text, "%s; due %s: %s", status_words[status], iso (due, buf), reason->str);
      if (met != 0)
        {
          g_date_set_julian (&d_met, met);
          g_string_append_printf (text, "; done %s", iso (met, buf2));
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

static GPtrArray *
rules_of_kind (CpPolicy *policy, CpRuleKind kind)
{
  GListModel *rules = cp_policy_get_rules (policy);
  GPtrArray *found = g_ptr_array_new_with_free_func (g_object_unref);

  for (guint i = 0; i < g_list_model_get_n_items (rules); i++)
    {
      CpRule *rule = g_list_model_get_item (rules, i);
      if (cp_rule_get_kind (rule) == kind)
        g_ptr_array_add (found, rule);
      else
        g_object_unref (rule);
    }
  return found;
}

/* Deadlines: the care plan and the placement plans. */
static gboolean
run_deadlines (Run *run)
{
  g_autoptr(GPtrArray) rules = rules_of_kind (run->policy, CP_RULE_KIND_DEADLINE);
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
            guint32      *due_out,
            CpRule      **rule_out,
            gboolean     *resets,
            GString      *why)
{
  guint32 due = 0;
  CpRule *best = NULL;
  g_autoptr(GString) best_why = g_string_new (NULL);

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

  for (guint e = 0; e < run->events->len; e++)
    {
      Event *ev = &g_array_index (run->events, Event, e);

      if (prev != 0 ? ev->date <= prev : ev->date < run->looked_after)
        continue;
      for (guint i = 0; i < rr->triggers->len; i++)
        {
          CpRule *rule = rr->triggers->pdata[i];
          g_autoptr(GString) w = g_string_new (NULL);
          guint32 cand;

          if (cp_rule_get_event (rule) != ev->kind)
            continue;
          if (cp_rule_get_gate (rule) == CP_TRIGGER_GATE_IRO_DECIDES && !ev->agreed)
            continue;
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

  (void) seq;
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
      guint32 start = julian_of (cp_placement_get_start (p));
      guint32 end = julian_of (cp_placement_get_end (p));

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
      if (!cp_calendar_add_julian (run->calendar, julian_of (cp_placement_get_start (placement)),
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
      if (review != NULL)
        met = known (run, cp_review_get_task_done (review, cp_rule_get_duty (rule)));
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

  rr.schedule = rules_of_kind (run->policy, CP_RULE_KIND_REVIEW_SCHEDULE);
  rr.triggers = rules_of_kind (run->policy, CP_RULE_KIND_REVIEW_TRIGGER);
  rr.preparation = rules_of_kind (run->policy, CP_RULE_KIND_REVIEW_PREPARATION);
  rr.follow_up = rules_of_kind (run->policy, CP_RULE_KIND_REVIEW_FOLLOW_UP);
  rr.adjournment = rules_of_kind (run->policy, CP_RULE_KIND_REVIEW_ADJOURNMENT);
  rr.without_meeting = rules_of_kind (run->policy, CP_RULE_KIND_REVIEW_WITHOUT_MEETING);
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

      if (!review_due (run, &rr, seq, cycle_pos, reset_before, prev, prev_seq,
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
            g_string_append_printf (why, "; first sat %s, adjourned", iso (held, buf));
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
              !run_duties (run, rr.follow_up, 1, review, seq, cycle_pos, done, "the review"))
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
        guint32 booked = review ? julian_of (cp_review_get_scheduled (review)) : 0;
        guint32 target = booked ? booked : due;
        char buf[16];

        g_string_append (why, skipped->str);
        if (booked)
          g_string_append_printf (why, "; booked for %s", iso (booked, buf));
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

static int
compare_events (gconstpointer a, gconstpointer b)
{
  const Event *x = a, *y = b;
  return x->date < y->date ? -1 : x->date > y->date;
}

static GPtrArray *
evaluate (CpEvaluator *self, GError **error)
{
  g_autoptr(GPtrArray) out = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GArray) events = g_array_new (FALSE, FALSE, sizeof (Event));
  GListModel *list;
  CpCarePlan *care_plan;
  Run run = {
    .policy = self->policy,
    .calendar = self->calendar,
    .kase = self->kase,
    .today = g_date_get_julian (&self->date),
    .looked_after = julian_of (cp_child_get_looked_after_since (cp_case_get_child (self->kase))),
    .events = events,
    .out = out,
    .error = error,
  };

  if (!cp_calendar_check_julian (self->calendar, run.today, "date", error))
    return NULL;

  /* Not yet looked after on the date: nothing is owed. */
  if (run.looked_after == 0 || run.looked_after > run.today)
    return g_steal_pointer (&out);

  list = cp_case_get_events (self->kase);
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(CpCaseEvent) e = g_list_model_get_item (list, i);
      Event ev = { cp_case_event_get_kind (e), known (&run, cp_case_event_get_date (e)),
                   cp_case_event_get_iro_agreed (e) };
      if (ev.date != 0)
        g_array_append_val (events, ev);
    }
  list = cp_case_get_placements (self->kase);
  for (guint i = 1; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(CpPlacement) p = g_list_model_get_item (list, i);
      Event ev = { CP_EVENT_KIND_PLACEMENT_CHANGE, known (&run, cp_placement_get_start (p)), FALSE };
      if (ev.date != 0)
        g_array_append_val (events, ev);
    }
  care_plan = cp_case_get_care_plan (self->kase);
  if (care_plan != NULL)
    {
      Event ev = { CP_EVENT_KIND_PROPOSED_CARE_PLAN_CHANGE,
                   known (&run, cp_care_plan_get_proposed_change_on (care_plan)), FALSE };
      if (ev.date != 0)
        g_array_append_val (events, ev);
    }
  g_array_sort (events, compare_events);

  if (!run_deadlines (&run) || !run_reviews (&run))
    return NULL;
  return g_steal_pointer (&out);
}

/* Public API -------------------------------------------------------------- */

/**
 * cp_evaluator_new:
 * @kase: the case
 * @policy: the policy whose rules apply
 * @calendar: the calendar to count working days on
 *
 * Makes an evaluator dated today. Call [method@Evaluator.refresh] to work
 * out the obligations.
 *
 * Returns: (transfer full): a new #CpEvaluator
 */
CpEvaluator *
cp_evaluator_new (CpCase     *kase,
                  CpPolicy   *policy,
                  CpCalendar *calendar)
{
  g_return_val_if_fail (CP_IS_CASE (kase), NULL);
  g_return_val_if_fail (CP_IS_POLICY (policy), NULL);
  g_return_val_if_fail (CP_IS_CALENDAR (calendar), NULL);

  return g_object_new (CP_TYPE_EVALUATOR,
                       "case", kase,
                       "policy", policy,
                       "calendar", calendar,
                       NULL);
}

/**
 * cp_evaluator_get_case:
 * @self: a #CpEvaluator
 *
 * Returns: (transfer none): the case
 */
CpCase *
cp_evaluator_get_case (CpEvaluator *self)
{
  g_return_val_if_fail (CP_IS_EVALUATOR (self), NULL);
  return self->kase;
}

/**
 * cp_evaluator_get_policy:
 * @self: a #CpEvaluator
 *
 * Returns: (transfer none): the policy
 */
CpPolicy *
cp_evaluator_get_policy (CpEvaluator *self)
{
  g_return_val_if_fail (CP_IS_EVALUATOR (self), NULL);
  return self->policy;
}

/**
 * cp_evaluator_get_calendar:
 * @self: a #CpEvaluator
 *
 * Returns: (transfer none): the calendar
 */
CpCalendar *
cp_evaluator_get_calendar (CpEvaluator *self)
{
  g_return_val_if_fail (CP_IS_EVALUATOR (self), NULL);
  return self->calendar;
}

/**
 * cp_evaluator_get_date:
 * @self: a #CpEvaluator
 *
 * Returns: (transfer none): the date the case is evaluated as at
 */
const GDate *
cp_evaluator_get_date (CpEvaluator *self)
{
  g_return_val_if_fail (CP_IS_EVALUATOR (self), NULL);
  return &self->date;
}

/**
 * cp_evaluator_set_date:
 * @self: a #CpEvaluator
 * @date: the date to evaluate as at
 *
 * Sets [property@Evaluator:date]. The obligations change at the next
 * [method@Evaluator.refresh].
 */
void
cp_evaluator_set_date (CpEvaluator *self,
                       const GDate *date)
{
  g_return_if_fail (CP_IS_EVALUATOR (self));
  g_return_if_fail (date != NULL && g_date_valid (date));

  if (g_date_compare (&self->date, date) == 0)
    return;
  self->date = *date;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATE]);
}

static char *
identity (CpObligation *o)
{
  return g_strconcat (cp_obligation_get_key (o), "\x1f", cp_obligation_get_subject (o), NULL);
}

/**
 * cp_evaluator_refresh:
 * @self: a #CpEvaluator
 * @error: return location for a #GError
 *
 * Works out the case's obligations as at [property@Evaluator:date] and
 * replaces [property@Evaluator:obligations] with them. After the first
 * refresh, emits a signal for each obligation that has become due soon,
 * overdue or met since the last one.
 *
 * Fails only if a date falls outside the calendar's range
 * (%CP_ERROR_OUT_OF_RANGE); the obligations are then left as they were.
 *
 * Returns: %TRUE on success
 */
gboolean
cp_evaluator_refresh (CpEvaluator  *self,
                      GError      **error)
{
  g_autoptr(GPtrArray) found = NULL;
  g_autoptr(GHashTable) previous = NULL;
  gboolean compare;

  g_return_val_if_fail (CP_IS_EVALUATOR (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  found = evaluate (self, error);
  if (found == NULL)
    return FALSE;

  previous = g_steal_pointer (&self->previous);
  self->previous = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  for (guint i = 0; i < found->len; i++)
    g_hash_table_insert (self->previous, identity (found->pdata[i]),
                         GINT_TO_POINTER (cp_obligation_get_status (found->pdata[i])));

  compare = self->refreshed;
  self->refreshed = TRUE;
  g_list_store_splice (self->obligations, 0,
                       g_list_model_get_n_items (G_LIST_MODEL (self->obligations)),
                       found->pdata, found->len);

  if (!compare)
    return TRUE;

  for (guint i = 0; i < found->len; i++)
    {
      CpObligation *o = found->pdata[i];
      g_autofree char *id = identity (o);
      gpointer old;
      CpObligationStatus now = cp_obligation_get_status (o);
      gboolean had = g_hash_table_lookup_extended (previous, id, NULL, &old);
      CpObligationStatus was = GPOINTER_TO_INT (old);

      if (had && was == now)
        continue;
      if (now == CP_OBLIGATION_STATUS_DUE_SOON)
        g_signal_emit (self, signals[OBLIGATION_DUE_SOON], 0, o);
      else if (now == CP_OBLIGATION_STATUS_OVERDUE)
        g_signal_emit (self, signals[OBLIGATION_OVERDUE], 0, o);
      else if ((now == CP_OBLIGATION_STATUS_MET_ON_TIME || now == CP_OBLIGATION_STATUS_MET_LATE) &&
               !(had && (was == CP_OBLIGATION_STATUS_MET_ON_TIME || was == CP_OBLIGATION_STATUS_MET_LATE)))
        g_signal_emit (self, signals[OBLIGATION_MET], 0, o);
    }
  return TRUE;
}

/**
 * cp_evaluator_get_obligations:
 * @self: a #CpEvaluator
 *
 * Returns: (transfer none): the obligations of the last refresh, a list
 *   of [class@Obligation]
 */
GListModel *
cp_evaluator_get_obligations (CpEvaluator *self)
{
  g_return_val_if_fail (CP_IS_EVALUATOR (self), NULL);
  return G_LIST_MODEL (self->obligations);
}

/**
 * cp_evaluator_find:
 * @self: a #CpEvaluator
 * @key: a rule key, or a catalogue id
 * @subject: what the obligation is about ("review 2", "care plan")
 *
 * Returns: (transfer none) (nullable): the obligation of the last refresh
 *   with that rule and subject, or %NULL
 */
CpObligation *
cp_evaluator_find (CpEvaluator *self,
                   const char  *key,
                   const char  *subject)
{
  GListModel *list;

  g_return_val_if_fail (CP_IS_EVALUATOR (self), NULL);
  g_return_val_if_fail (key != NULL && subject != NULL, NULL);

  list = G_LIST_MODEL (self->obligations);
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(CpObligation) o = g_list_model_get_item (list, i);

      if ((g_strcmp0 (cp_obligation_get_key (o), key) == 0 ||
           g_strcmp0 (cp_obligation_get_rule_id (o), key) == 0) &&
          g_strcmp0 (cp_obligation_get_subject (o), subject) == 0)
        return o;   /* the store keeps it alive */
    }
  return NULL;
}

/* Changing reviews -------------------------------------------------------- */

static gboolean
refuse (CpEvaluator *self,
        GError     **error,
        int          code,
        const GDate *date,
        CpRole       role,
        const char  *actor,
        const char  *action,
        const char  *format,
        ...) G_GNUC_PRINTF (8, 9);

/* Records a refused change in the case history and fails with it. */
static gboolean
refuse (CpEvaluator *self,
        GError     **error,
        int          code,
        const GDate *date,
        CpRole       role,
        const char  *actor,
        const char  *action,
        const char  *format,
        ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  if (code == CP_ERROR_NOT_AUTHORISED)
    cp_case_add_history (self->kase, date, role, actor, action, message, TRUE);
  g_set_error_literal (error, CP_ERROR, code, message);
  return FALSE;
}

/* The statutory due date of review @seq, worked out as at @date (before
 * the change being checked). */
static gboolean
statutory_due (CpEvaluator *self,
               int          seq,
               guint32     *due,
               GError     **error)
{
  g_autoptr(GPtrArray) found = evaluate (self, error);
  g_autofree char *subject = g_strdup_printf ("review %d", seq);

  if (found == NULL)
    return FALSE;
  for (guint i = 0; i < found->len; i++)
    {
      CpObligation *o = found->pdata[i];
      CpRuleKind kind = cp_rule_get_kind (cp_obligation_get_rule (o));

      if ((kind == CP_RULE_KIND_REVIEW_SCHEDULE || kind == CP_RULE_KIND_REVIEW_TRIGGER) &&
          g_strcmp0 (cp_obligation_get_subject (o), subject) == 0 &&
          cp_obligation_get_due (o) != NULL)
        {
          *due = g_date_get_julian (cp_obligation_get_due (o));
          return TRUE;
        }
    }
  g_set_error (error, CP_ERROR, CP_ERROR_INCONSISTENT,
               "review %d: no statutory due date can be worked out as at the evaluation date", seq);
  return FALSE;
}

static CpRule *
first_rule_of_kind (CpPolicy *policy, CpRuleKind kind)
{
  g_autoptr(GPtrArray) rules = rules_of_kind (policy, kind);
  return rules->len ? rules->pdata[0] : NULL;   /* the policy keeps it alive */
}

/**
 * cp_evaluator_reschedule_review:
 * @self: a #CpEvaluator
 * @sequence: the review's sequence number
 * @new_date: the new date
 * @role: who re-arranges it
 * @actor: (nullable): the member of staff, if recorded
 * @reason: (nullable): why
 * @error: return location for a #GError
 *
 * Moves a review that has not been held to @new_date. A date on or before
 * the statutory due date (as at [property@Evaluator:date]) is allowed. A
 * later one needs the approver of the policy's `review-reschedule` rule;
 * if the rule names none, or the policy has no such rule, it is refused
 * (%CP_ERROR_NOT_AUTHORISED), and the refusal is recorded in the case
 * history. The first date booked is kept in
 * [property@Review:rescheduled-from].
 *
 * Returns: %TRUE if the review was moved
 */
gboolean
cp_evaluator_reschedule_review (CpEvaluator  *self,
                                int           sequence,
                                const GDate  *new_date,
                                CpRole        role,
                                const char   *actor,
                                const char   *reason,
                                GError      **error)
{
  CpReview *review;
  CpRule *rule;
  guint32 due;
  char due_text[16], new_text[16];

  g_return_val_if_fail (CP_IS_EVALUATOR (self), FALSE);
  g_return_val_if_fail (new_date != NULL && g_date_valid (new_date), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  review = cp_case_get_review (self->kase, sequence);
  if (review == NULL)
    {
      g_set_error (error, CP_ERROR, CP_ERROR_INVALID_VALUE, "review %d: no such review", sequence);
      return FALSE;
    }
  if (cp_review_get_held (review) != NULL)
    {
      g_set_error (error, CP_ERROR, CP_ERROR_ILLEGAL_TRANSITION,
                   "review %d: already held; it cannot be re-arranged", sequence);
      return FALSE;
    }
  if (!statutory_due (self, sequence, &due, error))
    return FALSE;

  iso (due, due_text);
  iso (g_date_get_julian (new_date), new_text);
  if (g_date_get_julian (new_date) > due)
    {
      rule = first_rule_of_kind (self->policy, CP_RULE_KIND_REVIEW_RESCHEDULE);
      if (rule == NULL || cp_rule_get_approver (rule) == CP_ROLE_UNKNOWN)
        return refuse (self, error, CP_ERROR_NOT_AUTHORISED, &self->date, role, actor, "review.reschedule",
                       "review %d: %s is after the statutory due date %s, and the %s profile allows no "
                       "re-arrangement outside the statutory timescale%s%s%s",
                       sequence, new_text, due_text, cp_policy_get_name (self->policy),
                       rule ? " [" : "", rule ? cp_rule_get_id (rule) : "", rule ? "]" : "");
      if (role != cp_rule_get_approver (rule))
        return refuse (self, error, CP_ERROR_NOT_AUTHORISED, &self->date, role, actor, "review.reschedule",
                       "review %d: %s is after the statutory due date %s; that needs a %s, "
                       "and a %s may not approve it [%s]",
                       sequence, new_text, due_text,
                       cp_enum_to_nick (CP_TYPE_ROLE, cp_rule_get_approver (rule)),
                       cp_enum_to_nick (CP_TYPE_ROLE, role), cp_rule_get_id (rule));
    }

  if (cp_review_get_rescheduled_from (review) == NULL && cp_review_get_scheduled (review) != NULL)
    cp_review_set_rescheduled_from (review, cp_review_get_scheduled (review));
  cp_review_set_scheduled (review, new_date);
  {
    g_autofree char *text = g_strdup_printf ("review %d moved to %s (statutory due date %s)%s%s",
                                             sequence, new_text, due_text,
                                             reason ? ": " : "", reason ? reason : "");
    cp_case_add_history (self->kase, &self->date, role, actor, "review.reschedule", text, FALSE);
  }
  return TRUE;
}

/**
 * cp_evaluator_adjourn_review:
 * @self: a #CpEvaluator
 * @sequence: the review's sequence number
 * @resume_on: when the meeting reconvenes
 * @role: who adjourns it
 * @actor: (nullable): the member of staff, if recorded
 * @reason: (nullable): why
 * @error: return location for a #GError
 *
 * Adjourns a review that has sat ([property@Review:held]) until
 * @resume_on, under the policy's `review-adjournment` rule: only its
 * responsible role may adjourn (normally the IRO; anyone else is refused
 * with %CP_ERROR_NOT_AUTHORISED and recorded), only as often as its limit
 * allows (%CP_ERROR_ILLEGAL_TRANSITION), and the meeting must reconvene
 * within its timescale of the first sitting and, if the rule says so, by
 * the review's statutory due date (%CP_ERROR_OUT_OF_RANGE).
 *
 * Returns: %TRUE if the review was adjourned
 */
gboolean
cp_evaluator_adjourn_review (CpEvaluator  *self,
                             int           sequence,
                             const GDate  *resume_on,
                             CpRole        role,
                             const char   *actor,
                             const char   *reason,
                             GError      **error)
{
  CpReview *review;
  CpRule *rule;
  guint32 held, limit, due, resume;
  char held_text[16], limit_text[16], resume_text[16];

  g_return_val_if_fail (CP_IS_EVALUATOR (self), FALSE);
  g_return_val_if_fail (resume_on != NULL && g_date_valid (resume_on), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  review = cp_case_get_review (self->kase, sequence);
  if (review == NULL)
    {
      g_set_error (error, CP_ERROR, CP_ERROR_INVALID_VALUE, "review %d: no such review", sequence);
      return FALSE;
    }
  held = julian_of (cp_review_get_held (review));
  if (held == 0)
    {
      g_set_error (error, CP_ERROR, CP_ERROR_ILLEGAL_TRANSITION,
                   "review %d: has not sat yet, so it cannot be adjourned", sequence);
      return FALSE;
    }

  rule = first_rule_of_kind (self->policy, CP_RULE_KIND_REVIEW_ADJOURNMENT);
  if (rule == NULL)
    return refuse (self, error, CP_ERROR_NOT_AUTHORISED, &self->date, role, actor, "review.adjourn",
                   "review %d: the %s profile has no rule allowing a review to be adjourned",
                   sequence, cp_policy_get_name (self->policy));
  if (role != cp_rule_get_responsible (rule))
    return refuse (self, error, CP_ERROR_NOT_AUTHORISED, &self->date, role, actor, "review.adjourn",
                   "review %d: only the %s may adjourn a review; a %s may not [%s]", sequence,
                   cp_enum_to_nick (CP_TYPE_ROLE, cp_rule_get_responsible (rule)),
                   cp_enum_to_nick (CP_TYPE_ROLE, role), cp_rule_get_id (rule));
  /* The case records one adjournment per review. */
  if (cp_review_get_adjourned_to (review) != NULL)
    {
      g_set_error (error, CP_ERROR, CP_ERROR_ILLEGAL_TRANSITION,
                   "review %d: already adjourned once, the most the %s profile allows [%s]",
                   sequence, cp_policy_get_name (self->policy), cp_rule_get_id (rule));
      return FALSE;
    }

  resume = g_date_get_julian (resume_on);
  iso (held, held_text);
  iso (resume, resume_text);
  if (resume <= held)
    {
      g_set_error (error, CP_ERROR, CP_ERROR_INVALID_VALUE,
                   "adjourned_to: %s is not after the first sitting (%s)", resume_text, held_text);
      return FALSE;
    }
  if (!cp_calendar_add_julian (self->calendar, held, cp_rule_get_quantity (rule),
                               cp_rule_get_unit (rule), &limit, error))
    return FALSE;
  if (cp_rule_get_within_due (rule))
    {
      if (!statutory_due (self, sequence, &due, error))
        return FALSE;
      limit = MIN (limit, due);
    }
  if (resume > limit)
    {
      iso (limit, limit_text);
      g_set_error (error, CP_ERROR, CP_ERROR_OUT_OF_RANGE,
                   "adjourned_to: %s is too late; the review first sat on %s and must reconvene by %s [%s]",
                   resume_text, held_text, limit_text, cp_rule_get_id (rule));
      return FALSE;
    }

  cp_review_set_adjourned_to (review, resume_on);
  {
    g_autofree char *text = g_strdup_printf ("review %d adjourned to %s%s%s", sequence, resume_text,
                                             reason ? ": " : "", reason ? reason : "");
    cp_case_add_history (self->kase, &self->date, role, actor, "review.adjourn", text, FALSE);
  }
  return TRUE;
}
