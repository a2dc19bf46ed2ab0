/* cp-caseload-reader-private.h: a caseload's lines, unparsed
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include "careplan.h"

G_BEGIN_DECLS

/* The next line holding a case, unparsed (valid until the next call),
 * with cp_caseload_reader_get_line() its number. FALSE at the end, or
 * with @error set ("line N: …") if the stream could not be read.
 *
 * With @notify, each line read is announced through
 * [property@CaseloadReader:line], as cp_caseload_reader_next() does. A
 * reader nobody else holds (one CpCaseloadEvaluator or a command made for
 * itself) passes FALSE: nobody could hear it, and on GLib 2.74 each
 * notification takes GObject's global notification and signal locks, once
 * a case, against the threads evaluating the cases. */
gboolean cp_caseload_reader_next_text (CpCaseloadReader  *self,
                                       gboolean           notify,
                                       const char       **text,
                                       gsize             *len,
                                       GError           **error);

G_END_DECLS
