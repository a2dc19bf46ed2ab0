/* cp-policy-difference.h: one way two policy profiles differ
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#if !defined(CAREPLAN_INSIDE) && !defined(CP_COMPILATION)
# error "Only <careplan.h> can be included directly."
#endif

#include <glib-object.h>

#include "cp-enums.h"
#include "cp-rule.h"
#include "cp-version-macros.h"

G_BEGIN_DECLS

#define CP_TYPE_POLICY_DIFFERENCE (cp_policy_difference_get_type ())

CP_AVAILABLE_IN_0_1
G_DECLARE_FINAL_TYPE (CpPolicyDifference, cp_policy_difference, CP, POLICY_DIFFERENCE, GObject)

CP_AVAILABLE_IN_0_1
const char             *cp_policy_difference_get_key       (CpPolicyDifference *self);
CP_AVAILABLE_IN_0_1
const char             *cp_policy_difference_get_field     (CpPolicyDifference *self);
CP_AVAILABLE_IN_0_1
CpPolicyDifferenceKind  cp_policy_difference_get_kind      (CpPolicyDifference *self);
CP_AVAILABLE_IN_0_1
const char             *cp_policy_difference_get_old_value (CpPolicyDifference *self);
CP_AVAILABLE_IN_0_1
const char             *cp_policy_difference_get_new_value (CpPolicyDifference *self);
CP_AVAILABLE_IN_0_1
CpRule                 *cp_policy_difference_get_old_rule  (CpPolicyDifference *self);
CP_AVAILABLE_IN_0_1
CpRule                 *cp_policy_difference_get_new_rule  (CpPolicyDifference *self);

G_END_DECLS
