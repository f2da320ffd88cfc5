package org.compactreview.discussion.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.compactreview.discussion.DialoguePost;
import org.compactreview.discussion.DialogueService;
import org.compactreview.discussion.DialogueTopic;
import org.compactreview.identity.CurrentUser;
import org.compactreview.platform.InvalidInputException;
import org.compactreview.platform.Page;
import org.compactreview.platform.PageRequest;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(
        name = "Dialogue",
        description = "The continuous dialogue: an open thread per cycle and objective, read by everyone signed "
                + "in, written by focal points and the secretariat, moderated by the secretariat")
class DialogueController {

    private final DialogueService dialogue;

    DialogueController(DialogueService dialogue) {
        this.dialogue = dialogue;
    }

    @GetMapping("/api/v1/cycles/{id}/dialogue")
    @Operation(summary = "Every objective's thread in a cycle, with its number of posts and the time of the last")
    List<DialogueTopic> topics(@PathVariable long id, CurrentUser user) {
        return dialogue.topics(id, user);
    }

    @GetMapping("/api/v1/cycles/{id}/dialogue/posts")
    @Operation(
            summary = "One page of an objective's thread, oldest first; a hidden post's text is given only to "
                    + "its author and the secretariat")
    Page<DialoguePost> thread(
            @PathVariable long id,
            @RequestParam @Parameter(description = "The objective's number") int objective,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "50") @Parameter(description = "At most 200") int size,
            CurrentUser user) {
        return dialogue.thread(id, objective, user, new PageRequest(page, size));
    }

    @PostMapping("/api/v1/cycles/{id}/dialogue/posts")
    @PreAuthorize("hasAnyRole('FOCAL_POINT', 'SECRETARIAT')")
    @ResponseStatus(HttpStatus.CREATED)
    @ApiResponse(responseCode = "201", description = "Posted", useReturnTypeSchema = true)
    @Operation(
            summary = "Post in an objective's thread (focal points and the secretariat): plain text of 1-2000 "
                    + "characters")
    DialoguePost post(@PathVariable long id, @RequestBody PostRequest request, CurrentUser user) {
        if (request.objective() == null) {
            throw new InvalidInputException("objective", "validation.discussion.objective-required");
        }
        return dialogue.post(id, request.objective(), request.text(), user);
    }

    @PostMapping("/api/v1/dialogue-posts/{id}/hide")
    @PreAuthorize("hasRole('SECRETARIAT')")
    @ApiResponse(responseCode = "200", description = "OK", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "409", description = "The post is hidden already (conflict)")
    @Operation(
            summary = "Hide a post (secretariat), with a reason of at most 1000 characters that others then see "
                    + "in its place; audited")
    DialoguePost hide(@PathVariable long id, @RequestBody HideRequest request, CurrentUser user) {
        return dialogue.hide(id, request.reason(), user);
    }

    record PostRequest(
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED) Integer objective,
            @Schema(requiredMode = Schema.RequiredMode.REQUIRED, maxLength = 2000) String text) {}

    record HideRequest(@Schema(requiredMode = Schema.RequiredMode.REQUIRED, maxLength = 1000) String reason) {}
}
