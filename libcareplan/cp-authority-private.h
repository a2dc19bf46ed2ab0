/* cp-authority-private.h
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include "careplan.h"

G_BEGIN_DECLS

/* An act on a case that a profile may reserve to one role: which action
 * (an `authority.*` key without `authority.`), what its conditions are
 * judged on, and how a refusal is worded and recorded. */
typedef struct
{
  const char  *action;        /* "care-plan.ratify", "placement", "cease", ... */
  CpCase      *kase;          /* whose history records a refusal */
  const GDate *date;          /* the day of the act (and of a refusal) */
  CpPlacement *placement;     /* placement: the new placement */
  CpCalendar  *calendar;      /* cease: the calendar time looked after counts on */
  CpRule      *stage;         /* escalation.open: the stage opened */
  const char  *described_as;  /* how the refusal names the act; NULL: action */
  const char  *recorded_as;   /* the history entry's action; NULL: action */
} CpAuthorityAct;

gboolean cp_authority_required (CpPolicy             *policy,
                                const CpAuthorityAct *act,
                                CpRole                holder,
                                CpRole               *required,
                                CpRule              **rule,
                                GError              **error);

gboolean cp_authority_check    (CpPolicy             *policy,
                                const CpAuthorityAct *act,
                                CpRole                role,
                                const char           *actor,
                                GError              **error);

G_END_DECLS
