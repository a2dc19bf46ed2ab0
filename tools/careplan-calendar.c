/* careplan-calendar.c: careplan calendar add|between|holidays
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "careplan-commands.h"

static char *opt_region = NULL;
static char *opt_bank_holidays = NULL;
static char *opt_unit = NULL;

static const GOptionEntry common_entries[] = {
  { "region", 'r', 0, G_OPTION_ARG_STRING, &opt_region,
    "england-and-wales (default), scotland or northern-ireland", "REGION" },
  { "bank-holidays", 'b', 0, G_OPTION_ARG_FILENAME, &opt_bank_holidays,
    "Merge a gov.uk bank-holidays.json file", "FILE" },
  { "unit", 'u', 0, G_OPTION_ARG_STRING, &opt_unit,
    "For add: working-days (default), calendar-days, weeks or months", "UNIT" },
  { NULL }
};

gboolean
careplan_parse_region (const char  *text,
                       CpRegion    *region,
                       GError     **error)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (CP_TYPE_REGION);
  GEnumValue *v;

  if (text == NULL)
    {
      *region = CP_REGION_ENGLAND_AND_WALES;
      return TRUE;
    }
  v = g_enum_get_value_by_nick (klass, text);
  if (v == NULL)
    {
      g_set_error (error, CP_ERROR, CP_ERROR_UNKNOWN_CODE,
                   "--region: “%s” is not a region (england-and-wales, scotland, "
                   "northern-ireland)", text);
      return FALSE;
    }
  *region = v->value;
  return TRUE;
}

CpCalendar *
careplan_calendar_from_options (const char  *region_text,
                                const char  *bank_holidays,
                                GError     **error)
{
  g_autoptr(CpCalendar) cal = NULL;
  CpRegion region;

  if (!careplan_parse_region (region_text, &region, error))
    return NULL;
  cal = cp_calendar_new (region);
  if (bank_holidays != NULL &&
      !cp_calendar_load_bank_holidays_file (cal, bank_holidays, error))
    {
      g_prefix_error (error, "%s: ", bank_holidays);
      return NULL;
    }
  return g_steal_pointer (&cal);
}

static gboolean
parse_int (const char *text, int *out)
{
  char *end = NULL;
  gint64 v;

  if (text == NULL || *text == '\0')
    return FALSE;
  v = g_ascii_strtoll (text, &end, 10);
  if (*end != '\0' || v < G_MININT || v > G_MAXINT)
    return FALSE;
  *out = (int) v;
  return TRUE;
}

static int
fail (int code, const char *fmt, ...) G_GNUC_PRINTF (2, 3);

static int
fail (int code, const char *fmt, ...)
{
  va_list args;

  fputs ("careplan calendar: ", stderr);
  va_start (args, fmt);
  vfprintf (stderr, fmt, args);
  va_end (args);
  fputc ('\n', stderr);
  return code;
}

static const char *
kind_label (CpHolidayKind kind)
{
  switch (kind)
    {
    case CP_HOLIDAY_KIND_SUBSTITUTE: return "substitute day";
    case CP_HOLIDAY_KIND_EXTRA: return "one-off";
    case CP_HOLIDAY_KIND_CLOSURE: return "closure";
    case CP_HOLIDAY_KIND_BANK_HOLIDAY:
    default: return "";
    }
}

int
careplan_calendar_main (int argc, char **argv)
{
  g_autoptr(GOptionContext) ctx = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CpCalendar) cal = NULL;
  const char *verb;

  ctx = g_option_context_new ("add DATE N | between START END | holidays YEAR");
  g_option_context_set_summary (ctx,
    "Working-day arithmetic on the UK bank-holiday calendar.\n"
    "\n"
    "  add DATE N         the N-th working day after DATE (DATE is day 0;\n"
    "                     N may be negative); --unit counts other units\n"
    "  between START END  working days after START up to and including END\n"
    "  holidays YEAR      the bank holidays and substitute days of YEAR");
  g_option_context_add_main_entries (ctx, common_entries, NULL);
  if (!careplan_parse_options (ctx, &argc, &argv))
    return CAREPLAN_EXIT_USAGE;

  if (argc < 2)
    return fail (CAREPLAN_EXIT_USAGE, "missing action (add, between or holidays)");
  verb = argv[1];

  cal = careplan_calendar_from_options (opt_region, opt_bank_holidays, &error);
  if (cal == NULL)
    return fail (g_error_matches (error, CP_ERROR, CP_ERROR_UNKNOWN_CODE)
                 ? CAREPLAN_EXIT_USAGE : CAREPLAN_EXIT_DATA, "%s", error->message);

  if (strcmp (verb, "add") == 0)
    {
      g_autoptr(GDate) d = NULL;
      g_autoptr(GDate) r = NULL;
      g_autofree char *iso = NULL;
      CpUnit unit = CP_UNIT_WORKING_DAYS;
      int n;

      if (argc != 4)
        return fail (CAREPLAN_EXIT_USAGE, "usage: add DATE N");
      if (opt_unit != NULL)
        {
          g_autoptr(GEnumClass) units = g_type_class_ref (CP_TYPE_UNIT);
          GEnumValue *v = g_enum_get_value_by_nick (units, opt_unit);
          if (v == NULL)
            return fail (CAREPLAN_EXIT_USAGE, "--unit: “%s” is not a unit", opt_unit);
          unit = v->value;
        }
      if (!(d = cp_date_parse_iso (argv[2], &error)))
        return fail (CAREPLAN_EXIT_USAGE, "DATE: %s", error->message);
      if (!parse_int (argv[3], &n))
        return fail (CAREPLAN_EXIT_USAGE, "N: “%s” is not a whole number", argv[3]);
      if (!(r = cp_calendar_add (cal, d, n, unit, &error)))
        return fail (CAREPLAN_EXIT_DATA, "%s", error->message);
      iso = cp_date_format_iso (r);
      printf ("%s\n", iso);
      return CAREPLAN_EXIT_OK;
    }

  if (strcmp (verb, "between") == 0)
    {
      g_autoptr(GDate) a = NULL;
      g_autoptr(GDate) b = NULL;
      int n;

      if (argc != 4)
        return fail (CAREPLAN_EXIT_USAGE, "usage: between START END");
      if (!(a = cp_date_parse_iso (argv[2], &error)) ||
          !(b = cp_date_parse_iso (argv[3], &error)))
        return fail (CAREPLAN_EXIT_USAGE, "%s", error->message);
      n = cp_calendar_working_days_between (cal, a, b, &error);
      if (error != NULL)
        return fail (CAREPLAN_EXIT_DATA, "%s", error->message);
      printf ("%d\n", n);
      return CAREPLAN_EXIT_OK;
    }

  if (strcmp (verb, "holidays") == 0)
    {
      g_autoptr(GListModel) list = NULL;
      int year;

      if (argc != 3 || !parse_int (argv[2], &year))
        return fail (CAREPLAN_EXIT_USAGE, "usage: holidays YEAR");
      if (!(list = cp_calendar_list_holidays (cal, year, &error)))
        return fail (CAREPLAN_EXIT_DATA, "%s", error->message);
      for (guint i = 0; i < g_list_model_get_n_items (list); i++)
        {
          g_autoptr(CpHoliday) h = g_list_model_get_item (list, i);
          g_autofree char *iso = cp_date_format_iso (cp_holiday_get_date (h));
          const char *label = kind_label (cp_holiday_get_kind (h));

          printf ("%s  %s%s%s%s\n", iso, cp_holiday_get_title (h),
                  *label ? " (" : "", label, *label ? ")" : "");
        }
      return CAREPLAN_EXIT_OK;
    }

  return fail (CAREPLAN_EXIT_USAGE, "unknown action “%s” (add, between or holidays)", verb);
}
