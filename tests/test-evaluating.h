/* test-evaluating.h: helpers for the suites that drive a CpEvaluator
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include "test-helpers.h"

/* Moves @ev to @iso and refreshes it; aborts the test on an error. */
static inline void
at (CpEvaluator *ev, const char *iso)
{
  g_autoptr(GDate) d = test_date (iso);
  g_autoptr(GError) error = NULL;

  cp_evaluator_set_date (ev, d);
  cr_assert (cp_evaluator_refresh (ev, &error), "%s", error ? error->message : "");
}

static inline const char *
status_nick (CpObligationStatus s)
{
  g_autoptr(GEnumClass) klass = g_type_class_ref (CP_TYPE_OBLIGATION_STATUS);
  return g_enum_get_value (klass, s)->value_nick;
}

/* Checks one obligation: its due date (unless @due is NULL), its status
 * and that it cites its source. */
#define expect(ev, key, subject, due, status) \
  expect_at (ev, key, subject, due, status, __LINE__)

static inline CpObligation *
expect_at (CpEvaluator *ev, const char *key, const char *subject, const char *due,
           CpObligationStatus status, int line)
{
  CpObligation *o = cp_evaluator_find (ev, key, subject);

  cr_assert_not_null (o, "line %d: no obligation %s for %s", line, key, subject);
  if (due != NULL)
    {
      g_autofree char *got = test_iso (cp_obligation_get_due (o));
      cr_assert_str_eq (got, due, "line %d: %s %s due %s, expected %s (%s)", line, key, subject,
                        got, due, cp_obligation_get_explanation (o));
    }
  cr_assert_eq (cp_obligation_get_status (o), status, "line %d: %s %s is %s, expected %s (%s)",
                line, key, subject, status_nick (cp_obligation_get_status (o)), status_nick (status),
                cp_obligation_get_explanation (o));
  cr_assert_not_null (cp_obligation_get_citation (o));
  return o;
}
