package org.compactreview.report.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.compactreview.export.ExportFormat;
import org.compactreview.identity.CurrentUser;
import org.compactreview.report.ReportFiles;
import org.compactreview.report.ReportPrints;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * A submitted report for the focal point's own records and the secretariat's: a printable page
 * (no menu, print CSS), its PDF and its objectives as CSV or XLSX. Access as the report itself: 404 for another participant's.
 */
@Controller
class ReportPrintPagesController {

    static final String PRINT = "report/print";

    private final ReportPrints prints;
    private final ReportFiles files;

    ReportPrintPagesController(ReportPrints prints, ReportFiles files) {
        this.prints = prints;
        this.files = files;
    }

    @GetMapping("/reports/{id}/print")
    String print(@PathVariable long id, CurrentUser user, Model model) {
        model.addAllAttributes(files.model(prints.print(id, user), user, LocaleContextHolder.getLocale()));
        return PRINT;
    }

    @GetMapping("/reports/{id}/pdf")
    void pdf(@PathVariable long id, CurrentUser user, HttpServletResponse response) throws IOException {
        files.send(id, user, ExportFormat.PDF, LocaleContextHolder.getLocale(), response);
    }

    /** The same report as csv, xlsx or pdf (the printable page's export menu). */
    @GetMapping("/reports/{id}/export")
    void export(
            @PathVariable long id,
            @RequestParam(defaultValue = "") String format,
            CurrentUser user,
            HttpServletResponse response)
            throws IOException {
        files.send(id, user, ExportFormat.parse(format), LocaleContextHolder.getLocale(), response);
    }
}
