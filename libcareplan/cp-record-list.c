/* cp-record-list.c: the list behind a record's list field
 *
 * A GListModel over an array of records. The case model reads a few list
 * fields for every record of every case, and a caseload is a hundred
 * thousand cases: this list costs an array, where a GListStore is a
 * balanced tree (GSequence) with properties of its own. The library reads
 * the array directly (cp_record_list_peek()); programs see a GListModel.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include "cp-record-list-private.h"

struct _CpRecordList
{
  GObject    parent_instance;
  GType      item_type;
  GPtrArray *items;   /* references; NULL while empty */
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

  return self->items != NULL ? self->items->len : 0;
}

static gpointer
cp_record_list_model_get_item (GListModel *model,
                               guint       position)
{
  CpRecordList *self = CP_RECORD_LIST (model);

  if (self->items == NULL || position >= self->items->len)
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
cp_record_list_new (GType item_type)
{
  CpRecordList *self;

  g_return_val_if_fail (g_type_is_a (item_type, G_TYPE_OBJECT), NULL);

  self = g_object_new (CP_TYPE_RECORD_LIST, NULL);
  self->item_type = item_type;
  return self;
}

GType
cp_record_list_get_item_type (CpRecordList *self)
{
  g_return_val_if_fail (CP_IS_RECORD_LIST (self), G_TYPE_INVALID);
  return self->item_type;
}

void
cp_record_list_take_items (CpRecordList *self,
                           GPtrArray    *items)
{
  g_return_if_fail (CP_IS_RECORD_LIST (self));
  g_return_if_fail (self->items == NULL);
  g_return_if_fail (items != NULL);

  if (items->len == 0)
    {
      g_ptr_array_unref (items);
      return;
    }
  g_ptr_array_set_free_func (items, g_object_unref);
  self->items = items;
}

void
cp_record_list_append (CpRecordList *self,
                       gpointer      item)
{
  g_return_if_fail (CP_IS_RECORD_LIST (self));
  g_return_if_fail (g_type_is_a (G_OBJECT_TYPE (item), self->item_type));

  if (self->items == NULL)
    self->items = g_ptr_array_new_with_free_func (g_object_unref);
  g_ptr_array_add (self->items, g_object_ref (item));
  g_list_model_items_changed (G_LIST_MODEL (self), self->items->len - 1, 0, 1);
}

gboolean
cp_record_list_find (CpRecordList *self,
                     gpointer      item,
                     guint        *position)
{
  g_return_val_if_fail (CP_IS_RECORD_LIST (self), FALSE);

  return self->items != NULL && g_ptr_array_find (self->items, item, position);
}

gpointer const *
cp_record_list_peek (CpRecordList *self,
                     guint        *n_items)
{
  g_return_val_if_fail (CP_IS_RECORD_LIST (self), NULL);
  g_return_val_if_fail (n_items != NULL, NULL);

  if (self->items == NULL)
    {
      *n_items = 0;
      return NULL;
    }
  *n_items = self->items->len;
  return (gpointer const *) self->items->pdata;
}
