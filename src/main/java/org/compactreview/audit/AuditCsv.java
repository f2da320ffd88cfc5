package org.compactreview.audit;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.format.DateTimeFormatter;
import java.util.List;
import org.compactreview.export.CsvExport;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;

/**
 * The audit trail as CSV (RFC 4180), written row by row as {@link AuditQuery#forEach} reads it.
 * The cell rules (UTF-8 with a byte order mark, every cell quoted, a formula-looking cell such as
 * a reason {@code =HYPERLINK(...)} neutralised) are the exports' own: {@link CsvExport}.
 */
@Component
public class AuditCsv {

    public static final String MEDIA_TYPE = "text/csv";

    static final char BOM = CsvExport.BOM;

    static final List<String> HEADER =
            List.of("id", "occurred_at", "actor", "action", "object_type", "object_id", "reason", "before", "after");

    private static final int FLUSH_EVERY = 200;

    private final AuditQuery query;

    AuditCsv(AuditQuery query) {
        this.query = query;
    }

    /** The file name an export is offered under. */
    static String fileName() {
        return "audit-trail.csv";
    }

    /**
     * Answers with the CSV file of the events the filter selects, as an attachment. The caller
     * checks the filter first ({@link AuditFilter#of}), so that a refused filter still answers 400
     * before the first byte is sent.
     */
    public void send(AuditFilter filter, HttpServletResponse response) throws IOException {
        response.setContentType(MEDIA_TYPE + ";charset=UTF-8");
        response.setHeader(
                HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.attachment().filename(fileName()).build().toString());
        response.setHeader("X-Content-Type-Options", "nosniff");
        Writer out = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
        write(filter, out);
    }

    /** Writes the events the filter selects, newest first; the writer must encode UTF-8. */
    public void write(AuditFilter filter, Writer out) throws IOException {
        out.write(BOM);
        line(out, HEADER);
        int[] rows = {0};
        try {
            query.forEach(filter, event -> {
                try {
                    line(
                            out,
                            List.of(
                                    String.valueOf(event.id()),
                                    DateTimeFormatter.ISO_INSTANT.format(event.occurredAt()),
                                    event.actor(),
                                    event.action(),
                                    event.objectType(),
                                    event.objectId(),
                                    nullToEmpty(event.reason()),
                                    event.before() == null ? "" : event.before().toString(),
                                    event.after() == null ? "" : event.after().toString()));
                    if (++rows[0] % FLUSH_EVERY == 0) {
                        out.flush();
                    }
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw e.getCause();
        }
        out.flush();
    }

    private static void line(Writer out, List<String> cells) throws IOException {
        CsvExport.line(out, cells);
    }

    /** One quoted cell, safe to open in a spreadsheet. */
    static String cell(String value) {
        return CsvExport.cell(value);
    }

    private static String nullToEmpty(String value) {
        return value == null ? "" : value;
    }
}
