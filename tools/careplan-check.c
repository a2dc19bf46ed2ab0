/* careplan-check.c: careplan check FILE…
 *
 * Writes each case's obligations (overdue first, then due soon) as text,
 * JSON, CSV or an iCalendar file of the deadlines still to come (the
 * formats are in careplan-output.c).
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "careplan-commands.h"
#include "careplan-measures.h"
#include "careplan-options.h"
#include "careplan-output.h"
#include "careplan-write-table.h"
#include "cp-file-private.h"

static CareplanOptions opts;
static char *opt_format = NULL;
static char *opt_output = NULL;
static char *opt_uid_key = NULL;
static gboolean opt_all = FALSE;
static gboolean opt_compare_due_dates = FALSE;
static char *opt_write_table = NULL;
static char **opt_files = NULL;
static char *opt_team = NULL;
static char *opt_worker = NULL;
static char *opt_iro = NULL;
static gboolean opt_excel = FALSE;
static int opt_remind_days = -1;
static gboolean opt_no_record_id = FALSE;

static const GOptionEntry entries[] = {
  { "date", 0, G_OPTION_FLAG_HIDDEN, G_OPTION_ARG_STRING, &opts.on,
    "The same as --on", "YYYY-MM-DD" },
  { "format", 'f', 0, G_OPTION_ARG_STRING, &opt_format,
    "text (default), json, csv, or ics: an iCalendar file of the deadlines still to come", "FORMAT" },
  { "output", 'o', 0, G_OPTION_ARG_FILENAME, &opt_output,
    "Write to FILE (atomically: the old file stays whole until the new one is complete) "
    "instead of standard output", "FILE" },
  { "uid-key", 0, 0, G_OPTION_ARG_FILENAME, &opt_uid_key,
    "With --format ics: the secret key that makes the events' UIDs (created, readable by its owner "
    "only, if absent; default ~/.config/careplan/calendar-uid.key)", "FILE" },
  { "remind-days", 0, 0, G_OPTION_ARG_INT, &opt_remind_days,
    "With --format ics: a reminder N days before each deadline (default 5; 0 for none)", "N" },
  { "no-record-id", 0, 0, G_OPTION_ARG_NONE, &opt_no_record_id,
    "With --format ics: leave the child's record id out of the events' titles", NULL },
  { "all", 'a', 0, G_OPTION_ARG_NONE, &opt_all,
    "Every obligation with how its date was worked out, not only those overdue, due soon "
    "or lacking the history to judge", NULL },
  { "compare-due-dates", 0, 0, G_OPTION_ARG_NONE, &opt_compare_due_dates,
    "With --ssd: list instead the reviews whose due date in the SSD (clar_cla_review_due_date) differs "
    "from the library's, with the rule and its citation; exit status 1 when the SSD's is later", NULL },
  { "write-table", 0, 0, G_OPTION_ARG_STRING, &opt_write_table,
    "With one --ssd PostgreSQL database: also write every obligation judged into TABLE of that database "
    "(created if need be), replacing in one transaction the rows of the same --on date and profile "
    "(see docs/ssd.md for its columns)", "TABLE" },
  { "team", 0, 0, G_OPTION_ARG_STRING, &opt_team,
    "Only the cases whose social worker is in this team on the --on date", "TEAM" },
  { "worker", 0, 0, G_OPTION_ARG_STRING, &opt_worker,
    "Only the cases allocated to this social worker (a staff identifier) on the --on date", "STAFF" },
  { "iro", 0, 0, G_OPTION_ARG_STRING, &opt_iro,
    "Only the cases allocated to this IRO (a staff identifier) on the --on date", "STAFF" },
  { "excel", 0, 0, G_OPTION_ARG_NONE, &opt_excel,
    "With --format csv: start with a UTF-8 byte-order mark, so that Excel reads the file as UTF-8", NULL },
  { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &opt_files, NULL,
    "[CASE.json|CASELOAD.jsonl…]" },
  { NULL }
};

typedef struct {
  CareplanFormat format;
  CpPolicy *policy;
  CpCalendar *calendar;
  GDate *date;
  GString *out;          /* what is still to be written */
  CareplanOutput *output;
  GPtrArray *outputs;    /* on more than one thread: CareplanOutput, a thread's (see write_case()) */
  GPtrArray *scratch;    /* on more than one thread: GString, a thread's working text */
  CpFileReplacement *file;   /* --output, written as it comes; NULL: standard output */
  GError *file_error;        /* writing it failed: the rest is not written, nor the file replaced */
  gsize batch;           /* written once this much is waiting (0 on a terminal: each case) */
  guint refused;
  guint compared, differ, later;   /* --compare-due-dates */
  CareplanTableWriter *writer;     /* --write-table */
  GError *write_error;
} Check;

/* One case ------------------------------------------------------------------ */

static void
flush (Check *c)
{
  if (c->out->len == 0)
    return;
  if (c->file == NULL)
    fwrite (c->out->str, 1, c->out->len, stdout);
  else if (c->file_error == NULL)
    cp_file_replacement_write (c->file, c->out->str, c->out->len, &c->file_error);
  g_string_truncate (c->out, 0);
}

/* Written once a batch is waiting: a write for each of 100,000 cases cost
 * more than writing them. */
static void
flush_some (Check *c)
{
  if (c->out->len >= c->batch)
    flush (c);
}

static void
free_text (gpointer text)
{
  g_string_free (text, TRUE);
}

/* On the thread that evaluated the case (@worker): the case's report,
 * by that thread's writer, then put in place by check_case(). */
static gpointer
write_case (CpCase *kase, const CpEvaluated *ev, const char *where, int source, guint worker, gpointer data)
{
  Check *c = data;
  GString *text = g_ptr_array_index (c->scratch, worker);

  if (!careplan_case_allocated_to (kase, c->date, opt_team, opt_worker, opt_iro))
    return NULL;
  /* Written where the thread writes every case, then copied out at its
   * size: a new text grown case by case cost more in copies than this. */
  g_string_truncate (text, 0);
  careplan_output_case (g_ptr_array_index (c->outputs, worker), text, ev, kase, where, source);
  return g_string_new_len (text->str, (gssize) text->len);
}

static void
check_case (CpCase *kase, CpEvaluator *ev, const char *where, int source, gpointer written, gpointer data)
{
  Check *c = data;
  CpEvaluated evaluated;

  if (written != NULL)
    {
      careplan_output_join (c->output, c->out, written);
      flush_some (c);
      return;
    }
  if (!careplan_case_allocated_to (kase, c->date, opt_team, opt_worker, opt_iro))
    return;
  if (ev == NULL)
    {
      c->refused++;
      return;
    }
  cp_evaluator_peek_evaluated (ev, &evaluated);
  if (c->writer != NULL && c->write_error == NULL)
    careplan_table_writer_add_case (c->writer, ev, kase, source, &c->write_error);
  if (opt_compare_due_dates)
    {
      g_autoptr(GString) counted = g_string_new (NULL);

      /* The totals still count the case; its obligations are not listed. */
      careplan_output_case (c->output, counted, &evaluated, kase, where, source);
      c->differ += careplan_compare_due_dates (kase, ev, where, c->out, &c->compared, &c->later);
      flush_some (c);
      return;
    }
  careplan_output_case (c->output, c->out, &evaluated, kase, where, source);
  flush_some (c);
}

/* The output file ------------------------------------------------------------- */

static gboolean
same_file (const struct stat *a, const char *path)
{
  struct stat b;

  return stat (path, &b) == 0 && a->st_dev == b.st_dev && a->st_ino == b.st_ino;
}

/* Whether writing @output would overwrite one of the inputs. */
static gboolean
output_is_input (const char *output)
{
  struct stat out;

  if (stat (output, &out) != 0)
    return FALSE;
  for (guint i = 0; opt_files && opt_files[i]; i++)
    if (same_file (&out, opt_files[i]))
      return TRUE;
  for (guint i = 0; opts.ssda903 && opts.ssda903[i]; i++)
    {
      g_autoptr(GDir) dir = g_dir_open (opts.ssda903[i], 0, NULL);
      const char *name;

      while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *path = g_build_filename (opts.ssda903[i], name, NULL);
          if (same_file (&out, path))
            return TRUE;
        }
    }
  return FALSE;
}

int
careplan_check_main (int argc, char **argv)
{
  g_autoptr(GOptionContext) ctx = g_option_context_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(CpPolicy) policy = NULL;
  g_autoptr(CpCalendar) calendar = NULL;
  g_autoptr(GDate) date = NULL;
  g_autoptr(GString) out = g_string_new (NULL);
  g_autoptr(GBytes) uid_key = NULL;
  CareplanIcsOptions ics_options;
  g_autoptr(CareplanOutput) output = NULL;
  g_autoptr(CareplanTableWriter) writer = NULL;
  g_autoptr(CareplanPseudonymiser) pseudonymiser = NULL;
  const CareplanTotals *totals;
  gboolean readable;
  guint invalid = 0, jobs;
  Check c = { 0 };

  careplan_options_add (ctx, &opts, CAREPLAN_OPTIONS_SOURCES);
  g_option_context_add_main_entries (ctx, entries, NULL);
  g_option_context_set_summary (ctx,
    "Works out every statutory obligation of each case under a policy profile\n"
    "as at a date and lists, case by case, those overdue (first), due soon, or\n"
    "lacking the history to judge, each with its rule's citation. --all lists\n"
    "every obligation with how its date was worked out. A case is shown by its\n"
    "file and line and the child's record id (the case's own identifier; a keyed\n"
    "hash of it with --pseudonymise); warnings and errors never name a child.\n"
    "\n"
    "Formats: text (for people); json (one document: policy, as_at, cases with\n"
    "their obligations, totals); csv (one row per obligation, with a header);\n"
    "ics (an iCalendar file of the deadlines still to come, one all-day event\n"
    "each, for Outlook or any calendar, titled with the duty and the child's\n"
    "record id unless --no-record-id, with a reminder --remind-days before;\n"
    "events keep their UID from one export to the next with the same --uid-key,\n"
    "a keyed hash that does not reveal the child's identifier, and a duty met\n"
    "since is written again as cancelled; careplan calendar deadlines\n"
    "--split-by worker writes one file per worker).\n"
    "\n"
    "--output keeps an existing file's permissions and creates a new one\n"
    "readable by its owner only; it may not name one of the inputs.");
  g_option_context_set_description (ctx,
    "Exit status: 0 nothing overdue; 1 something overdue; 2 bad command line;\n"
    "3 a file or case could not be read (errors name the file, line and JSON\n"
    "path, on standard error).");
  if (!careplan_parse_options (ctx, &argc, &argv))
    return CAREPLAN_EXIT_USAGE;
  if (opt_files == NULL && opts.ssda903 == NULL && opts.ssd == NULL)
    {
      fprintf (stderr, "careplan check: no file given (a case, a caseload, --ssda903 DIR or --ssd DIR)\n");
      return CAREPLAN_EXIT_USAGE;
    }
  if (!careplan_format_parse (opt_format ? opt_format : "text", &c.format))
    {
      fprintf (stderr, "careplan check: --format: “%s” is not one of text, json, csv, ics\n", opt_format);
      return CAREPLAN_EXIT_USAGE;
    }
  if (opt_excel && c.format != CAREPLAN_FORMAT_CSV)
    {
      fprintf (stderr, "careplan check: --excel goes with --format csv\n");
      return CAREPLAN_EXIT_USAGE;
    }
  if (opt_write_table != NULL && opts.pseudonymise != NULL)
    {
      /* The table is keyed by the authority's own ids, in its own database. */
      fprintf (stderr, "careplan check: --write-table writes the SSD's own person ids into the database it "
               "read them from; it does not take --pseudonymise\n");
      return CAREPLAN_EXIT_USAGE;
    }
  if (opt_compare_due_dates && (opts.ssd == NULL || c.format != CAREPLAN_FORMAT_TEXT))
    {
      fprintf (stderr, "careplan check: --compare-due-dates needs --ssd and the text format\n");
      return CAREPLAN_EXIT_USAGE;
    }
  if (opt_write_table != NULL &&
      (opt_compare_due_dates || opt_files != NULL || opts.ssda903 != NULL || opts.ssd == NULL ||
       g_strv_length (opts.ssd) != 1 || !careplan_ssd_is_connection (opts.ssd[0])))
    {
      fprintf (stderr, "careplan check: --write-table needs one --ssd source, a PostgreSQL database "
               "(the table is written in that database), and no other input\n");
      return CAREPLAN_EXIT_USAGE;
    }
  if (opt_write_table != NULL && !careplan_table_name_is_valid (opt_write_table))
    {
      fprintf (stderr, "careplan check: --write-table: “%s” is not a table name (letters, digits and "
               "underscores, not starting with a digit, at most 63, perhaps after a schema's name and a dot)\n",
               opt_write_table);
      return CAREPLAN_EXIT_USAGE;
    }

  if (opt_output != NULL && output_is_input (opt_output))
    {
      fprintf (stderr, "careplan check: --output: %s is also an input; nothing was read or written\n",
               opt_output);
      return CAREPLAN_EXIT_USAGE;
    }
  if (c.format == CAREPLAN_FORMAT_ICS)
    {
      uid_key = careplan_ics_setup ("check", opt_uid_key, opt_remind_days, opt_no_record_id, &ics_options);
      if (uid_key == NULL)
        return CAREPLAN_EXIT_USAGE;
    }

  if (!careplan_options_setup (&opts, "check", &policy, &calendar, &date, &pseudonymiser))
    return CAREPLAN_EXIT_USAGE;

  /* Begun before reading, so that a file that cannot be replaced is said
   * at once; written as the cases come, so that memory stays flat; put in
   * place (or left as it was) at the end. */
  if (opt_output != NULL)
    {
      c.file = cp_file_replacement_begin (opt_output, CP_FILE_MODE_PRIVATE, &error);
      if (c.file == NULL)
        {
          fprintf (stderr, "careplan check: %s\n", error->message);
          return CAREPLAN_EXIT_DATA;
        }
    }

  if (opt_write_table != NULL)
    {
      writer = careplan_table_writer_new (opts.ssd[0], opt_write_table, cp_policy_get_name (policy), date,
                                          &error);
      if (writer == NULL)
        {
          fprintf (stderr, "careplan check: %s; the table is as it was\n", error->message);
          g_clear_pointer (&c.file, cp_file_replacement_abandon);
          return CAREPLAN_EXIT_DATA;
        }
    }

  c.policy = policy;
  c.writer = writer;
  c.calendar = calendar;
  c.date = date;
  c.out = out;
  c.batch = c.file == NULL && isatty (fileno (stdout)) ? 0 : 64 * 1024;
  output = careplan_output_new (c.format, opt_all, policy, date, uid_key);
  if (c.format == CAREPLAN_FORMAT_ICS)
    careplan_output_set_ics_options (output, uid_key, &ics_options);
  c.output = output;
  careplan_output_set_pseudonymiser (output, pseudonymiser);
  careplan_output_set_excel (output, opt_excel);

  careplan_output_begin (output, out);
  flush (&c);
  jobs = opt_compare_due_dates ? 1 : (guint) opts.jobs;
  /* On more than one thread, each thread writes the reports of the cases
   * it evaluated, with a writer of its own, and this one only puts them
   * in order: the writing is a fifth of the work (docs/performance.md).
   * A written table and compared due dates are done here, case by case. */
  if (writer == NULL && !opt_compare_due_dates && careplan_threads_for_jobs (jobs) > 1)
    {
      c.outputs = g_ptr_array_new_with_free_func ((GDestroyNotify) careplan_output_free);
      c.scratch = g_ptr_array_new_with_free_func (free_text);
      for (guint t = 0; t < careplan_threads_for_jobs (jobs); t++)
        {
          g_ptr_array_add (c.outputs, careplan_output_new_like (output));
          g_ptr_array_add (c.scratch, g_string_sized_new (64 * 1024));
        }
    }
  /* The SSD's own due dates are the reader's for the child it read last:
   * compared, each child is evaluated as it is read, on this thread. */
  readable = careplan_for_each_evaluated (opt_files, opts.ssda903, opts.ssd, jobs, policy, calendar, date,
                                          c.outputs != NULL ? write_case : NULL, free_text, check_case, &c,
                                          &invalid);
  for (guint t = 0; c.outputs != NULL && t < c.outputs->len; t++)
    careplan_output_add_totals (output, g_ptr_array_index (c.outputs, t));
  g_clear_pointer (&c.outputs, g_ptr_array_unref);
  g_clear_pointer (&c.scratch, g_ptr_array_unref);
  if (opt_compare_due_dates)
    g_string_append_printf (out, "%u reviews with a due date in the SSD: %u differ from the library's, "
                            "%u of them later\n", c.compared, c.differ, c.later);
  invalid += c.refused;
  if (writer != NULL)
    {
      guint rows = 0;

      /* A source that could not be read, or a failed write, writes nothing:
       * the previous rows stay. A child refused for bad rows has none. */
      if (c.write_error == NULL && readable)
        careplan_table_writer_commit (writer, &rows, &c.write_error);
      if (c.write_error != NULL)
        fprintf (stderr, "careplan check: %s; the table is as it was\n", c.write_error->message);
      else if (!readable)
        fprintf (stderr, "careplan check: --write-table: the source could not be read; the table is as it was\n");
      else
        fprintf (stderr, "%u obligations written to %s\n", rows, opt_write_table);
      readable &= c.write_error == NULL;
      g_clear_error (&c.write_error);
      g_clear_pointer (&writer, careplan_table_writer_free);
    }
  careplan_output_end (output, out, !readable || invalid > 0, invalid);
  flush (&c);
  totals = careplan_output_get_totals (output);
  careplan_options_clear (&opts);
  g_clear_pointer (&opt_files, g_strfreev);
  g_clear_pointer (&opt_write_table, g_free);

  if (c.file != NULL)
    {
      if (c.file_error == NULL)
        cp_file_replacement_commit (g_steal_pointer (&c.file), &c.file_error);
      else
        g_clear_pointer (&c.file, cp_file_replacement_abandon);
      if (c.file_error != NULL)
        {
          fprintf (stderr, "careplan check: %s\n", c.file_error->message);
          g_clear_error (&c.file_error);
          return CAREPLAN_EXIT_DATA;
        }
      if (c.format == CAREPLAN_FORMAT_ICS)
        fprintf (stderr, "%u deadlines written to %s\n", totals->events, opt_output);
    }

  if (!readable || invalid > 0)
    return CAREPLAN_EXIT_DATA;
  if (opt_compare_due_dates)
    return c.later > 0 ? CAREPLAN_EXIT_FINDINGS : CAREPLAN_EXIT_OK;
  return totals->overdue > 0 ? CAREPLAN_EXIT_FINDINGS : CAREPLAN_EXIT_OK;
}
