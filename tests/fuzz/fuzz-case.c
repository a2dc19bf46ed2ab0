/* fuzz-case.c: the case JSON reader
 *
 * A case that reads must validate or be refused with a GError, write back
 * to JSON that reads again into the same text, and evaluate under the
 * national and a local profile without a crash. The text reader (records
 * filled as the text comes) and the tree reader must agree on every input.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include <string.h>

#include "cp-json-text-private.h"
#include "fuzz-common.h"

/* The same text through the tree reader (cp_case_new_from_json_node): it
 * must accept exactly what the text reader accepts, into the same case. */
static void
check_tree_reader_agrees (const uint8_t *data, size_t size, CpCase *kase)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) root = cp_json_text_parse ((const char *) data, (gssize) size, NULL, &error);
  g_autoptr(CpCase) twin = NULL;
  g_autofree char *a = NULL, *b = NULL;

  if (root != NULL)
    twin = cp_case_new_from_json_node (root, &error);
  if ((twin == NULL) != (kase == NULL))
    g_error ("the text reader %s what the tree reader %s",
             kase ? "accepted" : "refused", twin ? "accepted" : "refused");
  if (kase == NULL)
    return;
  a = cp_case_to_json_string (kase, FALSE);
  b = cp_case_to_json_string (twin, FALSE);
  if (strcmp (a, b) != 0)
    g_error ("the text and tree readers read different cases");
}

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  static CpPolicy *england, *stoke;
  g_autoptr(GError) error = NULL;
  g_autoptr(CpCase) kase = NULL, again = NULL;
  g_autofree char *text = NULL, *text_again = NULL;

  fuzz_init ();
  if (england == NULL)
    {
      england = cp_policy_new_builtin ("england", NULL);
      stoke = cp_policy_new_builtin ("stoke-on-trent", NULL);
      g_assert (england != NULL && stoke != NULL);
    }

  kase = cp_case_new_from_json ((const char *) data, (gssize) size, &error);
  check_tree_reader_agrees (data, size, kase);
  if (kase == NULL)
    {
      g_assert (error != NULL && error->domain == CP_ERROR);
      return 0;
    }

  /* What was read writes back and reads again to the same text. */
  text = cp_case_to_json_string (kase, FALSE);
  again = cp_case_new_from_json (text, -1, &error);
  if (again == NULL)
    g_error ("a case that read did not read back: %s", error->message);
  text_again = cp_case_to_json_string (again, FALSE);
  if (strcmp (text, text_again) != 0)
    g_error ("a case's JSON changed on a second round trip");

  fuzz_evaluate (kase, england);
  fuzz_evaluate (kase, stoke);
  return 0;
}
