/* cp-policy-private.h
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include "careplan.h"

G_BEGIN_DECLS

GPtrArray *cp_policy_rules_of_kind (CpPolicy   *self,
                                    CpRuleKind  kind);

G_END_DECLS
