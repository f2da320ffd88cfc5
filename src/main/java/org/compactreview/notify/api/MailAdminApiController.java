package org.compactreview.notify.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.compactreview.identity.CurrentUser;
import org.compactreview.notify.MailIncidents;
import org.compactreview.notify.MailOverview;
import org.compactreview.platform.PageRequest;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The mail outbox for operators (administrators): counts, backlog, incidents, send again. */
@RestController
@RequestMapping("/api/v1/admin/mail")
@PreAuthorize("hasRole('ADMIN')")
@Tag(name = "Mail operations", description = "The mail outbox's state and its incidents (administrators)")
class MailAdminApiController {

    private final MailIncidents incidents;

    MailAdminApiController(MailIncidents incidents) {
        this.incidents = incidents;
    }

    @GetMapping
    @Operation(
            summary = "Mails per status (PENDING is the backlog), when the oldest waiting mail was due, and the "
                    + "incidents (mails given up after their last attempt), newest first; no mail content")
    MailOverview overview(
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "" + PageRequest.DEFAULT_SIZE) int size,
            CurrentUser caller) {
        return incidents.overview(caller, new PageRequest(page, size));
    }

    @PostMapping("/{id}/retry")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @ApiResponse(
            responseCode = "409",
            description = "The mail is no incident: sent, or already queued again (conflict)")
    @Operation(
            summary = "Send an incident again: back to the queue at once, with a fresh count of attempts and the same "
                    + "Message-ID (audited as MAIL_RETRIED)")
    void retry(@PathVariable long id, CurrentUser caller) {
        incidents.retry(id, caller);
    }
}
