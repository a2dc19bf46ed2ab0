/* cp-recommendation.c
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include "cp-record-private.h"

/**
 * CpRecommendation:
 *
 * A decision or recommendation of a review, with its owner and timescale.
 */
struct _CpRecommendation
{
  CpRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (CpRecommendation, cp_recommendation, CP_TYPE_RECORD)

enum {
  PROP_0,
  PROP_TEXT,
  PROP_OWNER_ROLE,
  PROP_OWNER,
  PROP_DUE,
  PROP_STARRED,
  PROP_STATUS,
  PROP_COMPLETED_ON,
  PROP_MANAGER_RESPONSE,
  PROP_MANAGER_RESPONSE_ON,
  PROP_NOTIFIED_ON,
  PROP_CONCERNS_ON,
  PROP_AGREED_ON,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
cp_recommendation_class_init (CpRecommendationClass *klass)
{
  /**
   * CpRecommendation:text:
   *
   * What is to be done.
   */
  properties[PROP_TEXT] =
    cp_field_required (g_param_spec_string ("text", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  /**
   * CpRecommendation:owner-role:
   *
   * The role responsible.
   */
  properties[PROP_OWNER_ROLE] =
    g_param_spec_enum ("owner-role", NULL, NULL, CP_TYPE_ROLE, CP_ROLE_UNKNOWN,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * CpRecommendation:owner:
   *
   * The person responsible (a member of staff).
   */
  properties[PROP_OWNER] =
    g_param_spec_string ("owner", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * CpRecommendation:due:
   *
   * When it is to be done by.
   */
  properties[PROP_DUE] =
    cp_field_date ("due", 0);

  /**
   * CpRecommendation:starred:
   *
   * Whether it is a starred recommendation.
   */
  properties[PROP_STARRED] =
    g_param_spec_boolean ("starred", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * CpRecommendation:status:
   *
   * Where it stands.
   */
  properties[PROP_STATUS] =
    g_param_spec_enum ("status", NULL, NULL, CP_TYPE_RECOMMENDATION_STATUS, CP_RECOMMENDATION_STATUS_OPEN,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * CpRecommendation:completed-on:
   *
   * When it was done.
   */
  properties[PROP_COMPLETED_ON] =
    cp_field_date ("completed-on", 0);

  /**
   * CpRecommendation:manager-response:
   *
   * The manager's response.
   */
  properties[PROP_MANAGER_RESPONSE] =
    g_param_spec_string ("manager-response", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * CpRecommendation:manager-response-on:
   *
   * When the manager responded.
   */
  properties[PROP_MANAGER_RESPONSE_ON] =
    cp_field_date ("manager-response-on", 0);

  /**
   * CpRecommendation:notified-on:
   *
   * For a starred recommendation: when the IRO sent it to the managers.
   */
  properties[PROP_NOTIFIED_ON] =
    cp_field_date ("notified-on", 0);

  /**
   * CpRecommendation:concerns-on:
   *
   * For a starred recommendation: when a manager raised concerns about it,
   * or %NULL if none were raised.
   */
  properties[PROP_CONCERNS_ON] =
    cp_field_date ("concerns-on", 0);

  /**
   * CpRecommendation:agreed-on:
   *
   * For a starred recommendation: when the manager and the IRO agreed it,
   * or the changed version of it (the signed agreement form).
   */
  properties[PROP_AGREED_ON] =
    cp_field_date ("agreed-on", 0);

  cp_record_class_install (G_OBJECT_CLASS (klass), properties, N_PROPS);
}

static void
cp_recommendation_init (CpRecommendation *self)
{
}

/**
 * cp_recommendation_new:
 * @text: what is to be done
 *
 * Creates a [class@Recommendation].
 *
 * Returns: (transfer full): a new #CpRecommendation
 */
CpRecommendation *
cp_recommendation_new (const char *text)
{
  g_return_val_if_fail (text != NULL, NULL);

  return g_object_new (CP_TYPE_RECOMMENDATION,
                       "text", text,
                       NULL);
}

/**
 * cp_recommendation_get_text:
 * @self: a #CpRecommendation
 *
 * Gets the [property@Recommendation:text] property.
 *
 * Returns: (transfer none): what is to be done
 */
const char *
cp_recommendation_get_text (CpRecommendation *self)
{
  g_return_val_if_fail (CP_IS_RECOMMENDATION (self), NULL);
  return cp_record_get_string (CP_RECORD (self), PROP_TEXT);
}

/**
 * cp_recommendation_get_owner_role:
 * @self: a #CpRecommendation
 *
 * Gets the [property@Recommendation:owner-role] property.
 *
 * Returns: the role responsible
 */
CpRole
cp_recommendation_get_owner_role (CpRecommendation *self)
{
  g_return_val_if_fail (CP_IS_RECOMMENDATION (self), 0);
  return (CpRole) cp_record_get_enum (CP_RECORD (self), PROP_OWNER_ROLE);
}

/**
 * cp_recommendation_set_owner_role:
 * @self: a #CpRecommendation
 * @owner_role: the role responsible
 *
 * Sets [property@Recommendation:owner-role].
 */
void
cp_recommendation_set_owner_role (CpRecommendation *self,
    CpRole owner_role)
{
  g_return_if_fail (CP_IS_RECOMMENDATION (self));
  cp_record_set_enum (CP_RECORD (self), PROP_OWNER_ROLE, owner_role);
}

/**
 * cp_recommendation_get_owner:
 * @self: a #CpRecommendation
 *
 * Gets the [property@Recommendation:owner] property.
 *
 * Returns: (transfer none) (nullable): the person responsible (a member of staff)
 */
const char *
cp_recommendation_get_owner (CpRecommendation *self)
{
  g_return_val_if_fail (CP_IS_RECOMMENDATION (self), NULL);
  return cp_record_get_string (CP_RECORD (self), PROP_OWNER);
}

/**
 * cp_recommendation_set_owner:
 * @self: a #CpRecommendation
 * @owner: (nullable): the person responsible (a member of staff)
 *
 * Sets [property@Recommendation:owner].
 */
void
cp_recommendation_set_owner (CpRecommendation *self,
    const char *owner)
{
  g_return_if_fail (CP_IS_RECOMMENDATION (self));
  cp_record_set_string (CP_RECORD (self), PROP_OWNER, owner);
}

/**
 * cp_recommendation_get_due:
 * @self: a #CpRecommendation
 *
 * Gets the [property@Recommendation:due] property.
 *
 * Returns: (transfer none) (nullable): when it is to be done by
 */
const GDate *
cp_recommendation_get_due (CpRecommendation *self)
{
  g_return_val_if_fail (CP_IS_RECOMMENDATION (self), NULL);
  return cp_record_get_date (CP_RECORD (self), PROP_DUE);
}

/**
 * cp_recommendation_set_due:
 * @self: a #CpRecommendation
 * @due: (nullable): when it is to be done by
 *
 * Sets [property@Recommendation:due].
 */
void
cp_recommendation_set_due (CpRecommendation *self,
    const GDate *due)
{
  g_return_if_fail (CP_IS_RECOMMENDATION (self));
  cp_record_set_date (CP_RECORD (self), PROP_DUE, due);
}

/**
 * cp_recommendation_get_starred:
 * @self: a #CpRecommendation
 *
 * Gets the [property@Recommendation:starred] property.
 *
 * Returns: whether it is a starred recommendation
 */
gboolean
cp_recommendation_get_starred (CpRecommendation *self)
{
  g_return_val_if_fail (CP_IS_RECOMMENDATION (self), FALSE);
  return cp_record_get_boolean (CP_RECORD (self), PROP_STARRED);
}

/**
 * cp_recommendation_set_starred:
 * @self: a #CpRecommendation
 * @starred: whether it is a starred recommendation
 *
 * Sets [property@Recommendation:starred].
 */
void
cp_recommendation_set_starred (CpRecommendation *self,
    gboolean starred)
{
  g_return_if_fail (CP_IS_RECOMMENDATION (self));
  cp_record_set_boolean (CP_RECORD (self), PROP_STARRED, starred);
}

/**
 * cp_recommendation_get_status:
 * @self: a #CpRecommendation
 *
 * Gets the [property@Recommendation:status] property.
 *
 * Returns: where it stands
 */
CpRecommendationStatus
cp_recommendation_get_status (CpRecommendation *self)
{
  g_return_val_if_fail (CP_IS_RECOMMENDATION (self), 0);
  return (CpRecommendationStatus) cp_record_get_enum (CP_RECORD (self), PROP_STATUS);
}

/**
 * cp_recommendation_set_status:
 * @self: a #CpRecommendation
 * @status: where it stands
 *
 * Sets [property@Recommendation:status].
 */
void
cp_recommendation_set_status (CpRecommendation *self,
    CpRecommendationStatus status)
{
  g_return_if_fail (CP_IS_RECOMMENDATION (self));
  cp_record_set_enum (CP_RECORD (self), PROP_STATUS, status);
}

/**
 * cp_recommendation_get_completed_on:
 * @self: a #CpRecommendation
 *
 * Gets the [property@Recommendation:completed-on] property.
 *
 * Returns: (transfer none) (nullable): when it was done
 */
const GDate *
cp_recommendation_get_completed_on (CpRecommendation *self)
{
  g_return_val_if_fail (CP_IS_RECOMMENDATION (self), NULL);
  return cp_record_get_date (CP_RECORD (self), PROP_COMPLETED_ON);
}

/**
 * cp_recommendation_set_completed_on:
 * @self: a #CpRecommendation
 * @completed_on: (nullable): when it was done
 *
 * Sets [property@Recommendation:completed-on].
 */
void
cp_recommendation_set_completed_on (CpRecommendation *self,
    const GDate *completed_on)
{
  g_return_if_fail (CP_IS_RECOMMENDATION (self));
  cp_record_set_date (CP_RECORD (self), PROP_COMPLETED_ON, completed_on);
}

/**
 * cp_recommendation_get_manager_response:
 * @self: a #CpRecommendation
 *
 * Gets the [property@Recommendation:manager-response] property.
 *
 * Returns: (transfer none) (nullable): the manager's response
 */
const char *
cp_recommendation_get_manager_response (CpRecommendation *self)
{
  g_return_val_if_fail (CP_IS_RECOMMENDATION (self), NULL);
  return cp_record_get_string (CP_RECORD (self), PROP_MANAGER_RESPONSE);
}

/**
 * cp_recommendation_set_manager_response:
 * @self: a #CpRecommendation
 * @manager_response: (nullable): the manager's response
 *
 * Sets [property@Recommendation:manager-response].
 */
void
cp_recommendation_set_manager_response (CpRecommendation *self,
    const char *manager_response)
{
  g_return_if_fail (CP_IS_RECOMMENDATION (self));
  cp_record_set_string (CP_RECORD (self), PROP_MANAGER_RESPONSE, manager_response);
}

/**
 * cp_recommendation_get_manager_response_on:
 * @self: a #CpRecommendation
 *
 * Gets the [property@Recommendation:manager-response-on] property.
 *
 * Returns: (transfer none) (nullable): when the manager responded
 */
const GDate *
cp_recommendation_get_manager_response_on (CpRecommendation *self)
{
  g_return_val_if_fail (CP_IS_RECOMMENDATION (self), NULL);
  return cp_record_get_date (CP_RECORD (self), PROP_MANAGER_RESPONSE_ON);
}

/**
 * cp_recommendation_set_manager_response_on:
 * @self: a #CpRecommendation
 * @manager_response_on: (nullable): when the manager responded
 *
 * Sets [property@Recommendation:manager-response-on].
 */
void
cp_recommendation_set_manager_response_on (CpRecommendation *self,
    const GDate *manager_response_on)
{
  g_return_if_fail (CP_IS_RECOMMENDATION (self));
  cp_record_set_date (CP_RECORD (self), PROP_MANAGER_RESPONSE_ON, manager_response_on);
}

/**
 * cp_recommendation_get_notified_on:
 * @self: a #CpRecommendation
 *
 * Gets the [property@Recommendation:notified-on] property.
 *
 * Returns: (transfer none) (nullable): when the starred recommendation was sent to the managers
 */
const GDate *
cp_recommendation_get_notified_on (CpRecommendation *self)
{
  g_return_val_if_fail (CP_IS_RECOMMENDATION (self), NULL);
  return cp_record_get_date (CP_RECORD (self), PROP_NOTIFIED_ON);
}

/**
 * cp_recommendation_set_notified_on:
 * @self: a #CpRecommendation
 * @notified_on: (nullable): when the starred recommendation was sent to the managers
 *
 * Sets [property@Recommendation:notified-on].
 */
void
cp_recommendation_set_notified_on (CpRecommendation *self,
    const GDate *notified_on)
{
  g_return_if_fail (CP_IS_RECOMMENDATION (self));
  cp_record_set_date (CP_RECORD (self), PROP_NOTIFIED_ON, notified_on);
}

/**
 * cp_recommendation_get_concerns_on:
 * @self: a #CpRecommendation
 *
 * Gets the [property@Recommendation:concerns-on] property.
 *
 * Returns: (transfer none) (nullable): when a manager raised concerns about it
 */
const GDate *
cp_recommendation_get_concerns_on (CpRecommendation *self)
{
  g_return_val_if_fail (CP_IS_RECOMMENDATION (self), NULL);
  return cp_record_get_date (CP_RECORD (self), PROP_CONCERNS_ON);
}

/**
 * cp_recommendation_set_concerns_on:
 * @self: a #CpRecommendation
 * @concerns_on: (nullable): when a manager raised concerns about it
 *
 * Sets [property@Recommendation:concerns-on].
 */
void
cp_recommendation_set_concerns_on (CpRecommendation *self,
    const GDate *concerns_on)
{
  g_return_if_fail (CP_IS_RECOMMENDATION (self));
  cp_record_set_date (CP_RECORD (self), PROP_CONCERNS_ON, concerns_on);
}

/**
 * cp_recommendation_get_agreed_on:
 * @self: a #CpRecommendation
 *
 * Gets the [property@Recommendation:agreed-on] property.
 *
 * Returns: (transfer none) (nullable): when the manager and the IRO agreed it
 */
const GDate *
cp_recommendation_get_agreed_on (CpRecommendation *self)
{
  g_return_val_if_fail (CP_IS_RECOMMENDATION (self), NULL);
  return cp_record_get_date (CP_RECORD (self), PROP_AGREED_ON);
}

/**
 * cp_recommendation_set_agreed_on:
 * @self: a #CpRecommendation
 * @agreed_on: (nullable): when the manager and the IRO agreed it
 *
 * Sets [property@Recommendation:agreed-on].
 */
void
cp_recommendation_set_agreed_on (CpRecommendation *self,
    const GDate *agreed_on)
{
  g_return_if_fail (CP_IS_RECOMMENDATION (self));
  cp_record_set_date (CP_RECORD (self), PROP_AGREED_ON, agreed_on);
}
