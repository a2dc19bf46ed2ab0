/* cp-policy.c
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "cp-bank-holidays-private.h"
#include "cp-calendar-private.h"
#include "cp-date-private.h"
#include "cp-error-private.h"
#include "cp-policy-private.h"
#include "cp-record-private.h"

#define BUILTIN_PREFIX "/org/careplan/policies/"
#define MAX_EXTENDS_DEPTH 8

/**
 * CpPolicy:
 *
 * A policy profile: the rules one authority follows, as data. The library
 * ships `england` (the regulations and national guidance as the seed
 * documents state them) and one profile per seed authority, each of which
 * `extends` another and overrides it rule by rule: a local rule with the
 * same key replaces the inherited one, a new key adds a rule.
 *
 * Profiles are JSON (`docs/policy-format.md`). They are checked strictly:
 * an unknown key, unit, anchor or code is an error naming its path, and so
 * is a rule that lacks what its kind needs.
 *
 * A policy never changes once loaded.
 */
struct _CpPolicy
{
  GObject parent_instance;

  char *name;
  char *title;
  char *source;
  CpPolicy *base;
  int due_soon_quantity;
  CpUnit due_soon_unit;
  GListStore *rules;
  GHashTable *by_key;   /* key (owned) -> GPtrArray of its versions (CpRule, borrowed from rules) */
  GHashTable *origin;   /* key -> name of the profile that set it */
  GHashTable *version_origin;   /* CpRule (borrowed) -> interned name of the profile that set it */
  GPtrArray *by_kind[CP_RULE_KIND_LEAVING_CARE_STATUS + 1];   /* built at load, then read-only */
};

G_DEFINE_FINAL_TYPE (CpPolicy, cp_policy, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_NAME,
  PROP_TITLE,
  PROP_SOURCE,
  PROP_BASE,
  PROP_DUE_SOON_QUANTITY,
  PROP_DUE_SOON_UNIT,
  PROP_RULES,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
cp_policy_dispose (GObject *object)
{
  CpPolicy *self = CP_POLICY (object);

  g_clear_object (&self->base);
  for (guint k = 0; k < G_N_ELEMENTS (self->by_kind); k++)
    g_clear_pointer (&self->by_kind[k], g_ptr_array_unref);
  g_clear_pointer (&self->by_key, g_hash_table_unref);
  g_clear_object (&self->rules);

  G_OBJECT_CLASS (cp_policy_parent_class)->dispose (object);
}

static void
cp_policy_finalize (GObject *object)
{
  CpPolicy *self = CP_POLICY (object);

  g_clear_pointer (&self->origin, g_hash_table_unref);
  g_clear_pointer (&self->version_origin, g_hash_table_unref);
  g_free (self->name);
  g_free (self->title);
  g_free (self->source);

  G_OBJECT_CLASS (cp_policy_parent_class)->finalize (object);
}

static void
cp_policy_get_property (GObject    *object,
                        guint       prop_id,
                        GValue     *value,
                        GParamSpec *pspec)
{
  CpPolicy *self = CP_POLICY (object);

  switch (prop_id)
    {
    case PROP_NAME:
      g_value_set_string (value, self->name);
      break;
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_SOURCE:
      g_value_set_string (value, self->source);
      break;
    case PROP_BASE:
      g_value_set_object (value, self->base);
      break;
    case PROP_DUE_SOON_QUANTITY:
      g_value_set_int (value, self->due_soon_quantity);
      break;
    case PROP_DUE_SOON_UNIT:
      g_value_set_enum (value, self->due_soon_unit);
      break;
    case PROP_RULES:
      g_value_set_object (value, self->rules);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cp_policy_class_init (CpPolicyClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);
  const GParamFlags ro = G_PARAM_READABLE | G_PARAM_STATIC_STRINGS;

  object_class->dispose = cp_policy_dispose;
  object_class->finalize = cp_policy_finalize;
  object_class->get_property = cp_policy_get_property;

  /**
   * CpPolicy:name:
   *
   * The profile's name (`england`, `stoke-on-trent`).
   */
  properties[PROP_NAME] = g_param_spec_string ("name", NULL, NULL, NULL, ro);

  /**
   * CpPolicy:title:
   *
   * A human-readable title.
   */
  properties[PROP_TITLE] = g_param_spec_string ("title", NULL, NULL, NULL, ro);

  /**
   * CpPolicy:source:
   *
   * The document the profile is built from, if it names one.
   */
  properties[PROP_SOURCE] = g_param_spec_string ("source", NULL, NULL, NULL, ro);

  /**
   * CpPolicy:base:
   *
   * The profile this one extends, or %NULL.
   */
  properties[PROP_BASE] = g_param_spec_object ("base", NULL, NULL, CP_TYPE_POLICY, ro);

  /**
   * CpPolicy:due-soon-quantity:
   *
   * How far ahead of its due date an obligation counts as due soon, with
   * [property@Policy:due-soon-unit].
   */
  properties[PROP_DUE_SOON_QUANTITY] =
    g_param_spec_int ("due-soon-quantity", NULL, NULL, 0, 365, 0, ro);

  /**
   * CpPolicy:due-soon-unit:
   *
   * The unit of [property@Policy:due-soon-quantity].
   */
  properties[PROP_DUE_SOON_UNIT] =
    g_param_spec_enum ("due-soon-unit", NULL, NULL, CP_TYPE_UNIT, CP_UNIT_WORKING_DAYS, ro);

  /**
   * CpPolicy:rules:
   *
   * The rules after inheritance, a list of [class@Rule]: the base's rules
   * in its order, each replaced by a local rule with the same key, then the
   * local rules the base does not have.
   */
  properties[PROP_RULES] = g_param_spec_object ("rules", NULL, NULL, G_TYPE_LIST_MODEL, ro);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
cp_policy_init (CpPolicy *self)
{
  self->due_soon_quantity = 0;   /* none unless a profile gives one */
  self->due_soon_unit = CP_UNIT_WORKING_DAYS;
  self->rules = g_list_store_new (CP_TYPE_RULE);
  self->by_key = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, (GDestroyNotify) g_ptr_array_unref);
  self->origin = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->version_origin = g_hash_table_new (NULL, NULL);
}

/* Loading ----------------------------------------------------------------- */

static gboolean
check_keys (JsonObject  *obj,
            const char  *path,
            const char  *const *allowed,
            GError     **error)
{
  JsonObjectIter iter;
  const char *member;
  JsonNode *node;

  json_object_iter_init_ordered (&iter, obj);
  while (json_object_iter_next_ordered (&iter, &member, &node))
    {
      if (!g_strv_contains (allowed, member))
        {
          g_autofree char *expected = g_strjoinv (", ", (char **) allowed);
          return cp_fail (error, CP_ERROR_UNKNOWN_CODE,
                       "%s%s%s: unknown key (expected one of: %s)",
                       path, *path ? "." : "", member, expected);
        }
    }
  return TRUE;
}

static gboolean
get_string (JsonObject  *obj,
            const char  *path,
            const char  *member,
            gboolean     required,
            const char **out,
            GError     **error)
{
  JsonNode *node = json_object_get_member (obj, member);

  *out = NULL;
  if (node == NULL || JSON_NODE_HOLDS_NULL (node))
    {
      if (required)
        return cp_fail (error, CP_ERROR_MISSING_FIELD, "%s%s%s: missing",
                     path, *path ? "." : "", member);
      return TRUE;
    }
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_STRING ||
      *json_node_get_string (node) == '\0')
    return cp_fail (error, CP_ERROR_INVALID_VALUE, "%s%s%s: expected a non-empty string",
                 path, *path ? "." : "", member);
  *out = json_node_get_string (node);
  return TRUE;
}

static gboolean
get_int (JsonObject  *obj,
         const char  *path,
         const char  *member,
         int          min,
         int          max,
         int         *out,
         GError     **error)
{
  JsonNode *node = json_object_get_member (obj, member);
  gint64 v;

  if (node == NULL)
    return cp_fail (error, CP_ERROR_MISSING_FIELD, "%s%s%s: missing", path, *path ? "." : "", member);
  if (!JSON_NODE_HOLDS_VALUE (node) || json_node_get_value_type (node) != G_TYPE_INT64)
    return cp_fail (error, CP_ERROR_INVALID_VALUE, "%s%s%s: expected a whole number",
                 path, *path ? "." : "", member);
  v = json_node_get_int (node);
  if (v < min || v > max)
    return cp_fail (error, CP_ERROR_OUT_OF_RANGE, "%s%s%s: %" G_GINT64_FORMAT " is outside %d to %d",
                 path, *path ? "." : "", member, v, min, max);
  *out = (int) v;
  return TRUE;
}

static gboolean
valid_name (const char *name)
{
  for (const char *p = name; *p; p++)
    if (!g_ascii_islower (*p) && !g_ascii_isdigit (*p) && *p != '-')
      return FALSE;
  return *name != '\0';
}

static gboolean
anchor_allowed (CpRule *rule, const char *path, const CpAnchor *allowed, guint n,
                GError **error)
{
  g_autoptr(GString) list = g_string_new (NULL);
  CpAnchor anchor = cp_rule_get_anchor (rule);

  for (guint i = 0; i < n; i++)
    {
      if (allowed[i] == anchor)
        return TRUE;
      g_string_append_printf (list, "%s%s", i ? ", " : "", cp_enum_to_nick (CP_TYPE_ANCHOR, allowed[i]));
    }
  return cp_fail (error, CP_ERROR_INVALID_VALUE,
               "%s.anchor: “%s” cannot anchor a %s rule (expected one of: %s)",
               path, cp_enum_to_nick (CP_TYPE_ANCHOR, anchor),
               cp_enum_to_nick (CP_TYPE_RULE_KIND, cp_rule_get_kind (rule)), list->str);
}

static gboolean
duty_allowed (CpRule *rule, const char *path, const CpDuty *allowed, guint n, GError **error)
{
  g_autoptr(GString) list = g_string_new (NULL);
  CpDuty duty = cp_rule_get_duty (rule);

  for (guint i = 0; i < n; i++)
    {
      if (allowed[i] == duty)
        return TRUE;
      g_string_append_printf (list, "%s%s", i ? ", " : "", cp_enum_to_nick (CP_TYPE_DUTY, allowed[i]));
    }
  return cp_fail (error, CP_ERROR_INVALID_VALUE,
               "%s.duty: “%s” is not a duty of a %s rule (expected one of: %s)",
               path, cp_enum_to_nick (CP_TYPE_DUTY, duty),
               cp_enum_to_nick (CP_TYPE_RULE_KIND, cp_rule_get_kind (rule)), list->str);
}

static gboolean
direction_is (CpRule *rule, const char *path, CpDirection want, GError **error)
{
  if (cp_rule_get_direction (rule) == want)
    return TRUE;
  return cp_fail (error, CP_ERROR_INVALID_VALUE, "%s.direction: “%s” does not fit a %s rule (expected %s)",
               path, cp_enum_to_nick (CP_TYPE_DIRECTION, cp_rule_get_direction (rule)),
               cp_enum_to_nick (CP_TYPE_RULE_KIND, cp_rule_get_kind (rule)),
               cp_enum_to_nick (CP_TYPE_DIRECTION, want));
}

#define AUTHORITY_PREFIX "authority."
/* authority.cease.NAME: who must approve ceasing care, where the rule's
 * conditions (legal status, age, time looked after) hold. */
#define AUTHORITY_CEASE_PREFIX "cease."
/* authority.placement.NAME: who must approve a placement, where the rule's
 * conditions (area, placement type, school year) hold. */
#define AUTHORITY_PLACEMENT_PREFIX "placement."

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

static const char * const authority_actions[] = { "care-plan.authorise", "care-plan.ratify",
                                                  "dispute.register", "dispute.resolve",
                                                  "escalation.open", "review.adjourn",
                                                  "review.rearrange", NULL };

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

/* What each kind of rule needs beyond well-typed fields. A member read
 * here by its presence must be written by cp_policy_rule_to_json() too. */
static gboolean
check_rule (CpRule      *rule,
            JsonObject  *obj,
            const char  *path,
            GError     **error)
{
  static const CpAnchor deadline_anchors[] = { CP_ANCHOR_LOOKED_AFTER, CP_ANCHOR_FIRST_PLACEMENT, CP_ANCHOR_PLACEMENT };
  static const CpAnchor schedule_anchors[] = { CP_ANCHOR_LOOKED_AFTER, CP_ANCHOR_PREVIOUS_REVIEW };
  static const CpAnchor event_anchor[] = { CP_ANCHOR_EVENT };
  static const CpAnchor review_anchor[] = { CP_ANCHOR_REVIEW };
  static const CpAnchor meeting_anchor[] = { CP_ANCHOR_LAST_MEETING };
  static const CpAnchor no_anchor[] = { CP_ANCHOR_NONE };
  static const CpDuty deadline_duties[] = { CP_DUTY_CARE_PLAN, CP_DUTY_PLACEMENT_PLAN };
  static const CpDuty review_duty[] = { CP_DUTY_REVIEW };
  static const CpDuty before_duties[] = { CP_DUTY_CHILD_CONSULTED, CP_DUTY_INVITATIONS_SENT,
                                          CP_DUTY_DOCUMENTS_TO_IRO, CP_DUTY_REPORT_AVAILABLE,
                                          CP_DUTY_PLANS_QUALITY_ASSURED, CP_DUTY_HEALTH_PLAN_TO_IRO,
                                          CP_DUTY_PEP_TO_IRO, CP_DUTY_PERMANENCE_MINUTES_TO_IRO };
  static const CpDuty after_duties[] = { CP_DUTY_DECISIONS_RECORD, CP_DUTY_FULL_RECORD,
                                         CP_DUTY_RECORD_DISTRIBUTED, CP_DUTY_MANAGER_RESPONSE,
                                         CP_DUTY_CARE_PLAN_UPDATED };
  static const CpDuty adjourn_duty[] = { CP_DUTY_ADJOURNED_REVIEW };
  static const CpDuty meeting_duty[] = { CP_DUTY_REVIEW_MEETING };
  static const CpDuty recommendation_duties[] = { CP_DUTY_RECOMMENDATION_NOTIFIED,
                                                  CP_DUTY_RECOMMENDATION_CONCERNS,
                                                  CP_DUTY_RECOMMENDATION_AGREED,
                                                  CP_DUTY_DISPUTE_REGISTERED };
  static const CpAnchor clock_anchors[] = { CP_ANCHOR_REVIEW, CP_ANCHOR_RULE };
  static const CpDuty stage_duty[] = { CP_DUTY_DISPUTE_STAGE };
  static const CpAnchor stage_anchor[] = { CP_ANCHOR_STAGE };
  static const CpAnchor activity_anchors[] = { CP_ANCHOR_LOOKED_AFTER, CP_ANCHOR_PLACEMENT, CP_ANCHOR_BIRTH,
                                               CP_ANCHOR_REVIEW, CP_ANCHOR_PERMANENCE_PLAN,
                                               CP_ANCHOR_LEGAL_STATUS, CP_ANCHOR_EVENT,
                                               CP_ANCHOR_ELIGIBLE, CP_ANCHOR_LEFT_CARE, CP_ANCHOR_ACTIVITY,
                                               CP_ANCHOR_TEMPORARY_APPROVAL };
  static const CpDuty activity_duties[] = { CP_DUTY_VISIT, CP_DUTY_HEALTH_ASSESSMENT, CP_DUTY_DENTAL_CHECK,
                                            CP_DUTY_PEP_REVIEW, CP_DUTY_PLACEMENT_PLANNING_MEETING,
                                            CP_DUTY_CARE_PLANNING_MEETING, CP_DUTY_LEGAL_PLANNING_MEETING,
                                            CP_DUTY_PERMANENCE_PLAN, CP_DUTY_PERMANENCE_PLANNING_MEETING,
                                            CP_DUTY_FINAL_CARE_PLANNING_MEETING, CP_DUTY_PERMANENCE_DECISION,
                                            CP_DUTY_PERMANENCE_PROGRESS_MEETING, CP_DUTY_LANDMARK_REVIEW,
                                            CP_DUTY_NEEDS_ASSESSMENT, CP_DUTY_PATHWAY_PLAN,
                                            CP_DUTY_PATHWAY_PLAN_REVIEW, CP_DUTY_STAYING_PUT_CONSIDERED,
                                            CP_DUTY_CARER_APPROVED, CP_DUTY_REVIEW_UNIT_NOTIFIED,
                                            CP_DUTY_HEALTH_TEAM_NOTIFIED, CP_DUTY_VIRTUAL_SCHOOL_NOTIFIED,
                                            CP_DUTY_STATUTORY_ASSESSMENT, CP_DUTY_RISK_ASSESSMENT,
                                            CP_DUTY_CESSATION_ASSESSMENT, CP_DUTY_CIN_PLAN, CP_DUTY_PA_VISIT,
                                            CP_DUTY_RETURN_HOME_INTERVIEW };
  static const CpAnchor interval_anchor[] = { CP_ANCHOR_NONE, CP_ANCHOR_PERMANENCE_PLAN, CP_ANCHOR_RULE };
  static const CpDuty milestone_duty[] = { CP_DUTY_PERMANENCE_MILESTONE };
  static const CpAnchor target_anchor[] = { CP_ANCHOR_TARGET };
  static const CpAnchor looked_after_anchor[] = { CP_ANCHOR_LOOKED_AFTER };
  CpRuleKind kind = cp_rule_get_kind (rule);

#define N(a) G_N_ELEMENTS (a)

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
  /* Ladder stages may have no time limit (the sources give few); a
   * recommendation may have to be sent "immediately", and a deadline may
   * say 0 in so many words ("as soon as practicable", read as the day). */
  if (kind != CP_RULE_KIND_REVIEW_RESCHEDULE && kind != CP_RULE_KIND_RECOMMENDATION &&
      kind != CP_RULE_KIND_ESCALATION_STAGE && kind != CP_RULE_KIND_AUTHORITY &&
      kind != CP_RULE_KIND_MILESTONE && kind != CP_RULE_KIND_ACTIVITY &&
      cp_rule_get_quantity (rule) == 0 &&
      (kind != CP_RULE_KIND_DEADLINE || !json_object_has_member (obj, "quantity")))
    return cp_fail (error, CP_ERROR_MISSING_FIELD, "%s.quantity: missing (a %s rule needs a timescale)",
                 path, cp_enum_to_nick (CP_TYPE_RULE_KIND, kind));
  /* The case model records dates. An activity counted from a day (72 hours
   * from an emergency placement) is read in whole days, the earliest
   * reading (docs/policy-format.md); nothing else may be in hours. */
  if (cp_rule_get_unit (rule) == CP_UNIT_HOURS && kind != CP_RULE_KIND_ACTIVITY)
    return cp_fail (error, CP_ERROR_INVALID_VALUE,
                 "%s.unit: “hours” is only for activity rules (the case records dates, not times)", path);

  switch (kind)
    {
    case CP_RULE_KIND_DEADLINE:
      return anchor_allowed (rule, path, deadline_anchors, N (deadline_anchors), error) &&
             duty_allowed (rule, path, deadline_duties, N (deadline_duties), error) &&
             direction_is (rule, path, CP_DIRECTION_WITHIN, error);

    case CP_RULE_KIND_REVIEW_SCHEDULE:
      if (!anchor_allowed (rule, path, schedule_anchors, N (schedule_anchors), error) ||
          !duty_allowed (rule, path, review_duty, N (review_duty), error) ||
          !direction_is (rule, path, CP_DIRECTION_WITHIN, error))
        return FALSE;
      switch (cp_rule_get_slot (rule))
        {
        case CP_REVIEW_SLOT_FIRST:
          if (cp_rule_get_anchor (rule) != CP_ANCHOR_LOOKED_AFTER)
            return cp_fail (error, CP_ERROR_INVALID_VALUE,
                         "%s.anchor: the first review counts from looked-after", path);
          return TRUE;
        case CP_REVIEW_SLOT_SECOND:
        case CP_REVIEW_SLOT_SUBSEQUENT:
          return TRUE;
        case CP_REVIEW_SLOT_ANY:
        case CP_REVIEW_SLOT_LATER:
        default:
          return cp_fail (error, CP_ERROR_INVALID_VALUE,
                       "%s.slot: a review-schedule rule names one slot (first, second or subsequent)",
                       path);
        }

    case CP_RULE_KIND_REVIEW_TRIGGER:
      if (!json_object_has_member (obj, "event"))
        return cp_fail (error, CP_ERROR_MISSING_FIELD, "%s.event: missing (a review-trigger rule names its event)", path);
      return anchor_allowed (rule, path, event_anchor, N (event_anchor), error) &&
             duty_allowed (rule, path, review_duty, N (review_duty), error) &&
             direction_is (rule, path, CP_DIRECTION_WITHIN, error);

    case CP_RULE_KIND_REVIEW_PREPARATION:
      return anchor_allowed (rule, path, review_anchor, N (review_anchor), error) &&
             duty_allowed (rule, path, before_duties, N (before_duties), error) &&
             direction_is (rule, path, CP_DIRECTION_BEFORE, error);

    case CP_RULE_KIND_REVIEW_FOLLOW_UP:
      return anchor_allowed (rule, path, review_anchor, N (review_anchor), error) &&
             duty_allowed (rule, path, after_duties, N (after_duties), error) &&
             direction_is (rule, path, CP_DIRECTION_WITHIN, error);

    case CP_RULE_KIND_REVIEW_RESCHEDULE:
      return anchor_allowed (rule, path, no_anchor, N (no_anchor), error);

    case CP_RULE_KIND_REVIEW_ADJOURNMENT:
      if (cp_rule_get_responsible (rule) == CP_ROLE_UNKNOWN)
        return cp_fail (error, CP_ERROR_MISSING_FIELD, "%s.responsible: missing (who may adjourn)", path);
      if (cp_rule_get_limit (rule) < 1)
        return cp_fail (error, CP_ERROR_MISSING_FIELD, "%s.limit: missing (how many adjournments)", path);
      return anchor_allowed (rule, path, review_anchor, N (review_anchor), error) &&
             duty_allowed (rule, path, adjourn_duty, N (adjourn_duty), error) &&
             direction_is (rule, path, CP_DIRECTION_WITHIN, error);

    case CP_RULE_KIND_REVIEW_WITHOUT_MEETING:
      return anchor_allowed (rule, path, meeting_anchor, N (meeting_anchor), error) &&
             duty_allowed (rule, path, meeting_duty, N (meeting_duty), error) &&
             direction_is (rule, path, CP_DIRECTION_EVERY, error);

    case CP_RULE_KIND_RECOMMENDATION:
      /* Either the recommendation's own due date, or a clock from the
       * review or from another recommendation rule's due date. */
      if (cp_rule_get_duty (rule) == CP_DUTY_RECOMMENDATION)
        {
          if (cp_rule_get_quantity (rule) != 0)
            return cp_fail (error, CP_ERROR_INVALID_VALUE,
                            "%s.quantity: a recommendation rule takes its due date from each recommendation", path);
          return anchor_allowed (rule, path, no_anchor, N (no_anchor), error);
        }
      if (!duty_allowed (rule, path, recommendation_duties, N (recommendation_duties), error) ||
          !anchor_allowed (rule, path, clock_anchors, N (clock_anchors), error) ||
          !direction_is (rule, path, CP_DIRECTION_WITHIN, error))
        return FALSE;
      return TRUE;

    case CP_RULE_KIND_AUTHORITY:
      if (!g_str_has_prefix (cp_rule_get_key (rule), AUTHORITY_PREFIX) ||
          (!g_strv_contains (authority_actions, cp_rule_get_key (rule) + strlen (AUTHORITY_PREFIX)) &&
           !g_str_has_prefix (cp_rule_get_key (rule), AUTHORITY_PREFIX AUTHORITY_CEASE_PREFIX) &&
           !g_str_has_prefix (cp_rule_get_key (rule), AUTHORITY_PREFIX AUTHORITY_PLACEMENT_PREFIX)))
        {
          g_autofree char *list = g_strjoinv (", " AUTHORITY_PREFIX, (char **) authority_actions);
          return cp_fail (error, CP_ERROR_UNKNOWN_CODE,
                          "%s.key: “%s” is not an action with an authority (expected one of: %s%s, "
                          "or %s%s or %s%s followed by a name)",
                          path, cp_rule_get_key (rule), AUTHORITY_PREFIX, list,
                          AUTHORITY_PREFIX, AUTHORITY_CEASE_PREFIX, AUTHORITY_PREFIX, AUTHORITY_PLACEMENT_PREFIX);
        }
      if (cp_rule_get_approver (rule) == CP_ROLE_UNKNOWN)
        return cp_fail (error, CP_ERROR_MISSING_FIELD, "%s.approver: missing (the role the action needs)", path);
      return anchor_allowed (rule, path, no_anchor, N (no_anchor), error);

    case CP_RULE_KIND_ACTIVITY:
      if (!anchor_allowed (rule, path, activity_anchors, N (activity_anchors), error) ||
          !duty_allowed (rule, path, activity_duties, N (activity_duties), error))
        return FALSE;
      if (cp_rule_get_anchor (rule) == CP_ANCHOR_REVIEW &&
          cp_rule_get_slot (rule) == CP_REVIEW_SLOT_LATER)
        return cp_fail (error, CP_ERROR_INVALID_VALUE,
                        "%s.slot: an activity counted from a review names the first, second or third "
                        "(“subsequent”) review, or any (the first once the child is min_age_months old)", path);
      if (cp_rule_get_extension (rule) > 0 && cp_rule_get_anchor (rule) != CP_ANCHOR_PLACEMENT &&
          cp_rule_get_anchor (rule) != CP_ANCHOR_TEMPORARY_APPROVAL)
        return cp_fail (error, CP_ERROR_INCONSISTENT, "%s.extension: only for a rule counted from each placement", path);
      if (cp_rule_get_emergency_only (rule) && cp_rule_get_anchor (rule) != CP_ANCHOR_PLACEMENT &&
          cp_rule_get_anchor (rule) != CP_ANCHOR_TEMPORARY_APPROVAL)
        return cp_fail (error, CP_ERROR_INCONSISTENT, "%s.emergency_only: only for a rule counted from each placement", path);
      if (cp_rule_get_anchor (rule) == CP_ANCHOR_LEGAL_STATUS &&
          (cp_rule_get_legal_statuses (rule) == NULL || cp_rule_get_legal_statuses (rule)[0] == NULL))
        return cp_fail (error, CP_ERROR_MISSING_FIELD,
                        "%s.legal_statuses: missing (a rule counted from a legal status names the statuses)", path);
      if (cp_rule_get_anchor (rule) == CP_ANCHOR_EVENT && !json_object_has_member (obj, "event"))
        return cp_fail (error, CP_ERROR_MISSING_FIELD,
                        "%s.event: missing (an activity counted from an event names its event)", path);
      if (cp_rule_get_direction (rule) == CP_DIRECTION_EVERY)
        return cp_fail (error, CP_ERROR_INVALID_VALUE,
                        "%s.direction: “every” is an interval rule's (kind “interval”)", path);
      return TRUE;

    case CP_RULE_KIND_INTERVAL:
      return anchor_allowed (rule, path, interval_anchor, N (interval_anchor), error) &&
             duty_allowed (rule, path, activity_duties, N (activity_duties), error) &&
             direction_is (rule, path, CP_DIRECTION_EVERY, error);

    case CP_RULE_KIND_MILESTONE:
      return anchor_allowed (rule, path, target_anchor, N (target_anchor), error) &&
             duty_allowed (rule, path, milestone_duty, N (milestone_duty), error) &&
             direction_is (rule, path, CP_DIRECTION_WITHIN, error);

    case CP_RULE_KIND_LEAVING_CARE_STATUS:
      if (cp_rule_get_min_age_months (rule) == 0 || cp_rule_get_max_age_months (rule) == 0)
        return cp_fail (error, CP_ERROR_MISSING_FIELD,
                        "%s.min_age_months: a leaving-care-status rule needs min_age_months (the age the "
                        "time counts from) and max_age_months (the age it must reach)", path);
      return anchor_allowed (rule, path, looked_after_anchor, N (looked_after_anchor), error);

    case CP_RULE_KIND_ESCALATION_STAGE:
      if (cp_rule_get_stage (rule) == NULL)
        return cp_fail (error, CP_ERROR_MISSING_FIELD, "%s.stage: missing (an escalation stage has a name)", path);
      if (cp_rule_get_position (rule) < 1)
        return cp_fail (error, CP_ERROR_MISSING_FIELD, "%s.position: missing (its place on the ladder, from 1)", path);
      if (cp_rule_get_responsible (rule) == CP_ROLE_UNKNOWN)
        return cp_fail (error, CP_ERROR_MISSING_FIELD, "%s.responsible: missing (who the stage addresses)", path);
      return anchor_allowed (rule, path, stage_anchor, N (stage_anchor), error) &&
             duty_allowed (rule, path, stage_duty, N (stage_duty), error) &&
             direction_is (rule, path, CP_DIRECTION_WITHIN, error);

    default:
      g_assert_not_reached ();
    }
#undef N
}

static CpPolicy *load_builtin (const char *name, guint depth, GError **error);
static CpRule *latest_version (CpPolicy *self, const char *key);
static gboolean check_single_versions (CpPolicy *self, GError **error);

/* Once base and local rules are merged: every clock that counts from
 * another rule names one of its own kind, and no chain comes back on
 * itself. */
static gboolean
check_chains (CpPolicy  *self,
              GError   **error)
{
  guint n = g_list_model_get_n_items (G_LIST_MODEL (self->rules));

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CpRule) rule = g_list_model_get_item (G_LIST_MODEL (self->rules), i);
      const char * const *replaces = cp_rule_get_replaces (rule);
      CpRule *at = rule;

      /* A rule sets aside interval rules of its own duty, not itself. */
      for (guint r = 0; replaces != NULL && replaces[r] != NULL; r++)
        {
          CpRule *other = latest_version (self, replaces[r]);

          if (other == NULL || other == rule || cp_rule_get_kind (other) != CP_RULE_KIND_INTERVAL ||
              cp_rule_get_duty (other) != cp_rule_get_duty (rule))
            return cp_fail (error, CP_ERROR_INCONSISTENT,
                            "rule “%s”: replaces: “%s” names no other interval rule of the same duty",
                            cp_rule_get_key (rule), replaces[r]);
        }

      for (guint steps = 0; cp_rule_get_anchor (at) == CP_ANCHOR_RULE; steps++)
        {
          const char *after = cp_rule_get_after (at);
          CpRule *next = latest_version (self, after);
          /* An interval counts on from a one-off activity (pathway plan
           * reviews from the pathway plan); other clocks from their own kind. */
          CpRuleKind want = cp_rule_get_kind (at) == CP_RULE_KIND_INTERVAL ? CP_RULE_KIND_ACTIVITY
                                                                          : cp_rule_get_kind (at);

          if (next == NULL || cp_rule_get_kind (next) != want)
            return cp_fail (error, CP_ERROR_INCONSISTENT,
                            "rule “%s”: after: “%s” names no %s rule of the profile",
                            cp_rule_get_key (at), after,
                            cp_enum_to_nick (CP_TYPE_RULE_KIND, want));
          if (steps >= n)
            return cp_fail (error, CP_ERROR_INCONSISTENT,
                            "rule “%s”: after: the chain of rules counts from itself",
                            cp_rule_get_key (rule));
          at = next;
        }
    }
  return TRUE;
}

/* The engine reads one review-without-meeting rule (the consultation
 * reviews and the meetings between them): it may be limited in time,
 * but not have versions. */
static gboolean
check_single_versions (CpPolicy  *self,
                       GError   **error)
{
  GHashTableIter iter;
  gpointer key, value;
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (G_LIST_MODEL (self->rules)); i++)
    {
      g_autoptr(CpRule) r = g_list_model_get_item (G_LIST_MODEL (self->rules), i);
      n += cp_rule_get_kind (r) == CP_RULE_KIND_REVIEW_WITHOUT_MEETING;
    }
  if (n <= 1)
    return TRUE;
  g_hash_table_iter_init (&iter, self->by_key);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      GPtrArray *versions = value;
      if (versions->len > 1 && cp_rule_get_kind (versions->pdata[0]) == CP_RULE_KIND_REVIEW_WITHOUT_MEETING)
        return cp_fail (error, CP_ERROR_INCONSISTENT,
                        "rule “%s”: a review-without-meeting rule has one version (it may be limited in time)",
                        (const char *) key);
    }
  return TRUE;
}

/* The julian days a rule's period runs over (0 and G_MAXUINT32 for no
 * bound). */
static void
period_of (CpRule *rule, guint32 *from, guint32 *until)
{
  const GDate *f = cp_rule_get_in_force_from (rule), *u = cp_rule_get_in_force_until (rule);

  *from = f != NULL ? g_date_get_julian (f) : 0;
  *until = u != NULL ? g_date_get_julian (u) : G_MAXUINT32;
}

static gboolean
periods_overlap (CpRule *a, CpRule *b)
{
  guint32 af, au, bf, bu;

  period_of (a, &af, &au);
  period_of (b, &bf, &bu);
  return af <= bu && bf <= au;
}

/* The version of @key in force last (the latest beginning), or NULL. */
static CpRule *
latest_version (CpPolicy *self, const char *key)
{
  GPtrArray *versions = g_hash_table_lookup (self->by_key, key);
  CpRule *best = NULL;
  guint32 best_from = 0;

  for (guint i = 0; versions != NULL && i < versions->len; i++)
    {
      guint32 from, until;

      period_of (versions->pdata[i], &from, &until);
      if (best == NULL || from > best_from)
        best = versions->pdata[i], best_from = from;
    }
  return best;
}

/* Adds @rule. An inherited rule (@local FALSE) is added as it is. A local
 * one replaces every version of its key it overlaps in time (all of them,
 * if it states no period), in the place of the first it replaces; a local
 * version that replaces none goes after the last version of its key, and
 * a new key at the end. */
static void
add_rule (CpPolicy   *self,
          CpRule     *rule,
          const char *origin,
          gboolean    local)
{
  const char *key = cp_rule_get_key (rule);
  GPtrArray *versions = g_hash_table_lookup (self->by_key, key);
  guint pos = G_MAXUINT, at;

  if (versions == NULL)
    {
      versions = g_ptr_array_new ();
      g_hash_table_insert (self->by_key, g_strdup (key), versions);
    }
  for (guint i = versions->len; local && i-- > 0;)
    {
      CpRule *old = versions->pdata[i];

      if (!periods_overlap (old, rule) || !g_list_store_find (self->rules, old, &at))
        continue;
      g_hash_table_remove (self->version_origin, old);
      g_list_store_remove (self->rules, at);
      g_ptr_array_remove_index (versions, i);
      pos = MIN (pos, at);
    }
  if (pos == G_MAXUINT && versions->len > 0 &&
      g_list_store_find (self->rules, versions->pdata[versions->len - 1], &at))
    pos = at + 1;
  if (pos != G_MAXUINT)
    g_list_store_insert (self->rules, pos, rule);
  else
    g_list_store_append (self->rules, rule);
  g_ptr_array_add (versions, rule);
  g_hash_table_insert (self->origin, g_strdup (key), g_strdup (origin));
  g_hash_table_insert (self->version_origin, rule, (gpointer) g_intern_string (origin));
}

/* Builds the per-kind lists once, while the profile is still private to
 * the thread loading it: a loaded profile is immutable and shared. */
static void
index_by_kind (CpPolicy *self)
{
  GListModel *rules = G_LIST_MODEL (self->rules);

  for (guint k = 0; k < G_N_ELEMENTS (self->by_kind); k++)
    self->by_kind[k] = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < g_list_model_get_n_items (rules); i++)
    {
      CpRule *rule = g_list_model_get_item (rules, i);
      g_ptr_array_add (self->by_kind[cp_rule_get_kind (rule)], rule);
    }
}

static CpPolicy *
parse (const char  *data,
       gssize       length,
       guint        depth,
       GError     **error)
{
  static const char * const top_keys[] = { "format", "name", "title", "extends", "source",
                                           "due_soon", "rules", NULL };
  static const char * const soon_keys[] = { "quantity", "unit", NULL };
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(CpPolicy) self = NULL;
  g_autoptr(GPtrArray) local = NULL;
  g_autoptr(GError) local_error = NULL;
  JsonNode *root, *node;
  JsonObject *obj;
  JsonArray *rules;
  const char *name, *title, *extends, *source;

  if (!json_parser_load_from_data (parser, data, length, &local_error))
    {
      cp_fail (error, CP_ERROR_PARSE, "(document): not valid JSON: %s", local_error->message);
      return NULL;
    }

  root = json_parser_get_root (parser);
  if (root == NULL || !JSON_NODE_HOLDS_OBJECT (root))
    {
      cp_fail (error, CP_ERROR_INVALID_VALUE, "(document): expected an object");
      return NULL;
    }
  obj = json_node_get_object (root);

  if (!check_keys (obj, "", top_keys, error) ||
      !cp_json_check_version (obj, "format", CP_POLICY_FORMAT_VERSION, error))
    return NULL;
  if (!get_string (obj, "", "name", TRUE, &name, error) ||
      !get_string (obj, "", "title", TRUE, &title, error) ||
      !get_string (obj, "", "extends", FALSE, &extends, error) ||
      !get_string (obj, "", "source", FALSE, &source, error))
    return NULL;
  if (!valid_name (name))
    {
      cp_fail (error, CP_ERROR_INVALID_VALUE,
            "name: “%s” is not a profile name (lower-case letters, digits and '-')", name);
      return NULL;
    }

  self = g_object_new (CP_TYPE_POLICY, NULL);
  self->name = g_strdup (name);
  self->title = g_strdup (title);
  self->source = g_strdup (source);

  if (extends != NULL)
    {
      CpPolicy *base;
      guint n;

      if (g_strcmp0 (extends, name) == 0 || depth >= MAX_EXTENDS_DEPTH)
        {
          cp_fail (error, CP_ERROR_INCONSISTENT, "extends: “%s” extends itself", extends);
          return NULL;
        }
      base = load_builtin (extends, depth + 1, &local_error);
      if (base == NULL)
        {
          cp_fail (error, local_error->code, "extends: %s", local_error->message);
          return NULL;
        }
      self->base = base;
      self->due_soon_quantity = base->due_soon_quantity;
      self->due_soon_unit = base->due_soon_unit;
      n = g_list_model_get_n_items (G_LIST_MODEL (base->rules));
      for (guint i = 0; i < n; i++)
        {
          g_autoptr(CpRule) rule = g_list_model_get_item (G_LIST_MODEL (base->rules), i);
          add_rule (self, rule, g_hash_table_lookup (base->version_origin, rule), FALSE);
        }
    }

  node = json_object_get_member (obj, "due_soon");
  if (node != NULL)
    {
      JsonObject *soon;
      const char *unit;
      g_autoptr(GEnumClass) units = g_type_class_ref (CP_TYPE_UNIT);
      GEnumValue *v;

      if (!JSON_NODE_HOLDS_OBJECT (node))
        {
          cp_fail (error, CP_ERROR_INVALID_VALUE, "due_soon: expected an object");
          return NULL;
        }
      soon = json_node_get_object (node);
      if (!check_keys (soon, "due_soon", soon_keys, error) ||
          !get_int (soon, "due_soon", "quantity", 0, 365, &self->due_soon_quantity, error) ||
          !get_string (soon, "due_soon", "unit", TRUE, &unit, error))
        return NULL;
      v = g_enum_get_value_by_nick (units, unit);
      if (v == NULL || v->value == CP_UNIT_HOURS)
        {
          cp_fail (error, CP_ERROR_UNKNOWN_CODE,
                "due_soon.unit: “%s” is not a known code (expected one of: working-days, calendar-days, weeks, months)",
                unit);
          return NULL;
        }
      self->due_soon_unit = v->value;
    }

  node = json_object_get_member (obj, "rules");
  if (node == NULL)
    {
      cp_fail (error, CP_ERROR_MISSING_FIELD, "rules: missing");
      return NULL;
    }
  if (!JSON_NODE_HOLDS_ARRAY (node))
    {
      cp_fail (error, CP_ERROR_INVALID_VALUE, "rules: expected an array");
      return NULL;
    }
  rules = json_node_get_array (node);
  local = g_ptr_array_new_with_free_func (g_object_unref);
  for (guint i = 0; i < json_array_get_length (rules); i++)
    {
      g_autofree char *path = g_strdup_printf ("rules[%u]", i);
      JsonNode *el = json_array_get_element (rules, i);
      g_autoptr(CpRule) rule = NULL;

      rule = (CpRule *) cp_record_from_json (CP_TYPE_RULE, el, path, NULL, error);
      if (rule == NULL || !check_rule (rule, json_node_get_object (el), path, error))
        return NULL;
      /* Versions of one key must not be in force at the same time. */
      for (guint j = 0; j < local->len; j++)
        if (g_strcmp0 (cp_rule_get_key (local->pdata[j]), cp_rule_get_key (rule)) == 0 &&
            periods_overlap (local->pdata[j], rule))
          {
            cp_fail (error, CP_ERROR_INCONSISTENT,
                     "%s.key: “%s” appears twice (also rules[%u]) and both are in force at once",
                     path, cp_rule_get_key (rule), j);
            return NULL;
          }
      g_ptr_array_add (local, g_object_ref (rule));
      add_rule (self, rule, self->name, TRUE);
    }

  if (!check_chains (self, error) || !check_single_versions (self, error))
    return NULL;
  index_by_kind (self);
  return g_steal_pointer (&self);
}

static CpPolicy *
load_builtin (const char  *name,
              guint        depth,
              GError     **error)
{
  g_autofree char *path = g_strconcat (BUILTIN_PREFIX, name, ".json", NULL);
  g_autoptr(GBytes) bytes = NULL;
  g_autoptr(GError) local_error = NULL;
  CpPolicy *policy;
  gsize len;
  const char *data;

  bytes = g_resources_lookup_data (path, G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
  if (bytes == NULL || !valid_name (name))
    {
      g_auto(GStrv) names = cp_policy_list_builtin ();
      g_autofree char *list = g_strjoinv (", ", names);
      cp_fail (error, CP_ERROR_UNKNOWN_CODE, "“%s” is not a built-in profile (expected one of: %s)",
            name, list);
      return NULL;
    }

  data = g_bytes_get_data (bytes, &len);
  policy = parse (data, (gssize) len, depth, &local_error);
  if (policy == NULL)
    {
      cp_fail (error, local_error->code, "%s: %s", name, local_error->message);
      return NULL;
    }
  if (g_strcmp0 (policy->name, name) != 0)
    {
      g_object_unref (policy);
      cp_fail (error, CP_ERROR_INCONSISTENT, "%s: name: the profile calls itself something else", name);
      return NULL;
    }
  return policy;
}

/* Public API -------------------------------------------------------------- */

static int
compare_names (const void *a, const void *b)
{
  return strcmp (*(char * const *) a, *(char * const *) b);
}

/**
 * cp_policy_list_builtin:
 *
 * Lists the names of the policy profiles that ship with the library.
 *
 * Returns: (transfer full): the names of the profiles that ship with the
 *   library, sorted
 */
char **
cp_policy_list_builtin (void)
{
  g_auto(GStrv) children = g_resources_enumerate_children (BUILTIN_PREFIX,
                                                           G_RESOURCE_LOOKUP_FLAGS_NONE, NULL);
  g_autoptr(GStrvBuilder) b = g_strv_builder_new ();
  char **names;

  for (guint i = 0; children && children[i]; i++)
    if (g_str_has_suffix (children[i], ".json"))
      {
        g_autofree char *n = g_strndup (children[i], strlen (children[i]) - strlen (".json"));
        g_strv_builder_add (b, n);
      }
  names = g_strv_builder_end (b);
  qsort (names, g_strv_length (names), sizeof (char *), compare_names);
  return names;
}

/**
 * cp_policy_new_builtin:
 * @name: a profile name from [func@Policy.list_builtin]
 * @error: return location for a #GError
 *
 * Loads a profile that ships with the library.
 *
 * Returns: (transfer full): the profile, or %NULL with %CP_ERROR_UNKNOWN_CODE
 *   if there is no such profile
 */
CpPolicy *
cp_policy_new_builtin (const char  *name,
                       GError     **error)
{
  g_return_val_if_fail (name != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return load_builtin (name, 0, error);
}

/**
 * cp_policy_new_from_data:
 * @data: the profile's JSON text
 * @length: its length in bytes, or -1 if nul-terminated
 * @error: return location for a #GError
 *
 * Reads a profile. If it `extends` another, that must be a built-in
 * profile; the new profile's rules override it by key.
 *
 * Returns: (transfer full): the profile, or %NULL with @error set, naming
 *   the path and value at fault
 */
CpPolicy *
cp_policy_new_from_data (const char  *data,
                         gssize       length,
                         GError     **error)
{
  g_return_val_if_fail (data != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return parse (data, length, 0, error);
}

/**
 * cp_policy_load_file:
 * @path: (type filename): a profile's JSON file
 * @error: return location for a #GError
 *
 * Reads a profile from a file, as [ctor@Policy.new_from_data] does.
 *
 * Returns: (transfer full): the profile, or %NULL with @error set
 */
CpPolicy *
cp_policy_load_file (const char  *path,
                     GError     **error)
{
  g_autofree char *contents = NULL;
  gsize len;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!g_file_get_contents (path, &contents, &len, error))
    return NULL;
  return parse (contents, (gssize) len, 0, error);
}

/**
 * cp_policy_get_name:
 * @self: a #CpPolicy
 *
 * Gets the [property@Policy:name] property.
 *
 * Returns: the profile's name
 */
const char *
cp_policy_get_name (CpPolicy *self)
{
  g_return_val_if_fail (CP_IS_POLICY (self), NULL);
  return self->name;
}

/**
 * cp_policy_get_title:
 * @self: a #CpPolicy
 *
 * Gets the [property@Policy:title] property.
 *
 * Returns: the profile's title
 */
const char *
cp_policy_get_title (CpPolicy *self)
{
  g_return_val_if_fail (CP_IS_POLICY (self), NULL);
  return self->title;
}

/**
 * cp_policy_get_source:
 * @self: a #CpPolicy
 *
 * Gets the [property@Policy:source] property.
 *
 * Returns: (nullable): the document the profile is built from
 */
const char *
cp_policy_get_source (CpPolicy *self)
{
  g_return_val_if_fail (CP_IS_POLICY (self), NULL);
  return self->source;
}

/**
 * cp_policy_get_base:
 * @self: a #CpPolicy
 *
 * Gets the [property@Policy:base] property.
 *
 * Returns: (transfer none) (nullable): the profile this one extends
 */
CpPolicy *
cp_policy_get_base (CpPolicy *self)
{
  g_return_val_if_fail (CP_IS_POLICY (self), NULL);
  return self->base;
}

/**
 * cp_policy_get_due_soon_quantity:
 * @self: a #CpPolicy
 *
 * Gets the [property@Policy:due-soon-quantity] property.
 *
 * Returns: how many [property@Policy:due-soon-unit] ahead an obligation
 *   counts as due soon
 */
int
cp_policy_get_due_soon_quantity (CpPolicy *self)
{
  g_return_val_if_fail (CP_IS_POLICY (self), 0);
  return self->due_soon_quantity;
}

/**
 * cp_policy_get_due_soon_unit:
 * @self: a #CpPolicy
 *
 * Gets the [property@Policy:due-soon-unit] property.
 *
 * Returns: the unit of [property@Policy:due-soon-quantity]
 */
CpUnit
cp_policy_get_due_soon_unit (CpPolicy *self)
{
  g_return_val_if_fail (CP_IS_POLICY (self), CP_UNIT_WORKING_DAYS);
  return self->due_soon_unit;
}

/**
 * cp_policy_get_rules:
 * @self: a #CpPolicy
 *
 * Gets the [property@Policy:rules] property.
 *
 * Returns: (transfer none): the rules after inheritance, a list of
 *   [class@Rule]
 */
GListModel *
cp_policy_get_rules (CpPolicy *self)
{
  g_return_val_if_fail (CP_IS_POLICY (self), NULL);
  return G_LIST_MODEL (self->rules);
}

/**
 * cp_policy_lookup_rule:
 * @self: a #CpPolicy
 * @key: a rule key (`review.first`) or catalogue id
 *   (`review-first-within-20wd`)
 *
 * Looks up a rule by its key, in this profile or in the profiles it extends.
 * Where the key has several versions in force at different times
 * ([property@Rule:in-force-from]), this is the one in force last (the
 * latest to begin); [method@Policy.lookup_rule_on] finds the one in force
 * on a given day.
 *
 * Returns: (transfer none) (nullable): the rule, or %NULL
 */
CpRule *
cp_policy_lookup_rule (CpPolicy   *self,
                       const char *key)
{
  CpRule *rule;
  guint n;

  g_return_val_if_fail (CP_IS_POLICY (self), NULL);
  g_return_val_if_fail (key != NULL, NULL);

  rule = latest_version (self, key);
  if (rule != NULL)
    return rule;

  n = g_list_model_get_n_items (G_LIST_MODEL (self->rules));
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CpRule) r = g_list_model_get_item (G_LIST_MODEL (self->rules), i);
      if (g_strcmp0 (cp_rule_get_id (r), key) == 0)
        return r;   /* the store keeps it alive */
    }
  return NULL;
}

/**
 * cp_policy_lookup_rule_on:
 * @self: a #CpPolicy
 * @key: a rule key (`placement-plan.complete`)
 * @date: the day
 *
 * Looks up the version of a rule in force on @date: the one whose
 * [property@Rule:in-force-from] and [property@Rule:in-force-until] (where
 * set) take in @date. A duty follows the version in force on the day it
 * arose (the day its rule counts from).
 *
 * Returns: (transfer none) (nullable): the rule, or %NULL if no version of
 *   @key is in force on @date
 */
CpRule *
cp_policy_lookup_rule_on (CpPolicy    *self,
                          const char  *key,
                          const GDate *date)
{
  GPtrArray *versions;

  g_return_val_if_fail (CP_IS_POLICY (self), NULL);
  g_return_val_if_fail (key != NULL, NULL);
  g_return_val_if_fail (date != NULL && g_date_valid (date), NULL);

  versions = g_hash_table_lookup (self->by_key, key);
  for (guint i = 0; versions != NULL && i < versions->len; i++)
    if (cp_rule_is_in_force (versions->pdata[i], date))
      return versions->pdata[i];
  return NULL;
}

/**
 * cp_policy_get_authority:
 * @self: a #CpPolicy
 * @action: an action on a case: `care-plan.authorise`, `care-plan.ratify`,
 *   `dispute.register`, `dispute.resolve`, `escalation.open`,
 *   `review.adjourn` or `review.rearrange`
 *
 * The role the profile requires for @action, from its `authority.`@action
 * rule. A profile that names no role for an action leaves it to any role.
 * (Placements and ceasing care, whose rules have conditions, and an
 * escalation stage's own approver are judged with the case, by the
 * actions themselves.)
 *
 * Returns: the role, or %CP_ROLE_UNKNOWN when the profile names none
 */
CpRole
cp_policy_get_authority (CpPolicy   *self,
                         const char *action)
{
  g_autofree char *key = NULL;
  CpRule *rule;

  g_return_val_if_fail (CP_IS_POLICY (self), CP_ROLE_UNKNOWN);
  g_return_val_if_fail (action != NULL, CP_ROLE_UNKNOWN);

  key = g_strconcat (AUTHORITY_PREFIX, action, NULL);
  rule = latest_version (self, key);   /* authority rules have one version */
  return rule != NULL ? cp_rule_get_approver (rule) : CP_ROLE_UNKNOWN;
}

/**
 * cp_policy_get_rule_origin:
 * @self: a #CpPolicy
 * @key: a rule key
 *
 * Which profile a rule comes from, for showing how a local profile differs from the one it extends.
 *
 * Returns: (nullable): the name of the profile the rule with @key comes
 *   from (this one, or one it extends), or %NULL if there is no such rule
 */
const char *
cp_policy_get_rule_origin (CpPolicy   *self,
                           const char *key)
{
  g_return_val_if_fail (CP_IS_POLICY (self), NULL);
  g_return_val_if_fail (key != NULL, NULL);
  return g_hash_table_lookup (self->origin, key);
}

/**
 * cp_policy_get_rule_version_origin:
 * @self: a #CpPolicy
 * @rule: one of the policy's rules (a version of its key)
 *
 * Which profile this version of a rule comes from. Where a profile
 * overrides only some versions of a key ([property@Rule:in-force-from]),
 * the others still come from the profile it extends, which
 * [method@Policy.get_rule_origin] (by key) cannot tell.
 *
 * Returns: (nullable): the name of the profile @rule comes from, or %NULL
 *   if @rule is not one of the policy's rules
 */
const char *
cp_policy_get_rule_version_origin (CpPolicy *self,
                                   CpRule   *rule)
{
  g_return_val_if_fail (CP_IS_POLICY (self), NULL);
  g_return_val_if_fail (CP_IS_RULE (rule), NULL);
  return g_hash_table_lookup (self->version_origin, rule);
}

/* The rules of one kind, in profile order. The lists are built when the
 * profile is loaded (index_by_kind()) and never change afterwards, so any
 * number of threads may ask for them at once. Returns the policy's own
 * array, without a reference: a reference would be an atomic write to the
 * array shared by every thread of a caseload evaluation, several times a
 * case. Do not modify it. */
GPtrArray *
cp_policy_rules_of_kind (CpPolicy   *self,
                         CpRuleKind  kind)
{
  g_return_val_if_fail (CP_IS_POLICY (self), NULL);
  g_return_val_if_fail ((guint) kind < G_N_ELEMENTS (self->by_kind), NULL);

  return self->by_kind[kind];
}

/* cp_policy_lookup_rule_on() for the engine, by julian day. */
CpRule *
cp_policy_version_on (CpPolicy   *self,
                      const char *key,
                      guint32     julian)
{
  GPtrArray *versions = g_hash_table_lookup (self->by_key, key);

  for (guint i = 0; versions != NULL && i < versions->len; i++)
    if (cp_rule_in_force_julian (versions->pdata[i], julian))
      return versions->pdata[i];
  return NULL;
}
