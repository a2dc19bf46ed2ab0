/* cp-ssda903-reader.h
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

#define CP_TYPE_SSDA903_READER (cp_ssda903_reader_get_type ())

CP_AVAILABLE_IN_0_1
G_DECLARE_FINAL_TYPE (CpSsda903Reader, cp_ssda903_reader, CP, SSDA903_READER, GObject)

CP_AVAILABLE_IN_0_1
CpSsda903Reader *cp_ssda903_reader_new_for_directory (const char       *directory,
                                                      GError          **error);
CP_AVAILABLE_IN_0_1
CpCase          *cp_ssda903_reader_next              (CpSsda903Reader  *self,
                                                      GError          **error);
CP_AVAILABLE_IN_0_1
const char      *cp_ssda903_reader_get_location      (CpSsda903Reader  *self);
CP_AVAILABLE_IN_0_1
guint            cp_ssda903_reader_get_n_children    (CpSsda903Reader  *self);
CP_AVAILABLE_IN_0_1
gboolean         cp_ssda903_reader_get_lenient       (CpSsda903Reader  *self);
CP_AVAILABLE_IN_0_1
void             cp_ssda903_reader_set_lenient       (CpSsda903Reader  *self,
                                                      gboolean          lenient);
CP_AVAILABLE_IN_0_1
guint            cp_ssda903_reader_get_n_lenient     (CpSsda903Reader  *self);
CP_AVAILABLE_IN_0_1
gboolean         cp_ssda903_reader_get_has_reviews   (CpSsda903Reader  *self);
CP_AVAILABLE_IN_0_1
guint            cp_ssda903_reader_get_n_returns     (CpSsda903Reader  *self);
CP_AVAILABLE_IN_0_1
GDate           *cp_ssda903_reader_dup_period_end    (CpSsda903Reader  *self);
CP_AVAILABLE_IN_0_1
GDate           *cp_ssda903_reader_dup_child_period_end (CpSsda903Reader *self);

G_END_DECLS
