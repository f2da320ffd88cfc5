package org.compactreview.export;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.text.NumberFormat;
import java.util.Iterator;
import java.util.List;

/**
 * CSV (RFC 4180) for spreadsheets: UTF-8 with a byte order mark, so that Excel opens Arabic text
 * correctly; every cell quoted, quotes doubled; a cell that a spreadsheet would take for a formula
 * (it starts with {@code = + - @}, a tab or a carriage return) is prefixed with {@code '}, so that
 * {@code =HYPERLINK(...)} typed into a report stays text. The one home of these rules: the audit
 * trail's CSV uses them too.
 */
public final class CsvExport {

    /** The byte order mark: Excel reads the file as UTF-8 only with it. */
    public static final char BOM = '\uFEFF';

    private static final int FLUSH_EVERY = 200;

    private CsvExport() {}

    /** Writes the table: its title and lines first, an empty line, the header, then each row as it comes. */
    static void write(ExportTable table, OutputStream stream) throws IOException {
        Writer out = new OutputStreamWriter(stream, StandardCharsets.UTF_8);
        out.write(BOM);
        line(out, List.of(table.title()));
        for (String meta : table.metadata()) {
            line(out, List.of(meta));
        }
        out.write("\r\n");
        line(out, table.headers());
        NumberFormat numbers = NumberFormat.getInstance(table.locale());
        int rows = 0;
        Iterator<List<?>> iterator = table.rows().iterator();
        while (iterator.hasNext()) {
            line(out, iterator.next().stream().map(cell -> text(cell, numbers)).toList());
            if (++rows % FLUSH_EVERY == 0) {
                out.flush();
            }
        }
        out.flush();
    }

    private static String text(Object cell, NumberFormat numbers) {
        if (cell instanceof Number number) {
            return numbers.format(number);
        }
        return cell == null ? "" : cell.toString();
    }

    /** One line of quoted, neutralised cells, ended by CRLF. */
    public static void line(Writer out, List<String> cells) throws IOException {
        for (int i = 0; i < cells.size(); i++) {
            if (i > 0) {
                out.write(',');
            }
            out.write(cell(cells.get(i)));
        }
        out.write("\r\n");
    }

    /** One quoted cell, safe to open in a spreadsheet. */
    public static String cell(String value) {
        String text = value == null ? "" : value;
        if (!text.isEmpty() && "=+-@\t\r".indexOf(text.charAt(0)) >= 0) {
            text = "'" + text;
        }
        return '"' + text.replace("\"", "\"\"") + '"';
    }
}
