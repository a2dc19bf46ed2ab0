/* cp-caseload-reader.c: streaming a JSON Lines caseload
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include <string.h>

#include "careplan.h"
#include "cp-case-private.h"
#include "cp-caseload-reader-private.h"

/* Lines are read out of a buffer that grows to hold the longest line. */
#define CHUNK_SIZE 65536

/**
 * CpCaseloadReader:
 *
 * Reads a caseload in JSON Lines form, one case per line, one case at a
 * time, so that a national-scale caseload never has to be in memory at
 * once. Blank lines are skipped. An error names the line
 * (`line 12: placements[1].start: “2026-02-30” is not a date`); the
 * reader can carry on with the next line after one, so that one broken
 * case does not hide the others.
 */
struct _CpCaseloadReader
{
  GObject       parent_instance;
  GInputStream *input;
  guint8       *buf;
  gsize         size;       /* allocated */
  gsize         start;      /* the next unread byte */
  gsize         end;        /* one past the last byte read */
  gsize         scanned;    /* bytes from start already known to hold no line end */
  gboolean      eof;
  gboolean      failed;     /* a read failed: the stream is given up */
  GString      *scratch;    /* the JSON reader's working space: strings, */
  GString      *name;       /* and member names */
  guint         line;
};

G_DEFINE_FINAL_TYPE (CpCaseloadReader, cp_caseload_reader, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_LINE,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
cp_caseload_reader_dispose (GObject *object)
{
  CpCaseloadReader *self = (CpCaseloadReader *) object;

  g_clear_object (&self->input);

  G_OBJECT_CLASS (cp_caseload_reader_parent_class)->dispose (object);
}

static void
cp_caseload_reader_finalize (GObject *object)
{
  CpCaseloadReader *self = (CpCaseloadReader *) object;

  g_free (self->buf);
  g_string_free (self->scratch, TRUE);
  g_string_free (self->name, TRUE);

  G_OBJECT_CLASS (cp_caseload_reader_parent_class)->finalize (object);
}

static void
cp_caseload_reader_get_property (GObject    *object,
                                 guint       prop_id,
                                 GValue     *value,
                                 GParamSpec *pspec)
{
  CpCaseloadReader *self = CP_CASELOAD_READER (object);

  switch (prop_id)
    {
    case PROP_LINE:
      g_value_set_uint (value, self->line);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cp_caseload_reader_class_init (CpCaseloadReaderClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->dispose = cp_caseload_reader_dispose;
  object_class->finalize = cp_caseload_reader_finalize;
  object_class->get_property = cp_caseload_reader_get_property;

  /**
   * CpCaseloadReader:line:
   *
   * The number of the line read last, from 1.
   */
  properties[PROP_LINE] =
    g_param_spec_uint ("line", NULL, NULL, 0, G_MAXUINT, 0,
                       G_PARAM_READABLE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
cp_caseload_reader_init (CpCaseloadReader *self)
{
  self->scratch = g_string_new (NULL);
  self->name = g_string_new (NULL);
  /* Allocated from the start: pointer arithmetic on a NULL buffer, even
   * adding nothing, is undefined (UBSan, fuzz-caseload). */
  self->size = CHUNK_SIZE;
  self->buf = g_malloc (self->size);
}

/* Reads more of the stream after what is buffered; FALSE on an error. */
static gboolean
fill (CpCaseloadReader  *self,
      GError           **error)
{
  gssize n;

  if (self->start > 0)
    {
      memmove (self->buf, self->buf + self->start, self->end - self->start);
      self->end -= self->start;
      self->start = 0;
    }
  if (self->size - self->end < CHUNK_SIZE)
    {
      self->size = MAX (2 * self->size, self->end + CHUNK_SIZE);
      self->buf = g_realloc (self->buf, self->size);
    }
  n = g_input_stream_read (self->input, self->buf + self->end, self->size - self->end, NULL, error);
  if (n < 0)
    {
      /* A device that fails once mostly fails again: retrying would
       * report the same error for ever. */
      self->failed = TRUE;
      return FALSE;
    }
  if (n == 0)
    self->eof = TRUE;
  self->end += n;
  return TRUE;
}

/* The next line, without its end (LF, CR LF or a lone CR). FALSE at the
 * end of the stream (with @error unset) or on an error. */
static gboolean
next_line (CpCaseloadReader  *self,
           const char       **line,
           gsize             *len,
           GError           **error)
{
  for (;;)
    {
      guint8 *p = self->buf + self->start + self->scanned;
      guint8 *stop = self->buf + self->end;
      guint8 *nl = memchr (p, '\n', stop - p);
      guint8 *cr = memchr (p, '\r', (nl != NULL ? nl : stop) - p);

      /* The first LF or CR (a line may end in either, or in CR LF). */
      p = cr != NULL ? cr : nl != NULL ? nl : stop;
      self->scanned = p - (self->buf + self->start);

      /* A CR at the end of what is buffered may be half of a CR LF. */
      if (p < stop && (*p == '\n' || p + 1 < stop || self->eof))
        {
          gsize term = (*p == '\r' && p + 1 < stop && p[1] == '\n') ? 2 : 1;

          *line = (const char *) self->buf + self->start;
          *len = self->scanned;
          self->start += self->scanned + term;
          self->scanned = 0;
          return TRUE;
        }
      if (self->eof)
        {
          if (self->start == self->end)
            return FALSE;
          *line = (const char *) self->buf + self->start;
          *len = self->end - self->start;
          self->start = self->end;
          self->scanned = 0;
          return TRUE;
        }
      if (!fill (self, error))
        return FALSE;
    }
}

static gboolean
is_blank (const char *text, gsize len)
{
  for (gsize i = 0; i < len; i++)
    if (!g_ascii_isspace (text[i]))
      return FALSE;
  return TRUE;
}

/**
 * cp_caseload_reader_new:
 * @stream: a stream of JSON Lines
 *
 * Creates a reader of a JSON Lines caseload from @stream, one case per line.
 *
 * Returns: (transfer full): a reader of @stream
 */
CpCaseloadReader *
cp_caseload_reader_new (GInputStream *stream)
{
  CpCaseloadReader *self;

  g_return_val_if_fail (G_IS_INPUT_STREAM (stream), NULL);

  self = g_object_new (CP_TYPE_CASELOAD_READER, NULL);
  self->input = g_object_ref (stream);
  return self;
}

/**
 * cp_caseload_reader_new_for_path:
 * @path: (type filename): a `.jsonl` file
 * @error: return location for a #GError
 *
 * Opens a JSON Lines caseload file for reading, one case per line.
 *
 * Returns: (transfer full) (nullable): a reader, or %NULL if the file
 *   cannot be opened (a `G_IO_ERROR`)
 */
CpCaseloadReader *
cp_caseload_reader_new_for_path (const char  *path,
                                 GError     **error)
{
  g_autoptr(GFile) file = NULL;
  g_autoptr(GFileInputStream) stream = NULL;

  g_return_val_if_fail (path != NULL, NULL);

  file = g_file_new_for_path (path);
  stream = g_file_read (file, NULL, error);
  if (stream == NULL)
    return NULL;
  return cp_caseload_reader_new (G_INPUT_STREAM (stream));
}

/**
 * cp_caseload_reader_next:
 * @self: a #CpCaseloadReader
 * @error: return location for a #GError
 *
 * Reads the next case. At the end of the stream it returns %NULL without
 * setting @error. After an error in one line (in the %CP_ERROR domain),
 * the next call goes on with the line after it. An error reading the
 * stream keeps its own domain (such as %G_IO_ERROR), names the line it
 * was reading (`line 3: Input/output error`) and ends the caseload: every
 * later call returns %NULL without an error.
 *
 * Returns: (transfer full) (nullable): the next case, or %NULL at the end
 *   or with @error set
 */
CpCase *
cp_caseload_reader_next (CpCaseloadReader  *self,
                         GError           **error)
{
  g_autoptr(GError) local_error = NULL;
  const char *text;
  gsize len = 0;
  CpCase *c;

  g_return_val_if_fail (CP_IS_CASELOAD_READER (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!cp_caseload_reader_next_text (self, TRUE, &text, &len, error))
    return NULL;
  c = cp_case_new_from_json_text (text, (gssize) len, self->scratch, self->name, &local_error);
  if (c == NULL)
    g_propagate_prefixed_error (error, g_steal_pointer (&local_error), "line %u: ", self->line);
  return c;
}

gboolean
cp_caseload_reader_next_text (CpCaseloadReader  *self,
                              gboolean           notify,
                              const char       **text,
                              gsize             *len,
                              GError           **error)
{
  for (;;)
    {
      g_autoptr(GError) local_error = NULL;

      if (self->failed)
        return FALSE;
      if (!next_line (self, text, len, &local_error))
        {
          if (local_error == NULL)
            return FALSE;
          g_propagate_prefixed_error (error, g_steal_pointer (&local_error),
                                      "line %u: ", self->line + 1);
          return FALSE;
        }

      self->line++;
      if (notify)
        g_object_notify_by_pspec (G_OBJECT (self), properties[PROP_LINE]);

      if (!is_blank (*text, *len))
        return TRUE;
    }
}

/**
 * cp_caseload_reader_get_line:
 * @self: a #CpCaseloadReader
 *
 * Gets the [property@CaseloadReader:line] property.
 *
 * Returns: the number of the line read last
 */
guint
cp_caseload_reader_get_line (CpCaseloadReader *self)
{
  g_return_val_if_fail (CP_IS_CASELOAD_READER (self), 0);
  return self->line;
}

/**
 * cp_caseload_load_file:
 * @path: (type filename): a JSON Lines caseload
 * @error: return location for a #GError
 *
 * Reads a whole caseload. The first bad line stops the load and is
 * reported; use a [class@CaseloadReader] to carry on past bad lines.
 *
 * Returns: (transfer full) (nullable): the cases, a list of [class@Case]
 */
GListModel *
cp_caseload_load_file (const char  *path,
                       GError     **error)
{
  g_autoptr(CpCaseloadReader) reader = NULL;
  g_autoptr(GListStore) store = NULL;
  g_autoptr(GError) local_error = NULL;
  CpCase *c;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  reader = cp_caseload_reader_new_for_path (path, error);
  if (reader == NULL)
    return NULL;

  store = g_list_store_new (CP_TYPE_CASE);
  while ((c = cp_caseload_reader_next (reader, &local_error)) != NULL)
    {
      g_list_store_append (store, c);
      g_object_unref (c);
    }
  if (local_error != NULL)
    {
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  return G_LIST_MODEL (g_steal_pointer (&store));
}

/**
 * cp_caseload_save_file:
 * @cases: a list of [class@Case]
 * @path: (type filename): where to write
 * @error: return location for a #GError
 *
 * Writes the cases as JSON Lines, atomically (a temporary file, synced,
 * then renamed over @path). An existing file keeps its permissions and
 * owner; a new one is readable by its owner only (`0600`); a symbolic link
 * is followed and a file with other hard links refused: see
 * [func@file_replace_contents].
 *
 * Returns: %TRUE if the file was written
 */
gboolean
cp_caseload_save_file (GListModel  *cases,
                       const char  *path,
                       GError     **error)
{
  g_autoptr(GString) out = g_string_new (NULL);

  g_return_val_if_fail (G_IS_LIST_MODEL (cases), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  for (guint i = 0; i < g_list_model_get_n_items (cases); i++)
    {
      g_autoptr(CpCase) c = g_list_model_get_item (cases, i);
      g_autofree char *line = NULL;

      g_return_val_if_fail (CP_IS_CASE (c), FALSE);
      line = cp_case_to_json_string (c, FALSE);
      g_string_append (out, line);
      g_string_append_c (out, '\n');
    }

  return cp_file_replace_contents (path, out->str, (gssize) out->len, CP_FILE_MODE_PRIVATE, error);
}
