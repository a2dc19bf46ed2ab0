/* careplan-cases.c: every case of the files and returns on a command line
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "careplan-commands.h"
#include "cp-caseload-evaluator-private.h"

/* Lines holding something other than blanks: the cases a JSON Lines file
 * announces, for a progress bar. */
static guint
count_cases_in (const char *path)
{
  FILE *f = fopen (path, "rb");
  char buf[65536];
  gboolean content = FALSE;
  guint n = 0;
  size_t len;

  if (f == NULL)
    return 0;
  while ((len = fread (buf, 1, sizeof buf, f)) > 0)
    for (size_t i = 0; i < len; i++)
      {
        if (buf[i] == '\n')
          {
            n += content;
            content = FALSE;
          }
        else if (!g_ascii_isspace (buf[i]))
          content = TRUE;
      }
  fclose (f);
  return n + content;
}

guint
careplan_count_cases (char **paths, char **ssda903_dirs)
{
  guint n = 0;

  for (guint i = 0; paths && paths[i]; i++)
    n += g_str_has_suffix (paths[i], ".jsonl") ? count_cases_in (paths[i]) : 1;
  for (guint i = 0; ssda903_dirs && ssda903_dirs[i]; i++)
    {
      g_autoptr(CpSsda903Reader) r = cp_ssda903_reader_new_for_directory (ssda903_dirs[i], NULL);
      if (r != NULL)
        n += cp_ssda903_reader_get_n_children (r);
    }
  return n;
}

static gboolean
each_in_file (const char *path, CareplanCaseFunc func, gpointer data, guint *invalid)
{
  g_autoptr(GError) error = NULL;

  if (g_str_has_suffix (path, ".jsonl"))
    {
      g_autoptr(CpCaseloadReader) reader = cp_caseload_reader_new_for_path (path, &error);

      if (reader == NULL)
        {
          fprintf (stderr, "careplan: %s: %s\n", path, error->message);
          return FALSE;
        }
      for (;;)
        {
          g_autoptr(CpCase) kase = cp_caseload_reader_next (reader, &error);

          if (kase != NULL)
            {
              g_autofree char *where = g_strdup_printf ("%s:%u", path, cp_caseload_reader_get_line (reader));
              func (kase, where, CAREPLAN_SOURCE_CASE, data);
            }
          else if (error != NULL && error->domain != CP_ERROR)
            {
              /* Reading the file failed: the reader gives it up. */
              fprintf (stderr, "careplan: %s: %s\n", path, error->message);
              return FALSE;
            }
          else if (error != NULL)
            {
              /* The message starts "line N:". */
              fprintf (stderr, "%s: %s\n", path, error->message);
              (*invalid)++;
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
          fprintf (stderr, "%s%s: %s\n", error->domain == CP_ERROR ? "" : "careplan: ",
                   path, error->message);
          if (error->domain != CP_ERROR)
            return FALSE;
          (*invalid)++;
          return TRUE;
        }
      func (kase, path, CAREPLAN_SOURCE_CASE, data);
      return TRUE;
    }
}

/* How 903 returns are read (careplan_ssda903_options()): one command,
 * one thread, reads them. */
static gboolean ssda903_lenient;
static gboolean ssda903_own_dates;   /* each child as at its return's end */
static GDate *ssda903_child_date;    /* that date, for the child being read */

void
careplan_ssda903_options (gboolean lenient)
{
  ssda903_lenient = lenient;
}

char *
careplan_ssda903_default_on (char **ssda903_dirs, const char *on)
{
  g_autoptr(GDate) latest = NULL;

  if (on != NULL || ssda903_dirs == NULL)
    return NULL;
  for (guint i = 0; ssda903_dirs[i]; i++)
    {
      g_autoptr(CpSsda903Reader) r = cp_ssda903_reader_new_for_directory (ssda903_dirs[i], NULL);
      g_autoptr(GDate) end = r ? cp_ssda903_reader_dup_period_end (r) : NULL;

      if (end != NULL && (latest == NULL || g_date_compare (end, latest) > 0))
        {
          g_clear_pointer (&latest, g_date_free);
          latest = g_steal_pointer (&end);
        }
    }
  if (latest == NULL)
    return NULL;
  ssda903_own_dates = TRUE;
  return cp_date_format_iso (latest);
}

/* What a return could not be read for, as warnings: never a child's id. */
static void
warn_about_return (const char *dir, CpSsda903Reader *reader, gboolean before)
{
  guint n = cp_ssda903_reader_get_n_lenient (reader);

  if (before && !cp_ssda903_reader_get_has_reviews (reader))
    fprintf (stderr, "careplan: warning: %s: no reviews.csv: the return's reviews are unknown, so whether "
             "reviews were held on time cannot be judged; review duties are left out\n", dir);
  if (!before && n > 0)
    fprintf (stderr, "careplan: warning: %s: %u %s read with --lenient: the last episode is open with REC X1 "
             "and no DEC, read as still looked after at the return's end\n",
             dir, n, n == 1 ? "child" : "children");
}

/* Every child of an SSDA903 return; a child is shown by its Header row. */
static gboolean
each_in_return (const char *dir, CareplanCaseFunc func, gpointer data, guint *invalid)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CpSsda903Reader) reader = cp_ssda903_reader_new_for_directory (dir, &error);
  /* A return records placements and reviews, not plans or review tasks:
   * only review timeliness can be judged from it, and nothing without
   * its Reviews table. */
  int source = CAREPLAN_SOURCE_SSDA903;

  if (reader == NULL)
    {
      fprintf (stderr, "careplan: %s\n", error->message);
      return FALSE;
    }
  cp_ssda903_reader_set_lenient (reader, ssda903_lenient);
  warn_about_return (dir, reader, TRUE);
  if (!cp_ssda903_reader_get_has_reviews (reader))
    source = CAREPLAN_SOURCE_SSDA903_NO_REVIEWS;
  for (;;)
    {
      g_autoptr(CpCase) kase = cp_ssda903_reader_next (reader, &error);

      if (kase != NULL)
        {
          g_autofree char *where = g_build_filename (dir, cp_ssda903_reader_get_location (reader), NULL);

          g_clear_pointer (&ssda903_child_date, g_date_free);
          if (ssda903_own_dates)
            ssda903_child_date = cp_ssda903_reader_dup_child_period_end (reader);
          func (kase, where, source, data);
          g_clear_pointer (&ssda903_child_date, g_date_free);
        }
      else if (error != NULL)
        {
          g_autofree char *where = g_build_filename (dir, error->message, NULL);
          fprintf (stderr, "%s\n", where);
          (*invalid)++;
          g_clear_error (&error);
        }
      else
        {
          warn_about_return (dir, reader, FALSE);
          return TRUE;
        }
    }
}

gboolean
careplan_for_each_case (char             **paths,
                        char             **ssda903_dirs,
                        CareplanCaseFunc   func,
                        gpointer           data,
                        guint             *invalid)
{
  gboolean readable = TRUE;

  for (guint i = 0; paths && paths[i]; i++)
    readable &= each_in_file (paths[i], func, data, invalid);
  for (guint i = 0; ssda903_dirs && ssda903_dirs[i]; i++)
    readable &= each_in_return (ssda903_dirs[i], func, data, invalid);
  return readable;
}

/* A directory of CSV extracts, or a PostgreSQL database: a URI or a libpq
 * connection string ("host=... dbname=..."). */
gboolean
careplan_ssd_is_connection (const char *arg)
{
  return g_str_has_prefix (arg, "postgresql://") || g_str_has_prefix (arg, "postgres://") ||
         (strchr (arg, '=') != NULL && !g_file_test (arg, G_FILE_TEST_IS_DIR));
}

static CpSsdReader *
open_ssd (const char *arg, GError **error)
{
  if (careplan_ssd_is_connection (arg))
    return cp_ssd_reader_new_for_connection (arg, error);
  return cp_ssd_reader_new_for_directory (arg, error);
}

guint
careplan_count_ssd_cases (char **ssd_dirs)
{
  guint n = 0;

  for (guint i = 0; ssd_dirs && ssd_dirs[i]; i++)
    {
      g_autoptr(CpSsdReader) r = open_ssd (ssd_dirs[i], NULL);
      if (r != NULL)
        n += cp_ssd_reader_get_n_children (r);
    }
  return n;
}

/* Where an SSD child, or its bad row, is: in a database (@db) by its table
 * and row, never by the connection string; in a directory of CSV files
 * (@source) by its file. */
static char *
ssd_where (const char *source, gboolean db, const char *location)
{
  return db ? g_strdup_printf ("postgresql:%s", location) : g_build_filename (source, location, NULL);
}

/* Every looked-after child of an SSD extract (a directory of CSV files or
 * a PostgreSQL database); a child is shown by its row of ssd_person. */
gboolean
careplan_for_each_ssd_case (char             **ssd_dirs,
                            CareplanCaseFunc   func,
                            gpointer           data,
                            guint             *invalid)
{
  gboolean readable = TRUE;

  for (guint i = 0; ssd_dirs && ssd_dirs[i]; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(CpSsdReader) reader = open_ssd (ssd_dirs[i], &error);
      gboolean db = careplan_ssd_is_connection (ssd_dirs[i]);

      if (reader == NULL)
        {
          fprintf (stderr, "careplan: %s\n", error->message);
          readable = FALSE;
          continue;
        }
      for (;;)
        {
          g_autoptr(CpCase) kase = cp_ssd_reader_next (reader, &error);

          if (kase != NULL)
            {
              g_autofree char *where = ssd_where (ssd_dirs[i], db, cp_ssd_reader_get_location (reader));

              careplan_keep_due_dates (kase, reader);
              func (kase, where, CAREPLAN_SOURCE_SSD, data);
            }
          else if (error != NULL && error->domain == G_IO_ERROR)
            {
              /* The database failed on the way: the source is not read. */
              fprintf (stderr, "careplan: postgresql: %s\n", error->message);
              readable = FALSE;
              break;
            }
          else if (error != NULL)
            {
              g_autofree char *where = ssd_where (ssd_dirs[i], db, error->message);
              fprintf (stderr, "%s\n", where);
              (*invalid)++;
              g_clear_error (&error);
            }
          else
            break;
        }
    }
  return readable;
}

typedef struct {
  const char *path;             /* a caseload's file, or an SSD's directory or connection */
  gboolean db;                  /* the SSD is a database */
  int source;                   /* CAREPLAN_SOURCE_CASE or _SSD */
  CpPolicy *policy;
  CpCalendar *calendar;
  const GDate *date;
  CareplanPrepareFunc prepare;
  CareplanEvaluatedFunc func;
  gpointer data;
  guint *invalid;
} Evaluating;

/* Where an evaluated case came from: its file and line, or its SSD row. */
static char *
result_where (Evaluating *e, CpCaseResult *result)
{
  return e->source == CAREPLAN_SOURCE_SSD ? ssd_where (e->path, e->db, cp_case_result_get_location (result))
                                          : g_strdup_printf ("%s:%u", e->path, cp_case_result_get_line (result));
}

/* On the thread that evaluated the case: the command's work on it. @e is
 * only read here (it changes only between runs). */
static gpointer
prepare_evaluated (CpCaseResult *result, guint worker, gpointer user_data)
{
  Evaluating *e = user_data;
  g_autofree char *where = result_where (e, result);
  CpEvaluated ev;

  if (!cp_case_result_peek_evaluated (result, &ev))
    g_assert_not_reached ();   /* only an evaluated case is prepared */
  return e->prepare (cp_case_result_get_case (result), &ev, where, e->source, worker, e->data);
}

/* One case's result, from a caseload file or an SSD source, in input
 * order: its problems on stderr, then the command's function. */
static gboolean
evaluated (CpCaseResult *result, gpointer user_data)
{
  Evaluating *e = user_data;
  const GError *error = cp_case_result_get_error (result);
  gboolean ssd = e->source == CAREPLAN_SOURCE_SSD;
  g_autofree char *where = NULL;

  if (!cp_case_result_is_readable (result))
    {
      /* The message starts with its line ("line N:"), or with the SSD's
       * table, row and column. */
      where = ssd ? ssd_where (e->path, e->db, error->message) : g_strdup_printf ("%s: %s", e->path, error->message);
      fprintf (stderr, "%s\n", where);
      (*e->invalid)++;
      return TRUE;
    }
  where = result_where (e, result);
  if (error != NULL)
    fprintf (stderr, "%s: %s\n", where, error->message);
  e->func (cp_case_result_get_case (result), cp_case_result_get_evaluator (result), where, e->source,
           cp_case_result_get_prepared (result), e->data);
  return TRUE;
}

/* Each SSD source read child by child on this thread, its children
 * evaluated on @caseload's threads. */
static gboolean
evaluate_ssd (CpCaseloadEvaluator *caseload, char **ssd_dirs, Evaluating *e)
{
  gboolean readable = TRUE;

  for (guint i = 0; ssd_dirs[i]; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(CpSsdReader) reader = open_ssd (ssd_dirs[i], &error);

      e->path = ssd_dirs[i];
      e->db = careplan_ssd_is_connection (ssd_dirs[i]);
      e->source = CAREPLAN_SOURCE_SSD;
      if (reader == NULL || !cp_caseload_evaluator_foreach_in_ssd (caseload, reader, evaluated, e, &error))
        {
          /* Not opened, or the database failed on the way. */
          fprintf (stderr, reader == NULL ? "careplan: %s\n" : "careplan: postgresql: %s\n", error->message);
          readable = FALSE;
        }
    }
  return readable;
}

static void
evaluate_serially (CpCase *kase, const char *where, int source, gpointer data)
{
  Evaluating *e = data;
  /* Without --on, a 903 return's child as at the end of its own return
   * (each authority's year, in a stacked extract). */
  const GDate *date = ssda903_child_date != NULL ? ssda903_child_date : e->date;
  g_autoptr(CpEvaluator) ev = careplan_evaluate (kase, e->policy, e->calendar, date, where);

  e->func (kase, ev, where, source, NULL, e->data);
}

guint
careplan_threads_for_jobs (guint jobs)
{
  return jobs > 0 ? jobs : MAX (1, g_get_num_processors ());
}

gboolean
careplan_for_each_evaluated (char                  **paths,
                             char                  **ssda903_dirs,
                             char                  **ssd_dirs,
                             guint                   jobs,
                             CpPolicy               *policy,
                             CpCalendar             *calendar,
                             const GDate            *date,
                             CareplanPrepareFunc     prepare,
                             GDestroyNotify          prepared_free,
                             CareplanEvaluatedFunc   func,
                             gpointer                data,
                             guint                  *invalid)
{
  g_autoptr(CpCaseloadEvaluator) caseload = cp_caseload_evaluator_new (policy, calendar, date);
  Evaluating e = { NULL, FALSE, CAREPLAN_SOURCE_CASE, policy, calendar, date, prepare, func, data, invalid };
  gboolean readable = TRUE;

  cp_caseload_evaluator_set_n_threads (caseload, jobs);
  /* A caller gives @prepare only where it pays (careplan-commands.h). */
  if (prepare != NULL)
    cp_caseload_evaluator_set_prepare_func (caseload, prepare_evaluated, &e, prepared_free, TRUE);
  for (guint i = 0; paths && paths[i]; i++)
    {
      char *one[] = { paths[i], NULL };
      g_autoptr(GFile) file = NULL;
      g_autoptr(GFileInputStream) stream = NULL;
      g_autoptr(GError) error = NULL;

      if (!g_str_has_suffix (paths[i], ".jsonl"))
        {
          readable &= careplan_for_each_case (one, NULL, evaluate_serially, &e, invalid);
          continue;
        }
      file = g_file_new_for_path (paths[i]);
      stream = g_file_read (file, NULL, &error);
      e.path = paths[i];
      if (stream == NULL)
        fprintf (stderr, "careplan: %s: %s\n", paths[i], error->message);
      else if (!cp_caseload_evaluator_foreach_in_stream (caseload, G_INPUT_STREAM (stream),
                                                         evaluated, &e, &error))
        fprintf (stderr, "%s: %s\n", paths[i], error->message);
      readable &= error == NULL;
    }
  /* A return is small, and its children are read one by one. */
  if (ssda903_dirs != NULL)
    readable &= careplan_for_each_case (NULL, ssda903_dirs, evaluate_serially, &e, invalid);
  /* An SSD extract is read child by child, on this thread, and its
   * children evaluated on the threads; with one thread, each child is
   * evaluated as it is read, while the reader still holds the child's own
   * review due dates (which --compare-due-dates reads). */
  if (ssd_dirs != NULL && jobs == 1)
    readable &= careplan_for_each_ssd_case (ssd_dirs, evaluate_serially, &e, invalid);
  else if (ssd_dirs != NULL)
    readable &= evaluate_ssd (caseload, ssd_dirs, &e);
  return readable;
}

GDate *
careplan_date_option (const char *text, const char *option, GError **error)
{
  GDate *date;

  if (text == NULL)
    {
      date = g_date_new ();
      g_date_set_time_t (date, time (NULL));
      return date;
    }
  date = cp_date_parse_iso (text, error);
  if (date == NULL)
    g_prefix_error (error, "%s: ", option);
  return date;
}

gboolean
careplan_evaluation_setup (const char   *command,
                           const char   *policy_arg,
                           const char   *region,
                           const char   *bank_holidays,
                           const char   *on,
                           CpPolicy    **policy,
                           CpCalendar  **calendar,
                           GDate       **date)
{
  g_autoptr(GError) error = NULL;

  *policy = careplan_policy_from_argument (policy_arg ? policy_arg : "england", &error);
  if (*policy != NULL)
    *calendar = careplan_calendar_from_options (region, bank_holidays, &error);
  if (*policy != NULL && *calendar != NULL)
    *date = careplan_date_option (on, "--on", &error);
  if (error == NULL)
    return TRUE;
  fprintf (stderr, "careplan %s: %s\n", command, error->message);
  return FALSE;
}

CpEvaluator *
careplan_evaluate (CpCase      *kase,
                   CpPolicy    *policy,
                   CpCalendar  *calendar,
                   const GDate *date,
                   const char  *where)
{
  g_autoptr(CpEvaluator) ev = cp_evaluator_new (kase, policy, calendar);
  g_autoptr(GError) error = NULL;

  cp_evaluator_set_date (ev, date);
  if (!cp_evaluator_refresh (ev, &error))
    {
      fprintf (stderr, "%s: %s\n", where, error->message);
      return NULL;
    }
  return g_steal_pointer (&ev);
}

/* Progress on stderr, only when it is a terminal. */
struct _CareplanProgress {
  guint total, done;
  gint64 last;
  gboolean shown;
};

CareplanProgress *
careplan_progress_new (guint total)
{
  CareplanProgress *p;

  if (total < CAREPLAN_PROGRESS_MIN_CASES || !isatty (fileno (stderr)))
    return NULL;
  p = g_new0 (CareplanProgress, 1);
  p->total = total;
  return p;
}

void
careplan_progress_step (CareplanProgress *p)
{
  gint64 now;

  if (p == NULL)
    return;
  p->done++;
  now = g_get_monotonic_time ();
  if (p->done < p->total && now - p->last < G_USEC_PER_SEC / 10)
    return;
  p->last = now;
  {
    guint width = 40, filled = (guint) ((guint64) width * MIN (p->done, p->total) / p->total);
    char bar[41];

    memset (bar, '#', filled);
    memset (bar + filled, '.', width - filled);
    bar[width] = '\0';
    fprintf (stderr, "\r[%s] %u/%u cases", bar, MIN (p->done, p->total), p->total);
    p->shown = TRUE;
  }
}

void
careplan_progress_free (CareplanProgress *p)
{
  if (p == NULL)
    return;
  if (p->shown)
    fprintf (stderr, "\r\033[K");
  g_free (p);
}
