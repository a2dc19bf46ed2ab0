/* cp-care-plan.h
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

#define CP_TYPE_CARE_PLAN (cp_care_plan_get_type ())

CP_AVAILABLE_IN_0_1
G_DECLARE_FINAL_TYPE (CpCarePlan, cp_care_plan, CP, CARE_PLAN, CpRecord)

CP_AVAILABLE_IN_0_1
CpCarePlan *cp_care_plan_new (const GDate *created);
CP_AVAILABLE_IN_0_1
CpCarePlanState cp_care_plan_get_state (CpCarePlan *self);
CP_AVAILABLE_IN_0_1
const GDate *cp_care_plan_get_created (CpCarePlan *self);
CP_AVAILABLE_IN_0_1
const GDate *cp_care_plan_get_authorised_on (CpCarePlan *self);
CP_AVAILABLE_IN_0_1
const char *cp_care_plan_get_authorised_by (CpCarePlan *self);
CP_AVAILABLE_IN_0_1
const GDate *cp_care_plan_get_ratified_on (CpCarePlan *self);
CP_AVAILABLE_IN_0_1
int cp_care_plan_get_ratified_at_review (CpCarePlan *self);
CP_AVAILABLE_IN_0_1
const char *cp_care_plan_get_proposed_change (CpCarePlan *self);
CP_AVAILABLE_IN_0_1
const GDate *cp_care_plan_get_proposed_change_on (CpCarePlan *self);
CP_AVAILABLE_IN_0_1
GListModel *cp_care_plan_get_sub_plans (CpCarePlan *self);

CP_AVAILABLE_IN_0_1
void cp_care_plan_add_sub_plan (CpCarePlan *self,
    CpSubPlan *sub_plan);

G_END_DECLS
