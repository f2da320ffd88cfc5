package org.compactreview.task;

/**
 * Filters of a task list. {@code allTeams} (managers and the secretariat only) lists every open
 * task instead of the caller's own; the other fields narrow either list.
 */
public record WorkItemFilter(
        boolean allTeams, Long cycleId, String participantCode, String assignee, String taskKey, Boolean overdue) {

    public static WorkItemFilter mine() {
        return new WorkItemFilter(false, null, null, null, null, null);
    }
}
