/* test-ssd.c: the Standard Safeguarding Dataset's CSV extracts as cases
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include <glib/gstdio.h>
#include <string.h>

#include "test-helpers.h"

enum { PERSON, EPISODES, PLACEMENT, LEGAL, REVIEWS, VISITS, HEALTH, CARE_PLAN, PERMANENCE, LEAVERS, MISSING, N_TABLES };

static const char * const names[N_TABLES] = {
  "ssd_person.csv", "ssd_cla_episodes.csv", "ssd_cla_placement.csv", "ssd_legal_status.csv",
  "ssd_cla_reviews.csv", "ssd_cla_visits.csv", "ssd_cla_health.csv", "ssd_cla_care_plan.csv",
  "ssd_permanence.csv", "ssd_care_leavers.csv", "ssd_missing.csv",
};

/* The header rows, in an order of their own (columns are found by name). */
#define H_PERSON "pers_person_id,pers_forename,pers_dob,pers_death_date\n"
#define H_EPISODES "clae_cla_episode_id,clae_person_id,clae_cla_episode_start_date,clae_cla_episode_start_reason," \
  "clae_cla_primary_need_code,clae_cla_episode_ceased_date,clae_cla_episode_ceased_reason,clae_cla_id," \
  "clae_cla_placement_id,clae_entered_care_date\n"
#define H_PLACEMENT "clap_cla_placement_id,clap_cla_id,clap_person_id,clap_cla_placement_start_date," \
  "clap_cla_placement_end_date,clap_cla_placement_type,clap_cla_placement_provider," \
  "clap_cla_placement_change_reason,clap_cla_placement_distance,clap_cla_placement_postcode\n"
#define H_LEGAL "lega_legal_status_id,lega_person_id,lega_legal_status,lega_legal_status_start_date," \
  "lega_legal_status_end_date\n"
#define H_REVIEWS "clar_cla_review_id,clar_cla_id,clar_cla_review_due_date,clar_cla_review_date," \
  "clar_cla_review_cancelled,clar_cla_review_participation\n"
#define H_VISITS "clav_cla_visit_id,clav_cla_id,clav_person_id,clav_cla_visit_date,clav_cla_visit_seen," \
  "clav_cla_visit_seen_alone\n"
#define H_HEALTH "clah_health_check_id,clah_person_id,clah_health_check_type,clah_health_check_date," \
  "clah_health_check_status\n"
#define H_CARE_PLAN "lacp_table_id,lacp_person_id,lacp_cla_care_plan_start_date,lacp_cla_care_plan_end_date," \
  "lacp_cla_care_plan_json\n"
#define H_PERMANENCE "perm_table_id,perm_person_id,perm_adm_decision_date,perm_permanence_order_type\n"
#define H_LEAVERS "clea_table_id,clea_person_id,clea_care_leaver_eligibility,clea_care_leaver_in_touch," \
  "clea_care_leaver_latest_contact,clea_pathway_plan_review_date\n"
#define H_MISSING "miss_table_id,miss_person_id,miss_missing_episode_start_date,miss_missing_episode_type," \
  "miss_missing_episode_end_date\n"

#define H_MISSING_RHI "miss_table_id,miss_person_id,miss_missing_episode_start_date,miss_missing_episode_type," \
  "miss_missing_episode_end_date,miss_missing_rhi_offered,miss_missing_rhi_accepted\n"

/* The child's identifier, which no message may contain. */
#define ID "SECRET-77"

static char *
write_ssd (const char * const texts[N_TABLES])
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("careplan-ssd-XXXXXX", &error);

  cr_assert_not_null (dir, "%s", error ? error->message : "");
  for (guint t = 0; t < N_TABLES; t++)
    if (texts[t] != NULL)
      {
        g_autofree char *path = g_build_filename (dir, names[t], NULL);
        cr_assert (g_file_set_contents (path, texts[t], -1, NULL));
      }
  return dir;
}

static void
remove_ssd (char *dir)
{
  for (guint t = 0; t < N_TABLES; t++)
    {
      g_autofree char *path = g_build_filename (dir, names[t], NULL);
      g_remove (path);
    }
  g_rmdir (dir);
  g_free (dir);
}

static char *
nth_date (GListModel *list, guint i, const GDate *(*get) (gpointer))
{
  g_autoptr(GObject) item = g_list_model_get_item (list, i);
  return test_iso (get (item));
}

#define ACTIVITY_DATE(list, i) nth_date ((list), (i), (const GDate *(*) (gpointer)) cp_activity_get_date)

static guint
count_duty (CpCase *kase, CpDuty duty)
{
  GListModel *list = cp_case_get_activities (kase);
  guint n = 0;

  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(CpActivity) a = g_list_model_get_item (list, i);
      n += cp_activity_get_duty (a) == duty;
    }
  return n;
}

Test (ssd, every_table_maps_onto_the_case)
{
  const char *texts[N_TABLES] = {
    H_PERSON ID ",Sam,2012-05-14,\n"
             "NOT-LAC,Alex,2010-01-01,\n",
    H_EPISODES
      /* An earlier period of care, then the current one: a move, then a
       * legal-status change only, then a return home outside the plan. */
      "E0," ID ",2024-01-10,S,N1,2024-03-01,E4A,OLD,P0,2024-01-10\n"
      "E1," ID ",2026-01-04 00:00:00,S,N1,2026-03-02,X1,CLA9,P1,2026-01-04\n"
      "E2," ID ",02/03/2026,P,N1,2026-06-15,X1,CLA9,P2,2026-01-04\n"
      "E3," ID ",2026-06-15T00:00:00.000,L,N1,2026-09-30,E4B,CLA9,P2,2026-01-04\n",
    H_PLACEMENT
      "P0,OLD," ID ",2024-01-10,2024-03-01,K2,PR4,,,\n"
      "P1,CLA9," ID ",2026-01-04,2026-03-02,U6,PR4,ALLEG,12.5,ST4 1AA\n"
      "P2,CLA9,,2026-03-02,,U4,PR1,,999.9,\n",
    H_LEGAL
      "L0," ID ",V2,2024-01-10,2024-03-01\n"
      "L1," ID ",C1,2026-01-04,2026-06-15\n"
      "L2," ID ",C2,2026-06-15,\n",
    H_REVIEWS
      "R1,CLA9,2026-02-01,2026-01-29,N,PN6\n"
      "R2,CLA9,2026-04-29,2026-04-20,,PN2\n"
      "R3,CLA9,2026-04-29,2026-04-22,Y,PN1\n"   /* cancelled */
      "R4,CLA9,2026-10-20,,N,\n"                /* not held */
      "R0,OLD,2024-02-01,2024-02-01,N,PN1\n",    /* another period */
    H_VISITS
      "V1,CLA9," ID ",2026-01-09,Y,Y\n"
      "V2,CLA9," ID ",2026-02-10,N,N\n"          /* not seen */
      "V3,," ID ",2026-03-09,Y,n\n"
      "V4,OLD," ID ",2024-02-02,Y,Y\n"
      "V5,," ID ",2025-12-01,Y,\n",              /* before this period */
    H_HEALTH
      "H1," ID ",Health Assessment,2026-01-20,Completed\n"
      "H2," ID ",dental check,2026-02-01,COMPLETED\n"
      "H3," ID ",Health Assessment,2026-07-20,Planned\n"
      "H4," ID ",Health Surveillance Check,2026-02-02,Completed\n",
    H_CARE_PLAN
      "C0," ID ",2024-01-12,2024-03-01,\n"
      "C1," ID ",2026-01-14,2026-04-20,\"{\"\"ADOPTION\"\":\"\"\"\",\"\"OTHERPLN\"\":\"\"\"\"}\"\n"
      "C2," ID ",2026-04-20,,\"{\"\"REMAINSUP\"\":\"\"\"\",\"\"LTFOST18\"\":\"\"Y\"\",\"\"ADOPTION\"\":\"\"Y\"\"}\"\n",
    H_PERMANENCE "M1," ID ",2026-05-01,Adoption\n",
    H_LEAVERS "CL1," ID ",Eligible,YES,2026-08-01,2026-08-20\n",
    H_MISSING
      "MI1," ID ",2026-05-05,M,2026-05-06\n"
      "MI2," ID ",2026-05-20,A,\n"
      "MI0," ID ",2024-02-20,M,2024-02-21\n",
  };
  char *dir = write_ssd (texts);
  g_autoptr(GError) error = NULL;
  g_autoptr(CpSsdReader) reader = cp_ssd_reader_new_for_directory (dir, &error);
  g_autoptr(CpCase) kase = NULL;
  g_autoptr(CpPlacement) first = NULL, second = NULL;
  g_autoptr(CpLegalStatus) status = NULL;
  g_autoptr(CpReview) r2 = NULL;
  g_autoptr(CpCaseEvent) ev = NULL;
  CpChild *child;
  CpPermanencePlan *perm;
  GListModel *list;
  g_autofree char *lac = NULL, *ceased = NULL, *moved = NULL, *held = NULL, *ended = NULL;
  g_autofree char *created = NULL, *agreed = NULL, *visit = NULL;

  cr_assert_not_null (reader, "%s", error ? error->message : "");
  cr_assert_eq (cp_ssd_reader_get_n_children (reader), 1);   /* NOT-LAC has no care episode */
  kase = cp_ssd_reader_next (reader, &error);
  cr_assert_not_null (kase, "%s", error ? error->message : "");
  cr_assert_str_eq (cp_ssd_reader_get_location (reader), "ssd_person.csv:2");

  /* The current period of care, ended by E4B. */
  child = cp_case_get_child (kase);
  lac = test_iso (cp_child_get_looked_after_since (child));
  ceased = test_iso (cp_child_get_ceased_on (child));
  cr_assert_str_eq (lac, "2026-01-04");
  cr_assert_str_eq (ceased, "2026-09-30");

  /* Two placements (the legal-status change keeps the second, which ends
   * when care does); foster care by the authority's own carers. */
  list = cp_case_get_placements (kase);
  cr_assert_eq (g_list_model_get_n_items (list), 2);
  first = g_list_model_get_item (list, 0);
  second = g_list_model_get_item (list, 1);
  cr_assert_eq (cp_placement_get_kind (first), CP_PLACEMENT_TYPE_FOSTER_AGENCY);
  cr_assert_eq (cp_placement_get_kind (second), CP_PLACEMENT_TYPE_FOSTER_OWN_AUTHORITY);
  cr_assert (cp_placement_get_long_term (second));
  cr_assert_not (cp_placement_get_long_term (first));
  cr_assert_str_eq (cp_placement_get_change_reason (first), "ALLEG");
  moved = test_iso (cp_placement_get_end (first));
  ended = test_iso (cp_placement_get_end (second));
  cr_assert_str_eq (moved, "2026-03-02");
  cr_assert_str_eq (ended, "2026-09-30");

  /* Legal statuses of this period; the open one ends with care. */
  list = cp_child_get_legal_statuses (child);
  cr_assert_eq (g_list_model_get_n_items (list), 2);
  status = g_list_model_get_item (list, 1);
  cr_assert_eq (cp_legal_status_get_status (status), CP_LEGAL_STATUS_KIND_CARE_ORDER);
  g_free (ended);
  ended = test_iso (cp_legal_status_get_end (status));
  cr_assert_str_eq (ended, "2026-09-30");

  /* Reviews held, numbered in date order; cancelled and unheld ones out. */
  list = cp_case_get_reviews (kase);
  cr_assert_eq (g_list_model_get_n_items (list), 2);
  r2 = g_list_model_get_item (list, 1);
  held = test_iso (cp_review_get_held (r2));
  cr_assert_str_eq (held, "2026-04-20");
  cr_assert_eq (cp_review_get_sequence (r2), 2);
  cr_assert_eq (cp_review_get_child_participation (r2), CP_CHILD_PARTICIPATION_ADVOCATE);

  /* The authority's due dates, kept beside the case: of each review held,
   * and of the next one not cancelled. */
  {
    g_autofree char *due1 = test_iso (cp_ssd_reader_get_review_due_date (reader, 1));
    g_autofree char *due3 = test_iso (cp_ssd_reader_get_review_due_date (reader, 3));

    cr_assert_str_eq (due1, "2026-02-01");
    cr_assert_str_eq (due3, "2026-10-20");
    cr_assert_null (cp_ssd_reader_get_review_due_date (reader, 4));
  }

  /* Visits where the child was seen, in this period; completed health and
   * dental checks; the pathway plan review date. */
  cr_assert_eq (count_duty (kase, CP_DUTY_VISIT), 2);
  visit = ACTIVITY_DATE (cp_case_get_activities (kase), 1);
  cr_assert_str_eq (visit, "2026-03-09");
  cr_assert_eq (count_duty (kase, CP_DUTY_HEALTH_ASSESSMENT), 1);
  cr_assert_eq (count_duty (kase, CP_DUTY_DENTAL_CHECK), 1);
  cr_assert_eq (count_duty (kase, CP_DUTY_PATHWAY_PLAN_REVIEW), 1);
  cr_assert_eq (g_list_model_get_n_items (cp_case_get_activities (kase)), 5);

  /* The care plan from the period's first row; the permanence plan from the
   * latest row that chose one: the first ticked box is the plan, the next
   * the contingency. */
  created = test_iso (cp_care_plan_get_created (cp_case_get_care_plan (kase)));
  cr_assert_str_eq (created, "2026-01-14");
  cr_assert_eq (cp_care_plan_get_state (cp_case_get_care_plan (kase)), CP_CARE_PLAN_STATE_DRAFT);
  perm = cp_case_get_permanence_plan (kase);
  cr_assert_not_null (perm);
  agreed = test_iso (cp_permanence_plan_get_agreed_on (perm));
  cr_assert_str_eq (agreed, "2026-04-20");
  cr_assert_eq (cp_permanence_plan_get_pathway (perm), CP_PERMANENCE_PATHWAY_LONG_TERM_FOSTERING);
  cr_assert_eq (cp_permanence_plan_get_contingency_pathway (perm), CP_PERMANENCE_PATHWAY_ADOPTION);

  /* Events: the two missing episodes of the period, the return from the
   * first (the second has not ended), and E4B's return home outside the
   * care plan. */
  list = cp_case_get_events (kase);
  cr_assert_eq (g_list_model_get_n_items (list), 5);
  ev = g_list_model_get_item (list, 0);
  cr_assert_eq (cp_case_event_get_kind (ev), CP_EVENT_KIND_RETURNED_HOME);
  g_clear_object (&ev);
  ev = g_list_model_get_item (list, 1);
  cr_assert_eq (cp_case_event_get_kind (ev), CP_EVENT_KIND_CEASED_UNPLANNED);
  g_clear_object (&ev);
  ev = g_list_model_get_item (list, 2);
  cr_assert_eq (cp_case_event_get_kind (ev), CP_EVENT_KIND_MISSING);
  g_clear_object (&ev);
  ev = g_list_model_get_item (list, 3);
  cr_assert_eq (cp_case_event_get_kind (ev), CP_EVENT_KIND_RETURNED_FROM_MISSING);
  {
    g_autofree char *back = test_iso (cp_case_event_get_date (ev));
    cr_assert_str_eq (back, "2026-05-06");
  }

  /* Reading adds no history: the case is as the extract has it. */
  cr_assert_eq (g_list_model_get_n_items (cp_case_get_history (kase)), 0);

  cr_assert_null (cp_ssd_reader_next (reader, &error));
  cr_assert_null (error);
  remove_ssd (dir);
}

Test (ssd, the_minimal_tables_and_the_date_of_death)
{
  const char *texts[N_TABLES] = {
    H_PERSON ID ",,14/05/2012,2026-02-01\n",
    "clae_person_id,clae_cla_id,clae_cla_episode_start_date,clae_cla_episode_start_reason,"
    "clae_cla_episode_ceased_date,clae_cla_episode_ceased_reason\n"
    ID ",CLA1,2026-01-04,S,,\n",
    "clap_cla_id,clap_cla_placement_id,clap_cla_placement_start_date,clap_cla_placement_end_date,"
    "clap_cla_placement_type\n"
    "CLA1,P1,2026-01-04,,K2\n",
  };
  char *dir = write_ssd (texts);
  g_autoptr(GError) error = NULL;
  g_autoptr(CpSsdReader) reader = cp_ssd_reader_new_for_directory (dir, &error);
  g_autoptr(CpCase) kase = NULL;
  g_autoptr(CpPlacement) placement = NULL;
  g_autofree char *ceased = NULL, *end = NULL;

  cr_assert_not_null (reader, "%s", error ? error->message : "");
  kase = cp_ssd_reader_next (reader, &error);
  cr_assert_not_null (kase, "%s", error ? error->message : "");
  /* A child who died in care ceased to be looked after that day. */
  ceased = test_iso (cp_child_get_ceased_on (cp_case_get_child (kase)));
  cr_assert_str_eq (ceased, "2026-02-01");
  placement = g_list_model_get_item (cp_case_get_placements (kase), 0);
  cr_assert_eq (cp_placement_get_kind (placement), CP_PLACEMENT_TYPE_RESIDENTIAL);
  end = test_iso (cp_placement_get_end (placement));
  cr_assert_str_eq (end, "2026-02-01");
  cr_assert_null (cp_case_get_care_plan (kase));
  cr_assert_eq (g_list_model_get_n_items (cp_case_get_reviews (kase)), 0);
  remove_ssd (dir);
}

typedef struct {
  int table;        /* the table whose text replaces the good one */
  const char *text;
  int code;
  const char *message;
} BadExtract;

#define GOOD_EPISODE "E1," ID ",2026-01-04,S,N1,,,CLA1,P1,2026-01-04\n"
#define GOOD_PLACEMENT "P1,CLA1," ID ",2026-01-04,,U6,PR4,,,\n"

static const BadExtract bad_extracts[] = {
  { PLACEMENT, H_PLACEMENT "P1,CLA1," ID ",2026-01-04,,Q9,PR4,,,\n", CP_ERROR_UNKNOWN_CODE,
    "ssd_cla_placement.csv:2:6: clap_cla_placement_type: “Q9” is not in the SSD placement type codes "
    "(SSDA903 PLACE) (expected one of: A3, A4," },
  { PLACEMENT, H_PLACEMENT "P1,CLA1," ID ",2026-01-04,,U6,PR9,,,\n", CP_ERROR_UNKNOWN_CODE,
    "ssd_cla_placement.csv:2:7: clap_cla_placement_provider: “PR9” is not in the SSD placement provider codes" },
  { PLACEMENT, H_PLACEMENT "P1,CLA1," ID ",2026-01-04,,U6,PR4,MOVED,,\n", CP_ERROR_UNKNOWN_CODE,
    "ssd_cla_placement.csv:2:8: clap_cla_placement_change_reason: “MOVED” is not in the SSD reason for "
    "placement change codes" },
  { PLACEMENT, H_PLACEMENT "P1,CLA1," ID ",2026-01-04,,U6,PR4,,far,\n", CP_ERROR_INVALID_VALUE,
    "ssd_cla_placement.csv:2:9: clap_cla_placement_distance: “far” is not a distance in miles" },
  { PLACEMENT, H_PLACEMENT "P1,CLA1,OTHER-CHILD,2026-01-04,,U6,PR4,,,\n", CP_ERROR_INCONSISTENT,
    "ssd_cla_placement.csv:2:3: clap_person_id: another child's placement, in this child's period of care" },
  { PLACEMENT, H_PLACEMENT "P1,CLA1," ID ",2026-01-04,2026-01-03,U6,PR4,,,\n", CP_ERROR_INCONSISTENT,
    "ssd_cla_placement.csv:2:5: clap_cla_placement_end_date: the placement ends before it starts" },
  { EPISODES, H_EPISODES "E1," ID ",2026-02-30,S,N1,,,CLA1,P1,\n", CP_ERROR_INVALID_DATE,
    "ssd_cla_episodes.csv:2:3: clae_cla_episode_start_date: “2026-02-30” is not a date (yyyy-mm-dd or dd/mm/yyyy)" },
  { EPISODES, H_EPISODES "E1," ID ",2026-01-04,Z,N1,,,CLA1,P1,\n", CP_ERROR_UNKNOWN_CODE,
    "ssd_cla_episodes.csv:2:4: clae_cla_episode_start_reason: “Z” is not in the SSD reason for new episode codes "
    "(expected one of: S, L, P, T, B, U)" },
  { EPISODES, H_EPISODES "E1," ID ",2026-01-04,S,N1,2026-02-01,E99,CLA1,P1,\n", CP_ERROR_UNKNOWN_CODE,
    "ssd_cla_episodes.csv:2:7: clae_cla_episode_ceased_reason: “E99” is not in the SSD reason episode ceased codes" },
  { EPISODES, H_EPISODES "E1," ID ",2026-01-04,S,N1,2026-02-01,,CLA1,P1,\n", CP_ERROR_MISSING_FIELD,
    "ssd_cla_episodes.csv:2:7: clae_cla_episode_ceased_reason: missing (the episode has an end date)" },
  { EPISODES, H_EPISODES "E1," ID ",2026-01-04,S,N1,2026-02-01,X1,CLA1,P1,\n", CP_ERROR_INCONSISTENT,
    "ssd_cla_episodes.csv:2:7: clae_cla_episode_ceased_reason: X1 says another episode follows, but none does" },
  { EPISODES, H_EPISODES "E1," ID ",2026-01-04,S,N1,2026-02-01,X1,CLA1,P1,\n"
                         "E2," ID ",2026-02-03,P,N1,,,CLA1,P1,\n", CP_ERROR_INCONSISTENT,
    "ssd_cla_episodes.csv:3:3: clae_cla_episode_start_date: “2026-02-03” does not follow on from the previous "
    "episode, line 2 (ceased “2026-02-01”)" },
  { EPISODES, H_EPISODES "E1," ID ",2026-01-04,S,N1,,,,P1,\n", CP_ERROR_MISSING_FIELD,
    "ssd_cla_episodes.csv:2:8: clae_cla_id: missing" },
  { EPISODES, H_EPISODES "E1," ID ",2026-01-04,S,N1,,,CLA1,P7,\n", CP_ERROR_INCONSISTENT,
    "ssd_cla_episodes.csv:2:9: clae_cla_placement_id: no row in ssd_cla_placement.csv has this placement id" },
  { EPISODES, H_EPISODES "E1," ID ",2026-01-04,S,N1,,,CLA1,P1,2026-01-05\n", CP_ERROR_INCONSISTENT,
    "ssd_cla_episodes.csv:2:10: clae_entered_care_date: after the episode began" },
  { PERSON, H_PERSON ID ",,2012-13-01,\n", CP_ERROR_INVALID_DATE,
    "ssd_person.csv:2:3: pers_dob: “2012-13-01” is not a date" },
  { PERSON, H_PERSON ID ",,2012-05-14,2025-01-01\n", CP_ERROR_INCONSISTENT,
    "ssd_person.csv:2:4: pers_death_date: before the child became looked after" },
  { LEGAL, H_LEGAL "L1," ID ",X7,2026-01-04,\n", CP_ERROR_UNKNOWN_CODE,
    "ssd_legal_status.csv:2:3: lega_legal_status: “X7” is not in the SSD legal status codes (SSDA903 LS) "
    "(expected one of: C1, C2, D1, E1, V2, V3, V4, L1, L2, L3, J1, J2, J3)" },
  { REVIEWS, H_REVIEWS "R1,CLA1,,2026-01-29,maybe,PN1\n", CP_ERROR_UNKNOWN_CODE,
    "ssd_cla_reviews.csv:2:5: clar_cla_review_cancelled: “maybe” is not in the SSD Y/N flags" },
  { REVIEWS, H_REVIEWS "R1,CLA1,,2026-01-29,N,PN9\n", CP_ERROR_UNKNOWN_CODE,
    "ssd_cla_reviews.csv:2:6: clar_cla_review_participation: “PN9” is not in the SSD review participation codes" },
  { REVIEWS, H_REVIEWS "R1,CLA1,,2026-01-01,N,PN1\n", CP_ERROR_INCONSISTENT,
    "ssd_person.csv:2: the child's rows contradict each other: reviews[0]" },
  { VISITS, H_VISITS "V1,CLA1," ID ",2026-01-09,yes,Y\n", CP_ERROR_UNKNOWN_CODE,
    "ssd_cla_visits.csv:2:5: clav_cla_visit_seen: “yes” is not in the SSD Y/N flags (expected one of: Y, N)" },
  { HEALTH, H_HEALTH "H1," ID ",Eye Test,2026-01-20,Completed\n", CP_ERROR_UNKNOWN_CODE,
    "ssd_cla_health.csv:2:3: clah_health_check_type: “Eye Test” is not in the SSD health check types" },
  { HEALTH, H_HEALTH "H1," ID ",Dental Check,2026-01-20,Done\n", CP_ERROR_UNKNOWN_CODE,
    "ssd_cla_health.csv:2:5: clah_health_check_status: “Done” is not in the SSD health check statuses" },
  { CARE_PLAN, H_CARE_PLAN "C1," ID ",2026-01-14,,\"{\"\"FOREVER\"\":\"\"Y\"\"}\"\n", CP_ERROR_UNKNOWN_CODE,
    "ssd_cla_care_plan.csv:2:5: lacp_cla_care_plan_json: “FOREVER” is not in the SSD permanence plan codes" },
  { CARE_PLAN, H_CARE_PLAN "C1," ID ",2026-01-14,,\"{\"\"ADOPTION\"\":\"\"perhaps\"\"}\"\n", CP_ERROR_INVALID_VALUE,
    "ssd_cla_care_plan.csv:2:5: lacp_cla_care_plan_json: ADOPTION: not a ticked or empty box" },
  { CARE_PLAN, H_CARE_PLAN "C1," ID ",2026-01-14,,[1]\n", CP_ERROR_INVALID_VALUE,
    "ssd_cla_care_plan.csv:2:5: lacp_cla_care_plan_json: not a JSON object of the permanence plan codes" },
  { PERMANENCE, H_PERMANENCE "M1," ID ",2026-05-01,Guardianship\n", CP_ERROR_UNKNOWN_CODE,
    "ssd_permanence.csv:2:4: perm_permanence_order_type: “Guardianship” is not in the SSD permanence order types" },
  { LEAVERS, H_LEAVERS "CL1," ID ",Eligible,MAYBE,,\n", CP_ERROR_UNKNOWN_CODE,
    "ssd_care_leavers.csv:2:4: clea_care_leaver_in_touch: “MAYBE” is not in the SSD care leaver in touch codes" },
  { MISSING, H_MISSING "MI1," ID ",2026-05-05,X,\n", CP_ERROR_UNKNOWN_CODE,
    "ssd_missing.csv:2:4: miss_missing_episode_type: “X” is not in the SSD missing episode types (expected one of: M, A)" },
  { MISSING, H_MISSING_RHI "MI1," ID ",2026-05-05,M,2026-05-06,Maybe,\n", CP_ERROR_UNKNOWN_CODE,
    "ssd_missing.csv:2:6: miss_missing_rhi_offered: “Maybe” is not in the SSD return interview flags "
    "(expected one of: Y, Yes, N, No, NA)" },
  { MISSING, H_MISSING_RHI "MI1," ID ",2026-05-05,M,2026-05-06,Y,X\n", CP_ERROR_UNKNOWN_CODE,
    "ssd_missing.csv:2:7: miss_missing_rhi_accepted: “X” is not in the SSD return interview flags" },
  { MISSING, H_MISSING "MI1," ID ",2026-05-05,M,2026-05-04\n", CP_ERROR_INCONSISTENT,
    "ssd_missing.csv:2:5: miss_missing_episode_end_date: the episode ends before it starts" },
};

Test (ssd, each_bad_row_names_table_row_column_and_never_the_child)
{
  for (guint i = 0; i < G_N_ELEMENTS (bad_extracts); i++)
    {
      const BadExtract *bad = &bad_extracts[i];
      /* A second, good child after the bad one is still read. */
      const char *texts[N_TABLES] = {
        H_PERSON ID ",,2012-05-14,\nGOOD-1,,2013-01-01,\n",
        H_EPISODES GOOD_EPISODE "E9,GOOD-1,2026-01-10,S,N1,,,CLA2,P9,2026-01-10\n",
        H_PLACEMENT GOOD_PLACEMENT "P9,CLA2,GOOD-1,2026-01-10,,K2,PR4,,,\n",
      };
      char *dir;
      g_autoptr(GError) error = NULL;
      g_autoptr(CpSsdReader) reader = NULL;
      g_autoptr(CpCase) kase = NULL;
      g_autoptr(CpCase) good = NULL;

      texts[bad->table] = bad->text;
      if (bad->table == EPISODES)
        {
          g_autofree char *more = g_strconcat (bad->text, "E9,GOOD-1,2026-01-10,S,N1,,,CLA2,P9,2026-01-10\n", NULL);
          texts[EPISODES] = g_intern_string (more);
        }
      if (bad->table == PLACEMENT)
        {
          g_autofree char *more = g_strconcat (bad->text, "P9,CLA2,GOOD-1,2026-01-10,,K2,PR4,,,\n", NULL);
          texts[PLACEMENT] = g_intern_string (more);
        }
      if (bad->table == PERSON)
        {
          g_autofree char *more = g_strconcat (bad->text, "GOOD-1,,2013-01-01,\n", NULL);
          texts[PERSON] = g_intern_string (more);
        }
      dir = write_ssd (texts);
      reader = cp_ssd_reader_new_for_directory (dir, &error);
      cr_assert_not_null (reader, "case %u: %s", i, error ? error->message : "");
      kase = cp_ssd_reader_next (reader, &error);
      cr_assert_null (kase, "case %u read", i);
      assert_error (error, bad->code, bad->message);
      cr_assert_null (strstr (error->message, ID), "case %u names the child: %s", i, error->message);
      g_clear_error (&error);
      good = cp_ssd_reader_next (reader, &error);
      cr_assert_not_null (good, "case %u: the next child: %s", i, error ? error->message : "");
      cr_assert_str_eq (cp_ssd_reader_get_location (reader), "ssd_person.csv:3");
      remove_ssd (dir);
    }
}

/* The plan's JSON as extracts write it is read without a parser; anything
 * else goes to json-glib. Both must give the same pathways. -1: none. */
static const struct {
  const char *json;
  int pathway, contingency;
  const char *error;   /* or the message's end */
} plan_texts[] = {
  { "{\"ADOPTION\":\"Y\",\"LTFOST18\":\"Y\"}", CP_PERMANENCE_PATHWAY_LONG_TERM_FOSTERING,
    CP_PERMANENCE_PATHWAY_ADOPTION, NULL },
  { " {\n\t\"ADOPTION\" : true ,\"RETURN1M\": 0 }\r\n", CP_PERMANENCE_PATHWAY_ADOPTION, -1, NULL },
  { "{\"ADOPTION\":\"yes\",\"SUPPLIV\":-0,\"RESPLMT\":null,\"LTRELFR\":\"false\",\"RETURNEV\":\"No\"}",
    CP_PERMANENCE_PATHWAY_ADOPTION, -1, NULL },
  { "{\"OTHERPLN\":\"Y\",\"SUPPLIV\":12}", CP_PERMANENCE_PATHWAY_INDEPENDENCE, -1, NULL },
  { "{\"ADOPTION\":\"Y\",\"LTFOST18\":\"TRUE\",\"RETURN1M\":\"1\"}", CP_PERMANENCE_PATHWAY_RETURN_HOME,
    CP_PERMANENCE_PATHWAY_LONG_TERM_FOSTERING, NULL },
  { "{}", -1, -1, NULL },
  { "{\"ADOPTION\":\"\",\"LTRELFR\":false}", -1, -1, NULL },
  /* Escapes, in a value and in a code: the parser's. */
  { "{\"ADOPTION\":\"\\u0059\"}", CP_PERMANENCE_PATHWAY_ADOPTION, -1, NULL },
  { "{\"ADOP\\u0054ION\":\"Y\"}", CP_PERMANENCE_PATHWAY_ADOPTION, -1, NULL },
  /* And what is no box, or no object of codes. */
  { "{\"ADOPTION\":1.0}", -1, -1, "lacp_cla_care_plan_json: ADOPTION: not a ticked or empty box "
    "(expected \"\", \"Y\" or \"N\")" },
  { "{\"ADOPTION\":[\"Y\"]}", -1, -1, "ADOPTION: not a ticked or empty box (expected \"\", \"Y\" or \"N\")" },
  { "{\"ADOPTION\":\"Y\",\"SOON\":{\"a\":1}}", -1, -1, "“SOON” is not in the SSD permanence plan codes "
    "(expected one of: REMAINSUP, RETURN1M, RETURN6M, RETURNEV, LTRELFR, LTFOST18, RESPLMT, SUPPLIV, ADOPTION, "
    "OTHERPLN)" },
  { "{\"ADOPTION\":\"Y\"} x", -1, -1, "lacp_cla_care_plan_json: not a JSON object of the permanence plan codes" },
  { "{\"ADOPTION\":\"Y\"", -1, -1, "lacp_cla_care_plan_json: not a JSON object of the permanence plan codes" },
};

Test (ssd, the_plans_json_reads_the_same_however_it_is_written)
{
  for (guint i = 0; i < G_N_ELEMENTS (plan_texts); i++)
    {
      g_autofree char *field = NULL;
      g_autofree char *plans = NULL;
      g_auto(GStrv) parts = g_strsplit (plan_texts[i].json, "\"", -1);
      const char *texts[N_TABLES] = {
        H_PERSON ID ",,2012-05-14,\n",
        H_EPISODES GOOD_EPISODE,
        H_PLACEMENT GOOD_PLACEMENT,
      };
      char *dir;
      g_autoptr(GError) error = NULL;
      g_autoptr(CpSsdReader) reader = NULL;
      g_autoptr(CpCase) kase = NULL;
      CpPermanencePlan *permanence;

      /* A CSV field: quoted, its quotes doubled. */
      field = g_strjoinv ("\"\"", parts);
      plans = g_strdup_printf (H_CARE_PLAN "C1," ID ",2026-01-14,,\"%s\"\n", field);
      texts[CARE_PLAN] = plans;
      dir = write_ssd (texts);
      reader = cp_ssd_reader_new_for_directory (dir, &error);
      cr_assert_not_null (reader, "%s", error ? error->message : "");
      kase = cp_ssd_reader_next (reader, &error);
      remove_ssd (dir);
      if (plan_texts[i].error != NULL)
        {
          cr_assert_null (kase, "text %u read", i);
          cr_assert (g_str_has_suffix (error->message, plan_texts[i].error), "text %u: %s", i, error->message);
          continue;
        }
      cr_assert_not_null (kase, "text %u: %s", i, error ? error->message : "");
      cr_assert_not_null (cp_case_get_care_plan (kase), "text %u", i);
      permanence = cp_case_get_permanence_plan (kase);
      if (plan_texts[i].pathway < 0)
        {
          cr_assert_null (permanence, "text %u", i);
          continue;
        }
      cr_assert_not_null (permanence, "text %u", i);
      cr_assert_eq ((int) cp_permanence_plan_get_pathway (permanence), plan_texts[i].pathway, "text %u", i);
      if (plan_texts[i].contingency >= 0)
        cr_assert_eq ((int) cp_permanence_plan_get_contingency_pathway (permanence), plan_texts[i].contingency,
                      "text %u", i);
    }
}

Test (ssd, duplicates_and_episodes_without_a_person_are_reported_and_the_rest_read)
{
  const char *texts[N_TABLES] = {
    H_PERSON ID ",,2012-05-14,\n" ID ",,2012-05-14,\n",
    H_EPISODES GOOD_EPISODE
      "E5,GHOST-5,2026-01-10,S,N1,,,CLA5,P5,\n"
      "E6,GHOST-5,2026-01-20,P,N1,,,CLA5,P5,\n",
    H_PLACEMENT GOOD_PLACEMENT,
  };
  char *dir = write_ssd (texts);
  g_autoptr(GError) error = NULL;
  g_autoptr(CpSsdReader) reader = cp_ssd_reader_new_for_directory (dir, &error);
  g_autoptr(CpCase) kase = NULL;

  cr_assert_not_null (reader, "%s", error ? error->message : "");
  cr_assert_eq (cp_ssd_reader_get_n_children (reader), 2);
  kase = cp_ssd_reader_next (reader, &error);
  cr_assert_not_null (kase, "%s", error ? error->message : "");
  cr_assert_null (cp_ssd_reader_next (reader, &error));
  assert_error (error, CP_ERROR_INCONSISTENT, "ssd_person.csv:3:1: pers_person_id: the child appears twice (also line 2)");
  cr_assert_null (strstr (error->message, ID));
  g_clear_error (&error);
  cr_assert_null (cp_ssd_reader_next (reader, &error));
  assert_error (error, CP_ERROR_INCONSISTENT,
                "ssd_cla_episodes.csv:3:2: clae_person_id: no row in ssd_person.csv for this child (2 rows in ssd_cla_episodes.csv)");
  cr_assert_null (strstr (error->message, "GHOST"));
  cr_assert_str_eq (cp_ssd_reader_get_location (reader), "ssd_cla_episodes.csv:3");
  g_clear_error (&error);
  cr_assert_null (cp_ssd_reader_next (reader, &error));
  cr_assert_null (error);
  remove_ssd (dir);
}

Test (ssd, an_extract_without_its_tables_or_columns_is_refused)
{
  const char *no_placements[N_TABLES] = { H_PERSON, H_EPISODES };
  const char *no_column[N_TABLES] = { H_PERSON, "clae_person_id,clae_cla_id\n", H_PLACEMENT };
  const char *open_quote[N_TABLES] = { H_PERSON "\"A,,2012-05-14,\n", H_EPISODES, H_PLACEMENT };
  char *dir;
  g_autoptr(GError) error = NULL;
  g_autoptr(CpSsdReader) reader = NULL;

  dir = write_ssd (no_placements);
  reader = cp_ssd_reader_new_for_directory (dir, &error);
  cr_assert_null (reader);
  assert_error (error, CP_ERROR_MISSING_FIELD, "no ssd_cla_placement.csv in the directory");
  g_clear_error (&error);
  remove_ssd (dir);

  dir = write_ssd (no_column);
  reader = cp_ssd_reader_new_for_directory (dir, &error);
  cr_assert_null (reader);
  assert_error (error, CP_ERROR_MISSING_FIELD, "ssd_cla_episodes.csv:1: no clae_cla_episode_start_date column");
  g_clear_error (&error);
  remove_ssd (dir);

  dir = write_ssd (open_quote);
  reader = cp_ssd_reader_new_for_directory (dir, &error);
  cr_assert_null (reader);
  assert_error (error, CP_ERROR_PARSE, "ssd_person.csv:2: a quoted field is not closed");
  g_clear_error (&error);
  remove_ssd (dir);
}

Test (ssd, the_cases_are_checked_like_any_other)
{
  /* A review that came late is judged from the SSD as from JSON. */
  const char *texts[N_TABLES] = {
    H_PERSON ID ",,2012-05-14,\n",
    H_EPISODES GOOD_EPISODE,
    H_PLACEMENT GOOD_PLACEMENT,
    [REVIEWS] = H_REVIEWS "R1,CLA1,2026-01-30,2026-02-20,N,PN1\n",
  };
  char *dir = write_ssd (texts);
  g_autoptr(GError) error = NULL;
  g_autoptr(CpSsdReader) reader = cp_ssd_reader_new_for_directory (dir, &error);
  g_autoptr(CpCase) kase = cp_ssd_reader_next (reader, &error);
  g_autoptr(CpPolicy) policy = cp_policy_new_builtin ("england", &error);
  g_autoptr(CpCalendar) calendar = cp_calendar_new (CP_REGION_ENGLAND_AND_WALES);
  g_autoptr(CpEvaluator) ev = NULL;
  g_autoptr(GDate) today = test_date ("2026-03-31");
  GListModel *list;
  gboolean found = FALSE;

  cr_assert_not_null (kase, "%s", error ? error->message : "");
  cr_assert_not_null (policy, "%s", error ? error->message : "");
  ev = cp_evaluator_new (kase, policy, calendar);
  cp_evaluator_set_date (ev, today);
  cr_assert (cp_evaluator_refresh (ev, &error), "%s", error ? error->message : "");
  list = cp_evaluator_get_obligations (ev);
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(CpObligation) o = g_list_model_get_item (list, i);

      if (strcmp (cp_obligation_get_key (o), "review.first") == 0)
        {
          g_autofree char *due = test_iso (cp_obligation_get_due (o));

          /* 20 working days from Sunday 4 January 2026, as the engine counts them. */
          cr_assert_str_eq (due, "2026-01-30");
          cr_assert_eq (cp_obligation_get_status (o), CP_OBLIGATION_STATUS_MET_LATE);
          found = TRUE;
        }
    }
  cr_assert (found);
  remove_ssd (dir);
}

/* Every obligation of @kase on 31 March 2026, one line each. */
static char *
obligations_text (CpCase *kase, CpPolicy *policy, CpCalendar *calendar)
{
  g_autoptr(CpEvaluator) ev = cp_evaluator_new (kase, policy, calendar);
  g_autoptr(GDate) today = test_date ("2026-03-31");
  g_autoptr(GError) error = NULL;
  GString *text = g_string_new (NULL);
  GListModel *list;

  cp_evaluator_set_date (ev, today);
  cr_assert (cp_evaluator_refresh (ev, &error), "%s", error ? error->message : "");
  list = cp_evaluator_get_obligations (ev);
  for (guint i = 0; i < g_list_model_get_n_items (list); i++)
    {
      g_autoptr(CpObligation) o = g_list_model_get_item (list, i);
      g_autofree char *due = test_iso (cp_obligation_get_due (o));
      g_autofree char *met = cp_obligation_get_met_on (o) ? test_iso (cp_obligation_get_met_on (o)) : NULL;

      g_string_append_printf (text, "%s|%s|%s|%s|%d\n", cp_obligation_get_key (o), cp_obligation_get_subject (o),
                              due, met ? met : "-", (int) cp_obligation_get_status (o));
    }
  return g_string_free (text, FALSE);
}

Test (ssd, a_childs_activities_are_made_records_only_when_asked_for_and_judged_the_same)
{
  /* The reader keeps visits and health checks as plain days; a program
   * that asks for the list, or writes the case, gets records in order. */
  const char *texts[N_TABLES] = {
    H_PERSON ID ",,2012-05-14,\n",
    H_EPISODES GOOD_EPISODE,
    H_PLACEMENT GOOD_PLACEMENT,
    [VISITS] = H_VISITS "V1,CLA1," ID ",2026-01-09,Y,Y\n"
                        "V2,CLA1," ID ",2026-02-10,Y,N\n"
                        "V3,CLA1," ID ",2026-03-30,Y,Y\n",
    [HEALTH] = H_HEALTH "H1," ID ",Health Assessment,2026-01-20,Completed\n",
  };
  static const char * const dates[] = { "2026-01-09", "2026-02-10", "2026-03-30", "2026-01-20" };
  char *dir = write_ssd (texts);
  g_autoptr(GError) error = NULL;
  g_autoptr(CpPolicy) policy = cp_policy_new_builtin ("england", &error);
  g_autoptr(CpCalendar) calendar = cp_calendar_new (CP_REGION_ENGLAND_AND_WALES);
  g_autoptr(CpCase) plain = NULL, written = NULL, added = NULL;
  g_autoptr(JsonNode) json = NULL;
  g_autoptr(GDate) later = test_date ("2026-03-31");
  g_autoptr(CpActivity) visit = cp_activity_new (CP_DUTY_VISIT, later);
  g_autofree char *before = NULL, *after = NULL;
  GListModel *list;
  JsonArray *array;

  cr_assert_not_null (policy, "%s", error ? error->message : "");
  for (int round = 0; round < 3; round++)
    {
      g_autoptr(CpSsdReader) reader = cp_ssd_reader_new_for_directory (dir, &error);
      CpCase *kase;

      cr_assert_not_null (reader, "%s", error ? error->message : "");
      kase = cp_ssd_reader_next (reader, &error);
      cr_assert_not_null (kase, "%s", error ? error->message : "");
      *(round == 0 ? &plain : round == 1 ? &written : &added) = kase;
    }

  /* Judged from the plain days, then from the records they become. */
  before = obligations_text (plain, policy, calendar);
  cr_assert_not_null (strstr (before, "visit"), "%s", before);
  list = cp_case_get_activities (plain);
  cr_assert_eq (g_list_model_get_n_items (list), 4);
  for (guint i = 0; i < 4; i++)
    {
      g_autofree char *d = ACTIVITY_DATE (list, i);
      cr_assert_str_eq (d, dates[i]);
    }
  after = obligations_text (plain, policy, calendar);
  cr_assert_str_eq (after, before);

  /* Written as JSON before anybody asked for the list. */
  json = cp_record_to_json (CP_RECORD (written));
  array = json_object_get_array_member (json_node_get_object (json), "activities");
  cr_assert_not_null (array);
  cr_assert_eq (json_array_get_length (array), 4);
  cr_assert_str_eq (json_object_get_string_member (json_array_get_object_element (array, 2), "date"), "2026-03-30");

  /* One added by a program comes after the imported ones. */
  cp_case_add_activity (added, visit, CP_ROLE_SOCIAL_WORKER, NULL);
  list = cp_case_get_activities (added);
  cr_assert_eq (g_list_model_get_n_items (list), 5);
  {
    g_autofree char *first = ACTIVITY_DATE (list, 0);
    g_autofree char *last = ACTIVITY_DATE (list, 4);

    cr_assert_str_eq (first, "2026-01-09");
    cr_assert_str_eq (last, "2026-03-31");
  }
  remove_ssd (dir);
}

Test (ssd, each_return_from_missing_starts_the_72_hours_of_a_return_interview)
{
  /* Three episodes: one found the next day, over a bank holiday (back on
   * Christmas Eve 2026), one found the same day, one still open. The flags
   * say an interview was offered and accepted, not when, so no interview
   * is read: the program that has its date records it. */
  const char *texts[N_TABLES] = {
    H_PERSON ID ",,2012-05-14,\n",
    H_EPISODES GOOD_EPISODE,
    H_PLACEMENT GOOD_PLACEMENT,
    [MISSING] = H_MISSING_RHI
      "MI1," ID ",2026-12-23 00:00:00,M,2026-12-24 00:00:00,Y,Y\n"
      "MI2," ID ",2027-01-10,A,2027-01-10,yes,no\n"
      "MI3," ID ",2027-01-20,M,,NA,\n",
  };
  char *dir = write_ssd (texts);
  g_autoptr(GError) error = NULL;
  g_autoptr(CpSsdReader) reader = cp_ssd_reader_new_for_directory (dir, &error);
  g_autoptr(CpCase) kase = cp_ssd_reader_next (reader, &error);
  g_autoptr(CpPolicy) policy = cp_policy_new_builtin ("england", &error);
  g_autoptr(CpCalendar) calendar = cp_calendar_new (CP_REGION_ENGLAND_AND_WALES);
  g_autoptr(CpEvaluator) ev = NULL;
  g_autoptr(GDate) today = test_date ("2027-01-25");
  g_autoptr(GDate) held = test_date ("2026-12-26");
  g_autoptr(CpActivity) interview = cp_activity_new (CP_DUTY_RETURN_HOME_INTERVIEW, held);
  CpObligation *o;
  guint returns = 0;

  cr_assert_not_null (kase, "%s", error ? error->message : "");
  for (guint i = 0; i < g_list_model_get_n_items (cp_case_get_events (kase)); i++)
    {
      g_autoptr(CpCaseEvent) e = g_list_model_get_item (cp_case_get_events (kase), i);
      returns += cp_case_event_get_kind (e) == CP_EVENT_KIND_RETURNED_FROM_MISSING;
    }
  cr_assert_eq (returns, 2);
  cr_assert_eq (count_duty (kase, CP_DUTY_RETURN_HOME_INTERVIEW), 0);

  /* The interview held on Saturday 26 December, the last day: on time; the
   * return of 10 January has none, and is overdue since the 12th. */
  cp_case_add_activity (kase, interview, CP_ROLE_SOCIAL_WORKER, NULL);
  ev = cp_evaluator_new (kase, policy, calendar);
  cp_evaluator_set_date (ev, today);
  cr_assert (cp_evaluator_refresh (ev, &error), "%s", error ? error->message : "");
  o = cp_evaluator_find (ev, "missing.return-home-interview", "returned-from-missing 2026-12-24");
  cr_assert_not_null (o);
  {
    g_autofree char *due = test_iso (cp_obligation_get_due (o));
    cr_assert_str_eq (due, "2026-12-26");
  }
  cr_assert_eq (cp_obligation_get_status (o), CP_OBLIGATION_STATUS_MET_ON_TIME);
  o = cp_evaluator_find (ev, "missing.return-home-interview", "returned-from-missing 2027-01-10");
  cr_assert_not_null (o);
  {
    g_autofree char *due = test_iso (cp_obligation_get_due (o));
    cr_assert_str_eq (due, "2027-01-12");
  }
  cr_assert_eq (cp_obligation_get_status (o), CP_OBLIGATION_STATUS_OVERDUE);
  cr_assert_null (cp_evaluator_find (ev, "missing.return-home-interview", "returned-from-missing 2027-01-20"));
  remove_ssd (dir);
}

Test (ssd, a_connection_string_with_a_password_is_refused)
{
  g_autoptr(GError) error = NULL;
  g_autoptr(CpSsdReader) reader = cp_ssd_reader_new_for_connection ("host=/nonexistent dbname=ssd password=hunter2",
                                                                     &error);

  cr_assert_null (reader);
  cr_assert_not_null (error);
  if (g_error_matches (error, G_IO_ERROR, G_IO_ERROR_NOT_SUPPORTED))
    {
      /* Built without libpq. */
      cr_assert_not_null (strstr (error->message, "built without PostgreSQL support"));
      return;
    }
  assert_error (error, CP_ERROR_INVALID_VALUE,
                "postgresql: the connection string holds a password; give it in ~/.pgpass or PGPASSWORD instead");
  cr_assert_null (strstr (error->message, "hunter2"));
  g_clear_error (&error);

  /* No server there: the connection fails with libpq's reason. */
  reader = cp_ssd_reader_new_for_connection ("host=/nonexistent port=1 dbname=ssd connect_timeout=2", &error);
  cr_assert_null (reader);
  assert_error (error, CP_ERROR_PARSE, "postgresql: ");
}

/* One line a result: where the child is, whether it was read, its error,
 * and its obligations' keys, due dates and statuses. */
static void
describe_result (GString *out, const char *location, const GError *error, CpEvaluator *ev)
{
  g_string_append_printf (out, "%s %s\n", location ? location : "-", error ? error->message : "");
  if (ev == NULL)
    return;
  for (guint i = 0, n = g_list_model_get_n_items (cp_evaluator_get_obligations (ev)); i < n; i++)
    {
      g_autoptr(CpObligation) o = g_list_model_get_item (cp_evaluator_get_obligations (ev), i);
      g_autofree char *due = cp_obligation_get_due (o) ? test_iso (cp_obligation_get_due (o)) : g_strdup ("-");

      g_string_append_printf (out, "  %s %s %d\n", cp_obligation_get_key (o), due, cp_obligation_get_status (o));
    }
}

static gboolean
describe_each (CpCaseResult *result, gpointer user_data)
{
  /* A child that was read has its row; a bad one's error names it. */
  cr_assert ((cp_case_result_get_location (result) != NULL) == cp_case_result_is_readable (result));
  cr_assert_eq (cp_case_result_get_line (result), 0);
  describe_result (user_data, cp_case_result_get_location (result), cp_case_result_get_error (result),
                   cp_case_result_get_evaluator (result));
  return TRUE;
}

Test (ssd, a_caseload_evaluator_reads_on_one_thread_and_evaluates_on_several)
{
  g_autoptr(GString) person = g_string_new (H_PERSON);
  g_autoptr(GString) episodes = g_string_new (H_EPISODES);
  g_autoptr(GString) placements = g_string_new (H_PLACEMENT);
  g_autoptr(GString) visits = g_string_new (H_VISITS);
  g_autoptr(GString) serial = g_string_new (NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(CpPolicy) policy = cp_policy_new_builtin ("england", &error);
  g_autoptr(CpCalendar) calendar = cp_calendar_new (CP_REGION_ENGLAND_AND_WALES);
  g_autoptr(GDate) today = test_date ("2026-03-31");
  const char *texts[N_TABLES] = { 0 };
  char *dir;

  /* Forty children who came into care a week apart, visited now and then;
   * the 17th child's second visit has an impossible date. */
  for (guint i = 1; i <= 40; i++)
    {
      g_autoptr(GDate) start = test_date ("2025-03-03");
      g_autofree char *iso = NULL;

      g_date_add_days (start, 7 * i);
      iso = test_iso (start);
      g_string_append_printf (person, "C%u,,2015-06-%02u,\n", i, 1 + i % 28);
      g_string_append_printf (episodes, "E%u,C%u,%s,S,N1,,,CLA%u,P%u,%s\n", i, i, iso, i, i, iso);
      g_string_append_printf (placements, "P%u,CLA%u,C%u,%s,,U6,PR4,,,\n", i, i, i, iso);
      for (guint v = 1; v <= i % 4; v++)
        {
          g_autoptr(GDate) day = g_date_copy (start);

          g_date_add_days (day, 9 * v);
          g_free (iso);
          iso = test_iso (day);
          g_string_append_printf (visits, "V%u-%u,CLA%u,C%u,%s,Y,N\n", i, v, i, i,
                                  i == 17 && v == 1 ? "2025-02-30" : iso);
        }
    }
  texts[PERSON] = person->str;
  texts[EPISODES] = episodes->str;
  texts[PLACEMENT] = placements->str;
  texts[VISITS] = visits->str;
  dir = write_ssd (texts);
  cr_assert_not_null (policy);

  /* Read and evaluated one by one. */
  {
    g_autoptr(CpSsdReader) reader = cp_ssd_reader_new_for_directory (dir, &error);
    guint bad = 0;

    cr_assert_not_null (reader, "%s", error ? error->message : "");
    for (;;)
      {
        g_autoptr(CpCase) kase = cp_ssd_reader_next (reader, &error);
        g_autoptr(CpEvaluator) ev = NULL;

        if (kase == NULL && error == NULL)
          break;
        if (kase == NULL)
          {
            cr_assert_null (strstr (error->message, "C17"));
            describe_result (serial, NULL, error, NULL);
            g_clear_error (&error);
            bad++;
            continue;
          }
        ev = cp_evaluator_new (kase, policy, calendar);
        cp_evaluator_set_date (ev, today);
        cr_assert (cp_evaluator_refresh (ev, &error));
        describe_result (serial, cp_ssd_reader_get_location (reader), NULL, ev);
      }
    cr_assert_eq (bad, 1);
    cr_assert_not_null (strstr (serial->str, "ssd_person.csv:41 \n"));
    cr_assert_not_null (strstr (serial->str, "\n- ssd_cla_visits.csv:"));
  }

  /* The same, in the same order, on any number of threads. */
  for (guint n = 1; n <= 4; n++)
    {
      g_autoptr(CpSsdReader) reader = cp_ssd_reader_new_for_directory (dir, &error);
      g_autoptr(CpCaseloadEvaluator) ce = cp_caseload_evaluator_new (policy, calendar, today);
      g_autoptr(GString) out = g_string_new (NULL);

      cr_assert_not_null (reader);
      cp_caseload_evaluator_set_n_threads (ce, n);
      cr_assert (cp_caseload_evaluator_foreach_in_ssd (ce, reader, describe_each, out, &error),
                 "%s", error ? error->message : "");
      cr_assert_str_eq (out->str, serial->str, "%u threads", n);
      /* The reader is at its end. */
      cr_assert_null (cp_ssd_reader_next (reader, &error));
      cr_assert_null (error);
    }
  remove_ssd (dir);
}
