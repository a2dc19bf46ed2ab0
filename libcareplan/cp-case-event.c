/* cp-case-event.c
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include "cp-record-private.h"

/**
 * CpCaseEvent:
 *
 * Something that happened in a case and that a policy profile may treat as
 * a reason to bring the next review forward: a request for a review, a
 * placement breakdown, a school exclusion. Which events do, and whether
 * they need the IRO's agreement, is up to the profile's
 * [enum@RuleKind.REVIEW_TRIGGER] rules.
 */
struct _CpCaseEvent
{
  CpRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (CpCaseEvent, cp_case_event, CP_TYPE_RECORD)

enum {
  PROP_0,
  PROP_KIND,
  PROP_DATE,
  PROP_IRO_AGREED,
  PROP_NOTE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
cp_case_event_class_init (CpCaseEventClass *klass)
{
  /**
   * CpCaseEvent:kind:
   *
   * What happened.
   */
  properties[PROP_KIND] =
    cp_field_required (g_param_spec_enum ("kind", NULL, NULL, CP_TYPE_EVENT_KIND, 0,
                       G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  /**
   * CpCaseEvent:date:
   *
   * When it happened.
   */
  properties[PROP_DATE] =
    cp_field_date ("date", CP_FIELD_REQUIRED | CP_FIELD_FIXED);

  /**
   * CpCaseEvent:iro-agreed:
   *
   * Whether the IRO agreed that the event should bring the review forward.
   * Profiles whose trigger needs the IRO's agreement read it.
   */
  properties[PROP_IRO_AGREED] =
    g_param_spec_boolean ("iro-agreed", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * CpCaseEvent:note:
   *
   * Free text for the case worker. The library never prints it.
   */
  properties[PROP_NOTE] =
    g_param_spec_string ("note", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  cp_record_class_install (G_OBJECT_CLASS (klass), properties, N_PROPS);
}

static void
cp_case_event_init (CpCaseEvent *self)
{
}

/**
 * cp_case_event_new:
 * @kind: what happened
 * @date: when it happened
 *
 * Creates a [class@CaseEvent].
 *
 * Returns: (transfer full): a new #CpCaseEvent
 */
CpCaseEvent *
cp_case_event_new (CpEventKind  kind,
                   const GDate *date)
{
  g_return_val_if_fail (date != NULL && g_date_valid (date), NULL);

  return g_object_new (CP_TYPE_CASE_EVENT,
                       "kind", kind,
                       "date", date,
                       NULL);
}

/**
 * cp_case_event_get_kind:
 * @self: a #CpCaseEvent
 *
 * Gets the [property@CaseEvent:kind] property.
 *
 * Returns: what happened
 */
CpEventKind
cp_case_event_get_kind (CpCaseEvent *self)
{
  g_return_val_if_fail (CP_IS_CASE_EVENT (self), 0);
  return (CpEventKind) cp_record_get_enum (CP_RECORD (self), PROP_KIND);
}

/**
 * cp_case_event_get_date:
 * @self: a #CpCaseEvent
 *
 * Gets the [property@CaseEvent:date] property.
 *
 * Returns: (transfer none): when it happened
 */
const GDate *
cp_case_event_get_date (CpCaseEvent *self)
{
  g_return_val_if_fail (CP_IS_CASE_EVENT (self), NULL);
  return cp_record_get_date (CP_RECORD (self), PROP_DATE);
}

/**
 * cp_case_event_get_iro_agreed:
 * @self: a #CpCaseEvent
 *
 * Gets the [property@CaseEvent:iro-agreed] property.
 *
 * Returns: whether the IRO agreed to bring the review forward
 */
gboolean
cp_case_event_get_iro_agreed (CpCaseEvent *self)
{
  g_return_val_if_fail (CP_IS_CASE_EVENT (self), FALSE);
  return cp_record_get_boolean (CP_RECORD (self), PROP_IRO_AGREED);
}

/**
 * cp_case_event_set_iro_agreed:
 * @self: a #CpCaseEvent
 * @iro_agreed: whether the IRO agreed
 *
 * Sets [property@CaseEvent:iro-agreed].
 */
void
cp_case_event_set_iro_agreed (CpCaseEvent *self,
                              gboolean     iro_agreed)
{
  g_return_if_fail (CP_IS_CASE_EVENT (self));
  cp_record_set_boolean (CP_RECORD (self), PROP_IRO_AGREED, iro_agreed);
}

/**
 * cp_case_event_get_note:
 * @self: a #CpCaseEvent
 *
 * Gets the [property@CaseEvent:note] property.
 *
 * Returns: (nullable): the note
 */
const char *
cp_case_event_get_note (CpCaseEvent *self)
{
  g_return_val_if_fail (CP_IS_CASE_EVENT (self), NULL);
  return cp_record_get_string (CP_RECORD (self), PROP_NOTE);
}

/**
 * cp_case_event_set_note:
 * @self: a #CpCaseEvent
 * @note: (nullable): the note
 *
 * Sets [property@CaseEvent:note].
 */
void
cp_case_event_set_note (CpCaseEvent *self,
                        const char  *note)
{
  g_return_if_fail (CP_IS_CASE_EVENT (self));
  cp_record_set_string (CP_RECORD (self), PROP_NOTE, note);
}
