/* cp-engine-recommendations.c: recommendations: each review's recommendations and their clocks
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * Rules of kind `recommendation`: each recommendation of a held review
 * carried out by the date the review set, and for a starred one the
 * clocks of its agreement and any dispute. Run by the review pass.
 */

#include "config.h"

#include "cp-text-private.h"
#include "cp-engine-run-private.h"
#include "cp-error-private.h"
#include "cp-case-private.h"
#include "cp-review-private.h"

/* The earliest dispute the case holds about recommendation @pos of review
 * @seq, or NULL. */
static CpDispute *
dispute_about (CpEngineRun *run, int seq, guint pos)
{
  guint n_disputes;
  CpDispute *const *disputes = cp_case_peek_disputes (run->kase, &n_disputes);
  CpDispute *found = NULL;
  guint32 first = 0;

  for (guint i = 0; i < n_disputes; i++)
    {
      CpDispute *d = disputes[i];
      guint32 raised = cp_engine_known (run, cp_dispute_get_raised_on (d));

      if (cp_dispute_get_review (d) != seq || (guint) cp_dispute_get_recommendation (d) != pos || raised == 0)
        continue;
      if (found == NULL || raised < first)
        {
          found = d;   /* the case keeps it alive */
          first = raised;
        }
    }
  return found;
}

static guint32
earliest (guint32 a, guint32 b)
{
  return a == 0 ? b : b == 0 ? a : MIN (a, b);
}

/* When the duty of a recommendation rule was done, as of today. */
static guint32
recommendation_done (CpEngineRun *run, CpRecommendation *rec, CpDuty duty, CpDispute *dispute)
{
  guint32 raised = dispute ? cp_engine_known (run, cp_dispute_get_raised_on (dispute)) : 0;
  guint32 settled = dispute ? cp_engine_known (run, cp_dispute_get_resolved_on (dispute)) : 0;

  switch (duty)
    {
    case CP_DUTY_RECOMMENDATION_NOTIFIED:
      return cp_engine_known (run, cp_recommendation_get_notified_on (rec));
    case CP_DUTY_RECOMMENDATION_CONCERNS:
      return cp_engine_known (run, cp_recommendation_get_concerns_on (rec));
    case CP_DUTY_RECOMMENDATION_AGREED:
      /* A dispute that ends settles the recommendation too. */
      return earliest (cp_engine_known (run, cp_recommendation_get_agreed_on (rec)), settled);
    case CP_DUTY_DISPUTE_REGISTERED:
      return earliest (cp_engine_known (run, cp_recommendation_get_agreed_on (rec)), raised);
    case CP_DUTY_RECOMMENDATION:
    default:
      return cp_engine_known (run, cp_recommendation_get_completed_on (rec));
    }
}

/* The due date of a recommendation clock that starts at the review held on
 * @held, or where the rule it follows ends: the day that rule's duty was
 * done for @rec, if it was done by its due date, else that due date (the
 * earlier of the two; the profile has checked that such chains end). */
static gboolean
clock_due (CpEngineRun *run, CpRule *rule, guint32 held, CpRecommendation *rec, CpDispute *dispute,
           guint32 *due, GString *why)
{
  guint32 from = held;
  const char *anchor = "the review";
  const char *word = "from";
  char met_text[96];

  if (cp_rule_get_anchor (rule) == CP_ANCHOR_RULE)
    {
      CpRule *before = cp_policy_lookup_rule (run->policy, cp_rule_get_after (rule));
      guint32 done = recommendation_done (run, rec, cp_rule_get_duty (before), dispute);

      anchor = cp_rule_get_after (rule);
      word = "after the due date of";
      if (!clock_due (run, before, held, rec, dispute, &from, NULL))
        return FALSE;
      /* Done before its due date: the next clock starts that day (one
       * dated before the review is read as the review). */
      if (done != 0 && done < from)
        {
          from = MAX (done, held);
          word = "from";
          anchor = cp_text_format (met_text, sizeof met_text, "the day %s was met", anchor);
        }
    }
  if (!cp_engine_shift (run, rule, from, 1, due))
    return FALSE;
  if (why != NULL)
    cp_engine_append_reason (why, rule, word, anchor, from);
  return TRUE;
}

/* Each recommendation of a held review: carried out by the date the review
 * set, and for a starred one the clocks of its agreement. */
gboolean
cp_engine_run_recommendations (CpEngineRun *run,
                                         GPtrArray   *rules,
                                         CpReview    *review,
                                         int          seq,
                                         guint32      held)
{
  guint n_recs;
  CpRecommendation *const *recs = cp_review_peek_recommendations (review, &n_recs);

  for (guint r = 0; r < rules->len; r++)
    for (guint k = 0; k < n_recs; k++)
      {
        CpRule *rule = rules->pdata[r];
        CpDuty duty = cp_rule_get_duty (rule);
        CpRecommendation *rec = recs[k];
        g_autofree char *subject = cp_text_printf ("review %d recommendation %u", seq, k + 1);
        g_autoptr(CpScratch) why = cp_scratch_new ();
        CpDispute *dispute;
        guint32 due, met;
        char buf[16];

        if (cp_rule_get_starred_only (rule) && !cp_recommendation_get_starred (rec))
          continue;
        dispute = dispute_about (run, seq, k + 1);
        if (duty == CP_DUTY_RECOMMENDATION)
          {
            due = cp_engine_julian (cp_recommendation_get_due (rec));
            if (due == 0)
              continue;
            cp_text_append (why, "the date review %d set (%s)%s", seq, cp_engine_iso (due, buf),
                            cp_recommendation_get_starred (rec) ? "; starred" : "");
          }
        else if (!clock_due (run, rule, held, rec, dispute, &due, why))
          return FALSE;
        if (cp_recommendation_get_status (rec) == CP_RECOMMENDATION_STATUS_WITHDRAWN)
          {
            cp_engine_emit_not_applicable (run, rule, subject, seq,
                                           g_strdup ("not applicable: the recommendation was withdrawn"));
            continue;
          }

        met = recommendation_done (run, rec, duty, dispute);
        if (met == 0 && cp_rule_get_optional (rule) && run->today > due)
          {
            cp_engine_emit_not_applicable (run, rule, subject, seq,
                                           cp_text_printf ("not applicable: nothing was raised by %s (%s), "
                                                           "so the recommendation stands",
                                                           cp_engine_iso (due, buf), why->str));
            continue;
          }
        if (dispute != NULL && (duty == CP_DUTY_RECOMMENDATION_AGREED || duty == CP_DUTY_DISPUTE_REGISTERED))
          cp_text_append (why, "; disputed from %s%s",
                          cp_engine_iso (cp_engine_known (run, cp_dispute_get_raised_on (dispute)), buf),
                          cp_dispute_get_resolved_on (dispute) ? ", since resolved" : "");
        if (!cp_engine_emit (run, rule, subject, seq, due, 0, met, why))
          return FALSE;
      }
  return TRUE;
}

/* Either the recommendation's own due date, or a clock from the review or
 * from another recommendation rule's due date. */
gboolean
cp_engine_check_recommendation (CpRule      *rule,
                                JsonObject  *obj,
                                const char  *path,
                                GError     **error)
{
  static const CpAnchor no_anchor[] = { CP_ANCHOR_NONE };
  static const CpDuty recommendation_duties[] = { CP_DUTY_RECOMMENDATION_NOTIFIED,
                                                  CP_DUTY_RECOMMENDATION_CONCERNS,
                                                  CP_DUTY_RECOMMENDATION_AGREED,
                                                  CP_DUTY_DISPUTE_REGISTERED };
  static const CpAnchor clock_anchors[] = { CP_ANCHOR_REVIEW, CP_ANCHOR_RULE };

  if (cp_rule_get_duty (rule) == CP_DUTY_RECOMMENDATION)
    {
      if (cp_rule_get_quantity (rule) != 0)
        return cp_fail (error, CP_ERROR_INVALID_VALUE,
                        "%s.quantity: a recommendation rule takes its due date from each recommendation", path);
      return cp_engine_anchor_allowed (rule, path, no_anchor, G_N_ELEMENTS (no_anchor), error);
    }
  return cp_engine_duty_allowed (rule, path, recommendation_duties, G_N_ELEMENTS (recommendation_duties), error) &&
         cp_engine_anchor_allowed (rule, path, clock_anchors, G_N_ELEMENTS (clock_anchors), error) &&
         cp_engine_direction_is (rule, path, CP_DIRECTION_WITHIN, error);
}
