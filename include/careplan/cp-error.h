/* cp-error.h: the libcareplan error domain
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#if !defined(CAREPLAN_INSIDE) && !defined(CP_COMPILATION)
# error "Only <careplan.h> can be included directly."
#endif

#include "cp-version-macros.h"

G_BEGIN_DECLS

/**
 * CP_ERROR:
 *
 * The error domain of every error libcareplan reports about data.
 * Errors from reading files keep their own domain (`G_FILE_ERROR`).
 */
#define CP_ERROR (cp_error_quark ())

/**
 * CpError:
 * @CP_ERROR_PARSE: the input is not well-formed (bad JSON, CSV or syntax)
 * @CP_ERROR_INVALID_DATE: a value that should be a date is not a real
 *   date (for example `2026-02-30`)
 * @CP_ERROR_OUT_OF_RANGE: a date or number is outside the range the
 *   library supports (for the calendar: 1970-01-01 to 2100-12-31)
 * @CP_ERROR_MISSING_FIELD: a required field is absent
 * @CP_ERROR_INVALID_VALUE: a field has the wrong type or an impossible value
 * @CP_ERROR_UNKNOWN_CODE: a key, code, unit, anchor or name is not one
 *   the library knows
 * @CP_ERROR_INCONSISTENT: the data contradicts itself (for example a
 *   placement that ends before it starts)
 * @CP_ERROR_ILLEGAL_TRANSITION: a state change that the rules do not allow
 * @CP_ERROR_NOT_AUTHORISED: the actor's role may not perform the action
 * @CP_ERROR_UNSUPPORTED_VERSION: a document declares a format version
 *   this library cannot read
 *
 * Error codes in the %CP_ERROR domain. Messages name the offending field
 * path and value; they never contain a child's name or identifier.
 */
typedef enum {
  CP_ERROR_PARSE,
  CP_ERROR_INVALID_DATE,
  CP_ERROR_OUT_OF_RANGE,
  CP_ERROR_MISSING_FIELD,
  CP_ERROR_INVALID_VALUE,
  CP_ERROR_UNKNOWN_CODE,
  CP_ERROR_INCONSISTENT,
  CP_ERROR_ILLEGAL_TRANSITION,
  CP_ERROR_NOT_AUTHORISED,
  CP_ERROR_UNSUPPORTED_VERSION,
} CpError;

CP_AVAILABLE_IN_0_1
GQuark cp_error_quark (void);

G_END_DECLS
