/* cp-record.h: the base of the case-model types
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#if !defined(CAREPLAN_INSIDE) && !defined(CP_COMPILATION)
# error "Only <careplan.h> can be included directly."
#endif

#include <json-glib/json-glib.h>

#include "cp-version-macros.h"

G_BEGIN_DECLS

#define CP_TYPE_RECORD (cp_record_get_type ())

CP_AVAILABLE_IN_0_1
G_DECLARE_DERIVABLE_TYPE (CpRecord, cp_record, CP, RECORD, GObject)

struct _CpRecordClass
{
  GObjectClass parent_class;

  /*< private >*/
  guint        n_props;
  gboolean     strict;
  GParamSpec **pspecs;
  gpointer     fields;
};

CP_AVAILABLE_IN_0_1
JsonObject *cp_record_get_extra   (CpRecord  *self);
CP_AVAILABLE_IN_0_1
JsonNode   *cp_record_to_json     (CpRecord  *self);
CP_AVAILABLE_IN_0_1
gboolean    cp_record_equal       (CpRecord  *a,
                                   CpRecord  *b);

G_END_DECLS
