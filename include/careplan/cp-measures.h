/* cp-measures.h: how a caseload did over a period: obligations due, met
 * within timescale, and lateness, per team, worker or IRO; and the areas
 * of work a summary counts
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#if !defined(CAREPLAN_INSIDE) && !defined(CP_COMPILATION)
# error "Only <careplan.h> can be included directly."
#endif

#include "cp-calendar.h"
#include "cp-case.h"
#include "cp-enums.h"
#include "cp-measure-enums.h"
#include "cp-policy.h"
#include "cp-version-macros.h"

G_BEGIN_DECLS

CP_AVAILABLE_IN_0_1
CpArea       cp_area_of_duty   (CpDuty        duty);
CP_AVAILABLE_IN_0_1
const char  *cp_area_get_label (CpArea        area);
CP_AVAILABLE_IN_0_1
const char  *cp_area_get_key   (CpArea        area);
CP_AVAILABLE_IN_0_1
const char  *cp_grouping_key   (CpCase       *kase,
                                CpGrouping    grouping,
                                const GDate  *date);
CP_AVAILABLE_IN_0_1
gboolean     cp_measure_of_duty (CpDuty       duty,
                                 CpMeasure   *measure);

#define CP_TYPE_MEASURES (cp_measures_get_type ())

CP_AVAILABLE_IN_0_1
G_DECLARE_FINAL_TYPE (CpMeasures, cp_measures, CP, MEASURES, GObject)

CP_AVAILABLE_IN_0_1
CpMeasures   *cp_measures_new                  (CpPolicy     *policy,
                                                CpCalendar   *calendar,
                                                const GDate  *from,
                                                const GDate  *to,
                                                CpGrouping    grouping);
CP_AVAILABLE_IN_0_1
const GDate  *cp_measures_get_from             (CpMeasures   *self);
CP_AVAILABLE_IN_0_1
const GDate  *cp_measures_get_to               (CpMeasures   *self);
CP_AVAILABLE_IN_0_1
CpGrouping    cp_measures_get_grouping         (CpMeasures   *self);
CP_AVAILABLE_IN_0_1
gboolean      cp_measures_add_case             (CpMeasures   *self,
                                                CpCase       *kase,
                                                GError      **error);
CP_AVAILABLE_IN_0_1
void          cp_measures_add_obligations      (CpMeasures   *self,
                                                CpCase       *kase,
                                                GListModel   *obligations);
CP_AVAILABLE_IN_0_1
guint         cp_measures_get_cases            (CpMeasures   *self);
CP_AVAILABLE_IN_0_1
char        **cp_measures_dup_groups           (CpMeasures   *self);
CP_AVAILABLE_IN_0_1
guint         cp_measures_get_due              (CpMeasures   *self,
                                                const char   *group,
                                                CpMeasure     measure);
CP_AVAILABLE_IN_0_1
guint         cp_measures_get_on_time          (CpMeasures   *self,
                                                const char   *group,
                                                CpMeasure     measure);
CP_AVAILABLE_IN_0_1
guint         cp_measures_get_late             (CpMeasures   *self,
                                                const char   *group,
                                                CpMeasure     measure);
CP_AVAILABLE_IN_0_1
guint         cp_measures_get_open             (CpMeasures   *self,
                                                const char   *group,
                                                CpMeasure     measure);
CP_AVAILABLE_IN_0_1
guint         cp_measures_get_unjudged         (CpMeasures   *self,
                                                const char   *group,
                                                CpMeasure     measure);
CP_AVAILABLE_IN_0_1
double        cp_measures_get_share_on_time    (CpMeasures   *self,
                                                const char   *group,
                                                CpMeasure     measure);
CP_AVAILABLE_IN_0_1
double        cp_measures_get_median_lateness  (CpMeasures   *self,
                                                const char   *group,
                                                CpMeasure     measure);
CP_AVAILABLE_IN_0_1
int           cp_measures_get_worst_lateness   (CpMeasures   *self,
                                                const char   *group,
                                                CpMeasure     measure);

G_END_DECLS
