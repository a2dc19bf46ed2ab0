/* test-privacy.c: nothing leaks, nothing is loosened
 *
 * Saving never makes a file more open than the one it replaces; error
 * messages never quote a child's identifier, whichever field it is found
 * in, nor pass control characters through; one bad byte of an SSDA903
 * table costs one row, not the return.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include <glib/gstdio.h>
#include <signal.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <json-glib/json-glib.h>

#include "test-helpers.h"
#include "cp-error-private.h"
#include "cp-ssda903-reader-private.h"

#define SECRET "SECRET-ID-123"

/* Saving ------------------------------------------------------------------- */

static CpCase *
example_case (void)
{
  g_autofree char *path = g_build_filename (EXAMPLES_DIR, "data", "new-entrant.json", NULL);
  g_autoptr(GError) error = NULL;
  CpCase *kase = cp_case_load_file (path, &error);

  cr_assert_not_null (kase, "%s", error ? error->message : "");
  return kase;
}

static GListModel *
example_caseload (void)
{
  g_autofree char *path = g_build_filename (EXAMPLES_DIR, "data", "caseload.jsonl", NULL);
  g_autoptr(GError) error = NULL;
  GListModel *cases = cp_caseload_load_file (path, &error);

  cr_assert_not_null (cases, "%s", error ? error->message : "");
  return cases;
}

static char *
scratch_dir (void)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("careplan-privacy-XXXXXX", &error);

  cr_assert_not_null (dir, "%s", error ? error->message : "");
  return dir;
}

static void
remove_dir (const char *dir)
{
  g_autoptr(GDir) d = g_dir_open (dir, 0, NULL);
  const char *name;

  while (d != NULL && (name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *p = g_build_filename (dir, name, NULL);
      g_unlink (p);
    }
  g_rmdir (dir);
}

static mode_t
mode_of (const char *path)
{
  struct stat st;

  cr_assert_eq (lstat (path, &st), 0, "%s: %s", path, g_strerror (errno));
  return st.st_mode & 07777;
}

/* Saves with the case writer (0) or the caseload writer (1). */
static gboolean
save (int how, const char *path, GError **error)
{
  if (how == 0)
    {
      g_autoptr(CpCase) kase = example_case ();
      return cp_case_save_file (kase, path, error);
    }
  else
    {
      g_autoptr(GListModel) cases = example_caseload ();
      return cp_caseload_save_file (cases, path, error);
    }
}

Test (privacy, a_save_keeps_the_mode_of_the_file_it_replaces)
{
  g_autofree char *dir = scratch_dir ();
  g_autofree char *path = g_build_filename (dir, "case.json", NULL);
  static const mode_t modes[] = { 0600, 0640, 0400 };

  for (int how = 0; how < 2; how++)
    for (guint i = 0; i < G_N_ELEMENTS (modes); i++)
      {
        g_autoptr(GError) error = NULL;

        cr_assert (g_file_set_contents (path, "old", -1, NULL));
        cr_assert_eq (g_chmod (path, modes[i]), 0);
        cr_assert (save (how, path, &error), "%s", error ? error->message : "");
        cr_assert_eq (mode_of (path), modes[i], "writer %d: mode %o became %o", how, modes[i], mode_of (path));
        g_unlink (path);
      }
  remove_dir (dir);
}

Test (privacy, a_new_file_is_readable_by_its_owner_only)
{
  g_autofree char *dir = scratch_dir ();
  mode_t old_umask = umask (022);

  for (int how = 0; how < 2; how++)
    {
      g_autofree char *path = g_build_filename (dir, how ? "caseload.jsonl" : "case.json", NULL);
      g_autoptr(GError) error = NULL;

      cr_assert (save (how, path, &error), "%s", error ? error->message : "");
      cr_assert_eq (mode_of (path), 0600, "writer %d: mode %o", how, mode_of (path));
    }
  umask (old_umask);
  remove_dir (dir);
}

Test (privacy, the_temporary_file_of_a_killed_writer_is_private)
{
  g_autofree char *dir = scratch_dir ();
  g_autofree char *path = g_build_filename (dir, "caseload.jsonl", NULL);
  g_autoptr(GListModel) cases = example_caseload ();
  g_autoptr(GListStore) big = g_list_store_new (CP_TYPE_CASE);
  g_autoptr(GDir) d = NULL;
  const char *name;
  guint leftovers = 0;
  int status;
  pid_t pid;

  for (guint copy = 0; copy < 50; copy++)
    for (guint i = 0; i < g_list_model_get_n_items (cases); i++)
      {
        g_autoptr(CpCase) kase = g_list_model_get_item (cases, i);
        g_list_store_append (big, kase);
      }
  cr_assert (cp_caseload_save_file (cases, path, NULL));
  cr_assert_eq (g_chmod (path, 0644), 0);

  pid = fork ();
  cr_assert_neq (pid, -1);
  if (pid == 0)
    {
      struct rlimit limit = { 16 * 1024, 16 * 1024 };

      umask (022);
      setrlimit (RLIMIT_FSIZE, &limit);
      signal (SIGXFSZ, SIG_DFL);
      cp_caseload_save_file (G_LIST_MODEL (big), path, NULL);
      _exit (0);
    }
  cr_assert_eq (waitpid (pid, &status, 0), pid);
  cr_assert (WIFSIGNALED (status) && WTERMSIG (status) == SIGXFSZ, "status %d", status);

  d = g_dir_open (dir, 0, NULL);
  while ((name = g_dir_read_name (d)) != NULL)
    {
      g_autofree char *p = g_build_filename (dir, name, NULL);

      if (g_str_equal (name, "caseload.jsonl"))
        continue;
      leftovers++;
      cr_assert_eq (mode_of (p), 0600, "the temporary file %s is %o", name, mode_of (p));
    }
  cr_assert_eq (leftovers, 1);
  remove_dir (dir);
}

Test (privacy, a_symbolic_link_is_followed_even_when_dangling)
{
  g_autofree char *dir = scratch_dir ();
  g_autofree char *link = g_build_filename (dir, "current.json", NULL);
  g_autofree char *target = g_build_filename (dir, "case-v2.json", NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(CpCase) back = NULL;
  g_autofree char *link_target = NULL;

  /* Relative and dangling. */
  cr_assert_eq (symlink ("case-v2.json", link), 0);
  cr_assert (save (0, link, &error), "%s", error ? error->message : "");
  link_target = g_file_read_link (link, NULL);
  cr_assert_str_eq (link_target, "case-v2.json", "the link was replaced");
  cr_assert_eq (mode_of (target), 0600);
  back = cp_case_load_file (link, &error);
  cr_assert_not_null (back, "%s", error ? error->message : "");

  /* To an existing file, whose mode is kept. */
  cr_assert_eq (g_chmod (target, 0640), 0);
  cr_assert (save (1, link, &error), "%s", error ? error->message : "");
  cr_assert (g_file_test (link, G_FILE_TEST_IS_SYMLINK));
  cr_assert_eq (mode_of (target), 0640);
  remove_dir (dir);
}

Test (privacy, a_file_with_another_hard_link_is_refused)
{
  g_autofree char *dir = scratch_dir ();
  g_autofree char *path = g_build_filename (dir, "case.json", NULL);
  g_autofree char *other = g_build_filename (dir, "backup.json", NULL);
  g_autofree char *contents = NULL;
  g_autoptr(GError) error = NULL;

  cr_assert (g_file_set_contents (path, "old", -1, NULL));
  cr_assert_eq (link (path, other), 0);
  for (int how = 0; how < 2; how++)
    {
      cr_assert_not (save (how, path, &error));
      cr_assert (g_error_matches (error, G_FILE_ERROR, G_FILE_ERROR_EXIST), "%s", error->message);
      cr_assert_not_null (strstr (error->message, "hard link"), "%s", error->message);
      g_clear_error (&error);
    }
  cr_assert (g_file_get_contents (other, &contents, NULL, NULL));
  cr_assert_str_eq (contents, "old");
  remove_dir (dir);
}

/* Identifiers and control characters in messages ------------------------------ */

static void
assert_clean (const GError *error, const char *what)
{
  if (error == NULL)
    return;
  cr_assert_null (strstr (error->message, SECRET), "%s: the identifier is in “%s”", what, error->message);
  for (const char *p = error->message; *p; p++)
    cr_assert ((guchar) *p >= 0x20 && *p != 0x7f, "%s: a control character (0x%02x) in “%s”", what,
               (guchar) *p, error->message);
  cr_assert_null (strstr (error->message, "\xc2\x9b"), "%s: a C1 control in “%s”", what, error->message);
}

/* The @n-th leaf (scalar) of @node, depth first, and its path; NULL after
 * the last. */
static JsonNode *
nth_leaf (JsonNode *node, const char *path, guint *n, char **path_out)
{
  if (JSON_NODE_HOLDS_OBJECT (node))
    {
      JsonObjectIter iter;
      const char *name;
      JsonNode *member;

      json_object_iter_init (&iter, json_node_get_object (node));
      while (json_object_iter_next (&iter, &name, &member))
        {
          g_autofree char *sub = g_strdup_printf ("%s.%s", path, name);
          JsonNode *found = nth_leaf (member, sub, n, path_out);
          if (found != NULL)
            return found;
        }
      return NULL;
    }
  if (JSON_NODE_HOLDS_ARRAY (node))
    {
      JsonArray *array = json_node_get_array (node);

      for (guint i = 0; i < json_array_get_length (array); i++)
        {
          g_autofree char *sub = g_strdup_printf ("%s[%u]", path, i);
          JsonNode *found = nth_leaf (json_array_get_element (array, i), sub, n, path_out);
          if (found != NULL)
            return found;
        }
      return NULL;
    }
  if ((*n)-- == 0)
    {
      *path_out = g_strdup (path);
      return node;
    }
  return NULL;
}

/* Reads @text as a case, as a caseload line and as a tree. */
static gboolean
read_every_way (const char *text, const char *what)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CpCase) kase = cp_case_new_from_json (text, -1, &error);
  g_autoptr(JsonParser) parser = json_parser_new ();
  g_autofree char *line = g_strconcat (text, "\n", NULL);
  g_autoptr(GInputStream) stream = g_memory_input_stream_new_from_data (line, -1, NULL);
  g_autoptr(CpCaseloadReader) reader = cp_caseload_reader_new (stream);
  g_autoptr(CpCase) from_line = NULL;
  g_autoptr(CpCase) from_tree = NULL;
  gboolean refused = kase == NULL;

  assert_clean (error, what);
  g_clear_error (&error);

  from_line = cp_caseload_reader_next (reader, &error);
  assert_clean (error, what);
  g_clear_error (&error);

  cr_assert (json_parser_load_from_data (parser, text, -1, NULL));
  from_tree = cp_case_new_from_json_node (json_parser_get_root (parser), &error);
  assert_clean (error, what);
  return refused;
}

/* Puts @value into every field of a case that has one of each record, in
 * turn (the child's identifier too when @id_too), and reads each; returns
 * how many were refused. */
static guint
feed_every_field (const char *value, gboolean id_too)
{
  g_autofree char *path = g_build_filename (EXAMPLES_DIR, "data", "case-every-type.json", NULL);
  g_autofree char *contents = NULL;
  guint refused = 0, fields = 0;

  cr_assert (g_file_get_contents (path, &contents, NULL, NULL));
  for (guint n = 0;; n++)
    {
      g_autoptr(JsonParser) parser = json_parser_new ();
      g_autofree char *where = NULL, *text = NULL;
      JsonNode *root, *leaf;
      JsonObject *child;
      guint left = n;

      cr_assert (json_parser_load_from_data (parser, contents, -1, NULL));
      root = json_parser_get_root (parser);
      leaf = nth_leaf (root, "", &left, &where);
      if (leaf == NULL)
        break;
      if (g_str_equal (where, ".child.id"))
        continue;
      fields++;
      child = json_object_get_object_member (json_node_get_object (root), "child");
      if (id_too)
        json_object_set_string_member (child, "id", value);
      /* (json-glib 1.6's json_node_init_*() reads a freed value.) */
      if (JSON_NODE_HOLDS_VALUE (leaf))
        json_node_set_string (leaf, value);
      else
        json_node_init_string (leaf, value);
      text = json_to_string (root, FALSE);
      refused += read_every_way (text, where);

      /* A number where a string is wanted, and the other way round. */
      if (id_too)
        {
          g_autofree char *swapped = NULL;

          json_node_set_int (leaf, 7);
          swapped = json_to_string (root, FALSE);
          read_every_way (swapped, where);
        }
    }
  cr_assert_gt (fields, 50, "only %u fields", fields);
  return refused;
}

Test (privacy, the_identifier_in_any_field_of_a_case_is_never_quoted)
{
  guint refused = feed_every_field (SECRET, TRUE);

  /* Dates, codes and numbers refuse it: the test must reach them. */
  cr_assert_gt (refused, 20, "only %u cases refused", refused);
}

Test (privacy, control_characters_in_a_value_are_escaped)
{
  guint refused = feed_every_field ("x\r\n2026-01-01 FORGED\x1b[31m\xc2\x9b\\", FALSE);

  cr_assert_gt (refused, 20, "only %u cases refused", refused);
}

Test (privacy, the_identifier_is_found_wherever_it_sits_in_the_text)
{
  /* After the field the error is about, and in a document that is not
   * JSON at all. */
  static const char * const texts[] = {
    "{\"version\":1,\"placements\":[{\"kind\":\"" SECRET "\",\"start\":\"2026-01-01\"}],"
    "\"child\":{\"id\":\"" SECRET "\",\"birth_date\":\"2014-03-09\",\"looked_after_since\":\"2026-01-05\"}}",
    "{\"version\":1,\"child\":{\"birth_date\":\"" SECRET "\",\"id\":\"" SECRET "\",}",
  };

  for (guint i = 0; i < G_N_ELEMENTS (texts); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(CpCase) kase = cp_case_new_from_json (texts[i], -1, &error);

      cr_assert_null (kase);
      assert_clean (error, texts[i]);
    }
}

Test (privacy, escaping_a_value)
{
  static const struct { const char *in, *out; } cases[] = {
    { "plain", "plain" },
    { "a\r\nb", "a\\r\\nb" },
    { "\x1b[2J", "\\x1b[2J" },
    { "caf\xc3\xa9", "caf\xc3\xa9" },
    { "\xe9t\xe9", "\\xe9t\\xe9" },
    { "\xc2\x9b" "31m", "\\u009b31m" },
    { "\xe2\x80\xae" "evil", "\\u202eevil" },
    { "back\\slash", "back\\\\slash" },
    { "\xe2\x80\x9cquoted\xe2\x80\x9d", "\\u201cquoted\\u201d" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autofree char *got = cp_escape_value (cases[i].in);
      cr_assert_str_eq (got, cases[i].out);
    }
}

/* SSDA903 ------------------------------------------------------------------- */

#define HEADER "CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB\n"
#define EPISODES "CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN\n"
#define REVIEWS "CHILD,DOB,REVIEW,REVIEW_CODE\n"
#define GOOD_HEADER SECRET ",1,14/05/2012,WBRI,,,\n"
#define GOOD_EPISODE SECRET ",04/01/2026,S,C2,N1,U6,PR4,,,,,,\n"
#define GOOD_REVIEW SECRET ",14/05/2012,29/01/2026,PN6\n"

/* Every message of a return: returns how many children were read. */
static guint
read_return (const char *header, const char *episodes, const char *reviews, GPtrArray *messages)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CpSsda903Reader) reader =
    cp_ssda903_reader_new_from_data (header, strlen (header), episodes, strlen (episodes),
                                     reviews, reviews ? strlen (reviews) : 0, &error);
  guint read = 0;

  if (reader == NULL)
    {
      assert_clean (error, "the return");
      if (messages)
        g_ptr_array_add (messages, g_strdup (error->message));
      return 0;
    }
  for (;;)
    {
      g_autoptr(CpCase) kase = cp_ssda903_reader_next (reader, &error);

      if (kase != NULL)
        read++;
      else if (error != NULL)
        {
          assert_clean (error, "a child");
          if (messages)
            g_ptr_array_add (messages, g_strdup (error->message));
          g_clear_error (&error);
        }
      else
        return read;
    }
}

/* The row @row with field @col replaced by @value. */
static char *
with_field (const char *row, guint col, const char *value)
{
  g_auto(GStrv) fields = g_strsplit (row, ",", -1);
  g_autofree char *last = NULL;
  guint n = g_strv_length (fields);

  cr_assert_lt (col, n);
  g_strchomp (fields[n - 1]);
  g_free (fields[col]);
  fields[col] = g_strdup (value);
  last = g_strjoinv (",", fields);
  return g_strconcat (last, "\n", NULL);
}

Test (privacy, the_identifier_in_any_column_of_a_return_is_never_quoted)
{
  guint refused = 0;

  cr_assert_eq (read_return (HEADER GOOD_HEADER, EPISODES GOOD_EPISODE, REVIEWS GOOD_REVIEW, NULL), 1);
  for (guint col = 1; col < 7; col++)
    {
      g_autofree char *row = with_field (GOOD_HEADER, col, SECRET);
      g_autofree char *header = g_strconcat (HEADER, row, NULL);
      refused += read_return (header, EPISODES GOOD_EPISODE, REVIEWS GOOD_REVIEW, NULL) == 0;
    }
  for (guint col = 1; col < 13; col++)
    {
      g_autofree char *row = with_field (GOOD_EPISODE, col, SECRET);
      g_autofree char *episodes = g_strconcat (EPISODES, row, NULL);
      refused += read_return (HEADER GOOD_HEADER, episodes, REVIEWS GOOD_REVIEW, NULL) == 0;
    }
  for (guint col = 1; col < 4; col++)
    {
      g_autofree char *row = with_field (GOOD_REVIEW, col, SECRET);
      g_autofree char *reviews = g_strconcat (REVIEWS, row, NULL);
      refused += read_return (HEADER GOOD_HEADER, EPISODES GOOD_EPISODE, reviews, NULL) == 0;
    }
  cr_assert_geq (refused, 10, "only %u returns refused", refused);
}

Test (privacy, a_shifted_row_does_not_quote_the_identifier)
{
  g_autoptr(GPtrArray) messages = g_ptr_array_new_with_free_func (g_free);
  guint shown_as_hidden = 0;

  /* The CHILD value one column to the right, and a header whose columns
   * are in another order than the data's. */
  read_return (HEADER GOOD_HEADER, EPISODES "," SECRET ",04/01/2026,S,C2,N1,U6,PR4,,,,,\n", NULL, messages);
  read_return (HEADER GOOD_HEADER, EPISODES SECRET "," SECRET ",04/01/2026,S,C2,N1,U6,PR4,,,,,\n", NULL, messages);
  read_return (HEADER GOOD_HEADER,
               "DECOM,CHILD,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN\n"
               GOOD_EPISODE, NULL, messages);
  read_return ("DOB,SEX,CHILD,ETHNIC,UPN,MOTHER,MC_DOB\n" GOOD_HEADER, EPISODES GOOD_EPISODE, NULL, messages);
  cr_assert_geq (messages->len, 4);
  for (guint i = 0; i < messages->len; i++)
    shown_as_hidden += strstr (messages->pdata[i], "episodes.csv:2:2: DECOM: the value (not shown") != NULL;
  cr_assert_eq (shown_as_hidden, 1);
  for (guint i = 0; i < messages->len; i++)
    cr_assert_null (strstr (messages->pdata[i], SECRET), "%s", (char *) messages->pdata[i]);
}

Test (privacy, one_latin1_byte_costs_one_row_not_the_return)
{
  g_autoptr(GPtrArray) messages = g_ptr_array_new_with_free_func (g_free);
  const char *header = HEADER "C1,1,14/05/2012,WBRI,,,\nC2,1,14/05/2012,WBRI,,M\xe9re,\n";
  const char *episodes = EPISODES "C1,04/01/2026,S,C2,N1,U6,PR4,,,,,,\nC2,04/01/2026,S,C2,N1,U6,PR4,,,,,,\n";

  cr_assert_eq (read_return (header, episodes, NULL, messages), 1);
  cr_assert_eq (messages->len, 1);
  cr_assert_str_eq (messages->pdata[0], "header.csv:3:6: not UTF-8 text (byte 0xE9); the row is not read");
}

Test (privacy, a_row_with_the_wrong_number_of_fields_is_named)
{
  g_autoptr(GPtrArray) messages = g_ptr_array_new_with_free_func (g_free);
  const char *header = HEADER "C1,1,14/05/2012,WBRI,,,\nC2,1,14/05/2012\n";
  const char *episodes = EPISODES "C1,04/01/2026,S,C2,N1,U6,PR4,,,,,,,extra\nC2,04/01/2026,S,C2,N1,U6,PR4,,,,,,\n";

  cr_assert_eq (read_return (header, episodes, NULL, messages), 0);
  cr_assert_eq (messages->len, 2);
  cr_assert_str_eq (messages->pdata[0],
                    "episodes.csv:2: the row has 14 fields, the table's header row 13; the row is not read");
  cr_assert_str_eq (messages->pdata[1],
                    "header.csv:3: the row has 3 fields, the table's header row 7; the row is not read");
}

Test (privacy, a_row_whose_child_cannot_be_read_is_reported_after_the_children)
{
  g_autoptr(GPtrArray) messages = g_ptr_array_new_with_free_func (g_free);
  const char *header = HEADER "C1,1,14/05/2012,WBRI,,,\n";
  const char *episodes = EPISODES "C1,04/01/2026,S,C2,N1,U6,PR4,,,,,,\nC\xe9,04/01/2026,S,C2,N1,U6,PR4,,,,,,\n";

  cr_assert_eq (read_return (header, episodes, NULL, messages), 1);
  cr_assert_eq (messages->len, 1);
  cr_assert_str_eq (messages->pdata[0], "episodes.csv:3:1: not UTF-8 text (byte 0xE9); the row is not read");
}

/* What an action guards ---------------------------------------------------- */

static guint criticals;

static GLogWriterOutput
count_criticals (GLogLevelFlags   level,
                 const GLogField *fields,
                 gsize            n_fields,
                 gpointer         data)
{
  if (level & G_LOG_LEVEL_CRITICAL)
    criticals++;
  return G_LOG_WRITER_HANDLED;
}

static CpCase *
every_type_case (void)
{
  g_autofree char *path = g_build_filename (EXAMPLES_DIR, "data", "case-every-type.json", NULL);
  g_autoptr(GError) error = NULL;
  CpCase *kase = cp_case_load_file (path, &error);

  cr_assert_not_null (kase, "%s", error ? error->message : "");
  return kase;
}

Test (privacy, guarded_fields_are_read_only_properties_but_fields_of_the_json)
{
  static const struct { GType (*type) (void); const char *name; } guarded[] = {
    { cp_child_get_type, "ceased-on" },
    { cp_review_get_type, "scheduled" },
    { cp_review_get_type, "adjourned-to" },
    { cp_review_get_type, "rescheduled-from" },
    { cp_dispute_get_type, "stage" },
    { cp_dispute_get_type, "resolved-on" },
    { cp_dispute_get_type, "outcome" },
    { cp_dispute_get_type, "review" },
    { cp_dispute_get_type, "recommendation" },
    { cp_case_get_type, "care-plan" },
  };
  g_autoptr(CpCase) kase = every_type_case ();
  g_autofree char *text = cp_case_to_json_string (kase, FALSE);
  g_autoptr(CpCase) again = NULL;
  g_autoptr(GError) error = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (guarded); i++)
    {
      g_autoptr(GTypeClass) klass = g_type_class_ref (guarded[i].type ());
      GParamSpec *pspec = g_object_class_find_property (G_OBJECT_CLASS (klass), guarded[i].name);

      cr_assert_not_null (pspec, "%s", guarded[i].name);
      cr_assert_eq (pspec->flags & (G_PARAM_WRITABLE | G_PARAM_CONSTRUCT_ONLY), 0, "%s is writable",
                    guarded[i].name);
    }
  again = cp_case_new_from_json (text, -1, &error);
  cr_assert_not_null (again, "%s", error ? error->message : "");
  cr_assert (cp_record_equal (CP_RECORD (kase), CP_RECORD (again)));
  cr_assert_not_null (strstr (text, "\"stage\":\"strategic-manager\""));
  cr_assert_not_null (strstr (text, "\"care_plan\":{\"state\":\"ratified\""));
}

Test (privacy, the_setters_refuse_a_record_already_in_a_case)
{
  g_autoptr(CpCase) kase = every_type_case ();
  CpReview *review = cp_case_get_review (kase, 1);
  g_autoptr(CpDispute) dispute = g_list_model_get_item (cp_case_get_disputes (kase), 0);
  g_autoptr(GDate) when = test_date ("2027-06-01");
  g_autofree char *scheduled = test_iso (cp_review_get_scheduled (review));
  g_autofree char *after = NULL;
  g_autoptr(CpReview) fresh = cp_review_new (9);
  int rec = cp_dispute_get_recommendation (dispute);

  g_log_set_always_fatal (G_LOG_FATAL_MASK);
  g_log_set_writer_func (count_criticals, NULL, NULL);
  criticals = 0;

  cp_review_set_scheduled (review, when);
  cp_review_set_adjourned_to (review, when);
  cp_review_set_rescheduled_from (review, when);
  cp_child_set_ceased_on (cp_case_get_child (kase), when);
  cp_dispute_set_recommendation (dispute, 1, rec + 1);
  cr_assert_eq (criticals, 5);

  after = test_iso (cp_review_get_scheduled (review));
  cr_assert_str_eq (after, scheduled);
  cr_assert_null (cp_review_get_adjourned_to (review));
  cr_assert_null (cp_child_get_ceased_on (cp_case_get_child (kase)));
  cr_assert_eq (cp_dispute_get_recommendation (dispute), rec);

  /* A review not yet in a case is built as before. */
  cp_review_set_scheduled (fresh, when);
  cr_assert_eq (criticals, 5);
  cr_assert_not_null (cp_review_get_scheduled (fresh));
}

Test (privacy, an_unknown_dispute_stage_is_an_error)
{
  const char *text =
    "{\"version\":1,\"child\":{\"id\":\"x\",\"birth_date\":\"2014-03-09\",\"looked_after_since\":\"2026-01-05\"},"
    "\"disputes\":[{\"subject\":\"s\",\"raised_on\":\"2026-02-01\",\"stage\":\"made-up\","
    "\"steps\":[{\"stage\":\"made-up\",\"date\":\"2026-02-01\",\"actor_role\":\"iro\"}]}]}";
  g_autoptr(GError) error = NULL;
  g_autoptr(CpCase) kase = cp_case_new_from_json (text, -1, &error);
  g_autoptr(CpPolicy) england = cp_policy_new_builtin ("england", NULL);
  g_autoptr(CpCalendar) calendar = cp_calendar_new (CP_REGION_ENGLAND_AND_WALES);
  g_autoptr(CpEvaluator) ev = NULL;
  g_autoptr(CpDispute) dispute = NULL;
  g_autoptr(GDate) when = test_date ("2026-03-01");

  cr_assert_not_null (kase, "%s", error ? error->message : "");
  ev = cp_evaluator_new (kase, england, calendar);
  dispute = g_list_model_get_item (cp_case_get_disputes (kase), 0);
  cr_assert_not (cp_evaluator_escalate_dispute (ev, dispute, "social-worker", when, CP_ROLE_IRO, NULL, NULL, &error));
  assert_error (error, CP_ERROR_UNKNOWN_CODE, "the dispute is at “made-up”, which is not a stage");
}

Test (privacy, the_audit_reports_a_state_the_record_does_not_support)
{
  const char *text =
    "{\"version\":1,\"child\":{\"id\":\"x\",\"birth_date\":\"2014-03-09\",\"looked_after_since\":\"2026-01-05\"},"
    "\"care_plan\":{\"state\":\"ratified\",\"created\":\"2026-01-06\",\"authorised_on\":\"2026-01-07\","
    "\"ratified_on\":\"2026-01-08\"},"
    "\"disputes\":[{\"subject\":\"s\",\"raised_on\":\"2026-02-01\",\"stage\":\"cafcass\"}],"
    "\"history\":[{\"date\":\"2026-01-07\",\"actor_role\":\"social-worker\",\"action\":\"care-plan.authorise\","
    "\"refused\":true}]}";
  g_autoptr(GError) error = NULL;
  g_autoptr(CpCase) kase = cp_case_new_from_json (text, -1, &error);
  g_autoptr(CpCase) good = every_type_case ();
  g_auto(GStrv) findings = NULL;
  g_auto(GStrv) none = cp_case_audit (good);

  /* Read all the same: the system of record says what happened. */
  cr_assert_not_null (kase, "%s", error ? error->message : "");
  findings = cp_case_audit (kase);
  cr_assert_eq (g_strv_length (findings), 2);
  cr_assert_str_eq (findings[0], "care_plan.state: the plan is ratified, but the history records no accepted "
                                 "authorisation (care-plan.authorise)");
  cr_assert_str_eq (findings[1], "disputes[0].stage: “cafcass”, but no step escalated the dispute");
  cr_assert_eq (g_strv_length (none), 0);
}

Test (privacy, a_control_character_outside_a_value_is_shown_as_a_code)
{
  static const struct { const char *text, *fragment; } cases[] = {
    { "{\"version\":1,\x1b[2J}", "expected a member name in quotes, found U+001B" },
    { "{\"version\":1,\"a\":\xc2\x9b}", "expected a JSON value, found U+009B" },
    { "{\"version\":1,\"a\":\xe2\x80\xae}", "expected a JSON value, found U+202E" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(CpCase) kase = cp_case_new_from_json (cases[i].text, -1, &error);

      cr_assert_null (kase);
      assert_error (error, CP_ERROR_PARSE, cases[i].fragment);
      assert_clean (error, cases[i].text);
    }
}
