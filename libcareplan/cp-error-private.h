/* cp-error-private.h
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include "careplan.h"

G_BEGIN_DECLS

/* Sets a CP_ERROR with @code and a formatted message; returns FALSE so a
 * check can end with "return cp_fail (error, ...)". */
gboolean cp_fail (GError     **error,
                  int          code,
                  const char  *format,
                  ...) G_GNUC_PRINTF (3, 4);

G_END_DECLS
