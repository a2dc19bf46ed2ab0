/* cp-ssd-source-postgresql.c: the SSD's rows from a PostgreSQL database, a child at a time
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include <string.h>

#include <gio/gio.h>
#if CP_HAVE_LIBPQ
# include <libpq-fe.h>
#endif

#include "cp-error-private.h"
#include "cp-ssd-reader-private.h"
#include "cp-ssd-source-private.h"

/* Every table is read through a server-side cursor, ordered by the child
 * its rows belong to, so that next() merges the cursors as it goes: only
 * the current child's rows, and a few batches a cursor, are held.
 *
 * Each cursor has a connection and a thread of its own, which fetches the
 * next batch while the reader works through the last: the server sorts
 * the tables side by side, and sends rows while the children are built.
 * The connections' read-only transactions share the snapshot of the main
 * connection's (pg_export_snapshot), so the tables agree as if read in one
 * transaction. Where a connection cannot be had, or the server cannot
 * export its snapshot, the cursor is read on the main connection instead,
 * a batch at a time. docs/ssd.md says how the rows are ordered and
 * numbered. */

typedef CpCsvRow Row;

/* take() puts a row's field pointers right after it. */
G_STATIC_ASSERT (sizeof (Row) % sizeof (char *) == 0);

#if CP_HAVE_LIBPQ

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PGresult, PQclear)

/* Rows a cursor fetches at a time. */
#define BATCH 2000

/* A key as the CSV route compares it, stripped of ASCII white space, and
 * ordered byte by byte (the "C" collation), as next() compares keys. */
#define KEY(x) "(btrim((" x ")::text, E' \\t\\n\\r\\f\\x0B') COLLATE \"C\")"

typedef struct {
  gboolean present;
  char *ident;          /* the table, quoted */
  char **names;         /* its columns, as the server spells them */
  int n;                /* how many */
  char *key;            /* the key's column (the first wanted), quoted */
  char *row_id;         /* the row identifier's column, quoted, or NULL */
  gboolean row_id_fetched;   /* and it is one of the columns fetched (names) */
  PGresult *batch;      /* the rows fetched and not yet taken */
  int at;
  gboolean done;
  /* Numbered here, as they come (the query sends no cp_line): the rows of
   * the batches before this one. */
  gboolean numbered_here;
  guint before;
  /* Where the cursor has a connection and a thread of its own: */
  PGconn *conn;
  GThread *thread;
  GAsyncQueue *ready;   /* PGresult: batches fetched, in order; the last is empty or failed */
  GAsyncQueue *credits; /* a token for each batch the thread may fetch ahead */
  gint stop;
  GString *last;        /* the key of the last row passed, to check the order */
  GPtrArray *retired;   /* PGresult: batches that rows of the current child may point into */
  /* The current child's rows are made in blocks kept from child to child
   * (an allocation and a free for each row cost more than the row): */
  GPtrArray *blocks;    /* of ROW_BLOCK bytes each */
  guint block;          /* the one in use, */
  gsize used;           /* and how much of it */
} Cursor;

/* The bytes of a block of rows: some two hundred rows of the few columns
 * fetched (a table has fewer than 32 wanted columns: CpSsdTableSpec's
 * unread), so a row always fits. */
#define ROW_BLOCK 32768

typedef struct {
  CpSsdSource parent;

  PGconn *conn;
  Cursor cursors[N_TABLES];
  GString *child;        /* the current child's key */
  guint child_line;      /* and the line of its first person row */
  guint orphans;         /* episodes passed without a person row */
  gboolean orphan_phase; /* the children are done: the orphans' episodes */
  gboolean failed;
  char *conninfo;
  char *snapshot;        /* the main transaction's, exported, or NULL */
} PgSource;

/* Batches a cursor's thread fetches ahead of the reader. */
#define AHEAD 2

/* The first line of a message of the server's or libpq's (which end with
 * a newline, and may go on with a detail or a hint). */
static char *
first_line (const char *msg)
{
  const char *end = strchr (msg, '\n');

  return g_strchomp (end != NULL ? g_strndup (msg, (gsize) (end - msg)) : g_strdup (msg));
}

static gboolean
pg_fail (GError **error, PGconn *conn, const char *what)
{
  g_autofree char *msg = first_line (PQerrorMessage (conn));

  return cp_fail (error, CP_ERROR_PARSE, "%s: %s", what, msg);
}

static gboolean
pg_command (PGconn *conn, const char *sql, const char *what, GError **error)
{
  g_autoptr(PGresult) res = PQexec (conn, sql);

  /* A command, or a SELECT run for its effect (set_config()). */
  if (PQresultStatus (res) != PGRES_COMMAND_OK && PQresultStatus (res) != PGRES_TUPLES_OK)
    return pg_fail (error, conn, what);
  return TRUE;
}

static char *
quote (PGconn *conn, const char *name)
{
  char *ident = PQescapeIdentifier (conn, name, strlen (name));
  char *copy = g_strdup (ident);

  PQfreemem (ident);
  return copy;
}

/* Only the columns the case builder reads are fetched (the SSD's tables
 * have many more; a key it never reads from a row the cursor sends
 * stripped as cp_key): the cursor's names keep those, in the table's
 * order, and the table's cols their places among them (-1 for the
 * others). The row identifier, which orders the rows, is fetched too
 * where it is not one of them. */
static void
keep_wanted_columns (Cursor *cursor, CpSsdTable *table, guint t, int row_id_at)
{
  guint n_wanted = g_strv_length ((char **) table->colnames);
  g_autofree int *place = g_new (int, cursor->n);
  int n = 0;

  for (int k = 0; k < cursor->n; k++)
    place[k] = -1;
  for (guint w = 0; w < n_wanted; w++)
    if (table->cols[w] >= 0 && !(cp_ssd_table_specs[t].unread & CP_SSD_COLUMN (w)))
      place[table->cols[w]] = 0;
  for (int k = 0; k < cursor->n; k++)
    {
      if (place[k] < 0)
        {
          g_clear_pointer (&cursor->names[k], g_free);
          continue;
        }
      place[k] = n;
      cursor->names[n++] = cursor->names[k];
      if (n - 1 != k)
        cursor->names[k] = NULL;
    }
  /* Messages name a column by its place in the table, as before. */
  table->places = g_memdup2 (table->cols, sizeof (int) * n_wanted);
  for (guint w = 0; w < n_wanted; w++)
    if (table->cols[w] >= 0)
      table->cols[w] = place[table->cols[w]];   /* -1 where not fetched */
  cursor->row_id_fetched = row_id_at >= 0 && place[row_id_at] >= 0;
  cursor->n = n;
}

/* Finds a table and its columns, as a CSV file's header row would give
 * them; a missing needed table or column fails. */
static gboolean
probe_table (PgSource *self, guint t, GError **error)
{
  const CpSsdTableSpec *spec = &cp_ssd_table_specs[t];
  CpSsdTable *table = &self->parent.tables[t];
  Cursor *cursor = &self->cursors[t];
  const char *params[1] = { spec->sql };
  g_autoptr(PGresult) exists = NULL;
  g_autoptr(PGresult) probe = NULL;
  g_autoptr(GPtrArray) header = g_ptr_array_new_with_free_func (cp_csv_row_free);
  g_autofree char *sql = NULL;
  int row_id_at = -1;
  Row *head;

  table->name = spec->sql;
  exists = PQexecParams (self->conn, "SELECT to_regclass($1) IS NOT NULL", 1, NULL, params, NULL, NULL, 0);
  if (PQresultStatus (exists) != PGRES_TUPLES_OK)
    return pg_fail (error, self->conn, spec->sql);
  if (strcmp (PQgetvalue (exists, 0, 0), "t") != 0)
    {
      if (!spec->required)
        return TRUE;
      return cp_fail (error, CP_ERROR_MISSING_FIELD, "postgresql: no table %s", spec->sql);
    }

  cursor->ident = quote (self->conn, spec->sql);
  sql = g_strdup_printf ("SELECT * FROM %s LIMIT 0", cursor->ident);
  probe = PQexec (self->conn, sql);
  if (PQresultStatus (probe) != PGRES_TUPLES_OK)
    return pg_fail (error, self->conn, spec->sql);
  cursor->n = PQnfields (probe);
  cursor->names = g_new0 (char *, cursor->n + 1);
  head = g_new0 (Row, 1);
  head->line = 1;
  head->n = (guint) cursor->n;
  head->fields = g_new0 (char *, cursor->n + 1);
  for (int k = 0; k < cursor->n; k++)
    {
      cursor->names[k] = g_strdup (PQfname (probe, k));
      head->fields[k] = g_strdup (PQfname (probe, k));
      if (spec->row_id != NULL && cursor->row_id == NULL && g_ascii_strcasecmp (PQfname (probe, k), spec->row_id) == 0)
        {
          cursor->row_id = quote (self->conn, PQfname (probe, k));
          row_id_at = k;
        }
    }
  g_ptr_array_add (header, head);
  if (!cp_csv_find_columns (spec->sql, header, table->colnames, &table->cols, error))
    {
      /* The header's fields are not in a string chunk. */
      g_strfreev (head->fields);
      head->fields = NULL;
      return FALSE;
    }
  g_strfreev (head->fields);
  head->fields = NULL;
  if (table->cols[0] < 0)
    return cp_fail (error, CP_ERROR_MISSING_FIELD, "postgresql: %s: no key column", spec->sql);
  cursor->key = quote (self->conn, cursor->names[table->cols[0]]);
  keep_wanted_columns (cursor, table, t, row_id_at);
  cursor->present = TRUE;
  cursor->retired = g_ptr_array_new_with_free_func ((GDestroyNotify) PQclear);
  return TRUE;
}

/* A wanted column of a table, quoted, or NULL where it is absent (or, but
 * for the key, not fetched). */
static char *
column (PgSource *self, guint t, int col)
{
  int k;

  if (col == 0)
    return g_strdup (self->cursors[t].key);
  k = self->parent.tables[t].cols[col];
  return k >= 0 ? quote (self->conn, self->cursors[t].names[k]) : NULL;
}

/* The columns a cursor fetches (the wanted ones, keep_wanted_columns()),
 * from @alias: the table itself, or its numbered form. */
static void
append_columns (GString *sql, PgSource *self, guint t, const char *alias)
{
  Cursor *c = &self->cursors[t];

  for (int k = 0; k < c->n; k++)
    {
      g_autofree char *name = quote (self->conn, c->names[k]);

      g_string_append_printf (sql, ", %s.%s", alias, name);
    }
}

/* Table @t numbered as a CSV file's rows would be (the header is line 1,
 * then in the order of its key and row id): its key (cp_key), its line
 * (cp_line) and its columns. One sort numbers the rows and orders them. */
static void
append_numbered (GString *sql, PgSource *self, guint t)
{
  Cursor *c = &self->cursors[t];
  g_autofree char *key = column (self, t, 0);

  g_string_append_printf (sql, "(SELECT " KEY ("t.%s") " AS cp_key, row_number() OVER (ORDER BY " KEY ("t.%s") "%s%s)"
                          " + 1 AS cp_line", key, key, c->row_id ? ", t." : "", c->row_id ? c->row_id : "");
  append_columns (sql, self, t, "t");
  /* The outer query orders by it, as the numbering did. */
  if (c->row_id != NULL && !c->row_id_fetched)
    g_string_append_printf (sql, ", t.%s", c->row_id);
  g_string_append_printf (sql, " FROM %s t)", c->ident);
}


/* The query of table @t's cursor: its key (the child's, stripped), its
 * line and its columns, ordered by the child's key byte by byte (as next()
 * compares them) and then by line. The person rows are those of the looked
 * after (with an episode); a placement or a review belongs to each child
 * with an episode of its period of care (clap_cla_id, clar_cla_id), and a
 * placement also to each child whose episode names it by id. With
 * @orphans, the episodes of people without an ssd_person row. */
static char *
cursor_query (PgSource *self, guint t, gboolean orphans)
{
  Cursor *c = &self->cursors[t];
  g_autofree char *pid = column (self, T_PERSON, P_ID);
  g_autofree char *eperson = column (self, T_EPISODES, E_PERSON);
  g_autofree char *ecla = column (self, T_EPISODES, E_CLA);
  g_autofree char *eplacement = column (self, T_EPISODES, E_PLACEMENT);
  g_autofree char *plid = t == T_PLACEMENT ? column (self, t, PL_ID) : NULL;
  const char *person = self->cursors[T_PERSON].ident, *episodes = self->cursors[T_EPISODES].ident;
  /* The numbering's own order, so that the server sorts once. */
  g_autofree char *order = c->row_id ? g_strdup_printf ("s.cp_key, s.%s", c->row_id) : g_strdup ("s.cp_key, s.cp_line");
  GString *sql = g_string_new (NULL);

  if (t == T_PLACEMENT || t == T_REVIEWS)
    {
      g_string_append_printf (sql, "WITH cp_c AS (SELECT DISTINCT e.%s::text AS cp_cla, " KEY ("e.%s") " AS cp_child"
                              " FROM %s e WHERE e.%s IS NOT NULL), ", ecla, eperson, episodes, ecla);
      if (t == T_PLACEMENT && eplacement != NULL)
        g_string_append_printf (sql, "cp_i AS (SELECT DISTINCT e.%s::text AS cp_pid, " KEY ("e.%s") " AS cp_child"
                                " FROM %s e WHERE e.%s::text <> ''), ", eplacement, eperson, episodes, eplacement);
      g_string_append (sql, "cp_t AS ");
      append_numbered (sql, self, t);
      if (t == T_REVIEWS)
        {
          /* Each pair of period and child is there once: a join gives each
           * review once for each child (a third faster than the numbers'
           * join below, on 600,000 reviews). */
          g_string_append (sql, " SELECT c.cp_child, s.cp_line");
          append_columns (sql, self, t, "s");
          g_string_append (sql, " FROM cp_t s JOIN cp_c c ON c.cp_cla = s.cp_key ORDER BY c.cp_child, s.cp_line");
          return g_string_free (sql, FALSE);
        }
      /* A placement may come to a child both ways: once. */
      g_string_append (sql, ", cp_m AS (SELECT c.cp_child, t.cp_line FROM cp_t t JOIN cp_c c ON c.cp_cla = t.cp_key");
      if (eplacement != NULL)
        g_string_append_printf (sql, " UNION SELECT i.cp_child, t.cp_line FROM cp_t t JOIN cp_i i ON i.cp_pid = t.%s::text",
                                plid);
      g_string_append (sql, ") SELECT m.cp_child, s.cp_line");
      append_columns (sql, self, t, "s");
      g_string_append (sql, " FROM cp_m m JOIN cp_t s ON s.cp_line = m.cp_line ORDER BY m.cp_child, s.cp_line");
      return g_string_free (sql, FALSE);
    }

  c->numbered_here = FALSE;
  if (t != T_PERSON && !orphans)
    {
      /* Every row, in the numbering's order: a row's line is its place in
       * what the cursor sends, and the server need not number them (a
       * window over 2 million visits costs it a quarter of their time). */
      g_autofree char *key = column (self, t, 0);

      c->numbered_here = TRUE;
      g_string_append_printf (sql, "SELECT " KEY ("t.%s") " AS cp_key, NULL::bigint AS cp_line", key);
      append_columns (sql, self, t, "t");
      g_string_append_printf (sql, " FROM %s t ORDER BY 1%s%s", c->ident, c->row_id ? ", t." : "",
                              c->row_id ? c->row_id : "");
      return g_string_free (sql, FALSE);
    }
  g_string_append (sql, "SELECT s.cp_key, s.cp_line");
  append_columns (sql, self, t, "s");
  g_string_append (sql, " FROM ");
  append_numbered (sql, self, t);
  g_string_append (sql, " s");
  if (t == T_PERSON)
    /* Only the looked after: those with an episode. */
    g_string_append_printf (sql, " WHERE s.cp_key <> '' AND s.cp_key IN (SELECT " KEY ("e.%s") " FROM %s e)",
                            eperson, episodes);
  else if (orphans)
    g_string_append_printf (sql, " WHERE s.cp_key <> '' AND NOT EXISTS (SELECT FROM %s p WHERE " KEY ("p.%s")
                            " = s.cp_key)", person, pid);
  g_string_append_printf (sql, " ORDER BY %s", order);
  return g_string_free (sql, FALSE);
}

/* Fails the reading for good: not a child's bad rows. */
static int
cursor_fail (PgSource *self, guint t, GError **error)
{
  const char *why = PQresultErrorMessage (self->cursors[t].batch);
  g_autofree char *msg = first_line (why && *why ? why : PQerrorMessage (self->conn));

  g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "%s: %s", self->parent.tables[t].name, msg);
  self->failed = TRUE;
  self->cursors[t].done = TRUE;
  return -2;
}

/* The next row of a cursor (fetching a batch when the last is used up),
 * or -1 at the end, -2 on failure; its child's key is in @key (NULL: none,
 * which the server orders last). */
static int
peek (PgSource *self, guint t, const char **key, GError **error)
{
  Cursor *c = &self->cursors[t];

  if (!c->present || c->done)
    return -1;
  if (c->batch == NULL || c->at >= PQntuples (c->batch))
    {
      g_autofree char *sql = g_strdup_printf ("FETCH FORWARD %d FROM cp_ssd_%u", BATCH, t);

      /* The current child's rows may point into the last batch. */
      if (c->batch != NULL)
        {
          c->before += (guint) PQntuples (c->batch);
          g_ptr_array_add (c->retired, g_steal_pointer (&c->batch));
        }
      c->at = 0;
      if (c->thread != NULL)
        {
          /* The thread's batch, and leave for it to fetch the next. */
          c->batch = g_async_queue_pop (c->ready);
          g_async_queue_push (c->credits, GINT_TO_POINTER (1));
        }
      else
        c->batch = PQexec (self->conn, sql);
      if (PQresultStatus (c->batch) != PGRES_TUPLES_OK)
        return cursor_fail (self, t, error);
      if (PQntuples (c->batch) == 0)
        {
          c->done = TRUE;
          return -1;
        }
    }
  *key = PQgetisnull (c->batch, c->at, 0) ? NULL : PQgetvalue (c->batch, c->at, 0);
  return c->at;
}

/* A cursor's thread: fetches a batch whenever the reader leaves it room,
 * until the cursor's end, a failure, or the source is closed. */
static gpointer
fetch_batches (gpointer data)
{
  Cursor *c = data;
  g_autofree char *sql = g_strdup_printf ("FETCH FORWARD %d FROM cp_ssd", BATCH);

  for (;;)
    {
      PGresult *res;
      gboolean last;

      g_async_queue_pop (c->credits);
      if (g_atomic_int_get (&c->stop))
        break;
      res = PQexec (c->conn, sql);
      if (res == NULL)
        res = PQmakeEmptyPGresult (c->conn, PGRES_FATAL_ERROR);
      last = PQresultStatus (res) != PGRES_TUPLES_OK || PQntuples (res) == 0;
      g_async_queue_push (c->ready, res);
      if (last)
        break;
    }
  return NULL;
}

/* Stops a cursor's thread (cancelling the query it waits on) and closes
 * its connection. */
static void
stop_thread (Cursor *c)
{
  PGresult *res;

  if (c->thread != NULL)
    {
      PGcancel *cancel = PQgetCancel (c->conn);
      char why[256];

      g_atomic_int_set (&c->stop, 1);
      if (cancel != NULL)
        {
          PQcancel (cancel, why, sizeof why);
          PQfreeCancel (cancel);
        }
      g_async_queue_push (c->credits, GINT_TO_POINTER (1));
      g_thread_join (c->thread);
      c->thread = NULL;
    }
  if (c->ready != NULL)
    {
      while ((res = g_async_queue_try_pop (c->ready)) != NULL)
        PQclear (res);
      g_clear_pointer (&c->ready, g_async_queue_unref);
    }
  g_clear_pointer (&c->credits, g_async_queue_unref);
  g_clear_pointer (&c->conn, PQfinish);
}

/* Passes the cursor's current row, whose key is @key, checking that the
 * keys come in the order the merge compares them in: were they not, rows
 * would be passed over unread. */
static gboolean
pass (PgSource *self, guint t, const char *key, GError **error)
{
  Cursor *c = &self->cursors[t];
  int cmp;

  c->at++;
  if (key == NULL || (cmp = strcmp (key, c->last->str)) == 0)
    return TRUE;
  if (cmp < 0)
    {
      self->failed = TRUE;
      return cp_fail (error, CP_ERROR_PARSE, "postgresql: %s: the server did not order the rows by key",
                      self->parent.tables[t].name);
    }
  /* Copied when the key changes: a child's rows share it. */
  g_string_assign (c->last, key);
  return TRUE;
}

/* Room for a row of @size bytes among the current child's rows, in the
 * cursor's blocks, until clear_rows(). */
static gpointer
row_room (Cursor *c, gsize size)
{
  size = (size + 7) & ~(gsize) 7;
  g_assert (size <= ROW_BLOCK);
  if (c->blocks->len == 0)
    g_ptr_array_add (c->blocks, g_malloc (ROW_BLOCK));
  if (c->used + size > ROW_BLOCK)
    {
      c->block++;
      c->used = 0;
      if (c->block == c->blocks->len)
        g_ptr_array_add (c->blocks, g_malloc (ROW_BLOCK));
    }
  c->used += size;
  return (char *) c->blocks->pdata[c->block] + c->used - size;
}

/* Takes the cursor's current row into the table's rows. */
static Row *
take (PgSource *self, guint t)
{
  Cursor *c = &self->cursors[t];
  CpSsdTable *table = &self->parent.tables[t];
  PGresult *res = c->batch;
  int r = c->at;
  /* The row and its fields in one place (row_room()); the fields are the
   * batch's own strings (a NULL is ""), the batch kept until the child is
   * done with. */
  Row *row = row_room (c, sizeof (Row) + (c->n + 1) * sizeof (char *));

  memset (row, 0, sizeof (Row));

  /* The header is line 1. */
  if (c->numbered_here)
    row->line = c->before + (guint) r + 2;
  else
    row->line = (guint) g_ascii_strtoull (PQgetvalue (res, r, 1), NULL, 10);
  row->n = (guint) c->n;
  row->fields = (char **) (row + 1);
  for (int k = 0; k < c->n; k++)
    row->fields[k] = PQgetvalue (res, r, k + 2);
  row->fields[c->n] = NULL;
  /* The key is stripped, as the CSV route strips it. */
  if (table->cols[0] >= 0 && table->cols[0] < c->n)
    g_strstrip (row->fields[table->cols[0]]);
  g_ptr_array_add (table->rows, row);
  return row;
}

static void
clear_rows (PgSource *self, guint t)
{
  Cursor *c = &self->cursors[t];

  g_ptr_array_set_size (self->parent.tables[t].rows, 0);
  c->block = 0;
  c->used = 0;
  if (c->retired)
    g_ptr_array_set_size (c->retired, 0);
}

static gboolean declare_cursor (PgSource *self, guint t, gboolean orphans, GError **error);

/* The children are done: the episodes left, and those passed over before
 * a child of a greater key, are of people without an ssd_person row.
 * Where there are any, the episodes' cursor starts again on them alone. */
static int
start_orphans (PgSource *self, GError **error)
{
  Cursor *c = &self->cursors[T_EPISODES];
  g_autofree char *sql = g_strdup_printf ("CLOSE cp_ssd_%u", T_EPISODES);
  const char *key;
  int r;

  self->orphan_phase = TRUE;
  while ((r = peek (self, T_EPISODES, &key, error)) >= 0)
    {
      if (key != NULL && *key)
        self->orphans++;
      if (!pass (self, T_EPISODES, key, error))
        return -2;
    }
  if (r == -2 || self->orphans == 0)
    return r;
  g_clear_pointer (&c->batch, PQclear);
  c->done = FALSE;
  c->before = 0;
  g_string_truncate (c->last, 0);
  if (c->thread != NULL)
    stop_thread (c);
  else if (!pg_command (self->conn, sql, self->parent.tables[T_EPISODES].name, error))
    {
      self->failed = TRUE;
      return -2;
    }
  if (!declare_cursor (self, T_EPISODES, TRUE, error))
    {
      self->failed = TRUE;
      return -2;
    }
  return 0;
}

static gboolean
pg_next (CpSsdSource  *source,
         CpSsdItem    *item,
         GError      **error)
{
  PgSource *self = (PgSource *) source;
  const char *key, *k;
  int r;

  for (guint t = 0; t < N_TABLES; t++)
    clear_rows (self, t);
  item->kind = CP_SSD_ITEM_END;
  if (self->failed)
    return TRUE;

  r = self->orphan_phase ? -1 : peek (self, T_PERSON, &key, error);
  if (r == -2)
    return FALSE;
  if (r >= 0)
    {
      /* The person query has no empty or missing keys. */
      item->row = take (self, T_PERSON);
      if (self->child->len > 0 && strcmp (key, self->child->str) == 0)
        {
          item->kind = CP_SSD_ITEM_DUPLICATE;
          item->n = self->child_line;
          return pass (self, T_PERSON, key, error);
        }
      g_string_assign (self->child, key);
      self->child_line = item->row->line;
      if (!pass (self, T_PERSON, key, error))
        return FALSE;
      item->kind = CP_SSD_ITEM_CHILD;
      for (guint t = T_EPISODES; t < N_TABLES; t++)
        while ((r = peek (self, t, &k, error)) >= 0)
          {
            int cmp = k == NULL ? 1 : strcmp (k, self->child->str);

            if (cmp > 0)
              break;
            if (cmp == 0)
              take (self, t);
            else if (t == T_EPISODES && *k)
              self->orphans++;
            if (!pass (self, t, k, error))
              return FALSE;
          }
      return r != -2;
    }

  /* Episodes of people without a row in ssd_person, a person at a time. */
  if (!self->orphan_phase && (r = start_orphans (self, error)) < 0)
    return r != -2;
  r = peek (self, T_EPISODES, &key, error);
  if (r >= 0)
    {
      g_autofree char *person = g_strdup (key);

      item->kind = CP_SSD_ITEM_ORPHAN;
      item->row = take (self, T_EPISODES);
      item->n = 0;
      do
        {
          if (!pass (self, T_EPISODES, key, error))
            return FALSE;
          item->n++;
        }
      while ((r = peek (self, T_EPISODES, &key, error)) >= 0 && g_strcmp0 (key, person) == 0);
    }
  return r != -2;
}

static void
pg_close (CpSsdSource *source)
{
  PgSource *self = (PgSource *) source;

  for (guint t = 0; t < N_TABLES; t++)
    {
      Cursor *c = &self->cursors[t];

      stop_thread (c);
      g_clear_pointer (&c->batch, PQclear);
      if (c->retired)
        g_ptr_array_unref (c->retired);
      g_clear_pointer (&c->blocks, g_ptr_array_unref);
      g_strfreev (c->names);
      g_free (c->ident);
      g_free (c->key);
      g_free (c->row_id);
      if (c->last)
        g_string_free (c->last, TRUE);
    }
  if (self->child)
    g_string_free (self->child, TRUE);
  g_free (self->snapshot);
  g_free (self->conninfo);
  g_clear_pointer (&self->conn, PQfinish);
}

/* How many: the person rows with an episode (a second row of a child
 * too, as the person cursor gives them), in the reading's snapshot. */
static guint
pg_count (CpSsdSource *source)
{
  PgSource *self = (PgSource *) source;
  g_autofree char *pid = column (self, T_PERSON, P_ID);
  g_autofree char *eperson = column (self, T_EPISODES, E_PERSON);
  g_autofree char *sql = NULL;
  g_autoptr(PGresult) count = NULL;

  if (self->conn == NULL || !self->cursors[T_PERSON].present || !self->cursors[T_EPISODES].present)
    return 0;
  sql = g_strdup_printf ("SELECT count(*) FROM %s p WHERE " KEY ("p.%s") " <> '' AND " KEY ("p.%s")
                         " IN (SELECT " KEY ("e.%s") " FROM %s e)", self->cursors[T_PERSON].ident, pid, pid,
                         eperson, self->cursors[T_EPISODES].ident);
  count = PQexec (self->conn, sql);
  if (PQresultStatus (count) != PGRES_TUPLES_OK)
    {
      g_autofree char *why = first_line (PQerrorMessage (self->conn));

      g_warning ("%s: could not count the looked-after children: %s", self->parent.tables[T_PERSON].name, why);
      return 0;
    }
  return (guint) g_ascii_strtoull (PQgetvalue (count, 0, 0), NULL, 10);
}

static const CpSsdSourceClass pg_class = { pg_next, pg_close, pg_count };

/* The reading transaction's settings, on every connection. */
static gboolean
set_up_transaction (PGconn *conn, const char *snapshot, GError **error)
{
  g_autofree char *import = snapshot ? g_strdup_printf ("SET TRANSACTION SNAPSHOT '%s'", snapshot) : NULL;

  return pg_command (conn, "SET DateStyle TO ISO, YMD", "postgresql", error) &&
         pg_command (conn, "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY", "postgresql", error) &&
         (import == NULL || pg_command (conn, import, "postgresql", error)) &&
         /* Every cursor is read to its end: plan for all rows, not the
          * first few (a fast-start plan joins the numbered tables row by
          * row); and the keys' white space, stripped, misleads the row
          * estimates into compiling the queries (JIT), which takes longer
          * than running them. */
         pg_command (conn, "SET LOCAL cursor_tuple_fraction = 1.0", "postgresql", error) &&
         pg_command (conn, "SET LOCAL jit = off", "postgresql", error) &&
         /* Each cursor sorts its table on the server: in memory rather
          * than on disk where it can. At least 64 MB for the transaction,
          * or more where the role or the connection (options=-c
          * work_mem=…) sets more: docs/ssd.md says what the sorts take. */
         pg_command (conn, "SELECT set_config('work_mem', CASE WHEN pg_size_bytes(current_setting('work_mem')) "
                     "< pg_size_bytes('64MB') THEN '64MB' ELSE current_setting('work_mem') END, true)",
                     "postgresql", error);
}

/* Declares table @t's cursor: on a connection of its own, read by a
 * thread, where the snapshot can be shared and the connection had; on the
 * main connection otherwise. */
static gboolean
declare_cursor (PgSource *self, guint t, gboolean orphans, GError **error)
{
  Cursor *c = &self->cursors[t];
  g_autofree char *query = cursor_query (self, t, orphans);
  g_autofree char *declare = NULL;

  if (self->snapshot != NULL && !orphans)
    {
      c->conn = PQconnectdb (self->conninfo);
      declare = g_strdup_printf ("DECLARE cp_ssd NO SCROLL CURSOR FOR %s", query);
      if (PQstatus (c->conn) == CONNECTION_OK && set_up_transaction (c->conn, self->snapshot, NULL) &&
          pg_command (c->conn, declare, self->parent.tables[t].name, NULL))
        {
          c->ready = g_async_queue_new ();
          c->credits = g_async_queue_new ();
          for (int i = 0; i < AHEAD; i++)
            g_async_queue_push (c->credits, GINT_TO_POINTER (1));
          c->thread = g_thread_new ("careplan-ssd-fetch", fetch_batches, c);
          return TRUE;
        }
      /* Read on the main connection, as without a snapshot to share. */
      g_clear_pointer (&c->conn, PQfinish);
      g_clear_pointer (&declare, g_free);
    }
  declare = g_strdup_printf ("DECLARE cp_ssd_%u NO SCROLL CURSOR FOR %s", t, query);
  return pg_command (self->conn, declare, self->parent.tables[t].name, error);
}

static gboolean
pg_open (PgSource *self, const char *conninfo, GError **error)
{
  self->child = g_string_new (NULL);
  for (guint t = 0; t < N_TABLES; t++)
    self->cursors[t].last = g_string_new (NULL);
  self->conninfo = g_strdup (conninfo);
  self->conn = PQconnectdb (conninfo);
  if (PQstatus (self->conn) != CONNECTION_OK)
    return pg_fail (error, self->conn, "postgresql");
  if (!set_up_transaction (self->conn, NULL, error))
    return FALSE;
  /* The snapshot the cursors' own connections share; a server that cannot
   * export it has the transaction begun again, and every cursor read here. */
  {
    g_autoptr(PGresult) snapshot = PQexec (self->conn, "SELECT pg_export_snapshot()");

    if (PQresultStatus (snapshot) == PGRES_TUPLES_OK && PQntuples (snapshot) == 1)
      self->snapshot = g_strdup (PQgetvalue (snapshot, 0, 0));
    else if (!pg_command (self->conn, "ROLLBACK", "postgresql", error) ||
             !set_up_transaction (self->conn, NULL, error))
      return FALSE;
  }
  for (guint t = 0; t < N_TABLES; t++)
    if (!probe_table (self, t, error))
      return FALSE;

  for (guint t = 0; t < N_TABLES; t++)
    if (self->cursors[t].present && !declare_cursor (self, t, FALSE, error))
      return FALSE;

  return TRUE;
}

#endif

/* Opens the tables in @conninfo's database for reading a child at a time. */
CpSsdSource *
cp_ssd_source_new_postgresql (const char  *conninfo,
                              GError     **error)
{
#if CP_HAVE_LIBPQ
  PgSource *self;

  if (!cp_ssd_check_conninfo (conninfo, error))
    return NULL;
  self = g_new0 (PgSource, 1);
  cp_ssd_source_init (&self->parent, &pg_class);
  for (guint t = 0; t < N_TABLES; t++)
    {
      /* The rows' memory is their cursor's (row_room()). */
      self->parent.tables[t].rows = g_ptr_array_new ();
      self->cursors[t].blocks = g_ptr_array_new_with_free_func (g_free);
    }
  if (!pg_open (self, conninfo, error))
    {
      cp_ssd_source_free (&self->parent);
      return NULL;
    }
  return &self->parent;
#else
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
               "postgresql: this libcareplan was built without PostgreSQL support (libpq)");
  (void) conninfo;
  return NULL;
#endif
}

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
