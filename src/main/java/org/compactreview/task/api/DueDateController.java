package org.compactreview.task.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;
import org.compactreview.identity.CurrentUser;
import org.compactreview.task.DueDates;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/tasks")
@Tag(name = "Tasks")
class DueDateController {

    private final DueDates dueDates;

    DueDateController(DueDates dueDates) {
        this.dueDates = dueDates;
    }

    @PutMapping("/{id}/due-date")
    @PreAuthorize("hasAnyRole('MANAGER', 'SECRETARIAT')")
    @ApiResponse(responseCode = "200", description = "OK", useReturnTypeSchema = true)
    @ApiResponse(
            responseCode = "400",
            description = "No reason, or a due date that is missing, past, unchanged or more than 366 days ahead "
                    + "(invalid-input, naming dueAt or reason), or a malformed body (malformed-body)")
    @ApiResponse(responseCode = "409", description = "The task has no due date to move (conflict)")
    @Operation(
            summary = "Change or extend a task's due date, with a reason (managers and secretariat); its "
                    + "reminder, escalation and closing timers move by the same amount, a timer already fired "
                    + "is not armed again; the date may also be brought forward, but not into the past")
    DueDates.DueDateChange change(
            @PathVariable String id, @Valid @RequestBody DueDateRequest request, CurrentUser user) {
        return dueDates.change(id, request.dueAt(), request.reason(), user);
    }

    record DueDateRequest(
            @NotNull @Schema(description = "The new due date (UTC)") Instant dueAt,
            @NotBlank @Size(max = 1000) @Schema(description = "Why it changes; kept in the audit trail")
                    String reason) {}
}
