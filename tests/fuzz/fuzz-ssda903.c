/* fuzz-ssda903.c: the SSDA903 CSV reader
 *
 * The input is the return's three tables separated by form feeds
 * (header, episodes, reviews); a missing part is a missing file. Every
 * child the reader announces comes out as a case or a GError, and then
 * the reader reports the end.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include <glib/gstdio.h>
#include <string.h>

#include "fuzz-common.h"

static const char * const table_names[] = { "header.csv", "episodes.csv", "reviews.csv" };

static char *
return_directory (void)
{
  static char *dir;

  if (dir == NULL)
    {
      g_autoptr(GError) error = NULL;

      dir = g_dir_make_tmp ("careplan-fuzz-903-XXXXXX", &error);
      if (dir == NULL)
        g_error ("%s", error->message);
    }
  return dir;
}

static void
write_tables (const uint8_t *data, size_t size)
{
  const char *dir = return_directory ();
  size_t start = 0;

  for (guint t = 0; t < G_N_ELEMENTS (table_names); t++)
    {
      g_autofree char *path = g_build_filename (dir, table_names[t], NULL);
      const uint8_t *ff = start <= size ? memchr (data + start, '\f', size - start) : NULL;
      size_t end = ff ? (size_t) (ff - data) : size;

      if (start > size)
        {
          g_unlink (path);
          continue;
        }
      if (!g_file_set_contents (path, (const char *) data + start, (gssize) (end - start), NULL))
        g_error ("cannot write %s", path);
      start = end + 1;
    }
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  static CpPolicy *england;
  g_autoptr(GError) error = NULL;
  g_autoptr(CpSsda903Reader) reader = NULL;
  guint announced, seen = 0;

  fuzz_init ();
  if (england == NULL)
    england = cp_policy_new_builtin ("england", NULL);

  write_tables (data, size);
  reader = cp_ssda903_reader_new_for_directory (return_directory (), &error);
  if (reader == NULL)
    {
      g_assert (error != NULL && (error->domain == CP_ERROR || error->domain == G_FILE_ERROR));
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
