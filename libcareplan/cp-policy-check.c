/* cp-policy-check.c: the checks on a rule that hold for every kind
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * What the profile loader checks of each rule beyond its well-typed
 * fields: codes it names, fields that belong to other kinds, its period in
 * force, a timescale the calendar can count. What each kind needs (its
 * anchors, duties, direction, fields of its own) is checked with the
 * mechanism that applies it (cp_engine_check_rule_kind(), cp-engine.c).
 */

#include "config.h"

#include <stdio.h>
#include <string.h>

#include "cp-bank-holidays-private.h"
#include "cp-calendar-private.h"
#include "cp-engine-private.h"
#include "cp-error-private.h"
#include "cp-policy-private.h"
#include "cp-record-private.h"

/* Every code in a list field of a rule is a nick of @type. */
static gboolean
codes_known (const char * const *codes, GType type, const char *path, const char *field, GError **error)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (type);

  for (guint i = 0; codes && codes[i]; i++)
    if (g_enum_get_value_by_nick (klass, codes[i]) == NULL)
      {
        g_autofree char *nicks = cp_enum_nicks (type);
        return cp_fail (error, CP_ERROR_UNKNOWN_CODE, "%s.%s[%u]: “%s” is not a known code (expected one of: %s)",
                        path, field, i, codes[i], nicks);
      }
  return TRUE;
}

/* The placement types, areas and legal statuses a rule names. */
static gboolean
rule_codes_known (CpRule *rule, const char *path, GError **error)
{
  return codes_known (cp_rule_get_placements (rule), CP_TYPE_PLACEMENT_TYPE, path, "placements", error) &&
         codes_known (cp_rule_get_excluded_placements (rule), CP_TYPE_PLACEMENT_TYPE, path,
                      "excluded_placements", error) &&
         codes_known (cp_rule_get_areas (rule), CP_TYPE_PLACEMENT_AREA, path, "areas", error) &&
         codes_known (cp_rule_get_legal_statuses (rule), CP_TYPE_LEGAL_STATUS_KIND, path, "legal_statuses", error);
}

/* The fields of the leaving-care mechanisms: ages on the status rule,
 * the duty an activity rule counts from, duties that go on after care. */
static gboolean
leaving_care_fields_fit (CpRule *rule, const char *path, GError **error)
{
  CpRuleKind kind = cp_rule_get_kind (rule);
  const char *from = cp_rule_get_from_duty (rule);
  int relevant = cp_rule_get_relevant_until_months (rule);
  int former = cp_rule_get_former_relevant_until_months (rule);
  int education = cp_rule_get_education_until_months (rule);

  if (kind == CP_RULE_KIND_LEAVING_CARE_STATUS)
    {
      if (relevant == 0 || former == 0)
        return cp_fail (error, CP_ERROR_MISSING_FIELD,
                        "%s.relevant_until_months: a leaving-care-status rule needs relevant_until_months and "
                        "former_relevant_until_months (the ages that end the statuses)", path);
      if (relevant <= cp_rule_get_max_age_months (rule) || former < relevant ||
          (education != 0 && education < former))
        return cp_fail (error, CP_ERROR_INCONSISTENT,
                        "%s.former_relevant_until_months: the ages must rise: max_age_months, "
                        "relevant_until_months, former_relevant_until_months, education_until_months", path);
    }
  else if (relevant != 0 || former != 0 || education != 0)
    return cp_fail (error, CP_ERROR_INVALID_VALUE,
                    "%s.relevant_until_months: only a leaving-care-status rule has the leaving-care ages", path);
  if (cp_rule_get_care_leavers (rule) && kind != CP_RULE_KIND_ACTIVITY && kind != CP_RULE_KIND_INTERVAL)
    return cp_fail (error, CP_ERROR_INVALID_VALUE,
                    "%s.care_leavers: only an activity or interval rule goes on for care leavers", path);
  if ((from != NULL) != (cp_rule_get_anchor (rule) == CP_ANCHOR_ACTIVITY && kind == CP_RULE_KIND_ACTIVITY))
    return cp_fail (error, CP_ERROR_INCONSISTENT,
                    "%s.from_duty: an activity rule names the duty it counts from exactly when its anchor is “activity”",
                    path);
  if (from != NULL)
    {
      const char *codes[] = { from, NULL };
      if (!codes_known (codes, CP_TYPE_DUTY, path, "from_duty", error))
        return FALSE;
    }
  if (cp_rule_get_since_duty (rule) != NULL)
    {
      const char *codes[] = { cp_rule_get_since_duty (rule), NULL };
      if (from == NULL)
        return cp_fail (error, CP_ERROR_INCONSISTENT,
                        "%s.since_duty: only for an activity rule counted from activities (anchor “activity”)", path);
      if (!codes_known (codes, CP_TYPE_DUTY, path, "since_duty", error))
        return FALSE;
    }
  if (cp_rule_get_unless_done (rule) != NULL)
    {
      const char *codes[] = { cp_rule_get_unless_done (rule), NULL };
      if (kind != CP_RULE_KIND_ACTIVITY)
        return cp_fail (error, CP_ERROR_INVALID_VALUE, "%s.unless_done: only for an activity rule", path);
      if (!codes_known (codes, CP_TYPE_DUTY, path, "unless_done", error))
        return FALSE;
    }
  return TRUE;
}

/* A rule with school years says when the school year begins (`MM-DD`). */
static gboolean
school_year_fields_fit (CpRule *rule, const char *path, GError **error)
{
  const char *start = cp_rule_get_school_year_start (rule);
  gboolean years = cp_rule_get_min_school_year (rule) > 0 || cp_rule_get_max_school_year (rule) > 0;
  guint month, day;
  char end;

  if (start == NULL)
    {
      if (years)
        return cp_fail (error, CP_ERROR_MISSING_FIELD,
                        "%s.school_year_start: missing (a rule with school years says when the year begins)", path);
      if (cp_rule_get_school_age_offset (rule) != 0)
        return cp_fail (error, CP_ERROR_INCONSISTENT, "%s.school_age_offset: only with school_year_start", path);
      return TRUE;
    }
  if (!years)
    return cp_fail (error, CP_ERROR_INCONSISTENT, "%s.school_year_start: only for a rule with school years", path);
  /* Checked against a leap year, so that 02-29 is a day. */
  if (strlen (start) != strlen ("MM-DD") || sscanf (start, "%2u-%2u%c", &month, &day, &end) != 2 ||
      !g_date_valid_month ((GDateMonth) month) || !g_date_valid_day ((GDateDay) day) ||
      day > g_date_get_days_in_month ((GDateMonth) month, 2000))
    return cp_fail (error, CP_ERROR_INVALID_VALUE, "%s.school_year_start: “%s” is not a month and day (expected MM-DD)",
                    path, start);
  return TRUE;
}

/* The kinds whose duties the engine can match to the version of a rule in
 * force on the day they arose: a care plan or placement plan (from its
 * anchor), a one-off activity counted from the start of care, a placement
 * or a temporary approval, an interval (from the day each gap starts);
 * and reviews without a meeting, by the day of the review, with a single
 * version. Other kinds cannot be limited in time yet. */
static gboolean
kind_has_versions (CpRule *rule)
{
  switch (cp_rule_get_kind (rule))
    {
    case CP_RULE_KIND_DEADLINE:
    case CP_RULE_KIND_INTERVAL:                 /* on the day each gap starts */
    case CP_RULE_KIND_REVIEW_WITHOUT_MEETING:   /* one version: checked on the review's day */
      return TRUE;
    case CP_RULE_KIND_ACTIVITY:
      return cp_rule_get_anchor (rule) == CP_ANCHOR_LOOKED_AFTER ||
             cp_rule_get_anchor (rule) == CP_ANCHOR_PLACEMENT ||
             cp_rule_get_anchor (rule) == CP_ANCHOR_TEMPORARY_APPROVAL;
    default:
      return FALSE;
    }
}

/* in_force_from and in_force_until: an ordered period, on a kind that can
 * have versions. */
static gboolean
check_in_force (CpRule      *rule,
                const char  *path,
                GError     **error)
{
  const GDate *from = cp_rule_get_in_force_from (rule);
  const GDate *until = cp_rule_get_in_force_until (rule);

  if (from != NULL && until != NULL && g_date_compare (until, from) < 0)
    {
      g_autofree char *a = cp_date_format_iso (until);
      g_autofree char *b = cp_date_format_iso (from);
      return cp_fail (error, CP_ERROR_INCONSISTENT, "%s.in_force_until: “%s” is before in_force_from (“%s”)",
                      path, a, b);
    }
  if (cp_rule_get_lapses (rule) && (until == NULL || cp_rule_get_kind (rule) != CP_RULE_KIND_ACTIVITY))
    return cp_fail (error, CP_ERROR_INCONSISTENT,
                    "%s.lapses: only an activity rule with an in_force_until can lapse", path);
  if (from == NULL && until == NULL)
    return TRUE;
  if (!kind_has_versions (rule))
    {
      g_autofree char *d = cp_date_format_iso (from != NULL ? from : until);
      return cp_fail (error, CP_ERROR_INVALID_VALUE,
                      "%s.%s: “%s”: only deadline, interval and review-without-meeting rules, and activity rules "
                      "counted from looked-after, a placement or a temporary approval, can be limited in time",
                      path, from != NULL ? "in_force_from" : "in_force_until", d);
    }
  return TRUE;
}

/* A timescale longer than the calendar's whole range would fail every
 * case it is applied to: refuse the profile instead, naming the rule. */
static gboolean
check_fits (CpRule      *rule,
            const char  *path,
            GError     **error)
{
  const char *field = NULL;
  int q = 0;

  if (!cp_calendar_quantity_fits (cp_rule_get_quantity (rule), cp_rule_get_unit (rule)))
    field = "quantity", q = cp_rule_get_quantity (rule);
  else if (!cp_calendar_quantity_fits (cp_rule_get_quantity (rule) + cp_rule_get_extension (rule),
                                       cp_rule_get_unit (rule)))
    field = "extension", q = cp_rule_get_quantity (rule) + cp_rule_get_extension (rule);
  if (field == NULL)
    return TRUE;
  return cp_fail (error, CP_ERROR_OUT_OF_RANGE,
                  "%s.%s: %d %s cannot fit the calendar’s range (%d-01-01 to %d-12-31)",
                  path, field, q, cp_enum_to_nick (CP_TYPE_UNIT, cp_rule_get_unit (rule)),
                  CP_CALENDAR_FIRST_YEAR, CP_CALENDAR_LAST_YEAR);
}

/* What a rule needs beyond well-typed fields: the checks that hold for
 * every kind here, then its kind's (cp_engine_check_rule_kind()). A
 * member read by its presence must be written by
 * cp_policy_rule_to_json() too. */
gboolean
cp_policy_check_rule (CpRule      *rule,
                      JsonObject  *obj,
                      const char  *path,
                      GError     **error)
{
  CpRuleKind kind = cp_rule_get_kind (rule);

  if (!rule_codes_known (rule, path, error) || !leaving_care_fields_fit (rule, path, error) ||
      !school_year_fields_fit (rule, path, error) || !check_in_force (rule, path, error) ||
      !check_fits (rule, path, error))
    return FALSE;
  if (cp_rule_get_first_review (rule) != NULL &&
      g_strcmp0 (cp_rule_get_first_review (rule), "before") != 0 &&
      g_strcmp0 (cp_rule_get_first_review (rule), "after") != 0)
    return cp_fail (error, CP_ERROR_UNKNOWN_CODE, "%s.first_review: “%s” is not a known code (expected one of: before, after)",
                    path, cp_rule_get_first_review (rule));
  if (cp_rule_get_long_term_only (rule) && cp_rule_get_short_term_only (rule))
    return cp_fail (error, CP_ERROR_INCONSISTENT, "%s.short_term_only: a rule cannot be both long- and short-term only", path);
  if (cp_rule_get_first_review_of (rule) != NULL &&
      g_strcmp0 (cp_rule_get_first_review_of (rule), "care") != 0 &&
      g_strcmp0 (cp_rule_get_first_review_of (rule), "placement") != 0)
    return cp_fail (error, CP_ERROR_UNKNOWN_CODE, "%s.first_review_of: “%s” is not a known code (expected one of: care, placement)",
                    path, cp_rule_get_first_review_of (rule));
  if (cp_rule_get_first_review_of (rule) != NULL && cp_rule_get_first_review (rule) == NULL)
    return cp_fail (error, CP_ERROR_INCONSISTENT, "%s.first_review_of: only with first_review", path);
  if (!codes_known (cp_rule_get_recorded (rule), CP_TYPE_DUTY, path, "recorded", error))
    return FALSE;
  /* in_force_from and in_force_until are dates the reader has checked;
   * check_in_force() checks the period. */
  if (cp_rule_get_replaces (rule) != NULL && kind != CP_RULE_KIND_INTERVAL)
    return cp_fail (error, CP_ERROR_INVALID_VALUE, "%s.replaces: only an interval rule sets others aside", path);
  if (cp_rule_get_review_kind (rule) != NULL)
    {
      g_autoptr(GEnumClass) review_kinds = g_type_class_ref (CP_TYPE_REVIEW_KIND);

      if (g_enum_get_value_by_nick (review_kinds, cp_rule_get_review_kind (rule)) == NULL)
        {
          g_autofree char *nicks = cp_enum_nicks (CP_TYPE_REVIEW_KIND);
          return cp_fail (error, CP_ERROR_UNKNOWN_CODE, "%s.review_kind: “%s” is not a known code (expected one of: %s)",
                          path, cp_rule_get_review_kind (rule), nicks);
        }
      if (kind != CP_RULE_KIND_REVIEW_PREPARATION && kind != CP_RULE_KIND_REVIEW_FOLLOW_UP)
        return cp_fail (error, CP_ERROR_INCONSISTENT,
                        "%s.review_kind: only for a review-preparation or review-follow-up rule", path);
    }
  if (cp_rule_get_before_care (rule) &&
      (kind != CP_RULE_KIND_INTERVAL || cp_rule_get_anchor (rule) != CP_ANCHOR_NONE))
    return cp_fail (error, CP_ERROR_INCONSISTENT,
                    "%s.before_care: only for an interval rule counted from the start of care (anchor none)", path);
  if (cp_rule_get_after_care (rule) && kind != CP_RULE_KIND_ACTIVITY)
    return cp_fail (error, CP_ERROR_INCONSISTENT, "%s.after_care: only for an activity rule", path);
  if (cp_rule_get_since_previous_review (rule) &&
      (kind != CP_RULE_KIND_ACTIVITY || cp_rule_get_anchor (rule) != CP_ANCHOR_REVIEW ||
       (cp_rule_get_slot (rule) != CP_REVIEW_SLOT_SECOND && cp_rule_get_slot (rule) != CP_REVIEW_SLOT_SUBSEQUENT)))
    return cp_fail (error, CP_ERROR_INCONSISTENT,
                    "%s.since_previous_review: only for an activity rule counted from the second or third review", path);

  if (cp_rule_get_deemed_agreed (rule) && cp_rule_get_duty (rule) != CP_DUTY_MANAGER_RESPONSE)
    return cp_fail (error, CP_ERROR_INVALID_VALUE,
                    "%s.deemed_agreed: only a manager-response rule can deem silence agreement", path);
  if (kind != CP_RULE_KIND_RECOMMENDATION && cp_rule_get_optional (rule))
    return cp_fail (error, CP_ERROR_INVALID_VALUE,
                    "%s.optional: only a recommendation rule can be optional", path);
  /* A ladder stage may time only the disputes about starred
   * recommendations (Stoke-on-Trent's 10 working days). */
  if (kind != CP_RULE_KIND_RECOMMENDATION && kind != CP_RULE_KIND_ESCALATION_STAGE &&
      cp_rule_get_starred_only (rule))
    return cp_fail (error, CP_ERROR_INVALID_VALUE,
                    "%s.starred_only: only a recommendation or escalation-stage rule can be "
                    "limited to starred recommendations", path);
  if ((cp_rule_get_after (rule) != NULL) != (cp_rule_get_anchor (rule) == CP_ANCHOR_RULE))
    return cp_fail (error, CP_ERROR_INCONSISTENT,
                    "%s.after: a rule names the rule it counts from exactly when its anchor is “rule”", path);

  return cp_engine_check_rule_kind (rule, obj, path, error);
}
