/* cp-legal-status.h
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

#define CP_TYPE_LEGAL_STATUS (cp_legal_status_get_type ())

CP_AVAILABLE_IN_0_1
G_DECLARE_FINAL_TYPE (CpLegalStatus, cp_legal_status, CP, LEGAL_STATUS, CpRecord)

CP_AVAILABLE_IN_0_1
CpLegalStatus *cp_legal_status_new (CpLegalStatusKind status, const GDate *start);
CP_AVAILABLE_IN_0_1
CpLegalStatusKind cp_legal_status_get_status (CpLegalStatus *self);
CP_AVAILABLE_IN_0_1
const GDate *cp_legal_status_get_start (CpLegalStatus *self);
CP_AVAILABLE_IN_0_1
const GDate *cp_legal_status_get_end (CpLegalStatus *self);
CP_AVAILABLE_IN_0_1
void cp_legal_status_set_end (CpLegalStatus *self,
    const GDate *end);

G_END_DECLS
