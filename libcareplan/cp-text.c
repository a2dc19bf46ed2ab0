/* cp-text.c: formatting the engine's explanations quickly
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include <stdarg.h>
#include <string.h>

#include "cp-text-private.h"

/* Text is gathered in a buffer on the stack and handed to the GString a
 * buffer at a time: one g_string_append_len() instead of one a piece.
 * Without a GString (cp_text_printf()), one is made only for text longer
 * than the buffer. */
typedef struct
{
  GString *s;
  gsize    len;
  char     buf[256];
} Out;

static void
flush (Out *out)
{
  if (out->s == NULL)
    out->s = g_string_sized_new (2 * sizeof out->buf);
  g_string_append_len (out->s, out->buf, out->len);
  out->len = 0;
}

static void
put (Out *out, const char *text, gsize n)
{
  if (out->len + n > sizeof out->buf)
    {
      flush (out);
      if (n > sizeof out->buf)
        {
          g_string_append_len (out->s, text, n);
          return;
        }
    }
  memcpy (out->buf + out->len, text, n);
  out->len += n;
}

static void
put_number (Out *out, gint64 v, int width)
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
  put (out, buf + i, sizeof buf - i);
}

static void
format_valist (Out *o, const char *format, va_list args)
{
  const char *p = format;

  for (;;)
    {
      const char *pct = strchr (p, '%');

      if (pct == NULL)
        {
          put (o, p, strlen (p));
          break;
        }
      put (o, p, pct - p);
      p = pct + 1;

      if (p[0] == 's')
        {
          const char *v = va_arg (args, const char *);
          if (v == NULL)
            v = "(null)";
          put (o, v, strlen (v));
        }
      else if (p[0] == 'd')
        put_number (o, va_arg (args, int), 0);
      else if (p[0] == 'u')
        put_number (o, va_arg (args, unsigned int), 0);
      else if (p[0] == 'c')
        {
          char c = (char) va_arg (args, int);
          put (o, &c, 1);
        }
      else if (p[0] == '%')
        put (o, "%", 1);
      else if (p[0] == '0' && p[1] == '2' && p[2] == 'd')
        {
          put_number (o, va_arg (args, int), 2);
          p += 2;
        }
      else
        {
          g_critical ("cp_text_append: “%%%c” is not a conversion it knows", p[0]);
          break;
        }
      p++;
    }
}

void
cp_text_append (GString    *s,
                const char *format,
                ...)
{
  Out out = { s, 0, { 0 } };
  va_list args;

  va_start (args, format);
  format_valist (&out, format, args);
  va_end (args);
  flush (&out);
}

char *
cp_text_printf (const char *format,
                ...)
{
  Out out = { NULL, 0, { 0 } };
  va_list args;

  va_start (args, format);
  format_valist (&out, format, args);
  va_end (args);
  if (out.s == NULL)
    return g_strndup (out.buf, out.len);
  flush (&out);
  return g_string_free (out.s, FALSE);
}

const char *
cp_text_format (char       *buf,
                gsize       size,
                const char *format,
                ...)
{
  Out out = { NULL, 0, { 0 } };
  const char *text;
  gsize n;
  va_list args;

  g_return_val_if_fail (buf != NULL && size > 0, buf);

  va_start (args, format);
  format_valist (&out, format, args);
  va_end (args);
  if (out.s != NULL)
    flush (&out);
  text = out.s != NULL ? out.s->str : out.buf;
  n = MIN (out.s != NULL ? out.s->len : out.len, size - 1);
  memcpy (buf, text, n);
  buf[n] = '\0';
  if (out.s != NULL)
    g_string_free (out.s, TRUE);
  return buf;
}

/* Scratch text ------------------------------------------------------------ */

#define SCRATCH_KEPT 16        /* per thread; more are made and freed */
#define SCRATCH_LONGEST 4096   /* one grown longer is freed, not kept */

typedef struct
{
  guint    n;
  GString *kept[SCRATCH_KEPT];
} ScratchPool;

static void
scratch_pool_free (gpointer data)
{
  ScratchPool *pool = data;

  for (guint i = 0; i < pool->n; i++)
    g_string_free (pool->kept[i], TRUE);
  g_free (pool);
}

static GPrivate scratch_pool = G_PRIVATE_INIT (scratch_pool_free);

CpScratch *
cp_scratch_new (void)
{
  ScratchPool *pool = g_private_get (&scratch_pool);
  GString *s;

  if (pool == NULL || pool->n == 0)
    return g_string_sized_new (128);
  s = pool->kept[--pool->n];
  g_string_truncate (s, 0);
  return s;
}

void
cp_scratch_free (CpScratch *s)
{
  ScratchPool *pool;

  if (s == NULL)
    return;
  pool = g_private_get (&scratch_pool);
  if (pool == NULL)
    {
      pool = g_new0 (ScratchPool, 1);
      g_private_set (&scratch_pool, pool);
    }
  if (pool->n == SCRATCH_KEPT || s->allocated_len > SCRATCH_LONGEST)
    {
      g_string_free (s, TRUE);
      return;
    }
  pool->kept[pool->n++] = s;
}
