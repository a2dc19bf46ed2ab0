/* cp-engine-leaving-care.c: leaving care: eligibility and the leaving-care status
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * The rule of kind `leaving-care-status`: when a young person becomes
 * eligible, when the leaving-care duties end, and the status on a day.
 */

#include "config.h"

#include "cp-calendar-private.h"
#include "cp-date-private.h"
#include "cp-engine-run-private.h"
#include "cp-error-private.h"
#include "cp-case-private.h"
#include "cp-child-private.h"

CpRule *
cp_engine_leaving_care_rule (CpPolicy *policy)
{
  GPtrArray *rules = cp_policy_rules_of_kind (policy, CP_RULE_KIND_LEAVING_CARE_STATUS);

  return rules->len > 0 ? rules->pdata[0] : NULL;   /* the policy keeps it alive */
}

/* Whether an activity of @duty is recorded on a day from @from up to
 * @until (both Julian days; @until included). */
static gboolean
activity_recorded (CpCase *kase, CpDuty duty, guint32 from, guint32 until)
{
  CpActivityWalk walk;
  CpDuty done;
  guint32 day;

  cp_case_walk_activities (kase, &walk);
  while (cp_activity_walk_next (&walk, &done, &day))
    if (done == duty && day != 0 && day >= from && day <= until)
      return TRUE;
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
  CpRule *rule = cp_engine_leaving_care_rule (policy);
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
  CpRule *rule = cp_engine_leaving_care_rule (policy);
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

/* When the young person is eligible, and when the leaving-care duties
 * end (docs/policy-format.md, `leaving-care-status`). */
gboolean
cp_engine_run_leaving_care (CpEngineRun *run)
{
  CpRule *rule = cp_engine_leaving_care_rule (run->policy);

  if (rule == NULL || run->birth == 0)
    return TRUE;
  if (!eligible_from (run->calendar, run->policy, run->kase, run->birth, run->looked_after,
                      run->ceased, &run->eligible, run->error))
    return FALSE;
  run->duties_end = duties_end (run->kase, rule, run->birth, run->today);
  return TRUE;
}

/* The ages the qualifying time counts from and must reach. (The ages that
 * end the statuses are checked with the other leaving-care fields, in
 * cp-policy-check.c: other kinds must not have them.) */
gboolean
cp_engine_check_leaving_care_status (CpRule      *rule,
                                     JsonObject  *obj,
                                     const char  *path,
                                     GError     **error)
{
  if (cp_rule_get_min_age_months (rule) == 0 || cp_rule_get_max_age_months (rule) == 0)
    return cp_fail (error, CP_ERROR_MISSING_FIELD,
                    "%s.min_age_months: a leaving-care-status rule needs min_age_months (the age the "
                    "time counts from) and max_age_months (the age it must reach)", path);
  return TRUE;
}
