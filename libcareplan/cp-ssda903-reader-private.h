/* cp-ssda903-reader-private.h
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include "careplan.h"

G_BEGIN_DECLS

/* As cp_ssda903_reader_new_for_directory(), from the tables' text in
 * memory (for the fuzz target: no files). A %NULL table is a missing
 * file; the texts need not be nul-terminated and are copied. */
CpSsda903Reader *cp_ssda903_reader_new_from_data (const char  *header,
                                                  gsize        header_len,
                                                  const char  *episodes,
                                                  gsize        episodes_len,
                                                  const char  *reviews,
                                                  gsize        reviews_len,
                                                  GError     **error);

G_END_DECLS
