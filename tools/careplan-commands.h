/* careplan-commands.h: the subcommands of the careplan tool
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include <careplan.h>

#include "cp-evaluator-private.h"

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
int careplan_summary_main (int argc, char **argv);
int careplan_report_main (int argc, char **argv);

/* Shared helpers. */

/* Parses a subcommand's options; a bad one is reported on stderr as
 * "careplan CMD: …" (the program name the dispatcher set), and the
 * command should exit with CAREPLAN_EXIT_USAGE. */
gboolean careplan_parse_options (GOptionContext *ctx, int *argc, char ***argv);
gboolean careplan_parse_region (const char *text, CpRegion *region, GError **error);
const char *careplan_nick (GType enum_type, int value);
CpPolicy *careplan_policy_from_argument (const char *text, GError **error);
CpCalendar *careplan_calendar_from_options (const char *region, const char *bank_holidays,
                                            GError **error);

/* careplan-cases.c: the cases named on a command line. @where is FILE,
 * FILE:LINE or a return's Header row: never the child's name or id.
 * @source says where the case came from, and so which obligations can be
 * judged from it (careplan_source_judges()): a 903 return records no plans,
 * the SSD no review paperwork. */
typedef enum {
  CAREPLAN_SOURCE_CASE = 0,
  CAREPLAN_SOURCE_SSDA903 = 1,
  CAREPLAN_SOURCE_SSD = 2,
  CAREPLAN_SOURCE_SSDA903_NO_REVIEWS = 3,   /* a return without reviews.csv: nothing judged */
} CareplanSource;
typedef void (*CareplanCaseFunc) (CpCase *kase, const char *where, int source, gpointer data);

gboolean careplan_source_judges (int source, CpDuty duty);
/* Whether an --ssd argument names a PostgreSQL database (a URI or a libpq
 * connection string) rather than a directory of CSV files. */
gboolean careplan_ssd_is_connection (const char *arg);
gboolean careplan_for_each_ssd_case (char **ssd_dirs, CareplanCaseFunc func, gpointer data, guint *invalid);
guint careplan_count_ssd_cases (char **ssd_dirs);

/* careplan-due-dates.c: `careplan check --compare-due-dates`. */
void careplan_keep_due_dates (CpCase *kase, CpSsdReader *reader);
guint careplan_compare_due_dates (CpCase *kase, CpEvaluator *ev, const char *where, GString *out,
                                  guint *compared, guint *later);

/* How SSDA903 returns are read: --lenient (docs/ssda903.md). */
void careplan_ssda903_options (gboolean lenient);
/* With no --on (@on NULL) and returns to read: the end of the latest
 * return's collection period, YYYY-MM-DD, for --on; each return's child
 * is then evaluated as at its own return's end. NULL otherwise. */
char *careplan_ssda903_default_on (char **ssda903_dirs, const char *on);

gboolean careplan_for_each_case (char **paths, char **ssda903_dirs, CareplanCaseFunc func,
                                 gpointer data, guint *invalid);
guint careplan_count_cases (char **paths, char **ssda903_dirs);

/* Every case named on a command line, evaluated against @policy and
 * @calendar as at @date, handed to @func in input order. A JSON Lines
 * caseload or an SSD is read and evaluated on @jobs threads (0: one per
 * core), so the output is the same for any @jobs. @ev is NULL when the
 * case could not be evaluated (why is already on stderr, naming @where).
 *
 * With @prepare, each evaluated case is first given to @prepare on the
 * thread that evaluated it (@worker, from 0 to the threads less one, for
 * what it keeps per thread): what it makes of the case (a check's report
 * of it, a summary's counts) reaches @func as @prepared, in input order,
 * and is then freed with @prepared_free; the work is shared by the
 * threads rather than done on the one that calls @func. @prepare reads
 * the case's obligations as plain data (@ev: no evaluator is made for a
 * case prepared this way); @kase and @ev of @func are then NULL: the case
 * was freed where it was prepared. @prepared is NULL when @prepare was
 * not called (no @prepare, a case not evaluated) or returned NULL; @func
 * then works on the case itself. On one thread @prepare is worth giving
 * when what it makes is small (a summary's counts: the case needs no
 * evaluator, two objects fewer), not when it is the case's report
 * (written apart, then copied into place, which costs what the evaluator
 * saved). */
typedef gpointer (*CareplanPrepareFunc) (CpCase *kase, const CpEvaluated *ev, const char *where, int source,
                                         guint worker, gpointer data);
typedef void (*CareplanEvaluatedFunc) (CpCase *kase, CpEvaluator *ev, const char *where,
                                       int source, gpointer prepared, gpointer data);

gboolean careplan_for_each_evaluated (char **paths, char **ssda903_dirs, char **ssd_dirs, guint jobs,
                                      CpPolicy *policy,
                                      CpCalendar *calendar, const GDate *date,
                                      CareplanPrepareFunc prepare, GDestroyNotify prepared_free,
                                      CareplanEvaluatedFunc func, gpointer data, guint *invalid);
/* The threads careplan_for_each_evaluated() uses for @jobs. */
guint careplan_threads_for_jobs (guint jobs);
GDate *careplan_date_option (const char *text, const char *option, GError **error);

/* The profile (default england), calendar and date (--on, default today)
 * of an evaluating command; on a bad option prints why and returns FALSE. */
gboolean careplan_evaluation_setup (const char *command, const char *policy_arg, const char *region,
                                    const char *bank_holidays, const char *on, CpPolicy **policy,
                                    CpCalendar **calendar, GDate **date);

/* @kase evaluated as at @date, or NULL after printing why (naming @where). */
CpEvaluator *careplan_evaluate (CpCase *kase, CpPolicy *policy, CpCalendar *calendar, const GDate *date,
                                const char *where);

/* A progress bar on stderr for large caseloads, when stderr is a terminal
 * (NULL otherwise; every function accepts NULL). */
#define CAREPLAN_PROGRESS_MIN_CASES 500
typedef struct _CareplanProgress CareplanProgress;
CareplanProgress *careplan_progress_new (guint total);
void careplan_progress_step (CareplanProgress *progress);
void careplan_progress_free (CareplanProgress *progress);

G_END_DECLS
