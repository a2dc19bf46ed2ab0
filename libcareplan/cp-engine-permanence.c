/* cp-engine-permanence.c: permanence: the milestones of the permanence plan
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Rules of kind `milestone`: each milestone by its target; one past it,
 * not achieved, with no reason recorded is drift.
 */

#include "config.h"

#include "cp-text-private.h"
#include "cp-engine-run-private.h"
#include "cp-permanence-plan-private.h"

/* Permanence milestones by their targets; one past it, not achieved, with
 * no reason recorded is drift. */
gboolean
cp_engine_run_milestones (CpEngineRun *run)
{
  GPtrArray *rules = cp_policy_rules_of_kind (run->policy, CP_RULE_KIND_MILESTONE);
  CpPermanencePlan *perm = cp_case_get_permanence_plan (run->kase);
  CpMilestone *const *milestones;
  guint n_milestones;

  if (perm == NULL || rules->len == 0)
    return TRUE;
  milestones = cp_permanence_plan_peek_milestones (perm, &n_milestones);
  for (guint r = 0; r < rules->len; r++)
    for (guint i = 0; i < n_milestones; i++)
      {
        CpRule *rule = rules->pdata[r];
        CpMilestone *m = milestones[i];
        g_autoptr(CpScratch) why = cp_scratch_new ();
        g_autofree char *subject = cp_text_printf ("milestone %u", i + 1);
        guint32 target = cp_engine_julian (cp_milestone_get_target (m));
        guint32 met = cp_engine_known (run, cp_milestone_get_achieved (m));
        gboolean reason = cp_milestone_get_delay_reason (m) != NULL;
        guint32 due;

        if (target == 0)
          continue;
        if (!cp_engine_shift (run, rule, target, 1, &due))
          return FALSE;
        cp_engine_append_reason (why, rule, "from", "its target", target);
        if (met == 0 && run->today > due)
          g_string_append (why, reason ? "; a reason for the delay is recorded"
                                       : "; no reason for the delay is recorded: drift");
        if (!cp_engine_emit (run, rule, subject, 0, due, 0, met, why))
          return FALSE;
        if (met == 0 && run->today > due && !reason &&
            cp_engine_last_out (run)->status == CP_OBLIGATION_STATUS_OVERDUE)
          cp_engine_last_out (run)->drift = TRUE;
      }
  return TRUE;
}
