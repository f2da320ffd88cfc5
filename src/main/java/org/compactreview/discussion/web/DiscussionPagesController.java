package org.compactreview.discussion.web;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.compactreview.discussion.Attachment;
import org.compactreview.discussion.AttachmentService;
import org.compactreview.discussion.AttachmentTarget;
import org.compactreview.discussion.CommentService;
import org.compactreview.identity.CurrentUser;
import org.compactreview.platform.ConflictException;
import org.compactreview.platform.InvalidInputException;
import org.compactreview.platform.ProblemException;
import org.compactreview.platform.Problems;
import org.compactreview.task.TaskGateway;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.ModelAndView;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The steps of the discussion fragments embedded in the report, task and capacity-building pages:
 * post or withdraw a comment, attach or remove evidence, download it. Each step ends back on the
 * page it came from, with the outcome or the reason it was refused; what the caller may not see
 * ends on the 404 page.
 */
@Controller
class DiscussionPagesController {

    static final String TASK = "discussion/task";

    private final CommentService comments;
    private final AttachmentService attachments;
    private final TaskGateway tasks;
    private final Problems problems;

    DiscussionPagesController(
            CommentService comments, AttachmentService attachments, TaskGateway tasks, Problems problems) {
        this.comments = comments;
        this.attachments = attachments;
        this.tasks = tasks;
        this.problems = problems;
    }

    @GetMapping("/tasks/{taskId}/discussion")
    String task(@PathVariable String taskId, CurrentUser user, Model model) {
        model.addAttribute("task", tasks.get(taskId, user));
        return TASK;
    }

    @PostMapping("/reports/{id}/comments")
    String commentOnReport(
            @PathVariable long id,
            @RequestParam(required = false) String text,
            @RequestParam(required = false) Integer objective,
            @RequestParam(required = false) String back,
            CurrentUser user,
            RedirectAttributes redirect) {
        return step(redirect, back(back, "/reports/" + id), "#comments", "flash.comment.posted", () -> {
            comments.postOnReport(id, objective, text, user);
        });
    }

    @PostMapping("/tasks/{taskId}/comments")
    String commentOnTask(
            @PathVariable String taskId,
            @RequestParam(required = false) String text,
            CurrentUser user,
            RedirectAttributes redirect) {
        return step(redirect, "/tasks/" + taskId + "/discussion", "#comments", "flash.comment.posted", () -> {
            comments.postOnTask(taskId, text, user);
        });
    }

    @PostMapping("/comments/{id}/delete")
    String deleteComment(
            @PathVariable long id,
            @RequestParam(required = false) String back,
            CurrentUser user,
            RedirectAttributes redirect) {
        return step(redirect, back(back, "/inbox"), "#comments", "flash.comment.deleted", () -> {
            comments.delete(id, user);
        });
    }

    @PostMapping("/reports/{id}/attachments")
    String attachToReport(
            @PathVariable long id,
            @RequestParam(required = false) Integer objective,
            @RequestParam(required = false) MultipartFile file,
            @RequestParam(required = false) String back,
            CurrentUser user,
            RedirectAttributes redirect) {
        return step(redirect, back(back, "/reports/" + id), "#evidence", "flash.attachment.stored", () -> {
            if (objective == null) {
                throw new InvalidInputException("objective", "validation.discussion.objective-required");
            }
            attachments.upload(AttachmentTarget.reportEntry(id, objective), MultipartUpload.of(file), user);
        });
    }

    @PostMapping("/capacity/{id}/updates/{updateId}/attachments")
    String attachToUpdate(
            @PathVariable long id,
            @PathVariable long updateId,
            @RequestParam(required = false) MultipartFile file,
            CurrentUser user,
            RedirectAttributes redirect) {
        return step(redirect, "/capacity/" + id, "#update-" + updateId, "flash.attachment.stored", () -> {
            attachments.upload(AttachmentTarget.capacityUpdate(id, updateId), MultipartUpload.of(file), user);
        });
    }

    @PostMapping("/tasks/{taskId}/attachments")
    String attachToTask(
            @PathVariable String taskId,
            @RequestParam(required = false) MultipartFile file,
            CurrentUser user,
            RedirectAttributes redirect) {
        return step(redirect, "/tasks/" + taskId + "/discussion", "#evidence", "flash.attachment.stored", () -> {
            attachments.upload(AttachmentTarget.task(taskId), MultipartUpload.of(file), user);
        });
    }

    @PostMapping("/attachments/{id}/delete")
    String deleteAttachment(
            @PathVariable long id,
            @RequestParam(required = false) String back,
            CurrentUser user,
            RedirectAttributes redirect) {
        return step(redirect, back(back, "/inbox"), "#evidence", "flash.attachment.deleted", () -> {
            attachments.delete(id, user);
        });
    }

    @GetMapping("/attachments/{id}")
    void download(@PathVariable long id, CurrentUser user, HttpServletResponse response) throws IOException {
        Attachment attachment = attachments.get(id, user);
        Downloads.send(attachment, attachments, response);
    }

    /** A file above the limit, found while its parts were read: the 413 page; nothing was stored. */
    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ModelAndView tooLarge(MaxUploadSizeExceededException e) {
        return new ModelAndView("error/413", HttpStatus.PAYLOAD_TOO_LARGE);
    }

    private String step(RedirectAttributes redirect, String back, String anchor, String successKey, Runnable step) {
        try {
            step.run();
            redirect.addFlashAttribute("flash", successKey);
        } catch (InvalidInputException | ConflictException refused) {
            redirect.addFlashAttribute("flashError", problems.describe(refused));
        } catch (ProblemException refused) {
            if (refused instanceof org.compactreview.platform.NotFoundException) {
                throw refused;
            }
            redirect.addFlashAttribute("flashError", problems.describe(refused));
        }
        return "redirect:" + back + anchor;
    }

    /** Where a step returns: a path of this site given by the form, or the default. */
    static String back(String back, String otherwise) {
        return back != null && back.startsWith("/") && !back.startsWith("//") && !back.contains("\\")
                ? back
                : otherwise;
    }
}
