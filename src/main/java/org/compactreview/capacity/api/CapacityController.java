package org.compactreview.capacity.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.compactreview.capacity.Assessment;
import org.compactreview.capacity.CapacityFilter;
import org.compactreview.capacity.CapacityRequest;
import org.compactreview.capacity.CapacityService;
import org.compactreview.capacity.CapacityStage;
import org.compactreview.capacity.Practice;
import org.compactreview.capacity.SupportPlan;
import org.compactreview.capacity.UpdateStatus;
import org.compactreview.identity.CurrentUser;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1")
@Tag(
        name = "Capacity building",
        description = "Requests raised from objectives flagged for support in accepted reports: assess, "
                + "plan, progress updates, evaluation, published practices")
class CapacityController {

    private final CapacityService capacity;

    CapacityController(CapacityService capacity) {
        this.capacity = capacity;
    }

    @GetMapping("/capacity-requests")
    @Operation(
            summary = "Requests the caller may see (focal points: their participants'; secretariat and managers: "
                    + "all), newest first, filterable by objective, region, stage and participant")
    List<CapacityRequest> list(
            CurrentUser user,
            @RequestParam(required = false) Integer objective,
            @RequestParam(required = false) String region,
            @RequestParam(required = false) CapacityStage stage,
            @RequestParam(required = false) String participant) {
        return capacity.list(user, new CapacityFilter(objective, region, stage, participant));
    }

    @GetMapping("/capacity-requests/{id}")
    @Operation(summary = "One request with its plan, progress updates and evaluation; 404 outside the caller's scope")
    CapacityRequest get(@PathVariable long id, CurrentUser user) {
        return capacity.get(id, user);
    }

    @PostMapping("/capacity-requests/{id}/assessment")
    @PreAuthorize("hasRole('SECRETARIAT')")
    @ApiResponse(responseCode = "200", description = "OK", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "409", description = "The request is not waiting for assessment (conflict)")
    @Operation(
            summary = "Assess a request (secretariat): ACCEPT; MERGE into a similar open request of another "
                    + "participant on the same objective (peer exchange, mergeInto required); DECLINE with a reason")
    CapacityRequest assess(@PathVariable long id, @Valid @RequestBody AssessmentRequest request, CurrentUser user) {
        return capacity.assess(id, user, request.assessment(), request.mergeInto(), request.reason());
    }

    @PostMapping("/capacity-requests/{id}/plan")
    @PreAuthorize("hasRole('MANAGER')")
    @ApiResponse(responseCode = "200", description = "OK", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "409", description = "The request is not waiting for a plan (conflict)")
    @Operation(
            summary = "Agree the support plan (managers): partner, activities, dates, budget and funding source, "
                    + "and the interval between progress updates (ISO-8601, e.g. P1M)")
    CapacityRequest plan(@PathVariable long id, @Valid @RequestBody SupportPlan request, CurrentUser user) {
        return capacity.agreePlan(id, user, request);
    }

    @PostMapping("/capacity-requests/{id}/updates")
    @PreAuthorize("hasRole('FOCAL_POINT')")
    @ApiResponse(responseCode = "200", description = "OK", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "409", description = "No progress update is due now (conflict)")
    @Operation(summary = "Report progress when an update is due (the participant's focal points)")
    CapacityRequest update(@PathVariable long id, @Valid @RequestBody UpdateRequest request, CurrentUser user) {
        return capacity.reportProgress(id, user, request.status(), request.done(), request.nextSteps());
    }

    @PostMapping("/capacity-requests/{id}/evaluation")
    @PreAuthorize("hasRole('SECRETARIAT')")
    @ApiResponse(responseCode = "200", description = "OK", useReturnTypeSchema = true)
    @ApiResponse(
            responseCode = "409",
            description = "The plan has not ended, or the request is not in implementation (conflict)")
    @Operation(
            summary = "Evaluate the outcome once the plan has ended (secretariat); publish=true publishes it as a "
                    + "practice with the summary")
    CapacityRequest evaluate(@PathVariable long id, @Valid @RequestBody EvaluationRequest request, CurrentUser user) {
        return capacity.evaluate(
                id, user, request.outcomeRating(), request.lessons(), request.publish(), request.summary());
    }

    @GetMapping("/practices")
    @Operation(summary = "Published practices, newest first, optionally for one objective")
    List<Practice> practices(@RequestParam(required = false) Integer objective) {
        return capacity.practices(objective);
    }

    record AssessmentRequest(@NotNull Assessment assessment, Long mergeInto, @Size(max = 4000) String reason) {}

    /** A progress update says what was done; what comes next is optional. */
    record UpdateRequest(
            @NotNull UpdateStatus status,
            @NotBlank @Size(max = 4000) @Schema(requiredMode = Schema.RequiredMode.REQUIRED) String done,
            @Size(max = 4000) String nextSteps) {}

    record EvaluationRequest(
            @Schema(description = "1 (poor) to 5 (excellent)") Integer outcomeRating,
            @Size(max = 4000) String lessons,
            boolean publish,
            @Size(max = 4000) String summary) {}
}
