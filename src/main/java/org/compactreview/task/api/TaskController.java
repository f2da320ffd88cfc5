package org.compactreview.task.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.compactreview.identity.CurrentUser;
import org.compactreview.platform.Page;
import org.compactreview.platform.PageRequest;
import org.compactreview.task.TaskGateway;
import org.compactreview.task.WorkItem;
import org.compactreview.task.WorkItemFilter;
import org.springframework.http.HttpStatus;
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
@RequestMapping("/api/v1/tasks")
@Tag(name = "Tasks", description = "The caller's inbox; claim, release, reassign and complete tasks")
class TaskController {

    private final TaskGateway gateway;

    TaskController(TaskGateway gateway) {
        this.gateway = gateway;
    }

    @GetMapping
    @ApiResponse(responseCode = "200", description = "OK", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "403", description = "allTeams asked by someone who does not manage work")
    @Operation(
            summary = "Open tasks: the caller's own (assigned or candidate) or, with allTeams=true, every "
                    + "team's (managers and secretariat), ordered by due date")
    Page<WorkItem> list(
            CurrentUser user,
            @RequestParam(defaultValue = "false") boolean allTeams,
            @RequestParam(required = false) Long cycleId,
            @RequestParam(required = false) String participant,
            @RequestParam(required = false) String assignee,
            @RequestParam(required = false) String taskKey,
            @RequestParam(required = false) Boolean overdue,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "" + PageRequest.DEFAULT_SIZE) int size) {
        return gateway.list(
                user,
                new WorkItemFilter(allTeams, cycleId, participant, assignee, taskKey, overdue),
                new PageRequest(page, size));
    }

    @GetMapping("/{id}")
    @Operation(summary = "One task the caller may see")
    WorkItem get(@PathVariable String id, CurrentUser user) {
        return gateway.get(id, user);
    }

    @PostMapping("/{id}/claim")
    @ApiResponse(responseCode = "200", description = "OK", useReturnTypeSchema = true)
    @ApiResponse(
            responseCode = "409",
            description = "Someone else holds the task, or the caller is not a candidate (conflict)")
    @Operation(summary = "Take a task of one's candidate group; 409 if someone else holds it")
    WorkItem claim(@PathVariable String id, CurrentUser user) {
        return gateway.claim(id, user);
    }

    @PostMapping("/{id}/unclaim")
    @ApiResponse(responseCode = "200", description = "OK", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "409", description = "Someone else holds the task (conflict)")
    @Operation(summary = "Give a task back to its group (its holder, a manager or the secretariat)")
    WorkItem unclaim(@PathVariable String id, CurrentUser user) {
        return gateway.unclaim(id, user);
    }

    @PostMapping("/{id}/assignee")
    @PreAuthorize("hasAnyRole('MANAGER', 'SECRETARIAT')")
    @Operation(summary = "Hand a task to another member of its candidate group (managers and secretariat)")
    WorkItem reassign(@PathVariable String id, @Valid @RequestBody Assignee request, CurrentUser user) {
        return gateway.reassign(id, request.username(), user);
    }

    @PostMapping("/{id}/complete")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @ApiResponse(responseCode = "409", description = "The task needs its own form, or someone else holds it (conflict)")
    @Operation(
            summary = "Complete a task that has no form (the follow-up of an overdue report); report and "
                    + "meeting tasks are completed through their own endpoints")
    void complete(@PathVariable String id, @Valid @RequestBody(required = false) Note request, CurrentUser user) {
        gateway.completeWithNote(id, request == null ? null : request.note(), user);
    }

    record Assignee(@NotBlank @Size(max = 64) String username) {}

    record Note(@Size(max = 4000) String note) {}
}
