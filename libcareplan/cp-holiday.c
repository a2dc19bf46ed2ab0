/* cp-holiday.c
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include "careplan.h"

/**
 * CpHoliday:
 *
 * A day that is not a working day although it falls on a weekday: a bank
 * holiday, a substitute day, a one-off bank holiday or an authority's own
 * closure. Instances are immutable; a [class@Calendar] hands them out
 * from [method@Calendar.list_holidays].
 */
struct _CpHoliday
{
  GObject        parent_instance;
  GDate          date;
  char          *title;
  CpHolidayKind  kind;
};

G_DEFINE_FINAL_TYPE (CpHoliday, cp_holiday, G_TYPE_OBJECT)

enum {
  PROP_0,
  PROP_DATE,
  PROP_TITLE,
  PROP_KIND,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
cp_holiday_finalize (GObject *object)
{
  CpHoliday *self = (CpHoliday *) object;

  g_clear_pointer (&self->title, g_free);

  G_OBJECT_CLASS (cp_holiday_parent_class)->finalize (object);
}

static void
cp_holiday_get_property (GObject    *object,
                         guint       prop_id,
                         GValue     *value,
                         GParamSpec *pspec)
{
  CpHoliday *self = CP_HOLIDAY (object);

  switch (prop_id)
    {
    case PROP_DATE:
      g_value_set_boxed (value, &self->date);
      break;
    case PROP_TITLE:
      g_value_set_string (value, self->title);
      break;
    case PROP_KIND:
      g_value_set_enum (value, self->kind);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cp_holiday_set_property (GObject      *object,
                         guint         prop_id,
                         const GValue *value,
                         GParamSpec   *pspec)
{
  CpHoliday *self = CP_HOLIDAY (object);
  const GDate *date;

  switch (prop_id)
    {
    case PROP_DATE:
      date = g_value_get_boxed (value);
      if (date != NULL)
        self->date = *date;
      break;
    case PROP_TITLE:
      g_free (self->title);
      self->title = g_value_dup_string (value);
      break;
    case PROP_KIND:
      self->kind = g_value_get_enum (value);
      break;
    default:
      G_OBJECT_WARN_INVALID_PROPERTY_ID (object, prop_id, pspec);
    }
}

static void
cp_holiday_class_init (CpHolidayClass *klass)
{
  GObjectClass *object_class = G_OBJECT_CLASS (klass);

  object_class->finalize = cp_holiday_finalize;
  object_class->get_property = cp_holiday_get_property;
  object_class->set_property = cp_holiday_set_property;

  /**
   * CpHoliday:date:
   *
   * The day.
   */
  properties[PROP_DATE] =
    g_param_spec_boxed ("date", NULL, NULL, G_TYPE_DATE,
                        G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /**
   * CpHoliday:title:
   *
   * What the day is, as gov.uk titles it (or the closure's reason).
   */
  properties[PROP_TITLE] =
    g_param_spec_string ("title", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  /**
   * CpHoliday:kind:
   *
   * Why the day is not a working day.
   */
  properties[PROP_KIND] =
    g_param_spec_enum ("kind", NULL, NULL, CP_TYPE_HOLIDAY_KIND,
                       CP_HOLIDAY_KIND_BANK_HOLIDAY,
                       G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS);

  g_object_class_install_properties (object_class, N_PROPS, properties);
}

static void
cp_holiday_init (CpHoliday *self)
{
  g_date_clear (&self->date, 1);
}

/**
 * cp_holiday_new:
 * @date: the day
 * @title: what the day is
 * @kind: why it is not a working day
 *
 * Creates a [class@Holiday].
 *
 * Returns: (transfer full): a new #CpHoliday
 */
CpHoliday *
cp_holiday_new (const GDate   *date,
                const char    *title,
                CpHolidayKind  kind)
{
  g_return_val_if_fail (date != NULL && g_date_valid (date), NULL);
  g_return_val_if_fail (title != NULL, NULL);

  return g_object_new (CP_TYPE_HOLIDAY,
                       "date", date,
                       "title", title,
                       "kind", kind,
                       NULL);
}

/**
 * cp_holiday_get_date:
 * @self: a #CpHoliday
 *
 * Gets the [property@Holiday:date] property.
 *
 * Returns: (transfer none): the day
 */
const GDate *
cp_holiday_get_date (CpHoliday *self)
{
  g_return_val_if_fail (CP_IS_HOLIDAY (self), NULL);
  return &self->date;
}

/**
 * cp_holiday_get_title:
 * @self: a #CpHoliday
 *
 * Gets the [property@Holiday:title] property.
 *
 * Returns: (transfer none): what the day is
 */
const char *
cp_holiday_get_title (CpHoliday *self)
{
  g_return_val_if_fail (CP_IS_HOLIDAY (self), NULL);
  return self->title;
}

/**
 * cp_holiday_get_kind:
 * @self: a #CpHoliday
 *
 * Gets the [property@Holiday:kind] property.
 *
 * Returns: why the day is not a working day
 */
CpHolidayKind
cp_holiday_get_kind (CpHoliday *self)
{
  g_return_val_if_fail (CP_IS_HOLIDAY (self), CP_HOLIDAY_KIND_BANK_HOLIDAY);
  return self->kind;
}
