package org.compactreview.report;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.Instant;
import java.util.List;

/**
 * Some objectives (sections) of one report handed by a focal point to a contributor. {@code
 * endedAt}, {@code endedBy} and {@code endReason} are set when it is handed back or taken back.
 */
public record SectionDelegation(
        long id,
        long reportId,
        long cycleId,
        String participantCode,
        @Schema(description = "Objective numbers, ascending") List<Integer> objectives,
        @Schema(description = "The contributor's username") String delegate,
        String delegateName,
        String delegatedBy,
        String note,
        DelegationState state,
        Instant createdAt,
        Instant endedAt,
        String endedBy,
        String endReason) {

    public SectionDelegation {
        objectives = List.copyOf(objectives);
    }

    public boolean open() {
        return state == DelegationState.OPEN;
    }
}
