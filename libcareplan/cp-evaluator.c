/* cp-evaluator.c
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include <stdarg.h>

#include "cp-text-private.h"
#include "cp-authority-private.h"
#include "cp-obligation-list-private.h"
#include "cp-calendar-private.h"
#include "cp-case-private.h"
#include "cp-dispute-private.h"
#include "cp-engine-private.h"
#include "cp-record-list-private.h"
#include "cp-policy-private.h"
#include "cp-error-private.h"
#include "cp-record-private.h"
#include "cp-evaluator-private.h"

/**
 * CpEvaluator:
 *
 * Works out, for one [class@Case] under one [class@Policy] and
 * [class@Calendar], every obligation the case has on a date: each review
 * due, what has to be done before and after it, the care plan and the
 * placement plans. [method@Evaluator.refresh] makes the list
 * ([property@Evaluator:obligations]); the mechanisms are in C, every number
 * and anchor comes from the policy's rules.
 *
 * The evaluation is "as at" [property@Evaluator:date]: facts dated later
 * (a review held next week, a placement that has not started) are not yet
 * known. Moving the date forward and refreshing emits
 * [signal@Evaluator::obligation-due-soon],
 * [signal@Evaluator::obligation-overdue] and
 * [signal@Evaluator::obligation-met] for the obligations whose status
 * changed to that, so an embedding product can react. The first refresh
 * announces what is already due soon or overdue (but not what was met
 * before it).
 *
 * Changing a review's date and adjourning it go through the evaluator
 * ([method@Evaluator.reschedule_review], [method@Evaluator.adjourn_review])
 * because whether they are allowed depends on the statutory due date and
 * on who the policy lets do it (its `authority.*` rules, as for every
 * action that a profile may reserve to a role).
 *
 * How reviews are scheduled:
 *
 * - the first review of the case uses the rule for the `first` slot, the
 *   next the `second` slot, then `subsequent`; all rules for a slot apply
 *   and the earliest due date wins;
 * - a `review-trigger` rule whose event happened after the previous review
 *   (and, if its gate says so, that the IRO agreed to) brings the due date
 *   forward; if the rule `resets_cycle`, the review that follows counts as
 *   the first of a new cycle;
 * - a review held by consultation only counts only where a
 *   `review-without-meeting` rule allows it; otherwise it is noted and the
 *   review is still due;
 * - the next review counts from the previous review's first sitting; an
 *   adjourned review is met, and its follow-up duties start, when it
 *   reconvenes.
 */
struct _CpEvaluator
{
  GObject parent_instance;

  CpCase *kase;
  CpPolicy *policy;
  CpCalendar *calendar;
  GDate date;
  CpObligationList *obligations;
  gboolean refreshed;
  CpLeavingCareStatus leaving_care_status;
};

G_DEFINE_FINAL_TYPE (CpEvaluator, cp_evaluator, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_CASE,
  PROP_POLICY,
  PROP_CALENDAR,
  PROP_DATE,
  PROP_OBLIGATIONS,
  PROP_LEAVING_CARE_STATUS,
  N_PROPS
};

enum {
  OBLIGATION_DUE_SOON,
  OBLIGATION_OVERDUE,
  OBLIGATION_MET,
  DECISION_OVERDUE,
  RESPONSE_DEEMED_AGREED,
  ESCALATED,
  REFERRED_TO_CAFCASS,
  RESOLVED,
  DRIFT_DETECTED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static void
cp_evaluator_dispose (GObject *object)
{
  CpEvaluator *self = CP_EVALUATOR (object);

  g_clear_object (&self->kase);
  g_clear_object (&self->policy);
  g_clear_object (&self->calendar);
  g_clear_object (&self->obligations);

  G_OBJECT_CLASS (cp_evaluator_parent_class)->dispose (object);
}

static void
cp_evaluator_get_property (GObject    *object,
                           guint       prop_id,
                           GValue     *value,
                           GParamSpec *pspec)
{
  CpEvaluator *self = CP_EVALUATOR (object);

  switch (prop_id)
    {
    case PROP_CASE:
      g_value_set_object (value, self->kase);
      break;
    case PROP_POLICY:
      g_value_set_object (value, self->policy);
      break;
    case PROP_CALENDAR:
      g_value_set_object (value, self->calendar);
      break;
    case PROP_DATE:
      g_value_set_boxed (value, &self->date);
      break;
    case PROP_OBLIGATIONS:
      g_value_set_object (value, self->obligations);
      break;
    case PROP_LEAVING_CARE_STATUS:
      g_value_set_enum (value, self->leaving_care_status);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cp_evaluator_set_property (GObject      *object,
                           guint         prop_id,
                           const GValue *value,
                           GParamSpec   *pspec)
{
  CpEvaluator *self = CP_EVALUATOR (object);

  switch (prop_id)
    {
    case PROP_CASE:
      self->kase = g_value_dup_object (value);
      break;
    case PROP_POLICY:
      self->policy = g_value_dup_object (value);
      break;
    case PROP_CALENDAR:
      self->calendar = g_value_dup_object (value);
      break;
    case PROP_DATE:
      cp_evaluator_set_date (self, g_value_get_boxed (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cp_evaluator_class_init (CpEvaluatorClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags fixed = G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS;

  object_class->dispose = cp_evaluator_dispose;
  object_class->get_property = cp_evaluator_get_property;
  object_class->set_property = cp_evaluator_set_property;

  /**
   * CpEvaluator:case:
   *
   * The case evaluated.
   */
  properties[PROP_CASE] = g_param_spec_object ("case", NULL, NULL, CP_TYPE_CASE, fixed);

  /**
   * CpEvaluator:policy:
   *
   * The policy whose rules apply.
   */
  properties[PROP_POLICY] = g_param_spec_object ("policy", NULL, NULL, CP_TYPE_POLICY, fixed);

  /**
   * CpEvaluator:calendar:
   *
   * The calendar working days are counted on.
   */
  properties[PROP_CALENDAR] = g_param_spec_object ("calendar", NULL, NULL, CP_TYPE_CALENDAR, fixed);

  /**
   * CpEvaluator:date:
   *
   * The date the case is evaluated as at; today (local time) by default.
   */
  properties[PROP_DATE] =
    g_param_spec_boxed ("date", NULL, NULL, G_TYPE_DATE,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * CpEvaluator:obligations:
   *
   * The obligations found by the last refresh, a list of
   * [class@Obligation] in the order the engine meets them: deadlines, then
   * reviews in order, each followed by its duties.
   *
   * The list is the same object for the evaluator's life; each refresh
   * replaces its items and emits [signal@Gio.ListModel::items-changed].
   * An item is made into an object (with its explanation) when it is
   * first asked for, and is the same object each time after, until the
   * next refresh: counting obligations costs nothing more.
   */
  properties[PROP_OBLIGATIONS] =
    g_param_spec_object ("obligations", NULL, NULL, G_TYPE_LIST_MODEL,
                         G_PARAM_READABLE | G_PARAM_STATIC_STRINGS);

  /**
   * CpEvaluator:leaving-care-status:
   *
   * The young person's leaving-care status (eligible, relevant, former
   * relevant, qualifying) as at [property@Evaluator:date], from the
   * policy's leaving-care-status rule; set by [method@Evaluator.refresh].
   */
  properties[PROP_LEAVING_CARE_STATUS] =
    g_param_spec_enum ("leaving-care-status", NULL, NULL, CP_TYPE_LEAVING_CARE_STATUS,
                       CP_LEAVING_CARE_STATUS_NONE,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * CpEvaluator::obligation-due-soon:
   * @self: the evaluator
   * @obligation: the obligation that is now due soon
   *
   * Emitted by a refresh for an obligation that became due soon.
   */
  signals[OBLIGATION_DUE_SOON] =
    g_signal_new ("obligation-due-soon", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, CP_TYPE_OBLIGATION);

  /**
   * CpEvaluator::obligation-overdue:
   * @self: the evaluator
   * @obligation: the obligation that is now overdue
   *
   * Emitted by a refresh for an obligation that became overdue.
   */
  signals[OBLIGATION_OVERDUE] =
    g_signal_new ("obligation-overdue", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, CP_TYPE_OBLIGATION);

  /**
   * CpEvaluator::obligation-met:
   * @self: the evaluator
   * @obligation: the obligation that is now met, on time or late
   *
   * Emitted by a refresh for an obligation that became met.
   */
  signals[OBLIGATION_MET] =
    g_signal_new ("obligation-met", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, CP_TYPE_OBLIGATION);

  /**
   * CpEvaluator::decision-overdue:
   * @self: the evaluator
   * @obligation: the recommendation's obligation
   *
   * Emitted by a refresh, after [signal@Evaluator::obligation-overdue], for
   * a review recommendation that has just passed its due date undone, or a
   * starred recommendation one of whose clocks (sent, agreed, agreed or
   * disputed) has just run out.
   */
  signals[DECISION_OVERDUE] =
    g_signal_new ("decision-overdue", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, CP_TYPE_OBLIGATION);

  /**
   * CpEvaluator::response-deemed-agreed:
   * @self: the evaluator
   * @obligation: the manager-response obligation
   *
   * Emitted by a refresh, after [signal@Evaluator::obligation-met], when a
   * manager's silence has just become agreement to a review's decisions
   * (only under a profile whose rule says so).
   */
  signals[RESPONSE_DEEMED_AGREED] =
    g_signal_new ("response-deemed-agreed", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, CP_TYPE_OBLIGATION);

  /**
   * CpEvaluator::escalated:
   * @self: the evaluator
   * @dispute: the dispute
   * @from: (nullable): the stage it was at, or %NULL for a new dispute
   * @to: the stage it is now at
   *
   * Emitted when [method@Evaluator.escalate_dispute] moves a dispute up
   * the ladder.
   */
  signals[ESCALATED] =
    g_signal_new ("escalated", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 3, CP_TYPE_DISPUTE, G_TYPE_STRING, G_TYPE_STRING);

  /**
   * CpEvaluator::referred-to-cafcass:
   * @self: the evaluator
   * @dispute: the dispute
   *
   * Emitted after [signal@Evaluator::escalated] when the stage reached is
   * addressed to CAFCASS.
   */
  signals[REFERRED_TO_CAFCASS] =
    g_signal_new ("referred-to-cafcass", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, CP_TYPE_DISPUTE);

  /**
   * CpEvaluator::resolved:
   * @self: the evaluator
   * @dispute: the dispute, now closed with its outcome
   *
   * Emitted when [method@Evaluator.resolve_dispute] closes a dispute.
   */
  signals[RESOLVED] =
    g_signal_new ("resolved", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, CP_TYPE_DISPUTE);

  /**
   * CpEvaluator::drift-detected:
   * @self: the evaluator
   * @obligation: the milestone's obligation (its [property@Obligation:drift]
   *   is set)
   *
   * Emitted by [method@Evaluator.refresh] when a permanence milestone has
   * passed its target, not achieved, with no reason recorded for the delay.
   */
  signals[DRIFT_DETECTED] =
    g_signal_new ("drift-detected", G_TYPE_FROM_CLASS (klass), G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL, G_TYPE_NONE, 1, CP_TYPE_OBLIGATION);
}

static void
cp_evaluator_init (CpEvaluator *self)
{
  g_date_set_time_t (&self->date, time (NULL));
  self->obligations = cp_obligation_list_new ();
}

/* Public API -------------------------------------------------------------- */

/**
 * cp_evaluator_new:
 * @kase: the case
 * @policy: the policy whose rules apply
 * @calendar: the calendar to count working days on
 *
 * Makes an evaluator dated today. Call [method@Evaluator.refresh] to work
 * out the obligations.
 *
 * Returns: (transfer full): a new #CpEvaluator
 */
CpEvaluator *
cp_evaluator_new (CpCase     *kase,
                  CpPolicy   *policy,
                  CpCalendar *calendar)
{
  g_return_val_if_fail (CP_IS_CASE (kase), NULL);
  g_return_val_if_fail (CP_IS_POLICY (policy), NULL);
  g_return_val_if_fail (CP_IS_CALENDAR (calendar), NULL);

  return g_object_new (CP_TYPE_EVALUATOR,
                       "case", kase,
                       "policy", policy,
                       "calendar", calendar,
                       NULL);
}

/* cp-evaluator-private.h */
CpEvaluator *
cp_evaluator_new_unheard (CpCase      *kase,
                          CpPolicy    *policy,
                          CpCalendar  *calendar,
                          const GDate *date)
{
  CpEvaluator *self = g_object_new (CP_TYPE_EVALUATOR, NULL);

  /* Set as the construct-only properties would set them, without a
   * GValue's passing references (each one an atomic operation on an
   * object every thread shares) and without a notification nobody can
   * hear yet. */
  self->kase = g_object_ref (kase);
  self->policy = g_object_ref (policy);
  self->calendar = g_object_ref (calendar);
  self->date = *date;
  return self;
}

/**
 * cp_evaluator_get_case:
 * @self: a #CpEvaluator
 *
 * Gets the [property@Evaluator:case] property.
 *
 * Returns: (transfer none): the case
 */
CpCase *
cp_evaluator_get_case (CpEvaluator *self)
{
  g_return_val_if_fail (CP_IS_EVALUATOR (self), NULL);
  return self->kase;
}

/**
 * cp_evaluator_get_policy:
 * @self: a #CpEvaluator
 *
 * Gets the [property@Evaluator:policy] property.
 *
 * Returns: (transfer none): the policy
 */
CpPolicy *
cp_evaluator_get_policy (CpEvaluator *self)
{
  g_return_val_if_fail (CP_IS_EVALUATOR (self), NULL);
  return self->policy;
}

/**
 * cp_evaluator_get_calendar:
 * @self: a #CpEvaluator
 *
 * Gets the [property@Evaluator:calendar] property.
 *
 * Returns: (transfer none): the calendar
 */
CpCalendar *
cp_evaluator_get_calendar (CpEvaluator *self)
{
  g_return_val_if_fail (CP_IS_EVALUATOR (self), NULL);
  return self->calendar;
}

/**
 * cp_evaluator_get_date:
 * @self: a #CpEvaluator
 *
 * Gets the [property@Evaluator:date] property.
 *
 * Returns: (transfer none): the date the case is evaluated as at
 */
const GDate *
cp_evaluator_get_date (CpEvaluator *self)
{
  g_return_val_if_fail (CP_IS_EVALUATOR (self), NULL);
  return &self->date;
}

/**
 * cp_evaluator_set_date:
 * @self: a #CpEvaluator
 * @date: the date to evaluate as at
 *
 * Sets [property@Evaluator:date]. The obligations change at the next
 * [method@Evaluator.refresh].
 */
void
cp_evaluator_set_date (CpEvaluator *self,
                       const GDate *date)
{
  g_return_if_fail (CP_IS_EVALUATOR (self));
  g_return_if_fail (date != NULL && g_date_valid (date));

  if (g_date_compare (&self->date, date) == 0)
    return;
  self->date = *date;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_DATE]);
}

static char *
identity (const CpObligationData *o)
{
  return g_strconcat (cp_rule_get_key (o->rule), "\x1f", o->subject, NULL);
}

/* Whether anyone listens to what a first refresh announces. */
static gboolean
announcing (CpEvaluator *self)
{
  return g_signal_has_handler_pending (self, signals[OBLIGATION_DUE_SOON], 0, FALSE) ||
         g_signal_has_handler_pending (self, signals[OBLIGATION_OVERDUE], 0, FALSE) ||
         g_signal_has_handler_pending (self, signals[DECISION_OVERDUE], 0, FALSE) ||
         g_signal_has_handler_pending (self, signals[DRIFT_DETECTED], 0, FALSE);
}

/**
 * cp_evaluator_refresh:
 * @self: a #CpEvaluator
 * @error: return location for a #GError
 *
 * Works out the case's obligations as at [property@Evaluator:date] and
 * replaces [property@Evaluator:obligations] with them. Emits a signal for
 * each obligation that has become due soon, overdue or met since the last
 * refresh; the first refresh emits [signal@Evaluator::obligation-due-soon]
 * and [signal@Evaluator::obligation-overdue] (with
 * [signal@Evaluator::decision-overdue] and
 * [signal@Evaluator::drift-detected] where they apply) for every
 * obligation already due soon or overdue.
 *
 * Fails only if a date falls outside the calendar's range
 * (%CP_ERROR_OUT_OF_RANGE); the obligations are then left as they were.
 *
 * Returns: %TRUE on success
 */
gboolean
cp_evaluator_refresh (CpEvaluator  *self,
                      GError      **error)
{
  g_autoptr(GArray) found = NULL;
  g_autoptr(GStringChunk) strings = NULL;
  g_autoptr(GHashTable) previous = NULL;
  CpLeavingCareStatus status;
  gboolean compare;

  g_return_val_if_fail (CP_IS_EVALUATOR (self), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  found = cp_evaluator_evaluate_plain (self->kase, self->policy, self->calendar, &self->date, &strings, &status,
                                       error);
  if (found == NULL)
    return FALSE;
  if (status != self->leaving_care_status)
    {
      self->leaving_care_status = status;
      g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LEAVING_CARE_STATUS]);
    }

  /* What changed is worked out against the last refresh, if there was
   * one: the map of its statuses is made only then, so an evaluator that
   * refreshes once (a caseload check) never builds it. */
  compare = self->refreshed;
  self->refreshed = TRUE;
  if (compare)
    {
      previous = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
      for (guint i = 0; i < cp_obligation_list_length (self->obligations); i++)
        {
          const CpObligationData *o = cp_obligation_list_peek (self->obligations, i);
          g_hash_table_insert (previous, identity (o), GINT_TO_POINTER (o->status));
        }
    }

  cp_obligation_list_replace (self->obligations, g_steal_pointer (&found), g_steal_pointer (&strings),
                              self->policy, FALSE);

  /* The first refresh announces what is already due soon or overdue (a
   * program that connects and refreshes once hears of it); what was met
   * before it is history, not news. Nobody listening: nothing to do. */
  if (!compare && !announcing (self))
    return TRUE;

  for (guint i = 0; i < cp_obligation_list_length (self->obligations); i++)
    {
      const CpObligationData *d = cp_obligation_list_peek (self->obligations, i);
      gpointer old = NULL;
      CpObligationStatus now = d->status;
      gboolean had = FALSE;
      CpObligationStatus was;
      CpObligation *o;

      if (compare)
        {
          g_autofree char *id = identity (d);
          had = g_hash_table_lookup_extended (previous, id, NULL, &old);
        }
      was = GPOINTER_TO_INT (old);
      if (had && was == now)
        continue;
      if (!compare && now != CP_OBLIGATION_STATUS_DUE_SOON && now != CP_OBLIGATION_STATUS_OVERDUE)
        continue;
      /* Only an obligation that is signalled is made an object here. */
      o = cp_obligation_list_get (self->obligations, i);
      if (now == CP_OBLIGATION_STATUS_DUE_SOON)
        g_signal_emit (self, signals[OBLIGATION_DUE_SOON], 0, o);
      else if (now == CP_OBLIGATION_STATUS_OVERDUE)
        {
          g_signal_emit (self, signals[OBLIGATION_OVERDUE], 0, o);
          if (cp_rule_get_kind (d->rule) == CP_RULE_KIND_RECOMMENDATION)
            g_signal_emit (self, signals[DECISION_OVERDUE], 0, o);
          if (d->drift)
            g_signal_emit (self, signals[DRIFT_DETECTED], 0, o);
        }
      else if ((now == CP_OBLIGATION_STATUS_MET_ON_TIME || now == CP_OBLIGATION_STATUS_MET_LATE) &&
               !(had && (was == CP_OBLIGATION_STATUS_MET_ON_TIME || was == CP_OBLIGATION_STATUS_MET_LATE)))
        {
          g_signal_emit (self, signals[OBLIGATION_MET], 0, o);
          if (d->deemed)
            g_signal_emit (self, signals[RESPONSE_DEEMED_AGREED], 0, o);
        }
    }
  return TRUE;
}

/* cp-evaluator-private.h */
GArray *
cp_evaluator_evaluate_plain (CpCase               *kase,
                             CpPolicy             *policy,
                             CpCalendar           *calendar,
                             const GDate          *date,
                             GStringChunk        **strings,
                             CpLeavingCareStatus  *status,
                             GError              **error)
{
  g_autoptr(GArray) found = NULL;
  g_autoptr(GStringChunk) chunk = NULL;

  found = cp_engine_evaluate (kase, policy, calendar, date, &chunk, error);
  if (found == NULL || !cp_engine_leaving_care_status (kase, policy, calendar, date, status, error))
    return NULL;
  *strings = g_steal_pointer (&chunk);
  return g_steal_pointer (&found);
}

/* cp-evaluator-private.h: the first refresh, for an evaluator nobody has
 * seen: nothing to compare with, nobody to notify or announce to. */
void
cp_evaluator_adopt_unheard (CpEvaluator         *self,
                            GArray              *found,
                            GStringChunk        *strings,
                            CpLeavingCareStatus  status)
{
  g_return_if_fail (!self->refreshed);

  self->leaving_care_status = status;
  self->refreshed = TRUE;
  cp_obligation_list_replace (self->obligations, found, strings, self->policy, TRUE);
}

/* cp-evaluator-private.h */
void
cp_evaluator_peek_evaluated (CpEvaluator *self,
                             CpEvaluated *out)
{
  out->obligations = cp_obligation_list_peek_all (self->obligations, &out->n_obligations);
  out->date = &self->date;
}

/**
 * cp_evaluator_get_obligations:
 * @self: a #CpEvaluator
 *
 * Gets the [property@Evaluator:obligations] property.
 *
 * Returns: (transfer none): the obligations of the last refresh, a list
 *   of [class@Obligation]
 */
GListModel *
cp_evaluator_get_obligations (CpEvaluator *self)
{
  g_return_val_if_fail (CP_IS_EVALUATOR (self), NULL);
  return G_LIST_MODEL (self->obligations);
}

/**
 * cp_evaluator_find:
 * @self: a #CpEvaluator
 * @key: a rule key, or a catalogue id
 * @subject: what the obligation is about ("review 2", "care plan")
 *
 * Looks up an obligation by its rule key and its subject.
 *
 * Returns: (transfer none) (nullable): the obligation of the last refresh
 *   with that rule and subject, or %NULL
 */
CpObligation *
cp_evaluator_find (CpEvaluator *self,
                   const char  *key,
                   const char  *subject)
{
  g_return_val_if_fail (CP_IS_EVALUATOR (self), NULL);
  g_return_val_if_fail (key != NULL && subject != NULL, NULL);

  for (guint i = 0; i < cp_obligation_list_length (self->obligations); i++)
    {
      const CpObligationData *o = cp_obligation_list_peek (self->obligations, i);

      if ((g_strcmp0 (cp_rule_get_key (o->rule), key) == 0 ||
           g_strcmp0 (cp_rule_get_id (o->rule), key) == 0) &&
          g_strcmp0 (o->subject, subject) == 0)
        return cp_obligation_list_get (self->obligations, i);   /* the list keeps it alive */
    }
  return NULL;
}

/* Changing reviews -------------------------------------------------------- */

static gboolean
refuse (CpEvaluator *self,
        GError     **error,
        int          code,
        const GDate *date,
        CpRole       role,
        const char  *actor,
        const char  *action,
        const char  *format,
        ...) G_GNUC_PRINTF (8, 9);

/* Records a refused change in the case history and fails with it. */
static gboolean
refuse (CpEvaluator *self,
        GError     **error,
        int          code,
        const GDate *date,
        CpRole       role,
        const char  *actor,
        const char  *action,
        const char  *format,
        ...)
{
  g_autofree char *message = NULL;
  va_list args;

  va_start (args, format);
  message = g_strdup_vprintf (format, args);
  va_end (args);

  if (code == CP_ERROR_NOT_AUTHORISED)
    cp_case_add_history (self->kase, date, role, actor, action, message, TRUE);
  g_set_error_literal (error, CP_ERROR, code, message);
  return FALSE;
}

/* The statutory due date of review @seq, worked out as at @date (before
 * the change being checked). */
static gboolean
statutory_due (CpEvaluator *self,
               int          seq,
               guint32     *due,
               GError     **error)
{
  g_autoptr(GStringChunk) strings = NULL;
  g_autoptr(GArray) found = cp_engine_evaluate (self->kase, self->policy, self->calendar, &self->date,
                                                &strings, error);
  g_autofree char *subject = cp_text_printf ("review %d", seq);

  if (found == NULL)
    return FALSE;
  for (guint i = 0; i < found->len; i++)
    {
      const CpObligationData *o = &g_array_index (found, CpObligationData, i);
      CpRuleKind kind = cp_rule_get_kind (o->rule);

      if ((kind == CP_RULE_KIND_REVIEW_SCHEDULE || kind == CP_RULE_KIND_REVIEW_TRIGGER) &&
          g_strcmp0 (o->subject, subject) == 0 && o->due != 0)
        {
          *due = o->due;
          return TRUE;
        }
    }
  g_set_error (error, CP_ERROR, CP_ERROR_INCONSISTENT,
               "review %d: no statutory due date can be worked out as at the evaluation date", seq);
  return FALSE;
}

static CpRule *
first_rule_of_kind (CpPolicy *policy, CpRuleKind kind)
{
  GPtrArray *rules = cp_policy_rules_of_kind (policy, kind);
  return rules->len ? rules->pdata[0] : NULL;   /* the policy keeps it alive */
}

/**
 * cp_evaluator_reschedule_review:
 * @self: a #CpEvaluator
 * @sequence: the review's sequence number
 * @new_date: the new date
 * @role: who re-arranges it
 * @actor: (nullable): the member of staff, if recorded
 * @reason: (nullable): why
 * @error: return location for a #GError
 *
 * Moves a review that has not been held to @new_date. A date on or before
 * the statutory due date (as at [property@Evaluator:date]) is allowed. A
 * later one needs the role the policy names for `review.rearrange` (its
 * `authority.review.rearrange` rule, or else its `review-reschedule`
 * rule's approver); another role is refused (%CP_ERROR_NOT_AUTHORISED),
 * and where the policy names nobody the date is refused whoever asks:
 * unlike other actions, re-arranging past the due date is not open by
 * default. A refusal is recorded in the case history. The first date
 * booked is kept in [property@Review:rescheduled-from].
 *
 * Returns: %TRUE if the review was moved
 */
gboolean
cp_evaluator_reschedule_review (CpEvaluator  *self,
                                int           sequence,
                                const GDate  *new_date,
                                CpRole        role,
                                const char   *actor,
                                const char   *reason,
                                GError      **error)
{
  CpReview *review;
  CpRule *rule;
  guint32 due;
  char due_text[16], new_text[16];

  g_return_val_if_fail (CP_IS_EVALUATOR (self), FALSE);
  g_return_val_if_fail (new_date != NULL && g_date_valid (new_date), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  review = cp_case_get_review (self->kase, sequence);
  if (review == NULL)
    return cp_fail (error, CP_ERROR_INVALID_VALUE, "review %d: no such review", sequence);
  if (cp_review_get_held (review) != NULL)
    {
      g_set_error (error, CP_ERROR, CP_ERROR_ILLEGAL_TRANSITION,
                   "review %d: already held; it cannot be re-arranged", sequence);
      return FALSE;
    }
  if (!statutory_due (self, sequence, &due, error))
    return FALSE;

  cp_engine_iso (due, due_text);
  cp_engine_iso (g_date_get_julian (new_date), new_text);
  if (g_date_get_julian (new_date) > due)
    {
      g_autofree char *what = g_strdup_printf ("review %d: %s is after the statutory due date %s; that",
                                               sequence, new_text, due_text);
      CpAuthorityAct act = { .action = "review.rearrange", .kase = self->kase, .date = &self->date,
                             .described_as = what, .recorded_as = "review.reschedule" };
      CpRole required;

      /* Past the due date, a profile that names nobody who may allow it
       * does not allow it at all. */
      if (!cp_authority_required (self->policy, &act, CP_ROLE_UNKNOWN, &required, NULL, error))
        return FALSE;
      rule = first_rule_of_kind (self->policy, CP_RULE_KIND_REVIEW_RESCHEDULE);
      if (required == CP_ROLE_UNKNOWN)
        return refuse (self, error, CP_ERROR_NOT_AUTHORISED, &self->date, role, actor, "review.reschedule",
                       "review %d: %s is after the statutory due date %s, and the %s profile allows no "
                       "re-arrangement outside the statutory timescale%s%s%s",
                       sequence, new_text, due_text, cp_policy_get_name (self->policy),
                       rule ? " [" : "", rule ? cp_rule_get_id (rule) : "", rule ? "]" : "");
      if (!cp_authority_check (self->policy, &act, role, actor, error))
        return FALSE;
    }

  cp_review_move (review, new_date);
  {
    g_autofree char *text = cp_text_printf ("review %d moved to %s (statutory due date %s)%s%s",
                                            sequence, new_text, due_text,
                                            reason ? ": " : "", reason ? reason : "");
    cp_case_add_history (self->kase, &self->date, role, actor, "review.reschedule", text, FALSE);
  }
  return TRUE;
}

/**
 * cp_evaluator_adjourn_review:
 * @self: a #CpEvaluator
 * @sequence: the review's sequence number
 * @resume_on: when the meeting reconvenes
 * @role: who adjourns it
 * @actor: (nullable): the member of staff, if recorded
 * @reason: (nullable): why
 * @error: return location for a #GError
 *
 * Adjourns a review that has sat ([property@Review:held]) until
 * @resume_on, under the policy's `review-adjournment` rule (without one,
 * it is refused with %CP_ERROR_NOT_AUTHORISED): only the role of its
 * `authority.review.adjourn` rule may adjourn (england: the IRO; anyone
 * else is refused with %CP_ERROR_NOT_AUTHORISED and recorded), only as
 * often as its limit allows (%CP_ERROR_ILLEGAL_TRANSITION), and the meeting must reconvene
 * within its timescale of the first sitting and, if the rule says so, by
 * the review's statutory due date (%CP_ERROR_OUT_OF_RANGE).
 *
 * Returns: %TRUE if the review was adjourned
 */
gboolean
cp_evaluator_adjourn_review (CpEvaluator  *self,
                             int           sequence,
                             const GDate  *resume_on,
                             CpRole        role,
                             const char   *actor,
                             const char   *reason,
                             GError      **error)
{
  CpReview *review;
  CpRule *rule;
  guint32 held, limit, due, resume;
  char held_text[16], limit_text[16], resume_text[16];

  g_return_val_if_fail (CP_IS_EVALUATOR (self), FALSE);
  g_return_val_if_fail (resume_on != NULL && g_date_valid (resume_on), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  review = cp_case_get_review (self->kase, sequence);
  if (review == NULL)
    return cp_fail (error, CP_ERROR_INVALID_VALUE, "review %d: no such review", sequence);
  held = cp_engine_julian (cp_review_get_held (review));
  if (held == 0)
    {
      g_set_error (error, CP_ERROR, CP_ERROR_ILLEGAL_TRANSITION,
                   "review %d: has not sat yet, so it cannot be adjourned", sequence);
      return FALSE;
    }

  rule = first_rule_of_kind (self->policy, CP_RULE_KIND_REVIEW_ADJOURNMENT);
  if (rule == NULL)
    return refuse (self, error, CP_ERROR_NOT_AUTHORISED, &self->date, role, actor, "review.adjourn",
                   "review %d: the %s profile has no rule allowing a review to be adjourned",
                   sequence, cp_policy_get_name (self->policy));
  {
    g_autofree char *what = g_strdup_printf ("review %d: adjourning it", sequence);
    const CpAuthorityAct act = { .action = "review.adjourn", .kase = self->kase, .date = &self->date,
                                 .described_as = what };

    if (!cp_authority_check (self->policy, &act, role, actor, error))
      return FALSE;
  }
  /* The case records one adjournment per review. */
  if (cp_review_get_adjourned_to (review) != NULL)
    {
      g_set_error (error, CP_ERROR, CP_ERROR_ILLEGAL_TRANSITION,
                   "review %d: already adjourned once, the most the %s profile allows [%s]",
                   sequence, cp_policy_get_name (self->policy), cp_rule_get_id (rule));
      return FALSE;
    }

  resume = g_date_get_julian (resume_on);
  cp_engine_iso (held, held_text);
  cp_engine_iso (resume, resume_text);
  if (resume <= held)
    {
      g_set_error (error, CP_ERROR, CP_ERROR_INVALID_VALUE,
                   "adjourned_to: %s is not after the first sitting (%s)", resume_text, held_text);
      return FALSE;
    }
  if (!cp_calendar_add_julian (self->calendar, held, cp_rule_get_quantity (rule),
                               cp_rule_get_unit (rule), &limit, error))
    return FALSE;
  if (cp_rule_get_within_due (rule))
    {
      if (!statutory_due (self, sequence, &due, error))
        return FALSE;
      limit = MIN (limit, due);
    }
  if (resume > limit)
    {
      cp_engine_iso (limit, limit_text);
      g_set_error (error, CP_ERROR, CP_ERROR_OUT_OF_RANGE,
                   "adjourned_to: %s is too late; the review first sat on %s and must reconvene by %s [%s]",
                   resume_text, held_text, limit_text, cp_rule_get_id (rule));
      return FALSE;
    }

  cp_review_adjourn (review, resume_on);
  {
    g_autofree char *text = cp_text_printf ("review %d adjourned to %s%s%s", sequence, resume_text,
                                            reason ? ": " : "", reason ? reason : "");
    cp_case_add_history (self->kase, &self->date, role, actor, "review.adjourn", text, FALSE);
  }
  return TRUE;
}

/* Disputes ---------------------------------------------------------------- */

static int
compare_position (gconstpointer a, gconstpointer b)
{
  CpRule *x = *(CpRule **) a, *y = *(CpRule **) b;
  return cp_rule_get_position (x) - cp_rule_get_position (y);
}

static GPtrArray *
ladder (CpEvaluator *self)
{
  GPtrArray *shared = cp_policy_rules_of_kind (self->policy, CP_RULE_KIND_ESCALATION_STAGE);
  GPtrArray *stages = g_ptr_array_copy (shared, (GCopyFunc) (void (*) (void)) g_object_ref, NULL);

  g_ptr_array_set_free_func (stages, g_object_unref);
  g_ptr_array_sort (stages, compare_position);
  return stages;
}

/**
 * cp_evaluator_dup_ladder:
 * @self: a #CpEvaluator
 *
 * The escalation ladder disputes climb under the evaluator's policy.
 *
 * Returns: (transfer full): the policy's escalation ladder, lowest stage
 *   first, a new list of [class@Rule] (empty if the policy has none)
 */
GListModel *
cp_evaluator_dup_ladder (CpEvaluator *self)
{
  g_autoptr(GPtrArray) stages = NULL;
  GListStore *store;

  g_return_val_if_fail (CP_IS_EVALUATOR (self), NULL);

  stages = ladder (self);
  store = g_list_store_new (CP_TYPE_RULE);
  g_list_store_splice (store, 0, 0, stages->pdata, stages->len);
  return G_LIST_MODEL (store);
}

/**
 * cp_evaluator_get_ladder:
 * @self: a #CpEvaluator
 *
 * The escalation ladder disputes climb under the evaluator's policy.
 *
 * Returns: (transfer full): the policy's escalation ladder, lowest stage
 *   first, a new list of [class@Rule] (empty if the policy has none)
 *
 * Deprecated: 0.1: Use [method@Evaluator.dup_ladder], whose name says that
 *   it returns a new list.
 */
GListModel *
cp_evaluator_get_ladder (CpEvaluator *self)
{
  return cp_evaluator_dup_ladder (self);
}

static gboolean
check_dispute (CpEvaluator *self,
               CpDispute   *dispute,
               GError     **error)
{
  guint pos;

  if (!cp_record_list_find (CP_RECORD_LIST (cp_case_get_disputes (self->kase)), dispute, &pos))
    return cp_fail (error, CP_ERROR_INVALID_VALUE, "dispute: not one of this case's disputes");
  if (cp_dispute_get_resolved_on (dispute) != NULL)
    return cp_fail (error, CP_ERROR_ILLEGAL_TRANSITION, "disputes[%u]: already resolved", pos);
  return TRUE;
}

/**
 * cp_evaluator_escalate_dispute:
 * @self: a #CpEvaluator
 * @dispute: one of the case's disputes
 * @stage: the stage to move it to, by name
 * @date: when
 * @role: who moves it
 * @actor: (nullable): the member of staff, if recorded
 * @reason: (nullable): why
 * @error: return location for a #GError
 *
 * Moves a dispute up the policy's ladder ([method@Evaluator.get_ladder]).
 * The stage must be on the ladder (%CP_ERROR_UNKNOWN_CODE) and above the
 * current one; lower stages may be skipped, but a top stage that is not
 * `any_time` opens only from the stage just below it
 * (%CP_ERROR_ILLEGAL_TRANSITION). Only the stage's approver, or where the
 * stage names none the role of the policy's `authority.escalation.open`
 * rule (england: the IRO), may open it (%CP_ERROR_NOT_AUTHORISED, recorded
 * as refused). The step is recorded on the dispute and in the case history,
 * and [signal@Evaluator::escalated] (then
 * [signal@Evaluator::referred-to-cafcass] for a stage addressed to
 * CAFCASS) is emitted.
 *
 * Returns: %TRUE if the dispute moved
 */
gboolean
cp_evaluator_escalate_dispute (CpEvaluator  *self,
                               CpDispute    *dispute,
                               const char   *stage,
                               const GDate  *date,
                               CpRole        role,
                               const char   *actor,
                               const char   *reason,
                               GError      **error)
{
  g_autoptr(GPtrArray) stages = NULL;
  g_autoptr(GString) names = g_string_new (NULL);
  g_autoptr(CpDisputeStep) step = NULL;
  g_autofree char *from = NULL;
  g_autofree char *text = NULL;
  CpRule *target = NULL;
  int current = 0, top = 0;
  GListModel *steps;
  const GDate *since;

  g_return_val_if_fail (CP_IS_EVALUATOR (self), FALSE);
  g_return_val_if_fail (CP_IS_DISPUTE (dispute), FALSE);
  g_return_val_if_fail (stage != NULL, FALSE);
  g_return_val_if_fail (date != NULL && g_date_valid (date), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!check_dispute (self, dispute, error))
    return FALSE;

  stages = ladder (self);
  for (guint i = 0; i < stages->len; i++)
    {
      CpRule *r = stages->pdata[i];

      cp_text_append (names, "%s%s", i ? ", " : "", cp_rule_get_stage (r));
      if (g_strcmp0 (cp_rule_get_stage (r), stage) == 0)
        target = r;
      if (g_strcmp0 (cp_rule_get_stage (r), cp_dispute_get_stage (dispute)) == 0)
        current = cp_rule_get_position (r);
      top = MAX (top, cp_rule_get_position (r));
    }
  /* A stage the ladder does not know (from a case file, or another
   * profile) is not the bottom of this one. */
  if (cp_dispute_get_stage (dispute) != NULL && current == 0)
    {
      g_autofree char *shown = cp_escape_value (cp_dispute_get_stage (dispute));
      return cp_fail (error, CP_ERROR_UNKNOWN_CODE,
                      "stage: the dispute is at “%s”, which is not a stage of the %s ladder (expected one of: %s)",
                      shown, cp_policy_get_name (self->policy), stages->len ? names->str : "none; it has no ladder");
    }
  if (target == NULL)
    return cp_fail (error, CP_ERROR_UNKNOWN_CODE,
                    "stage: “%s” is not a stage of the %s ladder (expected one of: %s)",
                    stage, cp_policy_get_name (self->policy), stages->len ? names->str : "none; it has no ladder");
  if (cp_rule_get_position (target) <= current)
    return cp_fail (error, CP_ERROR_ILLEGAL_TRANSITION,
                    "stage: the dispute is at “%s”; it can only move up the ladder, not to “%s”",
                    cp_dispute_get_stage (dispute), stage);
  if (cp_rule_get_position (target) == top && !cp_rule_get_any_time (target) && current != top - 1)
    return cp_fail (error, CP_ERROR_ILLEGAL_TRANSITION,
                    "stage: “%s” opens only from the stage below it in the %s ladder [%s]",
                    stage, cp_policy_get_name (self->policy), cp_rule_get_id (target));

  {
    g_autofree char *what = g_strdup_printf ("moving a dispute to “%s”", stage);
    const CpAuthorityAct act = { .action = "escalation.open", .kase = self->kase, .date = date,
                                 .stage = target, .described_as = what, .recorded_as = "dispute.escalate" };

    if (!cp_authority_check (self->policy, &act, role, actor, error))
      return FALSE;
  }

  steps = cp_dispute_get_steps (dispute);
  since = cp_dispute_get_raised_on (dispute);
  if (g_list_model_get_n_items (steps) > 0)
    {
      g_autoptr(CpDisputeStep) last = g_list_model_get_item (steps, g_list_model_get_n_items (steps) - 1);
      since = cp_dispute_step_get_date (last);
    }
  if (g_date_compare (date, since) < 0)
    {
      g_autofree char *a = cp_date_format_iso (date), *b = cp_date_format_iso (since);
      return cp_fail (error, CP_ERROR_INCONSISTENT,
                      "date: %s is before the dispute's last step (%s)", a, b);
    }

  from = g_strdup (cp_dispute_get_stage (dispute));
  step = g_object_new (CP_TYPE_DISPUTE_STEP,
                       "stage", stage, "date", date, "actor-role", role, "reason", reason, NULL);
  cp_dispute_escalate (dispute, step);
  text = cp_text_printf ("dispute moved from %s to %s", from ? from : "(registered)", stage);
  cp_case_add_history (self->kase, date, role, actor, "dispute.escalate", text, FALSE);

  g_signal_emit (self, signals[ESCALATED], 0, dispute, from, stage);
  if (cp_rule_get_responsible (target) == CP_ROLE_CAFCASS)
    g_signal_emit (self, signals[REFERRED_TO_CAFCASS], 0, dispute);
  return TRUE;
}

/**
 * cp_evaluator_resolve_dispute:
 * @self: a #CpEvaluator
 * @dispute: one of the case's disputes
 * @date: when it was resolved
 * @outcome: what was agreed or decided
 * @role: who records it
 * @actor: (nullable): the member of staff, if recorded
 * @error: return location for a #GError
 *
 * Closes a dispute with its outcome and emits
 * [signal@Evaluator::resolved]. Only the role of the policy's
 * `authority.dispute.resolve` rule (england: the IRO, who raised it) may
 * close it (%CP_ERROR_NOT_AUTHORISED, recorded as refused).
 *
 * Returns: %TRUE if the dispute was closed
 */
gboolean
cp_evaluator_resolve_dispute (CpEvaluator  *self,
                              CpDispute    *dispute,
                              const GDate  *date,
                              const char   *outcome,
                              CpRole        role,
                              const char   *actor,
                              GError      **error)
{
  g_return_val_if_fail (CP_IS_EVALUATOR (self), FALSE);
  g_return_val_if_fail (CP_IS_DISPUTE (dispute), FALSE);
  g_return_val_if_fail (date != NULL && g_date_valid (date), FALSE);
  g_return_val_if_fail (outcome != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!check_dispute (self, dispute, error))
    return FALSE;
  {
    const CpAuthorityAct act = { .action = "dispute.resolve", .kase = self->kase, .date = date,
                                 .described_as = "resolving a dispute" };

    if (!cp_authority_check (self->policy, &act, role, actor, error))
      return FALSE;
  }
  if (g_date_compare (date, cp_dispute_get_raised_on (dispute)) < 0)
    return cp_fail (error, CP_ERROR_INCONSISTENT, "date: before the dispute was raised");

  cp_dispute_resolve (dispute, date, outcome);
  cp_case_add_history (self->kase, date, role, actor, "dispute.resolve", outcome, FALSE);
  g_signal_emit (self, signals[RESOLVED], 0, dispute);
  return TRUE;
}

/**
 * cp_evaluator_get_leaving_care_status:
 * @self: a #CpEvaluator
 *
 * Gets the [property@Evaluator:leaving-care-status] property.
 *
 * Returns: the leaving-care status as at the last refresh
 */
CpLeavingCareStatus
cp_evaluator_get_leaving_care_status (CpEvaluator *self)
{
  g_return_val_if_fail (CP_IS_EVALUATOR (self), CP_LEAVING_CARE_STATUS_NONE);
  return self->leaving_care_status;
}
