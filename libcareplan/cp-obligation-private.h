/* cp-obligation-private.h
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include "careplan.h"

G_BEGIN_DECLS

/* How an obligation's explanation is made from its reason. */
typedef enum {
  CP_EXPLAIN_AS_IS,        /* the reason is the whole explanation */
  CP_EXPLAIN_DATED,        /* "overdue; due 2026-12-14: <reason>[; done …]" */
  CP_EXPLAIN_NO_HISTORY,   /* "not enough history: <reason>" */
  CP_EXPLAIN_CEASED,       /* due after the child ceased to be looked after */
} CpExplainForm;

/* An obligation as the engine works it out: plain data, a few dozen a
 * case. A CpObligation object is made from it only when somebody asks
 * for one (see CpObligationList), and its explanation only then. Its
 * subject and reason live in the string chunk of the evaluation that
 * made it (cp_engine_evaluate()), not in allocations of their own. */
typedef struct
{
  CpRule             *rule;      /* borrowed: the policy evaluated under owns it
                                  * (and whoever keeps the data keeps the
                                  * policy); a reference for each obligation
                                  * was an atomic write to a rule shared by
                                  * every thread of a caseload evaluation */
  const char         *subject;
  const char         *reason;    /* how the date was worked out (see form), */
  const char         *reason_word;     /* or, with reason_anchor, the words */
  const char         *reason_anchor;   /* of cp_engine_append_reason() first, */
  guint32             reason_from;     /* then reason (if any) */
  guint32             due;       /* Julian days; 0 for none */
  guint32             window;
  guint32             met;
  guint32             ceased;    /* for CP_EXPLAIN_CEASED: the day care ended, */
  guint32             lapsed;    /* and the day it would have been due */
  int                 review;
  CpObligationStatus  status;
  CpExplainForm       form;
  gboolean            deemed;
  gboolean            drift;
} CpObligationData;

/* Appends the explanation of @data to @out: the text of
 * cp_obligation_get_explanation() for the object made from it, without
 * the object, for writers of whole caseloads (careplan check). */
void          cp_obligation_data_append_explanation (const CpObligationData *data,
                                                     GString                *out);

CpObligation *cp_obligation_new_from_data (const CpObligationData *data);

G_END_DECLS
