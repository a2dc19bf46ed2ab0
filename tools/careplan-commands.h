/* careplan-commands.h: the subcommands of the careplan tool
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include <careplan.h>

G_BEGIN_DECLS

/* Exit codes, documented in careplan --help and the README. */
typedef enum {
  CAREPLAN_EXIT_OK = 0,
  CAREPLAN_EXIT_FINDINGS = 1,   /* the run worked and found overdue obligations */
  CAREPLAN_EXIT_USAGE = 2,      /* bad command line */
  CAREPLAN_EXIT_DATA = 3,       /* bad input data or file */
} CareplanExit;

int careplan_calendar_main (int argc, char **argv);
int careplan_validate_main (int argc, char **argv);
int careplan_policy_main (int argc, char **argv);
int careplan_check_main (int argc, char **argv);

/* Shared helpers. */
gboolean careplan_parse_region (const char *text, CpRegion *region, GError **error);
const char *careplan_nick (GType enum_type, int value);
CpPolicy *careplan_policy_from_argument (const char *text, GError **error);
CpCalendar *careplan_calendar_from_options (const char *region, const char *bank_holidays,
                                            GError **error);

G_END_DECLS
