/* cp-review-task.c
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include "cp-record-private.h"

/**
 * CpReviewTask:
 *
 * A duty around a review (the child consulted, papers to the IRO, the
 * decisions record circulated...) and the day it was done. The engine
 * compares it with the due date the profile gives that duty.
 */
struct _CpReviewTask
{
  CpRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (CpReviewTask, cp_review_task, CP_TYPE_RECORD)

enum {
  PROP_0,
  PROP_DUTY,
  PROP_DONE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
cp_review_task_class_init (CpReviewTaskClass *klass)
{
  /**
   * CpReviewTask:duty:
   *
   * Which duty was done.
   */
  properties[PROP_DUTY] =
    cp_field_required (g_param_spec_enum ("duty", NULL, NULL, CP_TYPE_DUTY, 0,
                       G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  /**
   * CpReviewTask:done:
   *
   * When it was done.
   */
  properties[PROP_DONE] =
    cp_field_date ("done", CP_FIELD_REQUIRED | CP_FIELD_FIXED);

  cp_record_class_install (G_OBJECT_CLASS (klass), properties, N_PROPS);
}

static void
cp_review_task_init (CpReviewTask *self)
{
}

/**
 * cp_review_task_new:
 * @duty: which duty
 * @done: when it was done
 *
 * Creates a [class@ReviewTask].
 *
 * Returns: (transfer full): a new #CpReviewTask
 */
CpReviewTask *
cp_review_task_new (CpDuty       duty,
                    const GDate *done)
{
  g_return_val_if_fail (done != NULL && g_date_valid (done), NULL);

  return g_object_new (CP_TYPE_REVIEW_TASK,
                       "duty", duty,
                       "done", done,
                       NULL);
}

/**
 * cp_review_task_get_duty:
 * @self: a #CpReviewTask
 *
 * Gets the [property@ReviewTask:duty] property.
 *
 * Returns: which duty was done
 */
CpDuty
cp_review_task_get_duty (CpReviewTask *self)
{
  g_return_val_if_fail (CP_IS_REVIEW_TASK (self), 0);
  return (CpDuty) cp_record_get_enum (CP_RECORD (self), PROP_DUTY);
}

/**
 * cp_review_task_get_done:
 * @self: a #CpReviewTask
 *
 * Gets the [property@ReviewTask:done] property.
 *
 * Returns: (transfer none): when it was done
 */
const GDate *
cp_review_task_get_done (CpReviewTask *self)
{
  g_return_val_if_fail (CP_IS_REVIEW_TASK (self), NULL);
  return cp_record_get_date (CP_RECORD (self), PROP_DONE);
}
