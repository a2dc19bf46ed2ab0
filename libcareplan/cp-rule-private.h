/* cp-rule-private.h: what the engine reads of a rule's conditions, in one
 * plain structure
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include "careplan.h"

G_BEGIN_DECLS

/* The fields of a rule that say on which days it applies
 * (cp_engine_conditions_hold()), read once from its record: the engine
 * asks them for every gap of every repeated duty, and each getter checks
 * its instance. The strings and lists are the rule's own; a rule's fields
 * are fixed when it is made, so this never changes. */
typedef struct {
  CpRuleKind           kind;
  int                  min_age_months, max_age_months;   /* 0: none */
  int                  min_months, max_months;           /* 0: none */
  const char          *first_review;                     /* "before", "after" or NULL */
  gboolean             first_review_after;
  gboolean             first_review_of_placement;
  const char * const  *legal_statuses;
  const char * const  *placements;
  const char * const  *excluded_placements;
  const char * const  *recorded;
  gboolean             long_term_only, short_term_only, intended_until_18_only;
  gboolean             any_placement;   /* none of the placement conditions */
} CpRuleConditions;

/* Made on first use, once, whichever thread asks first. */
const CpRuleConditions *cp_rule_peek_conditions (CpRule           *self);

/* Fills @c from the rule's fields (cp-rule-conditions.c). */
void                    cp_rule_conditions_fill (CpRule           *self,
                                                 CpRuleConditions *c);

G_END_DECLS
