/* cp-milestone.c
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include "cp-record-private.h"

/**
 * CpMilestone:
 *
 * A measurable step of a permanence plan.
 */
struct _CpMilestone
{
  CpRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (CpMilestone, cp_milestone, CP_TYPE_RECORD)

enum {
  PROP_0,
  PROP_DESCRIPTION,
  PROP_OWNER_ROLE,
  PROP_TARGET,
  PROP_ACHIEVED,
  PROP_DELAY_REASON,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
cp_milestone_class_init (CpMilestoneClass *klass)
{
  /**
   * CpMilestone:description:
   *
   * What is to be achieved.
   */
  properties[PROP_DESCRIPTION] =
    cp_field_required (g_param_spec_string ("description", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  /**
   * CpMilestone:owner-role:
   *
   * Who is responsible.
   */
  properties[PROP_OWNER_ROLE] =
    g_param_spec_enum ("owner-role", NULL, NULL, CP_TYPE_ROLE, CP_ROLE_UNKNOWN,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * CpMilestone:target:
   *
   * When it should be achieved.
   */
  properties[PROP_TARGET] =
    cp_field_date ("target", CP_FIELD_REQUIRED);

  /**
   * CpMilestone:achieved:
   *
   * When it was achieved, or %NULL.
   */
  properties[PROP_ACHIEVED] =
    cp_field_date ("achieved", 0);

  /**
   * CpMilestone:delay-reason:
   *
   * The recorded reason it is late, if it is.
   */
  properties[PROP_DELAY_REASON] =
    g_param_spec_string ("delay-reason", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  cp_record_class_install (G_OBJECT_CLASS (klass), properties, N_PROPS);
}

static void
cp_milestone_init (CpMilestone *self)
{
}

/**
 * cp_milestone_new:
 * @description: what is to be achieved
 * @target: when it should be achieved
 *
 * Creates a [class@Milestone].
 *
 * Returns: (transfer full): a new #CpMilestone
 */
CpMilestone *
cp_milestone_new (const char *description, const GDate *target)
{
  g_return_val_if_fail (description != NULL, NULL);
  g_return_val_if_fail (target != NULL, NULL);

  return g_object_new (CP_TYPE_MILESTONE,
                       "description", description,
                       "target", target,
                       NULL);
}

/**
 * cp_milestone_get_description:
 * @self: a #CpMilestone
 *
 * Gets the [property@Milestone:description] property.
 *
 * Returns: (transfer none): what is to be achieved
 */
const char *
cp_milestone_get_description (CpMilestone *self)
{
  g_return_val_if_fail (CP_IS_MILESTONE (self), NULL);
  return cp_record_get_string (CP_RECORD (self), PROP_DESCRIPTION);
}

/**
 * cp_milestone_get_owner_role:
 * @self: a #CpMilestone
 *
 * Gets the [property@Milestone:owner-role] property.
 *
 * Returns: who is responsible
 */
CpRole
cp_milestone_get_owner_role (CpMilestone *self)
{
  g_return_val_if_fail (CP_IS_MILESTONE (self), 0);
  return (CpRole) cp_record_get_enum (CP_RECORD (self), PROP_OWNER_ROLE);
}

/**
 * cp_milestone_set_owner_role:
 * @self: a #CpMilestone
 * @owner_role: who is responsible
 *
 * Sets [property@Milestone:owner-role].
 */
void
cp_milestone_set_owner_role (CpMilestone *self,
    CpRole owner_role)
{
  g_return_if_fail (CP_IS_MILESTONE (self));
  cp_record_set_enum (CP_RECORD (self), PROP_OWNER_ROLE, owner_role);
}

/**
 * cp_milestone_get_target:
 * @self: a #CpMilestone
 *
 * Gets the [property@Milestone:target] property.
 *
 * Returns: (transfer none): when it should be achieved
 */
const GDate *
cp_milestone_get_target (CpMilestone *self)
{
  g_return_val_if_fail (CP_IS_MILESTONE (self), NULL);
  return cp_record_get_date (CP_RECORD (self), PROP_TARGET);
}

/**
 * cp_milestone_set_target:
 * @self: a #CpMilestone
 * @target: (nullable): when it should be achieved
 *
 * Sets [property@Milestone:target].
 */
void
cp_milestone_set_target (CpMilestone *self,
    const GDate *target)
{
  g_return_if_fail (CP_IS_MILESTONE (self));
  cp_record_set_date (CP_RECORD (self), PROP_TARGET, target);
}

/**
 * cp_milestone_get_achieved:
 * @self: a #CpMilestone
 *
 * Gets the [property@Milestone:achieved] property.
 *
 * Returns: (transfer none) (nullable): when it was achieved, or %NULL
 */
const GDate *
cp_milestone_get_achieved (CpMilestone *self)
{
  g_return_val_if_fail (CP_IS_MILESTONE (self), NULL);
  return cp_record_get_date (CP_RECORD (self), PROP_ACHIEVED);
}

/**
 * cp_milestone_set_achieved:
 * @self: a #CpMilestone
 * @achieved: (nullable): when it was achieved, or %NULL
 *
 * Sets [property@Milestone:achieved].
 */
void
cp_milestone_set_achieved (CpMilestone *self,
    const GDate *achieved)
{
  g_return_if_fail (CP_IS_MILESTONE (self));
  cp_record_set_date (CP_RECORD (self), PROP_ACHIEVED, achieved);
}

/**
 * cp_milestone_get_delay_reason:
 * @self: a #CpMilestone
 *
 * Gets the [property@Milestone:delay-reason] property.
 *
 * Returns: (transfer none) (nullable): the recorded reason it is late, if it is
 */
const char *
cp_milestone_get_delay_reason (CpMilestone *self)
{
  g_return_val_if_fail (CP_IS_MILESTONE (self), NULL);
  return cp_record_get_string (CP_RECORD (self), PROP_DELAY_REASON);
}

/**
 * cp_milestone_set_delay_reason:
 * @self: a #CpMilestone
 * @delay_reason: (nullable): the recorded reason it is late, if it is
 *
 * Sets [property@Milestone:delay-reason].
 */
void
cp_milestone_set_delay_reason (CpMilestone *self,
    const char *delay_reason)
{
  g_return_if_fail (CP_IS_MILESTONE (self));
  cp_record_set_string (CP_RECORD (self), PROP_DELAY_REASON, delay_reason);
}
