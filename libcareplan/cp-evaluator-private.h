/* cp-evaluator-private.h: an evaluator for a caseload run
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include "cp-evaluator.h"

G_BEGIN_DECLS

/* An evaluator of @kase as at @date that nobody else has seen yet, for
 * CpCaseloadEvaluator: what cp_evaluator_new() and
 * cp_evaluator_set_date() make, without the passing references and the
 * notification that, on several threads at once, contend for the
 * shared policy, calendar and GObject's global locks. */
CpEvaluator *cp_evaluator_new_unheard     (CpCase       *kase,
                                           CpPolicy     *policy,
                                           CpCalendar   *calendar,
                                           const GDate  *date);

/* cp_evaluator_refresh() for an evaluator nobody can have connected to
 * (one just made by cp_evaluator_new_unheard()): the first refresh
 * announces nothing, so it need not ask GLib (under its global signal
 * lock) whether anyone listens. */
gboolean     cp_evaluator_refresh_unheard (CpEvaluator  *self,
                                           GError      **error);

G_END_DECLS
