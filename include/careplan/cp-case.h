/* cp-case.h: a looked-after child's case, the aggregate root
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#if !defined(CAREPLAN_INSIDE) && !defined(CP_COMPILATION)
# error "Only <careplan.h> can be included directly."
#endif

#include "cp-enums.h"
#include "cp-calendar.h"
#include "cp-policy.h"
#include "cp-record.h"
#include "cp-version-macros.h"

G_BEGIN_DECLS

/**
 * CP_CASE_FORMAT_VERSION:
 *
 * The version of the JSON case format this library writes (and the
 * newest it reads). See `docs/case-format.md`.
 */
#define CP_CASE_FORMAT_VERSION 1

#define CP_TYPE_CASE (cp_case_get_type ())

CP_AVAILABLE_IN_0_1
G_DECLARE_FINAL_TYPE (CpCase, cp_case, CP, CASE, CpRecord)

CP_AVAILABLE_IN_0_1
CpCase          *cp_case_new                      (CpChild          *child);
CP_AVAILABLE_IN_0_1
CpChild         *cp_case_get_child                (CpCase           *self);
CP_AVAILABLE_IN_0_1
GListModel      *cp_case_get_placements           (CpCase           *self);
CP_AVAILABLE_IN_0_1
CpCarePlan      *cp_case_get_care_plan            (CpCase           *self);
CP_AVAILABLE_IN_0_1
CpPermanencePlan *cp_case_get_permanence_plan     (CpCase           *self);
CP_AVAILABLE_IN_0_1
GListModel      *cp_case_get_reviews              (CpCase           *self);
CP_AVAILABLE_IN_0_1
GListModel      *cp_case_get_disputes             (CpCase           *self);
CP_AVAILABLE_IN_0_1
GListModel      *cp_case_get_events               (CpCase           *self);
CP_AVAILABLE_IN_0_1
GListModel      *cp_case_get_activities           (CpCase           *self);
CP_AVAILABLE_IN_0_1
void             cp_case_add_activity             (CpCase           *self,
                                                   CpActivity       *activity,
                                                   CpRole            role,
                                                   const char       *actor);
CP_AVAILABLE_IN_0_1
GListModel      *cp_case_get_allocations          (CpCase           *self);
CP_AVAILABLE_IN_0_1
gboolean         cp_case_allocate                 (CpCase           *self,
                                                   CpAllocation     *allocation,
                                                   CpRole            role,
                                                   const char       *actor,
                                                   GError          **error);
CP_AVAILABLE_IN_0_1
CpAllocation    *cp_case_get_allocation           (CpCase           *self,
                                                   CpRole            allocated_role,
                                                   const GDate      *date);
CP_AVAILABLE_IN_0_1
gboolean         cp_case_place                    (CpCase           *self,
                                                   CpPolicy         *policy,
                                                   CpPlacement      *placement,
                                                   CpRole            role,
                                                   const char       *actor,
                                                   const char       *reason,
                                                   GError          **error);
CP_AVAILABLE_IN_0_1
gboolean         cp_case_cease                    (CpCase           *self,
                                                   CpPolicy         *policy,
                                                   CpCalendar       *calendar,
                                                   const GDate      *date,
                                                   CpRole            role,
                                                   const char       *actor,
                                                   GError          **error);
CP_AVAILABLE_IN_0_1
GListModel      *cp_case_get_history              (CpCase           *self);
CP_AVAILABLE_IN_0_1
CpPlacement     *cp_case_get_current_placement    (CpCase           *self);
CP_AVAILABLE_IN_0_1
CpReview        *cp_case_get_review               (CpCase           *self,
                                                   int               sequence);

CP_AVAILABLE_IN_0_1
gboolean         cp_case_add_placement            (CpCase           *self,
                                                   CpPlacement      *placement,
                                                   CpRole            role,
                                                   const char       *actor,
                                                   const char       *reason,
                                                   GError          **error);
CP_AVAILABLE_IN_0_1
gboolean         cp_case_set_care_plan            (CpCase           *self,
                                                   CpCarePlan       *plan,
                                                   CpRole            role,
                                                   const char       *actor,
                                                   GError          **error);
CP_AVAILABLE_IN_0_1
gboolean         cp_case_authorise_care_plan      (CpCase           *self,
                                                   CpPolicy         *policy,
                                                   CpRole            role,
                                                   const char       *actor,
                                                   const GDate      *date,
                                                   GError          **error);
CP_AVAILABLE_IN_0_1
gboolean         cp_case_ratify_care_plan         (CpCase           *self,
                                                   CpPolicy         *policy,
                                                   int               review_sequence,
                                                   CpRole            role,
                                                   const char       *actor,
                                                   GError          **error);
CP_AVAILABLE_IN_0_1
gboolean         cp_case_propose_care_plan_change (CpCase           *self,
                                                   const char       *description,
                                                   CpRole            role,
                                                   const char       *actor,
                                                   const GDate      *date,
                                                   GError          **error);
CP_AVAILABLE_IN_0_1
gboolean         cp_case_set_permanence_plan      (CpCase           *self,
                                                   CpPermanencePlan *plan,
                                                   CpRole            role,
                                                   const char       *actor,
                                                   const GDate      *date,
                                                   GError          **error);
CP_AVAILABLE_IN_0_1
gboolean         cp_case_add_review               (CpCase           *self,
                                                   CpReview         *review,
                                                   CpRole            role,
                                                   const char       *actor,
                                                   GError          **error);
CP_AVAILABLE_IN_0_1
gboolean         cp_case_add_dispute              (CpCase           *self,
                                                   CpPolicy         *policy,
                                                   CpDispute        *dispute,
                                                   CpRole            role,
                                                   const char       *actor,
                                                   GError          **error);

CP_AVAILABLE_IN_0_1
gboolean         cp_case_record_event             (CpCase           *self,
                                                   CpCaseEvent      *event,
                                                   CpRole            role,
                                                   const char       *actor,
                                                   GError          **error);
CP_AVAILABLE_IN_0_1
gboolean         cp_case_validate                 (CpCase           *self,
                                                   GError          **error);
CP_AVAILABLE_IN_0_1
char           **cp_case_audit                    (CpCase           *self);
CP_AVAILABLE_IN_0_1
CpCase          *cp_case_new_from_json            (const char       *data,
                                                   gssize            length,
                                                   GError          **error);
CP_AVAILABLE_IN_0_1
CpCase          *cp_case_new_from_json_node       (JsonNode         *node,
                                                   GError          **error);
CP_AVAILABLE_IN_0_1
char            *cp_case_to_json_string           (CpCase           *self,
                                                   gboolean          pretty);
CP_AVAILABLE_IN_0_1
CpCase          *cp_case_load_file                (const char       *path,
                                                   GError          **error);
CP_AVAILABLE_IN_0_1
gboolean         cp_case_save_file                (CpCase           *self,
                                                   const char       *path,
                                                   GError          **error);

G_END_DECLS
