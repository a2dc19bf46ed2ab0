/* cp-policy.h: a policy profile, the rules an authority follows
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#if !defined(CAREPLAN_INSIDE) && !defined(CP_COMPILATION)
# error "Only <careplan.h> can be included directly."
#endif

#include <gio/gio.h>

#include "cp-enums.h"
#include "cp-rule.h"
#include "cp-version-macros.h"

G_BEGIN_DECLS

/**
 * CP_POLICY_FORMAT_VERSION:
 *
 * The newest profile format this library reads (the `format` member).
 */
#define CP_POLICY_FORMAT_VERSION 1

#define CP_TYPE_POLICY (cp_policy_get_type ())

CP_AVAILABLE_IN_0_1
G_DECLARE_FINAL_TYPE (CpPolicy, cp_policy, CP, POLICY, GObject)

CP_AVAILABLE_IN_0_1
char      **cp_policy_list_builtin      (void);
CP_AVAILABLE_IN_0_1
CpPolicy   *cp_policy_new_builtin       (const char  *name,
                                         GError     **error);
CP_AVAILABLE_IN_0_1
CpPolicy   *cp_policy_new_from_data     (const char  *data,
                                         gssize       length,
                                         GError     **error);
CP_AVAILABLE_IN_0_1
CpPolicy   *cp_policy_load_file         (const char  *path,
                                         GError     **error);
CP_AVAILABLE_IN_0_1
const char *cp_policy_get_name          (CpPolicy    *self);
CP_AVAILABLE_IN_0_1
const char *cp_policy_get_title         (CpPolicy    *self);
CP_AVAILABLE_IN_0_1
const char *cp_policy_get_source        (CpPolicy    *self);
CP_AVAILABLE_IN_0_1
CpPolicy   *cp_policy_get_base          (CpPolicy    *self);
CP_AVAILABLE_IN_0_1
int         cp_policy_get_due_soon_quantity (CpPolicy *self);
CP_AVAILABLE_IN_0_1
CpUnit      cp_policy_get_due_soon_unit (CpPolicy    *self);
CP_AVAILABLE_IN_0_1
GListModel *cp_policy_get_rules         (CpPolicy    *self);
CP_AVAILABLE_IN_0_1
CpRole      cp_policy_get_authority     (CpPolicy    *self,
                                         const char  *action);
CP_AVAILABLE_IN_0_1
CpRule     *cp_policy_lookup_rule       (CpPolicy    *self,
                                         const char  *key);
CP_AVAILABLE_IN_0_1
CpRule     *cp_policy_lookup_rule_on    (CpPolicy    *self,
                                         const char  *key,
                                         const GDate *date);
CP_AVAILABLE_IN_0_1
const char *cp_policy_get_rule_origin   (CpPolicy    *self,
                                         const char  *key);
CP_AVAILABLE_IN_0_1
const char *cp_policy_get_rule_version_origin (CpPolicy *self,
                                               CpRule   *rule);
CP_AVAILABLE_IN_0_1
char       *cp_policy_to_json           (CpPolicy          *self,
                                         CpPolicyJsonFlags  flags);
CP_AVAILABLE_IN_0_1
GListModel *cp_policy_diff              (CpPolicy    *old_policy,
                                         CpPolicy    *new_policy);

G_END_DECLS
