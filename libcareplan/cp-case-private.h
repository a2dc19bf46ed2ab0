/* cp-case-private.h
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include "careplan.h"

G_BEGIN_DECLS

/* Appends a history entry and emits CpCase::history-added. */
void cp_case_add_history (CpCase      *self,
                          const GDate *date,
                          CpRole       role,
                          const char  *actor,
                          const char  *action,
                          const char  *reason,
                          gboolean     refused);

/* A dispute about a recommendation names one the case holds
 * (cp-case-validate.c); @path names the dispute in an error. */
gboolean cp_case_check_dispute_reference (CpCase     *self,
                                          CpDispute  *dispute,
                                          const char *path,
                                          GError    **error);

/* For importers: append without the role checks or history of the public
 * API; the importer validates the whole case afterwards. */
/* Changes to guarded fields (read-only to programs), for the actions that
 * check who may make them and for importers of other formats. */
void cp_review_move    (CpReview    *self,
                        const GDate *new_date);
void cp_review_adjourn (CpReview    *self,
                        const GDate *resume_on);
void cp_child_cease    (CpChild     *self,
                        const GDate *ceased_on);

void cp_case_import_placement (CpCase      *self,
                               CpPlacement *placement);
void cp_case_import_review    (CpCase      *self,
                               CpReview    *review);
void cp_case_import_activity  (CpCase      *self,
                               CpActivity  *activity);
/* An activity as a plain day (an importer's, for a check that never asks
 * for the list): see CpActivityWalk. */
void cp_case_import_activity_day (CpCase  *self,
                                  CpDuty   duty,
                                  guint32  day);
void cp_case_import_event     (CpCase      *self,
                               CpCaseEvent *event);
void cp_case_import_plans     (CpCase           *self,
                               CpCarePlan       *care_plan,
                               CpPermanencePlan *permanence_plan);

/* cp_case_new_from_json() with @scratch and @name, working space for the
 * JSON reader that a reader of many cases keeps (either may be %NULL). */
CpCase *cp_case_new_from_json_text (const char  *data,
                                    gssize       length,
                                    GString     *scratch,
                                    GString     *name,
                                    GError     **error);

/* The records of a list field themselves, oldest first, without
 * references and without making a list (the engine's and the
 * validation's way through a record): NULL and 0 for an empty one.
 * Valid until the list changes. */
CpPlacement *const *cp_case_peek_placements (CpCase *self, guint *n_items);
CpReview *const *cp_case_peek_reviews (CpCase *self, guint *n_items);
CpDispute *const *cp_case_peek_disputes (CpCase *self, guint *n_items);
CpCaseEvent *const *cp_case_peek_events (CpCase *self, guint *n_items);
CpActivity *const *cp_case_peek_activities (CpCase *self, guint *n_items);

/* An activity an importer gave as a plain day. */
typedef struct {
  CpDuty  duty;
  guint32 day;   /* Julian */
} CpActivityDay;

/* The case's activities, oldest first, as duty and julian day (0 for a
 * record without a valid date), whichever form the case keeps them in:
 * the plain days an importer gave, which nobody has asked for as records
 * (peeking at the records would make them), or the records. The engine's
 * way through them:
 *
 *   CpActivityWalk walk;
 *   cp_case_walk_activities (kase, &walk);
 *   while (cp_activity_walk_next (&walk, &duty, &day))
 *     ...
 *
 * Valid until the list changes. */
typedef struct {
  const CpActivityDay *days;     /* or NULL, and then: */
  CpActivity *const *records;
  guint n, i;
} CpActivityWalk;

void     cp_case_walk_activities (CpCase         *self,
                                  CpActivityWalk *walk);
gboolean cp_activity_walk_next   (CpActivityWalk *walk,
                                  CpDuty         *duty,
                                  guint32        *day);
CpAllocation *const *cp_case_peek_allocations (CpCase *self, guint *n_items);
CpHistoryEntry *const *cp_case_peek_history (CpCase *self, guint *n_items);

G_END_DECLS
