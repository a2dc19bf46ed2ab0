/* cp-record-list.c: the list behind a record's list field
 *
 * A GListModel over an array of records. The case model reads a few list
 * fields for every record of every case, and a caseload is a hundred
 * thousand cases: the record keeps its list as an array, which the
 * library reads directly, and this object, a GListModel over the same
 * array, is made only when a program asks for the list.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include "cp-record-list-private.h"

struct _CpRecordList
{
  GObject    parent_instance;
  GType      item_type;
  GPtrArray *items;   /* of references; shared with the record */
};

static void cp_record_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (CpRecordList, cp_record_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL,
                                                      cp_record_list_model_init))

static GType
cp_record_list_model_get_item_type (GListModel *model)
{
  return CP_RECORD_LIST (model)->item_type;
}

static guint
cp_record_list_model_get_n_items (GListModel *model)
{
  CpRecordList *self = CP_RECORD_LIST (model);

  return self->items->len;
}

static gpointer
cp_record_list_model_get_item (GListModel *model,
                               guint       position)
{
  CpRecordList *self = CP_RECORD_LIST (model);

  if (position >= self->items->len)
    return NULL;
  return g_object_ref (self->items->pdata[position]);
}

static void
cp_record_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = cp_record_list_model_get_item_type;
  iface->get_n_items = cp_record_list_model_get_n_items;
  iface->get_item = cp_record_list_model_get_item;
}

static void
cp_record_list_finalize (GObject *object)
{
  CpRecordList *self = CP_RECORD_LIST (object);

  g_clear_pointer (&self->items, g_ptr_array_unref);

  G_OBJECT_CLASS (cp_record_list_parent_class)->finalize (object);
}

static void
cp_record_list_class_init (CpRecordListClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = cp_record_list_finalize;
}

static void
cp_record_list_init (CpRecordList *self)
{
}

CpRecordList *
cp_record_list_new (GType      item_type,
                    GPtrArray *items)
{
  CpRecordList *self;

  g_return_val_if_fail (g_type_is_a (item_type, G_TYPE_OBJECT), NULL);
  g_return_val_if_fail (items != NULL, NULL);

  self = g_object_new (CP_TYPE_RECORD_LIST, NULL);
  self->item_type = item_type;
  self->items = g_ptr_array_ref (items);
  return self;
}

void
cp_record_list_append (CpRecordList *self,
                       gpointer      item)
{
  g_return_if_fail (CP_IS_RECORD_LIST (self));
  g_return_if_fail (g_type_is_a (G_OBJECT_TYPE (item), self->item_type));

  g_ptr_array_add (self->items, g_object_ref (item));
  g_list_model_items_changed (G_LIST_MODEL (self), self->items->len - 1, 0, 1);
}

gboolean
cp_record_list_find (CpRecordList *self,
                     gpointer      item,
                     guint        *position)
{
  g_return_val_if_fail (CP_IS_RECORD_LIST (self), FALSE);

  return g_ptr_array_find (self->items, item, position);
}
