/* calendar.c: working-day arithmetic from C
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Build against an installed library with:
 *   cc calendar.c $(pkg-config --cflags --libs libcareplan-1)
 */

#include <stdio.h>

#include <careplan.h>

int
main (int argc, char *argv[])
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CpCalendar) cal = cp_calendar_new (CP_REGION_ENGLAND_AND_WALES);
  g_autoptr(GDate) entered = cp_date_parse_iso (argc > 1 ? argv[1] : "2026-12-14", &error);
  g_autoptr(GDate) due = NULL;
  g_autofree char *entered_iso = NULL;
  g_autofree char *due_iso = NULL;

  if (entered == NULL)
    {
      fprintf (stderr, "calendar: %s\n", error->message);
      return 1;
    }

  /* The first statutory review: within 20 working days of becoming looked
   * after. The day the child became looked after is day 0. */
  due = cp_calendar_add_working_days (cal, entered, 20, &error);
  if (due == NULL)
    {
      fprintf (stderr, "calendar: %s\n", error->message);
      return 1;
    }

  entered_iso = cp_date_format_iso (entered);
  due_iso = cp_date_format_iso (due);
  printf ("Looked after from %s: first review due by %s\n", entered_iso, due_iso);
  return 0;
}
