/* cp-file.h: writing files that hold children's data
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#if !defined(CAREPLAN_INSIDE) && !defined(CP_COMPILATION)
# error "Only <careplan.h> can be included directly."
#endif

#include <glib.h>

#include "cp-version-macros.h"

G_BEGIN_DECLS

/**
 * CP_FILE_MODE_PRIVATE:
 *
 * The mode of a file [func@file_replace_contents] creates when none
 * is asked for: readable and writable by its owner only (`0600`).
 */
#define CP_FILE_MODE_PRIVATE 0600

CP_AVAILABLE_IN_0_1
gboolean cp_file_replace_contents (const char  *path,
                                   const char  *contents,
                                   gssize       length,
                                   int          mode,
                                   GError     **error);

G_END_DECLS
