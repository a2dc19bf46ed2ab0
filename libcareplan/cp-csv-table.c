/* cp-csv-table.c: the CSV tables of the return readers
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * The one CSV mechanism of the readers of statutory returns and extracts
 * (CpSsda903Reader, CpSsdReader): finding a table's file in a directory
 * whatever its case, splitting its text into rows (RFC 4180, with each
 * row's first line number, a field that is not UTF-8 text marked on its
 * row rather than failing the table), finding the wanted columns by name
 * in the header row, taking a row's field by column, the
 * "table:line:column: COLUMN: ..." messages about a field, and reading a
 * dd/mm/yyyy or yyyy-mm-dd date. What a table means (its columns, code
 * lists, how rows are checked and given to a child, what a message may
 * show of a value) stays in its reader.
 */

#include "config.h"

#include <stdlib.h>
#include <string.h>

#include "cp-csv-table-private.h"
#include "cp-date-private.h"
#include "cp-error-private.h"

void
cp_csv_row_free (gpointer data)
{
  CpCsvRow *row = data;
  g_free (row->fields);
  g_free (row);
}

/* Splits @text (RFC 4180: quoted fields may hold commas, quotes and line
 * breaks) into rows, keeping each row's first line number; @name is the
 * table's, for messages. *@strings and *@rows are set even on failure. */
gboolean
cp_csv_parse (const char    *name,
              const char    *text,
              gsize          len,
              GStringChunk **strings,
              GPtrArray    **rows,
              GError       **error)
{
  g_autoptr(GPtrArray) fields = g_ptr_array_new ();
  g_autoptr(GString) field = g_string_new (NULL);
  guint line = 1, row_line = 1;
  guint bad_col = 0;
  guint8 bad_byte = 0;
  const char *bad;
  gsize i = 0;

  if (len >= 3 && memcmp (text, "\xEF\xBB\xBF", 3) == 0)
    i = 3;   /* a UTF-8 byte order mark */

  *strings = g_string_chunk_new (len + 1);
  *rows = g_ptr_array_new_with_free_func (cp_csv_row_free);

  while (i <= len)
    {
      gboolean quoted = FALSE;

      g_string_truncate (field, 0);
      if (i < len && text[i] == '"')
        {
          quoted = TRUE;
          for (i++;; i++)
            {
              if (i >= len)
                return cp_fail (error, CP_ERROR_PARSE, "%s:%u: a quoted field is not closed",
                                name, row_line);
              if (text[i] == '"')
                {
                  if (i + 1 < len && text[i + 1] == '"')
                    {
                      g_string_append_c (field, '"');
                      i++;
                      continue;
                    }
                  i++;
                  break;
                }
              if (text[i] == '\n')
                line++;
              g_string_append_c (field, text[i]);
            }
        }
      while (i < len && text[i] != ',' && text[i] != '\n' && text[i] != '\r')
        {
          if (quoted)
            return cp_fail (error, CP_ERROR_PARSE, "%s:%u: text after a quoted field",
                            name, line);
          g_string_append_c (field, text[i++]);
        }
      /* A field that is not UTF-8 (one Latin-1 byte, say) costs its row,
       * not the table: it is kept, empty, and the row marked. */
      if (!g_utf8_validate_len (field->str, field->len, &bad))
        {
          if (bad_col == 0)
            {
              bad_col = fields->len + 1;
              bad_byte = (guint8) *bad;
            }
          g_string_truncate (field, 0);
        }
      g_ptr_array_add (fields, g_string_chunk_insert_len (*strings, field->str, field->len));

      if (i < len && text[i] == ',')
        {
          i++;
          continue;
        }
      /* End of a row: \n, \r\n or the end of the file. */
      if (i < len && text[i] == '\r')
        i++;
      if (i < len && text[i] == '\n')
        i++;
      if (!(fields->len == 1 && *(char *) fields->pdata[0] == '\0'))
        {
          CpCsvRow *row = g_new (CpCsvRow, 1);

          row->line = row_line;
          row->n = fields->len;
          row->bad_col = bad_col;
          row->bad_byte = bad_byte;
          row->fields = (char **) g_ptr_array_free (g_steal_pointer (&fields), FALSE);
          g_ptr_array_add (*rows, row);
          fields = g_ptr_array_new ();
        }
      else
        g_ptr_array_set_size (fields, 0);
      bad_col = 0;
      line++;
      row_line = line;
      if (i >= len)
        break;
    }
  return TRUE;
}

/* Finds the table's file in @dir, whatever its case. */
static char *
find_file (const char *dir,
           const char *name,
           GError    **error)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, error);
  const char *entry;

  if (d == NULL)
    return NULL;
  while ((entry = g_dir_read_name (d)) != NULL)
    if (g_ascii_strcasecmp (entry, name) == 0)
      return g_build_filename (dir, entry, NULL);
  return NULL;
}

/* Reads the table @name of @dir into *@text (and its file into *@path, if
 * @path, when found); a table that is not there and not @required leaves
 * *@text %NULL and is no error. */
gboolean
cp_csv_load (const char  *dir,
             const char  *name,
             gboolean     required,
             char       **path,
             char       **text,
             gsize       *len,
             GError     **error)
{
  g_autoptr(GError) local_error = NULL;
  g_autofree char *found = NULL;

  *text = NULL;
  *len = 0;
  found = find_file (dir, name, &local_error);
  if (path != NULL)
    *path = g_strdup (found);
  if (local_error != NULL)
    return cp_fail (error, CP_ERROR_PARSE, "%s: %s", dir, local_error->message);
  if (found == NULL)
    {
      if (!required)
        return TRUE;
      return cp_fail (error, CP_ERROR_MISSING_FIELD, "%s: no %s in the directory", dir, name);
    }
  if (!g_file_get_contents (found, text, len, &local_error))
    return cp_fail (error, CP_ERROR_PARSE, "%s: %s", name, local_error->message);
  return TRUE;
}

/* A wanted column's name: a name starting with '?' is optional. */
const char *
cp_csv_column_name (const char *wanted)
{
  return *wanted == '?' ? wanted + 1 : wanted;
}

/* Finds the @wanted columns (%NULL-terminated; see cp_csv_column_name())
 * in the header row, the first of @rows, without regard to case or
 * surrounding spaces: *@cols gets the index of each, or -1 for an optional
 * column that is not there. */
gboolean
cp_csv_find_columns (const char         *name,
                     GPtrArray          *rows,
                     const char * const *wanted,
                     int               **cols,
                     GError            **error)
{
  guint n = g_strv_length ((char **) wanted);
  CpCsvRow *head;

  if (rows->len == 0)
    return cp_fail (error, CP_ERROR_MISSING_FIELD, "%s:1: no header row", name);

  head = rows->pdata[0];
  if (head->bad_col != 0)
    return cp_fail (error, CP_ERROR_PARSE, "%s:%u:%u: the column name is not UTF-8 text (byte 0x%02X)",
                    name, head->line, head->bad_col, head->bad_byte);
  *cols = g_new (int, n);
  for (guint c = 0; c < n; c++)
    {
      const char *want = cp_csv_column_name (wanted[c]);

      (*cols)[c] = -1;
      for (guint k = 0; k < head->n; k++)
        if (g_ascii_strcasecmp (g_strstrip (head->fields[k]), want) == 0)
          (*cols)[c] = (int) k;
      if ((*cols)[c] < 0 && wanted[c][0] != '?')
        return cp_fail (error, CP_ERROR_MISSING_FIELD, "%s:1: no %s column", name, want);
    }
  return TRUE;
}

/* @row's field in the wanted column @col; "" where the column or the
 * field is not there. */
const char *
cp_csv_field (const int *cols,
              CpCsvRow  *row,
              int        col)
{
  int k = cols ? cols[col] : -1;
  return k >= 0 && (guint) k < row->n ? row->fields[k] : "";
}

/* "episodes.csv:57:4: LS: ...", @index being the column's index in the
 * file. */
gboolean
cp_csv_row_failv (GError    **error,
                  int         code,
                  const char *name,
                  CpCsvRow   *row,
                  int         index,
                  const char *column,
                  const char *format,
                  va_list     args)
{
  g_autofree char *msg = g_strdup_vprintf (format, args);

  return cp_fail (error, code, "%s:%u:%d: %s: %s", name, row->line, index + 1, column, msg);
}

/* The first @len bytes of @text as a day, dd/mm/yyyy or yyyy-mm-dd. */
gboolean
cp_csv_parse_day (const char *text,
                  gsize       len,
                  guint32    *out)
{
  if (len == 10 && text[2] == '/' && text[5] == '/')
    return cp_date_parse_dmy_julian (text, len, out);
  return cp_date_parse_iso_julian (text, len, out);
}
