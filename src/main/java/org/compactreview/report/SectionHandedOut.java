package org.compactreview.report;

import java.util.List;

/**
 * A focal point handed some objectives (sections) of its participant's draft report to a
 * contributor. Published inside the transaction that records the delegation. {@code note} is the
 * focal point's note to the contributor, if any.
 */
public record SectionHandedOut(
        long delegationId,
        long reportId,
        long cycleId,
        String participantCode,
        List<Integer> objectives,
        String focalPoint,
        String contributor,
        String note) {

    public SectionHandedOut {
        objectives = List.copyOf(objectives);
    }
}
