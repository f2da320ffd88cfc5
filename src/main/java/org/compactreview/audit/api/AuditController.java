package org.compactreview.audit.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.LocalDate;
import org.compactreview.audit.AuditCsv;
import org.compactreview.audit.AuditEvent;
import org.compactreview.audit.AuditFilter;
import org.compactreview.audit.AuditQuery;
import org.compactreview.platform.Page;
import org.compactreview.platform.PageRequest;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The audit trail for the secretariat, managers and administrators: a page of events as JSON, or
 * every matching event as CSV (streamed), with the same filters.
 */
@RestController
@RequestMapping("/api/v1")
@PreAuthorize("hasAnyRole('SECRETARIAT', 'MANAGER', 'ADMIN')")
@Tag(name = "Audit", description = "Who changed what, when and why (secretariat, managers, administrators)")
class AuditController {

    private final AuditQuery audit;
    private final AuditCsv csv;

    AuditController(AuditQuery audit, AuditCsv csv) {
        this.audit = audit;
        this.csv = csv;
    }

    @GetMapping("/audit")
    @Operation(
            summary = "Audit events, newest first, narrowed by any of the filters (e.g. objectType=report&objectId=7, "
                    + "actor=fp-egy&from=2027-01-01&to=2027-01-31). The same list as CSV: /api/v1/audit.csv, or "
                    + "this address with Accept: text/csv")
    Page<AuditEvent> events(
            @RequestParam(required = false) @Parameter(description = "Who acted: a username, exactly") String actor,
            @RequestParam(required = false)
                    @Parameter(description = "What was done, in any case, e.g. TASK_REASSIGNED, REPORT_DRAFT_SAVED")
                    String action,
            @RequestParam(required = false)
                    @Parameter(
                            description = "The kind of object, in any case (report, REPORT); another value answers 400",
                            schema =
                                    @Schema(
                                            type = "string",
                                            allowableValues = {
                                                "cycle",
                                                "report",
                                                "task",
                                                "capacity-request",
                                                "user",
                                                "token",
                                                "address",
                                                "dialogue-post",
                                                "participant",
                                                "calendar-feed",
                                                "notification-settings",
                                                "mail"
                                            }))
                    String objectType,
            @RequestParam(required = false) @Parameter(description = "The object's id, exactly") String objectId,
            @RequestParam(required = false)
                    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                    @Parameter(description = "First day of the period (UTC), included")
                    LocalDate from,
            @RequestParam(required = false)
                    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                    @Parameter(description = "Last day of the period (UTC), included; not before from")
                    LocalDate to,
            @RequestParam(required = false)
                    @Parameter(description = "Text found anywhere in the reason, in any case (at most 200 characters)")
                    String reason,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "" + PageRequest.DEFAULT_SIZE) int size) {
        AuditFilter filter = AuditFilter.of(actor, action, objectType, objectId, from, to, reason);
        return audit.find(filter, new PageRequest(page, size));
    }

    @GetMapping("/audit.csv")
    @Operation(
            summary = "Every audit event the filters select, newest first, as CSV (UTF-8 with a byte order mark; "
                    + "cells quoted; a cell starting with = + - @ is prefixed with '). Streamed: any size of trail.")
    @ApiResponse(
            responseCode = "200",
            description = "The CSV file: id, occurred_at (UTC), actor, action, object_type, object_id, reason, "
                    + "before and after (JSON)",
            content = @Content(mediaType = AuditCsv.MEDIA_TYPE, schema = @Schema(type = "string")))
    void csv(
            @RequestParam(required = false) @Parameter(description = "Who acted: a username, exactly") String actor,
            @RequestParam(required = false) @Parameter(description = "What was done, in any case") String action,
            @RequestParam(required = false)
                    @Parameter(
                            description = "The kind of object, in any case; another value answers 400",
                            schema =
                                    @Schema(
                                            type = "string",
                                            allowableValues = {
                                                "cycle",
                                                "report",
                                                "task",
                                                "capacity-request",
                                                "user",
                                                "token",
                                                "address",
                                                "dialogue-post",
                                                "participant",
                                                "calendar-feed",
                                                "notification-settings",
                                                "mail"
                                            }))
                    String objectType,
            @RequestParam(required = false) @Parameter(description = "The object's id, exactly") String objectId,
            @RequestParam(required = false)
                    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                    @Parameter(description = "First day of the period (UTC), included")
                    LocalDate from,
            @RequestParam(required = false)
                    @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                    @Parameter(description = "Last day of the period (UTC), included; not before from")
                    LocalDate to,
            @RequestParam(required = false) @Parameter(description = "Text found anywhere in the reason") String reason,
            HttpServletResponse response)
            throws IOException {
        stream(AuditFilter.of(actor, action, objectType, objectId, from, to, reason), response);
    }

    /** {@code Accept: text/csv} on the list's own address: the same as {@code /api/v1/audit.csv}. */
    @GetMapping(value = "/audit", produces = AuditCsv.MEDIA_TYPE)
    @Operation(hidden = true)
    void csvByAccept(
            @RequestParam(required = false) String actor,
            @RequestParam(required = false) String action,
            @RequestParam(required = false) String objectType,
            @RequestParam(required = false) String objectId,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
            @RequestParam(required = false) String reason,
            HttpServletResponse response)
            throws IOException {
        stream(AuditFilter.of(actor, action, objectType, objectId, from, to, reason), response);
    }

    private void stream(AuditFilter filter, HttpServletResponse response) throws IOException {
        csv.send(filter, response);
    }
}
