package org.compactreview.report;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.compactreview.framework.Objective;
import org.compactreview.report.ReportRepository.ReportRow;

/** Reports as callers see them: the report's row and one entry per objective, empty ones included. */
final class ReportViews {

    private ReportViews() {}

    static Report of(ReportRow row, List<ReportEntry> storedEntries, List<Objective> objectives) {
        Map<Integer, ReportEntry> stored = new LinkedHashMap<>();
        storedEntries.forEach(e -> stored.put(e.objective(), e));
        List<ReportEntry> entries = objectives.stream()
                .map(Objective::number)
                .map(n -> stored.getOrDefault(n, ReportEntry.empty(n)))
                .toList();
        return new Report(
                row.id(),
                row.cycleId(),
                row.participantCode(),
                row.status(),
                row.submittedVersion(),
                row.lockVersion(),
                row.returnComment(),
                row.updatedAt(),
                row.updatedBy(),
                entries,
                row.regional());
    }

    /**
     * The report as its update ({@code ReportRepository.submitted}, {@code decided}) left it,
     * without reading it back: the row is locked by the caller's transaction, so nobody else has
     * changed it, and its entries are those given.
     */
    static Report afterUpdate(
            Report before,
            ReportStatus status,
            int submittedVersion,
            String returnComment,
            Instant updatedAt,
            String updatedBy) {
        return new Report(
                before.id(),
                before.cycleId(),
                before.participantCode(),
                status,
                submittedVersion,
                before.lockVersion() + 1,
                returnComment,
                updatedAt,
                updatedBy,
                before.entries(),
                before.regional());
    }

    /** The report limited to some sections, for a contributor (see {@code ReportService#get}). */
    static Report limited(Report report, Set<Integer> sections) {
        return new Report(
                report.id(),
                report.cycleId(),
                report.participantCode(),
                report.status(),
                report.submittedVersion(),
                report.lockVersion(),
                null,
                report.updatedAt(),
                report.updatedBy(),
                report.entries().stream()
                        .filter(e -> sections.contains(e.objective()))
                        .toList(),
                report.regional());
    }
}
