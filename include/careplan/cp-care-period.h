/* cp-care-period.h
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#if !defined(CAREPLAN_INSIDE) && !defined(CP_COMPILATION)
# error "Only <careplan.h> can be included directly."
#endif

#include "cp-record.h"
#include "cp-version-macros.h"

G_BEGIN_DECLS

#define CP_TYPE_CARE_PERIOD (cp_care_period_get_type ())

CP_AVAILABLE_IN_0_1
G_DECLARE_FINAL_TYPE (CpCarePeriod, cp_care_period, CP, CARE_PERIOD, CpRecord)

CP_AVAILABLE_IN_0_1
CpCarePeriod *cp_care_period_new (const GDate *start, const GDate *end, gboolean short_breaks);
CP_AVAILABLE_IN_0_1
const GDate *cp_care_period_get_start (CpCarePeriod *self);
CP_AVAILABLE_IN_0_1
const GDate *cp_care_period_get_end (CpCarePeriod *self);
CP_AVAILABLE_IN_0_1
gboolean cp_care_period_get_short_breaks (CpCarePeriod *self);

G_END_DECLS
