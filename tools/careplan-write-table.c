/* careplan-write-table.c: careplan check --ssd CONNINFO --write-table TABLE
 *
 * Writes every obligation judged from the SSD into a table of the same
 * PostgreSQL database, in one transaction: the rows of the same as-at date
 * and profile are replaced, so a nightly run is idempotent and a run that
 * fails (or is killed) leaves the previous rows as they were. The rows go
 * in through COPY FROM STDIN as the cases are evaluated, so nothing but the
 * current case is held here; in COPY's binary format, which the server
 * takes without parsing dates and numbers from text. The DDL is in
 * docs/ssd.md.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "careplan-commands.h"
#include "careplan-write-table.h"
#include "cp-date-private.h"
#include "cp-engine-private.h"
#include "cp-obligation-list-private.h"
#include "cp-ssd-reader-private.h"

#if CP_HAVE_LIBPQ
# include <libpq-fe.h>
#endif

/* PostgreSQL's identifiers are at most 63 bytes (NAMEDATALEN - 1). */
#define MAX_IDENTIFIER 63

#define N_STATUSES (CP_OBLIGATION_STATUS_NOT_ENOUGH_HISTORY + 1)

/* A rule's fields as COPY's binary format writes them: its key and its
 * id, each with its length in front, made once for the run. */
typedef struct
{
  CpRule *rule;
  CpDuty duty;
  gboolean noted;        /* its citation is in the writer's rules */
  GString *key;
  GString *id;
} RuleBytes;

struct _CareplanTableWriter
{
#if CP_HAVE_LIBPQ
  PGconn *conn;
#endif
  char *table;           /* as given, for messages */
  GString *buffer;       /* COPY data not yet sent */
  GHashTable *rules;     /* rule id -> citation, of the rows written */
  GHashTable *seen;      /* CpRule (by address) -> its RuleBytes */
  GString *lead;         /* each row's first fields: their count, the date, the profile */
  GString *status_bytes[N_STATUSES + 1];   /* each status's nick; the last "?" */
  char *profile;
  gint32 as_at;          /* PostgreSQL's day: from 1 January 2000 */
  char *rules_name;      /* TABLE_rules, quoted */
  guint rows;
  gboolean failed;
};

/* PostgreSQL's day number of julian day @julian (GLib's, from 1 January
 * of year 1): days from 1 January 2000. */
static gint32
pg_day (guint32 julian)
{
  return (gint32) julian - (gint32) cp_julian_from_dmy (2000, 1, 1);
}

/* A plain SQL identifier: a letter or underscore, then letters, digits and
 * underscores, at most 63 of them. */
static gboolean
is_identifier (const char *s, gsize len)
{
  if (len == 0 || len > MAX_IDENTIFIER || !(g_ascii_isalpha (s[0]) || s[0] == '_'))
    return FALSE;
  for (gsize i = 1; i < len; i++)
    if (!(g_ascii_isalnum (s[i]) || s[i] == '_'))
      return FALSE;
  return TRUE;
}

gboolean
careplan_table_name_is_valid (const char *name)
{
  const char *dot = strchr (name, '.');

  if (dot == NULL)
    return is_identifier (name, strlen (name));
  return is_identifier (name, (gsize) (dot - name)) && is_identifier (dot + 1, strlen (dot + 1));
}

#if CP_HAVE_LIBPQ

G_DEFINE_AUTOPTR_CLEANUP_FUNC (PGresult, PQclear)

static gboolean
fail (CareplanTableWriter *self, GError **error, const char *doing)
{
  g_autofree char *msg = g_strdup (PQerrorMessage (self->conn));

  self->failed = TRUE;
  g_strchomp (msg);
  g_set_error (error, CP_ERROR, CP_ERROR_INVALID_VALUE, "postgresql: %s: %s: %s", self->table, doing, msg);
  return FALSE;
}

static gboolean
command (CareplanTableWriter *self, const char *sql, int n_params, const char * const *params,
         const char *doing, GError **error)
{
  g_autoptr(PGresult) res = PQexecParams (self->conn, sql, n_params, NULL, params, NULL, NULL, 0);

  if (PQresultStatus (res) != PGRES_COMMAND_OK)
    return fail (self, error, doing);
  return TRUE;
}

/* @name quoted, each part of a schema-qualified name on its own. */
static char *
quoted_name (PGconn *conn, const char *name)
{
  g_auto(GStrv) parts = g_strsplit (name, ".", 2);
  GString *out = g_string_new (NULL);

  for (guint i = 0; parts[i] != NULL; i++)
    {
      char *q = PQescapeIdentifier (conn, parts[i], strlen (parts[i]));

      if (q == NULL)
        return g_string_free (out, TRUE), NULL;
      if (i > 0)
        g_string_append_c (out, '.');
      g_string_append (out, q);
      PQfreemem (q);
    }
  return g_string_free (out, FALSE);
}

/* The index's name: the table's, without a schema, with a suffix. */
static char *
index_name (PGconn *conn, const char *name)
{
  const char *dot = strchr (name, '.');
  g_autofree char *base = g_strdup_printf ("%.*s_as_at", MAX_IDENTIFIER - 6, dot ? dot + 1 : name);
  char *q = PQescapeIdentifier (conn, base, strlen (base));
  char *out = g_strdup (q);

  PQfreemem (q);
  return out;
}

/* A table of the layout: @name's own, with @suffix, quoted, in the same
 * schema (the base shortened to fit 63 bytes). */
static char *
part_name (PGconn *conn, const char *name, const char *suffix)
{
  const char *dot = strchr (name, '.');
  int room = MAX_IDENTIFIER - (int) strlen (suffix);
  g_autofree char *full = NULL;

  if (dot == NULL)
    full = g_strdup_printf ("%.*s%s", room, name, suffix);
  else
    full = g_strdup_printf ("%.*s.%.*s%s", (int) (dot - name), name, room, dot + 1, suffix);
  return quoted_name (conn, full);
}

/* An earlier careplan wrote one wide table under @table's name, and a
 * table of that name may be someone else's: either is refused, untouched,
 * rather than replaced by the view. @view_exists: whether the view is
 * there already (then it is left alone: replacing it would lock the
 * dashboards out of it until the commit). */
static gboolean
check_not_a_table (CareplanTableWriter *self, const char *table, gboolean *view_exists, GError **error)
{
  const char *params[1] = { table };
  g_autoptr(PGresult) res = PQexecParams (self->conn,
                                          "SELECT c.relkind FROM pg_class c WHERE c.oid = to_regclass($1)",
                                          1, NULL, params, NULL, NULL, 0);

  if (PQresultStatus (res) != PGRES_TUPLES_OK)
    return fail (self, error, "looking the table up");
  *view_exists = PQntuples (res) > 0 && strcmp (PQgetvalue (res, 0, 0), "v") == 0;
  if (PQntuples (res) == 0 || *view_exists)
    return TRUE;
  self->failed = TRUE;
  g_set_error (error, CP_ERROR, CP_ERROR_INVALID_VALUE,
               "postgresql: %s: already a table, not the view careplan writes (an earlier careplan's wide "
               "table keeps each rule's citation in every row: rename or drop it, see docs/ssd.md)", self->table);
  return FALSE;
}

/* Whether an index of the rows table @rows (quoted) begins with as_at:
 * the (as_at, profile) of earlier versions, or the authority's own. */
static gboolean
has_as_at_index (CareplanTableWriter *self, const char *rows, gboolean *indexed, GError **error)
{
  const char *params[1] = { rows };
  g_autoptr(PGresult) res = PQexecParams (self->conn,
                                          "SELECT EXISTS (SELECT FROM pg_index i JOIN pg_attribute a "
                                          "ON a.attrelid = i.indrelid AND a.attnum = i.indkey[0] "
                                          "WHERE i.indrelid = to_regclass($1) AND a.attname = 'as_at')",
                                          1, NULL, params, NULL, NULL, 0);

  if (PQresultStatus (res) != PGRES_TUPLES_OK || PQntuples (res) != 1)
    return fail (self, error, "looking for the index");
  *indexed = strcmp (PQgetvalue (res, 0, 0), "t") == 0;
  return TRUE;
}

/* Connects, then in one transaction creates the table if need be, locks it
 * against another writer, deletes the rows of @as_at and @profile, and
 * starts the COPY. */
static gboolean
begin (CareplanTableWriter *self, const char *conninfo, const char *profile, const char *as_at,
       GError **error)
{
  const char *params[2] = { as_at, profile };
  g_autofree char *table = NULL, *rows = NULL, *rules = NULL, *index = NULL, *ddl = NULL, *lock = NULL;
  g_autofree char *del = NULL, *copy = NULL;
  gboolean view_exists = FALSE, indexed = FALSE;
  g_autoptr(PGresult) res = NULL;

  if (!cp_ssd_check_conninfo (conninfo, error))
    return FALSE;
  self->conn = PQconnectdb (conninfo);
  if (PQstatus (self->conn) != CONNECTION_OK)
    return fail (self, error, "connecting");
  table = quoted_name (self->conn, self->table);
  rows = part_name (self->conn, self->table, "_rows");
  rules = part_name (self->conn, self->table, "_rules");
  index = index_name (self->conn, self->table);
  if (table == NULL || rows == NULL || rules == NULL || index == NULL)
    return fail (self, error, "quoting the name");
  lock = g_strdup_printf ("LOCK TABLE %s, %s IN SHARE ROW EXCLUSIVE MODE", rows, rules);
  del = g_strdup_printf ("DELETE FROM %s WHERE as_at = $1 AND profile = $2", rows);
  copy = g_strdup_printf ("COPY %s (as_at, profile, record_id, ordinal, key, subject, due, met_on, status, "
                          "rule_id) FROM STDIN WITH (FORMAT binary)", rows);
  if (!command (self, "SET DateStyle TO ISO, YMD", 0, NULL, "setting the date style", error) ||
      !command (self, "BEGIN", 0, NULL, "beginning the transaction", error) ||
      !command (self, "SET LOCAL client_min_messages TO warning", 0, NULL, "setting the message level", error) ||
      !check_not_a_table (self, table, &view_exists, error))
    return FALSE;
  ddl = g_strdup_printf (CAREPLAN_OBLIGATIONS_ROWS_DDL, rows);
  if (!command (self, ddl, 0, NULL, "creating the table", error))
    return FALSE;
  g_clear_pointer (&ddl, g_free);
  ddl = g_strdup_printf (CAREPLAN_OBLIGATIONS_RULES_DDL, rules);
  if (!command (self, ddl, 0, NULL, "creating the rules' table", error))
    return FALSE;
  g_clear_pointer (&ddl, g_free);
  ddl = g_strdup_printf (CAREPLAN_OBLIGATIONS_VIEW_DDL, table, rows, rules);
  if (!view_exists && !command (self, ddl, 0, NULL, "creating the view", error))
    return FALSE;
  g_clear_pointer (&ddl, g_free);
  if (!has_as_at_index (self, rows, &indexed, error))
    return FALSE;
  /* On the date alone: a run's rows share it, and the date's comparison is
   * cheaper than the profile's for each of them (the COPY of 1.6 million
   * rows took 1.9 s with the (as_at, profile) of earlier versions, 1.6 s
   * with this). An index that begins with as_at, theirs or ours, serves. */
  ddl = g_strdup_printf ("CREATE INDEX IF NOT EXISTS %s ON %s (as_at)", index, rows);
  if ((!indexed && !command (self, ddl, 0, NULL, "creating the index", error)) ||
      !command (self, lock, 0, NULL, "locking the table", error) ||
      !command (self, del, 2, params, "deleting the rows of the same date and profile", error))
    return FALSE;
  self->rules_name = g_steal_pointer (&rules);
  res = PQexec (self->conn, copy);
  if (PQresultStatus (res) != PGRES_COPY_IN)
    return fail (self, error, "starting the copy");
  /* The binary format's signature, flags and header extension (none). */
  g_string_append_len (self->buffer, "PGCOPY\n\377\r\n\0", 11);
  g_string_append_len (self->buffer, "\0\0\0\0\0\0\0\0", 8);
  return TRUE;
}

#endif

/* COPY's binary format: each tuple its number of fields (16 bits), each
 * field its length in bytes (32 bits; -1 for NULL) and its bytes, every
 * number big-endian; a date is a 32-bit count of days from 2000-01-01,
 * text its bytes (UTF-8, as the text format sent them).
 *
 * A row's fields are written straight into room made for the whole row:
 * the fields the rows share (the count, the date, the profile; a rule's
 * key and id; a status's nick) are encoded once, and a row is a few
 * copies. */
static guchar *
put_u16 (guchar *p, guint16 v)
{
  p[0] = (guchar) (v >> 8);
  p[1] = (guchar) v;
  return p + 2;
}

static guchar *
put_i32 (guchar *p, gint32 v)
{
  guint32 u = (guint32) v;

  p[0] = (guchar) (u >> 24);
  p[1] = (guchar) (u >> 16);
  p[2] = (guchar) (u >> 8);
  p[3] = (guchar) u;
  return p + 4;
}

static guchar *
put_bytes (guchar *p, const char *bytes, gsize len)
{
  memcpy (p, bytes, len);
  return p + len;
}

static guchar *
put_int (guchar *p, gint32 v)
{
  return put_i32 (put_i32 (p, 4), v);
}

/* Julian day @julian as PostgreSQL's date, or NULL for 0 (no date). */
static guchar *
put_date (guchar *p, guint32 julian)
{
  return julian == 0 ? put_i32 (p, -1) : put_int (p, pg_day (julian));
}

/* @value as a text field: its length, then its bytes. */
static GString *
text_field (const char *value)
{
  gsize len = strlen (value);
  GString *out = g_string_sized_new (len + 4);

  g_string_set_size (out, 4);
  put_i32 ((guchar *) out->str, (gint32) len);
  g_string_append_len (out, value, (gssize) len);
  return out;
}

static void
rule_bytes_free (gpointer data)
{
  RuleBytes *b = data;

  g_string_free (b->key, TRUE);
  g_string_free (b->id, TRUE);
  g_free (b);
}

/* @rule's key and id as fields, made the first time it is met. */
static RuleBytes *
rule_bytes (CareplanTableWriter *self, CpRule *rule)
{
  RuleBytes *b = g_hash_table_lookup (self->seen, rule);

  if (b == NULL)
    {
      b = g_new (RuleBytes, 1);
      b->rule = rule;
      b->duty = cp_rule_get_duty (rule);
      b->noted = FALSE;
      b->key = text_field (cp_rule_get_key (rule));
      b->id = text_field (cp_rule_get_id (rule));
      g_hash_table_insert (self->seen, rule, b);
    }
  return b;
}

CareplanTableWriter *
careplan_table_writer_new (const char *conninfo, const char *table, const char *profile, const GDate *as_at,
                           GError **error)
{
  g_autoptr(CareplanTableWriter) self = g_new0 (CareplanTableWriter, 1);
  GEnumClass *statuses;
  char when[16];

  if (!careplan_table_name_is_valid (table))
    {
      g_set_error (error, CP_ERROR, CP_ERROR_INVALID_VALUE,
                   "--write-table: “%s” is not a table name (letters, digits and underscores, not starting "
                   "with a digit, at most 63 of them, perhaps after a schema's name and a dot)", table);
      return NULL;
    }
  self->table = g_strdup (table);
  self->buffer = g_string_new (NULL);
  self->rules = g_hash_table_new_full (g_str_hash, g_str_equal, g_free, g_free);
  self->seen = g_hash_table_new_full (NULL, NULL, NULL, rule_bytes_free);
  self->profile = g_strdup (profile);
  self->as_at = pg_day (g_date_get_julian (as_at));
  /* The fields every row starts with: how many there are, the as-at date
   * and the profile. */
  self->lead = g_string_new (NULL);
  g_string_set_size (self->lead, 10);
  put_int (put_u16 ((guchar *) self->lead->str, 10), self->as_at);
  {
    g_autoptr(GString) field = text_field (profile);
    g_string_append_len (self->lead, field->str, (gssize) field->len);
  }
  statuses = g_type_class_ref (CP_TYPE_OBLIGATION_STATUS);
  for (guint s = 0; s < N_STATUSES; s++)
    {
      GEnumValue *status = g_enum_get_value (statuses, (int) s);
      self->status_bytes[s] = text_field (status != NULL ? status->value_nick : "?");
    }
  g_type_class_unref (statuses);
  self->status_bytes[N_STATUSES] = text_field ("?");
  g_snprintf (when, sizeof when, "%04d-%02d-%02d", g_date_get_year (as_at), g_date_get_month (as_at),
              g_date_get_day (as_at));
#if CP_HAVE_LIBPQ
  if (!begin (self, conninfo, profile, when, error))
    return NULL;
  return g_steal_pointer (&self);
#else
  (void) conninfo;
  (void) profile;
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED,
               "postgresql: this libcareplan was built without PostgreSQL support (libpq)");
  return NULL;
#endif
}

#if CP_HAVE_LIBPQ
static gboolean
send_buffer (CareplanTableWriter *self, GError **error)
{
  if (self->buffer->len > 0 &&
      PQputCopyData (self->conn, self->buffer->str, (int) self->buffer->len) != 1)
    return fail (self, error, "copying the rows");
  g_string_truncate (self->buffer, 0);
  return TRUE;
}
#endif

gboolean
careplan_table_writer_add_case (CareplanTableWriter *self, CpEvaluator *ev, CpCase *kase, int source,
                                GError **error)
{
  CpObligationList *list = CP_OBLIGATION_LIST (cp_evaluator_get_obligations (ev));
  guint n = cp_obligation_list_length (list);
  g_autoptr(GString) record = text_field (cp_child_get_id (cp_case_get_child (kase)));
  gint32 ordinal = 0;

  if (self->failed)
    return FALSE;
  for (guint i = 0; i < n; i++)
    {
      const CpObligationData *d = cp_obligation_list_peek (list, i);
      RuleBytes *rule = rule_bytes (self, d->rule);
      const GString *status;
      gsize subject, at;
      guchar *p;

      if (!careplan_source_judges (source, rule->duty))
        continue;
      status = self->status_bytes[(guint) d->status < N_STATUSES ? (guint) d->status : N_STATUSES];
      subject = strlen (d->subject);
      at = self->buffer->len;
      /* The row's size: the shared fields, the ordinal (8 bytes), the
       * subject, two dates (8 bytes each at most). */
      g_string_set_size (self->buffer, at + self->lead->len + record->len + 8 + rule->key->len + 4 + subject +
                                       16 + status->len + rule->id->len);
      p = (guchar *) self->buffer->str + at;
      p = put_bytes (p, self->lead->str, self->lead->len);
      p = put_bytes (p, record->str, record->len);
      p = put_int (p, ++ordinal);
      p = put_bytes (p, rule->key->str, rule->key->len);
      p = put_i32 (p, (gint32) subject);
      p = put_bytes (p, d->subject, subject);
      p = put_date (p, d->due);
      p = put_date (p, d->met);
      p = put_bytes (p, status->str, status->len);
      p = put_bytes (p, rule->id->str, rule->id->len);
      g_string_truncate (self->buffer, (gsize) (p - (guchar *) self->buffer->str));
      if (!rule->noted)
        {
          /* Its citation, for the rules' table: of the rules of the rows
           * written, and only those. */
          g_hash_table_insert (self->rules, g_strdup (cp_rule_get_id (rule->rule)),
                               g_strdup (cp_rule_get_citation (rule->rule)));
          rule->noted = TRUE;
        }
      self->rows++;
    }
#if CP_HAVE_LIBPQ
  if (self->buffer->len >= 256 * 1024)
    return send_buffer (self, error);
#else
  (void) error;
#endif
  return TRUE;
}

#if CP_HAVE_LIBPQ
/* Each rule of the rows written, its citation once (the latest wins). */
static gboolean
write_rules (CareplanTableWriter *self, GError **error)
{
  g_autofree char *sql = g_strdup_printf ("INSERT INTO %s (profile, rule_id, citation) VALUES ($1, $2, $3) "
                                          "ON CONFLICT (profile, rule_id) DO UPDATE SET citation = EXCLUDED.citation",
                                          self->rules_name);
  GHashTableIter iter;
  gpointer id, citation;

  g_hash_table_iter_init (&iter, self->rules);
  while (g_hash_table_iter_next (&iter, &id, &citation))
    {
      const char *params[3] = { self->profile, id, citation };

      if (!command (self, sql, 3, params, "writing the rules' citations", error))
        return FALSE;
    }
  return TRUE;
}
#endif

gboolean
careplan_table_writer_commit (CareplanTableWriter *self, guint *rows, GError **error)
{
#if CP_HAVE_LIBPQ
  g_autoptr(PGresult) res = NULL;
  const char *pause = g_getenv ("CAREPLAN_TEST_PAUSE_BEFORE_COMMIT");

  if (self->failed)
    return FALSE;
  /* The binary format's trailer. */
  g_string_append_len (self->buffer, "\377\377", 2);
  if (!send_buffer (self, error))
    return FALSE;
  if (PQputCopyEnd (self->conn, NULL) != 1)
    return fail (self, error, "ending the copy");
  res = PQgetResult (self->conn);
  if (PQresultStatus (res) != PGRES_COMMAND_OK)
    return fail (self, error, "copying the rows");
  g_clear_pointer (&res, PQclear);
  while ((res = PQgetResult (self->conn)) != NULL)
    g_clear_pointer (&res, PQclear);
  if (!write_rules (self, error))
    return FALSE;
  /* For the test of atomicity: say so, then wait to be killed. */
  if (pause != NULL && *pause != '\0')
    {
      fprintf (stderr, "careplan check: --write-table: ready to commit\n");
      fflush (stderr);
      g_usleep ((gulong) g_ascii_strtoull (pause, NULL, 10) * G_USEC_PER_SEC);
    }
  if (!command (self, "COMMIT", 0, NULL, "committing", error))
    return FALSE;
  *rows = self->rows;
  return TRUE;
#else
  (void) self;
  (void) rows;
  g_set_error (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED, "postgresql: built without libpq");
  return FALSE;
#endif
}

/* Closing the connection without COMMIT rolls the transaction back. */
void
careplan_table_writer_free (CareplanTableWriter *self)
{
#if CP_HAVE_LIBPQ
  g_clear_pointer (&self->conn, PQfinish);
#endif
  if (self->buffer != NULL)
    g_string_free (self->buffer, TRUE);
  g_clear_pointer (&self->rules, g_hash_table_unref);
  g_clear_pointer (&self->seen, g_hash_table_unref);
  if (self->lead != NULL)
    g_string_free (self->lead, TRUE);
  for (guint s = 0; s <= N_STATUSES; s++)
    if (self->status_bytes[s] != NULL)
      g_string_free (self->status_bytes[s], TRUE);
  g_free (self->profile);
  g_free (self->rules_name);
  g_free (self->table);
  g_free (self);
}
