/* fuzz-policy.c: the policy profile loader
 *
 * A profile that loads must describe itself (every rule has a key, an id
 * and a citation) and drive the engine over a sample case without a crash.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "fuzz-common.h"

/* A case with something for most rule kinds to look at. */
static const char sample_case[] =
  "{\"version\":1,"
  "\"child\":{\"id\":\"F1\",\"birth_date\":\"2010-03-01\",\"looked_after_since\":\"2024-01-05\","
  "\"legal_statuses\":[{\"status\":\"section-20\",\"start\":\"2024-01-05\"}]},"
  "\"placements\":[{\"kind\":\"foster-agency\",\"start\":\"2024-01-05\",\"end\":\"2025-03-03\",\"emergency\":true},"
  "{\"kind\":\"connected-person-temporary\",\"start\":\"2025-03-03\",\"area\":\"distant\"}],"
  "\"reviews\":[{\"sequence\":1,\"held\":\"2024-01-30\",\"recommendations\":"
  "[{\"text\":\"x\",\"starred\":true,\"due\":\"2024-03-01\"}]},"
  "{\"sequence\":2,\"held\":\"2024-04-26\"},{\"sequence\":3,\"held\":\"2024-10-18\"}],"
  "\"permanence_plan\":{\"pathway\":\"adoption\",\"agreed_on\":\"2024-04-26\",\"milestones\":"
  "[{\"description\":\"m\",\"target\":\"2024-09-30\"}]},"
  "\"activities\":[{\"duty\":\"visit\",\"date\":\"2024-01-09\"},{\"duty\":\"visit\",\"date\":\"2024-03-20\"},"
  "{\"duty\":\"pathway-plan\",\"date\":\"2026-06-01\"},{\"duty\":\"approval-extended\",\"date\":\"2025-05-01\"}]}";

int
LLVMFuzzerTestOneInput (const uint8_t *data, size_t size)
{
  static CpCase *kase;
  g_autoptr(GError) error = NULL;
  g_autoptr(CpPolicy) policy = NULL;
  GListModel *rules;

  fuzz_init ();
  if (kase == NULL)
    {
      kase = cp_case_new_from_json (sample_case, -1, &error);
      if (kase == NULL)
        g_error ("the sample case does not read: %s", error->message);
    }

  policy = cp_policy_new_from_data ((const char *) data, (gssize) size, &error);
  if (policy == NULL)
    {
      g_assert (error != NULL && error->domain == CP_ERROR);
      return 0;
    }

  rules = cp_policy_get_rules (policy);
  for (guint i = 0; i < g_list_model_get_n_items (rules); i++)
    {
      g_autoptr(CpRule) rule = g_list_model_get_item (rules, i);

      g_assert (cp_rule_get_key (rule) != NULL);
      g_assert (cp_policy_lookup_rule (policy, cp_rule_get_key (rule)) != NULL);
    }
  fuzz_evaluate (kase, policy);
  return 0;
}
