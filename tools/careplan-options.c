/* careplan-options.c: the options every evaluating command shares
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include <stdio.h>

#include "careplan-options.h"

void
careplan_options_add (GOptionContext      *ctx,
                      CareplanOptions     *opts,
                      CareplanOptionFlags  flags)
{
  const GOptionEntry evaluation[] = {
    { "policy", 'p', 0, G_OPTION_ARG_STRING, &opts->policy,
      "A built-in profile (default england) or a profile's JSON file", "PROFILE" },
    { "on", 'd', 0, G_OPTION_ARG_STRING, &opts->on,
      "Evaluate as at this date (default today; with --ssda903, the end of the return's collection period)",
      "YYYY-MM-DD" },
    { "region", 'r', 0, G_OPTION_ARG_STRING, &opts->region,
      "Bank-holiday region: england-and-wales (default), scotland or northern-ireland", "REGION" },
    { "bank-holidays", 'b', 0, G_OPTION_ARG_FILENAME, &opts->bank_holidays,
      "Merge a gov.uk bank-holidays.json file", "FILE" },
    CAREPLAN_PSEUDONYMISE_OPTION (opts->pseudonymise),
    { NULL }
  };
  const GOptionEntry sources[] = {
    { "ssda903", 's', 0, G_OPTION_ARG_FILENAME_ARRAY, &opts->ssda903,
      "Every child of an SSDA903 return, a directory of header.csv, episodes.csv and reviews.csv "
      "(repeatable); the return records placements and reviews only, so only review obligations are judged",
      "DIR" },
    { "lenient", 0, 0, G_OPTION_ARG_NONE, &opts->lenient,
      "With --ssda903: read the children whose last episode is open with REC X1 and no DEC (counted in a warning)",
      NULL },
    { "ssd", 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &opts->ssd,
      "Every looked-after child of a Standard Safeguarding Dataset extract, a directory of "
      "ssd_person.csv, ssd_cla_episodes.csv, ssd_cla_placement.csv…, or a PostgreSQL database holding those "
      "tables: postgresql://HOST/DB or a libpq connection string (repeatable); reviews, visits, "
      "health and dental checks and the care plan are judged", "DIR|CONNINFO" },
    { "jobs", 'j', 0, G_OPTION_ARG_INT, &opts->jobs,
      "Read and evaluate the cases on N threads (default: one per core; an SSD's children are read on one, "
      "evaluated on N); the output is the same for any N", "N" },
    { NULL }
  };
  GOptionGroup *main_group = g_option_context_get_main_group (ctx);

  if (main_group == NULL)
    {
      main_group = g_option_group_new (NULL, NULL, NULL, NULL, NULL);
      g_option_context_set_main_group (ctx, main_group);
    }
  /* The group keeps a copy of the entries. */
  g_option_group_add_entries (main_group, evaluation);
  if (flags & CAREPLAN_OPTIONS_SOURCES)
    g_option_group_add_entries (main_group, sources);
}

gboolean
careplan_options_setup (CareplanOptions        *opts,
                        const char             *command,
                        CpPolicy              **policy,
                        CpCalendar            **calendar,
                        GDate                 **date,
                        CareplanPseudonymiser **pseudonymiser)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *return_end = NULL;

  *pseudonymiser = NULL;
  if (opts->jobs < 0)
    {
      fprintf (stderr, "careplan %s: --jobs: %d is not a number of threads\n", command, opts->jobs);
      return FALSE;
    }
  /* A summary or report names no child by id in its own right: the key is
   * checked all the same, so that one command line serves every command. */
  if (opts->pseudonymise != NULL &&
      (*pseudonymiser = careplan_pseudonymiser_new_for_file (opts->pseudonymise, &error)) == NULL)
    {
      fprintf (stderr, "careplan %s: --pseudonymise: %s\n", command, error->message);
      return FALSE;
    }

  /* A 903 return is as at the end of its collection period (docs/ssda903.md). */
  return_end = careplan_ssda903_default_on (opts->ssda903, opts->on);
  careplan_ssda903_options (opts->lenient);
  if (!careplan_evaluation_setup (command, opts->policy, opts->region, opts->bank_holidays,
                                  return_end ? return_end : opts->on, policy, calendar, date))
    {
      g_clear_pointer (pseudonymiser, careplan_pseudonymiser_free);
      return FALSE;
    }
  return TRUE;
}

void
careplan_options_clear (CareplanOptions *opts)
{
  g_clear_pointer (&opts->policy, g_free);
  g_clear_pointer (&opts->on, g_free);
  g_clear_pointer (&opts->region, g_free);
  g_clear_pointer (&opts->bank_holidays, g_free);
  g_clear_pointer (&opts->pseudonymise, g_free);
  g_clear_pointer (&opts->ssda903, g_strfreev);
  g_clear_pointer (&opts->ssd, g_strfreev);
}
