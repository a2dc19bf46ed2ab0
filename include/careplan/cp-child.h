/* cp-child.h
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

#define CP_TYPE_CHILD (cp_child_get_type ())

CP_AVAILABLE_IN_0_1
G_DECLARE_FINAL_TYPE (CpChild, cp_child, CP, CHILD, CpRecord)

CP_AVAILABLE_IN_0_1
CpChild *cp_child_new (const char *id, const GDate *birth_date, const GDate *looked_after_since);
CP_AVAILABLE_IN_0_1
const char *cp_child_get_id (CpChild *self);
CP_AVAILABLE_IN_0_1
const GDate *cp_child_get_birth_date (CpChild *self);
CP_AVAILABLE_IN_0_1
const GDate *cp_child_get_looked_after_since (CpChild *self);
CP_AVAILABLE_IN_0_1
GListModel *cp_child_get_legal_statuses (CpChild *self);
CP_AVAILABLE_IN_0_1
gboolean cp_child_get_disability (CpChild *self);
CP_AVAILABLE_IN_0_1
void cp_child_set_disability (CpChild *self,
    gboolean disability);
CP_AVAILABLE_IN_0_1
gboolean cp_child_get_communication_needs (CpChild *self);
CP_AVAILABLE_IN_0_1
void cp_child_set_communication_needs (CpChild *self,
    gboolean communication_needs);
CP_AVAILABLE_IN_0_1
gboolean cp_child_get_uasc (CpChild *self);
CP_AVAILABLE_IN_0_1
void cp_child_set_uasc (CpChild *self,
    gboolean uasc);

CP_AVAILABLE_IN_0_1
void cp_child_add_legal_status (CpChild *self,
    CpLegalStatus *legal_status);
CP_AVAILABLE_IN_0_1
const GDate *cp_child_get_ceased_on (CpChild *self);
CP_AVAILABLE_IN_0_1
void cp_child_set_ceased_on (CpChild *self,
    const GDate *ceased_on);
CP_AVAILABLE_IN_0_1
GListModel *cp_child_get_earlier_periods (CpChild *self);
CP_AVAILABLE_IN_0_1
void cp_child_add_earlier_period (CpChild *self,
    CpCarePeriod *period);

G_END_DECLS
