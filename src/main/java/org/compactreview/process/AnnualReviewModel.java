package org.compactreview.process;

/** Ids of {@code bpmn/annual-review.bpmn}. */
public final class AnnualReviewModel {

    public static final String PROCESS_KEY = "annualReview";
    public static final String RESOURCE = "bpmn/annual-review.bpmn";

    public static final String START_CYCLE_OPENED = "StartEvent_CycleOpened";
    public static final String SUBPROCESS_PARTICIPANT_REVIEW = "SubProcess_ParticipantReview";
    public static final String TASK_SUBMIT_REPORT = "Task_SubmitReport";
    public static final String TASK_VALIDATE_REPORT = "Task_ValidateReport";
    public static final String GATEWAY_REPORT_ACCEPTED = "Gateway_ReportAccepted";
    public static final String TASK_RAISE_SUPPORT_REQUESTS = "Task_RaiseSupportRequests";
    public static final String END_REPORT_ACCEPTED = "EndEvent_ReportAccepted";
    public static final String TIMER_SUBMISSION_REMINDER = "Timer_SubmissionReminder";
    public static final String TASK_SEND_REMINDER = "Task_SendReminder";
    public static final String TIMER_SUBMISSION_OVERDUE = "Timer_SubmissionOverdue";
    public static final String TASK_FOLLOW_UP_OVERDUE_REPORT = "Task_FollowUpOverdueReport";
    public static final String TIMER_SUBMISSION_WINDOW_CLOSED = "Timer_SubmissionWindowClosed";
    public static final String TASK_MARK_NOT_SUBMITTED = "Task_MarkNotSubmitted";
    public static final String END_REPORT_CLOSED = "EndEvent_ReportClosed";
    public static final String TASK_CONSOLIDATE_REPORTS = "Task_ConsolidateReports";
    public static final String TASK_PREPARE_ANNUAL_MEETING = "Task_PrepareAnnualMeeting";
    public static final String TASK_RECORD_MEETING_OUTCOMES = "Task_RecordMeetingOutcomes";
    public static final String TASK_CLOSE_CYCLE = "Task_CloseCycle";
    public static final String END_CYCLE_CLOSED = "EndEvent_CycleClosed";

    /**
     * Variables: ids, dates and routing decisions only; business data lives in the app's tables.
     * The participant list itself is read from the cycle's reports when the branches start.
     */
    public static final String VAR_CYCLE_ID = "cycleId";

    public static final String VAR_PARTICIPANT = "participant";
    public static final String VAR_REMINDER_AT = "reminderAt";
    public static final String VAR_SUBMISSION_DUE = "submissionDue";
    public static final String VAR_WINDOW_CLOSES_AT = "windowClosesAt";
    public static final String VAR_DECISION = "decision";

    private AnnualReviewModel() {}
}
