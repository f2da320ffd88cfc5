package org.compactreview.task;

import java.util.Objects;
import java.util.UUID;

/**
 * An open task changed hands: a manager moved it (one task or many), or an absence handed it to
 * the person's substitute, or its end handed it back. Published once per task moved, inside the
 * transaction that moved it (a move rolled back tells nobody). Not published when a user claims
 * or releases a task themselves: they know. {@code task} holds the task's keys (its form, cycle,
 * participant, due date); {@code from} is null when nobody held it; {@code note} is the manager's
 * reason, if any. {@code changeId} names this one change: the same task moved twice is two
 * changes.
 */
public record TaskHandedOver(WorkItem task, String from, String to, Reason reason, String note, String changeId) {

    public enum Reason {
        /** A manager or the secretariat handed this one task to someone (task API, inbox). */
        REASSIGNED,
        /** A manager moved a selection, or everything of one person (workload page, bulk API). */
        BULK,
        /** The holder's out-of-office period began: the task went to the substitute. */
        ABSENCE,
        /** The out-of-office period ended: the task came back from the substitute. */
        ABSENCE_ENDED
    }

    public TaskHandedOver {
        Objects.requireNonNull(task, "task");
        Objects.requireNonNull(to, "to");
        Objects.requireNonNull(reason, "reason");
        Objects.requireNonNull(changeId, "changeId");
    }

    static TaskHandedOver of(WorkItem task, String from, String to, Reason reason, String note) {
        return new TaskHandedOver(
                task, from, to, reason, note, UUID.randomUUID().toString());
    }
}
