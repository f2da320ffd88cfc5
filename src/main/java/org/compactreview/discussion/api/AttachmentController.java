package org.compactreview.discussion.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.headers.Header;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.compactreview.discussion.Attachment;
import org.compactreview.discussion.AttachmentService;
import org.compactreview.discussion.AttachmentTarget;
import org.compactreview.discussion.web.Downloads;
import org.compactreview.discussion.web.MultipartUpload;
import org.compactreview.identity.CurrentUser;
import org.compactreview.platform.InvalidInputException;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@RestController
@RequestMapping("/api/v1/attachments")
@Tag(
        name = "Attachments",
        description = "Evidence on report entries, capacity-building progress updates and tasks: PDF, Office "
                + "Open XML (docx, xlsx, pptx), OpenDocument (odt, ods), PNG and JPEG, checked by content")
class AttachmentController {

    private final AttachmentService attachments;

    AttachmentController(AttachmentService attachments) {
        this.attachments = attachments;
    }

    @GetMapping
    @ApiResponse(responseCode = "200", description = "OK", useReturnTypeSchema = true)
    @ApiResponse(
            responseCode = "404",
            description = "No such report, request or task, or one the caller may not see (not-found)")
    @Operation(
            summary = "The attachments of a report (every entry's), of a capacity-building request (every "
                    + "update's) or of a task: give exactly one of reportId, capacityRequestId, taskId")
    List<Attachment> list(
            CurrentUser user,
            @RequestParam(required = false) Long reportId,
            @RequestParam(required = false) Long capacityRequestId,
            @RequestParam(required = false) String taskId) {
        int given = (reportId != null ? 1 : 0) + (capacityRequestId != null ? 1 : 0) + (taskId != null ? 1 : 0);
        if (given != 1) {
            throw new InvalidInputException("reportId", "validation.attachment.one-target");
        }
        if (reportId != null) {
            return attachments.ofReport(reportId, user);
        }
        return capacityRequestId != null
                ? attachments.ofCapacityRequest(capacityRequestId, user)
                : attachments.ofTask(taskId, user);
    }

    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @ApiResponse(responseCode = "201", description = "Stored", useReturnTypeSchema = true)
    @ApiResponse(
            responseCode = "403",
            description = "Only the participant's focal points attach evidence to its reports and updates (forbidden)")
    @ApiResponse(
            responseCode = "404",
            description = "No such report, update or task, or one the caller may not see (not-found)")
    @ApiResponse(responseCode = "409", description = "The report is not being drafted or revised (conflict)")
    @ApiResponse(responseCode = "413", description = "The file is larger than the limit, 10 MB by default (too-large)")
    @ApiResponse(
            responseCode = "415",
            description = "The content is none of the accepted types, or the file's name gives another type "
                    + "(unsupported-type)")
    @Operation(
            summary = "Attach a file (multipart/form-data, part file) to a report entry (reportId and objective), "
                    + "a progress update (capacityRequestId and updateId) or a task (taskId). Its type is read "
                    + "from its content; nothing is stored when it is refused.")
    Attachment upload(
            CurrentUser user,
            @RequestParam(required = false) @Parameter(description = "The file") MultipartFile file,
            @RequestParam(required = false) Long reportId,
            @RequestParam(required = false) Integer objective,
            @RequestParam(required = false) Long capacityRequestId,
            @RequestParam(required = false) Long updateId,
            @RequestParam(required = false) String taskId) {
        AttachmentTarget target = AttachmentTarget.of(reportId, objective, capacityRequestId, updateId, taskId);
        return attachments.upload(target, MultipartUpload.of(file), user);
    }

    @GetMapping("/{id}/content")
    @ApiResponse(
            responseCode = "200",
            description = "The file's bytes, streamed, as its checked type, with Content-Disposition: attachment "
                    + "and X-Content-Type-Options: nosniff",
            headers = {
                @Header(name = "Content-Disposition", schema = @Schema(type = "string")),
                @Header(name = "X-Content-Type-Options", schema = @Schema(type = "string"))
            })
    @Operation(summary = "Download an attachment of an object the caller may see")
    void download(@PathVariable long id, CurrentUser user, HttpServletResponse response) throws IOException {
        Attachment attachment = attachments.get(id, user);
        Downloads.send(attachment, attachments, response);
    }

    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @ApiResponse(responseCode = "204", description = "Removed")
    @ApiResponse(
            responseCode = "403",
            description = "Not the uploader, or not allowed to change the object (forbidden)")
    @ApiResponse(responseCode = "409", description = "The report is not being drafted or revised (conflict)")
    @Operation(summary = "Remove one's own attachment (a report's only while it is drafted or revised)")
    void delete(@PathVariable long id, CurrentUser user) {
        attachments.delete(id, user);
    }
}
