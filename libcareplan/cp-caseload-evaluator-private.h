/* cp-caseload-evaluator-private.h: work done where a case was evaluated
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include "careplan.h"
#include "cp-evaluator-private.h"

G_BEGIN_DECLS

/* Called on the thread that evaluated @result, as soon as it is
 * evaluated and before it is handed on in input order: work on one case
 * that needs nothing of the others (careplan check writes the case's
 * report here, so that the report is written on every thread rather than
 * on the one that hands the results on). Only for a result that was
 * evaluated: it has its case, and cp_case_result_peek_evaluated() gives
 * its obligations. @worker is the thread's number, from 0 to the run's
 * threads less one: the function may keep state per thread, and nothing
 * else is safe to change. What it returns stays with the result
 * (cp_case_result_get_prepared()) and is freed with the destroy function
 * given with it.
 *
 * Without @drop_case, the result has its evaluator too. With @drop_case,
 * it has none while the function runs (the case was evaluated into plain
 * data, and no evaluator is made for what needs none); a result for which
 * the function returned something then drops its case at once, on that
 * thread, while it is still in its cache: for a caller that needs nothing
 * of it but what the function made (the result keeps its place, counts
 * and error). A result for which it returned NULL is handed on with its
 * case and an evaluator, as without a prepare function. */
typedef gpointer (*CpCaseloadPrepareFunc) (CpCaseResult *result,
                                           guint         worker,
                                           gpointer      user_data);

void     cp_caseload_evaluator_set_prepare_func (CpCaseloadEvaluator   *self,
                                                 CpCaseloadPrepareFunc  func,
                                                 gpointer               user_data,
                                                 GDestroyNotify         prepared_free,
                                                 gboolean               drop_case);

gpointer cp_case_result_get_prepared            (CpCaseResult          *self);

/* The obligations @self's case was found to have, and the day as at which,
 * in the prepare function and after (from its evaluator, if it has one):
 * FALSE, @out untouched, for a case that was not evaluated, or whose
 * evaluation was dropped. */
gboolean cp_case_result_peek_evaluated          (CpCaseResult          *self,
                                                 CpEvaluated           *out);

G_END_DECLS
