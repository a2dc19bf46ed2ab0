/* cp-obligation.h: one statutory obligation of a case, as at a date
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#if !defined(CAREPLAN_INSIDE) && !defined(CP_COMPILATION)
# error "Only <careplan.h> can be included directly."
#endif

#include "cp-enums.h"
#include "cp-rule.h"
#include "cp-version-macros.h"

G_BEGIN_DECLS

#define CP_TYPE_OBLIGATION (cp_obligation_get_type ())

CP_AVAILABLE_IN_0_1
G_DECLARE_FINAL_TYPE (CpObligation, cp_obligation, CP, OBLIGATION, GObject)

CP_AVAILABLE_IN_0_1
CpRule             *cp_obligation_get_rule         (CpObligation *self);
CP_AVAILABLE_IN_0_1
const char         *cp_obligation_get_rule_id      (CpObligation *self);
CP_AVAILABLE_IN_0_1
const char         *cp_obligation_get_key          (CpObligation *self);
CP_AVAILABLE_IN_0_1
const char         *cp_obligation_get_subject      (CpObligation *self);
CP_AVAILABLE_IN_0_1
int                 cp_obligation_get_review       (CpObligation *self);
CP_AVAILABLE_IN_0_1
const GDate        *cp_obligation_get_due          (CpObligation *self);
CP_AVAILABLE_IN_0_1
const GDate        *cp_obligation_get_window_start (CpObligation *self);
CP_AVAILABLE_IN_0_1
const GDate        *cp_obligation_get_met_on       (CpObligation *self);
CP_AVAILABLE_IN_0_1
CpObligationStatus  cp_obligation_get_status       (CpObligation *self);
CP_AVAILABLE_IN_0_1
const char         *cp_obligation_get_citation     (CpObligation *self);
CP_AVAILABLE_IN_0_1
const char         *cp_obligation_get_explanation  (CpObligation *self);
CP_AVAILABLE_IN_0_1
gboolean            cp_obligation_get_deemed       (CpObligation *self);
CP_AVAILABLE_IN_0_1
gboolean            cp_obligation_get_drift        (CpObligation *self);

G_END_DECLS
