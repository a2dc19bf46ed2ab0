/* cp-bank-holidays-private.h: UK bank holidays computed for any year
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include "careplan.h"

G_BEGIN_DECLS

/* The range the calendar indexes. Bank-holiday law before 1970 (Whit
 * Monday, no New Year's Day in England) is out of scope. */
#define CP_CALENDAR_FIRST_YEAR 1970
#define CP_CALENDAR_LAST_YEAR  2100

typedef struct {
  guint32        julian;   /* g_date_get_julian() of the day */
  const char    *title;    /* static or owned by the caller's store */
  CpHolidayKind  kind;
} CpBankHoliday;

/* Appends the bank holidays of @region in @year to @out (an array of
 * CpBankHoliday), sorted by date. Titles are static strings. */
void        cp_bank_holidays_compute         (CpRegion  region,
                                              int       year,
                                              GArray   *out);
guint32     cp_bank_holidays_easter_sunday   (int       year);
/* Orders CpBankHoliday by date, then by kind. */
int         cp_bank_holiday_compare          (gconstpointer a,
                                              gconstpointer b);
const char *cp_region_to_division            (CpRegion  region);
gboolean    cp_region_from_division          (const char *division,
                                              CpRegion   *region);

G_END_DECLS
