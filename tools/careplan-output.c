/* careplan-output.c: the formats of careplan check
 *
 * Each case's obligations, overdue first, as text, JSON, CSV or an
 * iCalendar file of the deadlines still to come; in text, JSON and CSV
 * each case carries the child's record id, or its keyed pseudonym
 * (--pseudonymise): the report is the authority's own, while nothing on
 * standard error ever names a child. A check writes a hundred
 * thousand children at a few dozen obligations each, so the formats are
 * written straight from the engine's plain data (CpObligationData) into
 * one buffer: no CpObligation objects, no JSON tree, no C-library printf. The bytes
 * are those the object-based writers made (json-glib's escaping included);
 * see docs/performance.md. On several threads each thread writes its own
 * cases with a writer of its own (careplan_output_new_like()), and the
 * pieces are joined in input order (careplan_output_join()).
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include <string.h>

#include "careplan-commands.h"
#include "careplan-hmac.h"
#include "careplan-ics.h"
#include "careplan-output.h"
#include "cp-engine-private.h"
#include "cp-error-private.h"
#include "cp-obligation-list-private.h"
#include "cp-text-private.h"

#define N_STATUSES (CP_OBLIGATION_STATUS_NOT_ENOUGH_HISTORY + 1)

/* A rule's own fields as the format writes them, made once a run rather
 * than escaped again for each of the thousands of obligations it gives:
 * @key the key, @tail the rule's id and citation (see rule_text()). */
typedef struct {
  char *key;
  char *tail;
  gsize key_len, tail_len;
} RuleText;

/* The last rules looked up, by where they live: a case's rows come from a
 * few dozen rules, and this spares hashing for each row. */
#define RULE_MEMO 64

typedef struct {
  CpRule *rule;
  const RuleText *text;
} RuleMemo;

struct _CareplanOutput {
  CareplanFormat format;
  gboolean all;
  CpPolicy *policy;
  GDate *date;
  guint32 today;
  const char *nicks[N_STATUSES];   /* each status's nick */
  CareplanIcs *ics;                /* ICS: the events' writer */
  GBytes *uid_key;                 /* ICS: its UID key and options, for careplan_output_new_like() */
  CareplanIcsOptions ics_options;
  gboolean pieces;                 /* JSON: each case without the comma before it (see careplan_output_join()) */
  CareplanPseudonymiser *pseudonymiser;   /* not owned; NULL: ids as they are */
  gboolean excel;                  /* CSV: a byte-order mark first */
  GHashTable *rule_texts;          /* CpRule -> RuleText, made on first use */
  RuleMemo rule_memo[RULE_MEMO];   /* the last looked up, by the rule's address */
  GArray *rows;                    /* Row, reused from case to case */
  GString *scratch;                /* working text, reused */
  gboolean first_case;
  CareplanTotals totals;
};

typedef struct {
  const CpObligationData *d;
  guint64 order;   /* the status's rank, then the due date: see sort_rows() */
} Row;

gboolean
careplan_format_parse (const char *text, CareplanFormat *format)
{
  static const char * const names[] = { "text", "json", "csv", "ics" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    if (g_strcmp0 (text, names[i]) == 0)
      {
        *format = (CareplanFormat) i;
        return TRUE;
      }
  return FALSE;
}

/* Overdue first, then due soon, then the rest; earliest first in each. */
static int
status_rank (CpObligationStatus s)
{
  switch (s)
    {
    case CP_OBLIGATION_STATUS_OVERDUE: return 0;
    case CP_OBLIGATION_STATUS_DUE_SOON: return 1;
    case CP_OBLIGATION_STATUS_NOT_ENOUGH_HISTORY: return 2;
    case CP_OBLIGATION_STATUS_UPCOMING: return 3;
    case CP_OBLIGATION_STATUS_MET_LATE: return 4;
    case CP_OBLIGATION_STATUS_MET_ON_TIME: return 5;
    case CP_OBLIGATION_STATUS_NOT_APPLICABLE:
    default: return 6;
    }
}

/* A row's place: by status_rank(), then by due date (none first). */
static guint64
row_order (const CpObligationData *d)
{
  return ((guint64) status_rank (d->status) << 32) | d->due;
}

/* A stable insertion sort by row_order(): obligations of the same rank
 * and date stay in engine order. A case has a few dozen, mostly in order
 * already, where g_array_sort()'s merge sort and its calls cost more. */
static void
sort_rows (GArray *rows)
{
  Row *r = (Row *) (gpointer) rows->data;

  for (guint i = 1; i < rows->len; i++)
    {
      Row row = r[i];
      guint j = i;

      while (j > 0 && r[j - 1].order > row.order)
        {
          r[j] = r[j - 1];
          j--;
        }
      r[j] = row;
    }
}

static gboolean
reported (CareplanOutput *self, CpObligationStatus s)
{
  if (self->format == CAREPLAN_FORMAT_ICS)
    return s == CP_OBLIGATION_STATUS_UPCOMING || s == CP_OBLIGATION_STATUS_DUE_SOON;
  return self->all || s == CP_OBLIGATION_STATUS_OVERDUE || s == CP_OBLIGATION_STATUS_DUE_SOON ||
         s == CP_OBLIGATION_STATUS_NOT_ENOUGH_HISTORY;
}

static const char *
nick (CareplanOutput *self, CpObligationStatus s)
{
  return (guint) s < N_STATUSES ? self->nicks[s] : "?";
}

/* YYYY-MM-DD of julian day @j, or NULL for none (0). */
static const char *
iso_or_null (guint32 j, char buf[16])
{
  return j != 0 ? cp_engine_iso (j, buf) : NULL;
}

static void csv_field (GString *out, const char *value, gboolean last);

static void
rule_text_free (gpointer data)
{
  RuleText *t = data;

  g_free (t->key);
  g_free (t->tail);
  g_free (t);
}

/* @rule's fields as the format writes them: for text the key, and
 * " [ID]\n      cites: CITATION\n"; for JSON ,"key":"…" and
 * ,"rule_id":"…","citation":"…"; for CSV "KEY," and "ID,CITATION,". */
static const RuleText *
rule_text (CareplanOutput *self, CpRule *rule)
{
  RuleMemo *memo = &self->rule_memo[((guintptr) rule / sizeof (gpointer)) % RULE_MEMO];
  RuleText *t;
  g_autoptr(GString) key = NULL, tail = NULL;

  if (memo->rule == rule)
    return memo->text;
  t = g_hash_table_lookup (self->rule_texts, rule);
  if (t != NULL)
    {
      /* The table holds a reference to the rule, so the address stays its own. */
      *memo = (RuleMemo) { rule, t };
      return t;
    }
  key = g_string_new (NULL);
  tail = g_string_new (NULL);
  switch (self->format)
    {
    case CAREPLAN_FORMAT_JSON:
      g_string_append (key, ",\"key\":");
      careplan_json_append_string (key, cp_rule_get_key (rule));
      g_string_append (tail, ",\"rule_id\":");
      careplan_json_append_string (tail, cp_rule_get_id (rule));
      g_string_append (tail, ",\"citation\":");
      careplan_json_append_string (tail, cp_rule_get_citation (rule));
      break;
    case CAREPLAN_FORMAT_CSV:
      csv_field (key, cp_rule_get_key (rule), FALSE);
      csv_field (tail, cp_rule_get_id (rule), FALSE);
      csv_field (tail, cp_rule_get_citation (rule), FALSE);
      break;
    case CAREPLAN_FORMAT_TEXT:
    case CAREPLAN_FORMAT_ICS:
    default:
      g_string_append (key, cp_rule_get_key (rule));
      cp_text_append (tail, " [%s]\n      cites: %s\n", cp_rule_get_id (rule), cp_rule_get_citation (rule));
      break;
    }
  t = g_new (RuleText, 1);
  t->key_len = key->len;
  t->tail_len = tail->len;
  t->key = g_string_free (g_steal_pointer (&key), FALSE);
  t->tail = g_string_free (g_steal_pointer (&tail), FALSE);
  g_hash_table_insert (self->rule_texts, g_object_ref (rule), t);
  *memo = (RuleMemo) { rule, t };
  return t;
}

/* Text ---------------------------------------------------------------------- */

static void
write_text (CareplanOutput *self, GString *out, const char *where, const char *record)
{
  if (self->rows->len == 0)
    return;
  cp_text_put (out, where);
  if (record != NULL && *record != '\0')
    {
      /* Escaped as a message's values are: an id from the data can
       * neither forge a line of the report nor drive a terminal. */
      g_autofree char *safe = cp_escape_value (record);

      cp_text_put (out, "  record ");
      cp_text_put (out, safe);
    }
  g_string_append_c (out, '\n');
  for (guint i = 0; i < self->rows->len; i++)
    {
      const CpObligationData *d = g_array_index (self->rows, Row, i).d;
      const RuleText *rt = rule_text (self, d->rule);
      const char *status = nick (self, d->status);
      gsize width = strlen (status);
      char buf[16];

      cp_text_put (out, "  ");
      cp_text_put_len (out, status, width);
      /* Padded to 19, and a space. */
      cp_text_put_len (out, "                    ", width < 19 ? 20 - width : 1);
      cp_text_put (out, d->due != 0 ? cp_engine_iso (d->due, buf) : "no due date");
      if (d->due != 0 && d->status == CP_OBLIGATION_STATUS_OVERDUE)
        {
          cp_text_put (out, " (");
          cp_text_put_int (out, (int) (self->today - d->due));
          cp_text_put (out, self->today - d->due == 1 ? " day late)" : " days late)");
        }
      else if (d->due != 0 && d->status == CP_OBLIGATION_STATUS_DUE_SOON && d->due == self->today)
        cp_text_put (out, " (today)");
      else if (d->due != 0 && d->status == CP_OBLIGATION_STATUS_DUE_SOON)
        {
          cp_text_put (out, " (in ");
          cp_text_put_int (out, (int) (d->due - self->today));
          cp_text_put (out, d->due - self->today == 1 ? " day)" : " days)");
        }
      cp_text_put (out, "  ");
      cp_text_put (out, d->subject);
      cp_text_put (out, ": ");
      cp_text_put_len (out, rt->key, rt->key_len);
      cp_text_put_len (out, rt->tail, rt->tail_len);
      if (self->all)
        {
          /* Text as it is: written in place. */
          cp_text_put (out, "      how:   ");
          cp_obligation_data_append_explanation (d, out);
          g_string_append_c (out, '\n');
        }
    }
}

/* JSON ---------------------------------------------------------------------- */

/* How json-glib's generator escapes byte @ch: \" and \\, \b \f \n \r \t,
 * \u00XX for the other bytes from 0x01 to 0x1e and for 0x7f; NULL for
 * every other byte (0x1f and UTF-8 included), written as it is. */
static const char *
json_escape (guchar ch, char u[8])
{
  switch (ch)
    {
    case '"': return "\\\"";
    case '\\': return "\\\\";
    case '\b': return "\\b";
    case '\f': return "\\f";
    case '\n': return "\\n";
    case '\r': return "\\r";
    case '\t': return "\\t";
    default:
      if ((ch >= 0x01 && ch < 0x1f) || ch == 0x7f)
        {
          memcpy (u, "\\u00", 4);
          u[4] = "0123456789abcdef"[ch >> 4];
          u[5] = "0123456789abcdef"[ch & 0xf];
          u[6] = '\0';
          return u;
        }
      return NULL;
    }
}

#define ONES G_GUINT64_CONSTANT (0x0101010101010101)
#define HIGHS G_GUINT64_CONSTANT (0x8080808080808080)

/* Whether none of the eight bytes of @w can need escaping: none is below
 * 0x20, '"', '\\' or 0x7f (the word-at-a-time tests of "Bit Twiddling
 * Hacks"). Most text needs none, and this is a few instructions for eight
 * bytes where testing them one by one is dozens. */
static inline gboolean
plain8 (guint64 w)
{
  guint64 below = (w - ONES * 0x20) & ~w & HIGHS;
  guint64 quote = ((w ^ (ONES * '"')) - ONES) & ~(w ^ (ONES * '"')) & HIGHS;
  guint64 backslash = ((w ^ (ONES * '\\')) - ONES) & ~(w ^ (ONES * '\\')) & HIGHS;
  guint64 del = ((w ^ (ONES * 0x7f)) - ONES) & ~(w ^ (ONES * 0x7f)) & HIGHS;

  return (below | quote | backslash | del) == 0;
}

#if defined(__GNUC__) || defined(__clang__)
/* Sixteen bytes at a time where the compiler has vector types (SSE2 on
 * x86-64, NEON on ARM): the same test as plain8(), a compare a kind. */
typedef guchar Bytes16 __attribute__ ((vector_size (16)));
typedef guint64 Words16 __attribute__ ((vector_size (16)));

static inline gboolean
plain16 (const char *p)
{
  Bytes16 v;
  Words16 bad;

  memcpy (&v, p, sizeof v);
  bad = (Words16) ((v < 0x20) | (v == '"') | (v == '\\') | (v == 0x7f));
  return (bad[0] | bad[1]) == 0;
}
# define HAVE_PLAIN16 1
#endif

/* Whether none of @len bytes of @s needs escaping (FALSE may also mean
 * that it could not tell, for fewer than eight bytes): tested whole, the
 * last bytes as one (overlapping) word. Most strings need nothing. */
static gboolean
json_plain (const char *s, gsize len)
{
#ifdef HAVE_PLAIN16
  if (len >= 16)
    {
      for (gsize j = 0; j + 16 <= len; j += 16)
        if (!plain16 (s + j))
          return FALSE;
      return plain16 (s + len - 16);
    }
#endif
  if (len >= 8)
    {
      guint64 first, last;

      memcpy (&first, s, 8);
      memcpy (&last, s + len - 8, 8);
      return plain8 (first) && plain8 (last);
    }
  return FALSE;
}

void
careplan_json_append_string (GString *out, const char *s)
{
  careplan_json_append_string_len (out, s, strlen (s));
}

/* The same for @len bytes of @s (no NUL among them). */
void
careplan_json_append_string_len (GString *out, const char *s, gsize len)
{
  gsize i = 0, run = 0;

  if (json_plain (s, len))
    {
      g_string_append_c (out, '"');
      cp_text_put_len (out, s, len);
      g_string_append_c (out, '"');
      return;
    }

  g_string_append_c (out, '"');
  while (i < len)
    {
      gsize stop = MIN (i + 8, len);
      guint64 w;

#ifdef HAVE_PLAIN16
      if (i + 16 <= len && plain16 (s + i))
        {
          i += 16;
          continue;
        }
#endif

      if (stop == i + 8)
        {
          memcpy (&w, s + i, 8);
          if (plain8 (w))
            {
              i = stop;
              continue;
            }
        }
      for (; i < stop; i++)
        {
          char u[8];
          const char *esc = json_escape ((guchar) s[i], u);

          if (esc == NULL)
            continue;
          cp_text_put_len (out, s + run, i - run);
          cp_text_put (out, esc);
          run = i + 1;
        }
    }
  cp_text_put_len (out, s + run, len - run);
  g_string_append_c (out, '"');
}

/* @lead (the member's name, quoted, and its colon), then @value or null. */
static inline void
json_member (GString *out, const char *lead, const char *value)
{
  cp_text_put (out, lead);
  if (value != NULL)
    careplan_json_append_string (out, value);
  else
    cp_text_put (out, "null");
}

/* The same for a value that never needs escaping: a status's nick, a
 * date in ISO 8601. */
static inline void
json_member_plain (GString *out, const char *lead, const char *value)
{
  cp_text_put (out, lead);
  if (value != NULL)
    {
      g_string_append_c (out, '"');
      cp_text_put (out, value);
      g_string_append_c (out, '"');
    }
  else
    cp_text_put (out, "null");
}

/* One case as json-glib wrote it, compact:
 * {"source":…,"record_id":…,"obligations":[…]} */
static void
write_json (CareplanOutput *self, GString *out, const char *where, const char *record)
{
  GString *how = self->scratch;

  json_member (out, "{\"source\":", where);
  json_member (out, ",\"record_id\":", record);
  cp_text_put (out, ",\"obligations\":[");
  for (guint i = 0; i < self->rows->len; i++)
    {
      const CpObligationData *d = g_array_index (self->rows, Row, i).d;
      const RuleText *rt = rule_text (self, d->rule);
      char due[16], met[16];

      cp_text_put (out, i == 0 ? "{" : ",{");
      json_member_plain (out, "\"status\":", nick (self, d->status));
      json_member_plain (out, ",\"due\":", iso_or_null (d->due, due));
      json_member_plain (out, ",\"met_on\":", iso_or_null (d->met, met));
      cp_text_put_len (out, rt->key, rt->key_len);
      json_member (out, ",\"subject\":", d->subject);
      if (d->review > 0)
        {
          cp_text_put (out, ",\"review\":");
          cp_text_put_int (out, d->review);
        }
      cp_text_put_len (out, rt->tail, rt->tail_len);
      /* The explanation is written in place, then escaped only in the rare
       * case it needs it. */
      {
        gsize at;

        cp_text_put (out, ",\"explanation\":\"");
        at = out->len;
        cp_obligation_data_append_explanation (d, out);
        if (!json_plain (out->str + at, out->len - at))
          {
            g_string_truncate (how, 0);
            cp_text_put_len (how, out->str + at, out->len - at);
            g_string_truncate (out, at - 1);
            careplan_json_append_string_len (out, how->str, how->len);
          }
        else
          g_string_append_c (out, '"');
      }
      g_string_append_c (out, '}');
    }
  cp_text_put (out, "]}");
}

/* CSV (RFC 4180) ------------------------------------------------------------ */

static void
csv_field (GString *out, const char *value, gboolean last)
{
  const char *v = value ? value : "";

  if (strpbrk (v, ",\"\r\n") != NULL)
    {
      const char *run = v, *q;

      g_string_append_c (out, '"');
      while ((q = strchr (run, '"')) != NULL)
        {
          cp_text_put_len (out, run, q + 1 - run);
          g_string_append_c (out, '"');
          run = q + 1;
        }
      cp_text_put (out, run);
      g_string_append_c (out, '"');
    }
  else
    cp_text_put (out, v);
  cp_text_put (out, last ? "\r\n" : ",");
}

static void
write_csv (CareplanOutput *self, GString *out, const char *where, const char *record)
{
  GString *how = self->scratch;
  g_autoptr(GString) lead = g_string_sized_new (64);

  /* The case's own fields, the same on each of its rows: quoted once. */
  csv_field (lead, where, FALSE);
  csv_field (lead, record, FALSE);
  for (guint i = 0; i < self->rows->len; i++)
    {
      const CpObligationData *d = g_array_index (self->rows, Row, i).d;
      const RuleText *rt = rule_text (self, d->rule);
      char due[16], met[16];

      cp_text_put_len (out, lead->str, lead->len);
      /* A status's nick and a date never need quoting. */
      cp_text_put (out, nick (self, d->status));
      cp_text_put (out, ",");
      if (d->due != 0)
        cp_text_put (out, cp_engine_iso (d->due, due));
      cp_text_put (out, ",");
      if (d->met != 0)
        cp_text_put (out, cp_engine_iso (d->met, met));
      cp_text_put (out, ",");
      cp_text_put_len (out, rt->key, rt->key_len);
      csv_field (out, d->subject, FALSE);
      /* A number never needs quoting. */
      if (d->review > 0)
        cp_text_put_int (out, d->review);
      cp_text_put (out, ",");
      cp_text_put_len (out, rt->tail, rt->tail_len);
      /* The explanation is written in place, then quoted only in the rare
       * case it needs it. */
      {
        gsize at = out->len;

        cp_obligation_data_append_explanation (d, out);
        if (strpbrk (out->str + at, ",\"\r\n") != NULL)
          {
            g_string_truncate (how, 0);
            cp_text_put_len (how, out->str + at, out->len - at);
            g_string_truncate (out, at);
            csv_field (out, how->str, TRUE);
          }
        else
          cp_text_put (out, "\r\n");
      }
    }
}

/* Record ids ---------------------------------------------------------------- */

struct _CareplanPseudonymiser {
  CareplanHmac hmac;   /* keyed, nothing hashed yet */
};

CareplanPseudonymiser *
careplan_pseudonymiser_new_for_file (const char *path, GError **error)
{
  g_autofree char *key = NULL;
  gsize len = 0;
  CareplanPseudonymiser *self;

  if (!g_file_get_contents (path, &key, &len, error))
    return NULL;
  if (len < CAREPLAN_PSEUDONYM_KEY_MIN)
    {
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_INVAL,
                   "%s: a pseudonymisation key needs at least %d bytes (it holds %" G_GSIZE_FORMAT ")",
                   path, CAREPLAN_PSEUDONYM_KEY_MIN, len);
      return NULL;
    }
  self = g_new0 (CareplanPseudonymiser, 1);
  careplan_hmac_init (&self->hmac, (const guchar *) key, len);
  return self;
}

void
careplan_pseudonymiser_free (CareplanPseudonymiser *self)
{
  if (self == NULL)
    return;
  careplan_hmac_clear (&self->hmac);
  g_free (self);
}

const char *
careplan_record_id (CareplanPseudonymiser *self, const char *id, char buf[CAREPLAN_PSEUDONYM_LEN + 1])
{
  CareplanHmacRun hmac;

  if (self == NULL || id == NULL)
    return id;
  careplan_hmac_begin (&self->hmac, &hmac);
  careplan_hmac_update (&hmac, id, strlen (id));
  careplan_hmac_finish_hex (&hmac, buf, CAREPLAN_PSEUDONYM_LEN);
  buf[CAREPLAN_PSEUDONYM_LEN] = '\0';
  return buf;
}

/* The writer ---------------------------------------------------------------- */

CareplanOutput *
careplan_output_new (CareplanFormat format, gboolean all, CpPolicy *policy, const GDate *date,
                     GBytes *uid_key)
{
  CareplanOutput *self = g_new0 (CareplanOutput, 1);
  g_autoptr(GEnumClass) statuses = g_type_class_ref (CP_TYPE_OBLIGATION_STATUS);

  self->format = format;
  self->all = all;
  self->policy = g_object_ref (policy);
  self->date = g_date_copy (date);
  self->today = g_date_get_julian (date);
  self->uid_key = uid_key != NULL ? g_bytes_ref (uid_key) : NULL;
  for (guint s = 0; s < N_STATUSES; s++)
    {
      GEnumValue *v = g_enum_get_value (statuses, (int) s);
      self->nicks[s] = v ? v->value_nick : "?";
    }
  if (format == CAREPLAN_FORMAT_ICS)
    {
      CareplanIcsOptions options;

      /* A bad SOURCE_DATE_EPOCH leaves the time now; the command reports
       * it when it sets the options. */
      (void) careplan_ics_options_init (&options, NULL);
      self->ics_options = options;
      self->ics = careplan_ics_new (policy, date, uid_key, &options);
    }
  self->rule_texts = g_hash_table_new_full (g_direct_hash, g_direct_equal, g_object_unref, rule_text_free);
  self->rows = g_array_new (FALSE, FALSE, sizeof (Row));
  self->scratch = g_string_sized_new (256);
  self->first_case = TRUE;
  return self;
}

void
careplan_output_set_pseudonymiser (CareplanOutput *self, CareplanPseudonymiser *pseudonymiser)
{
  self->pseudonymiser = pseudonymiser;
}

void
careplan_output_set_excel (CareplanOutput *self, gboolean excel)
{
  self->excel = excel;
}

void
careplan_output_free (CareplanOutput *self)
{
  if (self == NULL)
    return;
  g_object_unref (self->policy);
  g_date_free (self->date);
  g_clear_pointer (&self->uid_key, g_bytes_unref);
  g_clear_pointer (&self->ics, careplan_ics_free);
  g_hash_table_unref (self->rule_texts);
  g_array_unref (self->rows);
  g_string_free (self->scratch, TRUE);
  g_free (self);
}

void
careplan_output_set_ics_options (CareplanOutput *self, GBytes *uid_key, const CareplanIcsOptions *options)
{
  g_return_if_fail (self->format == CAREPLAN_FORMAT_ICS);
  g_clear_pointer (&self->ics, careplan_ics_free);
  if (uid_key != NULL)
    g_bytes_ref (uid_key);
  g_clear_pointer (&self->uid_key, g_bytes_unref);
  self->uid_key = uid_key;
  self->ics_options = *options;
  self->ics = careplan_ics_new (self->policy, self->date, uid_key, options);
}

const CareplanTotals *
careplan_output_get_totals (CareplanOutput *self)
{
  return &self->totals;
}

/* The duties whose records the source holds: a case in the library's
 * format holds them all, a 903 return only reviews, and the SSD the
 * reviews held, visits, health and dental checks and the care plan
 * (docs/ssd.md). */
gboolean
careplan_source_judges (int source, CpDuty duty)
{
  switch (source)
    {
    case CAREPLAN_SOURCE_SSDA903:
      return duty == CP_DUTY_REVIEW;
    case CAREPLAN_SOURCE_SSDA903_NO_REVIEWS:
      return FALSE;
    case CAREPLAN_SOURCE_SSD:
      return duty == CP_DUTY_REVIEW || duty == CP_DUTY_VISIT || duty == CP_DUTY_HEALTH_ASSESSMENT ||
             duty == CP_DUTY_DENTAL_CHECK || duty == CP_DUTY_CARE_PLAN;
    default:
      return TRUE;
    }
}

void
careplan_output_case (CareplanOutput *self, GString *out, const CpEvaluated *ev, CpCase *kase,
                      const char *where, int source)
{
  /* The obligations' plain data: an object, and an explanation, for every
   * one would cost more than writing it. */
  guint n = ev->n_obligations, n_rows = 0;
  const CpObligationData *data = ev->obligations;
  /* A caseload's own cases judge every duty (the duty is then not looked up). */
  gboolean every_duty = source != CAREPLAN_SOURCE_SSDA903 && source != CAREPLAN_SOURCE_SSDA903_NO_REVIEWS &&
                        source != CAREPLAN_SOURCE_SSD;
  CareplanTotals *t = &self->totals;
  Row *rows;
  char pseudonym[CAREPLAN_PSEUDONYM_LEN + 1];
  const char *record;
  guint32 run_today;

  t->cases++;
  g_array_set_size (self->rows, n);
  rows = (Row *) (gpointer) self->rows->data;
  for (guint i = 0; i < n; i++)
    {
      const CpObligationData *d = &data[i];
      CpObligationStatus s = d->status;

      if (!every_duty && !careplan_source_judges (source, cp_rule_get_duty (d->rule)))
        continue;
      t->overdue += s == CP_OBLIGATION_STATUS_OVERDUE;
      t->due_soon += s == CP_OBLIGATION_STATUS_DUE_SOON;
      t->met_late += s == CP_OBLIGATION_STATUS_MET_LATE;
      t->unknown += s == CP_OBLIGATION_STATUS_NOT_ENOUGH_HISTORY;
      if (reported (self, s))
        rows[n_rows++] = (Row) { d, row_order (d) };
    }
  g_array_set_size (self->rows, n_rows);
  sort_rows (self->rows);

  record = careplan_record_id (self->pseudonymiser, cp_child_get_id (cp_case_get_child (kase)), pseudonym);
  /* "N days late" from the day the case was evaluated: each child of a
   * stacked 903 extract is as at its own return's end (careplan-cases.c). */
  run_today = self->today;
  self->today = cp_engine_julian (ev->date);
  /* JSON: the cases are a list. */
  if (self->format == CAREPLAN_FORMAT_JSON && !self->pieces)
    cp_text_put (out, self->first_case ? "    " : ",\n    ");
  switch (self->format)
    {
    case CAREPLAN_FORMAT_TEXT: write_text (self, out, where, record); break;
    case CAREPLAN_FORMAT_JSON: write_json (self, out, where, record); break;
    case CAREPLAN_FORMAT_CSV: write_csv (self, out, where, record); break;
    case CAREPLAN_FORMAT_ICS: t->events += careplan_ics_case (self->ics, out, ev, kase, source, record); break;
    default: g_assert_not_reached ();
    }
  self->today = run_today;
  self->first_case = FALSE;
}

/* A writer of @self's format and options for the cases of one thread:
 * careplan_output_case() writes each case as a piece that
 * careplan_output_join() then puts in place in @self's output, in input
 * order; careplan_output_add_totals() counts its cases in @self's. It
 * shares nothing that changes with @self or with the others like it
 * (rules' texts, rows and working text are its own). */
CareplanOutput *
careplan_output_new_like (CareplanOutput *self)
{
  CareplanOutput *like = careplan_output_new (self->format, self->all, self->policy, self->date, self->uid_key);

  if (self->format == CAREPLAN_FORMAT_ICS)
    careplan_output_set_ics_options (like, self->uid_key, &self->ics_options);
  like->pseudonymiser = self->pseudonymiser;
  like->excel = self->excel;
  like->pieces = TRUE;
  return like;
}

/* @piece, one case that a writer from careplan_output_new_like() wrote,
 * in its place in @out: the bytes careplan_output_case() would have
 * written there itself. */
void
careplan_output_join (CareplanOutput *self, GString *out, const GString *piece)
{
  if (self->format == CAREPLAN_FORMAT_JSON)
    cp_text_put (out, self->first_case ? "    " : ",\n    ");
  cp_text_put_len (out, piece->str, piece->len);
  self->first_case = FALSE;
}

/* Counts @other's cases (a writer from careplan_output_new_like()) in
 * @self's totals. */
void
careplan_output_add_totals (CareplanOutput *self, CareplanOutput *other)
{
  CareplanTotals *t = &self->totals;
  const CareplanTotals *o = &other->totals;

  t->cases += o->cases;
  t->overdue += o->overdue;
  t->due_soon += o->due_soon;
  t->met_late += o->met_late;
  t->unknown += o->unknown;
  t->events += o->events;
}

void
careplan_output_begin (CareplanOutput *self, GString *out)
{
  char when[16];

  cp_engine_iso (self->today, when);
  switch (self->format)
    {
    case CAREPLAN_FORMAT_JSON:
      cp_text_append (out, "{\n  \"policy\": \"%s\",\n  \"as_at\": \"%s\",\n  \"cases\": [\n",
                      cp_policy_get_name (self->policy), when);
      break;
    case CAREPLAN_FORMAT_CSV:
      if (self->excel)
        cp_text_put (out, CAREPLAN_UTF8_BOM);
      cp_text_put (out, "source,record_id,status,due,met_on,key,subject,review,rule_id,citation,explanation\r\n");
      break;
    case CAREPLAN_FORMAT_ICS:
      careplan_ics_begin (self->ics, out, NULL);
      break;
    case CAREPLAN_FORMAT_TEXT:
    default:
      break;
    }
}

void
careplan_output_end (CareplanOutput *self, GString *out, gboolean unreadable, guint n_unreadable)
{
  const CareplanTotals *t = &self->totals;
  char when[16];

  cp_engine_iso (self->today, when);
  switch (self->format)
    {
    case CAREPLAN_FORMAT_JSON:
      cp_text_append (out,
                      "%s  ],\n  \"totals\": { \"cases\": %u, \"overdue\": %u, \"due_soon\": %u, "
                      "\"met_late\": %u, \"not_enough_history\": %u, \"unreadable\": %s, "
                      "\"unreadable_cases\": %u }\n}\n",
                      self->first_case ? "" : "\n", t->cases, t->overdue, t->due_soon, t->met_late,
                      t->unknown, unreadable ? "true" : "false", n_unreadable);
      break;
    case CAREPLAN_FORMAT_ICS:
      careplan_ics_end (self->ics, out);
      break;
    case CAREPLAN_FORMAT_TEXT:
      cp_text_append (out,
                      "%u cases under %s as at %s: %u overdue, %u due soon, %u met late, "
                      "%u not enough history",
                      t->cases, cp_policy_get_name (self->policy), when, t->overdue, t->due_soon,
                      t->met_late, t->unknown);
      /* A file that could not be opened has no count of its cases. */
      if (n_unreadable > 0)
        cp_text_append (out, "; %u %s not be read", n_unreadable,
                        n_unreadable == 1 ? "case could" : "cases could");
      else if (unreadable)
        cp_text_put (out, "; some cases could not be read");
      g_string_append_c (out, '\n');
      break;
    case CAREPLAN_FORMAT_CSV:
    default:
      break;
    }
}
