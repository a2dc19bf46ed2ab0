/* cp-holiday.h: one non-working day of a calendar
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#if !defined(CAREPLAN_INSIDE) && !defined(CP_COMPILATION)
# error "Only <careplan.h> can be included directly."
#endif

#include <glib-object.h>

#include "cp-enums.h"
#include "cp-version-macros.h"

G_BEGIN_DECLS

#define CP_TYPE_HOLIDAY (cp_holiday_get_type ())

CP_AVAILABLE_IN_0_1
G_DECLARE_FINAL_TYPE (CpHoliday, cp_holiday, CP, HOLIDAY, GObject)

CP_AVAILABLE_IN_0_1
CpHoliday     *cp_holiday_new       (const GDate   *date,
                                     const char    *title,
                                     CpHolidayKind  kind);
CP_AVAILABLE_IN_0_1
const GDate   *cp_holiday_get_date  (CpHoliday     *self);
CP_AVAILABLE_IN_0_1
const char    *cp_holiday_get_title (CpHoliday     *self);
CP_AVAILABLE_IN_0_1
CpHolidayKind  cp_holiday_get_kind  (CpHoliday     *self);

G_END_DECLS
