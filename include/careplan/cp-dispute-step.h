/* cp-dispute-step.h
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

#define CP_TYPE_DISPUTE_STEP (cp_dispute_step_get_type ())

CP_AVAILABLE_IN_0_1
G_DECLARE_FINAL_TYPE (CpDisputeStep, cp_dispute_step, CP, DISPUTE_STEP, CpRecord)

CP_AVAILABLE_IN_0_1
CpDisputeStep *cp_dispute_step_new (const char *stage, const GDate *date);
CP_AVAILABLE_IN_0_1
const char *cp_dispute_step_get_stage (CpDisputeStep *self);
CP_AVAILABLE_IN_0_1
const GDate *cp_dispute_step_get_date (CpDisputeStep *self);
CP_AVAILABLE_IN_0_1
CpRole cp_dispute_step_get_actor_role (CpDisputeStep *self);
CP_AVAILABLE_IN_0_1
const char *cp_dispute_step_get_reason (CpDisputeStep *self);

G_END_DECLS
