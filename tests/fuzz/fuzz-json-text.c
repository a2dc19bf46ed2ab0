/* fuzz-json-text.c: the library's own JSON text parser, against json-glib
 *
 * Every case of every caseload is read by the scanner behind
 * cp_json_text_parse() (through its pull reader), so the tree it builds is
 * held to json-glib's reading of the same bytes: whatever it accepts,
 * json-glib must accept too and read into an equal tree, and the tree
 * written back by cp_json_text_write() must parse again to the same
 * (json-glib 1.6's own generator does not: it leaves U+001F unescaped and
 * writes 1e+222 as "1e+222.0"). It may refuse more than json-glib (a
 * member named twice, NUL, half a surrogate pair, numbers too large to
 * keep), but only with a CP_ERROR_PARSE. fuzz-case holds the pull reader
 * to the tree.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include <string.h>

#include "cp-json-text-private.h"
#include "fuzz-common.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(JsonNode) ours = NULL, again = NULL;
  g_autoptr(JsonParser) parser = NULL;
  g_autofree char *text = NULL;

  fuzz_init ();

  ours = cp_json_text_parse ((const char *) data, (gssize) size, NULL, &error);
  if (ours == NULL)
    {
      g_assert (error != NULL && error->domain == CP_ERROR && error->code == CP_ERROR_PARSE);
      return 0;
    }

  parser = json_parser_new ();
  if (!json_parser_load_from_data (parser, (const char *) data, (gssize) size, &error))
    g_error ("accepted what json-glib refuses: %s", error->message);
  if (json_parser_get_root (parser) == NULL ||
      !json_node_equal (ours, json_parser_get_root (parser)))
    g_error ("read differently from json-glib");

  /* The library's writer: what it writes reads back to the same tree,
   * on one line and indented. */
  for (int pretty = 0; pretty <= 1; pretty++)
    {
      g_clear_pointer (&text, g_free);
      g_clear_pointer (&again, json_node_unref);
      text = cp_json_text_write (ours, pretty);
      again = cp_json_text_parse (text, -1, NULL, &error);
      if (again == NULL)
        g_error ("what the writer wrote did not read back: %s", error->message);
      if (!json_node_equal (ours, again))
        g_error ("a tree changed on a round trip");
    }
  return 0;
}
