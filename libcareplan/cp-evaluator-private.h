/* cp-evaluator-private.h: an evaluator for a caseload run
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include "cp-evaluator.h"
#include "cp-obligation-private.h"

G_BEGIN_DECLS

/* What a case's evaluation found, as plain data: its obligations, in the
 * evaluator's order (valid while their evaluator, or the result that
 * holds them, does), and the day they were worked out as at. For the
 * writers of a bulk run, which read every obligation and need no object
 * of any. */
typedef struct
{
  const CpObligationData *obligations;
  guint                   n_obligations;
  const GDate            *date;
} CpEvaluated;

/* What cp_evaluator_refresh() works out for @kase as at @date, without an
 * evaluator: the obligations (a GArray of CpObligationData, their text in
 * *@strings, which must outlive it; both the caller's) and the young
 * person's leaving-care status; or NULL with @error set where a refresh
 * would fail. The data borrow @policy's rules. */
GArray      *cp_evaluator_evaluate_plain  (CpCase               *kase,
                                           CpPolicy             *policy,
                                           CpCalendar           *calendar,
                                           const GDate          *date,
                                           GStringChunk        **strings,
                                           CpLeavingCareStatus  *status,
                                           GError              **error);

/* An evaluator of @kase as at @date that nobody else has seen yet, for
 * CpCaseloadEvaluator: what cp_evaluator_new() and
 * cp_evaluator_set_date() make, without the passing references and the
 * notification that, on several threads at once, contend for the
 * shared policy, calendar and GObject's global locks. */
CpEvaluator *cp_evaluator_new_unheard     (CpCase       *kase,
                                           CpPolicy     *policy,
                                           CpCalendar   *calendar,
                                           const GDate  *date);

/* The first refresh of an evaluator nobody can have connected to (one
 * just made by cp_evaluator_new_unheard()), from what
 * cp_evaluator_evaluate_plain() found for its case, policy, calendar and
 * date (@found and @strings taken): the obligations cp_evaluator_refresh()
 * would give, without the notification and the announcements nobody can
 * hear, so without asking GLib (under its global signal lock) whether
 * anyone listens. */
void         cp_evaluator_adopt_unheard   (CpEvaluator          *self,
                                           GArray               *found,
                                           GStringChunk         *strings,
                                           CpLeavingCareStatus   status);

/* The obligations of the last refresh as plain data, without making the
 * list's objects. */
void         cp_evaluator_peek_evaluated  (CpEvaluator          *self,
                                           CpEvaluated          *out);

G_END_DECLS
