/* cp-care-period.c
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include "cp-record-private.h"

/**
 * CpCarePeriod:
 *
 * An earlier period in which the child was looked after, before the one
 * that began on [property@Child:looked-after-since].
 *
 * Periods of care count together towards the time that makes a young
 * person "eligible" for leaving-care support (the law's periods "amounting
 * in all" to it); a period of short breaks does not count. The profile's
 * `leaving-care-status` rule says how long and from what age.
 */
struct _CpCarePeriod
{
  CpRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (CpCarePeriod, cp_care_period, CP_TYPE_RECORD)

enum {
  PROP_0,
  PROP_START,
  PROP_END,
  PROP_SHORT_BREAKS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
cp_care_period_class_init (CpCarePeriodClass *klass)
{
  /**
   * CpCarePeriod:start:
   *
   * The day the child became looked after.
   */
  properties[PROP_START] =
    cp_field_date ("start", CP_FIELD_REQUIRED | CP_FIELD_FIXED);

  /**
   * CpCarePeriod:end:
   *
   * The day the child ceased to be looked after.
   */
  properties[PROP_END] =
    cp_field_date ("end", CP_FIELD_REQUIRED | CP_FIELD_FIXED);

  /**
   * CpCarePeriod:short-breaks:
   *
   * Whether the period was a series of short breaks, which does not count
   * towards eligibility for leaving-care support.
   */
  properties[PROP_SHORT_BREAKS] =
    g_param_spec_boolean ("short-breaks", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  cp_record_class_install (G_OBJECT_CLASS (klass), properties, N_PROPS);
}

static void
cp_care_period_init (CpCarePeriod *self)
{
}

/**
 * cp_care_period_new:
 * @start: the day the child became looked after
 * @end: the day the child ceased to be looked after
 * @short_breaks: whether the period was a series of short breaks
 *
 * Creates a [class@CarePeriod].
 *
 * Returns: (transfer full): a new #CpCarePeriod
 */
CpCarePeriod *
cp_care_period_new (const GDate *start, const GDate *end, gboolean short_breaks)
{
  g_return_val_if_fail (start != NULL, NULL);
  g_return_val_if_fail (end != NULL, NULL);

  return g_object_new (CP_TYPE_CARE_PERIOD,
                       "start", start,
                       "end", end,
                       "short-breaks", short_breaks,
                       NULL);
}

/**
 * cp_care_period_get_start:
 * @self: a #CpCarePeriod
 *
 * Gets the [property@CarePeriod:start] property.
 *
 * Returns: (transfer none): the day the child became looked after
 */
const GDate *
cp_care_period_get_start (CpCarePeriod *self)
{
  g_return_val_if_fail (CP_IS_CARE_PERIOD (self), NULL);
  return cp_record_get_date (CP_RECORD (self), PROP_START);
}

/**
 * cp_care_period_get_end:
 * @self: a #CpCarePeriod
 *
 * Gets the [property@CarePeriod:end] property.
 *
 * Returns: (transfer none): the day the child ceased to be looked after
 */
const GDate *
cp_care_period_get_end (CpCarePeriod *self)
{
  g_return_val_if_fail (CP_IS_CARE_PERIOD (self), NULL);
  return cp_record_get_date (CP_RECORD (self), PROP_END);
}

/**
 * cp_care_period_get_short_breaks:
 * @self: a #CpCarePeriod
 *
 * Gets the [property@CarePeriod:short-breaks] property.
 *
 * Returns: whether the period was a series of short breaks
 */
gboolean
cp_care_period_get_short_breaks (CpCarePeriod *self)
{
  g_return_val_if_fail (CP_IS_CARE_PERIOD (self), FALSE);
  return cp_record_get_boolean (CP_RECORD (self), PROP_SHORT_BREAKS);
}
