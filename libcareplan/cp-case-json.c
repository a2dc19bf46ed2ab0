/* cp-case-json.c: a case in the JSON case format: reading, writing, files
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include <string.h>

#include "cp-case-private.h"
#include "cp-care-plan-private.h"
#include "cp-child-private.h"
#include "cp-date-private.h"
#include "cp-dispute-private.h"
#include "cp-error-private.h"
#include "cp-json-text-private.h"
#include "cp-permanence-plan-private.h"
#include "cp-record-private.h"
#include "cp-review-private.h"

/* A case document's format version, around the case itself. */
static gboolean
check_version (const CpJsonScalar  *value,
               GError             **error)
{
  return cp_json_check_version_value (value, "version", CP_CASE_FORMAT_VERSION, error);
}

static const CpRecordEnvelope case_version = { "version", check_version };

/* The child's identifier of a case's tree, or NULL. */
static const char *
child_id_in_node (JsonNode *node)
{
  JsonObject *obj, *child;
  JsonNode *id;

  if (node == NULL || !JSON_NODE_HOLDS_OBJECT (node))
    return NULL;
  obj = json_node_get_object (node);
  if (!json_object_has_member (obj, "child") || !JSON_NODE_HOLDS_OBJECT (json_object_get_member (obj, "child")))
    return NULL;
  child = json_object_get_object_member (obj, "child");
  id = json_object_get_member (child, "id");
  if (id == NULL || json_node_get_value_type (id) != G_TYPE_STRING)
    return NULL;
  return json_node_get_string (id);
}

/* An error about a case's text must not quote the child's identifier,
 * whichever field it was found in; the identifier may come after the
 * field the error is about, or the text may not be JSON at all. So every
 * string after a member named "id" is taken for an identifier, read
 * roughly from the raw text, and from the tree when the text is JSON
 * (for escapes). */
static void
redact_identifiers (GError     *error,
                    const char *data,
                    gssize      length)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  gsize len = length < 0 ? strlen (data) : (gsize) length;
  const char *end = data + len;
  const char *p = data;

  if (json_parser_load_from_data (parser, data, (gssize) len, NULL))
    cp_error_redact_identifier (error, child_id_in_node (json_parser_get_root (parser)));

  while ((p = g_strstr_len (p, end - p, "\"id\"")) != NULL)
    {
      const char *q = p + 4, *start;
      g_autofree char *id = NULL;

      p = q;
      while (q < end && g_ascii_isspace (*q))
        q++;
      if (q >= end || *q++ != ':')
        continue;
      while (q < end && g_ascii_isspace (*q))
        q++;
      if (q >= end || *q++ != '"')
        continue;
      for (start = q; q < end && *q != '"'; q++)
        if (*q == '\\' && q + 1 < end)
          q++;
      id = g_strndup (start, q - start);
      cp_error_redact_identifier (error, id);
    }
}

/**
 * cp_case_new_from_json_node:
 * @node: a JSON object in the case format
 * @error: return location for a #GError
 *
 * Reads a case from parsed JSON and checks it with [method@Case.validate].
 *
 * Returns: (transfer full) (nullable): the case, or %NULL with @error set
 */
CpCase *
cp_case_new_from_json_node (JsonNode  *node,
                            GError   **error)
{
  g_autoptr(CpCase) self = NULL;
  g_autoptr(GError) local_error = NULL;

  g_return_val_if_fail (node != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  /* The version is the document's, not the case's. A document that is
   * not an object is refused by the reader ("(document): expected an
   * object, found …"). */
  self = (CpCase *) cp_record_from_json (CP_TYPE_CASE, node, "", &case_version, &local_error);
  if (self == NULL || !cp_case_validate (self, &local_error))
    {
      cp_error_redact_identifier (local_error, child_id_in_node (node));
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }

  return g_steal_pointer (&self);
}

/**
 * cp_case_new_from_json:
 * @data: the JSON text of one case
 * @length: its length in bytes, or -1 if nul-terminated
 * @error: return location for a #GError
 *
 * Reads one case from text in the JSON case format (see the case-format guide).
 *
 * Returns: (transfer full) (nullable): the case, or %NULL with @error set
 */
CpCase *
cp_case_new_from_json (const char  *data,
                       gssize       length,
                       GError     **error)
{
  g_return_val_if_fail (data != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  return cp_case_new_from_json_text (data, length, NULL, NULL, error);
}

/* As cp_case_new_from_json(), with working space kept between cases. The
 * text is read as it comes, into the case's records, without a tree. */
CpCase *
cp_case_new_from_json_text (const char  *data,
                            gssize       length,
                            GString     *scratch,
                            GString     *name,
                            GError     **error)
{
  g_autoptr(GString) own_scratch = NULL;
  g_autoptr(GString) own_name = NULL;
  g_autoptr(CpCase) self = NULL;
  g_autoptr(GError) local_error = NULL;
  CpJsonReader reader;

  if (scratch == NULL)
    scratch = own_scratch = g_string_new (NULL);
  if (name == NULL)
    name = own_name = g_string_sized_new (32);
  if (!cp_json_reader_init (&reader, data, length, scratch, name, &local_error) ||
      (self = (CpCase *) cp_record_from_reader (CP_TYPE_CASE, &reader, &case_version, &local_error)) == NULL ||
      !cp_json_reader_end (&reader) || !cp_case_validate (self, &local_error))
    {
      /* cp_json_reader_end() reports through the reader's own error. */
      if (local_error != NULL)
        redact_identifiers (local_error, data, length);
      g_propagate_error (error, g_steal_pointer (&local_error));
      return NULL;
    }
  return g_steal_pointer (&self);
}

/**
 * cp_case_to_json_string:
 * @self: a #CpCase
 * @pretty: whether to indent (for a `.json` file) or write one line (for
 *   a JSON Lines caseload)
 *
 * Writes the case in the JSON case format, keeping the members the library does not know.
 *
 * Returns: (transfer full): the case in the JSON case format
 */
char *
cp_case_to_json_string (CpCase   *self,
                        gboolean  pretty)
{
  g_autoptr(JsonNode) body = NULL;
  g_autoptr(JsonNode) root = NULL;
  JsonObject *out;
  JsonObjectIter iter;
  const char *name;
  JsonNode *member;

  g_return_val_if_fail (CP_IS_CASE (self), NULL);

  body = cp_record_to_json (CP_RECORD (self));
  out = json_object_new ();
  json_object_set_int_member (out, "version", CP_CASE_FORMAT_VERSION);
  json_object_iter_init_ordered (&iter, json_node_get_object (body));
  while (json_object_iter_next_ordered (&iter, &name, &member))
    json_object_set_member (out, name, json_node_copy (member));
  root = json_node_init_object (json_node_alloc (), out);
  json_object_unref (out);

  return cp_json_text_write (root, pretty);
}

/**
 * cp_case_load_file:
 * @path: (type filename): a `.json` file holding one case
 * @error: return location for a #GError
 *
 * Reads one case from a file in the JSON case format.
 *
 * Returns: (transfer full) (nullable): the case, or %NULL with @error set
 */
CpCase *
cp_case_load_file (const char  *path,
                   GError     **error)
{
  g_autofree char *contents = NULL;
  gsize len;

  g_return_val_if_fail (path != NULL, NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!g_file_get_contents (path, &contents, &len, error))
    return NULL;
  return cp_case_new_from_json (contents, (gssize) len, error);
}

/**
 * cp_case_save_file:
 * @self: a #CpCase
 * @path: (type filename): where to write
 * @error: return location for a #GError
 *
 * Writes the case, indented, atomically: to a temporary file that is
 * synced to disk and then renamed over @path, so a crash never leaves a
 * half-written file. An existing file keeps its permissions and owner; a
 * new one is readable by its owner only (`0600`); a symbolic link is
 * followed and a file with other hard links refused: see
 * [func@file_replace_contents].
 *
 * Returns: %TRUE if the file was written
 */
gboolean
cp_case_save_file (CpCase      *self,
                   const char  *path,
                   GError     **error)
{
  g_autofree char *text = NULL;

  g_return_val_if_fail (CP_IS_CASE (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  text = cp_case_to_json_string (self, TRUE);
  return cp_file_replace_contents (path, text, -1, CP_FILE_MODE_PRIVATE, error);
}
