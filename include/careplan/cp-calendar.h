/* cp-calendar.h: working-day arithmetic over UK bank holidays
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#if !defined(CAREPLAN_INSIDE) && !defined(CP_COMPILATION)
# error "Only <careplan.h> can be included directly."
#endif

#include <gio/gio.h>

#include "cp-enums.h"
#include "cp-version-macros.h"

G_BEGIN_DECLS

#define CP_TYPE_CALENDAR (cp_calendar_get_type ())

CP_AVAILABLE_IN_0_1
G_DECLARE_FINAL_TYPE (CpCalendar, cp_calendar, CP, CALENDAR, GObject)

CP_AVAILABLE_IN_0_1
CpCalendar *cp_calendar_new                     (CpRegion       region);
CP_AVAILABLE_IN_0_1
CpRegion    cp_calendar_get_region              (CpCalendar    *self);
CP_AVAILABLE_IN_0_1
GDate      *cp_calendar_dup_first_date          (CpCalendar    *self);
CP_AVAILABLE_IN_0_1
GDate      *cp_calendar_dup_last_date           (CpCalendar    *self);
/* Deprecated: the same as the dup_ functions above. */
CP_DEPRECATED_IN_0_1_FOR(cp_calendar_dup_first_date)
GDate      *cp_calendar_get_first_date          (CpCalendar    *self);
CP_DEPRECATED_IN_0_1_FOR(cp_calendar_dup_last_date)
GDate      *cp_calendar_get_last_date           (CpCalendar    *self);
CP_AVAILABLE_IN_0_1
gboolean    cp_calendar_load_bank_holidays_data (CpCalendar    *self,
                                                 const char    *data,
                                                 gssize         length,
                                                 GError       **error);
CP_AVAILABLE_IN_0_1
gboolean    cp_calendar_load_bank_holidays_file (CpCalendar    *self,
                                                 const char    *path,
                                                 GError       **error);
CP_AVAILABLE_IN_0_1
gboolean    cp_calendar_add_closure             (CpCalendar    *self,
                                                 const GDate   *date,
                                                 const char    *reason,
                                                 GError       **error);
CP_AVAILABLE_IN_0_1
gboolean    cp_calendar_is_working_day          (CpCalendar    *self,
                                                 const GDate   *date,
                                                 GError       **error);
CP_AVAILABLE_IN_0_1
GDate      *cp_calendar_add_working_days        (CpCalendar    *self,
                                                 const GDate   *date,
                                                 int            n,
                                                 GError       **error);
CP_AVAILABLE_IN_0_1
int         cp_calendar_working_days_between    (CpCalendar    *self,
                                                 const GDate   *start,
                                                 const GDate   *end,
                                                 GError       **error);
CP_AVAILABLE_IN_0_1
GDate      *cp_calendar_add_days                (CpCalendar    *self,
                                                 const GDate   *date,
                                                 int            n,
                                                 GError       **error);
CP_AVAILABLE_IN_0_1
GDate      *cp_calendar_add_weeks               (CpCalendar    *self,
                                                 const GDate   *date,
                                                 int            n,
                                                 GError       **error);
CP_AVAILABLE_IN_0_1
GDate      *cp_calendar_add_months              (CpCalendar    *self,
                                                 const GDate   *date,
                                                 int            n,
                                                 GError       **error);
CP_AVAILABLE_IN_0_1
GDate      *cp_calendar_add                     (CpCalendar    *self,
                                                 const GDate   *date,
                                                 int            quantity,
                                                 CpUnit         unit,
                                                 GError       **error);
CP_AVAILABLE_IN_0_1
GListModel *cp_calendar_list_holidays           (CpCalendar    *self,
                                                 int            year,
                                                 GError       **error);

G_END_DECLS
