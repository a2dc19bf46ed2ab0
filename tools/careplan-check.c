/* careplan-check.c: careplan check FILE…
 *
 * Writes each case's obligations (overdue first, then due soon) as text,
 * JSON, CSV or an iCalendar file of the deadlines still to come.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

#include "careplan-commands.h"
#include "careplan-measures.h"

typedef enum {
  FORMAT_TEXT,
  FORMAT_JSON,
  FORMAT_CSV,
  FORMAT_ICS,
} Format;

static char *opt_policy = NULL;
static char *opt_on = NULL;
static char *opt_region = NULL;
static char *opt_bank_holidays = NULL;
static char *opt_format = NULL;
static char *opt_output = NULL;
static char *opt_uid_key = NULL;
static gboolean opt_all = FALSE;
static int opt_jobs = 0;
static char **opt_ssda903 = NULL;
static char **opt_ssd = NULL;
static gboolean opt_compare_due_dates = FALSE;
static char **opt_files = NULL;
static char *opt_team = NULL;
static char *opt_worker = NULL;
static char *opt_iro = NULL;

static const GOptionEntry entries[] = {
  { "policy", 'p', 0, G_OPTION_ARG_STRING, &opt_policy,
    "A built-in profile (default england) or a profile's JSON file", "PROFILE" },
  { "on", 'd', 0, G_OPTION_ARG_STRING, &opt_on,
    "Evaluate as at this date (default today)", "YYYY-MM-DD" },
  { "date", 0, G_OPTION_FLAG_HIDDEN, G_OPTION_ARG_STRING, &opt_on,
    "The same as --on", "YYYY-MM-DD" },
  { "format", 'f', 0, G_OPTION_ARG_STRING, &opt_format,
    "text (default), json, csv, or ics: an iCalendar file of the deadlines still to come", "FORMAT" },
  { "output", 'o', 0, G_OPTION_ARG_FILENAME, &opt_output,
    "Write to FILE (atomically: the old file stays whole until the new one is complete) "
    "instead of standard output", "FILE" },
  { "uid-key", 0, 0, G_OPTION_ARG_FILENAME, &opt_uid_key,
    "With --format ics: the secret key that makes the events' UIDs (created, readable by its owner "
    "only, if absent; default ~/.config/careplan/calendar-uid.key)", "FILE" },
  { "all", 'a', 0, G_OPTION_ARG_NONE, &opt_all,
    "Every obligation with how its date was worked out, not only those overdue, due soon "
    "or lacking the history to judge", NULL },
  { "region", 'r', 0, G_OPTION_ARG_STRING, &opt_region,
    "Bank-holiday region (default england-and-wales)", "REGION" },
  { "bank-holidays", 'b', 0, G_OPTION_ARG_FILENAME, &opt_bank_holidays,
    "Merge a gov.uk bank-holidays.json file", "FILE" },
  { "ssda903", 's', 0, G_OPTION_ARG_FILENAME_ARRAY, &opt_ssda903,
    "Check every child of an SSDA903 return, a directory of header.csv, episodes.csv and reviews.csv "
    "(repeatable); the return records placements and reviews only, so only review obligations are judged",
    "DIR" },
  { "ssd", 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &opt_ssd,
    "Check every looked-after child of a Standard Safeguarding Dataset extract, a directory of "
    "ssd_person.csv, ssd_cla_episodes.csv, ssd_cla_placement.csv…, or a PostgreSQL database holding those "
    "tables: postgresql://HOST/DB or a libpq connection string (repeatable); reviews, visits, "
    "health and dental checks and the care plan are judged", "DIR|CONNINFO" },
  { "compare-due-dates", 0, 0, G_OPTION_ARG_NONE, &opt_compare_due_dates,
    "With --ssd: list instead the reviews whose due date in the SSD (clar_cla_review_due_date) differs "
    "from the library's, with the rule and its citation; exit status 1 when the SSD's is later", NULL },
  { "jobs", 'j', 0, G_OPTION_ARG_INT, &opt_jobs,
    "Read and evaluate a caseload's cases on N threads (default: one per core); "
    "the output is the same for any N", "N" },
  { "team", 0, 0, G_OPTION_ARG_STRING, &opt_team,
    "Only the cases whose social worker is in this team on the --on date", "TEAM" },
  { "worker", 0, 0, G_OPTION_ARG_STRING, &opt_worker,
    "Only the cases allocated to this social worker (a staff identifier) on the --on date", "STAFF" },
  { "iro", 0, 0, G_OPTION_ARG_STRING, &opt_iro,
    "Only the cases allocated to this IRO (a staff identifier) on the --on date", "STAFF" },
  { G_OPTION_REMAINING, 0, 0, G_OPTION_ARG_FILENAME_ARRAY, &opt_files, NULL,
    "[CASE.json|CASELOAD.jsonl…]" },
  { NULL }
};

typedef struct {
  CpObligation *o;
  CpObligationStatus status;
  guint32 due;    /* Julian, 0 if none */
} Row;

typedef struct {
  Format format;
  CpPolicy *policy;
  CpCalendar *calendar;
  GDate *date;
  guint32 today;
  GString *out;          /* what is still to be written */
  GBytes *uid_key;       /* FORMAT_ICS: the key of the events' UIDs */
  gboolean to_stdout;    /* flush after each case */
  gboolean first_case;
  guint cases, refused, overdue, due_soon, met_late, unknown, events;
  guint compared, differ, later;   /* --compare-due-dates */
} Check;

/* Overdue first, then due soon, then the rest; earliest first in each. */
static int
status_rank (CpObligationStatus s)
{
  switch (s)
    {
    case CP_OBLIGATION_STATUS_OVERDUE: return 0;
    case CP_OBLIGATION_STATUS_DUE_SOON: return 1;
    case CP_OBLIGATION_STATUS_NOT_ENOUGH_HISTORY: return 2;
    case CP_OBLIGATION_STATUS_UPCOMING: return 3;
    case CP_OBLIGATION_STATUS_MET_LATE: return 4;
    case CP_OBLIGATION_STATUS_MET_ON_TIME: return 5;
    case CP_OBLIGATION_STATUS_NOT_APPLICABLE:
    default: return 6;
    }
}

static int
compare_rows (gconstpointer a, gconstpointer b)
{
  const Row *x = a, *y = b;
  int rx = status_rank (x->status), ry = status_rank (y->status);

  if (rx != ry)
    return rx - ry;
  if (x->due != y->due)
    return x->due < y->due ? -1 : 1;
  return 0;
}

static gboolean
reported (Check *c, CpObligationStatus s)
{
  if (c->format == FORMAT_ICS)
    return s == CP_OBLIGATION_STATUS_UPCOMING || s == CP_OBLIGATION_STATUS_DUE_SOON;
  return opt_all || s == CP_OBLIGATION_STATUS_OVERDUE || s == CP_OBLIGATION_STATUS_DUE_SOON ||
         s == CP_OBLIGATION_STATUS_NOT_ENOUGH_HISTORY;
}

static char *
iso_or_null (const GDate *d)
{
  return d ? cp_date_format_iso (d) : NULL;
}

/* Text ---------------------------------------------------------------------- */

static void
write_text (Check *c, const char *where, GArray *rows)
{
  if (rows->len == 0)
    return;
  g_string_append_printf (c->out, "%s\n", where);
  for (guint i = 0; i < rows->len; i++)
    {
      Row *r = &g_array_index (rows, Row, i);
      CpObligation *o = r->o;
      g_autofree char *due = iso_or_null (cp_obligation_get_due (o));
      g_autofree char *subject = g_strdup_printf ("%s:", cp_obligation_get_subject (o));
      char when[40] = "";

      if (r->due != 0 && r->status == CP_OBLIGATION_STATUS_OVERDUE)
        g_snprintf (when, sizeof when, " (%u day%s late)", c->today - r->due, c->today - r->due == 1 ? "" : "s");
      else if (r->due != 0 && r->status == CP_OBLIGATION_STATUS_DUE_SOON)
        g_snprintf (when, sizeof when, r->due == c->today ? " (today)" : " (in %u day%s)",
                    r->due - c->today, r->due - c->today == 1 ? "" : "s");

      g_string_append_printf (c->out, "  %-19s %s%s  %s %s [%s]\n",
                              careplan_nick (CP_TYPE_OBLIGATION_STATUS, r->status),
                              due ? due : "no due date", when, subject,
                              cp_obligation_get_key (o), cp_obligation_get_rule_id (o));
      g_string_append_printf (c->out, "      cites: %s\n", cp_obligation_get_citation (o));
      if (opt_all)
        g_string_append_printf (c->out, "      how:   %s\n", cp_obligation_get_explanation (o));
    }
}

/* JSON ---------------------------------------------------------------------- */

static void
write_json (Check *c, const char *where, GArray *rows)
{
  g_autoptr(JsonBuilder) b = json_builder_new_immutable ();
  g_autoptr(JsonGenerator) gen = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  g_autofree char *text = NULL;

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "source");
  json_builder_add_string_value (b, where);
  json_builder_set_member_name (b, "obligations");
  json_builder_begin_array (b);
  for (guint i = 0; i < rows->len; i++)
    {
      CpObligation *o = g_array_index (rows, Row, i).o;
      g_autofree char *due = iso_or_null (cp_obligation_get_due (o));
      g_autofree char *met = iso_or_null (cp_obligation_get_met_on (o));

      json_builder_begin_object (b);
      json_builder_set_member_name (b, "status");
      json_builder_add_string_value (b, careplan_nick (CP_TYPE_OBLIGATION_STATUS, cp_obligation_get_status (o)));
      json_builder_set_member_name (b, "due");
      due ? json_builder_add_string_value (b, due) : json_builder_add_null_value (b);
      json_builder_set_member_name (b, "met_on");
      met ? json_builder_add_string_value (b, met) : json_builder_add_null_value (b);
      json_builder_set_member_name (b, "key");
      json_builder_add_string_value (b, cp_obligation_get_key (o));
      json_builder_set_member_name (b, "subject");
      json_builder_add_string_value (b, cp_obligation_get_subject (o));
      if (cp_obligation_get_review (o) > 0)
        {
          json_builder_set_member_name (b, "review");
          json_builder_add_int_value (b, cp_obligation_get_review (o));
        }
      json_builder_set_member_name (b, "rule_id");
      json_builder_add_string_value (b, cp_obligation_get_rule_id (o));
      json_builder_set_member_name (b, "citation");
      json_builder_add_string_value (b, cp_obligation_get_citation (o));
      json_builder_set_member_name (b, "explanation");
      json_builder_add_string_value (b, cp_obligation_get_explanation (o));
      json_builder_end_object (b);
    }
  json_builder_end_array (b);
  json_builder_end_object (b);

  root = json_builder_get_root (b);
  json_generator_set_root (gen, root);
  text = json_generator_to_data (gen, NULL);
  g_string_append_printf (c->out, "%s    %s", c->first_case ? "" : ",\n", text);
}

/* CSV (RFC 4180) ------------------------------------------------------------ */

static void
csv_field (GString *out, const char *value, gboolean last)
{
  const char *v = value ? value : "";

  if (strpbrk (v, ",\"\r\n") != NULL)
    {
      g_string_append_c (out, '"');
      for (const char *p = v; *p; p++)
        {
          if (*p == '"')
            g_string_append_c (out, '"');
          g_string_append_c (out, *p);
        }
      g_string_append_c (out, '"');
    }
  else
    g_string_append (out, v);
  g_string_append (out, last ? "\r\n" : ",");
}

static void
write_csv (Check *c, const char *where, GArray *rows)
{
  for (guint i = 0; i < rows->len; i++)
    {
      CpObligation *o = g_array_index (rows, Row, i).o;
      g_autofree char *due = iso_or_null (cp_obligation_get_due (o));
      g_autofree char *met = iso_or_null (cp_obligation_get_met_on (o));
      g_autofree char *review = cp_obligation_get_review (o) > 0
                                ? g_strdup_printf ("%d", cp_obligation_get_review (o)) : NULL;

      csv_field (c->out, where, FALSE);
      csv_field (c->out, careplan_nick (CP_TYPE_OBLIGATION_STATUS, cp_obligation_get_status (o)), FALSE);
      csv_field (c->out, due, FALSE);
      csv_field (c->out, met, FALSE);
      csv_field (c->out, cp_obligation_get_key (o), FALSE);
      csv_field (c->out, cp_obligation_get_subject (o), FALSE);
      csv_field (c->out, review, FALSE);
      csv_field (c->out, cp_obligation_get_rule_id (o), FALSE);
      csv_field (c->out, cp_obligation_get_citation (o), FALSE);
      csv_field (c->out, cp_obligation_get_explanation (o), TRUE);
    }
}

/* iCalendar (RFC 5545) ------------------------------------------------------ */

/* Appends "NAME:value" escaped as TEXT and folded at 75 octets, never
 * inside a UTF-8 sequence. */
static void
ics_line (GString *out, const char *name, const char *value, gboolean escape)
{
  g_autoptr(GString) line = g_string_new (name);
  gsize col = 0;

  g_string_append_c (line, ':');
  for (const char *p = value; *p; p++)
    {
      if (escape && (*p == '\\' || *p == ';' || *p == ','))
        g_string_append_c (line, '\\');
      if (escape && *p == '\n')
        g_string_append (line, "\\n");
      else if (*p != '\r')
        g_string_append_c (line, *p);
    }
  for (gsize i = 0; i < line->len; i++)
    {
      guchar ch = (guchar) line->str[i];
      gsize len = ch < 0x80 ? 1 : ch >= 0xf0 ? 4 : ch >= 0xe0 ? 3 : 2;

      if (col + len > 75)
        {
          g_string_append (out, "\r\n ");
          col = 1;
        }
      g_string_append_len (out, line->str + i, (gssize) MIN (len, line->len - i));
      col += len;
      i += len - 1;
    }
  g_string_append (out, "\r\n");
}

static void
ics_date (char out[9], guint32 julian)
{
  GDate d;

  g_date_clear (&d, 1);
  g_date_set_julian (&d, julian);
  g_snprintf (out, 9, "%04d%02d%02d", g_date_get_year (&d), g_date_get_month (&d), g_date_get_day (&d));
}

static void
write_ics (Check *c, CpCase *kase, const char *where, GArray *rows)
{
  const char *id = cp_child_get_id (cp_case_get_child (kase));
  char stamp[9];

  ics_date (stamp, c->today);
  for (guint i = 0; i < rows->len; i++)
    {
      Row *r = &g_array_index (rows, Row, i);
      CpObligation *o = r->o;
      g_autofree char *seed = NULL, *hash = NULL, *uid = NULL, *summary = NULL, *description = NULL;
      g_autofree char *stamp_line = NULL;
      char start[9], end[9];

      if (r->due == 0)
        continue;
      /* Stable across exports with the same key, so a calendar updates the
       * event rather than adding another; keyed (HMAC-SHA256), so no one
       * without the key can test identifiers against it, as they could an
       * unkeyed hash of the small space of identifiers. */
      seed = g_strdup_printf ("%s\x1f%s\x1f%s", id, cp_obligation_get_key (o), cp_obligation_get_subject (o));
      hash = g_compute_hmac_for_string (G_CHECKSUM_SHA256, g_bytes_get_data (c->uid_key, NULL),
                                        g_bytes_get_size (c->uid_key), seed, -1);
      uid = g_strdup_printf ("%.32s@careplan", hash);
      ics_date (start, r->due);
      ics_date (end, r->due + 1);
      summary = g_strdup_printf ("%s: %s (%s)", cp_obligation_get_subject (o), cp_obligation_get_key (o), where);
      description = g_strdup_printf ("%s\nRule %s under %s.\nCites: %s", cp_obligation_get_explanation (o),
                                     cp_obligation_get_rule_id (o), cp_policy_get_name (c->policy),
                                     cp_obligation_get_citation (o));
      stamp_line = g_strdup_printf ("%sT000000Z", stamp);

      g_string_append (c->out, "BEGIN:VEVENT\r\n");
      ics_line (c->out, "UID", uid, FALSE);
      ics_line (c->out, "DTSTAMP", stamp_line, FALSE);
      ics_line (c->out, "DTSTART;VALUE=DATE", start, FALSE);
      ics_line (c->out, "DTEND;VALUE=DATE", end, FALSE);
      ics_line (c->out, "SUMMARY", summary, TRUE);
      ics_line (c->out, "DESCRIPTION", description, TRUE);
      ics_line (c->out, "CATEGORIES", careplan_nick (CP_TYPE_OBLIGATION_STATUS, r->status), TRUE);
      ics_line (c->out, "TRANSP", "TRANSPARENT", FALSE);
      g_string_append (c->out, "END:VEVENT\r\n");
      c->events++;
    }
}

/* One case ------------------------------------------------------------------ */

static void
flush (Check *c)
{
  if (c->to_stdout && c->out->len > 0)
    {
      fwrite (c->out->str, 1, c->out->len, stdout);
      g_string_truncate (c->out, 0);
    }
}

static void
check_case (CpCase *kase, CpEvaluator *ev, const char *where, int source, gpointer data)
{
  Check *c = data;
  g_autoptr(GArray) rows = g_array_new (FALSE, FALSE, sizeof (Row));
  g_autoptr(GPtrArray) keep = g_ptr_array_new_with_free_func (g_object_unref);
  GListModel *list;

  if (!careplan_case_allocated_to (kase, c->date, opt_team, opt_worker, opt_iro))
    return;
  if (ev == NULL)
    {
      c->refused++;
      return;
    }
  c->cases++;

  list = cp_evaluator_get_obligations (ev);
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      CpObligation *o = g_list_model_get_item (list, i);
      CpObligationStatus s = cp_obligation_get_status (o);
      Row row = { o, s, cp_obligation_get_due (o) ? g_date_get_julian (cp_obligation_get_due (o)) : 0 };

      g_ptr_array_add (keep, o);
      if (!careplan_source_judges (source, cp_rule_get_duty (cp_obligation_get_rule (o))))
        continue;
      c->overdue += s == CP_OBLIGATION_STATUS_OVERDUE;
      c->due_soon += s == CP_OBLIGATION_STATUS_DUE_SOON;
      c->met_late += s == CP_OBLIGATION_STATUS_MET_LATE;
      c->unknown += s == CP_OBLIGATION_STATUS_NOT_ENOUGH_HISTORY;
      if (reported (c, s))
        g_array_append_val (rows, row);
    }
  g_array_sort (rows, compare_rows);

  if (opt_compare_due_dates)
    {
      c->differ += careplan_compare_due_dates (kase, ev, where, c->out, &c->compared, &c->later);
      flush (c);
      return;
    }
  switch (c->format)
    {
    case FORMAT_TEXT: write_text (c, where, rows); break;
    case FORMAT_JSON: write_json (c, where, rows); break;
    case FORMAT_CSV: write_csv (c, where, rows); break;
    case FORMAT_ICS: write_ics (c, kase, where, rows); break;
    default: g_assert_not_reached ();
    }
  c->first_case = FALSE;
  flush (c);
}

static gboolean
parse_format (const char *text, Format *format)
{
  static const char * const names[] = { "text", "json", "csv", "ics" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (g_strcmp0 (text, names[i]) == 0)
      {
        *format = (Format) i;
        return TRUE;
      }
  return FALSE;
}

static void
begin (Check *c)
{
  g_autofree char *when = cp_date_format_iso (c->date);
  char stamp[9];

  switch (c->format)
    {
    case FORMAT_JSON:
      g_string_append_printf (c->out, "{\n  \"policy\": \"%s\",\n  \"as_at\": \"%s\",\n  \"cases\": [\n",
                              cp_policy_get_name (c->policy), when);
      break;
    case FORMAT_CSV:
      csv_field (c->out, "source", FALSE);
      csv_field (c->out, "status", FALSE);
      csv_field (c->out, "due", FALSE);
      csv_field (c->out, "met_on", FALSE);
      csv_field (c->out, "key", FALSE);
      csv_field (c->out, "subject", FALSE);
      csv_field (c->out, "review", FALSE);
      csv_field (c->out, "rule_id", FALSE);
      csv_field (c->out, "citation", FALSE);
      csv_field (c->out, "explanation", TRUE);
      break;
    case FORMAT_ICS:
      ics_date (stamp, c->today);
      g_string_append (c->out, "BEGIN:VCALENDAR\r\nVERSION:2.0\r\n");
      ics_line (c->out, "PRODID", "-//libcareplan//careplan check//EN", FALSE);
      g_string_append (c->out, "CALSCALE:GREGORIAN\r\nMETHOD:PUBLISH\r\n");
      {
        g_autofree char *name = g_strdup_printf ("Care-planning deadlines (%s, from %s)",
                                                 cp_policy_get_name (c->policy), when);
        ics_line (c->out, "X-WR-CALNAME", name, TRUE);
      }
      break;
    case FORMAT_TEXT:
    default:
      break;
    }
  flush (c);
}

static void
end (Check *c, gboolean unreadable)
{
  g_autofree char *when = cp_date_format_iso (c->date);

  switch (c->format)
    {
    case FORMAT_JSON:
      g_string_append_printf (c->out,
                              "%s  ],\n  \"totals\": { \"cases\": %u, \"overdue\": %u, \"due_soon\": %u, "
                              "\"met_late\": %u, \"not_enough_history\": %u, \"unreadable\": %s }\n}\n",
                              c->first_case ? "" : "\n", c->cases, c->overdue, c->due_soon, c->met_late,
                              c->unknown, unreadable ? "true" : "false");
      break;
    case FORMAT_ICS:
      g_string_append (c->out, "END:VCALENDAR\r\n");
      break;
    case FORMAT_TEXT:
      if (opt_compare_due_dates)
        g_string_append_printf (c->out, "%u reviews with a due date in the SSD: %u differ from the library's, "
                                "%u of them later\n", c->compared, c->differ, c->later);
      g_string_append_printf (c->out,
                              "%u cases under %s as at %s: %u overdue, %u due soon, %u met late, "
                              "%u not enough history%s\n",
                              c->cases, cp_policy_get_name (c->policy), when, c->overdue, c->due_soon,
                              c->met_late, c->unknown, unreadable ? "; some cases could not be read" : "");
      break;
    case FORMAT_CSV:
    default:
      break;
    }
  flush (c);
}

/* The UID key ----------------------------------------------------------------- */

#define UID_KEY_BYTES 32

static char *
default_uid_key_path (void)
{
  return g_build_filename (g_get_user_config_dir (), "careplan", "calendar-uid.key", NULL);
}

/* Random bytes from the kernel, as hex: GLib's g_random is not meant for
 * secrets. */
static char *
new_uid_key (GError **error)
{
  guint8 raw[UID_KEY_BYTES];
  gsize got = 0;
  int fd = open ("/dev/urandom", O_RDONLY | O_CLOEXEC);
  GString *hex;

  while (fd >= 0 && got < sizeof raw)
    {
      ssize_t n = read (fd, raw + got, sizeof raw - got);
      if (n <= 0)
        break;
      got += (gsize) n;
    }
  if (fd >= 0)
    close (fd);
  if (got < sizeof raw)
    {
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_IO, "/dev/urandom: cannot read random bytes");
      return NULL;
    }
  hex = g_string_new (NULL);
  for (gsize i = 0; i < sizeof raw; i++)
    g_string_append_printf (hex, "%02x", raw[i]);
  g_string_append_c (hex, '\n');
  return g_string_free (hex, FALSE);
}

/* The key in @path, made (0600, in a 0700 directory) if there is none. */
static GBytes *
load_uid_key (const char *path, GError **error)
{
  g_autofree char *text = NULL;
  gsize len = 0;

  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_autofree char *dir = g_path_get_dirname (path);

      text = new_uid_key (error);
      if (text == NULL)
        return NULL;
      if (g_mkdir_with_parents (dir, 0700) != 0)
        {
          g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (errno), "%s: %s", dir, g_strerror (errno));
          return NULL;
        }
      if (!cp_file_replace_contents (path, text, -1, CP_FILE_MODE_PRIVATE, error))
        return NULL;
    }
  g_clear_pointer (&text, g_free);
  if (!g_file_get_contents (path, &text, &len, error))
    return NULL;
  g_strstrip (text);
  len = strlen (text);
  if (len < 32)
    {
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_INVAL,
                   "%s: a UID key needs at least 32 characters (a new key file holds 64 random hex digits)",
                   path);
      return NULL;
    }
  return g_bytes_new_take (g_steal_pointer (&text), len);
}

/* The output file ------------------------------------------------------------- */

static gboolean
same_file (const struct stat *a, const char *path)
{
  struct stat b;

  return stat (path, &b) == 0 && a->st_dev == b.st_dev && a->st_ino == b.st_ino;
}

/* Whether writing @output would overwrite one of the inputs. */
static gboolean
output_is_input (const char *output)
{
  struct stat out;

  if (stat (output, &out) != 0)
    return FALSE;
  for (guint i = 0; opt_files && opt_files[i]; i++)
    if (same_file (&out, opt_files[i]))
      return TRUE;
  for (guint i = 0; opt_ssda903 && opt_ssda903[i]; i++)
    {
      g_autoptr(GDir) dir = g_dir_open (opt_ssda903[i], 0, NULL);
      const char *name;

      while (dir != NULL && (name = g_dir_read_name (dir)) != NULL)
        {
          g_autofree char *path = g_build_filename (opt_ssda903[i], name, NULL);
          if (same_file (&out, path))
            return TRUE;
        }
    }
  return FALSE;
}

int
careplan_check_main (int argc, char **argv)
{
  g_autoptr(GOptionContext) ctx = g_option_context_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(CpPolicy) policy = NULL;
  g_autoptr(CpCalendar) calendar = NULL;
  g_autoptr(GDate) date = NULL;
  g_autoptr(GString) out = g_string_new (NULL);
  gboolean readable;
  guint invalid = 0;
  Check c = { 0 };

  g_option_context_add_main_entries (ctx, entries, NULL);
  g_option_context_set_summary (ctx,
    "Works out every statutory obligation of each case under a policy profile\n"
    "as at a date and lists, case by case, those overdue (first), due soon, or\n"
    "lacking the history to judge, each with its rule's citation. --all lists\n"
    "every obligation with how its date was worked out. A case is shown by its\n"
    "file and line, never by name or identifier.\n"
    "\n"
    "Formats: text (for people); json (one document: policy, as_at, cases with\n"
    "their obligations, totals); csv (one row per obligation, with a header);\n"
    "ics (an iCalendar file of the deadlines still to come, one all-day event\n"
    "each, for Outlook or any calendar; events keep their UID from one export\n"
    "to the next with the same --uid-key, a keyed hash that does not reveal the\n"
    "child's identifier).\n"
    "\n"
    "--output keeps an existing file's permissions and creates a new one\n"
    "readable by its owner only; it may not name one of the inputs.");
  g_option_context_set_description (ctx,
    "Exit status: 0 nothing overdue; 1 something overdue; 2 bad command line;\n"
    "3 a file or case could not be read (errors name the file, line and JSON\n"
    "path, on standard error).");
  if (!careplan_parse_options (ctx, &argc, &argv))
    return CAREPLAN_EXIT_USAGE;
  if (opt_files == NULL && opt_ssda903 == NULL && opt_ssd == NULL)
    {
      fprintf (stderr, "careplan check: no file given (a case, a caseload, --ssda903 DIR or --ssd DIR)\n");
      return CAREPLAN_EXIT_USAGE;
    }
  if (opt_jobs < 0)
    {
      fprintf (stderr, "careplan check: --jobs: %d is not a number of threads\n", opt_jobs);
      return CAREPLAN_EXIT_USAGE;
    }
  if (!parse_format (opt_format ? opt_format : "text", &c.format))
    {
      fprintf (stderr, "careplan check: --format: “%s” is not one of text, json, csv, ics\n", opt_format);
      return CAREPLAN_EXIT_USAGE;
    }
  if (opt_compare_due_dates && (opt_ssd == NULL || c.format != FORMAT_TEXT))
    {
      fprintf (stderr, "careplan check: --compare-due-dates needs --ssd and the text format\n");
      return CAREPLAN_EXIT_USAGE;
    }

  if (opt_output != NULL && output_is_input (opt_output))
    {
      fprintf (stderr, "careplan check: --output: %s is also an input; nothing was read or written\n",
               opt_output);
      return CAREPLAN_EXIT_USAGE;
    }
  if (c.format == FORMAT_ICS)
    {
      g_autofree char *key_path = opt_uid_key ? g_strdup (opt_uid_key) : default_uid_key_path ();

      c.uid_key = load_uid_key (key_path, &error);
      if (c.uid_key == NULL)
        {
          fprintf (stderr, "careplan check: --uid-key: %s\n", error->message);
          return CAREPLAN_EXIT_USAGE;
        }
    }

  if (!careplan_evaluation_setup ("check", opt_policy, opt_region, opt_bank_holidays, opt_on,
                                  &policy, &calendar, &date))
    return CAREPLAN_EXIT_USAGE;

  c.policy = policy;
  c.calendar = calendar;
  c.date = date;
  c.today = g_date_get_julian (date);
  c.out = out;
  c.to_stdout = opt_output == NULL;
  c.first_case = TRUE;

  begin (&c);
  readable = careplan_for_each_evaluated (opt_files, opt_ssda903, opt_ssd, (guint) opt_jobs, policy, calendar,
                                          date, check_case, &c, &invalid);
  g_clear_pointer (&opt_ssd, g_strfreev);
  invalid += c.refused;
  end (&c, !readable || invalid > 0);
  g_clear_pointer (&opt_ssda903, g_strfreev);
  g_clear_pointer (&opt_files, g_strfreev);
  g_clear_pointer (&c.uid_key, g_bytes_unref);

  if (opt_output != NULL)
    {
      if (!cp_file_replace_contents (opt_output, out->str, (gssize) out->len, CP_FILE_MODE_PRIVATE, &error))
        {
          fprintf (stderr, "careplan check: %s\n", error->message);
          return CAREPLAN_EXIT_DATA;
        }
      if (c.format == FORMAT_ICS)
        fprintf (stderr, "%u deadlines written to %s\n", c.events, opt_output);
    }

  if (!readable || invalid > 0)
    return CAREPLAN_EXIT_DATA;
  if (opt_compare_due_dates)
    return c.later > 0 ? CAREPLAN_EXIT_FINDINGS : CAREPLAN_EXIT_OK;
  return c.overdue > 0 ? CAREPLAN_EXIT_FINDINGS : CAREPLAN_EXIT_OK;
}
