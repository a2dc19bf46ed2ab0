/* cp-calendar-private.h
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include "careplan.h"

G_BEGIN_DECLS

/* Julian-day variants for the engine's hot path: no GDate allocation. */
gboolean cp_calendar_check_julian            (CpCalendar  *self,
                                              guint32      julian,
                                              const char  *what,
                                              GError     **error);
gboolean cp_calendar_add_working_days_julian (CpCalendar  *self,
                                              guint32      julian,
                                              int          n,
                                              guint32     *out,
                                              GError     **error);
gboolean cp_calendar_add_julian              (CpCalendar  *self,
                                              guint32      julian,
                                              int          quantity,
                                              CpUnit       unit,
                                              guint32     *out,
                                              GError     **error);

/* Whether a timescale of @quantity @unit can fit between the calendar's
 * first and last days at all (for any calendar: closure days only make
 * working days scarcer). A profile's rule that cannot is refused when
 * the profile is loaded, not when a case is evaluated. */
gboolean cp_calendar_quantity_fits           (int          quantity,
                                              CpUnit       unit);

G_END_DECLS
