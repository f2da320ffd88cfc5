package org.compactreview.task;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.time.Instant;
import java.util.List;
import org.compactreview.process.CapacityBuildingModel;
import org.compactreview.process.ParticipantReviewModel;

/** An open user task with the business keys it belongs to. */
public record WorkItem(
        String id,
        String taskKey,
        String name,
        Long cycleId,
        String cyclePeriod,
        String participantCode,
        Long reportId,
        String candidateGroup,
        String assignee,
        Instant dueAt,
        boolean overdue,
        Instant createdAt,
        Long capacityRequestId,
        // Internal: whether the task's instance is its participant's own (see TaskGateway.complete).
        @JsonIgnore boolean ownInstance) {

    /** The escalations: tasks completed with a note only, from the team page, never through a form. */
    public static final List<String> FORMLESS_TASKS = List.of(
            ParticipantReviewModel.TASK_FOLLOW_UP_OVERDUE_REPORT, CapacityBuildingModel.TASK_FOLLOW_UP_MISSED_UPDATE);

    public boolean formless() {
        return FORMLESS_TASKS.contains(taskKey);
    }

    /** Whether someone in {@code groups} may do this task: the one rule of claims, hand-overs and substitutes. */
    public boolean doableBy(java.util.Set<String> groups) {
        return doable(candidateGroup, groups);
    }

    static boolean doable(String candidateGroup, java.util.Set<String> groups) {
        return candidateGroup != null && groups.contains(candidateGroup);
    }
}
