/* cp-ssd-codes-private.h: the Standard Safeguarding Dataset's code lists and date fields
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include <glib.h>

#include "cp-ssd-source-private.h"

G_BEGIN_DECLS

typedef struct {
  const char *code;
  int value;
} CpSsdCode;

typedef struct {
  const char *name;          /* the code list, for messages */
  gboolean case_insensitive;
  gboolean blank_allowed;    /* a blank field gives -1 */
  CpSsdCode codes[32];
} CpSsdCodeList;

/* clae_cla_episode_ceased_reason: 0, the period goes on (X1); 1, it ends;
 * 2, it ends with a return home as planned (E4A); 3, with a return home
 * outside the care plan (E4B). */
enum { CEASE_CONTINUES, CEASE_ENDS, CEASE_HOME, CEASE_HOME_UNPLANNED };
enum { CHECK_OTHER, CHECK_HEALTH, CHECK_DENTAL };
enum { STATUS_NOT_DONE, STATUS_COMPLETED };

extern const CpSsdCodeList cp_ssd_legal_status_codes;
extern const CpSsdCodeList cp_ssd_placement_type_codes;
extern const CpSsdCodeList cp_ssd_provider_codes;
extern const CpSsdCodeList cp_ssd_change_reason_codes;
extern const CpSsdCodeList cp_ssd_start_reason_codes;
extern const CpSsdCodeList cp_ssd_ceased_reason_codes;
extern const CpSsdCodeList cp_ssd_participation_codes;
extern const CpSsdCodeList cp_ssd_yes_no_codes;
extern const CpSsdCodeList cp_ssd_health_check_codes;
extern const CpSsdCodeList cp_ssd_health_status_codes;
extern const CpSsdCodeList cp_ssd_eligibility_codes;
extern const CpSsdCodeList cp_ssd_in_touch_codes;
extern const CpSsdCodeList cp_ssd_missing_type_codes;
extern const CpSsdCodeList cp_ssd_rhi_codes;
extern const CpSsdCodeList cp_ssd_order_type_codes;
extern const CpSsdCodeList cp_ssd_plan_codes;

/* A field's code: its value in @list, -1 for a blank the list allows. */
gboolean cp_ssd_lookup_code    (const CpSsdCodeList  *list,
                                CpSsdTable           *table,
                                CpCsvRow             *row,
                                int                   col,
                                int                  *out,
                                GError              **error);
/* A date field as a Julian day; 0 for a blank one when @optional. */
gboolean cp_ssd_parse_date     (CpSsdTable           *table,
                                CpCsvRow             *row,
                                int                   col,
                                gboolean              optional,
                                guint32              *out,
                                GError              **error);
/* The pathways ticked in lacp_cla_care_plan_json: @first and @second, or -1. */
gboolean cp_ssd_read_plan_json (CpSsdTable           *table,
                                CpCsvRow             *row,
                                int                  *first,
                                int                  *second,
                                gboolean             *any,
                                GError              **error);

G_END_DECLS
