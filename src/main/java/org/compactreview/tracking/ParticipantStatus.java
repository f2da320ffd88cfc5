package org.compactreview.tracking;

import java.time.Instant;

/**
 * One participant's row on a cycle board. {@code stage}: SUBMISSION (focal points drafting or
 * revising), VALIDATION (with the secretariat), DONE (accepted) or CLOSED (window closed first).
 */
public record ParticipantStatus(
        String participantCode,
        String participantName,
        String region,
        long reportId,
        String stage,
        String reportStatus,
        int submittedVersion,
        Instant due,
        boolean overdue,
        String openTaskId,
        String assignee) {}
