/* cp-allocation.h: who a case was allocated to (a team, a social worker,
 * an IRO), from when to when
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

#define CP_TYPE_ALLOCATION (cp_allocation_get_type ())

CP_AVAILABLE_IN_0_1
G_DECLARE_FINAL_TYPE (CpAllocation, cp_allocation, CP, ALLOCATION, CpRecord)

CP_AVAILABLE_IN_0_1
CpAllocation *cp_allocation_new        (CpRole        role,
                                        const char   *staff,
                                        const char   *team,
                                        const GDate  *start);
CP_AVAILABLE_IN_0_1
CpRole        cp_allocation_get_role   (CpAllocation *self);
CP_AVAILABLE_IN_0_1
const char   *cp_allocation_get_staff  (CpAllocation *self);
CP_AVAILABLE_IN_0_1
const char   *cp_allocation_get_team   (CpAllocation *self);
CP_AVAILABLE_IN_0_1
const GDate  *cp_allocation_get_start  (CpAllocation *self);
CP_AVAILABLE_IN_0_1
const GDate  *cp_allocation_get_end    (CpAllocation *self);
CP_AVAILABLE_IN_0_1
void          cp_allocation_set_end    (CpAllocation *self,
                                        const GDate  *end);
CP_AVAILABLE_IN_0_1
gboolean      cp_allocation_covers     (CpAllocation *self,
                                        const GDate  *date);

G_END_DECLS
