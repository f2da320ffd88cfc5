package org.compactreview.tracking;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.IntStream;
import org.compactreview.audit.AuditLog;
import org.compactreview.audit.AuditObjectType;
import org.compactreview.export.ExportFormat;
import org.compactreview.export.ExportHeading;
import org.compactreview.export.ExportTable;
import org.compactreview.identity.CurrentUser;
import org.compactreview.platform.ConflictException;
import org.compactreview.platform.DateTexts;
import org.compactreview.platform.NotFoundException;
import org.compactreview.report.Consolidation;
import org.compactreview.report.Consolidation.ObjectiveSummary;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A cycle's tables for the meeting, in the reader's language: the status of every participant (the
 * board's rows) and the consolidated summary. Each export is audited as {@code EXPORTED} on the
 * cycle with what was exported and in which format, in the transaction that reads the rows. A
 * cycle's rows are bounded (one per participant, one per objective), so they are read at once and
 * the writers stream them out.
 */
@Service
public class CycleExports {

    private final CycleBoard board;
    private final CycleCalendar calendar;
    private final Consolidation consolidation;
    private final MessageSource messages;
    private final AuditLog audit;
    private final ExportHeading heading;
    private final DateTexts dates;

    CycleExports(
            CycleBoard board,
            CycleCalendar calendar,
            Consolidation consolidation,
            MessageSource messages,
            AuditLog audit,
            ExportHeading heading,
            DateTexts dates) {
        this.dates = dates;
        this.board = board;
        this.calendar = calendar;
        this.consolidation = consolidation;
        this.messages = messages;
        this.audit = audit;
        this.heading = heading;
    }

    /** Every participant's stage, status, overdue flag, assignee, submitted version and due date. */
    @Transactional
    public ExportTable status(long cycleId, ExportFormat format, CurrentUser user, Locale locale) {
        String period = period(cycleId);
        List<ParticipantStatus> rows = board.status(cycleId);
        List<String> headers = List.of(
                text("task.participant", locale),
                text("board.region", locale),
                text("board.stage", locale),
                text("report.status", locale),
                text("task.overdue", locale),
                text("task.assignee", locale),
                text("export.submitted-version", locale),
                text("task.due", locale));
        recordExport(cycleId, "status", format);
        return new ExportTable(
                text("board.title", locale, period),
                heading.metadata(period, user.username(), locale),
                headers,
                rows.stream().map(row -> statusRow(row, locale)),
                locale,
                heading.fileName("cycle", period, "status"));
    }

    /** Per objective: reports counted, count per rating 0-4, median and who needs support. 409 before consolidation. */
    @Transactional
    public ExportTable summary(long cycleId, ExportFormat format, CurrentUser user, Locale locale) {
        String period = period(cycleId);
        List<ObjectiveSummary> summary = consolidation.summary(cycleId);
        if (summary.isEmpty()) {
            throw new ConflictException("problem.cycle.not-consolidated");
        }
        List<String> headers = new ArrayList<>();
        headers.add(text("validate.objective", locale));
        headers.add(text("summary.reports", locale));
        IntStream.rangeClosed(0, 4).forEach(rating -> headers.add(text("rating." + rating, locale)));
        headers.add(text("summary.median", locale));
        headers.add(text("summary.support", locale));
        recordExport(cycleId, "summary", format);
        return new ExportTable(
                text("summary.heading", locale, period),
                heading.metadata(period, user.username(), locale),
                headers,
                summary.stream().map(line -> summaryRow(line, locale)),
                locale,
                heading.fileName("cycle", period, "summary"));
    }

    private List<?> statusRow(ParticipantStatus row, Locale locale) {
        return Arrays.asList(
                row.participantName(),
                row.region() == null ? "" : text("region." + row.region(), locale),
                text("stage." + row.stage(), locale),
                text("report.status." + row.reportStatus(), locale),
                text(row.overdue() ? "export.yes" : "export.no", locale),
                row.assignee() == null ? text("task.unassigned", locale) : row.assignee(),
                row.submittedVersion(),
                dates.date(row.due(), locale));
    }

    private List<?> summaryRow(ObjectiveSummary line, Locale locale) {
        List<Object> cells = new ArrayList<>();
        cells.add(text("report.objective", locale, line.objective(), text("objective." + line.objective(), locale)));
        cells.add(line.reportsCounted());
        cells.addAll(line.ratingCounts());
        cells.add(line.medianRating());
        cells.add(String.join(", ", line.supportNeededBy()));
        return cells;
    }

    private void recordExport(long cycleId, String what, ExportFormat format) {
        audit.record(
                ExportHeading.AUDIT_ACTION,
                AuditObjectType.CYCLE.code(),
                cycleId,
                null,
                Map.of("export", what, "format", format.name()),
                null);
    }

    private String period(long cycleId) {
        return calendar.period(cycleId).orElseThrow(() -> new NotFoundException("cycle", cycleId));
    }

    private String text(String code, Locale locale, Object... arguments) {
        return messages.getMessage(code, arguments, code, locale);
    }
}
