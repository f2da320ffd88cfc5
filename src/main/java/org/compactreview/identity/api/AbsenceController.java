package org.compactreview.identity.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import org.compactreview.identity.Absence;
import org.compactreview.identity.AbsenceDraft;
import org.compactreview.identity.Absences;
import org.compactreview.identity.CurrentUser;
import org.compactreview.platform.Page;
import org.compactreview.platform.PageRequest;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/**
 * Out of office: one's own periods under {@code /me}, anyone's for managers and administrators
 * under {@code /users/{username}}.
 */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Out of office", description = "Periods away and the substitute who holds one's tasks meanwhile")
class AbsenceController {

    private static final String SET_CONFLICT =
            "Overlaps another period of the person, or would make a chain or a loop: the substitute is away "
                    + "then, or the person stands in for someone then (conflict)";

    private final Absences absences;

    AbsenceController(Absences absences) {
        this.absences = absences;
    }

    @GetMapping("/me/absences")
    @Operation(summary = "The caller's periods out of office, newest first")
    Page<Absence> mine(
            CurrentUser user,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "" + PageRequest.DEFAULT_SIZE) int size) {
        return absences.list(user, user.username(), new PageRequest(page, size));
    }

    @PostMapping("/me/absences")
    @ResponseStatus(HttpStatus.CREATED)
    @ApiResponse(responseCode = "409", description = SET_CONFLICT)
    @Operation(summary = "Set a period out of office and a substitute; a start already passed starts it now")
    Absence setMine(@Valid @RequestBody AbsenceDraft request, CurrentUser user) {
        return absences.set(user, user.username(), request);
    }

    @DeleteMapping("/me/absences/{id}")
    @ApiResponse(responseCode = "200", description = "OK", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "409", description = "The period is over or cancelled already (conflict)")
    @Operation(summary = "Cancel a period not started yet, or end a running one now (its tasks come back)")
    Absence cancelMine(@PathVariable long id, CurrentUser user) {
        return absences.cancel(user, user.username(), id);
    }

    @GetMapping("/users/{username}/absences")
    @PreAuthorize("hasAnyRole('MANAGER', 'ADMIN')")
    @Operation(summary = "A person's periods out of office (managers and administrators)")
    Page<Absence> ofUser(
            @PathVariable String username,
            CurrentUser user,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "" + PageRequest.DEFAULT_SIZE) int size) {
        return absences.list(user, username, new PageRequest(page, size));
    }

    @PostMapping("/users/{username}/absences")
    @PreAuthorize("hasAnyRole('MANAGER', 'ADMIN')")
    @ResponseStatus(HttpStatus.CREATED)
    @ApiResponse(responseCode = "409", description = SET_CONFLICT)
    @Operation(summary = "Set a period out of office for a person (managers and administrators)")
    Absence setForUser(@PathVariable String username, @Valid @RequestBody AbsenceDraft request, CurrentUser user) {
        return absences.set(user, username, request);
    }

    @DeleteMapping("/users/{username}/absences/{id}")
    @PreAuthorize("hasAnyRole('MANAGER', 'ADMIN')")
    @ApiResponse(responseCode = "200", description = "OK", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "409", description = "The period is over or cancelled already (conflict)")
    @Operation(summary = "Cancel or end a person's period out of office (managers and administrators)")
    Absence cancelForUser(@PathVariable String username, @PathVariable long id, CurrentUser user) {
        return absences.cancel(user, username, id);
    }
}
