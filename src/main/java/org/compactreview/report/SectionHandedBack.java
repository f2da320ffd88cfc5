package org.compactreview.report;

import java.util.List;

/**
 * A delegation ended: the contributor handed its sections back ({@link DelegationState#RETURNED})
 * or a focal point took them back ({@link DelegationState#REVOKED}, with its reason). Published
 * inside the transaction that ends the delegation; a delegation ends once. {@code by} is who ended it.
 */
public record SectionHandedBack(
        long delegationId,
        long reportId,
        long cycleId,
        String participantCode,
        List<Integer> objectives,
        String contributor,
        String by,
        DelegationState state,
        String reason) {

    public SectionHandedBack {
        objectives = List.copyOf(objectives);
    }
}
