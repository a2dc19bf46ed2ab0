/* test-helpers.h: small helpers shared by the Criterion suites
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include <criterion/criterion.h>

#include "careplan.h"

/* A GDate from ISO text; aborts the test on bad text. */
static inline GDate *
test_date (const char *iso)
{
  g_autoptr(GError) error = NULL;
  GDate *d = cp_date_parse_iso (iso, &error);

  cr_assert_not_null (d, "bad test date %s: %s", iso, error ? error->message : "");
  return d;
}

/* The ISO text of a GDate, freed by the caller. */
static inline char *
test_iso (const GDate *d)
{
  cr_assert_not_null (d);
  return cp_date_format_iso (d);
}

#define assert_error(err, code_, fragment) \
  G_STMT_START { \
    cr_assert_not_null ((err), "expected an error"); \
    cr_assert_eq ((err)->domain, CP_ERROR, "domain: %s", g_quark_to_string ((err)->domain)); \
    cr_assert_eq ((int) (err)->code, (int) (code_), "code %d, message: %s", (err)->code, (err)->message); \
    cr_assert_not_null (strstr ((err)->message, (fragment)), \
                        "message “%s” lacks “%s”", (err)->message, (fragment)); \
  } G_STMT_END

static inline char *
test_data_path (const char *name)
{
  return g_build_filename (TEST_DATA_DIR, name, NULL);
}
