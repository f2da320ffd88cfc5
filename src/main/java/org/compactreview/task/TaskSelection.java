package org.compactreview.task;

import java.util.List;

/**
 * Which open tasks a reassignment (or a question about who may take them) is about: the tasks
 * named, or "everything of a person" ({@code filter} with its assignee set), optionally narrowed
 * by the filter's other fields (participants, cycles, process, task type, region, overdue).
 */
public record TaskSelection(List<String> taskIds, WorkloadFilter filter) {

    public TaskSelection {
        taskIds = taskIds == null ? List.of() : List.copyOf(taskIds);
    }

    public static TaskSelection ofTasks(List<String> taskIds) {
        return new TaskSelection(taskIds, null);
    }

    public static TaskSelection everythingOf(WorkloadFilter filter) {
        return new TaskSelection(List.of(), filter);
    }

    public boolean byTasks() {
        return !taskIds.isEmpty();
    }
}
