/* careplan.c: the careplan command-line tool
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include <locale.h>
#include <unistd.h>
#include <stdio.h>
#include <string.h>

#include "careplan-commands.h"

static const struct {
  const char *name;
  int (*main) (int argc, char **argv);
  const char *summary;
} commands[] = {
  { "calendar", careplan_calendar_main, "working-day arithmetic and bank holidays" },
  { "validate", careplan_validate_main, "check cases and caseloads against the case format" },
  { "policy", careplan_policy_main, "list, show and compare the policy profiles" },
  { "check", careplan_check_main, "each case's obligations: overdue, due soon (text, json, csv, ics)" },
  { "summary", careplan_summary_main, "the authority-wide picture of a caseload" },
  { "report", careplan_report_main, "an HTML report for managers (charts, timeliness, citations)" },
};

gboolean
careplan_parse_options (GOptionContext  *ctx,
                        int             *argc,
                        char          ***argv)
{
  g_autoptr(GError) error = NULL;

  if (g_option_context_parse (ctx, argc, argv, &error))
    return TRUE;
  fprintf (stderr, "%s: %s\n", g_get_prgname (), error->message);
  return FALSE;
}

static void
usage (FILE *out)
{
  fprintf (out,
           "Usage: careplan COMMAND [OPTION…]\n"
           "\n"
           "Statutory care-planning deadlines for looked-after children.\n"
           "\n"
           "Commands:\n");
  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    fprintf (out, "  %-10s %s\n", commands[i].name, commands[i].summary);
  fprintf (out,
           "\n"
           "Run “careplan COMMAND --help” for a command’s options.\n"
           "\n"
           "Exit status: 0 success; 1 the run found overdue obligations; 2 bad\n"
           "command line; 3 bad input data or an unreadable file.\n");
}

int
main (int argc, char *argv[])
{
  /* GLib 2.74's slice allocator, which makes every GObject, hands memory
   * between threads through shared magazines that two threads making and
   * freeing millions of small records fight over; the system allocator is
   * faster here (-j 2 takes about 0.6 of -j 1's wall time instead of 0.7,
   * docs/performance.md), and GLib 2.76 and later use it for every slice.
   * GLib reads G_SLICE when it is loaded, before main(), so the command
   * runs itself again with it set, unless the user set it (or exec fails:
   * then it carries on as it is). */
  if (g_getenv ("G_SLICE") == NULL && g_setenv ("G_SLICE", "always-malloc", TRUE))
    execv ("/proc/self/exe", argv);
  setlocale (LC_ALL, "");
  if (argc < 2)
    {
      usage (stderr);
      return CAREPLAN_EXIT_USAGE;
    }

  if (strcmp (argv[1], "--help") == 0 || strcmp (argv[1], "-h") == 0 ||
      strcmp (argv[1], "help") == 0)
    {
      usage (stdout);
      return CAREPLAN_EXIT_OK;
    }

  if (strcmp (argv[1], "--version") == 0)
    {
      printf ("careplan %u.%u.%u\n", cp_get_major_version (),
              cp_get_minor_version (), cp_get_micro_version ());
      return CAREPLAN_EXIT_OK;
    }

  for (guint i = 0; i < G_N_ELEMENTS (commands); i++)
    if (strcmp (argv[1], commands[i].name) == 0)
      {
        /* "Usage: careplan check [OPTION…]" in the command's --help. */
        g_autofree char *prgname = g_strdup_printf ("careplan %s", commands[i].name);
        g_set_prgname (prgname);
        return commands[i].main (argc - 1, argv + 1);
      }

  fprintf (stderr, "careplan: unknown command “%s”\n\n", argv[1]);
  usage (stderr);
  return CAREPLAN_EXIT_USAGE;
}
