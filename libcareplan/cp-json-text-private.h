/* cp-json-text-private.h: reading JSON text into json-glib nodes
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* What a JSON value is, before or as it is read. */
typedef enum {
  CP_JSON_NULL,
  CP_JSON_BOOLEAN,
  CP_JSON_INTEGER,
  CP_JSON_NUMBER,    /* a fraction or an exponent: a double */
  CP_JSON_STRING,
  CP_JSON_ARRAY,
  CP_JSON_OBJECT,
} CpJsonKind;

typedef struct
{
  CpJsonKind  kind;
  const char *string;    /* valid until the reader reads on */
  gint64      integer;
  double      number;
  gboolean    boolean;
} CpJsonScalar;

/* A pull reader over JSON text, for reading records without building a
 * tree: on the stack, set up by cp_json_reader_init(). Errors (in the
 * GError given to init) are CP_ERROR_PARSE, placed as cp_json_text_parse()
 * places them. */
typedef struct
{
  const char *start;
  const char *p;
  const char *end;
  GString    *scratch;   /* a string's text, unescaped */
  GString    *name;      /* the member name read last, */
  const char *name_at;   /* and where it starts */
  GError    **error;
} CpJsonReader;

/* FALSE with an error if @data is not UTF-8 or holds no value. @scratch
 * and @name are working space the caller keeps. */
gboolean    cp_json_reader_init        (CpJsonReader *reader,
                                        const char   *data,
                                        gssize        length,
                                        GString      *scratch,
                                        GString      *name,
                                        GError      **error);

/* The kind of the next value, without reading it (a number reads as
 * CP_JSON_NUMBER until it is read); FALSE with an error if no value can
 * start there. */
gboolean    cp_json_reader_peek        (CpJsonReader *reader,
                                        CpJsonKind   *kind);

/* Reads a null, boolean, number or string; FALSE with an error. At an
 * array or object it reads nothing and says which. */
gboolean    cp_json_reader_scalar      (CpJsonReader *reader,
                                        CpJsonScalar *value);

/* At an object's “{” (@first) or after a member's value: 1 when another
 * member follows (its name in reader->name, the reader at its value), 0
 * at the end of the object, -1 on an error. */
int         cp_json_reader_next_member (CpJsonReader *reader,
                                        gboolean      first);

/* At an array's “[” (@first) or after an element: 1 when another element
 * follows, 0 at the end of the array, -1 on an error. */
int         cp_json_reader_next_element (CpJsonReader *reader,
                                         gboolean      first);

/* Reads the next value, whatever it is, into a tree. */
JsonNode   *cp_json_reader_node        (CpJsonReader *reader);

/* FALSE with an error unless only white space is left. */
gboolean    cp_json_reader_end         (CpJsonReader *reader);

/* Sets a CP_ERROR_PARSE error placed at the reader (for a member named
 * twice, which only the reader's user can know). */
gboolean    cp_json_reader_fail        (CpJsonReader *reader,
                                        const char   *at,
                                        const char   *format,
                                        ...) G_GNUC_PRINTF (3, 4);

/* Parses one JSON value (RFC 8259) from @data (@length bytes, or -1 for
 * nul-terminated), with nothing but white space around it. Errors are
 * CP_ERROR_PARSE, placed by column (and line, for text of several lines).
 * A member named twice, a NUL character or half a surrogate pair in a
 * string, and a whole number beyond 64 bits or a number beyond a double's
 * range are errors. @scratch, if not %NULL, is working space reused
 * between calls. */
JsonNode *cp_json_text_parse (const char  *data,
                              gssize       length,
                              GString     *scratch,
                              GError     **error);

/* Writes @node as JSON text, on one line or indented as json-glib does.
 * Unlike json-glib 1.6's generator, every control character is escaped
 * and doubles keep all their digits and stay valid JSON, so that what is
 * written reads back to the same tree. */
char     *cp_json_text_write (JsonNode    *node,
                              gboolean     pretty);

G_END_DECLS
