/* careplan-options.h: the options every evaluating command shares
 *
 * check, summary, report and calendar deadlines all evaluate cases under
 * a profile, a calendar and a date, and (all but report) read returns,
 * SSD extracts and caseloads on several threads. Their options are
 * declared once here, as one GOptionGroup, and set up once.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include "careplan-commands.h"
#include "careplan-output.h"

G_BEGIN_DECLS

typedef enum {
  CAREPLAN_OPTIONS_EVALUATION = 0,        /* --policy --on --region --bank-holidays --pseudonymise */
  CAREPLAN_OPTIONS_SOURCES    = 1 << 0,   /* and --ssda903 --lenient --ssd --jobs */
} CareplanOptionFlags;

typedef struct {
  char *policy;
  char *on;
  char *region;
  char *bank_holidays;
  char *pseudonymise;
  char **ssda903;
  gboolean lenient;
  char **ssd;
  int jobs;
} CareplanOptions;

/* Adds the shared options to @ctx's main group (made if need be), ahead
 * of the command's own entries; @opts must outlive the parse. */
void     careplan_options_add   (GOptionContext         *ctx,
                                 CareplanOptions        *opts,
                                 CareplanOptionFlags     flags);

/* Checks the shared options and makes what they name: the profile
 * (default england), the calendar, the date (--on; default today, or with
 * --ssda903 the end of the latest return's collection period) and, with
 * --pseudonymise, the pseudonymiser (else NULL). On a bad option prints
 * "careplan COMMAND: …" and returns FALSE: the command exits with
 * CAREPLAN_EXIT_USAGE. */
gboolean careplan_options_setup (CareplanOptions        *opts,
                                 const char             *command,
                                 CpPolicy              **policy,
                                 CpCalendar            **calendar,
                                 GDate                 **date,
                                 CareplanPseudonymiser **pseudonymiser);

void     careplan_options_clear (CareplanOptions        *opts);

G_END_DECLS
