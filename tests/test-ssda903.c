/* test-ssda903.c: the SSDA903 return's CSV tables as cases
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include <glib/gstdio.h>
#include <string.h>

#include "test-helpers.h"

#define HEADER "CHILD,SEX,DOB,ETHNIC,UPN,MOTHER,MC_DOB\n"
#define EPISODES "CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,HOME_POST,PL_POST,URN\n"
#define REVIEWS "CHILD,DOB,REVIEW,REVIEW_CODE\n"

static char *
write_return (const char *header, const char *episodes, const char *reviews)
{
  g_autoptr(GError) error = NULL;
  char *dir = g_dir_make_tmp ("careplan-903-XXXXXX", &error);
  g_autofree char *h = g_build_filename (dir, "header.csv", NULL);
  g_autofree char *e = g_build_filename (dir, "episodes.csv", NULL);
  g_autofree char *r = g_build_filename (dir, "reviews.csv", NULL);

  cr_assert_not_null (dir, "%s", error ? error->message : "");
  if (header)
    cr_assert (g_file_set_contents (h, header, -1, NULL));
  if (episodes)
    cr_assert (g_file_set_contents (e, episodes, -1, NULL));
  if (reviews)
    cr_assert (g_file_set_contents (r, reviews, -1, NULL));
  return dir;
}

static void
remove_return (char *dir)
{
  const char *names[] = { "header.csv", "episodes.csv", "reviews.csv" };

  for (guint i = 0; i < G_N_ELEMENTS (names); i++)
    {
      g_autofree char *p = g_build_filename (dir, names[i], NULL);
      g_remove (p);
    }
  g_rmdir (dir);
  g_free (dir);
}

Test (ssda903, a_child_with_a_move_a_legal_change_reviews_and_an_end)
{
  char *dir = write_return (
    HEADER "C1,1,14/05/2012,WBRI,,,\n",
    EPISODES
    "C1,04/01/2026,S,C1,N1,U6,PR4,02/03/2026,X1,ALLEG,,,\n"
    "C1,02/03/2026,P,C1,N1,U4,PR1,15/06/2026,X1,,,,\n"
    "C1,15/06/2026,L,C2,N1,U4,PR1,30/09/2026,E41,,,,\n",
    REVIEWS "C1,14/05/2012,29/01/2026,PN6\nC1,14/05/2012,2025-06-01,PN1\nC1,14/05/2012,20/04/2026,PN2\n");
  g_autoptr(GError) error = NULL;
  g_autoptr(CpSsda903Reader) reader = cp_ssda903_reader_new_for_directory (dir, &error);
  g_autoptr(CpCase) kase = NULL;
  g_autoptr(CpPlacement) first = NULL, second = NULL;
  g_autoptr(CpReview) r2 = NULL;
  GListModel *statuses;
  g_autofree char *lac = NULL, *ceased = NULL, *moved = NULL, *held = NULL;

  cr_assert_not_null (reader, "%s", error ? error->message : "");
  kase = cp_ssda903_reader_next (reader, &error);
  cr_assert_not_null (kase, "%s", error ? error->message : "");
  cr_assert_str_eq (cp_ssda903_reader_get_location (reader), "header.csv:2");

  lac = test_iso (cp_child_get_looked_after_since (cp_case_get_child (kase)));
  ceased = test_iso (cp_child_get_ceased_on (cp_case_get_child (kase)));
  cr_assert_str_eq (lac, "2026-01-04");
  cr_assert_str_eq (ceased, "2026-09-30");

  /* Two placements (the legal-status change keeps the second). */
  cr_assert_eq (g_list_model_get_n_items (cp_case_get_placements (kase)), 2);
  first = g_list_model_get_item (cp_case_get_placements (kase), 0);
  second = g_list_model_get_item (cp_case_get_placements (kase), 1);
  cr_assert_eq (cp_placement_get_kind (first), CP_PLACEMENT_TYPE_FOSTER_AGENCY);
  cr_assert_eq (cp_placement_get_kind (second), CP_PLACEMENT_TYPE_FOSTER_OWN_AUTHORITY);
  cr_assert (cp_placement_get_long_term (second));
  cr_assert_str_eq (cp_placement_get_change_reason (first), "ALLEG");
  moved = test_iso (cp_placement_get_end (first));
  cr_assert_str_eq (moved, "2026-03-02");

  statuses = cp_child_get_legal_statuses (cp_case_get_child (kase));
  cr_assert_eq (g_list_model_get_n_items (statuses), 2);

  /* The 2025 review belongs to no period of this case; the others are
   * numbered in date order. */
  cr_assert_eq (g_list_model_get_n_items (cp_case_get_reviews (kase)), 2);
  r2 = g_list_model_get_item (cp_case_get_reviews (kase), 1);
  held = test_iso (cp_review_get_held (r2));
  cr_assert_str_eq (held, "2026-04-20");
  cr_assert_eq (cp_review_get_child_participation (r2), CP_CHILD_PARTICIPATION_ADVOCATE);

  cr_assert_null (cp_ssda903_reader_next (reader, &error));
  cr_assert_null (error);
  remove_return (dir);
}

typedef struct {
  const char *header, *episodes, *reviews;
  int code;
  const char *message;
} BadReturn;

static const BadReturn bad_returns[] = {
  { HEADER "ZZ7,1,14/05/2012,,,,\n", EPISODES "ZZ7,04/01/2026,S,Q9,N1,U6,PR4,,,,,,\n", NULL,
    CP_ERROR_UNKNOWN_CODE, "episodes.csv:2:4: LS: “Q9” is not a known code (expected one of: C1, C2," },
  { HEADER "ZZ7,1,14/05/2012,,,,\n", EPISODES "ZZ7,31/09/2026,S,C2,N1,U6,PR4,,,,,,\n", NULL,
    CP_ERROR_INVALID_DATE, "episodes.csv:2:2: DECOM: “31/09/2026” is not a date (dd/mm/yyyy or yyyy-mm-dd)" },
  { HEADER "ZZ7,1,14/05/2012,,,,\n", EPISODES "ZZ7,04/01/2026,,C2,N1,U6,PR4,,,,,,\n", NULL,
    CP_ERROR_MISSING_FIELD, "episodes.csv:2:3: RNE: missing (expected one of: S, L, P, T, U, B)" },
  { HEADER "ZZ7,1,14/05/2012,,,,\n", EPISODES "ZZ7,04/01/2026,S,C2,N1,U6,PR4,,X1,,,,\n", NULL,
    CP_ERROR_MISSING_FIELD, "episodes.csv:2:8: DEC: missing (the episode has a reason for ending, X1)" },
  { HEADER "ZZ7,1,14/05/2012,,,,\n", EPISODES "ZZ7,04/01/2026,S,C2,N1,U6,PR4,01/02/2026,X1,,,,\n", NULL,
    CP_ERROR_INCONSISTENT, "episodes.csv:2:9: REC: X1 says another episode follows, but none does" },
  { HEADER "ZZ7,1,14/05/2012,,,,\n",
    EPISODES "ZZ7,04/01/2026,S,C2,N1,U6,PR4,01/02/2026,X1,,,,\nZZ7,03/02/2026,P,C2,N1,U4,PR1,,,,,,\n", NULL,
    CP_ERROR_INCONSISTENT, "episodes.csv:3:2: DECOM: “03/02/2026” does not follow on from the previous episode, line 2 (DEC “01/02/2026”)" },
  { HEADER "ZZ7,1,14/05/2012,,,,\n",
    EPISODES "ZZ7,04/01/2026,S,C1,N1,U6,PR4,01/02/2026,X1,,,,\nZZ7,01/02/2026,L,C2,N1,K2,PR4,,,,,,\n", NULL,
    CP_ERROR_INCONSISTENT, "episodes.csv:3:6: PLACE: RNE L changes the legal status only, but PLACE changes from U6 to K2" },
  { HEADER "ZZ7,1,14/05/2012,,,,\n", EPISODES "ZZ7,04/01/2026,S,C2,N1,U6,PR4,01/02/2026,E11,,,,\n",
    REVIEWS "ZZ7,14/05/2012,20/02/2026,PN1\n",
    CP_ERROR_INCONSISTENT, "reviews.csv:2:3: REVIEW: after the child ceased to be looked after (DEC “01/02/2026”, episodes.csv line 2)" },
  { HEADER "ZZ7,1,14/05/2012,,,,\n", EPISODES "ZZ7,04/01/2026,S,C2,N1,U6,PR4,,,,,,\n",
    REVIEWS "ZZ7,15/05/2012,20/01/2026,PN1\n",
    CP_ERROR_INCONSISTENT, "reviews.csv:2:2: DOB: “15/05/2012” differs from the date of birth in header.csv line 2" },
  { HEADER "ZZ7,1,14/05/2012,,,,\n", EPISODES "ZZ7,04/01/2026,S,C2,N1,U6,PR4,,,,,,\n",
    REVIEWS "ZZ7,14/05/2012,20/01/2026,PN9\n",
    CP_ERROR_UNKNOWN_CODE, "reviews.csv:2:4: REVIEW_CODE: “PN9” is not a known code" },
  { HEADER "ZZ7,1,14/05/2012,,,,\n", EPISODES "ZZ7,04/01/2011,S,C2,N1,U6,PR4,,,,,,\n", NULL,
    CP_ERROR_INCONSISTENT, "episodes.csv:2:2: DECOM: the child became looked after before the date of birth in header.csv line 2" },
  { HEADER "ZZ7,1,14/05/2012,,,,\n", EPISODES, NULL,
    CP_ERROR_MISSING_FIELD, "header.csv:2:1: CHILD: no episode for this child" },
  { HEADER "ZZ7,1,14/05/2012,,,,\n", EPISODES "ZZ7,04/01/2026,S,C2,N1,\"U6,PR4,,,,,,\n", NULL,
    CP_ERROR_PARSE, "episodes.csv:2: a quoted field is not closed" },
};

Test (ssda903, each_bad_return_names_file_line_column_and_never_the_child)
{
  for (guint i = 0; i < G_N_ELEMENTS (bad_returns); i++)
    {
      const BadReturn *b = &bad_returns[i];
      char *dir = write_return (b->header, b->episodes, b->reviews);
      g_autoptr(GError) error = NULL;
      g_autoptr(CpSsda903Reader) reader = cp_ssda903_reader_new_for_directory (dir, &error);
      g_autoptr(CpCase) kase = NULL;

      if (reader != NULL)
        kase = cp_ssda903_reader_next (reader, &error);
      cr_assert_null (kase, "case %u was read", i);
      cr_assert_not_null (error, "case %u: no error", i);
      cr_assert_eq (error->code, b->code, "case %u: code %d: %s", i, error->code, error->message);
      cr_assert (g_str_has_prefix (error->message, b->message), "case %u: %s", i, error->message);
      cr_assert_null (strstr (error->message, "ZZ7"), "case %u names the child: %s", i, error->message);
      remove_return (dir);
    }
}

Test (ssda903, rows_without_a_header_row_and_duplicates_are_reported_and_the_rest_read)
{
  char *dir = write_return (
    HEADER "C1,1,14/05/2012,,,,\nC1,1,14/05/2012,,,,\nC2,2,01/01/2010,,,,\n",
    EPISODES "C9,04/01/2026,S,C2,N1,U6,PR4,,,,,,\nC1,04/01/2026,S,C2,N1,U6,PR4,,,,,,\n"
             "C2,05/01/2026,S,V2,N1,K2,PR4,,,,,,\n",
    NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(CpSsda903Reader) reader = cp_ssda903_reader_new_for_directory (dir, &error);
  g_autoptr(CpCase) a = NULL, c = NULL, end = NULL;

  cr_assert_not_null (reader, "%s", error ? error->message : "");
  cr_assert_eq (cp_ssda903_reader_get_n_children (reader), 3);
  a = cp_ssda903_reader_next (reader, &error);
  cr_assert_not_null (a);
  cr_assert_null (cp_ssda903_reader_next (reader, &error));
  assert_error (error, CP_ERROR_INCONSISTENT, "header.csv:3:1: CHILD: the child appears twice (also line 2)");
  g_clear_error (&error);
  c = cp_ssda903_reader_next (reader, &error);
  cr_assert_not_null (c, "%s", error ? error->message : "");
  cr_assert_null (cp_ssda903_reader_next (reader, &error));
  assert_error (error, CP_ERROR_INCONSISTENT, "episodes.csv:2:1: CHILD: no row in header.csv for this child (1 row in episodes.csv)");
  cr_assert_str_eq (cp_ssda903_reader_get_location (reader), "episodes.csv:2");
  g_clear_error (&error);
  end = cp_ssda903_reader_next (reader, &error);
  cr_assert_null (end);
  cr_assert_null (error);
  remove_return (dir);
}

Test (ssda903, a_return_without_its_tables_or_columns_is_refused)
{
  char *no_episodes = write_return (HEADER, NULL, NULL);
  char *no_column = write_return ("CHILD,SEX\n", EPISODES, NULL);
  g_autoptr(GError) e1 = NULL, e2 = NULL;
  g_autoptr(CpSsda903Reader) r1 = cp_ssda903_reader_new_for_directory (no_episodes, &e1);
  g_autoptr(CpSsda903Reader) r2 = cp_ssda903_reader_new_for_directory (no_column, &e2);

  cr_assert_null (r1);
  assert_error (e1, CP_ERROR_MISSING_FIELD, "no episodes.csv in the directory");
  cr_assert_null (r2);
  assert_error (e2, CP_ERROR_MISSING_FIELD, "header.csv:1: no DOB column");
  remove_return (no_episodes);
  remove_return (no_column);
}

static void
assert_date (GDate *d, const char *iso)
{
  g_autofree char *text = NULL;

  cr_assert_not_null (d, "no date, expected %s", iso);
  text = cp_date_format_iso (d);
  cr_assert_str_eq (text, iso);
  g_date_free (d);
}

Test (ssda903, the_period_ends_on_the_31_march_after_the_latest_episode_date)
{
  char *dir = write_return (
    HEADER "C1,1,14/05/2012,,,,\nC2,2,01/01/2010,,,,\n",
    EPISODES "C1,04/01/2016,S,C2,N1,U6,PR4,31/03/2017,E41,,,,\n"
             "C2,05/01/2016,S,V2,N1,K2,PR4,,,,,,\n",
    NULL);
  char *april = write_return (
    HEADER "C1,1,14/05/2012,,,,\n",
    EPISODES "C1,01/04/2017,S,C2,N1,U6,PR4,,,,,,\n",
    NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(CpSsda903Reader) reader = cp_ssda903_reader_new_for_directory (dir, &error);
  g_autoptr(CpSsda903Reader) later = cp_ssda903_reader_new_for_directory (april, &error);
  g_autoptr(CpCase) kase = NULL;

  cr_assert_not_null (reader, "%s", error ? error->message : "");
  /* 31 March itself is the last day of the year ending then. */
  assert_date (cp_ssda903_reader_dup_period_end (reader), "2017-03-31");
  cr_assert_null (cp_ssda903_reader_dup_child_period_end (reader), "no child read yet");
  kase = cp_ssda903_reader_next (reader, &error);
  cr_assert_not_null (kase, "%s", error ? error->message : "");
  assert_date (cp_ssda903_reader_dup_child_period_end (reader), "2017-03-31");
  cr_assert_eq (cp_ssda903_reader_get_n_returns (reader), 1);
  /* The next day starts the next collection year. */
  assert_date (cp_ssda903_reader_dup_period_end (later), "2018-03-31");
  remove_return (dir);
  remove_return (april);
}

Test (ssda903, a_return_without_reviews_says_so)
{
  char *without = write_return (HEADER "C1,1,14/05/2012,,,,\n", EPISODES "C1,04/01/2026,S,C2,N1,U6,PR4,,,,,,\n",
                                NULL);
  char *with = write_return (HEADER "C1,1,14/05/2012,,,,\n", EPISODES "C1,04/01/2026,S,C2,N1,U6,PR4,,,,,,\n",
                             REVIEWS);
  g_autoptr(CpSsda903Reader) r1 = cp_ssda903_reader_new_for_directory (without, NULL);
  g_autoptr(CpSsda903Reader) r2 = cp_ssda903_reader_new_for_directory (with, NULL);

  cr_assert_not (cp_ssda903_reader_get_has_reviews (r1));
  cr_assert (cp_ssda903_reader_get_has_reviews (r2));
  remove_return (without);
  remove_return (with);
}

static void
count_notify (GObject *object, GParamSpec *pspec, gpointer data)
{
  (void) object;
  (void) pspec;
  (*(guint *) data)++;
}

Test (ssda903, lenient_reads_a_last_episode_open_with_x1_and_counts_it)
{
  const char *header = HEADER "C1,1,14/05/2012,,,,\nC2,2,01/01/2010,,,,\nC3,2,01/01/2010,,,,\n";
  /* C1: open with X1 and no DEC; C2: an X1 without DEC followed by
   * another episode that does not follow on (an error either way); C3:
   * well formed. */
  const char *episodes = EPISODES "C1,04/01/2026,S,C2,N1,U6,PR4,,X1,,,,\n"
                                  "C2,04/01/2026,S,C2,N1,U6,PR4,,X1,,,,\n"
                                  "C2,05/02/2026,P,C2,N1,U4,PR1,,,,,,\n"
                                  "C3,05/01/2026,S,V2,N1,K2,PR4,,,,,,\n";
  char *dir = write_return (header, episodes, NULL);
  g_autoptr(GError) error = NULL;
  g_autoptr(CpSsda903Reader) strict = cp_ssda903_reader_new_for_directory (dir, &error);
  g_autoptr(CpSsda903Reader) lenient = cp_ssda903_reader_new_for_directory (dir, &error);
  g_autoptr(CpCase) c1 = NULL, c3 = NULL, s3 = NULL;
  guint notified = 0;
  gboolean prop = FALSE;

  cr_assert_not_null (strict);
  cr_assert_null (cp_ssda903_reader_next (strict, &error));
  assert_error (error, CP_ERROR_MISSING_FIELD, "episodes.csv:2:8: DEC: missing (the episode has a reason for ending, X1)");
  g_clear_error (&error);

  g_signal_connect (lenient, "notify::lenient", G_CALLBACK (count_notify), &notified);
  cr_assert_not (cp_ssda903_reader_get_lenient (lenient));
  cp_ssda903_reader_set_lenient (lenient, TRUE);
  cp_ssda903_reader_set_lenient (lenient, TRUE);
  cr_assert_eq (notified, 1, "notify only on a change");
  g_object_get (lenient, "lenient", &prop, NULL);
  cr_assert (prop);
  c1 = cp_ssda903_reader_next (lenient, &error);
  cr_assert_not_null (c1, "%s", error ? error->message : "");
  cr_assert_null (cp_child_get_ceased_on (cp_case_get_child (c1)), "still looked after");
  cr_assert_eq (cp_ssda903_reader_get_n_lenient (lenient), 1);
  cr_assert_null (cp_ssda903_reader_next (lenient, &error));
  cr_assert_not_null (error, "an X1 episode followed by one that does not follow on is still an error");
  cr_assert_null (strstr (error->message, "C2"));
  g_clear_error (&error);
  c3 = cp_ssda903_reader_next (lenient, &error);
  cr_assert_not_null (c3, "%s", error ? error->message : "");
  cr_assert_eq (cp_ssda903_reader_get_n_lenient (lenient), 1);
  remove_return (dir);
}

Test (ssda903, a_stacked_extract_is_one_return_per_authority_and_year)
{
  char *dir = write_return (
    "CHILD,SEX,DOB,LA,YEAR\n"
    "C1,1,2012-05-14,Bromley,2017\nC1,1,2012-05-14,Bromley,2018\nC1,1,2012-05-14,Hillingdon,2018\n",
    "CHILD,DECOM,RNE,LS,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,LA,YEAR\n"
    "C1,2017-01-04,S,C2,U6,PR4,2017-03-01,E41,,Bromley,2017\n"
    "C1,2017-01-04,S,C2,U6,PR4,2017-03-01,E41,,Bromley,2018\n"
    "C1,2017-06-01,S,C2,U6,PR4,,,,Bromley,2018\n"
    "C1,2018-01-10,S,V2,K2,PR4,,,,Hillingdon,2018\n",
    "CHILD,REVIEW,REVIEW_CODE,LA,YEAR\nC1,2017-06-20,PN1,Bromley,2018\n");
  g_autoptr(GError) error = NULL;
  g_autoptr(CpSsda903Reader) reader = cp_ssda903_reader_new_for_directory (dir, &error);
  g_autoptr(CpCase) a = NULL, b = NULL, c = NULL;

  cr_assert_not_null (reader, "%s", error ? error->message : "");
  cr_assert_eq (cp_ssda903_reader_get_n_returns (reader), 3);
  assert_date (cp_ssda903_reader_dup_period_end (reader), "2018-03-31");

  a = cp_ssda903_reader_next (reader, &error);
  cr_assert_not_null (a, "%s", error ? error->message : "");
  cr_assert_str_eq (cp_ssda903_reader_get_location (reader), "header.csv:2 (LA Bromley, YEAR 2017)");
  cr_assert_not_null (cp_child_get_ceased_on (cp_case_get_child (a)));
  assert_date (cp_ssda903_reader_dup_child_period_end (reader), "2017-03-31");
  cr_assert_eq (g_list_model_get_n_items (cp_case_get_reviews (a)), 0);

  b = cp_ssda903_reader_next (reader, &error);
  cr_assert_not_null (b, "%s", error ? error->message : "");
  cr_assert_str_eq (cp_ssda903_reader_get_location (reader), "header.csv:3 (LA Bromley, YEAR 2018)");
  cr_assert_null (cp_child_get_ceased_on (cp_case_get_child (b)));
  cr_assert_eq (g_list_model_get_n_items (cp_child_get_earlier_periods (cp_case_get_child (b))), 1);
  cr_assert_eq (g_list_model_get_n_items (cp_case_get_reviews (b)), 1, "the review of that year's return");
  assert_date (cp_ssda903_reader_dup_child_period_end (reader), "2018-03-31");

  c = cp_ssda903_reader_next (reader, &error);
  cr_assert_not_null (c, "%s", error ? error->message : "");
  cr_assert_str_eq (cp_ssda903_reader_get_location (reader), "header.csv:4 (LA Hillingdon, YEAR 2018)");
  cr_assert_eq (g_list_model_get_n_items (cp_case_get_reviews (c)), 0);
  cr_assert_null (cp_ssda903_reader_next (reader, &error));
  cr_assert_null (error);
  remove_return (dir);
}

Test (ssda903, a_stacked_extract_needs_la_and_year_in_its_reviews)
{
  char *dir = write_return ("CHILD,DOB,LA,YEAR\nC1,2012-05-14,Bromley,2017\n",
                            "CHILD,DECOM,RNE,LS,PLACE,PLACE_PROVIDER,DEC,REC,REASON_PLACE_CHANGE,LA,YEAR\n"
                            "C1,2017-01-04,S,C2,U6,PR4,,,,Bromley,2017\n",
                            "CHILD,REVIEW,REVIEW_CODE\nC1,2017-01-20,PN1\n");
  g_autoptr(GError) error = NULL;
  g_autoptr(CpSsda903Reader) reader = cp_ssda903_reader_new_for_directory (dir, &error);

  cr_assert_null (reader);
  assert_error (error, CP_ERROR_MISSING_FIELD, "reviews.csv:1: no LA column (header.csv and episodes.csv have "
                "LA and YEAR: a stacked extract needs them in every table)");
  remove_return (dir);
}
