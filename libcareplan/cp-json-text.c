/* cp-json-text.c: reading and writing JSON text, fast and strict
 *
 * Cases are read one at a time, a hundred thousand to a caseload, so this
 * is on the hot path of every caseload check. json-glib's own parser goes
 * through GScanner a character at a time and builds a tree; here a pull
 * reader (CpJsonReader) lets the record reader take values as they come
 * (cp-record.c), and builds json-glib nodes only where a tree is wanted
 * (members the library does not know, cp_json_text_parse()). It reads
 * RFC 8259 JSON and is stricter where a lenient reading could lose data
 * silently: a member given twice, a NUL character or a lone UTF-16
 * surrogate in a string, a number out of range are errors, not a guess.
 *
 * The writer keeps json-glib's layout but, unlike json-glib 1.6's
 * generator, escapes every control character and writes every double as
 * valid JSON with all its digits, so what it writes reads back the same.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include <math.h>
#include <stdlib.h>
#include <string.h>

#include "cp-error-private.h"
#include "cp-json-text-private.h"

/* Deeper than any case or profile needs; keeps the recursion bounded. */
#define MAX_DEPTH 128

typedef CpJsonReader Parser;

static gboolean
fail (Parser *ps, const char *at, const char *format, ...) G_GNUC_PRINTF (3, 4);

/* "column 15: ..." for one line of text (a JSON Lines case), "line 2,
 * column 15: ..." otherwise. Columns count characters, from 1. */
static gboolean
fail (Parser *ps, const char *at, const char *format, ...)
{
  g_autofree char *what = NULL;
  const char *line_start = ps->start;
  guint line = 1;
  va_list args;

  for (const char *q = ps->start; q < at; q++)
    if (*q == '\n')
      {
        line++;
        line_start = q + 1;
      }

  va_start (args, format);
  what = g_strdup_vprintf (format, args);
  va_end (args);

  if (line == 1 && memchr (ps->start, '\n', ps->end - ps->start) == NULL)
    g_set_error (ps->error, CP_ERROR, CP_ERROR_PARSE, "column %ld: %s",
                 g_utf8_pointer_to_offset (line_start, at) + 1, what);
  else
    g_set_error (ps->error, CP_ERROR, CP_ERROR_PARSE, "line %u, column %ld: %s",
                 line, g_utf8_pointer_to_offset (line_start, at) + 1, what);
  return FALSE;
}

/* What is at @at, for an error message: “x”, or the end of the text. */
static const char *
found (Parser *ps, const char *at, char buf[16])
{
  gunichar c;
  int n;

  if (at >= ps->end)
    return "the end of the text";
  c = g_utf8_get_char_validated (at, ps->end - at);
  /* Shown as a code, not raw, as cp_escape_value() shows values: a
   * control character would act on a log or a terminal. */
  if (c == (gunichar) -1 || c == (gunichar) -2)
    {
      g_snprintf (buf, 16, "byte 0x%02X", (guchar) *at);
      return buf;
    }
  if (c < 0x20 || (c >= 0x7f && c <= 0x9f) || (c >= 0x2028 && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069))
    {
      g_snprintf (buf, 16, "U+%04X", c);
      return buf;
    }
  strcpy (buf, "“");                              /* 3 bytes */
  n = g_unichar_to_utf8 (c, buf + 3);             /* up to 4 */
  strcpy (buf + 3 + n, "”");                      /* 3 bytes and a NUL */
  return buf;
}

static void
skip_space (Parser *ps)
{
  while (ps->p < ps->end && (*ps->p == ' ' || *ps->p == '\n' || *ps->p == '\r' || *ps->p == '\t'))
    ps->p++;
}

static gboolean
expect_word (Parser *ps, const char *word)
{
  size_t n = strlen (word);

  if ((size_t) (ps->end - ps->p) < n || memcmp (ps->p, word, n) != 0)
    {
      char buf[16];
      return fail (ps, ps->p, "expected a JSON value, found %s", found (ps, ps->p, buf));
    }
  ps->p += n;
  return TRUE;
}

static int
hex_value (char c)
{
  if (c >= '0' && c <= '9')
    return c - '0';
  if (c >= 'a' && c <= 'f')
    return c - 'a' + 10;
  if (c >= 'A' && c <= 'F')
    return c - 'A' + 10;
  return -1;
}

static gboolean
read_hex4 (Parser *ps, const char *at, gunichar *out)
{
  *out = 0;
  if (ps->end - at < 4)
    return fail (ps, at - 2, "a \\u escape needs four hex digits");
  for (int i = 0; i < 4; i++)
    {
      int v = hex_value (at[i]);
      if (v < 0)
        return fail (ps, at - 2, "a \\u escape needs four hex digits");
      *out = (*out << 4) | (guint) v;
    }
  return TRUE;
}

/* g_string_append_len() for the runs of a string, most of which fit the
 * buffer as it is: a caseload reads a few hundred strings a case. */
static inline void
append_run (GString *s, const char *run, gsize n)
{
  if (G_LIKELY (s->len + n < s->allocated_len))
    {
      memcpy (s->str + s->len, run, n);
      s->len += n;
      s->str[s->len] = '\0';
    }
  else
    g_string_append_len (s, run, n);
}

/* The bytes that end a run of plain text in a string: the closing quote,
 * a backslash, and the control characters (an error). */
static const guint8 ends_run[256] = {
  [0x00] = TRUE, [0x01] = TRUE, [0x02] = TRUE, [0x03] = TRUE, [0x04] = TRUE, [0x05] = TRUE,
  [0x06] = TRUE, [0x07] = TRUE, [0x08] = TRUE, [0x09] = TRUE, [0x0a] = TRUE, [0x0b] = TRUE,
  [0x0c] = TRUE, [0x0d] = TRUE, [0x0e] = TRUE, [0x0f] = TRUE, [0x10] = TRUE, [0x11] = TRUE,
  [0x12] = TRUE, [0x13] = TRUE, [0x14] = TRUE, [0x15] = TRUE, [0x16] = TRUE, [0x17] = TRUE,
  [0x18] = TRUE, [0x19] = TRUE, [0x1a] = TRUE, [0x1b] = TRUE, [0x1c] = TRUE, [0x1d] = TRUE,
  [0x1e] = TRUE, [0x1f] = TRUE, ['"'] = TRUE, ['\\'] = TRUE,
};

/* Reads a string (ps->p at its opening quote) into @into. The
 * text was checked to be UTF-8 before parsing began. */
static gboolean
read_string (Parser *ps, GString *into)
{
  const char *open = ps->p;

  into->len = 0;   /* g_string_truncate (into, 0), without the call */
  into->str[0] = '\0';
  ps->p++;
  for (;;)
    {
      const char *run = ps->p;

      while (ps->p < ps->end && !ends_run[(guchar) *ps->p])
        ps->p++;
      append_run (into, run, ps->p - run);

      if (ps->p >= ps->end)
        return fail (ps, open, "a string is not closed");
      if (*ps->p == '"')
        {
          ps->p++;
          return TRUE;
        }
      if ((guchar) *ps->p < 0x20)
        return fail (ps, ps->p, "a control character (U+%04X) inside a string must be escaped",
                     (guint) (guchar) *ps->p);

      /* A backslash. */
      if (ps->end - ps->p < 2)
        return fail (ps, open, "a string is not closed");
      switch (ps->p[1])
        {
        case '"': g_string_append_c (into, '"'); break;
        case '\\': g_string_append_c (into, '\\'); break;
        case '/': g_string_append_c (into, '/'); break;
        case 'b': g_string_append_c (into, '\b'); break;
        case 'f': g_string_append_c (into, '\f'); break;
        case 'n': g_string_append_c (into, '\n'); break;
        case 'r': g_string_append_c (into, '\r'); break;
        case 't': g_string_append_c (into, '\t'); break;
        case 'u':
          {
            gunichar c, low;

            if (!read_hex4 (ps, ps->p + 2, &c))
              return FALSE;
            if (c >= 0xDC00 && c <= 0xDFFF)
              return fail (ps, ps->p, "a \\u escape holds half a surrogate pair");
            if (c >= 0xD800 && c <= 0xDBFF)
              {
                if (ps->end - ps->p < 12 || ps->p[6] != '\\' || ps->p[7] != 'u')
                  return fail (ps, ps->p, "a \\u escape holds half a surrogate pair");
                if (!read_hex4 (ps, ps->p + 8, &low))
                  return FALSE;
                if (low < 0xDC00 || low > 0xDFFF)
                  return fail (ps, ps->p, "a \\u escape holds half a surrogate pair");
                c = 0x10000 + ((c - 0xD800) << 10) + (low - 0xDC00);
                ps->p += 6;
              }
            if (c == 0)
              return fail (ps, ps->p, "a string holds a NUL character (\\u0000)");
            g_string_append_unichar (into, c);
            ps->p += 4;
          }
          break;
        default:
          {
            char buf[16];
            return fail (ps, ps->p, "%s is not an escape (expected one of \\\" \\\\ \\/ \\b \\f \\n \\r \\t \\u)",
                         found (ps, ps->p + 1, buf));
          }
        }
      ps->p += 2;
    }
}

static gboolean
is_digit (char c)
{
  return c >= '0' && c <= '9';
}

static gboolean
scan_number (Parser *ps, CpJsonScalar *out)
{
  const char *start = ps->p;
  gboolean integral = TRUE;
  char text[64];
  size_t n;

  if (ps->p < ps->end && *ps->p == '-')
    ps->p++;
  if (ps->p >= ps->end || !is_digit (*ps->p))
    {
      char buf[16];
      return fail (ps, start, "expected a JSON value, found %s", found (ps, start, buf));
    }
  if (*ps->p == '0')
    {
      ps->p++;
      if (ps->p < ps->end && is_digit (*ps->p))
        {
          return fail (ps, start, "a number may not start with 0");
        }
    }
  else
    while (ps->p < ps->end && is_digit (*ps->p))
      ps->p++;
  if (ps->p < ps->end && *ps->p == '.')
    {
      integral = FALSE;
      ps->p++;
      if (ps->p >= ps->end || !is_digit (*ps->p))
        {
          return fail (ps, start, "a number needs a digit after its decimal point");
        }
      while (ps->p < ps->end && is_digit (*ps->p))
        ps->p++;
    }
  if (ps->p < ps->end && (*ps->p == 'e' || *ps->p == 'E'))
    {
      integral = FALSE;
      ps->p++;
      if (ps->p < ps->end && (*ps->p == '+' || *ps->p == '-'))
        ps->p++;
      if (ps->p >= ps->end || !is_digit (*ps->p))
        {
          return fail (ps, start, "a number needs a digit in its exponent");
        }
      while (ps->p < ps->end && is_digit (*ps->p))
        ps->p++;
    }

  n = ps->p - start;
  if (n >= sizeof text)
    {
      return fail (ps, start, "a number is too long (more than %zu characters)", sizeof text - 1);
    }
  memcpy (text, start, n);
  text[n] = '\0';

  if (integral)
    {
      gint64 v = 0;
      gboolean negative = text[0] == '-';
      gboolean overflow = FALSE;

      for (const char *q = text + negative; *q; q++)
        {
          int d = *q - '0';
          /* Accumulate negatively: G_MININT64 has no positive twin. */
          if (v < (G_MININT64 + d) / 10)
            {
              overflow = TRUE;
              break;
            }
          v = v * 10 - d;
        }
      if (overflow || (!negative && v == G_MININT64))
        {
          /* No field is that large; json-glib would clamp it silently. */
          return fail (ps, start, "%s is outside the range of whole numbers (64 bits)", text);
        }
      out->kind = CP_JSON_INTEGER;
      out->integer = negative ? v : -v;
      return TRUE;
    }
  /* A fraction or an exponent. */
  out->kind = CP_JSON_NUMBER;
  out->number = g_ascii_strtod (text, NULL);
  if (!isfinite (out->number))
    return fail (ps, start, "%s is too large a number", text);
  return TRUE;
}

static JsonNode *
read_number (Parser *ps)
{
  CpJsonScalar v;

  if (!scan_number (ps, &v))
    return NULL;
  if (v.kind == CP_JSON_INTEGER)
    return json_node_init_int (json_node_alloc (), v.integer);
  return json_node_init_double (json_node_alloc (), v.number);
}


static JsonNode *read_value (Parser *ps, guint depth);

typedef enum { ANOTHER, CLOSED, BAD } Separator;

/* At the opening bracket of an object or array: steps over it, and says
 * whether @close follows at once. */
static gboolean
empty_container (Parser *ps, char close)
{
  ps->p++;   /* the opening bracket */
  skip_space (ps);
  if (ps->p < ps->end && *ps->p == close)
    {
      ps->p++;
      return TRUE;
    }
  return FALSE;
}

/* After a member (@what "a member") or an element: a comma, with another
 * to come, or the closing @close. */
static Separator
separator (Parser *ps, char close, const char *what)
{
  char buf[16];

  skip_space (ps);
  if (ps->p < ps->end && *ps->p == ',')
    {
      ps->p++;
      skip_space (ps);
      return ANOTHER;
    }
  if (ps->p < ps->end && *ps->p == close)
    {
      ps->p++;
      return CLOSED;
    }
  fail (ps, ps->p, "expected “,” or “%c” after %s, found %s", close, what, found (ps, ps->p, buf));
  return BAD;
}

int
cp_json_reader_next_member (CpJsonReader *ps,
                            gboolean      first)
{
  char buf[16];

  if (first)
    {
      if (empty_container (ps, '}'))
        return 0;
    }
  else
    switch (separator (ps, '}', "a member"))
      {
      case ANOTHER: break;
      case CLOSED: return 0;
      case BAD: default: return -1;
      }

  ps->name_at = ps->p;
  if (ps->p >= ps->end || *ps->p != '"')
    {
      fail (ps, ps->p, "expected a member name in quotes, found %s", found (ps, ps->p, buf));
      return -1;
    }
  if (!read_string (ps, ps->name))
    return -1;
  skip_space (ps);
  if (ps->p >= ps->end || *ps->p != ':')
    {
      fail (ps, ps->p, "expected “:” after a member name, found %s", found (ps, ps->p, buf));
      return -1;
    }
  ps->p++;
  skip_space (ps);
  return 1;
}

int
cp_json_reader_next_element (CpJsonReader *ps,
                             gboolean      first)
{
  if (first)
    return empty_container (ps, ']') ? 0 : 1;
  switch (separator (ps, ']', "an element"))
    {
    case ANOTHER: return 1;
    case CLOSED: return 0;
    case BAD: default: return -1;
    }
}

static JsonNode *
read_object (Parser *ps, guint depth)
{
  JsonObject *obj = json_object_new ();
  JsonNode *node = json_node_init_object (json_node_alloc (), obj);
  int more;

  json_object_unref (obj);
  for (gboolean first = TRUE; (more = cp_json_reader_next_member (ps, first)) > 0; first = FALSE)
    {
      JsonNode *value;

      if (json_object_has_member (obj, ps->name->str))
        {
          g_autofree char *shown = cp_escape_value (ps->name->str);
          fail (ps, ps->name_at, "the member “%s” appears twice", shown);
          goto error;
        }
      /* The value may be an object that reuses ps->name: keep this one. */
      {
        g_autofree char *name = g_strndup (ps->name->str, ps->name->len);

        value = read_value (ps, depth + 1);
        if (value == NULL)
          goto error;
        json_object_set_member (obj, name, value);
      }
    }
  if (more == 0)
    return node;

error:
  json_node_unref (node);
  return NULL;
}

static JsonNode *
read_array (Parser *ps, guint depth)
{
  JsonArray *array = json_array_new ();
  JsonNode *node = json_node_init_array (json_node_alloc (), array);
  int more;

  json_array_unref (array);
  for (gboolean first = TRUE; (more = cp_json_reader_next_element (ps, first)) > 0; first = FALSE)
    {
      JsonNode *value = read_value (ps, depth + 1);

      if (value == NULL)
        goto error;
      json_array_add_element (array, value);
    }
  if (more == 0)
    return node;

error:
  json_node_unref (node);
  return NULL;
}

static JsonNode *
read_value (Parser *ps, guint depth)
{
  char buf[16];

  if (depth > MAX_DEPTH)
    {
      fail (ps, ps->p, "values are nested more than %d deep", MAX_DEPTH);
      return NULL;
    }
  if (ps->p >= ps->end)
    {
      fail (ps, ps->p, "expected a JSON value, found the end of the text");
      return NULL;
    }

  switch (*ps->p)
    {
    case '{':
      return read_object (ps, depth);
    case '[':
      return read_array (ps, depth);
    case '"':
      if (!read_string (ps, ps->scratch))
        return NULL;
      return json_node_init_string (json_node_alloc (), ps->scratch->str);
    case 't':
      return expect_word (ps, "true") ? json_node_init_boolean (json_node_alloc (), TRUE) : NULL;
    case 'f':
      return expect_word (ps, "false") ? json_node_init_boolean (json_node_alloc (), FALSE) : NULL;
    case 'n':
      return expect_word (ps, "null") ? json_node_init_null (json_node_alloc ()) : NULL;
    case '-':
    case '0': case '1': case '2': case '3': case '4':
    case '5': case '6': case '7': case '8': case '9':
      return read_number (ps);
    default:
      fail (ps, ps->p, "expected a JSON value, found %s", found (ps, ps->p, buf));
      return NULL;
    }
}

/* Whether @data is UTF-8 without a NUL byte, as g_utf8_validate_len()
 * says, with *@invalid at the first bad byte. Most of a caseload is
 * ASCII: eight bytes at a time are checked for a high bit or a zero, and
 * only the rest from the first word that has one goes to GLib. */
static gboolean
valid_utf8 (const char *data, gsize len, const char **invalid)
{
  const guint64 ones = G_GUINT64_CONSTANT (0x0101010101010101);
  const guint64 highs = G_GUINT64_CONSTANT (0x8080808080808080);
  gsize i = 0;

  for (; i + 8 <= len; i += 8)
    {
      guint64 w;

      memcpy (&w, data + i, 8);
      if ((w & highs) != 0 || ((w - ones) & ~w & highs) != 0)
        break;
    }
  return g_utf8_validate_len (data + i, len - i, invalid);
}

gboolean
cp_json_reader_init (CpJsonReader  *reader,
                     const char    *data,
                     gssize         length,
                     GString       *scratch,
                     GString       *name,
                     GError       **error)
{
  const char *invalid;
  gsize len;

  g_return_val_if_fail (data != NULL, FALSE);
  g_return_val_if_fail (scratch != NULL && name != NULL, FALSE);

  len = length < 0 ? strlen (data) : (gsize) length;
  if (!valid_utf8 (data, len, &invalid))
    {
      g_set_error (error, CP_ERROR, CP_ERROR_PARSE,
                   "byte %" G_GSIZE_FORMAT ": the text is not UTF-8 (or holds a NUL byte)",
                   (gsize) (invalid - data) + 1);
      return FALSE;
    }

  reader->start = reader->p = data;
  reader->end = data + len;
  reader->scratch = scratch;
  reader->name = name;
  reader->name_at = data;
  reader->error = error;

  skip_space (reader);
  if (reader->p == reader->end)
    {
      g_set_error_literal (error, CP_ERROR, CP_ERROR_PARSE,
                           "(document): the text holds no JSON value");
      return FALSE;
    }
  return TRUE;
}

gboolean
cp_json_reader_peek (CpJsonReader *reader,
                     CpJsonKind   *kind)
{
  char buf[16];

  if (reader->p < reader->end)
    switch (*reader->p)
      {
      case '{': *kind = CP_JSON_OBJECT; return TRUE;
      case '[': *kind = CP_JSON_ARRAY; return TRUE;
      case '"': *kind = CP_JSON_STRING; return TRUE;
      case 't': case 'f': *kind = CP_JSON_BOOLEAN; return TRUE;
      case 'n': *kind = CP_JSON_NULL; return TRUE;
      case '-':
      case '0': case '1': case '2': case '3': case '4':
      case '5': case '6': case '7': case '8': case '9':
        *kind = CP_JSON_NUMBER;
        return TRUE;
      default:
        break;
      }
  return fail (reader, reader->p, "expected a JSON value, found %s", found (reader, reader->p, buf));
}

gboolean
cp_json_reader_scalar (CpJsonReader *reader,
                       CpJsonScalar *value)
{
  if (!cp_json_reader_peek (reader, &value->kind))
    return FALSE;

  switch (value->kind)
    {
    case CP_JSON_OBJECT:
    case CP_JSON_ARRAY:
      return TRUE;
    case CP_JSON_STRING:
      if (!read_string (reader, reader->scratch))
        return FALSE;
      value->string = reader->scratch->str;
      return TRUE;
    case CP_JSON_BOOLEAN:
      value->boolean = *reader->p == 't';
      return expect_word (reader, value->boolean ? "true" : "false");
    case CP_JSON_NULL:
      return expect_word (reader, "null");
    case CP_JSON_NUMBER:
    case CP_JSON_INTEGER:
    default:
      return scan_number (reader, value);
    }
}

JsonNode *
cp_json_reader_node (CpJsonReader *reader)
{
  return read_value (reader, 1);
}

gboolean
cp_json_reader_end (CpJsonReader *reader)
{
  char buf[16];

  skip_space (reader);
  if (reader->p != reader->end)
    return fail (reader, reader->p, "%s follows the JSON value", found (reader, reader->p, buf));
  return TRUE;
}

gboolean
cp_json_reader_fail (CpJsonReader *reader,
                     const char   *at,
                     const char   *format,
                     ...)
{
  g_autofree char *what = NULL;
  va_list args;

  va_start (args, format);
  what = g_strdup_vprintf (format, args);
  va_end (args);
  return fail (reader, at, "%s", what);
}

JsonNode *
cp_json_text_parse (const char  *data,
                    gssize       length,
                    GString     *scratch,
                    GError     **error)
{
  g_autoptr(GString) own_scratch = NULL;
  g_autoptr(GString) name = g_string_new (NULL);
  CpJsonReader reader;
  JsonNode *root;

  g_return_val_if_fail (data != NULL, NULL);

  if (scratch == NULL)
    scratch = own_scratch = g_string_new (NULL);
  if (!cp_json_reader_init (&reader, data, length, scratch, name, error))
    return NULL;
  root = read_value (&reader, 0);
  if (root == NULL)
    return NULL;
  if (!cp_json_reader_end (&reader))
    {
      json_node_unref (root);
      return NULL;
    }
  return root;
}

/* Writing ------------------------------------------------------------------ */

static void
write_indent (GString *out, guint level)
{
  for (guint i = 0; i < level; i++)
    g_string_append (out, "  ");
}

static void
write_string (GString *out, const char *s)
{
  static const char hex[] = "0123456789abcdef";

  g_string_append_c (out, '"');
  for (const char *p = s; *p != '\0'; p++)
    {
      guchar c = (guchar) *p;

      switch (c)
        {
        case '"': g_string_append (out, "\\\""); break;
        case '\\': g_string_append (out, "\\\\"); break;
        case '\b': g_string_append (out, "\\b"); break;
        case '\f': g_string_append (out, "\\f"); break;
        case '\n': g_string_append (out, "\\n"); break;
        case '\r': g_string_append (out, "\\r"); break;
        case '\t': g_string_append (out, "\\t"); break;
        default:
          if (c < 0x20 || c == 0x7f)
            {
              g_string_append (out, "\\u00");
              g_string_append_c (out, hex[c >> 4]);
              g_string_append_c (out, hex[c & 0xf]);
            }
          else
            g_string_append_c (out, (char) c);
        }
    }
  g_string_append_c (out, '"');
}

static void
write_double (GString *out, double d)
{
  char buf[G_ASCII_DTOSTR_BUF_SIZE];

  if (!isfinite (d))
    {
      /* JSON has no infinity: only a tree made in code can hold one. */
      g_string_append (out, "null");
      return;
    }
  /* 17 significant digits read back to the same double. */
  g_ascii_formatd (buf, sizeof buf, "%.17g", d);
  g_string_append (out, buf);
  if (strpbrk (buf, ".eE") == NULL)
    g_string_append (out, ".0");   /* still a double when read back */
}

static void
write_value (GString *out, JsonNode *node, gboolean pretty, guint level)
{
  switch (json_node_get_node_type (node))
    {
    case JSON_NODE_NULL:
      g_string_append (out, "null");
      return;

    case JSON_NODE_VALUE:
      switch (json_node_get_value_type (node))
        {
        case G_TYPE_STRING:
          write_string (out, json_node_get_string (node));
          return;
        case G_TYPE_INT64:
          g_string_append_printf (out, "%" G_GINT64_FORMAT, json_node_get_int (node));
          return;
        case G_TYPE_DOUBLE:
          write_double (out, json_node_get_double (node));
          return;
        case G_TYPE_BOOLEAN:
          g_string_append (out, json_node_get_boolean (node) ? "true" : "false");
          return;
        default:
          g_string_append (out, "null");
          return;
        }

    case JSON_NODE_ARRAY:
      {
        JsonArray *array = json_node_get_array (node);
        guint n = json_array_get_length (array);

        g_string_append_c (out, '[');
        for (guint i = 0; i < n; i++)
          {
            if (i > 0)
              g_string_append_c (out, ',');
            if (pretty)
              {
                g_string_append_c (out, '\n');
                write_indent (out, level + 1);
              }
            write_value (out, json_array_get_element (array, i), pretty, level + 1);
          }
        if (pretty && n > 0)
          {
            g_string_append_c (out, '\n');
            write_indent (out, level);
          }
        g_string_append_c (out, ']');
        return;
      }

    case JSON_NODE_OBJECT:
      {
        JsonObject *obj = json_node_get_object (node);
        JsonObjectIter iter;
        const char *name;
        JsonNode *member;
        gboolean first = TRUE;

        g_string_append_c (out, '{');
        json_object_iter_init_ordered (&iter, obj);
        while (json_object_iter_next_ordered (&iter, &name, &member))
          {
            if (!first)
              g_string_append_c (out, ',');
            first = FALSE;
            if (pretty)
              {
                g_string_append_c (out, '\n');
                write_indent (out, level + 1);
              }
            write_string (out, name);
            g_string_append (out, pretty ? " : " : ":");
            write_value (out, member, pretty, level + 1);
          }
        if (pretty)
          {
            /* json-glib's layout, kept so files do not change: an empty
             * object holds the indent of its level. */
            if (!first)
              g_string_append_c (out, '\n');
            write_indent (out, level);
          }
        g_string_append_c (out, '}');
        return;
      }

    default:
      g_string_append (out, "null");
    }
}

char *
cp_json_text_write (JsonNode *node,
                    gboolean  pretty)
{
  GString *out = g_string_sized_new (1024);

  g_return_val_if_fail (node != NULL, NULL);

  write_value (out, node, pretty, 0);
  return g_string_free (out, FALSE);
}
