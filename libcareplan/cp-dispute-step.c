/* cp-dispute-step.c
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include "cp-record-private.h"

/**
 * CpDisputeStep:
 *
 * One step of a dispute's escalation: the stage reached, when, by whom
 * and why.
 */
struct _CpDisputeStep
{
  CpRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (CpDisputeStep, cp_dispute_step, CP_TYPE_RECORD)

enum {
  PROP_0,
  PROP_STAGE,
  PROP_DATE,
  PROP_ACTOR_ROLE,
  PROP_REASON,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
cp_dispute_step_class_init (CpDisputeStepClass *klass)
{
  /**
   * CpDisputeStep:stage:
   *
   * The ladder stage reached (an id from the policy profile).
   */
  properties[PROP_STAGE] =
    cp_field_required (g_param_spec_string ("stage", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  /**
   * CpDisputeStep:date:
   *
   * When.
   */
  properties[PROP_DATE] =
    cp_field_date ("date", CP_FIELD_REQUIRED | CP_FIELD_FIXED);

  /**
   * CpDisputeStep:actor-role:
   *
   * Who took the step.
   */
  properties[PROP_ACTOR_ROLE] =
    g_param_spec_enum ("actor-role", NULL, NULL, CP_TYPE_ROLE, CP_ROLE_UNKNOWN,
                       G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /**
   * CpDisputeStep:reason:
   *
   * Why.
   */
  properties[PROP_REASON] =
    g_param_spec_string ("reason", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  cp_record_class_install (G_OBJECT_CLASS (klass), properties, N_PROPS);
}

static void
cp_dispute_step_init (CpDisputeStep *self)
{
}

/**
 * cp_dispute_step_new:
 * @stage: the ladder stage reached (an id from the policy profile)
 * @date: when
 *
 * Creates a [class@DisputeStep].
 *
 * Returns: (transfer full): a new #CpDisputeStep
 */
CpDisputeStep *
cp_dispute_step_new (const char *stage, const GDate *date)
{
  g_return_val_if_fail (stage != NULL, NULL);
  g_return_val_if_fail (date != NULL, NULL);

  return g_object_new (CP_TYPE_DISPUTE_STEP,
                       "stage", stage,
                       "date", date,
                       NULL);
}

/**
 * cp_dispute_step_get_stage:
 * @self: a #CpDisputeStep
 *
 * Gets the [property@DisputeStep:stage] property.
 *
 * Returns: (transfer none): the ladder stage reached (an id from the policy profile)
 */
const char *
cp_dispute_step_get_stage (CpDisputeStep *self)
{
  g_return_val_if_fail (CP_IS_DISPUTE_STEP (self), NULL);
  return cp_record_get_string (CP_RECORD (self), PROP_STAGE);
}

/**
 * cp_dispute_step_get_date:
 * @self: a #CpDisputeStep
 *
 * Gets the [property@DisputeStep:date] property.
 *
 * Returns: (transfer none): when
 */
const GDate *
cp_dispute_step_get_date (CpDisputeStep *self)
{
  g_return_val_if_fail (CP_IS_DISPUTE_STEP (self), NULL);
  return cp_record_get_date (CP_RECORD (self), PROP_DATE);
}

/**
 * cp_dispute_step_get_actor_role:
 * @self: a #CpDisputeStep
 *
 * Gets the [property@DisputeStep:actor-role] property.
 *
 * Returns: who took the step
 */
CpRole
cp_dispute_step_get_actor_role (CpDisputeStep *self)
{
  g_return_val_if_fail (CP_IS_DISPUTE_STEP (self), 0);
  return (CpRole) cp_record_get_enum (CP_RECORD (self), PROP_ACTOR_ROLE);
}

/**
 * cp_dispute_step_get_reason:
 * @self: a #CpDisputeStep
 *
 * Gets the [property@DisputeStep:reason] property.
 *
 * Returns: (transfer none) (nullable): why
 */
const char *
cp_dispute_step_get_reason (CpDisputeStep *self)
{
  g_return_val_if_fail (CP_IS_DISPUTE_STEP (self), NULL);
  return cp_record_get_string (CP_RECORD (self), PROP_REASON);
}
