package org.compactreview.task;

import java.time.Instant;

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
        Long capacityRequestId) {}
