package org.compactreview.audit;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** A CSV cell survives a spreadsheet: quoted, quotes doubled, formulas neutralised. */
class AuditCsvTest {

    @Test
    void everyCellIsQuotedWithItsQuotesDoubled() {
        assertThat(AuditCsv.cell("plain")).isEqualTo("\"plain\"");
        assertThat(AuditCsv.cell("a, \"b\"\nc")).isEqualTo("\"a, \"\"b\"\"\nc\"");
        assertThat(AuditCsv.cell(null)).isEqualTo("\"\"");
    }

    @Test
    void aCellThatASpreadsheetWouldRunAsAFormulaStaysText() {
        assertThat(AuditCsv.cell("=HYPERLINK(\"http://evil\",\"x\")"))
                .isEqualTo("\"'=HYPERLINK(\"\"http://evil\"\",\"\"x\"\")\"");
        assertThat(AuditCsv.cell("+1")).isEqualTo("\"'+1\"");
        assertThat(AuditCsv.cell("-2+3")).isEqualTo("\"'-2+3\"");
        assertThat(AuditCsv.cell("@SUM(A1)")).isEqualTo("\"'@SUM(A1)\"");
        assertThat(AuditCsv.cell("\tcmd")).isEqualTo("\"'\tcmd\"");
        assertThat(AuditCsv.cell("a=b")).isEqualTo("\"a=b\"");
    }

    @Test
    void textOfAnyScriptIsKeptAsItIs() {
        assertThat(AuditCsv.cell("إعادة إسناد")).isEqualTo("\"إعادة إسناد\"");
    }
}
