/* cp-evaluator.h: a case's obligations under a policy, as at a date
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#if !defined(CAREPLAN_INSIDE) && !defined(CP_COMPILATION)
# error "Only <careplan.h> can be included directly."
#endif

#include "cp-calendar.h"
#include "cp-case.h"
#include "cp-obligation.h"
#include "cp-policy.h"
#include "cp-version-macros.h"

G_BEGIN_DECLS

#define CP_TYPE_EVALUATOR (cp_evaluator_get_type ())

CP_AVAILABLE_IN_0_1
G_DECLARE_FINAL_TYPE (CpEvaluator, cp_evaluator, CP, EVALUATOR, GObject)

CP_AVAILABLE_IN_0_1
CpEvaluator  *cp_evaluator_new                (CpCase       *kase,
                                               CpPolicy     *policy,
                                               CpCalendar   *calendar);
CP_AVAILABLE_IN_0_1
CpCase       *cp_evaluator_get_case           (CpEvaluator  *self);
CP_AVAILABLE_IN_0_1
CpPolicy     *cp_evaluator_get_policy         (CpEvaluator  *self);
CP_AVAILABLE_IN_0_1
CpCalendar   *cp_evaluator_get_calendar       (CpEvaluator  *self);
CP_AVAILABLE_IN_0_1
const GDate  *cp_evaluator_get_date           (CpEvaluator  *self);
CP_AVAILABLE_IN_0_1
void          cp_evaluator_set_date           (CpEvaluator  *self,
                                               const GDate  *date);
CP_AVAILABLE_IN_0_1
gboolean      cp_evaluator_refresh            (CpEvaluator  *self,
                                               GError      **error);
CP_AVAILABLE_IN_0_1
GListModel   *cp_evaluator_get_obligations    (CpEvaluator  *self);
CP_AVAILABLE_IN_0_1
CpLeavingCareStatus cp_evaluator_get_leaving_care_status (CpEvaluator *self);
CP_AVAILABLE_IN_0_1
CpObligation *cp_evaluator_find               (CpEvaluator  *self,
                                               const char   *key,
                                               const char   *subject);
CP_AVAILABLE_IN_0_1
gboolean      cp_evaluator_reschedule_review  (CpEvaluator  *self,
                                               int           sequence,
                                               const GDate  *new_date,
                                               CpRole        role,
                                               const char   *actor,
                                               const char   *reason,
                                               GError      **error);
CP_AVAILABLE_IN_0_1
gboolean      cp_evaluator_adjourn_review     (CpEvaluator  *self,
                                               int           sequence,
                                               const GDate  *resume_on,
                                               CpRole        role,
                                               const char   *actor,
                                               const char   *reason,
                                               GError      **error);

CP_AVAILABLE_IN_0_1
GListModel   *cp_evaluator_dup_ladder         (CpEvaluator  *self);
/* Deprecated: the same as cp_evaluator_dup_ladder(). */
CP_DEPRECATED_IN_0_1_FOR(cp_evaluator_dup_ladder)
GListModel   *cp_evaluator_get_ladder         (CpEvaluator  *self);
CP_AVAILABLE_IN_0_1
gboolean      cp_evaluator_escalate_dispute   (CpEvaluator  *self,
                                               CpDispute    *dispute,
                                               const char   *stage,
                                               const GDate  *date,
                                               CpRole        role,
                                               const char   *actor,
                                               const char   *reason,
                                               GError      **error);
CP_AVAILABLE_IN_0_1
gboolean      cp_evaluator_resolve_dispute    (CpEvaluator  *self,
                                               CpDispute    *dispute,
                                               const GDate  *date,
                                               const char   *outcome,
                                               CpRole        role,
                                               const char   *actor,
                                               GError      **error);

G_END_DECLS
