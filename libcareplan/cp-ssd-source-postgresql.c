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

/* Every table is read through a server-side cursor, in one read-only
 * transaction (one snapshot), ordered by the child its rows belong to, so
 * that next() merges the cursors as it goes: only the current child's
 * rows, and a batch a cursor, are held. docs/ssd.md says how the rows are
 * ordered and numbered. */

typedef CpCsvRow Row;

#if CP_HAVE_LIBPQ

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PGresult, PQclear)

/* Rows a cursor fetches at a time. */
#define BATCH 2000

/* A key as the CSV route compares it: stripped of ASCII white space. */
#define STRIP(x) "btrim((" x ")::text, E' \\t\\n\\r\\f\\x0B')"

typedef struct {
  gboolean present;
  char *ident;          /* the table, quoted */
  char **names;         /* its columns, as the server spells them */
  int n;                /* how many */
  char *row_id;         /* the row identifier's column, quoted, or NULL */
  PGresult *batch;      /* the rows fetched and not yet taken */
  int at;
  gboolean done;
  GStringChunk *strings;   /* the current child's fields */
} Cursor;

typedef struct {
  CpSsdSource parent;

  PGconn *conn;
  Cursor cursors[N_TABLES];
  gboolean failed;
} PgSource;

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

static char *
quote (PGconn *conn, const char *name)
{
  char *ident = PQescapeIdentifier (conn, name, strlen (name));
  char *copy = g_strdup (ident);

  PQfreemem (ident);
  return copy;
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
        cursor->row_id = quote (self->conn, PQfname (probe, k));
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
  cursor->present = TRUE;
  cursor->strings = g_string_chunk_new (4096);
  return TRUE;
}

/* A wanted column of a table, quoted, or NULL where it is absent. */
static char *
column (PgSource *self, guint t, int col)
{
  int k = self->parent.tables[t].cols[col];

  return k >= 0 ? quote (self->conn, self->cursors[t].names[k]) : NULL;
}

/* The query of table @t's cursor: its rows numbered as a CSV file's would
 * be (the header is line 1, then in the order of its key and row id) and
 * ordered by the child they belong to, who is known by the line of the
 * first ssd_person row with its id (cp_first); the rows of people who are
 * not looked after (no episode) are skipped as the cursors are merged. An
 * episode of a person without a row there has no cp_first and comes last. A placement or a review belongs to each
 * child with an episode of its period of care (clap_cla_id, clar_cla_id),
 * and a placement also to each child whose episode names it by id. */
static char *
cursor_query (PgSource *self, guint t)
{
  Cursor *p = &self->cursors[T_PERSON], *e = &self->cursors[T_EPISODES], *c = &self->cursors[t];
  g_autofree char *pid = column (self, T_PERSON, P_ID);
  g_autofree char *eperson = column (self, T_EPISODES, E_PERSON);
  g_autofree char *ecla = column (self, T_EPISODES, E_CLA);
  g_autofree char *eplacement = column (self, T_EPISODES, E_PLACEMENT);
  g_autofree char *key = column (self, t, 0);
  g_autofree char *plid = t == T_PLACEMENT ? column (self, t, PL_ID) : NULL;
  GString *sql = g_string_new (NULL);

  g_string_append_printf (sql,
    "WITH cp_p AS (SELECT row_number() OVER (ORDER BY %s) + 1 AS cp_line, " STRIP ("%s") " AS cp_key FROM %s), "
    "cp_k AS (SELECT cp_key, min(cp_line) AS cp_first FROM cp_p WHERE cp_key <> '' GROUP BY cp_key), ",
    pid, pid, p->ident);
  if (t == T_PLACEMENT || t == T_REVIEWS)
    g_string_append_printf (sql,
      "cp_c AS (SELECT DISTINCT e.%s::text AS cp_cla, k.cp_first FROM %s e JOIN cp_k k ON k.cp_key = "
      STRIP ("e.%s") " WHERE e.%s IS NOT NULL), ", ecla, e->ident, eperson, ecla);
  if (t == T_PLACEMENT && eplacement != NULL)
    g_string_append_printf (sql,
      "cp_i AS (SELECT DISTINCT e.%s::text AS cp_pid, k.cp_first FROM %s e JOIN cp_k k ON k.cp_key = "
      STRIP ("e.%s") " WHERE e.%s::text <> ''), ", eplacement, e->ident, eperson, eplacement);
  g_string_append_printf (sql, "cp_t AS (SELECT row_number() OVER (ORDER BY %s%s%s) + 1 AS cp_line, * FROM %s) ",
                          key, c->row_id ? ", " : "", c->row_id ? c->row_id : "", c->ident);
  switch (t)
    {
    case T_PERSON:
      /* Only the looked after: those with an episode. */
      g_string_append_printf (sql, "SELECT k.cp_first, t.* FROM cp_t t JOIN cp_k k ON k.cp_key = " STRIP ("t.%s")
                              " WHERE k.cp_key IN (SELECT " STRIP ("%s") " FROM %s) ORDER BY t.cp_line",
                              key, eperson, e->ident);
      break;
    case T_EPISODES:
      g_string_append_printf (sql, "SELECT k.cp_first, t.* FROM cp_t t LEFT JOIN cp_k k ON k.cp_key = " STRIP ("t.%s")
                              " WHERE " STRIP ("t.%s") " <> '' ORDER BY k.cp_first NULLS LAST, t.cp_line", key, key);
      break;
    case T_REVIEWS:
      g_string_append_printf (sql, "SELECT c.cp_first, t.* FROM cp_t t JOIN cp_c c ON c.cp_cla = " STRIP ("t.%s")
                              " ORDER BY c.cp_first, t.cp_line", key);
      break;
    case T_PLACEMENT:
      g_string_append_printf (sql, ", cp_m AS (SELECT c.cp_first, t.cp_line FROM cp_t t JOIN cp_c c ON c.cp_cla = "
                              STRIP ("t.%s"), key);
      if (eplacement != NULL)
        g_string_append_printf (sql, " UNION SELECT i.cp_first, t.cp_line FROM cp_t t JOIN cp_i i ON i.cp_pid = t.%s::text",
                                plid);
      g_string_append (sql, ") SELECT m.cp_first, t.* FROM cp_m m JOIN cp_t t ON t.cp_line = m.cp_line "
                            "ORDER BY m.cp_first, t.cp_line");
      break;
    default:
      g_string_append_printf (sql, "SELECT k.cp_first, t.* FROM cp_t t JOIN cp_k k ON k.cp_key = " STRIP ("t.%s")
                              " ORDER BY k.cp_first, t.cp_line", key);
      break;
    }
  return g_string_free (sql, FALSE);
}

/* The next row of a cursor (fetching a batch when the last is used up),
 * or -1 at the end; its cp_first is in @first (0: none). */
static int
peek (PgSource *self, guint t, guint64 *first, GError **error)
{
  Cursor *c = &self->cursors[t];

  if (!c->present || c->done)
    return -1;
  if (c->batch == NULL || c->at >= PQntuples (c->batch))
    {
      g_autofree char *sql = g_strdup_printf ("FETCH FORWARD %d FROM cp_ssd_%u", BATCH, t);

      g_clear_pointer (&c->batch, PQclear);
      c->at = 0;
      c->batch = PQexec (self->conn, sql);
      if (PQresultStatus (c->batch) != PGRES_TUPLES_OK)
        {
          /* Not a child's bad rows: the reading cannot go on. */
          g_autofree char *msg = g_strdup (PQerrorMessage (self->conn));

          g_strchomp (msg);
          if (strchr (msg, '\n') != NULL)
            *strchr (msg, '\n') = '\0';
          g_set_error (error, G_IO_ERROR, G_IO_ERROR_FAILED, "%s: %s", self->parent.tables[t].name, msg);
          self->failed = TRUE;
          c->done = TRUE;
          return -2;
        }
      if (PQntuples (c->batch) == 0)
        {
          c->done = TRUE;
          return -1;
        }
    }
  *first = PQgetisnull (c->batch, c->at, 0) ? 0 : g_ascii_strtoull (PQgetvalue (c->batch, c->at, 0), NULL, 10);
  return c->at;
}

/* Takes the cursor's current row into the table's rows. */
static Row *
take (PgSource *self, guint t)
{
  Cursor *c = &self->cursors[t];
  CpSsdTable *table = &self->parent.tables[t];
  PGresult *res = c->batch;
  int r = c->at++;
  Row *row = g_new0 (Row, 1);

  row->line = (guint) g_ascii_strtoull (PQgetvalue (res, r, 1), NULL, 10);
  row->n = (guint) c->n;
  row->fields = g_new (char *, c->n + 1);
  for (int k = 0; k < c->n; k++)
    row->fields[k] = g_string_chunk_insert (c->strings, PQgetisnull (res, r, k + 2) ? "" : PQgetvalue (res, r, k + 2));
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
  g_ptr_array_set_size (self->parent.tables[t].rows, 0);
  if (self->cursors[t].strings)
    g_string_chunk_clear (self->cursors[t].strings);
}

static gboolean
pg_next (CpSsdSource  *source,
         CpSsdItem    *item,
         GError      **error)
{
  PgSource *self = (PgSource *) source;
  guint64 first, line, f;
  int r;

  for (guint t = 0; t < N_TABLES; t++)
    clear_rows (self, t);
  item->kind = CP_SSD_ITEM_END;
  if (self->failed)
    return TRUE;

  r = peek (self, T_PERSON, &first, error);
  if (r == -2)
    return FALSE;
  if (r >= 0)
    {
      item->row = take (self, T_PERSON);
      line = item->row->line;
      if (first != line)
        {
          item->kind = CP_SSD_ITEM_DUPLICATE;
          item->n = (guint) first;
          return TRUE;
        }
      item->kind = CP_SSD_ITEM_CHILD;
      for (guint t = T_EPISODES; t < N_TABLES && r != -2; t++)
        while ((r = peek (self, t, &f, error)) >= 0 && f != 0 && f <= first)
          {
            if (f == first)
              take (self, t);
            else
              self->cursors[t].at++;
          }
      return r != -2;
    }

  /* Episodes of people without a row in ssd_person, a person at a time. */
  r = peek (self, T_EPISODES, &first, error);
  if (r >= 0)
    {
      CpSsdTable *e = &source->tables[T_EPISODES];

      item->kind = CP_SSD_ITEM_ORPHAN;
      item->row = take (self, T_EPISODES);
      item->n = 1;
      while ((r = peek (self, T_EPISODES, &f, error)) >= 0 &&
             strcmp (g_strstrip (PQgetvalue (self->cursors[T_EPISODES].batch, r, e->cols[E_PERSON] + 2)),
                     cp_ssd_field (e, item->row, E_PERSON)) == 0)
        {
          self->cursors[T_EPISODES].at++;
          item->n++;
        }
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

      g_clear_pointer (&c->batch, PQclear);
      if (c->strings)
        g_string_chunk_free (c->strings);
      g_strfreev (c->names);
      g_free (c->ident);
      g_free (c->row_id);
    }
  g_clear_pointer (&self->conn, PQfinish);
}

static const CpSsdSourceClass pg_class = { pg_next, pg_close };

static gboolean
pg_open (PgSource *self, const char *conninfo, GError **error)
{
  g_autoptr(PGresult) count = NULL;
  g_autofree char *sql = NULL;

  self->conn = PQconnectdb (conninfo);
  if (PQstatus (self->conn) != CONNECTION_OK)
    return pg_fail (error, self->conn, "postgresql");
  if (!pg_command (self->conn, "SET DateStyle TO ISO, YMD", "postgresql", error) ||
      !pg_command (self->conn, "BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY", "postgresql", error) ||
      /* Every cursor is read to its end: plan for all rows, not the first
       * few (a fast-start plan joins the numbered tables row by row); and
       * the keys' white space, stripped, misleads the row estimates into
       * compiling the queries (JIT), which takes longer than running them. */
      !pg_command (self->conn, "SET LOCAL cursor_tuple_fraction = 1.0", "postgresql", error) ||
      !pg_command (self->conn, "SET LOCAL jit = off", "postgresql", error) ||
      /* Each cursor sorts its table on the server: in memory, not on disk. */
      !pg_command (self->conn, "SET LOCAL work_mem = '64MB'", "postgresql", error))
    return FALSE;
  for (guint t = 0; t < N_TABLES; t++)
    if (!probe_table (self, t, error))
      return FALSE;

  for (guint t = 0; t < N_TABLES; t++)
    {
      g_autofree char *query = NULL;
      g_autofree char *declare = NULL;

      if (!self->cursors[t].present)
        continue;
      query = cursor_query (self, t);
      declare = g_strdup_printf ("DECLARE cp_ssd_%u NO SCROLL CURSOR FOR %s", t, query);
      if (!pg_command (self->conn, declare, self->parent.tables[t].name, error))
        return FALSE;
      if (t == T_PERSON)
        {
          /* How many: the person query's rows, counted. */
          sql = g_strdup_printf ("SELECT count(*) FROM (%s) AS cp_q", query);
          count = PQexec (self->conn, sql);
          if (PQresultStatus (count) != PGRES_TUPLES_OK)
            return pg_fail (error, self->conn, self->parent.tables[t].name);
          self->parent.n_children = (guint) g_ascii_strtoull (PQgetvalue (count, 0, 0), NULL, 10);
        }
    }
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
    self->parent.tables[t].rows = g_ptr_array_new_with_free_func (cp_csv_row_free);
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
