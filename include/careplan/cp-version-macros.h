/* cp-version-macros.h: symbol visibility and availability
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#if !defined(CAREPLAN_INSIDE) && !defined(CP_COMPILATION)
# error "Only <careplan.h> can be included directly."
#endif

#include <glib.h>

#include "cp-version.h"

/* The library is built with -fvisibility=hidden; only symbols marked
 * with an availability macro are exported. */
#ifndef _CP_EXTERN
# if defined(_WIN32)
#  define _CP_EXTERN __declspec(dllexport) extern
# else
#  define _CP_EXTERN __attribute__((visibility("default"))) extern
# endif
#endif

#define CP_AVAILABLE_IN_ALL _CP_EXTERN
#define CP_AVAILABLE_IN_0_1 _CP_EXTERN

/**
 * cp_get_major_version:
 *
 * The major version of the libcareplan in use at run time.
 *
 * Returns: the major version of the libcareplan library in use at run time
 */
CP_AVAILABLE_IN_ALL
guint cp_get_major_version (void);

/**
 * cp_get_minor_version:
 *
 * The minor version of the libcareplan in use at run time.
 *
 * Returns: the minor version of the libcareplan library in use at run time
 */
CP_AVAILABLE_IN_ALL
guint cp_get_minor_version (void);

/**
 * cp_get_micro_version:
 *
 * The micro version of the libcareplan in use at run time.
 *
 * Returns: the micro version of the libcareplan library in use at run time
 */
CP_AVAILABLE_IN_ALL
guint cp_get_micro_version (void);
