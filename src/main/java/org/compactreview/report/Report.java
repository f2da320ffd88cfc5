package org.compactreview.report;

import java.time.Instant;
import java.util.List;

/**
 * A report with all its entries (one per objective, empty ones included). {@code lockVersion}
 * goes back with each save so that a stale editor is told instead of overwriting a colleague.
 */
public record Report(
        long id,
        long cycleId,
        String participantCode,
        ReportStatus status,
        int submittedVersion,
        int lockVersion,
        String returnComment,
        Instant updatedAt,
        String updatedBy,
        List<ReportEntry> entries,
        boolean regional) {

    /** The objectives still missing what a submission needs (see {@link ReportRules#incomplete}). */
    public List<Integer> missingObjectives() {
        return entries.stream()
                .filter(entry -> ReportRules.incomplete(entry, regional))
                .map(ReportEntry::objective)
                .toList();
    }
}
