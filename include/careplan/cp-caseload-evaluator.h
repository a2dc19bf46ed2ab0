/* cp-caseload-evaluator.h: a whole caseload evaluated on several threads
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#if !defined(CAREPLAN_INSIDE) && !defined(CP_COMPILATION)
# error "Only <careplan.h> can be included directly."
#endif

#include <gio/gio.h>

#include "cp-calendar.h"
#include "cp-case.h"
#include "cp-evaluator.h"
#include "cp-policy.h"
#include "cp-ssd-reader.h"
#include "cp-version-macros.h"

G_BEGIN_DECLS

#define CP_TYPE_CASE_RESULT (cp_case_result_get_type ())

CP_AVAILABLE_IN_0_1
G_DECLARE_FINAL_TYPE (CpCaseResult, cp_case_result, CP, CASE_RESULT, GObject)

CP_AVAILABLE_IN_0_1
guint         cp_case_result_get_index      (CpCaseResult       *self);
CP_AVAILABLE_IN_0_1
guint         cp_case_result_get_line       (CpCaseResult       *self);
CP_AVAILABLE_IN_0_1
const char   *cp_case_result_get_location   (CpCaseResult       *self);
CP_AVAILABLE_IN_0_1
CpCase       *cp_case_result_get_case       (CpCaseResult       *self);
CP_AVAILABLE_IN_0_1
CpEvaluator  *cp_case_result_get_evaluator  (CpCaseResult       *self);
CP_AVAILABLE_IN_0_1
const GError *cp_case_result_get_error      (CpCaseResult       *self);
CP_AVAILABLE_IN_0_1
gboolean      cp_case_result_is_readable    (CpCaseResult       *self);
CP_AVAILABLE_IN_0_1
guint         cp_case_result_count          (CpCaseResult       *self,
                                             CpObligationStatus  status);

#define CP_TYPE_CASELOAD_EVALUATOR (cp_caseload_evaluator_get_type ())

CP_AVAILABLE_IN_0_1
G_DECLARE_FINAL_TYPE (CpCaseloadEvaluator, cp_caseload_evaluator, CP, CASELOAD_EVALUATOR, GObject)

/**
 * CpCaseloadFunc:
 * @result: one case's result
 * @user_data: the data given with the function
 *
 * Called once per case, in input order, on the thread that started the
 * evaluation.
 *
 * Returns: %TRUE to go on, %FALSE to stop
 */
typedef gboolean (*CpCaseloadFunc) (CpCaseResult *result,
                                    gpointer      user_data);

CP_AVAILABLE_IN_0_1
CpCaseloadEvaluator *cp_caseload_evaluator_new            (CpPolicy             *policy,
                                                           CpCalendar           *calendar,
                                                           const GDate          *date);
CP_AVAILABLE_IN_0_1
guint                cp_caseload_evaluator_get_n_threads  (CpCaseloadEvaluator  *self);
CP_AVAILABLE_IN_0_1
void                 cp_caseload_evaluator_set_n_threads  (CpCaseloadEvaluator  *self,
                                                           guint                 n_threads);
CP_AVAILABLE_IN_0_1
gboolean             cp_caseload_evaluator_get_keep_cases (CpCaseloadEvaluator  *self);
CP_AVAILABLE_IN_0_1
void                 cp_caseload_evaluator_set_keep_cases (CpCaseloadEvaluator  *self,
                                                           gboolean              keep_cases);
CP_AVAILABLE_IN_0_1
gboolean             cp_caseload_evaluator_foreach_in_stream (CpCaseloadEvaluator *self,
                                                           GInputStream         *stream,
                                                           CpCaseloadFunc        func,
                                                           gpointer              user_data,
                                                           GError              **error);
CP_AVAILABLE_IN_0_1
gboolean             cp_caseload_evaluator_foreach_in_file (CpCaseloadEvaluator *self,
                                                           const char           *path,
                                                           CpCaseloadFunc        func,
                                                           gpointer              user_data,
                                                           GError              **error);
CP_AVAILABLE_IN_0_1
gboolean             cp_caseload_evaluator_foreach_in_ssd (CpCaseloadEvaluator  *self,
                                                           CpSsdReader          *reader,
                                                           CpCaseloadFunc        func,
                                                           gpointer              user_data,
                                                           GError              **error);
CP_AVAILABLE_IN_0_1
gboolean             cp_caseload_evaluator_foreach        (CpCaseloadEvaluator  *self,
                                                           GListModel           *cases,
                                                           CpCaseloadFunc        func,
                                                           gpointer              user_data,
                                                           GError              **error);
CP_AVAILABLE_IN_0_1
GListModel          *cp_caseload_evaluator_evaluate_file  (CpCaseloadEvaluator  *self,
                                                           const char           *path,
                                                           GError              **error);
CP_AVAILABLE_IN_0_1
GListModel          *cp_caseload_evaluator_evaluate       (CpCaseloadEvaluator  *self,
                                                           GListModel           *cases,
                                                           GError              **error);

G_END_DECLS
