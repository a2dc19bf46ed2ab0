/* test-evaluating.h: the fixture of the suites that drive a CpEvaluator
 *
 * A new suite needs only:
 *
 *   #include "test-evaluating.h"
 *
 *   TestSuite (mine, .init = test_calendar_setup, .fini = test_calendar_teardown);
 *
 *   Test (mine, first_visit_on_the_last_day)
 *   {
 *     g_autoptr(CpCase) kase = test_case_from_json ("{\"version\":1, ...}");
 *     g_autoptr(CpEvaluator) ev = test_evaluate (kase, "england", "2026-12-28");
 *
 *     expect (ev, "visit.first", "placement 1", "2026-12-28", CP_OBLIGATION_STATUS_DUE_SOON);
 *     test_record (kase, CP_DUTY_VISIT, "2026-12-28");
 *     at (ev, "2026-12-29");
 *     expect (ev, "visit.first", "placement 1", "2026-12-28", CP_OBLIGATION_STATUS_MET_ON_TIME);
 *   }
 *
 * A suite builds its cases the way its rules need (usually a small
 * make_case() that fills a JSON template and calls test_case_from_json()).
 * The helpers carry a test_ prefix so that a suite's own helpers of the
 * old names (evaluate(), record()...) do not clash with them.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include <string.h>

#include "test-helpers.h"

/* The calendar of England and Wales (with its bank holidays), made before
 * each test by test_calendar_setup() and dropped after it by
 * test_calendar_teardown(): give both to TestSuite() as .init and .fini. */
static CpCalendar *test_calendar;

static inline void
test_calendar_setup (void)
{
  test_calendar = cp_calendar_new (CP_REGION_ENGLAND_AND_WALES);
}

static inline void
test_calendar_teardown (void)
{
  g_clear_object (&test_calendar);
}

/* The built-in profile @name ("england", "stoke-on-trent"...); aborts the
 * test if there is none. */
static inline CpPolicy *
test_profile (const char *name)
{
  g_autoptr(GError) error = NULL;
  CpPolicy *policy = cp_policy_new_builtin (name, &error);

  cr_assert_not_null (policy, "%s", error ? error->message : "");
  return policy;
}

/* A case read from the case JSON @text (docs/case-format.md); aborts the
 * test, showing the error and the text, if it does not read. */
static inline CpCase *
test_case_from_json (const char *text)
{
  g_autoptr(GError) error = NULL;
  CpCase *kase = cp_case_new_from_json (text, -1, &error);

  cr_assert_not_null (kase, "%s\n%s", error ? error->message : "", text);
  return kase;
}

/* A case built through the API: a child born on 5 May 2015, looked after
 * from @looked_after, placed from then in a placement of @kind. */
static inline CpCase *
test_case (const char *looked_after, CpPlacementType kind)
{
  g_autoptr(GDate) birth = test_date ("2015-05-05");
  g_autoptr(GDate) lac = test_date (looked_after);
  g_autoptr(CpChild) child = cp_child_new ("T-0001", birth, lac);
  g_autoptr(CpPlacement) placement = cp_placement_new (kind, lac);
  g_autoptr(GError) error = NULL;
  CpCase *kase = cp_case_new (child);

  cr_assert (cp_case_add_placement (kase, placement, CP_ROLE_SOCIAL_WORKER, NULL, NULL, &error),
             "%s", error ? error->message : "");
  return kase;
}

/* An evaluator of @kase under the built-in @profile on test_calendar, not
 * yet moved to a date nor refreshed (see at()). */
static inline CpEvaluator *
test_evaluator (CpCase *kase, const char *profile)
{
  g_autoptr(CpPolicy) policy = test_profile (profile);

  return cp_evaluator_new (kase, policy, test_calendar);
}

/* An evaluator of @kase under @policy on test_calendar, refreshed on the
 * ISO date @on; aborts the test on an error. */
static inline CpEvaluator *
test_evaluate_with (CpCase *kase, CpPolicy *policy, const char *on)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(GDate) d = test_date (on);
  CpEvaluator *ev = cp_evaluator_new (kase, policy, test_calendar);

  cp_evaluator_set_date (ev, d);
  cr_assert (cp_evaluator_refresh (ev, &error), "%s", error ? error->message : "");
  return ev;
}

/* The same under the built-in @profile. */
static inline CpEvaluator *
test_evaluate (CpCase *kase, const char *profile, const char *on)
{
  g_autoptr(CpPolicy) policy = test_profile (profile);

  return test_evaluate_with (kase, policy, on);
}

/* Records that the social worker did @duty (a visit...) on @on. */
static inline void
test_record (CpCase *kase, CpDuty duty, const char *on)
{
  g_autoptr(GDate) d = test_date (on);
  g_autoptr(CpActivity) a = cp_activity_new (duty, d);

  cp_case_add_activity (kase, a, CP_ROLE_SOCIAL_WORKER, NULL);
}

/* Records, as the social worker, that the event @kind happened on @on
 * (@iro_agreed: the IRO agreed it needs a review). */
static inline void
test_record_event (CpCase *kase, CpEventKind kind, const char *on, gboolean iro_agreed)
{
  g_autoptr(GDate) d = test_date (on);
  g_autoptr(CpCaseEvent) e = cp_case_event_new (kind, d);
  g_autoptr(GError) error = NULL;

  cp_case_event_set_iro_agreed (e, iro_agreed);
  cr_assert (cp_case_record_event (kase, e, CP_ROLE_SOCIAL_WORKER, NULL, &error),
             "%s", error ? error->message : "");
}

/* Books review @seq for @date (as the review unit). */
static inline void
test_book_review (CpCase *kase, int seq, const char *date)
{
  g_autoptr(CpReview) review = cp_review_new (seq);
  g_autoptr(GDate) d = test_date (date);
  g_autoptr(GError) error = NULL;

  cp_review_set_scheduled (review, d);
  cr_assert (cp_case_add_review (kase, review, CP_ROLE_REVIEW_UNIT, NULL, &error),
             "%s", error ? error->message : "");
}

/* Records booked review @seq as held on @date. */
static inline void
test_hold_review (CpCase *kase, int seq, const char *date)
{
  g_autoptr(GDate) d = test_date (date);

  cp_review_set_held (cp_case_get_review (kase, seq), d);
}

/* Books review @seq for @date and records it held on that day. */
static inline void
test_review_on (CpCase *kase, int seq, const char *date)
{
  test_book_review (kase, seq, date);
  test_hold_review (kase, seq, date);
}

/* Records that @duty, a task of review @seq, was done on @done. */
static inline void
test_add_task (CpCase *kase, int seq, CpDuty duty, const char *done)
{
  g_autoptr(GDate) d = test_date (done);
  g_autoptr(CpReviewTask) task = cp_review_task_new (duty, d);

  cp_review_add_task (cp_case_get_review (kase, seq), task);
}

/* Moves @ev to the ISO date @iso and refreshes it; aborts the test on an
 * error. */
static inline void
at (CpEvaluator *ev, const char *iso)
{
  g_autoptr(GDate) d = test_date (iso);
  g_autoptr(GError) error = NULL;

  cp_evaluator_set_date (ev, d);
  cr_assert (cp_evaluator_refresh (ev, &error), "%s", error ? error->message : "");
}

/* The nick of @s ("met-on-time"...), for messages. */
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

/* Checks that @o's explanation contains @fragment. */
static inline void
test_assert_explains (CpObligation *o, const char *fragment)
{
  cr_assert_not_null (strstr (cp_obligation_get_explanation (o), fragment),
                      "“%s” lacks “%s”", cp_obligation_get_explanation (o), fragment);
}
