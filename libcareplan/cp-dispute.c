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
  PROP_REVIEW,
  PROP_RECOMMENDATION,
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
   * The current stage of the ladder, or %NULL before the first step.
   * Read-only: set by [method@Evaluator.escalate_dispute], which checks
   * the ladder and who may move the dispute.
   */
  properties[PROP_STAGE] =
    cp_field_guarded (g_param_spec_string ("stage", NULL, NULL, NULL,
                        G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * CpDispute:resolved-on:
   *
   * When it was resolved, or %NULL while open. Read-only: set by
   * [method@Evaluator.resolve_dispute].
   */
  properties[PROP_RESOLVED_ON] =
    cp_field_date ("resolved-on", CP_FIELD_GUARDED);

  /**
   * CpDispute:outcome:
   *
   * How it was resolved. Read-only: set by
   * [method@Evaluator.resolve_dispute].
   */
  properties[PROP_OUTCOME] =
    cp_field_guarded (g_param_spec_string ("outcome", NULL, NULL, NULL,
                        G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * CpDispute:steps:
   *
   * The stage history, oldest first.
   */
  properties[PROP_STEPS] =
    cp_field_list ("steps", CP_TYPE_DISPUTE_STEP);

  /**
   * CpDispute:review:
   *
   * For a dispute about a recommendation: the sequence of the review that
   * made it; 0 otherwise. Read-only: set by
   * [method@Dispute.set_recommendation] before the dispute is registered,
   * when [method@Case.add_dispute] checks it names a recommendation.
   */
  properties[PROP_REVIEW] =
    cp_field_guarded (g_param_spec_int ("review", NULL, NULL, 0, 1000, 0,
                        G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

  /**
   * CpDispute:recommendation:
   *
   * For a dispute about a recommendation: its position among that review's
   * recommendations, from 1; 0 otherwise. A starred recommendation that is
   * not agreed in time is met by the dispute that names it. Read-only, as
   * [property@Dispute:review].
   */
  properties[PROP_RECOMMENDATION] =
    cp_field_guarded (g_param_spec_int ("recommendation", NULL, NULL, 0, 1000, 0,
                        G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS));

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
 * Creates a [class@Dispute].
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
 * Gets the [property@Dispute:subject] property.
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
 * Gets the [property@Dispute:raised-by] property.
 *
 * Returns: who raised it (normally the IRO)
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
 * Gets the [property@Dispute:raised-on] property.
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
 * Gets the [property@Dispute:stage] property.
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
 * Gets the [property@Dispute:resolved-on] property.
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
 * Gets the [property@Dispute:outcome] property.
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
 * Gets the [property@Dispute:steps] property.
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
  cp_record_append_item (CP_RECORD (self), PROP_STEPS, step);
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

/**
 * cp_dispute_get_review:
 * @self: a #CpDispute
 *
 * Gets the [property@Dispute:review] property.
 *
 * Returns: the sequence of the review whose recommendation is disputed, or 0
 */
int
cp_dispute_get_review (CpDispute *self)
{
  g_return_val_if_fail (CP_IS_DISPUTE (self), 0);
  return cp_record_get_int (CP_RECORD (self), PROP_REVIEW);
}

/**
 * cp_dispute_get_recommendation:
 * @self: a #CpDispute
 *
 * Gets the [property@Dispute:recommendation] property.
 *
 * Returns: the position of the disputed recommendation, from 1, or 0
 */
int
cp_dispute_get_recommendation (CpDispute *self)
{
  g_return_val_if_fail (CP_IS_DISPUTE (self), 0);
  return cp_record_get_int (CP_RECORD (self), PROP_RECOMMENDATION);
}

/**
 * cp_dispute_set_recommendation:
 * @self: a #CpDispute
 * @review: the sequence of the review that made the recommendation
 * @recommendation: its position among the review's recommendations, from 1
 *
 * Says which recommendation the dispute is about. Pass 0 for both to say it
 * is about none. Only before the dispute is registered
 * ([method@Case.add_dispute] checks the recommendation exists); changing a
 * registered dispute is a programming error.
 */
void
cp_dispute_set_recommendation (CpDispute *self,
                               int        review,
                               int        recommendation)
{
  g_return_if_fail (CP_IS_DISPUTE (self));
  g_return_if_fail (!cp_record_is_attached (CP_RECORD (self)));
  g_return_if_fail (review >= 0 && recommendation >= 0);
  g_return_if_fail ((review == 0) == (recommendation == 0));

  g_object_freeze_notify (G_OBJECT (self));
  cp_record_set_int (CP_RECORD (self), PROP_REVIEW, review);
  cp_record_set_int (CP_RECORD (self), PROP_RECOMMENDATION, recommendation);
  g_object_thaw_notify (G_OBJECT (self));
}

CpDisputeStep *const *
cp_dispute_peek_steps (CpDispute *self,
                       guint *n_items)
{
  return (CpDisputeStep *const *) cp_record_get_items (CP_RECORD (self), PROP_STEPS, n_items);
}
