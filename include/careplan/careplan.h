/* careplan.h: the libcareplan umbrella header
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include <glib-object.h>
#include <gio/gio.h>
#include <json-glib/json-glib.h>

#define CAREPLAN_INSIDE
# include "cp-version.h"
# include "cp-version-macros.h"
# include "cp-enums.h"
# include "cp-measure-enums.h"
# include "cp-enum-types.h"
# include "cp-error.h"
# include "cp-date.h"
# include "cp-holiday.h"
# include "cp-calendar.h"
# include "cp-record.h"
# include "cp-legal-status.h"
# include "cp-care-period.h"
# include "cp-child.h"
# include "cp-placement.h"
# include "cp-sub-plan.h"
# include "cp-care-plan.h"
# include "cp-milestone.h"
# include "cp-permanence-plan.h"
# include "cp-recommendation.h"
# include "cp-review-task.h"
# include "cp-activity.h"
# include "cp-allocation.h"
# include "cp-review.h"
# include "cp-dispute-step.h"
# include "cp-dispute.h"
# include "cp-history-entry.h"
# include "cp-case-event.h"
# include "cp-case.h"
# include "cp-rule.h"
# include "cp-policy.h"
# include "cp-policy-difference.h"
# include "cp-obligation.h"
# include "cp-evaluator.h"
# include "cp-measures.h"
# include "cp-caseload-reader.h"
# include "cp-caseload-evaluator.h"
# include "cp-ssda903-reader.h"
# include "cp-file.h"
# include "cp-ssd-reader.h"
#undef CAREPLAN_INSIDE
