package org.compactreview.cycle.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import org.compactreview.cycle.CycleService;
import org.compactreview.cycle.MeetingService;
import org.compactreview.cycle.OpenCycleRequest;
import org.compactreview.cycle.ReviewCycle;
import org.compactreview.identity.CurrentUser;
import org.compactreview.platform.Page;
import org.compactreview.platform.PageRequest;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/cycles")
@Tag(name = "Cycles", description = "Open review cycles and run their annual meeting steps")
class CycleController {

    private final CycleService cycles;
    private final MeetingService meetings;

    CycleController(CycleService cycles, MeetingService meetings) {
        this.cycles = cycles;
        this.meetings = meetings;
    }

    @PostMapping
    @PreAuthorize("hasRole('SECRETARIAT')")
    @ResponseStatus(HttpStatus.CREATED)
    @ApiResponse(
            responseCode = "201",
            description = "Opened; Location is the new cycle's address",
            headers =
                    @Header(name = "Location", description = "/api/v1/cycles/{id}", schema = @Schema(type = "string")))
    @ApiResponse(responseCode = "409", description = "A cycle of this kind is already open for the period (conflict)")
    @Operation(
            summary = "Open an annual review cycle (secretariat): one report and one submission task per "
                    + "participant. Default participants: all member states; default reminder 7 days before "
                    + "the due date and window close 14 days after it.")
    ResponseEntity<ReviewCycle> open(@Valid @RequestBody OpenCycleRequest request, CurrentUser user) {
        ReviewCycle cycle = cycles.open(request, user);
        return ResponseEntity.created(URI.create("/api/v1/cycles/" + cycle.id()))
                .body(cycle);
    }

    @GetMapping
    @Operation(summary = "Cycles, newest first")
    Page<ReviewCycle> list(
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "" + PageRequest.DEFAULT_SIZE) int size) {
        return cycles.list(new PageRequest(page, size));
    }

    @GetMapping("/{id}")
    @Operation(summary = "One cycle with its deadlines, status and meeting record")
    ReviewCycle get(@PathVariable long id) {
        return cycles.get(id);
    }

    @PostMapping("/{id}/meeting/preparation")
    @PreAuthorize("hasRole('SECRETARIAT')")
    @ApiResponse(responseCode = "200", description = "OK", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "409", description = "The cycle is not consolidated (conflict)")
    @Operation(summary = "Complete 'Prepare annual meeting' (secretariat), once the cycle is consolidated")
    ReviewCycle prepareMeeting(
            @PathVariable long id, @Valid @RequestBody MeetingPreparation request, CurrentUser user) {
        return meetings.prepare(id, user, request.meetingDate(), request.agenda());
    }

    @PostMapping("/{id}/meeting/outcomes")
    @PreAuthorize("hasRole('SECRETARIAT')")
    @ApiResponse(responseCode = "200", description = "OK", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "409", description = "The meeting is not prepared (conflict)")
    @Operation(summary = "Complete 'Record meeting outcomes' (secretariat); the cycle then closes")
    ReviewCycle recordOutcomes(@PathVariable long id, @Valid @RequestBody MeetingOutcomes request, CurrentUser user) {
        return meetings.recordOutcomes(id, user, request.outcomes(), request.decisions());
    }

    record MeetingPreparation(@NotNull LocalDate meetingDate, @NotBlank @Size(max = 20000) String agenda) {}

    record MeetingOutcomes(
            @NotBlank @Size(max = 20000) String outcomes,
            @NotNull @Size(max = 100) List<@NotBlank @Size(max = 2000) String> decisions) {}
}
