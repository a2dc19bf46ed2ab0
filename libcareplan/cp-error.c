/* cp-error.c
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include <stdarg.h>
#include <string.h>

#include "cp-error-private.h"

/**
 * cp_error_quark:
 *
 * The error domain of libcareplan: every error about data is in it.
 *
 * Returns: the quark of the %CP_ERROR domain
 */
G_DEFINE_QUARK (cp-error-quark, cp_error)

gboolean
cp_fail (GError     **error,
         int          code,
         const char  *format,
         ...)
{
  va_list args;

  va_start (args, format);
  g_propagate_error (error, g_error_new_valist (CP_ERROR, code, format, args));
  va_end (args);
  return FALSE;
}

static gboolean
needs_escape (gunichar c)
{
  return c < 0x20 || (c >= 0x7f && c <= 0x9f) || c == 0x2028 || c == 0x2029 ||
         (c >= 0x200e && c <= 0x200f) || (c >= 0x202a && c <= 0x202e) ||
         (c >= 0x2066 && c <= 0x2069) || c == 0x201c || c == 0x201d || c == '\\';
}

char *
cp_escape_value (const char *value)
{
  GString *out;
  const char *p;

  if (value == NULL)
    return g_strdup ("");
  for (p = value; *p; p++)
    if ((guchar) *p < 0x20 || (guchar) *p >= 0x7f || *p == '\\')
      break;
  if (*p == '\0')
    return g_strdup (value);   /* plain ASCII: the usual case */

  out = g_string_new (NULL);
  for (p = value; *p;)
    {
      gunichar c = g_utf8_get_char_validated (p, -1);

      if (c == (gunichar) -1 || c == (gunichar) -2)
        {
          g_string_append_printf (out, "\\x%02x", (guchar) *p);
          p++;
          continue;
        }
      if (!needs_escape (c))
        g_string_append_len (out, p, g_utf8_next_char (p) - p);
      else if (c == '\n')
        g_string_append (out, "\\n");
      else if (c == '\r')
        g_string_append (out, "\\r");
      else if (c == '\t')
        g_string_append (out, "\\t");
      else if (c == '\\')
        g_string_append (out, "\\\\");
      else if (c < 0x80)
        g_string_append_printf (out, "\\x%02x", c);
      else
        g_string_append_printf (out, "\\u%04x", c);
      p = g_utf8_next_char (p);
    }
  return g_string_free (out, FALSE);
}

#define OPEN_QUOTE "“"
#define CLOSE_QUOTE "”"

void
cp_error_redact (GError       *error,
                 CpSecretFunc  is_secret,
                 gpointer      data)
{
  g_autoptr(GString) out = NULL;
  const char *p, *open;

  if (error == NULL || error->message == NULL)
    return;
  out = g_string_new (NULL);
  for (p = error->message; (open = strstr (p, OPEN_QUOTE)) != NULL;)
    {
      const char *inner = open + strlen (OPEN_QUOTE);
      const char *close = strstr (inner, CLOSE_QUOTE);
      g_autofree char *quoted = NULL;

      if (close == NULL)
        break;
      quoted = g_strndup (inner, close - inner);
      g_string_append_len (out, p, open - p);
      /* One character is what a parser found where it expected another,
       * never a value. */
      if (g_utf8_strlen (quoted, -1) > 1 && is_secret (quoted, data))
        g_string_append (out, "(a value not shown: it holds the child’s identifier)");
      else
        g_string_append_len (out, open, close + strlen (CLOSE_QUOTE) - open);
      p = close + strlen (CLOSE_QUOTE);
    }
  g_string_append (out, p);
  g_free (error->message);
  error->message = g_string_free (g_steal_pointer (&out), FALSE);
}

static gboolean
holds_identifier (const char *quoted,
                  gpointer    data)
{
  return strstr (quoted, data) != NULL;
}

void
cp_error_redact_identifier (GError     *error,
                            const char *identifier)
{
  g_autofree char *escaped = NULL;

  if (error == NULL || identifier == NULL || *identifier == '\0')
    return;
  escaped = cp_escape_value (identifier);
  cp_error_redact (error, holds_identifier, escaped);
}
