/* cp-enums.h: enumerations shared across the libcareplan API
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#if !defined(CAREPLAN_INSIDE) && !defined(CP_COMPILATION)
# error "Only <careplan.h> can be included directly."
#endif

#include <glib.h>

G_BEGIN_DECLS

/**
 * CpRegion:
 * @CP_REGION_ENGLAND_AND_WALES: England and Wales (gov.uk division
 *   `england-and-wales`)
 * @CP_REGION_SCOTLAND: Scotland (gov.uk division `scotland`)
 * @CP_REGION_NORTHERN_IRELAND: Northern Ireland (gov.uk division
 *   `northern-ireland`)
 *
 * The bank-holiday regions of the United Kingdom.
 */
typedef enum {
  CP_REGION_ENGLAND_AND_WALES,
  CP_REGION_SCOTLAND,
  CP_REGION_NORTHERN_IRELAND,
} CpRegion;

/**
 * CpUnit:
 * @CP_UNIT_WORKING_DAYS: working days (Monday to Friday, not bank
 *   holidays or closure days)
 * @CP_UNIT_CALENDAR_DAYS: calendar days
 * @CP_UNIT_WEEKS: weeks of seven calendar days
 * @CP_UNIT_MONTHS: calendar months, clamped at the end of a shorter month
 * @CP_UNIT_HOURS: hours; only meaningful for rules timed from an event
 *   with a time of day
 *
 * The units in which a timescale is counted.
 */
typedef enum {
  CP_UNIT_WORKING_DAYS,
  CP_UNIT_CALENDAR_DAYS,
  CP_UNIT_WEEKS,
  CP_UNIT_MONTHS,
  CP_UNIT_HOURS,
} CpUnit;

/**
 * CpHolidayKind:
 * @CP_HOLIDAY_KIND_BANK_HOLIDAY: a bank holiday on its own date
 * @CP_HOLIDAY_KIND_SUBSTITUTE: a substitute day for a bank holiday that
 *   fell on a weekend
 * @CP_HOLIDAY_KIND_EXTRA: a one-off bank holiday (jubilee, royal wedding,
 *   state funeral, ...)
 * @CP_HOLIDAY_KIND_CLOSURE: an authority's own office closure day
 *
 * Why a day is not a working day.
 */
typedef enum {
  CP_HOLIDAY_KIND_BANK_HOLIDAY,
  CP_HOLIDAY_KIND_SUBSTITUTE,
  CP_HOLIDAY_KIND_EXTRA,
  CP_HOLIDAY_KIND_CLOSURE,
} CpHolidayKind;

/**
 * CpRole:
 * @CP_ROLE_SOCIAL_WORKER: the child's allocated social worker
 * @CP_ROLE_PRACTICE_MANAGER: a Practice Manager (Stoke: "Principal/Practice Manager")
 * @CP_ROLE_PRINCIPAL_MANAGER: a Principal Manager
 * @CP_ROLE_TEAM_MANAGER: a Team Manager
 * @CP_ROLE_LINE_MANAGER: the social worker's line manager
 * @CP_ROLE_STRATEGIC_MANAGER: a Strategic Manager
 * @CP_ROLE_SENIOR_MANAGER: a designated senior manager
 * @CP_ROLE_ASSISTANT_DIRECTOR: an Assistant Director
 * @CP_ROLE_STRATEGIC_DIRECTOR: a Strategic Director
 * @CP_ROLE_DIRECTOR: a Director (of Children's Services or Social Work)
 * @CP_ROLE_CHIEF_EXECUTIVE: the authority's Chief Executive
 * @CP_ROLE_IRO: the Independent Reviewing Officer
 * @CP_ROLE_REVIEW_UNIT: the review unit (Stoke's CRU, Warrington's IRU)
 * @CP_ROLE_CAFCASS: CAFCASS
 * @CP_ROLE_CARER: the child's carer
 * @CP_ROLE_SUPERVISING_SOCIAL_WORKER: the carer's supervising social worker
 * @CP_ROLE_CHILD: the child
 * @CP_ROLE_PARENT: a parent
 * @CP_ROLE_OTHER: anyone else
 * @CP_ROLE_UNKNOWN: not recorded
 *
 * Who acts, approves or is addressed.
 */
typedef enum {
  CP_ROLE_SOCIAL_WORKER,
  CP_ROLE_PRACTICE_MANAGER,
  CP_ROLE_PRINCIPAL_MANAGER,
  CP_ROLE_TEAM_MANAGER,
  CP_ROLE_LINE_MANAGER,
  CP_ROLE_STRATEGIC_MANAGER,
  CP_ROLE_SENIOR_MANAGER,
  CP_ROLE_ASSISTANT_DIRECTOR,
  CP_ROLE_STRATEGIC_DIRECTOR,
  CP_ROLE_DIRECTOR,
  CP_ROLE_CHIEF_EXECUTIVE,
  CP_ROLE_IRO,
  CP_ROLE_REVIEW_UNIT,
  CP_ROLE_CAFCASS,
  CP_ROLE_CARER,
  CP_ROLE_SUPERVISING_SOCIAL_WORKER,
  CP_ROLE_CHILD,
  CP_ROLE_PARENT,
  CP_ROLE_OTHER,
  CP_ROLE_UNKNOWN,
} CpRole;

/**
 * CpLegalStatusKind:
 * @CP_LEGAL_STATUS_KIND_SECTION_20: accommodated under s.20 Children Act 1989
 * @CP_LEGAL_STATUS_KIND_INTERIM_CARE_ORDER: interim care order (s.38)
 * @CP_LEGAL_STATUS_KIND_CARE_ORDER: full care order (s.31)
 * @CP_LEGAL_STATUS_KIND_PLACEMENT_ORDER: placement order (Adoption and Children Act 2002)
 * @CP_LEGAL_STATUS_KIND_REMAND: remanded to local authority accommodation or youth detention
 * @CP_LEGAL_STATUS_KIND_POLICE_PROTECTION: police protection (s.46)
 * @CP_LEGAL_STATUS_KIND_EMERGENCY_PROTECTION: emergency protection order (s.44)
 * @CP_LEGAL_STATUS_KIND_CHILD_ASSESSMENT_ORDER: child assessment order (s.43),
 *   in local authority accommodation
 * @CP_LEGAL_STATUS_KIND_PACE: placed in local authority accommodation under
 *   the Police and Criminal Evidence Act 1984
 * @CP_LEGAL_STATUS_KIND_YOUTH_SENTENCE: sentenced to a youth rehabilitation
 *   order with a residence or intensive fostering requirement
 *
 * The legal basis on which a child is looked after.
 */
typedef enum {
  CP_LEGAL_STATUS_KIND_SECTION_20,
  CP_LEGAL_STATUS_KIND_INTERIM_CARE_ORDER,
  CP_LEGAL_STATUS_KIND_CARE_ORDER,
  CP_LEGAL_STATUS_KIND_PLACEMENT_ORDER,
  CP_LEGAL_STATUS_KIND_REMAND,
  CP_LEGAL_STATUS_KIND_POLICE_PROTECTION,
  CP_LEGAL_STATUS_KIND_EMERGENCY_PROTECTION,
  CP_LEGAL_STATUS_KIND_CHILD_ASSESSMENT_ORDER,
  CP_LEGAL_STATUS_KIND_PACE,
  CP_LEGAL_STATUS_KIND_YOUTH_SENTENCE,
} CpLegalStatusKind;

/**
 * CpPlacementType:
 * @CP_PLACEMENT_TYPE_FOSTER_OWN_AUTHORITY: foster care with the authority's own carers
 * @CP_PLACEMENT_TYPE_FOSTER_AGENCY: foster care through an independent fostering agency
 * @CP_PLACEMENT_TYPE_CONNECTED_PERSON_TEMPORARY: a connected person temporarily approved
 * @CP_PLACEMENT_TYPE_CONNECTED_PERSON_APPROVED: a connected person approved as foster carer
 * @CP_PLACEMENT_TYPE_PLACED_WITH_PARENTS: placed with parents
 * @CP_PLACEMENT_TYPE_RESIDENTIAL: a children's home
 * @CP_PLACEMENT_TYPE_SECURE: secure accommodation
 * @CP_PLACEMENT_TYPE_ADOPTION: placed for adoption
 * @CP_PLACEMENT_TYPE_OTHER_ARRANGEMENTS: supported accommodation or other arrangements
 * @CP_PLACEMENT_TYPE_SHORT_BREAKS: a series of short breaks counted as one placement
 * @CP_PLACEMENT_TYPE_YOUTH_DETENTION: youth detention accommodation
 * @CP_PLACEMENT_TYPE_TEMPORARY: a temporary move (hospital, holiday, the
 *   carer's holiday, seven days or less)
 *
 * Where a child lives.
 */
typedef enum {
  CP_PLACEMENT_TYPE_FOSTER_OWN_AUTHORITY,
  CP_PLACEMENT_TYPE_FOSTER_AGENCY,
  CP_PLACEMENT_TYPE_CONNECTED_PERSON_TEMPORARY,
  CP_PLACEMENT_TYPE_CONNECTED_PERSON_APPROVED,
  CP_PLACEMENT_TYPE_PLACED_WITH_PARENTS,
  CP_PLACEMENT_TYPE_RESIDENTIAL,
  CP_PLACEMENT_TYPE_SECURE,
  CP_PLACEMENT_TYPE_ADOPTION,
  CP_PLACEMENT_TYPE_OTHER_ARRANGEMENTS,
  CP_PLACEMENT_TYPE_SHORT_BREAKS,
  CP_PLACEMENT_TYPE_YOUTH_DETENTION,
  CP_PLACEMENT_TYPE_TEMPORARY,
} CpPlacementType;

/**
 * CpPlacementArea:
 * @CP_PLACEMENT_AREA_IN_AUTHORITY: inside the authority's area
 * @CP_PLACEMENT_AREA_OUT_OF_BOROUGH: in an adjoining authority
 * @CP_PLACEMENT_AREA_DISTANT: out of area and not adjoining
 *
 * How far from home a placement is.
 */
typedef enum {
  CP_PLACEMENT_AREA_IN_AUTHORITY,
  CP_PLACEMENT_AREA_OUT_OF_BOROUGH,
  CP_PLACEMENT_AREA_DISTANT,
} CpPlacementArea;

/**
 * CpCarePlanState:
 * @CP_CARE_PLAN_STATE_DRAFT: written, not yet authorised
 * @CP_CARE_PLAN_STATE_AUTHORISED: authorised by a Practice Manager
 * @CP_CARE_PLAN_STATE_RATIFIED: ratified at a statutory review
 *
 * Where a care plan is in its lifecycle.
 */
typedef enum {
  CP_CARE_PLAN_STATE_DRAFT,
  CP_CARE_PLAN_STATE_AUTHORISED,
  CP_CARE_PLAN_STATE_RATIFIED,
} CpCarePlanState;

/**
 * CpSubPlanKind:
 * @CP_SUB_PLAN_KIND_PLACEMENT_PLAN: the placement plan
 * @CP_SUB_PLAN_KIND_ADOPTION_SUPPORT_PLAN: the adoption support plan (replaces the placement plan)
 * @CP_SUB_PLAN_KIND_HEALTH_PLAN: the health care plan
 * @CP_SUB_PLAN_KIND_PEP: the Personal Education Plan
 * @CP_SUB_PLAN_KIND_PATHWAY_PLAN: the pathway plan (care leavers)
 * @CP_SUB_PLAN_KIND_CHILD_PROTECTION_PLAN: a child protection plan
 * @CP_SUB_PLAN_KIND_CONTACT_ARRANGEMENTS: the contact arrangements
 *
 * The plans that sit inside or beside the care plan.
 */
typedef enum {
  CP_SUB_PLAN_KIND_PLACEMENT_PLAN,
  CP_SUB_PLAN_KIND_ADOPTION_SUPPORT_PLAN,
  CP_SUB_PLAN_KIND_HEALTH_PLAN,
  CP_SUB_PLAN_KIND_PEP,
  CP_SUB_PLAN_KIND_PATHWAY_PLAN,
  CP_SUB_PLAN_KIND_CHILD_PROTECTION_PLAN,
  CP_SUB_PLAN_KIND_CONTACT_ARRANGEMENTS,
} CpSubPlanKind;

/**
 * CpPermanencePathway:
 * @CP_PERMANENCE_PATHWAY_RETURN_HOME: return to parents
 * @CP_PERMANENCE_PATHWAY_KINSHIP: care by relatives or a connected person
 * @CP_PERMANENCE_PATHWAY_SPECIAL_GUARDIANSHIP: a special guardianship order
 * @CP_PERMANENCE_PATHWAY_CHILD_ARRANGEMENTS_ORDER: a child arrangements order
 * @CP_PERMANENCE_PATHWAY_LONG_TERM_FOSTERING: long-term foster care
 * @CP_PERMANENCE_PATHWAY_ADOPTION: adoption
 * @CP_PERMANENCE_PATHWAY_RESIDENTIAL: residential care
 * @CP_PERMANENCE_PATHWAY_INDEPENDENCE: preparation for independence
 *
 * The route to permanence.
 */
typedef enum {
  CP_PERMANENCE_PATHWAY_RETURN_HOME,
  CP_PERMANENCE_PATHWAY_KINSHIP,
  CP_PERMANENCE_PATHWAY_SPECIAL_GUARDIANSHIP,
  CP_PERMANENCE_PATHWAY_CHILD_ARRANGEMENTS_ORDER,
  CP_PERMANENCE_PATHWAY_LONG_TERM_FOSTERING,
  CP_PERMANENCE_PATHWAY_ADOPTION,
  CP_PERMANENCE_PATHWAY_RESIDENTIAL,
  CP_PERMANENCE_PATHWAY_INDEPENDENCE,
} CpPermanencePathway;

/**
 * CpReviewKind:
 * @CP_REVIEW_KIND_MEETING: a review meeting
 * @CP_REVIEW_KIND_CONSULTATION_ONLY: a review by consultation, without a meeting
 *
 * How a statutory review is held.
 */
typedef enum {
  CP_REVIEW_KIND_MEETING,
  CP_REVIEW_KIND_CONSULTATION_ONLY,
} CpReviewKind;

/**
 * CpChildParticipation:
 * @CP_CHILD_PARTICIPATION_NOT_RECORDED: not recorded
 * @CP_CHILD_PARTICIPATION_ATTENDED: attended and spoke for themselves
 * @CP_CHILD_PARTICIPATION_CHAIRED: chaired their own review
 * @CP_CHILD_PARTICIPATION_ADVOCATE: attended with, or was represented by, an advocate
 * @CP_CHILD_PARTICIPATION_VIEWS_CONVEYED: did not attend; views conveyed (form, carer, social worker)
 * @CP_CHILD_PARTICIPATION_MET_IRO: met the IRO separately before the review
 * @CP_CHILD_PARTICIPATION_DID_NOT_PARTICIPATE: did not take part
 * @CP_CHILD_PARTICIPATION_TOO_YOUNG: too young or unable to express a view
 *
 * How the child took part in a review.
 */
typedef enum {
  CP_CHILD_PARTICIPATION_NOT_RECORDED,
  CP_CHILD_PARTICIPATION_ATTENDED,
  CP_CHILD_PARTICIPATION_CHAIRED,
  CP_CHILD_PARTICIPATION_ADVOCATE,
  CP_CHILD_PARTICIPATION_VIEWS_CONVEYED,
  CP_CHILD_PARTICIPATION_MET_IRO,
  CP_CHILD_PARTICIPATION_DID_NOT_PARTICIPATE,
  CP_CHILD_PARTICIPATION_TOO_YOUNG,
} CpChildParticipation;

/**
 * CpRecommendationStatus:
 * @CP_RECOMMENDATION_STATUS_OPEN: to be carried out
 * @CP_RECOMMENDATION_STATUS_DONE: carried out
 * @CP_RECOMMENDATION_STATUS_OVERDUE: past its due date and not carried out
 * @CP_RECOMMENDATION_STATUS_WITHDRAWN: no longer wanted
 *
 * Where a review recommendation stands.
 */
typedef enum {
  CP_RECOMMENDATION_STATUS_OPEN,
  CP_RECOMMENDATION_STATUS_DONE,
  CP_RECOMMENDATION_STATUS_OVERDUE,
  CP_RECOMMENDATION_STATUS_WITHDRAWN,
} CpRecommendationStatus;

/**
 * CpEventKind:
 * @CP_EVENT_KIND_PLACEMENT_CHANGE: the child changed placement (also read
 *   from the placements themselves)
 * @CP_EVENT_KIND_PROPOSED_CARE_PLAN_CHANGE: a change to the care plan was
 *   proposed outside a review (also read from the care plan)
 * @CP_EVENT_KIND_CHANGE_AFFECTING_PLAN: a change of circumstances that may
 *   affect the aim or timescales of the care plan
 * @CP_EVENT_KIND_UNPLANNED_CARE_PLAN_CHANGE: the care plan changed without
 *   notice (for example a placement breakdown) and the IRO was told
 * @CP_EVENT_KIND_CHILD_REQUEST: the child asked for a review
 * @CP_EVENT_KIND_PARENT_CARER_REQUEST: a parent, carer or other significant
 *   person asked for a review
 * @CP_EVENT_KIND_IRO_REQUEST: the IRO asked for a review
 * @CP_EVENT_KIND_S20_DISCHARGE_PROPOSED: discharge from s.20 accommodation
 *   is proposed
 * @CP_EVENT_KIND_CUSTODY_DISCHARGE_PROPOSED: discharge from a secure
 *   training centre or young offender institution is proposed
 * @CP_EVENT_KIND_PLACED_OUT_OF_AUTHORITY: the child was placed in another
 *   authority's area
 * @CP_EVENT_KIND_SAFEGUARDING_CONCERN: safeguarding concerns (s.47
 *   enquiries, child protection conference outcomes)
 * @CP_EVENT_KIND_PLACEMENT_BREAKDOWN: a placement broke down, or an
 *   unexpected change in placement provision
 * @CP_EVENT_KIND_DECISIONS_NOT_CARRIED_OUT: agreed review decisions were not
 *   carried out in time
 * @CP_EVENT_KIND_CONTACT_CHANGE: a major change to contact arrangements
 * @CP_EVENT_KIND_SOCIAL_WORKER_CHANGE: the allocated social worker changed
 * @CP_EVENT_KIND_COMPLAINT: a complaint by or for the child
 * @CP_EVENT_KIND_BIRTH_FAMILY_CHANGE: a significant change in the birth
 *   family (birth, marriage, death)
 * @CP_EVENT_KIND_OFFENDING: the child was charged, convicted or sentenced
 * @CP_EVENT_KIND_SCHOOL_EXCLUSION: the child was excluded from school
 * @CP_EVENT_KIND_MISSING: the child ran away, went missing or was
 *   frequently absent from the placement
 * @CP_EVENT_KIND_HEALTH_EVENT: a significant health event (diagnosis,
 *   hospital admission, serious accident)
 * @CP_EVENT_KIND_PANEL_DECISION: a panel decision on permanence
 * @CP_EVENT_KIND_MOVE_TO_OTHER_ARRANGEMENTS: a move from regulated
 *   accommodation to other (semi-independent) arrangements is proposed
 * @CP_EVENT_KIND_CEASE_PROPOSED: ceasing to look after the child is proposed
 * @CP_EVENT_KIND_RETURN_HOME_UNDER_CARE_ORDER: a child on a care order went
 *   home to a parent (Stoke-on-Trent §8.3)
 * @CP_EVENT_KIND_STABILITY_CONCERN: concerns arose about the stability of the
 *   placement or the carer's ability to meet the child's needs, or Staying
 *   Put arrangements are not being progressed
 * @CP_EVENT_KIND_RETURNED_HOME: the child stopped being looked after and
 *   returned home to a parent or a person with parental responsibility
 * @CP_EVENT_KIND_CEASED_UNPLANNED: the child stopped being looked after
 *   without it being planned
 * @CP_EVENT_KIND_RETURNED_FROM_MISSING: the child came back (was found, or
 *   returned to the placement) after running away or going missing, or
 *   after being away from the placement without authorisation: the end of
 *   a `missing` episode
 *
 * Things that happen in a case which a policy profile may treat as reasons
 * to bring a review forward (rules catalogue §D2). Which of them do, and
 * how quickly, is the profile's business, not the case's.
 */
typedef enum {
  CP_EVENT_KIND_PLACEMENT_CHANGE,
  CP_EVENT_KIND_PROPOSED_CARE_PLAN_CHANGE,
  CP_EVENT_KIND_CHANGE_AFFECTING_PLAN,
  CP_EVENT_KIND_UNPLANNED_CARE_PLAN_CHANGE,
  CP_EVENT_KIND_CHILD_REQUEST,
  CP_EVENT_KIND_PARENT_CARER_REQUEST,
  CP_EVENT_KIND_IRO_REQUEST,
  CP_EVENT_KIND_S20_DISCHARGE_PROPOSED,
  CP_EVENT_KIND_CUSTODY_DISCHARGE_PROPOSED,
  CP_EVENT_KIND_PLACED_OUT_OF_AUTHORITY,
  CP_EVENT_KIND_SAFEGUARDING_CONCERN,
  CP_EVENT_KIND_PLACEMENT_BREAKDOWN,
  CP_EVENT_KIND_DECISIONS_NOT_CARRIED_OUT,
  CP_EVENT_KIND_CONTACT_CHANGE,
  CP_EVENT_KIND_SOCIAL_WORKER_CHANGE,
  CP_EVENT_KIND_COMPLAINT,
  CP_EVENT_KIND_BIRTH_FAMILY_CHANGE,
  CP_EVENT_KIND_OFFENDING,
  CP_EVENT_KIND_SCHOOL_EXCLUSION,
  CP_EVENT_KIND_MISSING,
  CP_EVENT_KIND_HEALTH_EVENT,
  CP_EVENT_KIND_PANEL_DECISION,
  CP_EVENT_KIND_MOVE_TO_OTHER_ARRANGEMENTS,
  CP_EVENT_KIND_CEASE_PROPOSED,
  CP_EVENT_KIND_RETURN_HOME_UNDER_CARE_ORDER,
  CP_EVENT_KIND_STABILITY_CONCERN,
  CP_EVENT_KIND_RETURNED_HOME,
  CP_EVENT_KIND_CEASED_UNPLANNED,
  CP_EVENT_KIND_RETURNED_FROM_MISSING,
} CpEventKind;

/**
 * CpDuty:
 * @CP_DUTY_CARE_PLAN: write the care plan (met by the care plan's
 *   `created` date)
 * @CP_DUTY_PLACEMENT_PLAN: write the placement plan for a placement (met by
 *   the placement-plan sub-plan completed or reviewed on or after the
 *   placement started)
 * @CP_DUTY_REVIEW: hold a statutory review
 * @CP_DUTY_CHILD_CONSULTED: the social worker discusses the review with the
 *   child (who attends, where)
 * @CP_DUTY_INVITATIONS_SENT: invitations and consultation documents sent
 * @CP_DUTY_DOCUMENTS_TO_IRO: the social worker's report and the care or
 *   pathway plan reach the IRO
 * @CP_DUTY_REPORT_AVAILABLE: the review report is available to the child,
 *   family and IRO
 * @CP_DUTY_PLANS_QUALITY_ASSURED: the IRO has quality-assured the plans
 * @CP_DUTY_HEALTH_PLAN_TO_IRO: the health care plan reaches the IRO
 * @CP_DUTY_PEP_TO_IRO: the Personal Education Plan reaches the IRO
 * @CP_DUTY_PERMANENCE_MINUTES_TO_IRO: the minutes of the permanency planning
 *   meeting reach the IRO
 * @CP_DUTY_DECISIONS_RECORD: the record of decisions and recommendations is
 *   circulated
 * @CP_DUTY_FULL_RECORD: the full written record of the review is completed
 * @CP_DUTY_RECORD_DISTRIBUTED: the record or review form is sent to the
 *   participants
 * @CP_DUTY_MANAGER_RESPONSE: a manager considers the review's decisions
 * @CP_DUTY_CARE_PLAN_UPDATED: the care plan is updated after the review
 * @CP_DUTY_ADJOURNED_REVIEW: an adjourned review meeting reconvenes
 * @CP_DUTY_REVIEW_MEETING: a review with a meeting (where reviews may be
 *   held by consultation only)
 * @CP_DUTY_RECOMMENDATION: carry out a review's recommendation by the date
 *   the review set (met by its `completed_on`)
 * @CP_DUTY_DISPUTE_STAGE: settle a dispute at one stage of the ladder, or
 *   move it on
 * @CP_DUTY_RECOMMENDATION_NOTIFIED: a starred recommendation is sent to the
 *   managers (met by the recommendation's `notified_on`)
 * @CP_DUTY_RECOMMENDATION_CONCERNS: a manager raises concerns about a
 *   starred recommendation (met by its `concerns_on`; optional: silence
 *   means no concerns)
 * @CP_DUTY_RECOMMENDATION_AGREED: the manager and the IRO agree or change a
 *   starred recommendation (met by its `agreed_on`)
 * @CP_DUTY_DISPUTE_REGISTERED: a starred recommendation is agreed, or the IRO
 *   registers a dispute about it (met by its `agreed_on` or by the
 *   `raised_on` of a dispute that names it)
 * @CP_DUTY_VISIT: a social worker visits the child (an [class@Activity])
 * @CP_DUTY_HEALTH_ASSESSMENT: a health assessment (initial, or a review of the health plan)
 * @CP_DUTY_DENTAL_CHECK: a dental check
 * @CP_DUTY_PEP_REVIEW: a Personal Education Plan meeting or review
 * @CP_DUTY_PLACEMENT_PLANNING_MEETING: a placement planning meeting
 * @CP_DUTY_CARE_PLANNING_MEETING: a care planning meeting
 * @CP_DUTY_LEGAL_PLANNING_MEETING: a legal planning meeting
 * @CP_DUTY_PERMANENCE_PLAN: a permanence plan is agreed (met by the permanence plan's `agreed_on`)
 * @CP_DUTY_PERMANENCE_PLANNING_MEETING: a permanency planning meeting
 * @CP_DUTY_FINAL_CARE_PLANNING_MEETING: the final care planning meeting (final care plan and contingency)
 * @CP_DUTY_PERMANENCE_DECISION: a review records whether a lack of progress to permanence is drift or has child-centred reasons, with a twin-track (parallel) plan
 * @CP_DUTY_PERMANENCE_PROGRESS_MEETING: a permanence progress meeting
 * @CP_DUTY_PERMANENCE_MILESTONE: a milestone of the permanence plan is achieved by its target (met by its `achieved`)
 * @CP_DUTY_LANDMARK_REVIEW: a landmark review before leaving care
 * @CP_DUTY_NEEDS_ASSESSMENT: the leaving-care needs assessment is completed
 * @CP_DUTY_PATHWAY_PLAN: a pathway plan is in place (an activity, or a `pathway-plan` sub-plan)
 * @CP_DUTY_PATHWAY_PLAN_REVIEW: a pathway plan review
 * @CP_DUTY_STAYING_PUT_CONSIDERED: Staying Put is considered for a young person in foster care
 * @CP_DUTY_CARER_APPROVED: a connected person caring for the child is approved as a foster carer
 * @CP_DUTY_APPROVAL_EXTENDED: a connected person's temporary approval is extended
 * @CP_DUTY_VISITS_REDUCTION_AGREED: the child agreed to less frequent social
 *   worker visits (recorded; a rule's [property@Rule:recorded] may need it)
 * @CP_DUTY_VISITS_REDUCTION_DECIDED: a decision to reduce the frequency of
 *   visits was recorded (at a permanence progress meeting, for example)
 * @CP_DUTY_REVIEW_UNIT_NOTIFIED: the reviewing service (the unit the IROs work
 *   in) is told that the child has become looked after
 * @CP_DUTY_HEALTH_TEAM_NOTIFIED: the looked-after children's health team is
 *   told that the child has become looked after
 * @CP_DUTY_VIRTUAL_SCHOOL_NOTIFIED: the Virtual School is told that the child
 *   has become looked after
 * @CP_DUTY_STATUTORY_ASSESSMENT: a statutory assessment of the child's needs
 *   is completed or updated
 * @CP_DUTY_RISK_ASSESSMENT: an assessment of the risk to a child who has
 *   stopped being looked after
 * @CP_DUTY_CESSATION_ASSESSMENT: the assessment of a child's leaving care
 *   (the supports and services needed, how the child will be safeguarded)
 *   is completed or updated
 * @CP_DUTY_CIN_PLAN: a child-in-need plan is developed
 * @CP_DUTY_PA_VISIT: a care leaver's personal adviser visits them
 * @CP_DUTY_ACCOMMODATION_PROVIDED: the authority first provides accommodation
 *   to a relevant or former relevant young person (a fact other rules count from)
 * @CP_DUTY_EDUCATION_TRAINING_NOTIFIED: the authority is told a former relevant
 *   young person is pursuing, or wishes to pursue, education or training (a
 *   fact other rules count from; it extends the leaving-care duties to the
 *   profile's `education_until_months`)
 * @CP_DUTY_RETURN_HOME_INTERVIEW: a return home interview with a child who
 *   came back after running away or going missing
 *
 * What has to be done to meet a rule. A review's [property@Review:tasks]
 * record when the preparation and follow-up duties were done.
 */
typedef enum {
  CP_DUTY_CARE_PLAN,
  CP_DUTY_PLACEMENT_PLAN,
  CP_DUTY_REVIEW,
  CP_DUTY_CHILD_CONSULTED,
  CP_DUTY_INVITATIONS_SENT,
  CP_DUTY_DOCUMENTS_TO_IRO,
  CP_DUTY_REPORT_AVAILABLE,
  CP_DUTY_PLANS_QUALITY_ASSURED,
  CP_DUTY_HEALTH_PLAN_TO_IRO,
  CP_DUTY_PEP_TO_IRO,
  CP_DUTY_PERMANENCE_MINUTES_TO_IRO,
  CP_DUTY_DECISIONS_RECORD,
  CP_DUTY_FULL_RECORD,
  CP_DUTY_RECORD_DISTRIBUTED,
  CP_DUTY_MANAGER_RESPONSE,
  CP_DUTY_CARE_PLAN_UPDATED,
  CP_DUTY_ADJOURNED_REVIEW,
  CP_DUTY_REVIEW_MEETING,
  CP_DUTY_RECOMMENDATION,
  CP_DUTY_DISPUTE_STAGE,
  CP_DUTY_RECOMMENDATION_NOTIFIED,
  CP_DUTY_RECOMMENDATION_CONCERNS,
  CP_DUTY_RECOMMENDATION_AGREED,
  CP_DUTY_DISPUTE_REGISTERED,
  CP_DUTY_VISIT,
  CP_DUTY_HEALTH_ASSESSMENT,
  CP_DUTY_DENTAL_CHECK,
  CP_DUTY_PEP_REVIEW,
  CP_DUTY_PLACEMENT_PLANNING_MEETING,
  CP_DUTY_CARE_PLANNING_MEETING,
  CP_DUTY_LEGAL_PLANNING_MEETING,
  CP_DUTY_PERMANENCE_PLAN,
  CP_DUTY_PERMANENCE_PLANNING_MEETING,
  CP_DUTY_FINAL_CARE_PLANNING_MEETING,
  CP_DUTY_PERMANENCE_DECISION,
  CP_DUTY_PERMANENCE_PROGRESS_MEETING,
  CP_DUTY_PERMANENCE_MILESTONE,
  CP_DUTY_LANDMARK_REVIEW,
  CP_DUTY_NEEDS_ASSESSMENT,
  CP_DUTY_PATHWAY_PLAN,
  CP_DUTY_PATHWAY_PLAN_REVIEW,
  CP_DUTY_STAYING_PUT_CONSIDERED,
  CP_DUTY_CARER_APPROVED,
  CP_DUTY_APPROVAL_EXTENDED,
  CP_DUTY_VISITS_REDUCTION_AGREED,
  CP_DUTY_VISITS_REDUCTION_DECIDED,
  CP_DUTY_REVIEW_UNIT_NOTIFIED,
  CP_DUTY_HEALTH_TEAM_NOTIFIED,
  CP_DUTY_VIRTUAL_SCHOOL_NOTIFIED,
  CP_DUTY_STATUTORY_ASSESSMENT,
  CP_DUTY_RISK_ASSESSMENT,
  CP_DUTY_CESSATION_ASSESSMENT,
  CP_DUTY_CIN_PLAN,
  CP_DUTY_PA_VISIT,
  CP_DUTY_ACCOMMODATION_PROVIDED,
  CP_DUTY_EDUCATION_TRAINING_NOTIFIED,
  CP_DUTY_RETURN_HOME_INTERVIEW,
} CpDuty;

/**
 * CpRuleKind:
 * @CP_RULE_KIND_DEADLINE: a one-off deadline counted from an event of the
 *   case (care plan, placement plan)
 * @CP_RULE_KIND_REVIEW_SCHEDULE: when a statutory review falls due
 * @CP_RULE_KIND_REVIEW_TRIGGER: an event that brings a review forward
 * @CP_RULE_KIND_REVIEW_PREPARATION: a duty before a review
 * @CP_RULE_KIND_REVIEW_FOLLOW_UP: a duty after a review
 * @CP_RULE_KIND_REVIEW_RESCHEDULE: who may move a review outside the
 *   statutory timescale
 * @CP_RULE_KIND_REVIEW_ADJOURNMENT: how far and how often the IRO may
 *   adjourn a review
 * @CP_RULE_KIND_REVIEW_WITHOUT_MEETING: when a review may be held by
 *   consultation only, and how often a meeting is still needed
 * @CP_RULE_KIND_RECOMMENDATION: each recommendation of a review is carried
 *   out by the date the review set for it
 * @CP_RULE_KIND_ESCALATION_STAGE: one stage of the authority's ladder for
 *   disputes the IRO raises
 * @CP_RULE_KIND_AUTHORITY: the role an action on the case needs (its key is
 *   `authority.` followed by the action: `care-plan.authorise`,
 *   `care-plan.ratify`, `dispute.register`, `cease.under-16`, `cease.16-17`)
 * @CP_RULE_KIND_ACTIVITY: a duty done once, by a date counted from an anchor
 *   (met by the first [class@Activity] of its duty on or after the anchor)
 * @CP_RULE_KIND_INTERVAL: a duty repeated with at most this long between
 *   one [class@Activity] and the next; where several apply the shortest wins
 * @CP_RULE_KIND_MILESTONE: each permanence milestone by its target; one past
 *   it with no reason recorded is drift
 * @CP_RULE_KIND_LEAVING_CARE_STATUS: how long a child must have been looked
 *   after, and from and to which ages, to be "eligible" for leaving-care
 *   support
 *
 * The mechanism a [class@Rule] drives in the engine.
 */
typedef enum {
  CP_RULE_KIND_DEADLINE,
  CP_RULE_KIND_REVIEW_SCHEDULE,
  CP_RULE_KIND_REVIEW_TRIGGER,
  CP_RULE_KIND_REVIEW_PREPARATION,
  CP_RULE_KIND_REVIEW_FOLLOW_UP,
  CP_RULE_KIND_REVIEW_RESCHEDULE,
  CP_RULE_KIND_REVIEW_ADJOURNMENT,
  CP_RULE_KIND_REVIEW_WITHOUT_MEETING,
  CP_RULE_KIND_RECOMMENDATION,
  CP_RULE_KIND_ESCALATION_STAGE,
  CP_RULE_KIND_AUTHORITY,
  CP_RULE_KIND_ACTIVITY,
  CP_RULE_KIND_INTERVAL,
  CP_RULE_KIND_MILESTONE,
  CP_RULE_KIND_LEAVING_CARE_STATUS,
} CpRuleKind;

/**
 * CpAnchor:
 * @CP_ANCHOR_NONE: no anchor (rules that only name an approver)
 * @CP_ANCHOR_LOOKED_AFTER: the day the child became looked after
 * @CP_ANCHOR_FIRST_PLACEMENT: the start of the first placement
 * @CP_ANCHOR_PLACEMENT: the start of each placement
 * @CP_ANCHOR_PREVIOUS_REVIEW: the previous statutory review
 * @CP_ANCHOR_EVENT: the triggering event
 * @CP_ANCHOR_REVIEW: the review the duty belongs to
 * @CP_ANCHOR_LAST_MEETING: the last review held as a meeting
 * @CP_ANCHOR_STAGE: the day a dispute reached the stage
 * @CP_ANCHOR_RULE: the due date of another rule for the same subject (named
 *   by [property@Rule:after])
 * @CP_ANCHOR_BIRTH: the child's date of birth (an age: 195 months is 16
 *   years and 3 months)
 * @CP_ANCHOR_PERMANENCE_PLAN: the day the permanence plan was agreed
 * @CP_ANCHOR_TARGET: a permanence milestone's target date
 * @CP_ANCHOR_LEGAL_STATUS: the start of each period of a legal status the
 *   rule lists (the making of an order)
 * @CP_ANCHOR_ELIGIBLE: the day the young person becomes eligible for
 *   leaving-care support, or reaches the age the profile's
 *   `leaving-care-status` rule says the qualifying time must reach, if later
 * @CP_ANCHOR_LEFT_CARE: the day the child ceased to be looked after
 * @CP_ANCHOR_ACTIVITY: each activity of the duty named by
 *   [property@Rule:from-duty]
 * @CP_ANCHOR_TEMPORARY_APPROVAL: the day each placement's carer was given
 *   temporary approval ([property@Placement:temporary-approval]), or the
 *   placement's start where the case does not record it
 *
 * What a rule counts from.
 */
typedef enum {
  CP_ANCHOR_NONE,
  CP_ANCHOR_LOOKED_AFTER,
  CP_ANCHOR_FIRST_PLACEMENT,
  CP_ANCHOR_PLACEMENT,
  CP_ANCHOR_PREVIOUS_REVIEW,
  CP_ANCHOR_EVENT,
  CP_ANCHOR_REVIEW,
  CP_ANCHOR_LAST_MEETING,
  CP_ANCHOR_STAGE,
  CP_ANCHOR_RULE,
  CP_ANCHOR_BIRTH,
  CP_ANCHOR_PERMANENCE_PLAN,
  CP_ANCHOR_TARGET,
  CP_ANCHOR_LEGAL_STATUS,
  CP_ANCHOR_ELIGIBLE,
  CP_ANCHOR_LEFT_CARE,
  CP_ANCHOR_ACTIVITY,
  CP_ANCHOR_TEMPORARY_APPROVAL,
} CpAnchor;

/**
 * CpDirection:
 * @CP_DIRECTION_WITHIN: on or before the anchor plus the timescale
 * @CP_DIRECTION_BEFORE: at least the timescale before the anchor
 * @CP_DIRECTION_EVERY: at most the timescale after the previous occurrence
 *
 * Which way a rule counts.
 */
typedef enum {
  CP_DIRECTION_WITHIN,
  CP_DIRECTION_BEFORE,
  CP_DIRECTION_EVERY,
} CpDirection;

/**
 * CpReviewSlot:
 * @CP_REVIEW_SLOT_ANY: every review
 * @CP_REVIEW_SLOT_FIRST: the first review of a cycle (the child's first
 *   review, or the first after a reset)
 * @CP_REVIEW_SLOT_SECOND: the review after the first of a cycle
 * @CP_REVIEW_SLOT_SUBSEQUENT: the third and later reviews of a cycle
 * @CP_REVIEW_SLOT_LATER: every review but the first of a cycle
 *
 * Which reviews a review rule applies to.
 */
typedef enum {
  CP_REVIEW_SLOT_ANY,
  CP_REVIEW_SLOT_FIRST,
  CP_REVIEW_SLOT_SECOND,
  CP_REVIEW_SLOT_SUBSEQUENT,
  CP_REVIEW_SLOT_LATER,
} CpReviewSlot;

/**
 * CpTriggerGate:
 * @CP_TRIGGER_GATE_MANDATORY: the event always brings the review forward
 * @CP_TRIGGER_GATE_IRO_DECIDES: only if the IRO agrees (recorded on the
 *   event as `iro_agreed`)
 *
 * Whether a bring-forward trigger needs the IRO's agreement.
 */
typedef enum {
  CP_TRIGGER_GATE_MANDATORY,
  CP_TRIGGER_GATE_IRO_DECIDES,
} CpTriggerGate;

/**
 * CpObligationStatus:
 * @CP_OBLIGATION_STATUS_UPCOMING: not yet due, and not within the profile's
 *   "due soon" window
 * @CP_OBLIGATION_STATUS_DUE_SOON: due within the profile's "due soon" window
 * @CP_OBLIGATION_STATUS_OVERDUE: past its due date and not met
 * @CP_OBLIGATION_STATUS_MET_ON_TIME: met on or before its due date
 * @CP_OBLIGATION_STATUS_MET_LATE: met, after its due date
 * @CP_OBLIGATION_STATUS_NOT_APPLICABLE: the rule does not apply to this case
 * @CP_OBLIGATION_STATUS_NOT_ENOUGH_HISTORY: the case lacks the data to judge
 *
 * Where an obligation stands on the evaluation date.
 */
typedef enum {
  CP_OBLIGATION_STATUS_UPCOMING,
  CP_OBLIGATION_STATUS_DUE_SOON,
  CP_OBLIGATION_STATUS_OVERDUE,
  CP_OBLIGATION_STATUS_MET_ON_TIME,
  CP_OBLIGATION_STATUS_MET_LATE,
  CP_OBLIGATION_STATUS_NOT_APPLICABLE,
  CP_OBLIGATION_STATUS_NOT_ENOUGH_HISTORY,
} CpObligationStatus;

/**
 * CpLeavingCareStatus:
 * @CP_LEAVING_CARE_STATUS_NONE: none of the statuses below
 * @CP_LEAVING_CARE_STATUS_ELIGIBLE: still looked after, and looked after
 *   for the qualifying time (all periods of care but short breaks) since the
 *   profile's starting age, ending at or after the age it must reach (in
 *   `england`: 13 weeks since 14, ending at or after 16), and younger than
 *   the profile's `relevant_until_months`
 * @CP_LEAVING_CARE_STATUS_RELEVANT: was eligible, has left care, and is
 *   younger than `relevant_until_months` (18)
 * @CP_LEAVING_CARE_STATUS_FORMER_RELEVANT: from `relevant_until_months`,
 *   was eligible or relevant, and younger than `former_relevant_until_months`
 *   (21), or `education_until_months` (25) once the authority was told of
 *   education or training (an `education-training-notified` activity)
 * @CP_LEAVING_CARE_STATUS_QUALIFYING: younger than
 *   `former_relevant_until_months`, stopped being looked after at or after
 *   the age the qualifying time must reach without being eligible
 *
 * A young person's status under the leaving-care rules (rules catalogue §J1),
 * worked out from the case on a date.
 */
typedef enum {
  CP_LEAVING_CARE_STATUS_NONE,
  CP_LEAVING_CARE_STATUS_ELIGIBLE,
  CP_LEAVING_CARE_STATUS_RELEVANT,
  CP_LEAVING_CARE_STATUS_FORMER_RELEVANT,
  CP_LEAVING_CARE_STATUS_QUALIFYING,
} CpLeavingCareStatus;

/**
 * CpPolicyJsonFlags:
 * @CP_POLICY_JSON_NONE: the profile merged: self-contained (no `extends`),
 *   with every rule in force, inherited or local, in profile order
 * @CP_POLICY_JSON_AS_WRITTEN: the profile as written: `extends` and only
 *   the rules the profile itself defines or overrides (a profile that
 *   extends none is written whole either way)
 *
 * How [method@Policy.to_json] writes a profile.
 */
typedef enum {
  CP_POLICY_JSON_NONE       = 0,
  CP_POLICY_JSON_AS_WRITTEN = 1 << 0,
} CpPolicyJsonFlags;

/**
 * CpPolicyDifferenceKind:
 * @CP_POLICY_DIFFERENCE_ADDED: the new profile has a rule (a version of a
 *   key) the old one has not
 * @CP_POLICY_DIFFERENCE_REMOVED: the old profile has a rule the new one
 *   has not
 * @CP_POLICY_DIFFERENCE_CHANGED: a field of a rule both profiles have
 *   differs
 *
 * What a [class@PolicyDifference] records.
 */
typedef enum {
  CP_POLICY_DIFFERENCE_ADDED,
  CP_POLICY_DIFFERENCE_REMOVED,
  CP_POLICY_DIFFERENCE_CHANGED,
} CpPolicyDifferenceKind;

G_END_DECLS
