/* cp-engine-visits.c: visits and other activities: one-off duties and intervals
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Rules of kind `activity` (one-off duties counted from an anchor: the
 * first visit of a placement, the initial health assessment, the pathway
 * plan) and `interval` (duties repeated with at most so long between:
 * visits, health assessments, reviews of plans).
 */

#include "config.h"

#include <string.h>

#include "cp-text-private.h"
#include "cp-calendar-private.h"
#include "cp-date-private.h"
#include "cp-engine-run-private.h"
#include "cp-error-private.h"
#include "cp-case-private.h"
#include "cp-child-private.h"
#include "cp-care-plan-private.h"
#include "cp-permanence-plan-private.h"
#include "cp-record-private.h"

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
activity_days (CpEngineRun *run, CpDuty duty, guint32 from)
{
  GArray *days = g_array_new (FALSE, FALSE, sizeof (guint32));
  CpCarePlan *care_plan = cp_case_get_care_plan (run->kase);
  CpSubPlanKind sub_kind = duty == CP_DUTY_PATHWAY_PLAN ? CP_SUB_PLAN_KIND_PATHWAY_PLAN
                           : duty == CP_DUTY_PEP_REVIEW ? CP_SUB_PLAN_KIND_PEP
                           : duty == CP_DUTY_HEALTH_ASSESSMENT ? CP_SUB_PLAN_KIND_HEALTH_PLAN
                           : (CpSubPlanKind) -1;

  for (guint i = 0; i < run->activities->len; i++)
    {
      const CpEngineActivity *a = &g_array_index (run->activities, CpEngineActivity, i);

      if (a->duty == duty && a->day >= from)
        g_array_append_val (days, a->day);
    }
  if (care_plan != NULL && (int) sub_kind >= 0)
    {
      guint n_subs;
      CpSubPlan *const *subs = cp_care_plan_peek_sub_plans (care_plan, &n_subs);

      for (guint i = 0; i < n_subs; i++)
        {
          CpSubPlan *sp = subs[i];
          guint32 dates[2] = { cp_engine_known (run, cp_sub_plan_get_completed (sp)),
                               cp_engine_known (run, cp_sub_plan_get_last_reviewed (sp)) };

          if (cp_sub_plan_get_kind (sp) != sub_kind)
            continue;
          for (guint d = 0; d < 2; d++)
            if (dates[d] != 0 && dates[d] >= from)
              g_array_append_val (days, dates[d]);
        }
    }
  if (duty == CP_DUTY_PERMANENCE_PLAN && permanence_plan_complete (cp_case_get_permanence_plan (run->kase)))
    {
      guint32 day = cp_engine_known (run, cp_permanence_plan_get_agreed_on (cp_case_get_permanence_plan (run->kase)));
      if (day != 0 && day >= from)
        g_array_append_val (days, day);
    }
  g_array_sort (days, (GCompareFunc) cp_engine_compare_julian);
  return days;
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
shift_activity (CpEngineRun *run, CpRule *rule, guint32 from, int sign, guint32 *out)
{
  if (cp_rule_get_unit (rule) == CP_UNIT_HOURS)
    return cp_calendar_add_julian (run->calendar, from, hours_in_whole_days (cp_rule_get_quantity (rule), sign),
                                   CP_UNIT_CALENDAR_DAYS, out, run->error);
  return cp_engine_shift (run, rule, from, sign, out);
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
review_day (CpEngineRun *run, int seq)
{
  CpReview *review = cp_case_get_review (run->kase, seq);
  guint32 day = 0;

  if (review != NULL && cp_engine_known (run, cp_review_get_held (review)) != 0)
    return cp_engine_known (run, cp_review_get_held (review));
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
first_review_from (CpEngineRun *run, guint32 from, guint32 *day)
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
lapse (CpEngineRun *run, CpRule *rule, guint32 from, int sign, guint32 *due, GString *why)
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
activity_for_anchor (CpEngineRun *run, CpRule *rule, guint32 from, guint32 until, const char *subject,
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
      cp_engine_emit_not_applicable (run, rule, subject, 0,
                                     cp_text_printf ("not applicable: the %s ended (%s) before it was due",
                                                     cp_rule_get_anchor (rule) == CP_ANCHOR_LEGAL_STATUS ? "legal status"
                                                                                                         : "placement",
                                                     cp_engine_iso (until, buf)));
      return TRUE;
    }
  return cp_engine_emit (run, rule, subject, 0, due, 0, met, why);
}

/* The duty named by a rule's `from_duty` or `unless_done` (checked when
 * the profile was loaded). */
static CpDuty
duty_named (const char *nick)
{
  GEnumValue *v = g_enum_get_value_by_nick (cp_engine_enum_class (CP_TYPE_DUTY), nick);

  return v != NULL ? (CpDuty) v->value : CP_DUTY_CARE_PLAN;
}

/* Whether the rule's `unless_done` duty was done before @day: then it does
 * not apply, and says so. */
static gboolean
done_before (CpEngineRun *run, CpRule *rule, guint32 day, const char *subject)
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
  cp_engine_emit_not_applicable (run, rule, subject, 0,
                                 cp_text_printf ("not applicable: a %s was done before %s", unless, cp_engine_iso (day, buf)));
  return TRUE;
}

/* A duty before an activity of another duty (a personal adviser's visit
 * before each pathway plan review): due @rule's timescale before @day, met
 * by the first one done from @lower on. */
static gboolean
activity_before (CpEngineRun *run, CpRule *rule, guint32 day, guint32 lower, const char *subject,
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
  return cp_engine_emit (run, rule, subject, 0, due, 0, first_between (days, lower, 0), why);
}

/* An activity rule counted from each activity of its `from_duty` (each
 * time accommodation is provided, each notice of education or training,
 * each pathway plan review): within the timescale of it, or before it
 * and after the one before. With `since_duty`, only those on or after the
 * first activity of that duty count. */
static gboolean
activities_from_activities (CpEngineRun *run, CpRule *rule, const char *what, GArray *days)
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

/* An activity rule counted from each placement (or its temporary approval). */
static gboolean
activities_from_placements (CpEngineRun *run, CpRule *rule, GArray *days)
{
  guint n_placements;
  CpPlacement *const *placements = cp_case_peek_placements (run->kase, &n_placements);

  for (guint i = 0; i < n_placements; i++)
    {
      CpPlacement *p = placements[i];
      g_autofree char *subject = cp_text_printf ("placement %u", i + 1);
      guint32 start = cp_engine_known (run, cp_placement_get_start (p));
      guint32 end = cp_engine_known (run, cp_placement_get_end (p));
      guint32 from = start;
      const char *from_name = "the placement start";

      if (start == 0)
        break;
      /* From the temporary approval where the case records it;
       * otherwise from the start, as if given that day. */
      if (cp_rule_get_anchor (rule) == CP_ANCHOR_TEMPORARY_APPROVAL)
        {
          guint32 approved = cp_engine_known (run, cp_placement_get_temporary_approval (p));

          from = approved != 0 ? approved : start;
          from_name = approved != 0 ? "the temporary approval"
                                    : "the placement start (no temporary approval date recorded)";
        }
      if ((cp_rule_get_emergency_only (rule) && !cp_placement_get_emergency (p)) ||
          !cp_engine_placement_type_listed (rule, p) || !cp_engine_in_force (run, rule, from) ||
          !cp_engine_conditions_hold (run, rule, start, 0))
        continue;
      if (!activity_for_anchor (run, rule, from, end, subject, from_name, days))
        return FALSE;
    }
  return TRUE;
}

/* An activity rule counted from each period of a listed legal status (the
 * making of an order), if the other conditions hold that day. */
static gboolean
activities_from_legal_statuses (CpEngineRun *run, CpRule *rule, GArray *days)
{
  guint n_statuses;
  CpLegalStatus *const *statuses = cp_child_peek_legal_statuses (cp_case_get_child (run->kase), &n_statuses);

  for (guint i = 0; i < n_statuses; i++)
    {
      CpLegalStatus *ls = statuses[i];
      const char *nick = cp_enum_to_nick (CP_TYPE_LEGAL_STATUS_KIND, cp_legal_status_get_status (ls));
      g_autofree char *subject = cp_text_printf ("legal status %u", i + 1);
      g_autofree char *anchor = cp_text_printf ("the %s", nick);
      guint32 start = cp_engine_known (run, cp_legal_status_get_start (ls));
      guint32 end = cp_engine_known (run, cp_legal_status_get_end (ls));

      if (start == 0 || !g_strv_contains (cp_rule_get_legal_statuses (rule), nick) ||
          !cp_engine_conditions_hold (run, rule, start, 0))
        continue;
      if (!activity_for_anchor (run, rule, start, end, subject, anchor, days))
        return FALSE;
    }
  return TRUE;
}

/* An activity rule counted from birth: by an age. */
static gboolean
activity_from_birth (CpEngineRun *run, CpRule *rule, const char *what, GArray *days)
{
  g_autoptr(CpScratch) why = cp_scratch_new ();
  guint32 due = cp_julian_add_months (run->birth, cp_rule_get_quantity (rule));
  char buf[16];

  if (cp_rule_get_unit (rule) != CP_UNIT_MONTHS)
    {
      if (!cp_engine_shift (run, rule, run->birth, 1, &due))
        return FALSE;
    }
  if (run->looked_after > due && !cp_rule_get_eligible_only (rule))
    {
      cp_engine_emit_not_applicable (run, rule, what, 0,
                                     cp_text_printf ("not applicable: the child was not looked after at that age (%s)",
                                                     cp_engine_iso (due, buf)));
      return TRUE;
    }
  cp_engine_append_reason (why, rule, "from", "birth", run->birth);
  if (cp_rule_get_eligible_only (rule))
    {
      if (run->eligible == 0)
        {
          cp_engine_emit_not_applicable (run, rule, what, 0,
                                         g_strdup ("not applicable: the child is not eligible for leaving-care support"));
          return TRUE;
        }
      if (run->eligible > due)
        {
          due = run->eligible;
          cp_text_append (why, "; the child is eligible only from %s, so due then",
                          cp_engine_iso (run->eligible, buf));
        }
    }
  if (!cp_engine_emit (run, rule, what, 0, due, 0, first_between (days, 0, 0), why))
    return FALSE;
  return TRUE;
}

/* An activity rule counted from a review: the slot's, or the first once
 * the child is old enough. */
static gboolean
activity_from_review (CpEngineRun *run, CpRule *rule, const char *what, GArray *days)
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
    return TRUE;
  day = review_day (run, seq);
  if (day == 0)
    return TRUE;
  {
    CpPlacement *p = cp_engine_placement_on (run, day, &due);

    if (!cp_engine_placement_type_listed (rule, p) || cp_engine_placement_type_excluded (rule, p))
      return TRUE;
  }
  /* The other conditions (a legal status) hold on the review's day. */
  if (!cp_engine_conditions_hold (run, rule, day, 0))
    return TRUE;
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
        return TRUE;
      cp_text_append (why, ", done on or after review %d (%s)", seq - 1, cp_engine_iso (opens, buf));
      return cp_engine_emit (run, rule, what, seq, due, opens, first_between (days, opens, 0), why);
    }
  if (cp_rule_get_duty (rule) == CP_DUTY_PERMANENCE_PLAN && cp_case_get_permanence_plan (run->kase) != NULL &&
      !permanence_plan_complete (cp_case_get_permanence_plan (run->kase)))
    g_string_append (why, "; the permanence plan recorded lacks measurable milestones or a contingency");
  if (!cp_engine_emit (run, rule, what, seq, due, 0, first_between (days, run->looked_after, 0), why))
    return FALSE;
  return TRUE;
}

/* One-off activities: the first visit of a placement, the initial health
 * assessment, the pathway plan by 16 years and 3 months, ... */
gboolean
cp_engine_run_activities (CpEngineRun *run)
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
          if (!cp_engine_in_force (run, rule, run->looked_after) || !cp_engine_conditions_hold (run, rule, run->looked_after, 0))
            continue;
          if (!activity_for_anchor (run, rule, run->looked_after, 0, what, "looked-after", days))
            return FALSE;
          break;

        case CP_ANCHOR_PLACEMENT:
        case CP_ANCHOR_TEMPORARY_APPROVAL:
          if (!activities_from_placements (run, rule, days))
            return FALSE;
          break;

        case CP_ANCHOR_LEGAL_STATUS:
          if (!activities_from_legal_statuses (run, rule, days))
            return FALSE;
          break;

        case CP_ANCHOR_BIRTH:
          if (!activity_from_birth (run, rule, what, days))
            return FALSE;
          break;

        case CP_ANCHOR_REVIEW:
          if (!activity_from_review (run, rule, what, days))
            return FALSE;
          break;

        case CP_ANCHOR_EVENT:
          /* Each event of the rule's kind known by today (a concern about
           * a placement's stability, a return home). */
          for (guint i = 0; i < run->events->len; i++)
            {
              const CpEngineEvent *ev = &g_array_index (run->events, CpEngineEvent, i);
              g_autofree char *subject = NULL;
              char buf[16];

              if (ev->kind != cp_rule_get_event (rule) || !cp_engine_conditions_hold (run, rule, ev->date, 0))
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
            guint32 agreed = perm ? cp_engine_known (run, cp_permanence_plan_get_agreed_on (perm)) : 0;

            if (agreed == 0)
              continue;
            if (!activity_for_anchor (run, rule, agreed, 0, what, "the permanence plan", days))
              return FALSE;
          }
          break;

        case CP_ANCHOR_ELIGIBLE:
          if (eligible == 0)
            {
              cp_engine_emit_not_applicable (run, rule, what, 0,
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
                                                   cp_rule_get_relevant_until_months (cp_engine_leaving_care_rule (run->policy))))
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
chain_start (CpEngineRun *run, CpRule *rule)
{
  if (cp_rule_get_anchor (rule) == CP_ANCHOR_PERMANENCE_PLAN)
    {
      CpPermanencePlan *perm = cp_case_get_permanence_plan (run->kase);
      return perm ? cp_engine_known (run, cp_permanence_plan_get_agreed_on (perm)) : 0;
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
next_due (CpEngineRun *run, GPtrArray *rules, guint32 day, guint32 *due, CpRule **which)
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

      if (!cp_engine_shift (run, rule, day, 1, &dues[i]))
        return FALSE;
      applies[i] = cp_engine_conditions_hold (run, rule, day, dues[i]);
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
gboolean
cp_engine_run_intervals (CpEngineRun *run)
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
            if (!cp_engine_emit (run, which, subject, 0, due, 0, next, why))
              return FALSE;
          }
          if (next == 0)
            break;
          last = next;
        }
    }
  return TRUE;
}

/* Checks ------------------------------------------------------------------- */

/* What an activity rule's anchor allows it to say. */
gboolean
cp_engine_check_activity (CpRule      *rule,
                          JsonObject  *obj,
                          const char  *path,
                          GError     **error)
{
  if (cp_rule_get_anchor (rule) == CP_ANCHOR_REVIEW &&
      cp_rule_get_slot (rule) == CP_REVIEW_SLOT_LATER)
    return cp_fail (error, CP_ERROR_INVALID_VALUE,
                    "%s.slot: an activity counted from a review names the first, second or third "
                    "(“subsequent”) review, or any (the first once the child is min_age_months old)", path);
  if (cp_rule_get_extension (rule) > 0 && cp_rule_get_anchor (rule) != CP_ANCHOR_PLACEMENT &&
      cp_rule_get_anchor (rule) != CP_ANCHOR_TEMPORARY_APPROVAL)
    return cp_fail (error, CP_ERROR_INCONSISTENT, "%s.extension: only for a rule counted from each placement", path);
  if (cp_rule_get_emergency_only (rule) && cp_rule_get_anchor (rule) != CP_ANCHOR_PLACEMENT &&
      cp_rule_get_anchor (rule) != CP_ANCHOR_TEMPORARY_APPROVAL)
    return cp_fail (error, CP_ERROR_INCONSISTENT, "%s.emergency_only: only for a rule counted from each placement", path);
  if (cp_rule_get_anchor (rule) == CP_ANCHOR_LEGAL_STATUS &&
      (cp_rule_get_legal_statuses (rule) == NULL || cp_rule_get_legal_statuses (rule)[0] == NULL))
    return cp_fail (error, CP_ERROR_MISSING_FIELD,
                    "%s.legal_statuses: missing (a rule counted from a legal status names the statuses)", path);
  if (cp_rule_get_anchor (rule) == CP_ANCHOR_EVENT && !json_object_has_member (obj, "event"))
    return cp_fail (error, CP_ERROR_MISSING_FIELD,
                    "%s.event: missing (an activity counted from an event names its event)", path);
  if (cp_rule_get_direction (rule) == CP_DIRECTION_EVERY)
    return cp_fail (error, CP_ERROR_INVALID_VALUE,
                    "%s.direction: “every” is an interval rule's (kind “interval”)", path);
  return TRUE;
}
