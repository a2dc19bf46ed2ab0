/* cp-review.h
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#if !defined(CAREPLAN_INSIDE) && !defined(CP_COMPILATION)
# error "Only <careplan.h> can be included directly."
#endif

#include "cp-enums.h"
#include "cp-record.h"
#include "cp-review-task.h"
#include "cp-version-macros.h"

G_BEGIN_DECLS

#define CP_TYPE_REVIEW (cp_review_get_type ())

CP_AVAILABLE_IN_0_1
G_DECLARE_FINAL_TYPE (CpReview, cp_review, CP, REVIEW, CpRecord)

CP_AVAILABLE_IN_0_1
CpReview *cp_review_new (int sequence);
CP_AVAILABLE_IN_0_1
int cp_review_get_sequence (CpReview *self);
CP_AVAILABLE_IN_0_1
CpReviewKind cp_review_get_kind (CpReview *self);
CP_AVAILABLE_IN_0_1
void cp_review_set_kind (CpReview *self,
    CpReviewKind kind);
CP_AVAILABLE_IN_0_1
const GDate *cp_review_get_scheduled (CpReview *self);
CP_AVAILABLE_IN_0_1
void cp_review_set_scheduled (CpReview *self,
    const GDate *scheduled);
CP_AVAILABLE_IN_0_1
const GDate *cp_review_get_held (CpReview *self);
CP_AVAILABLE_IN_0_1
void cp_review_set_held (CpReview *self,
    const GDate *held);
CP_AVAILABLE_IN_0_1
const GDate *cp_review_get_adjourned_to (CpReview *self);
CP_AVAILABLE_IN_0_1
void cp_review_set_adjourned_to (CpReview *self,
    const GDate *adjourned_to);
CP_AVAILABLE_IN_0_1
const char *cp_review_get_chair (CpReview *self);
CP_AVAILABLE_IN_0_1
void cp_review_set_chair (CpReview *self,
    const char *chair);
CP_AVAILABLE_IN_0_1
const char * const *cp_review_get_participants (CpReview *self);
CP_AVAILABLE_IN_0_1
void cp_review_set_participants (CpReview *self,
    const char * const *participants);
CP_AVAILABLE_IN_0_1
CpChildParticipation cp_review_get_child_participation (CpReview *self);
CP_AVAILABLE_IN_0_1
void cp_review_set_child_participation (CpReview *self,
    CpChildParticipation child_participation);
CP_AVAILABLE_IN_0_1
GListModel *cp_review_get_recommendations (CpReview *self);

CP_AVAILABLE_IN_0_1
void cp_review_add_recommendation (CpReview *self,
    CpRecommendation *recommendation);

CP_AVAILABLE_IN_0_1
GListModel *cp_review_get_tasks (CpReview *self);
CP_AVAILABLE_IN_0_1
void cp_review_add_task (CpReview *self,
    CpReviewTask *task);
CP_AVAILABLE_IN_0_1
const GDate *cp_review_get_task_done (CpReview *self,
    CpDuty duty);
CP_AVAILABLE_IN_0_1
const GDate *cp_review_get_rescheduled_from (CpReview *self);
CP_AVAILABLE_IN_0_1
void cp_review_set_rescheduled_from (CpReview *self,
    const GDate *rescheduled_from);
CP_AVAILABLE_IN_0_1
gboolean cp_review_get_no_meeting_agreed (CpReview *self);
CP_AVAILABLE_IN_0_1
void cp_review_set_no_meeting_agreed (CpReview *self,
    gboolean no_meeting_agreed);

G_END_DECLS
