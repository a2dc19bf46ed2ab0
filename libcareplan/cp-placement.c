/* cp-placement.c
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include "cp-record-private.h"

/**
 * CpPlacement:
 *
 * One placement: where a child lived from its start to its end.
 */
struct _CpPlacement
{
  CpRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (CpPlacement, cp_placement, CP_TYPE_RECORD)

enum {
  PROP_0,
  PROP_KIND,
  PROP_START,
  PROP_END,
  PROP_EMERGENCY,
  PROP_UNPLANNED_END,
  PROP_AREA,
  PROP_LONG_TERM,
  PROP_INTENDED_UNTIL_18,
  PROP_CHANGE_REASON,
  PROP_TEMPORARY_APPROVAL,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
cp_placement_class_init (CpPlacementClass *klass)
{
  /**
   * CpPlacement:kind:
   *
   * The kind of placement.
   */
  properties[PROP_KIND] =
    cp_field_required (g_param_spec_enum ("kind", NULL, NULL, CP_TYPE_PLACEMENT_TYPE, 0,
                       G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  /**
   * CpPlacement:start:
   *
   * The first day.
   */
  properties[PROP_START] =
    cp_field_date ("start", CP_FIELD_REQUIRED | CP_FIELD_FIXED);

  /**
   * CpPlacement:end:
   *
   * The last day, or %NULL while it continues.
   */
  properties[PROP_END] =
    cp_field_date ("end", 0);

  /**
   * CpPlacement:emergency:
   *
   * Whether the placement was made in an emergency.
   */
  properties[PROP_EMERGENCY] =
    g_param_spec_boolean ("emergency", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * CpPlacement:unplanned-end:
   *
   * Whether the placement ended without being planned to.
   */
  properties[PROP_UNPLANNED_END] =
    g_param_spec_boolean ("unplanned-end", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * CpPlacement:area:
   *
   * How far from home the placement is.
   */
  properties[PROP_AREA] =
    g_param_spec_enum ("area", NULL, NULL, CP_TYPE_PLACEMENT_AREA, CP_PLACEMENT_AREA_IN_AUTHORITY,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * CpPlacement:long-term:
   *
   * Whether it is designated a long-term placement.
   */
  properties[PROP_LONG_TERM] =
    g_param_spec_boolean ("long-term", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * CpPlacement:intended-until-18:
   *
   * Whether the plan records that the placement is intended to last until
   * the child is 18. This is not [property@Placement:long-term]: a
   * placement designated long-term need not be meant to last to 18.
   */
  properties[PROP_INTENDED_UNTIL_18] =
    g_param_spec_boolean ("intended-until-18", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * CpPlacement:change-reason:
   *
   * Why the child moved into this placement.
   */
  properties[PROP_CHANGE_REASON] =
    g_param_spec_string ("change-reason", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * CpPlacement:temporary-approval:
   *
   * For a placement with a carer who is not yet an approved foster carer
   * (a connected person): the day the carer's temporary approval was
   * given, or %NULL if the case does not record it.
   */
  properties[PROP_TEMPORARY_APPROVAL] =
    cp_field_date ("temporary-approval", 0);

  cp_record_class_install (G_OBJECT_CLASS (klass), properties, N_PROPS);
}

static void
cp_placement_init (CpPlacement *self)
{
}

/**
 * cp_placement_new:
 * @kind: the kind of placement
 * @start: the first day
 *
 * Creates a [class@Placement].
 *
 * Returns: (transfer full): a new #CpPlacement
 */
CpPlacement *
cp_placement_new (CpPlacementType kind, const GDate *start)
{
  g_return_val_if_fail (start != NULL, NULL);

  return g_object_new (CP_TYPE_PLACEMENT,
                       "kind", kind,
                       "start", start,
                       NULL);
}

/**
 * cp_placement_get_kind:
 * @self: a #CpPlacement
 *
 * Gets the [property@Placement:kind] property.
 *
 * Returns: the kind of placement
 */
CpPlacementType
cp_placement_get_kind (CpPlacement *self)
{
  g_return_val_if_fail (CP_IS_PLACEMENT (self), 0);
  return (CpPlacementType) cp_record_get_enum (CP_RECORD (self), PROP_KIND);
}

/**
 * cp_placement_get_start:
 * @self: a #CpPlacement
 *
 * Gets the [property@Placement:start] property.
 *
 * Returns: (transfer none): the first day
 */
const GDate *
cp_placement_get_start (CpPlacement *self)
{
  g_return_val_if_fail (CP_IS_PLACEMENT (self), NULL);
  return cp_record_get_date (CP_RECORD (self), PROP_START);
}

/**
 * cp_placement_get_end:
 * @self: a #CpPlacement
 *
 * Gets the [property@Placement:end] property.
 *
 * Returns: (transfer none) (nullable): the last day, or %NULL while it continues
 */
const GDate *
cp_placement_get_end (CpPlacement *self)
{
  g_return_val_if_fail (CP_IS_PLACEMENT (self), NULL);
  return cp_record_get_date (CP_RECORD (self), PROP_END);
}

/**
 * cp_placement_set_end:
 * @self: a #CpPlacement
 * @end: (nullable): the last day, or %NULL while it continues
 *
 * Sets [property@Placement:end].
 */
void
cp_placement_set_end (CpPlacement *self,
    const GDate *end)
{
  g_return_if_fail (CP_IS_PLACEMENT (self));
  cp_record_set_date (CP_RECORD (self), PROP_END, end);
}

/**
 * cp_placement_get_emergency:
 * @self: a #CpPlacement
 *
 * Gets the [property@Placement:emergency] property.
 *
 * Returns: whether the placement was made in an emergency
 */
gboolean
cp_placement_get_emergency (CpPlacement *self)
{
  g_return_val_if_fail (CP_IS_PLACEMENT (self), FALSE);
  return cp_record_get_boolean (CP_RECORD (self), PROP_EMERGENCY);
}

/**
 * cp_placement_set_emergency:
 * @self: a #CpPlacement
 * @emergency: whether the placement was made in an emergency
 *
 * Sets [property@Placement:emergency], for a record corrected after the
 * placement was entered. The next evaluation counts the placement's duties
 * from the corrected facts.
 *
 * Since: 0.1
 */
void
cp_placement_set_emergency (CpPlacement *self,
                            gboolean     emergency)
{
  g_return_if_fail (CP_IS_PLACEMENT (self));
  cp_record_set_boolean (CP_RECORD (self), PROP_EMERGENCY, emergency);
}

/**
 * cp_placement_get_unplanned_end:
 * @self: a #CpPlacement
 *
 * Gets the [property@Placement:unplanned-end] property.
 *
 * Returns: whether the placement ended without being planned to
 */
gboolean
cp_placement_get_unplanned_end (CpPlacement *self)
{
  g_return_val_if_fail (CP_IS_PLACEMENT (self), FALSE);
  return cp_record_get_boolean (CP_RECORD (self), PROP_UNPLANNED_END);
}

/**
 * cp_placement_set_unplanned_end:
 * @self: a #CpPlacement
 * @unplanned_end: whether the placement ended without being planned to
 *
 * Sets [property@Placement:unplanned-end].
 */
void
cp_placement_set_unplanned_end (CpPlacement *self,
    gboolean unplanned_end)
{
  g_return_if_fail (CP_IS_PLACEMENT (self));
  cp_record_set_boolean (CP_RECORD (self), PROP_UNPLANNED_END, unplanned_end);
}

/**
 * cp_placement_get_area:
 * @self: a #CpPlacement
 *
 * Gets the [property@Placement:area] property.
 *
 * Returns: how far from home the placement is
 */
CpPlacementArea
cp_placement_get_area (CpPlacement *self)
{
  g_return_val_if_fail (CP_IS_PLACEMENT (self), 0);
  return (CpPlacementArea) cp_record_get_enum (CP_RECORD (self), PROP_AREA);
}

/**
 * cp_placement_set_area:
 * @self: a #CpPlacement
 * @area: how far from home the placement is
 *
 * Sets [property@Placement:area], for a record corrected after the
 * placement was entered.
 *
 * Since: 0.1
 */
void
cp_placement_set_area (CpPlacement     *self,
                       CpPlacementArea  area)
{
  g_return_if_fail (CP_IS_PLACEMENT (self));
  cp_record_set_enum (CP_RECORD (self), PROP_AREA, area);
}

/**
 * cp_placement_get_long_term:
 * @self: a #CpPlacement
 *
 * Gets the [property@Placement:long-term] property.
 *
 * Returns: whether it is designated a long-term placement
 */
gboolean
cp_placement_get_long_term (CpPlacement *self)
{
  g_return_val_if_fail (CP_IS_PLACEMENT (self), FALSE);
  return cp_record_get_boolean (CP_RECORD (self), PROP_LONG_TERM);
}

/**
 * cp_placement_set_long_term:
 * @self: a #CpPlacement
 * @long_term: whether it is designated a long-term placement
 *
 * Sets [property@Placement:long-term].
 */
void
cp_placement_set_long_term (CpPlacement *self,
    gboolean long_term)
{
  g_return_if_fail (CP_IS_PLACEMENT (self));
  cp_record_set_boolean (CP_RECORD (self), PROP_LONG_TERM, long_term);
}

/**
 * cp_placement_get_intended_until_18:
 * @self: a #CpPlacement
 *
 * Gets the [property@Placement:intended-until-18] property.
 *
 * Returns: whether the placement is recorded as intended to last until the child is 18
 */
gboolean
cp_placement_get_intended_until_18 (CpPlacement *self)
{
  g_return_val_if_fail (CP_IS_PLACEMENT (self), FALSE);
  return cp_record_get_boolean (CP_RECORD (self), PROP_INTENDED_UNTIL_18);
}

/**
 * cp_placement_set_intended_until_18:
 * @self: a #CpPlacement
 * @intended_until_18: whether the placement is intended to last until the child is 18
 *
 * Sets [property@Placement:intended-until-18].
 */
void
cp_placement_set_intended_until_18 (CpPlacement *self,
    gboolean intended_until_18)
{
  g_return_if_fail (CP_IS_PLACEMENT (self));
  cp_record_set_boolean (CP_RECORD (self), PROP_INTENDED_UNTIL_18, intended_until_18);
}

/**
 * cp_placement_get_change_reason:
 * @self: a #CpPlacement
 *
 * Gets the [property@Placement:change-reason] property.
 *
 * Returns: (transfer none) (nullable): why the child moved into this placement
 */
const char *
cp_placement_get_change_reason (CpPlacement *self)
{
  g_return_val_if_fail (CP_IS_PLACEMENT (self), NULL);
  return cp_record_get_string (CP_RECORD (self), PROP_CHANGE_REASON);
}

/**
 * cp_placement_set_change_reason:
 * @self: a #CpPlacement
 * @change_reason: (nullable): why the child moved into this placement
 *
 * Sets [property@Placement:change-reason].
 */
void
cp_placement_set_change_reason (CpPlacement *self,
    const char *change_reason)
{
  g_return_if_fail (CP_IS_PLACEMENT (self));
  cp_record_set_string (CP_RECORD (self), PROP_CHANGE_REASON, change_reason);
}

/**
 * cp_placement_get_temporary_approval:
 * @self: a #CpPlacement
 *
 * Gets the [property@Placement:temporary-approval] property.
 *
 * Returns: (transfer none) (nullable): the day the carer's temporary
 *   approval was given, or %NULL if not recorded
 */
const GDate *
cp_placement_get_temporary_approval (CpPlacement *self)
{
  g_return_val_if_fail (CP_IS_PLACEMENT (self), NULL);
  return cp_record_get_date (CP_RECORD (self), PROP_TEMPORARY_APPROVAL);
}

/**
 * cp_placement_set_temporary_approval:
 * @self: a #CpPlacement
 * @date: (nullable): the day the carer's temporary approval was given
 *
 * Sets the [property@Placement:temporary-approval] property.
 */
void
cp_placement_set_temporary_approval (CpPlacement *self,
                                     const GDate *date)
{
  g_return_if_fail (CP_IS_PLACEMENT (self));
  cp_record_set_date (CP_RECORD (self), PROP_TEMPORARY_APPROVAL, date);
}
