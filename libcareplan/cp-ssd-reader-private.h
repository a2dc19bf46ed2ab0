/* cp-ssd-reader-private.h: what the SSD reader shares with the careplan tool
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include <glib.h>

G_BEGIN_DECLS

/* Whether @conninfo parses as a libpq connection string or URI and holds
 * no password (which would then be on a command line); the reader and the
 * writer of results (careplan check --write-table) both refuse one. */
gboolean cp_ssd_check_conninfo (const char  *conninfo,
                                GError     **error);

G_END_DECLS
