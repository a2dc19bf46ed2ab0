/* cp-allocation.c
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include "cp-record-private.h"

/**
 * CpAllocation:
 *
 * Who a case was allocated to in one role, and for how long: the child's
 * social worker (with the team they work in), or the IRO (with the
 * reviewing team). A case keeps every allocation, ended ones too, so that
 * what was done and what fell due can be set against the team, worker or
 * IRO responsible on the day.
 *
 * `staff` is the authority's identifier for the member of staff and `team`
 * the team's name: the library never prints either in an error, warning
 * or log.
 */
struct _CpAllocation
{
  CpRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (CpAllocation, cp_allocation, CP_TYPE_RECORD)

enum {
  PROP_0,
  PROP_ROLE,
  PROP_STAFF,
  PROP_TEAM,
  PROP_START,
  PROP_END,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
cp_allocation_class_init (CpAllocationClass *klass)
{
  /**
   * CpAllocation:role:
   *
   * The role the case was allocated for: `social-worker` or `iro` (any
   * [enum@Role] is kept).
   */
  properties[PROP_ROLE] =
    cp_field_required (g_param_spec_enum ("role", NULL, NULL, CP_TYPE_ROLE, CP_ROLE_UNKNOWN,
                       G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  /**
   * CpAllocation:staff:
   *
   * The member of staff's identifier, or %NULL when the case is allocated
   * to a team and not yet to a person.
   */
  properties[PROP_STAFF] =
    g_param_spec_string ("staff", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /**
   * CpAllocation:team:
   *
   * The name of the team, or %NULL if not recorded.
   */
  properties[PROP_TEAM] =
    g_param_spec_string ("team", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /**
   * CpAllocation:start:
   *
   * The first day of the allocation.
   */
  properties[PROP_START] =
    cp_field_date ("start", CP_FIELD_REQUIRED | CP_FIELD_FIXED);

  /**
   * CpAllocation:end:
   *
   * The last day of the allocation, or %NULL while it continues. The next
   * allocation in the same role may start on that day: on a day of
   * handover the newer one is current.
   */
  properties[PROP_END] =
    cp_field_date ("end", 0);

  cp_record_class_install (G_OBJECT_CLASS (klass), properties, N_PROPS);
}

static void
cp_allocation_init (CpAllocation *self)
{
}

/**
 * cp_allocation_new:
 * @role: the role the case is allocated for
 * @staff: (nullable): the member of staff's identifier
 * @team: (nullable): the team's name
 * @start: the first day
 *
 * Creates a [class@Allocation] that has not ended.
 *
 * Returns: (transfer full): a new #CpAllocation
 */
CpAllocation *
cp_allocation_new (CpRole       role,
                   const char  *staff,
                   const char  *team,
                   const GDate *start)
{
  g_return_val_if_fail (start != NULL && g_date_valid (start), NULL);

  return g_object_new (CP_TYPE_ALLOCATION,
                       "role", role,
                       "staff", staff,
                       "team", team,
                       "start", start,
                       NULL);
}

/**
 * cp_allocation_get_role:
 * @self: a #CpAllocation
 *
 * Gets the [property@Allocation:role] property.
 *
 * Returns: the role the case was allocated for
 */
CpRole
cp_allocation_get_role (CpAllocation *self)
{
  g_return_val_if_fail (CP_IS_ALLOCATION (self), CP_ROLE_UNKNOWN);
  return (CpRole) cp_record_get_enum (CP_RECORD (self), PROP_ROLE);
}

/**
 * cp_allocation_get_staff:
 * @self: a #CpAllocation
 *
 * Gets the [property@Allocation:staff] property.
 *
 * Returns: (nullable): the member of staff's identifier
 */
const char *
cp_allocation_get_staff (CpAllocation *self)
{
  g_return_val_if_fail (CP_IS_ALLOCATION (self), NULL);
  return cp_record_get_string (CP_RECORD (self), PROP_STAFF);
}

/**
 * cp_allocation_get_team:
 * @self: a #CpAllocation
 *
 * Gets the [property@Allocation:team] property.
 *
 * Returns: (nullable): the team's name
 */
const char *
cp_allocation_get_team (CpAllocation *self)
{
  g_return_val_if_fail (CP_IS_ALLOCATION (self), NULL);
  return cp_record_get_string (CP_RECORD (self), PROP_TEAM);
}

/**
 * cp_allocation_get_start:
 * @self: a #CpAllocation
 *
 * Gets the [property@Allocation:start] property.
 *
 * Returns: (transfer none): the first day
 */
const GDate *
cp_allocation_get_start (CpAllocation *self)
{
  g_return_val_if_fail (CP_IS_ALLOCATION (self), NULL);
  return cp_record_get_date (CP_RECORD (self), PROP_START);
}

/**
 * cp_allocation_get_end:
 * @self: a #CpAllocation
 *
 * Gets the [property@Allocation:end] property.
 *
 * Returns: (transfer none) (nullable): the last day, or %NULL while it
 *   continues
 */
const GDate *
cp_allocation_get_end (CpAllocation *self)
{
  g_return_val_if_fail (CP_IS_ALLOCATION (self), NULL);
  return cp_record_get_date (CP_RECORD (self), PROP_END);
}

/**
 * cp_allocation_set_end:
 * @self: a #CpAllocation
 * @end: (nullable): the last day, or %NULL while it continues
 *
 * Sets [property@Allocation:end].
 */
void
cp_allocation_set_end (CpAllocation *self,
                       const GDate  *end)
{
  g_return_if_fail (CP_IS_ALLOCATION (self));
  g_return_if_fail (end == NULL || g_date_valid (end));
  cp_record_set_date (CP_RECORD (self), PROP_END, end);
}

/**
 * cp_allocation_covers:
 * @self: a #CpAllocation
 * @date: a day
 *
 * Whether the allocation held on @date: from its start to its end, both
 * included.
 *
 * Returns: %TRUE if @date is within the allocation
 */
gboolean
cp_allocation_covers (CpAllocation *self,
                      const GDate  *date)
{
  const GDate *end;

  g_return_val_if_fail (CP_IS_ALLOCATION (self), FALSE);
  g_return_val_if_fail (date != NULL && g_date_valid (date), FALSE);

  end = cp_allocation_get_end (self);
  return g_date_compare (cp_allocation_get_start (self), date) <= 0 &&
         (end == NULL || g_date_compare (date, end) <= 0);
}
