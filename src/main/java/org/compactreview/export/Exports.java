package org.compactreview.export;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.OutputStream;
import java.text.NumberFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;

/**
 * Sends an export as a download: the right content type, {@code Content-Disposition: attachment}
 * with the table's file name, {@code Cache-Control: no-store} (exports hold participants' data and
 * must not stay in a shared cache), written straight to the response: CSV and XLSX row by row, PDF
 * once the library has built it. The caller checks access, builds the table and audits first, so
 * that a refusal still answers with an error before the first byte.
 */
@Component
public class Exports {

    static final String TABLE_TEMPLATE = "export/table-pdf";

    private final PdfExport pdf;

    Exports(PdfExport pdf) {
        this.pdf = pdf;
    }

    public void send(ExportTable table, ExportFormat format, HttpServletResponse response) throws IOException {
        OutputStream out = start(format, table.fileName(), response);
        NumberFormat numbers = NumberFormat.getInstance(table.locale());
        switch (format) {
            case CSV -> CsvExport.write(table, out);
            case XLSX -> XlsxExport.write(table, out);
            case PDF ->
                pdf.write(
                        TABLE_TEMPLATE,
                        Map.of(
                                "title", table.title(),
                                "metadata", table.metadata(),
                                "headers", visualOrder(table.headers(), table.rightToLeft()),
                                "rows",
                                        table.rows()
                                                .map(row -> visualOrder(texts(row, numbers), table.rightToLeft()))
                                                .toList()),
                        table.locale(),
                        out);
        }
    }

    /** A PDF of a template of the caller's (a report's printable form, say), as a download. */
    public void sendPdf(
            String template,
            Map<String, Object> variables,
            Locale locale,
            String fileName,
            HttpServletResponse response)
            throws IOException {
        pdf.write(template, variables, locale, start(ExportFormat.PDF, fileName, response));
    }

    /**
     * openhtmltopdf lays table columns out left to right even under {@code dir="rtl"} (its CSS 2.1
     * tables have no direction), so a right-to-left table gets its columns reversed here: the first
     * column then stands at the right, where an Arabic reader starts.
     */
    private static List<String> visualOrder(List<String> cells, boolean rightToLeft) {
        if (!rightToLeft) {
            return cells;
        }
        List<String> reversed = new java.util.ArrayList<>(cells);
        java.util.Collections.reverse(reversed);
        return reversed;
    }

    private static List<String> texts(List<?> row, NumberFormat numbers) {
        return row.stream()
                .map(cell ->
                        cell instanceof Number number ? numbers.format(number) : cell == null ? "" : cell.toString())
                .toList();
    }

    private static OutputStream start(ExportFormat format, String fileName, HttpServletResponse response)
            throws IOException {
        response.setContentType(format.mediaType());
        response.setHeader(
                HttpHeaders.CONTENT_DISPOSITION,
                ContentDisposition.attachment()
                        .filename(fileName + "." + format.extension())
                        .build()
                        .toString());
        response.setHeader(HttpHeaders.CACHE_CONTROL, "no-store");
        response.setHeader("X-Content-Type-Options", "nosniff");
        return response.getOutputStream();
    }
}
