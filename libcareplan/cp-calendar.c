/* cp-calendar.c: working-day arithmetic over UK bank holidays
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include <json-glib/json-glib.h>

#include "cp-bank-holidays-private.h"
#include "cp-calendar-private.h"
#include "cp-date-private.h"
#include "cp-error-private.h"

/**
 * CpCalendar:
 *
 * The working-day calendar every deadline is computed on.
 *
 * A working day is a Monday to Friday that is neither a bank holiday of
 * the calendar's [enum@Region] nor a closure day added with
 * [method@Calendar.add_closure]. Bank holidays are computed for every
 * year from 1970 to 2100 (fixed days with their substitute days, the
 * Easter days, the May, spring and summer holidays, and the one-off and
 * moved days proclaimed since 1970). A year can be replaced by the
 * published list with [method@Calendar.load_bank_holidays_file], which
 * reads gov.uk's `bank-holidays.json`.
 *
 * ## Counting
 *
 * "Within N working days of D" means on or before the N-th working day
 * after D, where D itself is day 0 and does not count, whether or not it
 * is a working day. [method@Calendar.add_working_days] returns that day;
 * with a negative N it returns the N-th working day before D.
 * [method@Calendar.working_days_between] counts the working days in
 * (start, end] (in [end, start) backwards), so that adding the count to
 * start never passes end.
 *
 * ## Cost
 *
 * The calendar keeps an index of the running count of working days for
 * every day of its range (about 48,000 days, under 400 KiB). Working-day
 * arithmetic is then O(1) per call: two array look-ups, never a walk
 * over the days. The index is rebuilt, in well under a millisecond, when
 * holidays are loaded or closures added. Reading a calendar from several
 * threads at once is safe; changing it while others read is not.
 */
struct _CpCalendar
{
  GObject       parent_instance;

  CpRegion      region;

  /* year -> GArray of CpBankHoliday, from a loaded bank-holidays.json */
  GHashTable   *loaded_years;
  GStringChunk *titles;
  /* julian -> reason (owned by titles) */
  GHashTable   *closures;

  /* The index, over [first_julian, first_julian + n_days). */
  guint32       first_julian;
  guint32       n_days;
  GArray       *holidays;       /* CpBankHoliday, sorted, closures included */
  guint32      *count_through;  /* working days in [first, first + i] */
  guint32      *working_days;   /* julian of the k-th working day */
  guint32       n_working_days;
};

/* More months than the calendar spans: certainly out of range. */
#define CP_MAX_MONTHS ((CP_CALENDAR_LAST_YEAR - CP_CALENDAR_FIRST_YEAR + 1) * 12)

G_DEFINE_FINAL_TYPE (CpCalendar, cp_calendar, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_REGION,
  N_PROPS
};

enum {
  CHANGED,
  N_SIGNALS
};

static GParamSpec *properties[N_PROPS];
static guint signals[N_SIGNALS];

static GDate *
date_from_julian (guint32 julian)
{
  GDate *d = g_date_new ();
  g_date_set_julian (d, julian);
  return d;
}

static void
rebuild_index (CpCalendar *self)
{
  guint8 *off = g_new0 (guint8, self->n_days);
  GHashTableIter iter;
  gpointer key, value;
  guint32 count = 0;

  g_array_set_size (self->holidays, 0);

  for (int year = CP_CALENDAR_FIRST_YEAR; year <= CP_CALENDAR_LAST_YEAR; year++)
    {
      GArray *loaded = g_hash_table_lookup (self->loaded_years, GINT_TO_POINTER (year));

      if (loaded != NULL)
        g_array_append_vals (self->holidays, loaded->data, loaded->len);
      else
        cp_bank_holidays_compute (self->region, year, self->holidays);
    }

  g_hash_table_iter_init (&iter, self->closures);
  while (g_hash_table_iter_next (&iter, &key, &value))
    {
      CpBankHoliday h = { GPOINTER_TO_UINT (key), value, CP_HOLIDAY_KIND_CLOSURE };
      g_array_append_val (self->holidays, h);
    }

  g_array_sort (self->holidays, cp_bank_holiday_compare);

  for (guint i = 0; i < self->holidays->len; i++)
    {
      guint32 j = g_array_index (self->holidays, CpBankHoliday, i).julian;
      if (j >= self->first_julian && j - self->first_julian < self->n_days)
        off[j - self->first_julian] = 1;
    }

  /* 1970-01-01 (julian 719163) was a Thursday; julian 1 is a Monday. */
  for (guint32 i = 0; i < self->n_days; i++)
    {
      guint32 j = self->first_julian + i;
      gboolean weekend = ((j - 1) % 7) >= 5;

      if (!weekend && !off[i])
        {
          self->working_days[count] = j;
          count++;
        }
      self->count_through[i] = count;
    }
  self->n_working_days = count;

  g_free (off);
}

static void
cp_calendar_constructed (GObject *object)
{
  CpCalendar *self = (CpCalendar *) object;

  G_OBJECT_CLASS (cp_calendar_parent_class)->constructed (object);

  rebuild_index (self);
}

static void
cp_calendar_finalize (GObject *object)
{
  CpCalendar *self = (CpCalendar *) object;

  g_clear_pointer (&self->loaded_years, g_hash_table_unref);
  g_clear_pointer (&self->closures, g_hash_table_unref);
  g_clear_pointer (&self->titles, g_string_chunk_free);
  g_clear_pointer (&self->holidays, g_array_unref);
  g_clear_pointer (&self->count_through, g_free);
  g_clear_pointer (&self->working_days, g_free);

  G_OBJECT_CLASS (cp_calendar_parent_class)->finalize (object);
}

static void
cp_calendar_get_property (GObject    *object,
                          guint       prop_id,
                          GValue     *value,
                          GParamSpec *pspec)
{
  CpCalendar *self = CP_CALENDAR (object);

  switch (prop_id)
    {
    case PROP_REGION:
      g_value_set_enum (value, self->region);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cp_calendar_set_property (GObject      *object,
                          guint         prop_id,
                          const GValue *value,
                          GParamSpec   *pspec)
{
  CpCalendar *self = CP_CALENDAR (object);

  switch (prop_id)
    {
    case PROP_REGION:
      self->region = g_value_get_enum (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cp_calendar_class_init (CpCalendarClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->constructed = cp_calendar_constructed;
  object_class->finalize = cp_calendar_finalize;
  object_class->get_property = cp_calendar_get_property;
  object_class->set_property = cp_calendar_set_property;

  /**
   * CpCalendar:region:
   *
   * Whose bank holidays the calendar follows.
   */
  properties[PROP_REGION] =
    g_param_spec_enum ("region", NULL, NULL,
                       CP_TYPE_REGION, CP_REGION_ENGLAND_AND_WALES,
                       G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);

  /**
   * CpCalendar::changed:
   * @self: the calendar
   *
   * Emitted when the set of non-working days changes (bank holidays
   * loaded, a closure added), so that deadlines computed earlier can be
   * computed again.
   */
  signals[CHANGED] =
    g_signal_new ("changed",
                  G_TYPE_FROM_CLASS (klass),
                  G_SIGNAL_RUN_LAST,
                  0, NULL, NULL, NULL,
                  G_TYPE_NONE, 0);
}

static void
cp_calendar_init (CpCalendar *self)
{
  self->region = CP_REGION_ENGLAND_AND_WALES;
  self->loaded_years = g_hash_table_new_full (NULL, NULL, NULL,
                                              (GDestroyNotify) g_array_unref);
  self->closures = g_hash_table_new (NULL, NULL);
  self->titles = g_string_chunk_new (256);
  self->holidays = g_array_new (FALSE, FALSE, sizeof (CpBankHoliday));
  self->first_julian = cp_julian_from_dmy (CP_CALENDAR_FIRST_YEAR, 1, 1);
  self->n_days = cp_julian_from_dmy (CP_CALENDAR_LAST_YEAR, 12, 31) - self->first_julian + 1;
  self->count_through = g_new0 (guint32, self->n_days);
  self->working_days = g_new0 (guint32, self->n_days);
}

/**
 * cp_calendar_new:
 * @region: whose bank holidays to follow
 *
 * Creates a calendar with the computed bank holidays of @region and no
 * closure days.
 *
 * Returns: (transfer full): a new #CpCalendar
 */
CpCalendar *
cp_calendar_new (CpRegion region)
{
  g_return_val_if_fail (region <= CP_REGION_NORTHERN_IRELAND, NULL);

  return g_object_new (CP_TYPE_CALENDAR, "region", region, NULL);
}

/**
 * cp_calendar_get_region:
 * @self: a #CpCalendar
 *
 * Gets the [property@Calendar:region] property.
 *
 * Returns: whose bank holidays the calendar follows
 */
CpRegion
cp_calendar_get_region (CpCalendar *self)
{
  g_return_val_if_fail (CP_IS_CALENDAR (self), CP_REGION_ENGLAND_AND_WALES);
  return self->region;
}

/**
 * cp_calendar_dup_first_date:
 * @self: a #CpCalendar
 *
 * The first day the calendar can count working days on.
 *
 * Returns: (transfer full): the first day the calendar knows (1970-01-01)
 */
GDate *
cp_calendar_dup_first_date (CpCalendar *self)
{
  g_return_val_if_fail (CP_IS_CALENDAR (self), NULL);
  return date_from_julian (self->first_julian);
}

/**
 * cp_calendar_get_first_date:
 * @self: a #CpCalendar
 *
 * The first day the calendar can count working days on.
 *
 * Returns: (transfer full): the first day the calendar knows (1970-01-01)
 *
 * Deprecated: 0.1: Use [method@Calendar.dup_first_date], whose name says
 *   that it returns a new copy.
 */
GDate *
cp_calendar_get_first_date (CpCalendar *self)
{
  return cp_calendar_dup_first_date (self);
}

/**
 * cp_calendar_dup_last_date:
 * @self: a #CpCalendar
 *
 * The last day the calendar can count working days on.
 *
 * Returns: (transfer full): the last day the calendar knows (2100-12-31)
 */
GDate *
cp_calendar_dup_last_date (CpCalendar *self)
{
  g_return_val_if_fail (CP_IS_CALENDAR (self), NULL);
  return date_from_julian (self->first_julian + self->n_days - 1);
}

/**
 * cp_calendar_get_last_date:
 * @self: a #CpCalendar
 *
 * The last day the calendar can count working days on.
 *
 * Returns: (transfer full): the last day the calendar knows (2100-12-31)
 *
 * Deprecated: 0.1: Use [method@Calendar.dup_last_date], whose name says
 *   that it returns a new copy.
 */
GDate *
cp_calendar_get_last_date (CpCalendar *self)
{
  return cp_calendar_dup_last_date (self);
}

gboolean
cp_calendar_check_julian (CpCalendar  *self,
                          guint32      julian,
                          const char  *what,
                          GError     **error)
{
  if (julian >= self->first_julian && julian - self->first_julian < self->n_days)
    return TRUE;

  {
    g_autoptr(GDate) d = date_from_julian (julian);
    g_autofree char *iso = cp_date_format_iso (d);
    g_set_error (error, CP_ERROR, CP_ERROR_OUT_OF_RANGE,
                 "%s %s is outside the calendar’s range (%d-01-01 to %d-12-31)",
                 what, iso, CP_CALENDAR_FIRST_YEAR, CP_CALENDAR_LAST_YEAR);
  }
  return FALSE;
}

static gboolean
check_date (CpCalendar   *self,
            const GDate  *date,
            const char   *what,
            GError      **error)
{
  return cp_calendar_check_julian (self, g_date_get_julian (date), what, error);
}

static gboolean
year_in_range (int year)
{
  return year >= CP_CALENDAR_FIRST_YEAR && year <= CP_CALENDAR_LAST_YEAR;
}

/* Validates one division's event list, appending its events to @out. */
static gboolean
read_division_events (JsonObject  *division_obj,
                      const char  *division,
                      CpCalendar  *self,
                      GArray      *out,
                      GError     **error)
{
  JsonNode *events_node = json_object_get_member (division_obj, "events");
  JsonNode *name_node = json_object_get_member (division_obj, "division");
  JsonArray *events;

  if (name_node != NULL &&
      (!JSON_NODE_HOLDS_VALUE (name_node) ||
       g_strcmp0 (json_node_get_string (name_node), division) != 0))
    {
      g_set_error (error, CP_ERROR, CP_ERROR_INCONSISTENT,
                   "%s.division: does not match its key “%s”", division, division);
      return FALSE;
    }

  if (events_node == NULL)
    {
      g_set_error (error, CP_ERROR, CP_ERROR_MISSING_FIELD,
                   "%s.events: missing", division);
      return FALSE;
    }
  if (!JSON_NODE_HOLDS_ARRAY (events_node))
    {
      g_set_error (error, CP_ERROR, CP_ERROR_INVALID_VALUE,
                   "%s.events: not an array", division);
      return FALSE;
    }

  events = json_node_get_array (events_node);
  for (guint i = 0; i < json_array_get_length (events); i++)
    {
      JsonNode *ev = json_array_get_element (events, i);
      JsonObject *obj;
      JsonNode *title, *date, *notes;
      const char *date_str, *notes_str = "";
      GDate d;
      CpBankHoliday h;

      if (!JSON_NODE_HOLDS_OBJECT (ev))
        {
          g_set_error (error, CP_ERROR, CP_ERROR_INVALID_VALUE,
                       "%s.events[%u]: not an object", division, i);
          return FALSE;
        }
      obj = json_node_get_object (ev);
      title = json_object_get_member (obj, "title");
      date = json_object_get_member (obj, "date");
      notes = json_object_get_member (obj, "notes");

      if (title == NULL || date == NULL)
        {
          g_set_error (error, CP_ERROR, CP_ERROR_MISSING_FIELD,
                       "%s.events[%u].%s: missing", division, i,
                       title == NULL ? "title" : "date");
          return FALSE;
        }
      if (json_node_get_value_type (title) != G_TYPE_STRING ||
          *json_node_get_string (title) == '\0')
        {
          g_set_error (error, CP_ERROR, CP_ERROR_INVALID_VALUE,
                       "%s.events[%u].title: not a non-empty string", division, i);
          return FALSE;
        }
      if (json_node_get_value_type (date) != G_TYPE_STRING)
        {
          g_set_error (error, CP_ERROR, CP_ERROR_INVALID_VALUE,
                       "%s.events[%u].date: not a string", division, i);
          return FALSE;
        }
      date_str = json_node_get_string (date);
      if (!cp_date_parse_iso_into (date_str, &d))
        {
          g_autofree char *shown = cp_escape_value (date_str);
          g_set_error (error, CP_ERROR, CP_ERROR_INVALID_DATE,
                       "%s.events[%u].date: “%s” is not a date (expected YYYY-MM-DD)",
                       division, i, shown);
          return FALSE;
        }
      if (!year_in_range (g_date_get_year (&d)))
        {
          g_set_error (error, CP_ERROR, CP_ERROR_OUT_OF_RANGE,
                       "%s.events[%u].date: “%s” is outside %d to %d",
                       division, i, date_str,
                       CP_CALENDAR_FIRST_YEAR, CP_CALENDAR_LAST_YEAR);
          return FALSE;
        }
      if (notes != NULL)
        {
          if (json_node_get_value_type (notes) != G_TYPE_STRING)
            {
              g_set_error (error, CP_ERROR, CP_ERROR_INVALID_VALUE,
                           "%s.events[%u].notes: not a string", division, i);
              return FALSE;
            }
          notes_str = json_node_get_string (notes);
        }

      h.julian = g_date_get_julian (&d);
      h.title = g_string_chunk_insert_const (self->titles, json_node_get_string (title));
      if (g_ascii_strcasecmp (notes_str, "Substitute day") == 0)
        h.kind = CP_HOLIDAY_KIND_SUBSTITUTE;
      else if (g_ascii_strcasecmp (notes_str, "Extra bank holiday") == 0)
        h.kind = CP_HOLIDAY_KIND_EXTRA;
      else
        h.kind = CP_HOLIDAY_KIND_BANK_HOLIDAY;
      g_array_append_val (out, h);
    }

  return TRUE;
}

/**
 * cp_calendar_load_bank_holidays_data:
 * @self: a #CpCalendar
 * @data: the text of a gov.uk `bank-holidays.json` document
 * @length: the length of @data in bytes, or -1 if it is nul-terminated
 * @error: return location for a #GError
 *
 * Merges a list of bank holidays in the format gov.uk publishes at
 * `https://www.gov.uk/bank-holidays.json`: an object whose members are the
 * divisions `england-and-wales`, `scotland` and `northern-ireland`, each
 * with an `events` array of `{ "title", "date", "notes", "bunting" }`.
 *
 * Every division in the document is checked; the calendar's own division
 * must be present. Each year that has at least one event in the
 * calendar's division is then taken from the document whole, replacing
 * the computed holidays of that year (gov.uk publishes whole years).
 * Closure days are kept. On error nothing is changed; the message names
 * the offending entry, such as `scotland.events[4].date`.
 *
 * Returns: %TRUE if the holidays were merged
 */
gboolean
cp_calendar_load_bank_holidays_data (CpCalendar  *self,
                                     const char  *data,
                                     gssize       length,
                                     GError     **error)
{
  g_autoptr(JsonParser) parser = json_parser_new_immutable ();
  g_autoptr(GError) local_error = NULL;
  g_autoptr(GArray) mine = NULL;
  g_autoptr(GHashTable) by_year = NULL;
  JsonObject *root;
  JsonObjectIter iter;
  const char *division;
  JsonNode *member;
  gboolean found = FALSE;

  g_return_val_if_fail (CP_IS_CALENDAR (self), FALSE);
  g_return_val_if_fail (data != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!json_parser_load_from_data (parser, data, length, &local_error))
    {
      g_set_error (error, CP_ERROR, CP_ERROR_PARSE,
                   "bank holidays: %s", local_error->message);
      return FALSE;
    }

  if (json_parser_get_root (parser) == NULL ||
      !JSON_NODE_HOLDS_OBJECT (json_parser_get_root (parser)))
    {
      g_set_error_literal (error, CP_ERROR, CP_ERROR_INVALID_VALUE,
                           "bank holidays: the document is not a JSON object");
      return FALSE;
    }
  root = json_node_get_object (json_parser_get_root (parser));

  mine = g_array_new (FALSE, FALSE, sizeof (CpBankHoliday));
  json_object_iter_init_ordered (&iter, root);
  while (json_object_iter_next_ordered (&iter, &division, &member))
    {
      g_autoptr(GArray) events = g_array_new (FALSE, FALSE, sizeof (CpBankHoliday));
      CpRegion region;

      if (!cp_region_from_division (division, &region))
        {
          g_set_error (error, CP_ERROR, CP_ERROR_UNKNOWN_CODE,
                       "%s: unknown division (expected england-and-wales, "
                       "scotland or northern-ireland)", division);
          return FALSE;
        }
      if (!JSON_NODE_HOLDS_OBJECT (member))
        {
          g_set_error (error, CP_ERROR, CP_ERROR_INVALID_VALUE,
                       "%s: not an object", division);
          return FALSE;
        }
      if (!read_division_events (json_node_get_object (member), division,
                                 self, events, error))
        return FALSE;

      if (region == self->region)
        {
          g_array_append_vals (mine, events->data, events->len);
          found = TRUE;
        }
    }

  if (!found)
    {
      g_set_error (error, CP_ERROR, CP_ERROR_MISSING_FIELD,
                   "%s: missing (the calendar’s own division)",
                   cp_region_to_division (self->region));
      return FALSE;
    }

  by_year = g_hash_table_new_full (NULL, NULL, NULL, (GDestroyNotify) g_array_unref);
  for (guint i = 0; i < mine->len; i++)
    {
      CpBankHoliday *h = &g_array_index (mine, CpBankHoliday, i);
      g_autoptr(GDate) d = date_from_julian (h->julian);
      gpointer year = GINT_TO_POINTER ((int) g_date_get_year (d));
      GArray *list = g_hash_table_lookup (by_year, year);

      if (list == NULL)
        {
          list = g_array_new (FALSE, FALSE, sizeof (CpBankHoliday));
          g_hash_table_insert (by_year, year, list);
        }
      g_array_append_vals (list, h, 1);
    }

  {
    GHashTableIter hiter;
    gpointer key, value;

    g_hash_table_iter_init (&hiter, by_year);
    while (g_hash_table_iter_next (&hiter, &key, &value))
      {
        g_hash_table_iter_steal (&hiter);
        g_hash_table_replace (self->loaded_years, key, value);
      }
  }

  rebuild_index (self);
  g_signal_emit (self, signals[CHANGED], 0);

  return TRUE;
}

/**
 * cp_calendar_load_bank_holidays_file:
 * @self: a #CpCalendar
 * @path: (type filename): the path of a gov.uk `bank-holidays.json` file
 * @error: return location for a #GError
 *
 * Reads @path and merges it as [method@Calendar.load_bank_holidays_data]
 * does. Errors reading the file are in the `G_FILE_ERROR` domain; errors
 * in its content in the %CP_ERROR domain.
 *
 * Returns: %TRUE if the holidays were merged
 */
gboolean
cp_calendar_load_bank_holidays_file (CpCalendar  *self,
                                     const char  *path,
                                     GError     **error)
{
  g_autofree char *contents = NULL;
  gsize len = 0;

  g_return_val_if_fail (CP_IS_CALENDAR (self), FALSE);
  g_return_val_if_fail (path != NULL, FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!g_file_get_contents (path, &contents, &len, error))
    return FALSE;

  return cp_calendar_load_bank_holidays_data (self, contents, (gssize) len, error);
}

/**
 * cp_calendar_add_closure:
 * @self: a #CpCalendar
 * @date: a day on which the authority's offices are closed
 * @reason: (nullable): why, for listings
 * @error: return location for a #GError
 *
 * Makes @date a non-working day of this calendar (an authority's own
 * closure, such as a day between Christmas and New Year). Adding the same
 * day twice keeps the first reason.
 *
 * Returns: %TRUE if the day is in range and was added
 */
gboolean
cp_calendar_add_closure (CpCalendar   *self,
                         const GDate  *date,
                         const char   *reason,
                         GError      **error)
{
  guint32 j;

  g_return_val_if_fail (CP_IS_CALENDAR (self), FALSE);
  g_return_val_if_fail (date != NULL && g_date_valid (date), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!check_date (self, date, "closure", error))
    return FALSE;

  j = g_date_get_julian (date);
  if (g_hash_table_contains (self->closures, GUINT_TO_POINTER (j)))
    return TRUE;

  g_hash_table_insert (self->closures, GUINT_TO_POINTER (j),
                       g_string_chunk_insert_const (self->titles,
                                                    reason ? reason : "Office closure"));
  rebuild_index (self);
  g_signal_emit (self, signals[CHANGED], 0);

  return TRUE;
}

/**
 * cp_calendar_is_working_day:
 * @self: a #CpCalendar
 * @date: a day
 * @error: return location for a #GError
 *
 * Whether @date is a working day: not a Saturday, a Sunday, a bank holiday of the calendar's region or a closure day.
 *
 * Returns: %TRUE if @date is a working day; %FALSE if it is not, or with
 *   @error set (%CP_ERROR_OUT_OF_RANGE) if it is outside the calendar
 */
gboolean
cp_calendar_is_working_day (CpCalendar   *self,
                            const GDate  *date,
                            GError      **error)
{
  guint32 i;

  g_return_val_if_fail (CP_IS_CALENDAR (self), FALSE);
  g_return_val_if_fail (date != NULL && g_date_valid (date), FALSE);
  g_return_val_if_fail (error == NULL || *error == NULL, FALSE);

  if (!check_date (self, date, "date", error))
    return FALSE;

  i = g_date_get_julian (date) - self->first_julian;
  return self->count_through[i] != (i > 0 ? self->count_through[i - 1] : 0);
}

/* Working days in [first, first + i), 0 for i = 0. */
static inline guint32
count_before (CpCalendar *self, guint32 i)
{
  return i > 0 ? self->count_through[i - 1] : 0;
}

static gboolean
result_range_error (guint32   from,
                    int       quantity,
                    CpUnit    unit,
                    GError  **error)
{
  g_autoptr(GDate) d = date_from_julian (from);
  g_autofree char *iso = cp_date_format_iso (d);
  GEnumClass *units = g_type_class_ref (CP_TYPE_UNIT);
  GEnumValue *v = g_enum_get_value (units, unit);

  g_set_error (error, CP_ERROR, CP_ERROR_OUT_OF_RANGE,
               "%d %s from %s is outside the calendar’s range (%d-01-01 to %d-12-31)",
               quantity, v ? v->value_nick : "units", iso,
               CP_CALENDAR_FIRST_YEAR, CP_CALENDAR_LAST_YEAR);
  g_type_class_unref (units);
  return FALSE;
}

gboolean
cp_calendar_add_working_days_julian (CpCalendar  *self,
                                     guint32      julian,
                                     int          n,
                                     guint32     *out,
                                     GError     **error)
{
  guint32 i;
  gint64 k;

  if (!cp_calendar_check_julian (self, julian, "date", error))
    return FALSE;

  i = julian - self->first_julian;
  if (n == 0)
    {
      *out = julian;
      return TRUE;
    }

  if (n > 0)
    k = (gint64) self->count_through[i] + n - 1;
  else
    k = (gint64) count_before (self, i) + n;

  if (k < 0 || k >= self->n_working_days)
    return result_range_error (julian, n, CP_UNIT_WORKING_DAYS, error);

  *out = self->working_days[k];
  return TRUE;
}

/**
 * cp_calendar_add_working_days:
 * @self: a #CpCalendar
 * @date: the day counted from (day 0)
 * @n: how many working days to move; negative moves back
 * @error: return location for a #GError
 *
 * Returns the @n-th working day after @date (before it when @n is
 * negative); @date itself is day 0 and is returned when @n is 0. This is
 * the last day of "within @n working days of @date". The cost is O(1).
 *
 * Returns: (transfer full) (nullable): the day, or %NULL with @error set
 *   (%CP_ERROR_OUT_OF_RANGE) if @date or the result is outside the
 *   calendar
 */
GDate *
cp_calendar_add_working_days (CpCalendar   *self,
                              const GDate  *date,
                              int           n,
                              GError      **error)
{
  guint32 j;

  g_return_val_if_fail (CP_IS_CALENDAR (self), NULL);
  g_return_val_if_fail (date != NULL && g_date_valid (date), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!cp_calendar_add_working_days_julian (self, g_date_get_julian (date), n, &j, error))
    return NULL;
  return date_from_julian (j);
}

static int
working_days_between_julian (CpCalendar *self,
                             guint32     start,
                             guint32     end)
{
  guint32 a = start - self->first_julian;
  guint32 b = end - self->first_julian;

  if (b >= a)
    return (int) (self->count_through[b] - self->count_through[a]);
  /* Backwards, mirror add_working_days(): [end, start). */
  return -(int) (count_before (self, a) - count_before (self, b));
}

/**
 * cp_calendar_working_days_between:
 * @self: a #CpCalendar
 * @start: the first day (not counted)
 * @end: the last day (counted)
 * @error: return location for a #GError
 *
 * Counts the working days in (@start, @end]: after @start, up to and
 * including @end. When @end is before @start the count is negative and
 * covers [@end, @start), mirroring [method@Calendar.add_working_days], so
 * that adding the count to @start gives @end whenever @end is a working
 * day. The cost is O(1).
 *
 * Returns: the count, or 0 with @error set if a date is outside the
 *   calendar
 */
int
cp_calendar_working_days_between (CpCalendar   *self,
                                  const GDate  *start,
                                  const GDate  *end,
                                  GError      **error)
{
  g_return_val_if_fail (CP_IS_CALENDAR (self), 0);
  g_return_val_if_fail (start != NULL && g_date_valid (start), 0);
  g_return_val_if_fail (end != NULL && g_date_valid (end), 0);
  g_return_val_if_fail (error == NULL || *error == NULL, 0);

  if (!check_date (self, start, "start", error) ||
      !check_date (self, end, "end", error))
    return 0;

  return working_days_between_julian (self, g_date_get_julian (start),
                                      g_date_get_julian (end));
}

gboolean
cp_calendar_quantity_fits (int    quantity,
                           CpUnit unit)
{
  guint32 first = cp_julian_from_dmy (CP_CALENDAR_FIRST_YEAR, 1, 1);
  guint32 last = cp_julian_from_dmy (CP_CALENDAR_LAST_YEAR, 12, 31);
  gint64 q = ABS ((gint64) quantity);

  switch (unit)
    {
    case CP_UNIT_MONTHS:
      /* From the first day, the furthest any month count can reach. */
      return q < CP_MAX_MONTHS;
    case CP_UNIT_WEEKS:
      return q * 7 <= (gint64) (last - first);
    case CP_UNIT_HOURS:
      return q / 24 <= (gint64) (last - first);
    case CP_UNIT_WORKING_DAYS:   /* a working day is at least a day */
    case CP_UNIT_CALENDAR_DAYS:
    default:
      return q <= (gint64) (last - first);
    }
}

gboolean
cp_calendar_add_julian (CpCalendar  *self,
                        guint32      julian,
                        int          quantity,
                        CpUnit       unit,
                        guint32     *out,
                        GError     **error)
{
  GDate d;
  gint64 target;

  /* add_working_days_julian() checks the range itself. */
  if (unit == CP_UNIT_WORKING_DAYS)
    return cp_calendar_add_working_days_julian (self, julian, quantity, out, error);

  if (!cp_calendar_check_julian (self, julian, "date", error))
    return FALSE;

  switch (unit)
    {
    case CP_UNIT_CALENDAR_DAYS:
    case CP_UNIT_WEEKS:
      target = (gint64) julian + (gint64) quantity * (unit == CP_UNIT_WEEKS ? 7 : 1);
      if (target < self->first_julian || target >= (gint64) self->first_julian + self->n_days)
        return result_range_error (julian, quantity, unit, error);
      *out = (guint32) target;
      return TRUE;

    case CP_UNIT_MONTHS:
      if (quantity > CP_MAX_MONTHS || quantity < -CP_MAX_MONTHS)
        return result_range_error (julian, quantity, unit, error);
      g_date_clear (&d, 1);
      g_date_set_julian (&d, julian);
      /* GDate clamps to the end of a shorter month: 31 Jan + 1 month is
       * the last day of February. */
      if (quantity >= 0)
        g_date_add_months (&d, quantity);
      else
        g_date_subtract_months (&d, -quantity);
      if (g_date_get_julian (&d) < self->first_julian ||
          g_date_get_julian (&d) - self->first_julian >= self->n_days)
        return result_range_error (julian, quantity, unit, error);
      *out = g_date_get_julian (&d);
      return TRUE;

    case CP_UNIT_HOURS:
      g_set_error_literal (error, CP_ERROR, CP_ERROR_INVALID_VALUE,
                           "hours cannot be counted on a date without a time of day");
      return FALSE;

    default:
      g_set_error (error, CP_ERROR, CP_ERROR_UNKNOWN_CODE,
                   "%d is not a unit", (int) unit);
      return FALSE;
    }
}

/**
 * cp_calendar_add:
 * @self: a #CpCalendar
 * @date: the day counted from (day 0)
 * @quantity: how many units; negative counts back
 * @unit: the unit of @quantity
 * @error: return location for a #GError
 *
 * Adds a timescale to @date: working days as
 * [method@Calendar.add_working_days], calendar days, weeks of seven days,
 * or calendar months (clamped at the month end, so 31 January plus one
 * month is the last day of February). %CP_UNIT_HOURS is refused with
 * %CP_ERROR_INVALID_VALUE because a date has no time of day.
 *
 * Returns: (transfer full) (nullable): the day, or %NULL with @error set
 */
GDate *
cp_calendar_add (CpCalendar   *self,
                 const GDate  *date,
                 int           quantity,
                 CpUnit       unit,
                 GError      **error)
{
  guint32 j;

  g_return_val_if_fail (CP_IS_CALENDAR (self), NULL);
  g_return_val_if_fail (date != NULL && g_date_valid (date), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!cp_calendar_add_julian (self, g_date_get_julian (date), quantity, unit, &j, error))
    return NULL;
  return date_from_julian (j);
}

/**
 * cp_calendar_add_days:
 * @self: a #CpCalendar
 * @date: the day counted from
 * @n: how many calendar days; negative counts back
 * @error: return location for a #GError
 *
 * Adds @n calendar days to @date.
 *
 * Returns: (transfer full) (nullable): the day, or %NULL with @error set
 */
GDate *
cp_calendar_add_days (CpCalendar   *self,
                      const GDate  *date,
                      int           n,
                      GError      **error)
{
  return cp_calendar_add (self, date, n, CP_UNIT_CALENDAR_DAYS, error);
}

/**
 * cp_calendar_add_weeks:
 * @self: a #CpCalendar
 * @date: the day counted from
 * @n: how many weeks; negative counts back
 * @error: return location for a #GError
 *
 * Adds @n weeks (7 calendar days each) to @date.
 *
 * Returns: (transfer full) (nullable): the day, or %NULL with @error set
 */
GDate *
cp_calendar_add_weeks (CpCalendar   *self,
                       const GDate  *date,
                       int           n,
                       GError      **error)
{
  return cp_calendar_add (self, date, n, CP_UNIT_WEEKS, error);
}

/**
 * cp_calendar_add_months:
 * @self: a #CpCalendar
 * @date: the day counted from
 * @n: how many calendar months; negative counts back
 * @error: return location for a #GError
 *
 * Adds months, clamping at the end of a shorter month.
 *
 * Returns: (transfer full) (nullable): the day, or %NULL with @error set
 */
GDate *
cp_calendar_add_months (CpCalendar   *self,
                        const GDate  *date,
                        int           n,
                        GError      **error)
{
  return cp_calendar_add (self, date, n, CP_UNIT_MONTHS, error);
}

/**
 * cp_calendar_list_holidays:
 * @self: a #CpCalendar
 * @year: a year from 1970 to 2100
 * @error: return location for a #GError
 *
 * Lists the non-working weekdays of @year in date order: bank holidays,
 * substitute and one-off days, and closures.
 *
 * Returns: (transfer full) (nullable): a list of [class@Holiday], or
 *   %NULL with @error set if @year is outside the calendar
 */
GListModel *
cp_calendar_list_holidays (CpCalendar  *self,
                           int          year,
                           GError     **error)
{
  GListStore *store;
  guint32 from, to;

  g_return_val_if_fail (CP_IS_CALENDAR (self), NULL);
  g_return_val_if_fail (error == NULL || *error == NULL, NULL);

  if (!year_in_range (year))
    {
      g_set_error (error, CP_ERROR, CP_ERROR_OUT_OF_RANGE,
                   "year %d is outside the calendar’s range (%d to %d)",
                   year, CP_CALENDAR_FIRST_YEAR, CP_CALENDAR_LAST_YEAR);
      return NULL;
    }

  from = cp_julian_from_dmy (year, 1, 1);
  to = cp_julian_from_dmy (year, 12, 31);
  store = g_list_store_new (CP_TYPE_HOLIDAY);

  for (guint i = 0; i < self->holidays->len; i++)
    {
      const CpBankHoliday *h = &g_array_index (self->holidays, CpBankHoliday, i);
      g_autoptr(GDate) d = NULL;
      g_autoptr(CpHoliday) holiday = NULL;

      if (h->julian < from || h->julian > to)
        continue;
      d = date_from_julian (h->julian);
      holiday = cp_holiday_new (d, h->title, h->kind);
      g_list_store_append (store, holiday);
    }

  return G_LIST_MODEL (store);
}
