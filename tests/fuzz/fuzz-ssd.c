/* fuzz-ssd.c: the Standard Safeguarding Dataset CSV reader
 *
 * The input is the SSD's eleven tables separated by form feeds (person,
 * episodes, placement, legal status, reviews, visits, health, care plan,
 * permanence, care leavers, missing); a missing part is a missing file.
 * Every child the reader announces comes out as a case or a GError, and
 * then the reader reports the end.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include <glib/gstdio.h>
#include <string.h>

#include "fuzz-common.h"

static const char * const table_names[] = {
  "ssd_person.csv", "ssd_cla_episodes.csv", "ssd_cla_placement.csv", "ssd_legal_status.csv",
  "ssd_cla_reviews.csv", "ssd_cla_visits.csv", "ssd_cla_health.csv", "ssd_cla_care_plan.csv",
  "ssd_permanence.csv", "ssd_care_leavers.csv", "ssd_missing.csv",
};

static char *
extract_directory (void)
{
  static char *dir;

  if (dir == NULL)
    {
      g_autoptr(GError) error = NULL;

      dir = g_dir_make_tmp ("careplan-fuzz-ssd-XXXXXX", &error);
      if (dir == NULL)
        g_error ("%s", error->message);
    }
  return dir;
}

static void
write_tables (const uint8_t *data, size_t size)
{
  const char *dir = extract_directory ();
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
  g_autoptr(CpSsdReader) reader = NULL;
  guint announced, seen = 0;

  fuzz_init ();
  if (england == NULL)
    england = cp_policy_new_builtin ("england", NULL);

  write_tables (data, size);
  reader = cp_ssd_reader_new_for_directory (extract_directory (), &error);
  if (reader == NULL)
    {
      g_assert (error != NULL && (error->domain == CP_ERROR || error->domain == G_FILE_ERROR));
      return 0;
    }

  announced = cp_ssd_reader_get_n_children (reader);
  for (;;)
    {
      g_autoptr(GError) child_error = NULL;
      g_autoptr(CpCase) kase = cp_ssd_reader_next (reader, &child_error);

      if (kase == NULL && child_error == NULL)
        break;
      g_assert (kase == NULL || child_error == NULL);
      g_assert (cp_ssd_reader_get_location (reader) != NULL);
      seen++;
      if (kase != NULL)
        {
          for (int n = 1; n <= 3; n++)
            (void) cp_ssd_reader_get_review_due_date (reader, n);
          fuzz_evaluate (kase, england);
        }
      else
        g_assert (child_error->domain == CP_ERROR);
    }
  g_assert (seen >= announced);
  return 0;
}
