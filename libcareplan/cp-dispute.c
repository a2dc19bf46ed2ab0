/* cp-dispute.c
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include "cp-dispute-private.h"
#include "cp-record-private.h"

/**
 * CpDispute:
 *
 * A problem the IRO has raised about the plan, and its escalation.
 */
struct _CpDispute
{
  CpRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (CpDispute, cp_dispute, CP_TYPE_RECORD)

enum {
  PROP_0,
  PROP_SUBJECT,
  PROP_RAISED_BY,
  PROP_RAISED_ON,
  PROP_STAGE,
  PROP_RESOLVED_ON,
  PROP_OUTCOME,
  PROP_STEPS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
cp_dispute_class_init (CpDisputeClass *klass)
{
  /**
   * CpDispute:subject:
   *
   * What the dispute is about.
   */
  properties[PROP_SUBJECT] =
    cp_field_required (g_param_spec_string ("subject", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  /**
   * CpDispute:raised-by:
   *
   * Who raised it (normally the IRO).
   */
  properties[PROP_RAISED_BY] =
    g_param_spec_enum ("raised-by", NULL, NULL, CP_TYPE_ROLE, CP_ROLE_IRO,
                       G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /**
   * CpDispute:raised-on:
   *
   * When it was raised.
   */
  properties[PROP_RAISED_ON] =
    cp_field_date ("raised-on", CP_FIELD_REQUIRED | CP_FIELD_FIXED);

  /**
   * CpDispute:stage:
   *
   * The current stage of the ladder.
   */
  properties[PROP_STAGE] =
    g_param_spec_string ("stage", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /**
   * CpDispute:resolved-on:
   *
   * When it was resolved, or %NULL while open.
   */
  properties[PROP_RESOLVED_ON] =
    cp_field_date ("resolved-on", CP_FIELD_FIXED);

  /**
   * CpDispute:outcome:
   *
   * How it was resolved.
   */
  properties[PROP_OUTCOME] =
    g_param_spec_string ("outcome", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /**
   * CpDispute:steps:
   *
   * The stage history, oldest first.
   */
  properties[PROP_STEPS] =
    cp_field_list ("steps", CP_TYPE_DISPUTE_STEP);

  cp_record_class_install (G_OBJECT_CLASS (klass), properties, N_PROPS);
}

static void
cp_dispute_init (CpDispute *self)
{
}

/**
 * cp_dispute_new:
 * @subject: what the dispute is about
 * @raised_on: when it was raised
 *
 * Returns: (transfer full): a new #CpDispute
 */
CpDispute *
cp_dispute_new (const char *subject, const GDate *raised_on)
{
  g_return_val_if_fail (subject != NULL, NULL);
  g_return_val_if_fail (raised_on != NULL, NULL);

  return g_object_new (CP_TYPE_DISPUTE,
                       "subject", subject,
                       "raised-on", raised_on,
                       NULL);
}

/**
 * cp_dispute_get_subject:
 * @self: a #CpDispute
 *
 * Returns: (transfer none): what the dispute is about
 */
const char *
cp_dispute_get_subject (CpDispute *self)
{
  g_return_val_if_fail (CP_IS_DISPUTE (self), NULL);
  return cp_record_get_string (CP_RECORD (self), PROP_SUBJECT);
}

/**
 * cp_dispute_get_raised_by:
 * @self: a #CpDispute
 *
 * Returns:: who raised it (normally the IRO)
 */
CpRole
cp_dispute_get_raised_by (CpDispute *self)
{
  g_return_val_if_fail (CP_IS_DISPUTE (self), 0);
  return (CpRole) cp_record_get_enum (CP_RECORD (self), PROP_RAISED_BY);
}

/**
 * cp_dispute_get_raised_on:
 * @self: a #CpDispute
 *
 * Returns: (transfer none): when it was raised
 */
const GDate *
cp_dispute_get_raised_on (CpDispute *self)
{
  g_return_val_if_fail (CP_IS_DISPUTE (self), NULL);
  return cp_record_get_date (CP_RECORD (self), PROP_RAISED_ON);
}

/**
 * cp_dispute_get_stage:
 * @self: a #CpDispute
 *
 * Returns: (transfer none) (nullable): the current stage of the ladder
 */
const char *
cp_dispute_get_stage (CpDispute *self)
{
  g_return_val_if_fail (CP_IS_DISPUTE (self), NULL);
  return cp_record_get_string (CP_RECORD (self), PROP_STAGE);
}

/**
 * cp_dispute_get_resolved_on:
 * @self: a #CpDispute
 *
 * Returns: (transfer none) (nullable): when it was resolved, or %NULL while open
 */
const GDate *
cp_dispute_get_resolved_on (CpDispute *self)
{
  g_return_val_if_fail (CP_IS_DISPUTE (self), NULL);
  return cp_record_get_date (CP_RECORD (self), PROP_RESOLVED_ON);
}

/**
 * cp_dispute_get_outcome:
 * @self: a #CpDispute
 *
 * Returns: (transfer none) (nullable): how it was resolved
 */
const char *
cp_dispute_get_outcome (CpDispute *self)
{
  g_return_val_if_fail (CP_IS_DISPUTE (self), NULL);
  return cp_record_get_string (CP_RECORD (self), PROP_OUTCOME);
}

/**
 * cp_dispute_get_steps:
 * @self: a #CpDispute
 *
 * Returns: (transfer none): the stage history, oldest first, a list of [class@DisputeStep]
 */
GListModel *
cp_dispute_get_steps (CpDispute *self)
{
  g_return_val_if_fail (CP_IS_DISPUTE (self), NULL);
  return cp_record_get_list (CP_RECORD (self), PROP_STEPS);
}

void
cp_dispute_escalate (CpDispute     *self,
                     CpDisputeStep *step)
{
  g_object_freeze_notify (G_OBJECT (self));
  cp_record_list_append (CP_RECORD (self), PROP_STEPS, step);
  cp_record_set_string (CP_RECORD (self), PROP_STAGE, cp_dispute_step_get_stage (step));
  g_object_thaw_notify (G_OBJECT (self));
}

void
cp_dispute_resolve (CpDispute   *self,
                    const GDate *date,
                    const char  *outcome)
{
  g_object_freeze_notify (G_OBJECT (self));
  cp_record_set_date (CP_RECORD (self), PROP_RESOLVED_ON, date);
  cp_record_set_string (CP_RECORD (self), PROP_OUTCOME, outcome);
  g_object_thaw_notify (G_OBJECT (self));
}
