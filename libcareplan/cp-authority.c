/* cp-authority.c: who may act on a case, from a profile's authority rules
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include <stdio.h>
#include <string.h>

#include "cp-authority-private.h"
#include "cp-calendar-private.h"
#include "cp-case-private.h"
#include "cp-date-private.h"
#include "cp-error-private.h"
#include "cp-policy-private.h"
#include "cp-record-private.h"

/*
 * Who may act is profile data. Every action on a case that a profile may
 * reserve to one role asks cp_authority_check() (or, to tell "nobody is
 * named" apart, cp_authority_required()) with the action's name, and
 * the answer comes from the profile's `authority.*` rules:
 *
 * - `authority.ACTION`: the approver is the role ACTION needs
 *   (`care-plan.authorise`, `care-plan.ratify`, `dispute.register`,
 *   `dispute.resolve`, `escalation.open`, `review.adjourn`,
 *   `review.rearrange`);
 * - `authority.placement.NAME` and `authority.cease.NAME`: the approver is
 *   the role a placement or ceasing care needs where the rule's conditions
 *   hold (area, placement type, school year; legal status, age, time
 *   looked after). Every rule that applies must be met.
 *
 * Two rule kinds still carry an approver of their own, which the profile
 * format keeps: an `escalation-stage` rule's approver opens that stage in
 * place of `authority.escalation.open`, and a `review-reschedule` rule's
 * approver stands for `authority.review.rearrange` in a profile without
 * one.
 *
 * A profile that names no role for an action leaves it to any role. (The
 * callers of `review.rearrange` and `review.adjourn` refuse the act itself
 * where the profile does not allow it at all; that is not a role.)
 */

#define CEASE "cease"
#define PLACEMENT "placement"

/* The child's school year on @day under @rule: the age in whole years on
 * the day before the school year began (the rule's `school_year_start`),
 * less the rule's `school_age_offset` (England: the age on 31 August, less
 * 4). */
static int
school_year (CpChild *child, CpRule *rule, const GDate *day)
{
  const GDate *birth = cp_child_get_birth_date (child);
  guint month = 0, mday = 0;
  GDate before;
  int age;

  /* The profile loader checked the month and day. */
  if (sscanf (cp_rule_get_school_year_start (rule), "%u-%u", &month, &mday) != 2)
    g_return_val_if_reached (0);
  g_date_clear (&before, 1);
  mday = MIN (mday, g_date_get_days_in_month ((GDateMonth) month, g_date_get_year (day)));
  g_date_set_dmy (&before, (GDateDay) mday, (GDateMonth) month, g_date_get_year (day));
  if (g_date_compare (day, &before) < 0)
    g_date_subtract_years (&before, 1);
  g_date_subtract_days (&before, 1);
  age = g_date_get_year (&before) - g_date_get_year (birth);
  if (g_date_get_month (&before) < g_date_get_month (birth) ||
      (g_date_get_month (&before) == g_date_get_month (birth) && g_date_get_day (&before) < g_date_get_day (birth)))
    age--;
  return age - cp_rule_get_school_age_offset (rule);
}

/* Whether an `authority.placement.*` rule's conditions hold for @placement:
 * its area, its type (and the types it exempts), and for a move the
 * child's school year. */
static gboolean
placement_rule_applies (CpCase *kase, CpRule *rule, CpPlacement *placement)
{
  const char * const *areas = cp_rule_get_areas (rule);
  const char * const *types = cp_rule_get_placements (rule);
  const char * const *exempt = cp_rule_get_excluded_placements (rule);
  const char *kind = cp_enum_to_nick (CP_TYPE_PLACEMENT_TYPE, cp_placement_get_kind (placement));
  int min_year = cp_rule_get_min_school_year (rule), max_year = cp_rule_get_max_school_year (rule);

  if (areas != NULL && !g_strv_contains (areas, cp_enum_to_nick (CP_TYPE_PLACEMENT_AREA,
                                                                 cp_placement_get_area (placement))))
    return FALSE;
  if ((types != NULL && !g_strv_contains (types, kind)) || (exempt != NULL && g_strv_contains (exempt, kind)))
    return FALSE;
  if (min_year > 0 || max_year > 0)
    {
      int year;

      /* A school-year rule is about moves: the first placement is not one. */
      if (g_list_model_get_n_items (cp_case_get_placements (kase)) == 0)
        return FALSE;
      year = school_year (cp_case_get_child (kase), rule, cp_placement_get_start (placement));
      if ((min_year > 0 && year < min_year) || (max_year > 0 && year > max_year))
        return FALSE;
    }
  return TRUE;
}

/* The child's legal status on @day, or NULL. */
static CpLegalStatus *
legal_status_on (CpChild *child, const GDate *day)
{
  GListModel *list = cp_child_get_legal_statuses (child);
  CpLegalStatus *found = NULL;

  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(CpLegalStatus) ls = g_list_model_get_item (list, i);
      const GDate *start = cp_legal_status_get_start (ls), *end = cp_legal_status_get_end (ls);

      if (g_date_compare (start, day) <= 0 && (end == NULL || g_date_compare (day, end) < 0))
        found = ls;   /* the child keeps it alive */
    }
  return found;
}

/* Whether an `authority.cease.*` rule's conditions hold on @date. */
static gboolean
cease_rule_applies (CpCase *kase, CpRule *rule, CpCalendar *calendar, const GDate *date,
                    gboolean *applies, GError **error)
{
  CpChild *child = cp_case_get_child (kase);
  const char * const *statuses = cp_rule_get_legal_statuses (rule);
  CpLegalStatus *ls = legal_status_on (child, date);
  guint32 day = g_date_get_julian (date);
  int age = cp_julian_months_between (g_date_get_julian (cp_child_get_birth_date (child)), day);
  guint32 lac = g_date_get_julian (cp_child_get_looked_after_since (child)), enough;

  *applies = FALSE;
  if (statuses != NULL &&
      (ls == NULL || !g_strv_contains (statuses, cp_enum_to_nick (CP_TYPE_LEGAL_STATUS_KIND,
                                                                   cp_legal_status_get_status (ls)))))
    return TRUE;
  if ((cp_rule_get_min_age_months (rule) > 0 && age < cp_rule_get_min_age_months (rule)) ||
      (cp_rule_get_max_age_months (rule) > 0 && age >= cp_rule_get_max_age_months (rule)))
    return TRUE;
  /* The least time looked after for the rule to apply ("for at least 20
   * working days"). */
  if (cp_rule_get_quantity (rule) > 0)
    {
      if (!cp_calendar_add_julian (calendar, lac, cp_rule_get_quantity (rule), cp_rule_get_unit (rule),
                                   &enough, error))
        return FALSE;
      if (day < enough)
        return TRUE;
    }
  *applies = TRUE;
  return TRUE;
}

/* The first `authority.@family.*` rule whose conditions hold for @act and
 * whose approver is not @holder. */
static gboolean
conditional_rule (CpPolicy             *policy,
                  const CpAuthorityAct *act,
                  CpRole                holder,
                  CpRule              **found,
                  GError              **error)
{
  g_autofree char *prefix = g_strconcat ("authority.", act->action, ".", NULL);
  GListModel *rules = cp_policy_get_rules (policy);

  *found = NULL;
  for (guint i = 0; i < g_list_model_get_n_items (rules); i++)
    {
      g_autoptr(CpRule) rule = g_list_model_get_item (rules, i);
      gboolean applies;

      if (cp_rule_get_kind (rule) != CP_RULE_KIND_AUTHORITY || !g_str_has_prefix (cp_rule_get_key (rule), prefix))
        continue;
      if (strcmp (act->action, PLACEMENT) == 0)
        applies = placement_rule_applies (act->kase, rule, act->placement);
      else if (!cease_rule_applies (act->kase, rule, act->calendar, act->date, &applies, error))
        return FALSE;
      if (applies && cp_rule_get_approver (rule) != holder)
        {
          *found = rule;   /* the policy keeps it alive */
          return TRUE;
        }
    }
  return TRUE;
}

/* A review-reschedule rule's approver, which stands for
 * `authority.review.rearrange` in a profile without one. */
static CpRule *
reschedule_rule_approver (CpPolicy *policy)
{
  GPtrArray *rules = cp_policy_rules_of_kind (policy, CP_RULE_KIND_REVIEW_RESCHEDULE);

  if (rules->len > 0 && cp_rule_get_approver (rules->pdata[0]) != CP_ROLE_UNKNOWN)
    return rules->pdata[0];   /* the policy keeps it alive */
  return NULL;
}

/**
 * cp_authority_required:
 * @policy: the profile
 * @act: the act, and what its conditions are judged on
 * @holder: the role acting, or %CP_ROLE_UNKNOWN; where several
 *   `authority.placement.*` or `authority.cease.*` rules apply, each must
 *   be met, and the answer is the first one @holder does not meet
 * @required: (out): the role @act needs, or %CP_ROLE_UNKNOWN where the
 *   profile names none (the act is open to any role)
 * @rule: (out) (optional) (transfer none): the rule that names it, where
 *   the action's name alone does not say which (a placement or ceasing
 *   rule, an escalation stage, a review-reschedule rule), else %NULL
 * @error: return location for a #GError (a condition that cannot be
 *   worked out, such as time looked after past the calendar's years)
 *
 * Says which role @policy requires for @act. An escalation stage's own
 * approver comes before `authority.escalation.open`; a profile's
 * `authority.review.rearrange` comes before its review-reschedule rule's
 * approver.
 *
 * Returns: %FALSE with @error set if a condition could not be judged
 */
gboolean
cp_authority_required (CpPolicy             *policy,
                       const CpAuthorityAct *act,
                       CpRole                holder,
                       CpRole               *required,
                       CpRule              **rule,
                       GError              **error)
{
  CpRule *found = NULL;

  g_return_val_if_fail (CP_IS_POLICY (policy), FALSE);
  g_return_val_if_fail (act != NULL && act->action != NULL, FALSE);

  *required = CP_ROLE_UNKNOWN;
  if (strcmp (act->action, PLACEMENT) == 0 || strcmp (act->action, CEASE) == 0)
    {
      if (!conditional_rule (policy, act, holder, &found, error))
        return FALSE;
    }
  else if (strcmp (act->action, "escalation.open") == 0 && act->stage != NULL &&
           cp_rule_get_approver (act->stage) != CP_ROLE_UNKNOWN)
    found = act->stage;
  else if ((*required = cp_policy_get_authority (policy, act->action)) == CP_ROLE_UNKNOWN &&
           strcmp (act->action, "review.rearrange") == 0)
    found = reschedule_rule_approver (policy);
  if (found != NULL)
    *required = cp_rule_get_approver (found);

  if (rule != NULL)
    *rule = found;
  return TRUE;
}

static const char *
article (CpRole role)
{
  return strchr ("aeiou", cp_enum_to_nick (CP_TYPE_ROLE, role)[0]) ? "an" : "a";
}

/**
 * cp_authority_check:
 * @policy: the profile
 * @act: the act, and what its conditions are judged on
 * @role: the role of who acts
 * @actor: (nullable): the member of staff, if recorded
 * @error: return location for a #GError
 *
 * Refuses @act unless @role is the one @policy requires for it
 * (cp_authority_required()); a profile that names no role leaves it to
 * any. A refusal is %CP_ERROR_NOT_AUTHORISED, "WHAT needs a ROLE under
 * PROFILE (RULE); a ROLE may not" (the rule's id where the action's name
 * alone does not say which), and is recorded in the case's history,
 * marked refused, on the act's day.
 *
 * Returns: %TRUE if @role may act
 */
gboolean
cp_authority_check (CpPolicy             *policy,
                    const CpAuthorityAct *act,
                    CpRole                role,
                    const char           *actor,
                    GError              **error)
{
  CpRole required;
  CpRule *rule;
  g_autofree char *reason = NULL;
  g_autofree char *which = NULL;

  g_return_val_if_fail (act != NULL && CP_IS_CASE (act->kase), FALSE);

  if (!cp_authority_required (policy, act, role, &required, &rule, error))
    return FALSE;
  if (required == CP_ROLE_UNKNOWN || role == required)
    return TRUE;

  which = rule != NULL ? g_strdup_printf (" (%s)", cp_rule_get_id (rule)) : g_strdup ("");
  reason = g_strdup_printf ("%s needs %s %s under %s%s; %s %s may not",
                            act->described_as ? act->described_as : act->action,
                            article (required), cp_enum_to_nick (CP_TYPE_ROLE, required),
                            cp_policy_get_name (policy), which,
                            article (role), cp_enum_to_nick (CP_TYPE_ROLE, role));
  cp_case_add_history (act->kase, act->date, role, actor,
                       act->recorded_as ? act->recorded_as : act->action, reason, TRUE);
  return cp_fail (error, CP_ERROR_NOT_AUTHORISED, "%s", reason);
}
