/* fuzz-caseload.c: the JSON Lines caseload reader
 *
 * Every line yields a case or a GError naming the line; the reader always
 * reaches the end of its input and never reports a line it has not read.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include <gio/gio.h>

#include "fuzz-common.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  static CpPolicy *england;
  g_autoptr(GInputStream) stream = NULL;
  g_autoptr(CpCaseloadReader) reader = NULL;
  guint n_lines = 1, last_line = 0;

  fuzz_init ();
  if (england == NULL)
    england = cp_policy_new_builtin ("england", NULL);

  /* Lines end at LF, CR LF or a lone CR, as the reader reads them. */
  for (size_t i = 0; i < size; i++)
    if (data[i] == '\n' || (data[i] == '\r' && (i + 1 == size || data[i + 1] != '\n')))
      n_lines++;

  stream = g_memory_input_stream_new_from_data (g_memdup2 (data, size), (gssize) size, g_free);
  reader = cp_caseload_reader_new (stream);
  for (;;)
    {
      g_autoptr(GError) error = NULL;
      g_autoptr(CpCase) kase = cp_caseload_reader_next (reader, &error);
      guint line = cp_caseload_reader_get_line (reader);

      if (kase == NULL && error == NULL)
        break;
      g_assert (kase == NULL || error == NULL);
      g_assert (line > last_line && line <= n_lines);
      last_line = line;
      if (kase != NULL)
        fuzz_evaluate (kase, england);
      else
        g_assert (error->domain == CP_ERROR || error->domain == G_IO_ERROR);
    }
  return 0;
}
