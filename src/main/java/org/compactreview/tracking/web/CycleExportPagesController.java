package org.compactreview.tracking.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.compactreview.export.ExportFormat;
import org.compactreview.export.Exports;
import org.compactreview.identity.CurrentUser;
import org.compactreview.tracking.CycleExports;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The export menu of the board and the summary page (fragments/export.html): the cycle's tables
 * as CSV, XLSX or PDF in the page language. A refusal (unknown cycle, summary not consolidated)
 * shows the usual error page, since nothing is sent before the table is built.
 */
@Controller
@PreAuthorize("hasAnyRole('SECRETARIAT', 'MANAGER', 'ADMIN')")
class CycleExportPagesController {

    private final CycleExports exports;
    private final Exports files;

    CycleExportPagesController(CycleExports exports, Exports files) {
        this.exports = exports;
        this.files = files;
    }

    @GetMapping("/cycles/{id}/export/status")
    void status(
            @PathVariable long id,
            @RequestParam(defaultValue = "") String format,
            CurrentUser user,
            HttpServletResponse response)
            throws IOException {
        ExportFormat chosen = ExportFormat.parse(format);
        files.send(exports.status(id, chosen, user, LocaleContextHolder.getLocale()), chosen, response);
    }

    @GetMapping("/cycles/{id}/export/summary")
    void summary(
            @PathVariable long id,
            @RequestParam(defaultValue = "") String format,
            CurrentUser user,
            HttpServletResponse response)
            throws IOException {
        ExportFormat chosen = ExportFormat.parse(format);
        files.send(exports.summary(id, chosen, user, LocaleContextHolder.getLocale()), chosen, response);
    }
}
