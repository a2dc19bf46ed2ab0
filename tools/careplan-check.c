/* careplan-check.c: careplan check FILE…
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include <stdio.h>
#include <string.h>

#include "careplan-commands.h"

static char *opt_policy = NULL;
static char *opt_date = NULL;
static char *opt_region = NULL;
static char *opt_bank_holidays = NULL;
static gboolean opt_all = FALSE;
static char **opt_ssda903 = NULL;

static const GOptionEntry entries[] = {
  { "policy", 'p', 0, G_OPTION_ARG_STRING, &opt_policy,
    "A built-in profile (default england) or a profile's JSON file", "PROFILE" },
  { "date", 'd', 0, G_OPTION_ARG_STRING, &opt_date,
    "Evaluate as at this date (default today)", "YYYY-MM-DD" },
  { "region", 'r', 0, G_OPTION_ARG_STRING, &opt_region,
    "Bank-holiday region (default england-and-wales)", "REGION" },
  { "bank-holidays", 'b', 0, G_OPTION_ARG_FILENAME, &opt_bank_holidays,
    "Merge a gov.uk bank-holidays.json file", "FILE" },
  { "all", 'a', 0, G_OPTION_ARG_NONE, &opt_all,
    "List every obligation with how its date was worked out, not only those due soon or overdue", NULL },
  { "ssda903", 's', 0, G_OPTION_ARG_FILENAME_ARRAY, &opt_ssda903,
    "Check every child of an SSDA903 return, a directory of header.csv, episodes.csv and reviews.csv (repeatable); "
    "the return records placements and reviews only, so only review obligations are judged", "DIR" },
  { NULL }
};

typedef struct {
  CpPolicy *policy;
  CpCalendar *calendar;
  GDate *date;
  guint cases, invalid, overdue, due_soon, met_late, unknown;
  gboolean reviews_only;   /* the source records reviews, not plans or tasks */
} Check;

/* @where is FILE or FILE:LINE: the case is never named. */
static gboolean
check_case (Check *c, CpCase *kase, const char *where)
{
  g_autoptr(CpEvaluator) ev = cp_evaluator_new (kase, c->policy, c->calendar);
  g_autoptr(GError) error = NULL;
  GListModel *list;

  cp_evaluator_set_date (ev, c->date);
  if (!cp_evaluator_refresh (ev, &error))
    {
      fprintf (stderr, "%s: %s\n", where, error->message);
      c->invalid++;
      return FALSE;
    }
  c->cases++;

  list = cp_evaluator_get_obligations (ev);
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(CpObligation) o = g_list_model_get_item (list, i);
      CpObligationStatus s = cp_obligation_get_status (o);
      g_autofree char *due = cp_obligation_get_due (o) ? cp_date_format_iso (cp_obligation_get_due (o))
                                                       : g_strdup ("-");

      if (c->reviews_only && cp_rule_get_duty (cp_obligation_get_rule (o)) != CP_DUTY_REVIEW)
        continue;
      c->overdue += s == CP_OBLIGATION_STATUS_OVERDUE;
      c->due_soon += s == CP_OBLIGATION_STATUS_DUE_SOON;
      c->met_late += s == CP_OBLIGATION_STATUS_MET_LATE;
      c->unknown += s == CP_OBLIGATION_STATUS_NOT_ENOUGH_HISTORY;

      if (opt_all)
        printf ("%s  %-11s %-40s %s\n", where, cp_obligation_get_subject (o),
                cp_obligation_get_key (o), cp_obligation_get_explanation (o));
      else if (s == CP_OBLIGATION_STATUS_OVERDUE || s == CP_OBLIGATION_STATUS_DUE_SOON ||
               s == CP_OBLIGATION_STATUS_NOT_ENOUGH_HISTORY)
        printf ("%s  %-11s %-40s %-9s due %s  [%s]\n", where, cp_obligation_get_subject (o),
                cp_obligation_get_key (o), careplan_nick (CP_TYPE_OBLIGATION_STATUS, s), due, cp_obligation_get_rule_id (o));
    }
  return TRUE;
}

static gboolean
check_file (Check *c, const char *path)
{
  g_autoptr(GError) error = NULL;

  if (g_str_has_suffix (path, ".jsonl"))
    {
      g_autoptr(CpCaseloadReader) reader = cp_caseload_reader_new_for_path (path, &error);

      if (reader == NULL)
        {
          fprintf (stderr, "careplan check: %s: %s\n", path, error->message);
          return FALSE;
        }
      for (;;)
        {
          g_autoptr(CpCase) kase = cp_caseload_reader_next (reader, &error);
          g_autofree char *where = g_strdup_printf ("%s:%u", path, cp_caseload_reader_get_line (reader));

          if (kase != NULL)
            check_case (c, kase, where);
          else if (error != NULL)
            {
              fprintf (stderr, "%s: %s\n", path, error->message);
              c->invalid++;
              g_clear_error (&error);
            }
          else
            return TRUE;
        }
    }
  else
    {
      g_autoptr(CpCase) kase = cp_case_load_file (path, &error);

      if (kase == NULL)
        {
          fprintf (stderr, "%s%s: %s\n", error->domain == CP_ERROR ? "" : "careplan check: ",
                   path, error->message);
          if (error->domain != CP_ERROR)
            return FALSE;
          c->invalid++;
          return TRUE;
        }
      check_case (c, kase, path);
      return TRUE;
    }
}

/* Every child of an SSDA903 return; a child is shown by its Header row. */
static gboolean
check_ssda903 (Check *c, const char *dir)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CpSsda903Reader) reader = cp_ssda903_reader_new_for_directory (dir, &error);

  if (reader == NULL)
    {
      fprintf (stderr, "careplan check: %s\n", error->message);
      return FALSE;
    }
  for (;;)
    {
      g_autoptr(CpCase) kase = cp_ssda903_reader_next (reader, &error);

      if (kase != NULL)
        {
          g_autofree char *where = g_build_filename (dir, cp_ssda903_reader_get_location (reader), NULL);
          check_case (c, kase, where);
        }
      else if (error != NULL)
        {
          g_autofree char *where = g_build_filename (dir, error->message, NULL);
          fprintf (stderr, "%s\n", where);
          c->invalid++;
          g_clear_error (&error);
        }
      else
        return TRUE;
    }
}

int
careplan_check_main (int argc, char **argv)
{
  g_autoptr(GOptionContext) ctx = g_option_context_new ("[CASE.json|CASELOAD.jsonl…]");
  g_autoptr(GError) error = NULL;
  g_autoptr(CpPolicy) policy = NULL;
  g_autoptr(CpCalendar) calendar = NULL;
  g_autoptr(GDate) date = NULL;
  gboolean readable = TRUE;
  Check c = { 0 };

  g_option_context_add_main_entries (ctx, entries, NULL);
  g_option_context_set_summary (ctx,
    "Works out every statutory obligation of each case under a policy profile\n"
    "as at a date, and lists those due soon, overdue, or lacking the history\n"
    "to judge (--all lists every one with how its date was worked out). A\n"
    "case is shown by its file and line, never by name or identifier.\n"
    "Exit status: 0 nothing overdue; 1 something overdue; 2 bad command line;\n"
    "3 a case could not be read.");
  if (!g_option_context_parse (ctx, &argc, &argv, &error))
    {
      fprintf (stderr, "careplan check: %s\n", error->message);
      return CAREPLAN_EXIT_USAGE;
    }
  if (argc < 2 && opt_ssda903 == NULL)
    {
      fprintf (stderr, "careplan check: no file given (a case, a caseload or --ssda903 DIR)\n");
      return CAREPLAN_EXIT_USAGE;
    }

  policy = careplan_policy_from_argument (opt_policy ? opt_policy : "england", &error);
  if (policy == NULL)
    {
      fprintf (stderr, "careplan check: %s\n", error->message);
      return CAREPLAN_EXIT_USAGE;
    }
  calendar = careplan_calendar_from_options (opt_region, opt_bank_holidays, &error);
  if (calendar == NULL)
    {
      fprintf (stderr, "careplan check: %s\n", error->message);
      return CAREPLAN_EXIT_USAGE;
    }
  if (opt_date != NULL)
    {
      date = cp_date_parse_iso (opt_date, &error);
      if (date == NULL)
        {
          fprintf (stderr, "careplan check: --date: %s\n", error->message);
          return CAREPLAN_EXIT_USAGE;
        }
    }
  else
    {
      date = g_date_new ();
      g_date_set_time_t (date, time (NULL));
    }

  c.policy = policy;
  c.calendar = calendar;
  c.date = date;
  for (int i = 1; i < argc; i++)
    readable &= check_file (&c, argv[i]);
  /* A return records placements and reviews, not plans or review tasks:
   * only review timeliness can be judged from it. */
  c.reviews_only = TRUE;
  for (guint i = 0; opt_ssda903 && opt_ssda903[i]; i++)
    readable &= check_ssda903 (&c, opt_ssda903[i]);
  g_clear_pointer (&opt_ssda903, g_strfreev);

  {
    g_autofree char *when = cp_date_format_iso (date);
    printf ("%u cases under %s as at %s: %u overdue, %u due soon, %u met late, %u not enough history%s\n",
            c.cases, cp_policy_get_name (policy), when, c.overdue, c.due_soon, c.met_late, c.unknown,
            c.invalid ? "; some cases could not be read" : "");
  }
  if (!readable || c.invalid > 0)
    return CAREPLAN_EXIT_DATA;
  return c.overdue > 0 ? CAREPLAN_EXIT_FINDINGS : CAREPLAN_EXIT_OK;
}
