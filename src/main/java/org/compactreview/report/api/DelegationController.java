package org.compactreview.report.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.compactreview.identity.CurrentUser;
import org.compactreview.report.DelegationService;
import org.compactreview.report.SectionDelegation;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Section delegation: a focal point hands objectives of a draft report to a contributor of its
 * participant, who saves them with {@code PUT /api/v1/reports/{id}} (its sections only) and hands
 * them back; the focal point may take them back. The report cannot be submitted while one is open.
 */
@RestController
@Tag(name = "Delegations", description = "Sections of a draft report handed to a contributor and back")
class DelegationController {

    private final DelegationService delegations;

    DelegationController(DelegationService delegations) {
        this.delegations = delegations;
    }

    @PostMapping("/api/v1/reports/{id}/delegations")
    @PreAuthorize("hasRole('FOCAL_POINT')")
    @ResponseStatus(HttpStatus.CREATED)
    @ApiResponse(responseCode = "201", description = "Created", useReturnTypeSchema = true)
    @ApiResponse(
            responseCode = "409",
            description = "The report is not a draft, or an objective is already delegated and not handed back"
                    + " (conflict)")
    @Operation(
            summary = "Delegate objectives of a draft report to a contributor (the participant's focal points)",
            description = "The contributor must be an enabled user with role CONTRIBUTOR of the report's "
                    + "participant (created by an administrator); an objective is in at most one open delegation.")
    SectionDelegation delegate(@PathVariable long id, @Valid @RequestBody DelegationRequest request, CurrentUser user) {
        return delegations.delegate(id, user, request.delegate(), request.objectives(), request.note());
    }

    @GetMapping("/api/v1/reports/{id}/delegations")
    @Operation(summary = "A report's delegations, newest first, with their state (not for contributors)")
    List<SectionDelegation> list(@PathVariable long id, CurrentUser user) {
        return delegations.ofReport(id, user);
    }

    @GetMapping("/api/v1/reports/{id}/contributors")
    @PreAuthorize("hasRole('FOCAL_POINT')")
    @Operation(
            summary = "The contributors a focal point may delegate this report's sections to: the enabled users "
                    + "with role CONTRIBUTOR of its participant, by name")
    List<Contributor> contributors(@PathVariable long id, CurrentUser user) {
        return delegations.candidates(id, user).stream()
                .map(u -> new Contributor(u.username(), u.displayName()))
                .toList();
    }

    @PostMapping("/api/v1/delegations/{id}/return")
    @PreAuthorize("hasRole('CONTRIBUTOR')")
    @ApiResponse(responseCode = "200", description = "OK", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "409", description = "Already handed back or taken back (conflict)")
    @Operation(summary = "Hand the sections back (the contributor); it can no longer see or change them")
    SectionDelegation handBack(@PathVariable long id, CurrentUser user) {
        return delegations.handBack(id, user);
    }

    @DeleteMapping("/api/v1/delegations/{id}")
    @PreAuthorize("hasRole('FOCAL_POINT')")
    @ApiResponse(responseCode = "200", description = "OK", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "409", description = "Already handed back or taken back (conflict)")
    @Operation(summary = "Take the sections back from the contributor (the report's focal points), with a reason")
    SectionDelegation revoke(
            @PathVariable long id,
            @Parameter(description = "Why, for the audit trail (at most 1000 characters)")
                    @RequestParam(required = false)
                    String reason,
            CurrentUser user) {
        return delegations.revoke(id, user, reason);
    }

    /** A person sections may be delegated to. */
    record Contributor(String username, String displayName) {}

    record DelegationRequest(
            @NotBlank @Size(max = 64) @Schema(description = "The contributor's username") String delegate,
            @NotEmpty @Schema(description = "Objective numbers, 1 to 23") List<Integer> objectives,
            @Size(max = 1000) @Schema(description = "A note for the contributor") String note) {}
}
