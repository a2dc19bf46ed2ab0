/* careplan-report.c: careplan report --format html --output FILE CASELOAD…
 *
 * One self-contained page for managers: what is overdue and due soon by
 * area of work and by team, timeliness over the last twelve months, the
 * cases with most overdue, and the citation of every rule.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include <math.h>
#include <stdio.h>
#include <string.h>

#include "careplan-commands.h"
#include "careplan-options.h"
#include "careplan-measures.h"
#include "careplan-output.h"

#define N_AREAS (CP_AREA_DISPUTES + 1)
#define N_MONTHS 12
#define TOP_CASES 25

static CareplanOptions opts;
static char *opt_format = NULL;
static char *opt_output = NULL;
static char **opt_files = NULL;

static const GOptionEntry entries[] = {
  { "format", 'f', 0, G_OPTION_ARG_STRING, &opt_format,
    "html (the default and, for now, the only one)", "FORMAT" },
  { "output", 'o', 0, G_OPTION_ARG_FILENAME, &opt_output,
    "Write the report to FILE (required; atomically, readable by its owner only)", "FILE" },
  { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &opt_files, NULL,
    "CASELOAD.jsonl|CASE.json…" },
  { NULL }
};

typedef struct {
  char *record;        /* the child's record id: the report is the authority's own */
  char *team;
  guint overdue, due_soon;
  guint32 oldest;      /* Julian day of the earliest overdue due date */
} CaseRow;

typedef struct {
  guint overdue, due_soon;
} Counts;

typedef struct {
  CpPolicy *policy;
  CpCalendar *calendar;
  GDate *date;
  guint cases, refused, cases_overdue;
  Counts areas[N_AREAS];
  GHashTable *teams;                 /* team -> Counts */
  GArray *rows;                      /* CaseRow */
  CpMeasures *months[N_MONTHS];      /* oldest first */
  CareplanPseudonymiser *pseudonymiser;   /* --pseudonymise, or NULL */
} Report;

static void
case_row_clear (gpointer data)
{
  CaseRow *r = data;

  g_free (r->record);
  g_free (r->team);
}

static void
report_case (CpCase *kase, const char *where, int source, gpointer data)
{
  Report *r = data;
  g_autoptr(CpEvaluator) ev = careplan_evaluate (kase, r->policy, r->calendar, r->date, where);
  const char *team;
  CaseRow row = { 0 };
  Counts *tc;
  GListModel *list;

  if (ev == NULL)
    {
      r->refused++;
      return;
    }
  r->cases++;
  team = cp_grouping_key (kase, CP_GROUPING_TEAM, r->date);
  team = team != NULL ? team : "unallocated";
  tc = g_hash_table_lookup (r->teams, team);
  if (tc == NULL)
    g_hash_table_insert (r->teams, g_strdup (team), (tc = g_new0 (Counts, 1)));

  list = cp_evaluator_get_obligations (ev);
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(CpObligation) o = g_list_model_get_item (list, i);
      CpObligationStatus st = cp_obligation_get_status (o);
      CpArea a = cp_area_of_duty (cp_rule_get_duty (cp_obligation_get_rule (o)));

      if (st == CP_OBLIGATION_STATUS_OVERDUE)
        {
          guint32 due = g_date_get_julian (cp_obligation_get_due (o));

          r->areas[a].overdue++;
          tc->overdue++;
          row.overdue++;
          row.oldest = row.oldest == 0 ? due : MIN (row.oldest, due);
        }
      else if (st == CP_OBLIGATION_STATUS_DUE_SOON)
        {
          r->areas[a].due_soon++;
          tc->due_soon++;
          row.due_soon++;
        }
    }
  r->cases_overdue += row.overdue > 0;
  for (guint m = 0; m < N_MONTHS; m++)
    cp_measures_add_obligations (r->months[m], kase, list);

  if (row.overdue > 0)
    {
      char pseudonym[CAREPLAN_PSEUDONYM_LEN + 1];

      row.record = g_strdup (careplan_record_id (r->pseudonymiser, cp_child_get_id (cp_case_get_child (kase)),
                                                 pseudonym));
      row.team = g_strdup (team);
      g_array_append_val (r->rows, row);
    }
}

static int
compare_rows (gconstpointer a, gconstpointer b)
{
  const CaseRow *x = a, *y = b;

  if (x->overdue != y->overdue)
    return x->overdue > y->overdue ? -1 : 1;
  if (x->oldest != y->oldest)
    return x->oldest < y->oldest ? -1 : 1;
  return g_strcmp0 (x->record, y->record);
}

/* HTML ------------------------------------------------------------------- */

static void
esc (GString *out, const char *text)
{
  g_autofree char *e = g_markup_escape_text (text != NULL ? text : "", -1);
  g_string_append (out, e);
}

static const char *series_colours[] = {
  "#1d70b8", "#d4351c", "#00703c", "#f47738", "#4c2c92", "#5694ca",
};

/* A horizontal bar chart of overdue (red) and due soon (amber) per label. */
static void
bar_chart (GString *out, const char *title, const char * const *labels, const Counts *counts, guint n)
{
  const int label_w = 230, bar_w = 520, row_h = 34, top = 30;
  guint max = 1;
  int height = top + (int) n * row_h + 10;

  for (guint i = 0; i < n; i++)
    max = MAX (max, MAX (counts[i].overdue, counts[i].due_soon));
  g_string_append_printf (out,
    "<svg class=\"chart\" role=\"img\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" "
    "xmlns=\"http://www.w3.org/2000/svg\"><title>", label_w + bar_w + 60, height,
    label_w + bar_w + 60, height);
  esc (out, title);
  g_string_append_printf (out, "</title>"
    "<rect x=\"%d\" y=\"6\" width=\"12\" height=\"12\" fill=\"#d4351c\"/>"
    "<text x=\"%d\" y=\"17\">overdue</text>"
    "<rect x=\"%d\" y=\"6\" width=\"12\" height=\"12\" fill=\"#f4a300\"/>"
    "<text x=\"%d\" y=\"17\">due soon</text>",
    label_w, label_w + 16, label_w + 100, label_w + 116);
  for (guint i = 0; i < n; i++)
    {
      int y = top + (int) i * row_h;
      int w1 = (int) lround ((double) bar_w * counts[i].overdue / max);
      int w2 = (int) lround ((double) bar_w * counts[i].due_soon / max);

      g_string_append_printf (out, "<text x=\"%d\" y=\"%d\" text-anchor=\"end\">", label_w - 8, y + 20);
      esc (out, labels[i]);
      g_string_append_printf (out, "</text>"
        "<rect class=\"overdue\" x=\"%d\" y=\"%d\" width=\"%d\" height=\"13\" fill=\"#d4351c\"><title>%u overdue</title></rect>"
        "<text x=\"%d\" y=\"%d\" class=\"n\">%u</text>"
        "<rect class=\"due-soon\" x=\"%d\" y=\"%d\" width=\"%d\" height=\"13\" fill=\"#f4a300\"><title>%u due soon</title></rect>"
        "<text x=\"%d\" y=\"%d\" class=\"n\">%u</text>",
        label_w, y + 2, w1, counts[i].overdue, label_w + w1 + 4, y + 13, counts[i].overdue,
        label_w, y + 16, w2, counts[i].due_soon, label_w + w2 + 4, y + 27, counts[i].due_soon);
    }
  g_string_append (out, "</svg>\n");
}

static void
month_label (const GDate *first, char *buf, gsize size)
{
  static const char * const names[] = { "", "Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                        "Jul", "Aug", "Sep", "Oct", "Nov", "Dec" };

  g_snprintf (buf, size, "%s %d", names[g_date_get_month (first)], g_date_get_year (first));
}

/* The share on time per month, one line per measure. */
static void
line_chart (GString *out, Report *r)
{
  const int left = 50, top = 20, w = 880, h = 280, legend = 50;
  const double step = (double) w / (N_MONTHS - 1);

  g_string_append_printf (out,
    "<svg class=\"chart\" role=\"img\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\" "
    "xmlns=\"http://www.w3.org/2000/svg\"><title>Share met within timescale, by month due</title>",
    left + w + 40, top + h + 40 + legend, left + w + 40, top + h + 40 + legend);
  for (int pct = 0; pct <= 100; pct += 25)
    {
      int y = top + h - h * pct / 100;
      g_string_append_printf (out, "<line x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" class=\"grid\"/>"
                              "<text x=\"%d\" y=\"%d\" text-anchor=\"end\">%d%%</text>",
                              left, y, left + w, y, left - 6, y + 4, pct);
    }
  for (guint m = 0; m < N_MONTHS; m++)
    {
      char label[32];
      month_label (cp_measures_get_from (r->months[m]), label, sizeof label);
      g_string_append_printf (out, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\">%s</text>",
                              left + m * step, top + h + 18, label);
    }
  for (guint i = 0; i < CAREPLAN_N_MEASURES; i++)
    {
      const char *colour = series_colours[i];
      gboolean open = FALSE;

      g_string_append_printf (out, "<g class=\"series\" stroke=\"%s\" fill=\"%s\">", colour, colour);
      for (guint m = 0; m < N_MONTHS; m++)
        {
          double share = cp_measures_get_share_on_time (r->months[m], NULL, i);
          double x = left + m * step, y = top + h - h * share;

          if (isnan (share))
            {
              if (open)
                g_string_append (out, "\"/>");
              open = FALSE;
              continue;
            }
          if (!open)
            g_string_append (out, "<polyline fill=\"none\" stroke-width=\"2\" points=\"");
          g_string_append_printf (out, "%.1f,%.1f ", x, y);
          open = TRUE;
        }
      if (open)
        g_string_append (out, "\"/>");
      for (guint m = 0; m < N_MONTHS; m++)
        {
          double share = cp_measures_get_share_on_time (r->months[m], NULL, i);
          if (!isnan (share))
            g_string_append_printf (out, "<circle cx=\"%.1f\" cy=\"%.1f\" r=\"3\"><title>%s: %.0f%% of %u</title></circle>",
                                    left + m * step, top + h - h * share, careplan_measure_label (i),
                                    100 * share, cp_measures_get_due (r->months[m], NULL, i));
        }
      g_string_append (out, "</g>");
      g_string_append_printf (out, "<rect x=\"%d\" y=\"%d\" width=\"12\" height=\"12\" fill=\"%s\"/>"
                              "<text x=\"%d\" y=\"%d\">%s</text>",
                              left + (int) (i % 3) * 220, top + h + 34 + (int) (i / 3) * 20, colour,
                              left + (int) (i % 3) * 220 + 16, top + h + 45 + (int) (i / 3) * 20,
                              careplan_measure_label (i));
    }
  g_string_append (out, "</svg>\n");
}

static const char style[] =
  "body{font-family:system-ui,-apple-system,'Segoe UI',Arial,sans-serif;margin:2em auto;"
  "max-width:1100px;color:#0b0c0c;line-height:1.4;padding:0 1em}"
  "h1{font-size:1.8em;margin-bottom:.2em}h2{margin-top:1.6em;border-bottom:2px solid #b1b4b6}"
  "table{border-collapse:collapse;margin:.5em 0}th,td{padding:.3em .7em;border-bottom:1px solid #dcdcdc;"
  "text-align:left;vertical-align:top}td.n,th.n{text-align:right;font-variant-numeric:tabular-nums}"
  "svg.chart{display:block;margin:.5em 0;font-size:13px}svg text{fill:#0b0c0c}"
  "svg .grid{stroke:#dcdcdc}svg .n{fill:#505a5f;font-size:11px}"
  ".lead{color:#505a5f}.note{color:#505a5f;font-size:.9em}";

static void
table_counts (GString *out, const char *head, const char * const *labels, const Counts *counts, guint n)
{
  g_string_append_printf (out, "<table><thead><tr><th>%s</th><th class=\"n\">overdue</th>"
                          "<th class=\"n\">due soon</th></tr></thead><tbody>", head);
  for (guint i = 0; i < n; i++)
    {
      g_string_append (out, "<tr><td>");
      esc (out, labels[i]);
      g_string_append_printf (out, "</td><td class=\"n\">%u</td><td class=\"n\">%u</td></tr>",
                              counts[i].overdue, counts[i].due_soon);
    }
  g_string_append (out, "</tbody></table>\n");
}

static void
timeliness_table (GString *out, Report *r)
{
  g_string_append (out, "<table><thead><tr><th>month due</th>");
  for (guint i = 0; i < CAREPLAN_N_MEASURES; i++)
    g_string_append_printf (out, "<th class=\"n\">%s</th>", careplan_measure_label (i));
  g_string_append (out, "</tr></thead><tbody>");
  for (guint m = 0; m < N_MONTHS; m++)
    {
      char label[32];

      month_label (cp_measures_get_from (r->months[m]), label, sizeof label);
      g_string_append_printf (out, "<tr><td>%s</td>", label);
      for (guint i = 0; i < CAREPLAN_N_MEASURES; i++)
        {
          guint due = cp_measures_get_due (r->months[m], NULL, i);
          if (due == 0)
            g_string_append (out, "<td class=\"n\">–</td>");
          else
            g_string_append_printf (out, "<td class=\"n\">%u of %u</td>",
                                    cp_measures_get_on_time (r->months[m], NULL, i), due);
        }
      g_string_append (out, "</tr>");
    }
  g_string_append (out, "</tbody></table>\n");
}

static void
citations (GString *out, CpPolicy *policy)
{
  GListModel *rules = cp_policy_get_rules (policy);

  g_string_append (out, "<table><thead><tr><th>rule</th><th>duty</th><th>citation</th></tr></thead><tbody>");
  for (guint i = 0; i < g_list_model_get_n_items (rules); i++)
    {
      g_autoptr(CpRule) rule = g_list_model_get_item (rules, i);

      g_string_append (out, "<tr><td><code>");
      esc (out, cp_rule_get_id (rule));
      g_string_append (out, "</code></td><td>");
      esc (out, careplan_nick (CP_TYPE_DUTY, cp_rule_get_duty (rule)));
      g_string_append (out, "</td><td>");
      esc (out, cp_rule_get_citation (rule));
      g_string_append (out, "</td></tr>");
    }
  g_string_append (out, "</tbody></table>\n");
}

static int
compare_names (gconstpointer a, gconstpointer b)
{
  return g_strcmp0 (*(const char * const *) a, *(const char * const *) b);
}

static GString *
render (Report *r, guint invalid)
{
  GString *out = g_string_new (NULL);
  g_autofree char *when = cp_date_format_iso (r->date);
  g_autoptr(GPtrArray) teams = g_ptr_array_new ();
  g_autofree Counts *team_counts = NULL;
  const char *area_labels[N_AREAS];
  GHashTableIter iter;
  gpointer key;
  const char *title = cp_policy_get_title (r->policy);

  for (guint a = 0; a < N_AREAS; a++)
    area_labels[a] = cp_area_get_label (a);
  g_hash_table_iter_init (&iter, r->teams);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    g_ptr_array_add (teams, key);
  g_ptr_array_sort (teams, compare_names);
  team_counts = g_new0 (Counts, MAX (teams->len, 1));
  for (guint i = 0; i < teams->len; i++)
    team_counts[i] = *(Counts *) g_hash_table_lookup (r->teams, teams->pdata[i]);

  g_string_append (out,
    "<!DOCTYPE html>\n<html lang=\"en\"><head><meta charset=\"utf-8\">"
    "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'\">"
    "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
    "<title>Care planning: caseload report as at ");
  g_string_append (out, when);
  g_string_append_printf (out, "</title><style>%s</style></head><body>\n", style);
  g_string_append_printf (out, "<h1>Care planning: caseload report</h1>\n<p class=\"lead\">As at %s, under ", when);
  esc (out, cp_policy_get_name (r->policy));
  if (title != NULL)
    {
      g_string_append (out, " (");
      esc (out, title);
      g_string_append (out, ")");
    }
  g_string_append_printf (out, ". %u cases", r->cases);
  if (invalid > 0)
    g_string_append_printf (out, " (%u could not be read)", invalid);
  g_string_append_printf (out, "; %u have something overdue.</p>\n", r->cases_overdue);
  if (r->pseudonymiser != NULL)
    g_string_append (out, "<p class=\"note\">Children's record ids are written as keyed pseudonyms "
                          "(--pseudonymise): only the holder of the key can match them to a record.</p>\n");
  else
    g_string_append (out, "<p class=\"note\">This report carries children's record ids: it is for the "
                          "authority's own use. Keep it as you keep case records.</p>\n");

  g_string_append (out, "<h2 id=\"areas\">Overdue and due soon, by area of work</h2>\n");
  bar_chart (out, "Overdue and due soon, by area of work", area_labels, r->areas, N_AREAS);
  table_counts (out, "area of work", area_labels, r->areas, N_AREAS);

  g_string_append_printf (out, "<h2 id=\"teams\">Overdue and due soon, by team</h2>\n"
                          "<p class=\"note\">By the team of the social worker allocated on %s.</p>\n", when);
  bar_chart (out, "Overdue and due soon, by team", (const char * const *) teams->pdata, team_counts, teams->len);
  table_counts (out, "team", (const char * const *) teams->pdata, team_counts, teams->len);

  g_string_append (out, "<h2 id=\"timeliness\">Timeliness over the last 12 months</h2>\n"
                        "<p class=\"note\">Of the obligations due in each month, the share met within "
                        "timescale; one met late, or not met by the month's end (or by the report's "
                        "date, in the current month), is late.</p>\n");
  line_chart (out, r);
  timeliness_table (out, r);

  g_string_append (out, "<h2 id=\"cases\">Cases with most overdue</h2>\n");
  g_array_sort (r->rows, compare_rows);
  if (r->rows->len == 0)
    g_string_append (out, "<p>No case has anything overdue.</p>\n");
  else
    {
      g_string_append (out, "<table><thead><tr><th>record id</th><th>team</th><th class=\"n\">overdue</th>"
                            "<th class=\"n\">due soon</th><th>oldest overdue since</th></tr></thead><tbody>");
      for (guint i = 0; i < MIN (r->rows->len, TOP_CASES); i++)
        {
          CaseRow *row = &g_array_index (r->rows, CaseRow, i);
          g_autoptr(GDate) oldest = g_date_new_julian (row->oldest);
          g_autofree char *since = cp_date_format_iso (oldest);

          g_string_append (out, "<tr><td><code>");
          esc (out, row->record);
          g_string_append (out, "</code></td><td>");
          esc (out, row->team);
          g_string_append_printf (out, "</td><td class=\"n\">%u</td><td class=\"n\">%u</td><td>%s</td></tr>",
                                  row->overdue, row->due_soon, since);
        }
      g_string_append (out, "</tbody></table>\n");
    }

  g_string_append (out, "<h2 id=\"rules\">The rules and their citations</h2>\n");
  citations (out, r->policy);
  g_string_append (out, "<p class=\"note\">Made by careplan report " CP_VERSION_S ".</p>\n</body></html>\n");
  return out;
}

int
careplan_report_main (int argc, char **argv)
{
  g_autoptr(GOptionContext) ctx = g_option_context_new (NULL);
  g_autoptr(CpPolicy) policy = NULL;
  g_autoptr(CpCalendar) calendar = NULL;
  g_autoptr(GDate) date = NULL;
  g_autoptr(GHashTable) teams = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  g_autoptr(GArray) rows = g_array_new (FALSE, TRUE, sizeof (CaseRow));
  g_autoptr(GError) error = NULL;
  g_autoptr(GString) page = NULL;
  g_autoptr(CareplanPseudonymiser) pseudonymiser = NULL;
  gboolean readable;
  guint invalid = 0;
  Report r = { 0 };

  careplan_options_add (ctx, &opts, CAREPLAN_OPTIONS_EVALUATION);
  g_option_context_add_main_entries (ctx, entries, NULL);
  g_option_context_set_summary (ctx,
    "Writes one self-contained HTML page for managers: obligations overdue and\n"
    "due soon by area of work and by team, the share met within timescale per\n"
    "month over the last twelve months (reviews, visits, health assessments,\n"
    "PEPs, care plans, placement plans), the cases with most overdue by their\n"
    "record id, and every rule's citation. No network, no external files: the\n"
    "charts are inline SVG. The file is written atomically, readable by its\n"
    "owner only (it names children's record ids).");
  g_option_context_set_description (ctx,
    "Exit status: 0 written; 2 bad command line; 3 a file or case could not be\n"
    "read, or the report could not be written.");
  if (!careplan_parse_options (ctx, &argc, &argv))
    return CAREPLAN_EXIT_USAGE;
  if (opt_format != NULL && strcmp (opt_format, "html") != 0)
    {
      fprintf (stderr, "careplan report: --format: “%s” is not one of html\n", opt_format);
      return CAREPLAN_EXIT_USAGE;
    }
  if (opt_output == NULL)
    {
      fprintf (stderr, "careplan report: --output FILE is required\n");
      return CAREPLAN_EXIT_USAGE;
    }
  if (opt_files == NULL)
    {
      fprintf (stderr, "careplan report: no caseload given\n");
      return CAREPLAN_EXIT_USAGE;
    }
  if (!careplan_options_setup (&opts, "report", &policy, &calendar, &date, &pseudonymiser))
    return CAREPLAN_EXIT_USAGE;

  r.policy = policy;
  r.calendar = calendar;
  r.date = date;
  r.teams = teams;
  r.pseudonymiser = pseudonymiser;
  g_array_set_clear_func (rows, case_row_clear);
  r.rows = rows;
  /* Calendar months, the last the one holding the report's date (to that
   * date): one evaluation as at the date serves them all. */
  for (guint m = 0; m < N_MONTHS; m++)
    {
      GDate from, to;

      g_date_clear (&from, 1);
      g_date_set_dmy (&from, 1, g_date_get_month (date), g_date_get_year (date));
      g_date_subtract_months (&from, N_MONTHS - 1 - m);
      to = from;
      g_date_add_months (&to, 1);
      g_date_subtract_days (&to, 1);
      if (g_date_compare (&to, date) > 0)
        to = *date;
      r.months[m] = cp_measures_new (policy, calendar, &from, &to, CP_GROUPING_AUTHORITY);
    }

  readable = careplan_for_each_case (opt_files, NULL, report_case, &r, &invalid);
  invalid += r.refused;
  g_clear_pointer (&opt_files, g_strfreev);
  careplan_options_clear (&opts);

  page = render (&r, invalid);
  for (guint m = 0; m < N_MONTHS; m++)
    g_clear_object (&r.months[m]);
  if (!g_file_set_contents_full (opt_output, page->str, (gssize) page->len,
                                 G_FILE_SET_CONTENTS_CONSISTENT | G_FILE_SET_CONTENTS_DURABLE,
                                 0600, &error))
    {
      fprintf (stderr, "careplan report: %s\n", error->message);
      return CAREPLAN_EXIT_DATA;
    }
  fprintf (stderr, "%u cases reported in %s\n", r.cases, opt_output);
  return !readable || invalid > 0 ? CAREPLAN_EXIT_DATA : CAREPLAN_EXIT_OK;
}
