/* careplan-write-table.h: careplan check --write-table
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include <careplan.h>

G_BEGIN_DECLS

/* The layout, as docs/ssd.md shows it (%s: quoted names). TABLE_rows holds
 * one narrow row an obligation, keyed by the run that wrote it (as_at,
 * profile) and the child's obligation (record_id, ordinal); TABLE_rules
 * each rule's citation once a profile; TABLE is a view joining them with
 * the columns of the one wide table earlier versions wrote, so that the
 * dashboards' queries read it as before. */
#define CAREPLAN_OBLIGATIONS_ROWS_DDL \
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
  " rule_id text NOT NULL)"
#define CAREPLAN_OBLIGATIONS_RULES_DDL \
  "CREATE TABLE IF NOT EXISTS %s (" \
  " profile text NOT NULL," \
  " rule_id text NOT NULL," \
  " citation text NOT NULL," \
  " PRIMARY KEY (profile, rule_id))"
/* %1$s: the view, %2$s: the rows, %3$s: the rules. */
#define CAREPLAN_OBLIGATIONS_VIEW_DDL \
  "CREATE OR REPLACE VIEW %1$s AS" \
  " SELECT o.as_at, o.profile, o.record_id, o.ordinal, o.key, o.subject, o.due, o.met_on, o.status," \
  " o.rule_id, r.citation" \
  " FROM %2$s o JOIN %3$s r ON r.profile = o.profile AND r.rule_id = o.rule_id"

typedef struct _CareplanTableWriter CareplanTableWriter;

/* Whether @name is a table's name: an SQL identifier of letters, digits
 * and underscores, perhaps schema-qualified (schema.table). */
gboolean careplan_table_name_is_valid (const char *name);

/* Connects to @conninfo (no password in it), creates @table if need be,
 * and, in a transaction, deletes its rows of @as_at and @profile. */
CareplanTableWriter *careplan_table_writer_new (const char *conninfo, const char *table, const char *profile,
                                                const GDate *as_at, GError **error);
/* Adds the obligations of @kase that @source can judge, under the
 * writer's profile and as-at date. */
gboolean careplan_table_writer_add_case (CareplanTableWriter *self, CpEvaluator *ev, CpCase *kase, int source,
                                         GError **error);
/* Commits; @rows is how many were written. */
gboolean careplan_table_writer_commit (CareplanTableWriter *self, guint *rows, GError **error);
/* Rolls back what is not committed. */
void careplan_table_writer_free (CareplanTableWriter *self);

G_DEFINE_AUTOPTR_CLEANUP_FUNC (CareplanTableWriter, careplan_table_writer_free)

G_END_DECLS
