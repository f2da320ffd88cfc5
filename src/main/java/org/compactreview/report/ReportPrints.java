package org.compactreview.report;

import java.util.Comparator;
import java.util.Map;
import org.compactreview.audit.AuditLog;
import org.compactreview.audit.AuditObjectType;
import org.compactreview.export.ExportHeading;
import org.compactreview.framework.FrameworkCatalog;
import org.compactreview.framework.Participant;
import org.compactreview.identity.CurrentUser;
import org.compactreview.platform.ConflictException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A submitted report for the records: its latest submitted version with every objective's rating
 * and texts, who submitted it and when. For the participant's focal points (404 for anyone else's
 * report, as everywhere) and the secretariat and managers; 409 while nothing was submitted yet.
 * The PDF of it is audited as {@code EXPORTED} on the report; looking at the printable page is not.
 */
@Service
public class ReportPrints {

    private final ReportService reports;
    private final FrameworkCatalog framework;
    private final AuditLog audit;

    ReportPrints(ReportService reports, FrameworkCatalog framework, AuditLog audit) {
        this.reports = reports;
        this.framework = framework;
        this.audit = audit;
    }

    @Transactional(readOnly = true)
    public ReportPrint print(long id, CurrentUser user) {
        Report report = reports.get(id, user);
        ReportVersion latest = reports.versions(id, user).stream()
                .max(Comparator.comparingInt(ReportVersion::version))
                .orElseThrow(() -> new ConflictException("problem.report.nothing-to-print"));
        String name = framework
                .participant(report.participantCode())
                .map(Participant::name)
                .orElse(report.participantCode());
        return new ReportPrint(report, latest, name);
    }

    /** The same, audited as exported in {@code format} (the caller sends the file). */
    @Transactional
    public ReportPrint export(long id, CurrentUser user, String format) {
        ReportPrint print = print(id, user);
        audit.record(
                ExportHeading.AUDIT_ACTION,
                AuditObjectType.REPORT.code(),
                id,
                null,
                Map.of(
                        "export",
                        "report",
                        "format",
                        format,
                        "version",
                        print.version().version()),
                null);
        return print;
    }

    /** What a printout shows: the report, the version printed and the participant's name. */
    public record ReportPrint(Report report, ReportVersion version, String participantName) {}
}
