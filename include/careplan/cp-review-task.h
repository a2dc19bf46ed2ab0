/* cp-review-task.h: a preparation or follow-up duty of a review, done
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

#define CP_TYPE_REVIEW_TASK (cp_review_task_get_type ())

CP_AVAILABLE_IN_0_1
G_DECLARE_FINAL_TYPE (CpReviewTask, cp_review_task, CP, REVIEW_TASK, CpRecord)

CP_AVAILABLE_IN_0_1
CpReviewTask *cp_review_task_new      (CpDuty        duty,
                                       const GDate  *done);
CP_AVAILABLE_IN_0_1
CpDuty        cp_review_task_get_duty (CpReviewTask *self);
CP_AVAILABLE_IN_0_1
const GDate  *cp_review_task_get_done (CpReviewTask *self);

G_END_DECLS
