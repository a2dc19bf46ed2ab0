/* careplan-due-dates.c: the SSD's review due dates beside the library's
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include <stdio.h>

#include "careplan-commands.h"

#define DUE_KEY "careplan-ssd-review-due"

/* Keeps the extract's due dates of @kase's reviews with the case, for
 * careplan_compare_due_dates(): Julian days, review n at n - 1, 0 for none. */
void
careplan_keep_due_dates (CpCase *kase, CpSsdReader *reader)
{
  GArray *due = g_array_new (FALSE, TRUE, sizeof (guint32));

  for (int n = 1;; n++)
    {
      const GDate *d = cp_ssd_reader_get_review_due_date (reader, n);
      guint32 j = d ? g_date_get_julian (d) : 0;

      if (d == NULL && (guint) n > g_list_model_get_n_items (cp_case_get_reviews (kase)) + 1)
        break;
      g_array_append_val (due, j);
    }
  g_object_set_data_full (G_OBJECT (kase), DUE_KEY, due, (GDestroyNotify) g_array_unref);
}

/* Each review whose due date in the extract differs from the library's:
 * the earliest due date of the obligations to hold that review (the first,
 * second or a later review, or one a change brings forward), with its
 * rule and citation. Returns how many differ; *@later counts those the
 * extract gives later than the library, which a manager relying on the
 * extract would miss. */
guint
careplan_compare_due_dates (CpCase *kase, CpEvaluator *ev, const char *where, GString *out, guint *compared,
                            guint *later)
{
  GArray *due = g_object_get_data (G_OBJECT (kase), DUE_KEY);
  GListModel *list = cp_evaluator_get_obligations (ev);
  gboolean header = FALSE;
  guint differ = 0;

  if (due == NULL)
    return 0;
  for (guint n = 1; n <= due->len; n++)
    {
      guint32 theirs = g_array_index (due, guint32, n - 1), ours = 0;
      CpObligation *binding = NULL;
      g_autofree char *a = NULL, *b = NULL;
      GDate d;

      if (theirs == 0)
        continue;
      for (guint i = 0; i < g_list_model_get_n_items (list); i++)
        {
          g_autoptr(CpObligation) o = g_list_model_get_item (list, i);
          const GDate *od = cp_obligation_get_due (o);

          if (cp_rule_get_duty (cp_obligation_get_rule (o)) != CP_DUTY_REVIEW ||
              cp_obligation_get_review (o) != (int) n || od == NULL)
            continue;
          if (ours == 0 || g_date_get_julian (od) < ours)
            {
              ours = g_date_get_julian (od);
              g_set_object (&binding, o);
            }
        }
      if (binding == NULL)
        continue;
      (*compared)++;
      if (ours == theirs)
        {
          g_object_unref (binding);
          continue;
        }
      differ++;
      *later += theirs > ours;
      if (!header)
        g_string_append_printf (out, "%s\n", where);
      header = TRUE;
      g_date_clear (&d, 1);
      g_date_set_julian (&d, theirs);
      a = cp_date_format_iso (&d);
      b = cp_date_format_iso (cp_obligation_get_due (binding));
      g_string_append_printf (out, "  review %u: due %s in the SSD, %s by the library (the SSD's %u day%s %s) [%s]\n",
                              n, a, b, theirs > ours ? theirs - ours : ours - theirs,
                              (theirs > ours ? theirs - ours : ours - theirs) == 1 ? "" : "s",
                              theirs > ours ? "later" : "earlier", cp_obligation_get_rule_id (binding));
      g_string_append_printf (out, "      rule:  %s\n", cp_obligation_get_key (binding));
      g_string_append_printf (out, "      cites: %s\n", cp_obligation_get_citation (binding));
      g_object_unref (binding);
    }
  return differ;
}
