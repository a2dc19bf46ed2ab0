/* cp-obligation.c
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include "cp-engine-private.h"
#include "cp-obligation-private.h"
#include "cp-text-private.h"

/**
 * CpObligation:
 *
 * One thing a case must do under one [class@Rule], as a
 * [class@Evaluator] found it on its date: what (the subject, such as
 * "review 3"), by when, whether it was done and when, the citation, and a
 * line explaining how the due date was worked out.
 *
 * Obligations never change; each evaluation makes new ones.
 */
struct _CpObligation
{
  GObject parent_instance;

  CpRule *rule;
  char *subject;
  int review;
  GDate due;
  GDate window_start;
  GDate met_on;
  CpObligationStatus status;
  gboolean deemed;
  gboolean drift;
  char *explanation;
};

G_DEFINE_FINAL_TYPE (CpObligation, cp_obligation, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_RULE,
  PROP_RULE_ID,
  PROP_KEY,
  PROP_SUBJECT,
  PROP_REVIEW,
  PROP_DUE,
  PROP_WINDOW_START,
  PROP_MET_ON,
  PROP_STATUS,
  PROP_CITATION,
  PROP_EXPLANATION,
  PROP_DEEMED,
  PROP_DRIFT,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static const GDate *
valid_or_null (const GDate *d)
{
  return g_date_valid (d) ? d : NULL;
}

static void
cp_obligation_dispose (GObject *object)
{
  CpObligation *self = CP_OBLIGATION (object);

  g_clear_object (&self->rule);

  G_OBJECT_CLASS (cp_obligation_parent_class)->dispose (object);
}

static void
cp_obligation_finalize (GObject *object)
{
  CpObligation *self = CP_OBLIGATION (object);

  g_free (self->subject);
  g_free (self->explanation);

  G_OBJECT_CLASS (cp_obligation_parent_class)->finalize (object);
}

static void
cp_obligation_get_property (GObject    *object,
                            guint       prop_id,
                            GValue     *value,
                            GParamSpec *pspec)
{
  CpObligation *self = CP_OBLIGATION (object);

  switch (prop_id)
    {
    case PROP_RULE:
      g_value_set_object (value, self->rule);
      break;
    case PROP_RULE_ID:
      g_value_set_string (value, cp_obligation_get_rule_id (self));
      break;
    case PROP_KEY:
      g_value_set_string (value, cp_obligation_get_key (self));
      break;
    case PROP_SUBJECT:
      g_value_set_string (value, self->subject);
      break;
    case PROP_REVIEW:
      g_value_set_int (value, self->review);
      break;
    case PROP_DUE:
      g_value_set_boxed (value, valid_or_null (&self->due));
      break;
    case PROP_WINDOW_START:
      g_value_set_boxed (value, valid_or_null (&self->window_start));
      break;
    case PROP_MET_ON:
      g_value_set_boxed (value, valid_or_null (&self->met_on));
      break;
    case PROP_STATUS:
      g_value_set_enum (value, self->status);
      break;
    case PROP_CITATION:
      g_value_set_string (value, cp_obligation_get_citation (self));
      break;
    case PROP_EXPLANATION:
      g_value_set_string (value, self->explanation);
      break;
    case PROP_DRIFT:
      g_value_set_boolean (value, self->drift);
      break;
    case PROP_DEEMED:
      g_value_set_boolean (value, self->deemed);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cp_obligation_class_init (CpObligationClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags ro = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->dispose = cp_obligation_dispose;
  object_class->finalize = cp_obligation_finalize;
  object_class->get_property = cp_obligation_get_property;

  /**
   * CpObligation:rule:
   *
   * The rule the obligation comes from.
   */
  properties[PROP_RULE] = g_param_spec_object ("rule", NULL, NULL, CP_TYPE_RULE, ro);

  /**
   * CpObligation:rule-id:
   *
   * The rule's catalogue id.
   */
  properties[PROP_RULE_ID] = g_param_spec_string ("rule-id", NULL, NULL, NULL, ro);

  /**
   * CpObligation:key:
   *
   * The rule's key.
   */
  properties[PROP_KEY] = g_param_spec_string ("key", NULL, NULL, NULL, ro);

  /**
   * CpObligation:subject:
   *
   * What the obligation is about ("review 2", "placement 3", "care plan").
   * Never a name or an identifier.
   */
  properties[PROP_SUBJECT] = g_param_spec_string ("subject", NULL, NULL, NULL, ro);

  /**
   * CpObligation:review:
   *
   * The sequence number of the review it belongs to, or 0.
   */
  properties[PROP_REVIEW] = g_param_spec_int ("review", NULL, NULL, 0, G_MAXINT, 0, ro);

  /**
   * CpObligation:due:
   *
   * The last day on time, or %NULL when it cannot be worked out.
   */
  properties[PROP_DUE] = g_param_spec_boxed ("due", NULL, NULL, G_TYPE_DATE, ro);

  /**
   * CpObligation:window-start:
   *
   * The first day it can be met, where that matters (a reconvened
   * meeting cannot come before the adjournment), or %NULL.
   */
  properties[PROP_WINDOW_START] = g_param_spec_boxed ("window-start", NULL, NULL, G_TYPE_DATE, ro);

  /**
   * CpObligation:met-on:
   *
   * The day it was met, or %NULL.
   */
  properties[PROP_MET_ON] = g_param_spec_boxed ("met-on", NULL, NULL, G_TYPE_DATE, ro);

  /**
   * CpObligation:status:
   *
   * Where it stands on the evaluation date.
   */
  properties[PROP_STATUS] =
    g_param_spec_enum ("status", NULL, NULL, CP_TYPE_OBLIGATION_STATUS,
                       CP_OBLIGATION_STATUS_UPCOMING, ro);

  /**
   * CpObligation:citation:
   *
   * The rule's source document and section.
   */
  properties[PROP_CITATION] = g_param_spec_string ("citation", NULL, NULL, NULL, ro);

  /**
   * CpObligation:explanation:
   *
   * One line on how the due date was worked out, and why the status is
   * what it is.
   */
  properties[PROP_EXPLANATION] = g_param_spec_string ("explanation", NULL, NULL, NULL, ro);

  /**
   * CpObligation:deemed:
   *
   * Whether it counts as met without anything being done: a manager's
   * silence deemed agreement where the rule says so.
   */
  properties[PROP_DEEMED] = g_param_spec_boolean ("deemed", NULL, NULL, FALSE, ro);

  /**
   * CpObligation:drift:
   *
   * Whether this is drift: a permanence milestone past its target, not
   * achieved, with no reason recorded for the delay.
   */
  properties[PROP_DRIFT] = g_param_spec_boolean ("drift", NULL, NULL, FALSE, ro);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
cp_obligation_init (CpObligation *self)
{
}

static void
set_julian (GDate *date, guint32 julian)
{
  if (julian != 0)
    g_date_set_julian (date, julian);
}

static const char *status_words[] = {
  [CP_OBLIGATION_STATUS_UPCOMING] = "upcoming",
  [CP_OBLIGATION_STATUS_DUE_SOON] = "due soon",
  [CP_OBLIGATION_STATUS_OVERDUE] = "overdue",
  [CP_OBLIGATION_STATUS_MET_ON_TIME] = "met on time",
  [CP_OBLIGATION_STATUS_MET_LATE] = "met late",
  [CP_OBLIGATION_STATUS_NOT_APPLICABLE] = "not applicable",
  [CP_OBLIGATION_STATUS_NOT_ENOUGH_HISTORY] = "not enough history",
};

/* How the date was worked out: the words of cp_engine_append_reason()
 * (if any), then the reason (if any). */
static void
append_reason (const CpObligationData *d, GString *out)
{
  if (d->reason_anchor != NULL)
    {
      cp_engine_append_reason (out, d->rule, d->reason_word, d->reason_anchor, d->reason_from);
      if (d->reason != NULL)
        cp_text_put (out, d->reason);
    }
  else
    cp_text_put (out, d->reason != NULL ? d->reason : "(null)");
}

void
cp_obligation_data_append_explanation (const CpObligationData *d,
                                       GString                *out)
{
  char a[16], b[16];

  switch (d->form)
    {
    case CP_EXPLAIN_CEASED:
      cp_text_append (out, "not applicable: due %s, after the child ceased to be looked after (%s)",
                      cp_engine_iso (d->lapsed, a), cp_engine_iso (d->ceased, b));
      break;
    case CP_EXPLAIN_NO_HISTORY:
      cp_text_put (out, status_words[d->status]);
      cp_text_put (out, ": ");
      append_reason (d, out);
      break;
    case CP_EXPLAIN_DATED:
      /* Appended piece by piece: this runs for every obligation a caseload
       * check writes. */
      cp_text_put (out, status_words[d->status]);
      cp_text_put (out, "; due ");
      cp_text_put (out, cp_engine_iso (d->due, a));
      cp_text_put (out, ": ");
      append_reason (d, out);
      if (d->met != 0)
        {
          cp_text_put (out, "; done ");
          cp_text_put (out, cp_engine_iso (d->met, b));
        }
      break;
    case CP_EXPLAIN_AS_IS:
    default:
      if (d->reason != NULL)
        cp_text_put (out, d->reason);
      break;
    }
}

static char *
explain (const CpObligationData *d)
{
  GString *s;

  if ((d->form == CP_EXPLAIN_AS_IS || d->form > CP_EXPLAIN_CEASED) && d->reason == NULL)
    return NULL;
  s = g_string_sized_new (128);
  cp_obligation_data_append_explanation (d, s);
  return g_string_free (s, FALSE);
}

CpObligation *
cp_obligation_new_from_data (const CpObligationData *d)
{
  CpObligation *self = g_object_new (CP_TYPE_OBLIGATION, NULL);

  self->rule = g_object_ref (d->rule);
  self->subject = g_strdup (d->subject);
  self->review = d->review;
  set_julian (&self->due, d->due);
  set_julian (&self->window_start, d->window);
  set_julian (&self->met_on, d->met);
  self->status = d->status;
  self->deemed = d->deemed;
  self->drift = d->drift;
  self->explanation = explain (d);
  return self;
}

/**
 * cp_obligation_get_rule:
 * @self: a #CpObligation
 *
 * Gets the [property@Obligation:rule] property.
 *
 * Returns: (transfer none): the rule the obligation comes from
 */
CpRule *
cp_obligation_get_rule (CpObligation *self)
{
  g_return_val_if_fail (CP_IS_OBLIGATION (self), NULL);
  return self->rule;
}

/**
 * cp_obligation_get_rule_id:
 * @self: a #CpObligation
 *
 * Gets the [property@Obligation:rule-id] property.
 *
 * Returns: the rule's catalogue id
 */
const char *
cp_obligation_get_rule_id (CpObligation *self)
{
  g_return_val_if_fail (CP_IS_OBLIGATION (self), NULL);
  return cp_rule_get_id (self->rule);
}

/**
 * cp_obligation_get_key:
 * @self: a #CpObligation
 *
 * Gets the [property@Obligation:key] property.
 *
 * Returns: the rule's key
 */
const char *
cp_obligation_get_key (CpObligation *self)
{
  g_return_val_if_fail (CP_IS_OBLIGATION (self), NULL);
  return cp_rule_get_key (self->rule);
}

/**
 * cp_obligation_get_subject:
 * @self: a #CpObligation
 *
 * Gets the [property@Obligation:subject] property.
 *
 * Returns: what the obligation is about ("review 2")
 */
const char *
cp_obligation_get_subject (CpObligation *self)
{
  g_return_val_if_fail (CP_IS_OBLIGATION (self), NULL);
  return self->subject;
}

/**
 * cp_obligation_get_review:
 * @self: a #CpObligation
 *
 * Gets the [property@Obligation:review] property.
 *
 * Returns: the sequence number of the review it belongs to, or 0
 */
int
cp_obligation_get_review (CpObligation *self)
{
  g_return_val_if_fail (CP_IS_OBLIGATION (self), 0);
  return self->review;
}

/**
 * cp_obligation_get_due:
 * @self: a #CpObligation
 *
 * Gets the [property@Obligation:due] property.
 *
 * Returns: (transfer none) (nullable): the last day on time
 */
const GDate *
cp_obligation_get_due (CpObligation *self)
{
  g_return_val_if_fail (CP_IS_OBLIGATION (self), NULL);
  return valid_or_null (&self->due);
}

/**
 * cp_obligation_get_window_start:
 * @self: a #CpObligation
 *
 * Gets the [property@Obligation:window-start] property.
 *
 * Returns: (transfer none) (nullable): the first day it can be met, where
 *   that matters
 */
const GDate *
cp_obligation_get_window_start (CpObligation *self)
{
  g_return_val_if_fail (CP_IS_OBLIGATION (self), NULL);
  return valid_or_null (&self->window_start);
}

/**
 * cp_obligation_get_met_on:
 * @self: a #CpObligation
 *
 * Gets the [property@Obligation:met-on] property.
 *
 * Returns: (transfer none) (nullable): the day it was met
 */
const GDate *
cp_obligation_get_met_on (CpObligation *self)
{
  g_return_val_if_fail (CP_IS_OBLIGATION (self), NULL);
  return valid_or_null (&self->met_on);
}

/**
 * cp_obligation_get_status:
 * @self: a #CpObligation
 *
 * Gets the [property@Obligation:status] property.
 *
 * Returns: where the obligation stands on the evaluation date
 */
CpObligationStatus
cp_obligation_get_status (CpObligation *self)
{
  g_return_val_if_fail (CP_IS_OBLIGATION (self), CP_OBLIGATION_STATUS_UPCOMING);
  return self->status;
}

/**
 * cp_obligation_get_citation:
 * @self: a #CpObligation
 *
 * Gets the [property@Obligation:citation] property.
 *
 * Returns: the rule's citation
 */
const char *
cp_obligation_get_citation (CpObligation *self)
{
  g_return_val_if_fail (CP_IS_OBLIGATION (self), NULL);
  return cp_rule_get_citation (self->rule);
}

/**
 * cp_obligation_get_explanation:
 * @self: a #CpObligation
 *
 * Gets the [property@Obligation:explanation] property.
 *
 * Returns: how the due date was worked out
 */
const char *
cp_obligation_get_explanation (CpObligation *self)
{
  g_return_val_if_fail (CP_IS_OBLIGATION (self), NULL);
  return self->explanation;
}

/**
 * cp_obligation_get_deemed:
 * @self: a #CpObligation
 *
 * Gets the [property@Obligation:deemed] property.
 *
 * Returns: whether it counts as met by silence (deemed agreement)
 */
gboolean
cp_obligation_get_deemed (CpObligation *self)
{
  g_return_val_if_fail (CP_IS_OBLIGATION (self), FALSE);
  return self->deemed;
}

/**
 * cp_obligation_get_drift:
 * @self: a #CpObligation
 *
 * Gets the [property@Obligation:drift] property.
 *
 * Returns: whether it is a permanence milestone drifting past its target
 *   with no reason recorded
 */
gboolean
cp_obligation_get_drift (CpObligation *self)
{
  g_return_val_if_fail (CP_IS_OBLIGATION (self), FALSE);
  return self->drift;
}
