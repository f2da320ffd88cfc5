package org.compactreview.report.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.compactreview.export.ExportFormat;
import org.compactreview.identity.CurrentUser;
import org.compactreview.report.ReportFiles;
import org.compactreview.report.ReportPrints;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** A submitted report as a file for the records, like the printable page's export menu. */
@RestController
@RequestMapping("/api/v1/reports")
@Tag(name = "Reports", description = "Progress reports: draft, submit, validate, versions")
class ReportExportController {

    private final ReportPrints prints;
    private final ReportFiles files;

    ReportExportController(ReportPrints prints, ReportFiles files) {
        this.prints = prints;
        this.files = files;
    }

    @GetMapping("/{id}/export")
    @Operation(
            summary = "The report's latest submitted version as a file: pdf (the printable report: every objective's "
                    + "rating and texts, who submitted it and when; Arabic shaped and right to left), or csv / xlsx "
                    + "(one row per objective; csv cells that look like formulas are prefixed with '). In the "
                    + "caller's language. For the participant's focal points, the secretariat and managers; "
                    + "audited as EXPORTED on the report")
    @ApiResponse(
            responseCode = "200",
            description = "The file, as an attachment named after the participant, version and day",
            content = {
                @Content(mediaType = "text/csv", schema = @Schema(type = "string")),
                @Content(
                        mediaType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                        schema = @Schema(type = "string", format = "binary")),
                @Content(mediaType = "application/pdf", schema = @Schema(type = "string", format = "binary"))
            })
    @ApiResponse(responseCode = "409", description = "Nothing was submitted yet (conflict)")
    void export(
            @PathVariable long id,
            @RequestParam(required = false)
                    @Parameter(
                            description = "csv, xlsx or pdf; required",
                            schema =
                                    @Schema(
                                            type = "string",
                                            allowableValues = {"csv", "xlsx", "pdf"}))
                    String format,
            CurrentUser user,
            HttpServletResponse response)
            throws IOException {
        prints.print(id, user); // 404 outside the caller's participants before the format is looked at
        files.send(id, user, ExportFormat.parse(format), LocaleContextHolder.getLocale(), response);
    }
}
