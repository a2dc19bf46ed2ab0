/* careplan-bench.c: load and evaluate a large caseload, and say how fast
 *
 * A benchmark, not a test: it prints figures and judges nothing.
 *
 *   careplan-bench [--policy NAME] [--date YYYY-MM-DD] CASELOAD.jsonl
 *
 * The caseload is streamed (one case in memory at a time); the time spent
 * reading and building cases is reported apart from the time spent
 * evaluating them (making the evaluator, refreshing it, counting its
 * obligations, freeing it) and freeing them.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include <careplan.h>
#include <stdio.h>
#include <sys/resource.h>

static char *opt_policy = NULL;
static char *opt_date = NULL;

static const GOptionEntry entries[] = {
  { "policy", 'p', 0, G_OPTION_ARG_STRING, &opt_policy, "Built-in profile (default england)", "NAME" },
  { "date", 'd', 0, G_OPTION_ARG_STRING, &opt_date, "Evaluate as at (default 2026-03-31)", "YYYY-MM-DD" },
  { NULL }
};

int
main (int argc, char **argv)
{
  g_autoptr(GOptionContext) ctx = g_option_context_new ("CASELOAD.jsonl");
  g_autoptr(GError) error = NULL;
  g_autoptr(CpPolicy) policy = NULL;
  g_autoptr(CpCalendar) calendar = cp_calendar_new (CP_REGION_ENGLAND_AND_WALES);
  g_autoptr(CpCaseloadReader) reader = NULL;
  g_autoptr(GDate) date = NULL;
  gint64 t0, t_parse = 0, t_eval = 0, t_free = 0, t_total;
  guint cases = 0, bad = 0, obligations = 0;
  struct rusage usage;

  g_option_context_add_main_entries (ctx, entries, NULL);
  if (!g_option_context_parse (ctx, &argc, &argv, &error) || argc != 2)
    {
      fprintf (stderr, "usage: careplan-bench [--policy NAME] [--date YYYY-MM-DD] CASELOAD.jsonl\n");
      return 2;
    }
  policy = cp_policy_new_builtin (opt_policy ? opt_policy : "england", &error);
  date = cp_date_parse_iso (opt_date ? opt_date : "2026-03-31", error ? NULL : &error);
  if (policy == NULL || date == NULL)
    {
      fprintf (stderr, "careplan-bench: %s\n", error->message);
      return 2;
    }
  reader = cp_caseload_reader_new_for_path (argv[1], &error);
  if (reader == NULL)
    {
      fprintf (stderr, "careplan-bench: %s\n", error->message);
      return 3;
    }

  t_total = g_get_monotonic_time ();
  for (;;)
    {
      CpCase *kase;
      g_autoptr(CpEvaluator) ev = NULL;

      t0 = g_get_monotonic_time ();
      kase = cp_caseload_reader_next (reader, &error);
      t_parse += g_get_monotonic_time () - t0;
      if (kase == NULL)
        {
          if (error == NULL)
            break;
          bad++;
          g_clear_error (&error);
          continue;
        }

      t0 = g_get_monotonic_time ();
      ev = cp_evaluator_new (kase, policy, calendar);
      cp_evaluator_set_date (ev, date);
      if (cp_evaluator_refresh (ev, &error))
        obligations += g_list_model_get_n_items (cp_evaluator_get_obligations (ev));
      else
        {
          bad++;
          g_clear_error (&error);
        }
      g_clear_object (&ev);
      t_eval += g_get_monotonic_time () - t0;

      t0 = g_get_monotonic_time ();
      g_object_unref (kase);
      t_free += g_get_monotonic_time () - t0;
      cases++;
    }
  t_total = g_get_monotonic_time () - t_total;
  getrusage (RUSAGE_SELF, &usage);

  printf ("children:        %u (%u unreadable)\n", cases, bad);
  printf ("obligations:     %u\n", obligations);
  printf ("total:           %.3f s, %.0f children/s\n", t_total / 1e6, cases / (t_total / 1e6));
  printf ("parsing:         %.3f s (%.1f µs a child)\n", t_parse / 1e6, cases ? (double) t_parse / cases : 0);
  printf ("evaluation:      %.3f s (%.1f µs a child)\n", t_eval / 1e6, cases ? (double) t_eval / cases : 0);
  printf ("freeing cases:   %.3f s (%.1f µs a child)\n", t_free / 1e6, cases ? (double) t_free / cases : 0);
  printf ("peak memory:     %.1f MB (maximum resident set)\n", usage.ru_maxrss / 1024.0);
  return 0;
}
