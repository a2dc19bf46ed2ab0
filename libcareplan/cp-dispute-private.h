/* cp-dispute-private.h: lifecycle changes made by CpEvaluator
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include "careplan.h"

G_BEGIN_DECLS

/* Appends @step and moves the dispute to its stage. */
void cp_dispute_escalate (CpDispute     *self,
                          CpDisputeStep *step);
void cp_dispute_resolve  (CpDispute     *self,
                          const GDate   *date,
                          const char    *outcome);

G_END_DECLS
