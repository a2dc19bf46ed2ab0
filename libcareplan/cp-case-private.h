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

G_END_DECLS
