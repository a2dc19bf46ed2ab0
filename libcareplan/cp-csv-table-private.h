/* cp-csv-table-private.h: the CSV tables of the return readers
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* One row of a CSV table: its first line in the file, its fields (in the
 * table's string chunk), and the first field that is not UTF-8 text. */
typedef struct {
  guint line;
  guint n;
  char **fields;
  guint bad_col;   /* + 1: a field that is not UTF-8 text; 0 if none */
  guint8 bad_byte; /* the first byte that is not */
} CpCsvRow;

void        cp_csv_row_free        (gpointer            row);

gboolean    cp_csv_parse           (const char         *name,
                                    const char         *text,
                                    gsize               len,
                                    GStringChunk      **strings,
                                    GPtrArray         **rows,
                                    GError            **error);

gboolean    cp_csv_load            (const char         *dir,
                                    const char         *name,
                                    gboolean            required,
                                    char              **path,
                                    char              **text,
                                    gsize              *len,
                                    GError            **error);

gboolean    cp_csv_find_columns    (const char         *name,
                                    GPtrArray          *rows,
                                    const char * const *wanted,
                                    int               **cols,
                                    GError            **error);

const char *cp_csv_column_name     (const char         *wanted);

const char *cp_csv_field           (const int          *cols,
                                    CpCsvRow           *row,
                                    int                 col);

gboolean    cp_csv_row_failv       (GError            **error,
                                    int                 code,
                                    const char         *name,
                                    CpCsvRow           *row,
                                    int                 index,
                                    const char         *column,
                                    const char         *format,
                                    va_list             args) G_GNUC_PRINTF (7, 0);

gboolean    cp_csv_parse_day       (const char         *text,
                                    gsize               len,
                                    guint32            *out);

G_END_DECLS
