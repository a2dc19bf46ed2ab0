/* careplan.h: the libcareplan umbrella header
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include <glib-object.h>
#include <gio/gio.h>

#define CAREPLAN_INSIDE
# include "cp-version.h"
# include "cp-version-macros.h"
# include "cp-enums.h"
# include "cp-enum-types.h"
# include "cp-error.h"
# include "cp-date.h"
# include "cp-holiday.h"
# include "cp-calendar.h"
#undef CAREPLAN_INSIDE
