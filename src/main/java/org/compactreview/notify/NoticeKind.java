package org.compactreview.notify;

/**
 * What a notice is about. Each kind has its texts in every UI language ({@code notice.<KIND>.subject},
 * {@code .body}, {@code .action}; arguments: 0 the participant, 1 the cycle, 2 the task, 3 the due
 * date, 4 the other person). An optional kind can be turned off by its recipient (preferences,
 * the unsubscribe link); a kind that hands someone work cannot.
 */
public enum NoticeKind {
    /** A new task for the user or one of their groups. */
    TASK_ASSIGNED(false),
    /** A cycle opened for the user's participant: its first submission task. */
    CYCLE_OPENED(false),
    /** The secretariat returned the report for revision, with its comment. */
    REPORT_RETURNED(false),
    /** A report is overdue: the managers' follow-up task. */
    ESCALATION(false),
    /** A capacity-building support plan is due for its progress update. */
    CAPACITY_UPDATE_DUE(false),
    /** A due date is near (N days before; several per cycle). */
    DUE_REMINDER(true),
    /** A task someone held was handed to the user (a manager's move, an absence, its end); other: who held it. */
    TASK_HANDED_TO(false),
    /**
     * A task the user held went to someone else (other). Not optional although it hands no work:
     * it tells the person to stop working on it, and where it went.
     */
    TASK_TAKEN_FROM(false),
    /** A focal point (other) handed sections of the participant's report to the contributor. */
    SECTION_DELEGATED(false),
    /** The contributor (other) handed its sections back: the focal points write them again. */
    SECTION_RETURNED(false),
    /** A focal point (other) took the sections back from the contributor, with its reason. */
    SECTION_REVOKED(false);

    private final boolean optional;

    NoticeKind(boolean optional) {
        this.optional = optional;
    }

    /** Whether the recipient may turn this kind of mail off. */
    public boolean optional() {
        return optional;
    }

    public String messageKey(String part) {
        return "notice." + name() + "." + part;
    }
}
