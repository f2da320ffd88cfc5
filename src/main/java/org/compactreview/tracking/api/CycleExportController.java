package org.compactreview.tracking.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.compactreview.export.ExportFormat;
import org.compactreview.export.Exports;
import org.compactreview.identity.CurrentUser;
import org.compactreview.tracking.CycleExports;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The cycle's tables for the meeting as files: the same as the board's and the summary page's export menu. */
@RestController
@RequestMapping("/api/v1/cycles/{id}")
@PreAuthorize("hasAnyRole('SECRETARIAT', 'MANAGER', 'ADMIN')")
@Tag(name = "Tracking", description = "Cycle board and consolidated summary (secretariat, managers)")
class CycleExportController {

    private static final String FORMATS = "csv (UTF-8 with BOM, cells quoted, formula-looking cells prefixed with '), "
            + "xlsx (header frozen, numbers as numbers, right to left in Arabic) or pdf (Arabic shaped, right to left); "
            + "labels, dates and numbers in the caller's language (Accept-Language or the chosen page language). "
            + "Audited as EXPORTED on the cycle.";

    private final CycleExports exports;
    private final Exports files;

    CycleExportController(CycleExports exports, Exports files) {
        this.exports = exports;
        this.files = files;
    }

    @GetMapping("/status/export")
    @Operation(
            summary = "The cycle status (the board's rows: participant, region, stage, status, overdue, assignee, "
                    + "submitted version, due date) as a file: " + FORMATS)
    @ApiResponse(
            responseCode = "200",
            description = "The file, as an attachment named after the cycle period and the day",
            content = {
                @Content(mediaType = "text/csv", schema = @Schema(type = "string")),
                @Content(
                        mediaType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                        schema = @Schema(type = "string", format = "binary")),
                @Content(mediaType = "application/pdf", schema = @Schema(type = "string", format = "binary"))
            })
    void status(
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
        ExportFormat chosen = ExportFormat.parse(format);
        files.send(exports.status(id, chosen, user, LocaleContextHolder.getLocale()), chosen, response);
    }

    @GetMapping("/summary/export")
    @Operation(
            summary = "The consolidated summary (per objective: reports counted, count per rating, median, "
                    + "participants needing support) as a file, once the cycle is consolidated: " + FORMATS)
    @ApiResponse(
            responseCode = "200",
            description = "The file, as an attachment named after the cycle period and the day",
            content = {
                @Content(mediaType = "text/csv", schema = @Schema(type = "string")),
                @Content(
                        mediaType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
                        schema = @Schema(type = "string", format = "binary")),
                @Content(mediaType = "application/pdf", schema = @Schema(type = "string", format = "binary"))
            })
    @ApiResponse(responseCode = "409", description = "The cycle is not consolidated yet (conflict)")
    void summary(
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
        ExportFormat chosen = ExportFormat.parse(format);
        files.send(exports.summary(id, chosen, user, LocaleContextHolder.getLocale()), chosen, response);
    }
}
