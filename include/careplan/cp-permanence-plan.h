/* cp-permanence-plan.h
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

#define CP_TYPE_PERMANENCE_PLAN (cp_permanence_plan_get_type ())

CP_AVAILABLE_IN_0_1
G_DECLARE_FINAL_TYPE (CpPermanencePlan, cp_permanence_plan, CP, PERMANENCE_PLAN, CpRecord)

CP_AVAILABLE_IN_0_1
CpPermanencePlan *cp_permanence_plan_new (CpPermanencePathway pathway);
CP_AVAILABLE_IN_0_1
CpPermanencePathway cp_permanence_plan_get_pathway (CpPermanencePlan *self);
CP_AVAILABLE_IN_0_1
void cp_permanence_plan_set_pathway (CpPermanencePlan *self,
    CpPermanencePathway pathway);
CP_AVAILABLE_IN_0_1
const GDate *cp_permanence_plan_get_agreed_on (CpPermanencePlan *self);
CP_AVAILABLE_IN_0_1
void cp_permanence_plan_set_agreed_on (CpPermanencePlan *self,
    const GDate *agreed_on);
CP_AVAILABLE_IN_0_1
CpPermanencePathway cp_permanence_plan_get_contingency_pathway (CpPermanencePlan *self);
CP_AVAILABLE_IN_0_1
void cp_permanence_plan_set_contingency_pathway (CpPermanencePlan *self,
    CpPermanencePathway contingency_pathway);
CP_AVAILABLE_IN_0_1
const char *cp_permanence_plan_get_contingency (CpPermanencePlan *self);
CP_AVAILABLE_IN_0_1
void cp_permanence_plan_set_contingency (CpPermanencePlan *self,
    const char *contingency);
CP_AVAILABLE_IN_0_1
GListModel *cp_permanence_plan_get_milestones (CpPermanencePlan *self);

CP_AVAILABLE_IN_0_1
void cp_permanence_plan_add_milestone (CpPermanencePlan *self,
    CpMilestone *milestone);

G_END_DECLS
