/* careplan-measures.c: timeliness rates for people and for programs
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include <math.h>
#include <string.h>

#include "careplan-measures.h"

gboolean
careplan_grouping_option (const char  *text,
                          CpGrouping  *grouping,
                          GError     **error)
{
  if (text == NULL)
    *grouping = CP_GROUPING_AUTHORITY;
  else if (strcmp (text, "team") == 0)
    *grouping = CP_GROUPING_TEAM;
  else if (strcmp (text, "worker") == 0)
    *grouping = CP_GROUPING_WORKER;
  else if (strcmp (text, "iro") == 0)
    *grouping = CP_GROUPING_IRO;
  else
    {
      g_set_error (error, G_OPTION_ERROR, G_OPTION_ERROR_BAD_VALUE,
                   "--by: “%s” is not one of team, worker, iro", text);
      return FALSE;
    }
  return TRUE;
}

const char *
careplan_grouping_name (CpGrouping grouping)
{
  switch (grouping)
    {
    case CP_GROUPING_TEAM: return "team";
    case CP_GROUPING_WORKER: return "worker";
    case CP_GROUPING_IRO: return "iro";
    case CP_GROUPING_AUTHORITY:
    default: return "authority";
    }
}

char *
careplan_measure_key (CpMeasure measure)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (CP_TYPE_MEASURE);
  GEnumValue *v = g_enum_get_value (klass, measure);

  return g_strdelimit (g_strdup (v != NULL ? v->value_nick : "unknown"), "-", '_');
}

gboolean
careplan_case_allocated_to (CpCase      *kase,
                            const GDate *date,
                            const char  *team,
                            const char  *worker,
                            const char  *iro)
{
  return (team == NULL || g_strcmp0 (team, cp_grouping_key (kase, CP_GROUPING_TEAM, date)) == 0) &&
         (worker == NULL || g_strcmp0 (worker, cp_grouping_key (kase, CP_GROUPING_WORKER, date)) == 0) &&
         (iro == NULL || g_strcmp0 (iro, cp_grouping_key (kase, CP_GROUPING_IRO, date)) == 0);
}

const char *
careplan_measure_label (CpMeasure measure)
{
  static const char * const labels[CAREPLAN_N_MEASURES] = {
    "reviews", "visits", "health assessments", "PEPs", "care plans", "placement plans",
  };

  return (guint) measure < CAREPLAN_N_MEASURES ? labels[measure] : "?";
}

void
careplan_measures_print_text (CpMeasures *m,
                              FILE       *out)
{
  g_auto(GStrv) groups = cp_measures_dup_groups (m);
  g_autofree char *from = cp_date_format_iso (cp_measures_get_from (m));
  g_autofree char *to = cp_date_format_iso (cp_measures_get_to (m));

  fprintf (out, "\nTimeliness of obligations due from %s to %s", from, to);
  if (cp_measures_get_grouping (m) != CP_GROUPING_AUTHORITY)
    fprintf (out, ", by %s", careplan_grouping_name (cp_measures_get_grouping (m)));
  fprintf (out, " (late: met after the due date, or not met by %s):\n", to);
  if (groups[0] == NULL)
    fprintf (out, "nothing was due.\n");
  for (guint g = 0; groups[g] != NULL; g++)
    {
      if (cp_measures_get_grouping (m) != CP_GROUPING_AUTHORITY)
        fprintf (out, "\n%s\n", groups[g]);
      fprintf (out, "%-20s %6s %8s %7s %6s %6s %8s %6s\n",
               "", "due", "on time", "share", "late", "open", "median", "worst");
      for (guint i = 0; i < CAREPLAN_N_MEASURES; i++)
        {
          double share = cp_measures_get_share_on_time (m, groups[g], i);
          double median = cp_measures_get_median_lateness (m, groups[g], i);
          int worst = cp_measures_get_worst_lateness (m, groups[g], i);
          char share_s[16] = "-", median_s[16] = "-", worst_s[16] = "-";

          if (!isnan (share))
            g_snprintf (share_s, sizeof share_s, "%.1f%%", 100 * share);
          if (!isnan (median))
            g_snprintf (median_s, sizeof median_s, "%.1f", median);
          if (worst >= 0)
            g_snprintf (worst_s, sizeof worst_s, "%d", worst);
          fprintf (out, "%-20s %6u %8u %7s %6u %6u %8s %6s\n", careplan_measure_label (i),
                   cp_measures_get_due (m, groups[g], i), cp_measures_get_on_time (m, groups[g], i),
                   share_s, cp_measures_get_late (m, groups[g], i),
                   cp_measures_get_open (m, groups[g], i), median_s, worst_s);
        }
    }
  fprintf (out, "(median and worst lateness in days, of the late ones)\n");
}

static void
add_number_or_null (JsonBuilder *b, const char *name, double value)
{
  json_builder_set_member_name (b, name);
  if (isnan (value))
    json_builder_add_null_value (b);
  else
    json_builder_add_double_value (b, value);
}

void
careplan_measures_add_json (CpMeasures  *m,
                            JsonBuilder *b)
{
  g_auto(GStrv) groups = cp_measures_dup_groups (m);
  g_autofree char *from = cp_date_format_iso (cp_measures_get_from (m));
  g_autofree char *to = cp_date_format_iso (cp_measures_get_to (m));

  json_builder_set_member_name (b, "from");
  json_builder_add_string_value (b, from);
  json_builder_set_member_name (b, "to");
  json_builder_add_string_value (b, to);
  json_builder_set_member_name (b, "grouping");
  json_builder_add_string_value (b, careplan_grouping_name (cp_measures_get_grouping (m)));
  json_builder_set_member_name (b, "groups");
  json_builder_begin_object (b);
  for (guint g = 0; groups[g] != NULL; g++)
    {
      json_builder_set_member_name (b, groups[g]);
      json_builder_begin_object (b);
      for (guint i = 0; i < CAREPLAN_N_MEASURES; i++)
        {
          g_autofree char *key = careplan_measure_key (i);
          int worst = cp_measures_get_worst_lateness (m, groups[g], i);

          json_builder_set_member_name (b, key);
          json_builder_begin_object (b);
          json_builder_set_member_name (b, "due");
          json_builder_add_int_value (b, cp_measures_get_due (m, groups[g], i));
          json_builder_set_member_name (b, "on_time");
          json_builder_add_int_value (b, cp_measures_get_on_time (m, groups[g], i));
          add_number_or_null (b, "share_on_time", cp_measures_get_share_on_time (m, groups[g], i));
          json_builder_set_member_name (b, "late");
          json_builder_add_int_value (b, cp_measures_get_late (m, groups[g], i));
          json_builder_set_member_name (b, "open_at_end");
          json_builder_add_int_value (b, cp_measures_get_open (m, groups[g], i));
          json_builder_set_member_name (b, "unjudged");
          json_builder_add_int_value (b, cp_measures_get_unjudged (m, groups[g], i));
          add_number_or_null (b, "median_lateness_days",
                              cp_measures_get_median_lateness (m, groups[g], i));
          add_number_or_null (b, "worst_lateness_days", worst >= 0 ? worst : NAN);
          json_builder_end_object (b);
        }
      json_builder_end_object (b);
    }
  json_builder_end_object (b);
}
