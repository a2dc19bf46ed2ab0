/* cp-engine-conditions.c: the conditions a rule may set on the case
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Whether a rule applies to the case on a day: the child's age, legal
 * status and placement, the first review, what is recorded. Shared by the
 * mechanisms (cp-engine-*.c).
 */

#include "config.h"

#include <string.h>

#include "cp-date-private.h"
#include "cp-engine-run-private.h"
#include "cp-case-private.h"
#include "cp-child-private.h"
#include "cp-record-private.h"
#include "cp-rule-private.h"

/* The placement the child is in on @day, or NULL; @start_out its start. */
CpPlacement *
cp_engine_placement_on (CpEngineRun *run, guint32 day, guint32 *start_out)
{
  CpPlacement *found = NULL;

  for (guint i = 0; i < run->placements->len; i++)
    {
      const CpEnginePlacement *p = &g_array_index (run->placements, CpEnginePlacement, i);

      if (p->start != 0 && p->start <= day && (p->end == 0 || day < p->end))
        {
          found = p->placement;   /* the case keeps it alive */
          *start_out = p->start;
        }
    }
  return found;
}

gboolean
cp_engine_placement_type_listed (CpRule *rule, CpPlacement *p)
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
legal_status_on (CpEngineRun *run, guint32 day, guint32 *start_out)
{
  CpLegalStatus *found = NULL;

  for (guint i = 0; i < run->statuses->len; i++)
    {
      const CpEngineStatus *s = &g_array_index (run->statuses, CpEngineStatus, i);
      guint32 from = s->start, to = s->end;

      if (from != 0 && from <= day && (to == 0 || day < to) && (found == NULL || from >= *start_out))
        {
          found = s->status;
          *start_out = from;
        }
    }
  return found;
}

/* Whether @p (may be NULL) is of a type the rule's excluded_placements
 * name: short breaks, say, to which some regulations do not apply. */
gboolean
cp_engine_placement_type_excluded (CpRule *rule, CpPlacement *p)
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
first_review_held (CpEngineRun *run, const CpRuleConditions *c, guint32 day)
{
  guint32 since = 0;

  if (c->first_review_of_placement)
    {
      guint32 status_start = 0;

      if (cp_engine_placement_on (run, day, &since) == NULL)
        since = day;
      if (c->legal_statuses != NULL &&
          legal_status_on (run, day, &status_start) != NULL && status_start > since)
        since = status_start;
    }
  for (guint i = 0; i < run->held->len; i++)
    {
      guint32 held = g_array_index (run->held, guint32, i);

      if (held != 0 && held >= since)
        return held;
    }
  return 0;
}

/* Whether an activity of each duty the rule needs recorded was recorded
 * on or before @day, and on or after @since (the placement's start). */
static gboolean
recorded_by (CpEngineRun *run, const CpRuleConditions *c, guint32 since, guint32 day)
{
  const char * const *duties = c->recorded;

  for (guint d = 0; duties != NULL && duties[d] != NULL; d++)
    {
      gboolean found = FALSE;

      for (guint i = 0; i < run->activities->len && !found; i++)
        {
          const CpEngineActivity *a = &g_array_index (run->activities, CpEngineActivity, i);

          found = a->day >= since && a->day <= day &&
                  strcmp (cp_enum_to_nick (CP_TYPE_DUTY, a->duty), duties[d]) == 0;
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
gboolean
cp_engine_conditions_hold (CpEngineRun *run, CpRule *rule, guint32 day, guint32 due)
{
  const CpRuleConditions *c = cp_rule_peek_conditions (rule);
  guint32 start = 0;
  CpPlacement *p;
  int months;

  if (c->kind != CP_RULE_KIND_LEAVING_CARE_STATUS && (c->min_age_months > 0 || c->max_age_months > 0))
    {
      int age = cp_julian_months_between (run->birth, day);

      if (c->min_age_months > 0 && age < c->min_age_months)
        return FALSE;
      if (c->max_age_months > 0 && age >= c->max_age_months)
        return FALSE;
    }
  /* An interval rule in force on the day the gap starts (an activity's
   * version is chosen by its anchor, in cp_engine_run_activities()). */
  if (c->kind == CP_RULE_KIND_INTERVAL && !cp_rule_in_force_julian (rule, day))
    return FALSE;
  if (c->first_review != NULL)
    {
      guint32 held = first_review_held (run, c, day);
      gboolean after = c->first_review_after;

      if (due == 0 ? after != (held != 0 && held <= day)
                   : after ? held == 0 || held > due : held != 0 && held < due)
        return FALSE;
    }
  if (c->legal_statuses != NULL &&
      !legal_status_listed (rule, legal_status_on (run, day, &start)))
    return FALSE;
  /* A placement type the rule leaves out; with no placement on the day
   * the rule still applies (the earlier reading). */
  if (c->excluded_placements != NULL &&
      cp_engine_placement_type_excluded (rule, cp_engine_placement_on (run, day, &start)))
    return FALSE;
  if (c->any_placement)
    return TRUE;
  p = cp_engine_placement_on (run, day, &start);
  if (p == NULL || !cp_engine_placement_type_listed (rule, p))
    return FALSE;
  if (c->long_term_only && !cp_placement_get_long_term (p))
    return FALSE;
  if (c->short_term_only && cp_placement_get_long_term (p))
    return FALSE;
  if (c->intended_until_18_only && !cp_placement_get_intended_until_18 (p))
    return FALSE;
  if (!recorded_by (run, c, start, day))
    return FALSE;
  months = cp_julian_months_between (start, day);
  if (months < c->min_months)
    return FALSE;
  if (c->max_months > 0 && months >= c->max_months)
    return FALSE;
  return TRUE;
}
