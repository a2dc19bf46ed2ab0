/* cp-ssd-source-csv.c: the SSD's rows from a directory of CSV extracts
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include <string.h>

#include "cp-error-private.h"
#include "cp-ssd-source-private.h"

/* The CSV files are not sorted by child, so each is read whole into
 * memory and indexed by its key; next() then hands out each child's rows
 * from the index, in the order of ssd_person.csv. */

typedef CpCsvRow Row;

typedef struct {
  GStringChunk *strings;
  GPtrArray *rows;      /* Row, owned; row 0 is the header */
  GHashTable *index;    /* key (in the string chunk) -> GArray of row indexes */
} File;

typedef struct {
  CpSsdSource parent;

  File files[N_TABLES];
  GArray *children;      /* row indexes of ssd_person with episodes */
  GHashTable *persons;   /* person id -> first row index + 1 */
  GPtrArray *orphans;    /* episode keys without a person row, in order */
  GHashTable *placements_by_id;   /* placement id -> row index + 1 */
  guint next_child;
  guint next_orphan;
} CsvSource;

static const char *
field (CsvSource *self, guint t, Row *row, int col)
{
  return cp_csv_field (self->parent.tables[t].cols, row, col);
}

static GArray *
rows_for (CsvSource *self, guint t, const char *key)
{
  GHashTable *index = self->files[t].index;

  return index && *key ? g_hash_table_lookup (index, key) : NULL;
}

/* Reads one file, finds the wanted columns in its header row and indexes
 * the rows by key. */
static gboolean
load_file (CsvSource   *self,
           guint        t,
           const char  *dir,
           GError     **error)
{
  CpSsdTable *table = &self->parent.tables[t];
  File *file = &self->files[t];
  g_autofree char *text = NULL;
  gsize len;

  if (!cp_csv_load (dir, table->name, cp_ssd_table_specs[t].required, NULL, &text, &len, error))
    return FALSE;
  if (text == NULL)
    return TRUE;
  if (!g_utf8_validate_len (text, len, NULL))
    return cp_fail (error, CP_ERROR_PARSE, "%s: not UTF-8 text", table->name);
  if (!cp_csv_parse (table->name, text, len, &file->strings, &file->rows, error) ||
      !cp_csv_find_columns (table->name, file->rows, table->colnames, &table->cols, error))
    return FALSE;

  /* Rows by key, in the order of the file. */
  file->index = g_hash_table_new_full (g_str_hash, g_str_equal, NULL, (GDestroyNotify) g_array_unref);
  for (guint i = 1; i < file->rows->len; i++)
    {
      Row *row = file->rows->pdata[i];
      char *key = (char *) field (self, t, row, 0);
      GArray *rows;

      /* The key is stripped in place; a short row's is the empty constant. */
      if ((guint) table->cols[0] < row->n)
        g_strstrip (key);
      rows = g_hash_table_lookup (file->index, key);
      if (rows == NULL)
        {
          rows = g_array_new (FALSE, FALSE, sizeof (guint));
          g_hash_table_insert (file->index, key, rows);
        }
      g_array_append_val (rows, i);
    }
  return TRUE;
}

/* The looked-after children, those without a person row, and the
 * placements by their id. */
static void
index_children (CsvSource *self)
{
  File *p = &self->files[T_PERSON];
  File *e = &self->files[T_EPISODES];
  File *pl = &self->files[T_PLACEMENT];

  self->persons = g_hash_table_new (g_str_hash, g_str_equal);
  self->children = g_array_new (FALSE, FALSE, sizeof (guint));
  for (guint i = 1; i < p->rows->len; i++)
    {
      const char *id = field (self, T_PERSON, p->rows->pdata[i], P_ID);

      if (!g_hash_table_contains (self->persons, id))
        g_hash_table_insert (self->persons, (char *) id, GUINT_TO_POINTER (i + 1));
      /* Only the looked after; a second row is reported in its turn. */
      if (rows_for (self, T_EPISODES, id) != NULL)
        g_array_append_val (self->children, i);
    }
  self->parent.n_children = self->children->len;

  /* Episodes of people missing from ssd_person, in the order of their first row. */
  self->orphans = g_ptr_array_new ();
  for (guint i = 1; i < e->rows->len; i++)
    {
      const char *id = field (self, T_EPISODES, e->rows->pdata[i], E_PERSON);
      GArray *rows = rows_for (self, T_EPISODES, id);

      if (rows != NULL && g_array_index (rows, guint, 0) == i && !g_hash_table_contains (self->persons, id))
        g_ptr_array_add (self->orphans, rows);
    }

  self->placements_by_id = g_hash_table_new (g_str_hash, g_str_equal);
  for (guint i = 1; i < pl->rows->len; i++)
    {
      const char *id = field (self, T_PLACEMENT, pl->rows->pdata[i], PL_ID);

      if (*id && !g_hash_table_contains (self->placements_by_id, id))
        g_hash_table_insert (self->placements_by_id, (char *) id, GUINT_TO_POINTER (i + 1));
    }
}

static void
add_rows (GArray *list, GHashTable *taken)
{
  for (guint i = 0; list && i < list->len; i++)
    g_hash_table_add (taken, GUINT_TO_POINTER (g_array_index (list, guint, i)));
}

static int
compare_uints (gconstpointer a, gconstpointer b)
{
  guint x = *(const guint *) a, y = *(const guint *) b;

  return x < y ? -1 : x > y;
}

/* @t's rows of the child's periods of care (and, for placements, the first
 * row of each placement its episodes name), in the order of the file. */
static void
collect_by_period (CsvSource *self, guint t, GPtrArray *episodes)
{
  g_autoptr(GHashTable) taken = g_hash_table_new (NULL, NULL);
  g_autoptr(GArray) order = g_array_new (FALSE, FALSE, sizeof (guint));
  GHashTableIter iter;
  gpointer key;

  if (self->files[t].rows == NULL)
    return;
  for (guint i = 0; i < episodes->len; i++)
    {
      const char *cla = field (self, T_EPISODES, episodes->pdata[i], E_CLA);
      const char *pid = field (self, T_EPISODES, episodes->pdata[i], E_PLACEMENT);
      guint at;

      add_rows (rows_for (self, t, cla), taken);
      if (t == T_PLACEMENT && *pid &&
          (at = GPOINTER_TO_UINT (g_hash_table_lookup (self->placements_by_id, pid))) != 0)
        g_hash_table_add (taken, GUINT_TO_POINTER (at - 1));
    }
  g_hash_table_iter_init (&iter, taken);
  while (g_hash_table_iter_next (&iter, &key, NULL))
    {
      guint at = GPOINTER_TO_UINT (key);
      g_array_append_val (order, at);
    }
  g_array_sort (order, compare_uints);
  for (guint i = 0; i < order->len; i++)
    g_ptr_array_add (self->parent.tables[t].rows, self->files[t].rows->pdata[g_array_index (order, guint, i)]);
}

static gboolean
csv_next (CpSsdSource  *source,
          CpSsdItem    *item,
          GError      **error)
{
  CsvSource *self = (CsvSource *) source;
  File *p = &self->files[T_PERSON];

  for (guint t = 0; t < N_TABLES; t++)
    g_ptr_array_set_size (source->tables[t].rows, 0);
  if (self->next_child < self->children->len)
    {
      guint at = g_array_index (self->children, guint, self->next_child++);
      Row *row = p->rows->pdata[at];
      const char *id = field (self, T_PERSON, row, P_ID);
      guint first = GPOINTER_TO_UINT (g_hash_table_lookup (self->persons, id));

      item->row = row;
      if (first != at + 1)
        {
          item->kind = CP_SSD_ITEM_DUPLICATE;
          item->n = ((Row *) p->rows->pdata[first - 1])->line;
          return TRUE;
        }
      item->kind = CP_SSD_ITEM_CHILD;
      g_ptr_array_add (source->tables[T_PERSON].rows, row);
      for (guint t = T_EPISODES; t < N_TABLES; t++)
        {
          GArray *list;

          if (t == T_PLACEMENT || t == T_REVIEWS)
            continue;
          list = rows_for (self, t, id);
          for (guint i = 0; list && i < list->len; i++)
            g_ptr_array_add (source->tables[t].rows, self->files[t].rows->pdata[g_array_index (list, guint, i)]);
        }
      collect_by_period (self, T_PLACEMENT, source->tables[T_EPISODES].rows);
      collect_by_period (self, T_REVIEWS, source->tables[T_EPISODES].rows);
      return TRUE;
    }
  if (self->next_orphan < self->orphans->len)
    {
      GArray *rows = self->orphans->pdata[self->next_orphan++];

      item->kind = CP_SSD_ITEM_ORPHAN;
      item->row = self->files[T_EPISODES].rows->pdata[g_array_index (rows, guint, 0)];
      item->n = rows->len;
      return TRUE;
    }
  item->kind = CP_SSD_ITEM_END;
  (void) error;
  return TRUE;
}

static void
csv_close (CpSsdSource *source)
{
  CsvSource *self = (CsvSource *) source;

  for (guint t = 0; t < N_TABLES; t++)
    {
      File *file = &self->files[t];

      g_clear_pointer (&file->index, g_hash_table_unref);
      g_clear_pointer (&file->rows, g_ptr_array_unref);
      if (file->strings)
        g_string_chunk_free (file->strings);
    }
  g_clear_pointer (&self->children, g_array_unref);
  g_clear_pointer (&self->persons, g_hash_table_unref);
  g_clear_pointer (&self->orphans, g_ptr_array_unref);
  g_clear_pointer (&self->placements_by_id, g_hash_table_unref);
}

static const CpSsdSourceClass csv_class = { csv_next, csv_close, NULL };

/* Reads every table of @directory; a missing needed file or column fails. */
CpSsdSource *
cp_ssd_source_new_csv (const char  *directory,
                       GError     **error)
{
  CsvSource *self = g_new0 (CsvSource, 1);

  cp_ssd_source_init (&self->parent, &csv_class);
  for (guint t = 0; t < N_TABLES; t++)
    {
      self->parent.tables[t].rows = g_ptr_array_new ();
      if (!load_file (self, t, directory, error))
        {
          cp_ssd_source_free (&self->parent);
          return NULL;
        }
    }
  index_children (self);
  return &self->parent;
}
