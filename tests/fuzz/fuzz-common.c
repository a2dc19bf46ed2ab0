/* fuzz-common.c: helpers shared by the fuzz targets
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include <signal.h>
#include <stdlib.h>
#include <string.h>

#include "fuzz-common.h"

/* GLib's fatal logs stop with SIGTRAP, which libFuzzer does not catch:
 * turn it into an abort so the input is saved as a crash. */
static void
trap_to_abort (int sig)
{
  abort ();
}

void
fuzz_init (void)
{
  static gsize done = 0;

  if (g_once_init_enter (&done))
    {
      signal (SIGTRAP, trap_to_abort);
      g_log_set_always_fatal (G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);
      g_log_set_fatal_mask ("Careplan", G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);
      g_log_set_fatal_mask ("Json", G_LOG_LEVEL_CRITICAL | G_LOG_LEVEL_WARNING);
      g_once_init_leave (&done, 1);
    }
}

char *
fuzz_strndup (const uint8_t *data, size_t size)
{
  char *s = g_malloc (size + 1);

  if (size > 0)
    memcpy (s, data, size);
  s[size] = '\0';
  return s;
}

gboolean
fuzz_evaluate (CpCase *kase, CpPolicy *policy)
{
  static CpCalendar *calendar;
  static GDate on;
  g_autoptr(CpEvaluator) ev = NULL;
  g_autoptr(GError) error = NULL;
  GListModel *list;

  if (calendar == NULL)
    {
      calendar = cp_calendar_new (CP_REGION_ENGLAND_AND_WALES);
      g_date_set_dmy (&on, 22, G_DATE_NOVEMBER, 2026);
    }

  ev = cp_evaluator_new (kase, policy, calendar);
  cp_evaluator_set_date (ev, &on);
  if (!cp_evaluator_refresh (ev, &error))
    {
      g_assert (error != NULL && error->domain == CP_ERROR);
      return FALSE;
    }
  g_assert (error == NULL);

  list = cp_evaluator_get_obligations (ev);
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(CpObligation) o = g_list_model_get_item (list, i);
      const GDate *due = cp_obligation_get_due (o);

      g_assert (cp_obligation_get_key (o) != NULL);
      g_assert (cp_obligation_get_explanation (o) != NULL);
      if (due != NULL)
        g_assert (g_date_valid (due));
    }
  return TRUE;
}
