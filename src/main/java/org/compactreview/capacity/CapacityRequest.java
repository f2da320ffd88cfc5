package org.compactreview.capacity;

import java.time.Instant;
import java.util.List;

/** A request with everything that has happened to it. */
public record CapacityRequest(
        long id,
        String participantCode,
        String participantName,
        String region,
        int objective,
        long cycleId,
        long reportId,
        String priorities,
        CapacityStage stage,
        Long mergedInto,
        String declineReason,
        Instant createdAt,
        Instant updatedAt,
        SupportPlan plan,
        List<ProgressUpdate> updates,
        Evaluation evaluation) {}
