package org.compactreview.task;

import java.io.Serializable;
import java.util.List;

/**
 * What a reassignment did, task by task: the tasks that moved to {@code to} (with whom they were
 * with before) and those that did not (of the {@code selected}), with the reason. Serializable: a page keeps it in the
 * flash of the redirect back to the list.
 */
public record Reassignment(String to, String toName, int selected, List<Moved> moved, List<NotMoved> notMoved)
        implements Serializable {

    public Reassignment {
        moved = List.copyOf(moved);
        notMoved = List.copyOf(notMoved);
    }

    /** A task that now belongs to {@code to}; {@code from} is null when nobody held it. */
    public record Moved(String taskId, String taskKey, String participantCode, Long cycleId, String from)
            implements Serializable {}

    /** A task that stayed where it was, and why; taskKey and participant are null for an unknown id. */
    public record NotMoved(String taskId, String taskKey, String participantCode, Reason reason)
            implements Serializable {}

    public enum Reason {
        /** No open task has this id: completed, cancelled, or never existed. */
        NOT_OPEN,
        /** The person is not in the task's candidate group (another participant's focal point, say). */
        NOT_CANDIDATE,
        /** The task is already with the person. */
        ALREADY_ASSIGNED,
        /** The task was completed or changed by someone else while it was being moved. */
        CHANGED_MEANWHILE
    }
}
