package org.compactreview.benchmarking.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.compactreview.benchmarking.BenchmarkingExports;
import org.compactreview.export.ExportFormat;
import org.compactreview.export.Exports;
import org.compactreview.identity.CurrentUser;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/** The export menu beside each benchmarking table: that table as CSV, XLSX or PDF in the page language. */
@Controller
@PreAuthorize("hasAnyRole('SECRETARIAT', 'MANAGER')")
class BenchmarkingExportPagesController {

    private final BenchmarkingExports exports;
    private final Exports files;

    BenchmarkingExportPagesController(BenchmarkingExports exports, Exports files) {
        this.exports = exports;
        this.files = files;
    }

    @GetMapping("/benchmarking/cycles/{id}/tables/{table}/export")
    void cycle(
            @PathVariable long id,
            @PathVariable String table,
            @RequestParam(defaultValue = "") String format,
            CurrentUser user,
            HttpServletResponse response)
            throws IOException {
        ExportFormat chosen = ExportFormat.parse(format);
        files.send(exports.ofCycle(user, id, table, chosen, LocaleContextHolder.getLocale()), chosen, response);
    }

    @GetMapping("/benchmarking/cycles/{id}/regions/{region}/tables/{table}/export")
    void region(
            @PathVariable long id,
            @PathVariable String region,
            @PathVariable String table,
            @RequestParam(defaultValue = "") String format,
            CurrentUser user,
            HttpServletResponse response)
            throws IOException {
        ExportFormat chosen = ExportFormat.parse(format);
        files.send(
                exports.ofRegion(user, id, region, table, chosen, LocaleContextHolder.getLocale()), chosen, response);
    }

    @GetMapping("/benchmarking/participants/{code}/tables/{table}/export")
    void participant(
            @PathVariable String code,
            @PathVariable String table,
            @RequestParam(defaultValue = "") String format,
            CurrentUser user,
            HttpServletResponse response)
            throws IOException {
        ExportFormat chosen = ExportFormat.parse(format);
        files.send(exports.ofParticipant(user, code, table, chosen, LocaleContextHolder.getLocale()), chosen, response);
    }
}
