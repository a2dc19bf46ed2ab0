/* cp-text-private.h: formatting the engine's explanations quickly
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include <glib.h>
#include <string.h>

G_BEGIN_DECLS

/* g_string_append_printf() for the few conversions explanations use
 * (%s, %d, %u, %02d, %c and %%), without the cost of the C library's
 * printf, which the engine would otherwise pay a few times for every
 * obligation of every case. Any other conversion is a programmer error. */
void  cp_text_append (GString    *s,
                      const char *format,
                      ...) G_GNUC_PRINTF (2, 3);

/* g_string_append() without its function call when the text fits the
 * space already allocated, as GLib 2.76 inlines it: for writers that
 * append a dozen short pieces for each of a caseload's obligations. */
static inline void
cp_text_put_len (GString *s, const char *text, gsize n)
{
  if (G_UNLIKELY (s->len + n >= s->allocated_len))
    {
      g_string_append_len (s, text, (gssize) n);
      return;
    }
  memcpy (s->str + s->len, text, n);
  s->len += n;
  s->str[s->len] = '\0';
}

static inline void
cp_text_put (GString *s, const char *text)
{
  cp_text_put_len (s, text, strlen (text));
}

/* @v in decimal, likewise. */
static inline void
cp_text_put_int (GString *s, int v)
{
  char buf[16];
  int i = sizeof buf;
  guint u = v < 0 ? 0u - (guint) v : (guint) v;

  do
    {
      buf[--i] = (char) ('0' + u % 10);
      u /= 10;
    }
  while (u != 0);
  if (v < 0)
    buf[--i] = '-';
  cp_text_put_len (s, buf + i, sizeof buf - i);
}

/* g_strdup_printf() likewise. */
char *cp_text_printf (const char *format,
                      ...) G_GNUC_PRINTF (1, 2) G_GNUC_MALLOC;

/* The same into @buf (@size bytes, the NUL included), cut short if it
 * does not fit: for short text written often ("review 3"). Returns @buf. */
const char *cp_text_format (char       *buf,
                            gsize       size,
                            const char *format,
                            ...) G_GNUC_PRINTF (3, 4);

/* Working text: a GString from a small per-thread pool, emptied, and given
 * back by cp_scratch_free() (or g_autoptr(CpScratch)). The engine needs a
 * few for every review of every case; making and freeing each would cost
 * two allocations a time. Never hand one to code that keeps it. */
typedef GString CpScratch;

CpScratch *cp_scratch_new  (void);
void       cp_scratch_free (CpScratch *s);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CpScratch, cp_scratch_free)

G_END_DECLS
