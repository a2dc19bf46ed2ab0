/* cp-activity.h: a piece of casework done on a date (a visit, a health
 * assessment, a meeting, a plan)
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#if !defined(CAREPLAN_INSIDE) && !defined(CP_COMPILATION)
# error "Only <careplan.h> can be included directly."
#endif

#include "cp-enums.h"
#include "cp-record.h"
#include "cp-version-macros.h"

G_BEGIN_DECLS

#define CP_TYPE_ACTIVITY (cp_activity_get_type ())

CP_AVAILABLE_IN_0_1
G_DECLARE_FINAL_TYPE (CpActivity, cp_activity, CP, ACTIVITY, CpRecord)

CP_AVAILABLE_IN_0_1
CpActivity  *cp_activity_new      (CpDuty       duty,
                                   const GDate *date);
CP_AVAILABLE_IN_0_1
CpDuty       cp_activity_get_duty (CpActivity  *self);
CP_AVAILABLE_IN_0_1
const GDate *cp_activity_get_date (CpActivity  *self);

G_END_DECLS
