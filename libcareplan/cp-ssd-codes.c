/* cp-ssd-codes.c: the Standard Safeguarding Dataset's code lists and date fields
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include <string.h>

#include <json-glib/json-glib.h>

#include "cp-case-private.h"
#include "cp-error-private.h"
#include "cp-ssd-codes-private.h"

/* The SSD's own code lists, from its data/objects/ guidance and
 * data/categories/legal_status.yml (docs/ssd.md). */

typedef CpCsvRow Row;
typedef CpSsdTable Table;

const CpSsdCodeList cp_ssd_legal_status_codes = { "the SSD legal status codes (SSDA903 LS)", FALSE, FALSE, {
  { "C1", CP_LEGAL_STATUS_KIND_INTERIM_CARE_ORDER },
  { "C2", CP_LEGAL_STATUS_KIND_CARE_ORDER },
  { "D1", CP_LEGAL_STATUS_KIND_PLACEMENT_ORDER },      /* freeing order */
  { "E1", CP_LEGAL_STATUS_KIND_PLACEMENT_ORDER },
  { "V2", CP_LEGAL_STATUS_KIND_SECTION_20 },
  { "V3", CP_LEGAL_STATUS_KIND_SECTION_20 },
  { "V4", CP_LEGAL_STATUS_KIND_SECTION_20 },
  { "L1", CP_LEGAL_STATUS_KIND_POLICE_PROTECTION },
  { "L2", CP_LEGAL_STATUS_KIND_EMERGENCY_PROTECTION },
  { "L3", CP_LEGAL_STATUS_KIND_CHILD_ASSESSMENT_ORDER },
  { "J1", CP_LEGAL_STATUS_KIND_REMAND },
  { "J2", CP_LEGAL_STATUS_KIND_PACE },
  { "J3", CP_LEGAL_STATUS_KIND_YOUTH_SENTENCE },
  { NULL, 0 } } };

const CpSsdCodeList cp_ssd_placement_type_codes = { "the SSD placement type codes (SSDA903 PLACE)", FALSE, FALSE, {
  { "A3", CP_PLACEMENT_TYPE_ADOPTION },
  { "A4", CP_PLACEMENT_TYPE_ADOPTION },
  { "A5", CP_PLACEMENT_TYPE_ADOPTION },
  { "A6", CP_PLACEMENT_TYPE_ADOPTION },
  { "H5", CP_PLACEMENT_TYPE_OTHER_ARRANGEMENTS },
  { "K1", CP_PLACEMENT_TYPE_SECURE },
  { "K2", CP_PLACEMENT_TYPE_RESIDENTIAL },
  { "P1", CP_PLACEMENT_TYPE_PLACED_WITH_PARENTS },
  { "P2", CP_PLACEMENT_TYPE_OTHER_ARRANGEMENTS },
  { "P3", CP_PLACEMENT_TYPE_OTHER_ARRANGEMENTS },
  { "R1", CP_PLACEMENT_TYPE_RESIDENTIAL },
  { "R2", CP_PLACEMENT_TYPE_RESIDENTIAL },
  { "R3", CP_PLACEMENT_TYPE_RESIDENTIAL },
  { "R5", CP_PLACEMENT_TYPE_YOUTH_DETENTION },
  { "S1", CP_PLACEMENT_TYPE_RESIDENTIAL },
  { "T0", CP_PLACEMENT_TYPE_TEMPORARY },
  { "T1", CP_PLACEMENT_TYPE_TEMPORARY },
  { "T2", CP_PLACEMENT_TYPE_TEMPORARY },
  { "T3", CP_PLACEMENT_TYPE_TEMPORARY },
  { "T4", CP_PLACEMENT_TYPE_TEMPORARY },
  { "U1", CP_PLACEMENT_TYPE_CONNECTED_PERSON_APPROVED },
  { "U2", CP_PLACEMENT_TYPE_CONNECTED_PERSON_APPROVED },
  { "U3", CP_PLACEMENT_TYPE_CONNECTED_PERSON_APPROVED },
  { "U4", CP_PLACEMENT_TYPE_FOSTER_AGENCY },           /* own authority with PR1 */
  { "U5", CP_PLACEMENT_TYPE_FOSTER_AGENCY },
  { "U6", CP_PLACEMENT_TYPE_FOSTER_AGENCY },
  { "Z1", CP_PLACEMENT_TYPE_OTHER_ARRANGEMENTS },
  { NULL, 0 } } };

const CpSsdCodeList cp_ssd_provider_codes = { "the SSD placement provider codes", FALSE, TRUE, {
  { "PR0", 0 }, { "PR1", 1 }, { "PR2", 2 }, { "PR3", 3 }, { "PR4", 4 }, { "PR5", 5 },
  { NULL, 0 } } };

const CpSsdCodeList cp_ssd_change_reason_codes = { "the SSD reason for placement change codes", FALSE, TRUE, {
  { "CARPL", 0 }, { "CLOSE", 0 }, { "ALLEG", 0 }, { "STAND", 0 }, { "APPRR", 0 }, { "CREQB", 0 },
  { "CREQO", 0 }, { "CHILD", 0 }, { "LAREQ", 0 }, { "PLACE", 0 }, { "CUSTOD", 0 }, { "OTHER", 0 },
  { NULL, 0 } } };

const CpSsdCodeList cp_ssd_start_reason_codes = { "the SSD reason for new episode codes", FALSE, FALSE, {
  { "S", 0 }, { "L", 0 }, { "P", 0 }, { "T", 0 }, { "B", 0 }, { "U", 0 },
  { NULL, 0 } } };

const CpSsdCodeList cp_ssd_ceased_reason_codes = { "the SSD reason episode ceased codes", FALSE, TRUE, {
  { "X1", CEASE_CONTINUES }, { "E11", CEASE_ENDS }, { "E12", CEASE_ENDS }, { "E2", CEASE_ENDS },
  { "E3", CEASE_ENDS }, { "E4A", CEASE_HOME }, { "E4B", CEASE_HOME_UNPLANNED }, { "E13", CEASE_ENDS },
  { "E41", CEASE_ENDS }, { "E45", CEASE_ENDS }, { "E46", CEASE_ENDS }, { "E47", CEASE_ENDS },
  { "E48", CEASE_ENDS }, { "E5", CEASE_ENDS }, { "E6", CEASE_ENDS }, { "E7", CEASE_ENDS },
  { "E9", CEASE_ENDS }, { "E14", CEASE_ENDS }, { "E15", CEASE_ENDS }, { "E16", CEASE_ENDS },
  { "E17", CEASE_ENDS }, { "E8", CEASE_ENDS },
  { NULL, 0 } } };

const CpSsdCodeList cp_ssd_participation_codes = { "the SSD review participation codes", FALSE, TRUE, {
  { "PN0", CP_CHILD_PARTICIPATION_TOO_YOUNG },
  { "PN1", CP_CHILD_PARTICIPATION_ATTENDED },
  { "PN2", CP_CHILD_PARTICIPATION_ADVOCATE },
  { "PN3", CP_CHILD_PARTICIPATION_ATTENDED },
  { "PN4", CP_CHILD_PARTICIPATION_DID_NOT_PARTICIPATE },
  { "PN5", CP_CHILD_PARTICIPATION_ADVOCATE },
  { "PN6", CP_CHILD_PARTICIPATION_VIEWS_CONVEYED },
  { "PN7", CP_CHILD_PARTICIPATION_DID_NOT_PARTICIPATE },
  { NULL, 0 } } };

const CpSsdCodeList cp_ssd_yes_no_codes = { "the SSD Y/N flags", TRUE, TRUE, {
  { "Y", 1 }, { "N", 0 },
  { NULL, 0 } } };

const CpSsdCodeList cp_ssd_health_check_codes = { "the SSD health check types", TRUE, FALSE, {
  { "Health Assessment", CHECK_HEALTH },
  { "Initial Health Assessment", CHECK_HEALTH },
  { "Review Health Assessment", CHECK_HEALTH },
  { "Dental Check", CHECK_DENTAL },
  { "Health Surveillance Check", CHECK_OTHER },
  { NULL, 0 } } };

const CpSsdCodeList cp_ssd_health_status_codes = { "the SSD health check statuses", TRUE, TRUE, {
  { "Planned", STATUS_NOT_DONE }, { "Refused", STATUS_NOT_DONE }, { "Cancelled", STATUS_NOT_DONE },
  { "Completed", STATUS_COMPLETED },
  { NULL, 0 } } };

const CpSsdCodeList cp_ssd_eligibility_codes = { "the SSD care leaver eligibility categories", TRUE, TRUE, {
  { "Relevant", 0 }, { "Former Relevant", 0 }, { "Eligible", 0 }, { "Qualifying", 0 },
  { "No Current Eligibility", 0 },
  { NULL, 0 } } };

const CpSsdCodeList cp_ssd_in_touch_codes = { "the SSD care leaver in touch codes", FALSE, TRUE, {
  { "YES", 0 }, { "NO", 0 }, { "DIED", 0 }, { "REFU", 0 }, { "NREQ", 0 }, { "RHOM", 0 },
  { NULL, 0 } } };

const CpSsdCodeList cp_ssd_missing_type_codes = { "the SSD missing episode types", FALSE, TRUE, {
  { "M", 0 }, { "A", 0 },
  { NULL, 0 } } };

/* Whether a return interview was offered, and accepted: the SSD's Y, N and
 * NA (not applicable), or the Annex A return's Yes and No. */
const CpSsdCodeList cp_ssd_rhi_codes = { "the SSD return interview flags", TRUE, TRUE, {
  { "Y", 1 }, { "Yes", 1 }, { "N", 0 }, { "No", 0 }, { "NA", -1 },
  { NULL, 0 } } };

const CpSsdCodeList cp_ssd_order_type_codes = { "the SSD permanence order types", TRUE, TRUE, {
  { "Adoption", 0 }, { "Special Guardianship", 0 }, { "Child Arrangements Order", 0 },
  { "Residence Order", 0 },
  { NULL, 0 } } };

/* The chosen permanence plan (lacp_cla_care_plan_json); -1 has no pathway
 * in the case model. */
const CpSsdCodeList cp_ssd_plan_codes = { "the SSD permanence plan codes", FALSE, FALSE, {
  { "REMAINSUP", CP_PERMANENCE_PATHWAY_RETURN_HOME },
  { "RETURN1M", CP_PERMANENCE_PATHWAY_RETURN_HOME },
  { "RETURN6M", CP_PERMANENCE_PATHWAY_RETURN_HOME },
  { "RETURNEV", CP_PERMANENCE_PATHWAY_RETURN_HOME },
  { "LTRELFR", CP_PERMANENCE_PATHWAY_KINSHIP },
  { "LTFOST18", CP_PERMANENCE_PATHWAY_LONG_TERM_FOSTERING },
  { "RESPLMT", CP_PERMANENCE_PATHWAY_RESIDENTIAL },
  { "SUPPLIV", CP_PERMANENCE_PATHWAY_INDEPENDENCE },
  { "ADOPTION", CP_PERMANENCE_PATHWAY_ADOPTION },
  { "OTHERPLN", -1 },
  { NULL, 0 } } };

static inline char
fold (char c, gboolean case_insensitive)
{
  return case_insensitive && c >= 'A' && c <= 'Z' ? (char) (c + ('a' - 'A')) : c;
}

/* Whether @code is the @n bytes at @value (ASCII case aside if
 * @case_insensitive): most codes differ at the first byte, so this is
 * compared a byte at a time rather than measured first. A NUL in @value
 * matches no code. */
static inline gboolean
code_is (const char *code, const char *value, gsize n, gboolean case_insensitive)
{
  for (gsize i = 0; i < n; i++)
    if (code[i] == '\0' || fold (code[i], case_insensitive) != fold (value[i], case_insensitive))
      return FALSE;
  return code[n] == '\0';
}

/* The code of @list that the @n bytes at @value are, or NULL. */
static const CpSsdCode *
find_code_len (const CpSsdCodeList *list, const char *value, gsize n)
{
  for (const CpSsdCode *c = list->codes; c->code; c++)
    if (code_is (c->code, value, n, list->case_insensitive))
      return c;
  return NULL;
}

static const CpSsdCode *
find_code (const CpSsdCodeList *list, const char *value)
{
  return find_code_len (list, value, strlen (value));
}

static char *
expected_codes (const CpSsdCodeList *list)
{
  GString *s = g_string_new (NULL);

  for (const CpSsdCode *c = list->codes; c->code; c++)
    g_string_append_printf (s, "%s%s", s->len ? ", " : "", c->code);
  return g_string_free (s, FALSE);
}

gboolean
cp_ssd_lookup_code (const CpSsdCodeList  *list,
                    Table                *table,
                    Row                  *row,
                    int                   col,
                    int                  *out,
                    GError              **error)
{
  const char *field = cp_ssd_field (table, row, col);
  g_autofree char *value = NULL;
  g_autofree char *expected = NULL;
  const CpSsdCode *c;
  gsize n;

  *out = -1;
  /* The field without its white space (as g_strstrip()), not copied. */
  while (g_ascii_isspace (*field))
    field++;
  n = strlen (field);
  while (n > 0 && g_ascii_isspace (field[n - 1]))
    n--;
  if (n == 0 && list->blank_allowed)
    return TRUE;
  c = find_code_len (list, field, n);
  if (c != NULL)
    {
      *out = c->value;
      return TRUE;
    }
  value = g_strndup (field, n);
  expected = expected_codes (list);
  if (*value == '\0')
    return cp_ssd_row_fail (error, CP_ERROR_MISSING_FIELD, table, row, col,
                            "missing (expected one of %s: %s)", list->name, expected);
  return cp_ssd_row_fail (error, CP_ERROR_UNKNOWN_CODE, table, row, col,
                          "“%s” is not in %s (expected one of: %s)", value, list->name, expected);
}

/* Dates -------------------------------------------------------------------- */

/* yyyy-mm-dd or dd/mm/yyyy, either of them perhaps followed by a time of
 * day (" 00:00:00", "T00:00:00.000"), as a datetime column is exported;
 * 0 for an empty field when @optional. */
gboolean
cp_ssd_parse_date (Table     *table,
                   Row       *row,
                   int        col,
                   gboolean   optional,
                   guint32   *out,
                   GError   **error)
{
  const char *v = cp_ssd_field (table, row, col);
  gsize n;

  *out = 0;
  while (*v == ' ')
    v++;
  if (*v == '\0')
    {
      if (optional)
        return TRUE;
      return cp_ssd_row_fail (error, CP_ERROR_MISSING_FIELD, table, row, col, "missing");
    }
  n = strlen (v);
  if (n > 10 && (v[10] == ' ' || v[10] == 'T'))
    {
      /* The time of day must be a time, and is dropped. */
      for (gsize i = 11; i < n; i++)
        if (!g_ascii_isdigit (v[i]) && v[i] != ':' && v[i] != '.' && v[i] != ' ')
          goto bad;
      n = 10;
    }
  else if (n != 10)
    goto bad;
  if (cp_csv_parse_day (v, n, out))
    return TRUE;
bad:
  return cp_ssd_row_fail (error, CP_ERROR_INVALID_DATE, table, row, col,
                          "“%s” is not a date (yyyy-mm-dd or dd/mm/yyyy)", v);
}

/* The care plan's JSON -------------------------------------------------- */

/* The words of a box in the care plan's JSON: N, No, 0 and false empty;
 * Y, Yes, 1 and true ticked (any case). */
static const CpSsdCodeList box_words = { "a box's words", TRUE, FALSE, {
  { "N", FALSE }, { "No", FALSE }, { "0", FALSE }, { "false", FALSE },
  { "Y", TRUE }, { "Yes", TRUE }, { "1", TRUE }, { "true", TRUE },
  { NULL, 0 } } };

/* Whether the @n bytes at @s are a box's word (or none), and @ticked which. */
static gboolean
box_word (const char *s, gsize n, gboolean *ticked)
{
  const CpSsdCode *c = n > 0 ? find_code_len (&box_words, s, n) : NULL;

  if (n > 0 && c == NULL)
    return FALSE;
  *ticked = c != NULL && c->value;
  return TRUE;
}

/* Is a value of the care plan's JSON a ticked box? */
static gboolean
plan_ticked (JsonNode *node, gboolean *ticked)
{
  const char *s;

  if (JSON_NODE_HOLDS_NULL (node))
    return (*ticked = FALSE, TRUE);
  if (!JSON_NODE_HOLDS_VALUE (node))
    return FALSE;
  switch (json_node_get_value_type (node))
    {
    case G_TYPE_BOOLEAN:
      *ticked = json_node_get_boolean (node);
      return TRUE;
    case G_TYPE_INT64:
      *ticked = json_node_get_int (node) != 0;
      return TRUE;
    case G_TYPE_STRING:
      s = json_node_get_string (node);
      return box_word (s, strlen (s), ticked);
    default:
      return FALSE;
    }
}

static const char *
json_space (const char *p)
{
  while (*p == ' ' || *p == '\t' || *p == '\n' || *p == '\r')
    p++;
  return p;
}

/* A JSON string at @p (its opening quote) of printable ASCII without
 * escapes: its length (the text after the quote), or -1. */
static int
plain_json_string (const char *p)
{
  int n = 0;

  for (p++; p[n] != '"'; n++)
    if ((guchar) p[n] < 0x20 || (guchar) p[n] >= 0x80 || p[n] == '\\')
      return -1;
  return n;
}

/* The plan's JSON as the SSD's extracts write it, without a parser: one
 * object of the list's codes, each once, whose values are plain strings,
 * integers, true, false or null. FALSE for anything else (an escape, a
 * code twice, an unknown code, a value that is not a box, a fraction),
 * which the parser then reads, and reports, in full; so the two readings
 * agree wherever this one answers. */
static gboolean
plan_json_plain (const char *p, gboolean *ticked)
{
  p = json_space (p);
  if (*p++ != '{')
    return FALSE;
  p = json_space (p);
  if (*p == '}')
    return *json_space (p + 1) == '\0';
  for (;;)
    {
      const CpSsdCode *c;
      int n;
      gsize i;
      gboolean on;

      if (*p != '"' || (n = plain_json_string (p)) < 0 ||
          (c = find_code_len (&cp_ssd_plan_codes, p + 1, (gsize) n)) == NULL)
        return FALSE;
      i = c - cp_ssd_plan_codes.codes;
      if (ticked[i] != -1)
        return FALSE;
      p = json_space (p + n + 2);
      if (*p++ != ':')
        return FALSE;
      p = json_space (p);
      if (*p == '"')
        {
          if ((n = plain_json_string (p)) < 0 || !box_word (p + 1, (gsize) n, &on))
            return FALSE;
          p += n + 2;
        }
      else if (strncmp (p, "true", 4) == 0)
        on = TRUE, p += 4;
      else if (strncmp (p, "false", 5) == 0)
        on = FALSE, p += 5;
      else if (strncmp (p, "null", 4) == 0)
        on = FALSE, p += 4;
      else
        {
          /* An integer: -?(0|[1-9][0-9]*), short of int64's range. */
          const char *d = p + (*p == '-');

          if (!g_ascii_isdigit (*d) || (*d == '0' && g_ascii_isdigit (d[1])))
            return FALSE;
          for (n = 0, on = FALSE; g_ascii_isdigit (d[n]); n++)
            on |= d[n] != '0';
          if (n > 18 || d[n] == '.' || d[n] == 'e' || d[n] == 'E')
            return FALSE;
          p = d + n;
        }
      ticked[i] = on;
      p = json_space (p);
      if (*p == '}')
        return *json_space (p + 1) == '\0';
      if (*p++ != ',')
        return FALSE;
      p = json_space (p);
    }
}

/* The pathways ticked in the plan's JSON, in the order of the SSD's list:
 * @first and @second, or -1. */
gboolean
cp_ssd_read_plan_json (Table *t, Row *row, int *first, int *second, gboolean *any, GError **error)
{
  const char *text = cp_ssd_field (t, row, C_JSON);
  g_autoptr(JsonParser) parser = NULL;
  g_autoptr(GError) local_error = NULL;
  JsonObject *object;
  g_autoptr(GList) members = NULL;
  /* -1: not in the object (plan_json_plain() tells a code given twice). */
  gboolean ticked[G_N_ELEMENTS (cp_ssd_plan_codes.codes)];

  *first = *second = -1;
  *any = FALSE;
  if (*text == '\0')
    return TRUE;
  for (gsize i = 0; i < G_N_ELEMENTS (ticked); i++)
    ticked[i] = -1;
  if (plan_json_plain (text, ticked))
    goto ticked;
  for (gsize i = 0; i < G_N_ELEMENTS (ticked); i++)
    ticked[i] = FALSE;
  parser = json_parser_new ();
  if (!json_parser_load_from_data (parser, text, -1, &local_error) ||
      !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    return cp_ssd_row_fail (error, CP_ERROR_INVALID_VALUE, t, row, C_JSON,
                            "not a JSON object of the permanence plan codes");
  object = json_node_get_object (json_parser_get_root (parser));
  members = json_object_get_members (object);
  for (GList *l = members; l; l = l->next)
    {
      const CpSsdCode *c = find_code (&cp_ssd_plan_codes, l->data);
      gboolean on;

      if (c == NULL)
        {
          g_autofree char *expected = expected_codes (&cp_ssd_plan_codes);
          return cp_ssd_row_fail (error, CP_ERROR_UNKNOWN_CODE, t, row, C_JSON,
                                  "“%s” is not in %s (expected one of: %s)", (char *) l->data, cp_ssd_plan_codes.name,
                                  expected);
        }
      if (!plan_ticked (json_object_get_member (object, l->data), &on))
        return cp_ssd_row_fail (error, CP_ERROR_INVALID_VALUE, t, row, C_JSON,
                                "%s: not a ticked or empty box (expected \"\", \"Y\" or \"N\")", c->code);
      ticked[c - cp_ssd_plan_codes.codes] = on;
    }
ticked:
  for (guint i = 0; cp_ssd_plan_codes.codes[i].code; i++)
    if (ticked[i] > 0)
      {
        *any = TRUE;
        if (cp_ssd_plan_codes.codes[i].value < 0)
          continue;
        if (*first < 0)
          *first = cp_ssd_plan_codes.codes[i].value;
        else if (*second < 0 && cp_ssd_plan_codes.codes[i].value != *first)
          *second = cp_ssd_plan_codes.codes[i].value;
      }
  return TRUE;
}
