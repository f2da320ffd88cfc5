package org.compactreview.task;

import java.util.Set;

/**
 * What a manager narrows the open tasks of every team to: cycles, a process, a task type,
 * participants, a UN region, an assignee, overdue or not. Empty sets and nulls mean "any". The
 * region and the process stand for sets of participants and task types, read from the framework
 * and the process models ({@link TaskProcesses}).
 */
public record WorkloadFilter(
        Set<Long> cycleIds,
        String process,
        String taskKey,
        Set<String> participants,
        String region,
        String assignee,
        Boolean overdue) {

    public WorkloadFilter {
        cycleIds = cycleIds == null ? Set.of() : Set.copyOf(cycleIds);
        participants = participants == null ? Set.of() : Set.copyOf(participants);
    }

    public static WorkloadFilter everything() {
        return new WorkloadFilter(Set.of(), null, null, Set.of(), null, null, null);
    }

    /** Every open task of one person, optionally only of some participants or cycles. */
    public static WorkloadFilter of(String assignee, Set<String> participants, Set<Long> cycleIds) {
        return new WorkloadFilter(cycleIds, null, null, participants, null, assignee, null);
    }
}
