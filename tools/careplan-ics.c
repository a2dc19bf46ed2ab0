/* careplan-ics.c: the iCalendar (RFC 5545) deadlines
 *
 * One all-day event a deadline still to come, for Outlook or any calendar
 * (docs/calendar.md). A calendar updates an event it already holds when a
 * new file gives the same UID with a higher SEQUENCE, so:
 *  - the UID is a keyed hash of the child's id, the rule's key and the
 *    subject: the same from one export to the next, and no one without
 *    the key can test identifiers against it;
 *  - an open deadline is SEQUENCE 0; once the duty is met or no longer
 *    applies, it is written again with STATUS:CANCELLED and SEQUENCE 1,
 *    so re-importing withdraws it instead of leaving it behind.
 * The child's record id is in SUMMARY only (the authority's own staff
 * read it there), unless the options leave it out; never in the UID.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include "careplan-commands.h"
#include "careplan-hmac.h"
#include "careplan-ics.h"
#include "cp-engine-private.h"
#include "cp-obligation-list-private.h"
#include "cp-record-private.h"
#include "cp-text-private.h"

struct _CareplanIcs {
  CpPolicy *policy;
  guint32 today;
  CareplanIcsOptions options;
  CareplanHmac uid_hmac;    /* keyed, nothing hashed yet */
  char stamp[17];           /* DTSTAMP: YYYYMMDDTHHMMSSZ */
  char today_iso[16];
  GArray *rows;             /* const CpObligationData *, reused */
  GString *text, *line;     /* working text, reused */
};

gboolean
careplan_ics_options_init (CareplanIcsOptions  *options,
                           GError             **error)
{
  const char *epoch = g_getenv ("SOURCE_DATE_EPOCH");

  options->remind_days = 5;
  options->record_id = TRUE;
  options->withdraw_days = 31;
  options->stamp = g_get_real_time () / G_USEC_PER_SEC;
  if (epoch != NULL)
    {
      char *end = NULL;
      gint64 v;

      errno = 0;
      v = g_ascii_strtoll (epoch, &end, 10);
      /* Up to 9999-12-31T23:59:59Z, the last time DTSTAMP can write. */
      if (*epoch == '\0' || *end != '\0' || errno != 0 || v < 0 || v > G_GINT64_CONSTANT (253402300799))
        {
          g_set_error (error, CP_ERROR, CP_ERROR_INVALID_VALUE,
                       "SOURCE_DATE_EPOCH: “%s” is not a number of seconds since 1970", epoch);
          return FALSE;
        }
      options->stamp = v;
    }
  return TRUE;
}

/* The UID key ----------------------------------------------------------------- */

#define UID_KEY_BYTES 32

static char *
default_uid_key_path (void)
{
  return g_build_filename (g_get_user_config_dir (), "careplan", "calendar-uid.key", NULL);
}

/* Random bytes from the kernel, as hex: GLib's g_random is not meant for
 * secrets. */
static char *
new_uid_key (GError **error)
{
  guint8 raw[UID_KEY_BYTES];
  gsize got = 0;
  int fd = open ("/dev/urandom", O_RDONLY | O_CLOEXEC);
  GString *hex;

  while (fd >= 0 && got < sizeof raw)
    {
      ssize_t n = read (fd, raw + got, sizeof raw - got);
      if (n <= 0)
        break;
      got += (gsize) n;
    }
  if (fd >= 0)
    close (fd);
  if (got < sizeof raw)
    {
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_IO, "/dev/urandom: cannot read random bytes");
      return NULL;
    }
  hex = g_string_new (NULL);
  for (gsize i = 0; i < sizeof raw; i++)
    g_string_append_printf (hex, "%02x", raw[i]);
  g_string_append_c (hex, '\n');
  return g_string_free (hex, FALSE);
}

/* The key in @path, made (0600, in a 0700 directory) if there is none. */
static GBytes *
load_uid_key (const char *path, GError **error)
{
  g_autofree char *text = NULL;
  gsize len = 0;

  if (!g_file_test (path, G_FILE_TEST_EXISTS))
    {
      g_autofree char *dir = g_path_get_dirname (path);

      text = new_uid_key (error);
      if (text == NULL)
        return NULL;
      if (g_mkdir_with_parents (dir, 0700) != 0)
        {
          g_set_error (error, G_FILE_ERROR, g_file_error_from_errno (errno), "%s: %s", dir, g_strerror (errno));
          return NULL;
        }
      if (!cp_file_replace_contents (path, text, -1, CP_FILE_MODE_PRIVATE, error))
        return NULL;
    }
  g_clear_pointer (&text, g_free);
  if (!g_file_get_contents (path, &text, &len, error))
    return NULL;
  g_strstrip (text);
  len = strlen (text);
  if (len < 32)
    {
      g_set_error (error, G_FILE_ERROR, G_FILE_ERROR_INVAL,
                   "%s: a UID key needs at least 32 characters (a new key file holds 64 random hex digits)",
                   path);
      return NULL;
    }
  return g_bytes_new_take (g_steal_pointer (&text), len);
}

GBytes *
careplan_ics_setup (const char         *command,
                    const char         *uid_key_path,
                    int                 remind_days,
                    gboolean            no_record_id,
                    CareplanIcsOptions *options)
{
  g_autoptr(GError) error = NULL;
  g_autofree char *path = uid_key_path ? g_strdup (uid_key_path) : default_uid_key_path ();
  GBytes *key;

  if (!careplan_ics_options_init (options, &error))
    {
      fprintf (stderr, "careplan %s: %s\n", command, error->message);
      return NULL;
    }
  if (remind_days < -1 || remind_days > 366)
    {
      fprintf (stderr, "careplan %s: --remind-days: %d is not a number of days from 0 to 366\n",
               command, remind_days);
      return NULL;
    }
  if (remind_days >= 0)
    options->remind_days = (guint) remind_days;
  options->record_id = !no_record_id;
  key = load_uid_key (path, &error);
  if (key == NULL)
    fprintf (stderr, "careplan %s: --uid-key: %s\n", command, error->message);
  return key;
}

/* How many of the @n octets at @s are ASCII, from the first: eight at a
 * time while they are. */
static gsize
ascii_run (const char *s, gsize n)
{
  gsize i = 0;

  for (; i + 8 <= n; i += 8)
    {
      guint64 w;

      memcpy (&w, s + i, 8);
      if (w & G_GUINT64_CONSTANT (0x8080808080808080))
        break;
    }
  while (i < n && (guchar) s[i] < 0x80)
    i++;
  return i;
}

/* Appends "NAME:value", escaped as TEXT when @escape (\\ \; \, and \n; a
 * CR dropped), folded at 75 octets, never inside a UTF-8 sequence. */
static void
ics_line (CareplanIcs *self, GString *out, const char *name, const char *value, gboolean escape)
{
  GString *line = self->line;
  const char *p = value;
  gsize col = 0, start = 0, i = 0;

  g_string_assign (line, name);
  g_string_append_c (line, ':');
  for (;;)
    {
      gsize n = strcspn (p, escape ? "\\;,\n\r" : "\r");

      cp_text_put_len (line, p, n);
      p += n;
      if (*p == '\0')
        break;
      if (*p == '\n')
        g_string_append (line, "\\n");
      else if (*p != '\r')
        {
          g_string_append_c (line, '\\');
          g_string_append_c (line, *p);
        }
      p++;
    }
  while (i < line->len)
    {
      guchar ch = (guchar) line->str[i];
      gsize len;

      /* A run of ASCII (an octet a character) goes in as far as it fits,
       * looked at no further than that; any other character goes in whole
       * or on the next line. */
      if (ch < 0x80 && col < 75)
        len = ascii_run (line->str + i, MIN (line->len - i, 75 - col));
      else
        {
          len = ch < 0x80 ? 1 : ch >= 0xf0 ? 4 : ch >= 0xe0 ? 3 : 2;
          if (col + len > 75)
            {
              cp_text_put_len (out, line->str + start, i - start);
              cp_text_put (out, "\r\n ");
              col = 1;
              start = i;
              continue;
            }
        }
      col += len;
      i += len;
    }
  cp_text_put_len (out, line->str + start, line->len - start);
  cp_text_put (out, "\r\n");
}

/* YYYYMMDD, from the engine's ISO text (kept for the dates it wrote last). */
static void
ics_date (char out[9], guint32 julian)
{
  char iso[16];
  const char *text = cp_engine_iso (julian, iso);

  if (strlen (text) != 10)
    {
      /* A year past 9999 (no calendar reaches it): as the text has it. */
      g_strlcpy (out, text, 9);
      return;
    }
  memcpy (out, text, 4);
  memcpy (out + 4, text + 5, 2);
  memcpy (out + 6, text + 8, 2);
  out[8] = '\0';
}

/* @s, or "(null)" as printf writes a NULL %s. */
static void
put_or_null (GString *text, const char *s)
{
  cp_text_put (text, s != NULL ? s : "(null)");
}

static void
ics_uid (CareplanIcs *self, GString *out, const char *id, const CpObligationData *d)
{
  CareplanHmacRun hmac;
  const char *key = cp_rule_get_key (d->rule);
  char hex[32];

  careplan_hmac_begin (&self->uid_hmac, &hmac);
  careplan_hmac_update (&hmac, id, strlen (id));
  careplan_hmac_update (&hmac, "\x1f", 1);
  careplan_hmac_update (&hmac, key, strlen (key));
  careplan_hmac_update (&hmac, "\x1f", 1);
  careplan_hmac_update (&hmac, d->subject, strlen (d->subject));
  careplan_hmac_finish_hex (&hmac, hex, sizeof hex);
  g_string_truncate (out, 0);
  cp_text_put_len (out, hex, sizeof hex);
  cp_text_put (out, "@careplan");
}

CareplanIcs *
careplan_ics_new (CpPolicy                 *policy,
                  const GDate              *date,
                  GBytes                   *uid_key,
                  const CareplanIcsOptions *options)
{
  CareplanIcs *self = g_new0 (CareplanIcs, 1);
  g_autoptr(GDateTime) stamp = g_date_time_new_from_unix_utc (options->stamp);
  g_autofree char *text = g_date_time_format (stamp, "%Y%m%dT%H%M%SZ");

  self->policy = g_object_ref (policy);
  self->today = g_date_get_julian (date);
  self->options = *options;
  careplan_hmac_init (&self->uid_hmac, g_bytes_get_data (uid_key, NULL), g_bytes_get_size (uid_key));
  g_strlcpy (self->stamp, text, sizeof self->stamp);
  cp_engine_iso (self->today, self->today_iso);
  self->rows = g_array_new (FALSE, FALSE, sizeof (const CpObligationData *));
  self->text = g_string_sized_new (256);
  self->line = g_string_sized_new (256);
  return self;
}

void
careplan_ics_free (CareplanIcs *self)
{
  if (self == NULL)
    return;
  g_object_unref (self->policy);
  careplan_hmac_clear (&self->uid_hmac);
  g_array_unref (self->rows);
  g_string_free (self->text, TRUE);
  g_string_free (self->line, TRUE);
  g_free (self);
}

void
careplan_ics_begin (CareplanIcs *self, GString *out, const char *group)
{
  cp_text_put (out, "BEGIN:VCALENDAR\r\nVERSION:2.0\r\n");
  ics_line (self, out, "PRODID", "-//libcareplan//careplan check//EN", FALSE);
  cp_text_put (out, "CALSCALE:GREGORIAN\r\nMETHOD:PUBLISH\r\n");
  g_string_truncate (self->text, 0);
  cp_text_append (self->text, "Care-planning deadlines (%s, from %s)",
                  cp_policy_get_name (self->policy), self->today_iso);
  if (group != NULL)
    cp_text_append (self->text, ": %s", group);
  ics_line (self, out, "X-WR-CALNAME", self->text->str, TRUE);
}

void
careplan_ics_end (CareplanIcs *self, GString *out)
{
  (void) self;
  cp_text_put (out, "END:VCALENDAR\r\n");
}

static const char *
nick (GType type, int value)
{
  const char *text = cp_enum_to_nick (type, value);

  return text ? text : "?";
}

static gboolean
is_open (CpObligationStatus s)
{
  return s == CP_OBLIGATION_STATUS_UPCOMING || s == CP_OBLIGATION_STATUS_DUE_SOON;
}

/* Met or no longer applicable, and due lately enough that an earlier
 * export may have shown it. */
static gboolean
is_withdrawn (CareplanIcs *self, const CpObligationData *d)
{
  if (d->status != CP_OBLIGATION_STATUS_MET_ON_TIME && d->status != CP_OBLIGATION_STATUS_MET_LATE &&
      d->status != CP_OBLIGATION_STATUS_NOT_APPLICABLE)
    return FALSE;
  return (gint64) d->due + self->options.withdraw_days >= (gint64) self->today;
}

static void
write_event (CareplanIcs *self, GString *out, const char *id, const char *record,
             const CpObligationData *d, gboolean open)
{
  GString *text = self->text;
  char start[9], end[9];

  cp_text_put (out, "BEGIN:VEVENT\r\n");
  ics_uid (self, text, id, d);
  ics_line (self, out, "UID", text->str, FALSE);
  ics_line (self, out, "DTSTAMP", self->stamp, FALSE);
  ics_line (self, out, "SEQUENCE", open ? "0" : "1", FALSE);
  ics_line (self, out, "STATUS", open ? "CONFIRMED" : "CANCELLED", FALSE);
  ics_date (start, d->due);
  ics_date (end, d->due + 1);
  ics_line (self, out, "DTSTART;VALUE=DATE", start, FALSE);
  ics_line (self, out, "DTEND;VALUE=DATE", end, FALSE);
  g_string_truncate (text, 0);
  /* Put piece by piece (an event a row): "DUTY: SUBJECT (KEY), child ID". */
  put_or_null (text, nick (CP_TYPE_DUTY, cp_rule_get_duty (d->rule)));
  cp_text_put (text, ": ");
  put_or_null (text, d->subject);
  cp_text_put (text, " (");
  put_or_null (text, cp_rule_get_key (d->rule));
  cp_text_put (text, ")");
  if (self->options.record_id)
    {
      cp_text_put (text, ", child ");
      put_or_null (text, record);
    }
  ics_line (self, out, "SUMMARY", text->str, TRUE);
  g_string_truncate (text, 0);
  put_or_null (text, cp_rule_get_statement (d->rule));
  cp_text_put (text, "\n");
  cp_obligation_data_append_explanation (d, text);
  cp_text_put (text, "\nRule ");
  put_or_null (text, cp_rule_get_id (d->rule));
  cp_text_put (text, " under ");
  put_or_null (text, cp_policy_get_name (self->policy));
  cp_text_put (text, ".\nCites: ");
  put_or_null (text, cp_rule_get_citation (d->rule));
  ics_line (self, out, "DESCRIPTION", text->str, TRUE);
  ics_line (self, out, "CATEGORIES", nick (CP_TYPE_OBLIGATION_STATUS, d->status), TRUE);
  ics_line (self, out, "TRANSP", "TRANSPARENT", FALSE);
  if (open && self->options.remind_days > 0)
    {
      char trigger[32];

      g_snprintf (trigger, sizeof trigger, "-P%uD", self->options.remind_days);
      cp_text_put (out, "BEGIN:VALARM\r\nACTION:DISPLAY\r\n");
      ics_line (self, out, "TRIGGER", trigger, FALSE);
      g_string_truncate (text, 0);
      cp_text_append (text, "Due in %u days: %s: %s", self->options.remind_days,
                      nick (CP_TYPE_DUTY, cp_rule_get_duty (d->rule)), d->subject);
      ics_line (self, out, "DESCRIPTION", text->str, TRUE);
      cp_text_put (out, "END:VALARM\r\n");
    }
  cp_text_put (out, "END:VEVENT\r\n");
}

guint
careplan_ics_case (CareplanIcs *self, GString *out, const CpEvaluated *ev, CpCase *kase, int source,
                   const char *record)
{
  const char *id = cp_child_get_id (cp_case_get_child (kase));
  const CpObligationData **r;
  guint n = ev->n_obligations, events = 0;

  g_array_set_size (self->rows, 0);
  for (guint i = 0; i < n; i++)
    {
      const CpObligationData *d = &ev->obligations[i];

      if (d->due == 0 || !careplan_source_judges (source, cp_rule_get_duty (d->rule)))
        continue;
      if (is_open (d->status) || is_withdrawn (self, d))
        g_array_append_val (self->rows, d);
    }
  /* Earliest first; a stable insertion sort keeps the engine's order
   * within a day (a case has a few dozen, mostly in order already). */
  r = (const CpObligationData **) (gpointer) self->rows->data;
  for (guint i = 1; i < self->rows->len; i++)
    {
      const CpObligationData *d = r[i];
      guint j = i;

      for (; j > 0 && r[j - 1]->due > d->due; j--)
        r[j] = r[j - 1];
      r[j] = d;
    }
  for (guint i = 0; i < self->rows->len; i++)
    {
      gboolean open = is_open (r[i]->status);

      write_event (self, out, id, record != NULL ? record : id, r[i], open);
      events += open;
    }
  return events;
}
