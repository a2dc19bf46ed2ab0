/* cp-placement.h
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

#define CP_TYPE_PLACEMENT (cp_placement_get_type ())

CP_AVAILABLE_IN_0_1
G_DECLARE_FINAL_TYPE (CpPlacement, cp_placement, CP, PLACEMENT, CpRecord)

CP_AVAILABLE_IN_0_1
CpPlacement *cp_placement_new (CpPlacementType kind, const GDate *start);
CP_AVAILABLE_IN_0_1
CpPlacementType cp_placement_get_kind (CpPlacement *self);
CP_AVAILABLE_IN_0_1
const GDate *cp_placement_get_start (CpPlacement *self);
CP_AVAILABLE_IN_0_1
const GDate *cp_placement_get_end (CpPlacement *self);
CP_AVAILABLE_IN_0_1
void cp_placement_set_end (CpPlacement *self,
    const GDate *end);
CP_AVAILABLE_IN_0_1
gboolean cp_placement_get_emergency (CpPlacement *self);
CP_AVAILABLE_IN_0_1
void cp_placement_set_emergency (CpPlacement *self,
    gboolean emergency);
CP_AVAILABLE_IN_0_1
gboolean cp_placement_get_unplanned_end (CpPlacement *self);
CP_AVAILABLE_IN_0_1
void cp_placement_set_unplanned_end (CpPlacement *self,
    gboolean unplanned_end);
CP_AVAILABLE_IN_0_1
CpPlacementArea cp_placement_get_area (CpPlacement *self);
CP_AVAILABLE_IN_0_1
void cp_placement_set_area (CpPlacement *self,
    CpPlacementArea area);
CP_AVAILABLE_IN_0_1
gboolean cp_placement_get_long_term (CpPlacement *self);
CP_AVAILABLE_IN_0_1
void cp_placement_set_long_term (CpPlacement *self,
    gboolean long_term);
CP_AVAILABLE_IN_0_1
gboolean cp_placement_get_intended_until_18 (CpPlacement *self);
CP_AVAILABLE_IN_0_1
void cp_placement_set_intended_until_18 (CpPlacement *self,
    gboolean intended_until_18);
CP_AVAILABLE_IN_0_1
const char *cp_placement_get_change_reason (CpPlacement *self);
CP_AVAILABLE_IN_0_1
void cp_placement_set_change_reason (CpPlacement *self,
    const char *change_reason);

CP_AVAILABLE_IN_0_1
const GDate *cp_placement_get_temporary_approval (CpPlacement *self);
CP_AVAILABLE_IN_0_1
void cp_placement_set_temporary_approval (CpPlacement *self,
                                          const GDate *date);

G_END_DECLS
