/* cp-caseload-evaluator.c: a whole caseload evaluated on several threads
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include "careplan.h"
#include "cp-case-private.h"
#include "cp-caseload-evaluator-private.h"
#include "cp-caseload-reader-private.h"
#include "cp-evaluator-private.h"
#include "cp-obligation-list-private.h"

/**
 * CpCaseResult:
 *
 * One case of a caseload evaluated by a [class@CaseloadEvaluator]: where
 * it came from, the case and its evaluator (unless the case could not be
 * read), an error if it could not be read or evaluated, and how many of
 * its obligations have each status.
 */
struct _CpCaseResult
{
  GObject      parent_instance;
  guint        index;
  guint        line;
  CpCase      *kase;
  CpEvaluator *ev;
  GError      *error;
  char        *location;
  gboolean     readable;
  guint        counts[CP_OBLIGATION_STATUS_NOT_ENOUGH_HISTORY + 1];
  gpointer     prepared;         /* the prepare function's (cp-caseload-evaluator-private.h) */
  GDestroyNotify prepared_free;
  /* What the evaluation found, while the prepare function of a run that
   * drops its cases reads it without an evaluator: */
  GArray       *found;          /* CpObligationData */
  GStringChunk *strings;        /* their text */
  GDate         date;
};

G_DEFINE_FINAL_TYPE (CpCaseResult, cp_case_result, G_TYPE_OBJECT)

static void
cp_case_result_dispose (GObject *object)
{
  CpCaseResult *self = CP_CASE_RESULT (object);

  g_clear_object (&self->ev);
  g_clear_object (&self->kase);

  G_OBJECT_CLASS (cp_case_result_parent_class)->dispose (object);
}

static void
cp_case_result_finalize (GObject *object)
{
  CpCaseResult *self = CP_CASE_RESULT (object);

  g_clear_error (&self->error);
  g_free (self->location);
  g_clear_pointer (&self->found, g_array_unref);
  g_clear_pointer (&self->strings, g_string_chunk_free);
  if (self->prepared != NULL && self->prepared_free != NULL)
    self->prepared_free (self->prepared);

  G_OBJECT_CLASS (cp_case_result_parent_class)->finalize (object);
}

static void
cp_case_result_class_init (CpCaseResultClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = cp_case_result_dispose;
  object_class->finalize = cp_case_result_finalize;
}

static void
cp_case_result_init (CpCaseResult *self)
{
}

/**
 * cp_case_result_get_index:
 * @self: a #CpCaseResult
 *
 * The position of the case in its caseload, from 0: among the lines
 * holding a case in a file (blank lines are not counted), or in the list.
 *
 * Returns: the position
 */
guint
cp_case_result_get_index (CpCaseResult *self)
{
  g_return_val_if_fail (CP_IS_CASE_RESULT (self), 0);
  return self->index;
}

/**
 * cp_case_result_get_line:
 * @self: a #CpCaseResult
 *
 * The line of the JSON Lines file the case was read from, from 1; 0 for a
 * case of a list or of a #CpSsdReader.
 *
 * Returns: the line number, or 0
 */
guint
cp_case_result_get_line (CpCaseResult *self)
{
  g_return_val_if_fail (CP_IS_CASE_RESULT (self), 0);
  return self->line;
}

/**
 * cp_case_result_get_location:
 * @self: a #CpCaseResult
 *
 * Where a case read by a #CpSsdReader came from, as
 * [method@SsdReader.get_location] gave it when the case was read (the
 * child's row of `ssd_person`, never the child's id); %NULL for a case of
 * a JSON Lines file (see [method@CaseResult.get_line]) or of a list, and
 * for a child whose rows could not be read (the error names the row).
 *
 * Returns: (transfer none) (nullable): the location, or %NULL
 */
const char *
cp_case_result_get_location (CpCaseResult *self)
{
  g_return_val_if_fail (CP_IS_CASE_RESULT (self), NULL);
  return self->location;
}

/**
 * cp_case_result_get_case:
 * @self: a #CpCaseResult
 *
 * The case; %NULL if its line could not be read, or if the evaluation
 * did not keep it (see [property@CaseloadEvaluator:keep-cases]).
 *
 * Returns: (transfer none) (nullable): the case
 */
CpCase *
cp_case_result_get_case (CpCaseResult *self)
{
  g_return_val_if_fail (CP_IS_CASE_RESULT (self), NULL);
  return self->kase;
}

/**
 * cp_case_result_get_evaluator:
 * @self: a #CpCaseResult
 *
 * The case's evaluator, refreshed at the caseload evaluator's date, with
 * the case's obligations ([method@Evaluator.get_obligations]); %NULL if
 * the case could not be read or evaluated, or if the evaluation did not
 * keep it (see [property@CaseloadEvaluator:keep-cases]). Like any
 * evaluator, use it on one thread at a time.
 *
 * Returns: (transfer none) (nullable): the evaluator
 */
CpEvaluator *
cp_case_result_get_evaluator (CpCaseResult *self)
{
  g_return_val_if_fail (CP_IS_CASE_RESULT (self), NULL);
  return self->ev;
}

/**
 * cp_case_result_get_error:
 * @self: a #CpCaseResult
 *
 * Why the case could not be read (then [method@CaseResult.is_readable]
 * is %FALSE and, for a line of a file, the message starts "line N: ") or
 * evaluated.
 *
 * Returns: (transfer none) (nullable): the error, or %NULL
 */
const GError *
cp_case_result_get_error (CpCaseResult *self)
{
  g_return_val_if_fail (CP_IS_CASE_RESULT (self), NULL);
  return self->error;
}

/**
 * cp_case_result_is_readable:
 * @self: a #CpCaseResult
 *
 * Whether the case could be read. When it could not,
 * [method@CaseResult.get_error] says why.
 *
 * Returns: %TRUE if the case was read
 */
gboolean
cp_case_result_is_readable (CpCaseResult *self)
{
  g_return_val_if_fail (CP_IS_CASE_RESULT (self), FALSE);
  return self->readable;
}

/**
 * cp_case_result_count:
 * @self: a #CpCaseResult
 * @status: an obligation status
 *
 * How many of the case's obligations have @status; 0 for a case that
 * could not be read or evaluated.
 *
 * Returns: the count
 */
guint
cp_case_result_count (CpCaseResult       *self,
                      CpObligationStatus  status)
{
  g_return_val_if_fail (CP_IS_CASE_RESULT (self), 0);
  g_return_val_if_fail ((guint) status < G_N_ELEMENTS (self->counts), 0);
  return self->counts[status];
}

/* cp-caseload-evaluator-private.h */
gboolean
cp_case_result_peek_evaluated (CpCaseResult *self,
                               CpEvaluated  *out)
{
  g_return_val_if_fail (CP_IS_CASE_RESULT (self), FALSE);

  if (self->ev != NULL)
    {
      cp_evaluator_peek_evaluated (self->ev, out);
      return TRUE;
    }
  if (self->found == NULL)
    return FALSE;
  out->obligations = (const CpObligationData *) (gpointer) self->found->data;
  out->n_obligations = self->found->len;
  out->date = &self->date;
  return TRUE;
}

/* What the run's prepare function made of the result, or NULL
 * (cp-caseload-evaluator-private.h). */
gpointer
cp_case_result_get_prepared (CpCaseResult *self)
{
  g_return_val_if_fail (CP_IS_CASE_RESULT (self), NULL);
  return self->prepared;
}

/**
 * CpCaseloadEvaluator:
 *
 * Evaluates a whole caseload (a JSON Lines file or stream, or a list of
 * cases) against one profile and calendar as at one date, reading and
 * evaluating the cases on several threads, and gives back each case's
 * [class@CaseResult] in input order on the calling thread: to a function
 * called once per case ([method@CaseloadEvaluator.foreach_in_file]) or as
 * a list ([method@CaseloadEvaluator.evaluate_file]). The results are the
 * same whatever the number of threads.
 *
 * From Python, a caseload of any size is one call, with no loop over
 * obligations in Python:
 *
 * ```python
 * ce = Careplan.CaseloadEvaluator.new(policy, calendar, date)
 * for r in ce.evaluate_file("caseload.jsonl"):
 *     print(r.get_line(), r.count(Careplan.ObligationStatus.OVERDUE))
 * ```
 *
 * The policy and the calendar are shared by the threads: do not change
 * the calendar while an evaluation runs (see the threads guide,
 * `threads.md`). A list's cases are evaluated on the worker threads, so
 * nothing else may use them until the call returns.
 */
struct _CpCaseloadEvaluator
{
  GObject     parent_instance;
  CpPolicy   *policy;
  CpCalendar *calendar;
  GDate      *date;
  guint       n_threads;
  gboolean    keep_cases;
  CpCaseloadPrepareFunc prepare;
  gpointer    prepare_data;
  GDestroyNotify prepared_free;
  gboolean    prepare_drops_case;
};

G_DEFINE_FINAL_TYPE (CpCaseloadEvaluator, cp_caseload_evaluator, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_POLICY,
  PROP_CALENDAR,
  PROP_DATE,
  PROP_N_THREADS,
  PROP_KEEP_CASES,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
cp_caseload_evaluator_dispose (GObject *object)
{
  CpCaseloadEvaluator *self = CP_CASELOAD_EVALUATOR (object);

  g_clear_object (&self->policy);
  g_clear_object (&self->calendar);

  G_OBJECT_CLASS (cp_caseload_evaluator_parent_class)->dispose (object);
}

static void
cp_caseload_evaluator_finalize (GObject *object)
{
  CpCaseloadEvaluator *self = CP_CASELOAD_EVALUATOR (object);

  g_clear_pointer (&self->date, g_date_free);

  G_OBJECT_CLASS (cp_caseload_evaluator_parent_class)->finalize (object);
}

static void
cp_caseload_evaluator_get_property (GObject    *object,
                                    guint       prop_id,
                                    GValue     *value,
                                    GParamSpec *pspec)
{
  CpCaseloadEvaluator *self = CP_CASELOAD_EVALUATOR (object);

  switch (prop_id)
    {
    case PROP_POLICY:
      g_value_set_object (value, self->policy);
      break;
    case PROP_CALENDAR:
      g_value_set_object (value, self->calendar);
      break;
    case PROP_DATE:
      g_value_set_boxed (value, self->date);
      break;
    case PROP_N_THREADS:
      g_value_set_uint (value, self->n_threads);
      break;
    case PROP_KEEP_CASES:
      g_value_set_boolean (value, self->keep_cases);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cp_caseload_evaluator_set_property (GObject      *object,
                                    guint         prop_id,
                                    const GValue *value,
                                    GParamSpec   *pspec)
{
  CpCaseloadEvaluator *self = CP_CASELOAD_EVALUATOR (object);

  switch (prop_id)
    {
    case PROP_POLICY:
      self->policy = g_value_dup_object (value);
      break;
    case PROP_CALENDAR:
      self->calendar = g_value_dup_object (value);
      break;
    case PROP_DATE:
      self->date = g_value_dup_boxed (value);
      break;
    case PROP_N_THREADS:
      cp_caseload_evaluator_set_n_threads (self, g_value_get_uint (value));
      break;
    case PROP_KEEP_CASES:
      cp_caseload_evaluator_set_keep_cases (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cp_caseload_evaluator_class_init (CpCaseloadEvaluatorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags construct = G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS;
  const GParamFlags rw = G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS;

  object_class->dispose = cp_caseload_evaluator_dispose;
  object_class->finalize = cp_caseload_evaluator_finalize;
  object_class->get_property = cp_caseload_evaluator_get_property;
  object_class->set_property = cp_caseload_evaluator_set_property;

  /**
   * CpCaseloadEvaluator:policy:
   *
   * The profile every case is evaluated under, shared by the threads.
   */
  properties[PROP_POLICY] =
    g_param_spec_object ("policy", NULL, NULL, CP_TYPE_POLICY, construct);

  /**
   * CpCaseloadEvaluator:calendar:
   *
   * The working-day calendar, shared by the threads: nothing may change
   * it while an evaluation runs.
   */
  properties[PROP_CALENDAR] =
    g_param_spec_object ("calendar", NULL, NULL, CP_TYPE_CALENDAR, construct);

  /**
   * CpCaseloadEvaluator:date:
   *
   * The date every case is evaluated as at.
   */
  properties[PROP_DATE] =
    g_param_spec_boxed ("date", NULL, NULL, G_TYPE_DATE, construct);

  /**
   * CpCaseloadEvaluator:n-threads:
   *
   * How many threads read and evaluate cases; 0 (the default) for one per
   * processor ([func@GLib.get_num_processors]). With 1, everything happens
   * on the calling thread.
   */
  properties[PROP_N_THREADS] =
    g_param_spec_uint ("n-threads", NULL, NULL, 0, 1024, 0, rw);

  /**
   * CpCaseloadEvaluator:keep-cases:
   *
   * Whether the results of [method@CaseloadEvaluator.evaluate_file] and
   * [method@CaseloadEvaluator.evaluate] keep each case and its evaluator
   * (%FALSE by default: they keep the counts and errors only, so that a
   * large caseload takes little memory). The results given to a
   * [callback@CaseloadFunc] always hold them.
   */
  properties[PROP_KEEP_CASES] =
    g_param_spec_boolean ("keep-cases", NULL, NULL, FALSE, rw);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
cp_caseload_evaluator_init (CpCaseloadEvaluator *self)
{
}

/**
 * cp_caseload_evaluator_new:
 * @policy: the profile to evaluate under
 * @calendar: the working-day calendar
 * @date: the date to evaluate as at
 *
 * Creates an evaluator of whole caseloads.
 *
 * Returns: (transfer full): a new #CpCaseloadEvaluator
 */
CpCaseloadEvaluator *
cp_caseload_evaluator_new (CpPolicy    *policy,
                           CpCalendar  *calendar,
                           const GDate *date)
{
  g_return_val_if_fail (CP_IS_POLICY (policy), NULL);
  g_return_val_if_fail (CP_IS_CALENDAR (calendar), NULL);
  g_return_val_if_fail (date != NULL && g_date_valid (date), NULL);

  return g_object_new (CP_TYPE_CASELOAD_EVALUATOR,
                       "policy", policy, "calendar", calendar, "date", date, NULL);
}

/**
 * cp_caseload_evaluator_get_n_threads:
 * @self: a #CpCaseloadEvaluator
 *
 * Gets [property@CaseloadEvaluator:n-threads].
 *
 * Returns: the number of threads asked for, 0 for one per processor
 */
guint
cp_caseload_evaluator_get_n_threads (CpCaseloadEvaluator *self)
{
  g_return_val_if_fail (CP_IS_CASELOAD_EVALUATOR (self), 0);
  return self->n_threads;
}

/**
 * cp_caseload_evaluator_set_n_threads:
 * @self: a #CpCaseloadEvaluator
 * @n_threads: how many threads, 0 for one per processor
 *
 * Sets [property@CaseloadEvaluator:n-threads].
 */
void
cp_caseload_evaluator_set_n_threads (CpCaseloadEvaluator *self,
                                     guint                n_threads)
{
  g_return_if_fail (CP_IS_CASELOAD_EVALUATOR (self));
  if (self->n_threads == n_threads)
    return;
  self->n_threads = n_threads;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_N_THREADS]);
}

/**
 * cp_caseload_evaluator_get_keep_cases:
 * @self: a #CpCaseloadEvaluator
 *
 * Gets [property@CaseloadEvaluator:keep-cases].
 *
 * Returns: whether listed results keep their case and evaluator
 */
gboolean
cp_caseload_evaluator_get_keep_cases (CpCaseloadEvaluator *self)
{
  g_return_val_if_fail (CP_IS_CASELOAD_EVALUATOR (self), FALSE);
  return self->keep_cases;
}

/**
 * cp_caseload_evaluator_set_keep_cases:
 * @self: a #CpCaseloadEvaluator
 * @keep_cases: whether listed results keep their case and evaluator
 *
 * Sets [property@CaseloadEvaluator:keep-cases].
 */
void
cp_caseload_evaluator_set_keep_cases (CpCaseloadEvaluator *self,
                                      gboolean             keep_cases)
{
  g_return_if_fail (CP_IS_CASELOAD_EVALUATOR (self));
  keep_cases = !!keep_cases;
  if (self->keep_cases == keep_cases)
    return;
  self->keep_cases = keep_cases;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_KEEP_CASES]);
}

/* See cp-caseload-evaluator-private.h; @func NULL: none. Not while a run
 * is under way. */
void
cp_caseload_evaluator_set_prepare_func (CpCaseloadEvaluator   *self,
                                        CpCaseloadPrepareFunc  func,
                                        gpointer               user_data,
                                        GDestroyNotify         prepared_free,
                                        gboolean               drop_case)
{
  g_return_if_fail (CP_IS_CASELOAD_EVALUATOR (self));
  self->prepare = func;
  self->prepare_data = user_data;
  self->prepared_free = prepared_free;
  self->prepare_drops_case = !!drop_case;
}

/* The run --------------------------------------------------------------------
 *
 * The calling thread reads lines (or takes cases from the list) into
 * chunks, in a ring of RING_PER_THREAD chunks a thread; worker thread
 * w of n takes chunks w, w + n, ... (so a slot of the ring is always
 * worked by the same thread), reads and evaluates their cases; the calling
 * thread hands the results of the oldest chunk to the caller once it is
 * done, then refills its slot. Hand-overs go through atomics (which
 * ThreadSanitizer sees); the mutex and condition only let a thread sleep.
 *
 * On one thread there is nobody to hand over to, and a chunk holds a
 * single case: each case is read, evaluated, handed to the caller and
 * dropped before the next, while its data are still in the core's cache.
 * Thirty-two cases' worth, read back after the last was evaluated, had
 * left it, and a check took 5% longer for it (docs/performance.md). */

#define CHUNK_CASES 32
#define RING_PER_THREAD 4

enum { SLOT_FREE, SLOT_DONE };

typedef struct {
  int           state;          /* SLOT_*, atomic */
  guint         n;
  guint         first_index;    /* the position of the first case */
  guint         line[CHUNK_CASES];
  GString      *text;           /* the lines, each ending in NUL */
  gsize         offset[CHUNK_CASES];
  gsize         len[CHUNK_CASES];
  CpCase       *cases[CHUNK_CASES];   /* a list's cases, borrowed; an SSD reader's, owned */
  gboolean      own_cases;
  GError       *read_error[CHUNK_CASES];   /* an SSD child that could not be read */
  char         *location[CHUNK_CASES];     /* an SSD child's row */
  CpCaseResult *results[CHUNK_CASES];
  CpCaseResult *delivered[CHUNK_CASES];   /* to be dropped by the slot's thread */
  guint         n_delivered;
} Chunk;

typedef struct {
  CpCaseloadEvaluator *self;
  gboolean  keep;               /* results keep their case and evaluator */
  guint     chunk_cases;        /* cases a chunk holds: CHUNK_CASES, or 1 on one thread */
  Chunk    *ring;
  guint     ring_size;
  int       n_filled;           /* atomic: chunks filled so far */
  int       finished;           /* atomic: no chunk will follow */
  GMutex    lock;
  GCond     cond;
} Run;

static void
wake_all (Run *run)
{
  g_mutex_lock (&run->lock);
  g_cond_broadcast (&run->cond);
  g_mutex_unlock (&run->lock);
}

/* The results this slot delivered last time round, dropped by the
 * thread that made them: a slot is always worked by the same thread,
 * and memory freed by the thread that allocated it stays out of the
 * allocator's cross-thread path (glibc's arenas), which made two
 * threads slower than one. */
static void
release_delivered (Chunk *c)
{
  for (guint i = 0; i < c->n_delivered; i++)
    g_clear_object (&c->delivered[i]);
  c->n_delivered = 0;
}

/* Case @at of @c, read (unless it was a case already) and evaluated by
 * thread @worker, into @r, which already knows its place.
 *
 * The case is evaluated into plain data, and an evaluator is made only
 * for a result that is handed on with one: a run whose prepare function
 * drops the case needs none for the cases it prepares, and each is two
 * objects fewer (with the references they take on the shared policy and
 * calendar), whose making and destroying take GObject's global locks,
 * which the threads contend for (see docs/performance.md). */
static void
evaluate_one (Run          *run,
              guint         worker,
              Chunk        *c,
              guint         at,
              CpCaseResult *r,
              GString      *scratch,
              GString      *name)
{
  CpCaseloadEvaluator *self = run->self;
  gboolean plain = self->prepare != NULL && self->prepare_drops_case;
  GStringChunk *strings = NULL;
  CpLeavingCareStatus status;
  GArray *found;

  if (c->cases[at] != NULL)
    r->kase = g_object_ref (c->cases[at]);
  else
    r->kase = cp_case_new_from_json_text (c->text->str + c->offset[at], (gssize) c->len[at], scratch, name,
                                          &r->error);
  if (r->kase == NULL)
    return;
  r->readable = TRUE;

  found = cp_evaluator_evaluate_plain (r->kase, self->policy, self->calendar, self->date, &strings, &status,
                                       &r->error);
  if (found == NULL)
    {
      if (!run->keep)
        g_clear_object (&r->kase);
      return;
    }
  for (guint i = 0; i < found->len; i++)
    {
      guint s = g_array_index (found, CpObligationData, i).status;

      if (s < G_N_ELEMENTS (r->counts))
        r->counts[s]++;
    }

  if (plain)
    {
      r->found = found;
      r->strings = strings;
      r->date = *self->date;
      r->prepared = self->prepare (r, worker, self->prepare_data);
      r->prepared_free = self->prepared_free;
      found = g_steal_pointer (&r->found);
      strings = g_steal_pointer (&r->strings);
    }
  /* Freed here, on the worker, rather than on the calling thread: what
   * was prepared needs nothing more, and a run that keeps nothing has
   * nobody to show an evaluator to. */
  if ((plain && r->prepared != NULL) || (!run->keep && (self->prepare == NULL || plain)))
    {
      g_array_unref (found);
      g_string_chunk_free (strings);
      g_clear_object (&r->kase);
      return;
    }

  /* Nobody has seen this evaluator yet, so nobody listens to it. */
  r->ev = cp_evaluator_new_unheard (r->kase, self->policy, self->calendar, self->date);
  cp_evaluator_adopt_unheard (r->ev, found, strings, status);
  if (self->prepare != NULL && !plain)
    {
      r->prepared = self->prepare (r, worker, self->prepare_data);
      r->prepared_free = self->prepared_free;
    }
  if (!run->keep)
    {
      g_clear_object (&r->ev);
      g_clear_object (&r->kase);
    }
}

static void
process_chunk (Run *run, guint worker, Chunk *c, GString *scratch, GString *name)
{
  release_delivered (c);
  for (guint i = 0; i < c->n; i++)
    {
      CpCaseResult *r = g_object_new (CP_TYPE_CASE_RESULT, NULL);

      r->index = c->first_index + i;
      r->line = c->line[i];
      r->location = g_steal_pointer (&c->location[i]);
      if (c->read_error[i] != NULL)
        {
          /* An SSD child whose rows are wrong: the error names them. */
          r->error = g_steal_pointer (&c->read_error[i]);
        }
      else
        {
          evaluate_one (run, worker, c, i, r, scratch, name);
          /* The reader's own message for a bad line. */
          if (!r->readable)
            g_prefix_error (&r->error, "line %u: ", c->line[i]);
        }
      c->results[i] = r;
    }
}

typedef struct {
  Run  *run;
  guint first;                  /* this worker takes chunks first, first + n, ... */
  guint step;
} Worker;

static gpointer
worker (gpointer data)
{
  Worker *w = data;
  Run *run = w->run;
  g_autoptr(GString) scratch = g_string_new (NULL);
  g_autoptr(GString) name = g_string_new (NULL);

  for (guint seq = w->first;; seq += w->step)
    {
      Chunk *c = &run->ring[seq % run->ring_size];

      g_mutex_lock (&run->lock);
      while ((guint) g_atomic_int_get (&run->n_filled) <= seq && !g_atomic_int_get (&run->finished))
        g_cond_wait (&run->cond, &run->lock);
      g_mutex_unlock (&run->lock);
      /* "finished" is set after the last chunk was counted. */
      if ((guint) g_atomic_int_get (&run->n_filled) <= seq)
        return NULL;

      process_chunk (run, w->first, c, scratch, name);
      g_atomic_int_set (&c->state, SLOT_DONE);
      wake_all (run);
    }
}

/* Hands @c's results to @func (unless it already asked to stop), then
 * frees them. */
static void
deliver (Run *run, Chunk *c, CpCaseloadFunc func, gpointer user_data, gboolean *go_on)
{
  for (guint i = 0; i < c->n; i++)
    {
      if (*go_on && func != NULL)
        *go_on = func (c->results[i], user_data);
      c->delivered[i] = g_steal_pointer (&c->results[i]);
      if (c->own_cases)
        g_clear_object (&c->cases[i]);
      c->cases[i] = NULL;
    }
  c->n_delivered = c->n;
  c->n = 0;
  g_string_truncate (c->text, 0);
  g_atomic_int_set (&c->state, SLOT_FREE);
}

static void
wait_done (Run *run, Chunk *c)
{
  g_mutex_lock (&run->lock);
  while (g_atomic_int_get (&c->state) != SLOT_DONE)
    g_cond_wait (&run->cond, &run->lock);
  g_mutex_unlock (&run->lock);
}

typedef struct {
  CpCaseloadReader *reader;
  CpSsdReader *ssd;
  GListModel *cases;
  guint next;                   /* the list's next position */
  guint index;                  /* the next case's position */
} Source;

/* Fills @c with up to @chunk_cases cases from @src; FALSE with @error set
 * if the stream failed. */
static gboolean
fill_chunk (Chunk *c, guint chunk_cases, Source *src, GError **error)
{
  c->own_cases = src->ssd != NULL;
  while (c->n < chunk_cases)
    {
      if (src->ssd != NULL)
        {
          GError *local_error = NULL;
          CpCase *kase = cp_ssd_reader_next (src->ssd, &local_error);

          if (kase == NULL && local_error == NULL)
            return TRUE;
          /* The database failed: nothing more can be read. */
          if (local_error != NULL && local_error->domain == G_IO_ERROR)
            {
              g_propagate_error (error, local_error);
              return FALSE;
            }
          c->cases[c->n] = kase;
          c->read_error[c->n] = local_error;
          c->location[c->n] = kase ? g_strdup (cp_ssd_reader_get_location (src->ssd)) : NULL;
          c->offset[c->n] = 0;
          c->len[c->n] = 0;
          c->line[c->n] = 0;
        }
      else if (src->reader != NULL)
        {
          const char *text;
          gsize len;

          if (!cp_caseload_reader_next_text (src->reader, FALSE, &text, &len, error))
            return error == NULL || *error == NULL;
          c->offset[c->n] = c->text->len;
          c->len[c->n] = len;
          g_string_append_len (c->text, text, (gssize) len);
          g_string_append_c (c->text, '\0');
          c->cases[c->n] = NULL;
          c->line[c->n] = cp_caseload_reader_get_line (src->reader);
        }
      else
        {
          g_autoptr(CpCase) kase = NULL;

          if (src->next >= g_list_model_get_n_items (src->cases))
            return TRUE;
          kase = g_list_model_get_item (src->cases, src->next++);
          /* Borrowed: the list keeps it alive until the call returns. */
          c->cases[c->n] = kase;
          c->offset[c->n] = 0;
          c->len[c->n] = 0;
          c->line[c->n] = 0;
        }
      c->n++;
    }
  return TRUE;
}

static guint
threads_to_use (CpCaseloadEvaluator *self)
{
  return self->n_threads > 0 ? self->n_threads : MAX (1, g_get_num_processors ());
}

/* Runs the evaluation of @src; results reach @func in input order. */
static gboolean
run_source (CpCaseloadEvaluator  *self,
            Source               *src,
            gboolean              keep,
            CpCaseloadFunc        func,
            gpointer              user_data,
            GError              **error)
{
  guint n_threads = threads_to_use (self);
  g_autoptr(GPtrArray) threads = g_ptr_array_new ();
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GString) scratch = g_string_new (NULL);
  g_autoptr(GString) name = g_string_new (NULL);
  g_autofree Worker *workers = NULL;
  gboolean go_on = TRUE, more = TRUE;
  guint filled = 0, delivered = 0;
  Run run = { 0 };

  run.self = self;
  run.keep = keep;
  run.ring_size = n_threads > 1 ? n_threads * RING_PER_THREAD : 1;
  run.chunk_cases = n_threads > 1 ? CHUNK_CASES : 1;
  run.ring = g_new0 (Chunk, run.ring_size);
  for (guint i = 0; i < run.ring_size; i++)
    run.ring[i].text = g_string_new (NULL);
  g_mutex_init (&run.lock);
  g_cond_init (&run.cond);

  workers = g_new0 (Worker, n_threads);
  if (n_threads > 1)
    for (guint t = 0; t < n_threads; t++)
      {
        workers[t] = (Worker) { &run, t, n_threads };
        g_ptr_array_add (threads, g_thread_new ("careplan-caseload", worker, &workers[t]));
      }

  while (more && go_on)
    {
      Chunk *c = &run.ring[filled % run.ring_size];

      /* The ring is full: the oldest chunk goes out first. */
      if (filled - delivered == run.ring_size)
        {
          wait_done (&run, c);
          deliver (&run, c, func, user_data, &go_on);
          delivered++;
          if (!go_on)
            break;
        }

      c->first_index = src->index;
      if (!fill_chunk (c, run.chunk_cases, src, &local_error) || c->n < run.chunk_cases)
        more = FALSE;
      if (c->n == 0)
        break;
      src->index += c->n;
      filled++;
      if (n_threads > 1)
        {
          g_atomic_int_set (&run.n_filled, (int) filled);
          wake_all (&run);
        }
      else
        {
          process_chunk (&run, 0, c, scratch, name);
          g_atomic_int_set (&c->state, SLOT_DONE);
        }
    }

  g_atomic_int_set (&run.finished, 1);
  wake_all (&run);
  while (delivered < filled)
    {
      Chunk *c = &run.ring[delivered % run.ring_size];

      wait_done (&run, c);
      deliver (&run, c, func, user_data, &go_on);
      delivered++;
    }
  for (guint t = 0; t < threads->len; t++)
    g_thread_join (threads->pdata[t]);

  for (guint i = 0; i < run.ring_size; i++)
    {
      release_delivered (&run.ring[i]);
      g_string_free (run.ring[i].text, TRUE);
    }
  g_free (run.ring);
  g_mutex_clear (&run.lock);
  g_cond_clear (&run.cond);

  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return FALSE;
    }
  return TRUE;
}

/**
 * cp_caseload_evaluator_foreach_in_stream:
 * @self: a #CpCaseloadEvaluator
 * @stream: a JSON Lines caseload
 * @func: (scope call): called with each case's result, in input order
 * @user_data: data for @func
 * @error: return location for a #GError
 *
 * Reads and evaluates every case of @stream on
 * [property@CaseloadEvaluator:n-threads] threads and calls @func with
 * each case's result, in the order of the stream, on the calling thread.
 * A line that is not a case does not stop the run: its result says why
 * ([method@CaseResult.is_readable]). @func may keep a reference to the
 * result; returning %FALSE stops the run.
 *
 * Returns: %FALSE with @error set if the stream could not be read
 */
gboolean
cp_caseload_evaluator_foreach_in_stream (CpCaseloadEvaluator  *self,
                                         GInputStream         *stream,
                                         CpCaseloadFunc        func,
                                         gpointer              user_data,
                                         GError              **error)
{
  g_autoptr(CpCaseloadReader) reader = NULL;
  Source src = { 0 };

  g_return_val_if_fail (CP_IS_CASELOAD_EVALUATOR (self), FALSE);
  g_return_val_if_fail (G_IS_INPUT_STREAM (stream), FALSE);
  g_return_val_if_fail (func != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  reader = cp_caseload_reader_new (stream);
  src.reader = reader;
  return run_source (self, &src, TRUE, func, user_data, error);
}

/**
 * cp_caseload_evaluator_foreach_in_file:
 * @self: a #CpCaseloadEvaluator
 * @path: (type filename): a JSON Lines caseload
 * @func: (scope call): called with each case's result, in input order
 * @user_data: data for @func
 * @error: return location for a #GError
 *
 * [method@CaseloadEvaluator.foreach_in_stream] on the file at @path.
 *
 * Returns: %FALSE with @error set if the file could not be read
 */
gboolean
cp_caseload_evaluator_foreach_in_file (CpCaseloadEvaluator  *self,
                                       const char           *path,
                                       CpCaseloadFunc        func,
                                       gpointer              user_data,
                                       GError              **error)
{
  g_autoptr(CpCaseloadReader) reader = NULL;
  Source src = { 0 };

  g_return_val_if_fail (CP_IS_CASELOAD_EVALUATOR (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (func != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  reader = cp_caseload_reader_new_for_path (path, error);
  if (reader == NULL)
    return FALSE;
  src.reader = reader;
  return run_source (self, &src, TRUE, func, user_data, error);
}

/**
 * cp_caseload_evaluator_foreach_in_ssd:
 * @self: a #CpCaseloadEvaluator
 * @reader: a #CpSsdReader, not yet read from
 * @func: (scope call): called with each child's result, in the reader's order
 * @user_data: data for @func
 * @error: return location for a #GError
 *
 * Reads every looked-after child of @reader (a Standard Safeguarding
 * Dataset extract, from CSV files or a database) on the calling thread,
 * evaluates them on [property@CaseloadEvaluator:n-threads] threads, and
 * calls @func with each child's result in the reader's order, on the
 * calling thread. A child whose rows are wrong does not stop the run: its
 * result is not readable ([method@CaseResult.is_readable]) and its error
 * names the table, row and column, as [method@SsdReader.next] gives it.
 * Each readable result has the child's location
 * ([method@CaseResult.get_location]). @reader must not be used by anything
 * else until this returns; afterwards it is at its end.
 *
 * The SSD's own review due dates ([method@SsdReader.get_review_due_date])
 * are those of the child the reader read last, which is not the child of
 * the result at hand: a program comparing them reads the children one by
 * one with [method@SsdReader.next] instead.
 *
 * Returns: %FALSE with @error set (in the %G_IO_ERROR domain) if the
 *   database failed on the way; the results before it were delivered
 */
gboolean
cp_caseload_evaluator_foreach_in_ssd (CpCaseloadEvaluator  *self,
                                      CpSsdReader          *reader,
                                      CpCaseloadFunc        func,
                                      gpointer              user_data,
                                      GError              **error)
{
  Source src = { 0 };

  g_return_val_if_fail (CP_IS_CASELOAD_EVALUATOR (self), FALSE);
  g_return_val_if_fail (CP_IS_SSD_READER (reader), FALSE);
  g_return_val_if_fail (func != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  src.ssd = reader;
  return run_source (self, &src, TRUE, func, user_data, error);
}

/**
 * cp_caseload_evaluator_foreach:
 * @self: a #CpCaseloadEvaluator
 * @cases: a #GListModel of #CpCase
 * @func: (scope call): called with each case's result, in list order
 * @user_data: data for @func
 * @error: return location for a #GError
 *
 * Evaluates every case of @cases on [property@CaseloadEvaluator:n-threads]
 * threads and calls @func with each case's result, in list order, on the
 * calling thread. The cases are used on the worker threads: nothing else
 * may use them (nor change @cases) until this returns.
 *
 * Returns: %TRUE (the signature leaves room for errors to come)
 */
gboolean
cp_caseload_evaluator_foreach (CpCaseloadEvaluator  *self,
                               GListModel           *cases,
                               CpCaseloadFunc        func,
                               gpointer              user_data,
                               GError              **error)
{
  Source src = { 0 };

  g_return_val_if_fail (CP_IS_CASELOAD_EVALUATOR (self), FALSE);
  g_return_val_if_fail (G_IS_LIST_MODEL (cases), FALSE);
  g_return_val_if_fail (g_type_is_a (g_list_model_get_item_type (cases), CP_TYPE_CASE), FALSE);
  g_return_val_if_fail (func != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  src.cases = cases;
  return run_source (self, &src, TRUE, func, user_data, error);
}

static gboolean
append_result (CpCaseResult *result,
               gpointer      user_data)
{
  g_list_store_append (user_data, result);
  return TRUE;
}

/**
 * cp_caseload_evaluator_evaluate_file:
 * @self: a #CpCaseloadEvaluator
 * @path: (type filename): a JSON Lines caseload
 * @error: return location for a #GError
 *
 * Reads and evaluates every case of the file at @path on
 * [property@CaseloadEvaluator:n-threads] threads and returns their results
 * in file order, one per line holding a case (see
 * [property@CaseloadEvaluator:keep-cases] for what each keeps).
 *
 * Returns: (transfer full) (nullable): a #GListModel of #CpCaseResult, or
 *   %NULL with @error set if the file could not be read
 */
GListModel *
cp_caseload_evaluator_evaluate_file (CpCaseloadEvaluator  *self,
                                     const char           *path,
                                     GError              **error)
{
  g_autoptr(CpCaseloadReader) reader = NULL;
  g_autoptr(GListStore) store = NULL;
  Source src = { 0 };

  g_return_val_if_fail (CP_IS_CASELOAD_EVALUATOR (self), NULL);
  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  reader = cp_caseload_reader_new_for_path (path, error);
  if (reader == NULL)
    return NULL;
  src.reader = reader;
  store = g_list_store_new (CP_TYPE_CASE_RESULT);
  if (!run_source (self, &src, self->keep_cases, append_result, store, error))
    return NULL;
  return G_LIST_MODEL (g_steal_pointer (&store));
}

/**
 * cp_caseload_evaluator_evaluate:
 * @self: a #CpCaseloadEvaluator
 * @cases: a #GListModel of #CpCase
 * @error: return location for a #GError
 *
 * Evaluates every case of @cases on [property@CaseloadEvaluator:n-threads]
 * threads and returns their results in list order (see
 * [property@CaseloadEvaluator:keep-cases] for what each keeps). The cases
 * are used on the worker threads: nothing else may use them (nor change
 * @cases) until this returns.
 *
 * Returns: (transfer full) (nullable): a #GListModel of #CpCaseResult
 */
GListModel *
cp_caseload_evaluator_evaluate (CpCaseloadEvaluator  *self,
                                GListModel           *cases,
                                GError              **error)
{
  g_autoptr(GListStore) store = NULL;
  Source src = { 0 };

  g_return_val_if_fail (CP_IS_CASELOAD_EVALUATOR (self), NULL);
  g_return_val_if_fail (G_IS_LIST_MODEL (cases), NULL);
  g_return_val_if_fail (g_type_is_a (g_list_model_get_item_type (cases), CP_TYPE_CASE), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  src.cases = cases;
  store = g_list_store_new (CP_TYPE_CASE_RESULT);
  if (!run_source (self, &src, self->keep_cases, append_result, store, error))
    return NULL;
  return G_LIST_MODEL (g_steal_pointer (&store));
}
