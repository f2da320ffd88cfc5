package org.compactreview.task;

/**
 * Someone a selection of tasks may go to: an enabled member of the candidate group of
 * {@code tasks} of the selected tasks (a focal point of the task's participant for a report, the
 * secretariat for a validation).
 */
public record EligibleAssignee(String username, String displayName, long tasks) {}
