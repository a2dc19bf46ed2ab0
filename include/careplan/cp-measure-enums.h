/* cp-measure-enums.h: the codes of areas of work, groupings and
 * timeliness measures ([class@Measures])
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#if !defined(CAREPLAN_INSIDE) && !defined(CP_COMPILATION)
# error "Only <careplan.h> can be included directly."
#endif

#include <glib-object.h>

G_BEGIN_DECLS

/**
 * CpArea:
 * @CP_AREA_REVIEWS: statutory reviews
 * @CP_AREA_REVIEW_PAPERWORK: the work around a review (consultation,
 *   invitations, reports, records)
 * @CP_AREA_PLANS: care, placement and other plans and planning meetings
 * @CP_AREA_VISITS: social worker visits, and return home interviews after a
 *   child went missing
 * @CP_AREA_HEALTH_EDUCATION: health assessments, dental checks, PEPs
 * @CP_AREA_PERMANENCE: permanence planning
 * @CP_AREA_LEAVING_CARE: pathway plans and leaving care
 * @CP_AREA_RECOMMENDATIONS: review recommendations
 * @CP_AREA_DISPUTES: the IRO's dispute resolution
 *
 * The area of work an obligation belongs to, by its duty
 * ([func@Area.of_duty]).
 */
typedef enum {
  CP_AREA_REVIEWS,
  CP_AREA_REVIEW_PAPERWORK,
  CP_AREA_PLANS,
  CP_AREA_VISITS,
  CP_AREA_HEALTH_EDUCATION,
  CP_AREA_PERMANENCE,
  CP_AREA_LEAVING_CARE,
  CP_AREA_RECOMMENDATIONS,
  CP_AREA_DISPUTES,
} CpArea;

/**
 * CpGrouping:
 * @CP_GROUPING_AUTHORITY: one group, the whole authority
 * @CP_GROUPING_TEAM: by the team of the allocated social worker
 * @CP_GROUPING_WORKER: by the allocated social worker
 * @CP_GROUPING_IRO: by the allocated IRO
 *
 * How cases are grouped, by their allocation on a day
 * ([func@Grouping.key]).
 */
typedef enum {
  CP_GROUPING_AUTHORITY,
  CP_GROUPING_TEAM,
  CP_GROUPING_WORKER,
  CP_GROUPING_IRO,
} CpGrouping;

/**
 * CpMeasure:
 * @CP_MEASURE_REVIEWS: statutory reviews (duty `review`)
 * @CP_MEASURE_VISITS: social worker visits (duty `visit`)
 * @CP_MEASURE_HEALTH_ASSESSMENTS: health assessments (duty `health-assessment`)
 * @CP_MEASURE_PEPS: personal education plans (duty `pep-review`)
 * @CP_MEASURE_CARE_PLANS: care plans (duty `care-plan`)
 * @CP_MEASURE_PLACEMENT_PLANS: placement plans (duty `placement-plan`)
 *
 * A timeliness measure of `docs/measures.md`.
 */
typedef enum {
  CP_MEASURE_REVIEWS,
  CP_MEASURE_VISITS,
  CP_MEASURE_HEALTH_ASSESSMENTS,
  CP_MEASURE_PEPS,
  CP_MEASURE_CARE_PLANS,
  CP_MEASURE_PLACEMENT_PLANS,
} CpMeasure;

G_END_DECLS
