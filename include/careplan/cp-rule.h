/* cp-rule.h: one rule of a policy profile
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

#define CP_TYPE_RULE (cp_rule_get_type ())

CP_AVAILABLE_IN_0_1
G_DECLARE_FINAL_TYPE (CpRule, cp_rule, CP, RULE, CpRecord)

CP_AVAILABLE_IN_0_1
const char *cp_rule_get_id (CpRule *self);
CP_AVAILABLE_IN_0_1
const char *cp_rule_get_key (CpRule *self);
CP_AVAILABLE_IN_0_1
const GDate *cp_rule_get_in_force_from (CpRule *self);
CP_AVAILABLE_IN_0_1
const GDate *cp_rule_get_in_force_until (CpRule *self);
CP_AVAILABLE_IN_0_1
gboolean cp_rule_get_lapses (CpRule *self);
CP_AVAILABLE_IN_0_1
gboolean cp_rule_is_in_force (CpRule *self,
                              const GDate *date);
CP_AVAILABLE_IN_0_1
CpRuleKind cp_rule_get_kind (CpRule *self);
CP_AVAILABLE_IN_0_1
const char *cp_rule_get_statement (CpRule *self);
CP_AVAILABLE_IN_0_1
int cp_rule_get_quantity (CpRule *self);
CP_AVAILABLE_IN_0_1
CpUnit cp_rule_get_unit (CpRule *self);
CP_AVAILABLE_IN_0_1
CpAnchor cp_rule_get_anchor (CpRule *self);
CP_AVAILABLE_IN_0_1
CpDirection cp_rule_get_direction (CpRule *self);
CP_AVAILABLE_IN_0_1
CpDuty cp_rule_get_duty (CpRule *self);
CP_AVAILABLE_IN_0_1
CpReviewSlot cp_rule_get_slot (CpRule *self);
CP_AVAILABLE_IN_0_1
CpEventKind cp_rule_get_event (CpRule *self);
CP_AVAILABLE_IN_0_1
CpTriggerGate cp_rule_get_gate (CpRule *self);
CP_AVAILABLE_IN_0_1
gboolean cp_rule_get_resets_cycle (CpRule *self);
CP_AVAILABLE_IN_0_1
CpRole cp_rule_get_responsible (CpRule *self);
CP_AVAILABLE_IN_0_1
CpRole cp_rule_get_approver (CpRule *self);
CP_AVAILABLE_IN_0_1
int cp_rule_get_limit (CpRule *self);
CP_AVAILABLE_IN_0_1
gboolean cp_rule_get_within_due (CpRule *self);
CP_AVAILABLE_IN_0_1
int cp_rule_get_min_months (CpRule *self);
CP_AVAILABLE_IN_0_1
gboolean cp_rule_get_long_term_only (CpRule *self);
CP_AVAILABLE_IN_0_1
const char * const *cp_rule_get_excluded_placements (CpRule *self);
CP_AVAILABLE_IN_0_1
gboolean cp_rule_get_agreement_required (CpRule *self);
CP_AVAILABLE_IN_0_1
gboolean cp_rule_get_deemed_agreed (CpRule *self);
CP_AVAILABLE_IN_0_1
const char *cp_rule_get_stage (CpRule *self);
CP_AVAILABLE_IN_0_1
int cp_rule_get_position (CpRule *self);
CP_AVAILABLE_IN_0_1
gboolean cp_rule_get_any_time (CpRule *self);
CP_AVAILABLE_IN_0_1
gboolean cp_rule_get_starred_only (CpRule *self);
CP_AVAILABLE_IN_0_1
gboolean cp_rule_get_optional (CpRule *self);
CP_AVAILABLE_IN_0_1
const char *cp_rule_get_after (CpRule *self);
CP_AVAILABLE_IN_0_1
const char *cp_rule_get_citation (CpRule *self);
CP_AVAILABLE_IN_0_1
const char *cp_rule_get_interpretation (CpRule *self);

CP_AVAILABLE_IN_0_1
char *cp_rule_describe_timescale (CpRule *self);

CP_AVAILABLE_IN_0_1
int cp_rule_get_min_age_months (CpRule *self);
CP_AVAILABLE_IN_0_1
int cp_rule_get_max_age_months (CpRule *self);
CP_AVAILABLE_IN_0_1
int cp_rule_get_max_months (CpRule *self);
CP_AVAILABLE_IN_0_1
const char * const *cp_rule_get_placements (CpRule *self);
CP_AVAILABLE_IN_0_1
gboolean cp_rule_get_emergency_only (CpRule *self);
CP_AVAILABLE_IN_0_1
gboolean cp_rule_get_eligible_only (CpRule *self);
CP_AVAILABLE_IN_0_1
const char * const *cp_rule_get_legal_statuses (CpRule *self);
CP_AVAILABLE_IN_0_1
const char * const *cp_rule_get_areas (CpRule *self);
CP_AVAILABLE_IN_0_1
int cp_rule_get_min_school_year (CpRule *self);
CP_AVAILABLE_IN_0_1
int cp_rule_get_max_school_year (CpRule *self);
CP_AVAILABLE_IN_0_1
int cp_rule_get_extension (CpRule *self);
CP_AVAILABLE_IN_0_1
gboolean cp_rule_get_short_term_only (CpRule *self);
CP_AVAILABLE_IN_0_1
const char *cp_rule_get_first_review (CpRule *self);
CP_AVAILABLE_IN_0_1
const char *cp_rule_get_first_review_of (CpRule *self);
CP_AVAILABLE_IN_0_1
gboolean cp_rule_get_intended_until_18_only (CpRule *self);
CP_AVAILABLE_IN_0_1
const char * const *cp_rule_get_recorded (CpRule *self);
CP_AVAILABLE_IN_0_1
const char * const *cp_rule_get_replaces (CpRule *self);
CP_AVAILABLE_IN_0_1
gboolean cp_rule_get_after_care (CpRule *self);
CP_AVAILABLE_IN_0_1
gboolean cp_rule_get_since_previous_review (CpRule *self);
CP_AVAILABLE_IN_0_1
const char *cp_rule_get_review_kind (CpRule *self);
CP_AVAILABLE_IN_0_1
gboolean cp_rule_get_before_care (CpRule *self);
CP_AVAILABLE_IN_0_1
int cp_rule_get_relevant_until_months (CpRule *self);
CP_AVAILABLE_IN_0_1
int cp_rule_get_former_relevant_until_months (CpRule *self);
CP_AVAILABLE_IN_0_1
int cp_rule_get_education_until_months (CpRule *self);
CP_AVAILABLE_IN_0_1
gboolean cp_rule_get_care_leavers (CpRule *self);
CP_AVAILABLE_IN_0_1
const char *cp_rule_get_from_duty (CpRule *self);
CP_AVAILABLE_IN_0_1
const char *cp_rule_get_school_year_start (CpRule *self);
CP_AVAILABLE_IN_0_1
int cp_rule_get_school_age_offset (CpRule *self);
CP_AVAILABLE_IN_0_1
const char *cp_rule_get_unless_done (CpRule *self);
CP_AVAILABLE_IN_0_1
const char *cp_rule_get_since_duty (CpRule *self);

G_END_DECLS
