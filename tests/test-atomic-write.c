/* test-atomic-write.c: a writer killed mid-write leaves the old file whole
 *
 * cp_case_save_file() and cp_caseload_save_file() write a temporary file,
 * sync it and rename it over the target. These tests kill real writer
 * processes part-way and check that the target is always one complete
 * version: the old one or the new one, never a mixture or a truncation.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include <glib/gstdio.h>
#include <signal.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/wait.h>
#include <unistd.h>

#include "test-helpers.h"

/* A caseload of @copies copies of the example caseload's cases. */
static GListModel *
big_caseload (guint copies)
{
  g_autofree char *path = g_build_filename (EXAMPLES_DIR, "data", "caseload.jsonl", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(GListModel) example = cp_caseload_load_file (path, &error);
  GListStore *store = g_list_store_new (CP_TYPE_CASE);

  cr_assert_not_null (example, "%s", error ? error->message : "");
  for (guint c = 0; c < copies; c++)
    for (guint i = 0; i < g_list_model_get_n_items (example); i++)
      {
        g_autoptr(CpCase) kase = g_list_model_get_item (example, i);
        g_list_store_append (store, kase);
      }
  return G_LIST_MODEL (store);
}

static char *
read_all (const char *path)
{
  g_autoptr(GError) error = NULL;
  char *contents = NULL;

  cr_assert (g_file_get_contents (path, &contents, NULL, &error),
             "%s", error ? error->message : "");
  return contents;
}

/* Names in @dir other than @keep: the temporary files a killed writer left. */
static guint
count_leftovers (const char *dir, const char *keep, goffset *size_out)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;
  guint n = 0;

  cr_assert_not_null (d);
  while ((name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *p = g_build_filename (dir, name, NULL);
      GStatBuf st;

      if (g_str_equal (name, keep))
        continue;
      n++;
      if (size_out != NULL && g_stat (p, &st) == 0)
        *size_out = st.st_size;
      g_unlink (p);
    }
  return n;
}

/* Polls @dir until a file other than @keep appears (up to 20 s, for slow
 * runs under valgrind). */
static void
wait_for_temporary (const char *dir, const char *keep)
{
  gint64 give_up = g_get_monotonic_time () + 20 * G_USEC_PER_SEC;

  while (g_get_monotonic_time () < give_up)
    {
      g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
      const char *name;

      cr_assert_not_null (d);
      while ((name = g_dir_read_name (d)) != NULL)
        if (!g_str_equal (name, keep))
          return;
      g_usleep (50);
    }
}

/* The writer dies from SIGXFSZ when the new file reaches a size limit:
 * deterministically in the middle of writing it. */
Test (atomic_write, a_writer_that_dies_mid_file_leaves_the_old_caseload)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("careplan-atomic-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "caseload.jsonl", NULL);
  g_autoptr(GListModel) old_cases = big_caseload (1);
  g_autoptr(GListModel) new_cases = big_caseload (50);
  g_autofree char *before = NULL, *after = NULL;
  goffset leftover_size = -1;
  int status;
  pid_t pid;

  cr_assert_not_null (dir);
  cr_assert (cp_caseload_save_file (old_cases, path, &error), "%s", error ? error->message : "");
  before = read_all (path);

  pid = fork ();
  cr_assert_neq (pid, -1);
  if (pid == 0)
    {
      struct rlimit limit = { 64 * 1024, 64 * 1024 };

      /* Far less than the new caseload, more than the old one. */
      setrlimit (RLIMIT_FSIZE, &limit);
      signal (SIGXFSZ, SIG_DFL);
      cp_caseload_save_file (new_cases, path, NULL);
      _exit (0);
    }
  cr_assert_eq (waitpid (pid, &status, 0), pid);
  cr_assert (WIFSIGNALED (status) && WTERMSIG (status) == SIGXFSZ,
             "the writer was not stopped by the size limit (status %d)", status);

  after = read_all (path);
  cr_assert_str_eq (after, before, "the caseload changed although its writer died");
  cr_assert_eq (count_leftovers (dir, "caseload.jsonl", &leftover_size), 1,
                "the writer did not die inside its temporary file");
  /* GLib may reserve the whole length first, so the death can come at
   * that reservation or at a write: either way, inside the temporary. */
  cr_assert (leftover_size >= 0 && leftover_size <= 64 * 1024, "leftover of %" G_GOFFSET_FORMAT " bytes",
             leftover_size);

  g_unlink (path);
  g_rmdir (dir);
}

/* SIGKILL at arbitrary moments while a writer alternates two versions. */
Test (atomic_write, sigkill_at_any_moment_leaves_one_whole_version, .timeout = 120)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *dir = g_dir_make_tmp ("careplan-atomic-XXXXXX", &error);
  g_autofree char *path = g_build_filename (dir, "case.json", NULL);
  g_autoptr(GListModel) a = big_caseload (40);
  g_autoptr(GListModel) b = big_caseload (25);
  g_autofree char *text_a = NULL, *text_b = NULL;
  guint mid_write = 0, rounds = 40;

  cr_assert_not_null (dir);
  cr_assert (cp_caseload_save_file (b, path, &error));
  text_b = read_all (path);
  cr_assert (cp_caseload_save_file (a, path, &error));
  text_a = read_all (path);

  for (guint round = 0; round < rounds; round++)
    {
      g_autofree char *now = NULL;
      int status;
      pid_t pid = fork ();

      cr_assert_neq (pid, -1);
      if (pid == 0)
        {
          for (guint i = 0;; i++)
            cp_caseload_save_file (i % 2 ? a : b, path, NULL);
        }
      /* Wait until the writer has a temporary file open (a write under
       * way), then kill it at once or a little later: sometimes inside
       * the write, sometimes between writes. */
      wait_for_temporary (dir, "case.json");
      g_usleep (g_random_int_range (0, 3000));
      kill (pid, SIGKILL);
      cr_assert_eq (waitpid (pid, &status, 0), pid);
      cr_assert (WIFSIGNALED (status) && WTERMSIG (status) == SIGKILL);

      now = read_all (path);
      cr_assert (g_str_equal (now, text_a) || g_str_equal (now, text_b),
                 "round %u: the file is neither version (%zu bytes)", round, strlen (now));
      mid_write += count_leftovers (dir, "case.json", NULL);
    }
  /* The kills must sometimes land inside a write for this to mean anything. */
  cr_log_info ("%u of %u kills landed mid-write", mid_write, rounds);
  cr_assert_gt (mid_write, 0, "no kill landed inside a write");

  g_unlink (path);
  g_rmdir (dir);
}
