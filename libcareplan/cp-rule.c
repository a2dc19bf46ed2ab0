/* cp-rule.c: a rule of a policy profile: its type, its timescale, when it
 * is in force and what it cites (the conditions of when it applies are in
 * cp-rule-conditions.c)
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include "cp-policy-private.h"
#include "cp-record-private.h"
#include "cp-rule-fields-private.h"
#include "cp-rule-private.h"

/**
 * CpRule:
 *
 * One rule of a [class@Policy]: a timescale (a quantity and a
 * [enum@Unit]), what it counts from ([enum@Anchor]) and which way
 * ([enum@Direction]), who is responsible or must approve, the citation of
 * the source and, where the source is ambiguous, the reading chosen.
 *
 * Rules are read from a profile and never change afterwards: every
 * property is construct-only. The [enum@RuleKind] says which mechanism of
 * the engine the rule drives; the fields a kind does not use keep their
 * defaults. `docs/policy-format.md` describes the JSON.
 */
struct _CpRule
{
  CpRecord parent_instance;
  CpRuleConditions *conditions;   /* made on first use: cp_rule_peek_conditions() */
};

G_DEFINE_FINAL_TYPE (CpRule, cp_rule, CP_TYPE_RECORD)

static void
cp_rule_finalize (GObject *object)
{
  g_free (CP_RULE (object)->conditions);

  G_OBJECT_CLASS (cp_rule_parent_class)->finalize (object);
}

static GParamSpec *properties[N_PROPS];

static void
cp_rule_class_init (CpRuleClass *klass)
{
  /**
   * CpRule:id:
   *
   * The rules-catalogue id (`review-first-within-20wd`).
   */
  properties[PROP_ID] =
    cp_field_required (g_param_spec_string ("id", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  /**
   * CpRule:key:
   *
   * The stable key a local profile overrides (`review.first`).
   */
  properties[PROP_KEY] =
    cp_field_required (g_param_spec_string ("key", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  /**
   * CpRule:in-force-from:
   *
   * The first day this version of the rule is in force, or %NULL for no
   * beginning (a provision that came into force later). Several rules of
   * a profile may share a key when their periods do not overlap; a duty
   * follows the version in force on the day it arose (its anchor date; for
   * an interval rule, the day the gap starts).
   */
  properties[PROP_IN_FORCE_FROM] = cp_field_date ("in-force-from", CP_FIELD_FIXED);

  /**
   * CpRule:in-force-until:
   *
   * The last day this version of the rule is in force, or %NULL for no
   * end.
   */
  properties[PROP_IN_FORCE_UNTIL] = cp_field_date ("in-force-until", CP_FIELD_FIXED);

  /**
   * CpRule:lapses:
   *
   * For a version with an end ([property@Rule:in-force-until]): nothing
   * of it is saved when it ends. A duty that arose under it and would fall
   * due after its last day is due by the later of that day and the date
   * the version in force the next day gives, where that is earlier (the
   * reading when the instrument's savings are not known).
   */
  properties[PROP_LAPSES] =
    g_param_spec_boolean ("lapses", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /**
   * CpRule:kind:
   *
   * The mechanism the rule drives.
   */
  properties[PROP_KIND] =
    cp_field_required (g_param_spec_enum ("kind", NULL, NULL, CP_TYPE_RULE_KIND, CP_RULE_KIND_DEADLINE,
                       G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  /**
   * CpRule:statement:
   *
   * The rule in plain language.
   */
  properties[PROP_STATEMENT] =
    cp_field_required (g_param_spec_string ("statement", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  /**
   * CpRule:quantity:
   *
   * How many units the timescale is (0 when the rule has none).
   */
  properties[PROP_QUANTITY] =
    g_param_spec_int ("quantity", NULL, NULL, 0, 10000, 0,
                      G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /**
   * CpRule:unit:
   *
   * The unit of the timescale.
   */
  properties[PROP_UNIT] =
    g_param_spec_enum ("unit", NULL, NULL, CP_TYPE_UNIT, CP_UNIT_WORKING_DAYS,
                       G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /**
   * CpRule:anchor:
   *
   * What the timescale counts from.
   */
  properties[PROP_ANCHOR] =
    g_param_spec_enum ("anchor", NULL, NULL, CP_TYPE_ANCHOR, CP_ANCHOR_NONE,
                       G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /**
   * CpRule:direction:
   *
   * Which way the timescale counts.
   */
  properties[PROP_DIRECTION] =
    g_param_spec_enum ("direction", NULL, NULL, CP_TYPE_DIRECTION, CP_DIRECTION_WITHIN,
                       G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /**
   * CpRule:duty:
   *
   * What has to be done to meet the rule.
   */
  properties[PROP_DUTY] =
    g_param_spec_enum ("duty", NULL, NULL, CP_TYPE_DUTY, CP_DUTY_REVIEW,
                       G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /**
   * CpRule:slot:
   *
   * Which reviews a review rule applies to.
   */
  properties[PROP_SLOT] =
    g_param_spec_enum ("slot", NULL, NULL, CP_TYPE_REVIEW_SLOT, CP_REVIEW_SLOT_ANY,
                       G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /**
   * CpRule:event:
   *
   * For a trigger: the event that brings the review forward.
   */
  properties[PROP_EVENT] =
    g_param_spec_enum ("event", NULL, NULL, CP_TYPE_EVENT_KIND, CP_EVENT_KIND_PLACEMENT_CHANGE,
                       G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /**
   * CpRule:gate:
   *
   * For a trigger: whether the IRO must agree.
   */
  properties[PROP_GATE] =
    g_param_spec_enum ("gate", NULL, NULL, CP_TYPE_TRIGGER_GATE, CP_TRIGGER_GATE_MANDATORY,
                       G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /**
   * CpRule:resets-cycle:
   *
   * For a trigger: whether the review it brings forward counts as the first of a new cycle.
   */
  properties[PROP_RESETS_CYCLE] =
    g_param_spec_boolean ("resets-cycle", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /**
   * CpRule:responsible:
   *
   * Who is responsible (for an adjournment: who may adjourn).
   */
  properties[PROP_RESPONSIBLE] =
    g_param_spec_enum ("responsible", NULL, NULL, CP_TYPE_ROLE, CP_ROLE_UNKNOWN,
                       G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /**
   * CpRule:approver:
   *
   * Who must approve; %CP_ROLE_UNKNOWN when nobody can (for a re-arrangement outside the statutory timescale: it is refused).
   */
  properties[PROP_APPROVER] =
    g_param_spec_enum ("approver", NULL, NULL, CP_TYPE_ROLE, CP_ROLE_UNKNOWN,
                       G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /**
   * CpRule:limit:
   *
   * For an adjournment: how many times a review may be adjourned.
   */
  properties[PROP_LIMIT] =
    g_param_spec_int ("limit", NULL, NULL, 0, 100, 0,
                      G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /**
   * CpRule:within-due:
   *
   * For an adjournment: whether the reconvened meeting must also be within the statutory due date.
   */
  properties[PROP_WITHIN_DUE] =
    g_param_spec_boolean ("within-due", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /**
   * CpRule:agreement-required:
   *
   * For a review without a meeting: everyone, the child included, must agree.
   */
  properties[PROP_AGREEMENT_REQUIRED] =
    g_param_spec_boolean ("agreement-required", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /**
   * CpRule:deemed-agreed:
   *
   * For a manager's response to a review: silence until the due date means
   * the decisions are agreed.
   */
  properties[PROP_DEEMED_AGREED] =
    g_param_spec_boolean ("deemed-agreed", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /**
   * CpRule:stage:
   *
   * For an escalation stage: its name, as recorded on a dispute
   * (`practice-manager`, `cafcass`).
   */
  properties[PROP_STAGE] =
    g_param_spec_string ("stage", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /**
   * CpRule:position:
   *
   * For an escalation stage: its place on the ladder, 1 for the lowest.
   */
  properties[PROP_POSITION] =
    g_param_spec_int ("position", NULL, NULL, 0, 100, 0,
                      G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /**
   * CpRule:extension:
   *
   * For an activity rule counted from each placement: how much longer (in
   * the rule's unit) the deadline becomes, once, when an
   * `approval-extended` activity is recorded before it passes; 0 for none.
   */
  properties[PROP_EXTENSION] =
    g_param_spec_int ("extension", NULL, NULL, 0, 10000, 0,
                      G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /**
   * CpRule:replaces:
   *
   * For an interval rule: the keys of the interval rules of the same duty
   * it sets aside while it applies (a longer interval the law allows once
   * a condition is met); the shortest of the rest still wins.
   */
  properties[PROP_REPLACES] =
    g_param_spec_boxed ("replaces", NULL, NULL, G_TYPE_STRV,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /**
   * CpRule:since-previous-review:
   *
   * For an activity rule counted from the second or third review: only an
   * activity done on or after the review before it counts (a meeting
   * "between the first and second reviews").
   */
  properties[PROP_SINCE_PREVIOUS_REVIEW] =
    g_param_spec_boolean ("since-previous-review", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /**
   * CpRule:before-care:
   *
   * For an interval rule counted from the start of care: the last activity
   * done before the child became looked after (an assessment made before
   * care) starts the intervals instead.
   */
  properties[PROP_BEFORE_CARE] =
    g_param_spec_boolean ("before-care", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /**
   * CpRule:any-time:
   *
   * For an escalation stage: the IRO may go to it from any stage (a
   * referral to CAFCASS "whenever appropriate"); otherwise it opens only
   * from the stage just below it. Stages below the top may always be
   * skipped.
   */
  properties[PROP_ANY_TIME] =
    g_param_spec_boolean ("any-time", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /**
   * CpRule:optional:
   *
   * The duty may rightly be left undone (a manager who has no concerns
   * raises none): once its window has closed without it, the obligation is
   * not applicable rather than overdue.
   */
  properties[PROP_OPTIONAL] =
    g_param_spec_boolean ("optional", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /**
   * CpRule:after:
   *
   * With the anchor %CP_ANCHOR_RULE: the key of the rule, of the same kind,
   * this one counts from, so that clocks can run one after another ("then
   * 5 days"): its due date or, for a recommendation clock, the day it was
   * met if that is earlier.
   */
  properties[PROP_AFTER] =
    g_param_spec_string ("after", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /**
   * CpRule:citation:
   *
   * The source document and section.
   */
  properties[PROP_CITATION] =
    cp_field_required (g_param_spec_string ("citation", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  /**
   * CpRule:interpretation:
   *
   * How an ambiguous source is read, and why.
   */
  properties[PROP_INTERPRETATION] =
    g_param_spec_string ("interpretation", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /**
   * CpRule:relevant-until-months:
   *
   * For a leaving-care-status rule: the age, in months, at which an eligible
   * or relevant young person becomes former relevant (the end of
   * childhood).
   */
  properties[PROP_RELEVANT_UNTIL_MONTHS] =
    g_param_spec_int ("relevant-until-months", NULL, NULL, 0, 600, 0,
                      G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /**
   * CpRule:former-relevant-until-months:
   *
   * For a leaving-care-status rule: the age, in months, at which the duties
   * to a former relevant (and a qualifying) young person end.
   */
  properties[PROP_FORMER_RELEVANT_UNTIL_MONTHS] =
    g_param_spec_int ("former-relevant-until-months", NULL, NULL, 0, 600, 0,
                      G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /**
   * CpRule:education-until-months:
   *
   * For a leaving-care-status rule: the age, in months, the duties to a
   * former relevant young person run to once the authority has been told
   * of education or training (an `education-training-notified` activity);
   * 0 for no extension.
   */
  properties[PROP_EDUCATION_UNTIL_MONTHS] =
    g_param_spec_int ("education-until-months", NULL, NULL, 0, 600, 0,
                      G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /**
   * CpRule:from-duty:
   *
   * For an activity rule with the anchor `activity`: the duty (a nick of
   * #CpDuty) whose recorded activities it counts from, one obligation for
   * each.
   */
  properties[PROP_FROM_DUTY] =
    g_param_spec_string ("from-duty", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /**
   * CpRule:since-duty:
   *
   * For an activity rule with the anchor `activity`: only the activities
   * it counts from on or after the first activity of this duty (a nick of
   * #CpDuty) count (pathway plan reviews once accommodation is provided).
   */
  properties[PROP_SINCE_DUTY] =
    g_param_spec_string ("since-duty", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  G_OBJECT_CLASS (klass)->finalize = cp_rule_finalize;

  cp_rule_conditions_install (properties);

  cp_record_class_install (G_OBJECT_CLASS (klass), properties, N_PROPS);
  cp_record_class_set_strict (G_OBJECT_CLASS (klass));
}

static void
cp_rule_init (CpRule *self)
{
}

/* As cp_record_class_fields_make() does: the atomics, which
 * ThreadSanitizer sees, publish the structure (GLib's own mutex and
 * g_once_init_leave() are not instrumented). */
const CpRuleConditions *
cp_rule_peek_conditions (CpRule *self)
{
  static GMutex lock;
  CpRuleConditions *c = g_atomic_pointer_get (&self->conditions);

  if (c != NULL)
    return c;
  g_mutex_lock (&lock);
  c = g_atomic_pointer_get (&self->conditions);
  if (c == NULL)
    {
      c = g_new0 (CpRuleConditions, 1);
      cp_rule_conditions_fill (self, c);
      g_atomic_pointer_set (&self->conditions, c);
    }
  g_mutex_unlock (&lock);
  return c;
}

/**
 * cp_rule_get_id:
 * @self: a #CpRule
 *
 * Gets the [property@Rule:id] property.
 *
 * Returns: (transfer none): the rules-catalogue id (`review-first-within-20wd`)
 */
const char *
cp_rule_get_id (CpRule *self)
{
  g_return_val_if_fail (CP_IS_RULE (self), NULL);
  return cp_record_get_string (CP_RECORD (self), PROP_ID);
}

/**
 * cp_rule_get_key:
 * @self: a #CpRule
 *
 * Gets the [property@Rule:key] property.
 *
 * Returns: (transfer none): the stable key a local profile overrides (`review.first`)
 */
const char *
cp_rule_get_key (CpRule *self)
{
  g_return_val_if_fail (CP_IS_RULE (self), NULL);
  return cp_record_get_string (CP_RECORD (self), PROP_KEY);
}

/**
 * cp_rule_get_in_force_from:
 * @self: a #CpRule
 *
 * Gets the [property@Rule:in-force-from] property.
 *
 * Returns: (transfer none) (nullable): the first day this version of the
 *   rule is in force, or %NULL if it has no beginning
 */
const GDate *
cp_rule_get_in_force_from (CpRule *self)
{
  g_return_val_if_fail (CP_IS_RULE (self), NULL);
  return cp_record_get_date (CP_RECORD (self), PROP_IN_FORCE_FROM);
}

/**
 * cp_rule_get_in_force_until:
 * @self: a #CpRule
 *
 * Gets the [property@Rule:in-force-until] property.
 *
 * Returns: (transfer none) (nullable): the last day this version of the
 *   rule is in force, or %NULL if it has no end
 */
const GDate *
cp_rule_get_in_force_until (CpRule *self)
{
  g_return_val_if_fail (CP_IS_RULE (self), NULL);
  return cp_record_get_date (CP_RECORD (self), PROP_IN_FORCE_UNTIL);
}

/**
 * cp_rule_get_lapses:
 * @self: a #CpRule
 *
 * Gets the [property@Rule:lapses] property.
 *
 * Returns: whether nothing of this version is saved when it ends
 */
gboolean
cp_rule_get_lapses (CpRule *self)
{
  g_return_val_if_fail (CP_IS_RULE (self), FALSE);
  return cp_record_get_boolean (CP_RECORD (self), PROP_LAPSES);
}

/**
 * cp_rule_is_in_force:
 * @self: a #CpRule
 * @date: a day
 *
 * Whether this version of the rule is in force on @date: on or after
 * [property@Rule:in-force-from] and on or before
 * [property@Rule:in-force-until], where they are set.
 *
 * Returns: %TRUE if the rule is in force on @date
 */
gboolean
cp_rule_is_in_force (CpRule      *self,
                     const GDate *date)
{
  g_return_val_if_fail (CP_IS_RULE (self), FALSE);
  g_return_val_if_fail (date != NULL && g_date_valid (date), FALSE);
  return cp_rule_in_force_julian (self, g_date_get_julian (date));
}

/* The engine's form: @julian is a day's julian number. */
gboolean
cp_rule_in_force_julian (CpRule  *self,
                         guint32  julian)
{
  const GDate *from = cp_record_get_date (CP_RECORD (self), PROP_IN_FORCE_FROM);
  const GDate *until = cp_record_get_date (CP_RECORD (self), PROP_IN_FORCE_UNTIL);

  if (from != NULL && julian < g_date_get_julian (from))
    return FALSE;
  if (until != NULL && julian > g_date_get_julian (until))
    return FALSE;
  return TRUE;
}

/**
 * cp_rule_get_kind:
 * @self: a #CpRule
 *
 * Gets the [property@Rule:kind] property.
 *
 * Returns: the mechanism the rule drives
 */
CpRuleKind
cp_rule_get_kind (CpRule *self)
{
  g_return_val_if_fail (CP_IS_RULE (self), 0);
  return (CpRuleKind) cp_record_get_enum (CP_RECORD (self), PROP_KIND);
}

/**
 * cp_rule_get_statement:
 * @self: a #CpRule
 *
 * Gets the [property@Rule:statement] property.
 *
 * Returns: (transfer none): the rule in plain language
 */
const char *
cp_rule_get_statement (CpRule *self)
{
  g_return_val_if_fail (CP_IS_RULE (self), NULL);
  return cp_record_get_string (CP_RECORD (self), PROP_STATEMENT);
}

/**
 * cp_rule_get_quantity:
 * @self: a #CpRule
 *
 * Gets the [property@Rule:quantity] property.
 *
 * Returns: how many units the timescale is (0 when the rule has none)
 */
int
cp_rule_get_quantity (CpRule *self)
{
  g_return_val_if_fail (CP_IS_RULE (self), 0);
  return cp_record_get_int (CP_RECORD (self), PROP_QUANTITY);
}

/**
 * cp_rule_get_unit:
 * @self: a #CpRule
 *
 * Gets the [property@Rule:unit] property.
 *
 * Returns: the unit of the timescale
 */
CpUnit
cp_rule_get_unit (CpRule *self)
{
  g_return_val_if_fail (CP_IS_RULE (self), 0);
  return (CpUnit) cp_record_get_enum (CP_RECORD (self), PROP_UNIT);
}

/**
 * cp_rule_get_anchor:
 * @self: a #CpRule
 *
 * Gets the [property@Rule:anchor] property.
 *
 * Returns: what the timescale counts from
 */
CpAnchor
cp_rule_get_anchor (CpRule *self)
{
  g_return_val_if_fail (CP_IS_RULE (self), 0);
  return (CpAnchor) cp_record_get_enum (CP_RECORD (self), PROP_ANCHOR);
}

/**
 * cp_rule_get_direction:
 * @self: a #CpRule
 *
 * Gets the [property@Rule:direction] property.
 *
 * Returns: which way the timescale counts
 */
CpDirection
cp_rule_get_direction (CpRule *self)
{
  g_return_val_if_fail (CP_IS_RULE (self), 0);
  return (CpDirection) cp_record_get_enum (CP_RECORD (self), PROP_DIRECTION);
}

/**
 * cp_rule_get_duty:
 * @self: a #CpRule
 *
 * Gets the [property@Rule:duty] property.
 *
 * Returns: what has to be done to meet the rule
 */
CpDuty
cp_rule_get_duty (CpRule *self)
{
  g_return_val_if_fail (CP_IS_RULE (self), 0);
  return (CpDuty) cp_record_get_enum (CP_RECORD (self), PROP_DUTY);
}

/**
 * cp_rule_get_slot:
 * @self: a #CpRule
 *
 * Gets the [property@Rule:slot] property.
 *
 * Returns: which reviews a review rule applies to
 */
CpReviewSlot
cp_rule_get_slot (CpRule *self)
{
  g_return_val_if_fail (CP_IS_RULE (self), 0);
  return (CpReviewSlot) cp_record_get_enum (CP_RECORD (self), PROP_SLOT);
}

/**
 * cp_rule_get_event:
 * @self: a #CpRule
 *
 * Gets the [property@Rule:event] property.
 *
 * Returns: for a trigger: the event that brings the review forward
 */
CpEventKind
cp_rule_get_event (CpRule *self)
{
  g_return_val_if_fail (CP_IS_RULE (self), 0);
  return (CpEventKind) cp_record_get_enum (CP_RECORD (self), PROP_EVENT);
}

/**
 * cp_rule_get_gate:
 * @self: a #CpRule
 *
 * Gets the [property@Rule:gate] property.
 *
 * Returns: for a trigger: whether the IRO must agree
 */
CpTriggerGate
cp_rule_get_gate (CpRule *self)
{
  g_return_val_if_fail (CP_IS_RULE (self), 0);
  return (CpTriggerGate) cp_record_get_enum (CP_RECORD (self), PROP_GATE);
}

/**
 * cp_rule_get_resets_cycle:
 * @self: a #CpRule
 *
 * Gets the [property@Rule:resets-cycle] property.
 *
 * Returns: for a trigger: whether the review it brings forward counts as the first of a new cycle
 */
gboolean
cp_rule_get_resets_cycle (CpRule *self)
{
  g_return_val_if_fail (CP_IS_RULE (self), FALSE);
  return cp_record_get_boolean (CP_RECORD (self), PROP_RESETS_CYCLE);
}

/**
 * cp_rule_get_responsible:
 * @self: a #CpRule
 *
 * Gets the [property@Rule:responsible] property.
 *
 * Returns: who is responsible (for an adjournment: who may adjourn)
 */
CpRole
cp_rule_get_responsible (CpRule *self)
{
  g_return_val_if_fail (CP_IS_RULE (self), 0);
  return (CpRole) cp_record_get_enum (CP_RECORD (self), PROP_RESPONSIBLE);
}

/**
 * cp_rule_get_approver:
 * @self: a #CpRule
 *
 * Gets the [property@Rule:approver] property.
 *
 * Returns: who must approve; %CP_ROLE_UNKNOWN when nobody can (for a re-arrangement outside the statutory timescale: it is refused)
 */
CpRole
cp_rule_get_approver (CpRule *self)
{
  g_return_val_if_fail (CP_IS_RULE (self), 0);
  return (CpRole) cp_record_get_enum (CP_RECORD (self), PROP_APPROVER);
}

/**
 * cp_rule_get_limit:
 * @self: a #CpRule
 *
 * Gets the [property@Rule:limit] property.
 *
 * Returns: for an adjournment: how many times a review may be adjourned
 */
int
cp_rule_get_limit (CpRule *self)
{
  g_return_val_if_fail (CP_IS_RULE (self), 0);
  return cp_record_get_int (CP_RECORD (self), PROP_LIMIT);
}

/**
 * cp_rule_get_within_due:
 * @self: a #CpRule
 *
 * Gets the [property@Rule:within-due] property.
 *
 * Returns: for an adjournment: whether the reconvened meeting must also be within the statutory due date
 */
gboolean
cp_rule_get_within_due (CpRule *self)
{
  g_return_val_if_fail (CP_IS_RULE (self), FALSE);
  return cp_record_get_boolean (CP_RECORD (self), PROP_WITHIN_DUE);
}

/**
 * cp_rule_get_agreement_required:
 * @self: a #CpRule
 *
 * Gets the [property@Rule:agreement-required] property.
 *
 * Returns: for a review without a meeting: everyone, the child included, must agree
 */
gboolean
cp_rule_get_agreement_required (CpRule *self)
{
  g_return_val_if_fail (CP_IS_RULE (self), FALSE);
  return cp_record_get_boolean (CP_RECORD (self), PROP_AGREEMENT_REQUIRED);
}

/**
 * cp_rule_get_deemed_agreed:
 * @self: a #CpRule
 *
 * Gets the [property@Rule:deemed-agreed] property.
 *
 * Returns: for a manager's response: whether silence means agreement
 */
gboolean
cp_rule_get_deemed_agreed (CpRule *self)
{
  g_return_val_if_fail (CP_IS_RULE (self), FALSE);
  return cp_record_get_boolean (CP_RECORD (self), PROP_DEEMED_AGREED);
}

/**
 * cp_rule_get_stage:
 * @self: a #CpRule
 *
 * Gets the [property@Rule:stage] property.
 *
 * Returns: (nullable): for an escalation stage, its name
 */
const char *
cp_rule_get_stage (CpRule *self)
{
  g_return_val_if_fail (CP_IS_RULE (self), NULL);
  return cp_record_get_string (CP_RECORD (self), PROP_STAGE);
}

/**
 * cp_rule_get_position:
 * @self: a #CpRule
 *
 * Gets the [property@Rule:position] property.
 *
 * Returns: for an escalation stage, its place on the ladder (1 is lowest)
 */
int
cp_rule_get_position (CpRule *self)
{
  g_return_val_if_fail (CP_IS_RULE (self), 0);
  return cp_record_get_int (CP_RECORD (self), PROP_POSITION);
}

/**
 * cp_rule_get_any_time:
 * @self: a #CpRule
 *
 * Gets the [property@Rule:any-time] property.
 *
 * Returns: for an escalation stage, whether it can be reached from any stage
 */
gboolean
cp_rule_get_any_time (CpRule *self)
{
  g_return_val_if_fail (CP_IS_RULE (self), FALSE);
  return cp_record_get_boolean (CP_RECORD (self), PROP_ANY_TIME);
}

/**
 * cp_rule_get_optional:
 * @self: a #CpRule
 *
 * Gets the [property@Rule:optional] property.
 *
 * Returns: whether the duty may rightly be left undone
 */
gboolean
cp_rule_get_optional (CpRule *self)
{
  g_return_val_if_fail (CP_IS_RULE (self), FALSE);
  return cp_record_get_boolean (CP_RECORD (self), PROP_OPTIONAL);
}

/**
 * cp_rule_get_after:
 * @self: a #CpRule
 *
 * Gets the [property@Rule:after] property.
 *
 * Returns: (transfer none) (nullable): with the anchor %CP_ANCHOR_RULE, the
 *   key of the rule this one counts from
 */
const char *
cp_rule_get_after (CpRule *self)
{
  g_return_val_if_fail (CP_IS_RULE (self), NULL);
  return cp_record_get_string (CP_RECORD (self), PROP_AFTER);
}

/**
 * cp_rule_get_citation:
 * @self: a #CpRule
 *
 * Gets the [property@Rule:citation] property.
 *
 * Returns: (transfer none): the source document and section
 */
const char *
cp_rule_get_citation (CpRule *self)
{
  g_return_val_if_fail (CP_IS_RULE (self), NULL);
  return cp_record_get_string (CP_RECORD (self), PROP_CITATION);
}

/**
 * cp_rule_get_interpretation:
 * @self: a #CpRule
 *
 * Gets the [property@Rule:interpretation] property.
 *
 * Returns: (transfer none) (nullable): how an ambiguous source is read, and why
 */
const char *
cp_rule_get_interpretation (CpRule *self)
{
  g_return_val_if_fail (CP_IS_RULE (self), NULL);
  return cp_record_get_string (CP_RECORD (self), PROP_INTERPRETATION);
}

/* An age in months, in words: "16 years 3 months". */
static char *
age_words (int months)
{
  return g_strdup_printf ("%d years %d months", months / 12, months % 12);
}

/**
 * cp_rule_describe_timescale:
 * @self: a #CpRule
 *
 * Describes the timescale in words, for listings: "within 20 working days
 * of looked-after", "10 working days before review", "every 12 months from
 * last-meeting".
 *
 * Returns: (transfer full): the description, or "no timescale"
 */
char *
cp_rule_describe_timescale (CpRule *self)
{
  static const char *units[][2] = {
    [CP_UNIT_WORKING_DAYS] = { "working day", "working days" },
    [CP_UNIT_CALENDAR_DAYS] = { "calendar day", "calendar days" },
    [CP_UNIT_WEEKS] = { "week", "weeks" },
    [CP_UNIT_MONTHS] = { "month", "months" },
    [CP_UNIT_HOURS] = { "hour", "hours" },
  };
  int q;
  const char *unit, *anchor;

  g_return_val_if_fail (CP_IS_RULE (self), NULL);

  q = cp_rule_get_quantity (self);
  unit = units[cp_rule_get_unit (self)][q == 1 ? 0 : 1];
  switch (cp_rule_get_kind (self))
    {
    case CP_RULE_KIND_AUTHORITY:
      return q == 0 ? g_strdup ("no timescale")
                    : g_strdup_printf ("applies after %d %s looked after", q, unit);
    case CP_RULE_KIND_LEAVING_CARE_STATUS:
      {
        g_autofree char *from = age_words (cp_rule_get_min_age_months (self));
        g_autofree char *reach = age_words (cp_rule_get_max_age_months (self));
        g_autofree char *adult = age_words (cp_rule_get_relevant_until_months (self));
        g_autofree char *end = age_words (cp_rule_get_former_relevant_until_months (self));
        g_autofree char *education = age_words (cp_rule_get_education_until_months (self));

        return g_strdup_printf ("%d %s looked after from age %s, reaching age %s; former relevant from %s; "
                                "duties end at %s%s%s%s", q, unit, from, reach, adult, end,
                                cp_rule_get_education_until_months (self) > 0 ? " (" : "",
                                cp_rule_get_education_until_months (self) > 0 ? education : "",
                                cp_rule_get_education_until_months (self) > 0 ? " in education or training)" : "");
      }
    case CP_RULE_KIND_INTERVAL:
      if (cp_rule_get_anchor (self) == CP_ANCHOR_NONE)
        return g_strdup_printf ("at most %d %s apart", q, unit);
      break;
    case CP_RULE_KIND_ACTIVITY:
      if (cp_rule_get_anchor (self) == CP_ANCHOR_BIRTH && cp_rule_get_unit (self) == CP_UNIT_MONTHS)
        {
          g_autofree char *age = age_words (q);
          return g_strdup_printf ("by age %s", age);
        }
      break;
    default:
      break;
    }
  if (cp_rule_get_anchor (self) == CP_ANCHOR_RULE)
    anchor = cp_rule_get_after (self);
  else if (cp_rule_get_anchor (self) == CP_ANCHOR_ACTIVITY && cp_rule_get_from_duty (self) != NULL)
    anchor = cp_rule_get_from_duty (self);
  else
    anchor = cp_enum_to_nick (CP_TYPE_ANCHOR, cp_rule_get_anchor (self));
  if (q == 0)
    return cp_rule_get_anchor (self) == CP_ANCHOR_NONE ? g_strdup ("no timescale")
                                                       : g_strdup_printf ("on the day of %s", anchor);

  switch (cp_rule_get_direction (self))
    {
    case CP_DIRECTION_BEFORE:
      return g_strdup_printf ("at least %d %s before %s", q, unit, anchor);
    case CP_DIRECTION_EVERY:
      return g_strdup_printf ("every %d %s from %s", q, unit, anchor);
    case CP_DIRECTION_WITHIN:
    default:
      return g_strdup_printf ("within %d %s of %s", q, unit, anchor);
    }
}

/**
 * cp_rule_get_extension:
 * @self: a #CpRule
 *
 * Gets the [property@Rule:extension] property.
 *
 * Returns: for an activity rule on placements: how much one recorded extension adds (0: none allowed)
 */
int
cp_rule_get_extension (CpRule *self)
{
  g_return_val_if_fail (CP_IS_RULE (self), 0);
  return cp_record_get_int (CP_RECORD (self), PROP_EXTENSION);
}

/**
 * cp_rule_get_replaces:
 * @self: a #CpRule
 *
 * Gets the [property@Rule:replaces] property.
 *
 * Returns: (transfer none) (nullable) (array zero-terminated=1): the keys of the interval rules it sets aside while it applies
 */
const char * const *
cp_rule_get_replaces (CpRule *self)
{
  g_return_val_if_fail (CP_IS_RULE (self), NULL);
  return cp_record_get_strv (CP_RECORD (self), PROP_REPLACES);
}

/**
 * cp_rule_get_since_previous_review:
 * @self: a #CpRule
 *
 * Gets the [property@Rule:since-previous-review] property.
 *
 * Returns: for an activity rule counted from a review: whether only an
 *   activity done since the review before it counts
 */
gboolean
cp_rule_get_since_previous_review (CpRule *self)
{
  g_return_val_if_fail (CP_IS_RULE (self), FALSE);
  return cp_record_get_boolean (CP_RECORD (self), PROP_SINCE_PREVIOUS_REVIEW);
}

/**
 * cp_rule_get_before_care:
 * @self: a #CpRule
 *
 * Gets the [property@Rule:before-care] property.
 *
 * Returns: for an interval rule: whether an activity done before care began
 *   starts the intervals
 */
gboolean
cp_rule_get_before_care (CpRule *self)
{
  g_return_val_if_fail (CP_IS_RULE (self), FALSE);
  return cp_record_get_boolean (CP_RECORD (self), PROP_BEFORE_CARE);
}

/**
 * cp_rule_get_relevant_until_months:
 * @self: a #CpRule
 *
 * Gets the [property@Rule:relevant-until-months] property.
 *
 * Returns: for a leaving-care-status rule: the age in months at which an eligible or relevant young person becomes former relevant
 */
int
cp_rule_get_relevant_until_months (CpRule *self)
{
  g_return_val_if_fail (CP_IS_RULE (self), 0);
  return cp_record_get_int (CP_RECORD (self), PROP_RELEVANT_UNTIL_MONTHS);
}

/**
 * cp_rule_get_former_relevant_until_months:
 * @self: a #CpRule
 *
 * Gets the [property@Rule:former-relevant-until-months] property.
 *
 * Returns: for a leaving-care-status rule: the age in months at which the duties to a former relevant young person end
 */
int
cp_rule_get_former_relevant_until_months (CpRule *self)
{
  g_return_val_if_fail (CP_IS_RULE (self), 0);
  return cp_record_get_int (CP_RECORD (self), PROP_FORMER_RELEVANT_UNTIL_MONTHS);
}

/**
 * cp_rule_get_education_until_months:
 * @self: a #CpRule
 *
 * Gets the [property@Rule:education-until-months] property.
 *
 * Returns: for a leaving-care-status rule: the age in months the duties run to in education or training (0: no extension)
 */
int
cp_rule_get_education_until_months (CpRule *self)
{
  g_return_val_if_fail (CP_IS_RULE (self), 0);
  return cp_record_get_int (CP_RECORD (self), PROP_EDUCATION_UNTIL_MONTHS);
}

/**
 * cp_rule_get_from_duty:
 * @self: a #CpRule
 *
 * Gets the [property@Rule:from-duty] property.
 *
 * Returns: (nullable): for an activity rule counted from activities: the duty they are of
 */
const char *
cp_rule_get_from_duty (CpRule *self)
{
  g_return_val_if_fail (CP_IS_RULE (self), NULL);
  return cp_record_get_string (CP_RECORD (self), PROP_FROM_DUTY);
}

/**
 * cp_rule_get_since_duty:
 * @self: a #CpRule
 *
 * Gets the [property@Rule:since-duty] property.
 *
 * Returns: (nullable): for an activity rule counted from activities: the duty whose first activity they count from
 */
const char *
cp_rule_get_since_duty (CpRule *self)
{
  g_return_val_if_fail (CP_IS_RULE (self), NULL);
  return cp_record_get_string (CP_RECORD (self), PROP_SINCE_DUTY);
}
