/* test-threads.c: one loaded profile and calendar shared by eight threads
 *
 * docs/threads.md says a loaded CpPolicy and a CpCalendar no longer being
 * changed may be shared; a CpCase and a CpEvaluator may not. Here eight
 * threads read and evaluate different cases of the bundled caseload
 * against one policy and one calendar, and every case's obligations (all
 * of their fields, explanations included) must equal the single-threaded
 * result. Each round loads the profile afresh, so anything the library
 * builds lazily on first use is built under contention. .ci/test runs
 * this again under ThreadSanitizer. It is a GTest program, not a
 * Criterion suite, because Criterion's worker arena cannot be mapped
 * under ThreadSanitizer ("Could not initialize inheritable arena").
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include <string.h>
#include <unistd.h>

#include <glib/gstdio.h>

#include "careplan.h"
#include "cp-caseload-evaluator-private.h"

#define N_THREADS 8
#define N_ROUNDS 24

typedef struct {
  char **lines;            /* the caseload, one case a line */
  guint n_lines;
  CpPolicy *policy;        /* shared */
  CpCalendar *calendar;    /* shared */
  const GDate *date;
  char **got;              /* got[i]: case i's obligations, written by its thread */
  int ready;               /* atomic: threads at the start line */
  int go;                  /* atomic: set when all are */
} Round;

typedef struct {
  Round *round;
  guint first;
} Worker;

static void
count_calls (guint *calls)
{
  (*calls)++;
}

/* Every field of every obligation of @line's case, as text. */
static char *
describe_case (const char *line, CpPolicy *policy, CpCalendar *calendar, const GDate *date)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CpCase) kase = cp_case_new_from_json (line, -1, &error);
  g_autoptr(CpEvaluator) ev = NULL;
  GString *out = g_string_new (NULL);
  GListModel *list;

  if (kase == NULL)
    {
      g_string_append_printf (out, "unreadable: %s\n", error->message);
      return g_string_free (out, FALSE);
    }
  ev = cp_evaluator_new (kase, policy, calendar);
  cp_evaluator_set_date (ev, date);
  if (!cp_evaluator_refresh (ev, &error))
    {
      g_string_append_printf (out, "refused: %s\n", error->message);
      return g_string_free (out, FALSE);
    }
  g_string_append_printf (out, "leaving care %d\n", cp_evaluator_get_leaving_care_status (ev));
  list = cp_evaluator_get_obligations (ev);
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(CpObligation) o = g_list_model_get_item (list, i);
      const GDate *due = cp_obligation_get_due (o), *met = cp_obligation_get_met_on (o);
      g_autofree char *due_iso = due ? cp_date_format_iso (due) : g_strdup ("-");
      g_autofree char *met_iso = met ? cp_date_format_iso (met) : g_strdup ("-");

      g_string_append_printf (out, "%s|%s|%s|%d|%d|%s|%s|%d|%d|%s|%s\n",
                              cp_obligation_get_rule_id (o), cp_obligation_get_key (o),
                              cp_obligation_get_subject (o), cp_obligation_get_review (o),
                              cp_obligation_get_status (o), due_iso, met_iso,
                              cp_obligation_get_deemed (o), cp_obligation_get_drift (o),
                              cp_obligation_get_citation (o), cp_obligation_get_explanation (o));
    }
  return g_string_free (out, FALSE);
}

/* A worker takes every N_THREADS-th case from its first. */
static gpointer
work (gpointer data)
{
  Worker *w = data;
  Round *r = w->round;

  /* All threads start together, so that their first use of the fresh
   * profile (anything built lazily) overlaps as much as it can. */
  g_atomic_int_inc (&r->ready);
  while (!g_atomic_int_get (&r->go))
    g_thread_yield ();
  for (guint i = w->first; i < r->n_lines; i += N_THREADS)
    r->got[i] = describe_case (r->lines[i], r->policy, r->calendar, r->date);
  return NULL;
}

static char **
read_caseload (guint *n)
{
  g_autofree char *path = g_build_filename (EXAMPLES_DIR, "data", "authority-caseload.jsonl", NULL);
  g_autofree char *text = NULL;
  g_autoptr(GError) error = NULL;
  g_autoptr(GPtrArray) lines = g_ptr_array_new ();
  char **all;

  g_file_get_contents (path, &text, NULL, &error);
  g_assert_no_error (error);
  all = g_strsplit (text, "\n", -1);
  for (guint i = 0; all[i] != NULL; i++)
    if (all[i][0] != '\0')
      g_ptr_array_add (lines, g_strdup (all[i]));
  g_strfreev (all);
  *n = lines->len;
  g_ptr_array_add (lines, NULL);
  return (char **) g_ptr_array_free (g_steal_pointer (&lines), FALSE);
}

static void
test_shared_policy_and_calendar (void)
{
  g_auto(GStrv) lines = NULL;
  g_auto(GStrv) profiles = cp_policy_list_builtin ();
  g_autoptr(CpCalendar) calendar = cp_calendar_new (CP_REGION_ENGLAND_AND_WALES);
  g_autoptr(GDate) date = g_date_new_dmy (22, G_DATE_NOVEMBER, 2026);
  guint n_lines = 0, n_profiles = g_strv_length (profiles);
  char ***want;

  lines = read_caseload (&n_lines);
  g_assert_cmpuint (n_lines, >, 100);
  g_assert_cmpuint (n_profiles, >, 1);

  /* The single-threaded result under each profile, from a profile
   * object of its own. */
  want = g_new0 (char **, n_profiles);
  for (guint p = 0; p < n_profiles; p++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(CpPolicy) alone = cp_policy_new_builtin (profiles[p], &error);

      g_assert_no_error (error);
      want[p] = g_new0 (char *, n_lines + 1);
      for (guint i = 0; i < n_lines; i++)
        want[p][i] = describe_case (lines[i], alone, calendar, date);
    }

  for (guint round = 0; round < N_ROUNDS; round++)
    {
      guint p = round % n_profiles;
      g_autoptr(GError) error = NULL;
      g_autoptr(CpPolicy) policy = NULL;
      g_autofree char **got = g_new0 (char *, n_lines);
      Round r = { lines, n_lines, NULL, calendar, date, got, 0, 0 };
      Worker workers[N_THREADS];
      GThread *threads[N_THREADS];

      /* Freshly loaded: nothing used yet when the threads start. */
      policy = cp_policy_new_builtin (profiles[p], &error);
      g_assert_no_error (error);
      r.policy = policy;
      for (guint t = 0; t < N_THREADS; t++)
        {
          workers[t] = (Worker) { &r, t };
          threads[t] = g_thread_new ("test-threads", work, &workers[t]);
        }
      while (g_atomic_int_get (&r.ready) < N_THREADS)
        g_thread_yield ();
      g_atomic_int_set (&r.go, 1);
      for (guint t = 0; t < N_THREADS; t++)
        g_thread_join (threads[t]);

      for (guint i = 0; i < n_lines; i++)
        {
          if (g_strcmp0 (got[i], want[p][i]) != 0)
            g_error ("round %u (%s): case %u differs from the single-threaded result:\n%s\ninstead of\n%s",
                     round, profiles[p], i + 1, got[i], want[p][i]);
          g_free (got[i]);
        }
    }
  for (guint p = 0; p < n_profiles; p++)
    g_strfreev (want[p]);
  g_free (want);
}

/* CpCaseloadEvaluator: the same results, in input order, on 1 to 8
 * threads, from a file and from a list. */
typedef struct {
  GString *out;
  guint stop_after;             /* 0: never */
  guint seen;
} Collect;

static gboolean
collect (CpCaseResult *r, gpointer data)
{
  Collect *c = data;
  CpEvaluator *ev = cp_case_result_get_evaluator (r);

  g_string_append_printf (c->out, "#%u line %u readable %d overdue %u due-soon %u\n",
                          cp_case_result_get_index (r), cp_case_result_get_line (r),
                          cp_case_result_is_readable (r),
                          cp_case_result_count (r, CP_OBLIGATION_STATUS_OVERDUE),
                          cp_case_result_count (r, CP_OBLIGATION_STATUS_DUE_SOON));
  if (cp_case_result_get_error (r) != NULL)
    g_string_append_printf (c->out, "error %s\n", cp_case_result_get_error (r)->message);
  if (ev != NULL)
    {
      GListModel *list = cp_evaluator_get_obligations (ev);

      g_assert_true (cp_evaluator_get_case (ev) == cp_case_result_get_case (r));
      for (guint i = 0; i < g_list_model_get_n_items (list); i++)
        {
          g_autoptr(CpObligation) o = g_list_model_get_item (list, i);
          g_string_append_printf (c->out, "%s %s %d %s\n", cp_obligation_get_key (o),
                                  cp_obligation_get_subject (o), cp_obligation_get_status (o),
                                  cp_obligation_get_explanation (o));
        }
    }
  c->seen++;
  return c->stop_after == 0 || c->seen < c->stop_after;
}

static void
test_caseload_evaluator (void)
{
  g_autofree char *src = g_build_filename (EXAMPLES_DIR, "data", "authority-caseload.jsonl", NULL);
  g_autofree char *text = NULL;
  g_autofree char *path = NULL;
  g_autoptr(GString) mixed = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(CpPolicy) policy = cp_policy_new_builtin ("stoke-on-trent", &error);
  g_autoptr(CpCalendar) calendar = cp_calendar_new (CP_REGION_ENGLAND_AND_WALES);
  g_autoptr(GDate) date = g_date_new_dmy (22, G_DATE_NOVEMBER, 2026);
  g_autoptr(GListModel) cases = NULL;
  g_autofree char *want = NULL;
  g_auto(GStrv) lines = NULL;
  int fd;

  g_assert_no_error (error);
  g_file_get_contents (src, &text, NULL, &error);
  g_assert_no_error (error);
  /* A blank line and a bad one among the cases. */
  lines = g_strsplit (text, "\n", -1);
  for (guint i = 0; lines[i] != NULL; i++)
    {
      if (i == 50)
        g_string_append (mixed, "\n{ \"version\": 1, \"child\": 3 }\n");
      g_string_append_printf (mixed, "%s%s", lines[i], lines[i + 1] != NULL ? "\n" : "");
    }
  fd = g_file_open_tmp ("careplan-caseload-XXXXXX.jsonl", &path, &error);
  g_assert_no_error (error);
  close (fd);
  g_file_set_contents (path, mixed->str, (gssize) mixed->len, &error);
  g_assert_no_error (error);
  cases = cp_caseload_load_file (src, &error);
  g_assert_no_error (error);

  for (guint n = 1; n <= 8; n++)
    {
      g_autoptr(CpCaseloadEvaluator) ce = cp_caseload_evaluator_new (policy, calendar, date);
      g_autoptr(GString) out = g_string_new (NULL);
      g_autoptr(GString) from_list = g_string_new (NULL);
      g_autoptr(GString) stopped = g_string_new (NULL);
      g_autoptr(GListModel) results = NULL;
      Collect c = { out, 0, 0 };
      Collect l = { from_list, 0, 0 };
      Collect s = { stopped, 7, 0 };

      cp_caseload_evaluator_set_n_threads (ce, n);
      g_assert_cmpuint (cp_caseload_evaluator_get_n_threads (ce), ==, n);
      g_assert_true (cp_caseload_evaluator_foreach_in_file (ce, path, collect, &c, &error));
      g_assert_no_error (error);
      g_assert_cmpuint (c.seen, ==, g_list_model_get_n_items (cases) + 1);
      if (want == NULL)
        {
          want = g_strdup (out->str);
          g_assert_nonnull (strstr (want, "#50 line 52 readable 0 overdue 0 due-soon 0\nerror line 52: "));
        }
      else
        g_assert_cmpstr (out->str, ==, want);

      /* A list: the same cases, without the bad line. */
      g_assert_true (cp_caseload_evaluator_foreach (ce, cases, collect, &l, &error));
      g_assert_no_error (error);
      g_assert_cmpuint (l.seen, ==, g_list_model_get_n_items (cases));

      /* Stopping early. */
      g_assert_true (cp_caseload_evaluator_foreach_in_file (ce, path, collect, &s, &error));
      g_assert_cmpuint (s.seen, ==, 7);

      /* Summaries only. */
      results = cp_caseload_evaluator_evaluate_file (ce, path, &error);
      g_assert_no_error (error);
      g_assert_cmpuint (g_list_model_get_n_items (results), ==, c.seen);
      for (guint i = 0; i < g_list_model_get_n_items (results); i++)
        {
          g_autoptr(CpCaseResult) r = g_list_model_get_item (results, i);

          g_assert_cmpuint (cp_case_result_get_index (r), ==, i);
          g_assert_null (cp_case_result_get_case (r));
          g_assert_null (cp_case_result_get_evaluator (r));
          g_assert_true (cp_case_result_is_readable (r) == (i != 50));
        }
      g_clear_object (&results);
      cp_caseload_evaluator_set_keep_cases (ce, TRUE);
      results = cp_caseload_evaluator_evaluate (ce, cases, &error);
      g_assert_no_error (error);
      for (guint i = 0; i < g_list_model_get_n_items (results); i++)
        {
          g_autoptr(CpCaseResult) r = g_list_model_get_item (results, i);
          g_autoptr(CpCase) k = g_list_model_get_item (cases, i);

          g_assert_true (cp_case_result_get_case (r) == k);
          g_assert_nonnull (cp_case_result_get_evaluator (r));
        }
      /* A kept evaluator was made quietly (nobody could listen to it
       * then), but from here on it is an evaluator like any other: it
       * is dated as asked, and announces what changes. */
      {
        g_autoptr(CpCaseResult) r = g_list_model_get_item (results, 0);
        CpEvaluator *ev = cp_case_result_get_evaluator (r);
        GListModel *obligations = cp_evaluator_get_obligations (ev);
        guint n_obligations = g_list_model_get_n_items (obligations);
        g_autoptr(GDate) later = g_date_copy (date);
        guint date_notified = 0, items_changed = 0;

        g_assert_cmpint (g_date_compare (cp_evaluator_get_date (ev), date), ==, 0);
        g_assert_cmpuint (n_obligations, >, 0);
        g_signal_connect_swapped (ev, "notify::date", G_CALLBACK (count_calls), &date_notified);
        g_signal_connect_swapped (obligations, "items-changed", G_CALLBACK (count_calls), &items_changed);
        g_date_add_days (later, 1);
        cp_evaluator_set_date (ev, later);
        g_assert_cmpuint (date_notified, ==, 1);
        g_assert_true (cp_evaluator_refresh (ev, &error));
        g_assert_no_error (error);
        g_assert_cmpuint (items_changed, ==, 1);
      }
    }

  {
    g_autoptr(CpCaseloadEvaluator) ce = cp_caseload_evaluator_new (policy, calendar, date);

    g_assert_false (cp_caseload_evaluator_foreach_in_file (ce, "/nonexistent/caseload.jsonl", collect, NULL, &error));
  }
  g_assert_error (error, G_IO_ERROR, G_IO_ERROR_NOT_FOUND);
  g_unlink (path);
}

/* A GDate works out its julian number (or its day, month and year) on
 * first use and writes it into itself: two threads reading one date that
 * has only one form race, and GLib's check in g_date_update_julian() fails
 * ("!d->julian") when both do the work. Every date a loaded profile holds
 * has both forms already, so reading it writes nothing. */
static void
test_policy_dates_are_never_written_by_readers (void)
{
  g_auto(GStrv) names = cp_policy_list_builtin ();
  guint seen = 0;

  for (guint i = 0; names[i] != NULL; i++)
    {
      g_autoptr(CpPolicy) policy = cp_policy_new_builtin (names[i], NULL);
      GListModel *rules = cp_policy_get_rules (policy);

      for (guint r = 0; r < g_list_model_get_n_items (rules); r++)
        {
          g_autoptr(CpRule) rule = g_list_model_get_item (rules, r);
          const GDate *dates[] = { cp_rule_get_in_force_from (rule), cp_rule_get_in_force_until (rule) };

          for (guint k = 0; k < G_N_ELEMENTS (dates); k++)
            if (dates[k] != NULL)
              {
                g_assert_true (dates[k]->julian);
                g_assert_true (dates[k]->dmy);
                seen++;
              }
        }
    }
  /* The 2015 amendments and the 2020 modifications have dates. */
  g_assert_cmpuint (seen, >, 0);

  {
    GDate d;
    g_autoptr(CpPlacement) p = NULL;

    g_date_clear (&d, 1);
    g_date_set_dmy (&d, 1, G_DATE_APRIL, 2020);
    g_assert_false (d.julian);   /* the caller's date has one form */
    p = cp_placement_new (CP_PLACEMENT_TYPE_FOSTER_OWN_AUTHORITY, &d);
    g_assert_true (cp_placement_get_start (p)->julian);
    g_assert_true (cp_placement_get_start (p)->dmy);
  }
}

/* The prepare function: on the thread that evaluated each case, before it
 * is handed on; what it returns reaches the result, and is freed with it. */
typedef struct {
  guint n_threads;
  gboolean drop;                /* the run drops each case once prepared */
  GThread *caller;
  int prepared;                 /* atomic */
  int freed;                    /* atomic */
  int on_caller;                /* atomic: calls on the calling thread */
  int bad_worker;               /* atomic: calls with a worker number out of range */
} Preparing;

static Preparing *preparing;

static gpointer
prepare (CpCaseResult *r, guint worker, gpointer data)
{
  Preparing *p = data;
  CpEvaluated ev;
  guint64 due = 0;
  guint counted = 0;

  /* A run that drops its cases makes no evaluator for one it prepares:
   * the obligations are the same plain data either way. */
  if (p->drop)
    g_assert_null (cp_case_result_get_evaluator (r));
  else
    g_assert_nonnull (cp_case_result_get_evaluator (r));
  g_assert_nonnull (cp_case_result_get_case (r));
  g_assert_true (cp_case_result_peek_evaluated (r, &ev));
  if (worker >= p->n_threads)
    g_atomic_int_inc (&p->bad_worker);
  if (g_thread_self () == p->caller)
    g_atomic_int_inc (&p->on_caller);
  g_atomic_int_inc (&p->prepared);
  for (guint s = 0; s <= CP_OBLIGATION_STATUS_NOT_ENOUGH_HISTORY; s++)
    counted += cp_case_result_count (r, s);
  g_assert_cmpuint (counted, ==, ev.n_obligations);
  for (guint i = 0; i < ev.n_obligations; i++)
    due += ev.obligations[i].due * (i + 1);
  /* The result already knows its place. */
  return g_strdup_printf ("#%u line %u overdue %u obligations %u due %" G_GUINT64_FORMAT " on %u",
                          cp_case_result_get_index (r), cp_case_result_get_line (r),
                          cp_case_result_count (r, CP_OBLIGATION_STATUS_OVERDUE), ev.n_obligations, due,
                          g_date_get_julian (ev.date));
}

static void
free_prepared (gpointer text)
{
  g_atomic_int_inc (&preparing->freed);
  g_free (text);
}

typedef struct {
  GString *out;
  gboolean drop;                /* the results drop their case once prepared */
} Prepared;

static gboolean
check_prepared (CpCaseResult *r, gpointer data)
{
  Prepared *p = data;
  GString *out = p->out;
  const char *prepared = cp_case_result_get_prepared (r);

  if (prepared == NULL)
    /* Only a case that was not evaluated is not prepared. */
    g_assert_null (cp_case_result_get_evaluator (r));
  else
    {
      /* Dropped where it was prepared, or kept for this function. */
      if (p->drop)
        g_assert_true (cp_case_result_get_evaluator (r) == NULL && cp_case_result_get_case (r) == NULL);
      else
        g_assert_true (cp_case_result_get_evaluator (r) != NULL && cp_case_result_get_case (r) != NULL);
      g_autofree char *want = g_strdup_printf ("#%u line %u overdue %u", cp_case_result_get_index (r),
                                               cp_case_result_get_line (r),
                                               cp_case_result_count (r, CP_OBLIGATION_STATUS_OVERDUE));
      g_assert_true (g_str_has_prefix (prepared, want));
      g_string_append_printf (out, "%s\n", prepared);
    }
  return TRUE;
}

static void
test_prepare_on_the_evaluating_thread (void)
{
  g_autofree char *src = g_build_filename (EXAMPLES_DIR, "data", "authority-caseload.jsonl", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(CpPolicy) policy = cp_policy_new_builtin ("england", &error);
  g_autoptr(CpCalendar) calendar = cp_calendar_new (CP_REGION_ENGLAND_AND_WALES);
  g_autoptr(GDate) date = g_date_new_dmy (22, G_DATE_NOVEMBER, 2026);
  g_autofree char *want = NULL;

  g_assert_no_error (error);
  for (guint run = 0; run < 8; run++)
    {
      guint n = run / 2 + 1;
      g_autoptr(CpCaseloadEvaluator) ce = cp_caseload_evaluator_new (policy, calendar, date);
      g_autoptr(GString) out = g_string_new (NULL);
      Prepared got = { out, run % 2 == 1 };
      Preparing p = { n, got.drop, g_thread_self (), 0, 0, 0, 0 };

      preparing = &p;
      cp_caseload_evaluator_set_n_threads (ce, n);
      cp_caseload_evaluator_set_prepare_func (ce, prepare, &p, free_prepared, got.drop);
      g_assert_true (cp_caseload_evaluator_foreach_in_file (ce, src, check_prepared, &got, &error));
      g_assert_no_error (error);
      g_assert_cmpint (p.prepared, >, 20);
      /* Every one freed with its result, by the end of the run. */
      g_assert_cmpint (g_atomic_int_get (&p.freed), ==, p.prepared);
      g_assert_cmpint (p.bad_worker, ==, 0);
      /* One thread works on the calling thread; more, never on it. */
      g_assert_cmpint (p.on_caller, ==, n == 1 ? p.prepared : 0);
      if (want == NULL)
        want = g_strdup (out->str);
      else
        g_assert_cmpstr (out->str, ==, want);
      preparing = NULL;
    }
}

/* A run that drops its cases, whose prepare function passes some over
 * (returns NULL): those are handed on with their case and an evaluator,
 * made from the plain data, that is what an evaluator of the case's own
 * gives, and that notifies and announces like any other afterwards. */
static gpointer
prepare_even (CpCaseResult *r, guint worker, gpointer data)
{
  return cp_case_result_get_index (r) % 2 == 0 ? g_strdup ("even") : NULL;
}

typedef struct {
  CpPolicy *policy;
  CpCalendar *calendar;
  const GDate *date;
  guint passed_over;
  guint compared;
} PassedOver;

static void
count_notify (GObject *object, GParamSpec *pspec, gpointer data)
{
  (*(guint *) data)++;
}

static gboolean
check_passed_over (CpCaseResult *r, gpointer data)
{
  PassedOver *p = data;
  CpEvaluator *ev = cp_case_result_get_evaluator (r);
  g_autoptr(CpEvaluator) own = NULL;
  g_autoptr(GError) error = NULL;
  GListModel *got, *want;
  GDate later;
  guint notified = 0;

  if (cp_case_result_get_prepared (r) != NULL)
    {
      g_assert_cmpstr (cp_case_result_get_prepared (r), ==, "even");
      g_assert_null (ev);
      g_assert_null (cp_case_result_get_case (r));
      return TRUE;
    }
  if (ev == NULL)
    return TRUE;   /* not evaluated: the file's bad lines */
  p->passed_over++;
  g_assert_true (cp_evaluator_get_case (ev) == cp_case_result_get_case (r));
  own = cp_evaluator_new (cp_case_result_get_case (r), p->policy, p->calendar);
  cp_evaluator_set_date (own, p->date);
  g_assert_true (cp_evaluator_refresh (own, &error));
  g_assert_no_error (error);
  g_assert_cmpint (cp_evaluator_get_leaving_care_status (ev), ==, cp_evaluator_get_leaving_care_status (own));
  got = cp_evaluator_get_obligations (ev);
  want = cp_evaluator_get_obligations (own);
  g_assert_cmpuint (g_list_model_get_n_items (got), ==, g_list_model_get_n_items (want));
  for (guint i = 0; i < g_list_model_get_n_items (want); i++)
    {
      g_autoptr(CpObligation) a = g_list_model_get_item (got, i);
      g_autoptr(CpObligation) b = g_list_model_get_item (want, i);

      g_assert_cmpstr (cp_obligation_get_key (a), ==, cp_obligation_get_key (b));
      g_assert_cmpstr (cp_obligation_get_subject (a), ==, cp_obligation_get_subject (b));
      g_assert_cmpint (cp_obligation_get_status (a), ==, cp_obligation_get_status (b));
      g_assert_cmpstr (cp_obligation_get_explanation (a), ==, cp_obligation_get_explanation (b));
      p->compared++;
    }
  /* Afterwards it is an evaluator like any other. */
  g_signal_connect (ev, "notify::date", G_CALLBACK (count_notify), &notified);
  g_date_clear (&later, 1);
  g_date_set_julian (&later, g_date_get_julian (p->date) + 30);
  cp_evaluator_set_date (ev, &later);
  g_assert_cmpuint (notified, ==, 1);
  g_assert_true (cp_evaluator_refresh (ev, &error));
  g_assert_no_error (error);
  return TRUE;
}

static void
test_prepare_passes_over (void)
{
  g_autofree char *src = g_build_filename (EXAMPLES_DIR, "data", "authority-caseload.jsonl", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(CpPolicy) policy = cp_policy_new_builtin ("england", &error);
  g_autoptr(CpCalendar) calendar = cp_calendar_new (CP_REGION_ENGLAND_AND_WALES);
  g_autoptr(GDate) date = g_date_new_dmy (22, G_DATE_NOVEMBER, 2026);

  g_assert_no_error (error);
  for (guint n = 1; n <= 2; n++)
    {
      g_autoptr(CpCaseloadEvaluator) ce = cp_caseload_evaluator_new (policy, calendar, date);
      PassedOver p = { policy, calendar, date, 0, 0 };

      cp_caseload_evaluator_set_n_threads (ce, n);
      cp_caseload_evaluator_set_prepare_func (ce, prepare_even, NULL, g_free, TRUE);
      g_assert_true (cp_caseload_evaluator_foreach_in_file (ce, src, check_passed_over, &p, &error));
      g_assert_no_error (error);
      g_assert_cmpuint (p.passed_over, >, 10);
      g_assert_cmpuint (p.compared, >, 50);
    }
}

int
main (int argc, char **argv)
{
  g_test_init (&argc, &argv, NULL);
  g_test_add_func ("/threads/shared-policy-and-calendar", test_shared_policy_and_calendar);
  g_test_add_func ("/threads/caseload-evaluator", test_caseload_evaluator);
  g_test_add_func ("/threads/prepare-on-the-evaluating-thread", test_prepare_on_the_evaluating_thread);
  g_test_add_func ("/threads/prepare-passes-over", test_prepare_passes_over);
  g_test_add_func ("/threads/policy-dates-are-never-written-by-readers",
                   test_policy_dates_are_never_written_by_readers);
  return g_test_run ();
}
