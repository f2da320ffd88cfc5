package org.compactreview.process;

/**
 * Ids of {@code bpmn/participant-review.bpmn}: the review of one participant in one cycle, one
 * process instance per participant and cycle, shared by annual reviews and the regional reviews
 * of a high-level conference. The cycle-wide variables it also holds ({@code cycleId} and the
 * timer dates) are named in {@link AnnualReviewModel}.
 */
public final class ParticipantReviewModel {

    public static final String PROCESS_KEY = "participantReview";
    public static final String RESOURCE = "bpmn/participant-review.bpmn";

    public static final String START_PARTICIPANT_REVIEW = "StartEvent_ParticipantReview";
    public static final String GATEWAY_TO_SUBMISSION = "Gateway_ToSubmission";
    public static final String TASK_SUBMIT_REPORT = "Task_SubmitReport";
    public static final String TASK_VALIDATE_REPORT = "Task_ValidateReport";
    public static final String GATEWAY_REPORT_ACCEPTED = "Gateway_ReportAccepted";
    public static final String TASK_RAISE_SUPPORT_REQUESTS = "Task_RaiseSupportRequests";
    public static final String END_REPORT_ACCEPTED = "EndEvent_ReportAccepted";
    public static final String TIMER_SUBMISSION_REMINDER = "Timer_SubmissionReminder";
    public static final String TASK_SEND_REMINDER = "Task_SendReminder";
    public static final String GATEWAY_MORE_REMINDERS = "Gateway_MoreReminders";
    public static final String TIMER_NEXT_REMINDER = "Timer_NextReminder";
    public static final String END_REMINDER_SENT = "EndEvent_ReminderSent";
    public static final String TIMER_SUBMISSION_OVERDUE = "Timer_SubmissionOverdue";
    public static final String TASK_FOLLOW_UP_OVERDUE_REPORT = "Task_FollowUpOverdueReport";
    public static final String END_ESCALATION_HANDLED = "EndEvent_EscalationHandled";
    public static final String TIMER_SUBMISSION_WINDOW_CLOSED = "Timer_SubmissionWindowClosed";
    public static final String TASK_MARK_NOT_SUBMITTED = "Task_MarkNotSubmitted";
    public static final String END_REPORT_CLOSED = "EndEvent_ReportClosed";

    /** The participant's code (a member state or a regional body). */
    public static final String VAR_PARTICIPANT = "participant";

    /** {@link #REVIEW_KIND_ANNUAL} or {@link #REVIEW_KIND_REGIONAL}: the one difference, as data. */
    public static final String VAR_REVIEW_KIND = "reviewKind";

    /**
     * The reminder loop's routing (issue 15): whether another reminder day lies ahead (its date is
     * then in {@code reminderAt}), and the smallest number of days before the due date already
     * reminded of, so that a moved due date does not remind of a day again.
     */
    public static final String VAR_MORE_REMINDERS = "moreReminders";

    public static final String VAR_REMINDED_DAYS = "remindedDays";

    /** The secretariat's decision, set on the validation task's own execution. */
    public static final String VAR_DECISION = "decision";

    /** A member state's progress report in an annual review cycle. */
    public static final String REVIEW_KIND_ANNUAL = "ANNUAL";

    /** A regional body's regional review in a high-level conference cycle. */
    public static final String REVIEW_KIND_REGIONAL = "REGIONAL";

    private ParticipantReviewModel() {}

    /** The business key of a participant's review: {@code <cycleId>:<participant>}. */
    public static String businessKey(long cycleId, String participant) {
        return businessKeyPrefix(cycleId) + participant;
    }

    /** What the business keys of all reviews of a cycle start with. */
    public static String businessKeyPrefix(long cycleId) {
        return cycleId + ":";
    }
}
