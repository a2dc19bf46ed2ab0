/* cp-legal-status.c
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include "cp-record-private.h"

/**
 * CpLegalStatus:
 *
 * One period of a legal status in a child's history.
 */
struct _CpLegalStatus
{
  CpRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (CpLegalStatus, cp_legal_status, CP_TYPE_RECORD)

enum {
  PROP_0,
  PROP_STATUS,
  PROP_START,
  PROP_END,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
cp_legal_status_class_init (CpLegalStatusClass *klass)
{
  /**
   * CpLegalStatus:status:
   *
   * The legal status.
   */
  properties[PROP_STATUS] =
    cp_field_required (g_param_spec_enum ("status", NULL, NULL, CP_TYPE_LEGAL_STATUS_KIND, 0,
                       G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  /**
   * CpLegalStatus:start:
   *
   * The first day of the status.
   */
  properties[PROP_START] =
    cp_field_date ("start", CP_FIELD_REQUIRED | CP_FIELD_FIXED);

  /**
   * CpLegalStatus:end:
   *
   * The last day, or %NULL while it continues.
   */
  properties[PROP_END] =
    cp_field_date ("end", 0);

  cp_record_class_install (G_OBJECT_CLASS (klass), properties, N_PROPS);
}

static void
cp_legal_status_init (CpLegalStatus *self)
{
}

/**
 * cp_legal_status_new:
 * @status: the legal status
 * @start: the first day of the status
 *
 * Creates a [class@LegalStatus].
 *
 * Returns: (transfer full): a new #CpLegalStatus
 */
CpLegalStatus *
cp_legal_status_new (CpLegalStatusKind status, const GDate *start)
{
  g_return_val_if_fail (start != NULL, NULL);

  return g_object_new (CP_TYPE_LEGAL_STATUS,
                       "status", status,
                       "start", start,
                       NULL);
}

/**
 * cp_legal_status_get_status:
 * @self: a #CpLegalStatus
 *
 * Gets the [property@LegalStatus:status] property.
 *
 * Returns: the legal status
 */
CpLegalStatusKind
cp_legal_status_get_status (CpLegalStatus *self)
{
  g_return_val_if_fail (CP_IS_LEGAL_STATUS (self), 0);
  return (CpLegalStatusKind) cp_record_get_enum (CP_RECORD (self), PROP_STATUS);
}

/**
 * cp_legal_status_get_start:
 * @self: a #CpLegalStatus
 *
 * Gets the [property@LegalStatus:start] property.
 *
 * Returns: (transfer none): the first day of the status
 */
const GDate *
cp_legal_status_get_start (CpLegalStatus *self)
{
  g_return_val_if_fail (CP_IS_LEGAL_STATUS (self), NULL);
  return cp_record_get_date (CP_RECORD (self), PROP_START);
}

/**
 * cp_legal_status_get_end:
 * @self: a #CpLegalStatus
 *
 * Gets the [property@LegalStatus:end] property.
 *
 * Returns: (transfer none) (nullable): the last day, or %NULL while it continues
 */
const GDate *
cp_legal_status_get_end (CpLegalStatus *self)
{
  g_return_val_if_fail (CP_IS_LEGAL_STATUS (self), NULL);
  return cp_record_get_date (CP_RECORD (self), PROP_END);
}

/**
 * cp_legal_status_set_end:
 * @self: a #CpLegalStatus
 * @end: (nullable): the last day, or %NULL while it continues
 *
 * Sets [property@LegalStatus:end].
 */
void
cp_legal_status_set_end (CpLegalStatus *self,
    const GDate *end)
{
  g_return_if_fail (CP_IS_LEGAL_STATUS (self));
  cp_record_set_date (CP_RECORD (self), PROP_END, end);
}
