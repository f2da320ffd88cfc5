package org.compactreview.discussion.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.compactreview.discussion.Comment;
import org.compactreview.discussion.CommentService;
import org.compactreview.identity.CurrentUser;
import org.compactreview.platform.InvalidInputException;
import org.compactreview.platform.Page;
import org.compactreview.platform.PageRequest;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/comments")
@Tag(
        name = "Comments",
        description = "Comment threads on reports (per objective where given) and tasks, for whoever may see them")
class CommentController {

    private final CommentService comments;

    CommentController(CommentService comments) {
        this.comments = comments;
    }

    @GetMapping
    @ApiResponse(responseCode = "200", description = "OK", useReturnTypeSchema = true)
    @ApiResponse(
            responseCode = "404",
            description = "No such report or task, or one the caller may not see (not-found)")
    @Operation(
            summary = "One page of a report's or a task's comments, oldest first: give reportId (optionally "
                    + "objective) or taskId")
    Page<Comment> list(
            CurrentUser user,
            @RequestParam(required = false) Long reportId,
            @RequestParam(required = false) @Parameter(description = "Only the comments naming this objective")
                    Integer objective,
            @RequestParam(required = false) String taskId,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") @Parameter(description = "At most 200") int size) {
        PageRequest wanted = new PageRequest(page, size);
        if ((reportId == null) == (taskId == null)) {
            throw new InvalidInputException("reportId", "validation.comment.one-target");
        }
        return reportId != null
                ? comments.ofReport(reportId, objective, user, wanted)
                : comments.ofTask(taskId, user, wanted);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @ApiResponse(responseCode = "201", description = "Posted", useReturnTypeSchema = true)
    @ApiResponse(
            responseCode = "404",
            description = "No such report or task, or one the caller may not see (not-found)")
    @Operation(
            summary = "Post a comment on a report (optionally naming an objective) or a task: plain text of 1-2000 "
                    + "characters without control characters other than line breaks and tabs")
    Comment post(@RequestBody CommentRequest request, CurrentUser user) {
        if ((request.reportId() == null) == (request.taskId() == null)) {
            throw new InvalidInputException("reportId", "validation.comment.one-target");
        }
        return request.reportId() != null
                ? comments.postOnReport(request.reportId(), request.objective(), request.text(), user)
                : comments.postOnTask(request.taskId(), request.text(), user);
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @ApiResponse(responseCode = "204", description = "Withdrawn")
    @ApiResponse(responseCode = "403", description = "Not the comment's author (forbidden)")
    @ApiResponse(responseCode = "409", description = "More than 15 minutes since it was posted (conflict)")
    @Operation(summary = "Withdraw one's own comment, within 15 minutes of posting; comments are never edited")
    void delete(@PathVariable long id, CurrentUser user) {
        comments.delete(id, user);
    }

    record CommentRequest(
            @Schema(description = "The report commented on (or taskId)") Long reportId,
            @Schema(description = "The objective of the report the comment is about, if any") Integer objective,
            @Schema(description = "The task commented on (or reportId)") String taskId,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, maxLength = 2000) String text) {}
}
