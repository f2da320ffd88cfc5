package org.compactreview.benchmarking;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Stream;
import org.compactreview.audit.AuditLog;
import org.compactreview.audit.AuditObjectType;
import org.compactreview.benchmarking.Benchmarks.BenchmarkCycle;
import org.compactreview.benchmarking.Benchmarks.CycleBenchmark;
import org.compactreview.benchmarking.Benchmarks.ParticipantProfile;
import org.compactreview.benchmarking.Benchmarks.RegionBenchmark;
import org.compactreview.export.ExportFormat;
import org.compactreview.export.ExportHeading;
import org.compactreview.export.ExportTable;
import org.compactreview.identity.CurrentUser;
import org.compactreview.platform.NotFoundException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * One benchmarking table as a file (CSV, XLSX, PDF), exactly as its page shows it: the same
 * {@link TableData}, its cells as the page formats them in the reader's language ("12 (34.5 %)"
 * stays one cell, so XLSX holds texts here, not numbers). A table is named by its id on the page
 * ({@code benchmarking-distribution}, ...); an id the page does not have is 404. Access is the
 * pages' ({@link Benchmarking}); each export is audited as {@link ExportHeading#AUDIT_ACTION} on
 * the cycle, or on the participant for a profile.
 */
@Service
public class BenchmarkingExports {

    private final Benchmarking benchmarking;
    private final BenchmarkingTables tables;
    private final ExportHeading heading;
    private final AuditLog audit;

    BenchmarkingExports(Benchmarking benchmarking, BenchmarkingTables tables, ExportHeading heading, AuditLog audit) {
        this.benchmarking = benchmarking;
        this.tables = tables;
        this.heading = heading;
        this.audit = audit;
    }

    @Transactional
    public ExportTable ofCycle(CurrentUser user, long cycleId, String tableId, ExportFormat format, Locale locale) {
        CycleBenchmark figures = benchmarking.cycle(user, cycleId);
        TableData table = pick(tables.ofCycle(figures, locale), tableId);
        record(AuditObjectType.CYCLE, cycleId, tableId, null, format);
        String period = figures.cycle().period();
        return export(
                table, heading.metadata(period, user.username(), locale), locale, "benchmarking", period, tableId);
    }

    @Transactional
    public ExportTable ofRegion(
            CurrentUser user, long cycleId, String region, String tableId, ExportFormat format, Locale locale) {
        RegionBenchmark figures = benchmarking.region(user, cycleId, region);
        TableData table = pick(tables.ofRegion(figures, locale), tableId);
        record(AuditObjectType.CYCLE, cycleId, tableId, region, format);
        String period = figures.cycle().period();
        return export(
                table,
                heading.metadata(period, user.username(), locale),
                locale,
                "benchmarking",
                period,
                region,
                tableId);
    }

    @Transactional
    public ExportTable ofParticipant(
            CurrentUser user, String code, String tableId, ExportFormat format, Locale locale) {
        ParticipantProfile profile = benchmarking.participant(user, code);
        TableData table = pick(List.of(tables.profile(profile, locale)), tableId);
        record(AuditObjectType.PARTICIPANT, profile.code(), tableId, null, format);
        List<BenchmarkCycle> cycles = profile.cycles();
        String period = cycles.isEmpty()
                ? ""
                : cycles.get(0).period() + "–" + cycles.get(cycles.size() - 1).period();
        return export(table, heading.metadata(period, user.username(), locale), locale, "benchmarking", profile.code());
    }

    private static TableData pick(List<TableData> page, String tableId) {
        return page.stream()
                .filter(table -> table.id().equals(tableId))
                .findFirst()
                .orElseThrow(() -> new NotFoundException("table", tableId));
    }

    private void record(AuditObjectType type, Object id, String tableId, String region, ExportFormat format) {
        Map<String, String> what = region == null
                ? Map.of("export", tableId, "format", format.name())
                : Map.of("export", tableId, "region", region, "format", format.name());
        audit.record(ExportHeading.AUDIT_ACTION, type.code(), id, null, what, null);
    }

    private ExportTable export(TableData table, List<String> metadata, Locale locale, String... nameParts) {
        Stream<List<?>> rows = table.values().stream().map(row -> (List<?>) row);
        return new ExportTable(table.title(), metadata, table.headers(), rows, locale, heading.fileName(nameParts));
    }
}
