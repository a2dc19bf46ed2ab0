/* cp-caseload-reader-private.h: a caseload's lines, unparsed
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include "careplan.h"

G_BEGIN_DECLS

/* The next line holding a case, unparsed (valid until the next call),
 * with cp_caseload_reader_get_line() its number. FALSE at the end, or
 * with @error set ("line N: …") if the stream could not be read. */
gboolean cp_caseload_reader_next_text (CpCaseloadReader  *self,
                                       const char       **text,
                                       gsize             *len,
                                       GError           **error);

/* cp_caseload_reader_next_text() for a reader nobody else holds (one
 * CpCaseloadEvaluator made for itself): without the notification of
 * [property@CaseloadReader:line], which nobody could hear and which
 * takes GObject's global notification and signal locks once a case,
 * against the threads evaluating the cases. */
gboolean cp_caseload_reader_next_text_unheard (CpCaseloadReader  *self,
                                               const char       **text,
                                               gsize             *len,
                                               GError           **error);

G_END_DECLS
