package org.compactreview.benchmarking;

import java.util.List;

/**
 * A table as a page shows it, every value already formatted in the reader's language: a title,
 * column headers and rows of cells. {@link #values()} gives the plain texts, for exports (CSV, XLSX,
 * PDF); a cell's link and details are for the page only.
 */
public record TableData(String id, String title, List<String> headers, List<List<Cell>> rows) {

    /** The rows as plain texts, for an export. */
    public List<List<String>> values() {
        return rows.stream().map(row -> row.stream().map(Cell::text).toList()).toList();
    }

    /** A cell: its text, an optional link and optional labelled texts shown one click away. */
    public record Cell(String text, String href, List<Detail> details) {

        public static Cell of(String text) {
            return new Cell(text, null, List.of());
        }

        public static Cell link(String text, String href) {
            return new Cell(text, href, List.of());
        }
    }

    /** A labelled text of a cell (e.g. the achievements of a report entry). */
    public record Detail(String label, String text) {}
}
