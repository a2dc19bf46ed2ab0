/* cp-obligation-list-private.h: the evaluator's list of obligations
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include "careplan.h"
#include "cp-obligation-private.h"

G_BEGIN_DECLS

#define CP_TYPE_OBLIGATION_LIST (cp_obligation_list_get_type ())

G_DECLARE_FINAL_TYPE (CpObligationList, cp_obligation_list, CP, OBLIGATION_LIST, GObject)

CpObligationList       *cp_obligation_list_new     (void);

/* Replaces every obligation with @data (a GArray of CpObligationData,
 * taken) and @strings (the chunk holding their text, taken), emitting
 * GListModel::items-changed unless @unheard (a list nobody but its
 * evaluator has seen yet: the emission would only take GObject's global
 * signal lock). @policy is the profile they were worked out under: the
 * list keeps it, and so the rules the data borrow. */
void                    cp_obligation_list_replace (CpObligationList *self,
                                                    GArray           *data,
                                                    GStringChunk     *strings,
                                                    CpPolicy         *policy,
                                                    gboolean          unheard);

guint                   cp_obligation_list_length  (CpObligationList *self);

const CpObligationData *cp_obligation_list_peek    (CpObligationList *self,
                                                    guint             position);

/* Every obligation's data, in order, @n_items of them (NULL if none):
 * valid until the next replace. For loops over a whole list. */
const CpObligationData *cp_obligation_list_peek_all (CpObligationList *self,
                                                     guint            *n_items);

/* The obligation at @position as an object, made on first use and the
 * same object every time after, until the next replace. */
CpObligation           *cp_obligation_list_get     (CpObligationList *self,
                                                    guint             position);

G_END_DECLS
