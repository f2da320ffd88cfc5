package org.compactreview.task;

/** How the workload view's task list is ordered; ties go oldest first. */
public enum TaskSort {
    DUE("w.due_at %s nulls last"),
    CREATED("w.created_at %s"),
    TASK("w.task_key %s"),
    CYCLE("w.cycle_id %s"),
    // By the participants' names: their codes in name order come as one parameter.
    PARTICIPANT("array_position(string_to_array(:byName, ','), cast(w.participant_code as text)) %s nulls last"),
    ASSIGNEE("w.assignee %s nulls first");

    private final String clause;

    TaskSort(String clause) {
        this.clause = clause;
    }

    String orderBy(boolean descending) {
        return clause.formatted(descending ? "desc" : "asc");
    }
}
