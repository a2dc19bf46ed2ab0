/* careplan-summary.c: careplan summary CASELOAD…
 *
 * The authority-wide picture: what is overdue and due soon by area of
 * work, cases in dispute by stage of the ladder, and drift.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "careplan-commands.h"
#include "careplan-options.h"
#include "careplan-measures.h"
#include "careplan-output.h"
#include "cp-case-private.h"
#include "cp-obligation-list-private.h"
#include "cp-permanence-plan-private.h"

static CareplanOptions opts;
static char *opt_format = NULL;
static char **opt_files = NULL;
static char *opt_by = NULL;
static char *opt_from = NULL;
static char *opt_to = NULL;
static gboolean opt_excel = FALSE;

static const GOptionEntry entries[] = {
  { "format", 'f', 0, G_OPTION_ARG_STRING, &opt_format,
    "text (default), json, or csv: one row per area of work (and per group with --by)", "FORMAT" },
  { "excel", 0, 0, G_OPTION_ARG_NONE, &opt_excel,
    "With --format csv: start with a UTF-8 byte-order mark, so that Excel reads the file as UTF-8", NULL },
  { "by", 0, 0, G_OPTION_ARG_STRING, &opt_by,
    "Also count by the allocation on the date: team, worker (social worker) or iro", "GROUPING" },
  { "from", 0, 0, G_OPTION_ARG_STRING, &opt_from,
    "With --to: timeliness of the obligations due from this date (docs/measures.md)", "YYYY-MM-DD" },
  { "to", 0, 0, G_OPTION_ARG_STRING, &opt_to,
    "With --from: to this date, included", "YYYY-MM-DD" },
  { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &opt_files, NULL,
    "[CASELOAD.jsonl|CASE.json…]" },
  { NULL }
};

/* The areas of work a summary counts, by the duty an obligation is for
 * (cp_area_of_duty()). */
#define N_AREAS (CP_AREA_DISPUTES + 1)

typedef struct {
  CpPolicy *policy;
  CpCalendar *calendar;
  GDate *date;
  guint32 today;
  CareplanProgress *progress;
  guint cases, refused, cases_overdue;
  guint overdue[N_AREAS], due_soon[N_AREAS], cases_with[N_AREAS];
  GHashTable *stages;            /* stage name -> cases (GUINT_TO_POINTER) */
  guint cases_in_dispute;
  guint drift_cases, drift_milestones;
  CpGrouping by;                 /* CP_GROUPING_AUTHORITY: no --by */
  GHashTable *groups;            /* group -> GroupCounts, with --by */
  CpMeasures *measures;          /* with --from and --to */
  guint sources;                 /* 1 << the CareplanSource of each case counted */
} Summary;

/* Whether any case counted came from a source that holds a duty of area
 * @a: a 903 return holds only reviews, so its other areas are "not in the
 * return" rather than 0 (docs/ssda903.md). */
static gboolean
area_in_sources (Summary *s, CpArea a)
{
  g_autoptr(GEnumClass) duties = g_type_class_ref (CP_TYPE_DUTY);

  if (s->sources == 0 || (s->sources & (1u << CAREPLAN_SOURCE_CASE)))
    return TRUE;
  for (guint i = 0; i < duties->n_values; i++)
    for (int src = 0; src < 32; src++)
      if ((s->sources & (1u << src)) && cp_area_of_duty (duties->values[i].value) == a &&
          careplan_source_judges (src, duties->values[i].value))
        return TRUE;
  return FALSE;
}

typedef struct {
  guint cases, cases_overdue, overdue, due_soon;
  guint area_overdue[N_AREAS], area_due_soon[N_AREAS], area_cases[N_AREAS];   /* for CSV */
} GroupCounts;

/* --by: one case's counts, by area, added to its group (@group; NULL
 * without --by). */
static void
count_group (Summary *s, const char *group, const guint overdue[N_AREAS], const guint due_soon[N_AREAS])
{
  GroupCounts *g;
  guint any = 0;

  if (group == NULL)
    return;
  g = g_hash_table_lookup (s->groups, group);
  if (g == NULL)
    g_hash_table_insert (s->groups, g_strdup (group), (g = g_new0 (GroupCounts, 1)));
  g->cases++;
  for (guint a = 0; a < N_AREAS; a++)
    {
      g->overdue += overdue[a];
      g->due_soon += due_soon[a];
      g->area_overdue[a] += overdue[a];
      g->area_due_soon[a] += due_soon[a];
      g->area_cases[a] += overdue[a] > 0;
      any += overdue[a];
    }
  g->cases_overdue += any > 0;
}

static void
count_stage (Summary *s, const char *stage)
{
  guint n = GPOINTER_TO_UINT (g_hash_table_lookup (s->stages, stage));
  g_hash_table_insert (s->stages, g_strdup (stage), GUINT_TO_POINTER (n + 1));
}

/* --from/--to: the case's obligations as at the period's end; from a 903
 * return or an SSD extract, only the duties it records. */
static void
measure_case (Summary *s, CpCase *kase, int source)
{
  g_autoptr(CpEvaluator) ev = cp_evaluator_new (kase, s->policy, s->calendar);
  g_autoptr(GListStore) reviews = g_list_store_new (CP_TYPE_OBLIGATION);
  GListModel *list;

  cp_evaluator_set_date (ev, cp_measures_get_to (s->measures));
  if (!cp_evaluator_refresh (ev, NULL))
    return;   /* as at --on it was evaluated; as at --to it says nothing */
  list = cp_evaluator_get_obligations (ev);
  if (source != CAREPLAN_SOURCE_CASE)
    {
      for (guint i = 0; i < g_list_model_get_n_items (list); i++)
        {
          g_autoptr(CpObligation) o = g_list_model_get_item (list, i);

          if (careplan_source_judges (source, cp_rule_get_duty (cp_obligation_get_rule (o))))
            g_list_store_append (reviews, o);
        }
      list = G_LIST_MODEL (reviews);
    }
  cp_measures_add_obligations (s->measures, kase, list);
}

/* What a summary counts of one case: made where the case was evaluated
 * (on a worker thread, with more than one), added in input order. */
typedef struct {
  guint overdue[N_AREAS], due_soon[N_AREAS];
  char *group;                   /* --by: the case's group on the date */
  GPtrArray *stages;             /* the stage of each open dispute (char *) */
  guint drift;                   /* milestones drifting */
  int source;
} CaseCounts;

static void
case_counts_free (gpointer data)
{
  CaseCounts *c = data;

  g_free (c->group);
  g_ptr_array_unref (c->stages);
  g_free (c);
}

/* @kase's counts, reading only what never changes in @s (the profile,
 * the grouping, the date): safe on any thread. */
static CaseCounts *
count_case (Summary *s, CpCase *kase, const CpEvaluated *ev, int source)
{
  CaseCounts *c = g_new0 (CaseCounts, 1);
  CpDispute *const *disputes;
  guint n_disputes;
  CpPermanencePlan *perm;

  c->source = source;
  c->stages = g_ptr_array_new_with_free_func (g_free);
  /* The obligations' plain data: an obligation is only counted here, so
   * making it an object (and its explanation) would be waste. */
  for (guint i = 0; i < ev->n_obligations; i++)
    {
      const CpObligationData *o = &ev->obligations[i];
      CpDuty duty = cp_rule_get_duty (o->rule);
      CpArea a = cp_area_of_duty (duty);

      if (!careplan_source_judges (source, duty))
        continue;
      c->overdue[a] += o->status == CP_OBLIGATION_STATUS_OVERDUE;
      c->due_soon[a] += o->status == CP_OBLIGATION_STATUS_DUE_SOON;
    }
  if (s->by != CP_GROUPING_AUTHORITY)
    {
      const char *key = cp_grouping_key (kase, s->by, s->date);

      c->group = g_strdup (key != NULL ? key : "unallocated");
    }

  /* Open disputes, by the stage each has reached. Read from the case's
   * own array: its GListModel would be one more object a case, made and
   * destroyed under GObject's global locks. */
  disputes = cp_case_peek_disputes (kase, &n_disputes);
  for (guint i = 0; i < n_disputes; i++)
    {
      CpDispute *d = disputes[i];

      if (cp_dispute_get_resolved_on (d) == NULL)
        g_ptr_array_add (c->stages, g_strdup (cp_dispute_get_stage (d) ? cp_dispute_get_stage (d) : "registered"));
    }

  /* Drift: a permanence milestone past its target, not achieved, with no
   * reason recorded for the delay. */
  perm = cp_case_get_permanence_plan (kase);
  if (perm != NULL)
    {
      guint n_milestones;
      CpMilestone *const *ms = cp_permanence_plan_peek_milestones (perm, &n_milestones);

      for (guint i = 0; i < n_milestones; i++)
        {
          CpMilestone *m = ms[i];
          const GDate *target = cp_milestone_get_target (m);

          if (target != NULL && cp_milestone_get_achieved (m) == NULL &&
              cp_milestone_get_delay_reason (m) == NULL && g_date_get_julian (target) < s->today)
            c->drift++;
        }
    }
  return c;
}

/* careplan_for_each_evaluated()'s work on each thread: the case's counts. */
static gpointer
prepare_case (CpCase *kase, const CpEvaluated *ev, const char *where, int source, guint worker, gpointer data)
{
  return count_case (data, kase, ev, source);
}

static void
add_case_counts (Summary *s, const CaseCounts *c)
{
  gboolean any = FALSE;

  s->cases++;
  s->sources |= 1u << c->source;
  for (guint a = 0; a < N_AREAS; a++)
    {
      s->overdue[a] += c->overdue[a];
      s->due_soon[a] += c->due_soon[a];
      s->cases_with[a] += c->overdue[a] > 0;
      any |= c->overdue[a] > 0;
    }
  s->cases_overdue += any;
  count_group (s, c->group, c->overdue, c->due_soon);
  for (guint i = 0; i < c->stages->len; i++)
    count_stage (s, c->stages->pdata[i]);
  s->cases_in_dispute += c->stages->len > 0;
  s->drift_milestones += c->drift;
  s->drift_cases += c->drift > 0;
}

static void
summarise_case (CpCase *kase, CpEvaluator *ev, const char *where, int source, gpointer prepared, gpointer data)
{
  Summary *s = data;
  CaseCounts *counts;
  CpEvaluated evaluated;

  careplan_progress_step (s->progress);
  if (prepared != NULL)
    {
      add_case_counts (s, prepared);
      return;
    }
  if (ev == NULL)
    {
      s->refused++;
      return;
    }
  cp_evaluator_peek_evaluated (ev, &evaluated);
  counts = count_case (s, kase, &evaluated, source);
  add_case_counts (s, counts);
  case_counts_free (counts);
  if (s->measures != NULL)
    measure_case (s, kase, source);
}

static int
compare_stage_names (gconstpointer a, gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

static int
compare_positions (gconstpointer a, gconstpointer b)
{
  return cp_rule_get_position (*(CpRule * const *) a) - cp_rule_get_position (*(CpRule * const *) b);
}

/* The stages open disputes have reached: in ladder order where the profile
 * names them, then any others by name. The strings are the table's keys. */
static GPtrArray *
stages_in_order (Summary *s)
{
  g_autoptr(GPtrArray) names = g_ptr_array_new ();
  g_autoptr(GPtrArray) ladder = g_ptr_array_new_with_free_func (g_object_unref);
  g_autoptr(GHashTable) placed = g_hash_table_new (g_str_hash, g_str_equal);
  GListModel *rules = cp_policy_get_rules (s->policy);
  GPtrArray *ordered = g_ptr_array_new ();
  GHashTableIter iter;
  gpointer key;

  g_hash_table_iter_init (&iter, s->stages);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_ptr_array_add (names, key);
  for (guint i = 0; i < g_list_model_get_n_items (rules); i++)
    {
      CpRule *r = g_list_model_get_item (rules, i);

      if (cp_rule_get_kind (r) == CP_RULE_KIND_ESCALATION_STAGE)
        g_ptr_array_add (ladder, r);
      else
        g_object_unref (r);
    }
  g_ptr_array_sort (ladder, compare_positions);
  g_ptr_array_sort (names, compare_stage_names);

  for (guint i = 0; i < ladder->len; i++)
    for (guint j = 0; j < names->len; j++)
      if (g_strcmp0 (names->pdata[j], cp_rule_get_stage (ladder->pdata[i])) == 0 &&
          g_hash_table_add (placed, names->pdata[j]))
        g_ptr_array_add (ordered, names->pdata[j]);
  for (guint j = 0; j < names->len; j++)
    if (!g_hash_table_contains (placed, names->pdata[j]))
      g_ptr_array_add (ordered, names->pdata[j]);
  return ordered;
}

/* The --by groups, in byte order of their names. */
static GPtrArray *
group_names (Summary *s)
{
  GPtrArray *names = g_ptr_array_new ();
  GHashTableIter iter;
  gpointer key;

  g_hash_table_iter_init (&iter, s->groups);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_ptr_array_add (names, key);
  g_ptr_array_sort (names, compare_stage_names);
  return names;
}

static void
print_groups_text (Summary *s, const char *when)
{
  g_autoptr(GPtrArray) names = NULL;
  int width = 18;

  if (s->by == CP_GROUPING_AUTHORITY)
    return;
  names = group_names (s);
  for (guint i = 0; i < names->len; i++)
    width = MAX (width, (int) g_utf8_strlen (names->pdata[i], -1));
  printf ("\nBy %s, as allocated on %s:\n", careplan_grouping_name (s->by), when);
  printf ("%-*s %8s %8s %8s %8s\n", width, "", "cases", "overdue", "in cases", "due soon");
  for (guint i = 0; i < names->len; i++)
    {
      GroupCounts *g = g_hash_table_lookup (s->groups, names->pdata[i]);
      printf ("%-*s %8u %8u %8u %8u\n", width, (const char *) names->pdata[i],
              g->cases, g->overdue, g->cases_overdue, g->due_soon);
    }
}

static void
add_groups_json (Summary *s, JsonBuilder *b)
{
  g_autoptr(GPtrArray) names = NULL;
  g_autofree char *member = NULL;

  if (s->by == CP_GROUPING_AUTHORITY)
    return;
  names = group_names (s);
  member = g_strconcat ("by_", careplan_grouping_name (s->by), NULL);
  json_builder_set_member_name (b, member);
  json_builder_begin_object (b);
  for (guint i = 0; i < names->len; i++)
    {
      GroupCounts *g = g_hash_table_lookup (s->groups, names->pdata[i]);

      json_builder_set_member_name (b, names->pdata[i]);
      json_builder_begin_object (b);
      json_builder_set_member_name (b, "cases");
      json_builder_add_int_value (b, g->cases);
      json_builder_set_member_name (b, "overdue");
      json_builder_add_int_value (b, g->overdue);
      json_builder_set_member_name (b, "cases_overdue");
      json_builder_add_int_value (b, g->cases_overdue);
      json_builder_set_member_name (b, "due_soon");
      json_builder_add_int_value (b, g->due_soon);
      json_builder_end_object (b);
    }
  json_builder_end_object (b);
}

static void
print_text (Summary *s, guint invalid)
{
  g_autofree char *when = cp_date_format_iso (s->date);
  g_autoptr(GPtrArray) stages = stages_in_order (s);

  printf ("%u cases under %s as at %s", s->cases, cp_policy_get_name (s->policy), when);
  if (invalid > 0)
    printf (" (%u could not be read)", invalid);
  printf ("\n%u cases have something overdue.\n\n", s->cases_overdue);
  printf ("%-18s %8s %8s %8s\n", "", "overdue", "cases", "due soon");
  for (guint a = 0; a < N_AREAS; a++)
    if (area_in_sources (s, a))
      printf ("%-18s %8u %8u %8u\n", cp_area_get_label (a), s->overdue[a], s->cases_with[a], s->due_soon[a]);
    else
      printf ("%-18s %26s\n", cp_area_get_label (a), "not in the return");
  printf ("\n%u cases in dispute", s->cases_in_dispute);
  if (stages->len > 0)
    {
      printf (", by the stage reached:\n");
      for (guint i = 0; i < stages->len; i++)
        printf ("  %-30s %u\n", (const char *) stages->pdata[i],
                GPOINTER_TO_UINT (g_hash_table_lookup (s->stages, stages->pdata[i])));
    }
  else
    printf (".\n");
  printf ("\nDrift: %u cases with %u permanence milestones past their target, not achieved, "
          "with no reason recorded.\n", s->drift_cases, s->drift_milestones);
  print_groups_text (s, when);
  if (s->measures != NULL)
    careplan_measures_print_text (s->measures, stdout);
}

static void
print_json (Summary *s, guint invalid)
{
  g_autoptr(JsonBuilder) b = json_builder_new_immutable ();
  g_autoptr(JsonGenerator) gen = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autoptr(GPtrArray) stages = stages_in_order (s);
  g_autofree char *when = cp_date_format_iso (s->date);
  g_autofree char *text = NULL;

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "policy");
  json_builder_add_string_value (b, cp_policy_get_name (s->policy));
  json_builder_set_member_name (b, "as_at");
  json_builder_add_string_value (b, when);
  json_builder_set_member_name (b, "cases");
  json_builder_add_int_value (b, s->cases);
  json_builder_set_member_name (b, "unreadable");
  json_builder_add_int_value (b, invalid);
  json_builder_set_member_name (b, "cases_with_overdue");
  json_builder_add_int_value (b, s->cases_overdue);
  json_builder_set_member_name (b, "areas");
  json_builder_begin_object (b);
  for (guint a = 0; a < N_AREAS; a++)
    {
      json_builder_set_member_name (b, cp_area_get_key (a));
      if (!area_in_sources (s, a))
        {
          json_builder_add_null_value (b);
          continue;
        }
      json_builder_begin_object (b);
      json_builder_set_member_name (b, "overdue");
      json_builder_add_int_value (b, s->overdue[a]);
      json_builder_set_member_name (b, "cases_overdue");
      json_builder_add_int_value (b, s->cases_with[a]);
      json_builder_set_member_name (b, "due_soon");
      json_builder_add_int_value (b, s->due_soon[a]);
      json_builder_end_object (b);
    }
  json_builder_end_object (b);
  json_builder_set_member_name (b, "not_in_return");
  json_builder_begin_array (b);
  for (guint a = 0; a < N_AREAS; a++)
    if (!area_in_sources (s, a))
      json_builder_add_string_value (b, cp_area_get_key (a));
  json_builder_end_array (b);
  json_builder_set_member_name (b, "cases_in_dispute");
  json_builder_add_int_value (b, s->cases_in_dispute);
  json_builder_set_member_name (b, "disputes_by_stage");
  json_builder_begin_object (b);
  for (guint i = 0; i < stages->len; i++)
    {
      json_builder_set_member_name (b, stages->pdata[i]);
      json_builder_add_int_value (b, GPOINTER_TO_UINT (g_hash_table_lookup (s->stages, stages->pdata[i])));
    }
  json_builder_end_object (b);
  json_builder_set_member_name (b, "drift");
  json_builder_begin_object (b);
  json_builder_set_member_name (b, "cases");
  json_builder_add_int_value (b, s->drift_cases);
  json_builder_set_member_name (b, "milestones");
  json_builder_add_int_value (b, s->drift_milestones);
  json_builder_end_object (b);
  add_groups_json (s, b);
  if (s->measures != NULL)
    {
      json_builder_set_member_name (b, "timeliness");
      json_builder_begin_object (b);
      careplan_measures_add_json (s->measures, b);
      json_builder_end_object (b);
    }
  json_builder_end_object (b);

  root = json_builder_get_root (b);
  json_generator_set_root (gen, root);
  json_generator_set_pretty (gen, TRUE);
  text = json_generator_to_data (gen, NULL);
  printf ("%s\n", text);
}

/* CSV (RFC 4180) --------------------------------------------------------------- */

static void
csv_text (GString *out, const char *value)
{
  if (strpbrk (value, ",\"\r\n") != NULL)
    {
      g_autoptr(GString) quoted = g_string_new (value);

      g_string_replace (quoted, "\"", "\"\"", 0);
      g_string_append_printf (out, "\"%s\"", quoted->str);
    }
  else
    g_string_append (out, value);
}

static void
csv_row (GString *out, const char *grouping, const char *group, const char *area, guint cases,
         guint overdue, guint cases_overdue, guint due_soon)
{
  csv_text (out, grouping);
  g_string_append_c (out, ',');
  csv_text (out, group);
  g_string_append_printf (out, ",%s,%u,%u,%u,%u\r\n", area, cases, overdue, cases_overdue, due_soon);
}

/* One row per area of work and one, "all", for every area, for the whole
 * authority and then, with --by, for each group in byte order. */
static void
print_csv (Summary *s)
{
  g_autoptr(GString) out = g_string_new (opt_excel ? CAREPLAN_UTF8_BOM : "");
  guint overdue = 0, due_soon = 0;

  g_string_append (out, "grouping,group,area,cases,overdue,cases_overdue,due_soon\r\n");
  for (guint a = 0; a < N_AREAS; a++)
    {
      csv_row (out, "authority", "all", cp_area_get_key (a), s->cases, s->overdue[a], s->cases_with[a],
               s->due_soon[a]);
      overdue += s->overdue[a];
      due_soon += s->due_soon[a];
    }
  csv_row (out, "authority", "all", "all", s->cases, overdue, s->cases_overdue, due_soon);
  if (s->by != CP_GROUPING_AUTHORITY)
    {
      g_autoptr(GPtrArray) names = group_names (s);
      const char *grouping = careplan_grouping_name (s->by);

      for (guint i = 0; i < names->len; i++)
        {
          GroupCounts *g = g_hash_table_lookup (s->groups, names->pdata[i]);

          for (guint a = 0; a < N_AREAS; a++)
            csv_row (out, grouping, names->pdata[i], cp_area_get_key (a), g->cases, g->area_overdue[a],
                     g->area_cases[a], g->area_due_soon[a]);
          csv_row (out, grouping, names->pdata[i], "all", g->cases, g->overdue, g->cases_overdue, g->due_soon);
        }
    }
  fwrite (out->str, 1, out->len, stdout);
}

/* --by, and --from with --to. */
static gboolean
setup_by_and_period (Summary *s, CpPolicy *policy, CpCalendar *calendar, CpMeasures **measures)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDate) from = NULL;
  g_autoptr(GDate) to = NULL;

  if (!careplan_grouping_option (opt_by, &s->by, &error))
    goto fail;
  if ((opt_from == NULL) != (opt_to == NULL))
    {
      fprintf (stderr, "careplan summary: --from and --to go together\n");
      return FALSE;
    }
  if (opt_from == NULL)
    return TRUE;
  if ((from = careplan_date_option (opt_from, "--from", &error)) == NULL ||
      (to = careplan_date_option (opt_to, "--to", &error)) == NULL)
    goto fail;
  if (g_date_compare (from, to) > 0)
    {
      fprintf (stderr, "careplan summary: --to: %s is before --from %s\n", opt_to, opt_from);
      return FALSE;
    }
  *measures = s->measures = cp_measures_new (policy, calendar, from, to, s->by);
  return TRUE;

fail:
  fprintf (stderr, "careplan summary: %s\n", error->message);
  return FALSE;
}

int
careplan_summary_main (int argc, char **argv)
{
  g_autoptr(GOptionContext) ctx = g_option_context_new (NULL);
  g_autoptr(CpPolicy) policy = NULL;
  g_autoptr(CpCalendar) calendar = NULL;
  g_autoptr(GDate) date = NULL;
  g_autoptr(GHashTable) stages = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);
  g_autoptr(GHashTable) groups = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(CpMeasures) measures = NULL;
  g_autoptr(CareplanPseudonymiser) pseudonymiser = NULL;
  g_autoptr(GError) error = NULL;
  gboolean readable, json, csv;
  guint invalid = 0;
  Summary s = { 0 };

  careplan_options_add (ctx, &opts, CAREPLAN_OPTIONS_SOURCES);
  g_option_context_add_main_entries (ctx, entries, NULL);
  g_option_context_set_summary (ctx,
    "The authority-wide picture of a caseload as at a date: obligations overdue\n"
    "and due soon by area of work (reviews, review paperwork, plans, visits,\n"
    "health and education, permanence, leaving care, recommendations, disputes)\n"
    "and how many cases each touches; open disputes\n"
    "by the stage of the escalation ladder they have reached; and drift\n"
    "(permanence milestones past their target with no reason recorded).\n"
    "A progress bar is drawn on standard error when it is a terminal and the\n"
    "caseload is large. No case is named.");
  g_option_context_set_description (ctx,
    "Exit status: 0 nothing overdue; 1 something overdue; 2 bad command line;\n"
    "3 a file or case could not be read.");
  if (!careplan_parse_options (ctx, &argc, &argv))
    return CAREPLAN_EXIT_USAGE;
  if (opt_files == NULL && opts.ssda903 == NULL && opts.ssd == NULL)
    {
      fprintf (stderr, "careplan summary: no caseload given\n");
      return CAREPLAN_EXIT_USAGE;
    }
  if (opt_format != NULL && strcmp (opt_format, "text") != 0 && strcmp (opt_format, "json") != 0 &&
      strcmp (opt_format, "csv") != 0)
    {
      fprintf (stderr, "careplan summary: --format: “%s” is not one of text, json, csv\n", opt_format);
      return CAREPLAN_EXIT_USAGE;
    }
  json = g_strcmp0 (opt_format, "json") == 0;
  csv = g_strcmp0 (opt_format, "csv") == 0;
  if (opt_excel && !csv)
    {
      fprintf (stderr, "careplan summary: --excel goes with --format csv\n");
      return CAREPLAN_EXIT_USAGE;
    }
  if (csv && opt_from != NULL)
    {
      fprintf (stderr, "careplan summary: --format csv holds the areas of work; "
                       "the timeliness of --from and --to is in text and json\n");
      return CAREPLAN_EXIT_USAGE;
    }
  if (!careplan_options_setup (&opts, "summary", &policy, &calendar, &date, &pseudonymiser))
    return CAREPLAN_EXIT_USAGE;

  if (!setup_by_and_period (&s, policy, calendar, &measures))
    return CAREPLAN_EXIT_USAGE;
  s.groups = groups;
  s.policy = policy;
  s.calendar = calendar;
  s.date = date;
  s.today = g_date_get_julian (date);
  s.stages = stages;
  if (isatty (fileno (stderr)))
    s.progress = careplan_progress_new (careplan_count_cases (opt_files, opts.ssda903) +
                                        careplan_count_ssd_cases (opts.ssd));

  /* Counted where each case is evaluated, on one thread too: a case
   * counted there needs no evaluator (careplan-commands.h). */
  readable = careplan_for_each_evaluated (opt_files, opts.ssda903, opts.ssd, (guint) opts.jobs, policy, calendar,
                                          date, s.measures == NULL ? prepare_case : NULL, case_counts_free,
                                          summarise_case, &s, &invalid);
  careplan_progress_free (s.progress);
  invalid += s.refused;
  careplan_options_clear (&opts);
  g_clear_pointer (&opt_files, g_strfreev);

  if (json)
    print_json (&s, invalid);
  else if (csv)
    print_csv (&s);
  else
    print_text (&s, invalid);

  if (!readable || invalid > 0)
    return CAREPLAN_EXIT_DATA;
  return s.cases_overdue > 0 ? CAREPLAN_EXIT_FINDINGS : CAREPLAN_EXIT_OK;
}
