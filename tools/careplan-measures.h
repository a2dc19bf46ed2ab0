/* careplan-measures.h: printing a CpMeasures (timeliness rates), and the
 * --by option, shared by careplan summary and careplan report
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include <stdio.h>
#include <careplan.h>

G_BEGIN_DECLS

/* "team", "worker" or "iro" (NULL: the whole authority). */
gboolean careplan_grouping_option (const char *text, CpGrouping *grouping, GError **error);
/* The word for a grouping, as --by spells it ("authority" for none). */
const char *careplan_grouping_name (CpGrouping grouping);
/* The JSON key of a measure: its nick in snake_case ("health_assessments"). */
char *careplan_measure_key (CpMeasure measure);
const char *careplan_measure_label (CpMeasure measure);
#define CAREPLAN_N_MEASURES (CP_MEASURE_PLACEMENT_PLANS + 1)

/* Whether @kase was allocated, on @date, to the team, social worker and
 * IRO given (NULL: any). */
gboolean careplan_case_allocated_to (CpCase *kase, const GDate *date, const char *team,
                                     const char *worker, const char *iro);

void careplan_measures_print_text (CpMeasures *measures, FILE *out);
/* Adds the members "from", "to", "grouping", "groups" to the open object. */
void careplan_measures_add_json (CpMeasures *measures, JsonBuilder *b);

G_END_DECLS
