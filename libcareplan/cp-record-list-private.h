/* cp-record-list-private.h: the list behind a record's list field
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include "careplan.h"

G_BEGIN_DECLS

#define CP_TYPE_RECORD_LIST (cp_record_list_get_type ())

G_DECLARE_FINAL_TYPE (CpRecordList, cp_record_list, CP, RECORD_LIST, GObject)

/* A list over @items (an array of references that unrefs them; a
 * reference to the array is taken): the record and its list share it. */
CpRecordList   *cp_record_list_new        (GType         item_type,
                                           GPtrArray    *items);

/* Appends @item (a reference is added) to the shared array, emitting
 * items-changed. */
void            cp_record_list_append     (CpRecordList *self,
                                           gpointer      item);

gboolean        cp_record_list_find       (CpRecordList *self,
                                           gpointer      item,
                                           guint        *position);

G_END_DECLS
