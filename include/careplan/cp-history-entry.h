/* cp-history-entry.h
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

#define CP_TYPE_HISTORY_ENTRY (cp_history_entry_get_type ())

CP_AVAILABLE_IN_0_1
G_DECLARE_FINAL_TYPE (CpHistoryEntry, cp_history_entry, CP, HISTORY_ENTRY, CpRecord)

CP_AVAILABLE_IN_0_1
CpHistoryEntry *cp_history_entry_new (const GDate *date, const char *action);
CP_AVAILABLE_IN_0_1
const GDate *cp_history_entry_get_date (CpHistoryEntry *self);
CP_AVAILABLE_IN_0_1
CpRole cp_history_entry_get_actor_role (CpHistoryEntry *self);
CP_AVAILABLE_IN_0_1
const char *cp_history_entry_get_actor (CpHistoryEntry *self);
CP_AVAILABLE_IN_0_1
const char *cp_history_entry_get_action (CpHistoryEntry *self);
CP_AVAILABLE_IN_0_1
const char *cp_history_entry_get_reason (CpHistoryEntry *self);
CP_AVAILABLE_IN_0_1
gboolean cp_history_entry_get_refused (CpHistoryEntry *self);

G_END_DECLS
