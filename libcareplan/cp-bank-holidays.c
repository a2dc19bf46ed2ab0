/* cp-bank-holidays.c: UK bank holidays computed for any year
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 *
 * The recurring days follow the Banking and Financial Dealings Act 1971
 * (Schedule 1) as amended, with the substitute-day convention the
 * Government announces each year; the one-off and moved days are the
 * royal proclamations since 1970. A year can be overridden by loading
 * gov.uk's bank-holidays.json into a CpCalendar.
 */

#include "config.h"

#include "cp-bank-holidays-private.h"
#include "cp-date-private.h"

#define EW (1u << CP_REGION_ENGLAND_AND_WALES)
#define SC (1u << CP_REGION_SCOTLAND)
#define NI (1u << CP_REGION_NORTHERN_IRELAND)
#define UK (EW | SC | NI)

/* Proclaimed changes: a day added, or a recurring day moved. */
typedef enum {
  CHANGE_EXTRA,   /* add @date as an extra bank holiday */
  CHANGE_MOVE,    /* the recurring day titled @title moves to @date */
} ChangeKind;

typedef struct {
  guint       regions;
  ChangeKind  kind;
  int         year, month, day;
  const char *title;
  const char *new_title;  /* CHANGE_MOVE: the moved day's title, if it changes */
} Proclamation;

static const char TITLE_NEW_YEAR[] = "New Year’s Day";
static const char TITLE_SECOND_JAN[] = "2nd January";
static const char TITLE_ST_PATRICK[] = "St Patrick’s Day";
static const char TITLE_GOOD_FRIDAY[] = "Good Friday";
static const char TITLE_EASTER_MONDAY[] = "Easter Monday";
static const char TITLE_EARLY_MAY[] = "Early May bank holiday";
static const char TITLE_SPRING[] = "Spring bank holiday";
static const char TITLE_BOYNE[] = "Battle of the Boyne (Orangemen’s Day)";
static const char TITLE_SUMMER[] = "Summer bank holiday";
static const char TITLE_ST_ANDREW[] = "St Andrew’s Day";
static const char TITLE_CHRISTMAS[] = "Christmas Day";
static const char TITLE_BOXING[] = "Boxing Day";

static const Proclamation proclamations[] = {
  { UK, CHANGE_MOVE,  1977,  6,  6, TITLE_SPRING },
  { UK, CHANGE_EXTRA, 1977,  6,  7, "Silver Jubilee of Queen Elizabeth II" },
  { UK, CHANGE_EXTRA, 1981,  7, 29, "Wedding of Prince Charles and Lady Diana Spencer" },
  { UK, CHANGE_MOVE,  1995,  5,  8, TITLE_EARLY_MAY, "Early May bank holiday (VE day)" },
  { UK, CHANGE_EXTRA, 1999, 12, 31, "Millennium celebrations" },
  { UK, CHANGE_MOVE,  2002,  6,  4, TITLE_SPRING },
  { UK, CHANGE_EXTRA, 2002,  6,  3, "Golden Jubilee of Queen Elizabeth II" },
  { UK, CHANGE_EXTRA, 2011,  4, 29, "Wedding of Prince William and Catherine Middleton" },
  { UK, CHANGE_MOVE,  2012,  6,  4, TITLE_SPRING },
  { UK, CHANGE_EXTRA, 2012,  6,  5, "Queen’s Diamond Jubilee" },
  { UK, CHANGE_MOVE,  2020,  5,  8, TITLE_EARLY_MAY, "Early May bank holiday (VE day)" },
  { UK, CHANGE_MOVE,  2022,  6,  2, TITLE_SPRING },
  { UK, CHANGE_EXTRA, 2022,  6,  3, "Platinum Jubilee bank holiday" },
  { UK, CHANGE_EXTRA, 2022,  9, 19, "Bank Holiday for the State Funeral of Queen Elizabeth II" },
  { UK, CHANGE_EXTRA, 2023,  5,  8, "Bank holiday for the coronation of King Charles III" },
};

const char *
cp_region_to_division (CpRegion region)
{
  switch (region)
    {
    case CP_REGION_ENGLAND_AND_WALES: return "england-and-wales";
    case CP_REGION_SCOTLAND: return "scotland";
    case CP_REGION_NORTHERN_IRELAND: return "northern-ireland";
    default: g_return_val_if_reached (NULL);
    }
}

gboolean
cp_region_from_division (const char *division,
                         CpRegion   *region)
{
  for (CpRegion r = CP_REGION_ENGLAND_AND_WALES; r <= CP_REGION_NORTHERN_IRELAND; r++)
    if (g_strcmp0 (division, cp_region_to_division (r)) == 0)
      {
        *region = r;
        return TRUE;
      }
  return FALSE;
}

/* Day of week with Monday = 1 ... Sunday = 7, as GDateWeekday. */
static GDateWeekday
weekday_of (guint32 julian)
{
  GDate d;

  g_date_clear (&d, 1);
  g_date_set_julian (&d, julian);
  return g_date_get_weekday (&d);
}

static gboolean
is_weekend (guint32 julian)
{
  return weekday_of (julian) >= G_DATE_SATURDAY;
}

static guint32
first_monday (int year, int month)
{
  guint32 j = cp_julian_from_dmy (year, month, 1);
  return j + (7 + G_DATE_MONDAY - weekday_of (j)) % 7;
}

static guint32
last_monday (int year, int month)
{
  guint32 j = cp_julian_from_dmy (year, month, g_date_get_days_in_month (month, year));
  return j - (7 + weekday_of (j) - G_DATE_MONDAY) % 7;
}

/* Anonymous Gregorian algorithm (Meeus/Jones/Butcher). */
guint32
cp_bank_holidays_easter_sunday (int year)
{
  int a = year % 19;
  int b = year / 100;
  int c = year % 100;
  int d = b / 4;
  int e = b % 4;
  int f = (b + 8) / 25;
  int g = (b - f + 1) / 3;
  int h = (19 * a + b - d - g + 15) % 30;
  int i = c / 4;
  int k = c % 4;
  int l = (32 + 2 * e + 2 * i - h - k) % 7;
  int m = (a + 11 * h + 22 * l) / 451;
  int month = (h + l - 7 * m + 114) / 31;
  int day = ((h + l - 7 * m + 114) % 31) + 1;

  return cp_julian_from_dmy (year, month, day);
}

static void
push (GArray        *out,
      guint32        julian,
      const char    *title,
      CpHolidayKind  kind)
{
  CpBankHoliday h = { julian, title, kind };
  g_array_append_val (out, h);
}

static gboolean
taken (GArray *days, guint first, guint32 julian)
{
  for (guint i = first; i < days->len; i++)
    if (g_array_index (days, CpBankHoliday, i).julian == julian)
      return TRUE;
  return FALSE;
}

/* Fixed-date holidays that may fall on a weekend: those on a weekday keep
 * their date; the others, in order, take the next weekday not already a
 * holiday. This gives gov.uk's published substitutes, e.g. Christmas on a
 * Sunday -> Boxing Day Monday 26, Christmas substitute Tuesday 27. (gov.uk
 * titles Scotland's Sunday New Year this way in 2012 and 2017 but the other
 * way round in 2023; the dates are the same either way.) */
static void
push_fixed_group (GArray            *out,
                  const guint32     *dates,
                  const char *const *titles,
                  guint              n)
{
  guint first = out->len;

  for (guint i = 0; i < n; i++)
    if (!is_weekend (dates[i]))
      push (out, dates[i], titles[i], CP_HOLIDAY_KIND_BANK_HOLIDAY);

  for (guint i = 0; i < n; i++)
    {
      guint32 j = dates[i];

      if (!is_weekend (j))
        continue;
      while (is_weekend (j) || taken (out, first, j))
        j++;
      push (out, j, titles[i], CP_HOLIDAY_KIND_SUBSTITUTE);
    }
}

int
cp_bank_holiday_compare (gconstpointer a,
                         gconstpointer b)
{
  const CpBankHoliday *ha = a, *hb = b;

  if (ha->julian != hb->julian)
    return ha->julian < hb->julian ? -1 : 1;
  /* A closure on a bank holiday sorts after it. */
  return (int) ha->kind - (int) hb->kind;
}

void
cp_bank_holidays_compute (CpRegion  region,
                          int       year,
                          GArray   *out)
{
  guint mask = 1u << region;
  guint start = out->len;
  guint32 easter = cp_bank_holidays_easter_sunday (year);

  g_return_if_fail (region <= CP_REGION_NORTHERN_IRELAND);
  g_return_if_fail (out != NULL);

  /* New Year: a bank holiday in Scotland since before 1970 (with
   * 2 January); in England, Wales and Northern Ireland from 1974. */
  if (region == CP_REGION_SCOTLAND)
    {
      const guint32 d[] = { cp_julian_from_dmy (year, 1, 1), cp_julian_from_dmy (year, 1, 2) };
      const char *const t[] = { TITLE_NEW_YEAR, TITLE_SECOND_JAN };
      push_fixed_group (out, d, t, 2);
    }
  else if (year >= 1974)
    {
      const guint32 d[] = { cp_julian_from_dmy (year, 1, 1) };
      const char *const t[] = { TITLE_NEW_YEAR };
      push_fixed_group (out, d, t, 1);
    }

  if (region == CP_REGION_NORTHERN_IRELAND)
    {
      const guint32 d[] = { cp_julian_from_dmy (year, 3, 17) };
      const char *const t[] = { TITLE_ST_PATRICK };
      push_fixed_group (out, d, t, 1);
    }

  push (out, easter - 2, TITLE_GOOD_FRIDAY, CP_HOLIDAY_KIND_BANK_HOLIDAY);
  if (region != CP_REGION_SCOTLAND)
    push (out, easter + 1, TITLE_EASTER_MONDAY, CP_HOLIDAY_KIND_BANK_HOLIDAY);

  if (year >= 1978)
    push (out, first_monday (year, 5), TITLE_EARLY_MAY, CP_HOLIDAY_KIND_BANK_HOLIDAY);
  push (out, last_monday (year, 5), TITLE_SPRING, CP_HOLIDAY_KIND_BANK_HOLIDAY);

  if (region == CP_REGION_NORTHERN_IRELAND)
    {
      const guint32 d[] = { cp_julian_from_dmy (year, 7, 12) };
      const char *const t[] = { TITLE_BOYNE };
      push_fixed_group (out, d, t, 1);
    }

  if (region == CP_REGION_SCOTLAND)
    push (out, first_monday (year, 8), TITLE_SUMMER, CP_HOLIDAY_KIND_BANK_HOLIDAY);
  else
    push (out, last_monday (year, 8), TITLE_SUMMER, CP_HOLIDAY_KIND_BANK_HOLIDAY);

  /* St Andrew's Day Bank Holiday (Scotland) Act 2007. */
  if (region == CP_REGION_SCOTLAND && year >= 2007)
    {
      const guint32 d[] = { cp_julian_from_dmy (year, 11, 30) };
      const char *const t[] = { TITLE_ST_ANDREW };
      push_fixed_group (out, d, t, 1);
    }

  /* Boxing Day became a Scottish bank holiday in 1974. */
  if (region != CP_REGION_SCOTLAND || year >= 1974)
    {
      const guint32 d[] = { cp_julian_from_dmy (year, 12, 25), cp_julian_from_dmy (year, 12, 26) };
      const char *const t[] = { TITLE_CHRISTMAS, TITLE_BOXING };
      push_fixed_group (out, d, t, 2);
    }
  else
    {
      const guint32 d[] = { cp_julian_from_dmy (year, 12, 25) };
      const char *const t[] = { TITLE_CHRISTMAS };
      push_fixed_group (out, d, t, 1);
    }

  for (guint i = 0; i < G_N_ELEMENTS (proclamations); i++)
    {
      const Proclamation *p = &proclamations[i];

      if (p->year != year || !(p->regions & mask))
        continue;

      if (p->kind == CHANGE_EXTRA)
        {
          push (out, cp_julian_from_dmy (p->year, p->month, p->day), p->title,
                CP_HOLIDAY_KIND_EXTRA);
          continue;
        }

      for (guint k = start; k < out->len; k++)
        {
          CpBankHoliday *h = &g_array_index (out, CpBankHoliday, k);
          if (h->title != p->title)
            continue;
          h->julian = cp_julian_from_dmy (p->year, p->month, p->day);
          if (p->new_title != NULL)
            h->title = p->new_title;
        }
    }

  /* Sort only the part this call appended. */
  qsort (out->data + (gsize) start * sizeof (CpBankHoliday), out->len - start,
         sizeof (CpBankHoliday), cp_bank_holiday_compare);
}
