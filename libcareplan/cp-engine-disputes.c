/* cp-engine-disputes.c: disputes: the stages of the escalation ladder
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Rules of kind `escalation-stage`: each timed stage a dispute reached,
 * settled or moved on in time.
 */

#include "config.h"

#include <string.h>

#include "cp-text-private.h"
#include "cp-engine-run-private.h"
#include "cp-error-private.h"
#include "cp-case-private.h"
#include "cp-review-private.h"
#include "cp-dispute-private.h"

/* Whether @dispute is about a starred recommendation the case holds. */
static gboolean
about_starred (CpEngineRun *run, CpDispute *dispute)
{
  guint n_reviews;
  CpReview *const *reviews = cp_case_peek_reviews (run->kase, &n_reviews);
  int pos = cp_dispute_get_recommendation (dispute);

  for (guint i = 0; i < n_reviews && pos > 0; i++)
    {
      guint n_recs;
      CpRecommendation *const *recs = cp_review_peek_recommendations (reviews[i], &n_recs);

      if (cp_review_get_sequence (reviews[i]) == cp_dispute_get_review (dispute) && (guint) pos <= n_recs)
        return cp_recommendation_get_starred (recs[pos - 1]);
    }
  return FALSE;
}

/* Each timed stage a dispute reached: settled or moved on in time. A
 * stage timed for disputed starred recommendations only (starred_only)
 * gives other disputes no time limit, and says so. */
gboolean
cp_engine_run_disputes (CpEngineRun *run)
{
  GPtrArray *stages = cp_policy_rules_of_kind (run->policy, CP_RULE_KIND_ESCALATION_STAGE);
  guint n_disputes;
  CpDispute *const *disputes = cp_case_peek_disputes (run->kase, &n_disputes);

  for (guint d = 0; d < n_disputes; d++)
    {
      CpDispute *dispute = disputes[d];
      g_autofree char *subject = cp_text_printf ("dispute %u", d + 1);
      guint n;
      CpDisputeStep *const *steps = cp_dispute_peek_steps (dispute, &n);
      guint32 resolved = cp_engine_known (run, cp_dispute_get_resolved_on (dispute));

      for (guint k = 0; k < n; k++)
        {
          CpDisputeStep *step = steps[k];
          guint32 start = cp_engine_known (run, cp_dispute_step_get_date (step));
          guint32 moved = 0, due;
          CpRule *rule = NULL;

          for (guint r = 0; r < stages->len; r++)
            if (g_strcmp0 (cp_rule_get_stage (stages->pdata[r]), cp_dispute_step_get_stage (step)) == 0)
              rule = stages->pdata[r];
          if (start == 0 || rule == NULL || cp_rule_get_quantity (rule) == 0)
            continue;
          if (cp_rule_get_starred_only (rule) && !about_starred (run, dispute))
            {
              cp_engine_emit_not_applicable (run, rule, subject, 0,
                                             cp_text_printf ("not applicable: the time limit at %s is for disputed "
                                                             "starred recommendations, and this dispute is not about one",
                                                             cp_rule_get_stage (rule)));
              continue;
            }
          if (k + 1 < n)
            {
              CpDisputeStep *next = steps[k + 1];
              moved = cp_engine_known (run, cp_dispute_step_get_date (next));
            }
          if (moved == 0)
            moved = resolved;
          if (!cp_engine_shift (run, rule, start, 1, &due))
            return FALSE;
          {
            g_autoptr(CpScratch) why = cp_scratch_new ();
            g_autofree char *anchor = cp_text_printf ("reaching %s", cp_rule_get_stage (rule));
            cp_engine_append_reason (why, rule, "from", anchor, start);
            if (!cp_engine_emit (run, rule, subject, 0, due, 0, moved, why))
              return FALSE;
          }
        }
    }
  return TRUE;
}

/* A stage names itself, its place on the ladder and who it addresses. */
gboolean
cp_engine_check_escalation_stage (CpRule      *rule,
                                  JsonObject  *obj,
                                  const char  *path,
                                  GError     **error)
{
  if (cp_rule_get_stage (rule) == NULL)
    return cp_fail (error, CP_ERROR_MISSING_FIELD, "%s.stage: missing (an escalation stage has a name)", path);
  if (cp_rule_get_position (rule) < 1)
    return cp_fail (error, CP_ERROR_MISSING_FIELD, "%s.position: missing (its place on the ladder, from 1)", path);
  if (cp_rule_get_responsible (rule) == CP_ROLE_UNKNOWN)
    return cp_fail (error, CP_ERROR_MISSING_FIELD, "%s.responsible: missing (who the stage addresses)", path);
  return TRUE;
}
