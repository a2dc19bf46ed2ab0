/* careplan-calendar.c: careplan calendar add|between|holidays
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "careplan-commands.h"
#include "careplan-ics.h"
#include "careplan-measures.h"
#include "careplan-options.h"
#include "careplan-output.h"

static CareplanOptions opts;
static char *opt_unit = NULL;
static char *opt_output = NULL;
static char *opt_split_by = NULL;
static char *opt_uid_key = NULL;
static int opt_remind_days = -1;
static gboolean opt_no_record_id = FALSE;

static const GOptionEntry common_entries[] = {
  { "unit", 'u', 0, G_OPTION_ARG_STRING, &opt_unit,
    "For add: working-days (default), calendar-days, weeks or months", "UNIT" },
  { NULL }
};

static const GOptionEntry deadline_entries[] = {
  { "output", 'o', 0, G_OPTION_ARG_FILENAME, &opt_output,
    "For deadlines: write to FILE (or, with --split-by, into the directory DIR) instead of standard output",
    "FILE|DIR" },
  { "split-by", 0, 0, G_OPTION_ARG_STRING, &opt_split_by,
    "For deadlines: one file per team, worker (social worker) or iro, by the allocation on the --on date",
    "GROUPING" },
  { "remind-days", 0, 0, G_OPTION_ARG_INT, &opt_remind_days,
    "For deadlines: a reminder N days before each deadline (default 5; 0 for none)", "N" },
  { "no-record-id", 0, 0, G_OPTION_ARG_NONE, &opt_no_record_id,
    "For deadlines: leave the child's record id out of the events' titles", NULL },
  { "uid-key", 0, 0, G_OPTION_ARG_FILENAME, &opt_uid_key,
    "For deadlines: the secret key of the events' UIDs (default ~/.config/careplan/calendar-uid.key)",
    "FILE" },
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

/* careplan calendar deadlines ------------------------------------------------ */

typedef struct {
  CareplanIcs *ics;
  CareplanPseudonymiser *pseudonymiser;   /* NULL: record ids as they are */
  CpGrouping by;           /* CP_GROUPING_AUTHORITY: one file */
  GDate *date;
  GHashTable *groups;      /* group -> GString, the file's text */
  GPtrArray *order;        /* the groups, first seen first */
  guint events, refused;
} Deadlines;

static GString *
group_text (Deadlines *dl, const char *group)
{
  GString *out = g_hash_table_lookup (dl->groups, group);

  if (out == NULL)
    {
      out = g_string_new (NULL);
      careplan_ics_begin (dl->ics, out, dl->by == CP_GROUPING_AUTHORITY ? NULL : group);
      g_hash_table_insert (dl->groups, g_strdup (group), out);
      g_ptr_array_add (dl->order, g_strdup (group));
    }
  return out;
}

static void
deadline_case (CpCase *kase, CpEvaluator *ev, const char *where, int source, gpointer prepared, gpointer data)
{
  Deadlines *dl = data;
  const char *group;
  char pseudonym[CAREPLAN_PSEUDONYM_LEN + 1];
  const char *record;
  CpEvaluated evaluated;

  (void) where;
  /* One file: every case in "all", as cp_grouping_key() names it. */
  if (ev == NULL)
    {
      dl->refused++;
      return;
    }
  cp_evaluator_peek_evaluated (ev, &evaluated);
  group = cp_grouping_key (kase, dl->by, dl->date);
  record = careplan_record_id (dl->pseudonymiser, cp_child_get_id (cp_case_get_child (kase)), pseudonym);
  dl->events += careplan_ics_case (dl->ics, group_text (dl, group ? group : "unallocated"), &evaluated, kase, source,
                                   record);
}

/* A file name for @group: its letters, digits, '.', '-' and '_', every
 * other byte '_' (a team or staff name, never a child's), made unique
 * among @taken with -2, -3… */
static char *
group_file_name (const char *group, GHashTable *taken)
{
  g_autoptr(GString) base = g_string_new (NULL);
  char *name;

  for (const char *p = group; *p; p++)
    g_string_append_c (base, g_ascii_isalnum (*p) || *p == '-' || *p == '_' || (*p == '.' && p != group)
                             ? *p : '_');
  if (base->len == 0)
    g_string_append_c (base, '_');
  name = g_strdup_printf ("%s.ics", base->str);
  for (guint n = 2; g_hash_table_contains (taken, name); n++)
    {
      g_free (name);
      name = g_strdup_printf ("%s-%u.ics", base->str, n);
    }
  g_hash_table_add (taken, name);
  return g_strdup (name);
}

static void
string_free (gpointer s)
{
  g_string_free (s, TRUE);
}

static int
write_deadlines (Deadlines *dl)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GHashTable) taken = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  if (dl->by == CP_GROUPING_AUTHORITY)
    {
      GString *out = group_text (dl, "all");

      careplan_ics_end (dl->ics, out);
      if (opt_output == NULL)
        {
          fwrite (out->str, 1, out->len, stdout);
          return CAREPLAN_EXIT_OK;
        }
      if (!cp_file_replace_contents (opt_output, out->str, (gssize) out->len, CP_FILE_MODE_PRIVATE, &error))
        return fail (CAREPLAN_EXIT_DATA, "%s", error->message);
      fprintf (stderr, "%u deadlines written to %s\n", dl->events, opt_output);
      return CAREPLAN_EXIT_OK;
    }

  if (g_mkdir_with_parents (opt_output, 0700) != 0)
    return fail (CAREPLAN_EXIT_DATA, "%s: %s", opt_output, g_strerror (errno));
  for (guint i = 0; i < dl->order->len; i++)
    {
      const char *group = dl->order->pdata[i];
      GString *out = g_hash_table_lookup (dl->groups, group);
      g_autofree char *name = group_file_name (group, taken);
      g_autofree char *path = g_build_filename (opt_output, name, NULL);

      careplan_ics_end (dl->ics, out);
      if (!cp_file_replace_contents (path, out->str, (gssize) out->len, CP_FILE_MODE_PRIVATE, &error))
        return fail (CAREPLAN_EXIT_DATA, "%s", error->message);
    }
  fprintf (stderr, "%u deadlines written to %u files in %s\n", dl->events, dl->order->len, opt_output);
  return CAREPLAN_EXIT_OK;
}

static int
deadlines_main (char **files)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CpPolicy) policy = NULL;
  g_autoptr(CpCalendar) calendar = NULL;
  g_autoptr(GDate) date = NULL;
  g_autoptr(GBytes) uid_key = NULL;
  g_autoptr(CareplanPseudonymiser) pseudonymiser = NULL;
  g_autoptr(GHashTable) groups = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, string_free);
  g_autoptr(GPtrArray) order = g_ptr_array_new_with_free_func (g_free);
  CareplanIcsOptions options;
  Deadlines dl = { 0 };
  guint invalid = 0;
  gboolean readable;
  int status;

  if (files[0] == NULL && opts.ssda903 == NULL && opts.ssd == NULL)
    return fail (CAREPLAN_EXIT_USAGE, "deadlines: no file given (a case, a caseload, --ssda903 DIR or --ssd DIR)");
  if (!careplan_grouping_option (opt_split_by, &dl.by, &error))
    return fail (CAREPLAN_EXIT_USAGE, "--split-by: %s", error->message);
  if (dl.by != CP_GROUPING_AUTHORITY && opt_output == NULL)
    return fail (CAREPLAN_EXIT_USAGE, "--split-by needs --output DIR, the directory of the files");
  uid_key = careplan_ics_setup ("calendar", opt_uid_key, opt_remind_days, opt_no_record_id, &options);
  if (uid_key == NULL)
    return CAREPLAN_EXIT_USAGE;
  if (!careplan_options_setup (&opts, "calendar", &policy, &calendar, &date, &pseudonymiser))
    return CAREPLAN_EXIT_USAGE;

  dl.ics = careplan_ics_new (policy, date, uid_key, &options);
  dl.pseudonymiser = pseudonymiser;
  dl.date = date;
  dl.groups = groups;
  dl.order = order;
  readable = careplan_for_each_evaluated (files, opts.ssda903, opts.ssd, (guint) opts.jobs, policy, calendar,
                                          date, NULL, NULL, deadline_case, &dl, &invalid);
  status = write_deadlines (&dl);
  careplan_ics_free (dl.ics);
  if (status != CAREPLAN_EXIT_OK)
    return status;
  return !readable || invalid + dl.refused > 0 ? CAREPLAN_EXIT_DATA : CAREPLAN_EXIT_OK;
}

int
careplan_calendar_main (int argc, char **argv)
{
  g_autoptr(GOptionContext) ctx = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(CpCalendar) cal = NULL;
  const char *verb;

  ctx = g_option_context_new ("add DATE N | between START END | holidays YEAR | deadlines CASES…");
  g_option_context_set_summary (ctx,
    "Working-day arithmetic on the UK bank-holiday calendar.\n"
    "\n"
    "  add DATE N         the N-th working day after DATE (DATE is day 0;\n"
    "                     N may be negative); --unit counts other units\n"
    "  between START END  working days after START up to and including END\n"
    "  holidays YEAR      the bank holidays and substitute days of YEAR\n"
    "  deadlines CASES…   an iCalendar file of the cases' deadlines still to come\n"
    "                     (one file per team, worker or IRO with --split-by)\n"
    "\n"
    "--region and --bank-holidays serve every action; --policy, --on, --ssda903,\n"
    "--lenient, --ssd, --jobs and --pseudonymise are for deadlines.");
  careplan_options_add (ctx, &opts, CAREPLAN_OPTIONS_SOURCES);
  g_option_context_add_main_entries (ctx, common_entries, NULL);
  g_option_context_add_main_entries (ctx, deadline_entries, NULL);
  if (!careplan_parse_options (ctx, &argc, &argv))
    return CAREPLAN_EXIT_USAGE;

  if (argc < 2)
    return fail (CAREPLAN_EXIT_USAGE, "missing action (add, between, holidays or deadlines)");
  verb = argv[1];
  if (strcmp (verb, "deadlines") == 0)
    return deadlines_main (argv + 2);

  cal = careplan_calendar_from_options (opts.region, opts.bank_holidays, &error);
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

  return fail (CAREPLAN_EXIT_USAGE, "unknown action “%s” (add, between, holidays or deadlines)", verb);
}
