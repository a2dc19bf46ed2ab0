/* cp-history-entry.c
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include "cp-record-private.h"

/**
 * CpHistoryEntry:
 *
 * One line of a case's change history: who did what, when, and why.
 */
struct _CpHistoryEntry
{
  CpRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (CpHistoryEntry, cp_history_entry, CP_TYPE_RECORD)

enum {
  PROP_0,
  PROP_DATE,
  PROP_ACTOR_ROLE,
  PROP_ACTOR,
  PROP_ACTION,
  PROP_REASON,
  PROP_REFUSED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
cp_history_entry_class_init (CpHistoryEntryClass *klass)
{
  /**
   * CpHistoryEntry:date:
   *
   * When.
   */
  properties[PROP_DATE] =
    cp_field_date ("date", CP_FIELD_REQUIRED | CP_FIELD_FIXED);

  /**
   * CpHistoryEntry:actor-role:
   *
   * The role of who acted.
   */
  properties[PROP_ACTOR_ROLE] =
    g_param_spec_enum ("actor-role", NULL, NULL, CP_TYPE_ROLE, CP_ROLE_UNKNOWN,
                       G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /**
   * CpHistoryEntry:actor:
   *
   * Who acted (a member of staff), if recorded.
   */
  properties[PROP_ACTOR] =
    g_param_spec_string ("actor", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /**
   * CpHistoryEntry:action:
   *
   * What was done, as a dotted name such as `care-plan.authorise`.
   */
  properties[PROP_ACTION] =
    cp_field_required (g_param_spec_string ("action", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  /**
   * CpHistoryEntry:reason:
   *
   * Why, or why it was refused.
   */
  properties[PROP_REASON] =
    g_param_spec_string ("reason", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /**
   * CpHistoryEntry:refused:
   *
   * Whether the action was refused.
   */
  properties[PROP_REFUSED] =
    g_param_spec_boolean ("refused", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  cp_record_class_install (G_OBJECT_CLASS (klass), properties, N_PROPS);
}

static void
cp_history_entry_init (CpHistoryEntry *self)
{
}

/**
 * cp_history_entry_new:
 * @date: when
 * @action: what was done, as a dotted name such as `care-plan.authorise`
 *
 * Creates a [class@HistoryEntry].
 *
 * Returns: (transfer full): a new #CpHistoryEntry
 */
CpHistoryEntry *
cp_history_entry_new (const GDate *date, const char *action)
{
  g_return_val_if_fail (date != NULL, NULL);
  g_return_val_if_fail (action != NULL, NULL);

  return g_object_new (CP_TYPE_HISTORY_ENTRY,
                       "date", date,
                       "action", action,
                       NULL);
}

/**
 * cp_history_entry_get_date:
 * @self: a #CpHistoryEntry
 *
 * Gets the [property@HistoryEntry:date] property.
 *
 * Returns: (transfer none): when
 */
const GDate *
cp_history_entry_get_date (CpHistoryEntry *self)
{
  g_return_val_if_fail (CP_IS_HISTORY_ENTRY (self), NULL);
  return cp_record_get_date (CP_RECORD (self), PROP_DATE);
}

/**
 * cp_history_entry_get_actor_role:
 * @self: a #CpHistoryEntry
 *
 * Gets the [property@HistoryEntry:actor-role] property.
 *
 * Returns: the role of who acted
 */
CpRole
cp_history_entry_get_actor_role (CpHistoryEntry *self)
{
  g_return_val_if_fail (CP_IS_HISTORY_ENTRY (self), 0);
  return (CpRole) cp_record_get_enum (CP_RECORD (self), PROP_ACTOR_ROLE);
}

/**
 * cp_history_entry_get_actor:
 * @self: a #CpHistoryEntry
 *
 * Gets the [property@HistoryEntry:actor] property.
 *
 * Returns: (transfer none) (nullable): who acted (a member of staff), if recorded
 */
const char *
cp_history_entry_get_actor (CpHistoryEntry *self)
{
  g_return_val_if_fail (CP_IS_HISTORY_ENTRY (self), NULL);
  return cp_record_get_string (CP_RECORD (self), PROP_ACTOR);
}

/**
 * cp_history_entry_get_action:
 * @self: a #CpHistoryEntry
 *
 * Gets the [property@HistoryEntry:action] property.
 *
 * Returns: (transfer none): what was done, as a dotted name such as `care-plan.authorise`
 */
const char *
cp_history_entry_get_action (CpHistoryEntry *self)
{
  g_return_val_if_fail (CP_IS_HISTORY_ENTRY (self), NULL);
  return cp_record_get_string (CP_RECORD (self), PROP_ACTION);
}

/**
 * cp_history_entry_get_reason:
 * @self: a #CpHistoryEntry
 *
 * Gets the [property@HistoryEntry:reason] property.
 *
 * Returns: (transfer none) (nullable): why, or why it was refused
 */
const char *
cp_history_entry_get_reason (CpHistoryEntry *self)
{
  g_return_val_if_fail (CP_IS_HISTORY_ENTRY (self), NULL);
  return cp_record_get_string (CP_RECORD (self), PROP_REASON);
}

/**
 * cp_history_entry_get_refused:
 * @self: a #CpHistoryEntry
 *
 * Gets the [property@HistoryEntry:refused] property.
 *
 * Returns: whether the action was refused
 */
gboolean
cp_history_entry_get_refused (CpHistoryEntry *self)
{
  g_return_val_if_fail (CP_IS_HISTORY_ENTRY (self), FALSE);
  return cp_record_get_boolean (CP_RECORD (self), PROP_REFUSED);
}
