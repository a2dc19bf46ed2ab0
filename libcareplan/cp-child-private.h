/* cp-child-private.h: what the library's other files read of a CpChild
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include "careplan.h"

G_BEGIN_DECLS

/* The records of a list field themselves, oldest first, without
 * references and without making a list (the engine's and the
 * validation's way through a record): NULL and 0 for an empty one.
 * Valid until the list changes. */
CpLegalStatus *const *cp_child_peek_legal_statuses (CpChild *self, guint *n_items);
CpCarePeriod *const *cp_child_peek_earlier_periods (CpChild *self, guint *n_items);

G_END_DECLS
