/* fuzz-ssda903.c: the SSDA903 CSV reader
 *
 * The input is the return's three tables separated by form feeds
 * (header, episodes, reviews); a missing part is a missing file. They
 * are read in memory (cp_ssda903_reader_new_from_data(), the reader the
 * directory constructor uses once it has the files' text). Every
 * child the reader announces comes out as a case or a GError, and then
 * the reader reports the end.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include <string.h>

#include "fuzz-common.h"
#include "cp-ssda903-reader-private.h"

/* The three tables of @data, in place: a missing part is a missing file. */
static void
split_tables (const uint8_t *data, size_t size, const char *text[3], gsize len[3])
{
  size_t start = 0;

  for (guint t = 0; t < 3; t++)
    {
      const uint8_t *ff = start <= size ? memchr (data + start, '\f', size - start) : NULL;
      size_t end = ff ? (size_t) (ff - data) : size;

      text[t] = NULL;
      len[t] = 0;
      if (start > size)
        continue;
      text[t] = (const char *) data + start;
      len[t] = end - start;
      start = end + 1;
    }
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  static CpPolicy *england;
  g_autoptr(GError) error = NULL;
  g_autoptr(CpSsda903Reader) reader = NULL;
  const char *text[3];
  gsize len[3];
  guint announced, seen = 0;

  fuzz_init ();
  if (england == NULL)
    england = cp_policy_new_builtin ("england", NULL);

  split_tables (data, size, text, len);
  reader = cp_ssda903_reader_new_from_data (text[0], len[0], text[1], len[1], text[2], len[2], &error);
  if (reader == NULL)
    {
      g_assert (error != NULL && error->domain == CP_ERROR);
      return 0;
    }

  announced = cp_ssda903_reader_get_n_children (reader);
  for (;;)
    {
      g_autoptr(GError) child_error = NULL;
      g_autoptr(CpCase) kase = cp_ssda903_reader_next (reader, &child_error);

      if (kase == NULL && child_error == NULL)
        break;
      g_assert (kase == NULL || child_error == NULL);
      g_assert (cp_ssda903_reader_get_location (reader) != NULL);
      seen++;
      if (kase != NULL)
        fuzz_evaluate (kase, england);
      else
        g_assert (child_error->domain == CP_ERROR);
    }
  g_assert (seen >= announced);
  return 0;
}
