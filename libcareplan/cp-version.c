/* cp-version.c
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include "careplan.h"

guint
cp_get_major_version (void)
{
  return CP_MAJOR_VERSION;
}

guint
cp_get_minor_version (void)
{
  return CP_MINOR_VERSION;
}

guint
cp_get_micro_version (void)
{
  return CP_MICRO_VERSION;
}
