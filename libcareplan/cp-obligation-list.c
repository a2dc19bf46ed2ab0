/* cp-obligation-list.c: the evaluator's list of obligations
 *
 * A GListModel of CpObligation over the engine's plain data. A caseload
 * check evaluates a hundred thousand children at a few dozen obligations
 * each; most are only counted, so an obligation becomes an object (and
 * gets its explanation) only when the list is asked for that item. Once
 * made, the same object is returned for the item until the list changes.
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include "cp-obligation-list-private.h"

struct _CpObligationList
{
  GObject    parent_instance;
  GArray       *data;      /* CpObligationData */
  GStringChunk *strings;   /* their subjects and reasons */
  GPtrArray    *objects;   /* CpObligation or NULL, parallel to data */
  CpPolicy     *policy;    /* owns the rules the data borrow */
};

static void cp_obligation_list_model_init (GListModelInterface *iface);

G_DEFINE_FINAL_TYPE_WITH_CODE (CpObligationList, cp_obligation_list, G_TYPE_OBJECT,
                               G_IMPLEMENT_INTERFACE (G_TYPE_LIST_MODEL,
                                                      cp_obligation_list_model_init))

static GType
cp_obligation_list_get_item_type (GListModel *model)
{
  return CP_TYPE_OBLIGATION;
}

static guint
cp_obligation_list_get_n_items (GListModel *model)
{
  return CP_OBLIGATION_LIST (model)->data->len;
}

static gpointer
cp_obligation_list_get_item (GListModel *model,
                             guint       position)
{
  CpObligationList *self = CP_OBLIGATION_LIST (model);

  if (position >= self->data->len)
    return NULL;
  return g_object_ref (cp_obligation_list_get (self, position));
}

static void
cp_obligation_list_model_init (GListModelInterface *iface)
{
  iface->get_item_type = cp_obligation_list_get_item_type;
  iface->get_n_items = cp_obligation_list_get_n_items;
  iface->get_item = cp_obligation_list_get_item;
}

static void
cp_obligation_list_finalize (GObject *object)
{
  CpObligationList *self = CP_OBLIGATION_LIST (object);

  g_clear_pointer (&self->data, g_array_unref);
  g_clear_pointer (&self->strings, g_string_chunk_free);
  g_clear_pointer (&self->objects, g_ptr_array_unref);
  g_clear_object (&self->policy);

  G_OBJECT_CLASS (cp_obligation_list_parent_class)->finalize (object);
}

static void
cp_obligation_list_class_init (CpObligationListClass *klass)
{
  G_OBJECT_CLASS (klass)->finalize = cp_obligation_list_finalize;
}

/* Most items are never made objects: their slots stay NULL. */
static void
unref_made (gpointer object)
{
  if (object != NULL)
    g_object_unref (object);
}

static void
cp_obligation_list_init (CpObligationList *self)
{
  self->data = g_array_new (FALSE, FALSE, sizeof (CpObligationData));
  self->objects = g_ptr_array_new_with_free_func (unref_made);
}

CpObligationList *
cp_obligation_list_new (void)
{
  return g_object_new (CP_TYPE_OBLIGATION_LIST, NULL);
}

void
cp_obligation_list_replace (CpObligationList *self,
                            GArray           *data,
                            GStringChunk     *strings,
                            CpPolicy         *policy,
                            gboolean          unheard)
{
  guint removed;

  g_return_if_fail (CP_IS_OBLIGATION_LIST (self));
  g_return_if_fail (data != NULL);
  g_return_if_fail (strings != NULL);
  g_return_if_fail (CP_IS_POLICY (policy));

  removed = self->data->len;
  g_array_unref (self->data);
  self->data = data;
  g_clear_pointer (&self->strings, g_string_chunk_free);
  self->strings = strings;
  /* Keeps the rules the data borrow. */
  g_set_object (&self->policy, policy);
  g_ptr_array_set_size (self->objects, 0);
  g_ptr_array_set_size (self->objects, data->len);   /* all NULL: none made yet */

  if (!unheard && (removed > 0 || data->len > 0))
    g_list_model_items_changed (G_LIST_MODEL (self), 0, removed, data->len);
}

guint
cp_obligation_list_length (CpObligationList *self)
{
  g_return_val_if_fail (CP_IS_OBLIGATION_LIST (self), 0);
  return self->data->len;
}

const CpObligationData *
cp_obligation_list_peek (CpObligationList *self,
                         guint             position)
{
  g_return_val_if_fail (CP_IS_OBLIGATION_LIST (self), NULL);
  g_return_val_if_fail (position < self->data->len, NULL);
  return &g_array_index (self->data, CpObligationData, position);
}

const CpObligationData *
cp_obligation_list_peek_all (CpObligationList *self,
                             guint            *n_items)
{
  g_return_val_if_fail (CP_IS_OBLIGATION_LIST (self), NULL);
  *n_items = self->data->len;
  return self->data->len > 0 ? &g_array_index (self->data, CpObligationData, 0) : NULL;
}

CpObligation *
cp_obligation_list_get (CpObligationList *self,
                        guint             position)
{
  g_return_val_if_fail (CP_IS_OBLIGATION_LIST (self), NULL);
  g_return_val_if_fail (position < self->data->len, NULL);

  if (self->objects->pdata[position] == NULL)
    self->objects->pdata[position] =
      cp_obligation_new_from_data (&g_array_index (self->data, CpObligationData, position));
  return self->objects->pdata[position];
}
