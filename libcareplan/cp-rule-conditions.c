/* cp-rule-conditions.c: the fields of a CpRule that say when it applies
 * (ages, school years, placements, legal statuses, areas, the kind of
 * placement or review, what must be recorded) and their getters
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include "cp-record-private.h"
#include "cp-rule-fields-private.h"
#include "cp-rule-private.h"

/* Called by cp_rule_class_init() before the fields are installed. */
void
cp_rule_conditions_install (GParamSpec **properties)
{
  /**
   * CpRule:min-months:
   *
   * For a review without a meeting: the months the child must have been in the placement.
   */
  properties[PROP_MIN_MONTHS] =
    g_param_spec_int ("min-months", NULL, NULL, 0, 600, 0,
                      G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /**
   * CpRule:long-term-only:
   *
   * For a review without a meeting: only in a placement designated long-term.
   */
  properties[PROP_LONG_TERM_ONLY] =
    g_param_spec_boolean ("long-term-only", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /**
   * CpRule:excluded-placements:
   *
   * For a review without a meeting: placement types it is not allowed in (nicks of #CpPlacementType).
   */
  properties[PROP_EXCLUDED_PLACEMENTS] =
    g_param_spec_boxed ("excluded-placements", NULL, NULL, G_TYPE_STRV,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /**
   * CpRule:starred-only:
   *
   * For a recommendation rule: it applies only to starred recommendations.
   * For an escalation stage: its time limit applies only to a dispute about
   * a starred recommendation.
   */
  properties[PROP_STARRED_ONLY] =
    g_param_spec_boolean ("starred-only", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /**
   * CpRule:min-age-months:
   *
   * For an activity or interval rule: applies only from this age, in
   * months (192 for 16); 0 for no lower limit. For a leaving-care-status
   * rule: the age the qualifying time counts from (168 for 14).
   */
  properties[PROP_MIN_AGE_MONTHS] =
    g_param_spec_int ("min-age-months", NULL, NULL, 0, 600, 0,
                      G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /**
   * CpRule:max-age-months:
   *
   * For an activity or interval rule: applies only below this age, in
   * months (60 for "under 5"); 0 for no upper limit. For a
   * leaving-care-status rule: the age the child must be looked after at or
   * after (192 for 16).
   */
  properties[PROP_MAX_AGE_MONTHS] =
    g_param_spec_int ("max-age-months", NULL, NULL, 0, 600, 0,
                      G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /**
   * CpRule:max-months:
   *
   * For an interval rule: applies only while the child has been in the
   * current placement less than this many months (12 for "the first year
   * of the placement"); 0 for no limit. [property@Rule:min-months] is the
   * lower bound.
   */
  properties[PROP_MAX_MONTHS] =
    g_param_spec_int ("max-months", NULL, NULL, 0, 600, 0,
                      G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /**
   * CpRule:placements:
   *
   * For an activity, interval or review-without-meeting rule: the placement
   * types it applies to (nicks of #CpPlacementType); %NULL for all.
   */
  properties[PROP_PLACEMENTS] =
    g_param_spec_boxed ("placements", NULL, NULL, G_TYPE_STRV,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /**
   * CpRule:emergency-only:
   *
   * For an activity rule anchored on placements: only emergency placements.
   */
  properties[PROP_EMERGENCY_ONLY] =
    g_param_spec_boolean ("emergency-only", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /**
   * CpRule:eligible-only:
   *
   * For an activity rule: only for a child who is "eligible" for leaving-care
   * support; the duty falls due no earlier than the day the child becomes
   * eligible.
   */
  properties[PROP_ELIGIBLE_ONLY] =
    g_param_spec_boolean ("eligible-only", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /**
   * CpRule:legal-statuses:
   *
   * For an authority rule about ceasing care: the legal statuses (nicks of
   * #CpLegalStatusKind) it applies to on the day; %NULL for all.
   */
  properties[PROP_LEGAL_STATUSES] =
    g_param_spec_boxed ("legal-statuses", NULL, NULL, G_TYPE_STRV,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /**
   * CpRule:areas:
   *
   * For an authority rule about placing a child: the areas (nicks of
   * #CpPlacementArea) it applies to; %NULL for all.
   */
  properties[PROP_AREAS] =
    g_param_spec_boxed ("areas", NULL, NULL, G_TYPE_STRV,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /**
   * CpRule:min-school-year:
   *
   * For an authority rule about moving a child: applies from this school
   * year (England: the child's age on the 31 August before the school year
   * began, less 4); 0 for no limit.
   */
  properties[PROP_MIN_SCHOOL_YEAR] =
    g_param_spec_int ("min-school-year", NULL, NULL, 0, 14, 0,
                      G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /**
   * CpRule:max-school-year:
   *
   * For an authority rule about moving a child: applies up to and including
   * this school year; 0 for no limit.
   */
  properties[PROP_MAX_SCHOOL_YEAR] =
    g_param_spec_int ("max-school-year", NULL, NULL, 0, 14, 0,
                      G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /**
   * CpRule:school-year-start:
   *
   * For an authority rule with school years: the month and day the school
   * year begins (`MM-DD`).
   */
  properties[PROP_SCHOOL_YEAR_START] =
    g_param_spec_string ("school-year-start", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /**
   * CpRule:school-age-offset:
   *
   * For an authority rule with school years: the school year is the
   * child's age in whole years on the day before the school year begins,
   * less this.
   */
  properties[PROP_SCHOOL_AGE_OFFSET] =
    g_param_spec_int ("school-age-offset", NULL, NULL, 0, 30, 0,
                      G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /**
   * CpRule:short-term-only:
   *
   * For an interval rule: only while the current placement is not
   * designated long-term (the opposite of [property@Rule:long-term-only]).
   */
  properties[PROP_SHORT_TERM_ONLY] =
    g_param_spec_boolean ("short-term-only", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /**
   * CpRule:first-review:
   *
   * For an interval rule: `before` (only until the first statutory review
   * is held) or `after` (only once it has been held); %NULL for both.
   */
  properties[PROP_FIRST_REVIEW] =
    g_param_spec_string ("first-review", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /**
   * CpRule:first-review-of:
   *
   * With [property@Rule:first-review]: `care` (the child's first review,
   * the default) or `placement` (the first review held on or after the
   * start of the current placement, or of the current legal status when
   * the rule lists legal statuses and it began later).
   */
  properties[PROP_FIRST_REVIEW_OF] =
    g_param_spec_string ("first-review-of", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /**
   * CpRule:intended-until-18-only:
   *
   * For an activity or interval rule: only while the current placement is
   * recorded as intended to last until the child is 18
   * ([property@Placement:intended-until-18]).
   */
  properties[PROP_INTENDED_UNTIL_18_ONLY] =
    g_param_spec_boolean ("intended-until-18-only", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /**
   * CpRule:recorded:
   *
   * For an activity or interval rule: the duties (nicks of [enum@Duty]) of
   * which an activity must be recorded during the current placement, on or
   * before the day, for the rule to apply (the child's agreement to fewer
   * visits, a decision to reduce them).
   */
  properties[PROP_RECORDED] =
    g_param_spec_boxed ("recorded", NULL, NULL, G_TYPE_STRV,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /**
   * CpRule:review-kind:
   *
   * For a review-preparation or review-follow-up rule: the nick of the
   * [enum@ReviewKind] of the reviews it applies to (`consultation-only`);
   * %NULL for every review.
   */
  properties[PROP_REVIEW_KIND] =
    g_param_spec_string ("review-kind", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /**
   * CpRule:unless-done:
   *
   * For an activity rule: the rule does not apply when an activity of this
   * duty (a nick of #CpDuty) was done before the day it counts from (a
   * relevant child who already has a pathway plan needs no new assessment).
   */
  properties[PROP_UNLESS_DONE] =
    g_param_spec_string ("unless-done", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /**
   * CpRule:care-leavers:
   *
   * For an activity or interval rule: the duty goes on after care ends for
   * a relevant or former relevant young person, until the ages of the
   * profile's leaving-care-status rule end it.
   */
  properties[PROP_CARE_LEAVERS] =
    g_param_spec_boolean ("care-leavers", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /**
   * CpRule:after-care:
   *
   * For an activity rule: the duty still falls due after the child has
   * stopped being looked after (a child-in-need plan after a return home).
   */
  properties[PROP_AFTER_CARE] =
    g_param_spec_boolean ("after-care", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);
}

/**
 * cp_rule_get_min_months:
 * @self: a #CpRule
 *
 * Gets the [property@Rule:min-months] property.
 *
 * Returns: for a review without a meeting: the months the child must have been in the placement
 */
int
cp_rule_get_min_months (CpRule *self)
{
  g_return_val_if_fail (CP_IS_RULE (self), 0);
  return cp_record_get_int (CP_RECORD (self), PROP_MIN_MONTHS);
}

/**
 * cp_rule_get_long_term_only:
 * @self: a #CpRule
 *
 * Gets the [property@Rule:long-term-only] property.
 *
 * Returns: for a review without a meeting: only in a placement designated long-term
 */
gboolean
cp_rule_get_long_term_only (CpRule *self)
{
  g_return_val_if_fail (CP_IS_RULE (self), FALSE);
  return cp_record_get_boolean (CP_RECORD (self), PROP_LONG_TERM_ONLY);
}

/**
 * cp_rule_get_excluded_placements:
 * @self: a #CpRule
 *
 * Gets the [property@Rule:excluded-placements] property.
 *
 * Returns: (transfer none) (nullable) (array zero-terminated=1): for a review without a meeting: placement types it is not allowed in (nicks of #CpPlacementType)
 */
const char * const *
cp_rule_get_excluded_placements (CpRule *self)
{
  g_return_val_if_fail (CP_IS_RULE (self), NULL);
  return cp_record_get_strv (CP_RECORD (self), PROP_EXCLUDED_PLACEMENTS);
}

/**
 * cp_rule_get_starred_only:
 * @self: a #CpRule
 *
 * Gets the [property@Rule:starred-only] property.
 *
 * Returns: for a recommendation rule, whether it applies only to starred
 *   recommendations; for an escalation stage, whether its time limit does
 */
gboolean
cp_rule_get_starred_only (CpRule *self)
{
  g_return_val_if_fail (CP_IS_RULE (self), FALSE);
  return cp_record_get_boolean (CP_RECORD (self), PROP_STARRED_ONLY);
}

/**
 * cp_rule_get_min_age_months:
 * @self: a #CpRule
 *
 * Gets the [property@Rule:min-age-months] property.
 *
 * Returns: for an activity or interval rule: the youngest age it applies at, in months (0: any)
 */
int
cp_rule_get_min_age_months (CpRule *self)
{
  g_return_val_if_fail (CP_IS_RULE (self), 0);
  return cp_record_get_int (CP_RECORD (self), PROP_MIN_AGE_MONTHS);
}

/**
 * cp_rule_get_max_age_months:
 * @self: a #CpRule
 *
 * Gets the [property@Rule:max-age-months] property.
 *
 * Returns: for an activity or interval rule: the age, in months, from which it no longer applies (0: none)
 */
int
cp_rule_get_max_age_months (CpRule *self)
{
  g_return_val_if_fail (CP_IS_RULE (self), 0);
  return cp_record_get_int (CP_RECORD (self), PROP_MAX_AGE_MONTHS);
}

/**
 * cp_rule_get_max_months:
 * @self: a #CpRule
 *
 * Gets the [property@Rule:max-months] property.
 *
 * Returns: for an interval rule: the months in the current placement below which it applies (0: no limit)
 */
int
cp_rule_get_max_months (CpRule *self)
{
  g_return_val_if_fail (CP_IS_RULE (self), 0);
  return cp_record_get_int (CP_RECORD (self), PROP_MAX_MONTHS);
}

/**
 * cp_rule_get_placements:
 * @self: a #CpRule
 *
 * Gets the [property@Rule:placements] property.
 *
 * Returns: (transfer none) (nullable) (array zero-terminated=1): for an activity, interval or review-without-meeting rule: the placement types it applies to (nicks of #CpPlacementType), or %NULL for all
 */
const char * const *
cp_rule_get_placements (CpRule *self)
{
  g_return_val_if_fail (CP_IS_RULE (self), NULL);
  return cp_record_get_strv (CP_RECORD (self), PROP_PLACEMENTS);
}

/**
 * cp_rule_get_emergency_only:
 * @self: a #CpRule
 *
 * Gets the [property@Rule:emergency-only] property.
 *
 * Returns: for an activity rule on placements: only emergency placements
 */
gboolean
cp_rule_get_emergency_only (CpRule *self)
{
  g_return_val_if_fail (CP_IS_RULE (self), FALSE);
  return cp_record_get_boolean (CP_RECORD (self), PROP_EMERGENCY_ONLY);
}

/**
 * cp_rule_get_eligible_only:
 * @self: a #CpRule
 *
 * Gets the [property@Rule:eligible-only] property.
 *
 * Returns: for an activity rule: only for a child eligible for leaving-care support
 */
gboolean
cp_rule_get_eligible_only (CpRule *self)
{
  g_return_val_if_fail (CP_IS_RULE (self), FALSE);
  return cp_record_get_boolean (CP_RECORD (self), PROP_ELIGIBLE_ONLY);
}

/**
 * cp_rule_get_legal_statuses:
 * @self: a #CpRule
 *
 * Gets the [property@Rule:legal-statuses] property.
 *
 * Returns: (transfer none) (nullable) (array zero-terminated=1): for an authority rule about ceasing care: the legal statuses it applies to (nicks of #CpLegalStatusKind), or %NULL for all
 */
const char * const *
cp_rule_get_legal_statuses (CpRule *self)
{
  g_return_val_if_fail (CP_IS_RULE (self), NULL);
  return cp_record_get_strv (CP_RECORD (self), PROP_LEGAL_STATUSES);
}

/**
 * cp_rule_get_areas:
 * @self: a #CpRule
 *
 * Gets the [property@Rule:areas] property.
 *
 * Returns: (transfer none) (nullable) (array zero-terminated=1): for an authority rule about placing a child: the areas it applies to (nicks of #CpPlacementArea), or %NULL for all
 */
const char * const *
cp_rule_get_areas (CpRule *self)
{
  g_return_val_if_fail (CP_IS_RULE (self), NULL);
  return cp_record_get_strv (CP_RECORD (self), PROP_AREAS);
}

/**
 * cp_rule_get_min_school_year:
 * @self: a #CpRule
 *
 * Gets the [property@Rule:min-school-year] property.
 *
 * Returns: for an authority rule about moving a child: the first school year it applies in (0: any)
 */
int
cp_rule_get_min_school_year (CpRule *self)
{
  g_return_val_if_fail (CP_IS_RULE (self), 0);
  return cp_record_get_int (CP_RECORD (self), PROP_MIN_SCHOOL_YEAR);
}

/**
 * cp_rule_get_max_school_year:
 * @self: a #CpRule
 *
 * Gets the [property@Rule:max-school-year] property.
 *
 * Returns: for an authority rule about moving a child: the last school year it applies in (0: any)
 */
int
cp_rule_get_max_school_year (CpRule *self)
{
  g_return_val_if_fail (CP_IS_RULE (self), 0);
  return cp_record_get_int (CP_RECORD (self), PROP_MAX_SCHOOL_YEAR);
}

/**
 * cp_rule_get_school_year_start:
 * @self: a #CpRule
 *
 * Gets the [property@Rule:school-year-start] property.
 *
 * Returns: (nullable): the month and day the school year begins (`MM-DD`)
 */
const char *
cp_rule_get_school_year_start (CpRule *self)
{
  g_return_val_if_fail (CP_IS_RULE (self), NULL);
  return cp_record_get_string (CP_RECORD (self), PROP_SCHOOL_YEAR_START);
}

/**
 * cp_rule_get_school_age_offset:
 * @self: a #CpRule
 *
 * Gets the [property@Rule:school-age-offset] property.
 *
 * Returns: what the age before the school year begins is less than the school year
 */
int
cp_rule_get_school_age_offset (CpRule *self)
{
  g_return_val_if_fail (CP_IS_RULE (self), 0);
  return cp_record_get_int (CP_RECORD (self), PROP_SCHOOL_AGE_OFFSET);
}

/**
 * cp_rule_get_short_term_only:
 * @self: a #CpRule
 *
 * Gets the [property@Rule:short-term-only] property.
 *
 * Returns: for an interval rule: only while the current placement is not designated long-term
 */
gboolean
cp_rule_get_short_term_only (CpRule *self)
{
  g_return_val_if_fail (CP_IS_RULE (self), FALSE);
  return cp_record_get_boolean (CP_RECORD (self), PROP_SHORT_TERM_ONLY);
}

/**
 * cp_rule_get_first_review:
 * @self: a #CpRule
 *
 * Gets the [property@Rule:first-review] property.
 *
 * Returns: (nullable): for an interval rule: `before` or `after` the first review is held, or %NULL for both
 */
const char *
cp_rule_get_first_review (CpRule *self)
{
  g_return_val_if_fail (CP_IS_RULE (self), NULL);
  return cp_record_get_string (CP_RECORD (self), PROP_FIRST_REVIEW);
}

/**
 * cp_rule_get_first_review_of:
 * @self: a #CpRule
 *
 * Gets the [property@Rule:first-review-of] property.
 *
 * Returns: (nullable): `care`, `placement`, or %NULL (the child's first review)
 */
const char *
cp_rule_get_first_review_of (CpRule *self)
{
  g_return_val_if_fail (CP_IS_RULE (self), NULL);
  return cp_record_get_string (CP_RECORD (self), PROP_FIRST_REVIEW_OF);
}

/**
 * cp_rule_get_intended_until_18_only:
 * @self: a #CpRule
 *
 * Gets the [property@Rule:intended-until-18-only] property.
 *
 * Returns: whether the rule applies only while the placement is intended to last until 18
 */
gboolean
cp_rule_get_intended_until_18_only (CpRule *self)
{
  g_return_val_if_fail (CP_IS_RULE (self), FALSE);
  return cp_record_get_boolean (CP_RECORD (self), PROP_INTENDED_UNTIL_18_ONLY);
}

/**
 * cp_rule_get_recorded:
 * @self: a #CpRule
 *
 * Gets the [property@Rule:recorded] property.
 *
 * Returns: (transfer none) (nullable) (array zero-terminated=1): the duties that must be recorded during the placement
 */
const char * const *
cp_rule_get_recorded (CpRule *self)
{
  g_return_val_if_fail (CP_IS_RULE (self), NULL);
  return cp_record_get_strv (CP_RECORD (self), PROP_RECORDED);
}

/**
 * cp_rule_get_review_kind:
 * @self: a #CpRule
 *
 * Gets the [property@Rule:review-kind] property.
 *
 * Returns: (transfer none) (nullable): the nick of the kind of review a
 *   preparation or follow-up rule applies to, or %NULL for every review
 */
const char *
cp_rule_get_review_kind (CpRule *self)
{
  g_return_val_if_fail (CP_IS_RULE (self), NULL);
  return cp_record_get_string (CP_RECORD (self), PROP_REVIEW_KIND);
}

/**
 * cp_rule_get_unless_done:
 * @self: a #CpRule
 *
 * Gets the [property@Rule:unless-done] property.
 *
 * Returns: (nullable): for an activity rule: the duty whose earlier activity means the rule does not apply
 */
const char *
cp_rule_get_unless_done (CpRule *self)
{
  g_return_val_if_fail (CP_IS_RULE (self), NULL);
  return cp_record_get_string (CP_RECORD (self), PROP_UNLESS_DONE);
}

/**
 * cp_rule_get_care_leavers:
 * @self: a #CpRule
 *
 * Gets the [property@Rule:care-leavers] property.
 *
 * Returns: whether the duty goes on for care leavers after care ends
 */
gboolean
cp_rule_get_care_leavers (CpRule *self)
{
  g_return_val_if_fail (CP_IS_RULE (self), FALSE);
  return cp_record_get_boolean (CP_RECORD (self), PROP_CARE_LEAVERS);
}

/**
 * cp_rule_get_after_care:
 * @self: a #CpRule
 *
 * Gets the [property@Rule:after-care] property.
 *
 * Returns: for an activity rule: whether the duty still falls due after the
 *   child has stopped being looked after
 */
gboolean
cp_rule_get_after_care (CpRule *self)
{
  g_return_val_if_fail (CP_IS_RULE (self), FALSE);
  return cp_record_get_boolean (CP_RECORD (self), PROP_AFTER_CARE);
}

void
cp_rule_conditions_fill (CpRule           *self,
                         CpRuleConditions *c)
{
  c->kind = cp_rule_get_kind (self);
  c->min_age_months = cp_rule_get_min_age_months (self);
  c->max_age_months = cp_rule_get_max_age_months (self);
  c->min_months = cp_rule_get_min_months (self);
  c->max_months = cp_rule_get_max_months (self);
  c->first_review = cp_rule_get_first_review (self);
  c->first_review_after = g_strcmp0 (c->first_review, "after") == 0;
  c->first_review_of_placement = g_strcmp0 (cp_rule_get_first_review_of (self), "placement") == 0;
  c->legal_statuses = cp_rule_get_legal_statuses (self);
  c->placements = cp_rule_get_placements (self);
  c->excluded_placements = cp_rule_get_excluded_placements (self);
  c->recorded = cp_rule_get_recorded (self);
  c->long_term_only = cp_rule_get_long_term_only (self);
  c->short_term_only = cp_rule_get_short_term_only (self);
  c->intended_until_18_only = cp_rule_get_intended_until_18_only (self);
  c->any_placement = c->placements == NULL && c->min_months == 0 && c->max_months == 0 &&
                     !c->long_term_only && !c->short_term_only && !c->intended_until_18_only &&
                     c->recorded == NULL;
}
