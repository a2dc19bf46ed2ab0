/* review.c: a new entrant's first statutory review, from C
 *
 * Loads a case, listens to the evaluator's signals, holds the first review
 * and prints the obligations. Build against an installed library with
 *   cc review.c $(pkg-config --cflags --libs libcareplan-1)
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include <stdio.h>
#include <stdlib.h>

#include <careplan.h>

static void
on_signal (CpEvaluator *ev, CpObligation *o, gpointer what)
{
  g_autofree char *due = cp_date_format_iso (cp_obligation_get_due (o));

  printf ("  signal %s: %s (%s), due %s\n", (const char *) what, cp_obligation_get_key (o),
          cp_obligation_get_subject (o), due);
}

static gboolean
evaluate (CpEvaluator *ev, const char *on, GError **error)
{
  g_autoptr(GDate) date = cp_date_parse_iso (on, error);

  if (date == NULL)
    return FALSE;
  printf ("As at %s:\n", on);
  cp_evaluator_set_date (ev, date);
  return cp_evaluator_refresh (ev, error);
}

static gboolean
record_task (CpReview *review, CpDuty duty, const char *on, GError **error)
{
  g_autoptr(GDate) date = cp_date_parse_iso (on, error);
  g_autoptr(CpReviewTask) task = NULL;

  if (date == NULL)
    return FALSE;
  task = cp_review_task_new (duty, date);
  cp_review_add_task (review, task);
  return TRUE;
}

int
main (int argc, char **argv)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = argc > 1 ? g_strdup (argv[1])
                                   : g_build_filename (EXAMPLES_DATA_DIR, "new-entrant.json", NULL);
  g_autoptr(CpCase) kase = NULL;
  g_autoptr(CpPolicy) policy = NULL;
  g_autoptr(CpCalendar) calendar = cp_calendar_new (CP_REGION_ENGLAND_AND_WALES);
  g_autoptr(CpEvaluator) ev = NULL;
  g_autoptr(CpReview) review = cp_review_new (1);
  g_autoptr(GDate) booked = NULL;
  GListModel *obligations;

  kase = cp_case_load_file (path, &error);
  policy = kase ? cp_policy_new_builtin ("england", &error) : NULL;
  if (policy == NULL)
    goto failed;
  ev = cp_evaluator_new (kase, policy, calendar);
  g_signal_connect (ev, "obligation-due-soon", G_CALLBACK (on_signal), (gpointer) "due soon");
  g_signal_connect (ev, "obligation-overdue", G_CALLBACK (on_signal), (gpointer) "overdue");
  g_signal_connect (ev, "obligation-met", G_CALLBACK (on_signal), (gpointer) "met");

  if (!evaluate (ev, "2026-11-23", &error))
    goto failed;

  /* The first review is arranged, then held on the day. */
  booked = cp_date_parse_iso ("2026-11-27", &error);
  cp_review_set_scheduled (review, booked);
  if (!cp_case_add_review (kase, review, CP_ROLE_IRO, "IRO", &error) ||
      !record_task (review, CP_DUTY_CHILD_CONSULTED, "2026-11-04", &error))
    goto failed;
  cp_review_set_held (review, booked);
  if (!evaluate (ev, "2026-11-27", &error))
    goto failed;

  /* The record of the decisions goes out three working days later. */
  if (!record_task (review, CP_DUTY_DECISIONS_RECORD, "2026-12-02", &error) ||
      !evaluate (ev, "2026-12-02", &error))
    goto failed;

  /* Nothing more happens: the second review falls due three months on. */
  if (!evaluate (ev, "2027-03-01", &error))
    goto failed;

  printf ("Obligations:\n");
  obligations = cp_evaluator_get_obligations (ev);
  for (guint i = 0; i < g_list_model_get_n_items (obligations); i++)
    {
      g_autoptr(CpObligation) o = g_list_model_get_item (obligations, i);
      g_autoptr(GEnumClass) statuses = g_type_class_ref (CP_TYPE_OBLIGATION_STATUS);
      g_autofree char *due = cp_obligation_get_due (o) ? cp_date_format_iso (cp_obligation_get_due (o))
                                                       : g_strdup ("-");

      printf ("  %-20s %s  %-32s [%s] %s\n",
              g_enum_get_value (statuses, cp_obligation_get_status (o))->value_nick, due,
              cp_obligation_get_key (o), cp_obligation_get_rule_id (o), cp_obligation_get_citation (o));
    }
  return EXIT_SUCCESS;

failed:
  fprintf (stderr, "review: %s\n", error->message);
  return EXIT_FAILURE;
}
