/* cp-child.c
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include "cp-case-private.h"
#include "cp-child-private.h"
#include "cp-record-private.h"

/**
 * CpChild:
 *
 * The child a case is about.
 *
 * The library needs no name: the identifier is an opaque key from the
 * product's own records and is never printed in warnings or logs. A
 * product that stores a name or other personal data keeps it as unknown
 * JSON members, which are preserved but never interpreted.
 */
struct _CpChild
{
  CpRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (CpChild, cp_child, CP_TYPE_RECORD)

enum {
  PROP_0,
  PROP_ID,
  PROP_BIRTH_DATE,
  PROP_LOOKED_AFTER_SINCE,
  PROP_LEGAL_STATUSES,
  PROP_DISABILITY,
  PROP_COMMUNICATION_NEEDS,
  PROP_UASC,
  PROP_CEASED_ON,
  PROP_EARLIER_PERIODS,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
cp_child_class_init (CpChildClass *klass)
{
  /**
   * CpChild:id:
   *
   * The product's opaque identifier for the child.
   */
  properties[PROP_ID] =
    cp_field_required (g_param_spec_string ("id", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  /**
   * CpChild:birth-date:
   *
   * The date of birth.
   */
  properties[PROP_BIRTH_DATE] =
    cp_field_date ("birth-date", CP_FIELD_REQUIRED | CP_FIELD_FIXED);

  /**
   * CpChild:looked-after-since:
   *
   * The day the child became looked after.
   */
  properties[PROP_LOOKED_AFTER_SINCE] =
    cp_field_date ("looked-after-since", CP_FIELD_REQUIRED | CP_FIELD_FIXED);

  /**
   * CpChild:legal-statuses:
   *
   * The legal status history, oldest first.
   */
  properties[PROP_LEGAL_STATUSES] =
    cp_field_list ("legal-statuses", CP_TYPE_LEGAL_STATUS);

  /**
   * CpChild:disability:
   *
   * Whether the child has a disability.
   */
  properties[PROP_DISABILITY] =
    g_param_spec_boolean ("disability", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * CpChild:communication-needs:
   *
   * Whether the child has communication needs.
   */
  properties[PROP_COMMUNICATION_NEEDS] =
    g_param_spec_boolean ("communication-needs", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * CpChild:uasc:
   *
   * Whether the child is an unaccompanied asylum-seeking child.
   */
  properties[PROP_UASC] =
    g_param_spec_boolean ("uasc", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * CpChild:ceased-on:
   *
   * The day the child ceased to be looked after, or %NULL while looked
   * after. Obligations falling due after it do not apply. Read-only: set
   * by [method@Case.cease], which checks who may end care and records it.
   */
  properties[PROP_CEASED_ON] =
    cp_field_date ("ceased-on", CP_FIELD_GUARDED);

  /**
   * CpChild:earlier-periods:
   *
   * The periods the child was looked after before the one that began on
   * [property@Child:looked-after-since], oldest first. They count towards
   * eligibility for leaving-care support.
   */
  properties[PROP_EARLIER_PERIODS] =
    cp_field_list ("earlier-periods", CP_TYPE_CARE_PERIOD);

  cp_record_class_install (G_OBJECT_CLASS (klass), properties, N_PROPS);
}

static void
cp_child_init (CpChild *self)
{
}

/**
 * cp_child_new:
 * @id: the product's opaque identifier for the child
 * @birth_date: the date of birth
 * @looked_after_since: the day the child became looked after
 *
 * Creates a [class@Child].
 *
 * Returns: (transfer full): a new #CpChild
 */
CpChild *
cp_child_new (const char *id, const GDate *birth_date, const GDate *looked_after_since)
{
  g_return_val_if_fail (id != NULL, NULL);
  g_return_val_if_fail (birth_date != NULL, NULL);
  g_return_val_if_fail (looked_after_since != NULL, NULL);

  return g_object_new (CP_TYPE_CHILD,
                       "id", id,
                       "birth-date", birth_date,
                       "looked-after-since", looked_after_since,
                       NULL);
}

/**
 * cp_child_get_id:
 * @self: a #CpChild
 *
 * Gets the [property@Child:id] property.
 *
 * Returns: (transfer none): the product's opaque identifier for the child
 */
const char *
cp_child_get_id (CpChild *self)
{
  g_return_val_if_fail (CP_IS_CHILD (self), NULL);
  return cp_record_get_string (CP_RECORD (self), PROP_ID);
}

/**
 * cp_child_get_birth_date:
 * @self: a #CpChild
 *
 * Gets the [property@Child:birth-date] property.
 *
 * Returns: (transfer none): the date of birth
 */
const GDate *
cp_child_get_birth_date (CpChild *self)
{
  g_return_val_if_fail (CP_IS_CHILD (self), NULL);
  return cp_record_get_date (CP_RECORD (self), PROP_BIRTH_DATE);
}

/**
 * cp_child_get_looked_after_since:
 * @self: a #CpChild
 *
 * Gets the [property@Child:looked-after-since] property.
 *
 * Returns: (transfer none): the day the child became looked after
 */
const GDate *
cp_child_get_looked_after_since (CpChild *self)
{
  g_return_val_if_fail (CP_IS_CHILD (self), NULL);
  return cp_record_get_date (CP_RECORD (self), PROP_LOOKED_AFTER_SINCE);
}

/**
 * cp_child_get_legal_statuses:
 * @self: a #CpChild
 *
 * Gets the [property@Child:legal-statuses] property.
 *
 * Returns: (transfer none): the legal status history, oldest first, a list of [class@LegalStatus]
 */
GListModel *
cp_child_get_legal_statuses (CpChild *self)
{
  g_return_val_if_fail (CP_IS_CHILD (self), NULL);
  return cp_record_get_list (CP_RECORD (self), PROP_LEGAL_STATUSES);
}

/**
 * cp_child_get_disability:
 * @self: a #CpChild
 *
 * Gets the [property@Child:disability] property.
 *
 * Returns: whether the child has a disability
 */
gboolean
cp_child_get_disability (CpChild *self)
{
  g_return_val_if_fail (CP_IS_CHILD (self), FALSE);
  return cp_record_get_boolean (CP_RECORD (self), PROP_DISABILITY);
}

/**
 * cp_child_set_disability:
 * @self: a #CpChild
 * @disability: whether the child has a disability
 *
 * Sets [property@Child:disability].
 */
void
cp_child_set_disability (CpChild *self,
    gboolean disability)
{
  g_return_if_fail (CP_IS_CHILD (self));
  cp_record_set_boolean (CP_RECORD (self), PROP_DISABILITY, disability);
}

/**
 * cp_child_get_communication_needs:
 * @self: a #CpChild
 *
 * Gets the [property@Child:communication-needs] property.
 *
 * Returns: whether the child has communication needs
 */
gboolean
cp_child_get_communication_needs (CpChild *self)
{
  g_return_val_if_fail (CP_IS_CHILD (self), FALSE);
  return cp_record_get_boolean (CP_RECORD (self), PROP_COMMUNICATION_NEEDS);
}

/**
 * cp_child_set_communication_needs:
 * @self: a #CpChild
 * @communication_needs: whether the child has communication needs
 *
 * Sets [property@Child:communication-needs].
 */
void
cp_child_set_communication_needs (CpChild *self,
    gboolean communication_needs)
{
  g_return_if_fail (CP_IS_CHILD (self));
  cp_record_set_boolean (CP_RECORD (self), PROP_COMMUNICATION_NEEDS, communication_needs);
}

/**
 * cp_child_get_uasc:
 * @self: a #CpChild
 *
 * Gets the [property@Child:uasc] property.
 *
 * Returns: whether the child is an unaccompanied asylum-seeking child
 */
gboolean
cp_child_get_uasc (CpChild *self)
{
  g_return_val_if_fail (CP_IS_CHILD (self), FALSE);
  return cp_record_get_boolean (CP_RECORD (self), PROP_UASC);
}

/**
 * cp_child_set_uasc:
 * @self: a #CpChild
 * @uasc: whether the child is an unaccompanied asylum-seeking child
 *
 * Sets [property@Child:uasc].
 */
void
cp_child_set_uasc (CpChild *self,
    gboolean uasc)
{
  g_return_if_fail (CP_IS_CHILD (self));
  cp_record_set_boolean (CP_RECORD (self), PROP_UASC, uasc);
}

/**
 * cp_child_add_legal_status:
 * @self: a #CpChild
 * @legal_status: a period of legal status
 *
 * Appends @legal_status to [property@Child:legal-statuses].
 */
void
cp_child_add_legal_status (CpChild *self,
    CpLegalStatus *legal_status)
{
  g_return_if_fail (CP_IS_CHILD (self));
  g_return_if_fail (CP_IS_LEGAL_STATUS (legal_status));
  cp_record_append_item (CP_RECORD (self), PROP_LEGAL_STATUSES, legal_status);
}

/**
 * cp_child_get_ceased_on:
 * @self: a #CpChild
 *
 * Gets the [property@Child:ceased-on] property.
 *
 * Returns: (transfer none) (nullable): the day the child ceased to be looked
 *   after, or %NULL
 */
const GDate *
cp_child_get_ceased_on (CpChild *self)
{
  g_return_val_if_fail (CP_IS_CHILD (self), NULL);
  return cp_record_get_date (CP_RECORD (self), PROP_CEASED_ON);
}

/**
 * cp_child_set_ceased_on:
 * @self: a #CpChild
 * @ceased_on: (nullable): the day the child ceased to be looked after
 *
 * Sets [property@Child:ceased-on] of a child not yet given to a case. The
 * child of a case ceases to be looked after through [method@Case.cease],
 * which checks who may end care: here that is a programming error.
 */
void
cp_child_set_ceased_on (CpChild     *self,
                        const GDate *ceased_on)
{
  g_return_if_fail (CP_IS_CHILD (self));
  g_return_if_fail (!cp_record_is_attached (CP_RECORD (self)));
  cp_record_set_date (CP_RECORD (self), PROP_CEASED_ON, ceased_on);
}

void
cp_child_cease (CpChild     *self,
                const GDate *ceased_on)
{
  cp_record_set_date (CP_RECORD (self), PROP_CEASED_ON, ceased_on);
}

/**
 * cp_child_get_earlier_periods:
 * @self: a #CpChild
 *
 * Gets the [property@Child:earlier-periods] property.
 *
 * Returns: (transfer none): the earlier periods of care, oldest first, a
 *   list of [class@CarePeriod]
 */
GListModel *
cp_child_get_earlier_periods (CpChild *self)
{
  g_return_val_if_fail (CP_IS_CHILD (self), NULL);
  return cp_record_get_list (CP_RECORD (self), PROP_EARLIER_PERIODS);
}

/**
 * cp_child_add_earlier_period:
 * @self: a #CpChild
 * @period: an earlier period of care
 *
 * Appends @period to [property@Child:earlier-periods].
 */
void
cp_child_add_earlier_period (CpChild      *self,
                             CpCarePeriod *period)
{
  g_return_if_fail (CP_IS_CHILD (self));
  g_return_if_fail (CP_IS_CARE_PERIOD (period));
  cp_record_append_item (CP_RECORD (self), PROP_EARLIER_PERIODS, period);
}

CpLegalStatus *const *
cp_child_peek_legal_statuses (CpChild *self,
                              guint *n_items)
{
  return (CpLegalStatus *const *) cp_record_get_items (CP_RECORD (self), PROP_LEGAL_STATUSES, n_items);
}

CpCarePeriod *const *
cp_child_peek_earlier_periods (CpChild *self,
                               guint *n_items)
{
  return (CpCarePeriod *const *) cp_record_get_items (CP_RECORD (self), PROP_EARLIER_PERIODS, n_items);
}
