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

G_END_DECLS
