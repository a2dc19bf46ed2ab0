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

G_BEGIN_DECLS

/* @value made safe to quote in a message: control characters (C0, DEL,
 * C1), line and paragraph separators, bidirectional controls, backslashes,
 * quotation marks (“ ”) and bytes that are not UTF-8 are written as
 * escapes (\n, \x1b, \u202e), so a value can neither forge a line of a log
 * nor drive a terminal. Every value quoted in a message goes through it. */
char *cp_escape_value (const char *value) G_GNUC_MALLOC;

/* A message's quoted values (“…”) that hold a child's identifier are
 * replaced with a note saying a value is not shown: @is_secret says which
 * (a single character is what a parser found, never a value, and stays)
 * (it is given the escaped text between the quotes). */
typedef gboolean (*CpSecretFunc) (const char *quoted,
                                  gpointer    data);

void cp_error_redact (GError       *error,
                      CpSecretFunc  is_secret,
                      gpointer      data);

/* cp_error_redact() for quoted values that contain @identifier (escaped
 * as cp_escape_value() does); nothing for %NULL or "". */
void cp_error_redact_identifier (GError     *error,
                                 const char *identifier);

G_END_DECLS
