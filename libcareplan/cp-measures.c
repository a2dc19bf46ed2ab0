/* cp-measures.c
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include <math.h>
#include <stdlib.h>

#include "careplan.h"

#define N_MEASURES (CP_MEASURE_PLACEMENT_PLANS + 1)

/* The name of the one group of %CP_GROUPING_AUTHORITY, and of the cases
 * with no allocation in the grouping's role on the day. */
#define GROUP_AUTHORITY   "all"
#define GROUP_UNALLOCATED "unallocated"

/**
 * cp_area_of_duty:
 * @duty: a duty
 *
 * The area of work an obligation for @duty belongs to, as `careplan
 * summary` counts them: reviews, review paperwork, plans, visits, health
 * and education, permanence, leaving care, recommendations, disputes.
 *
 * Returns: the area of work
 */
CpArea
cp_area_of_duty (CpDuty duty)
{
  switch (duty)
    {
    case CP_DUTY_REVIEW:
    case CP_DUTY_REVIEW_MEETING:
    case CP_DUTY_ADJOURNED_REVIEW:
      return CP_AREA_REVIEWS;
    case CP_DUTY_CARE_PLAN:
    case CP_DUTY_PLACEMENT_PLAN:
    case CP_DUTY_CARE_PLAN_UPDATED:
    case CP_DUTY_PLACEMENT_PLANNING_MEETING:
    case CP_DUTY_CARE_PLANNING_MEETING:
    case CP_DUTY_LEGAL_PLANNING_MEETING:
    case CP_DUTY_CARER_APPROVED:
    case CP_DUTY_APPROVAL_EXTENDED:
    case CP_DUTY_REVIEW_UNIT_NOTIFIED:
    case CP_DUTY_STATUTORY_ASSESSMENT:
    case CP_DUTY_RISK_ASSESSMENT:
    case CP_DUTY_CESSATION_ASSESSMENT:
    case CP_DUTY_CIN_PLAN:
      return CP_AREA_PLANS;
    case CP_DUTY_VISIT:
    case CP_DUTY_RETURN_HOME_INTERVIEW:
    case CP_DUTY_VISITS_REDUCTION_AGREED:
    case CP_DUTY_VISITS_REDUCTION_DECIDED:
      return CP_AREA_VISITS;
    case CP_DUTY_HEALTH_ASSESSMENT:
    case CP_DUTY_DENTAL_CHECK:
    case CP_DUTY_PEP_REVIEW:
    case CP_DUTY_HEALTH_TEAM_NOTIFIED:
    case CP_DUTY_VIRTUAL_SCHOOL_NOTIFIED:
      return CP_AREA_HEALTH_EDUCATION;
    case CP_DUTY_PERMANENCE_PLAN:
    case CP_DUTY_PERMANENCE_PLANNING_MEETING:
    case CP_DUTY_FINAL_CARE_PLANNING_MEETING:
    case CP_DUTY_PERMANENCE_DECISION:
    case CP_DUTY_PERMANENCE_PROGRESS_MEETING:
    case CP_DUTY_PERMANENCE_MILESTONE:
      return CP_AREA_PERMANENCE;
    case CP_DUTY_LANDMARK_REVIEW:
    case CP_DUTY_NEEDS_ASSESSMENT:
    case CP_DUTY_PATHWAY_PLAN:
    case CP_DUTY_PATHWAY_PLAN_REVIEW:
    case CP_DUTY_STAYING_PUT_CONSIDERED:
    case CP_DUTY_PA_VISIT:
    case CP_DUTY_ACCOMMODATION_PROVIDED:
    case CP_DUTY_EDUCATION_TRAINING_NOTIFIED:
      return CP_AREA_LEAVING_CARE;
    case CP_DUTY_RECOMMENDATION:
    case CP_DUTY_RECOMMENDATION_NOTIFIED:
    case CP_DUTY_RECOMMENDATION_CONCERNS:
    case CP_DUTY_RECOMMENDATION_AGREED:
      return CP_AREA_RECOMMENDATIONS;
    case CP_DUTY_DISPUTE_STAGE:
    case CP_DUTY_DISPUTE_REGISTERED:
      return CP_AREA_DISPUTES;
    case CP_DUTY_CHILD_CONSULTED:
    case CP_DUTY_INVITATIONS_SENT:
    case CP_DUTY_DOCUMENTS_TO_IRO:
    case CP_DUTY_REPORT_AVAILABLE:
    case CP_DUTY_PLANS_QUALITY_ASSURED:
    case CP_DUTY_HEALTH_PLAN_TO_IRO:
    case CP_DUTY_PEP_TO_IRO:
    case CP_DUTY_PERMANENCE_MINUTES_TO_IRO:
    case CP_DUTY_DECISIONS_RECORD:
    case CP_DUTY_FULL_RECORD:
    case CP_DUTY_RECORD_DISTRIBUTED:
    case CP_DUTY_MANAGER_RESPONSE:
      return CP_AREA_REVIEW_PAPERWORK;
    }
  /* Every duty is named above (-Wswitch checks it); a value from outside
   * the enumeration counts with the paperwork. */
  return CP_AREA_REVIEW_PAPERWORK;
}

/**
 * cp_area_get_label:
 * @area: an area of work
 *
 * The area's label for people, as `careplan summary` prints it ("health,
 * education"). Its enumeration nick (`health-education`) is the code.
 *
 * Returns: (transfer none): the label
 */
const char *
cp_area_get_label (CpArea area)
{
  static const char * const labels[] = {
    "reviews", "review paperwork", "plans", "visits", "health, education", "permanence",
    "leaving care", "recommendations", "disputes",
  };

  g_return_val_if_fail ((guint) area < G_N_ELEMENTS (labels), NULL);
  return labels[area];
}

/**
 * cp_area_get_key:
 * @area: an area of work
 *
 * The area's key, an identifier in snake_case (`health_education`): the
 * key of the area in `careplan summary --format json` and its `area`
 * column in `--format csv`. It is the enumeration nick with `_` for `-`,
 * and stays the same when the label for people changes.
 *
 * Returns: (transfer none): the key
 */
const char *
cp_area_get_key (CpArea area)
{
  static const char * const keys[] = {
    "reviews", "review_paperwork", "plans", "visits", "health_education", "permanence",
    "leaving_care", "recommendations", "disputes",
  };

  g_return_val_if_fail ((guint) area < G_N_ELEMENTS (keys), NULL);
  return keys[area];
}

/**
 * cp_measure_of_duty:
 * @duty: a duty
 * @measure: (out) (optional): the measure obligations for @duty count in
 *
 * Which timeliness measure, if any, obligations for @duty count in.
 *
 * Returns: %TRUE if @duty has a measure
 */
gboolean
cp_measure_of_duty (CpDuty     duty,
                    CpMeasure *measure)
{
  CpMeasure m;

  switch ((int) duty)
    {
    case CP_DUTY_REVIEW: m = CP_MEASURE_REVIEWS; break;
    case CP_DUTY_VISIT: m = CP_MEASURE_VISITS; break;
    case CP_DUTY_HEALTH_ASSESSMENT: m = CP_MEASURE_HEALTH_ASSESSMENTS; break;
    case CP_DUTY_PEP_REVIEW: m = CP_MEASURE_PEPS; break;
    case CP_DUTY_CARE_PLAN: m = CP_MEASURE_CARE_PLANS; break;
    case CP_DUTY_PLACEMENT_PLAN: m = CP_MEASURE_PLACEMENT_PLANS; break;
    default: return FALSE;
    }
  if (measure != NULL)
    *measure = m;
  return TRUE;
}

/**
 * cp_grouping_key:
 * @kase: a case
 * @grouping: how cases are grouped
 * @date: the day whose allocation counts
 *
 * The group @kase belongs to on @date: the team of its allocated social
 * worker, the social worker's or the IRO's staff identifier
 * ([method@Case.get_allocation]), or `"all"` for
 * %CP_GROUPING_AUTHORITY. The result is the caller's to print in a
 * report; the library never prints it.
 *
 * Returns: (transfer none) (nullable): the group, or %NULL if the case
 *   had no such allocation on @date (or it names no team or member of
 *   staff)
 */
const char *
cp_grouping_key (CpCase      *kase,
                 CpGrouping   grouping,
                 const GDate *date)
{
  CpAllocation *a;

  g_return_val_if_fail (CP_IS_CASE (kase), NULL);
  g_return_val_if_fail (date != NULL && g_date_valid (date), NULL);

  switch (grouping)
    {
    case CP_GROUPING_AUTHORITY:
      return GROUP_AUTHORITY;
    case CP_GROUPING_TEAM:
      a = cp_case_get_allocation (kase, CP_ROLE_SOCIAL_WORKER, date);
      return a != NULL ? cp_allocation_get_team (a) : NULL;
    case CP_GROUPING_WORKER:
      a = cp_case_get_allocation (kase, CP_ROLE_SOCIAL_WORKER, date);
      return a != NULL ? cp_allocation_get_staff (a) : NULL;
    case CP_GROUPING_IRO:
      a = cp_case_get_allocation (kase, CP_ROLE_IRO, date);
      return a != NULL ? cp_allocation_get_staff (a) : NULL;
    default:
      g_return_val_if_reached (NULL);
    }
}

/**
 * CpMeasures:
 *
 * How a caseload met its timescales over a period, the way an IRO annual
 * report counts it: for each measure (reviews, visits, health
 * assessments, PEPs, care plans, placement plans), the obligations due in
 * the period, how many were met within timescale, how many were late,
 * and the median and worst lateness in days; for the whole authority, or
 * per team, social worker or IRO. `docs/measures.md` defines each count.
 *
 * Add cases with [method@Measures.add_case]; read the groups with
 * [method@Measures.dup_groups] and the counts with the getters.
 */

typedef struct
{
  guint due, on_time, late, open, unjudged;
  GArray *lateness;   /* int, days, of the late ones whose lateness is known */
} Tally;

struct _CpMeasures
{
  GObject parent_instance;

  CpPolicy *policy;
  CpCalendar *calendar;
  GDate from, to;
  CpGrouping grouping;
  guint cases;
  GHashTable *groups;   /* name -> Tally[N_MEASURES] */
};

G_DEFINE_FINAL_TYPE (CpMeasures, cp_measures, G_TYPE_OBJECT)

static void
tallies_free (gpointer data)
{
  Tally *t = data;

  for (guint i = 0; i < N_MEASURES; i++)
    g_clear_pointer (&t[i].lateness, g_array_unref);
  g_free (t);
}

static void
cp_measures_dispose (GObject *object)
{
  CpMeasures *self = CP_MEASURES (object);

  g_clear_object (&self->policy);
  g_clear_object (&self->calendar);
  G_OBJECT_CLASS (cp_measures_parent_class)->dispose (object);
}

static void
cp_measures_finalize (GObject *object)
{
  CpMeasures *self = CP_MEASURES (object);

  g_clear_pointer (&self->groups, g_hash_table_unref);
  G_OBJECT_CLASS (cp_measures_parent_class)->finalize (object);
}

static void
cp_measures_class_init (CpMeasuresClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = cp_measures_dispose;
  object_class->finalize = cp_measures_finalize;
}

static void
cp_measures_init (CpMeasures *self)
{
  self->groups = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, tallies_free);
}

/**
 * cp_measures_new:
 * @policy: the policy profile the obligations come from
 * @calendar: the calendar for working days
 * @from: the first day of the period
 * @to: the last day of the period (not before @from)
 * @grouping: how to group the cases
 *
 * Creates an empty set of measures for the period from @from to @to,
 * both included.
 *
 * Returns: (transfer full): a new #CpMeasures
 */
CpMeasures *
cp_measures_new (CpPolicy    *policy,
                 CpCalendar  *calendar,
                 const GDate *from,
                 const GDate *to,
                 CpGrouping   grouping)
{
  CpMeasures *self;

  g_return_val_if_fail (CP_IS_POLICY (policy), NULL);
  g_return_val_if_fail (CP_IS_CALENDAR (calendar), NULL);
  g_return_val_if_fail (from != NULL && g_date_valid (from), NULL);
  g_return_val_if_fail (to != NULL && g_date_valid (to), NULL);
  g_return_val_if_fail (g_date_compare (from, to) <= 0, NULL);

  self = g_object_new (CP_TYPE_MEASURES, NULL);
  self->policy = g_object_ref (policy);
  self->calendar = g_object_ref (calendar);
  self->from = *from;
  self->to = *to;
  self->grouping = grouping;
  return self;
}

/**
 * cp_measures_get_from:
 * @self: a #CpMeasures
 *
 * The first day of the period.
 *
 * Returns: (transfer none): the first day
 */
const GDate *
cp_measures_get_from (CpMeasures *self)
{
  g_return_val_if_fail (CP_IS_MEASURES (self), NULL);
  return &self->from;
}

/**
 * cp_measures_get_to:
 * @self: a #CpMeasures
 *
 * The last day of the period.
 *
 * Returns: (transfer none): the last day
 */
const GDate *
cp_measures_get_to (CpMeasures *self)
{
  g_return_val_if_fail (CP_IS_MEASURES (self), NULL);
  return &self->to;
}

/**
 * cp_measures_get_grouping:
 * @self: a #CpMeasures
 *
 * How the cases are grouped.
 *
 * Returns: the grouping
 */
CpGrouping
cp_measures_get_grouping (CpMeasures *self)
{
  g_return_val_if_fail (CP_IS_MEASURES (self), CP_GROUPING_AUTHORITY);
  return self->grouping;
}

static Tally *
tallies_for (CpMeasures *self, const char *group)
{
  Tally *t = g_hash_table_lookup (self->groups, group);

  if (t == NULL)
    {
      t = g_new0 (Tally, N_MEASURES);
      for (guint i = 0; i < N_MEASURES; i++)
        t[i].lateness = g_array_new (FALSE, FALSE, sizeof (int));
      g_hash_table_insert (self->groups, g_strdup (group), t);
    }
  return t;
}

static int
days_between (const GDate *a, const GDate *b)
{
  return (int) g_date_get_julian (b) - (int) g_date_get_julian (a);
}

/**
 * cp_measures_add_obligations:
 * @self: a #CpMeasures
 * @kase: the case the obligations are for
 * @obligations: the case’s obligations ([class@Obligation]),
 *   from an evaluation as at the period's last day or later
 *
 * Counts the obligations of one case that are due in the period. Each
 * counts for the group of the case's allocation on its due date.
 */
void
cp_measures_add_obligations (CpMeasures *self,
                             CpCase     *kase,
                             GListModel *obligations)
{
  guint n;

  g_return_if_fail (CP_IS_MEASURES (self));
  g_return_if_fail (CP_IS_CASE (kase));
  g_return_if_fail (G_IS_LIST_MODEL (obligations));

  self->cases++;
  n = g_list_model_get_n_items (obligations);
  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CpObligation) o = g_list_model_get_item (obligations, i);
      CpObligationStatus st = cp_obligation_get_status (o);
      const GDate *due = cp_obligation_get_due (o);
      const GDate *met = cp_obligation_get_met_on (o);
      const char *group;
      CpMeasure m;
      Tally *t;

      if (st == CP_OBLIGATION_STATUS_NOT_APPLICABLE || due == NULL ||
          !cp_measure_of_duty (cp_rule_get_duty (cp_obligation_get_rule (o)), &m) ||
          g_date_compare (due, &self->from) < 0 || g_date_compare (due, &self->to) > 0)
        continue;

      group = cp_grouping_key (kase, self->grouping, due);
      t = &tallies_for (self, group != NULL ? group : GROUP_UNALLOCATED)[m];

      if (st == CP_OBLIGATION_STATUS_NOT_ENOUGH_HISTORY)
        {
          t->unjudged++;
          continue;
        }
      t->due++;
      if (met != NULL && g_date_compare (met, due) <= 0)
        t->on_time++;
      else if (met == NULL && st == CP_OBLIGATION_STATUS_MET_ON_TIME)
        t->on_time++;
      else if (met != NULL && g_date_compare (met, &self->to) <= 0)
        {
          int days = days_between (due, met);
          t->late++;
          g_array_append_val (t->lateness, days);
        }
      else if (met == NULL && st == CP_OBLIGATION_STATUS_MET_LATE)
        t->late++;   /* met, but the day was not recorded */
      else
        {
          /* Not met by the end of the period: late by the days from the
           * due date to the end of the period's last day. */
          int days = days_between (due, &self->to) + 1;
          t->late++;
          t->open++;
          g_array_append_val (t->lateness, days);
        }
    }
}

/**
 * cp_measures_add_case:
 * @self: a #CpMeasures
 * @kase: a case
 * @error: return location for a #GError
 *
 * Evaluates @kase under the policy as at the period's last day and counts
 * its obligations ([method@Measures.add_obligations]).
 *
 * Returns: %TRUE if the case could be evaluated
 */
gboolean
cp_measures_add_case (CpMeasures  *self,
                      CpCase      *kase,
                      GError     **error)
{
  g_autoptr(CpEvaluator) ev = NULL;

  g_return_val_if_fail (CP_IS_MEASURES (self), FALSE);
  g_return_val_if_fail (CP_IS_CASE (kase), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  ev = cp_evaluator_new (kase, self->policy, self->calendar);
  cp_evaluator_set_date (ev, &self->to);
  if (!cp_evaluator_refresh (ev, error))
    return FALSE;
  cp_measures_add_obligations (self, kase, cp_evaluator_get_obligations (ev));
  return TRUE;
}

/**
 * cp_measures_get_cases:
 * @self: a #CpMeasures
 *
 * How many cases were added.
 *
 * Returns: the number of cases
 */
guint
cp_measures_get_cases (CpMeasures *self)
{
  g_return_val_if_fail (CP_IS_MEASURES (self), 0);
  return self->cases;
}

static int
compare_names (gconstpointer a, gconstpointer b)
{
  return g_strcmp0 (*(char * const *) a, *(char * const *) b);
}

/**
 * cp_measures_dup_groups:
 * @self: a #CpMeasures
 *
 * The groups that had an obligation due in the period, in byte order of
 * their names: `"all"` for %CP_GROUPING_AUTHORITY, else team names or
 * staff identifiers, and `"unallocated"` for obligations due on a day
 * the case had no allocation in the grouping's role.
 *
 * Returns: (transfer full) (array zero-terminated=1): the group names
 */
char **
cp_measures_dup_groups (CpMeasures *self)
{
  GPtrArray *names;
  GHashTableIter iter;
  gpointer key;

  g_return_val_if_fail (CP_IS_MEASURES (self), NULL);

  names = g_ptr_array_new ();
  g_hash_table_iter_init (&iter, self->groups);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_ptr_array_add (names, g_strdup (key));
  g_ptr_array_sort (names, compare_names);
  g_ptr_array_add (names, NULL);
  return (char **) g_ptr_array_free (names, FALSE);
}

static Tally *
tally (CpMeasures *self, const char *group, CpMeasure measure)
{
  Tally *t;

  if ((guint) measure >= N_MEASURES)
    return NULL;
  t = g_hash_table_lookup (self->groups, group != NULL ? group : GROUP_AUTHORITY);
  return t != NULL ? &t[measure] : NULL;
}

#define TALLY_GETTER(name, field)                                             \
guint                                                                         \
cp_measures_get_##name (CpMeasures *self, const char *group, CpMeasure measure) \
{                                                                             \
  Tally *t;                                                                   \
  g_return_val_if_fail (CP_IS_MEASURES (self), 0);                            \
  t = tally (self, group, measure);                                           \
  return t != NULL ? t->field : 0;                                            \
}

/**
 * cp_measures_get_due:
 * @self: a #CpMeasures
 * @group: (nullable): a group name, %NULL for `"all"`
 * @measure: a measure
 *
 * The obligations due in the period and judged: met within timescale,
 * met late, or not met by the period's end.
 *
 * Returns: the number due
 */
TALLY_GETTER (due, due)

/**
 * cp_measures_get_on_time:
 * @self: a #CpMeasures
 * @group: (nullable): a group name, %NULL for `"all"`
 * @measure: a measure
 *
 * Of those due, the ones met on or before their due date.
 *
 * Returns: the number met within timescale
 */
TALLY_GETTER (on_time, on_time)

/**
 * cp_measures_get_late:
 * @self: a #CpMeasures
 * @group: (nullable): a group name, %NULL for `"all"`
 * @measure: a measure
 *
 * Of those due, the ones met after their due date or not met by the end
 * of the period.
 *
 * Returns: the number late
 */
TALLY_GETTER (late, late)

/**
 * cp_measures_get_open:
 * @self: a #CpMeasures
 * @group: (nullable): a group name, %NULL for `"all"`
 * @measure: a measure
 *
 * Of the late ones, those still not met at the end of the period.
 *
 * Returns: the number overdue at the end of the period
 */
TALLY_GETTER (open, open)

/**
 * cp_measures_get_unjudged:
 * @self: a #CpMeasures
 * @group: (nullable): a group name, %NULL for `"all"`
 * @measure: a measure
 *
 * Obligations due in the period that the case lacked the history to
 * judge; they are not in the number due.
 *
 * Returns: the number not judged
 */
TALLY_GETTER (unjudged, unjudged)

/**
 * cp_measures_get_share_on_time:
 * @self: a #CpMeasures
 * @group: (nullable): a group name, %NULL for `"all"`
 * @measure: a measure
 *
 * The share of those due that were met within timescale, from 0 to 1.
 *
 * Returns: the share, or NaN when nothing was due
 */
double
cp_measures_get_share_on_time (CpMeasures *self,
                               const char *group,
                               CpMeasure   measure)
{
  Tally *t;

  g_return_val_if_fail (CP_IS_MEASURES (self), NAN);
  t = tally (self, group, measure);
  if (t == NULL || t->due == 0)
    return NAN;
  return (double) t->on_time / t->due;
}

static int
compare_ints (gconstpointer a, gconstpointer b)
{
  int x = *(const int *) a, y = *(const int *) b;
  return (x > y) - (x < y);
}

/**
 * cp_measures_get_median_lateness:
 * @self: a #CpMeasures
 * @group: (nullable): a group name, %NULL for `"all"`
 * @measure: a measure
 *
 * The median, in days, of how late the late ones were: the middle value,
 * or the mean of the two middle values.
 *
 * Returns: the median lateness, or NaN when none was late
 */
double
cp_measures_get_median_lateness (CpMeasures *self,
                                 const char *group,
                                 CpMeasure   measure)
{
  Tally *t;
  guint n;

  g_return_val_if_fail (CP_IS_MEASURES (self), NAN);
  t = tally (self, group, measure);
  if (t == NULL || t->lateness->len == 0)
    return NAN;
  g_array_sort (t->lateness, compare_ints);
  n = t->lateness->len;
  if (n % 2 == 1)
    return g_array_index (t->lateness, int, n / 2);
  return (g_array_index (t->lateness, int, n / 2 - 1) + g_array_index (t->lateness, int, n / 2)) / 2.0;
}

/**
 * cp_measures_get_worst_lateness:
 * @self: a #CpMeasures
 * @group: (nullable): a group name, %NULL for `"all"`
 * @measure: a measure
 *
 * How late, in days, the latest one was.
 *
 * Returns: the worst lateness, or -1 when none was late
 */
int
cp_measures_get_worst_lateness (CpMeasures *self,
                                const char *group,
                                CpMeasure   measure)
{
  Tally *t;
  int worst = -1;

  g_return_val_if_fail (CP_IS_MEASURES (self), -1);
  t = tally (self, group, measure);
  if (t == NULL)
    return -1;
  for (guint i = 0; i < t->lateness->len; i++)
    worst = MAX (worst, g_array_index (t->lateness, int, i));
  return worst;
}
