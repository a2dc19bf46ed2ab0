/* cp-ssd-reader.c: cases from the Standard Safeguarding Dataset's CSV extracts
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include <json-glib/json-glib.h>
#if CP_HAVE_LIBPQ
# include <libpq-fe.h>
#endif

#include "cp-case-private.h"
#include "cp-csv-table-private.h"
#include "cp-date-private.h"
#include "cp-error-private.h"
#include "cp-ssd-reader-private.h"

/**
 * CpSsdReader:
 *
 * Reads the Standard Safeguarding Dataset (SSD), the open data model that
 * local authorities extract from Liquidlogic, Mosaic, Eclipse or
 * CareDirector into their reporting database, as CSV files in one
 * directory, one a table: `ssd_person.csv`, `ssd_cla_episodes.csv` and
 * `ssd_cla_placement.csv` (needed), and, when present, `ssd_legal_status.csv`,
 * `ssd_cla_reviews.csv`, `ssd_cla_visits.csv`, `ssd_cla_health.csv`,
 * `ssd_cla_care_plan.csv`, `ssd_permanence.csv`, `ssd_care_leavers.csv`
 * and `ssd_missing.csv`. File names are matched without regard to case;
 * columns are found by their SSD names, and others are ignored.
 *
 * [method@SsdReader.next] gives one [class@Case] per looked-after child of
 * `ssd_person.csv`, in its order, for the child's current (latest) period
 * of care; people with no care episode are not looked after and are
 * skipped. A child whose rows are wrong (an unknown code, a date that does
 * not exist, episodes that contradict each other) is not dropped: `next()`
 * returns %NULL with an error naming the table, row, column and field, and
 * the next call goes on with the next child. The error never contains the
 * child's identifier.
 *
 * The mapping of the SSD's tables and code lists onto the case model, and
 * what the SSD cannot tell, is documented in `docs/ssd.md`.
 */

typedef CpCsvRow Row;

typedef enum {
  T_PERSON,
  T_EPISODES,
  T_PLACEMENT,
  T_LEGAL,
  T_REVIEWS,
  T_VISITS,
  T_HEALTH,
  T_CARE_PLAN,
  T_PERMANENCE,
  T_CARE_LEAVERS,
  T_MISSING,
  N_TABLES
} TableId;

/* Columns: the first one of each table is its key (the person, or the
 * period of care for placements and reviews). A name starting with '?' is
 * optional. */
enum { P_ID, P_DOB, P_DEATH, N_P };
static const char * const person_cols[] = { "pers_person_id", "pers_dob", "?pers_death_date", NULL };
enum { E_PERSON, E_ID, E_CLA, E_START, E_START_REASON, E_CEASED, E_CEASED_REASON, E_ENTERED, E_PLACEMENT };
static const char * const episode_cols[] = {
  "clae_person_id", "?clae_cla_episode_id", "clae_cla_id", "clae_cla_episode_start_date",
  "clae_cla_episode_start_reason", "clae_cla_episode_ceased_date", "clae_cla_episode_ceased_reason",
  "?clae_entered_care_date", "?clae_cla_placement_id", NULL };
enum { PL_CLA, PL_ID, PL_PERSON, PL_START, PL_END, PL_TYPE, PL_PROVIDER, PL_REASON, PL_DISTANCE, PL_POSTCODE };
static const char * const placement_cols[] = {
  "clap_cla_id", "clap_cla_placement_id", "?clap_person_id", "clap_cla_placement_start_date",
  "clap_cla_placement_end_date", "clap_cla_placement_type", "?clap_cla_placement_provider",
  "?clap_cla_placement_change_reason", "?clap_cla_placement_distance", "?clap_cla_placement_postcode", NULL };
enum { L_PERSON, L_STATUS, L_START, L_END };
static const char * const legal_cols[] = {
  "lega_person_id", "lega_legal_status", "lega_legal_status_start_date", "?lega_legal_status_end_date", NULL };
enum { R_CLA, R_ID, R_DUE, R_DATE, R_CANCELLED, R_PARTICIPATION };
static const char * const review_cols[] = {
  "clar_cla_id", "?clar_cla_review_id", "?clar_cla_review_due_date", "clar_cla_review_date",
  "?clar_cla_review_cancelled", "?clar_cla_review_participation", NULL };
enum { V_PERSON, V_ID, V_CLA, V_DATE, V_SEEN, V_SEEN_ALONE };
static const char * const visit_cols[] = {
  "clav_person_id", "?clav_cla_visit_id", "?clav_cla_id", "clav_cla_visit_date", "?clav_cla_visit_seen",
  "?clav_cla_visit_seen_alone", NULL };
enum { H_PERSON, H_TYPE, H_DATE, H_STATUS };
static const char * const health_cols[] = {
  "clah_person_id", "clah_health_check_type", "clah_health_check_date", "?clah_health_check_status", NULL };
enum { C_PERSON, C_START, C_END, C_JSON };
static const char * const care_plan_cols[] = {
  "lacp_person_id", "lacp_cla_care_plan_start_date", "?lacp_cla_care_plan_end_date",
  "?lacp_cla_care_plan_json", NULL };
enum { M_PERSON, M_ADM, M_PLACEMENT_ORDER, M_MATCHED, M_PLACED, M_REVERSED, M_ORDER, M_ORDER_TYPE, N_M };
static const char * const permanence_cols[] = {
  "perm_person_id", "?perm_adm_decision_date", "?perm_placement_order_date", "?perm_matched_date",
  "?perm_placed_for_adoption_date", "?perm_decision_reversed_date", "?perm_permanence_order_date",
  "?perm_permanence_order_type", NULL };
enum { CL_PERSON, CL_ELIGIBILITY, CL_IN_TOUCH, CL_CONTACT, CL_PATHWAY };
static const char * const care_leaver_cols[] = {
  "clea_person_id", "?clea_care_leaver_eligibility", "?clea_care_leaver_in_touch",
  "?clea_care_leaver_latest_contact", "?clea_pathway_plan_review_date", NULL };
enum { MI_PERSON, MI_START, MI_TYPE, MI_END, MI_RHI_OFFERED, MI_RHI_ACCEPTED };
static const char * const missing_cols[] = {
  "miss_person_id", "miss_missing_episode_start_date", "?miss_missing_episode_type",
  "?miss_missing_episode_end_date", "?miss_missing_rhi_offered", "?miss_missing_rhi_accepted", NULL };

/* Each table: its file, its SQL table, its columns, whether it is needed,
 * and the row identifier that orders a SQL table's rows after its key. */
static const struct {
  const char *name;
  const char *sql;
  const char * const *cols;
  gboolean required;
  const char *row_id;
} table_specs[N_TABLES] = {
  { "ssd_person.csv", "ssd_person", person_cols, TRUE, NULL },
  { "ssd_cla_episodes.csv", "ssd_cla_episodes", episode_cols, TRUE, "clae_cla_episode_id" },
  { "ssd_cla_placement.csv", "ssd_cla_placement", placement_cols, TRUE, "clap_cla_placement_id" },
  { "ssd_legal_status.csv", "ssd_legal_status", legal_cols, FALSE, "lega_legal_status_id" },
  { "ssd_cla_reviews.csv", "ssd_cla_reviews", review_cols, FALSE, "clar_cla_review_id" },
  { "ssd_cla_visits.csv", "ssd_cla_visits", visit_cols, FALSE, "clav_cla_visit_id" },
  { "ssd_cla_health.csv", "ssd_cla_health", health_cols, FALSE, "clah_health_check_id" },
  { "ssd_cla_care_plan.csv", "ssd_cla_care_plan", care_plan_cols, FALSE, "lacp_table_id" },
  { "ssd_permanence.csv", "ssd_permanence", permanence_cols, FALSE, "perm_table_id" },
  { "ssd_care_leavers.csv", "ssd_care_leavers", care_leaver_cols, FALSE, "clea_table_id" },
  { "ssd_missing.csv", "ssd_missing", missing_cols, FALSE, "miss_table_id" },
};

typedef struct {
  const char *name;
  const char * const *colnames;
  GStringChunk *strings;
  GPtrArray *rows;      /* Row, owned; row 0 is the header */
  int *cols;            /* index of each wanted column, or -1 */
  GHashTable *index;    /* key (in the string chunk) -> GArray of row indexes */
} Table;

struct _CpSsdReader
{
  GObject parent_instance;

  Table tables[N_TABLES];
  GArray *children;      /* row indexes of ssd_person with episodes */
  GHashTable *persons;   /* person id -> first row index + 1 */
  GPtrArray *orphans;    /* episode keys without a person row, in order */
  GHashTable *placements_by_id;   /* placement id -> row index + 1 */
  GArray *due_dates;     /* GDate: the SSD's due date of the last child's review n at n - 1 */
  guint next_child;
  guint next_orphan;
  char *location;
};

G_DEFINE_FINAL_TYPE (CpSsdReader, cp_ssd_reader, G_TYPE_OBJECT)

static void
cp_ssd_reader_finalize (GObject *object)
{
  CpSsdReader *self = CP_SSD_READER (object);

  for (guint t = 0; t < N_TABLES; t++)
    {
      Table *table = &self->tables[t];

      g_clear_pointer (&table->index, g_hash_table_unref);
      g_clear_pointer (&table->rows, g_ptr_array_unref);
      if (table->strings)
        g_string_chunk_free (table->strings);
      g_free (table->cols);
    }
  g_clear_pointer (&self->children, g_array_unref);
  g_clear_pointer (&self->persons, g_hash_table_unref);
  g_clear_pointer (&self->orphans, g_ptr_array_unref);
  g_clear_pointer (&self->placements_by_id, g_hash_table_unref);
  g_clear_pointer (&self->due_dates, g_array_unref);
  g_free (self->location);

  G_OBJECT_CLASS (cp_ssd_reader_parent_class)->finalize (object);
}

static void
cp_ssd_reader_class_init (CpSsdReaderClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = cp_ssd_reader_finalize;
}

static void
cp_ssd_reader_init (CpSsdReader *self)
{
  self->due_dates = g_array_new (FALSE, TRUE, sizeof (GDate));
  for (guint t = 0; t < N_TABLES; t++)
    {
      self->tables[t].name = table_specs[t].name;
      self->tables[t].colnames = table_specs[t].cols;
    }
}

/* CSV ---------------------------------------------------------------------- */

static const char *
field (Table *table, Row *row, int col)
{
  return cp_csv_field (table->cols, row, col);
}

static const char *
column_name (Table *table, int col)
{
  return cp_csv_column_name (table->colnames[col]);
}

static gboolean finish_table (Table   *table,
                              GError **error);

static gboolean
load_table (Table      *table,
            const char *dir,
            gboolean    required,
            GError    **error)
{
  g_autofree char *text = NULL;
  gsize len;

  if (!cp_csv_load (dir, table->name, required, NULL, &text, &len, error))
    return FALSE;
  if (text == NULL)
    return TRUE;
  if (!g_utf8_validate_len (text, len, NULL))
    return cp_fail (error, CP_ERROR_PARSE, "%s: not UTF-8 text", table->name);
  if (!cp_csv_parse (table->name, text, len, &table->strings, &table->rows, error))
    return FALSE;
  return finish_table (table, error);
}

/* Finds the wanted columns in the header row and indexes the rows by key. */
static gboolean
finish_table (Table   *table,
              GError **error)
{
  if (!cp_csv_find_columns (table->name, table->rows, table->colnames, &table->cols, error))
    return FALSE;

  /* Rows by key, in the order of the file. */
  table->index = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify) g_array_unref);
  for (guint i = 1; i < table->rows->len; i++)
    {
      Row *row = table->rows->pdata[i];
      char *key = (char *) field (table, row, 0);
      GArray *rows;

      /* The key is stripped in place; a short row's is the empty constant. */
      if ((guint) table->cols[0] < row->n)
        g_strstrip (key);
      rows = g_hash_table_lookup (table->index, key);
      if (rows == NULL)
        {
          rows = g_array_new (FALSE, FALSE, sizeof (guint));
          g_hash_table_insert (table->index, key, rows);
        }
      g_array_append_val (rows, i);
    }
  return TRUE;
}

static GArray *
rows_for (Table *table, const char *key)
{
  return table->index && *key ? g_hash_table_lookup (table->index, key) : NULL;
}

/* "ssd_cla_episodes.csv:57:5: clae_cla_episode_ceased_reason: ..." */
static G_GNUC_PRINTF (6, 7) gboolean
row_fail (GError    **error,
          int         code,
          Table      *table,
          Row        *row,
          int         col,
          const char *format,
          ...)
{
  va_list args;
  gboolean ret;

  va_start (args, format);
  ret = cp_csv_row_failv (error, code, table->name, row, table->cols[col], column_name (table, col),
                          format, args);
  va_end (args);
  return ret;
}

/* Code lists --------------------------------------------------------------- */

typedef struct {
  const char *code;
  int value;
} Code;

typedef struct {
  const char *name;          /* the code list, for messages */
  gboolean case_insensitive;
  gboolean blank_allowed;    /* a blank field gives -1 */
  Code codes[32];
} CodeList;

static const CodeList legal_status_codes = { "the SSD legal status codes (SSDA903 LS)", FALSE, FALSE, {
  { "C1", CP_LEGAL_STATUS_KIND_INTERIM_CARE_ORDER },
  { "C2", CP_LEGAL_STATUS_KIND_CARE_ORDER },
  { "D1", CP_LEGAL_STATUS_KIND_PLACEMENT_ORDER },      /* freeing order */
  { "E1", CP_LEGAL_STATUS_KIND_PLACEMENT_ORDER },
  { "V2", CP_LEGAL_STATUS_KIND_SECTION_20 },
  { "V3", CP_LEGAL_STATUS_KIND_SECTION_20 },
  { "V4", CP_LEGAL_STATUS_KIND_SECTION_20 },
  { "L1", CP_LEGAL_STATUS_KIND_POLICE_PROTECTION },
  { "L2", CP_LEGAL_STATUS_KIND_EMERGENCY_PROTECTION },
  { "L3", CP_LEGAL_STATUS_KIND_CHILD_ASSESSMENT_ORDER },
  { "J1", CP_LEGAL_STATUS_KIND_REMAND },
  { "J2", CP_LEGAL_STATUS_KIND_PACE },
  { "J3", CP_LEGAL_STATUS_KIND_YOUTH_SENTENCE },
  { NULL, 0 } } };

static const CodeList placement_type_codes = { "the SSD placement type codes (SSDA903 PLACE)", FALSE, FALSE, {
  { "A3", CP_PLACEMENT_TYPE_ADOPTION },
  { "A4", CP_PLACEMENT_TYPE_ADOPTION },
  { "A5", CP_PLACEMENT_TYPE_ADOPTION },
  { "A6", CP_PLACEMENT_TYPE_ADOPTION },
  { "H5", CP_PLACEMENT_TYPE_OTHER_ARRANGEMENTS },
  { "K1", CP_PLACEMENT_TYPE_SECURE },
  { "K2", CP_PLACEMENT_TYPE_RESIDENTIAL },
  { "P1", CP_PLACEMENT_TYPE_PLACED_WITH_PARENTS },
  { "P2", CP_PLACEMENT_TYPE_OTHER_ARRANGEMENTS },
  { "P3", CP_PLACEMENT_TYPE_OTHER_ARRANGEMENTS },
  { "R1", CP_PLACEMENT_TYPE_RESIDENTIAL },
  { "R2", CP_PLACEMENT_TYPE_RESIDENTIAL },
  { "R3", CP_PLACEMENT_TYPE_RESIDENTIAL },
  { "R5", CP_PLACEMENT_TYPE_YOUTH_DETENTION },
  { "S1", CP_PLACEMENT_TYPE_RESIDENTIAL },
  { "T0", CP_PLACEMENT_TYPE_TEMPORARY },
  { "T1", CP_PLACEMENT_TYPE_TEMPORARY },
  { "T2", CP_PLACEMENT_TYPE_TEMPORARY },
  { "T3", CP_PLACEMENT_TYPE_TEMPORARY },
  { "T4", CP_PLACEMENT_TYPE_TEMPORARY },
  { "U1", CP_PLACEMENT_TYPE_CONNECTED_PERSON_APPROVED },
  { "U2", CP_PLACEMENT_TYPE_CONNECTED_PERSON_APPROVED },
  { "U3", CP_PLACEMENT_TYPE_CONNECTED_PERSON_APPROVED },
  { "U4", CP_PLACEMENT_TYPE_FOSTER_AGENCY },           /* own authority with PR1 */
  { "U5", CP_PLACEMENT_TYPE_FOSTER_AGENCY },
  { "U6", CP_PLACEMENT_TYPE_FOSTER_AGENCY },
  { "Z1", CP_PLACEMENT_TYPE_OTHER_ARRANGEMENTS },
  { NULL, 0 } } };

static const CodeList provider_codes = { "the SSD placement provider codes", FALSE, TRUE, {
  { "PR0", 0 }, { "PR1", 1 }, { "PR2", 2 }, { "PR3", 3 }, { "PR4", 4 }, { "PR5", 5 },
  { NULL, 0 } } };

static const CodeList change_reason_codes = { "the SSD reason for placement change codes", FALSE, TRUE, {
  { "CARPL", 0 }, { "CLOSE", 0 }, { "ALLEG", 0 }, { "STAND", 0 }, { "APPRR", 0 }, { "CREQB", 0 },
  { "CREQO", 0 }, { "CHILD", 0 }, { "LAREQ", 0 }, { "PLACE", 0 }, { "CUSTOD", 0 }, { "OTHER", 0 },
  { NULL, 0 } } };

static const CodeList start_reason_codes = { "the SSD reason for new episode codes", FALSE, FALSE, {
  { "S", 0 }, { "L", 0 }, { "P", 0 }, { "T", 0 }, { "B", 0 }, { "U", 0 },
  { NULL, 0 } } };

/* 0: the period goes on (X1); 1: it ends; 2: it ends with a return home as
 * planned (E4A); 3: with a return home outside the care plan (E4B). */
enum { CEASE_CONTINUES, CEASE_ENDS, CEASE_HOME, CEASE_HOME_UNPLANNED };
static const CodeList ceased_reason_codes = { "the SSD reason episode ceased codes", FALSE, TRUE, {
  { "X1", CEASE_CONTINUES }, { "E11", CEASE_ENDS }, { "E12", CEASE_ENDS }, { "E2", CEASE_ENDS },
  { "E3", CEASE_ENDS }, { "E4A", CEASE_HOME }, { "E4B", CEASE_HOME_UNPLANNED }, { "E13", CEASE_ENDS },
  { "E41", CEASE_ENDS }, { "E45", CEASE_ENDS }, { "E46", CEASE_ENDS }, { "E47", CEASE_ENDS },
  { "E48", CEASE_ENDS }, { "E5", CEASE_ENDS }, { "E6", CEASE_ENDS }, { "E7", CEASE_ENDS },
  { "E9", CEASE_ENDS }, { "E14", CEASE_ENDS }, { "E15", CEASE_ENDS }, { "E16", CEASE_ENDS },
  { "E17", CEASE_ENDS }, { "E8", CEASE_ENDS },
  { NULL, 0 } } };

static const CodeList participation_codes = { "the SSD review participation codes", FALSE, TRUE, {
  { "PN0", CP_CHILD_PARTICIPATION_TOO_YOUNG },
  { "PN1", CP_CHILD_PARTICIPATION_ATTENDED },
  { "PN2", CP_CHILD_PARTICIPATION_ADVOCATE },
  { "PN3", CP_CHILD_PARTICIPATION_ATTENDED },
  { "PN4", CP_CHILD_PARTICIPATION_DID_NOT_PARTICIPATE },
  { "PN5", CP_CHILD_PARTICIPATION_ADVOCATE },
  { "PN6", CP_CHILD_PARTICIPATION_VIEWS_CONVEYED },
  { "PN7", CP_CHILD_PARTICIPATION_DID_NOT_PARTICIPATE },
  { NULL, 0 } } };

static const CodeList yes_no_codes = { "the SSD Y/N flags", TRUE, TRUE, {
  { "Y", 1 }, { "N", 0 },
  { NULL, 0 } } };

enum { CHECK_OTHER, CHECK_HEALTH, CHECK_DENTAL };
static const CodeList health_check_codes = { "the SSD health check types", TRUE, FALSE, {
  { "Health Assessment", CHECK_HEALTH },
  { "Initial Health Assessment", CHECK_HEALTH },
  { "Review Health Assessment", CHECK_HEALTH },
  { "Dental Check", CHECK_DENTAL },
  { "Health Surveillance Check", CHECK_OTHER },
  { NULL, 0 } } };

enum { STATUS_NOT_DONE, STATUS_COMPLETED };
static const CodeList health_status_codes = { "the SSD health check statuses", TRUE, TRUE, {
  { "Planned", STATUS_NOT_DONE }, { "Refused", STATUS_NOT_DONE }, { "Cancelled", STATUS_NOT_DONE },
  { "Completed", STATUS_COMPLETED },
  { NULL, 0 } } };

static const CodeList eligibility_codes = { "the SSD care leaver eligibility categories", TRUE, TRUE, {
  { "Relevant", 0 }, { "Former Relevant", 0 }, { "Eligible", 0 }, { "Qualifying", 0 },
  { "No Current Eligibility", 0 },
  { NULL, 0 } } };

static const CodeList in_touch_codes = { "the SSD care leaver in touch codes", FALSE, TRUE, {
  { "YES", 0 }, { "NO", 0 }, { "DIED", 0 }, { "REFU", 0 }, { "NREQ", 0 }, { "RHOM", 0 },
  { NULL, 0 } } };

static const CodeList missing_type_codes = { "the SSD missing episode types", FALSE, TRUE, {
  { "M", 0 }, { "A", 0 },
  { NULL, 0 } } };

/* Whether a return interview was offered, and accepted: the SSD's Y, N and
 * NA (not applicable), or the Annex A return's Yes and No. */
static const CodeList rhi_codes = { "the SSD return interview flags", TRUE, TRUE, {
  { "Y", 1 }, { "Yes", 1 }, { "N", 0 }, { "No", 0 }, { "NA", -1 },
  { NULL, 0 } } };

static const CodeList order_type_codes = { "the SSD permanence order types", TRUE, TRUE, {
  { "Adoption", 0 }, { "Special Guardianship", 0 }, { "Child Arrangements Order", 0 },
  { "Residence Order", 0 },
  { NULL, 0 } } };

/* The chosen permanence plan (lacp_cla_care_plan_json); -1 has no pathway
 * in the case model. */
static const CodeList plan_codes = { "the SSD permanence plan codes", FALSE, FALSE, {
  { "REMAINSUP", CP_PERMANENCE_PATHWAY_RETURN_HOME },
  { "RETURN1M", CP_PERMANENCE_PATHWAY_RETURN_HOME },
  { "RETURN6M", CP_PERMANENCE_PATHWAY_RETURN_HOME },
  { "RETURNEV", CP_PERMANENCE_PATHWAY_RETURN_HOME },
  { "LTRELFR", CP_PERMANENCE_PATHWAY_KINSHIP },
  { "LTFOST18", CP_PERMANENCE_PATHWAY_LONG_TERM_FOSTERING },
  { "RESPLMT", CP_PERMANENCE_PATHWAY_RESIDENTIAL },
  { "SUPPLIV", CP_PERMANENCE_PATHWAY_INDEPENDENCE },
  { "ADOPTION", CP_PERMANENCE_PATHWAY_ADOPTION },
  { "OTHERPLN", -1 },
  { NULL, 0 } } };

static const Code *
find_code (const CodeList *list, const char *value)
{
  for (const Code *c = list->codes; c->code; c++)
    if (list->case_insensitive ? g_ascii_strcasecmp (c->code, value) == 0 : strcmp (c->code, value) == 0)
      return c;
  return NULL;
}

static char *
expected_codes (const CodeList *list)
{
  GString *s = g_string_new (NULL);

  for (const Code *c = list->codes; c->code; c++)
    g_string_append_printf (s, "%s%s", s->len ? ", " : "", c->code);
  return g_string_free (s, FALSE);
}

static gboolean
lookup_code (const CodeList *list,
             Table          *table,
             Row            *row,
             int             col,
             int            *out,
             GError        **error)
{
  g_autofree char *value = g_strstrip (g_strdup (field (table, row, col)));
  g_autofree char *expected = NULL;
  const Code *c;

  *out = -1;
  if (*value == '\0' && list->blank_allowed)
    return TRUE;
  c = find_code (list, value);
  if (c != NULL)
    {
      *out = c->value;
      return TRUE;
    }
  expected = expected_codes (list);
  if (*value == '\0')
    return row_fail (error, CP_ERROR_MISSING_FIELD, table, row, col,
                     "missing (expected one of %s: %s)", list->name, expected);
  return row_fail (error, CP_ERROR_UNKNOWN_CODE, table, row, col,
                   "“%s” is not in %s (expected one of: %s)", value, list->name, expected);
}

/* Dates -------------------------------------------------------------------- */

/* yyyy-mm-dd or dd/mm/yyyy, either of them perhaps followed by a time of
 * day (" 00:00:00", "T00:00:00.000"), as a datetime column is exported;
 * 0 for an empty field when @optional. */
static gboolean
parse_date (Table    *table,
            Row      *row,
            int       col,
            gboolean  optional,
            guint32  *out,
            GError  **error)
{
  const char *v = field (table, row, col);
  gsize n;

  *out = 0;
  while (*v == ' ')
    v++;
  if (*v == '\0')
    {
      if (optional)
        return TRUE;
      return row_fail (error, CP_ERROR_MISSING_FIELD, table, row, col, "missing");
    }
  n = strlen (v);
  if (n > 10 && (v[10] == ' ' || v[10] == 'T'))
    {
      /* The time of day must be a time, and is dropped. */
      for (gsize i = 11; i < n; i++)
        if (!g_ascii_isdigit (v[i]) && v[i] != ':' && v[i] != '.' && v[i] != ' ')
          goto bad;
      n = 10;
    }
  else if (n != 10)
    goto bad;
  if (cp_csv_parse_day (v, n, out))
    return TRUE;
bad:
  return row_fail (error, CP_ERROR_INVALID_DATE, table, row, col,
                   "“%s” is not a date (yyyy-mm-dd or dd/mm/yyyy)", v);
}

static void
set_julian (GDate *d, guint32 j)
{
  g_date_clear (d, 1);
  g_date_set_julian (d, j);
}

/* Loading ------------------------------------------------------------------ */

static void index_children (CpSsdReader *self);

/**
 * cp_ssd_reader_new_for_directory:
 * @directory: (type filename): the directory holding the SSD's CSV extracts
 * @error: return location for a #GError
 *
 * Reads the tables. A missing `ssd_person.csv`, `ssd_cla_episodes.csv` or
 * `ssd_cla_placement.csv`, a table without a column the reader needs, or a
 * file that is not CSV text fails here (%CP_ERROR_MISSING_FIELD,
 * %CP_ERROR_PARSE); a child's bad rows are reported one child at a time by
 * [method@SsdReader.next].
 *
 * Returns: (transfer full) (nullable): a new reader
 */
CpSsdReader *
cp_ssd_reader_new_for_directory (const char  *directory,
                                 GError     **error)
{
  g_autoptr(CpSsdReader) self = NULL;

  g_return_val_if_fail (directory != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = g_object_new (CP_TYPE_SSD_READER, NULL);
  for (guint t = 0; t < N_TABLES; t++)
    if (!load_table (&self->tables[t], directory, table_specs[t].required, error))
      return NULL;
  index_children (self);
  return g_steal_pointer (&self);
}

/* The looked-after children, those without a person row, and the
 * placements by their id. */
static void
index_children (CpSsdReader *self)
{
  Table *p, *e, *pl;

  p = &self->tables[T_PERSON];
  e = &self->tables[T_EPISODES];
  pl = &self->tables[T_PLACEMENT];

  self->persons = g_hash_table_new (g_str_hash, g_str_equal);
  self->children = g_array_new (FALSE, FALSE, sizeof (guint));
  for (guint i = 1; i < p->rows->len; i++)
    {
      const char *id = field (p, p->rows->pdata[i], P_ID);

      if (!g_hash_table_contains (self->persons, id))
        g_hash_table_insert (self->persons, (char *) id, GUINT_TO_POINTER (i + 1));
      /* Only the looked after; a second row is reported in its turn. */
      if (rows_for (e, id) != NULL)
        g_array_append_val (self->children, i);
    }

  /* Episodes of people missing from ssd_person, in the order of their first row. */
  self->orphans = g_ptr_array_new ();
  for (guint i = 1; i < e->rows->len; i++)
    {
      GArray *rows = rows_for (e, field (e, e->rows->pdata[i], E_PERSON));

      if (rows != NULL && g_array_index (rows, guint, 0) == i &&
          !g_hash_table_contains (self->persons, field (e, e->rows->pdata[i], E_PERSON)))
        g_ptr_array_add (self->orphans, rows);
    }

  self->placements_by_id = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 1; i < pl->rows->len; i++)
    {
      const char *id = field (pl, pl->rows->pdata[i], PL_ID);

      if (*id && !g_hash_table_contains (self->placements_by_id, id))
        g_hash_table_insert (self->placements_by_id, (char *) id, GUINT_TO_POINTER (i + 1));
    }
}

/* PostgreSQL --------------------------------------------------------------- */

#if CP_HAVE_LIBPQ

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PGconn, PQfinish)
G_DEFINE_AUTOPTR_CLEANUP_FUNC (PGresult, PQclear)

/* The first line of the server's message (libpq's end with a newline). */
static gboolean
pg_fail (GError **error, PGconn *conn, const char *what)
{
  g_autofree char *msg = g_strdup (PQerrorMessage (conn));

  g_strchomp (msg);
  if (strchr (msg, '\n') != NULL)
    *strchr (msg, '\n') = '\0';
  return cp_fail (error, CP_ERROR_PARSE, "%s: %s", what, msg);
}

static gboolean
pg_command (PGconn *conn, const char *sql, const char *what, GError **error)
{
  g_autoptr(PGresult) res = PQexec (conn, sql);

  if (PQresultStatus (res) != PGRES_COMMAND_OK)
    return pg_fail (error, conn, what);
  return TRUE;
}

/* Reads one table through a server-side cursor, a batch of rows at a
 * time, into the rows a CSV file would give: a header row of the column
 * names, then the rows ordered by the table's key and row identifier. */
static gboolean
load_table_pg (Table    *table,
               PGconn   *conn,
               gboolean  required,
               const char *sql_name,
               const char *row_id,
               GError  **error)
{
  const char *params[1] = { sql_name };
  g_autoptr(PGresult) exists = PQexecParams (conn, "SELECT to_regclass($1) IS NOT NULL", 1, NULL,
                                             params, NULL, NULL, 0);
  g_autoptr(PGresult) probe = NULL;
  g_autoptr(GString) sql = NULL;
  g_autofree char *quoted = NULL;
  const char *key = column_name (table, 0);
  gboolean has_key = FALSE, has_row_id = FALSE;
  guint line = 1;
  Row *head;
  int n;

  table->name = sql_name;
  if (PQresultStatus (exists) != PGRES_TUPLES_OK)
    return pg_fail (error, conn, sql_name);
  if (strcmp (PQgetvalue (exists, 0, 0), "t") != 0)
    {
      if (!required)
        return TRUE;
      return cp_fail (error, CP_ERROR_MISSING_FIELD, "postgresql: no table %s", sql_name);
    }

  /* The columns, to order by the key and row id only where they exist. */
  {
    char *ident = PQescapeIdentifier (conn, sql_name, strlen (sql_name));

    quoted = g_strdup (ident);
    PQfreemem (ident);
  }
  sql = g_string_new (NULL);
  g_string_printf (sql, "SELECT * FROM %s LIMIT 0", quoted);
  probe = PQexec (conn, sql->str);
  if (PQresultStatus (probe) != PGRES_TUPLES_OK)
    return pg_fail (error, conn, sql_name);
  n = PQnfields (probe);
  table->strings = g_string_chunk_new (4096);
  table->rows = g_ptr_array_new_with_free_func (cp_csv_row_free);
  head = g_new0 (Row, 1);
  head->line = line++;
  head->n = (guint) n;
  head->fields = g_new (char *, n + 1);
  for (int k = 0; k < n; k++)
    {
      head->fields[k] = g_string_chunk_insert (table->strings, PQfname (probe, k));
      has_key |= g_ascii_strcasecmp (PQfname (probe, k), key) == 0;
      has_row_id |= row_id != NULL && g_ascii_strcasecmp (PQfname (probe, k), row_id) == 0;
    }
  head->fields[n] = NULL;
  g_ptr_array_add (table->rows, head);
  if (!has_key)
    return cp_fail (error, CP_ERROR_MISSING_FIELD, "%s:1: no %s column", sql_name, key);

  g_string_printf (sql, "DECLARE cp_ssd NO SCROLL CURSOR FOR SELECT * FROM %s ORDER BY %s", quoted, key);
  if (has_row_id)
    g_string_append_printf (sql, ", %s", row_id);
  if (!pg_command (conn, sql->str, sql_name, error))
    return FALSE;
  for (;;)
    {
      g_autoptr(PGresult) batch = PQexec (conn, "FETCH FORWARD 5000 FROM cp_ssd");
      int rows;

      if (PQresultStatus (batch) != PGRES_TUPLES_OK)
        return pg_fail (error, conn, sql_name);
      rows = PQntuples (batch);
      if (rows == 0)
        break;
      for (int r = 0; r < rows; r++)
        {
          Row *row = g_new0 (Row, 1);

          row->line = line++;
          row->n = (guint) n;
          row->fields = g_new (char *, n + 1);
          for (int k = 0; k < n; k++)
            row->fields[k] = g_string_chunk_insert (table->strings,
                                                   PQgetisnull (batch, r, k) ? "" : PQgetvalue (batch, r, k));
          row->fields[n] = NULL;
          g_ptr_array_add (table->rows, row);
        }
    }
  if (!pg_command (conn, "CLOSE cp_ssd", sql_name, error))
    return FALSE;
  return finish_table (table, error);
}

#endif

/* The reader's and the writer's (careplan check --write-table) check. */
gboolean
cp_ssd_check_conninfo (const char  *conninfo,
                       GError     **error)
{
#if CP_HAVE_LIBPQ
  PQconninfoOption *options;
  char *parse_error = NULL;
  gboolean has_password = FALSE;

  options = PQconninfoParse (conninfo, &parse_error);
  if (options == NULL)
    {
      g_autofree char *msg = g_strdup (parse_error ? parse_error : "out of memory");

      PQfreemem (parse_error);
      g_strchomp (msg);
      cp_fail (error, CP_ERROR_PARSE, "postgresql: the connection string: %s", msg);
      return FALSE;
    }
  for (PQconninfoOption *o = options; o->keyword; o++)
    if (strcmp (o->keyword, "password") == 0 && o->val != NULL && *o->val)
      has_password = TRUE;
  PQconninfoFree (options);
  if (has_password)
    {
      cp_fail (error, CP_ERROR_INVALID_VALUE,
               "postgresql: the connection string holds a password; give it in ~/.pgpass or PGPASSWORD instead");
      return FALSE;
    }

  return TRUE;
#else
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
               "postgresql: this libcareplan was built without PostgreSQL support (libpq)");
  (void) conninfo;
  return FALSE;
#endif
}

/**
 * cp_ssd_reader_new_for_connection:
 * @conninfo: a libpq connection string (`host=... dbname=...`) or URI
 *   (`postgresql://host/dbname`), without a password
 * @error: return location for a #GError
 *
 * Reads the SSD's tables (`ssd_person`, `ssd_cla_episodes`, ...) from a
 * PostgreSQL database, in one read-only transaction, each through a
 * server-side cursor. Columns are found by name as in the CSV files; a
 * table's rows are numbered in the order of its key column and row
 * identifier, the header counting as row 1, so errors read
 * `ssd_cla_placement:4:6: ...`.
 *
 * The password comes only from libpq's environment (`PGPASSWORD`) or the
 * password file (`~/.pgpass`): a connection string that holds one is
 * refused, so that it is never on a command line. Without PostgreSQL
 * support (built without libpq) this fails with %G_IO_ERROR_NOT_SUPPORTED.
 *
 * Returns: (transfer full) (nullable): a new reader
 */
CpSsdReader *
cp_ssd_reader_new_for_connection (const char  *conninfo,
                                  GError     **error)
{
#if CP_HAVE_LIBPQ
  g_autoptr(CpSsdReader) self = NULL;
  g_autoptr(PGconn) conn = NULL;

  g_return_val_if_fail (conninfo != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!cp_ssd_check_conninfo (conninfo, error))
    return NULL;

  conn = PQconnectdb (conninfo);
  if (PQstatus (conn) != CONNECTION_OK)
    {
      pg_fail (error, conn, "postgresql");
      return NULL;
    }
  if (!pg_command (conn, "SET DateStyle TO ISO, YMD", "postgresql", error) ||
      !pg_command (conn, "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY", "postgresql", error))
    return NULL;

  self = g_object_new (CP_TYPE_SSD_READER, NULL);
  for (guint t = 0; t < N_TABLES; t++)
    if (!load_table_pg (&self->tables[t], conn, table_specs[t].required, table_specs[t].sql,
                        table_specs[t].row_id, error))
      return NULL;
  if (!pg_command (conn, "COMMIT", "postgresql", error))
    return NULL;
  index_children (self);
  return g_steal_pointer (&self);
#else
  g_return_val_if_fail (conninfo != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
               "postgresql: this libcareplan was built without PostgreSQL support (libpq)");
  return NULL;
#endif
}

/* One child ---------------------------------------------------------------- */

typedef struct {
  Row *row;
  const char *cla;
  guint32 start, ceased, entered;
  int ceased_reason;
} Episode;

typedef struct {
  Row *row;
  guint32 start, end;
  int value;
} Dated;

static int
compare_episodes (gconstpointer a, gconstpointer b)
{
  const Episode *x = a, *y = b;

  if (x->start != y->start)
    return x->start < y->start ? -1 : 1;
  return x->row->line < y->row->line ? -1 : x->row->line > y->row->line;
}

static int
compare_dated (gconstpointer a, gconstpointer b)
{
  const Dated *x = a, *y = b;

  if (x->start != y->start)
    return x->start < y->start ? -1 : 1;
  return x->row->line < y->row->line ? -1 : x->row->line > y->row->line;
}

static gboolean
read_episode (Table *e, Row *row, Episode *ep, GError **error)
{
  int unused;

  ep->row = row;
  ep->cla = field (e, row, E_CLA);
  if (*ep->cla == '\0')
    return row_fail (error, CP_ERROR_MISSING_FIELD, e, row, E_CLA, "missing");
  if (!parse_date (e, row, E_START, FALSE, &ep->start, error) ||
      !lookup_code (&start_reason_codes, e, row, E_START_REASON, &unused, error) ||
      !parse_date (e, row, E_CEASED, TRUE, &ep->ceased, error) ||
      !lookup_code (&ceased_reason_codes, e, row, E_CEASED_REASON, &ep->ceased_reason, error) ||
      !parse_date (e, row, E_ENTERED, TRUE, &ep->entered, error))
    return FALSE;
  if (ep->ceased != 0 && ep->ceased < ep->start)
    return row_fail (error, CP_ERROR_INCONSISTENT, e, row, E_CEASED,
                     "the episode ends before it starts (clae_cla_episode_start_date %s)",
                     field (e, row, E_START));
  if (ep->ceased != 0 && ep->ceased_reason < 0)
    return row_fail (error, CP_ERROR_MISSING_FIELD, e, row, E_CEASED_REASON,
                     "missing (the episode has an end date)");
  if (ep->ceased == 0 && ep->ceased_reason >= 0)
    return row_fail (error, CP_ERROR_MISSING_FIELD, e, row, E_CEASED,
                     "missing (the episode has a reason for ending, %s)", field (e, row, E_CEASED_REASON));
  if (ep->entered != 0 && ep->entered > ep->start)
    return row_fail (error, CP_ERROR_INCONSISTENT, e, row, E_ENTERED,
                     "after the episode began (clae_cla_episode_start_date %s)", field (e, row, E_START));
  return TRUE;
}

/* A Y/N field is Y. */
static gboolean
read_flag (Table *t, Row *row, int col, int *out, GError **error)
{
  return lookup_code (&yes_no_codes, t, row, col, out, error);
}

static gboolean
add_activity (CpCase *kase, CpDuty duty, guint32 day)
{
  g_autoptr(CpActivity) activity = NULL;
  GDate d;

  set_julian (&d, day);
  activity = cp_activity_new (duty, &d);
  cp_case_import_activity (kase, activity);
  return TRUE;
}

static gboolean
add_event (CpCase *kase, CpEventKind kind, guint32 day)
{
  g_autoptr(CpCaseEvent) event = NULL;
  GDate d;

  set_julian (&d, day);
  event = cp_case_event_new (kind, &d);
  cp_case_import_event (kase, event);
  return TRUE;
}

/* Is a value of the care plan's JSON a ticked box? */
static gboolean
plan_ticked (JsonNode *node, gboolean *ticked)
{
  const char *s;

  if (JSON_NODE_HOLDS_NULL (node))
    return (*ticked = FALSE, TRUE);
  if (!JSON_NODE_HOLDS_VALUE (node))
    return FALSE;
  switch (json_node_get_value_type (node))
    {
    case G_TYPE_BOOLEAN:
      *ticked = json_node_get_boolean (node);
      return TRUE;
    case G_TYPE_INT64:
      *ticked = json_node_get_int (node) != 0;
      return TRUE;
    case G_TYPE_STRING:
      s = json_node_get_string (node);
      if (*s == '\0' || g_ascii_strcasecmp (s, "N") == 0 || g_ascii_strcasecmp (s, "No") == 0 ||
          strcmp (s, "0") == 0 || g_ascii_strcasecmp (s, "false") == 0)
        *ticked = FALSE;
      else if (g_ascii_strcasecmp (s, "Y") == 0 || g_ascii_strcasecmp (s, "Yes") == 0 ||
               strcmp (s, "1") == 0 || g_ascii_strcasecmp (s, "true") == 0)
        *ticked = TRUE;
      else
        return FALSE;
      return TRUE;
    default:
      return FALSE;
    }
}

/* The pathways ticked in the plan's JSON, in the order of the SSD's list:
 * @first and @second, or -1. */
static gboolean
read_plan_json (Table *t, Row *row, int *first, int *second, gboolean *any, GError **error)
{
  const char *text = field (t, row, C_JSON);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autoptr(GError) local_error = NULL;
  JsonObject *object;
  g_autoptr(GList) members = NULL;
  gboolean ticked[G_N_ELEMENTS (plan_codes.codes)] = { FALSE };

  *first = *second = -1;
  *any = FALSE;
  if (*text == '\0')
    return TRUE;
  if (!json_parser_load_from_data (parser, text, -1, &local_error) ||
      !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    return row_fail (error, CP_ERROR_INVALID_VALUE, t, row, C_JSON,
                     "not a JSON object of the permanence plan codes");
  object = json_node_get_object (json_parser_get_root (parser));
  members = json_object_get_members (object);
  for (GList *l = members; l; l = l->next)
    {
      const Code *c = find_code (&plan_codes, l->data);
      gboolean on;

      if (c == NULL)
        {
          g_autofree char *expected = expected_codes (&plan_codes);
          return row_fail (error, CP_ERROR_UNKNOWN_CODE, t, row, C_JSON,
                           "“%s” is not in %s (expected one of: %s)", (char *) l->data, plan_codes.name,
                           expected);
        }
      if (!plan_ticked (json_object_get_member (object, l->data), &on))
        return row_fail (error, CP_ERROR_INVALID_VALUE, t, row, C_JSON,
                         "%s: not a ticked or empty box (expected \"\", \"Y\" or \"N\")", c->code);
      ticked[c - plan_codes.codes] = on;
    }
  for (guint i = 0; plan_codes.codes[i].code; i++)
    if (ticked[i])
      {
        *any = TRUE;
        if (plan_codes.codes[i].value < 0)
          continue;
        if (*first < 0)
          *first = plan_codes.codes[i].value;
        else if (*second < 0 && plan_codes.codes[i].value != *first)
          *second = plan_codes.codes[i].value;
      }
  return TRUE;
}

/* One child's case, as it is built. */
typedef struct {
  CpSsdReader *self;
  Row *person;
  const char *id;       /* never printed */
  const char *cla;      /* the current period of care */
  GArray *eps;          /* Episode: the period's, in order */
  guint32 dob, death, lac, ceased;
  CpChild *child;
  CpCase *kase;
  GArray *due_dates;    /* GDate, for cp_ssd_reader_get_review_due_date() */
} Build;

/* The current period of care: the one of the latest episode, whose
 * episodes must follow on from each other; when it began and ended. */
static gboolean
read_period (Build *b, GError **error)
{
  CpSsdReader *self = b->self;
  Table *p = &self->tables[T_PERSON];
  Table *e = &self->tables[T_EPISODES];
  Row *person = b->person;
  GArray *rows = rows_for (e, b->id);
  GArray *eps = b->eps;
  guint32 dob = b->dob, death = b->death, lac, ceased = 0;
  const char *cla;
  Episode *last;

  g_assert (rows != NULL);   /* only children with episodes are read */
  for (guint i = 0; i < rows->len; i++)
    {
      Episode ep;

      if (!read_episode (e, e->rows->pdata[g_array_index (rows, guint, i)], &ep, error))
        return FALSE;
      g_array_append_val (eps, ep);
    }
  g_array_sort (eps, compare_episodes);
  cla = g_array_index (eps, Episode, eps->len - 1).cla;
  for (guint i = eps->len; i-- > 0;)
    if (strcmp (g_array_index (eps, Episode, i).cla, cla) != 0)
      g_array_remove_index (eps, i);
  for (guint i = 1; i < eps->len; i++)
    {
      Episode *prev = &g_array_index (eps, Episode, i - 1), *ep = prev + 1;

      if (prev->ceased_reason != CEASE_CONTINUES)
        {
          row_fail (error, CP_ERROR_INCONSISTENT, e, ep->row, E_CLA,
                    "the period of care ended on line %u (%s), but this episode is in the same period",
                    prev->row->line, field (e, prev->row, E_CEASED_REASON));
          return FALSE;
        }
      if (prev->ceased != ep->start)
        {
          row_fail (error, CP_ERROR_INCONSISTENT, e, ep->row, E_START,
                    "“%s” does not follow on from the previous episode, line %u (ceased “%s”)",
                    field (e, ep->row, E_START), prev->row->line, field (e, prev->row, E_CEASED));
          return FALSE;
        }
    }
  last = &g_array_index (eps, Episode, eps->len - 1);
  if (last->ceased_reason == CEASE_CONTINUES)
    {
      row_fail (error, CP_ERROR_INCONSISTENT, e, last->row, E_CEASED_REASON,
                "X1 says another episode follows, but none does");
      return FALSE;
    }
  lac = g_array_index (eps, Episode, 0).start;
  if (g_array_index (eps, Episode, 0).entered != 0)
    lac = g_array_index (eps, Episode, 0).entered;
  for (guint i = 1; i < eps->len; i++)
    {
      Episode *ep = &g_array_index (eps, Episode, i);

      if (ep->entered != 0 && ep->entered != lac)
        {
          row_fail (error, CP_ERROR_INCONSISTENT, e, ep->row, E_ENTERED,
                    "“%s” differs from the period's first episode, line %u",
                    field (e, ep->row, E_ENTERED), g_array_index (eps, Episode, 0).row->line);
          return FALSE;
        }
    }
  if (lac < dob)
    {
      row_fail (error, CP_ERROR_INCONSISTENT, e, g_array_index (eps, Episode, 0).row, E_START,
                "the child became looked after before the date of birth in %s line %u", p->name, person->line);
      return FALSE;
    }
  if (last->ceased_reason > 0)
    ceased = last->ceased;
  if (death != 0)
    {
      if (death < lac)
        {
          row_fail (error, CP_ERROR_INCONSISTENT, p, person, P_DEATH,
                    "before the child became looked after (%s line %u)", e->name,
                    g_array_index (eps, Episode, 0).row->line);
          return FALSE;
        }
      if (ceased == 0 || death < ceased)
        ceased = death;
    }

  b->cla = cla;
  b->lac = lac;
  b->ceased = ceased;
  return TRUE;
}

static gboolean
read_placements (Build *b, GError **error)
{
  CpSsdReader *self = b->self;
  Table *e = &self->tables[T_EPISODES];
  Table *pl = &self->tables[T_PLACEMENT];
  const char *id = b->id, *cla = b->cla;
  GArray *eps = b->eps;
  guint32 ceased = b->ceased;
  CpCase *kase = b->kase;
  g_autoptr(GArray) items = g_array_new (FALSE, FALSE, sizeof (Dated));
  g_autoptr(GHashTable) seen = g_hash_table_new (NULL, NULL);
  GArray *list;
  GDate d;

  /* Placements of the period: by clap_cla_id, and those its episodes name. */
  list = rows_for (pl, cla);
  for (guint i = 0; list && i < list->len; i++)
    g_hash_table_add (seen, GUINT_TO_POINTER (g_array_index (list, guint, i)));
  for (guint i = 0; i < eps->len; i++)
    {
      Episode *ep = &g_array_index (eps, Episode, i);
      const char *pid = field (e, ep->row, E_PLACEMENT);
      guint at;

      if (*pid == '\0')
        continue;
      at = GPOINTER_TO_UINT (g_hash_table_lookup (self->placements_by_id, pid));
      if (at == 0)
        {
          row_fail (error, CP_ERROR_INCONSISTENT, e, ep->row, E_PLACEMENT,
                    "no row in %s has this placement id", pl->name);
          return FALSE;
        }
      g_hash_table_add (seen, GUINT_TO_POINTER (at - 1));
    }
  {
    GHashTableIter iter;
    gpointer key;

    g_hash_table_iter_init (&iter, seen);
    while (g_hash_table_iter_next (&iter, &key, NULL))
      {
        Row *row = pl->rows->pdata[GPOINTER_TO_UINT (key)];
        Dated item = { row, 0, 0, 0 };
        const char *owner = field (pl, row, PL_PERSON);
        const char *distance = field (pl, row, PL_DISTANCE);
        int provider, unused;

        if (*owner && strcmp (owner, id) != 0)
          {
            row_fail (error, CP_ERROR_INCONSISTENT, pl, row, PL_PERSON,
                      "another child's placement, in this child's period of care");
            return FALSE;
          }
        if (!parse_date (pl, row, PL_START, FALSE, &item.start, error) ||
            !parse_date (pl, row, PL_END, TRUE, &item.end, error) ||
            !lookup_code (&placement_type_codes, pl, row, PL_TYPE, &item.value, error) ||
            !lookup_code (&provider_codes, pl, row, PL_PROVIDER, &provider, error) ||
            !lookup_code (&change_reason_codes, pl, row, PL_REASON, &unused, error))
          return FALSE;
        if (*distance)
          {
            char *end;
            double miles = g_ascii_strtod (distance, &end);

            if (*end != '\0' || !(miles >= 0))
              {
                row_fail (error, CP_ERROR_INVALID_VALUE, pl, row, PL_DISTANCE,
                          "“%s” is not a distance in miles", distance);
                return FALSE;
              }
          }
        /* Foster care with the authority's own carers (PR1). */
        if (item.value == CP_PLACEMENT_TYPE_FOSTER_AGENCY && provider == 1)
          item.value = CP_PLACEMENT_TYPE_FOSTER_OWN_AUTHORITY;
        if (item.end != 0 && item.end < item.start)
          {
            row_fail (error, CP_ERROR_INCONSISTENT, pl, row, PL_END,
                      "the placement ends before it starts (clap_cla_placement_start_date %s)",
                      field (pl, row, PL_START));
            return FALSE;
          }
        g_array_append_val (items, item);
      }
  }
  g_array_sort (items, compare_dated);
  for (guint i = 0; i < items->len; i++)
    {
      Dated *item = &g_array_index (items, Dated, i);
      const char *type = field (pl, item->row, PL_TYPE);
      const char *reason = field (pl, item->row, PL_REASON);
      g_autoptr(CpPlacement) placement = NULL;
      guint32 end = item->end;

      if (end == 0 && ceased != 0 && i + 1 == items->len)
        end = ceased;
      set_julian (&d, item->start);
      placement = cp_placement_new (item->value, &d);
      if (end != 0)
        {
          set_julian (&d, end);
          cp_placement_set_end (placement, &d);
        }
      if (*reason)
        cp_placement_set_change_reason (placement, reason);
      cp_placement_set_long_term (placement, strcmp (type, "U1") == 0 || strcmp (type, "U4") == 0);
      cp_case_import_placement (kase, placement);
    }

  return TRUE;
}

static gboolean
read_legal_statuses (Build *b, GError **error)
{
  CpSsdReader *self = b->self;
  const char *id = b->id;
  guint32 lac = b->lac, ceased = b->ceased;
  CpChild *child = b->child;
  g_autoptr(GArray) items = g_array_new (FALSE, FALSE, sizeof (Dated));
  GArray *list;
  GDate d;

  /* Legal statuses of the period. */
  g_array_set_size (items, 0);
  list = rows_for (&self->tables[T_LEGAL], id);
  for (guint i = 0; list && i < list->len; i++)
    {
      Table *t = &self->tables[T_LEGAL];
      Row *row = t->rows->pdata[g_array_index (list, guint, i)];
      Dated item = { row, 0, 0, 0 };

      if (!parse_date (t, row, L_START, FALSE, &item.start, error) ||
          !parse_date (t, row, L_END, TRUE, &item.end, error) ||
          !lookup_code (&legal_status_codes, t, row, L_STATUS, &item.value, error))
        return FALSE;
      if (item.end != 0 && item.end < item.start)
        {
          row_fail (error, CP_ERROR_INCONSISTENT, t, row, L_END,
                    "the legal status ends before it starts (lega_legal_status_start_date %s)",
                    field (t, row, L_START));
          return FALSE;
        }
      if ((item.end != 0 && item.end <= lac) || (ceased != 0 && item.start > ceased))
        continue;   /* another period of care */
      g_array_append_val (items, item);
    }
  g_array_sort (items, compare_dated);
  for (guint i = 0; i < items->len; i++)
    {
      Dated *item = &g_array_index (items, Dated, i);
      g_autoptr(CpLegalStatus) status = NULL;
      guint32 end = item->end;

      if (end == 0 && ceased != 0 && i + 1 == items->len)
        end = ceased;
      set_julian (&d, item->start);
      status = cp_legal_status_new (item->value, &d);
      if (end != 0)
        {
          set_julian (&d, end);
          cp_legal_status_set_end (status, &d);
        }
      cp_child_add_legal_status (child, status);
    }

  return TRUE;
}

static gboolean
read_reviews (Build *b, GError **error)
{
  CpSsdReader *self = b->self;
  Table *e = &self->tables[T_EPISODES];
  const char *cla = b->cla;
  guint32 ceased = b->ceased, next_due = 0;
  Episode *last = &g_array_index (b->eps, Episode, b->eps->len - 1);
  CpCase *kase = b->kase;
  GArray *due_dates = b->due_dates;
  g_autoptr(GArray) items = g_array_new (FALSE, FALSE, sizeof (Dated));
  GArray *list;
  GDate d;

  /* Reviews held in the period, numbered in date order; the authority's
   * due dates of those and of the next one still to hold are kept. */
  g_array_set_size (items, 0);
  list = rows_for (&self->tables[T_REVIEWS], cla);
  for (guint i = 0; list && i < list->len; i++)
    {
      Table *t = &self->tables[T_REVIEWS];
      Row *row = t->rows->pdata[g_array_index (list, guint, i)];
      Dated item = { row, 0, 0, 0 };
      int cancelled;

      if (!parse_date (t, row, R_DUE, TRUE, &item.end, error) ||
          !parse_date (t, row, R_DATE, TRUE, &item.start, error) ||
          !read_flag (t, row, R_CANCELLED, &cancelled, error) ||
          !lookup_code (&participation_codes, t, row, R_PARTICIPATION, &item.value, error))
        return FALSE;
      if (cancelled != 1 && item.start == 0 && item.end != 0 && (next_due == 0 || item.end < next_due))
        next_due = item.end;
      if (cancelled == 1 || item.start == 0)
        continue;   /* not held */
      if (ceased != 0 && item.start > ceased)
        {
          row_fail (error, CP_ERROR_INCONSISTENT, t, row, R_DATE,
                    "after the child ceased to be looked after (%s line %u)", e->name, last->row->line);
          return FALSE;
        }
      g_array_append_val (items, item);
    }
  g_array_sort (items, compare_dated);
  g_array_set_size (due_dates, items->len + (next_due != 0));
  for (guint i = 0; i < items->len; i++)
    if (g_array_index (items, Dated, i).end != 0)
      set_julian (&g_array_index (due_dates, GDate, i), g_array_index (items, Dated, i).end);
  if (next_due != 0)
    set_julian (&g_array_index (due_dates, GDate, items->len), next_due);
  for (guint i = 0; i < items->len; i++)
    {
      Dated *item = &g_array_index (items, Dated, i);
      g_autoptr(CpReview) review = cp_review_new ((int) i + 1);

      set_julian (&d, item->start);
      cp_review_set_scheduled (review, &d);
      cp_review_set_held (review, &d);
      cp_review_set_child_participation (review, item->value < 0 ? CP_CHILD_PARTICIPATION_NOT_RECORDED
                                                                 : (CpChildParticipation) item->value);
      cp_case_import_review (kase, review);
    }

  return TRUE;
}

static gboolean
read_plans (Build *b, GError **error)
{
  CpSsdReader *self = b->self;
  const char *id = b->id;
  guint32 lac = b->lac, ceased = b->ceased;
  CpCase *kase = b->kase;
  GArray *list;
  GDate d;

  /* The care plan and the chosen permanence plan. */
  list = rows_for (&self->tables[T_CARE_PLAN], id);
  {
    Table *t = &self->tables[T_CARE_PLAN];
    guint32 created = 0, agreed = 0;
    int pathway = -1, contingency = -1;

    for (guint i = 0; list && i < list->len; i++)
      {
        Row *row = t->rows->pdata[g_array_index (list, guint, i)];
        guint32 start, end;
        int chosen, other;
        gboolean any;

        if (!parse_date (t, row, C_START, FALSE, &start, error) ||
            !parse_date (t, row, C_END, TRUE, &end, error) ||
            !read_plan_json (t, row, &chosen, &other, &any, error))
          return FALSE;
        if (end != 0 && end < start)
          {
            row_fail (error, CP_ERROR_INCONSISTENT, t, row, C_END,
                      "the plan ends before it starts (lacp_cla_care_plan_start_date %s)", field (t, row, C_START));
            return FALSE;
          }
        if ((end != 0 && end <= lac) || (ceased != 0 && start > ceased))
          continue;   /* another period of care */
        if (created == 0 || start < created)
          created = start;
        if (chosen >= 0 && start >= agreed)
          {
            agreed = start;
            pathway = chosen;
            contingency = other;
          }
      }
    if (created != 0)
      {
        g_autoptr(CpCarePlan) plan = NULL;
        g_autoptr(CpPermanencePlan) permanence = NULL;

        set_julian (&d, created);
        plan = cp_care_plan_new (&d);
        if (pathway >= 0)
          {
            permanence = cp_permanence_plan_new (pathway);
            set_julian (&d, agreed);
            cp_permanence_plan_set_agreed_on (permanence, &d);
            if (contingency >= 0)
              cp_permanence_plan_set_contingency_pathway (permanence, contingency);
          }
        cp_case_import_plans (kase, plan, permanence);
      }
  }

  return TRUE;
}

static gboolean
read_casework (Build *b, GError **error)
{
  CpSsdReader *self = b->self;
  const char *id = b->id, *cla = b->cla;
  guint32 lac = b->lac, ceased = b->ceased;
  CpCase *kase = b->kase;
  GArray *list;

  /* Casework: visits where the child was seen, completed health checks,
   * the latest pathway plan review, missing episodes. */
  list = rows_for (&self->tables[T_VISITS], id);
  for (guint i = 0; list && i < list->len; i++)
    {
      Table *t = &self->tables[T_VISITS];
      Row *row = t->rows->pdata[g_array_index (list, guint, i)];
      const char *visit_cla = field (t, row, V_CLA);
      guint32 day;
      int was_seen, alone;

      if (!parse_date (t, row, V_DATE, FALSE, &day, error) ||
          !read_flag (t, row, V_SEEN, &was_seen, error) ||
          !read_flag (t, row, V_SEEN_ALONE, &alone, error))
        return FALSE;
      if (*visit_cla ? strcmp (visit_cla, cla) != 0 : day < lac)
        continue;   /* another period of care */
      if (was_seen == 1)
        add_activity (kase, CP_DUTY_VISIT, day);
    }
  list = rows_for (&self->tables[T_HEALTH], id);
  for (guint i = 0; list && i < list->len; i++)
    {
      Table *t = &self->tables[T_HEALTH];
      Row *row = t->rows->pdata[g_array_index (list, guint, i)];
      guint32 day;
      int type, status;

      if (!parse_date (t, row, H_DATE, FALSE, &day, error) ||
          !lookup_code (&health_check_codes, t, row, H_TYPE, &type, error) ||
          !lookup_code (&health_status_codes, t, row, H_STATUS, &status, error))
        return FALSE;
      if (day < lac || status != STATUS_COMPLETED)
        continue;
      if (type == CHECK_HEALTH)
        add_activity (kase, CP_DUTY_HEALTH_ASSESSMENT, day);
      else if (type == CHECK_DENTAL)
        add_activity (kase, CP_DUTY_DENTAL_CHECK, day);
    }
  list = rows_for (&self->tables[T_CARE_LEAVERS], id);
  for (guint i = 0; list && i < list->len; i++)
    {
      Table *t = &self->tables[T_CARE_LEAVERS];
      Row *row = t->rows->pdata[g_array_index (list, guint, i)];
      guint32 contact, review;
      int unused;

      if (!lookup_code (&eligibility_codes, t, row, CL_ELIGIBILITY, &unused, error) ||
          !lookup_code (&in_touch_codes, t, row, CL_IN_TOUCH, &unused, error) ||
          !parse_date (t, row, CL_CONTACT, TRUE, &contact, error) ||
          !parse_date (t, row, CL_PATHWAY, TRUE, &review, error))
        return FALSE;
      if (review != 0 && review >= lac)
        add_activity (kase, CP_DUTY_PATHWAY_PLAN_REVIEW, review);
    }
  list = rows_for (&self->tables[T_MISSING], id);
  for (guint i = 0; list && i < list->len; i++)
    {
      Table *t = &self->tables[T_MISSING];
      Row *row = t->rows->pdata[g_array_index (list, guint, i)];
      guint32 start, end;
      int unused;

      if (!parse_date (t, row, MI_START, FALSE, &start, error) ||
          !parse_date (t, row, MI_END, TRUE, &end, error) ||
          !lookup_code (&missing_type_codes, t, row, MI_TYPE, &unused, error) ||
          !lookup_code (&rhi_codes, t, row, MI_RHI_OFFERED, &unused, error) ||
          !lookup_code (&rhi_codes, t, row, MI_RHI_ACCEPTED, &unused, error))
        return FALSE;
      if (end != 0 && end < start)
        {
          row_fail (error, CP_ERROR_INCONSISTENT, t, row, MI_END,
                    "the episode ends before it starts (miss_missing_episode_start_date %s)",
                    field (t, row, MI_START));
          return FALSE;
        }
      if (start >= lac && (ceased == 0 || start <= ceased))
        add_event (kase, CP_EVENT_KIND_MISSING, start);
      /* The end is the day the child was found or came back (or, for a
       * child who stopped being looked after while missing, that day: read
       * as a return too, the reading that drops no duty). The return
       * interview's flags say whether one was offered and accepted, not
       * when, so they give no activity (docs/ssd.md). */
      if (end != 0 && start >= lac && (ceased == 0 || end <= ceased))
        add_event (kase, CP_EVENT_KIND_RETURNED_FROM_MISSING, end);
    }
  /* Adoption and permanence orders: checked, not mapped (docs/ssd.md). */
  list = rows_for (&self->tables[T_PERMANENCE], id);
  for (guint i = 0; list && i < list->len; i++)
    {
      Table *t = &self->tables[T_PERMANENCE];
      Row *row = t->rows->pdata[g_array_index (list, guint, i)];
      guint32 day;
      int unused;

      for (int col = M_ADM; col <= M_ORDER; col++)
        if (!parse_date (t, row, col, TRUE, &day, error))
          return FALSE;
      if (!lookup_code (&order_type_codes, t, row, M_ORDER_TYPE, &unused, error))
        return FALSE;
    }

  return TRUE;
}

static CpCase *
build_case (CpSsdReader *self,
            Row         *person,
            GError     **error)
{
  Table *p = &self->tables[T_PERSON];
  g_autoptr(GArray) eps = g_array_new (FALSE, FALSE, sizeof (Episode));
  g_autoptr(GArray) due_dates = g_array_new (FALSE, TRUE, sizeof (GDate));
  g_autoptr(CpChild) child = NULL;
  g_autoptr(CpCase) kase = NULL;
  g_autoptr(GError) local_error = NULL;
  Build b = { self, person, field (p, person, P_ID), NULL, eps, 0, 0, 0, 0, NULL, NULL, due_dates };
  guint32 dob, lac, ceased;
  const char *id = b.id;
  Episode *last;
  GDate d, d2;

  if (!parse_date (p, person, P_DOB, FALSE, &b.dob, error) ||
      !parse_date (p, person, P_DEATH, TRUE, &b.death, error) ||
      !read_period (&b, error))
    return NULL;
  dob = b.dob;
  lac = b.lac;
  ceased = b.ceased;
  last = &g_array_index (eps, Episode, eps->len - 1);

  set_julian (&d, dob);
  set_julian (&d2, lac);
  child = cp_child_new (id, &d, &d2);
  kase = cp_case_new (child);
  if (ceased != 0)
    {
      set_julian (&d, ceased);
      cp_child_cease (child, &d);
      if (ceased == last->ceased && last->ceased_reason == CEASE_HOME)
        add_event (kase, CP_EVENT_KIND_RETURNED_HOME, ceased);
      if (ceased == last->ceased && last->ceased_reason == CEASE_HOME_UNPLANNED)
        {
          add_event (kase, CP_EVENT_KIND_RETURNED_HOME, ceased);
          add_event (kase, CP_EVENT_KIND_CEASED_UNPLANNED, ceased);
        }
    }

  b.child = child;
  b.kase = kase;
  if (!read_placements (&b, error) ||
      !read_legal_statuses (&b, error) ||
      !read_reviews (&b, error) ||
      !read_plans (&b, error) ||
      !read_casework (&b, error))
    return NULL;

  if (!cp_case_validate (kase, &local_error))
    {
      cp_fail (error, local_error->code, "%s:%u: the child's rows contradict each other: %s",
               p->name, person->line, local_error->message);
      return NULL;
    }
  g_array_unref (self->due_dates);
  self->due_dates = g_steal_pointer (&due_dates);
  return g_steal_pointer (&kase);
}

/**
 * cp_ssd_reader_next:
 * @self: a #CpSsdReader
 * @error: return location for a #GError
 *
 * Reads the next looked-after child. At the end it returns %NULL without
 * an error; a child whose rows are wrong gives %NULL with an error that
 * names the table, row and column, and the next call carries on with the
 * next child. Episodes of a person missing from `ssd_person.csv` are
 * reported the same way after the last child.
 *
 * Returns: (transfer full) (nullable): the next case, or %NULL
 */
CpCase *
cp_ssd_reader_next (CpSsdReader  *self,
                    GError      **error)
{
  Table *p;

  g_return_val_if_fail (CP_IS_SSD_READER (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  p = &self->tables[T_PERSON];
  g_array_set_size (self->due_dates, 0);
  if (self->next_child < self->children->len)
    {
      guint at = g_array_index (self->children, guint, self->next_child++);
      Row *row = p->rows->pdata[at];
      guint first = GPOINTER_TO_UINT (g_hash_table_lookup (self->persons, field (p, row, P_ID)));

      g_free (self->location);
      self->location = g_strdup_printf ("%s:%u", p->name, row->line);
      if (first != at + 1)
        {
          Row *other = p->rows->pdata[first - 1];
          row_fail (error, CP_ERROR_INCONSISTENT, p, row, P_ID,
                    "the child appears twice (also line %u)", other->line);
          return NULL;
        }
      return build_case (self, row, error);
    }
  if (self->next_orphan < self->orphans->len)
    {
      Table *e = &self->tables[T_EPISODES];
      GArray *rows = self->orphans->pdata[self->next_orphan++];
      Row *row = e->rows->pdata[g_array_index (rows, guint, 0)];

      g_free (self->location);
      self->location = g_strdup_printf ("%s:%u", e->name, row->line);
      row_fail (error, CP_ERROR_INCONSISTENT, e, row, E_PERSON,
                "no row in %s for this child (%u rows in %s)", p->name, rows->len, e->name);
      return NULL;
    }
  return NULL;
}

/**
 * cp_ssd_reader_get_review_due_date:
 * @self: a #CpSsdReader
 * @sequence: a review's number in the case, from 1
 *
 * The date `ssd_cla_reviews` gives as due (`clar_cla_review_due_date`) for
 * review @sequence of the child last returned by [method@SsdReader.next]:
 * a review held (numbered as in the case), or, for the number after the
 * last one held, the earliest due date of the reviews not yet held and not
 * cancelled. This is the authority's own reckoning, not read into the case:
 * `careplan check --compare-due-dates` sets it beside the library's.
 *
 * Returns: (transfer none) (nullable): the due date, or %NULL where the
 *   extract gives none
 */
const GDate *
cp_ssd_reader_get_review_due_date (CpSsdReader *self,
                                   int          sequence)
{
  const GDate *d;

  g_return_val_if_fail (CP_IS_SSD_READER (self), NULL);
  g_return_val_if_fail (sequence >= 1, NULL);

  if ((guint) sequence > self->due_dates->len)
    return NULL;
  d = &g_array_index (self->due_dates, GDate, sequence - 1);
  return g_date_valid (d) ? d : NULL;
}

/**
 * cp_ssd_reader_get_location:
 * @self: a #CpSsdReader
 *
 * Where the child last returned by [method@SsdReader.next] is: its row of
 * `ssd_person.csv` (`ssd_person.csv:12`), or the first episode of a child
 * without one.
 *
 * Returns: (transfer none) (nullable): the location, or %NULL before the
 *   first call
 */
const char *
cp_ssd_reader_get_location (CpSsdReader *self)
{
  g_return_val_if_fail (CP_IS_SSD_READER (self), NULL);
  return self->location;
}

/**
 * cp_ssd_reader_get_n_children:
 * @self: a #CpSsdReader
 *
 * How many rows of `ssd_person.csv` have a care episode: the children
 * [method@SsdReader.next] will give (or report).
 *
 * Returns: how many looked-after children the extract lists
 */
guint
cp_ssd_reader_get_n_children (CpSsdReader *self)
{
  g_return_val_if_fail (CP_IS_SSD_READER (self), 0);
  return self->children->len;
}
