/* cp-care-plan-private.h
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include "careplan.h"

G_BEGIN_DECLS

void cp_care_plan_authorise      (CpCarePlan  *self,
                                  const GDate *date,
                                  const char  *who);
void cp_care_plan_ratify         (CpCarePlan  *self,
                                  const GDate *date,
                                  int          review_sequence);
void cp_care_plan_propose_change (CpCarePlan  *self,
                                  const char  *description,
                                  const GDate *date);

/* The records of a list field themselves, oldest first, without
 * references and without making a list (the engine's and the
 * validation's way through a record): NULL and 0 for an empty one.
 * Valid until the list changes. */
CpSubPlan *const *cp_care_plan_peek_sub_plans (CpCarePlan *self, guint *n_items);

G_END_DECLS
