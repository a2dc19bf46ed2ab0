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
 * string are errors. @scratch, if not %NULL, is working space reused
 * between calls. */
JsonNode *cp_json_text_parse (const char  *data,
                              gssize       length,
                              GString     *scratch,
                              GError     **error);

G_END_DECLS
