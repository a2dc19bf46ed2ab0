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

#include <string.h>

#include "cp-text-private.h"
#include "cp-calendar-private.h"
#include "cp-date-private.h"
#include "cp-engine-private.h"
#include "cp-policy-private.h"
#include "cp-obligation-private.h"
#include "cp-case-private.h"
#include "cp-child-private.h"
#include "cp-review-private.h"
#include "cp-dispute-private.h"
#include "cp-care-plan-private.h"
#include "cp-permanence-plan-private.h"
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
  guint32 birth;
  guint32 eligible;      /* the day the young person is eligible, or 0 */
  guint32 duties_end;    /* the day the leaving-care duties end, or 0 */
  GArray *events;        /* Event, known by today */
  GArray *out;           /* CpObligationData */
  GStringChunk *strings; /* their subjects and reasons */
  const char *subject;   /* the subject kept last, in strings */
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

/* Whether @rule is the version of its key that governs a duty arising on
 * @day: the law in force when the duty arose (docs/policy-format.md,
 * "Rules in force by date"). While @day is not known yet, the version in
 * force on the evaluation date. */
static gboolean
in_force (Run *run, CpRule *rule, guint32 day)
{
  return cp_rule_in_force_julian (rule, day != 0 ? day : run->today);
}
/* The last dates formatted, by julian day: a case's explanations name the
 * same few dates again and again (a review's, the day care began), and
 * GDate's conversion is most of the cost of one. Per thread. */
typedef struct
{
  guint32 j;
  char    iso[11];
} IsoMemo;

static __thread IsoMemo iso_memo[64];

const char *
cp_engine_iso (guint32 j, char buf[16])
{
  IsoMemo *memo = &iso_memo[j % G_N_ELEMENTS (iso_memo)];
  GDate d;
  int y, m, day;

  if (j != 0 && memo->j == j)
    {
      memcpy (buf, memo->iso, sizeof memo->iso);
      return buf;
    }
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
  memo->j = j;
  memcpy (memo->iso, buf, sizeof memo->iso);
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

/* The obligation added last. */
static CpObligationData *
last_out (Run *run)
{
  return &g_array_index (run->out, CpObligationData, run->out->len - 1);
}

/* @subject, kept in the evaluation's strings: the obligations of a review
 * come one after another with the same subject, which is kept once. */
static const char *
keep_subject (Run *run, const char *subject)
{
  if (run->subject == NULL || strcmp (run->subject, subject) != 0)
    run->subject = g_string_chunk_insert (run->strings, subject);
  return run->subject;
}

/* Adds an obligation. How @due was worked out is @reason, or (with
 * @anchor) the words cp_engine_append_reason() would write for @word,
 * @anchor and @from, then @reason: those are kept as they are and written
 * only if somebody asks for the explanation. */
static gboolean
emit_full (Run        *run,
           CpRule     *rule,
           const char *subject,
           int         review,
           guint32     due,
           guint32     window,
           guint32     met,
           GString    *reason,
           const char *word,
           const char *anchor,
           guint32     from)
{
  CpObligationData d = {
    .review = review,
    .window = window,
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
      if (reason != NULL && (reason->len > 0 || anchor == NULL))
        d.reason = g_string_chunk_insert_len (run->strings, reason->str, reason->len);
      d.reason_word = word;
      d.reason_anchor = anchor;
      d.reason_from = from;
    }

  d.rule = rule;
  d.subject = keep_subject (run, subject);
  g_array_append_val (run->out, d);
  return TRUE;
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
  return emit_full (run, rule, subject, review, due, window, met, reason, NULL, NULL, 0);
}

/* Adds an undated obligation that does not apply; @text is taken. */
static void
emit_not_applicable (Run        *run,
                     CpRule     *rule,
                     const char *subject,
                     int         review,
                     char       *text)
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


static gboolean placement_type_listed (CpRule *rule, CpPlacement *p);

/* Deadlines: the care plan and the placement plans. */
static gboolean
run_deadlines (Run *run)
{
  GPtrArray *rules = cp_policy_rules_of_kind (run->policy, CP_RULE_KIND_DEADLINE);
  guint n_placements;
  CpPlacement *const *placements = cp_case_peek_placements (run->kase, &n_placements);
  CpCarePlan *care_plan = cp_case_get_care_plan (run->kase);

  for (guint r = 0; r < rules->len; r++)
    {
      CpRule *rule = rules->pdata[r];
      CpAnchor anchor = cp_rule_get_anchor (rule);

      if (cp_rule_get_duty (rule) == CP_DUTY_CARE_PLAN)
        {
          g_autoptr(CpScratch) why = cp_scratch_new ();
          guint32 from = run->looked_after, due = 0, met = 0;

          if (anchor != CP_ANCHOR_LOOKED_AFTER)
            {
              CpPlacement *first = n_placements ? placements[0] : NULL;
              from = first ? known (run, cp_placement_get_start (first)) : 0;
            }
          if (!in_force (run, rule, from))
            continue;
          if (from == 0)
            g_string_append (why, "no placement has started yet");
          else
            {
              cp_engine_append_reason (why, rule, "from",
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
          CpPlacement *p = placements[i];
          g_autoptr(CpScratch) why = cp_scratch_new ();
          g_autofree char *subject = cp_text_printf ("placement %u", i + 1);
          guint32 start = known (run, cp_placement_get_start (p));
          guint32 earliest = 0, due, met = 0;

          if (start == 0)
            break;
          if (anchor != CP_ANCHOR_PLACEMENT && i > 0)
            break;
          if (!in_force (run, rule, anchor == CP_ANCHOR_LOOKED_AFTER ? run->looked_after : start) ||
              !placement_type_listed (rule, p))
            continue;
          /* One placement-plan record serves all placements: for a later
           * placement only a plan completed or reviewed since it started
           * can be its plan. */
          if (i > 0)
            earliest = start;
          if (!shift (run, rule, anchor == CP_ANCHOR_LOOKED_AFTER ? run->looked_after : start, 1, &due))
            return FALSE;
          cp_engine_append_reason (why, rule, "from", anchor == CP_ANCHOR_LOOKED_AFTER ? "looked-after" : "the placement start",
                                   anchor == CP_ANCHOR_LOOKED_AFTER ? run->looked_after : start);

          if (care_plan != NULL)
            {
              guint n_subs;
              CpSubPlan *const *subs = cp_care_plan_peek_sub_plans (care_plan, &n_subs);
              for (guint k = 0; k < n_subs; k++)
                {
                  CpSubPlan *sp = subs[k];
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

/* The class of an enum type, without a reference each time: the class
 * of a static type is never freed, and taking a reference is an atomic
 * write to the type shared by every thread of a caseload evaluation. */
static GEnumClass *
enum_class (GType type)
{
  GEnumClass *klass = g_type_class_peek (type);

  return klass != NULL ? klass : g_type_class_ref (type);   /* kept */
}

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
          GEnumValue *v = g_enum_get_value_by_nick (enum_class (CP_TYPE_REVIEW_KIND), cp_rule_get_review_kind (rule));

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

/* When the next review is due: the earliest of the slot's rules and of
 * the triggers since the previous review. How it was counted is left to
 * be written when asked for (*@anchor_out and *@from_out, with "from":
 * see emit_full()); @why gets the rest (the rule's id, ties, triggers
 * not acted on). */
static CpPlacement *placement_on (Run *run, guint32 day, guint32 *start_out);
static gboolean placement_type_listed (CpRule *rule, CpPlacement *p);

/* " [rule-id]" */
static void
append_rule_id (GString *s, CpRule *rule)
{
  g_string_append_len (s, " [", 2);
  g_string_append (s, cp_rule_get_id (rule));
  g_string_append_c (s, ']');
}

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
            const char  **anchor_out,
            guint32      *from_out,
            gboolean     *resets,
            GString      *why)
{
  guint32 due = 0;
  CpRule *best = NULL;
  const char *best_anchor = NULL;
  guint32 best_from = 0;
  gsize start_len = why->len;   /* @why gets the text after the best's reason */
  guint32 *waiting;
  gboolean *acted;
  gboolean specific = FALSE;

  *resets = FALSE;

  /* A schedule rule for some placement types only (Stoke-on-Trent's
   * short-break series) replaces the general rules for its slot while the
   * child is in such a placement. */
  for (guint i = 0; i < rr->schedule->len; i++)
    {
      CpRule *rule = rr->schedule->pdata[i];
      guint32 start, at = prev != 0 ? prev : run->looked_after;

      if (cp_rule_get_placements (rule) != NULL && slot_matches (cp_rule_get_slot (rule), cycle_pos) &&
          placement_type_listed (rule, placement_on (run, at, &start)))
        specific = TRUE;
    }

  for (guint i = 0; i < rr->schedule->len; i++)
    {
      CpRule *rule = rr->schedule->pdata[i];
      const char *anchor;
      char name[32];
      guint32 from, cand, start;

      if (!slot_matches (cp_rule_get_slot (rule), cycle_pos))
        continue;
      if (specific != (cp_rule_get_placements (rule) != NULL))
        continue;
      if (specific && !placement_type_listed (rule, placement_on (run, prev != 0 ? prev : run->looked_after, &start)))
        continue;
      if (cp_rule_get_anchor (rule) == CP_ANCHOR_LOOKED_AFTER)
        {
          /* Counting from entry to care only makes sense in the first cycle. */
          if (reset_before)
            continue;
          from = run->looked_after;
          anchor = "looked-after";
        }
      else
        {
          if (prev == 0)
            continue;
          from = prev;
          anchor = cp_text_format (name, sizeof name, "review %d", prev_seq);
        }
      if (!shift (run, rule, from, 1, &cand))
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
      cp_text_format (subject, sizeof subject, "review %d", seq);
      emit_not_applicable (run, rule, subject, seq,
                           cp_text_printf ("not applicable: %s on %s brings the review forward "
                                           "only if the IRO agrees, and no agreement is recorded",
                                           cp_enum_to_nick (CP_TYPE_EVENT_KIND, cp_rule_get_event (rule)),
                                           cp_engine_iso (waiting[i], buf)));
    }

  *due_out = due;
  *rule_out = best;
  *anchor_out = best_anchor;
  *from_out = best_from;
  return TRUE;
}

/* NULL if a consultation-only review counts here, else why not. */
static const char *
no_meeting_refusal (Run *run, ReviewRules *rr, CpReview *review, guint32 held, char *buf, gsize len)
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
  if (!in_force (run, rule, held))
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
  if ((excluded != NULL && g_strv_contains (excluded, kind)) || !placement_type_listed (rule, placement))
    {
      g_snprintf (buf, len, "reviews without a meeting are not allowed in a %s placement", kind);
      return buf;
    }
  return NULL;
}

/* Duties before a review on @target, and after one completed on @done.
 * A duty before the review falls no earlier than @floor: the day the event
 * that brought the review forward happened (@floor_event, its kind), or
 * the first day of care (@floor_event NULL). */
static gboolean
run_duties (Run        *run,
            GArray     *duties,
            int         sign,
            CpReview   *review,
            int         seq,
            const char *subject,
            int         cycle_pos,
            guint32     anchor,
            const char *anchor_name,
            guint32     floor,
            const char *floor_event)
{
  g_autoptr(CpScratch) more = cp_scratch_new ();
  const char *word = sign < 0 ? "before" : "from";

  for (guint i = 0; i < duties->len; i++)
    {
      const DutyRule *d = &g_array_index (duties, DutyRule, i);
      CpRule *rule = d->rule;
      guint32 due, met = 0;

      if (!slot_matches (d->slot, cycle_pos))
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
          if (floor_event != NULL && floor > run->looked_after)
            cp_text_append (more, ", which is before the %s that brought the review forward, so due on %s",
                            floor_event, cp_engine_iso (due, buf));
          else
            cp_text_append (more, ", which is before the child became looked after, so due on %s",
                            cp_engine_iso (due, buf));
        }
      if (review != NULL)
        met = known (run, cp_review_get_task_done (review, d->duty));
      /* Silence until the window closes is agreement where the rule says so. */
      if (met == 0 && d->deemed_agreed && run->today > due)
        {
          char buf[16];

          met = due;
          cp_text_append (more, "; no response by %s, so the decisions are deemed agreed",
                          cp_engine_iso (due, buf));
          if (!emit_full (run, rule, subject, seq, due, 0, met, more, word, anchor_name, anchor))
            return FALSE;
          last_out (run)->deemed = TRUE;
          continue;
        }
      if (!emit_full (run, rule, subject, seq, due, 0, met, more, word, anchor_name, anchor))
        return FALSE;
    }
  return TRUE;
}

/* The earliest dispute the case holds about recommendation @pos of review
 * @seq, or NULL. */
static CpDispute *
dispute_about (Run *run, int seq, guint pos)
{
  guint n_disputes;
  CpDispute *const *disputes = cp_case_peek_disputes (run->kase, &n_disputes);
  CpDispute *found = NULL;
  guint32 first = 0;

  for (guint i = 0; i < n_disputes; i++)
    {
      CpDispute *d = disputes[i];
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
 * @held, or where the rule it follows ends: the day that rule's duty was
 * done for @rec, if it was done by its due date, else that due date (the
 * earlier of the two; the profile has checked that such chains end). */
static gboolean
clock_due (Run *run, CpRule *rule, guint32 held, CpRecommendation *rec, CpDispute *dispute,
           guint32 *due, GString *why)
{
  guint32 from = held;
  const char *anchor = "the review";
  const char *word = "from";
  char met_text[96];

  if (cp_rule_get_anchor (rule) == CP_ANCHOR_RULE)
    {
      CpRule *before = cp_policy_lookup_rule (run->policy, cp_rule_get_after (rule));
      guint32 done = recommendation_done (run, rec, cp_rule_get_duty (before), dispute);

      anchor = cp_rule_get_after (rule);
      word = "after the due date of";
      if (!clock_due (run, before, held, rec, dispute, &from, NULL))
        return FALSE;
      /* Done before its due date: the next clock starts that day (one
       * dated before the review is read as the review). */
      if (done != 0 && done < from)
        {
          from = MAX (done, held);
          word = "from";
          anchor = cp_text_format (met_text, sizeof met_text, "the day %s was met", anchor);
        }
    }
  if (!shift (run, rule, from, 1, due))
    return FALSE;
  if (why != NULL)
    cp_engine_append_reason (why, rule, word, anchor, from);
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
  guint n_recs;
  CpRecommendation *const *recs = cp_review_peek_recommendations (review, &n_recs);

  for (guint r = 0; r < rules->len; r++)
    for (guint k = 0; k < n_recs; k++)
      {
        CpRule *rule = rules->pdata[r];
        CpDuty duty = cp_rule_get_duty (rule);
        CpRecommendation *rec = recs[k];
        g_autofree char *subject = cp_text_printf ("review %d recommendation %u", seq, k + 1);
        g_autoptr(CpScratch) why = cp_scratch_new ();
        CpDispute *dispute;
        guint32 due, met;
        char buf[16];

        if (cp_rule_get_starred_only (rule) && !cp_recommendation_get_starred (rec))
          continue;
        dispute = dispute_about (run, seq, k + 1);
        if (duty == CP_DUTY_RECOMMENDATION)
          {
            due = cp_engine_julian (cp_recommendation_get_due (rec));
            if (due == 0)
              continue;
            cp_text_append (why, "the date review %d set (%s)%s", seq, cp_engine_iso (due, buf),
                            cp_recommendation_get_starred (rec) ? "; starred" : "");
          }
        else if (!clock_due (run, rule, held, rec, dispute, &due, why))
          return FALSE;
        if (cp_recommendation_get_status (rec) == CP_RECOMMENDATION_STATUS_WITHDRAWN)
          {
            emit_not_applicable (run, rule, subject, seq,
                                 g_strdup ("not applicable: the recommendation was withdrawn"));
            continue;
          }

        met = recommendation_done (run, rec, duty, dispute);
        if (met == 0 && cp_rule_get_optional (rule) && run->today > due)
          {
            emit_not_applicable (run, rule, subject, seq,
                                 cp_text_printf ("not applicable: nothing was raised by %s (%s), "
                                                 "so the recommendation stands",
                                                 cp_engine_iso (due, buf), why->str));
            continue;
          }
        if (dispute != NULL && (duty == CP_DUTY_RECOMMENDATION_AGREED || duty == CP_DUTY_DISPUTE_REGISTERED))
          cp_text_append (why, "; disputed from %s%s",
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
  guint n;
  CpReview *const *reviews = cp_case_peek_reviews (run->kase, &n);
  guint i = 0;
  guint32 prev = 0, last_meeting = run->looked_after, meeting_due = 0;
  int prev_seq = 0, cycle_pos = 0, last_seq = 0;
  gboolean reset_before = FALSE;
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
      const char *anchor = NULL;
      guint32 from = 0;
      CpRule *rule = NULL;
      guint32 due, held = 0, floor;
      const char *floor_event;
      gboolean resets;
      int seq;

      /* The next review that counts: held by today, and a meeting unless
       * the profile allows it without one. */
      while (i < n)
        {
          CpReview *r = reviews[i];
          guint32 h = known (run, cp_review_get_held (r));
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

      if (!review_due (run, &rr, seq, cycle_pos, reset_before, prev, prev_seq, held,
                       &due, &rule, &anchor, &from, &resets, why))
        return FALSE;
      if (rule == NULL)
        return TRUE;   /* the profile schedules no further review */
      /* A review brought forward by an event is prepared from that day. */
      floor = cp_rule_get_kind (rule) == CP_RULE_KIND_REVIEW_TRIGGER ? from : 0;
      floor_event = floor != 0 ? anchor : NULL;

      if (held != 0)
        {
          guint32 resumed = known (run, cp_review_get_adjourned_to (review));
          gboolean adjourned = cp_review_get_adjourned_to (review) != NULL;
          guint32 done = adjourned ? resumed : held;
          char buf[16];

          g_string_append (why, skipped->str);
          g_string_truncate (skipped, 0);
          if (adjourned)
            cp_text_append (why, "; first sat %s, adjourned", cp_engine_iso (held, buf));
          if (!emit_full (run, rule, subject, seq, due, 0, done, why, "from", anchor, from))
            return FALSE;

          if (!run_duties (run, rr.preparation_duties, -1, review, seq, subject, cycle_pos, held, "the review",
                           floor, floor_event))
            return FALSE;

          for (guint a = 0; adjourned && a < rr.adjournment->len; a++)
            {
              CpRule *adj = rr.adjournment->pdata[a];
              g_autoptr(CpScratch) w = cp_scratch_new ();
              guint32 limit;

              if (!shift (run, adj, held, 1, &limit))
                return FALSE;
              cp_engine_append_reason (w, adj, "from", "the first sitting", held);
              if (cp_rule_get_within_due (adj) && due < limit)
                {
                  limit = due;
                  g_string_append (w, ", and no later than the review's due date");
                }
              if (!emit (run, adj, subject, seq, limit, held + 1, resumed, w))
                return FALSE;
            }

          if (done != 0 &&
              (!run_duties (run, rr.follow_up_duties, 1, review, seq, subject, cycle_pos, done, "the review", 0, NULL) ||
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
                      g_autoptr(CpScratch) w = cp_scratch_new ();
                      cp_engine_append_reason (w, meeting_rule, "from", "the last review meeting", last_meeting);
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
          cp_text_append (why, "; booked for %s", cp_engine_iso (booked, buf));
        if (!emit_full (run, rule, subject, seq, due, 0, 0, why, "from", anchor, from))
          return FALSE;
        if (!run_duties (run, rr.preparation_duties, -1, review, seq, subject, cycle_pos, target,
                         booked ? "the booked review" : "the due date", floor, floor_event))
          return FALSE;
        if (meeting_due != 0)
          {
            g_autoptr(CpScratch) w = cp_scratch_new ();
            cp_engine_append_reason (w, meeting_rule, "from", "the last review meeting", last_meeting);
            if (!emit (run, meeting_rule, subject, seq, meeting_due, 0, 0, w))
              return FALSE;
          }
        return TRUE;
      }
    }
}

/* Whether @dispute is about a starred recommendation the case holds. */
static gboolean
about_starred (Run *run, CpDispute *dispute)
{
  guint n_reviews;
  CpReview *const *reviews = cp_case_peek_reviews (run->kase, &n_reviews);
  int pos = cp_dispute_get_recommendation (dispute);

  for (guint i = 0; i < n_reviews && pos > 0; i++)
    {
      guint n_recs;
      CpRecommendation *const *recs = cp_review_peek_recommendations (reviews[i], &n_recs);

      if (cp_review_get_sequence (reviews[i]) == cp_dispute_get_review (dispute) && (guint) pos <= n_recs)
        return cp_recommendation_get_starred (recs[pos - 1]);
    }
  return FALSE;
}

/* Each timed stage a dispute reached: settled or moved on in time. A
 * stage timed for disputed starred recommendations only (starred_only)
 * gives other disputes no time limit, and says so. */
static gboolean
run_disputes (Run *run)
{
  GPtrArray *stages = cp_policy_rules_of_kind (run->policy, CP_RULE_KIND_ESCALATION_STAGE);
  guint n_disputes;
  CpDispute *const *disputes = cp_case_peek_disputes (run->kase, &n_disputes);

  for (guint d = 0; d < n_disputes; d++)
    {
      CpDispute *dispute = disputes[d];
      g_autofree char *subject = cp_text_printf ("dispute %u", d + 1);
      guint n;
      CpDisputeStep *const *steps = cp_dispute_peek_steps (dispute, &n);
      guint32 resolved = known (run, cp_dispute_get_resolved_on (dispute));

      for (guint k = 0; k < n; k++)
        {
          CpDisputeStep *step = steps[k];
          guint32 start = known (run, cp_dispute_step_get_date (step));
          guint32 moved = 0, due;
          CpRule *rule = NULL;

          for (guint r = 0; r < stages->len; r++)
            if (g_strcmp0 (cp_rule_get_stage (stages->pdata[r]), cp_dispute_step_get_stage (step)) == 0)
              rule = stages->pdata[r];
          if (start == 0 || rule == NULL || cp_rule_get_quantity (rule) == 0)
            continue;
          if (cp_rule_get_starred_only (rule) && !about_starred (run, dispute))
            {
              emit_not_applicable (run, rule, subject, 0,
                                   cp_text_printf ("not applicable: the time limit at %s is for disputed "
                                                   "starred recommendations, and this dispute is not about one",
                                                   cp_rule_get_stage (rule)));
              continue;
            }
          if (k + 1 < n)
            {
              CpDisputeStep *next = steps[k + 1];
              moved = known (run, cp_dispute_step_get_date (next));
            }
          if (moved == 0)
            moved = resolved;
          if (!shift (run, rule, start, 1, &due))
            return FALSE;
          {
            g_autoptr(CpScratch) why = cp_scratch_new ();
            g_autofree char *anchor = cp_text_printf ("reaching %s", cp_rule_get_stage (rule));
            cp_engine_append_reason (why, rule, "from", anchor, start);
            if (!emit (run, rule, subject, 0, due, 0, moved, why))
              return FALSE;
          }
        }
    }
  return TRUE;
}


/* Casework: activities, intervals, milestones, leaving care ----------------- */

static CpRule *
leaving_care_rule (CpPolicy *policy)
{
  GPtrArray *rules = cp_policy_rules_of_kind (policy, CP_RULE_KIND_LEAVING_CARE_STATUS);

  return rules->len > 0 ? rules->pdata[0] : NULL;   /* the policy keeps it alive */
}

/* Whether an activity of @duty is recorded on a day from @from up to
 * @until (both Julian days; @until included). */
static gboolean
activity_recorded (CpCase *kase, CpDuty duty, guint32 from, guint32 until)
{
  guint n;
  CpActivity *const *list = cp_case_peek_activities (kase, &n);

  for (guint i = 0; i < n; i++)
    {
      guint32 day = cp_engine_julian (cp_activity_get_date (list[i]));

      if (cp_activity_get_duty (list[i]) == duty && day != 0 && day >= from && day <= until)
        return TRUE;
    }
  return FALSE;
}

/* The day the leaving-care duties end under @rule: the former relevant
 * age, or the education age once the authority knows (by @today) of
 * education or training. */
static guint32
duties_end (CpCase *kase, CpRule *rule, guint32 birth, guint32 today)
{
  int months = cp_rule_get_former_relevant_until_months (rule);

  if (cp_rule_get_education_until_months (rule) > months &&
      activity_recorded (kase, CP_DUTY_EDUCATION_TRAINING_NOTIFIED, 0, today))
    months = cp_rule_get_education_until_months (rule);
  return cp_julian_add_months (birth, months);
}

/* Days looked after in the child's earlier periods of care from @from on,
 * leaving out short breaks (they do not make a child eligible). */
static gint64
earlier_days (CpChild *child, guint32 from)
{
  guint n;
  CpCarePeriod *const *periods = cp_child_peek_earlier_periods (child, &n);
  gint64 days = 0;

  for (guint i = 0; i < n; i++)
    {
      CpCarePeriod *p = periods[i];
      guint32 start = MAX (cp_engine_julian (cp_care_period_get_start (p)), from);
      guint32 end = cp_engine_julian (cp_care_period_get_end (p));

      /* Both the first and the last day count: the child was looked
       * after on each (the earliest reading of "amounting in all"). */
      if (!cp_care_period_get_short_breaks (p) && end >= start)
        days += (gint64) end - start + 1;
    }
  return days;
}

/* Whether the current period of care is a series of short breaks: every
 * placement of it is one. */
static gboolean
short_breaks_only (CpCase *kase)
{
  guint n;
  CpPlacement *const *placements = cp_case_peek_placements (kase, &n);

  for (guint i = 0; i < n; i++)
    if (cp_placement_get_kind (placements[i]) != CP_PLACEMENT_TYPE_SHORT_BREAKS)
      return FALSE;
  return n > 0;
}

/* The day the child is (or, staying in care, would be) "eligible": looked
 * after for the qualifying time from the starting age, adding up the
 * earlier periods of care and this one, and of the age the time must
 * reach. 0 if never (no rule, left care first, or the current period is
 * short breaks). The time is counted in days: the rule's quantity from the
 * starting age. */
static gboolean
eligible_from (CpCalendar *calendar, CpPolicy *policy, CpCase *kase, guint32 birth, guint32 looked_after,
               guint32 ceased, guint32 *out, GError **error)
{
  CpRule *rule = leaving_care_rule (policy);
  CpChild *child = cp_case_get_child (kase);
  guint32 from_age, needed, start, counted, from;
  gint64 need, have;

  *out = 0;
  if (rule == NULL || birth == 0 || looked_after == 0 || short_breaks_only (kase))
    return TRUE;
  from_age = cp_julian_add_months (birth, cp_rule_get_min_age_months (rule));
  if (!cp_calendar_add_julian (calendar, from_age, cp_rule_get_quantity (rule), cp_rule_get_unit (rule),
                               &needed, error))
    return FALSE;
  need = (gint64) needed - from_age;
  have = earlier_days (child, from_age);
  start = MAX (looked_after, from_age);
  /* The day care began counts as a day looked after, so the qualifying
   * time is complete at the end of its last day, the day the young
   * person becomes eligible (the earliest reading: "looked after for a
   * period of 13 weeks" beginning on day D is complete on D + 90). */
  counted = have >= need ? start : start + (guint32) (need - have) - 1;
  from = MAX (counted, cp_julian_add_months (birth, cp_rule_get_max_age_months (rule)));
  if (ceased != 0 && from > ceased)
    return TRUE;
  *out = from;
  return TRUE;
}

gboolean
cp_engine_leaving_care_status (CpCase              *kase,
                               CpPolicy            *policy,
                               CpCalendar          *calendar,
                               const GDate         *date,
                               CpLeavingCareStatus *status,
                               GError             **error)
{
  CpChild *child = cp_case_get_child (kase);
  guint32 today = g_date_get_julian (date);
  guint32 birth = cp_engine_julian (cp_child_get_birth_date (child));
  guint32 lac = cp_engine_julian (cp_child_get_looked_after_since (child));
  guint32 ceased = cp_engine_julian (cp_child_get_ceased_on (child));
  CpRule *rule = leaving_care_rule (policy);
  guint32 eligible, from_age, adult;

  *status = CP_LEAVING_CARE_STATUS_NONE;
  if (ceased > today)
    ceased = 0;
  if (rule == NULL || lac == 0 || lac > today || birth == 0 || birth > today)
    return TRUE;
  if (!eligible_from (calendar, policy, kase, birth, lac, ceased, &eligible, error))
    return FALSE;
  from_age = cp_julian_add_months (birth, cp_rule_get_max_age_months (rule));
  adult = cp_julian_add_months (birth, cp_rule_get_relevant_until_months (rule));

  if (today < from_age || today >= duties_end (kase, rule, birth, today))
    return TRUE;
  if (today < adult)
    {
      if (ceased == 0)
        *status = eligible != 0 && eligible <= today ? CP_LEAVING_CARE_STATUS_ELIGIBLE
                                                     : CP_LEAVING_CARE_STATUS_NONE;
      else if (eligible != 0 && eligible <= ceased)
        *status = CP_LEAVING_CARE_STATUS_RELEVANT;
      else if (ceased >= from_age)
        *status = CP_LEAVING_CARE_STATUS_QUALIFYING;
      return TRUE;
    }
  /* Adult: was eligible or relevant before, else left care after the age
   * the qualifying time must reach. Only the former relevant status runs
   * to the education age. */
  if (eligible != 0 && eligible < adult)
    *status = CP_LEAVING_CARE_STATUS_FORMER_RELEVANT;
  else if ((ceased == 0 || ceased >= from_age) &&
           today < cp_julian_add_months (birth, cp_rule_get_former_relevant_until_months (rule)))
    *status = CP_LEAVING_CARE_STATUS_QUALIFYING;
  return TRUE;
}

/* A permanence plan counts once it has measurable milestones and a
 * contingency (Warrington §9; Stoke-on-Trent §7.14): a contingency in
 * words, or a contingency pathway other than the plan's own. */
static gboolean
permanence_plan_complete (CpPermanencePlan *perm)
{
  guint n_milestones = 0;

  if (perm != NULL)
    cp_permanence_plan_peek_milestones (perm, &n_milestones);
  return n_milestones > 0 &&
         (cp_permanence_plan_get_contingency (perm) != NULL ||
          cp_permanence_plan_get_contingency_pathway (perm) != cp_permanence_plan_get_pathway (perm));
}

/* The day an activity of @duty was done, every one known by today and not
 * before @from, sorted. Plans recorded as sub-plans of the care plan count
 * for the matching duty. */
static GArray *
activity_days (Run *run, CpDuty duty, guint32 from)
{
  GArray *days = g_array_new (FALSE, FALSE, sizeof (guint32));
  guint n_list;
  CpActivity *const *list = cp_case_peek_activities (run->kase, &n_list);
  CpCarePlan *care_plan = cp_case_get_care_plan (run->kase);
  CpSubPlanKind sub_kind = duty == CP_DUTY_PATHWAY_PLAN ? CP_SUB_PLAN_KIND_PATHWAY_PLAN
                           : duty == CP_DUTY_PEP_REVIEW ? CP_SUB_PLAN_KIND_PEP
                           : duty == CP_DUTY_HEALTH_ASSESSMENT ? CP_SUB_PLAN_KIND_HEALTH_PLAN
                           : (CpSubPlanKind) -1;

  for (guint i = 0; i < n_list; i++)
    {
      CpActivity *a = list[i];
      guint32 day = known (run, cp_activity_get_date (a));

      if (cp_activity_get_duty (a) == duty && day != 0 && day >= from)
        g_array_append_val (days, day);
    }
  if (care_plan != NULL && (int) sub_kind >= 0)
    {
      guint n_subs;
      CpSubPlan *const *subs = cp_care_plan_peek_sub_plans (care_plan, &n_subs);

      for (guint i = 0; i < n_subs; i++)
        {
          CpSubPlan *sp = subs[i];
          guint32 dates[2] = { known (run, cp_sub_plan_get_completed (sp)),
                               known (run, cp_sub_plan_get_last_reviewed (sp)) };

          if (cp_sub_plan_get_kind (sp) != sub_kind)
            continue;
          for (guint d = 0; d < 2; d++)
            if (dates[d] != 0 && dates[d] >= from)
              g_array_append_val (days, dates[d]);
        }
    }
  if (duty == CP_DUTY_PERMANENCE_PLAN && permanence_plan_complete (cp_case_get_permanence_plan (run->kase)))
    {
      guint32 day = known (run, cp_permanence_plan_get_agreed_on (cp_case_get_permanence_plan (run->kase)));
      if (day != 0 && day >= from)
        g_array_append_val (days, day);
    }
  g_array_sort (days, (GCompareFunc) cp_engine_compare_julian);
  return days;
}

int
cp_engine_compare_julian (const guint32 *a, const guint32 *b)
{
  return *a < *b ? -1 : *a > *b;
}

/* The first day in @days on or after @from and before @until (0: no end). */
static guint32
first_between (GArray *days, guint32 from, guint32 until)
{
  for (guint i = 0; i < days->len; i++)
    {
      guint32 d = g_array_index (days, guint32, i);
      if (d >= from && (until == 0 || d < until))
        return d;
    }
  return 0;
}

/* Whole days for @hours counted from a day whose hour is not known: the
 * last day that lies wholly inside the hours whatever the hour the anchor
 * day began at (its first minute is the worst case), the earliest reading.
 * "Within 72 hours" of day D ends, at the earliest, as D + 3 begins, so
 * D + 2 is the last safe day; "within 12 hours" is D itself. Counting back
 * ("N hours before"), the day must end before the hours begin, whatever the
 * hour: one day further back than the hours round up to. */
static int
hours_in_whole_days (int hours, int sign)
{
  if (sign > 0)
    return MAX (hours / 24 - 1, 0);
  return -((hours + 23) / 24 + 1);
}

/* Shifts by the rule's timescale; hours are read in whole days (above). */
static gboolean
shift_activity (Run *run, CpRule *rule, guint32 from, int sign, guint32 *out)
{
  if (cp_rule_get_unit (rule) == CP_UNIT_HOURS)
    return cp_calendar_add_julian (run->calendar, from, hours_in_whole_days (cp_rule_get_quantity (rule), sign),
                                   CP_UNIT_CALENDAR_DAYS, out, run->error);
  return shift (run, rule, from, sign, out);
}

/* The placement the child is in on @day, or NULL; @start_out its start. */
static CpPlacement *
placement_on (Run *run, guint32 day, guint32 *start_out)
{
  guint n_placements;
  CpPlacement *const *placements = cp_case_peek_placements (run->kase, &n_placements);
  CpPlacement *found = NULL;

  for (guint i = 0; i < n_placements; i++)
    {
      CpPlacement *p = placements[i];
      guint32 start = cp_engine_julian (cp_placement_get_start (p));
      guint32 end = cp_engine_julian (cp_placement_get_end (p));

      if (start != 0 && start <= day && (end == 0 || day < end))
        {
          found = p;   /* the case keeps it alive */
          *start_out = start;
        }
    }
  return found;
}

static gboolean
placement_type_listed (CpRule *rule, CpPlacement *p)
{
  const char * const *types = cp_rule_get_placements (rule);
  const char *nick;

  if (types == NULL || types[0] == NULL)
    return TRUE;
  if (p == NULL)
    return FALSE;
  nick = cp_enum_to_nick (CP_TYPE_PLACEMENT_TYPE, cp_placement_get_kind (p));
  return g_strv_contains (types, nick);
}

/* The legal status the child has on @day (the one begun last, so a later
 * order supersedes an earlier one left open), or NULL; @start_out its start. */
static CpLegalStatus *
legal_status_on (Run *run, guint32 day, guint32 *start_out)
{
  guint n_statuses;
  CpLegalStatus *const *statuses = cp_child_peek_legal_statuses (cp_case_get_child (run->kase), &n_statuses);
  CpLegalStatus *found = NULL;

  for (guint i = 0; i < n_statuses; i++)
    {
      CpLegalStatus *ls = statuses[i];
      guint32 from = cp_engine_julian (cp_legal_status_get_start (ls));
      guint32 to = cp_engine_julian (cp_legal_status_get_end (ls));

      if (from != 0 && from <= day && (to == 0 || day < to) && (found == NULL || from >= *start_out))
        {
          found = ls;
          *start_out = from;
        }
    }
  return found;
}

/* Whether @p (may be NULL) is of a type the rule's excluded_placements
 * name: short breaks, say, to which some regulations do not apply. */
static gboolean
placement_type_excluded (CpRule *rule, CpPlacement *p)
{
  const char * const *types = cp_rule_get_excluded_placements (rule);

  return p != NULL && types != NULL &&
         g_strv_contains (types, cp_enum_to_nick (CP_TYPE_PLACEMENT_TYPE, cp_placement_get_kind (p)));
}

static gboolean
legal_status_listed (CpRule *rule, CpLegalStatus *ls)
{
  return ls != NULL && g_strv_contains (cp_rule_get_legal_statuses (rule),
                                        cp_enum_to_nick (CP_TYPE_LEGAL_STATUS_KIND, cp_legal_status_get_status (ls)));
}

/* The day the first review a rule's `first_review` means was held, known
 * by today, or 0: the child's first review, or (`first_review_of`
 * `placement`) the first held on or after the start of the placement the
 * child is in on @day, or of the legal status the rule lists if that began
 * later. */
static guint32
first_review_held (Run *run, CpRule *rule, guint32 day)
{
  guint n_reviews;
  CpReview *const *reviews = cp_case_peek_reviews (run->kase, &n_reviews);
  guint32 since = 0;

  if (g_strcmp0 (cp_rule_get_first_review_of (rule), "placement") == 0)
    {
      guint32 status_start = 0;

      if (placement_on (run, day, &since) == NULL)
        since = day;
      if (cp_rule_get_legal_statuses (rule) != NULL &&
          legal_status_on (run, day, &status_start) != NULL && status_start > since)
        since = status_start;
    }
  for (guint i = 0; i < n_reviews; i++)
    {
      guint32 held = known (run, cp_review_get_held (reviews[i]));

      if (held != 0 && held >= since)
        return held;
    }
  return 0;
}

/* Whether an activity of each duty the rule needs recorded was recorded
 * on or before @day, and on or after @since (the placement's start). */
static gboolean
recorded_by (Run *run, CpRule *rule, guint32 since, guint32 day)
{
  const char * const *duties = cp_rule_get_recorded (rule);
  guint n_list;
  CpActivity *const *list = cp_case_peek_activities (run->kase, &n_list);

  for (guint d = 0; duties != NULL && duties[d] != NULL; d++)
    {
      gboolean found = FALSE;

      for (guint i = 0; i < n_list && !found; i++)
        {
          CpActivity *a = list[i];
          guint32 on = known (run, cp_activity_get_date (a));

          found = on != 0 && on >= since && on <= day &&
                  strcmp (cp_enum_to_nick (CP_TYPE_DUTY, cp_activity_get_duty (a)), duties[d]) == 0;
        }
      if (!found)
        return FALSE;
    }
  return TRUE;
}

/* Whether the rule's conditions on age, legal status, placement and what
 * is recorded hold on @day. For an interval, @due is the day the rule
 * would make the next activity due (0 otherwise): a rule that lasts until
 * the first review binds a gap only if it falls due by that review, and
 * one that starts after it binds the gap the review falls in, so the gap
 * across the review is judged by the rule that follows it. */
static gboolean
conditions_hold (Run *run, CpRule *rule, guint32 day, guint32 due)
{
  int age = cp_julian_months_between (run->birth, day);
  int min_age = cp_rule_get_min_age_months (rule), max_age = cp_rule_get_max_age_months (rule);
  guint32 start = 0;
  CpPlacement *p;
  int months;

  if (cp_rule_get_kind (rule) != CP_RULE_KIND_LEAVING_CARE_STATUS)
    {
      if (min_age > 0 && age < min_age)
        return FALSE;
      if (max_age > 0 && age >= max_age)
        return FALSE;
    }
  /* An interval rule in force on the day the gap starts (an activity's
   * version is chosen by its anchor, in run_activities()). */
  if (cp_rule_get_kind (rule) == CP_RULE_KIND_INTERVAL && !cp_rule_in_force_julian (rule, day))
    return FALSE;
  if (cp_rule_get_first_review (rule) != NULL)
    {
      guint32 held = first_review_held (run, rule, day);
      gboolean after = g_strcmp0 (cp_rule_get_first_review (rule), "after") == 0;

      if (due == 0 ? after != (held != 0 && held <= day)
                   : after ? held == 0 || held > due : held != 0 && held < due)
        return FALSE;
    }
  if (cp_rule_get_legal_statuses (rule) != NULL &&
      !legal_status_listed (rule, legal_status_on (run, day, &start)))
    return FALSE;
  /* A placement type the rule leaves out; with no placement on the day
   * the rule still applies (the earlier reading). */
  if (cp_rule_get_excluded_placements (rule) != NULL &&
      placement_type_excluded (rule, placement_on (run, day, &start)))
    return FALSE;
  if (cp_rule_get_placements (rule) == NULL && cp_rule_get_min_months (rule) == 0 &&
      cp_rule_get_max_months (rule) == 0 && !cp_rule_get_long_term_only (rule) &&
      !cp_rule_get_short_term_only (rule) && !cp_rule_get_intended_until_18_only (rule) &&
      cp_rule_get_recorded (rule) == NULL)
    return TRUE;
  p = placement_on (run, day, &start);
  if (p == NULL || !placement_type_listed (rule, p))
    return FALSE;
  if (cp_rule_get_long_term_only (rule) && !cp_placement_get_long_term (p))
    return FALSE;
  if (cp_rule_get_short_term_only (rule) && cp_placement_get_long_term (p))
    return FALSE;
  if (cp_rule_get_intended_until_18_only (rule) && !cp_placement_get_intended_until_18 (p))
    return FALSE;
  if (!recorded_by (run, rule, start, day))
    return FALSE;
  months = cp_julian_months_between (start, day);
  if (months < cp_rule_get_min_months (rule))
    return FALSE;
  if (cp_rule_get_max_months (rule) > 0 && months >= cp_rule_get_max_months (rule))
    return FALSE;
  return TRUE;
}

static const char *
duty_words (CpDuty duty)
{
  return cp_enum_to_nick (CP_TYPE_DUTY, duty);
}

/* The day of review @seq: held if held, else the day it is booked for,
 * else its due date from the review obligations already worked out; 0 if
 * none is known. */
static guint32
review_day (Run *run, int seq)
{
  CpReview *review = cp_case_get_review (run->kase, seq);
  guint32 day = 0;

  if (review != NULL && known (run, cp_review_get_held (review)) != 0)
    return known (run, cp_review_get_held (review));
  if (review != NULL && cp_engine_julian (cp_review_get_scheduled (review)) != 0)
    return cp_engine_julian (cp_review_get_scheduled (review));

  for (guint i = 0; i < run->out->len; i++)
    {
      const CpObligationData *o = &g_array_index (run->out, CpObligationData, i);
      guint32 d;

      if (o->review != seq || cp_rule_get_duty (o->rule) != CP_DUTY_REVIEW)
        continue;
      d = o->met != 0 ? o->met : o->due;
      if (d != 0 && (day == 0 || d < day))
        day = d;
    }
  return day;
}

/* The first review (1, 2, ...) on or after @from, and its day. */
static int
first_review_from (Run *run, guint32 from, guint32 *day)
{
  for (int seq = 1; seq < 10000; seq++)
    {
      guint32 d = review_day (run, seq);

      if (d == 0)
        return 0;
      if (d >= from)
        {
          *day = d;
          return seq;
        }
    }
  return 0;
}

/* A version that `lapses` saves nothing when it ends: a duty that arose
 * under it and is due after its last day is due by the later of that day
 * and the date the next version gives from the same day, if earlier. */
static gboolean
lapse (Run *run, CpRule *rule, guint32 from, int sign, guint32 *due, GString *why)
{
  guint32 last = cp_engine_julian (cp_rule_get_in_force_until (rule)), then;
  CpRule *next;
  char a[16], b[16];

  if (!cp_rule_get_lapses (rule) || last == 0 || *due <= last)
    return TRUE;
  next = cp_policy_version_on (run->policy, cp_rule_get_key (rule), last + 1);
  if (next == NULL || cp_rule_get_kind (next) != cp_rule_get_kind (rule))
    return TRUE;
  if (!shift_activity (run, next, from, sign, &then))
    return FALSE;
  then = MAX (then, last);
  if (then >= *due)
    return TRUE;
  *due = then;
  cp_text_append (why, "; that version ended on %s and nothing of it is saved, so due by %s",
                  cp_engine_iso (last, a), cp_engine_iso (then, b));
  return TRUE;
}

static gboolean
activity_for_anchor (Run *run, CpRule *rule, guint32 from, guint32 until, const char *subject,
                     const char *anchor_name, GArray *days)
{
  g_autoptr(CpScratch) why = cp_scratch_new ();
  int sign = cp_rule_get_direction (rule) == CP_DIRECTION_BEFORE ? -1 : 1;
  guint32 due, met;

  if (!shift_activity (run, rule, from, sign, &due))
    return FALSE;
  cp_engine_append_reason (why, rule, sign < 0 ? "before" : "from", anchor_name, from);
  if (cp_rule_get_unit (rule) == CP_UNIT_HOURS)
    g_string_append (why, ", read in whole days (the last day wholly inside them, whatever the hour)");
  /* One extension, recorded before the deadline passed, moves it once. */
  if (cp_rule_get_extension (rule) > 0)
    {
      g_autoptr(GArray) extended = activity_days (run, CP_DUTY_APPROVAL_EXTENDED, from);
      guint32 on = first_between (extended, from, until);

      if (on != 0 && on <= due)
        {
          char buf[16];

          if (!cp_calendar_add_julian (run->calendar, due, cp_rule_get_extension (rule), cp_rule_get_unit (rule),
                                       &due, run->error))
            return FALSE;
          cp_text_append (why, ", extended once on %s by %d more", cp_engine_iso (on, buf),
                          cp_rule_get_extension (rule));
        }
    }
  if (!lapse (run, rule, from, sign, &due, why))
    return FALSE;
  /* Done on or after the day care began (or the anchor, for a placement,
   * a temporary approval, a legal status, an activity or what follows an
   * event), and for a placement before it ended. */
  met = first_between (days, cp_rule_get_anchor (rule) == CP_ANCHOR_PLACEMENT ||
                             cp_rule_get_anchor (rule) == CP_ANCHOR_TEMPORARY_APPROVAL ||
                             cp_rule_get_anchor (rule) == CP_ANCHOR_LEGAL_STATUS ||
                             cp_rule_get_anchor (rule) == CP_ANCHOR_ACTIVITY ||
                             (cp_rule_get_anchor (rule) == CP_ANCHOR_EVENT && sign > 0) ? from : run->looked_after,
                       until);
  if (met == 0 && until != 0 && until <= due)
    {
      char buf[16];
      emit_not_applicable (run, rule, subject, 0,
                           cp_text_printf ("not applicable: the %s ended (%s) before it was due",
                                           cp_rule_get_anchor (rule) == CP_ANCHOR_LEGAL_STATUS ? "legal status"
                                                                                               : "placement",
                                           cp_engine_iso (until, buf)));
      return TRUE;
    }
  return emit (run, rule, subject, 0, due, 0, met, why);
}

/* When the young person is eligible, and when the leaving-care duties
 * end (docs/policy-format.md, `leaving-care-status`). */
static gboolean
leaving_care_days (Run *run)
{
  CpRule *rule = leaving_care_rule (run->policy);

  if (rule == NULL || run->birth == 0)
    return TRUE;
  if (!eligible_from (run->calendar, run->policy, run->kase, run->birth, run->looked_after,
                      run->ceased, &run->eligible, run->error))
    return FALSE;
  run->duties_end = duties_end (run->kase, rule, run->birth, run->today);
  return TRUE;
}

/* The duty named by a rule's `from_duty` or `unless_done` (checked when
 * the profile was loaded). */
static CpDuty
duty_named (const char *nick)
{
  GEnumValue *v = g_enum_get_value_by_nick (enum_class (CP_TYPE_DUTY), nick);

  return v != NULL ? (CpDuty) v->value : CP_DUTY_CARE_PLAN;
}

/* Whether the rule's `unless_done` duty was done before @day: then it does
 * not apply, and says so. */
static gboolean
done_before (Run *run, CpRule *rule, guint32 day, const char *subject)
{
  const char *unless = cp_rule_get_unless_done (rule);
  g_autoptr(GArray) days = NULL;
  char buf[16];

  if (unless == NULL || day == 0)
    return FALSE;
  /* Activities and sub-plans of the care plan alike. */
  days = activity_days (run, duty_named (unless), run->looked_after);
  if (first_between (days, run->looked_after, day) == 0)
    return FALSE;
  emit_not_applicable (run, rule, subject, 0,
                       cp_text_printf ("not applicable: a %s was done before %s", unless, cp_engine_iso (day, buf)));
  return TRUE;
}

/* A duty before an activity of another duty (a personal adviser's visit
 * before each pathway plan review): due @rule's timescale before @day, met
 * by the first one done from @lower on. */
static gboolean
activity_before (Run *run, CpRule *rule, guint32 day, guint32 lower, const char *subject,
                 const char *anchor_name, GArray *days)
{
  g_autoptr(CpScratch) why = cp_scratch_new ();
  guint32 due;

  if (!shift_activity (run, rule, day, -1, &due))
    return FALSE;
  cp_engine_append_reason (why, rule, "before", anchor_name, day);
  if (lower > run->looked_after)
    {
      char buf[16];
      cp_text_append (why, "; done since %s", cp_engine_iso (lower, buf));
    }
  return emit (run, rule, subject, 0, due, 0, first_between (days, lower, 0), why);
}

/* An activity rule counted from each activity of its `from_duty` (each
 * time accommodation is provided, each notice of education or training,
 * each pathway plan review): within the timescale of it, or before it
 * and after the one before. With `since_duty`, only those on or after the
 * first activity of that duty count. */
static gboolean
activities_from_activities (Run *run, CpRule *rule, const char *what, GArray *days)
{
  const char *from_nick = cp_rule_get_from_duty (rule);
  const char *since = cp_rule_get_since_duty (rule);
  g_autoptr(GArray) froms = activity_days (run, duty_named (from_nick), 0);
  guint32 opened = 0, prev = 0;

  if (since != NULL)
    {
      g_autoptr(GArray) first = activity_days (run, duty_named (since), 0);

      if (first->len == 0)
        return TRUE;
      opened = g_array_index (first, guint32, 0);
    }
  for (guint i = 0; i < froms->len; i++)
    {
      guint32 day = g_array_index (froms, guint32, i);
      g_autofree char *subject = NULL;
      char buf[16];
      gboolean ok;

      if (day < opened || day == prev)
        continue;
      subject = cp_text_printf (cp_rule_get_direction (rule) == CP_DIRECTION_BEFORE ? "%s before %s %s"
                                                                                    : "%s after %s %s",
                                what, from_nick, cp_engine_iso (day, buf));
      if (done_before (run, rule, day, subject))
        ok = TRUE;
      else if (cp_rule_get_direction (rule) == CP_DIRECTION_BEFORE)
        ok = activity_before (run, rule, day, MAX (MAX (prev + (prev != 0), opened), run->looked_after),
                              subject, from_nick, days);
      else
        ok = activity_for_anchor (run, rule, day, 0, subject, from_nick, days);
      if (!ok)
        return FALSE;
      prev = day;
    }
  return TRUE;
}

/* One-off activities: the first visit of a placement, the initial health
 * assessment, the pathway plan by 16 years and 3 months, ... */
static gboolean
run_activities (Run *run)
{
  GPtrArray *rules = cp_policy_rules_of_kind (run->policy, CP_RULE_KIND_ACTIVITY);
  guint32 eligible = run->eligible;

  for (guint r = 0; r < rules->len; r++)
    {
      CpRule *rule = rules->pdata[r];
      CpDuty duty = cp_rule_get_duty (rule);
      g_autoptr(GArray) days = activity_days (run, duty, 0);
      const char *what = duty_words (duty);

      switch (cp_rule_get_anchor (rule))
        {
        case CP_ANCHOR_LOOKED_AFTER:
          if (!in_force (run, rule, run->looked_after) || !conditions_hold (run, rule, run->looked_after, 0))
            continue;
          if (!activity_for_anchor (run, rule, run->looked_after, 0, what, "looked-after", days))
            return FALSE;
          break;

        case CP_ANCHOR_PLACEMENT:
        case CP_ANCHOR_TEMPORARY_APPROVAL:
          {
            guint n_placements;
            CpPlacement *const *placements = cp_case_peek_placements (run->kase, &n_placements);

            for (guint i = 0; i < n_placements; i++)
              {
                CpPlacement *p = placements[i];
                g_autofree char *subject = cp_text_printf ("placement %u", i + 1);
                guint32 start = known (run, cp_placement_get_start (p));
                guint32 end = known (run, cp_placement_get_end (p));
                guint32 from = start;
                const char *from_name = "the placement start";

                if (start == 0)
                  break;
                /* From the temporary approval where the case records it;
                 * otherwise from the start, as if given that day. */
                if (cp_rule_get_anchor (rule) == CP_ANCHOR_TEMPORARY_APPROVAL)
                  {
                    guint32 approved = known (run, cp_placement_get_temporary_approval (p));

                    from = approved != 0 ? approved : start;
                    from_name = approved != 0 ? "the temporary approval"
                                              : "the placement start (no temporary approval date recorded)";
                  }
                if ((cp_rule_get_emergency_only (rule) && !cp_placement_get_emergency (p)) ||
                    !placement_type_listed (rule, p) || !in_force (run, rule, from) ||
                    !conditions_hold (run, rule, start, 0))
                  continue;
                if (!activity_for_anchor (run, rule, from, end, subject, from_name, days))
                  return FALSE;
              }
          }
          break;

        case CP_ANCHOR_LEGAL_STATUS:
          {
            /* One for each period of a listed status (the making of an
             * order), if the other conditions hold that day. */
            guint n_statuses;
            CpLegalStatus *const *statuses = cp_child_peek_legal_statuses (cp_case_get_child (run->kase), &n_statuses);

            for (guint i = 0; i < n_statuses; i++)
              {
                CpLegalStatus *ls = statuses[i];
                const char *nick = cp_enum_to_nick (CP_TYPE_LEGAL_STATUS_KIND, cp_legal_status_get_status (ls));
                g_autofree char *subject = cp_text_printf ("legal status %u", i + 1);
                g_autofree char *anchor = cp_text_printf ("the %s", nick);
                guint32 start = known (run, cp_legal_status_get_start (ls));
                guint32 end = known (run, cp_legal_status_get_end (ls));

                if (start == 0 || !g_strv_contains (cp_rule_get_legal_statuses (rule), nick) ||
                    !conditions_hold (run, rule, start, 0))
                  continue;
                if (!activity_for_anchor (run, rule, start, end, subject, anchor, days))
                  return FALSE;
              }
          }
          break;

        case CP_ANCHOR_BIRTH:
          {
            g_autoptr(CpScratch) why = cp_scratch_new ();
            guint32 due = cp_julian_add_months (run->birth, cp_rule_get_quantity (rule));
            char buf[16];

            if (cp_rule_get_unit (rule) != CP_UNIT_MONTHS)
              {
                if (!shift (run, rule, run->birth, 1, &due))
                  return FALSE;
              }
            if (run->looked_after > due && !cp_rule_get_eligible_only (rule))
              {
                emit_not_applicable (run, rule, what, 0,
                                     cp_text_printf ("not applicable: the child was not looked after at that age (%s)",
                                                     cp_engine_iso (due, buf)));
                continue;
              }
            cp_engine_append_reason (why, rule, "from", "birth", run->birth);
            if (cp_rule_get_eligible_only (rule))
              {
                if (eligible == 0)
                  {
                    emit_not_applicable (run, rule, what, 0,
                                         g_strdup ("not applicable: the child is not eligible for leaving-care support"));
                    continue;
                  }
                if (eligible > due)
                  {
                    due = eligible;
                    cp_text_append (why, "; the child is eligible only from %s, so due then",
                                    cp_engine_iso (eligible, buf));
                  }
              }
            if (!emit (run, rule, what, 0, due, 0, first_between (days, 0, 0), why))
              return FALSE;
          }
          break;

        case CP_ANCHOR_REVIEW:
          {
            g_autoptr(CpScratch) why = cp_scratch_new ();
            int sign = cp_rule_get_direction (rule) == CP_DIRECTION_BEFORE ? -1 : 1;
            int seq = 0;
            guint32 day = 0, due;
            g_autofree char *anchor = NULL;

            switch (cp_rule_get_slot (rule))
              {
              case CP_REVIEW_SLOT_FIRST: seq = 1; break;
              case CP_REVIEW_SLOT_SECOND: seq = 2; break;
              case CP_REVIEW_SLOT_SUBSEQUENT: seq = 3; break;
              case CP_REVIEW_SLOT_ANY:
              case CP_REVIEW_SLOT_LATER:
              default:
                seq = first_review_from (run, cp_julian_add_months (run->birth, cp_rule_get_min_age_months (rule)), &day);
                break;
              }
            if (seq == 0)
              continue;
            day = review_day (run, seq);
            if (day == 0)
              continue;
            {
              CpPlacement *p = placement_on (run, day, &due);

              if (!placement_type_listed (rule, p) || placement_type_excluded (rule, p))
                continue;
            }
            /* The other conditions (a legal status) hold on the review's day. */
            if (!conditions_hold (run, rule, day, 0))
              continue;
            if (!shift_activity (run, rule, day, sign, &due))
              return FALSE;
            anchor = cp_text_printf ("review %d", seq);
            cp_engine_append_reason (why, rule, sign < 0 ? "before" : "from", anchor, day);
            /* "Between the first and second reviews": only what was done
             * since the review before it counts. */
            if (cp_rule_get_since_previous_review (rule))
              {
                guint32 opens = review_day (run, seq - 1);
                char buf[16];

                if (opens == 0)
                  continue;
                cp_text_append (why, ", done on or after review %d (%s)", seq - 1, cp_engine_iso (opens, buf));
                if (!emit (run, rule, what, seq, due, opens, first_between (days, opens, 0), why))
                  return FALSE;
                break;
              }
            if (duty == CP_DUTY_PERMANENCE_PLAN && cp_case_get_permanence_plan (run->kase) != NULL &&
                !permanence_plan_complete (cp_case_get_permanence_plan (run->kase)))
              g_string_append (why, "; the permanence plan recorded lacks measurable milestones or a contingency");
            if (!emit (run, rule, what, seq, due, 0, first_between (days, run->looked_after, 0), why))
              return FALSE;
          }
          break;

        case CP_ANCHOR_EVENT:
          /* Each event of the rule's kind known by today (a concern about
           * a placement's stability, a return home). */
          for (guint i = 0; i < run->events->len; i++)
            {
              const Event *ev = &g_array_index (run->events, Event, i);
              g_autofree char *subject = NULL;
              char buf[16];

              if (ev->kind != cp_rule_get_event (rule) || !conditions_hold (run, rule, ev->date, 0))
                continue;
              subject = cp_text_printf ("%s %s", cp_enum_to_nick (CP_TYPE_EVENT_KIND, ev->kind),
                                        cp_engine_iso (ev->date, buf));
              if (!activity_for_anchor (run, rule, ev->date, 0, subject,
                                        cp_enum_to_nick (CP_TYPE_EVENT_KIND, ev->kind), days))
                return FALSE;
            }
          break;

        case CP_ANCHOR_PERMANENCE_PLAN:
          {
            CpPermanencePlan *perm = cp_case_get_permanence_plan (run->kase);
            guint32 agreed = perm ? known (run, cp_permanence_plan_get_agreed_on (perm)) : 0;

            if (agreed == 0)
              continue;
            if (!activity_for_anchor (run, rule, agreed, 0, what, "the permanence plan", days))
              return FALSE;
          }
          break;

        case CP_ANCHOR_ELIGIBLE:
          if (eligible == 0)
            {
              emit_not_applicable (run, rule, what, 0,
                                   g_strdup ("not applicable: the child is not eligible for leaving-care support"));
              continue;
            }
          if (!activity_for_anchor (run, rule, eligible, 0, what, "becoming eligible (or the age it counts from)",
                                    days))
            return FALSE;
          break;

        case CP_ANCHOR_LEFT_CARE:
          /* Only for a young person relevant on leaving: eligible, and
           * leaving before the age that ends the status. */
          if (run->ceased == 0 || eligible == 0 ||
              run->ceased >= cp_julian_add_months (run->birth,
                                                   cp_rule_get_relevant_until_months (leaving_care_rule (run->policy))))
            continue;
          if (done_before (run, rule, run->ceased, what))
            continue;
          if (!activity_for_anchor (run, rule, run->ceased, 0, what, "leaving care", days))
            return FALSE;
          break;

        case CP_ANCHOR_ACTIVITY:
          if (!activities_from_activities (run, rule, what, days))
            return FALSE;
          break;

        default:
          g_assert_not_reached ();
        }
    }
  return TRUE;
}

/* Where the chain of an interval duty starts: the named activity rule's
 * done (or due) day, the permanence plan, or the day care began. */
static guint32
chain_start (Run *run, CpRule *rule)
{
  if (cp_rule_get_anchor (rule) == CP_ANCHOR_PERMANENCE_PLAN)
    {
      CpPermanencePlan *perm = cp_case_get_permanence_plan (run->kase);
      return perm ? known (run, cp_permanence_plan_get_agreed_on (perm)) : 0;
    }
  if (cp_rule_get_anchor (rule) == CP_ANCHOR_RULE)
    {
      /* The rule it follows, by its key: whichever version of it the
       * obligation followed (a key may have versions in force at
       * different times). */
      const char *key = cp_rule_get_after (rule);

      for (guint i = 0; key != NULL && i < run->out->len; i++)
        {
          const CpObligationData *o = &g_array_index (run->out, CpObligationData, i);

          if (strcmp (cp_rule_get_key (o->rule), key) == 0)
            return o->met;
        }
      return 0;
    }
  return run->looked_after;
}

/* Whether @rule is set aside by another rule that applies (in @applies). */
static gboolean
replaced (GPtrArray *rules, const gboolean *applies, CpRule *rule)
{
  for (guint i = 0; i < rules->len; i++)
    {
      const char * const *replaces = cp_rule_get_replaces (rules->pdata[i]);

      if (applies[i] && replaces != NULL && g_strv_contains (replaces, cp_rule_get_key (rule)))
        return TRUE;
    }
  return FALSE;
}

/* The shortest applicable interval from @day, or FALSE if none applies. */
static gboolean
next_due (Run *run, GPtrArray *rules, guint32 day, guint32 *due, CpRule **which)
{
  /* A duty has a handful of rules: no allocation on this hot path. */
  gboolean applies_buf[16];
  guint32 dues_buf[16];
  g_autofree gboolean *applies_heap = rules->len > 16 ? g_new0 (gboolean, rules->len) : NULL;
  g_autofree guint32 *dues_heap = rules->len > 16 ? g_new0 (guint32, rules->len) : NULL;
  gboolean *applies = applies_heap ? applies_heap : applies_buf;
  guint32 *dues = dues_heap ? dues_heap : dues_buf;
  gboolean found = FALSE;

  for (guint i = 0; i < rules->len; i++)
    {
      CpRule *rule = rules->pdata[i];

      if (!shift (run, rule, day, 1, &dues[i]))
        return FALSE;
      applies[i] = conditions_hold (run, rule, day, dues[i]);
    }
  for (guint i = 0; i < rules->len; i++)
    {
      if (!applies[i] || replaced (rules, applies, rules->pdata[i]))
        continue;
      if (!found || dues[i] < *due)
        {
          *due = dues[i];
          *which = rules->pdata[i];
          found = TRUE;
        }
    }
  return found;
}

/* Repeated duties: the gaps between recorded activities that ran past the
 * interval, and when the next one is due. */
static gboolean
run_intervals (Run *run)
{
  GPtrArray *all = cp_policy_rules_of_kind (run->policy, CP_RULE_KIND_INTERVAL);
  g_autoptr(GHashTable) done = g_hash_table_new (NULL, NULL);
  GPtrArray *one_offs = cp_policy_rules_of_kind (run->policy, CP_RULE_KIND_ACTIVITY);

  for (guint r = 0; r < all->len; r++)
    {
      CpRule *first = all->pdata[r];
      CpDuty duty = cp_rule_get_duty (first);
      g_autoptr(GPtrArray) rules = g_ptr_array_new ();
      g_autoptr(GArray) days = NULL;
      g_autofree char *subject = NULL;
      gboolean has_one_off = FALSE;
      guint32 start, last, due = 0;
      CpRule *which = NULL;
      char buf[16];

      if (g_hash_table_contains (done, GINT_TO_POINTER (duty)))
        continue;
      g_hash_table_add (done, GINT_TO_POINTER (duty));
      for (guint i = r; i < all->len; i++)
        if (cp_rule_get_duty (all->pdata[i]) == duty)
          g_ptr_array_add (rules, all->pdata[i]);
      for (guint i = 0; i < one_offs->len; i++)
        has_one_off |= cp_rule_get_duty (one_offs->pdata[i]) == duty;

      start = chain_start (run, first);
      if (start == 0)
        continue;
      /* "At least once in any 12 months": one done before care began
       * starts the count where the profile says so. */
      if (cp_rule_get_before_care (first) && !has_one_off && cp_rule_get_anchor (first) == CP_ANCHOR_NONE)
        {
          g_autoptr(GArray) ever = activity_days (run, duty, 0);
          guint32 before = 0;

          for (guint i = 0; i < ever->len && g_array_index (ever, guint32, i) < start; i++)
            before = g_array_index (ever, guint32, i);
          if (before != 0)
            start = before;
        }
      days = activity_days (run, duty, start);
      /* Where a one-off rule says when the first is due (the first visit of
       * a placement), the intervals run from the first one done. */
      if (has_one_off && cp_rule_get_anchor (first) == CP_ANCHOR_NONE)
        {
          if (days->len == 0)
            continue;
          start = g_array_index (days, guint32, 0);
        }

      last = start;
      for (guint i = 0; i <= days->len; i++)
        {
          guint32 next = i < days->len ? g_array_index (days, guint32, i) : 0;

          if (next != 0 && next == last)
            continue;
          if (!next_due (run, rules, last, &due, &which))
            {
              if (run->error && *run->error)
                return FALSE;
              if (next == 0)
                break;
              last = next;
              continue;
            }
          if (next != 0 && next <= due)
            {
              last = next;
              continue;
            }
          {
            g_autoptr(CpScratch) why = cp_scratch_new ();

            cp_engine_append_reason (why, which, "after", last == start && i == 0 ? "the start" : "the last one", last);
            g_free (subject);
            subject = next != 0 ? cp_text_printf ("%s after %s", duty_words (duty), cp_engine_iso (last, buf))
                                : cp_text_printf ("next %s", duty_words (duty));
            if (!emit (run, which, subject, 0, due, 0, next, why))
              return FALSE;
          }
          if (next == 0)
            break;
          last = next;
        }
    }
  return TRUE;
}

/* Permanence milestones by their targets; one past it, not achieved, with
 * no reason recorded is drift. */
static gboolean
run_milestones (Run *run)
{
  GPtrArray *rules = cp_policy_rules_of_kind (run->policy, CP_RULE_KIND_MILESTONE);
  CpPermanencePlan *perm = cp_case_get_permanence_plan (run->kase);
  CpMilestone *const *milestones;
  guint n_milestones;

  if (perm == NULL || rules->len == 0)
    return TRUE;
  milestones = cp_permanence_plan_peek_milestones (perm, &n_milestones);
  for (guint r = 0; r < rules->len; r++)
    for (guint i = 0; i < n_milestones; i++)
      {
        CpRule *rule = rules->pdata[r];
        CpMilestone *m = milestones[i];
        g_autoptr(CpScratch) why = cp_scratch_new ();
        g_autofree char *subject = cp_text_printf ("milestone %u", i + 1);
        guint32 target = cp_engine_julian (cp_milestone_get_target (m));
        guint32 met = known (run, cp_milestone_get_achieved (m));
        gboolean reason = cp_milestone_get_delay_reason (m) != NULL;
        guint32 due;

        if (target == 0)
          continue;
        if (!shift (run, rule, target, 1, &due))
          return FALSE;
        cp_engine_append_reason (why, rule, "from", "its target", target);
        if (met == 0 && run->today > due)
          g_string_append (why, reason ? "; a reason for the delay is recorded"
                                       : "; no reason for the delay is recorded: drift");
        if (!emit (run, rule, subject, 0, due, 0, met, why))
          return FALSE;
        if (met == 0 && run->today > due && !reason &&
            last_out (run)->status == CP_OBLIGATION_STATUS_OVERDUE)
          last_out (run)->drift = TRUE;
      }
  return TRUE;
}

static int
compare_events (gconstpointer a, gconstpointer b)
{
  const Event *x = a, *y = b;
  return x->date < y->date ? -1 : x->date > y->date;
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
  g_autoptr(GArray) events = g_array_new (FALSE, FALSE, sizeof (Event));
  CpCaseEvent *const *events_in;
  CpPlacement *const *placements;
  CpReview *const *reviews;
  guint n_list;
  CpCarePlan *care_plan;
  Run run = {
    .policy = policy,
    .calendar = calendar,
    .kase = kase,
    .today = g_date_get_julian (date),
    .looked_after = cp_engine_julian (cp_child_get_looked_after_since (cp_case_get_child (kase))),
    .ceased = 0,
    .birth = cp_engine_julian (cp_child_get_birth_date (cp_case_get_child (kase))),
    .events = events,
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
  run.ceased = known (&run, cp_child_get_ceased_on (cp_case_get_child (kase)));
  if (!leaving_care_days (&run))
    return NULL;

  events_in = cp_case_peek_events (kase, &n_list);
  for (guint i = 0; i < n_list; i++)
    {
      CpCaseEvent *e = events_in[i];
      Event ev = { cp_case_event_get_kind (e), known (&run, cp_case_event_get_date (e)),
                   cp_case_event_get_iro_agreed (e) };
      if (ev.date != 0)
        g_array_append_val (events, ev);
    }
  placements = cp_case_peek_placements (kase, &n_list);
  for (guint i = 1; i < n_list; i++)
    {
      CpPlacement *p = placements[i];
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
          Event ev = { CP_EVENT_KIND_DECISIONS_NOT_CARRIED_OUT, due + 1, FALSE };

          if (due == 0 || cp_recommendation_get_status (rec) == CP_RECOMMENDATION_STATUS_WITHDRAWN ||
              (done != 0 && done <= due) || ev.date > run.today)
            continue;
          g_array_append_val (events, ev);
        }
    }
  g_array_sort (events, compare_events);

  if (!run_deadlines (&run) || !run_reviews (&run) || !run_disputes (&run) ||
      !run_activities (&run) || !run_intervals (&run) || !run_milestones (&run))
    return NULL;
  *strings = g_steal_pointer (&chunk);
  return g_steal_pointer (&out);
}
