/* cp-dispute.h
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

#define CP_TYPE_DISPUTE (cp_dispute_get_type ())

CP_AVAILABLE_IN_0_1
G_DECLARE_FINAL_TYPE (CpDispute, cp_dispute, CP, DISPUTE, CpRecord)

CP_AVAILABLE_IN_0_1
CpDispute *cp_dispute_new (const char *subject, const GDate *raised_on);
CP_AVAILABLE_IN_0_1
const char *cp_dispute_get_subject (CpDispute *self);
CP_AVAILABLE_IN_0_1
CpRole cp_dispute_get_raised_by (CpDispute *self);
CP_AVAILABLE_IN_0_1
const GDate *cp_dispute_get_raised_on (CpDispute *self);
CP_AVAILABLE_IN_0_1
const char *cp_dispute_get_stage (CpDispute *self);
CP_AVAILABLE_IN_0_1
const GDate *cp_dispute_get_resolved_on (CpDispute *self);
CP_AVAILABLE_IN_0_1
const char *cp_dispute_get_outcome (CpDispute *self);
CP_AVAILABLE_IN_0_1
GListModel *cp_dispute_get_steps (CpDispute *self);
CP_AVAILABLE_IN_0_1
int cp_dispute_get_review (CpDispute *self);
CP_AVAILABLE_IN_0_1
int cp_dispute_get_recommendation (CpDispute *self);
CP_AVAILABLE_IN_0_1
void cp_dispute_set_recommendation (CpDispute *self,
    int review,
    int recommendation);

G_END_DECLS
