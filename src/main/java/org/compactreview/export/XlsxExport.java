package org.compactreview.export;

import java.io.IOException;
import java.io.OutputStream;
import java.util.Iterator;
import java.util.List;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.util.WorkbookUtil;
import org.apache.poi.xssf.streaming.SXSSFSheet;
import org.apache.poi.xssf.streaming.SXSSFWorkbook;

/**
 * XLSX streamed with POI's {@link SXSSFWorkbook}: at most {@link #ROWS_IN_MEMORY} rows are held,
 * older ones go to a temporary file that {@code close()} deletes. Title and lines above the table,
 * the header bold and frozen, numbers as number cells, the sheet right to left in Arabic. Column
 * widths follow the longest of the header and the first rows (the rows already flushed cannot be
 * measured again), capped so that a long text does not make a column a screen wide.
 */
final class XlsxExport {

    static final int ROWS_IN_MEMORY = 100;
    private static final int MAX_WIDTH_CHARS = 60;

    private XlsxExport() {}

    static void write(ExportTable table, OutputStream out) throws IOException {
        try (SXSSFWorkbook workbook = new SXSSFWorkbook(ROWS_IN_MEMORY)) {
            SXSSFSheet sheet = workbook.createSheet(WorkbookUtil.createSafeSheetName(table.title()));
            sheet.setRightToLeft(table.rightToLeft());
            Font bold = workbook.createFont();
            bold.setBold(true);
            CellStyle heading = workbook.createCellStyle();
            heading.setFont(bold);
            int rowIndex = 0;
            text(sheet.createRow(rowIndex++), 0, table.title()).setCellStyle(heading);
            for (String meta : table.metadata()) {
                text(sheet.createRow(rowIndex++), 0, meta);
            }
            rowIndex++;
            int[] widths = new int[table.headers().size()];
            Row header = sheet.createRow(rowIndex++);
            for (int i = 0; i < widths.length; i++) {
                text(header, i, table.headers().get(i)).setCellStyle(heading);
                widths[i] = table.headers().get(i).length();
            }
            sheet.createFreezePane(0, rowIndex);
            Iterator<List<?>> rows = table.rows().iterator();
            while (rows.hasNext()) {
                List<?> cells = rows.next();
                Row row = sheet.createRow(rowIndex);
                for (int i = 0; i < cells.size(); i++) {
                    Object value = cells.get(i);
                    if (value instanceof Number number) {
                        row.createCell(i).setCellValue(number.doubleValue());
                    } else {
                        text(row, i, value == null ? "" : value.toString());
                    }
                    if (rowIndex < ROWS_IN_MEMORY && i < widths.length && value != null) {
                        widths[i] = Math.max(widths[i], value.toString().length());
                    }
                }
                rowIndex++;
            }
            for (int i = 0; i < widths.length; i++) {
                sheet.setColumnWidth(i, (Math.min(widths[i], MAX_WIDTH_CHARS) + 2) * 256);
            }
            workbook.write(out);
            out.flush();
        }
    }

    private static Cell text(Row row, int column, String value) {
        Cell cell = row.createCell(column);
        cell.setCellValue(value);
        return cell;
    }
}
