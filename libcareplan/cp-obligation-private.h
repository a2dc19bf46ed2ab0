/* cp-obligation-private.h
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include "careplan.h"

G_BEGIN_DECLS

/* Dates are copied; NULL where they do not apply. */
CpObligation *cp_obligation_new (CpRule             *rule,
                                 const char         *subject,
                                 int                 review,
                                 const GDate        *due,
                                 const GDate        *window_start,
                                 const GDate        *met_on,
                                 CpObligationStatus  status,
                                 char               *explanation);   /* taken */

/* Marks an obligation met by deemed agreement (before it is published). */
void          cp_obligation_set_deemed (CpObligation *self);
/* Marks a milestone obligation as drift (before it is published). */
void          cp_obligation_set_drift  (CpObligation *self);

G_END_DECLS
