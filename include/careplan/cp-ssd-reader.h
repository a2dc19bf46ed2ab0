/* cp-ssd-reader.h
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#if !defined(CAREPLAN_INSIDE) && !defined(CP_COMPILATION)
# error "Only <careplan.h> can be included directly."
#endif

#include <gio/gio.h>

#include "cp-case.h"
#include "cp-version-macros.h"

G_BEGIN_DECLS

#define CP_TYPE_SSD_READER (cp_ssd_reader_get_type ())

CP_AVAILABLE_IN_0_1
G_DECLARE_FINAL_TYPE (CpSsdReader, cp_ssd_reader, CP, SSD_READER, GObject)

CP_AVAILABLE_IN_0_1
CpSsdReader *cp_ssd_reader_new_for_directory (const char   *directory,
                                              GError      **error);
CP_AVAILABLE_IN_0_1
CpSsdReader *cp_ssd_reader_new_for_connection (const char  *conninfo,
                                               GError     **error);
CP_AVAILABLE_IN_0_1
CpCase      *cp_ssd_reader_next              (CpSsdReader  *self,
                                              GError      **error);
CP_AVAILABLE_IN_0_1
const GDate *cp_ssd_reader_get_review_due_date (CpSsdReader *self,
                                                int          sequence);
CP_AVAILABLE_IN_0_1
const char  *cp_ssd_reader_get_location      (CpSsdReader  *self);
CP_AVAILABLE_IN_0_1
guint        cp_ssd_reader_get_n_children    (CpSsdReader  *self);

G_END_DECLS
