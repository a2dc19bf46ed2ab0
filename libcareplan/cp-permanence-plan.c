/* cp-permanence-plan.c
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include "cp-permanence-plan-private.h"
#include "cp-record-private.h"

/**
 * CpPermanencePlan:
 *
 * The plan for the child's permanent home, with its contingency and
 * milestones.
 */
struct _CpPermanencePlan
{
  CpRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (CpPermanencePlan, cp_permanence_plan, CP_TYPE_RECORD)

enum {
  PROP_0,
  PROP_PATHWAY,
  PROP_AGREED_ON,
  PROP_CONTINGENCY_PATHWAY,
  PROP_CONTINGENCY,
  PROP_MILESTONES,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
cp_permanence_plan_class_init (CpPermanencePlanClass *klass)
{
  /**
   * CpPermanencePlan:pathway:
   *
   * The planned route to permanence.
   */
  properties[PROP_PATHWAY] =
    cp_field_required (g_param_spec_enum ("pathway", NULL, NULL, CP_TYPE_PERMANENCE_PATHWAY, 0,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * CpPermanencePlan:agreed-on:
   *
   * When the plan was agreed.
   */
  properties[PROP_AGREED_ON] =
    cp_field_date ("agreed-on", 0);

  /**
   * CpPermanencePlan:contingency-pathway:
   *
   * The route if the plan fails.
   */
  properties[PROP_CONTINGENCY_PATHWAY] =
    g_param_spec_enum ("contingency-pathway", NULL, NULL, CP_TYPE_PERMANENCE_PATHWAY, 0,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * CpPermanencePlan:contingency:
   *
   * The contingency plan and what triggers it.
   */
  properties[PROP_CONTINGENCY] =
    g_param_spec_string ("contingency", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * CpPermanencePlan:milestones:
   *
   * The measurable milestones.
   */
  properties[PROP_MILESTONES] =
    cp_field_list ("milestones", CP_TYPE_MILESTONE);

  cp_record_class_install (G_OBJECT_CLASS (klass), properties, N_PROPS);
}

static void
cp_permanence_plan_init (CpPermanencePlan *self)
{
}

/**
 * cp_permanence_plan_new:
 * @pathway: the planned route to permanence
 *
 * Creates a [class@PermanencePlan].
 *
 * Returns: (transfer full): a new #CpPermanencePlan
 */
CpPermanencePlan *
cp_permanence_plan_new (CpPermanencePathway pathway)
{

  return g_object_new (CP_TYPE_PERMANENCE_PLAN,
                       "pathway", pathway,
                       NULL);
}

/**
 * cp_permanence_plan_get_pathway:
 * @self: a #CpPermanencePlan
 *
 * Gets the [property@PermanencePlan:pathway] property.
 *
 * Returns: the planned route to permanence
 */
CpPermanencePathway
cp_permanence_plan_get_pathway (CpPermanencePlan *self)
{
  g_return_val_if_fail (CP_IS_PERMANENCE_PLAN (self), 0);
  return (CpPermanencePathway) cp_record_get_enum (CP_RECORD (self), PROP_PATHWAY);
}

/**
 * cp_permanence_plan_set_pathway:
 * @self: a #CpPermanencePlan
 * @pathway: the planned route to permanence
 *
 * Sets [property@PermanencePlan:pathway].
 */
void
cp_permanence_plan_set_pathway (CpPermanencePlan *self,
    CpPermanencePathway pathway)
{
  g_return_if_fail (CP_IS_PERMANENCE_PLAN (self));
  cp_record_set_enum (CP_RECORD (self), PROP_PATHWAY, pathway);
}

/**
 * cp_permanence_plan_get_agreed_on:
 * @self: a #CpPermanencePlan
 *
 * Gets the [property@PermanencePlan:agreed-on] property.
 *
 * Returns: (transfer none) (nullable): when the plan was agreed
 */
const GDate *
cp_permanence_plan_get_agreed_on (CpPermanencePlan *self)
{
  g_return_val_if_fail (CP_IS_PERMANENCE_PLAN (self), NULL);
  return cp_record_get_date (CP_RECORD (self), PROP_AGREED_ON);
}

/**
 * cp_permanence_plan_set_agreed_on:
 * @self: a #CpPermanencePlan
 * @agreed_on: (nullable): when the plan was agreed
 *
 * Sets [property@PermanencePlan:agreed-on].
 */
void
cp_permanence_plan_set_agreed_on (CpPermanencePlan *self,
    const GDate *agreed_on)
{
  g_return_if_fail (CP_IS_PERMANENCE_PLAN (self));
  cp_record_set_date (CP_RECORD (self), PROP_AGREED_ON, agreed_on);
}

/**
 * cp_permanence_plan_get_contingency_pathway:
 * @self: a #CpPermanencePlan
 *
 * Gets the [property@PermanencePlan:contingency-pathway] property.
 *
 * Returns: the route if the plan fails
 */
CpPermanencePathway
cp_permanence_plan_get_contingency_pathway (CpPermanencePlan *self)
{
  g_return_val_if_fail (CP_IS_PERMANENCE_PLAN (self), 0);
  return (CpPermanencePathway) cp_record_get_enum (CP_RECORD (self), PROP_CONTINGENCY_PATHWAY);
}

/**
 * cp_permanence_plan_set_contingency_pathway:
 * @self: a #CpPermanencePlan
 * @contingency_pathway: the route if the plan fails
 *
 * Sets [property@PermanencePlan:contingency-pathway].
 */
void
cp_permanence_plan_set_contingency_pathway (CpPermanencePlan *self,
    CpPermanencePathway contingency_pathway)
{
  g_return_if_fail (CP_IS_PERMANENCE_PLAN (self));
  cp_record_set_enum (CP_RECORD (self), PROP_CONTINGENCY_PATHWAY, contingency_pathway);
}

/**
 * cp_permanence_plan_get_contingency:
 * @self: a #CpPermanencePlan
 *
 * Gets the [property@PermanencePlan:contingency] property.
 *
 * Returns: (transfer none) (nullable): the contingency plan and what triggers it
 */
const char *
cp_permanence_plan_get_contingency (CpPermanencePlan *self)
{
  g_return_val_if_fail (CP_IS_PERMANENCE_PLAN (self), NULL);
  return cp_record_get_string (CP_RECORD (self), PROP_CONTINGENCY);
}

/**
 * cp_permanence_plan_set_contingency:
 * @self: a #CpPermanencePlan
 * @contingency: (nullable): the contingency plan and what triggers it
 *
 * Sets [property@PermanencePlan:contingency].
 */
void
cp_permanence_plan_set_contingency (CpPermanencePlan *self,
    const char *contingency)
{
  g_return_if_fail (CP_IS_PERMANENCE_PLAN (self));
  cp_record_set_string (CP_RECORD (self), PROP_CONTINGENCY, contingency);
}

/**
 * cp_permanence_plan_get_milestones:
 * @self: a #CpPermanencePlan
 *
 * Gets the [property@PermanencePlan:milestones] property.
 *
 * Returns: (transfer none): the measurable milestones, a list of [class@Milestone]
 */
GListModel *
cp_permanence_plan_get_milestones (CpPermanencePlan *self)
{
  g_return_val_if_fail (CP_IS_PERMANENCE_PLAN (self), NULL);
  return cp_record_get_list (CP_RECORD (self), PROP_MILESTONES);
}

/**
 * cp_permanence_plan_add_milestone:
 * @self: a #CpPermanencePlan
 * @milestone: a milestone
 *
 * Appends @milestone to [property@PermanencePlan:milestones].
 */
void
cp_permanence_plan_add_milestone (CpPermanencePlan *self,
    CpMilestone *milestone)
{
  g_return_if_fail (CP_IS_PERMANENCE_PLAN (self));
  g_return_if_fail (CP_IS_MILESTONE (milestone));
  cp_record_append_item (CP_RECORD (self), PROP_MILESTONES, milestone);
}

CpMilestone *const *
cp_permanence_plan_peek_milestones (CpPermanencePlan *self,
                                    guint *n_items)
{
  return (CpMilestone *const *) cp_record_get_items (CP_RECORD (self), PROP_MILESTONES, n_items);
}
