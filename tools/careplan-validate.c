/* careplan-validate.c: careplan validate FILE…
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include <stdio.h>

#include "careplan-commands.h"
#include "cp-caseload-reader-private.h"

static guint n_findings = 0;

/* What the case's record does not support (cp_case_audit()): printed, and
 * counted, but the case is still valid. */
static void
audit (CpCase *c, const char *where)
{
  g_auto(GStrv) findings = cp_case_audit (c);

  for (guint i = 0; findings[i] != NULL; i++)
    fprintf (stderr, "%s: finding: %s\n", where, findings[i]);
  n_findings += findings[0] != NULL;
}

/* Reports through stderr; never prints a child's identifier. */
static gboolean
validate_caseload (const char *path, guint *n_ok, guint *n_bad)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CpCaseloadReader) reader = cp_caseload_reader_new_for_path (path, &error);

  if (reader == NULL)
    {
      fprintf (stderr, "careplan validate: %s: %s\n", path, error->message);
      return FALSE;
    }

  for (;;)
    {
      g_autoptr(CpCase) c = NULL;
      const char *text;
      gsize len;

      /* The reader gives each line's text and its number; the case is read
       * here, so that its error names FILE:LINE without the reader's
       * "line N: " prefix to take apart. The reader is this command's
       * own: nobody listens to its line. */
      if (!cp_caseload_reader_next_text (reader, FALSE, &text, &len, &error))
        {
          if (error == NULL)
            return TRUE;
          /* Reading the file failed: the reader gives it up. */
          fprintf (stderr, "careplan validate: %s: %s\n", path, error->message);
          return FALSE;
        }
      c = cp_case_new_from_json (text, (gssize) len, &error);
      if (c != NULL)
        {
          g_autofree char *where = g_strdup_printf ("%s:%u", path, cp_caseload_reader_get_line (reader));
          (*n_ok)++;
          audit (c, where);
        }
      else
        {
          fprintf (stderr, "%s:%u: %s\n", path, cp_caseload_reader_get_line (reader), error->message);
          (*n_bad)++;
          g_clear_error (&error);
        }
    }
}

static gboolean
validate_case (const char *path, guint *n_ok, guint *n_bad)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CpCase) c = cp_case_load_file (path, &error);

  if (c != NULL)
    {
      (*n_ok)++;
      audit (c, path);
      return TRUE;
    }
  if (error->domain != CP_ERROR)
    {
      fprintf (stderr, "careplan validate: %s: %s\n", path, error->message);
      return FALSE;
    }
  fprintf (stderr, "%s: %s\n", path, error->message);
  (*n_bad)++;
  return TRUE;
}

int
careplan_validate_main (int argc, char **argv)
{
  g_autoptr(GOptionContext) ctx = g_option_context_new ("CASE.json|CASELOAD.jsonl…");
  guint n_ok = 0, n_bad = 0;
  gboolean readable = TRUE;

  g_option_context_set_summary (ctx,
    "Checks cases against the case format (docs/case-format.md): every field,\n"
    "code and date, and the consistency of the case. Each problem is printed\n"
    "as FILE:LINE: PATH: message (FILE: PATH: message for a .json file).\n"
    "A valid case whose record does not support its state (a plan authorised\n"
    "with no authorisation in a kept history, a dispute at a stage no step\n"
    "reached) is read all the same, and reported as FILE:LINE: finding: ….\n"
    "Exit status 0 when every case is valid, 1 when some have findings,\n"
    "3 when some are invalid or a file cannot be read.");
  if (!careplan_parse_options (ctx, &argc, &argv))
    return CAREPLAN_EXIT_USAGE;
  if (argc < 2)
    {
      fprintf (stderr, "careplan validate: no file given\n");
      return CAREPLAN_EXIT_USAGE;
    }

  for (int i = 1; i < argc; i++)
    readable &= g_str_has_suffix (argv[i], ".jsonl")
                ? validate_caseload (argv[i], &n_ok, &n_bad)
                : validate_case (argv[i], &n_ok, &n_bad);

  if (n_findings > 0)
    printf ("%u valid, %u invalid, %u with findings\n", n_ok, n_bad, n_findings);
  else
    printf ("%u valid, %u invalid\n", n_ok, n_bad);
  if (!readable || n_bad > 0)
    return CAREPLAN_EXIT_DATA;
  return n_findings > 0 ? CAREPLAN_EXIT_FINDINGS : CAREPLAN_EXIT_OK;
}
