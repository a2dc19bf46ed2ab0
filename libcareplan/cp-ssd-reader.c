/* cp-ssd-reader.c: cases from the Standard Safeguarding Dataset, one child at a time
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include <string.h>

#include "cp-case-private.h"
#include "cp-date-private.h"
#include "cp-error-private.h"
#include "cp-ssd-codes-private.h"
#include "cp-ssd-source-private.h"

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
 * The same tables can be read from a PostgreSQL database
 * ([ctor@SsdReader.new_for_connection]), a child at a time. Each source
 * of rows (`cp-ssd-source-csv.c`, `cp-ssd-source-postgresql.c`) gives
 * the reader one child's rows of every table; the reader builds the case.
 *
 * The mapping of the SSD's tables and code lists onto the case model, and
 * what the SSD cannot tell, is documented in `docs/ssd.md`.
 */

static const char * const person_cols[] = { "pers_person_id", "pers_dob", "?pers_death_date", NULL };
static const char * const episode_cols[] = {
  "clae_person_id", "?clae_cla_episode_id", "clae_cla_id", "clae_cla_episode_start_date",
  "clae_cla_episode_start_reason", "clae_cla_episode_ceased_date", "clae_cla_episode_ceased_reason",
  "?clae_entered_care_date", "?clae_cla_placement_id", NULL };
static const char * const placement_cols[] = {
  "clap_cla_id", "clap_cla_placement_id", "?clap_person_id", "clap_cla_placement_start_date",
  "clap_cla_placement_end_date", "clap_cla_placement_type", "?clap_cla_placement_provider",
  "?clap_cla_placement_change_reason", "?clap_cla_placement_distance", "?clap_cla_placement_postcode", NULL };
static const char * const legal_cols[] = {
  "lega_person_id", "lega_legal_status", "lega_legal_status_start_date", "?lega_legal_status_end_date", NULL };
static const char * const review_cols[] = {
  "clar_cla_id", "?clar_cla_review_id", "?clar_cla_review_due_date", "clar_cla_review_date",
  "?clar_cla_review_cancelled", "?clar_cla_review_participation", NULL };
static const char * const visit_cols[] = {
  "clav_person_id", "?clav_cla_visit_id", "?clav_cla_id", "clav_cla_visit_date", "?clav_cla_visit_seen",
  "?clav_cla_visit_seen_alone", NULL };
static const char * const health_cols[] = {
  "clah_person_id", "clah_health_check_type", "clah_health_check_date", "?clah_health_check_status", NULL };
static const char * const care_plan_cols[] = {
  "lacp_person_id", "lacp_cla_care_plan_start_date", "?lacp_cla_care_plan_end_date",
  "?lacp_cla_care_plan_json", NULL };
static const char * const permanence_cols[] = {
  "perm_person_id", "?perm_adm_decision_date", "?perm_placement_order_date", "?perm_matched_date",
  "?perm_placed_for_adoption_date", "?perm_decision_reversed_date", "?perm_permanence_order_date",
  "?perm_permanence_order_type", NULL };
static const char * const care_leaver_cols[] = {
  "clea_person_id", "?clea_care_leaver_eligibility", "?clea_care_leaver_in_touch",
  "?clea_care_leaver_latest_contact", "?clea_pathway_plan_review_date", NULL };
static const char * const missing_cols[] = {
  "miss_person_id", "miss_missing_episode_start_date", "?miss_missing_episode_type",
  "?miss_missing_episode_end_date", "?miss_missing_rhi_offered", "?miss_missing_rhi_accepted", NULL };


#define UNREAD CP_SSD_COLUMN

const CpSsdTableSpec cp_ssd_table_specs[N_TABLES] = {
  { "ssd_person.csv", "ssd_person", person_cols, TRUE, NULL, 0 },
  { "ssd_cla_episodes.csv", "ssd_cla_episodes", episode_cols, TRUE, "clae_cla_episode_id", UNREAD (E_ID) },
  { "ssd_cla_placement.csv", "ssd_cla_placement", placement_cols, TRUE, "clap_cla_placement_id", 0 },
  { "ssd_legal_status.csv", "ssd_legal_status", legal_cols, FALSE, "lega_legal_status_id", UNREAD (L_PERSON) },
  { "ssd_cla_reviews.csv", "ssd_cla_reviews", review_cols, FALSE, "clar_cla_review_id", UNREAD (R_ID) },
  { "ssd_cla_visits.csv", "ssd_cla_visits", visit_cols, FALSE, "clav_cla_visit_id",
    UNREAD (V_PERSON) | UNREAD (V_ID) },
  { "ssd_cla_health.csv", "ssd_cla_health", health_cols, FALSE, "clah_health_check_id", UNREAD (H_PERSON) },
  { "ssd_cla_care_plan.csv", "ssd_cla_care_plan", care_plan_cols, FALSE, "lacp_table_id", UNREAD (C_PERSON) },
  { "ssd_permanence.csv", "ssd_permanence", permanence_cols, FALSE, "perm_table_id", UNREAD (M_PERSON) },
  { "ssd_care_leavers.csv", "ssd_care_leavers", care_leaver_cols, FALSE, "clea_table_id", UNREAD (CL_PERSON) },
  { "ssd_missing.csv", "ssd_missing", missing_cols, FALSE, "miss_table_id", UNREAD (MI_PERSON) },
};

typedef CpCsvRow Row;
typedef CpSsdTable Table;

struct _CpSsdReader
{
  GObject parent_instance;

  CpSsdSource *source;
  GArray *due_dates;     /* GDate: the SSD's due date of the last child's review n at n - 1 */
  char *location;
};

G_DEFINE_FINAL_TYPE (CpSsdReader, cp_ssd_reader, G_TYPE_OBJECT)

static void
cp_ssd_reader_finalize (GObject *object)
{
  CpSsdReader *self = CP_SSD_READER (object);

  g_clear_pointer (&self->source, cp_ssd_source_free);
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
}

/* Sources ------------------------------------------------------------------ */

/* Names the tables; the source finds their columns and fills their rows. */
void
cp_ssd_source_init (CpSsdSource            *source,
                    const CpSsdSourceClass *klass)
{
  source->klass = klass;
  for (guint t = 0; t < N_TABLES; t++)
    {
      source->tables[t].name = cp_ssd_table_specs[t].name;
      source->tables[t].colnames = cp_ssd_table_specs[t].cols;
    }
}

gboolean
cp_ssd_source_next (CpSsdSource  *source,
                    CpSsdItem    *item,
                    GError      **error)
{
  memset (item, 0, sizeof *item);
  return source->klass->next (source, item, error);
}

void
cp_ssd_source_free (CpSsdSource *source)
{
  if (source->klass && source->klass->close)
    source->klass->close (source);
  for (guint t = 0; t < N_TABLES; t++)
    {
      g_clear_pointer (&source->tables[t].rows, g_ptr_array_unref);
      g_free (source->tables[t].cols);
      g_free (source->tables[t].places);
    }
  g_free (source);
}

guint
cp_ssd_source_count (CpSsdSource *source)
{
  if (!source->counted && source->klass->count != NULL)
    source->n_children = source->klass->count (source);
  source->counted = TRUE;
  return source->n_children;
}

const char *
cp_ssd_field (Table *table, Row *row, int col)
{
  return cp_csv_field (table->cols, row, col);
}

/* "ssd_cla_episodes.csv:57:5: clae_cla_episode_ceased_reason: ..." */
gboolean
cp_ssd_row_fail (GError    **error,
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
  ret = cp_csv_row_failv (error, code, table->name, row, table->places ? table->places[col] : table->cols[col],
                          cp_csv_column_name (table->colnames[col]), format, args);
  va_end (args);
  return ret;
}

static const char *
field (Table *table, Row *row, int col)
{
  return cp_csv_field (table->cols, row, col);
}

#define row_fail cp_ssd_row_fail

static void
set_julian (GDate *d, guint32 j)
{
  g_date_clear (d, 1);
  g_date_set_julian (d, j);
}

static CpSsdReader *
reader_new (CpSsdSource *source)
{
  CpSsdReader *self;

  if (source == NULL)
    return NULL;
  self = g_object_new (CP_TYPE_SSD_READER, NULL);
  self->source = source;
  return self;
}

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
  g_return_val_if_fail (directory != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return reader_new (cp_ssd_source_new_csv (directory, error));
}

/**
 * cp_ssd_reader_new_for_connection:
 * @conninfo: a libpq connection string (`host=... dbname=...`) or URI
 *   (`postgresql://host/dbname`), without a password
 * @error: return location for a #GError
 *
 * Opens the SSD's tables (`ssd_person`, `ssd_cla_episodes`, ...) in a
 * PostgreSQL database, in one read-only transaction (one snapshot), each
 * through a server-side cursor ordered by the child the rows belong to:
 * [method@SsdReader.next] then reads them a batch at a time, and only the
 * current child's rows are held. Columns are found by name as in the CSV
 * files; a table's rows are numbered in the order of its key column and
 * row identifier, the header counting as row 1, so errors read
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
  g_return_val_if_fail (conninfo != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return reader_new (cp_ssd_source_new_postgresql (conninfo, error));
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
  if (!cp_ssd_parse_date (e, row, E_START, FALSE, &ep->start, error) ||
      !cp_ssd_lookup_code (&cp_ssd_start_reason_codes, e, row, E_START_REASON, &unused, error) ||
      !cp_ssd_parse_date (e, row, E_CEASED, TRUE, &ep->ceased, error) ||
      !cp_ssd_lookup_code (&cp_ssd_ceased_reason_codes, e, row, E_CEASED_REASON, &ep->ceased_reason, error) ||
      !cp_ssd_parse_date (e, row, E_ENTERED, TRUE, &ep->entered, error))
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
  return cp_ssd_lookup_code (&cp_ssd_yes_no_codes, t, row, col, out, error);
}

/* As a plain day: made a CpActivity only if a program asks for the list. */
static gboolean
add_activity (CpCase *kase, CpDuty duty, guint32 day)
{
  cp_case_import_activity_day (kase, duty, day);
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
  Table *p = &self->source->tables[T_PERSON];
  Table *e = &self->source->tables[T_EPISODES];
  Row *person = b->person;
  GPtrArray *rows = e->rows;
  GArray *eps = b->eps;
  guint32 dob = b->dob, death = b->death, lac, ceased = 0;
  const char *cla;
  Episode *last;

  g_assert (rows != NULL && rows->len > 0);   /* only children with episodes are read */
  for (guint i = 0; i < rows->len; i++)
    {
      Episode ep;

      if (!read_episode (e, rows->pdata[i], &ep, error))
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
  Table *e = &self->source->tables[T_EPISODES];
  Table *pl = &self->source->tables[T_PLACEMENT];
  const char *id = b->id, *cla = b->cla;
  GArray *eps = b->eps;
  guint32 ceased = b->ceased;
  CpCase *kase = b->kase;
  g_autoptr(GArray) items = g_array_new (FALSE, FALSE, sizeof (Dated));
  g_autoptr(GHashTable) seen = g_hash_table_new (NULL, NULL);
  GDate d;

  /* Placements of the period: by clap_cla_id, and those its episodes name
   * (the first row with that id). */
  for (guint i = 0; i < pl->rows->len; i++)
    {
      Row *row = pl->rows->pdata[i];

      if (strcmp (field (pl, row, PL_CLA), cla) == 0)
        g_hash_table_add (seen, row);
    }
  for (guint i = 0; i < eps->len; i++)
    {
      Episode *ep = &g_array_index (eps, Episode, i);
      const char *pid = field (e, ep->row, E_PLACEMENT);
      Row *named = NULL;

      if (*pid == '\0')
        continue;
      for (guint k = 0; named == NULL && k < pl->rows->len; k++)
        if (strcmp (field (pl, pl->rows->pdata[k], PL_ID), pid) == 0)
          named = pl->rows->pdata[k];
      if (named == NULL)
        {
          row_fail (error, CP_ERROR_INCONSISTENT, e, ep->row, E_PLACEMENT,
                    "no row in %s has this placement id", pl->name);
          return FALSE;
        }
      g_hash_table_add (seen, named);
    }
  {
    GHashTableIter iter;
    gpointer key;

    g_hash_table_iter_init (&iter, seen);
    while (g_hash_table_iter_next (&iter, &key, NULL))
      {
        Row *row = key;
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
        if (!cp_ssd_parse_date (pl, row, PL_START, FALSE, &item.start, error) ||
            !cp_ssd_parse_date (pl, row, PL_END, TRUE, &item.end, error) ||
            !cp_ssd_lookup_code (&cp_ssd_placement_type_codes, pl, row, PL_TYPE, &item.value, error) ||
            !cp_ssd_lookup_code (&cp_ssd_provider_codes, pl, row, PL_PROVIDER, &provider, error) ||
            !cp_ssd_lookup_code (&cp_ssd_change_reason_codes, pl, row, PL_REASON, &unused, error))
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
  guint32 lac = b->lac, ceased = b->ceased;
  CpChild *child = b->child;
  g_autoptr(GArray) items = g_array_new (FALSE, FALSE, sizeof (Dated));
  GPtrArray *list;
  GDate d;

  /* Legal statuses of the period. */
  g_array_set_size (items, 0);
  list = self->source->tables[T_LEGAL].rows;
  for (guint i = 0; list && i < list->len; i++)
    {
      Table *t = &self->source->tables[T_LEGAL];
      Row *row = list->pdata[i];
      Dated item = { row, 0, 0, 0 };

      if (!cp_ssd_parse_date (t, row, L_START, FALSE, &item.start, error) ||
          !cp_ssd_parse_date (t, row, L_END, TRUE, &item.end, error) ||
          !cp_ssd_lookup_code (&cp_ssd_legal_status_codes, t, row, L_STATUS, &item.value, error))
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
  Table *e = &self->source->tables[T_EPISODES];
  const char *cla = b->cla;
  guint32 ceased = b->ceased, next_due = 0;
  Episode *last = &g_array_index (b->eps, Episode, b->eps->len - 1);
  CpCase *kase = b->kase;
  GArray *due_dates = b->due_dates;
  g_autoptr(GArray) items = g_array_new (FALSE, FALSE, sizeof (Dated));
  GPtrArray *list;
  GDate d;

  /* Reviews held in the period, numbered in date order; the authority's
   * due dates of those and of the next one still to hold are kept. */
  g_array_set_size (items, 0);
  list = self->source->tables[T_REVIEWS].rows;
  for (guint i = 0; list && i < list->len; i++)
    {
      Table *t = &self->source->tables[T_REVIEWS];
      Row *row = list->pdata[i];
      Dated item = { row, 0, 0, 0 };
      int cancelled;

      if (strcmp (field (t, row, R_CLA), cla) != 0)
        continue;   /* another period of care */
      if (!cp_ssd_parse_date (t, row, R_DUE, TRUE, &item.end, error) ||
          !cp_ssd_parse_date (t, row, R_DATE, TRUE, &item.start, error) ||
          !read_flag (t, row, R_CANCELLED, &cancelled, error) ||
          !cp_ssd_lookup_code (&cp_ssd_participation_codes, t, row, R_PARTICIPATION, &item.value, error))
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
  guint32 lac = b->lac, ceased = b->ceased;
  CpCase *kase = b->kase;
  GPtrArray *list;
  GDate d;

  /* The care plan and the chosen permanence plan. */
  list = self->source->tables[T_CARE_PLAN].rows;
  {
    Table *t = &self->source->tables[T_CARE_PLAN];
    guint32 created = 0, agreed = 0;
    int pathway = -1, contingency = -1;

    for (guint i = 0; list && i < list->len; i++)
      {
        Row *row = list->pdata[i];
        guint32 start, end;
        int chosen, other;
        gboolean any;

        if (!cp_ssd_parse_date (t, row, C_START, FALSE, &start, error) ||
            !cp_ssd_parse_date (t, row, C_END, TRUE, &end, error) ||
            !cp_ssd_read_plan_json (t, row, &chosen, &other, &any, error))
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
  const char *cla = b->cla;
  guint32 lac = b->lac, ceased = b->ceased;
  CpCase *kase = b->kase;
  GPtrArray *list;

  /* Casework: visits where the child was seen, completed health checks,
   * the latest pathway plan review, missing episodes. */
  list = self->source->tables[T_VISITS].rows;
  for (guint i = 0; list && i < list->len; i++)
    {
      Table *t = &self->source->tables[T_VISITS];
      Row *row = list->pdata[i];
      const char *visit_cla = field (t, row, V_CLA);
      guint32 day;
      int was_seen, alone;

      if (!cp_ssd_parse_date (t, row, V_DATE, FALSE, &day, error) ||
          !read_flag (t, row, V_SEEN, &was_seen, error) ||
          !read_flag (t, row, V_SEEN_ALONE, &alone, error))
        return FALSE;
      if (*visit_cla ? strcmp (visit_cla, cla) != 0 : day < lac)
        continue;   /* another period of care */
      if (was_seen == 1)
        add_activity (kase, CP_DUTY_VISIT, day);
    }
  list = self->source->tables[T_HEALTH].rows;
  for (guint i = 0; list && i < list->len; i++)
    {
      Table *t = &self->source->tables[T_HEALTH];
      Row *row = list->pdata[i];
      guint32 day;
      int type, status;

      if (!cp_ssd_parse_date (t, row, H_DATE, FALSE, &day, error) ||
          !cp_ssd_lookup_code (&cp_ssd_health_check_codes, t, row, H_TYPE, &type, error) ||
          !cp_ssd_lookup_code (&cp_ssd_health_status_codes, t, row, H_STATUS, &status, error))
        return FALSE;
      if (day < lac || status != STATUS_COMPLETED)
        continue;
      if (type == CHECK_HEALTH)
        add_activity (kase, CP_DUTY_HEALTH_ASSESSMENT, day);
      else if (type == CHECK_DENTAL)
        add_activity (kase, CP_DUTY_DENTAL_CHECK, day);
    }
  list = self->source->tables[T_CARE_LEAVERS].rows;
  for (guint i = 0; list && i < list->len; i++)
    {
      Table *t = &self->source->tables[T_CARE_LEAVERS];
      Row *row = list->pdata[i];
      guint32 contact, review;
      int unused;

      if (!cp_ssd_lookup_code (&cp_ssd_eligibility_codes, t, row, CL_ELIGIBILITY, &unused, error) ||
          !cp_ssd_lookup_code (&cp_ssd_in_touch_codes, t, row, CL_IN_TOUCH, &unused, error) ||
          !cp_ssd_parse_date (t, row, CL_CONTACT, TRUE, &contact, error) ||
          !cp_ssd_parse_date (t, row, CL_PATHWAY, TRUE, &review, error))
        return FALSE;
      if (review != 0 && review >= lac)
        add_activity (kase, CP_DUTY_PATHWAY_PLAN_REVIEW, review);
    }
  list = self->source->tables[T_MISSING].rows;
  for (guint i = 0; list && i < list->len; i++)
    {
      Table *t = &self->source->tables[T_MISSING];
      Row *row = list->pdata[i];
      guint32 start, end;
      int unused;

      if (!cp_ssd_parse_date (t, row, MI_START, FALSE, &start, error) ||
          !cp_ssd_parse_date (t, row, MI_END, TRUE, &end, error) ||
          !cp_ssd_lookup_code (&cp_ssd_missing_type_codes, t, row, MI_TYPE, &unused, error) ||
          !cp_ssd_lookup_code (&cp_ssd_rhi_codes, t, row, MI_RHI_OFFERED, &unused, error) ||
          !cp_ssd_lookup_code (&cp_ssd_rhi_codes, t, row, MI_RHI_ACCEPTED, &unused, error))
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
  list = self->source->tables[T_PERMANENCE].rows;
  for (guint i = 0; list && i < list->len; i++)
    {
      Table *t = &self->source->tables[T_PERMANENCE];
      Row *row = list->pdata[i];
      guint32 day;
      int unused;

      for (int col = M_ADM; col <= M_ORDER; col++)
        if (!cp_ssd_parse_date (t, row, col, TRUE, &day, error))
          return FALSE;
      if (!cp_ssd_lookup_code (&cp_ssd_order_type_codes, t, row, M_ORDER_TYPE, &unused, error))
        return FALSE;
    }

  return TRUE;
}

static CpCase *
build_case (CpSsdReader *self,
            Row         *person,
            GError     **error)
{
  Table *p = &self->source->tables[T_PERSON];
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

  if (!cp_ssd_parse_date (p, person, P_DOB, FALSE, &b.dob, error) ||
      !cp_ssd_parse_date (p, person, P_DEATH, TRUE, &b.death, error) ||
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
 * reported the same way after the last child. If the database fails on
 * the way (a lost connection), the error is in the %G_IO_ERROR domain and
 * every later call returns %NULL: the rest cannot be read.
 *
 * Returns: (transfer full) (nullable): the next case, or %NULL
 */
CpCase *
cp_ssd_reader_next (CpSsdReader  *self,
                    GError      **error)
{
  Table *p, *e;
  CpSsdItem item;

  g_return_val_if_fail (CP_IS_SSD_READER (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  p = &self->source->tables[T_PERSON];
  e = &self->source->tables[T_EPISODES];
  g_array_set_size (self->due_dates, 0);
  if (!cp_ssd_source_next (self->source, &item, error))
    return NULL;
  switch (item.kind)
    {
    case CP_SSD_ITEM_CHILD:
    case CP_SSD_ITEM_DUPLICATE:
      g_free (self->location);
      self->location = g_strdup_printf ("%s:%u", p->name, item.row->line);
      if (item.kind == CP_SSD_ITEM_DUPLICATE)
        {
          row_fail (error, CP_ERROR_INCONSISTENT, p, item.row, P_ID,
                    "the child appears twice (also line %u)", item.n);
          return NULL;
        }
      return build_case (self, item.row, error);
    case CP_SSD_ITEM_ORPHAN:
      g_free (self->location);
      self->location = g_strdup_printf ("%s:%u", e->name, item.row->line);
      row_fail (error, CP_ERROR_INCONSISTENT, e, item.row, E_PERSON,
                "no row in %s for this child (%u %s in %s)", p->name, item.n, item.n == 1 ? "row" : "rows",
                e->name);
      return NULL;
    case CP_SSD_ITEM_END:
    default:
      return NULL;
    }
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
 * [method@SsdReader.next] will give (or report). From a database they are
 * counted by a query of their own when first asked, in the snapshot the
 * reading sees (0, with a warning, if the server cannot count them).
 *
 * Returns: how many looked-after children the extract lists
 */
guint
cp_ssd_reader_get_n_children (CpSsdReader *self)
{
  g_return_val_if_fail (CP_IS_SSD_READER (self), 0);
  return cp_ssd_source_count (self->source);
}
