/* cp-case.c: a looked-after child's case, the aggregate root
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include <stdio.h>

#include "cp-calendar-private.h"
#include "cp-date-private.h"

#include <stdarg.h>
#include <string.h>

#include "cp-authority-private.h"
#include "cp-care-plan-private.h"
#include "cp-case-private.h"
#include "cp-error-private.h"
#include "cp-json-text-private.h"
#include "cp-child-private.h"
#include "cp-review-private.h"
#include "cp-dispute-private.h"
#include "cp-permanence-plan-private.h"
#include "cp-record-private.h"

/**
 * CpCase:
 *
 * Everything libcareplan knows about one looked-after child: the
 * [class@Child], the placements, the care plan and permanence plan, the
 * statutory reviews with their recommendations, the disputes, and a change
 * history.
 *
 * Changes that matter go through the case's methods, which check them
 * against the rest of the case, record who did what, when and why in
 * [property@Case:history], and emit [signal@Case::history-added]. An action
 * refused because of the actor's role is recorded too, marked refused.
 *
 * A case reads and writes the JSON format of `docs/case-format.md`.
 */
struct _CpCase
{
  CpRecord parent_instance;

  /* Activities an importer gave as plain days (CpActivityDay), made
   * CpActivity records only when somebody asks for the list: a check
   * reads a hundred thousand SSD children's millions of visits and asks
   * for none. While it holds any, the list itself is empty. */
  GArray *activity_days;
};

G_DEFINE_FINAL_TYPE (CpCase, cp_case, CP_TYPE_RECORD)

enum {
  PROP_0,
  PROP_CHILD,
  PROP_PLACEMENTS,
  PROP_CARE_PLAN,
  PROP_PERMANENCE_PLAN,
  PROP_REVIEWS,
  PROP_DISPUTES,
  PROP_EVENTS,
  PROP_ACTIVITIES,
  PROP_ALLOCATIONS,
  PROP_HISTORY,
  N_PROPS
};

enum {
  HISTORY_ADDED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

/* Adds the activity a plain day stands for to the list. */
static void
append_activity_day (CpCase *self, CpDuty duty, guint32 day)
{
  g_autoptr(CpActivity) activity = NULL;
  GDate d;

  g_date_clear (&d, 1);
  g_date_set_julian (&d, day);
  activity = cp_activity_new (duty, &d);
  cp_record_append_item (CP_RECORD (self), PROP_ACTIVITIES, activity);
}

/* The plain days made the activities they stand for, in their order. */
static void
cp_case_realize (CpRecord *record,
                 guint     prop_id)
{
  CpCase *self = CP_CASE (record);
  g_autoptr(GArray) days = NULL;

  if (self->activity_days == NULL || (prop_id != 0 && prop_id != PROP_ACTIVITIES))
    return;
  /* Taken first: adding each to the list comes back here. */
  days = g_steal_pointer (&self->activity_days);
  for (guint i = 0; i < days->len; i++)
    append_activity_day (self, g_array_index (days, CpActivityDay, i).duty,
                         g_array_index (days, CpActivityDay, i).day);
}

static void
cp_case_finalize (GObject *object)
{
  CpCase *self = CP_CASE (object);

  g_clear_pointer (&self->activity_days, g_array_unref);
  G_OBJECT_CLASS (cp_case_parent_class)->finalize (object);
}

static void
cp_case_class_init (CpCaseClass *klass)
{
  const GParamFlags fixed = G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS;

  /**
   * CpCase:child:
   *
   * The child.
   */
  properties[PROP_CHILD] =
    cp_field_required (g_param_spec_object ("child", NULL, NULL, CP_TYPE_CHILD, fixed));

  /**
   * CpCase:placements:
   *
   * The placements, in date order.
   */
  properties[PROP_PLACEMENTS] = cp_field_list ("placements", CP_TYPE_PLACEMENT);

  /**
   * CpCase:care-plan:
   *
   * The care plan, or %NULL before there is one. Read-only: set by
   * [method@Case.set_care_plan] (a draft) and moved on by the actions that
   * check who may authorise and ratify it.
   */
  properties[PROP_CARE_PLAN] =
    cp_field_guarded (g_param_spec_object ("care-plan", NULL, NULL, CP_TYPE_CARE_PLAN,
                        G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * CpCase:permanence-plan:
   *
   * The permanence plan, or %NULL before there is one.
   */
  properties[PROP_PERMANENCE_PLAN] =
    g_param_spec_object ("permanence-plan", NULL, NULL, CP_TYPE_PERMANENCE_PLAN, fixed);

  /**
   * CpCase:reviews:
   *
   * The statutory reviews, first review first.
   */
  properties[PROP_REVIEWS] = cp_field_list ("reviews", CP_TYPE_REVIEW);

  /**
   * CpCase:disputes:
   *
   * Disputes raised by the IRO.
   */
  properties[PROP_DISPUTES] = cp_field_list ("disputes", CP_TYPE_DISPUTE);

  /**
   * CpCase:events:
   *
   * Events recorded because a policy may bring a review forward for them,
   * in the order they were recorded.
   */
  properties[PROP_EVENTS] = cp_field_list ("events", CP_TYPE_CASE_EVENT);

  /**
   * CpCase:activities:
   *
   * Casework done on a date (visits, health assessments, PEP and planning
   * meetings, pathway plans), in the order recorded.
   */
  properties[PROP_ACTIVITIES] = cp_field_list ("activities", CP_TYPE_ACTIVITY);

  /**
   * CpCase:allocations:
   *
   * Who the case was allocated to (social worker and team, IRO), ended
   * allocations too, in the order recorded.
   */
  properties[PROP_ALLOCATIONS] = cp_field_list ("allocations", CP_TYPE_ALLOCATION);

  /**
   * CpCase:history:
   *
   * The change history, oldest first.
   */
  properties[PROP_HISTORY] = cp_field_list ("history", CP_TYPE_HISTORY_ENTRY);

  cp_record_class_install (G_OBJECT_CLASS (klass), properties, N_PROPS);
  cp_record_class_set_realize (G_OBJECT_CLASS (klass), cp_case_realize);
  G_OBJECT_CLASS (klass)->finalize = cp_case_finalize;

  /**
   * CpCase::history-added:
   * @self: the case
   * @entry: the new history entry
   *
   * Emitted when something is done to the case, or refused.
   */
  signals[HISTORY_ADDED] =
    g_signal_new ("history-added",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 1, CP_TYPE_HISTORY_ENTRY);
}

static void
cp_case_init (CpCase *self)
{
}

/**
 * cp_case_new:
 * @child: the child the case is about
 *
 * Creates a case for @child, with no placements, plans or reviews yet.
 *
 * Returns: (transfer full): a new, empty case for @child
 */
CpCase *
cp_case_new (CpChild *child)
{
  g_return_val_if_fail (CP_IS_CHILD (child), NULL);

  return g_object_new (CP_TYPE_CASE, "child", child, NULL);
}

/**
 * cp_case_get_child:
 * @self: a #CpCase
 *
 * Gets the [property@Case:child] property.
 *
 * Returns: (transfer none): the child
 */
CpChild *
cp_case_get_child (CpCase *self)
{
  g_return_val_if_fail (CP_IS_CASE (self), NULL);
  return cp_record_get_object (CP_RECORD (self), PROP_CHILD);
}

/**
 * cp_case_get_placements:
 * @self: a #CpCase
 *
 * Gets the [property@Case:placements] property.
 *
 * Returns: (transfer none): the placements, a list of [class@Placement]
 */
GListModel *
cp_case_get_placements (CpCase *self)
{
  g_return_val_if_fail (CP_IS_CASE (self), NULL);
  return cp_record_get_list (CP_RECORD (self), PROP_PLACEMENTS);
}

/**
 * cp_case_get_care_plan:
 * @self: a #CpCase
 *
 * Gets the [property@Case:care-plan] property.
 *
 * Returns: (transfer none) (nullable): the care plan
 */
CpCarePlan *
cp_case_get_care_plan (CpCase *self)
{
  g_return_val_if_fail (CP_IS_CASE (self), NULL);
  return cp_record_get_object (CP_RECORD (self), PROP_CARE_PLAN);
}

/**
 * cp_case_get_permanence_plan:
 * @self: a #CpCase
 *
 * Gets the [property@Case:permanence-plan] property.
 *
 * Returns: (transfer none) (nullable): the permanence plan
 */
CpPermanencePlan *
cp_case_get_permanence_plan (CpCase *self)
{
  g_return_val_if_fail (CP_IS_CASE (self), NULL);
  return cp_record_get_object (CP_RECORD (self), PROP_PERMANENCE_PLAN);
}

/**
 * cp_case_get_reviews:
 * @self: a #CpCase
 *
 * Gets the [property@Case:reviews] property.
 *
 * Returns: (transfer none): the reviews, a list of [class@Review]
 */
GListModel *
cp_case_get_reviews (CpCase *self)
{
  g_return_val_if_fail (CP_IS_CASE (self), NULL);
  return cp_record_get_list (CP_RECORD (self), PROP_REVIEWS);
}

/**
 * cp_case_get_disputes:
 * @self: a #CpCase
 *
 * Gets the [property@Case:disputes] property.
 *
 * Returns: (transfer none): the disputes, a list of [class@Dispute]
 */
GListModel *
cp_case_get_disputes (CpCase *self)
{
  g_return_val_if_fail (CP_IS_CASE (self), NULL);
  return cp_record_get_list (CP_RECORD (self), PROP_DISPUTES);
}

/**
 * cp_case_get_events:
 * @self: a #CpCase
 *
 * Gets the [property@Case:events] property.
 *
 * Returns: (transfer none): the recorded events, a list of [class@CaseEvent]
 */
GListModel *
cp_case_get_events (CpCase *self)
{
  g_return_val_if_fail (CP_IS_CASE (self), NULL);
  return cp_record_get_list (CP_RECORD (self), PROP_EVENTS);
}

/**
 * cp_case_get_activities:
 * @self: a #CpCase
 *
 * Gets the [property@Case:activities] property.
 *
 * Returns: (transfer none): the casework done, a list of [class@Activity]
 */
GListModel *
cp_case_get_activities (CpCase *self)
{
  g_return_val_if_fail (CP_IS_CASE (self), NULL);
  return cp_record_get_list (CP_RECORD (self), PROP_ACTIVITIES);
}

/**
 * cp_case_get_history:
 * @self: a #CpCase
 *
 * Gets the [property@Case:history] property.
 *
 * Returns: (transfer none): the change history, a list of [class@HistoryEntry]
 */
GListModel *
cp_case_get_history (CpCase *self)
{
  g_return_val_if_fail (CP_IS_CASE (self), NULL);
  return cp_record_get_list (CP_RECORD (self), PROP_HISTORY);
}

/* The last item of the list field @prop_id, borrowed (the list keeps it
 * alive), without making the list's model. */
static gpointer
last_item (CpCase *self, guint prop_id)
{
  guint n;
  gpointer const *items = cp_record_get_items (CP_RECORD (self), prop_id, &n);

  return n > 0 ? items[n - 1] : NULL;
}

/**
 * cp_case_get_current_placement:
 * @self: a #CpCase
 *
 * The placement the child is in now, if any.
 *
 * Returns: (transfer none) (nullable): the latest placement if it has not
 *   ended, else %NULL
 */
CpPlacement *
cp_case_get_current_placement (CpCase *self)
{
  CpPlacement *p;

  g_return_val_if_fail (CP_IS_CASE (self), NULL);

  p = last_item (self, PROP_PLACEMENTS);
  return p != NULL && cp_placement_get_end (p) == NULL ? p : NULL;
}

/**
 * cp_case_get_review:
 * @self: a #CpCase
 * @sequence: 1 for the first review, ...
 *
 * Looks up a review by its sequence number.
 *
 * Returns: (transfer none) (nullable): the review with that sequence number
 */
CpReview *
cp_case_get_review (CpCase *self,
                    int     sequence)
{
  gpointer const *reviews;
  guint n;

  g_return_val_if_fail (CP_IS_CASE (self), NULL);

  reviews = cp_record_get_items (CP_RECORD (self), PROP_REVIEWS, &n);
  for (guint i = 0; i < n; i++)
    if (cp_review_get_sequence (reviews[i]) == sequence)
      return reviews[i];   /* the list keeps it alive */
  return NULL;
}

static void
record_history (CpCase      *self,
                const GDate *date,
                CpRole       role,
                const char  *actor,
                const char  *action,
                const char  *reason,
                gboolean     refused)
{
  g_autoptr(CpHistoryEntry) entry = g_object_new (CP_TYPE_HISTORY_ENTRY,
                                                  "date", date,
                                                  "actor-role", role,
                                                  "actor", actor,
                                                  "action", action,
                                                  "reason", reason,
                                                  "refused", refused,
                                                  NULL);

  cp_record_append_item (CP_RECORD (self), PROP_HISTORY, entry);
  g_signal_emit (self, signals[HISTORY_ADDED], 0, entry);
}

/* Refuses a @date before the child became looked after. */
static gboolean
check_not_before_care (CpCase      *self,
                       const GDate *date,
                       const char  *field,
                       GError     **error)
{
  const GDate *lac = cp_child_get_looked_after_since (cp_case_get_child (self));
  g_autofree char *a = NULL, *b = NULL;

  if (g_date_compare (date, lac) >= 0)
    return TRUE;
  a = cp_date_format_iso (date);
  b = cp_date_format_iso (lac);
  return cp_fail (error, CP_ERROR_INCONSISTENT,
                  "%s: %s is before the child became looked after (%s)", field, a, b);
}

/* Refuses @action unless @role is the one @policy requires for it. */
static gboolean
check_role (CpCase      *self,
            CpPolicy    *policy,
            const char  *action,
            CpRole       role,
            const char  *actor,
            const GDate *date,
            GError     **error)
{
  const CpAuthorityAct act = { .action = action, .kase = self, .date = date };

  return cp_authority_check (policy, &act, role, actor, error);
}

/**
 * cp_case_add_placement:
 * @self: a #CpCase
 * @placement: the new placement
 * @role: who records it
 * @actor: (nullable): the member of staff, if recorded
 * @reason: (nullable): why the child moved
 * @error: return location for a #GError
 *
 * Records a placement. A placement still open ends on the day the new one
 * starts (a move), and that is recorded too. The placement may not start
 * before the child became looked after, nor before the latest placement
 * started, and may not end before it starts.
 *
 * Returns: %TRUE if the placement was added
 */
gboolean
cp_case_add_placement (CpCase       *self,
                       CpPlacement  *placement,
                       CpRole        role,
                       const char   *actor,
                       const char   *reason,
                       GError      **error)
{
  const GDate *start, *end;
  CpPlacement *last;

  g_return_val_if_fail (CP_IS_CASE (self), FALSE);
  g_return_val_if_fail (CP_IS_PLACEMENT (placement), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  start = cp_placement_get_start (placement);
  end = cp_placement_get_end (placement);

  if (!check_not_before_care (self, start, "placement.start", error))
    return FALSE;
  if (end != NULL && g_date_compare (end, start) < 0)
    {
      g_autofree char *a = cp_date_format_iso (end), *b = cp_date_format_iso (start);
      return cp_fail (error, CP_ERROR_INCONSISTENT,
                          "placement.end: %s is before its start %s", a, b);
    }

  last = last_item (self, PROP_PLACEMENTS);
  if (last != NULL)
    {
      const GDate *last_start = cp_placement_get_start (last);
      const GDate *last_end = cp_placement_get_end (last);

      if (g_date_compare (start, last_start) < 0)
        {
          g_autofree char *a = cp_date_format_iso (start), *b = cp_date_format_iso (last_start);
          return cp_fail (error, CP_ERROR_INCONSISTENT,
                              "placement.start: %s is before the latest placement’s start %s", a, b);
        }
      if (last_end != NULL && g_date_compare (start, last_end) < 0)
        {
          g_autofree char *a = cp_date_format_iso (start), *b = cp_date_format_iso (last_end);
          return cp_fail (error, CP_ERROR_INCONSISTENT,
                              "placement.start: %s overlaps the latest placement, which ends %s", a, b);
        }
      if (last_end == NULL)
        {
          cp_placement_set_end (last, start);
          record_history (self, start, role, actor, "placement.end", reason, FALSE);
        }
    }

  cp_record_append_item (CP_RECORD (self), PROP_PLACEMENTS, placement);
  record_history (self, start, role, actor, "placement.add", reason, FALSE);
  return TRUE;
}

/**
 * cp_case_set_care_plan:
 * @self: a #CpCase
 * @plan: the care plan, in its draft state
 * @role: who records it
 * @actor: (nullable): the member of staff, if recorded
 * @error: return location for a #GError
 *
 * Gives the case its first care plan. A case that has one already changes
 * it through [method@Case.propose_care_plan_change].
 *
 * Returns: %TRUE if the plan was set
 */
gboolean
cp_case_set_care_plan (CpCase      *self,
                       CpCarePlan  *plan,
                       CpRole       role,
                       const char  *actor,
                       GError     **error)
{
  g_return_val_if_fail (CP_IS_CASE (self), FALSE);
  g_return_val_if_fail (CP_IS_CARE_PLAN (plan), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (cp_case_get_care_plan (self) != NULL)
    return cp_fail (error, CP_ERROR_ILLEGAL_TRANSITION,
                        "care_plan: the case has a care plan already; propose a change instead");
  if (cp_care_plan_get_state (plan) != CP_CARE_PLAN_STATE_DRAFT)
    return cp_fail (error, CP_ERROR_ILLEGAL_TRANSITION,
                        "care_plan.state: a new care plan starts as a draft");

  cp_record_set_object (CP_RECORD (self), PROP_CARE_PLAN, plan);
  record_history (self, cp_care_plan_get_created (plan), role, actor,
                  "care-plan.create", NULL, FALSE);
  return TRUE;
}

/**
 * cp_case_authorise_care_plan:
 * @self: a #CpCase
 * @policy: the profile whose `authority.care-plan.authorise` rule says who
 *   may authorise
 * @role: the role of who authorises (Stoke-on-Trent: a Practice Manager)
 * @actor: (nullable): the member of staff, if recorded
 * @date: the day of authorisation
 * @error: return location for a #GError
 *
 * Moves the care plan from draft to authorised (Stoke-on-Trent §5.4: the
 * Practice Manager "must authorise the Care Plan"). A plan that is not a
 * draft gives %CP_ERROR_ILLEGAL_TRANSITION; a role other than the one
 * @policy requires gives %CP_ERROR_NOT_AUTHORISED and the refusal is
 * recorded in the history.
 *
 * Returns: %TRUE if the plan was authorised
 */
gboolean
cp_case_authorise_care_plan (CpCase       *self,
                             CpPolicy     *policy,
                             CpRole        role,
                             const char   *actor,
                             const GDate  *date,
                             GError      **error)
{
  CpCarePlan *plan;

  g_return_val_if_fail (CP_IS_CASE (self), FALSE);
  g_return_val_if_fail (CP_IS_POLICY (policy), FALSE);
  g_return_val_if_fail (date != NULL && g_date_valid (date), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  plan = cp_case_get_care_plan (self);
  if (plan == NULL)
    return cp_fail (error, CP_ERROR_ILLEGAL_TRANSITION, "care_plan: the case has no care plan");
  if (!check_role (self, policy, "care-plan.authorise", role, actor, date, error))
    return FALSE;
  if (cp_care_plan_get_state (plan) != CP_CARE_PLAN_STATE_DRAFT)
    return cp_fail (error, CP_ERROR_ILLEGAL_TRANSITION,
                        "care_plan.state: only a draft can be authorised (it is %s)",
                        cp_enum_to_nick (CP_TYPE_CARE_PLAN_STATE, cp_care_plan_get_state (plan)));

  cp_care_plan_authorise (plan, date, actor);
  record_history (self, date, role, actor, "care-plan.authorise", NULL, FALSE);
  return TRUE;
}

/**
 * cp_case_ratify_care_plan:
 * @self: a #CpCase
 * @policy: the profile whose `authority.care-plan.ratify` rule says who may
 *   ratify
 * @review_sequence: the statutory review, already held, that ratifies it
 * @role: the role of who ratifies (the IRO, who chairs the review)
 * @actor: (nullable): the member of staff, if recorded
 * @error: return location for a #GError
 *
 * Moves the care plan from authorised to ratified at a statutory review
 * (Stoke-on-Trent §5.6: changes to the overall plan are made only at a
 * statutory review). Any proposed change is cleared.
 *
 * Returns: %TRUE if the plan was ratified
 */
gboolean
cp_case_ratify_care_plan (CpCase      *self,
                          CpPolicy    *policy,
                          int          review_sequence,
                          CpRole       role,
                          const char  *actor,
                          GError     **error)
{
  CpCarePlan *plan;
  CpReview *review;
  const GDate *held;

  g_return_val_if_fail (CP_IS_CASE (self), FALSE);
  g_return_val_if_fail (CP_IS_POLICY (policy), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  plan = cp_case_get_care_plan (self);
  review = cp_case_get_review (self, review_sequence);
  if (plan == NULL)
    return cp_fail (error, CP_ERROR_ILLEGAL_TRANSITION, "care_plan: the case has no care plan");
  if (review == NULL)
    return cp_fail (error, CP_ERROR_INCONSISTENT,
                        "review %d: the case has no such review", review_sequence);
  held = cp_review_get_held (review);
  if (held == NULL)
    return cp_fail (error, CP_ERROR_ILLEGAL_TRANSITION,
                        "review %d: a plan is ratified only at a review that has been held",
                        review_sequence);
  if (!check_role (self, policy, "care-plan.ratify", role, actor, held, error))
    return FALSE;
  if (cp_care_plan_get_state (plan) != CP_CARE_PLAN_STATE_AUTHORISED)
    return cp_fail (error, CP_ERROR_ILLEGAL_TRANSITION,
                        "care_plan.state: only an authorised plan can be ratified (it is %s)",
                        cp_enum_to_nick (CP_TYPE_CARE_PLAN_STATE, cp_care_plan_get_state (plan)));

  cp_care_plan_ratify (plan, held, review_sequence);
  record_history (self, held, role, actor, "care-plan.ratify", NULL, FALSE);
  return TRUE;
}

/**
 * cp_case_propose_care_plan_change:
 * @self: a #CpCase
 * @description: the change
 * @role: who proposes it
 * @actor: (nullable): the member of staff, if recorded
 * @date: when
 * @error: return location for a #GError
 *
 * Records a change to the overall plan proposed outside a review. The plan
 * goes back to draft: it must be authorised again and ratified at a
 * review, which the rules engine brings forward.
 *
 * Returns: %TRUE if the change was recorded
 */
gboolean
cp_case_propose_care_plan_change (CpCase       *self,
                                  const char   *description,
                                  CpRole        role,
                                  const char   *actor,
                                  const GDate  *date,
                                  GError      **error)
{
  CpCarePlan *plan;

  g_return_val_if_fail (CP_IS_CASE (self), FALSE);
  g_return_val_if_fail (description != NULL, FALSE);
  g_return_val_if_fail (date != NULL && g_date_valid (date), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  plan = cp_case_get_care_plan (self);
  if (plan == NULL)
    return cp_fail (error, CP_ERROR_ILLEGAL_TRANSITION, "care_plan: the case has no care plan");

  cp_care_plan_propose_change (plan, description, date);
  record_history (self, date, role, actor, "care-plan.propose-change", description, FALSE);
  return TRUE;
}

/**
 * cp_case_set_permanence_plan:
 * @self: a #CpCase
 * @plan: the permanence plan
 * @role: who records it
 * @actor: (nullable): the member of staff, if recorded
 * @date: when
 * @error: return location for a #GError
 *
 * Sets or replaces the permanence plan.
 *
 * Returns: %TRUE
 */
gboolean
cp_case_set_permanence_plan (CpCase            *self,
                             CpPermanencePlan  *plan,
                             CpRole             role,
                             const char        *actor,
                             const GDate       *date,
                             GError           **error)
{
  g_return_val_if_fail (CP_IS_CASE (self), FALSE);
  g_return_val_if_fail (CP_IS_PERMANENCE_PLAN (plan), FALSE);
  g_return_val_if_fail (date != NULL && g_date_valid (date), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  cp_record_set_object (CP_RECORD (self), PROP_PERMANENCE_PLAN, plan);
  record_history (self, date, role, actor, "permanence-plan.set", NULL, FALSE);
  return TRUE;
}

/**
 * cp_case_add_review:
 * @self: a #CpCase
 * @review: the next review; its sequence must follow the last one
 * @role: who records it
 * @actor: (nullable): the member of staff, if recorded
 * @error: return location for a #GError
 *
 * Records a statutory review, scheduled or held.
 *
 * Returns: %TRUE if the review was added
 */
gboolean
cp_case_add_review (CpCase      *self,
                    CpReview    *review,
                    CpRole       role,
                    const char  *actor,
                    GError     **error)
{
  guint n;
  const GDate *held, *when;

  g_return_val_if_fail (CP_IS_CASE (self), FALSE);
  g_return_val_if_fail (CP_IS_REVIEW (review), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  n = g_list_model_get_n_items (cp_case_get_reviews (self));
  if (cp_review_get_sequence (review) != (int) n + 1)
    return cp_fail (error, CP_ERROR_INCONSISTENT,
                        "review.sequence: %d, expected %u (reviews are numbered in order)",
                        cp_review_get_sequence (review), n + 1);

  held = cp_review_get_held (review);
  if (held != NULL && !check_not_before_care (self, held, "review.held", error))
    return FALSE;

  when = held ? held : cp_review_get_scheduled (review);
  if (when == NULL)
    return cp_fail (error, CP_ERROR_MISSING_FIELD,
                        "review: needs a scheduled or a held date");

  cp_record_append_item (CP_RECORD (self), PROP_REVIEWS, review);
  record_history (self, when, role, actor, held ? "review.held" : "review.schedule", NULL, FALSE);
  return TRUE;
}

/**
 * cp_case_add_dispute:
 * @self: a #CpCase
 * @policy: the profile whose `authority.dispute.register` rule says who may
 *   register a dispute
 * @dispute: the dispute
 * @role: who registers it (the IRO, under every shipped profile)
 * @actor: (nullable): the member of staff, if recorded
 * @error: return location for a #GError
 *
 * Registers a dispute. A role other than the one @policy requires is
 * refused (%CP_ERROR_NOT_AUTHORISED) and the refusal is recorded in the
 * history. A dispute about a recommendation
 * ([property@Dispute:recommendation]) must name a recommendation of a
 * review of the case (%CP_ERROR_INCONSISTENT).
 *
 * Returns: %TRUE if the dispute was registered
 */
gboolean
cp_case_add_dispute (CpCase      *self,
                     CpPolicy    *policy,
                     CpDispute   *dispute,
                     CpRole       role,
                     const char  *actor,
                     GError     **error)
{
  const GDate *raised;

  g_return_val_if_fail (CP_IS_CASE (self), FALSE);
  g_return_val_if_fail (CP_IS_POLICY (policy), FALSE);
  g_return_val_if_fail (CP_IS_DISPUTE (dispute), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  raised = cp_dispute_get_raised_on (dispute);
  if (cp_dispute_get_stage (dispute) != NULL || cp_dispute_get_resolved_on (dispute) != NULL ||
      g_list_model_get_n_items (cp_dispute_get_steps (dispute)) > 0)
    return cp_fail (error, CP_ERROR_ILLEGAL_TRANSITION,
                    "dispute: a dispute is registered before any step or resolution; those are "
                    "recorded by escalating and resolving it");
  if (!check_role (self, policy, "dispute.register", role, actor, raised, error) ||
      !cp_case_check_dispute_reference (self, dispute, "dispute", error))
    return FALSE;

  cp_record_append_item (CP_RECORD (self), PROP_DISPUTES, dispute);
  record_history (self, raised, role, actor, "dispute.register",
                  cp_dispute_get_subject (dispute), FALSE);
  return TRUE;
}

/**
 * cp_case_record_event:
 * @self: a #CpCase
 * @event: what happened
 * @role: who records it
 * @actor: (nullable): the member of staff, if recorded
 * @error: return location for a #GError
 *
 * Records an event that a policy may treat as a reason to bring the next
 * review forward. The event may not come before the child became looked
 * after.
 *
 * Returns: %TRUE if the event was recorded
 */
gboolean
cp_case_record_event (CpCase       *self,
                      CpCaseEvent  *event,
                      CpRole        role,
                      const char   *actor,
                      GError      **error)
{
  const GDate *date;

  g_return_val_if_fail (CP_IS_CASE (self), FALSE);
  g_return_val_if_fail (CP_IS_CASE_EVENT (event), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  date = cp_case_event_get_date (event);
  if (!check_not_before_care (self, date, "event.date", error))
    return FALSE;

  cp_record_append_item (CP_RECORD (self), PROP_EVENTS, event);
  record_history (self, date, role, actor,
                  "event.record", cp_enum_to_nick (CP_TYPE_EVENT_KIND,
                                                   cp_case_event_get_kind (event)),
                  FALSE);
  return TRUE;
}

/**
 * cp_case_add_activity:
 * @self: a #CpCase
 * @activity: what was done, and when
 * @role: who records it
 * @actor: (nullable): the member of staff, if recorded
 *
 * Records casework done on a date: a visit, a health assessment, a
 * meeting, a pathway plan. Planning may come before the child is looked
 * after, so any date is accepted.
 */
void
cp_case_add_activity (CpCase      *self,
                      CpActivity  *activity,
                      CpRole       role,
                      const char  *actor)
{
  g_return_if_fail (CP_IS_CASE (self));
  g_return_if_fail (CP_IS_ACTIVITY (activity));

  cp_record_append_item (CP_RECORD (self), PROP_ACTIVITIES, activity);
  record_history (self, cp_activity_get_date (activity), role, actor,
                  "activity.record", cp_enum_to_nick (CP_TYPE_DUTY, cp_activity_get_duty (activity)),
                  FALSE);
}

/**
 * cp_case_get_allocations:
 * @self: a #CpCase
 *
 * Gets the [property@Case:allocations] property.
 *
 * Returns: (transfer none): who the case was allocated to, a list of
 *   [class@Allocation]
 */
GListModel *
cp_case_get_allocations (CpCase *self)
{
  g_return_val_if_fail (CP_IS_CASE (self), NULL);
  return cp_record_get_list (CP_RECORD (self), PROP_ALLOCATIONS);
}

/* The latest allocation in @allocated_role, borrowed, or NULL. */
static CpAllocation *
latest_allocation (CpCase *self,
                   CpRole  allocated_role)
{
  guint n;
  gpointer const *items = cp_record_get_items (CP_RECORD (self), PROP_ALLOCATIONS, &n);

  for (guint i = n; i > 0; i--)
    if (cp_allocation_get_role (items[i - 1]) == allocated_role)
      return items[i - 1];
  return NULL;
}

/**
 * cp_case_allocate:
 * @self: a #CpCase
 * @allocation: the new allocation
 * @role: who records it
 * @actor: (nullable): the member of staff, if recorded
 * @error: return location for a #GError
 *
 * Allocates the case: to a social worker and team, or to an IRO. An open
 * allocation in the same role ends on the day the new one starts (the
 * handover). An allocation may not start before the latest one in its
 * role started, nor end before it starts.
 *
 * Returns: %TRUE if the allocation was recorded
 */
gboolean
cp_case_allocate (CpCase        *self,
                  CpAllocation  *allocation,
                  CpRole         role,
                  const char    *actor,
                  GError       **error)
{
  CpRole allocated_role;
  CpAllocation *prev;
  const GDate *start, *end;

  g_return_val_if_fail (CP_IS_CASE (self), FALSE);
  g_return_val_if_fail (CP_IS_ALLOCATION (allocation), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  allocated_role = cp_allocation_get_role (allocation);
  start = cp_allocation_get_start (allocation);
  end = cp_allocation_get_end (allocation);
  if (end != NULL && g_date_compare (end, start) < 0)
    {
      g_autofree char *a = cp_date_format_iso (end), *b = cp_date_format_iso (start);
      return cp_fail (error, CP_ERROR_INCONSISTENT,
                      "allocation.end: %s is before its start %s", a, b);
    }
  prev = latest_allocation (self, allocated_role);
  if (prev != NULL && g_date_compare (start, cp_allocation_get_start (prev)) < 0)
    {
      g_autofree char *a = cp_date_format_iso (start);
      g_autofree char *b = cp_date_format_iso (cp_allocation_get_start (prev));
      return cp_fail (error, CP_ERROR_INCONSISTENT,
                      "allocation.start: %s is before the latest %s allocation’s start %s",
                      a, cp_enum_to_nick (CP_TYPE_ROLE, allocated_role), b);
    }
  if (prev != NULL && (cp_allocation_get_end (prev) == NULL ||
                       g_date_compare (cp_allocation_get_end (prev), start) > 0))
    cp_allocation_set_end (prev, start);

  cp_record_append_item (CP_RECORD (self), PROP_ALLOCATIONS, allocation);
  /* The history names the role, never the member of staff allocated. */
  record_history (self, start, role, actor,
                  "allocation.record", cp_enum_to_nick (CP_TYPE_ROLE, allocated_role),
                  FALSE);
  return TRUE;
}

/**
 * cp_case_get_allocation:
 * @self: a #CpCase
 * @allocated_role: the role allocated (`CP_ROLE_SOCIAL_WORKER`, `CP_ROLE_IRO`)
 * @date: a day
 *
 * The allocation in @allocated_role that held on @date: of those covering
 * it, the one that started last (so on a day of handover, the new one).
 *
 * Returns: (transfer none) (nullable): the allocation, or %NULL if the case
 *   was not allocated in that role on @date
 */
CpAllocation *
cp_case_get_allocation (CpCase      *self,
                        CpRole       allocated_role,
                        const GDate *date)
{
  gpointer const *items;
  CpAllocation *best = NULL;
  guint n;

  g_return_val_if_fail (CP_IS_CASE (self), NULL);
  g_return_val_if_fail (date != NULL && g_date_valid (date), NULL);

  items = cp_record_get_items (CP_RECORD (self), PROP_ALLOCATIONS, &n);
  for (guint i = 0; i < n; i++)
    {
      CpAllocation *a = items[i];

      if (cp_allocation_get_role (a) == allocated_role && cp_allocation_covers (a, date) &&
          (best == NULL ||
           g_date_compare (cp_allocation_get_start (a), cp_allocation_get_start (best)) >= 0))
        best = a;
    }
  return best;
}

/**
 * cp_case_place:
 * @self: a #CpCase
 * @policy: the profile whose `authority.placement.*` rules say who must
 *   approve the placement
 * @placement: the new placement
 * @role: the role of who approves it
 * @actor: (nullable): the member of staff, if recorded
 * @reason: (nullable): why the child moves
 * @error: return location for a #GError
 *
 * Places the child as [method@Case.add_placement] does, once the profile's
 * approvals are met: where an `authority.placement.*` rule applies (Stoke-on-
 * Trent: a Strategic Manager for a placement outside the authority other
 * than with its own foster carers, and for a move in school years 10 and
 * 11; Salford: an Assistant Director out of borough, the Strategic Director
 * for a distant placement, except with parents, connected persons or
 * Salford's foster carers), only its approver may do it. Anyone else is
 * refused with %CP_ERROR_NOT_AUTHORISED and the refusal recorded.
 * [method@Case.add_placement] records a placement already made (an import,
 * a correction) without these checks.
 *
 * Returns: %TRUE if the child was placed
 */
gboolean
cp_case_place (CpCase       *self,
               CpPolicy     *policy,
               CpPlacement  *placement,
               CpRole        role,
               const char   *actor,
               const char   *reason,
               GError      **error)
{
  CpAuthorityAct act = { .action = "placement", .described_as = "this placement",
                         .recorded_as = "placement.add" };

  g_return_val_if_fail (CP_IS_CASE (self), FALSE);
  g_return_val_if_fail (CP_IS_POLICY (policy), FALSE);
  g_return_val_if_fail (CP_IS_PLACEMENT (placement), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  act.kase = self;
  act.date = cp_placement_get_start (placement);
  act.placement = placement;
  if (!cp_authority_check (policy, &act, role, actor, error))
    return FALSE;
  return cp_case_add_placement (self, placement, role, actor, reason, error);
}

/**
 * cp_case_cease:
 * @self: a #CpCase
 * @policy: the profile whose `authority.cease.*` rules say who must approve
 * @calendar: the calendar the rules' "time looked after" is counted on
 * @date: the day the child stops being looked after
 * @role: the role of who approves the decision
 * @actor: (nullable): the member of staff, if recorded
 * @error: return location for a #GError
 *
 * Records that the child stops being looked after on @date
 * ([property@Child:ceased-on]). Where one of the profile's
 * `authority.cease.*` rules applies (Salford: an Assistant Director for a
 * child under 16 accommodated under section 20 for 20 working days or more,
 * the Strategic Director for a 16- or 17-year-old under section 20), only
 * its approver may do it; anyone else is refused with
 * %CP_ERROR_NOT_AUTHORISED and the refusal is recorded in the history.
 * A review before ceasing is a separate obligation (the profile's
 * `review.trigger.cease-proposed` rule, after a `cease-proposed` event).
 *
 * Returns: %TRUE if the child has ceased to be looked after
 */
gboolean
cp_case_cease (CpCase       *self,
               CpPolicy     *policy,
               CpCalendar   *calendar,
               const GDate  *date,
               CpRole        role,
               const char   *actor,
               GError      **error)
{
  CpAuthorityAct act = { .action = "cease", .described_as = "ceasing care", .recorded_as = "case.cease" };
  CpChild *child;

  g_return_val_if_fail (CP_IS_CASE (self), FALSE);
  g_return_val_if_fail (CP_IS_POLICY (policy), FALSE);
  g_return_val_if_fail (CP_IS_CALENDAR (calendar), FALSE);
  g_return_val_if_fail (date != NULL && g_date_valid (date), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  child = cp_case_get_child (self);
  if (cp_child_get_ceased_on (child) != NULL)
    return cp_fail (error, CP_ERROR_ILLEGAL_TRANSITION, "child.ceased_on: the child has already ceased to be looked after");
  if (!check_not_before_care (self, date, "child.ceased_on", error))
    return FALSE;

  act.kase = self;
  act.date = date;
  act.calendar = calendar;
  if (!cp_authority_check (policy, &act, role, actor, error))
    return FALSE;

  cp_child_cease (child, date);
  record_history (self, date, role, actor, "case.cease", NULL, FALSE);
  return TRUE;
}

/* For the evaluator, which checks review changes against a policy. */
void
cp_case_add_history (CpCase      *self,
                     const GDate *date,
                     CpRole       role,
                     const char  *actor,
                     const char  *action,
                     const char  *reason,
                     gboolean     refused)
{
  g_return_if_fail (CP_IS_CASE (self));
  record_history (self, date, role, actor, action, reason, refused);
}

void
cp_case_import_placement (CpCase      *self,
                          CpPlacement *placement)
{
  cp_record_append_item (CP_RECORD (self), PROP_PLACEMENTS, placement);
}

void
cp_case_import_review (CpCase   *self,
                       CpReview *review)
{
  cp_record_append_item (CP_RECORD (self), PROP_REVIEWS, review);
}

/* For readers of other formats (the SSD): records as they are, without a
 * history entry, as the JSON reader takes them. */
void
cp_case_import_activity (CpCase     *self,
                         CpActivity *activity)
{
  cp_record_append_item (CP_RECORD (self), PROP_ACTIVITIES, activity);
}

/* An activity as its duty and day, kept plain until somebody asks for the
 * list (cp_case_realize()); after the list is made, added to it. */
void
cp_case_import_activity_day (CpCase  *self,
                             CpDuty   duty,
                             guint32  day)
{
  CpActivityDay a = { duty, day };
  guint n;

  if (self->activity_days == NULL)
    {
      /* Plain days only come first: after records, a record. */
      cp_record_get_items (CP_RECORD (self), PROP_ACTIVITIES, &n);
      if (n > 0)
        {
          append_activity_day (self, duty, day);
          return;
        }
      self->activity_days = g_array_sized_new (FALSE, FALSE, sizeof (CpActivityDay), 32);
    }
  g_array_append_val (self->activity_days, a);
}

void
cp_case_walk_activities (CpCase         *self,
                         CpActivityWalk *walk)
{
  walk->i = 0;
  /* While plain days are kept, the records' list is empty. */
  if (self->activity_days != NULL && self->activity_days->len > 0)
    {
      walk->days = (const CpActivityDay *) (gpointer) self->activity_days->data;
      walk->records = NULL;
      walk->n = self->activity_days->len;
      return;
    }
  walk->days = NULL;
  walk->records = cp_case_peek_activities (self, &walk->n);
}

gboolean
cp_activity_walk_next (CpActivityWalk *walk,
                       CpDuty         *duty,
                       guint32        *day)
{
  if (walk->i >= walk->n)
    return FALSE;
  if (walk->days != NULL)
    {
      *duty = walk->days[walk->i].duty;
      *day = walk->days[walk->i].day;
    }
  else
    {
      *duty = cp_activity_get_duty (walk->records[walk->i]);
      *day = cp_date_julian (cp_activity_get_date (walk->records[walk->i]));
    }
  walk->i++;
  return TRUE;
}

void
cp_case_import_event (CpCase      *self,
                      CpCaseEvent *event)
{
  cp_record_append_item (CP_RECORD (self), PROP_EVENTS, event);
}

void
cp_case_import_plans (CpCase           *self,
                      CpCarePlan       *care_plan,
                      CpPermanencePlan *permanence_plan)
{
  if (care_plan != NULL)
    cp_record_set_object (CP_RECORD (self), PROP_CARE_PLAN, care_plan);
  if (permanence_plan != NULL)
    cp_record_set_object (CP_RECORD (self), PROP_PERMANENCE_PLAN, permanence_plan);
}

CpPlacement *const *
cp_case_peek_placements (CpCase *self,
                         guint *n_items)
{
  return (CpPlacement *const *) cp_record_get_items (CP_RECORD (self), PROP_PLACEMENTS, n_items);
}

CpReview *const *
cp_case_peek_reviews (CpCase *self,
                      guint *n_items)
{
  return (CpReview *const *) cp_record_get_items (CP_RECORD (self), PROP_REVIEWS, n_items);
}

CpDispute *const *
cp_case_peek_disputes (CpCase *self,
                       guint *n_items)
{
  return (CpDispute *const *) cp_record_get_items (CP_RECORD (self), PROP_DISPUTES, n_items);
}

CpCaseEvent *const *
cp_case_peek_events (CpCase *self,
                     guint *n_items)
{
  return (CpCaseEvent *const *) cp_record_get_items (CP_RECORD (self), PROP_EVENTS, n_items);
}

CpActivity *const *
cp_case_peek_activities (CpCase *self,
                         guint *n_items)
{
  return (CpActivity *const *) cp_record_get_items (CP_RECORD (self), PROP_ACTIVITIES, n_items);
}

CpAllocation *const *
cp_case_peek_allocations (CpCase *self,
                          guint *n_items)
{
  return (CpAllocation *const *) cp_record_get_items (CP_RECORD (self), PROP_ALLOCATIONS, n_items);
}

CpHistoryEntry *const *
cp_case_peek_history (CpCase *self,
                      guint *n_items)
{
  return (CpHistoryEntry *const *) cp_record_get_items (CP_RECORD (self), PROP_HISTORY, n_items);
}
