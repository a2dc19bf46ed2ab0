/* cp-error.c
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include <stdarg.h>

#include "cp-error-private.h"

/**
 * cp_error_quark:
 *
 * The error domain of libcareplan: every error about data is in it.
 *
 * Returns: the quark of the %CP_ERROR domain
 */
G_DEFINE_QUARK (cp-error-quark, cp_error)

gboolean
cp_fail (GError     **error,
         int          code,
         const char  *format,
         ...)
{
  va_list args;

  va_start (args, format);
  g_propagate_error (error, g_error_new_valist (CP_ERROR, code, format, args));
  va_end (args);
  return FALSE;
}
