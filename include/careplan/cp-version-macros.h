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

/**
 * CP_VERSION_0_1:
 *
 * libcareplan 0.1, encoded with `G_ENCODE_VERSION`, for
 * `CP_VERSION_MIN_REQUIRED` and `CP_VERSION_MAX_ALLOWED`.
 *
 * Since: 0.1
 */
#define CP_VERSION_0_1 (G_ENCODE_VERSION (0, 1))

/**
 * CP_VERSION_CUR_STABLE:
 *
 * The version of the headers being compiled against, encoded with
 * `G_ENCODE_VERSION` (major and minor only).
 */
#define CP_VERSION_CUR_STABLE (G_ENCODE_VERSION (CP_MAJOR_VERSION, CP_MINOR_VERSION))

/**
 * CP_VERSION_PREV_STABLE:
 *
 * The release before the headers being compiled against, encoded with
 * `G_ENCODE_VERSION`. Before 1.0 every minor release is a stable one.
 */
#if CP_MINOR_VERSION > 0
# define CP_VERSION_PREV_STABLE (G_ENCODE_VERSION (CP_MAJOR_VERSION, CP_MINOR_VERSION - 1))
#else
# define CP_VERSION_PREV_STABLE (G_ENCODE_VERSION (CP_MAJOR_VERSION - 1, 0))
#endif

/**
 * CP_VERSION_MIN_REQUIRED:
 *
 * Define this before including `careplan.h` to the oldest libcareplan
 * version (for example `CP_VERSION_0_1`) the program must still build
 * against. Functions deprecated after that version then give no
 * deprecation warning. Defaults to `CP_VERSION_CUR_STABLE`.
 */
#ifndef CP_VERSION_MIN_REQUIRED
# define CP_VERSION_MIN_REQUIRED (CP_VERSION_CUR_STABLE)
#endif

/**
 * CP_VERSION_MAX_ALLOWED:
 *
 * Define this before including `careplan.h` to the newest libcareplan
 * version whose API the program may use: using a function added after it
 * gives a warning, so a program meant to run on an older library finds out
 * when it builds. Defaults to `CP_VERSION_CUR_STABLE`.
 */
#ifndef CP_VERSION_MAX_ALLOWED
# if CP_VERSION_MIN_REQUIRED > CP_VERSION_CUR_STABLE
#  define CP_VERSION_MAX_ALLOWED (CP_VERSION_MIN_REQUIRED)
# else
#  define CP_VERSION_MAX_ALLOWED (CP_VERSION_CUR_STABLE)
# endif
#endif

#if CP_VERSION_MAX_ALLOWED < CP_VERSION_MIN_REQUIRED
# error "CP_VERSION_MAX_ALLOWED must be >= CP_VERSION_MIN_REQUIRED"
#endif
#if CP_VERSION_MIN_REQUIRED < CP_VERSION_0_1
# error "CP_VERSION_MIN_REQUIRED must be >= CP_VERSION_0_1"
#endif

/**
 * CP_DEPRECATED:
 *
 * Marks a deprecated public function: using it warns at compile time,
 * unless `CP_DISABLE_DEPRECATION_WARNINGS` is defined (the library, its
 * tests and its tools define it: they still implement and test the
 * deprecated functions).
 */
/**
 * CP_DEPRECATED_FOR:
 * @f: the function to use instead
 *
 * Like `CP_DEPRECATED`, and the warning names @f.
 */
/**
 * CP_UNAVAILABLE:
 * @maj: the major version that added the function
 * @min: the minor version that added the function
 *
 * Marks a function added after `CP_VERSION_MAX_ALLOWED`: using it warns.
 */
#ifdef CP_DISABLE_DEPRECATION_WARNINGS
# define CP_DEPRECATED _CP_EXTERN
# define CP_DEPRECATED_FOR(f) _CP_EXTERN
# define CP_UNAVAILABLE(maj,min) _CP_EXTERN
#else
# define CP_DEPRECATED G_DEPRECATED _CP_EXTERN
# define CP_DEPRECATED_FOR(f) G_DEPRECATED_FOR(f) _CP_EXTERN
# define CP_UNAVAILABLE(maj,min) G_UNAVAILABLE(maj,min) _CP_EXTERN
#endif

/**
 * CP_AVAILABLE_IN_ALL:
 *
 * Exports a symbol with no version check. The headers use the versioned
 * macros instead; this one is kept for code that used it.
 */
#define CP_AVAILABLE_IN_ALL _CP_EXTERN

/**
 * CP_DEPRECATED_IN_0_1:
 *
 * Marks a function deprecated in libcareplan 0.1: it warns when
 * `CP_VERSION_MIN_REQUIRED` is 0.1 or later.
 */
/**
 * CP_DEPRECATED_IN_0_1_FOR:
 * @f: the function to use instead
 *
 * Like `CP_DEPRECATED_IN_0_1`, and the warning names @f.
 */
#if CP_VERSION_MIN_REQUIRED >= CP_VERSION_0_1
# define CP_DEPRECATED_IN_0_1 CP_DEPRECATED
# define CP_DEPRECATED_IN_0_1_FOR(f) CP_DEPRECATED_FOR(f)
#else
# define CP_DEPRECATED_IN_0_1 _CP_EXTERN
# define CP_DEPRECATED_IN_0_1_FOR(f) _CP_EXTERN
#endif

/**
 * CP_AVAILABLE_IN_0_1:
 *
 * Marks a function added in libcareplan 0.1: it warns when
 * `CP_VERSION_MAX_ALLOWED` is older.
 */
#if CP_VERSION_MAX_ALLOWED < CP_VERSION_0_1
# define CP_AVAILABLE_IN_0_1 CP_UNAVAILABLE(0, 1)
#else
# define CP_AVAILABLE_IN_0_1 _CP_EXTERN
#endif

/**
 * cp_get_major_version:
 *
 * The major version of the libcareplan in use at run time.
 *
 * Returns: the major version of the libcareplan library in use at run time
 */
CP_AVAILABLE_IN_0_1
guint cp_get_major_version (void);

/**
 * cp_get_minor_version:
 *
 * The minor version of the libcareplan in use at run time.
 *
 * Returns: the minor version of the libcareplan library in use at run time
 */
CP_AVAILABLE_IN_0_1
guint cp_get_minor_version (void);

/**
 * cp_get_micro_version:
 *
 * The micro version of the libcareplan in use at run time.
 *
 * Returns: the micro version of the libcareplan library in use at run time
 */
CP_AVAILABLE_IN_0_1
guint cp_get_micro_version (void);
