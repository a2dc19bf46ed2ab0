/* cp-milestone.h
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

#define CP_TYPE_MILESTONE (cp_milestone_get_type ())

CP_AVAILABLE_IN_0_1
G_DECLARE_FINAL_TYPE (CpMilestone, cp_milestone, CP, MILESTONE, CpRecord)

CP_AVAILABLE_IN_0_1
CpMilestone *cp_milestone_new (const char *description, const GDate *target);
CP_AVAILABLE_IN_0_1
const char *cp_milestone_get_description (CpMilestone *self);
CP_AVAILABLE_IN_0_1
CpRole cp_milestone_get_owner_role (CpMilestone *self);
CP_AVAILABLE_IN_0_1
void cp_milestone_set_owner_role (CpMilestone *self,
    CpRole owner_role);
CP_AVAILABLE_IN_0_1
const GDate *cp_milestone_get_target (CpMilestone *self);
CP_AVAILABLE_IN_0_1
void cp_milestone_set_target (CpMilestone *self,
    const GDate *target);
CP_AVAILABLE_IN_0_1
const GDate *cp_milestone_get_achieved (CpMilestone *self);
CP_AVAILABLE_IN_0_1
void cp_milestone_set_achieved (CpMilestone *self,
    const GDate *achieved);
CP_AVAILABLE_IN_0_1
const char *cp_milestone_get_delay_reason (CpMilestone *self);
CP_AVAILABLE_IN_0_1
void cp_milestone_set_delay_reason (CpMilestone *self,
    const char *delay_reason);

G_END_DECLS
