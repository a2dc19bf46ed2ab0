/* cp-policy-private.h
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include "careplan.h"

G_BEGIN_DECLS

/* The rules of one kind, in profile order: owned by the policy. */
GPtrArray *cp_policy_rules_of_kind (CpPolicy   *self,
                                    CpRuleKind  kind);

/* Whether @rule is in force on the day @julian (cp_rule_is_in_force()
 * without a GDate, for the engine). */
gboolean   cp_rule_in_force_julian (CpRule     *rule,
                                    guint32     julian);

/* The version of @key in force on the day @julian, or NULL. */
CpRule    *cp_policy_version_on   (CpPolicy   *self,
                                   const char *key,
                                   guint32     julian);

/* @rule as its profile states it (cp-policy-json.c): what
 * cp_record_to_json() gives, and the members the loader reads by their
 * presence. */
JsonNode  *cp_policy_rule_to_json (CpRule     *rule);

/* Whether @rule, read from @obj at @path, is one the engine can apply
 * (cp-policy-check.c). */
gboolean   cp_policy_check_rule   (CpRule      *rule,
                                   JsonObject  *obj,
                                   const char  *path,
                                   GError     **error);

/* What an authority rule needs: its kind's check (cp-engine.c's table);
 * authority rules are read by cp_policy_get_authority(), not by the
 * engine. */
gboolean   cp_policy_check_authority (CpRule      *rule,
                                      JsonObject  *obj,
                                      const char  *path,
                                      GError     **error);

G_END_DECLS
