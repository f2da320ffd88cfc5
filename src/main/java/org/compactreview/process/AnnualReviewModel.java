package org.compactreview.process;

/**
 * Ids of {@code bpmn/annual-review.bpmn}. The participants' reviews run in their own instances of
 * {@code bpmn/participant-review.bpmn} ({@link ParticipantReviewModel}); the front of this model
 * (start the reviews in batches, wait until every report is settled) is the same in
 * {@code bpmn/high-level-conference.bpmn}, with the same ids.
 */
public final class AnnualReviewModel {

    public static final String PROCESS_KEY = "annualReview";
    public static final String RESOURCE = "bpmn/annual-review.bpmn";

    public static final String START_CYCLE_OPENED = "StartEvent_CycleOpened";
    public static final String TASK_START_PARTICIPANT_REVIEWS = "Task_StartParticipantReviews";
    public static final String GATEWAY_BATCH_STARTED = "Gateway_BatchStarted";
    public static final String GATEWAY_ALL_REVIEWS_STARTED = "Gateway_AllReviewsStarted";
    public static final String TASK_START_MORE_PARTICIPANT_REVIEWS = "Task_StartMoreParticipantReviews";
    public static final String GATEWAY_REPORTS_SETTLED = "Gateway_ReportsSettled";
    public static final String EVENT_ALL_REPORTS_SETTLED = "Event_AllReportsSettled";
    public static final String GATEWAY_ALL_REPORTS_SETTLED = "Gateway_AllReportsSettled";
    public static final String TASK_CONSOLIDATE_REPORTS = "Task_ConsolidateReports";
    public static final String TASK_PREPARE_ANNUAL_MEETING = "Task_PrepareAnnualMeeting";
    public static final String TASK_RECORD_MEETING_OUTCOMES = "Task_RecordMeetingOutcomes";
    public static final String TASK_CLOSE_CYCLE = "Task_CloseCycle";
    public static final String END_CYCLE_CLOSED = "EndEvent_CycleClosed";

    /** The one message the app correlates to a cycle when its last report is settled. */
    public static final String MESSAGE_ALL_REPORTS_SETTLED = "allReportsSettled";

    /**
     * The multi-instance subprocess of the earlier version (one branch per participant), still run
     * by the cycles opened on it.
     */
    public static final String EARLIER_SUBPROCESS_PARTICIPANT_REVIEW = "SubProcess_ParticipantReview";

    /**
     * Variables: ids, dates and routing decisions only; business data lives in the app's tables.
     * The cycle's id and the timer dates are set on the cycle's instance and copied to each
     * participant's review.
     */
    public static final String VAR_CYCLE_ID = "cycleId";

    public static final String VAR_REMINDER_AT = "reminderAt";
    public static final String VAR_SUBMISSION_DUE = "submissionDue";
    public static final String VAR_WINDOW_CLOSES_AT = "windowClosesAt";

    /** Routing of the start loop: how many reviews have started, and whether that is all of them. */
    public static final String VAR_REVIEWS_STARTED = "reviewsStarted";

    public static final String VAR_ALL_REVIEWS_STARTED = "allReviewsStarted";

    private AnnualReviewModel() {}
}
