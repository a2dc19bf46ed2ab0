/* cp-text.c: formatting the engine's explanations quickly
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include <stdarg.h>
#include <string.h>

#include "cp-text-private.h"

static void
append_number (GString *s, gint64 v, int width)
{
  char buf[24];
  int i = sizeof buf;
  gboolean negative = v < 0;
  guint64 u = negative ? (guint64) 0 - (guint64) v : (guint64) v;

  do
    {
      buf[--i] = (char) ('0' + u % 10);
      u /= 10;
    }
  while (u != 0);
  while ((int) sizeof buf - i < width)
    buf[--i] = '0';
  if (negative)
    buf[--i] = '-';
  g_string_append_len (s, buf + i, sizeof buf - i);
}

static void
append_valist (GString *s, const char *format, va_list args)
{
  const char *p = format;

  for (;;)
    {
      const char *pct = strchr (p, '%');

      if (pct == NULL)
        {
          g_string_append (s, p);
          return;
        }
      g_string_append_len (s, p, pct - p);
      p = pct + 1;

      if (p[0] == 's')
        {
          const char *v = va_arg (args, const char *);
          g_string_append (s, v != NULL ? v : "(null)");
        }
      else if (p[0] == 'd')
        append_number (s, va_arg (args, int), 0);
      else if (p[0] == 'u')
        append_number (s, va_arg (args, unsigned int), 0);
      else if (p[0] == 'c')
        g_string_append_c (s, (char) va_arg (args, int));
      else if (p[0] == '%')
        g_string_append_c (s, '%');
      else if (p[0] == '0' && p[1] == '2' && p[2] == 'd')
        {
          append_number (s, va_arg (args, int), 2);
          p += 2;
        }
      else
        {
          g_critical ("cp_text_append: “%%%c” is not a conversion it knows", p[0]);
          return;
        }
      p++;
    }
}

void
cp_text_append (GString    *s,
                const char *format,
                ...)
{
  va_list args;

  va_start (args, format);
  append_valist (s, format, args);
  va_end (args);
}

char *
cp_text_printf (const char *format,
                ...)
{
  GString *s = g_string_sized_new (64);
  va_list args;

  va_start (args, format);
  append_valist (s, format, args);
  va_end (args);
  return g_string_free (s, FALSE);
}
