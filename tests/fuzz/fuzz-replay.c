/* fuzz-replay.c: runs a fuzz target over files, without libFuzzer
 *
 * Usage: fuzz-TARGET FILE|DIRECTORY...
 * Each file (each regular file in a directory, in name order) is one
 * input. Exits non-zero if there were no inputs; a finding aborts.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include <stdio.h>
#include <stdlib.h>

#include "fuzz-common.h"

static gboolean
replay_file (const char *path, guint *count)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *contents = NULL;
  gsize len;

  if (!g_file_get_contents (path, &contents, &len, &error))
    {
      fprintf (stderr, "%s\n", error->message);
      return FALSE;
    }
  LLVMFuzzerTestOneInput ((const uint8_t *) contents, len);
  (*count)++;
  return TRUE;
}

static int
compare_names (gconstpointer a, gconstpointer b)
{
  return g_strcmp0 (*(char * const *) a, *(char * const *) b);
}

static gboolean
replay_directory (const char *path, guint *count)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDir) dir = g_dir_open (path, 0, &error);
  g_autoptr(GPtrArray) names = g_ptr_array_new_with_free_func (g_free);
  const char *name;

  if (dir == NULL)
    {
      fprintf (stderr, "%s\n", error->message);
      return FALSE;
    }
  while ((name = g_dir_read_name (dir)) != NULL)
    g_ptr_array_add (names, g_build_filename (path, name, NULL));
  g_ptr_array_sort (names, compare_names);
  for (guint i = 0; i < names->len; i++)
    if (g_file_test (names->pdata[i], G_FILE_TEST_IS_REGULAR) &&
        !replay_file (names->pdata[i], count))
      return FALSE;
  return TRUE;
}

int
main (int argc, char **argv)
{
  guint count = 0;

  for (int i = 1; i < argc; i++)
    {
      gboolean ok = g_file_test (argv[i], G_FILE_TEST_IS_DIR)
        ? replay_directory (argv[i], &count)
        : replay_file (argv[i], &count);

      if (!ok)
        return EXIT_FAILURE;
    }
  printf ("%s: %u inputs replayed\n", argc > 0 ? argv[0] : "fuzz", count);
  return count > 0 ? EXIT_SUCCESS : EXIT_FAILURE;
}
