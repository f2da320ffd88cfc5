package org.compactreview.history;

import java.util.List;

/**
 * The actions the app records, offered as suggestions in the list's action filter and translated
 * as {@code audit.action.<ACTION>}. The filter takes any action, also one missing here, and a
 * page shows an action without a translation by its readable code ({@link AuditPresenter}).
 */
final class AuditActions {

    static final List<String> KNOWN = List.of(
            // cycles and conferences
            "CYCLE_OPENED",
            "CYCLE_REPORTS_SETTLED",
            "CYCLE_CONSOLIDATED",
            "MEETING_PREPARED",
            "MEETING_OUTCOMES_RECORDED",
            "CYCLE_CLOSED",
            "CONFERENCE_COMPILATION_STARTED",
            "CONFERENCE_COMPILED",
            "STAKEHOLDER_SUBMISSION_RECORDED",
            "CONSULTATION_CLOSED",
            "DECLARATION_DRAFTED",
            "DECLARATION_AGREED",
            "DECLARATION_ADOPTED",
            // reports
            "REPORT_DRAFT_SAVED",
            "REPORT_SUBMITTED",
            "REPORT_VALIDATED",
            "REPORT_CLOSED_UNSUBMITTED",
            "SECTIONS_DELEGATED",
            "SECTIONS_RETURNED",
            "DELEGATION_REVOKED",
            // tasks
            "TASK_CLAIMED",
            "TASK_UNCLAIMED",
            "TASK_REASSIGNED",
            "TASK_COMPLETED",
            "TASK_DUE_DATE_CHANGED",
            "TASK_SUBSTITUTED",
            "TASK_SUBSTITUTION_ENDED",
            "ABSENCE_SET",
            "ABSENCE_STARTED",
            "ABSENCE_ENDED",
            "ABSENCE_CANCELLED",
            // discussion and evidence
            "COMMENT_POSTED",
            "COMMENT_DELETED",
            "ATTACHMENT_UPLOADED",
            "ATTACHMENT_ADDED",
            "ATTACHMENT_DELETED",
            "DIALOGUE_POSTED",
            "DIALOGUE_POST_HIDDEN",
            "POST_HIDDEN",
            // exports (issue 13)
            "EXPORTED",
            // capacity building
            "CAPACITY_REQUESTED",
            "CAPACITY_ASSESSED",
            "CAPACITY_PLAN_AGREED",
            "CAPACITY_PROGRESS_REPORTED",
            "CAPACITY_EVALUATED",
            // users, tokens, sign-in
            "USER_CREATED",
            "USER_CHANGED",
            "USER_PASSWORD_RESET",
            "SESSIONS_ENDED",
            "TOKEN_CREATED",
            "TOKEN_FIRST_USED",
            "TOKEN_REVOKED",
            "SIGNED_IN",
            "SIGN_IN_FAILED",
            "SIGN_IN_REFUSED",
            "SIGN_IN_THROTTLED",
            // notifications (issue 15)
            "NOTIFICATION_SETTINGS_CHANGED",
            "REMINDERS_UNSUBSCRIBED");

    private AuditActions() {}
}
