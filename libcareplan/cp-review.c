/* cp-review.c
 *
 * SPDX-License-Identifier: LGPL-2.1-or-later
 */

#include "config.h"

#include "cp-case-private.h"
#include "cp-review-private.h"
#include "cp-record-private.h"

/**
 * CpReview:
 *
 * A statutory review of the child's case.
 */
struct _CpReview
{
  CpRecord parent_instance;
};

G_DEFINE_FINAL_TYPE (CpReview, cp_review, CP_TYPE_RECORD)

enum {
  PROP_0,
  PROP_SEQUENCE,
  PROP_KIND,
  PROP_SCHEDULED,
  PROP_HELD,
  PROP_ADJOURNED_TO,
  PROP_CHAIR,
  PROP_PARTICIPANTS,
  PROP_CHILD_PARTICIPATION,
  PROP_RECOMMENDATIONS,
  PROP_TASKS,
  PROP_RESCHEDULED_FROM,
  PROP_NO_MEETING_AGREED,
  N_PROPS
};

static GParamSpec *properties[N_PROPS];

static void
cp_review_class_init (CpReviewClass *klass)
{
  /**
   * CpReview:sequence:
   *
   * 1 for the first review, 2 for the second, ....
   */
  properties[PROP_SEQUENCE] =
    cp_field_required (g_param_spec_int ("sequence", NULL, NULL, 1, 10000, 1,
                      G_PARAM_READWRITE | G_PARAM_CONSTRUCT_ONLY | G_PARAM_STATIC_STRINGS));

  /**
   * CpReview:kind:
   *
   * A meeting or a consultation-only review.
   */
  properties[PROP_KIND] =
    g_param_spec_enum ("kind", NULL, NULL, CP_TYPE_REVIEW_KIND, CP_REVIEW_KIND_MEETING,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * CpReview:scheduled:
   *
   * The date it is booked for. Read-only: set by
   * [method@Review.set_scheduled] before the review is added to a case,
   * then only by [method@Evaluator.reschedule_review], which checks who
   * may move it and records the move.
   */
  properties[PROP_SCHEDULED] =
    cp_field_date ("scheduled", CP_FIELD_GUARDED);

  /**
   * CpReview:held:
   *
   * The date it was held, or %NULL.
   */
  properties[PROP_HELD] =
    cp_field_date ("held", 0);

  /**
   * CpReview:adjourned-to:
   *
   * The date an adjourned review resumes, or %NULL. Read-only: set by
   * [method@Evaluator.adjourn_review], which checks who may adjourn.
   */
  properties[PROP_ADJOURNED_TO] =
    cp_field_date ("adjourned-to", CP_FIELD_GUARDED);

  /**
   * CpReview:chair:
   *
   * Who chaired it (a member of staff; normally the IRO).
   */
  properties[PROP_CHAIR] =
    g_param_spec_string ("chair", NULL, NULL, NULL,
                         G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * CpReview:participants:
   *
   * Who took part, by role.
   */
  properties[PROP_PARTICIPANTS] =
    g_param_spec_boxed ("participants", NULL, NULL, G_TYPE_STRV,
                        G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * CpReview:child-participation:
   *
   * How the child took part.
   */
  properties[PROP_CHILD_PARTICIPATION] =
    g_param_spec_enum ("child-participation", NULL, NULL, CP_TYPE_CHILD_PARTICIPATION, CP_CHILD_PARTICIPATION_NOT_RECORDED,
                       G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  /**
   * CpReview:recommendations:
   *
   * Its decisions and recommendations.
   */
  properties[PROP_RECOMMENDATIONS] =
    cp_field_list ("recommendations", CP_TYPE_RECOMMENDATION);

  /**
   * CpReview:tasks:
   *
   * The preparation and follow-up duties done for this review, each with
   * the day it was done.
   */
  properties[PROP_TASKS] =
    cp_field_list ("tasks", CP_TYPE_REVIEW_TASK);

  /**
   * CpReview:rescheduled-from:
   *
   * The date the review was booked for before it was re-arranged, or
   * %NULL if it never was. Read-only: set by
   * [method@Evaluator.reschedule_review].
   */
  properties[PROP_RESCHEDULED_FROM] =
    cp_field_date ("rescheduled-from", CP_FIELD_GUARDED);

  /**
   * CpReview:no-meeting-agreed:
   *
   * For a consultation-only review: whether everyone, the child included,
   * agreed to it being held without a meeting.
   */
  properties[PROP_NO_MEETING_AGREED] =
    g_param_spec_boolean ("no-meeting-agreed", NULL, NULL, FALSE,
                          G_PARAM_READWRITE | G_PARAM_EXPLICIT_NOTIFY | G_PARAM_STATIC_STRINGS);

  cp_record_class_install (G_OBJECT_CLASS (klass), properties, N_PROPS);
}

static void
cp_review_init (CpReview *self)
{
}

/**
 * cp_review_new:
 * @sequence: 1 for the first review, 2 for the second, ...
 *
 * Creates a [class@Review].
 *
 * Returns: (transfer full): a new #CpReview
 */
CpReview *
cp_review_new (int sequence)
{

  return g_object_new (CP_TYPE_REVIEW,
                       "sequence", sequence,
                       NULL);
}

/**
 * cp_review_get_sequence:
 * @self: a #CpReview
 *
 * Gets the [property@Review:sequence] property.
 *
 * Returns: 1 for the first review, 2 for the second, ...
 */
int
cp_review_get_sequence (CpReview *self)
{
  g_return_val_if_fail (CP_IS_REVIEW (self), 0);
  return cp_record_get_int (CP_RECORD (self), PROP_SEQUENCE);
}

/**
 * cp_review_get_kind:
 * @self: a #CpReview
 *
 * Gets the [property@Review:kind] property.
 *
 * Returns: a meeting or a consultation-only review
 */
CpReviewKind
cp_review_get_kind (CpReview *self)
{
  g_return_val_if_fail (CP_IS_REVIEW (self), 0);
  return (CpReviewKind) cp_record_get_enum (CP_RECORD (self), PROP_KIND);
}

/**
 * cp_review_set_kind:
 * @self: a #CpReview
 * @kind: a meeting or a consultation-only review
 *
 * Sets [property@Review:kind].
 */
void
cp_review_set_kind (CpReview *self,
    CpReviewKind kind)
{
  g_return_if_fail (CP_IS_REVIEW (self));
  cp_record_set_enum (CP_RECORD (self), PROP_KIND, kind);
}

/**
 * cp_review_get_scheduled:
 * @self: a #CpReview
 *
 * Gets the [property@Review:scheduled] property.
 *
 * Returns: (transfer none) (nullable): the date it is booked for
 */
const GDate *
cp_review_get_scheduled (CpReview *self)
{
  g_return_val_if_fail (CP_IS_REVIEW (self), NULL);
  return cp_record_get_date (CP_RECORD (self), PROP_SCHEDULED);
}

/**
 * cp_review_set_scheduled:
 * @self: a #CpReview
 * @scheduled: (nullable): the date it is booked for
 *
 * Sets [property@Review:scheduled] of a review not yet added to a case.
 * A review of a case is moved by [method@Evaluator.reschedule_review],
 * which checks who may move it: here that is a programming error.
 */
void
cp_review_set_scheduled (CpReview *self,
    const GDate *scheduled)
{
  g_return_if_fail (CP_IS_REVIEW (self));
  g_return_if_fail (!cp_record_is_attached (CP_RECORD (self)));
  cp_record_set_date (CP_RECORD (self), PROP_SCHEDULED, scheduled);
}

/**
 * cp_review_get_held:
 * @self: a #CpReview
 *
 * Gets the [property@Review:held] property.
 *
 * Returns: (transfer none) (nullable): the date it was held, or %NULL
 */
const GDate *
cp_review_get_held (CpReview *self)
{
  g_return_val_if_fail (CP_IS_REVIEW (self), NULL);
  return cp_record_get_date (CP_RECORD (self), PROP_HELD);
}

/**
 * cp_review_set_held:
 * @self: a #CpReview
 * @held: (nullable): the date it was held, or %NULL
 *
 * Sets [property@Review:held].
 */
void
cp_review_set_held (CpReview *self,
    const GDate *held)
{
  g_return_if_fail (CP_IS_REVIEW (self));
  cp_record_set_date (CP_RECORD (self), PROP_HELD, held);
}

/**
 * cp_review_get_adjourned_to:
 * @self: a #CpReview
 *
 * Gets the [property@Review:adjourned-to] property.
 *
 * Returns: (transfer none) (nullable): the date an adjourned review resumes, or %NULL
 */
const GDate *
cp_review_get_adjourned_to (CpReview *self)
{
  g_return_val_if_fail (CP_IS_REVIEW (self), NULL);
  return cp_record_get_date (CP_RECORD (self), PROP_ADJOURNED_TO);
}

/**
 * cp_review_set_adjourned_to:
 * @self: a #CpReview
 * @adjourned_to: (nullable): the date an adjourned review resumes, or %NULL
 *
 * Sets [property@Review:adjourned-to] of a review not yet added to a
 * case. A review of a case is adjourned by
 * [method@Evaluator.adjourn_review], which checks who may adjourn it:
 * here that is a programming error.
 */
void
cp_review_set_adjourned_to (CpReview *self,
    const GDate *adjourned_to)
{
  g_return_if_fail (CP_IS_REVIEW (self));
  g_return_if_fail (!cp_record_is_attached (CP_RECORD (self)));
  cp_record_set_date (CP_RECORD (self), PROP_ADJOURNED_TO, adjourned_to);
}

/**
 * cp_review_get_chair:
 * @self: a #CpReview
 *
 * Gets the [property@Review:chair] property.
 *
 * Returns: (transfer none) (nullable): who chaired it (a member of staff; normally the IRO)
 */
const char *
cp_review_get_chair (CpReview *self)
{
  g_return_val_if_fail (CP_IS_REVIEW (self), NULL);
  return cp_record_get_string (CP_RECORD (self), PROP_CHAIR);
}

/**
 * cp_review_set_chair:
 * @self: a #CpReview
 * @chair: (nullable): who chaired it (a member of staff; normally the IRO)
 *
 * Sets [property@Review:chair].
 */
void
cp_review_set_chair (CpReview *self,
    const char *chair)
{
  g_return_if_fail (CP_IS_REVIEW (self));
  cp_record_set_string (CP_RECORD (self), PROP_CHAIR, chair);
}

/**
 * cp_review_get_participants:
 * @self: a #CpReview
 *
 * Gets the [property@Review:participants] property.
 *
 * Returns: (transfer none) (nullable): who took part, by role
 */
const char * const *
cp_review_get_participants (CpReview *self)
{
  g_return_val_if_fail (CP_IS_REVIEW (self), NULL);
  return cp_record_get_strv (CP_RECORD (self), PROP_PARTICIPANTS);
}

/**
 * cp_review_set_participants:
 * @self: a #CpReview
 * @participants: (nullable) (array zero-terminated=1): who took part, by role
 *
 * Sets [property@Review:participants].
 */
void
cp_review_set_participants (CpReview *self,
    const char * const *participants)
{
  g_auto(GValue) v = G_VALUE_INIT;

  g_return_if_fail (CP_IS_REVIEW (self));
  g_value_init (&v, G_TYPE_STRV);
  g_value_set_boxed (&v, participants);
  cp_record_set_value (CP_RECORD (self), PROP_PARTICIPANTS, &v);
}

/**
 * cp_review_get_child_participation:
 * @self: a #CpReview
 *
 * Gets the [property@Review:child-participation] property.
 *
 * Returns: how the child took part
 */
CpChildParticipation
cp_review_get_child_participation (CpReview *self)
{
  g_return_val_if_fail (CP_IS_REVIEW (self), 0);
  return (CpChildParticipation) cp_record_get_enum (CP_RECORD (self), PROP_CHILD_PARTICIPATION);
}

/**
 * cp_review_set_child_participation:
 * @self: a #CpReview
 * @child_participation: how the child took part
 *
 * Sets [property@Review:child-participation].
 */
void
cp_review_set_child_participation (CpReview *self,
    CpChildParticipation child_participation)
{
  g_return_if_fail (CP_IS_REVIEW (self));
  cp_record_set_enum (CP_RECORD (self), PROP_CHILD_PARTICIPATION, child_participation);
}

/**
 * cp_review_get_recommendations:
 * @self: a #CpReview
 *
 * Gets the [property@Review:recommendations] property.
 *
 * Returns: (transfer none): its decisions and recommendations, a list of [class@Recommendation]
 */
GListModel *
cp_review_get_recommendations (CpReview *self)
{
  g_return_val_if_fail (CP_IS_REVIEW (self), NULL);
  return cp_record_get_list (CP_RECORD (self), PROP_RECOMMENDATIONS);
}

/**
 * cp_review_add_recommendation:
 * @self: a #CpReview
 * @recommendation: a recommendation
 *
 * Appends @recommendation to [property@Review:recommendations].
 */
void
cp_review_add_recommendation (CpReview *self,
    CpRecommendation *recommendation)
{
  g_return_if_fail (CP_IS_REVIEW (self));
  g_return_if_fail (CP_IS_RECOMMENDATION (recommendation));
  cp_record_append_item (CP_RECORD (self), PROP_RECOMMENDATIONS, recommendation);
}

/**
 * cp_review_get_tasks:
 * @self: a #CpReview
 *
 * Gets the [property@Review:tasks] property.
 *
 * Returns: (transfer none): the duties done for this review, a list of
 *   [class@ReviewTask]
 */
GListModel *
cp_review_get_tasks (CpReview *self)
{
  g_return_val_if_fail (CP_IS_REVIEW (self), NULL);
  return cp_record_get_list (CP_RECORD (self), PROP_TASKS);
}

/**
 * cp_review_add_task:
 * @self: a #CpReview
 * @task: a duty done
 *
 * Appends @task to [property@Review:tasks].
 */
void
cp_review_add_task (CpReview     *self,
                    CpReviewTask *task)
{
  g_return_if_fail (CP_IS_REVIEW (self));
  g_return_if_fail (CP_IS_REVIEW_TASK (task));
  cp_record_append_item (CP_RECORD (self), PROP_TASKS, task);
}

/**
 * cp_review_get_task_done:
 * @self: a #CpReview
 * @duty: a duty
 *
 * When a review duty (invitations, records, the manager's response, ...) was done.
 *
 * Returns: (transfer none) (nullable): the earliest day @duty was done for
 *   this review, or %NULL
 */
const GDate *
cp_review_get_task_done (CpReview *self,
                         CpDuty    duty)
{
  gpointer const *tasks;
  const GDate *best = NULL;
  guint n;

  g_return_val_if_fail (CP_IS_REVIEW (self), NULL);

  tasks = cp_record_get_items (CP_RECORD (self), PROP_TASKS, &n);   /* no list made for none */
  for (guint i = 0; i < n; i++)
    {
      CpReviewTask *t = tasks[i];
      const GDate *done = cp_review_task_get_done (t);

      if (cp_review_task_get_duty (t) == duty &&
          (best == NULL || g_date_compare (done, best) < 0))
        best = done;   /* the list keeps it alive */
    }
  return best;
}

/**
 * cp_review_get_rescheduled_from:
 * @self: a #CpReview
 *
 * Gets the [property@Review:rescheduled-from] property.
 *
 * Returns: (transfer none) (nullable): the date the review was booked for
 *   before it was re-arranged
 */
const GDate *
cp_review_get_rescheduled_from (CpReview *self)
{
  g_return_val_if_fail (CP_IS_REVIEW (self), NULL);
  return cp_record_get_date (CP_RECORD (self), PROP_RESCHEDULED_FROM);
}

/**
 * cp_review_set_rescheduled_from:
 * @self: a #CpReview
 * @rescheduled_from: (nullable): the earlier booking
 *
 * Sets [property@Review:rescheduled-from] of a review not yet added to a
 * case; afterwards only [method@Evaluator.reschedule_review] sets it.
 */
void
cp_review_set_rescheduled_from (CpReview    *self,
                                const GDate *rescheduled_from)
{
  g_return_if_fail (CP_IS_REVIEW (self));
  g_return_if_fail (!cp_record_is_attached (CP_RECORD (self)));
  cp_record_set_date (CP_RECORD (self), PROP_RESCHEDULED_FROM, rescheduled_from);
}

/**
 * cp_review_get_no_meeting_agreed:
 * @self: a #CpReview
 *
 * Gets the [property@Review:no-meeting-agreed] property.
 *
 * Returns: whether everyone agreed to a review without a meeting
 */
gboolean
cp_review_get_no_meeting_agreed (CpReview *self)
{
  g_return_val_if_fail (CP_IS_REVIEW (self), FALSE);
  return cp_record_get_boolean (CP_RECORD (self), PROP_NO_MEETING_AGREED);
}

/**
 * cp_review_set_no_meeting_agreed:
 * @self: a #CpReview
 * @no_meeting_agreed: whether everyone agreed
 *
 * Sets [property@Review:no-meeting-agreed].
 */
void
cp_review_set_no_meeting_agreed (CpReview *self,
                                 gboolean  no_meeting_agreed)
{
  g_return_if_fail (CP_IS_REVIEW (self));
  cp_record_set_boolean (CP_RECORD (self), PROP_NO_MEETING_AGREED, no_meeting_agreed);
}

/* The library's own changes, made by the actions that check who may make
 * them (cp-evaluator.c); see cp-case-private.h. */
void
cp_review_move (CpReview    *self,
                const GDate *new_date)
{
  if (cp_review_get_rescheduled_from (self) == NULL && cp_review_get_scheduled (self) != NULL)
    cp_record_set_date (CP_RECORD (self), PROP_RESCHEDULED_FROM, cp_review_get_scheduled (self));
  cp_record_set_date (CP_RECORD (self), PROP_SCHEDULED, new_date);
}

void
cp_review_adjourn (CpReview    *self,
                   const GDate *resume_on)
{
  cp_record_set_date (CP_RECORD (self), PROP_ADJOURNED_TO, resume_on);
}

CpRecommendation *const *
cp_review_peek_recommendations (CpReview *self,
                                guint *n_items)
{
  return (CpRecommendation *const *) cp_record_get_items (CP_RECORD (self), PROP_RECOMMENDATIONS, n_items);
}
