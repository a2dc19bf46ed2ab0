/* fuzz-date.c: ISO 8601 date parsing
 *
 * A date that parses formats back to a string that parses to the same
 * day; anything else is refused with a GError.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "fuzz-common.h"

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  g_autofree char *text = fuzz_strndup (data, size);
  g_autoptr(GError) error = NULL;
  g_autoptr(GDate) date = NULL, again = NULL;
  g_autofree char *iso = NULL;

  fuzz_init ();
  date = cp_date_parse_iso (text, &error);
  if (date == NULL)
    {
      g_assert (error != NULL && error->domain == CP_ERROR);
      return 0;
    }
  g_assert (g_date_valid (date));
  iso = cp_date_format_iso (date);
  again = cp_date_parse_iso (iso, &error);
  g_assert (again != NULL);
  g_assert (g_date_compare (date, again) == 0);
  return 0;
}
