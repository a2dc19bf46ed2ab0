/* cp-activity.c
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include "cp-record-private.h"

/**
 * CpActivity:
 *
 * A piece of casework and the day it was done: a social worker's visit, a
 * health assessment or dental check, a PEP meeting, a planning meeting, a
 * pathway plan or its review. The engine compares a case's activities with
 * the profile's `activity` and `interval` rules: the first visit within a
 * week of a placement, then at most six weeks between visits, and so on.
 */
struct _CpActivity
{
  CpRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (CpActivity, cp_activity, CP_TYPE_RECORD)

enum {
  PROP_0,
  PROP_DUTY,
  PROP_DATE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
cp_activity_class_init (CpActivityClass *klass)
{
  /**
   * CpActivity:duty:
   *
   * What was done (`visit`, `health-assessment`, `pathway-plan`, ...).
   */
  properties[PROP_DUTY] =
    cp_field_required (g_param_spec_enum ("duty", NULL, NULL, CP_TYPE_DUTY, 0,
                       G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  /**
   * CpActivity:date:
   *
   * When it was done.
   */
  properties[PROP_DATE] =
    cp_field_date ("date", CP_FIELD_REQUIRED | CP_FIELD_FIXED);

  cp_record_class_install (G_OBJECT_CLASS (klass), properties, N_PROPS);
}

static void
cp_activity_init (CpActivity *self)
{
}

/**
 * cp_activity_new:
 * @duty: what was done
 * @date: when it was done
 *
 * Creates a [class@Activity].
 *
 * Returns: (transfer full): a new #CpActivity
 */
CpActivity *
cp_activity_new (CpDuty       duty,
                 const GDate *date)
{
  g_return_val_if_fail (date != NULL && g_date_valid (date), NULL);

  return g_object_new (CP_TYPE_ACTIVITY,
                       "duty", duty,
                       "date", date,
                       NULL);
}

/**
 * cp_activity_get_duty:
 * @self: a #CpActivity
 *
 * Gets the [property@Activity:duty] property.
 *
 * Returns: what was done
 */
CpDuty
cp_activity_get_duty (CpActivity *self)
{
  g_return_val_if_fail (CP_IS_ACTIVITY (self), 0);
  return (CpDuty) cp_record_get_enum (CP_RECORD (self), PROP_DUTY);
}

/**
 * cp_activity_get_date:
 * @self: a #CpActivity
 *
 * Gets the [property@Activity:date] property.
 *
 * Returns: (transfer none): when it was done
 */
const GDate *
cp_activity_get_date (CpActivity *self)
{
  g_return_val_if_fail (CP_IS_ACTIVITY (self), NULL);
  return cp_record_get_date (CP_RECORD (self), PROP_DATE);
}
