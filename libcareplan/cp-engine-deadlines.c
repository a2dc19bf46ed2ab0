/* cp-engine-deadlines.c: deadlines: the care plan and the placement plans
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Rules of kind `deadline`: one-off plans counted from the day care began,
 * the first placement or each placement.
 */

#include "config.h"

#include "cp-text-private.h"
#include "cp-engine-run-private.h"
#include "cp-case-private.h"
#include "cp-care-plan-private.h"

/* Deadlines: the care plan and the placement plans. */
gboolean
cp_engine_run_deadlines (CpEngineRun *run)
{
  GPtrArray *rules = cp_policy_rules_of_kind (run->policy, CP_RULE_KIND_DEADLINE);
  guint n_placements;
  CpPlacement *const *placements = cp_case_peek_placements (run->kase, &n_placements);
  CpCarePlan *care_plan = cp_case_get_care_plan (run->kase);

  for (guint r = 0; r < rules->len; r++)
    {
      CpRule *rule = rules->pdata[r];
      CpAnchor anchor = cp_rule_get_anchor (rule);

      if (cp_rule_get_duty (rule) == CP_DUTY_CARE_PLAN)
        {
          g_autoptr(CpScratch) why = cp_scratch_new ();
          guint32 from = run->looked_after, due = 0, met = 0;

          if (anchor != CP_ANCHOR_LOOKED_AFTER)
            {
              CpPlacement *first = n_placements ? placements[0] : NULL;
              from = first ? cp_engine_known (run, cp_placement_get_start (first)) : 0;
            }
          if (!cp_engine_in_force (run, rule, from))
            continue;
          if (from == 0)
            g_string_append (why, "no placement has started yet");
          else
            {
              cp_engine_append_reason (why, rule, "from",
                                       anchor == CP_ANCHOR_LOOKED_AFTER ? "looked-after" : "the first placement",
                                       from);
              if (!cp_engine_shift (run, rule, from, 1, &due))
                return FALSE;
            }
          if (care_plan != NULL)
            met = cp_engine_known (run, cp_care_plan_get_created (care_plan));
          if (!cp_engine_emit (run, rule, "care plan", 0, due, 0, met, why))
            return FALSE;
          continue;
        }

      /* The placement plan, for each placement (or the first only). */
      for (guint i = 0; i < n_placements; i++)
        {
          CpPlacement *p = placements[i];
          g_autoptr(CpScratch) why = cp_scratch_new ();
          g_autofree char *subject = cp_text_printf ("placement %u", i + 1);
          guint32 start = cp_engine_known (run, cp_placement_get_start (p));
          guint32 earliest = 0, due, met = 0;

          if (start == 0)
            break;
          if (anchor != CP_ANCHOR_PLACEMENT && i > 0)
            break;
          if (!cp_engine_in_force (run, rule, anchor == CP_ANCHOR_LOOKED_AFTER ? run->looked_after : start) ||
              !cp_engine_placement_type_listed (rule, p))
            continue;
          /* One placement-plan record serves all placements: for a later
           * placement only a plan completed or reviewed since it started
           * can be its plan. */
          if (i > 0)
            earliest = start;
          if (!cp_engine_shift (run, rule, anchor == CP_ANCHOR_LOOKED_AFTER ? run->looked_after : start, 1, &due))
            return FALSE;
          cp_engine_append_reason (why, rule, "from", anchor == CP_ANCHOR_LOOKED_AFTER ? "looked-after" : "the placement start",
                                   anchor == CP_ANCHOR_LOOKED_AFTER ? run->looked_after : start);

          if (care_plan != NULL)
            {
              guint n_subs;
              CpSubPlan *const *subs = cp_care_plan_peek_sub_plans (care_plan, &n_subs);
              for (guint k = 0; k < n_subs; k++)
                {
                  CpSubPlan *sp = subs[k];
                  guint32 dates[2];

                  if (cp_sub_plan_get_kind (sp) != CP_SUB_PLAN_KIND_PLACEMENT_PLAN &&
                      cp_sub_plan_get_kind (sp) != CP_SUB_PLAN_KIND_ADOPTION_SUPPORT_PLAN)
                    continue;
                  dates[0] = cp_engine_known (run, cp_sub_plan_get_completed (sp));
                  dates[1] = cp_engine_known (run, cp_sub_plan_get_last_reviewed (sp));
                  for (guint d = 0; d < 2; d++)
                    if (dates[d] != 0 && dates[d] >= earliest && (met == 0 || dates[d] < met))
                      met = dates[d];
                }
            }
          if (!cp_engine_emit (run, rule, subject, 0, due, 0, met, why))
            return FALSE;
        }
    }
  return TRUE;
}
