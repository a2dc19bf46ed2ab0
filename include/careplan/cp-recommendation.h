/* cp-recommendation.h
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#if !defined(CAREPLAN_INSIDE) && !defined(CP_COMPILATION)
# error "Only <careplan.h> can be included directly."
#endif

#include "cp-enums.h"
#include "cp-record.h"
#include "cp-version-macros.h"

G_BEGIN_DECLS

#define CP_TYPE_RECOMMENDATION (cp_recommendation_get_type ())

CP_AVAILABLE_IN_0_1
G_DECLARE_FINAL_TYPE (CpRecommendation, cp_recommendation, CP, RECOMMENDATION, CpRecord)

CP_AVAILABLE_IN_0_1
CpRecommendation *cp_recommendation_new (const char *text);
CP_AVAILABLE_IN_0_1
const char *cp_recommendation_get_text (CpRecommendation *self);
CP_AVAILABLE_IN_0_1
CpRole cp_recommendation_get_owner_role (CpRecommendation *self);
CP_AVAILABLE_IN_0_1
void cp_recommendation_set_owner_role (CpRecommendation *self,
    CpRole owner_role);
CP_AVAILABLE_IN_0_1
const char *cp_recommendation_get_owner (CpRecommendation *self);
CP_AVAILABLE_IN_0_1
void cp_recommendation_set_owner (CpRecommendation *self,
    const char *owner);
CP_AVAILABLE_IN_0_1
const GDate *cp_recommendation_get_due (CpRecommendation *self);
CP_AVAILABLE_IN_0_1
void cp_recommendation_set_due (CpRecommendation *self,
    const GDate *due);
CP_AVAILABLE_IN_0_1
gboolean cp_recommendation_get_starred (CpRecommendation *self);
CP_AVAILABLE_IN_0_1
void cp_recommendation_set_starred (CpRecommendation *self,
    gboolean starred);
CP_AVAILABLE_IN_0_1
CpRecommendationStatus cp_recommendation_get_status (CpRecommendation *self);
CP_AVAILABLE_IN_0_1
void cp_recommendation_set_status (CpRecommendation *self,
    CpRecommendationStatus status);
CP_AVAILABLE_IN_0_1
const GDate *cp_recommendation_get_completed_on (CpRecommendation *self);
CP_AVAILABLE_IN_0_1
void cp_recommendation_set_completed_on (CpRecommendation *self,
    const GDate *completed_on);
CP_AVAILABLE_IN_0_1
const char *cp_recommendation_get_manager_response (CpRecommendation *self);
CP_AVAILABLE_IN_0_1
void cp_recommendation_set_manager_response (CpRecommendation *self,
    const char *manager_response);
CP_AVAILABLE_IN_0_1
const GDate *cp_recommendation_get_manager_response_on (CpRecommendation *self);
CP_AVAILABLE_IN_0_1
void cp_recommendation_set_manager_response_on (CpRecommendation *self,
    const GDate *manager_response_on);
CP_AVAILABLE_IN_0_1
const GDate *cp_recommendation_get_notified_on (CpRecommendation *self);
CP_AVAILABLE_IN_0_1
void cp_recommendation_set_notified_on (CpRecommendation *self,
    const GDate *notified_on);
CP_AVAILABLE_IN_0_1
const GDate *cp_recommendation_get_concerns_on (CpRecommendation *self);
CP_AVAILABLE_IN_0_1
void cp_recommendation_set_concerns_on (CpRecommendation *self,
    const GDate *concerns_on);
CP_AVAILABLE_IN_0_1
const GDate *cp_recommendation_get_agreed_on (CpRecommendation *self);
CP_AVAILABLE_IN_0_1
void cp_recommendation_set_agreed_on (CpRecommendation *self,
    const GDate *agreed_on);

G_END_DECLS
