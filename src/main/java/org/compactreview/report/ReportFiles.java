package org.compactreview.report;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.compactreview.export.ExportFormat;
import org.compactreview.export.ExportHeading;
import org.compactreview.export.ExportTable;
import org.compactreview.export.Exports;
import org.compactreview.identity.CurrentUser;
import org.compactreview.platform.DateTexts;
import org.compactreview.report.ReportPrints.ReportPrint;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * A submitted report as files for the records: a PDF of the printable page (template
 * {@code report/print-pdf}, which shares its body with the page; Arabic report text shaped and
 * right to left, in the font the app ships), or a table of its objectives as CSV or XLSX (one row
 * per objective: rating, texts, support needed). File name: participant, version and day, e.g.
 * {@code report-EGY-v2-2027-03-01.pdf}.
 */
@Component
public class ReportFiles {

    static final String TEMPLATE = "report/print-pdf";

    private final ReportPrints prints;
    private final Exports exports;
    private final MessageSource messages;
    private final ExportHeading heading;
    private final Clock clock;
    private final DateTexts dates;

    ReportFiles(
            ReportPrints prints,
            Exports exports,
            MessageSource messages,
            ExportHeading heading,
            Clock clock,
            DateTexts dates) {
        this.dates = dates;
        this.prints = prints;
        this.exports = exports;
        this.messages = messages;
        this.heading = heading;
        this.clock = clock;
    }

    /** What the printable page and the PDF show. */
    public Map<String, Object> model(ReportPrint print, CurrentUser user, Locale locale) {
        return Map.of(
                "print", print,
                "submittedAt", dates.dateTime(print.version().submittedAt(), locale),
                "generated", generated(user, locale));
    }

    /** Checks access (404, 409 before a submission), audits the export and sends the file. */
    public void send(long reportId, CurrentUser user, ExportFormat format, Locale locale, HttpServletResponse response)
            throws IOException {
        ReportPrint print = prints.export(reportId, user, format.name());
        String fileName = heading.fileName(
                "report",
                print.report().participantCode(),
                "v" + print.version().version());
        if (format == ExportFormat.PDF) {
            exports.sendPdf(TEMPLATE, model(print, user, locale), locale, fileName, response);
        } else {
            exports.send(table(print, user, locale, fileName), format, response);
        }
    }

    private ExportTable table(ReportPrint print, CurrentUser user, Locale locale, String fileName) {
        boolean regional = print.report().regional();
        List<String> headers = List.of(
                text("validate.objective", locale),
                text("report.rating", locale),
                text(regional ? "report.regional.achievements" : "report.achievements", locale),
                text(regional ? "report.regional.obstacles" : "report.obstacles", locale),
                text(regional ? "report.regional.priorities" : "report.priorities", locale),
                text("report.support-needed", locale));
        return new ExportTable(
                text("print.heading", locale, print.participantName()),
                List.of(
                        text(
                                "print.version",
                                locale,
                                print.version().version(),
                                print.version().submittedBy(),
                                dates.dateTime(print.version().submittedAt(), locale)),
                        text(
                                "print.status",
                                locale,
                                text("report.status." + print.report().status(), locale)),
                        generated(user, locale)),
                headers,
                print.version().entries().stream()
                        .map(e -> Arrays.asList(
                                text(
                                        "report.objective",
                                        locale,
                                        e.objective(),
                                        text("objective." + e.objective(), locale)),
                                e.rating(),
                                e.achievements(),
                                e.obstacles(),
                                e.priorities(),
                                text(e.supportNeeded() ? "export.yes" : "export.no", locale))),
                locale,
                fileName);
    }

    private String generated(CurrentUser user, Locale locale) {
        return text("print.generated", locale, dates.dateTime(clock.instant(), locale), user.username());
    }

    private String text(String code, Locale locale, Object... arguments) {
        return messages.getMessage(code, arguments, code, locale);
    }
}
