/* test-output.c: careplan check's formats, written from plain data
 *
 * tools/careplan-output.c writes obligations straight from the engine's
 * CpObligationData, with its own JSON escaping, for speed. Its bytes must
 * stay those of the object-based writers it replaced: json-glib's
 * escaping, and each CpObligation's explanation.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include <glib/gstdio.h>
#include <string.h>

#include "test-evaluating.h"
#include "../tools/careplan-hmac.h"
#include "../tools/careplan-output.h"
#include "cp-obligation-list-private.h"

/* @s as json-glib's generator writes a string. */
static char *
json_glib_string (const char *s)
{
  g_autoptr(JsonNode) node = json_node_new (JSON_NODE_VALUE);
  g_autoptr(JsonGenerator) gen = json_generator_new ();

  json_node_set_string (node, s);
  json_generator_set_root (gen, node);
  return json_generator_to_data (gen, NULL);
}

static void
expect_escaped_as_json_glib (const char *s)
{
  g_autoptr(GString) ours = g_string_new (NULL);
  g_autofree char *theirs = json_glib_string (s);

  careplan_json_append_string (ours, s);
  cr_assert_str_eq (ours->str, theirs, "escaping %zu bytes", strlen (s));
}

/* Every byte, alone and at every offset of the eight-byte words the
 * escaper tests at once, and text with none to escape. */
Test (output, json_escaping_is_json_glibs)
{
  expect_escaped_as_json_glib ("");
  expect_escaped_as_json_glib ("SI 2010/959 reg 33(1)(a) and “Stoke-on-Trent” §7.10 – fine");
  for (guint b = 1; b < 256; b++)
    for (guint offset = 0; offset < 20; offset++)
      {
        char text[32];

        memset (text, 'a', sizeof text);
        text[offset] = (char) b;
        text[offset + 9] = '\0';
        expect_escaped_as_json_glib (text);
        text[offset + 1] = '\0';
        expect_escaped_as_json_glib (text);
      }
}

static CpEvaluator *
evaluate (CpCase *kase, CpPolicy *policy, CpCalendar *calendar, const char *on)
{
  g_autoptr(GDate) d = test_date (on);
  g_autoptr(GError) error = NULL;
  CpEvaluator *ev = cp_evaluator_new (kase, policy, calendar);

  cp_evaluator_set_date (ev, d);
  cr_assert (cp_evaluator_refresh (ev, &error), "%s", error ? error->message : "");
  return ev;
}

/* One case with --all as the JsonBuilder writer made it from objects. */
static char *
json_from_objects (CpEvaluator *ev, const char *where)
{
  g_autoptr(JsonBuilder) b = json_builder_new_immutable ();
  g_autoptr(JsonGenerator) gen = json_generator_new ();
  g_autoptr(JsonNode) root = NULL;
  GListModel *list = cp_evaluator_get_obligations (ev);
  static const CpObligationStatus order[] = {
    CP_OBLIGATION_STATUS_OVERDUE, CP_OBLIGATION_STATUS_DUE_SOON, CP_OBLIGATION_STATUS_NOT_ENOUGH_HISTORY,
    CP_OBLIGATION_STATUS_UPCOMING, CP_OBLIGATION_STATUS_MET_LATE, CP_OBLIGATION_STATUS_MET_ON_TIME,
    CP_OBLIGATION_STATUS_NOT_APPLICABLE,
  };

  json_builder_begin_object (b);
  json_builder_set_member_name (b, "source");
  json_builder_add_string_value (b, where);
  json_builder_set_member_name (b, "record_id");
  json_builder_add_string_value (b, cp_child_get_id (cp_case_get_child (cp_evaluator_get_case (ev))));
  json_builder_set_member_name (b, "obligations");
  json_builder_begin_array (b);
  /* Overdue first, and so on; in each, earliest first (no date first),
   * then engine order: the stable sort the writer does. */
  for (guint k = 0; k < G_N_ELEMENTS (order); k++)
    {
      g_autoptr(GPtrArray) same = g_ptr_array_new_with_free_func (g_object_unref);

      for (guint i = 0; i < g_list_model_get_n_items (list); i++)
        {
          CpObligation *o = g_list_model_get_item (list, i);
          guint at = same->len;

          if (cp_obligation_get_status (o) != order[k])
            {
              g_object_unref (o);
              continue;
            }
          while (at > 0)
            {
              const GDate *x = cp_obligation_get_due (same->pdata[at - 1]), *y = cp_obligation_get_due (o);
              guint32 jx = x ? g_date_get_julian (x) : 0, jy = y ? g_date_get_julian (y) : 0;

              if (jx <= jy)
                break;
              at--;
            }
          g_ptr_array_insert (same, at, o);
        }
      for (guint i = 0; i < same->len; i++)
        {
          CpObligation *o = same->pdata[i];
          g_autofree char *due = cp_obligation_get_due (o) ? cp_date_format_iso (cp_obligation_get_due (o)) : NULL;
          g_autofree char *met = cp_obligation_get_met_on (o) ? cp_date_format_iso (cp_obligation_get_met_on (o)) : NULL;

          json_builder_begin_object (b);
          json_builder_set_member_name (b, "status");
          json_builder_add_string_value (b, status_nick (cp_obligation_get_status (o)));
          json_builder_set_member_name (b, "due");
          due ? json_builder_add_string_value (b, due) : json_builder_add_null_value (b);
          json_builder_set_member_name (b, "met_on");
          met ? json_builder_add_string_value (b, met) : json_builder_add_null_value (b);
          json_builder_set_member_name (b, "key");
          json_builder_add_string_value (b, cp_obligation_get_key (o));
          json_builder_set_member_name (b, "subject");
          json_builder_add_string_value (b, cp_obligation_get_subject (o));
          if (cp_obligation_get_review (o) > 0)
            {
              json_builder_set_member_name (b, "review");
              json_builder_add_int_value (b, cp_obligation_get_review (o));
            }
          json_builder_set_member_name (b, "rule_id");
          json_builder_add_string_value (b, cp_obligation_get_rule_id (o));
          json_builder_set_member_name (b, "citation");
          json_builder_add_string_value (b, cp_obligation_get_citation (o));
          json_builder_set_member_name (b, "explanation");
          json_builder_add_string_value (b, cp_obligation_get_explanation (o));
          json_builder_end_object (b);
        }
    }
  json_builder_end_array (b);
  json_builder_end_object (b);
  root = json_builder_get_root (b);
  json_generator_set_root (gen, root);
  return json_generator_to_data (gen, NULL);
}

/* Every obligation of the example caseloads under every built-in profile:
 * the streamed explanation is the object's, and a case's JSON is the
 * JsonBuilder writer's, byte for byte. */
Test (output, plain_data_writes_what_objects_did)
{
  static const char * const files[] = { "caseload.jsonl", "authority-caseload.jsonl" };
  static const char * const dates[] = { "2026-03-31", "2026-11-22" };
  g_autoptr(CpCalendar) calendar = cp_calendar_new (CP_REGION_ENGLAND_AND_WALES);
  g_auto(GStrv) profiles = cp_policy_list_builtin ();
  guint compared = 0;

  for (guint p = 0; profiles[p] != NULL; p++)
    for (guint f = 0; f < G_N_ELEMENTS (files); f++)
      for (guint t = 0; t < G_N_ELEMENTS (dates); t++)
        {
          g_autoptr(GError) error = NULL;
          g_autoptr(CpPolicy) policy = cp_policy_new_builtin (profiles[p], &error);
          g_autofree char *path = g_build_filename (EXAMPLES_DIR, "data", files[f], NULL);
          g_autoptr(CpCaseloadReader) reader = cp_caseload_reader_new_for_path (path, &error);
          g_autoptr(GDate) date = test_date (dates[t]);
          g_autoptr(CareplanOutput) output = careplan_output_new (CAREPLAN_FORMAT_JSON, TRUE, policy, date, NULL);
          CpCase *kase;

          cr_assert_not_null (reader, "%s", error ? error->message : "");
          while ((kase = cp_caseload_reader_next (reader, &error)) != NULL)
            {
              g_autoptr(CpEvaluator) ev = evaluate (kase, policy, calendar, dates[t]);
              CpObligationList *list = CP_OBLIGATION_LIST (cp_evaluator_get_obligations (ev));
              g_autoptr(GString) ours = g_string_new (NULL);
              g_autofree char *theirs = NULL;
              CpEvaluated evaluated;

              for (guint i = 0; i < cp_obligation_list_length (list); i++)
                {
                  g_autoptr(GString) explanation = g_string_new (NULL);

                  cp_obligation_data_append_explanation (cp_obligation_list_peek (list, i), explanation);
                  cr_assert_str_eq (explanation->str,
                                    cp_obligation_get_explanation (cp_obligation_list_get (list, i)),
                                    "%s, %s, obligation %u", profiles[p], files[f], i);
                  compared++;
                }
              cp_evaluator_peek_evaluated (ev, &evaluated);
              careplan_output_case (output, ours, &evaluated, kase, "a \"file\"\\:1", FALSE);
              theirs = json_from_objects (ev, "a \"file\"\\:1");
              /* Every case after the first is preceded by ",\n    ". */
              cr_assert_str_eq (ours->str + (ours->str[0] == ',' ? 6 : 4), theirs, "%s, %s",
                                profiles[p], files[f]);
              g_object_unref (kase);
            }
          cr_assert_null (error, "%s", error ? error->message : "");
        }
  cr_assert_gt (compared, 1000);
}

/* Record ids and --pseudonymise ------------------------------------------- */

#define SECRET "SECRET-ID-123"

static char *
write_key (const char *dir, const char *name, const char *bytes, gsize len)
{
  char *path = g_build_filename (dir, name, NULL);
  g_autoptr(GError) error = NULL;

  cr_assert (g_file_set_contents (path, bytes, (gssize) len, &error), "%s", error ? error->message : "");
  return path;
}

/* The pseudonym is the first 16 hex digits of HMAC-SHA256 of the id under
 * every byte of the key file, the same each time; without a pseudonymiser
 * the id is written as it is. */
Test (output, a_pseudonym_is_the_keyed_hash_of_the_id)
{
  g_autofree char *dir = g_dir_make_tmp ("careplan-XXXXXX", NULL);
  static const char key[] = "a key of twenty bytes\n";
  g_autofree char *path = write_key (dir, "key", key, strlen (key));
  g_autoptr(GError) error = NULL;
  g_autoptr(CareplanPseudonymiser) p = careplan_pseudonymiser_new_for_file (path, &error);
  g_autofree char *want = g_compute_hmac_for_string (G_CHECKSUM_SHA256, (const guchar *) key, strlen (key),
                                                     SECRET, -1);
  char buf[CAREPLAN_PSEUDONYM_LEN + 1], again[CAREPLAN_PSEUDONYM_LEN + 1];
  const char *id = SECRET;

  cr_assert_not_null (p, "%s", error ? error->message : "");
  want[CAREPLAN_PSEUDONYM_LEN] = '\0';
  cr_assert_str_eq (careplan_record_id (p, SECRET, buf), want);
  cr_assert_str_eq (careplan_record_id (p, SECRET, again), buf);
  cr_assert_str_neq (careplan_record_id (p, "SECRET-ID-124", again), buf);
  cr_assert_null (careplan_record_id (p, NULL, buf));
  cr_assert_eq (careplan_record_id (NULL, id, buf), id);
  g_unlink (path);
  g_rmdir (dir);
}

/* The HMAC the UIDs and pseudonyms use (Nettle's where the build has it)
 * is GLib's, digit for digit: keys shorter and longer than a block, and
 * messages across the block's edges given in pieces. */
Test (output, the_hmac_is_glibs)
{
  guchar key[100], msg[200];

  for (guint i = 0; i < sizeof key; i++)
    key[i] = (guchar) (i * 7 + 3);
  for (guint i = 0; i < sizeof msg; i++)
    msg[i] = (guchar) (i * 13 + 1);
  for (gsize k = 1; k <= sizeof key; k += 33)
    {
      CareplanHmac keyed;

      careplan_hmac_init (&keyed, key, k);
      for (gsize m = 0; m <= sizeof msg; m += 11)
        {
          g_autofree char *want = g_compute_hmac_for_data (G_CHECKSUM_SHA256, key, k, msg, m);
          CareplanHmacRun run;
          char got[64];

          careplan_hmac_begin (&keyed, &run);
          careplan_hmac_update (&run, msg, m / 3);
          careplan_hmac_update (&run, msg + m / 3, m - m / 3);
          careplan_hmac_finish_hex (&run, got, sizeof got);
          cr_assert (memcmp (got, want, 64) == 0, "key %zu, message %zu: %.64s, not %s", k, m, got, want);
          careplan_hmac_begin (&keyed, &run);
          careplan_hmac_update (&run, msg, m);
          careplan_hmac_finish_hex (&run, got, 5);
          cr_assert (memcmp (got, want, 5) == 0, "an odd number of digits");
        }
      careplan_hmac_clear (&keyed);
    }
}

/* A missing, empty or short key is refused, naming the file only. */
Test (output, a_missing_empty_or_short_key_is_refused)
{
  g_autofree char *dir = g_dir_make_tmp ("careplan-XXXXXX", NULL);
  g_autofree char *missing = g_build_filename (dir, "absent", NULL);
  g_autofree char *empty = write_key (dir, "empty", "", 0);
  g_autofree char *shortk = write_key (dir, "short", "fifteen bytes!!", 15);
  g_autofree char *enough = write_key (dir, "enough", "sixteen bytes!!!", 16);
  const char *refused[] = { missing, empty, shortk };
  g_autoptr(CareplanPseudonymiser) p = NULL;

  for (guint i = 0; i < G_N_ELEMENTS (refused); i++)
    {
      g_autoptr(GError) error = NULL;

      cr_assert_null (careplan_pseudonymiser_new_for_file (refused[i], &error), "%s", refused[i]);
      cr_assert_eq (error->domain, G_FILE_ERROR);
      cr_assert_not_null (strstr (error->message, refused[i]), "%s", error->message);
    }
  p = careplan_pseudonymiser_new_for_file (enough, NULL);
  cr_assert_not_null (p);
  g_unlink (empty);
  g_unlink (shortk);
  g_unlink (enough);
  g_rmdir (dir);
}

/* Each format carries the record id, or its pseudonym and never the id. */
Test (output, every_format_carries_the_record_id_or_its_pseudonym)
{
  g_autoptr(CpCalendar) calendar = cp_calendar_new (CP_REGION_ENGLAND_AND_WALES);
  g_autoptr(CpPolicy) policy = cp_policy_new_builtin ("england", NULL);
  g_autofree char *path = g_build_filename (EXAMPLES_DIR, "data", "case-every-type.json", NULL);
  g_autoptr(CpCase) kase = cp_case_load_file (path, NULL);
  g_autoptr(CpEvaluator) ev = NULL;
  g_autoptr(GDate) date = test_date ("2026-11-22");
  g_autofree char *dir = g_dir_make_tmp ("careplan-XXXXXX", NULL);
  g_autofree char *key = write_key (dir, "key", "0123456789abcdef", 16);
  g_autoptr(CareplanPseudonymiser) p = careplan_pseudonymiser_new_for_file (key, NULL);
  const char *id;
  char pseudonym[CAREPLAN_PSEUDONYM_LEN + 1];
  static const char * const heads[] = { "case.json  record ", "{\"source\":\"case.json\",\"record_id\":\"",
                                        "case.json,", ", child " };
  g_autoptr(GBytes) uid_key = g_bytes_new_static ("a calendar's UID key, 32 bytes..", 32);

  cr_assert_not_null (kase);
  ev = evaluate (kase, policy, calendar, "2026-11-22");
  id = cp_child_get_id (cp_case_get_child (kase));
  careplan_record_id (p, id, pseudonym);
  for (CareplanFormat f = CAREPLAN_FORMAT_TEXT; f <= CAREPLAN_FORMAT_ICS; f++)
    for (guint pseudonymised = 0; pseudonymised < 2; pseudonymised++)
      {
        g_autoptr(CareplanOutput) output = careplan_output_new (f, FALSE, policy, date, uid_key);
        g_autoptr(GString) out = g_string_new (NULL);
        g_autofree char *want = g_strconcat (heads[f], pseudonymised ? pseudonym : id, NULL);
        CpEvaluated evaluated;

        careplan_output_set_pseudonymiser (output, pseudonymised ? p : NULL);
        cp_evaluator_peek_evaluated (ev, &evaluated);
        careplan_output_case (output, out, &evaluated, kase, "case.json", 0);
        cr_assert_not_null (strstr (out->str, want), "format %d: %s", f, out->str);
        if (pseudonymised)
          cr_assert_null (strstr (out->str, id), "format %d", f);
      }
  g_unlink (key);
  g_rmdir (dir);
}

/* --excel: CSV, and CSV only, starts with the UTF-8 byte-order mark. */
Test (output, excel_starts_csv_with_a_byte_order_mark)
{
  g_autoptr(GBytes) uid_key = g_bytes_new_static ("a calendar's UID key, 32 bytes..", 32);
  g_autoptr(CpPolicy) policy = cp_policy_new_builtin ("england", NULL);
  g_autoptr(GDate) date = test_date ("2026-11-22");

  for (CareplanFormat f = CAREPLAN_FORMAT_TEXT; f <= CAREPLAN_FORMAT_ICS; f++)
    for (guint excel = 0; excel < 2; excel++)
      {
        g_autoptr(CareplanOutput) output = careplan_output_new (f, FALSE, policy, date, uid_key);
        g_autoptr(GString) out = g_string_new (NULL);

        careplan_output_set_excel (output, excel);
        careplan_output_begin (output, out);
        cr_assert_eq (g_str_has_prefix (out->str, "\xef\xbb\xbf"), f == CAREPLAN_FORMAT_CSV && excel,
                      "format %d, excel %u", f, excel);
        if (f == CAREPLAN_FORMAT_CSV)
          cr_assert_str_eq (out->str + (excel ? 3 : 0),
                            "source,record_id,status,due,met_on,key,subject,review,rule_id,citation,"
                            "explanation\r\n");
      }
}

/* The last line counts the cases that could not be read. */
Test (output, the_totals_count_the_unreadable_cases)
{
  g_autoptr(CpPolicy) policy = cp_policy_new_builtin ("england", NULL);
  g_autoptr(GDate) date = test_date ("2026-11-22");
  static const struct { gboolean unreadable; guint n; const char *text, *json; } cases[] = {
    { FALSE, 0, "not enough history\n", "\"unreadable\": false, \"unreadable_cases\": 0 }" },
    { TRUE, 1, "not enough history; 1 case could not be read\n", "\"unreadable\": true, \"unreadable_cases\": 1 }" },
    { TRUE, 3, "not enough history; 3 cases could not be read\n", "\"unreadable\": true, \"unreadable_cases\": 3 }" },
    /* A file that could not be opened: its cases were never counted. */
    { TRUE, 0, "not enough history; some cases could not be read\n",
      "\"unreadable\": true, \"unreadable_cases\": 0 }" },
  };

  for (guint i = 0; i < G_N_ELEMENTS (cases); i++)
    {
      g_autoptr(CareplanOutput) text = careplan_output_new (CAREPLAN_FORMAT_TEXT, FALSE, policy, date, NULL);
      g_autoptr(CareplanOutput) json = careplan_output_new (CAREPLAN_FORMAT_JSON, FALSE, policy, date, NULL);
      g_autoptr(GString) t = g_string_new (NULL);
      g_autoptr(GString) j = g_string_new (NULL);

      careplan_output_end (text, t, cases[i].unreadable, cases[i].n);
      careplan_output_end (json, j, cases[i].unreadable, cases[i].n);
      cr_assert (g_str_has_suffix (t->str, cases[i].text), "%s", t->str);
      cr_assert_not_null (strstr (j->str, cases[i].json), "%s", j->str);
    }
}

/* SOURCE_DATE_EPOCH fixes DTSTAMP (docs/calendar.md); anything but a
 * number of seconds DTSTAMP can write is refused. */
Test (output, ics_options_take_source_date_epoch)
{
  const char *bad[] = { "", "yesterday", "12x", "-1", "253402300800", "99999999999999999999" };
  CareplanIcsOptions options;
  g_autoptr(GError) error = NULL;
  gint64 before = g_get_real_time () / G_USEC_PER_SEC;

  g_unsetenv ("SOURCE_DATE_EPOCH");
  cr_assert (careplan_ics_options_init (&options, &error));
  cr_assert_geq (options.stamp, before);
  cr_assert_leq (options.stamp, before + 5);
  cr_assert_eq (options.remind_days, 5);
  cr_assert (options.record_id);

  g_setenv ("SOURCE_DATE_EPOCH", "1767225600", TRUE);
  cr_assert (careplan_ics_options_init (&options, &error));
  cr_assert_eq (options.stamp, 1767225600);
  g_setenv ("SOURCE_DATE_EPOCH", "253402300799", TRUE);
  cr_assert (careplan_ics_options_init (&options, &error));

  for (guint i = 0; i < G_N_ELEMENTS (bad); i++)
    {
      g_setenv ("SOURCE_DATE_EPOCH", bad[i], TRUE);
      cr_assert_not (careplan_ics_options_init (&options, &error), "“%s”", bad[i]);
      assert_error (error, CP_ERROR_INVALID_VALUE, "SOURCE_DATE_EPOCH");
      g_clear_error (&error);
    }
  g_unsetenv ("SOURCE_DATE_EPOCH");
}
