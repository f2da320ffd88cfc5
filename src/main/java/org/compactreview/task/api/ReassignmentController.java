package org.compactreview.task.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.util.List;
import java.util.Set;
import org.compactreview.identity.CurrentUser;
import org.compactreview.platform.InvalidInputException;
import org.compactreview.platform.Problems;
import org.compactreview.task.EligibleAssignee;
import org.compactreview.task.Reassignment;
import org.compactreview.task.Reassignments;
import org.compactreview.task.TaskSelection;
import org.compactreview.task.WorkloadFilter;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Bulk reassignment and the people a task or a selection may go to (managers and secretariat). */
@RestController
@RequestMapping("/api/v1/tasks")
@Tag(name = "Tasks")
class ReassignmentController {

    private final Reassignments reassignments;
    private final Problems problems;

    ReassignmentController(Reassignments reassignments, Problems problems) {
        this.reassignments = reassignments;
        this.problems = problems;
    }

    @PostMapping("/reassignments")
    @PreAuthorize("hasAnyRole('MANAGER', 'SECRETARIAT')")
    @ApiResponse(responseCode = "200", description = "OK", useReturnTypeSchema = true)
    @Operation(
            summary = "Move open tasks to someone allowed to do them, with a reason: the tasks named, or "
                    + "everything of one person (optionally only of some participants or cycles). Up to "
                    + Reassignments.MAX_TASKS + " tasks; each move is audited. The answer lists what "
                    + "moved and what did not, and why (not open any more, not a candidate, already "
                    + "assigned, changed meanwhile): one task that cannot move never fails the request")
    ReassignmentAnswer reassign(@Valid @RequestBody ReassignmentRequest request, CurrentUser user) {
        Reassignment result = reassignments.reassign(user, request.selection(), request.to(), request.reason());
        return new ReassignmentAnswer(
                result.to(),
                result.toName(),
                result.selected(),
                result.moved(),
                result.notMoved().stream()
                        .map(n -> new NotMovedTask(
                                n.taskId(),
                                n.taskKey(),
                                n.participantCode(),
                                n.reason(),
                                problems.text(
                                        LocaleContextHolder.getLocale(),
                                        "reassign.outcome." + n.reason().name())))
                        .toList());
    }

    @PostMapping("/eligible-assignees")
    @PreAuthorize("hasAnyRole('MANAGER', 'SECRETARIAT')")
    @ApiResponse(responseCode = "200", description = "OK", useReturnTypeSchema = true)
    @Operation(
            summary = "Who a selection of open tasks may go to (the same selection as a reassignment): the "
                    + "enabled members of the tasks' candidate groups, each with how many of the tasks "
                    + "they may take, most first")
    List<EligibleAssignee> eligibleForSelection(@Valid @RequestBody SelectionRequest request, CurrentUser user) {
        return reassignments.eligible(user, request.selection());
    }

    @GetMapping("/{id}/eligible-assignees")
    @PreAuthorize("hasAnyRole('MANAGER', 'SECRETARIAT')")
    @ApiResponse(responseCode = "200", description = "OK", useReturnTypeSchema = true)
    @Operation(
            summary = "Who an open task may go to: the focal points of its participant for a report, the "
                    + "secretariat for a validation (enabled members of its candidate group)")
    List<EligibleAssignee> eligibleForTask(@PathVariable String id, CurrentUser user) {
        return reassignments.eligible(user, id);
    }

    /** The tasks named, or everything of {@code from} (narrowed to participants and cycles if given). */
    record SelectionRequest(
            @Schema(description = "Open task ids; or leave out and give from") @Size(max = Reassignments.MAX_TASKS)
                    List<@NotBlank @Size(max = 64) String> taskIds,
            @Schema(description = "Username whose open tasks to move, instead of taskIds") @Size(max = 64) String from,
            @Schema(description = "With from: only the tasks of these participants (codes)") @Size(max = 1000)
                    Set<@NotBlank @Size(max = 16) String> participants,
            @Schema(description = "With from: only the tasks of these cycles (ids)") @Size(max = 1000)
                    Set<@NotNull Long> cycles) {

        TaskSelection selection() {
            boolean byTasks = taskIds != null && !taskIds.isEmpty();
            boolean byPerson = from != null && !from.isBlank();
            if (byTasks && byPerson) {
                throw new InvalidInputException("from", "validation.reassign.both");
            }
            if (!byPerson
                    && ((participants != null && !participants.isEmpty()) || (cycles != null && !cycles.isEmpty()))) {
                throw new InvalidInputException("from", "validation.reassign.narrowing-needs-from");
            }
            if (byTasks) {
                return TaskSelection.ofTasks(taskIds);
            }
            return TaskSelection.everythingOf(WorkloadFilter.of(byPerson ? from.strip() : null, participants, cycles));
        }
    }

    record ReassignmentRequest(
            @Size(max = Reassignments.MAX_TASKS) List<@NotBlank @Size(max = 64) String> taskIds,
            @Size(max = 64) String from,
            @Size(max = 1000) Set<@NotBlank @Size(max = 16) String> participants,
            @Size(max = 1000) Set<@NotNull Long> cycles,
            @Schema(description = "Username of the person the tasks go to") @NotBlank @Size(max = 64) String to,
            @Schema(description = "Why; kept in the audit trail of each task")
                    @NotBlank
                    @Size(max = Reassignments.MAX_REASON)
                    String reason) {

        TaskSelection selection() {
            return new SelectionRequest(taskIds, from, participants, cycles).selection();
        }
    }

    record ReassignmentAnswer(
            String to, String toName, int selected, List<Reassignment.Moved> moved, List<NotMovedTask> notMoved) {}

    record NotMovedTask(
            String taskId, String taskKey, String participantCode, Reassignment.Reason reason, String message) {}
}
