/* cp-file-private.h: a file replaced atomically, written as it comes
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* cp_file_replace_contents() in steps, for output too large to hold
 * whole (careplan check --output of a national caseload): begun (the
 * checks, and the private temporary file beside the target), written
 * piece by piece, then committed (the old file's metadata, synced,
 * renamed over it) or abandoned (the temporary file removed, the old
 * file untouched). Commit and abandon free it. */
typedef struct _CpFileReplacement CpFileReplacement;

CpFileReplacement *cp_file_replacement_begin   (const char         *path,
                                                int                 mode,
                                                GError            **error);
gboolean           cp_file_replacement_write   (CpFileReplacement  *self,
                                                const char         *data,
                                                gsize               length,
                                                GError            **error);
gboolean           cp_file_replacement_commit  (CpFileReplacement  *self,
                                                GError            **error);
void               cp_file_replacement_abandon (CpFileReplacement  *self);

G_END_DECLS
