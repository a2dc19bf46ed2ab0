/* cp-caseload-reader.h: streaming a JSON Lines caseload
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

#define CP_TYPE_CASELOAD_READER (cp_caseload_reader_get_type ())

CP_AVAILABLE_IN_0_1
G_DECLARE_FINAL_TYPE (CpCaseloadReader, cp_caseload_reader, CP, CASELOAD_READER, GObject)

CP_AVAILABLE_IN_0_1
CpCaseloadReader *cp_caseload_reader_new          (GInputStream      *stream);
CP_AVAILABLE_IN_0_1
CpCaseloadReader *cp_caseload_reader_new_for_path (const char        *path,
                                                   GError           **error);
CP_AVAILABLE_IN_0_1
CpCase           *cp_caseload_reader_next         (CpCaseloadReader  *self,
                                                   GError           **error);
CP_AVAILABLE_IN_0_1
guint             cp_caseload_reader_get_line     (CpCaseloadReader  *self);

CP_AVAILABLE_IN_0_1
GListModel       *cp_caseload_load_file           (const char        *path,
                                                   GError           **error);
CP_AVAILABLE_IN_0_1
gboolean          cp_caseload_save_file           (GListModel        *cases,
                                                   const char        *path,
                                                   GError           **error);

G_END_DECLS
