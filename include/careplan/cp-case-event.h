/* cp-case-event.h: something that happened in a case
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

#define CP_TYPE_CASE_EVENT (cp_case_event_get_type ())

CP_AVAILABLE_IN_0_1
G_DECLARE_FINAL_TYPE (CpCaseEvent, cp_case_event, CP, CASE_EVENT, CpRecord)

CP_AVAILABLE_IN_0_1
CpCaseEvent *cp_case_event_new             (CpEventKind  kind,
                                            const GDate *date);
CP_AVAILABLE_IN_0_1
CpEventKind  cp_case_event_get_kind        (CpCaseEvent *self);
CP_AVAILABLE_IN_0_1
const GDate *cp_case_event_get_date        (CpCaseEvent *self);
CP_AVAILABLE_IN_0_1
gboolean     cp_case_event_get_iro_agreed  (CpCaseEvent *self);
CP_AVAILABLE_IN_0_1
void         cp_case_event_set_iro_agreed  (CpCaseEvent *self,
                                            gboolean     iro_agreed);
CP_AVAILABLE_IN_0_1
const char  *cp_case_event_get_note        (CpCaseEvent *self);
CP_AVAILABLE_IN_0_1
void         cp_case_event_set_note        (CpCaseEvent *self,
                                            const char  *note);

G_END_DECLS
