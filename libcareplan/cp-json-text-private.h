/* cp-json-text-private.h: reading JSON text into json-glib nodes
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include <json-glib/json-glib.h>

G_BEGIN_DECLS

/* Parses one JSON value (RFC 8259) from @data (@length bytes, or -1 for
 * nul-terminated), with nothing but white space around it. Errors are
 * CP_ERROR_PARSE, placed by column (and line, for text of several lines).
 * A member named twice, a NUL character or half a surrogate pair in a
 * string, and a whole number beyond 64 bits or a number beyond a double's
 * range are errors. @scratch, if not %NULL, is working space reused
 * between calls. */
JsonNode *cp_json_text_parse (const char  *data,
                              gssize       length,
                              GString     *scratch,
                              GError     **error);

/* Writes @node as JSON text, on one line or indented as json-glib does.
 * Unlike json-glib 1.6's generator, every control character is escaped
 * and doubles keep all their digits and stay valid JSON, so that what is
 * written reads back to the same tree. */
char     *cp_json_text_write (JsonNode    *node,
                              gboolean     pretty);

G_END_DECLS
