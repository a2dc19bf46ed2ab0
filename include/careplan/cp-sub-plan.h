/* cp-sub-plan.h
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

#define CP_TYPE_SUB_PLAN (cp_sub_plan_get_type ())

CP_AVAILABLE_IN_0_1
G_DECLARE_FINAL_TYPE (CpSubPlan, cp_sub_plan, CP, SUB_PLAN, CpRecord)

CP_AVAILABLE_IN_0_1
CpSubPlan *cp_sub_plan_new (CpSubPlanKind kind);
CP_AVAILABLE_IN_0_1
CpSubPlanKind cp_sub_plan_get_kind (CpSubPlan *self);
CP_AVAILABLE_IN_0_1
const GDate *cp_sub_plan_get_completed (CpSubPlan *self);
CP_AVAILABLE_IN_0_1
void cp_sub_plan_set_completed (CpSubPlan *self,
    const GDate *completed);
CP_AVAILABLE_IN_0_1
const GDate *cp_sub_plan_get_last_reviewed (CpSubPlan *self);
CP_AVAILABLE_IN_0_1
void cp_sub_plan_set_last_reviewed (CpSubPlan *self,
    const GDate *last_reviewed);

G_END_DECLS
