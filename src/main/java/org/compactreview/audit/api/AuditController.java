package org.compactreview.audit.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.compactreview.audit.AuditEvent;
import org.compactreview.audit.AuditQuery;
import org.compactreview.platform.Page;
import org.compactreview.platform.PageRequest;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/audit")
@PreAuthorize("hasAnyRole('SECRETARIAT', 'ADMIN')")
@Tag(name = "Audit", description = "Who changed what, when (secretariat, administrators)")
class AuditController {

    private final AuditQuery audit;

    AuditController(AuditQuery audit) {
        this.audit = audit;
    }

    @GetMapping
    @Operation(
            summary = "Audit events, newest first, optionally for one kind of object and/or one object (e.g. "
                    + "objectType=report&objectId=7)")
    Page<AuditEvent> events(
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
                                                "dialogue-post"
                                            }))
                    String objectType,
            @RequestParam(required = false) String objectId,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "" + PageRequest.DEFAULT_SIZE) int size) {
        return audit.find(objectType, objectId, new PageRequest(page, size));
    }
}
