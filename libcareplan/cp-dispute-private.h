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

/* The records of a list field themselves, oldest first, without
 * references and without making a list (the engine's and the
 * validation's way through a record): NULL and 0 for an empty one.
 * Valid until the list changes. */
CpDisputeStep *const *cp_dispute_peek_steps (CpDispute *self, guint *n_items);

G_END_DECLS
