/* careplan-write-table.h: careplan check --write-table
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include <careplan.h>

G_BEGIN_DECLS

/* The table's DDL (%s: its quoted name), as docs/ssd.md shows it. One row an
 * obligation; the key says which run wrote it (as_at, profile) and which of
 * the child's obligations it is (record_id, ordinal). */
#define CAREPLAN_OBLIGATIONS_DDL \
  "CREATE TABLE IF NOT EXISTS %s (" \
  " as_at date NOT NULL," \
  " profile text NOT NULL," \
  " record_id text NOT NULL," \
  " ordinal integer NOT NULL," \
  " key text NOT NULL," \
  " subject text NOT NULL," \
  " due date," \
  " met_on date," \
  " status text NOT NULL," \
  " rule_id text NOT NULL," \
  " citation text NOT NULL," \
  " PRIMARY KEY (as_at, profile, record_id, ordinal))"

typedef struct _CareplanTableWriter CareplanTableWriter;

/* Whether @name is a table's name: an SQL identifier of letters, digits
 * and underscores, perhaps schema-qualified (schema.table). */
gboolean careplan_table_name_is_valid (const char *name);

/* Connects to @conninfo (no password in it), creates @table if need be,
 * and, in a transaction, deletes its rows of @as_at and @profile. */
CareplanTableWriter *careplan_table_writer_new (const char *conninfo, const char *table, const char *profile,
                                                const GDate *as_at, GError **error);
/* Adds the obligations of @kase that @source can judge. */
gboolean careplan_table_writer_add_case (CareplanTableWriter *self, CpEvaluator *ev, CpCase *kase, int source,
                                         const char *profile, const GDate *as_at, GError **error);
/* Commits; @rows is how many were written. */
gboolean careplan_table_writer_commit (CareplanTableWriter *self, guint *rows, GError **error);
/* Rolls back what is not committed. */
void careplan_table_writer_free (CareplanTableWriter *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CareplanTableWriter, careplan_table_writer_free)

G_END_DECLS
