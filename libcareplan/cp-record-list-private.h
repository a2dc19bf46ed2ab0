/* cp-record-list-private.h: the list behind a record's list field
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include "careplan.h"

G_BEGIN_DECLS

#define CP_TYPE_RECORD_LIST (cp_record_list_get_type ())

G_DECLARE_FINAL_TYPE (CpRecordList, cp_record_list, CP, RECORD_LIST, GObject)

CpRecordList   *cp_record_list_new        (GType         item_type);

GType           cp_record_list_get_item_type (CpRecordList *self);

/* Fills a list nobody has seen yet (just made, still empty) with the
 * records of @items, taking them and their references, without
 * emitting GListModel::items-changed: nobody can be listening. */
void            cp_record_list_take_items (CpRecordList *self,
                                           GPtrArray    *items);

/* Appends @item (a reference is added), emitting items-changed. */
void            cp_record_list_append     (CpRecordList *self,
                                           gpointer      item);

gboolean        cp_record_list_find       (CpRecordList *self,
                                           gpointer      item,
                                           guint        *position);

/* The items themselves, for the library's own reading: no reference is
 * added, and the array is valid until the list changes. NULL (and 0)
 * for an empty list. */
gpointer const *cp_record_list_peek       (CpRecordList *self,
                                           guint        *n_items);

G_END_DECLS
