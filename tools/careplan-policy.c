/* careplan-policy.c: careplan policy list|show|diff
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include <stdio.h>
#include <string.h>

#include "careplan-commands.h"

CpPolicy *
careplan_policy_from_argument (const char  *text,
                               GError     **error)
{
  /* A path to a local profile, or the name of a built-in one. */
  if (g_str_has_suffix (text, ".json") || strchr (text, '/') != NULL)
    {
      CpPolicy *p = cp_policy_load_file (text, error);
      if (p == NULL)
        g_prefix_error (error, "%s: ", text);
      return p;
    }
  return cp_policy_new_builtin (text, error);
}

const char *
careplan_nick (GType type, int value)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (type);
  GEnumValue *v = g_enum_get_value (klass, value);
  return v ? v->value_nick : "?";
}

static int
policy_list (void)
{
  g_auto(GStrv) names = cp_policy_list_builtin ();

  for (guint i = 0; names[i]; i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(CpPolicy) p = cp_policy_new_builtin (names[i], &error);
      CpPolicy *base;

      if (p == NULL)
        {
          fprintf (stderr, "careplan policy: %s\n", error->message);
          return CAREPLAN_EXIT_DATA;
        }
      base = cp_policy_get_base (p);
      printf ("%-16s %-10s %3u rules  %s\n", names[i], base ? cp_policy_get_name (base) : "-",
              g_list_model_get_n_items (cp_policy_get_rules (p)), cp_policy_get_title (p));
    }
  return CAREPLAN_EXIT_OK;
}

/* "from 2020-04-24 until 2020-09-25", or NULL for a rule always in force. */
static char *
in_force_words (CpRule *r)
{
  const GDate *from = cp_rule_get_in_force_from (r), *until = cp_rule_get_in_force_until (r);
  g_autofree char *f = from ? cp_date_format_iso (from) : NULL;
  g_autofree char *u = until ? cp_date_format_iso (until) : NULL;

  if (f == NULL && u == NULL)
    return NULL;
  return g_strdup_printf ("%s%s%s%s%s", f ? "from " : "", f ? f : "", f && u ? " " : "",
                          u ? "until " : "", u ? u : "");
}

/* The version of @rule's key in @p that covers the same days as @rule (the
 * one in force on its first day, or its last), or the latest one. */
static CpRule *
matching_version (CpPolicy *p, CpRule *rule)
{
  const GDate *day = cp_rule_get_in_force_from (rule);

  if (day == NULL)
    day = cp_rule_get_in_force_until (rule);
  return day != NULL ? cp_policy_lookup_rule_on (p, cp_rule_get_key (rule), day)
                     : cp_policy_lookup_rule (p, cp_rule_get_key (rule));
}

/* The conditions an activity, interval or authority rule carries. */
static void
print_conditions (CpRule *r)
{
  g_autoptr(GString) c = g_string_new (NULL);
  const char * const *lists[] = { cp_rule_get_placements (r), cp_rule_get_areas (r),
                                  cp_rule_get_legal_statuses (r) };
  const char *names[] = { "placements", "areas", "legal statuses" };

  if (cp_rule_get_kind (r) == CP_RULE_KIND_REVIEW_WITHOUT_MEETING ||
      cp_rule_get_kind (r) == CP_RULE_KIND_LEAVING_CARE_STATUS)
    return;
  if (cp_rule_get_min_age_months (r) > 0)
    g_string_append_printf (c, "; from age %d years %d months", cp_rule_get_min_age_months (r) / 12,
                            cp_rule_get_min_age_months (r) % 12);
  if (cp_rule_get_max_age_months (r) > 0)
    g_string_append_printf (c, "; under age %d years %d months", cp_rule_get_max_age_months (r) / 12,
                            cp_rule_get_max_age_months (r) % 12);
  if (cp_rule_get_min_months (r) > 0)
    g_string_append_printf (c, "; after %d months in the placement", cp_rule_get_min_months (r));
  if (cp_rule_get_max_months (r) > 0)
    g_string_append_printf (c, "; in the first %d months of the placement", cp_rule_get_max_months (r));
  for (guint i = 0; i < G_N_ELEMENTS (lists); i++)
    if (lists[i] != NULL)
      {
        g_autofree char *joined = g_strjoinv (", ", (char **) lists[i]);
        g_string_append_printf (c, "; %s: %s", names[i], joined);
      }
  if (cp_rule_get_excluded_placements (r) != NULL)
    {
      g_autofree char *joined = g_strjoinv (", ", (char **) cp_rule_get_excluded_placements (r));
      g_string_append_printf (c, "; except %s", joined);
    }
  if (cp_rule_get_long_term_only (r))
    g_string_append (c, "; long-term placements only");
  if (cp_rule_get_short_term_only (r))
    g_string_append (c, "; placements not designated long-term");
  if (cp_rule_get_intended_until_18_only (r))
    g_string_append (c, "; placements intended to last until 18 only");
  if (cp_rule_get_first_review (r) != NULL)
    g_string_append_printf (c, "; %s the first review%s", cp_rule_get_first_review (r),
                            g_strcmp0 (cp_rule_get_first_review_of (r), "placement") == 0 ? " of the placement" : "");
  if (cp_rule_get_recorded (r) != NULL)
    {
      g_autofree char *joined = g_strjoinv (", ", (char **) cp_rule_get_recorded (r));
      g_string_append_printf (c, "; once recorded in the placement: %s", joined);
    }
  if (cp_rule_get_replaces (r) != NULL)
    {
      g_autofree char *joined = g_strjoinv (", ", (char **) cp_rule_get_replaces (r));
      g_string_append_printf (c, "; sets aside %s", joined);
    }
  if (cp_rule_get_emergency_only (r))
    g_string_append (c, "; emergency placements only");
  if (cp_rule_get_eligible_only (r))
    g_string_append (c, "; eligible young people only, from the day they become eligible");
  if (cp_rule_get_extension (r) > 0)
    g_string_append_printf (c, "; may be extended once by %d", cp_rule_get_extension (r));
  if (cp_rule_get_since_previous_review (r))
    g_string_append (c, "; done since the review before");
  if (cp_rule_get_review_kind (r) != NULL)
    g_string_append_printf (c, "; %s reviews only", cp_rule_get_review_kind (r));
  if (cp_rule_get_before_care (r))
    g_string_append (c, "; counted from one done before care, if any");
  if (cp_rule_get_after_care (r))
    g_string_append (c, "; still due after care ends");
  if (cp_rule_get_min_school_year (r) > 0 || cp_rule_get_max_school_year (r) > 0)
    g_string_append_printf (c, "; moves in school years %d to %d", cp_rule_get_min_school_year (r),
                            cp_rule_get_max_school_year (r));
  if (c->len > 0)
    printf ("conditions:     %s\n", c->str + 2);
}

static void
print_rule (CpPolicy *policy, CpRule *r)
{
  g_autofree char *timescale = cp_rule_describe_timescale (r);
  g_autofree char *in_force = in_force_words (r);
  const char * const *excluded = cp_rule_get_excluded_placements (r);

  printf ("key:            %s\n", cp_rule_get_key (r));
  printf ("id:             %s\n", cp_rule_get_id (r));
  printf ("from profile:   %s\n", cp_policy_get_rule_version_origin (policy, r));
  if (in_force != NULL)
    printf ("in force:       %s%s\n", in_force, cp_rule_get_lapses (r) ? " (lapses: nothing of it is saved)" : "");
  printf ("kind:           %s\n", careplan_nick (CP_TYPE_RULE_KIND, cp_rule_get_kind (r)));
  printf ("statement:      %s\n", cp_rule_get_statement (r));
  printf ("timescale:      %s\n", timescale);
  printf ("duty:           %s\n", careplan_nick (CP_TYPE_DUTY, cp_rule_get_duty (r)));
  if (cp_rule_get_kind (r) == CP_RULE_KIND_ESCALATION_STAGE)
    printf ("stage:          %d, %s%s\n", cp_rule_get_position (r), cp_rule_get_stage (r),
            cp_rule_get_any_time (r) ? " (may be reached from any stage)" : "");
  else if (cp_rule_get_kind (r) != CP_RULE_KIND_DEADLINE)
    printf ("reviews:        %s\n", careplan_nick (CP_TYPE_REVIEW_SLOT, cp_rule_get_slot (r)));
  if (cp_rule_get_kind (r) == CP_RULE_KIND_REVIEW_TRIGGER)
    printf ("event:          %s (%s%s)\n", careplan_nick (CP_TYPE_EVENT_KIND, cp_rule_get_event (r)),
            careplan_nick (CP_TYPE_TRIGGER_GATE, cp_rule_get_gate (r)),
            cp_rule_get_resets_cycle (r) ? ", restarts the review cycle" : "");
  if (cp_rule_get_kind (r) == CP_RULE_KIND_ACTIVITY && cp_rule_get_anchor (r) == CP_ANCHOR_EVENT)
    printf ("event:          %s\n", careplan_nick (CP_TYPE_EVENT_KIND, cp_rule_get_event (r)));
  printf ("responsible:    %s\n", careplan_nick (CP_TYPE_ROLE, cp_rule_get_responsible (r)));
  printf ("approver:       %s\n", cp_rule_get_approver (r) == CP_ROLE_UNKNOWN
                                    ? "none" : careplan_nick (CP_TYPE_ROLE, cp_rule_get_approver (r)));
  if (cp_rule_get_limit (r) > 0)
    printf ("limit:          %d%s\n", cp_rule_get_limit (r),
            cp_rule_get_within_due (r) ? ", and by the statutory due date" : "");
  if (cp_rule_get_kind (r) == CP_RULE_KIND_REVIEW_WITHOUT_MEETING)
    {
      g_autofree char *ex = excluded ? g_strjoinv (", ", (char **) excluded) : g_strdup ("none");
      const char * const *types = cp_rule_get_placements (r);
      g_autofree char *only = types ? g_strjoinv (", ", (char **) types) : NULL;
      printf ("conditions:     %s%s%s%s%s; at least %d months in the placement; excluded: %s\n",
              cp_rule_get_agreement_required (r) ? "everyone agrees; " : "",
              cp_rule_get_long_term_only (r) ? "designated long-term placement" : "any placement",
              only ? " (" : "", only ? only : "", only ? ")" : "",
              cp_rule_get_min_months (r), ex);
    }
  print_conditions (r);
  printf ("citation:       %s\n", cp_rule_get_citation (r));
  if (cp_rule_get_interpretation (r) != NULL)
    printf ("interpretation: %s\n", cp_rule_get_interpretation (r));
}

static char *opt_format = NULL;
static gboolean opt_as_written = FALSE;

static const GOptionEntry show_entries[] = {
  { "format", 'f', 0, G_OPTION_ARG_STRING, &opt_format,
    "For show: text (default) or json (the profile in the format --policy reads)", "FORMAT" },
  { "as-written", 0, 0, G_OPTION_ARG_NONE, &opt_as_written,
    "For show --format json: only what the profile itself sets, with extends, "
    "instead of every rule merged", NULL },
  { NULL }
};

static int
policy_show_json (CpPolicy *p)
{
  g_autofree char *json = cp_policy_to_json (p, opt_as_written ? CP_POLICY_JSON_AS_WRITTEN
                                                               : CP_POLICY_JSON_NONE);

  fputs (json, stdout);
  return CAREPLAN_EXIT_OK;
}

static int
policy_show (CpPolicy *p, const char *key)
{
  GListModel *rules = cp_policy_get_rules (p);

  if (key != NULL)
    {
      CpRule *r = cp_policy_lookup_rule (p, key);
      guint shown = 0;

      if (r == NULL)
        {
          fprintf (stderr, "careplan policy: %s has no rule “%s”\n", cp_policy_get_name (p), key);
          return CAREPLAN_EXIT_USAGE;
        }
      /* Every version of the key, in profile order. */
      for (guint i = 0; i < g_list_model_get_n_items (rules); i++)
        {
          g_autoptr(CpRule) v = g_list_model_get_item (rules, i);

          if (g_strcmp0 (cp_rule_get_key (v), cp_rule_get_key (r)) != 0 ||
              (g_strcmp0 (cp_rule_get_key (r), key) != 0 && v != r))
            continue;
          if (shown++ > 0)
            printf ("\n");
          print_rule (p, v);
        }
      return CAREPLAN_EXIT_OK;
    }

  printf ("%s: %s\n", cp_policy_get_name (p), cp_policy_get_title (p));
  if (cp_policy_get_base (p) != NULL)
    printf ("extends %s; rules marked * are local\n", cp_policy_get_name (cp_policy_get_base (p)));
  for (guint i = 0; i < g_list_model_get_n_items (rules); i++)
    {
      g_autoptr(CpRule) r = g_list_model_get_item (rules, i);
      g_autofree char *timescale = cp_rule_describe_timescale (r);
      g_autofree char *in_force = in_force_words (r);
      gboolean local = g_strcmp0 (cp_policy_get_rule_version_origin (p, r),
                                  cp_policy_get_name (p)) == 0;

      printf ("%s %-42s %s%s%s%s\n", local && cp_policy_get_base (p) ? "*" : " ",
              cp_rule_get_key (r), timescale, in_force ? " (in force " : "", in_force ? in_force : "",
              in_force ? ")" : "");
    }
  return CAREPLAN_EXIT_OK;
}

/* Under a changed rule, each field that changed in this version of it:
 * "    quantity: 20 -> 15", values as the profile's JSON writes them
 * ("null" for a field not set). */
static void
print_changed_fields (GListModel *differences, CpRule *rule)
{
  guint n = g_list_model_get_n_items (differences);

  for (guint i = 0; i < n; i++)
    {
      g_autoptr(CpPolicyDifference) d = g_list_model_get_item (differences, i);

      if (cp_policy_difference_get_kind (d) == CP_POLICY_DIFFERENCE_CHANGED &&
          cp_policy_difference_get_new_rule (d) == rule)
        printf ("    %s: %s -> %s\n", cp_policy_difference_get_field (d),
                cp_policy_difference_get_old_value (d), cp_policy_difference_get_new_value (d));
    }
}

static int
policy_diff (CpPolicy *p, CpPolicy *base)
{
  GListModel *rules = cp_policy_get_rules (p);
  GListModel *base_rules = cp_policy_get_rules (base);
  g_autoptr(GListModel) differences = cp_policy_diff (base, p);
  guint changed = 0, added = 0, removed = 0;

  for (guint i = 0; i < g_list_model_get_n_items (rules); i++)
    {
      g_autoptr(CpRule) r = g_list_model_get_item (rules, i);
      CpRule *b = matching_version (base, r);
      g_autofree char *now = cp_rule_describe_timescale (r);

      if (b == NULL)
        {
          printf ("+ %s: %s [%s]\n", cp_rule_get_key (r), now, cp_rule_get_id (r));
          added++;
        }
      else if (!cp_record_equal (CP_RECORD (r), CP_RECORD (b)))
        {
          g_autofree char *was = cp_rule_describe_timescale (b);
          printf ("~ %s: %s [%s] -> %s [%s]\n", cp_rule_get_key (r), was, cp_rule_get_id (b),
                  now, cp_rule_get_id (r));
          print_changed_fields (differences, r);
          changed++;
        }
    }
  for (guint i = 0; i < g_list_model_get_n_items (base_rules); i++)
    {
      g_autoptr(CpRule) b = g_list_model_get_item (base_rules, i);
      if (cp_policy_lookup_rule (p, cp_rule_get_key (b)) == NULL)
        {
          g_autofree char *was = cp_rule_describe_timescale (b);
          printf ("- %s: %s [%s]\n", cp_rule_get_key (b), was, cp_rule_get_id (b));
          removed++;
        }
    }
  printf ("%s against %s: %u changed, %u added, %u removed\n", cp_policy_get_name (p),
          cp_policy_get_name (base), changed, added, removed);
  return CAREPLAN_EXIT_OK;
}

/* The timescale, and the days the rule is in force if it is limited. */
static char *
timescale_in_force (CpRule *r)
{
  g_autofree char *timescale = cp_rule_describe_timescale (r);
  g_autofree char *in_force = in_force_words (r);

  if (in_force == NULL)
    return g_steal_pointer (&timescale);
  return g_strdup_printf ("%s (in force %s)", timescale, in_force);
}

/* Markdown table cells: no pipes, no line breaks. */
static char *
cell (const char *text)
{
  GString *s = g_string_new (NULL);

  for (const char *c = text ? text : ""; *c; c++)
    {
      if (*c == '|')
        g_string_append (s, "\\|");
      else if (*c == '\n')
        g_string_append_c (s, ' ');
      else
        g_string_append_c (s, *c);
    }
  return g_string_free (s, FALSE);
}

/* The profiles other than @except whose rule @key differs from @rule. */
static char *
differing_profiles (CpPolicy **all, guint n, CpRule *rule)
{
  g_autoptr(GString) s = g_string_new (NULL);

  for (guint i = 1; i < n; i++)
    {
      CpRule *r = matching_version (all[i], rule);

      if (r == NULL || cp_record_equal (CP_RECORD (r), CP_RECORD (rule)))
        continue;
      if (s->len > 0)
        g_string_append (s, ", ");
      g_string_append (s, cp_policy_get_name (all[i]));
    }
  return g_strdup (s->len ? s->str : "-");
}

static void
catalogue_interpretations (CpPolicy *p, gboolean local_only)
{
  GListModel *rules = cp_policy_get_rules (p);
  gboolean any = FALSE;
  g_autoptr(GHashTable) said = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, NULL);

  for (guint i = 0; i < g_list_model_get_n_items (rules); i++)
    {
      g_autoptr(CpRule) r = g_list_model_get_item (rules, i);

      if (cp_rule_get_interpretation (r) == NULL ||
          (local_only && g_strcmp0 (cp_policy_get_rule_version_origin (p, r), cp_policy_get_name (p)) != 0))
        continue;
      /* Versions of a key often share their reading: say it once. */
      if (!g_hash_table_add (said, g_strconcat (cp_rule_get_key (r), "\n", cp_rule_get_interpretation (r), NULL)))
        continue;
      if (!any)
        printf ("\nReadings chosen where the source is ambiguous (the earliest deadline):\n\n");
      any = TRUE;
      printf ("- `%s`: %s\n", cp_rule_get_key (r), cp_rule_get_interpretation (r));
    }
}

/* Every rule of every built-in profile, as Markdown, for the docs. */
static int
policy_catalogue (void)
{
  g_auto(GStrv) names = cp_policy_list_builtin ();
  g_autoptr(GPtrArray) all = g_ptr_array_new_with_free_func (g_object_unref);
  CpPolicy *england;
  GListModel *rules;

  /* england first: the baseline the others override. */
  for (guint pass = 0; pass < 2; pass++)
    for (guint i = 0; names[i]; i++)
      {
        g_autoptr(GError) error = NULL;
        CpPolicy *p;

        if ((pass == 0) != (strcmp (names[i], "england") == 0))
          continue;
        p = cp_policy_new_builtin (names[i], &error);
        if (p == NULL)
          {
            fprintf (stderr, "careplan policy: %s\n", error->message);
            return CAREPLAN_EXIT_DATA;
          }
        g_ptr_array_add (all, p);
      }
  england = all->pdata[0];
  rules = cp_policy_get_rules (england);

  printf ("Title: Rules catalogue\n\n"
          "# Rules catalogue\n\n"
          "Generated by `careplan policy catalogue` from the policy profiles that ship with\n"
          "libcareplan %u.%u.%u. Each rule names its id in the project's rules catalogue and its\n"
          "citation; \"differs in\" names the profiles that replace the national rule with their own.\n\n",
          cp_get_major_version (), cp_get_minor_version (), cp_get_micro_version ());

  /* The documents the rules come from, by their titles. */
  printf ("## Sources\n\n| Profile | Built from |\n|---|---|\n");
  for (guint n = 0; n < all->len; n++)
    {
      CpPolicy *p = all->pdata[n];
      g_autofree char *source = cell (cp_policy_get_source (p) ? cp_policy_get_source (p) : "(not stated)");

      printf ("| `%s` | %s |\n", cp_policy_get_name (p), source);
    }
  printf ("\n");

  printf ("## %s: %s\n\n", cp_policy_get_name (england), cp_policy_get_title (england));
  printf ("| Rule | Id | Timescale | Citation | Differs in |\n|---|---|---|---|---|\n");
  for (guint i = 0; i < g_list_model_get_n_items (rules); i++)
    {
      g_autoptr(CpRule) r = g_list_model_get_item (rules, i);
      g_autofree char *timescale = timescale_in_force (r);
      g_autofree char *t = cell (timescale), *c = cell (cp_rule_get_citation (r));
      g_autofree char *differs = differing_profiles ((CpPolicy **) all->pdata, all->len, r);

      printf ("| `%s` | %s | %s | %s | %s |\n", cp_rule_get_key (r), cp_rule_get_id (r), t, c, differs);
    }
  catalogue_interpretations (england, FALSE);

  for (guint n = 1; n < all->len; n++)
    {
      CpPolicy *p = all->pdata[n];
      GListModel *local = cp_policy_get_rules (p);
      guint shown = 0;

      printf ("\n## %s: %s\n\n", cp_policy_get_name (p), cp_policy_get_title (p));
      printf ("Extends `%s`. Its own rules, and what they replace:\n\n",
              cp_policy_get_base (p) ? cp_policy_get_name (cp_policy_get_base (p)) : "nothing");
      printf ("| Rule | Id | Timescale here | Replaces | Citation |\n|---|---|---|---|---|\n");
      for (guint i = 0; i < g_list_model_get_n_items (local); i++)
        {
          g_autoptr(CpRule) r = g_list_model_get_item (local, i);
          CpRule *base = matching_version (england, r);
          g_autofree char *timescale = NULL, *was = NULL, *t = NULL, *w = NULL, *c = NULL;

          if (g_strcmp0 (cp_policy_get_rule_version_origin (p, r), cp_policy_get_name (p)) != 0)
            continue;
          timescale = timescale_in_force (r);
          was = base ? timescale_in_force (base) : g_strdup ("(no national rule)");
          t = cell (timescale);
          w = cell (was);
          c = cell (cp_rule_get_citation (r));
          printf ("| `%s` | %s | %s | %s | %s |\n", cp_rule_get_key (r), cp_rule_get_id (r), t, w, c);
          shown++;
        }
      if (shown == 0)
        printf ("| (none) | | | | |\n");
      catalogue_interpretations (p, TRUE);
    }
  return CAREPLAN_EXIT_OK;
}

int
careplan_policy_main (int argc, char **argv)
{
  g_autoptr(GOptionContext) ctx = g_option_context_new ("list | show PROFILE [RULE] | diff PROFILE [BASE] | catalogue");
  g_autoptr(GError) error = NULL;
  g_autoptr(CpPolicy) p = NULL;
  const char *verb;

  g_option_context_set_summary (ctx,
    "Lists the policy profiles that ship with the library, shows a profile's\n"
    "rules or one rule in full, and shows how a profile differs from another\n"
    "(by default the one it extends). PROFILE is a built-in name or a path to\n"
    "a profile's JSON file (docs/policy-format.md). RULE is a rule key or a\n"
    "catalogue id. \"show PROFILE --format json\" prints the profile merged\n"
    "(every rule, no extends) in the format --policy reads, or with\n"
    "--as-written only what it sets itself; \"diff\" lists under each\n"
    "changed rule the fields that changed. \"catalogue\" prints every rule of every built-in profile as\n"
    "Markdown (the docs' rules catalogue is made with it).\n"
    "Exit status: 0 success; 2 bad command line or unknown profile; 3 a\n"
    "profile's file could not be read.");
  g_option_context_add_main_entries (ctx, show_entries, NULL);
  if (!careplan_parse_options (ctx, &argc, &argv))
    return CAREPLAN_EXIT_USAGE;
  if (opt_format != NULL && strcmp (opt_format, "text") != 0 && strcmp (opt_format, "json") != 0)
    {
      fprintf (stderr, "careplan policy: --format: “%s” is not a format (expected text or json)\n", opt_format);
      return CAREPLAN_EXIT_USAGE;
    }
  if ((opt_format != NULL || opt_as_written) && (argc < 2 || strcmp (argv[1], "show") != 0))
    {
      fprintf (stderr, "careplan policy: --format and --as-written are for show\n");
      return CAREPLAN_EXIT_USAGE;
    }
  if (opt_as_written && g_strcmp0 (opt_format, "json") != 0)
    {
      fprintf (stderr, "careplan policy: --as-written is for --format json\n");
      return CAREPLAN_EXIT_USAGE;
    }
  if (argc < 2)
    {
      fprintf (stderr, "careplan policy: say list, show, diff or catalogue\n");
      return CAREPLAN_EXIT_USAGE;
    }
  verb = argv[1];

  if (strcmp (verb, "list") == 0 && argc == 2)
    return policy_list ();

  if (strcmp (verb, "catalogue") == 0 && argc == 2)
    return policy_catalogue ();

  if ((strcmp (verb, "show") == 0 || strcmp (verb, "diff") == 0) && (argc == 3 || argc == 4))
    {
      p = careplan_policy_from_argument (argv[2], &error);
      if (p == NULL)
        {
          fprintf (stderr, "careplan policy: %s\n", error->message);
          return g_error_matches (error, CP_ERROR, CP_ERROR_UNKNOWN_CODE) && !g_str_has_suffix (argv[2], ".json")
                 ? CAREPLAN_EXIT_USAGE : CAREPLAN_EXIT_DATA;
        }
      if (strcmp (verb, "show") == 0 && g_strcmp0 (opt_format, "json") == 0)
        {
          if (argc == 4)
            {
              fprintf (stderr, "careplan policy: show --format json prints a whole profile, not one rule\n");
              return CAREPLAN_EXIT_USAGE;
            }
          return policy_show_json (p);
        }
      if (strcmp (verb, "show") == 0)
        return policy_show (p, argc == 4 ? argv[3] : NULL);

      {
        g_autoptr(CpPolicy) base = NULL;

        if (argc == 4)
          base = careplan_policy_from_argument (argv[3], &error);
        else if (cp_policy_get_base (p) != NULL)
          base = g_object_ref (cp_policy_get_base (p));
        else
          base = cp_policy_new_builtin ("england", &error);
        if (base == NULL)
          {
            fprintf (stderr, "careplan policy: %s\n", error->message);
            return CAREPLAN_EXIT_USAGE;
          }
        return policy_diff (p, base);
      }
    }

  fprintf (stderr, "careplan policy: expected list, show PROFILE [RULE], diff PROFILE [BASE] or catalogue\n");
  return CAREPLAN_EXIT_USAGE;
}
