/* cp-sub-plan.c
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include "cp-record-private.h"

/**
 * CpSubPlan:
 *
 * A plan inside or beside the care plan (placement plan, health plan,
 * PEP, ...), with when it was completed and last reviewed.
 */
struct _CpSubPlan
{
  CpRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (CpSubPlan, cp_sub_plan, CP_TYPE_RECORD)

enum {
  PROP_0,
  PROP_KIND,
  PROP_COMPLETED,
  PROP_LAST_REVIEWED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
cp_sub_plan_class_init (CpSubPlanClass *klass)
{
  /**
   * CpSubPlan:kind:
   *
   * Which plan.
   */
  properties[PROP_KIND] =
    cp_field_required (g_param_spec_enum ("kind", NULL, NULL, CP_TYPE_SUB_PLAN_KIND, 0,
                       G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  /**
   * CpSubPlan:completed:
   *
   * When it was first completed.
   */
  properties[PROP_COMPLETED] =
    cp_field_date ("completed", 0);

  /**
   * CpSubPlan:last-reviewed:
   *
   * When it was last reviewed.
   */
  properties[PROP_LAST_REVIEWED] =
    cp_field_date ("last-reviewed", 0);

  cp_record_class_install (G_OBJECT_CLASS (klass), properties, N_PROPS);
}

static void
cp_sub_plan_init (CpSubPlan *self)
{
}

/**
 * cp_sub_plan_new:
 * @kind: which plan
 *
 * Creates a [class@SubPlan].
 *
 * Returns: (transfer full): a new #CpSubPlan
 */
CpSubPlan *
cp_sub_plan_new (CpSubPlanKind kind)
{

  return g_object_new (CP_TYPE_SUB_PLAN,
                       "kind", kind,
                       NULL);
}

/**
 * cp_sub_plan_get_kind:
 * @self: a #CpSubPlan
 *
 * Gets the [property@SubPlan:kind] property.
 *
 * Returns: which plan
 */
CpSubPlanKind
cp_sub_plan_get_kind (CpSubPlan *self)
{
  g_return_val_if_fail (CP_IS_SUB_PLAN (self), 0);
  return (CpSubPlanKind) cp_record_get_enum (CP_RECORD (self), PROP_KIND);
}

/**
 * cp_sub_plan_get_completed:
 * @self: a #CpSubPlan
 *
 * Gets the [property@SubPlan:completed] property.
 *
 * Returns: (transfer none) (nullable): when it was first completed
 */
const GDate *
cp_sub_plan_get_completed (CpSubPlan *self)
{
  g_return_val_if_fail (CP_IS_SUB_PLAN (self), NULL);
  return cp_record_get_date (CP_RECORD (self), PROP_COMPLETED);
}

/**
 * cp_sub_plan_set_completed:
 * @self: a #CpSubPlan
 * @completed: (nullable): when it was first completed
 *
 * Sets [property@SubPlan:completed].
 */
void
cp_sub_plan_set_completed (CpSubPlan *self,
    const GDate *completed)
{
  g_return_if_fail (CP_IS_SUB_PLAN (self));
  cp_record_set_date (CP_RECORD (self), PROP_COMPLETED, completed);
}

/**
 * cp_sub_plan_get_last_reviewed:
 * @self: a #CpSubPlan
 *
 * Gets the [property@SubPlan:last-reviewed] property.
 *
 * Returns: (transfer none) (nullable): when it was last reviewed
 */
const GDate *
cp_sub_plan_get_last_reviewed (CpSubPlan *self)
{
  g_return_val_if_fail (CP_IS_SUB_PLAN (self), NULL);
  return cp_record_get_date (CP_RECORD (self), PROP_LAST_REVIEWED);
}

/**
 * cp_sub_plan_set_last_reviewed:
 * @self: a #CpSubPlan
 * @last_reviewed: (nullable): when it was last reviewed
 *
 * Sets [property@SubPlan:last-reviewed].
 */
void
cp_sub_plan_set_last_reviewed (CpSubPlan *self,
    const GDate *last_reviewed)
{
  g_return_if_fail (CP_IS_SUB_PLAN (self));
  cp_record_set_date (CP_RECORD (self), PROP_LAST_REVIEWED, last_reviewed);
}
