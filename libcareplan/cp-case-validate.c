/* cp-case-validate.c: whether a case holds together, and what its record
 * does not support (cp_case_validate(), cp_case_audit())
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include <string.h>

#include "cp-case-private.h"
#include "cp-care-plan-private.h"
#include "cp-child-private.h"
#include "cp-date-private.h"
#include "cp-dispute-private.h"
#include "cp-error-private.h"
#include "cp-json-text-private.h"
#include "cp-permanence-plan-private.h"
#include "cp-record-private.h"
#include "cp-review-private.h"

/* A dispute about a recommendation names one the case holds. */
gboolean
cp_case_check_dispute_reference (CpCase     *self,
                                 CpDispute  *dispute,
                                 const char *path,
                                 GError    **error)
{
  int seq = cp_dispute_get_review (dispute);
  int pos = cp_dispute_get_recommendation (dispute);
  CpReview *review;

  if (seq == 0 && pos == 0)
    return TRUE;
  if (seq == 0 || pos == 0)
    return cp_fail (error, CP_ERROR_INCONSISTENT,
                    "%s.%s: a dispute about a recommendation names both the review and the recommendation",
                    path, seq == 0 ? "review" : "recommendation");
  review = cp_case_get_review (self, seq);
  if (review == NULL)
    return cp_fail (error, CP_ERROR_INCONSISTENT, "%s.review: %d: the case has no such review", path, seq);
  if ((guint) pos > g_list_model_get_n_items (cp_review_get_recommendations (review)))
    return cp_fail (error, CP_ERROR_INCONSISTENT,
                    "%s.recommendation: %d: review %d has no such recommendation", path, pos, seq);
  return TRUE;
}

static gboolean
in_order (const GDate *earlier,
          const GDate *later)
{
  return earlier == NULL || later == NULL || g_date_compare (earlier, later) <= 0;
}

static gboolean
order_error (const GDate  *earlier,
             const char   *earlier_path,
             const GDate  *later,
             const char   *later_path,
             GError      **error)
{
  g_autofree char *a = cp_date_format_iso (later), *b = cp_date_format_iso (earlier);

  return cp_fail (error, CP_ERROR_INCONSISTENT, "%s: %s is before %s %s",
                  later_path, a, earlier_path, b);
}

/* Whether @earlier is not after @later (either may be unset). A macro so
 * that the paths, formatted for the error message, are formatted only
 * when there is an error: a case is checked every time it is read. */
#define check_order(earlier, earlier_path, later, later_path, error) \
  (in_order ((earlier), (later)) ||                                   \
   order_error ((earlier), (earlier_path), (later), (later_path), (error)))

#define ITEM_PATH(buf, list, i, field) \
  (g_snprintf (buf, sizeof buf, "%s[%u]%s%s", list, i, *(field) ? "." : "", field), buf)

static gboolean
validate_placements (CpCase *self, const GDate *lac, GError **error)
{
  guint n;
  CpPlacement *const *list = cp_case_peek_placements (self, &n);
  CpPlacement *prev = NULL;   /* the case keeps it alive */
  char a[64], b[64];

  for (guint i = 0; i < n; i++)
    {
      CpPlacement *p = list[i];
      const GDate *start = cp_placement_get_start (p);

      if (!check_order (start, ITEM_PATH (a, "placements", i, "start"),
                        cp_placement_get_end (p), ITEM_PATH (b, "placements", i, "end"), error) ||
          !check_order (lac, "child.looked_after_since",
                        start, ITEM_PATH (a, "placements", i, "start"), error))
        return FALSE;

      if (prev != NULL)
        {
          const GDate *prev_end = cp_placement_get_end (prev);

          if (!check_order (cp_placement_get_start (prev), ITEM_PATH (b, "placements", i - 1, "start"),
                            start, ITEM_PATH (a, "placements", i, "start"), error))
            return FALSE;
          if (prev_end == NULL)
            return cp_fail (error, CP_ERROR_INCONSISTENT,
                                "placements[%u].end: missing, but placements[%u] starts after it",
                                i - 1, i);
          if (!check_order (prev_end, ITEM_PATH (b, "placements", i - 1, "end"),
                            start, ITEM_PATH (a, "placements", i, "start"), error))
            return FALSE;
        }
      prev = p;
    }
  return TRUE;
}

static gboolean
validate_reviews (CpCase *self, const GDate *lac, GError **error)
{
  guint n;
  CpReview *const *list = cp_case_peek_reviews (self, &n);
  const GDate *prev_held = NULL;
  char a[64], b[64];

  for (guint i = 0; i < n; i++)
    {
      CpReview *r = list[i];
      const GDate *held = cp_review_get_held (r);

      if (cp_review_get_sequence (r) != (int) i + 1)
        return cp_fail (error, CP_ERROR_INCONSISTENT,
                            "reviews[%u].sequence: %d, expected %u (reviews are numbered in order)",
                            i, cp_review_get_sequence (r), i + 1);
      if (!check_order (lac, "child.looked_after_since",
                        held, ITEM_PATH (a, "reviews", i, "held"), error))
        return FALSE;
      if (held != NULL && prev_held != NULL &&
          !check_order (prev_held, ITEM_PATH (b, "reviews", i - 1, "held"),
                        held, ITEM_PATH (a, "reviews", i, "held"), error))
        return FALSE;
      if (held != NULL)
        prev_held = held;
    }
  return TRUE;
}

static gboolean
validate_disputes (CpCase *self, GError **error)
{
  guint n;
  CpDispute *const *list = cp_case_peek_disputes (self, &n);
  char a[64], b[96];

  for (guint i = 0; i < n; i++)
    {
      CpDispute *d = list[i];
      guint n_steps;
      CpDisputeStep *const *steps = cp_dispute_peek_steps (d, &n_steps);
      const GDate *raised = cp_dispute_get_raised_on (d);
      const GDate *prev = raised;
      g_autofree char *path = g_strdup_printf ("disputes[%u]", i);

      if (!cp_case_check_dispute_reference (self, d, path, error))
        return FALSE;
      if (!check_order (raised, ITEM_PATH (a, "disputes", i, "raised_on"),
                        cp_dispute_get_resolved_on (d), ITEM_PATH (b, "disputes", i, "resolved_on"),
                        error))
        return FALSE;
      for (guint k = 0; k < n_steps; k++)
        {
          CpDisputeStep *s = steps[k];
          g_autofree char *prev_path = k == 0
            ? g_strdup_printf ("disputes[%u].raised_on", i)
            : g_strdup_printf ("disputes[%u].steps[%u].date", i, k - 1);

          g_snprintf (b, sizeof b, "disputes[%u].steps[%u].date", i, k);
          if (!check_order (prev, prev_path, cp_dispute_step_get_date (s), b, error))
            return FALSE;
          prev = cp_dispute_step_get_date (s);
        }
    }
  return TRUE;
}

/* Allocations in one role are in start order and do not overlap, except
 * that one may end on the day the next starts. */
static gboolean
validate_allocations (CpCase *self, GError **error)
{
  guint n;
  CpAllocation *const *list = cp_case_peek_allocations (self, &n);
  char a[64], b[64];

  for (guint i = 0; i < n; i++)
    {
      CpAllocation *al = list[i];
      const GDate *start = cp_allocation_get_start (al);

      if (!check_order (start, ITEM_PATH (a, "allocations", i, "start"),
                        cp_allocation_get_end (al), ITEM_PATH (b, "allocations", i, "end"), error))
        return FALSE;
      for (guint j = i; j > 0; j--)
        {
          CpAllocation *prev = list[j - 1];

          if (cp_allocation_get_role (prev) != cp_allocation_get_role (al))
            continue;
          if (!check_order (cp_allocation_get_start (prev), ITEM_PATH (b, "allocations", j - 1, "start"),
                            start, ITEM_PATH (a, "allocations", i, "start"), error))
            return FALSE;
          if (cp_allocation_get_end (prev) == NULL)
            return cp_fail (error, CP_ERROR_INCONSISTENT,
                            "allocations[%u].end: missing, but allocations[%u] in the same role starts after it",
                            j - 1, i);
          if (!check_order (cp_allocation_get_end (prev), ITEM_PATH (b, "allocations", j - 1, "end"),
                            start, ITEM_PATH (a, "allocations", i, "start"), error))
            return FALSE;
          break;
        }
    }
  return TRUE;
}

static gboolean
validate_care_plan (CpCase *self, GError **error)
{
  CpCarePlan *plan = cp_case_get_care_plan (self);
  CpCarePlanState state;

  if (plan == NULL)
    return TRUE;

  state = cp_care_plan_get_state (plan);
  if (state >= CP_CARE_PLAN_STATE_AUTHORISED && cp_care_plan_get_authorised_on (plan) == NULL)
    return cp_fail (error, CP_ERROR_MISSING_FIELD,
                        "care_plan.authorised_on: missing for a plan that is %s",
                        cp_enum_to_nick (CP_TYPE_CARE_PLAN_STATE, state));
  if (state == CP_CARE_PLAN_STATE_RATIFIED && cp_care_plan_get_ratified_on (plan) == NULL)
    return cp_fail (error, CP_ERROR_MISSING_FIELD,
                        "care_plan.ratified_on: missing for a plan that is ratified");
  return check_order (cp_care_plan_get_created (plan), "care_plan.created",
                      cp_care_plan_get_authorised_on (plan), "care_plan.authorised_on", error) &&
         check_order (cp_care_plan_get_authorised_on (plan), "care_plan.authorised_on",
                      cp_care_plan_get_ratified_on (plan), "care_plan.ratified_on", error);
}

/* Earlier periods of care: each after birth, ending after it starts, in
 * order without overlapping, and all before the current period. */
static gboolean
validate_earlier_periods (CpChild *child, GError **error)
{
  guint n;
  CpCarePeriod *const *periods = cp_child_peek_earlier_periods (child, &n);
  const GDate *prev = cp_child_get_birth_date (child);
  char a[64], b[64], prev_path[64] = "child.birth_date";

  for (guint i = 0; i < n; i++)
    {
      CpCarePeriod *p = periods[i];

      if (!check_order (prev, prev_path, cp_care_period_get_start (p),
                        ITEM_PATH (a, "child.earlier_periods", i, "start"), error) ||
          !check_order (cp_care_period_get_start (p), ITEM_PATH (a, "child.earlier_periods", i, "start"),
                        cp_care_period_get_end (p), ITEM_PATH (b, "child.earlier_periods", i, "end"), error))
        return FALSE;
      prev = cp_care_period_get_end (p);
      ITEM_PATH (prev_path, "child.earlier_periods", i, "end");
    }
  return check_order (prev, prev_path, cp_child_get_looked_after_since (child), "child.looked_after_since",
                      error);
}

static gboolean
validate_child (CpChild *child, GError **error)
{
  guint n;
  CpLegalStatus *const *statuses = cp_child_peek_legal_statuses (child, &n);
  char a[64], b[64];

  if (!check_order (cp_child_get_birth_date (child), "child.birth_date",
                    cp_child_get_looked_after_since (child), "child.looked_after_since", error) ||
      !check_order (cp_child_get_looked_after_since (child), "child.looked_after_since",
                    cp_child_get_ceased_on (child), "child.ceased_on", error) ||
      !validate_earlier_periods (child, error))
    return FALSE;

  for (guint i = 0; i < n; i++)
    {
      CpLegalStatus *s = statuses[i];

      if (!check_order (cp_legal_status_get_start (s), ITEM_PATH (a, "child.legal_statuses", i, "start"),
                        cp_legal_status_get_end (s), ITEM_PATH (b, "child.legal_statuses", i, "end"),
                        error))
        return FALSE;
    }
  return TRUE;
}

/**
 * cp_case_validate:
 * @self: a #CpCase
 * @error: return location for a #GError
 *
 * Checks that the case does not contradict itself: the child was born
 * before becoming looked after; every period, placement and dispute ends
 * after it starts; placements are in order and do not overlap; no
 * placement or review comes before the child became looked after; reviews
 * are numbered 1, 2, 3... in date order; an authorised or ratified care
 * plan says when; allocations in one role are in date order and do not
 * overlap. Nothing is corrected: the first contradiction is
 * reported with its field path (%CP_ERROR_INCONSISTENT or
 * %CP_ERROR_MISSING_FIELD).
 *
 * Returns: %TRUE if the case is consistent
 */
gboolean
cp_case_validate (CpCase  *self,
                  GError **error)
{
  CpChild *child;
  const GDate *lac;

  g_return_val_if_fail (CP_IS_CASE (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  child = cp_case_get_child (self);
  lac = cp_child_get_looked_after_since (child);

  return validate_child (child, error) &&
         validate_placements (self, lac, error) &&
         validate_reviews (self, lac, error) &&
         validate_care_plan (self, error) &&
         validate_disputes (self, error) &&
         validate_allocations (self, error);
}

/* Whether the history holds an accepted @action. */
static gboolean
history_has (CpCase *self, const char *action)
{
  guint n;
  CpHistoryEntry *const *history = cp_case_peek_history (self, &n);

  for (guint i = 0; i < n; i++)
    if (g_strcmp0 (cp_history_entry_get_action (history[i]), action) == 0 &&
        !cp_history_entry_get_refused (history[i]))
      return TRUE;
  return FALSE;
}

/* @value quoted for a finding, unless it holds the child's identifier. */
static char *
quote_for (CpCase *self, const char *value)
{
  const char *id = cp_child_get_id (cp_case_get_child (self));
  g_autofree char *shown = NULL;

  if (id != NULL && *id != '\0' && strstr (value, id) != NULL)
    return g_strdup ("(a value not shown: it holds the child’s identifier)");
  shown = cp_escape_value (value);
  return g_strdup_printf ("“%s”", shown);
}

/**
 * cp_case_audit:
 * @self: a #CpCase
 *
 * Checks that the case's record supports its state: what only an action
 * that checks who may do it can bring about should be recorded as done.
 * A case that keeps a history ([property@Case:history] is not empty) and
 * has an authorised or ratified care plan should record an accepted
 * `care-plan.authorise`; a dispute should have reached its stage by a step
 * ([property@Dispute:steps]) to that stage; an adjourned review should have
 * sat. A case without a history is judged on its steps only: the system of
 * record may keep none.
 *
 * Unlike [method@Case.validate], nothing here stops a case being read:
 * the system of record says what happened, and these are findings for
 * people to look into (`careplan validate` prints them). Like every
 * message of the library, they name field paths, never the child.
 *
 * Returns: (transfer full) (array zero-terminated=1): the findings, each
 *   "field path: what does not add up"; empty when there is none
 */
char **
cp_case_audit (CpCase *self)
{
  GPtrArray *findings;
  CpCarePlan *plan;
  guint n_history, n;
  CpDispute *const *disputes;
  CpReview *const *reviews;

  g_return_val_if_fail (CP_IS_CASE (self), NULL);

  findings = g_ptr_array_new_null_terminated (0, g_free, TRUE);
  plan = cp_case_get_care_plan (self);
  cp_case_peek_history (self, &n_history);
  if (plan != NULL && n_history > 0 && cp_care_plan_get_state (plan) >= CP_CARE_PLAN_STATE_AUTHORISED &&
      !history_has (self, "care-plan.authorise"))
    g_ptr_array_add (findings,
                     g_strdup_printf ("care_plan.state: the plan is %s, but the history records no "
                                      "accepted authorisation (care-plan.authorise)",
                                      cp_enum_to_nick (CP_TYPE_CARE_PLAN_STATE, cp_care_plan_get_state (plan))));

  disputes = cp_case_peek_disputes (self, &n);
  for (guint i = 0; i < n; i++)
    {
      CpDispute *d = disputes[i];
      guint n_steps;
      CpDisputeStep *const *steps = cp_dispute_peek_steps (d, &n_steps);
      const char *stage = cp_dispute_get_stage (d);
      const char *reached = n_steps > 0 ? cp_dispute_step_get_stage (steps[n_steps - 1]) : NULL;

      if (g_strcmp0 (stage, reached) != 0)
        {
          g_autofree char *shown = stage ? quote_for (self, stage) : NULL;
          g_autofree char *last = reached ? quote_for (self, reached) : NULL;

          g_ptr_array_add (findings,
                           stage == NULL
                           ? g_strdup_printf ("disputes[%u].stage: none, but its last step is to %s", i, last)
                           : reached == NULL
                           ? g_strdup_printf ("disputes[%u].stage: %s, but no step escalated the dispute", i, shown)
                           : g_strdup_printf ("disputes[%u].stage: %s, but its last step is to %s", i, shown, last));
        }
    }

  reviews = cp_case_peek_reviews (self, &n);
  for (guint i = 0; i < n; i++)
    if (cp_review_get_adjourned_to (reviews[i]) != NULL && cp_review_get_held (reviews[i]) == NULL)
      g_ptr_array_add (findings,
                           g_strdup_printf ("reviews[%u].adjourned_to: the review was adjourned but has not sat", i));

  return (char **) g_ptr_array_free (findings, FALSE);
}

