/* cp-care-plan.c
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include "cp-care-plan-private.h"
#include "cp-record-private.h"

/**
 * CpCarePlan:
 *
 * The child's care plan and its sub-plans.
 *
 * Its lifecycle is draft, then authorised by a Practice Manager, then
 * ratified at a statutory review. The state changes only through
 * [method@Case.authorise_care_plan], [method@Case.ratify_care_plan] and
 * [method@Case.propose_care_plan_change], which emit
 * [signal@CarePlan::state-changed].
 */
struct _CpCarePlan
{
  CpRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (CpCarePlan, cp_care_plan, CP_TYPE_RECORD)

enum {
  PROP_0,
  PROP_STATE,
  PROP_CREATED,
  PROP_AUTHORISED_ON,
  PROP_AUTHORISED_BY,
  PROP_RATIFIED_ON,
  PROP_RATIFIED_AT_REVIEW,
  PROP_PROPOSED_CHANGE,
  PROP_PROPOSED_CHANGE_ON,
  PROP_SUB_PLANS,
  N_PROPS
};

enum {
  STATE_CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
cp_care_plan_class_init (CpCarePlanClass *klass)
{
  /**
   * CpCarePlan:state:
   *
   * Where the plan is in its lifecycle.
   */
  properties[PROP_STATE] =
    g_param_spec_enum ("state", NULL, NULL, CP_TYPE_CARE_PLAN_STATE, CP_CARE_PLAN_STATE_DRAFT,
                       G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /**
   * CpCarePlan:created:
   *
   * When the plan was first written.
   */
  properties[PROP_CREATED] =
    cp_field_date ("created", CP_FIELD_REQUIRED | CP_FIELD_FIXED);

  /**
   * CpCarePlan:authorised-on:
   *
   * When it was last authorised.
   */
  properties[PROP_AUTHORISED_ON] =
    cp_field_date ("authorised-on", CP_FIELD_FIXED);

  /**
   * CpCarePlan:authorised-by:
   *
   * Who authorised it (a member of staff).
   */
  properties[PROP_AUTHORISED_BY] =
    g_param_spec_string ("authorised-by", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /**
   * CpCarePlan:ratified-on:
   *
   * When it was last ratified at a review.
   */
  properties[PROP_RATIFIED_ON] =
    cp_field_date ("ratified-on", CP_FIELD_FIXED);

  /**
   * CpCarePlan:ratified-at-review:
   *
   * The sequence number of the review that ratified it, or 0.
   */
  properties[PROP_RATIFIED_AT_REVIEW] =
    g_param_spec_int ("ratified-at-review", NULL, NULL, 0, 1000, 0,
                      G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /**
   * CpCarePlan:proposed-change:
   *
   * A change proposed outside a review, awaiting ratification.
   */
  properties[PROP_PROPOSED_CHANGE] =
    g_param_spec_string ("proposed-change", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /**
   * CpCarePlan:proposed-change-on:
   *
   * When that change was proposed.
   */
  properties[PROP_PROPOSED_CHANGE_ON] =
    cp_field_date ("proposed-change-on", CP_FIELD_FIXED);

  /**
   * CpCarePlan:sub-plans:
   *
   * The sub-plans.
   */
  properties[PROP_SUB_PLANS] =
    cp_field_list ("sub-plans", CP_TYPE_SUB_PLAN);

  cp_record_class_install (G_OBJECT_CLASS (klass), properties, N_PROPS);

  /**
   * CpCarePlan::state-changed:
   * @self: the care plan
   * @old_state: the state it left
   * @new_state: the state it entered
   *
   * Emitted after every legal lifecycle transition.
   */
  signals[STATE_CHANGED] =
    g_signal_new ("state-changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 2, CP_TYPE_CARE_PLAN_STATE, CP_TYPE_CARE_PLAN_STATE);
}

static void
cp_care_plan_init (CpCarePlan *self)
{
}

/**
 * cp_care_plan_new:
 * @created: when the plan was first written
 *
 * Creates a [class@CarePlan].
 *
 * Returns: (transfer full): a new #CpCarePlan
 */
CpCarePlan *
cp_care_plan_new (const GDate *created)
{
  g_return_val_if_fail (created != NULL, NULL);

  return g_object_new (CP_TYPE_CARE_PLAN,
                       "created", created,
                       NULL);
}

/**
 * cp_care_plan_get_state:
 * @self: a #CpCarePlan
 *
 * Gets the [property@CarePlan:state] property.
 *
 * Returns: where the plan is in its lifecycle
 */
CpCarePlanState
cp_care_plan_get_state (CpCarePlan *self)
{
  g_return_val_if_fail (CP_IS_CARE_PLAN (self), 0);
  return (CpCarePlanState) cp_record_get_enum (CP_RECORD (self), PROP_STATE);
}

/**
 * cp_care_plan_get_created:
 * @self: a #CpCarePlan
 *
 * Gets the [property@CarePlan:created] property.
 *
 * Returns: (transfer none): when the plan was first written
 */
const GDate *
cp_care_plan_get_created (CpCarePlan *self)
{
  g_return_val_if_fail (CP_IS_CARE_PLAN (self), NULL);
  return cp_record_get_date (CP_RECORD (self), PROP_CREATED);
}

/**
 * cp_care_plan_get_authorised_on:
 * @self: a #CpCarePlan
 *
 * Gets the [property@CarePlan:authorised-on] property.
 *
 * Returns: (transfer none) (nullable): when it was last authorised
 */
const GDate *
cp_care_plan_get_authorised_on (CpCarePlan *self)
{
  g_return_val_if_fail (CP_IS_CARE_PLAN (self), NULL);
  return cp_record_get_date (CP_RECORD (self), PROP_AUTHORISED_ON);
}

/**
 * cp_care_plan_get_authorised_by:
 * @self: a #CpCarePlan
 *
 * Gets the [property@CarePlan:authorised-by] property.
 *
 * Returns: (transfer none) (nullable): who authorised it (a member of staff)
 */
const char *
cp_care_plan_get_authorised_by (CpCarePlan *self)
{
  g_return_val_if_fail (CP_IS_CARE_PLAN (self), NULL);
  return cp_record_get_string (CP_RECORD (self), PROP_AUTHORISED_BY);
}

/**
 * cp_care_plan_get_ratified_on:
 * @self: a #CpCarePlan
 *
 * Gets the [property@CarePlan:ratified-on] property.
 *
 * Returns: (transfer none) (nullable): when it was last ratified at a review
 */
const GDate *
cp_care_plan_get_ratified_on (CpCarePlan *self)
{
  g_return_val_if_fail (CP_IS_CARE_PLAN (self), NULL);
  return cp_record_get_date (CP_RECORD (self), PROP_RATIFIED_ON);
}

/**
 * cp_care_plan_get_ratified_at_review:
 * @self: a #CpCarePlan
 *
 * Gets the [property@CarePlan:ratified-at-review] property.
 *
 * Returns: the sequence number of the review that ratified it, or 0
 */
int
cp_care_plan_get_ratified_at_review (CpCarePlan *self)
{
  g_return_val_if_fail (CP_IS_CARE_PLAN (self), 0);
  return cp_record_get_int (CP_RECORD (self), PROP_RATIFIED_AT_REVIEW);
}

/**
 * cp_care_plan_get_proposed_change:
 * @self: a #CpCarePlan
 *
 * Gets the [property@CarePlan:proposed-change] property.
 *
 * Returns: (transfer none) (nullable): a change proposed outside a review, awaiting ratification
 */
const char *
cp_care_plan_get_proposed_change (CpCarePlan *self)
{
  g_return_val_if_fail (CP_IS_CARE_PLAN (self), NULL);
  return cp_record_get_string (CP_RECORD (self), PROP_PROPOSED_CHANGE);
}

/**
 * cp_care_plan_get_proposed_change_on:
 * @self: a #CpCarePlan
 *
 * Gets the [property@CarePlan:proposed-change-on] property.
 *
 * Returns: (transfer none) (nullable): when that change was proposed
 */
const GDate *
cp_care_plan_get_proposed_change_on (CpCarePlan *self)
{
  g_return_val_if_fail (CP_IS_CARE_PLAN (self), NULL);
  return cp_record_get_date (CP_RECORD (self), PROP_PROPOSED_CHANGE_ON);
}

/**
 * cp_care_plan_get_sub_plans:
 * @self: a #CpCarePlan
 *
 * Gets the [property@CarePlan:sub-plans] property.
 *
 * Returns: (transfer none): the sub-plans, a list of [class@SubPlan]
 */
GListModel *
cp_care_plan_get_sub_plans (CpCarePlan *self)
{
  g_return_val_if_fail (CP_IS_CARE_PLAN (self), NULL);
  return cp_record_get_list (CP_RECORD (self), PROP_SUB_PLANS);
}

/**
 * cp_care_plan_add_sub_plan:
 * @self: a #CpCarePlan
 * @sub_plan: a sub-plan
 *
 * Appends @sub_plan to [property@CarePlan:sub-plans].
 */
void
cp_care_plan_add_sub_plan (CpCarePlan *self,
    CpSubPlan *sub_plan)
{
  g_return_if_fail (CP_IS_CARE_PLAN (self));
  g_return_if_fail (CP_IS_SUB_PLAN (sub_plan));
  cp_record_append_item (CP_RECORD (self), PROP_SUB_PLANS, sub_plan);
}

/* Lifecycle changes, for CpCase, which checks legality and records them. */
void
cp_care_plan_authorise (CpCarePlan  *self,
                        const GDate *date,
                        const char  *who)
{
  CpCarePlanState old = cp_care_plan_get_state (self);

  g_object_freeze_notify (G_OBJECT (self));
  cp_record_set_enum (CP_RECORD (self), PROP_STATE, CP_CARE_PLAN_STATE_AUTHORISED);
  cp_record_set_date (CP_RECORD (self), PROP_AUTHORISED_ON, date);
  cp_record_set_string (CP_RECORD (self), PROP_AUTHORISED_BY, who);
  g_object_thaw_notify (G_OBJECT (self));
  g_signal_emit (self, signals[STATE_CHANGED], 0, old, CP_CARE_PLAN_STATE_AUTHORISED);
}

void
cp_care_plan_ratify (CpCarePlan  *self,
                     const GDate *date,
                     int          review_sequence)
{
  CpCarePlanState old = cp_care_plan_get_state (self);

  g_object_freeze_notify (G_OBJECT (self));
  cp_record_set_enum (CP_RECORD (self), PROP_STATE, CP_CARE_PLAN_STATE_RATIFIED);
  cp_record_set_date (CP_RECORD (self), PROP_RATIFIED_ON, date);
  cp_record_set_int (CP_RECORD (self), PROP_RATIFIED_AT_REVIEW, review_sequence);
  cp_record_set_string (CP_RECORD (self), PROP_PROPOSED_CHANGE, NULL);
  cp_record_set_date (CP_RECORD (self), PROP_PROPOSED_CHANGE_ON, NULL);
  g_object_thaw_notify (G_OBJECT (self));
  g_signal_emit (self, signals[STATE_CHANGED], 0, old, CP_CARE_PLAN_STATE_RATIFIED);
}

void
cp_care_plan_propose_change (CpCarePlan  *self,
                             const char  *description,
                             const GDate *date)
{
  CpCarePlanState old = cp_care_plan_get_state (self);

  g_object_freeze_notify (G_OBJECT (self));
  cp_record_set_enum (CP_RECORD (self), PROP_STATE, CP_CARE_PLAN_STATE_DRAFT);
  cp_record_set_string (CP_RECORD (self), PROP_PROPOSED_CHANGE, description);
  cp_record_set_date (CP_RECORD (self), PROP_PROPOSED_CHANGE_ON, date);
  g_object_thaw_notify (G_OBJECT (self));
  if (old != CP_CARE_PLAN_STATE_DRAFT)
    g_signal_emit (self, signals[STATE_CHANGED], 0, old, CP_CARE_PLAN_STATE_DRAFT);
}

CpSubPlan *const *
cp_care_plan_peek_sub_plans (CpCarePlan *self,
                             guint *n_items)
{
  return (CpSubPlan *const *) cp_record_get_items (CP_RECORD (self), PROP_SUB_PLANS, n_items);
}
