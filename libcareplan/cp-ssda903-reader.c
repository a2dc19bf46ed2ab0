/* cp-ssda903-reader.c: cases from the DfE SSDA903 return's CSV tables
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "cp-case-private.h"
#include "cp-csv-table-private.h"
#include "cp-date-private.h"
#include "cp-error-private.h"
#include "cp-ssda903-reader-private.h"

/**
 * CpSsda903Reader:
 *
 * Reads the "children looked after" return (SSDA903) that every English
 * local authority sends the DfE, as its CSV tables in one directory:
 * `header.csv` (CHILD, DOB, ...), `episodes.csv` (CHILD, DECOM, RNE, LS,
 * PLACE, PLACE_PROVIDER, DEC, REC, REASON_PLACE_CHANGE, ...) and, if
 * present, `reviews.csv` (CHILD, REVIEW, REVIEW_CODE, ...). File names are
 * matched without regard to case; other columns and tables are ignored.
 * Dates may be `dd/mm/yyyy` (the DfE layout) or `yyyy-mm-dd`.
 *
 * [method@Ssda903Reader.next] gives one [class@Case] per child of the
 * Header table, in its order, for the child's latest period of care, with
 * the earlier ones as the child's [property@Child:earlier-periods]. A
 * child whose rows are wrong (an unknown code, a date that does not exist,
 * episodes that contradict each other) is not dropped: `next()` returns
 * %NULL with an error naming the file, line, column and field, and the next
 * call goes on with the next child. Rows for a child missing from the
 * Header table are reported the same way after the last child. The error
 * never contains the child's identifier.
 *
 * The mapping of the code lists to the case model is documented in
 * `docs/ssda903.md`.
 */

typedef CpCsvRow Row;

typedef enum {
  TABLE_HEADER,
  TABLE_EPISODES,
  TABLE_REVIEWS,
  N_TABLES
} TableId;

typedef struct {
  const char *name;
  char *path;
  GStringChunk *strings;
  GPtrArray *rows;   /* Row, owned */
  int *cols;         /* index of each wanted column, or -1 */
  GHashTable *ids;   /* the reader's children: every CHILD value of the return */
} Table;

/* One return of the directory: the whole of it, or, in an extract of
 * several stacked with LA and YEAR columns, one authority's year. */
typedef struct {
  const char *la, *year;   /* in a table's string chunk; NULL when not stacked */
  guint32 latest;          /* the latest DECOM or DEC of its episodes; 0 for none */
} Return;

typedef struct {
  GArray *episodes;  /* guint row indexes */
  GArray *reviews;
  guint header_row;  /* + 1; 0 when the child has no Header row */
  Table *bad_table;  /* the child's first row that cannot be read, if any */
  Row *bad_row;
  Return *ret;       /* the return of its Header row (or first row) */
} ChildRows;

/* A row that cannot be read and cannot be given to a child. */
typedef struct {
  Table *table;
  Row *row;
} BadRow;

struct _CpSsda903Reader
{
  GObject parent_instance;

  Table tables[N_TABLES];
  GHashTable *children;   /* key (see child_key()) -> ChildRows */
  GHashTable *ids;        /* every CHILD value, for messages to leave out */
  GPtrArray *returns;     /* Return, owned, in order of first row */
  gboolean stacked;       /* LA and YEAR columns: one return per authority and year */
  gboolean lenient;
  guint n_lenient;
  Return *current;        /* the return of the child last read */
  GPtrArray *orphans;     /* ChildRows without a Header row, in order of first row */
  GArray *bad_rows;       /* BadRow: rows whose CHILD cannot be read */
  guint next_bad_row;
  guint next_child;
  guint next_orphan;
  char *location;
};

G_DEFINE_FINAL_TYPE (CpSsda903Reader, cp_ssda903_reader, G_TYPE_OBJECT)

/* Columns the reader uses, per table. */
enum { H_CHILD, H_DOB, H_LA, H_YEAR, N_H };
enum { E_CHILD, E_DECOM, E_RNE, E_LS, E_PLACE, E_PROVIDER, E_DEC, E_REC, E_REASON, E_LA, E_YEAR, N_E };
enum { R_CHILD, R_DOB, R_REVIEW, R_CODE, R_LA, R_YEAR, N_R };
/* LA and YEAR of each table, by table. */
static const int la_col[] = { H_LA, E_LA, R_LA };
static const int year_col[] = { H_YEAR, E_YEAR, R_YEAR };

/* A name starting with '?' is optional (reviews' DOB is only
 * cross-checked; LA and YEAR split stacked extracts). */
static const char * const header_cols[] = { "CHILD", "DOB", "?LA", "?YEAR", NULL };
static const char * const episode_cols[] = { "CHILD", "DECOM", "RNE", "LS", "PLACE", "PLACE_PROVIDER",
                                             "DEC", "REC", "REASON_PLACE_CHANGE", "?LA", "?YEAR", NULL };
static const char * const review_cols[] = { "CHILD", "?DOB", "REVIEW", "REVIEW_CODE", "?LA", "?YEAR", NULL };

enum { PROP_0, PROP_LENIENT, N_PROPS };
static GParamSpec *properties[N_PROPS];

static void
child_rows_free (gpointer data)
{
  ChildRows *c = data;
  g_array_unref (c->episodes);
  g_array_unref (c->reviews);
  g_free (c);
}

static void
cp_ssda903_reader_finalize (GObject *object)
{
  CpSsda903Reader *self = CP_SSDA903_READER (object);

  for (guint t = 0; t < N_TABLES; t++)
    {
      g_free (self->tables[t].path);
      g_clear_pointer (&self->tables[t].rows, g_ptr_array_unref);
      if (self->tables[t].strings)
        g_string_chunk_free (self->tables[t].strings);
      g_free (self->tables[t].cols);
    }
  g_clear_pointer (&self->children, g_hash_table_unref);
  g_clear_pointer (&self->ids, g_hash_table_unref);
  g_clear_pointer (&self->returns, g_ptr_array_unref);
  g_clear_pointer (&self->orphans, g_ptr_array_unref);
  g_clear_pointer (&self->bad_rows, g_array_unref);
  g_free (self->location);

  G_OBJECT_CLASS (cp_ssda903_reader_parent_class)->finalize (object);
}

static void
cp_ssda903_reader_get_property (GObject    *object,
                                guint       prop_id,
                                GValue     *value,
                                GParamSpec *pspec)
{
  CpSsda903Reader *self = CP_SSDA903_READER (object);

  switch (prop_id)
    {
    case PROP_LENIENT:
      g_value_set_boolean (value, self->lenient);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cp_ssda903_reader_set_property (GObject      *object,
                                guint         prop_id,
                                const GValue *value,
                                GParamSpec   *pspec)
{
  CpSsda903Reader *self = CP_SSDA903_READER (object);

  switch (prop_id)
    {
    case PROP_LENIENT:
      cp_ssda903_reader_set_lenient (self, g_value_get_boolean (value));
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cp_ssda903_reader_class_init (CpSsda903ReaderClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = cp_ssda903_reader_finalize;
  object_class->get_property = cp_ssda903_reader_get_property;
  object_class->set_property = cp_ssda903_reader_set_property;

  /**
   * CpSsda903Reader:lenient:
   *
   * Whether a child whose last episode is open with `REC` X1 and no `DEC`
   * is read, as still looked after, instead of being reported as an
   * error. Such children are counted by
   * [method@Ssda903Reader.get_n_lenient].
   */
  properties[PROP_LENIENT] =
    g_param_spec_boolean ("lenient", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);
  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
cp_ssda903_reader_init (CpSsda903Reader *self)
{
  self->tables[TABLE_HEADER].name = "header.csv";
  self->tables[TABLE_EPISODES].name = "episodes.csv";
  self->tables[TABLE_REVIEWS].name = "reviews.csv";
}

/* CSV ---------------------------------------------------------------------- */

/* Reads a table from its text. */
static gboolean
read_table (Table              *table,
            const char         *text,
            gsize               len,
            const char * const *wanted,
            GError            **error)
{
  return cp_csv_parse (table->name, text, len, &table->strings, &table->rows, error) &&
         cp_csv_find_columns (table->name, table->rows, wanted, &table->cols, error);
}

static gboolean
load_table (Table              *table,
            const char         *dir,
            const char * const *wanted,
            gboolean            required,
            GError            **error)
{
  g_autofree char *text = NULL;
  gsize len;

  if (!cp_csv_load (dir, table->name, required, &table->path, &text, &len, error))
    return FALSE;
  if (text == NULL)
    return TRUE;
  return read_table (table, text, len, wanted, error);
}

static const char *
field (Table *table, Row *row, int col)
{
  return cp_csv_field (table->cols, row, col);
}

/* "episodes.csv:57:4: LS: ..." */
static G_GNUC_PRINTF (7, 8) gboolean
row_fail (GError    **error,
          int         code,
          Table      *table,
          Row        *row,
          int         col,
          const char *column,
          const char *format,
          ...)
{
  va_list args;
  gboolean ret;

  va_start (args, format);
  ret = cp_csv_row_failv (error, code, table->name, row, table->cols[col], column, format, args);
  va_end (args);
  return ret;
}

/* @row's value in @col quoted for a message: escaped, and not shown at all
 * if it is a child's identifier (a row whose values have shifted by a
 * column, or a header whose columns are in another order than the data's,
 * puts the CHILD value under another column). */
static char *
shown_value (Table *table, Row *row, int col)
{
  const char *v = field (table, row, col);
  const char *own = field (table, row, 0);   /* CHILD is column 0 of every table */

  if ((table->ids != NULL && g_hash_table_contains (table->ids, v)) || (*own && strstr (v, own) != NULL))
    return NULL;
  return cp_escape_value (v);
}

#define NOT_SHOWN "the value (not shown: it is a child’s identifier)"

/* Code lists --------------------------------------------------------------- */

typedef struct {
  const char *code;
  int value;
} Code;

static const Code legal_status_codes[] = {
  { "C1", CP_LEGAL_STATUS_KIND_INTERIM_CARE_ORDER },
  { "C2", CP_LEGAL_STATUS_KIND_CARE_ORDER },
  { "D1", CP_LEGAL_STATUS_KIND_PLACEMENT_ORDER },      /* freeing order */
  { "E1", CP_LEGAL_STATUS_KIND_PLACEMENT_ORDER },
  { "V2", CP_LEGAL_STATUS_KIND_SECTION_20 },
  { "V3", CP_LEGAL_STATUS_KIND_SECTION_20 },           /* short breaks, episodes recorded */
  { "V4", CP_LEGAL_STATUS_KIND_SECTION_20 },           /* short breaks, agreements recorded */
  { "L1", CP_LEGAL_STATUS_KIND_POLICE_PROTECTION },
  { "L2", CP_LEGAL_STATUS_KIND_EMERGENCY_PROTECTION },
  { "L3", CP_LEGAL_STATUS_KIND_CHILD_ASSESSMENT_ORDER },
  { "J1", CP_LEGAL_STATUS_KIND_REMAND },
  { "J2", CP_LEGAL_STATUS_KIND_PACE },
  { "J3", CP_LEGAL_STATUS_KIND_YOUTH_SENTENCE },
  { NULL, 0 }
};

/* PLACE, for placements whose type does not depend on the provider. */
static const Code place_codes[] = {
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
  { NULL, 0 }
};

static const Code provider_codes[] = {
  { "PR0", 0 }, { "PR1", 1 }, { "PR2", 2 }, { "PR3", 3 }, { "PR4", 4 }, { "PR5", 5 }, { "", -1 },
  { NULL, 0 }
};

/* RNE: does the episode start a period, change the placement, the legal
 * status? */
enum { RNE_START = 1, RNE_PLACEMENT = 2, RNE_LEGAL = 4 };
static const Code rne_codes[] = {
  { "S", RNE_START | RNE_PLACEMENT | RNE_LEGAL },
  { "L", RNE_LEGAL },
  { "P", RNE_PLACEMENT },
  { "T", RNE_PLACEMENT | RNE_LEGAL },
  { "U", RNE_PLACEMENT | RNE_LEGAL },   /* legal status and placement, same carer */
  { "B", RNE_PLACEMENT },               /* placement, same carer */
  { NULL, 0 }
};

/* REC: X1 continues the period; every other code ends it. */
static const Code rec_codes[] = {
  { "X1", 0 }, { "E11", 1 }, { "E12", 1 }, { "E2", 1 }, { "E3", 1 }, { "E4A", 1 }, { "E4B", 1 },
  { "E13", 1 }, { "E41", 1 }, { "E45", 1 }, { "E46", 1 }, { "E47", 1 }, { "E48", 1 }, { "E5", 1 },
  { "E6", 1 }, { "E7", 1 }, { "E9", 1 }, { "E14", 1 }, { "E15", 1 }, { "E16", 1 }, { "E17", 1 },
  { "E8", 1 }, { "", -1 },
  { NULL, 0 }
};

static const Code reason_codes[] = {
  { "CARPL", 0 }, { "CLOSE", 0 }, { "ALLEG", 0 }, { "STAND", 0 }, { "APPRR", 0 }, { "CREQB", 0 },
  { "CREQO", 0 }, { "CHILD", 0 }, { "LAREQ", 0 }, { "PLACE", 0 }, { "CUSTOD", 0 }, { "OTHER", 0 },
  { "", 0 },
  { NULL, 0 }
};

static const Code participation_codes[] = {
  { "PN0", CP_CHILD_PARTICIPATION_TOO_YOUNG },
  { "PN1", CP_CHILD_PARTICIPATION_ATTENDED },
  { "PN2", CP_CHILD_PARTICIPATION_ADVOCATE },
  { "PN3", CP_CHILD_PARTICIPATION_ATTENDED },
  { "PN4", CP_CHILD_PARTICIPATION_DID_NOT_PARTICIPATE },
  { "PN5", CP_CHILD_PARTICIPATION_ADVOCATE },
  { "PN6", CP_CHILD_PARTICIPATION_VIEWS_CONVEYED },
  { "PN7", CP_CHILD_PARTICIPATION_DID_NOT_PARTICIPATE },
  { NULL, 0 }
};

static gboolean
lookup_code (const Code *list,
             Table      *table,
             Row        *row,
             int         col,
             const char *column,
             int        *out,
             GError    **error)
{
  const char *value = field (table, row, col);
  g_autoptr(GString) expected = NULL;
  g_autofree char *shown = NULL;

  for (const Code *c = list; c->code; c++)
    if (strcmp (c->code, value) == 0)
      {
        *out = c->value;
        return TRUE;
      }
  expected = g_string_new (NULL);
  for (const Code *c = list; c->code; c++)
    if (*c->code)
      g_string_append_printf (expected, "%s%s", expected->len ? ", " : "", c->code);
  if (*value == '\0')
    return row_fail (error, CP_ERROR_MISSING_FIELD, table, row, col, column,
                     "missing (expected one of: %s)", expected->str);
  shown = shown_value (table, row, col);
  if (shown == NULL)
    return row_fail (error, CP_ERROR_UNKNOWN_CODE, table, row, col, column,
                     NOT_SHOWN " is not a known code (expected one of: %s)", expected->str);
  return row_fail (error, CP_ERROR_UNKNOWN_CODE, table, row, col, column,
                   "“%s” is not a known code (expected one of: %s)", shown, expected->str);
}

/* dd/mm/yyyy or yyyy-mm-dd; 0 for an empty field when @optional. */
static gboolean
parse_date (Table      *table,
            Row        *row,
            int         col,
            const char *column,
            gboolean    optional,
            guint32    *out,
            GError    **error)
{
  const char *v = field (table, row, col);
  g_autofree char *shown = NULL;

  *out = 0;
  if (*v == '\0')
    {
      if (optional)
        return TRUE;
      return row_fail (error, CP_ERROR_MISSING_FIELD, table, row, col, column, "missing");
    }
  if (cp_csv_parse_day (v, strlen (v), out))
    return TRUE;
  shown = shown_value (table, row, col);
  if (shown == NULL)
    return row_fail (error, CP_ERROR_INVALID_DATE, table, row, col, column,
                     NOT_SHOWN " is not a date (dd/mm/yyyy or yyyy-mm-dd)");
  return row_fail (error, CP_ERROR_INVALID_DATE, table, row, col, column,
                   "“%s” is not a date (dd/mm/yyyy or yyyy-mm-dd)", shown);
}

/* Loading ------------------------------------------------------------------ */

/* The return a row of @table belongs to, made on first use. */
static Return *
row_return (CpSsda903Reader *self, Table *table, Row *row)
{
  const char *la = self->stacked ? field (table, row, la_col[table - self->tables]) : NULL;
  const char *year = self->stacked ? field (table, row, year_col[table - self->tables]) : NULL;
  Return *ret;

  for (guint i = self->returns->len; i > 0; i--)
    {
      ret = self->returns->pdata[i - 1];
      if (g_strcmp0 (ret->la, la) == 0 && g_strcmp0 (ret->year, year) == 0)
        return ret;
    }
  ret = g_new0 (Return, 1);
  ret->la = la;
  ret->year = year;
  g_ptr_array_add (self->returns, ret);
  return ret;
}

/* The key of @row's child: its CHILD, or in a stacked extract LA, YEAR
 * and CHILD, so that each authority's year is a return of its own. The
 * key lives as long as @table. */
static const char *
child_key (CpSsda903Reader *self, Table *table, Row *row, GString *scratch)
{
  int t = (int) (table - self->tables);

  if (!self->stacked)
    return field (table, row, 0);
  g_string_assign (scratch, field (table, row, la_col[t]));
  g_string_append_c (scratch, '\x1f');
  g_string_append (scratch, field (table, row, year_col[t]));
  g_string_append_c (scratch, '\x1f');
  g_string_append (scratch, field (table, row, 0));
  return g_string_chunk_insert_const (table->strings, scratch->str);
}

static ChildRows *
child_rows (CpSsda903Reader *self, Table *table, Row *row, GString *scratch)
{
  const char *key = child_key (self, table, row, scratch);
  ChildRows *c = g_hash_table_lookup (self->children, key);

  g_hash_table_add (self->ids, (char *) field (table, row, 0));
  if (c == NULL)
    {
      c = g_new0 (ChildRows, 1);
      c->episodes = g_array_new (FALSE, FALSE, sizeof (guint));
      c->reviews = g_array_new (FALSE, FALSE, sizeof (guint));
      c->ret = row_return (self, table, row);
      g_hash_table_insert (self->children, (char *) key, c);
    }
  return c;
}

/* Whether the tables split into one return per LA and YEAR: when the
 * Header and Episodes tables both have the two columns, and then so must
 * the Reviews table, if any. */
static gboolean
find_stacked (CpSsda903Reader *self, GError **error)
{
  Table *r = &self->tables[TABLE_REVIEWS];

  self->stacked = self->tables[TABLE_HEADER].cols[H_LA] >= 0 && self->tables[TABLE_HEADER].cols[H_YEAR] >= 0 &&
                  self->tables[TABLE_EPISODES].cols[E_LA] >= 0 && self->tables[TABLE_EPISODES].cols[E_YEAR] >= 0;
  if (self->stacked && r->rows != NULL && (r->cols[R_LA] < 0 || r->cols[R_YEAR] < 0))
    return cp_fail (error, CP_ERROR_MISSING_FIELD,
                    "reviews.csv:1: no %s column (header.csv and episodes.csv have LA and YEAR: a stacked "
                    "extract needs them in every table)", r->cols[R_LA] < 0 ? "LA" : "YEAR");
  return TRUE;
}

/* Why a row of @table cannot be read, as an error; TRUE if it can. */
static gboolean
row_readable (Table   *table,
              Row     *row,
              GError **error)
{
  Row *head = table->rows->pdata[0];

  if (row->bad_col != 0)
    return cp_fail (error, CP_ERROR_PARSE, "%s:%u:%u: not UTF-8 text (byte 0x%02X); the row is not read",
                    table->name, row->line, row->bad_col, row->bad_byte);
  if (row->n != head->n)
    return cp_fail (error, CP_ERROR_PARSE, "%s:%u: the row has %u fields, the table's header row %u; "
                    "the row is not read", table->name, row->line, row->n, head->n);
  return TRUE;
}

/* Keeps the latest date of @row, an episode, as its return's. */
static void
note_latest (Return *ret, Table *e, Row *row)
{
  static const int cols[] = { E_DECOM, E_DEC };

  for (guint i = 0; i < G_N_ELEMENTS (cols); i++)
    {
      const char *v = field (e, row, cols[i]);
      guint32 j;

      if (*v && cp_csv_parse_day (v, strlen (v), &j) && j > ret->latest)
        ret->latest = j;
    }
}

/* Gives each row to its child; a row that cannot be read goes with its
 * child (which it then stops), or, when even its CHILD cannot be read,
 * to the rows reported after the children. */
static gboolean
index_rows (CpSsda903Reader *self, GError **error)
{
  Table *h = &self->tables[TABLE_HEADER];
  g_autoptr(GString) scratch = g_string_new (NULL);

  if (!find_stacked (self, error))
    return FALSE;
  self->children = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, child_rows_free);
  self->ids = g_hash_table_new (g_str_hash, g_str_equal);
  self->returns = g_ptr_array_new_with_free_func (g_free);
  self->orphans = g_ptr_array_new ();
  self->bad_rows = g_array_new (FALSE, FALSE, sizeof (BadRow));
  for (guint t = 0; t < N_TABLES; t++)
    self->tables[t].ids = self->ids;

  for (guint i = 1; i < h->rows->len; i++)
    {
      Row *row = h->rows->pdata[i];
      ChildRows *c;

      if (!row_readable (h, row, NULL) && *field (h, row, H_CHILD) == '\0')
        continue;   /* reported when its turn comes */
      c = child_rows (self, h, row, scratch);
      /* A second row for the same child is reported when its turn comes. */
      if (c->header_row == 0)
        c->header_row = i + 1;
    }
  for (guint t = TABLE_EPISODES; t <= TABLE_REVIEWS; t++)
    {
      Table *table = &self->tables[t];

      for (guint i = 1; table->rows && i < table->rows->len; i++)
        {
          Row *row = table->rows->pdata[i];
          gboolean readable = row_readable (table, row, NULL);
          ChildRows *c;

          if (!readable && *field (table, row, 0) == '\0')
            {
              BadRow bad = { table, row };
              g_array_append_val (self->bad_rows, bad);
              continue;
            }
          c = child_rows (self, table, row, scratch);
          if (c->header_row == 0 && c->episodes->len == 0 && c->reviews->len == 0 && c->bad_row == NULL)
            g_ptr_array_add (self->orphans, c);
          if (!readable)
            {
              if (c->bad_row == NULL)
                {
                  c->bad_table = table;
                  c->bad_row = row;
                }
              continue;
            }
          g_array_append_val (t == TABLE_EPISODES ? c->episodes : c->reviews, i);
          if (t == TABLE_EPISODES)
            note_latest (row_return (self, table, row), table, row);
        }
    }
  return TRUE;
}

/**
 * cp_ssda903_reader_new_for_directory:
 * @directory: (type filename): the directory holding the return's CSV files
 * @error: return location for a #GError
 *
 * Reads the tables. A missing `header.csv` or `episodes.csv`, a table
 * without a column the reader needs, or a file that cannot be read as
 * CSV fails here (%CP_ERROR_MISSING_FIELD, %CP_ERROR_PARSE); a child's bad
 * rows are reported one child at a time by [method@Ssda903Reader.next],
 * and so is a row that is not UTF-8 text or does not have as many fields
 * as its table's header row: it costs that row's child, not the return.
 *
 * Returns: (transfer full) (nullable): a new reader
 */
CpSsda903Reader *
cp_ssda903_reader_new_for_directory (const char  *directory,
                                     GError     **error)
{
  g_autoptr(CpSsda903Reader) self = NULL;

  g_return_val_if_fail (directory != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = g_object_new (CP_TYPE_SSDA903_READER, NULL);
  if (!load_table (&self->tables[TABLE_HEADER], directory, header_cols, TRUE, error) ||
      !load_table (&self->tables[TABLE_EPISODES], directory, episode_cols, TRUE, error) ||
      !load_table (&self->tables[TABLE_REVIEWS], directory, review_cols, FALSE, error) ||
      !index_rows (self, error))
    return NULL;
  return g_steal_pointer (&self);
}

CpSsda903Reader *
cp_ssda903_reader_new_from_data (const char  *header,
                                 gsize        header_len,
                                 const char  *episodes,
                                 gsize        episodes_len,
                                 const char  *reviews,
                                 gsize        reviews_len,
                                 GError     **error)
{
  g_autoptr(CpSsda903Reader) self = NULL;

  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  self = g_object_new (CP_TYPE_SSDA903_READER, NULL);
  if (header == NULL || episodes == NULL)
    {
      cp_fail (error, CP_ERROR_MISSING_FIELD, "(data): no %s", header == NULL ? "header.csv" : "episodes.csv");
      return NULL;
    }
  if (!read_table (&self->tables[TABLE_HEADER], header, header_len, header_cols, error) ||
      !read_table (&self->tables[TABLE_EPISODES], episodes, episodes_len, episode_cols, error) ||
      (reviews != NULL &&
       !read_table (&self->tables[TABLE_REVIEWS], reviews, reviews_len, review_cols, error)) ||
      !index_rows (self, error))
    return NULL;
  return g_steal_pointer (&self);
}

/* One child ---------------------------------------------------------------- */

typedef struct {
  Row *row;
  guint32 decom, dec;
  int rne, ls, provider, rec, place_type;
  gboolean open_x1;   /* read leniently: REC X1 and no DEC, taken as open */
  const char *place;
} Episode;

static int
compare_episodes (gconstpointer a, gconstpointer b)
{
  const Episode *x = a, *y = b;

  if (x->decom != y->decom)
    return x->decom < y->decom ? -1 : 1;
  return x->row->line < y->row->line ? -1 : x->row->line > y->row->line;
}

typedef struct {
  guint32 date;
  guint line;
  int participation;
} HeldReview;

static int
compare_reviews (gconstpointer a, gconstpointer b)
{
  const HeldReview *x = a, *y = b;

  if (x->date != y->date)
    return x->date < y->date ? -1 : 1;
  return x->line < y->line ? -1 : x->line > y->line;
}

static void
set_julian (GDate *d, guint32 j)
{
  g_date_clear (d, 1);
  g_date_set_julian (d, j);
}

static gboolean
read_episode (Table *e, Row *row, gboolean lenient, Episode *ep, GError **error)
{
  int unused;

  ep->row = row;
  ep->open_x1 = FALSE;
  ep->place = field (e, row, E_PLACE);
  if (!parse_date (e, row, E_DECOM, "DECOM", FALSE, &ep->decom, error) ||
      !parse_date (e, row, E_DEC, "DEC", TRUE, &ep->dec, error) ||
      !lookup_code (rne_codes, e, row, E_RNE, "RNE", &ep->rne, error) ||
      !lookup_code (legal_status_codes, e, row, E_LS, "LS", &ep->ls, error) ||
      !lookup_code (place_codes, e, row, E_PLACE, "PLACE", &ep->place_type, error) ||
      !lookup_code (provider_codes, e, row, E_PROVIDER, "PLACE_PROVIDER", &ep->provider, error) ||
      !lookup_code (rec_codes, e, row, E_REC, "REC", &ep->rec, error) ||
      !lookup_code (reason_codes, e, row, E_REASON, "REASON_PLACE_CHANGE", &unused, error))
    return FALSE;
  if (ep->dec != 0 && ep->dec < ep->decom)
    return row_fail (error, CP_ERROR_INCONSISTENT, e, row, E_DEC, "DEC",
                     "the episode ends before it starts (DECOM %s)", field (e, row, E_DECOM));
  if (ep->dec != 0 && ep->rec < 0)
    return row_fail (error, CP_ERROR_MISSING_FIELD, e, row, E_REC, "REC",
                     "missing (the episode has an end date)");
  if (ep->dec == 0 && ep->rec == 0 && lenient)
    {
      /* Still open at the return's end, with the X1 of an episode that
       * has not ended: a later episode would be an error below. */
      ep->open_x1 = TRUE;
      ep->rec = -1;
    }
  if (ep->dec == 0 && ep->rec >= 0)
    return row_fail (error, CP_ERROR_MISSING_FIELD, e, row, E_DEC, "DEC",
                     "missing (the episode has a reason for ending, %s)", field (e, row, E_REC));
  return TRUE;
}

static CpPlacementType
placement_type (const Episode *ep)
{
  /* Foster care with the authority's own carers (PR1). */
  if (ep->place_type == CP_PLACEMENT_TYPE_FOSTER_AGENCY && ep->provider == 1)
    return CP_PLACEMENT_TYPE_FOSTER_OWN_AUTHORITY;
  return ep->place_type;
}

/* The periods of care before the latest one (its first episode is
 * @latest), each from its first episode's DECOM to its last one's DEC. A
 * period whose every episode is under an agreed series of short breaks
 * (LS V3 or V4) is marked as such: it does not count towards leaving-care
 * eligibility. */
static gboolean
add_earlier_periods (Table *e, GArray *eps, guint latest, CpChild *child, GError **error)
{
  guint first = 0;

  for (guint i = 0; i < latest; i++)
    {
      Episode *ep = &g_array_index (eps, Episode, i);
      Episode *next = ep + 1;
      g_autoptr(CpCarePeriod) period = NULL;
      gboolean short_breaks = TRUE;
      GDate from, to;

      if (i + 1 < latest && !(next->rne & RNE_START))
        continue;
      if (ep->dec == 0)
        return row_fail (error, CP_ERROR_MISSING_FIELD, e, ep->row, E_DEC, "DEC",
                         "missing (a later period of care starts on line %u)", next->row->line);
      if (ep->rec == 0)
        return row_fail (error, CP_ERROR_INCONSISTENT, e, ep->row, E_REC, "REC",
                         "X1 says another episode follows, but line %u starts a new period of care",
                         next->row->line);
      for (guint k = first; k <= i; k++)
        {
          const char *ls = field (e, g_array_index (eps, Episode, k).row, E_LS);
          short_breaks &= strcmp (ls, "V3") == 0 || strcmp (ls, "V4") == 0;
        }
      set_julian (&from, g_array_index (eps, Episode, first).decom);
      set_julian (&to, ep->dec);
      period = cp_care_period_new (&from, &to, short_breaks);
      cp_child_add_earlier_period (child, period);
      first = i + 1;
    }
  return TRUE;
}

static CpCase *
build_case (CpSsda903Reader *self,
            ChildRows       *c,
            GError         **error)
{
  Table *h = &self->tables[TABLE_HEADER];
  Table *e = &self->tables[TABLE_EPISODES];
  Table *r = &self->tables[TABLE_REVIEWS];
  Row *head = h->rows->pdata[c->header_row - 1];
  g_autoptr(GArray) eps = g_array_sized_new (FALSE, FALSE, sizeof (Episode), c->episodes->len);
  g_autoptr(GArray) reviews = g_array_new (FALSE, FALSE, sizeof (HeldReview));
  g_autoptr(CpChild) child = NULL;
  g_autoptr(CpCase) kase = NULL;
  g_autoptr(CpPlacement) placement = NULL;
  g_autoptr(CpLegalStatus) status = NULL;
  g_autoptr(GError) local_error = NULL;
  guint32 dob, lac, ceased = 0;
  guint start = 0;
  GDate d_dob, d_lac, d;
  Episode *last;

  if (!parse_date (h, head, H_DOB, "DOB", FALSE, &dob, error))
    return NULL;
  if (c->episodes->len == 0)
    {
      row_fail (error, CP_ERROR_MISSING_FIELD, h, head, H_CHILD, "CHILD", "no episode for this child");
      return NULL;
    }
  for (guint i = 0; i < c->episodes->len; i++)
    {
      Episode ep;

      if (!read_episode (e, e->rows->pdata[g_array_index (c->episodes, guint, i)], self->lenient, &ep, error))
        return NULL;
      g_array_append_val (eps, ep);
    }
  g_array_sort (eps, compare_episodes);

  /* The latest period of care: from the last episode that starts one. */
  for (guint i = 0; i < eps->len; i++)
    if (g_array_index (eps, Episode, i).rne & RNE_START)
      start = i;
  lac = g_array_index (eps, Episode, start).decom;
  if (lac < dob)
    {
      row_fail (error, CP_ERROR_INCONSISTENT, e, g_array_index (eps, Episode, start).row, E_DECOM, "DECOM",
                "the child became looked after before the date of birth in header.csv line %u", head->line);
      return NULL;
    }

  set_julian (&d_dob, dob);
  set_julian (&d_lac, lac);
  child = cp_child_new (field (h, head, H_CHILD), &d_dob, &d_lac);
  kase = cp_case_new (child);
  if (!add_earlier_periods (e, eps, start, child, error))
    return NULL;

  for (guint i = start; i < eps->len; i++)
    {
      Episode *ep = &g_array_index (eps, Episode, i);
      Episode *prev = i > start ? ep - 1 : NULL;

      if (prev != NULL)
        {
          if (prev->rec != 0)
            {
              row_fail (error, CP_ERROR_INCONSISTENT, e, ep->row, E_RNE, "RNE",
                        "the period of care ended on line %u (REC %s), but this episode does not start a new one",
                        prev->row->line, field (e, prev->row, E_REC));
              return NULL;
            }
          if (prev->dec != ep->decom)
            {
              row_fail (error, CP_ERROR_INCONSISTENT, e, ep->row, E_DECOM, "DECOM",
                        "“%s” does not follow on from the previous episode, line %u (DEC “%s”)",
                        field (e, ep->row, E_DECOM), prev->row->line, field (e, prev->row, E_DEC));
              return NULL;
            }
          if (!(ep->rne & RNE_PLACEMENT) && strcmp (ep->place, prev->place) != 0)
            {
              row_fail (error, CP_ERROR_INCONSISTENT, e, ep->row, E_PLACE, "PLACE",
                        "RNE %s changes the legal status only, but PLACE changes from %s to %s",
                        field (e, ep->row, E_RNE), prev->place, ep->place);
              return NULL;
            }
        }
      set_julian (&d, ep->decom);

      if (prev == NULL || (ep->rne & RNE_PLACEMENT))
        {
          const char *reason = prev ? field (e, prev->row, E_REASON) : "";

          if (placement != NULL)
            {
              cp_placement_set_end (placement, &d);
              if (*reason)
                cp_placement_set_change_reason (placement, reason);
              cp_case_import_placement (kase, placement);
              g_clear_object (&placement);
            }
          placement = cp_placement_new (placement_type (ep), &d);
          cp_placement_set_long_term (placement, strcmp (ep->place, "U1") == 0 || strcmp (ep->place, "U4") == 0);
        }
      if (status == NULL || cp_legal_status_get_status (status) != (CpLegalStatusKind) ep->ls)
        {
          if (status != NULL)
            {
              cp_legal_status_set_end (status, &d);
              cp_child_add_legal_status (child, status);
              g_clear_object (&status);
            }
          status = cp_legal_status_new (ep->ls, &d);
        }
    }

  last = &g_array_index (eps, Episode, eps->len - 1);
  if (last->rec == 0)
    {
      row_fail (error, CP_ERROR_INCONSISTENT, e, last->row, E_REC, "REC",
                "X1 says another episode follows, but none does");
      return NULL;
    }
  if (last->rec > 0)
    {
      ceased = last->dec;
      set_julian (&d, ceased);
      cp_placement_set_end (placement, &d);
      cp_legal_status_set_end (status, &d);
      cp_child_cease (child, &d);
    }
  cp_case_import_placement (kase, placement);
  cp_child_add_legal_status (child, status);

  /* Reviews of this period, in date order. */
  for (guint i = 0; i < c->reviews->len; i++)
    {
      Row *row = r->rows->pdata[g_array_index (c->reviews, guint, i)];
      HeldReview held = { 0 };
      guint32 born = 0;

      if (!parse_date (r, row, R_REVIEW, "REVIEW", FALSE, &held.date, error) ||
          (r->cols[R_DOB] >= 0 && !parse_date (r, row, R_DOB, "DOB", TRUE, &born, error)) ||
          !lookup_code (participation_codes, r, row, R_CODE, "REVIEW_CODE", &held.participation, error))
        return NULL;
      if (born != 0 && born != dob)
        {
          row_fail (error, CP_ERROR_INCONSISTENT, r, row, R_DOB, "DOB",
                    "“%s” differs from the date of birth in header.csv line %u", field (r, row, R_DOB), head->line);
          return NULL;
        }
      if (held.date < lac)
        continue;   /* an earlier period of care */
      if (ceased != 0 && held.date > ceased)
        {
          row_fail (error, CP_ERROR_INCONSISTENT, r, row, R_REVIEW, "REVIEW",
                    "after the child ceased to be looked after (DEC “%s”, episodes.csv line %u)",
                    field (e, last->row, E_DEC), last->row->line);
          return NULL;
        }
      held.line = row->line;
      g_array_append_val (reviews, held);
    }
  g_array_sort (reviews, compare_reviews);
  for (guint i = 0; i < reviews->len; i++)
    {
      HeldReview *held = &g_array_index (reviews, HeldReview, i);
      g_autoptr(CpReview) review = cp_review_new ((int) i + 1);

      set_julian (&d, held->date);
      cp_review_set_scheduled (review, &d);
      cp_review_set_held (review, &d);
      cp_review_set_child_participation (review, held->participation);
      cp_case_import_review (kase, review);
    }

  if (!cp_case_validate (kase, &local_error))
    {
      cp_fail (error, local_error->code, "header.csv:%u: the child's rows contradict each other: %s",
               head->line, local_error->message);
      return NULL;
    }
  self->n_lenient += last->open_x1;
  return g_steal_pointer (&kase);
}

/**
 * cp_ssda903_reader_next:
 * @self: a #CpSsda903Reader
 * @error: return location for a #GError
 *
 * Reads the next child. At the end it returns %NULL without an error; a
 * child whose rows are wrong gives %NULL with an error that names the file,
 * line and column, and the next call carries on with the next child.
 *
 * Returns: (transfer full) (nullable): the next case, or %NULL
 */
CpCase *
cp_ssda903_reader_next (CpSsda903Reader  *self,
                        GError          **error)
{
  Table *h;

  g_return_val_if_fail (CP_IS_SSDA903_READER (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  h = &self->tables[TABLE_HEADER];
  if (self->next_child + 1 < h->rows->len)
    {
      guint at = ++self->next_child;
      Row *row = h->rows->pdata[at];
      g_autoptr(GString) scratch = g_string_new (NULL);
      ChildRows *c;

      g_free (self->location);
      self->location = g_strdup_printf ("header.csv:%u", row->line);
      self->current = NULL;
      if (!row_readable (h, row, error))
        return NULL;
      c = g_hash_table_lookup (self->children, child_key (self, h, row, scratch));
      self->current = c->ret;
      if (self->stacked)
        {
          g_free (self->location);
          self->location = g_strdup_printf ("header.csv:%u (LA %s, YEAR %s)", row->line, c->ret->la, c->ret->year);
        }
      if (c->header_row != at + 1)
        {
          Row *first = h->rows->pdata[c->header_row - 1];
          row_fail (error, CP_ERROR_INCONSISTENT, h, row, H_CHILD, "CHILD",
                    "the child appears twice (also line %u)", first->line);
          return NULL;
        }
      if (c->bad_row != NULL)
        {
          row_readable (c->bad_table, c->bad_row, error);
          return NULL;
        }
      return build_case (self, c, error);
    }
  while (self->next_orphan < self->orphans->len)
    {
      ChildRows *c = self->orphans->pdata[self->next_orphan++];
      gboolean episodes = c->episodes->len > 0;

      if (c->episodes->len == 0 && c->reviews->len == 0)
        {
          /* Its only rows could not be read. */
          g_free (self->location);
          self->location = g_strdup_printf ("%s:%u", c->bad_table->name, c->bad_row->line);
          row_readable (c->bad_table, c->bad_row, error);
          return NULL;
        }
      Table *t = &self->tables[episodes ? TABLE_EPISODES : TABLE_REVIEWS];
      Row *row = t->rows->pdata[g_array_index (episodes ? c->episodes : c->reviews, guint, 0)];
      guint n;

      g_free (self->location);
      self->location = g_strdup_printf ("%s:%u", t->name, row->line);
      n = episodes ? c->episodes->len : c->reviews->len;
      row_fail (error, CP_ERROR_INCONSISTENT, t, row, 0, "CHILD",
                "no row in header.csv for this child (%u %s in %s)", n, n == 1 ? "row" : "rows", t->name);
      return NULL;
    }
  if (self->next_bad_row < self->bad_rows->len)
    {
      BadRow *bad = &g_array_index (self->bad_rows, BadRow, self->next_bad_row++);

      g_free (self->location);
      self->location = g_strdup_printf ("%s:%u", bad->table->name, bad->row->line);
      row_readable (bad->table, bad->row, error);
      return NULL;
    }
  return NULL;
}

/**
 * cp_ssda903_reader_get_location:
 * @self: a #CpSsda903Reader
 *
 * Where the child last returned by [method@Ssda903Reader.next] is: its
 * Header row (`header.csv:12`), or the first row of rows without one.
 *
 * Returns: (transfer none) (nullable): the location, or %NULL before the
 *   first call
 */
const char *
cp_ssda903_reader_get_location (CpSsda903Reader *self)
{
  g_return_val_if_fail (CP_IS_SSDA903_READER (self), NULL);
  return self->location;
}

/**
 * cp_ssda903_reader_get_n_children:
 * @self: a #CpSsda903Reader
 *
 * How many children the return's Header table lists.
 *
 * Returns: how many children the Header table lists
 */
guint
cp_ssda903_reader_get_n_children (CpSsda903Reader *self)
{
  g_return_val_if_fail (CP_IS_SSDA903_READER (self), 0);
  return self->tables[TABLE_HEADER].rows->len - 1;
}

/**
 * cp_ssda903_reader_get_lenient:
 * @self: a #CpSsda903Reader
 *
 * Gets [property@Ssda903Reader:lenient].
 *
 * Returns: whether open X1 episodes are read
 */
gboolean
cp_ssda903_reader_get_lenient (CpSsda903Reader *self)
{
  g_return_val_if_fail (CP_IS_SSDA903_READER (self), FALSE);
  return self->lenient;
}

/**
 * cp_ssda903_reader_set_lenient:
 * @self: a #CpSsda903Reader
 * @lenient: whether to read children whose last episode is open with X1
 *
 * Sets [property@Ssda903Reader:lenient], for the children read after.
 */
void
cp_ssda903_reader_set_lenient (CpSsda903Reader *self,
                               gboolean         lenient)
{
  g_return_if_fail (CP_IS_SSDA903_READER (self));

  lenient = !!lenient;
  if (self->lenient == lenient)
    return;
  self->lenient = lenient;
  g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LENIENT]);
}

/**
 * cp_ssda903_reader_get_n_lenient:
 * @self: a #CpSsda903Reader
 *
 * How many of the children read so far were read only because the reader
 * is [property@Ssda903Reader:lenient]: their last episode has `REC` X1
 * (another episode follows) but no `DEC`, and none follows. They are read
 * as still looked after at the end of the return.
 *
 * Returns: the number of children read leniently
 */
guint
cp_ssda903_reader_get_n_lenient (CpSsda903Reader *self)
{
  g_return_val_if_fail (CP_IS_SSDA903_READER (self), 0);
  return self->n_lenient;
}

/**
 * cp_ssda903_reader_get_has_reviews:
 * @self: a #CpSsda903Reader
 *
 * Whether the return has a Reviews table (`reviews.csv`). Without one, no
 * child has a review on record, so whether reviews were held on time
 * cannot be judged from the return.
 *
 * Returns: whether `reviews.csv` was read
 */
gboolean
cp_ssda903_reader_get_has_reviews (CpSsda903Reader *self)
{
  g_return_val_if_fail (CP_IS_SSDA903_READER (self), FALSE);
  return self->tables[TABLE_REVIEWS].rows != NULL;
}

/**
 * cp_ssda903_reader_get_n_returns:
 * @self: a #CpSsda903Reader
 *
 * How many returns the directory holds: 1, or, for an extract of several
 * stacked with `LA` and `YEAR` columns in its Header and Episodes tables,
 * one for each authority and year. Each is read as a return of its own:
 * a child in two years' returns is two cases.
 *
 * Returns: the number of returns
 */
guint
cp_ssda903_reader_get_n_returns (CpSsda903Reader *self)
{
  g_return_val_if_fail (CP_IS_SSDA903_READER (self), 0);
  return self->returns->len;
}

static GDate *
period_end (guint32 latest)
{
  GDate d;
  int year;

  if (latest == 0)
    return NULL;
  g_date_clear (&d, 1);
  g_date_set_julian (&d, latest);
  year = g_date_get_year (&d);
  if (g_date_get_month (&d) > G_DATE_MARCH)
    year++;
  return g_date_new_dmy (31, G_DATE_MARCH, (GDateYear) year);
}

/**
 * cp_ssda903_reader_dup_period_end:
 * @self: a #CpSsda903Reader
 *
 * The end of the collection period of the return (for a stacked extract,
 * of its latest return): 31 March of the collection year, the first
 * 31 March on or after the latest `DECOM` or `DEC` of its episodes. A
 * `YEAR` column is not used for the date, as extracts differ in whether
 * 2017 means the year ending in March 2017 or in March 2018.
 *
 * Returns: (transfer full) (nullable): the date, or %NULL if no episode
 *   has a date
 */
GDate *
cp_ssda903_reader_dup_period_end (CpSsda903Reader *self)
{
  guint32 latest = 0;

  g_return_val_if_fail (CP_IS_SSDA903_READER (self), NULL);

  for (guint i = 0; i < self->returns->len; i++)
    latest = MAX (latest, ((Return *) self->returns->pdata[i])->latest);
  return period_end (latest);
}

/**
 * cp_ssda903_reader_dup_child_period_end:
 * @self: a #CpSsda903Reader
 *
 * The end of the collection period, as [method@Ssda903Reader.dup_period_end]
 * works it out, of the return the child last returned by
 * [method@Ssda903Reader.next] belongs to: in a stacked extract, its
 * authority's year.
 *
 * Returns: (transfer full) (nullable): the date, or %NULL before the first
 *   child, after an error, or if its return's episodes have no date
 */
GDate *
cp_ssda903_reader_dup_child_period_end (CpSsda903Reader *self)
{
  g_return_val_if_fail (CP_IS_SSDA903_READER (self), NULL);
  return self->current != NULL ? period_end (self->current->latest) : NULL;
}
