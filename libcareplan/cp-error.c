/* cp-error.c
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include "careplan.h"

/**
 * cp_error_quark:
 *
 * Returns: the quark of the %CP_ERROR domain
 */
G_DEFINE_QUARK (cp-error-quark, cp_error)
