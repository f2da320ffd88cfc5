package org.compactreview.notify.api;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.compactreview.identity.CurrentUser;
import org.compactreview.notify.ShownNotice;
import org.compactreview.notify.UserNotices;
import org.compactreview.platform.Page;
import org.compactreview.platform.PageRequest;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The signed-in user's notices (the bell), in the caller's language (Accept-Language). */
@RestController
@RequestMapping("/api/v1/notifications")
@Tag(name = "Notifications", description = "The signed-in user's notices: what happened that concerns them")
class NoticeController {

    private final UserNotices notices;

    NoticeController(UserNotices notices) {
        this.notices = notices;
    }

    @GetMapping
    @ApiResponse(responseCode = "200", description = "OK", useReturnTypeSchema = true)
    @Operation(summary = "One page of the signed-in user's notices, newest first, with the number unread")
    NoticePage list(
            CurrentUser user,
            @RequestParam(defaultValue = "0") int page,
            @RequestParam(defaultValue = "20") @Parameter(description = "At most 200") int size) {
        Page<ShownNotice> shown = notices.page(user, new PageRequest(page, size), LocaleContextHolder.getLocale());
        return new NoticePage(shown.items(), shown.page(), shown.size(), shown.total(), notices.unread(user));
    }

    @PostMapping("/{id}/read")
    @ApiResponse(responseCode = "200", description = "Read", useReturnTypeSchema = true)
    @ApiResponse(responseCode = "404", description = "No such notice, or another user's (not-found)")
    @Operation(summary = "Mark one of the signed-in user's notices read (again changes nothing: the first time stays)")
    ShownNotice read(CurrentUser user, @PathVariable long id) {
        return notices.markRead(user, id, LocaleContextHolder.getLocale());
    }

    /** A page of notices and how many of all the user's notices are unread. */
    record NoticePage(
            List<ShownNotice> items,
            int page,
            int size,
            long total,
            @Schema(description = "The user's unread notices, on every page") int unread) {}
}
