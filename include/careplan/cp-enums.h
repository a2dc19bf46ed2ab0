/* cp-enums.h: enumerations shared across the libcareplan API
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#if !defined(CAREPLAN_INSIDE) && !defined(CP_COMPILATION)
# error "Only <careplan.h> can be included directly."
#endif

#include <glib.h>

G_BEGIN_DECLS

/**
 * CpRegion:
 * @CP_REGION_ENGLAND_AND_WALES: England and Wales (gov.uk division
 *   `england-and-wales`)
 * @CP_REGION_SCOTLAND: Scotland (gov.uk division `scotland`)
 * @CP_REGION_NORTHERN_IRELAND: Northern Ireland (gov.uk division
 *   `northern-ireland`)
 *
 * The bank-holiday regions of the United Kingdom.
 */
typedef enum {
  CP_REGION_ENGLAND_AND_WALES,
  CP_REGION_SCOTLAND,
  CP_REGION_NORTHERN_IRELAND,
} CpRegion;

/**
 * CpUnit:
 * @CP_UNIT_WORKING_DAYS: working days (Monday to Friday, not bank
 *   holidays or closure days)
 * @CP_UNIT_CALENDAR_DAYS: calendar days
 * @CP_UNIT_WEEKS: weeks of seven calendar days
 * @CP_UNIT_MONTHS: calendar months, clamped at the end of a shorter month
 * @CP_UNIT_HOURS: hours; only meaningful for rules timed from an event
 *   with a time of day
 *
 * The units in which a timescale is counted.
 */
typedef enum {
  CP_UNIT_WORKING_DAYS,
  CP_UNIT_CALENDAR_DAYS,
  CP_UNIT_WEEKS,
  CP_UNIT_MONTHS,
  CP_UNIT_HOURS,
} CpUnit;

/**
 * CpHolidayKind:
 * @CP_HOLIDAY_KIND_BANK_HOLIDAY: a bank holiday on its own date
 * @CP_HOLIDAY_KIND_SUBSTITUTE: a substitute day for a bank holiday that
 *   fell on a weekend
 * @CP_HOLIDAY_KIND_EXTRA: a one-off bank holiday (jubilee, royal wedding,
 *   state funeral, ...)
 * @CP_HOLIDAY_KIND_CLOSURE: an authority's own office closure day
 *
 * Why a day is not a working day.
 */
typedef enum {
  CP_HOLIDAY_KIND_BANK_HOLIDAY,
  CP_HOLIDAY_KIND_SUBSTITUTE,
  CP_HOLIDAY_KIND_EXTRA,
  CP_HOLIDAY_KIND_CLOSURE,
} CpHolidayKind;

G_END_DECLS
