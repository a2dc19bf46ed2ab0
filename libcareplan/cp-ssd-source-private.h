/* cp-ssd-source-private.h: where the SSD reader's rows come from, one child at a time
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#pragma once

#include <glib.h>

#include "cp-csv-table-private.h"

G_BEGIN_DECLS

/* The SSD tables the reader reads. */
typedef enum {
  T_PERSON,
  T_EPISODES,
  T_PLACEMENT,
  T_LEGAL,
  T_REVIEWS,
  T_VISITS,
  T_HEALTH,
  T_CARE_PLAN,
  T_PERMANENCE,
  T_CARE_LEAVERS,
  T_MISSING,
  N_TABLES
} CpSsdTableId;

/* The wanted columns of each table, in the order of the names in
 * cp_ssd_table_specs[].cols; the first is the table's key (the person, or
 * the period of care for placements and reviews). */
enum { P_ID, P_DOB, P_DEATH, N_P };
enum { E_PERSON, E_ID, E_CLA, E_START, E_START_REASON, E_CEASED, E_CEASED_REASON, E_ENTERED, E_PLACEMENT };
enum { PL_CLA, PL_ID, PL_PERSON, PL_START, PL_END, PL_TYPE, PL_PROVIDER, PL_REASON, PL_DISTANCE, PL_POSTCODE };
enum { L_PERSON, L_STATUS, L_START, L_END };
enum { R_CLA, R_ID, R_DUE, R_DATE, R_CANCELLED, R_PARTICIPATION };
enum { V_PERSON, V_ID, V_CLA, V_DATE, V_SEEN, V_SEEN_ALONE };
enum { H_PERSON, H_TYPE, H_DATE, H_STATUS };
enum { C_PERSON, C_START, C_END, C_JSON };
enum { M_PERSON, M_ADM, M_PLACEMENT_ORDER, M_MATCHED, M_PLACED, M_REVERSED, M_ORDER, M_ORDER_TYPE, N_M };
enum { CL_PERSON, CL_ELIGIBILITY, CL_IN_TOUCH, CL_CONTACT, CL_PATHWAY };
enum { MI_PERSON, MI_START, MI_TYPE, MI_END, MI_RHI_OFFERED, MI_RHI_ACCEPTED };

/* Each table: its file, its SQL table, its columns (a name starting with
 * '?' is optional), whether it is needed, the row identifier that orders
 * a SQL table's rows after its key, and the columns (bit w for column w)
 * the case builder never reads from a row: checked to be there, as the
 * format has them, but a source need not fetch them (a person's key,
 * which a source has already; an identifier that only orders rows). */
typedef struct {
  const char *name;
  const char *sql;
  const char * const *cols;
  gboolean required;
  const char *row_id;
  guint unread;
} CpSsdTableSpec;

#define CP_SSD_COLUMN(w) (1u << (w))

extern const CpSsdTableSpec cp_ssd_table_specs[N_TABLES];

/* A table as the case builder sees it: its name for messages, where its
 * wanted columns are, and the current child's rows in the order of their
 * row numbers. A person-keyed table holds the child's rows; the placement
 * and review tables hold those of all the child's periods of care (and
 * the placements its episodes name by id), for the builder to choose from.
 * Keys (the first wanted column) are stripped of white space. */
typedef struct {
  const char *name;
  const char * const *colnames;
  int *cols;
  int *places;         /* each wanted column's place in the table, for
                        * messages, where a source fetches fewer columns
                        * than the table has (NULL: as cols) */
  GPtrArray *rows;     /* CpCsvRow */
} CpSsdTable;

typedef enum {
  CP_SSD_ITEM_END,
  CP_SSD_ITEM_CHILD,      /* a looked-after child: @row its person row, the tables its rows */
  CP_SSD_ITEM_DUPLICATE,  /* a second person row for a child: @n the first one's line */
  CP_SSD_ITEM_ORPHAN,     /* episodes without a person row: @row the first, @n how many */
} CpSsdItemKind;

typedef struct {
  CpSsdItemKind kind;
  CpCsvRow *row;
  guint n;
} CpSsdItem;

typedef struct _CpSsdSource CpSsdSource;

/* A source of SSD rows: a CSV directory, a PostgreSQL database, and next
 * SQL Server (ODBC). open() is the source's constructor; next() fills the
 * tables' rows for the next item (children in the order of ssd_person's
 * rows, then the orphans' episodes); close() frees what the source holds
 * beyond the tables. count(), where a source has it, counts the children
 * when first asked (a database's query costs as much as reading the person
 * table, which a check does not need); a source without it sets
 * n_children when it opens. */
typedef struct {
  gboolean (*next)  (CpSsdSource  *source,
                     CpSsdItem    *item,
                     GError      **error);
  void     (*close) (CpSsdSource  *source);
  guint    (*count) (CpSsdSource  *source);
} CpSsdSourceClass;

struct _CpSsdSource {
  const CpSsdSourceClass *klass;
  CpSsdTable tables[N_TABLES];
  guint n_children;    /* person rows with a care episode */
  gboolean counted;    /* n_children is known */
};

CpSsdSource *cp_ssd_source_new_csv        (const char  *directory,
                                           GError     **error);
CpSsdSource *cp_ssd_source_new_postgresql (const char  *conninfo,
                                           GError     **error);

void         cp_ssd_source_init           (CpSsdSource            *source,
                                           const CpSsdSourceClass *klass);
gboolean     cp_ssd_source_next           (CpSsdSource            *source,
                                           CpSsdItem              *item,
                                           GError                **error);
void         cp_ssd_source_free           (CpSsdSource            *source);
guint        cp_ssd_source_count          (CpSsdSource            *source);

const char  *cp_ssd_field                 (CpSsdTable             *table,
                                           CpCsvRow               *row,
                                           int                     col);
gboolean     cp_ssd_row_fail              (GError                **error,
                                           int                     code,
                                           CpSsdTable             *table,
                                           CpCsvRow               *row,
                                           int                     col,
                                           const char             *format,
                                           ...) G_GNUC_PRINTF (6, 7);

G_END_DECLS
