package org.compactreview.notify.web;

import java.nio.charset.StandardCharsets;
import org.compactreview.notify.CalendarFeeds;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * The feed itself, for calendar apps: no session (security/SecurityConfiguration lets exactly this
 * path through without one), the token in the address is the credential. An unknown, rotated or
 * turned-off token and a disabled owner all answer the same empty 404. A page controller, not an
 * API one: it is no operation of the OpenAPI description (/api/v1), which calendar apps never read.
 */
@Controller
class CalendarFeedController {

    static final MediaType CALENDAR = new MediaType("text", "calendar", StandardCharsets.UTF_8);

    private final CalendarFeeds feeds;

    CalendarFeedController(CalendarFeeds feeds) {
        this.feeds = feeds;
    }

    @GetMapping("/calendar/{token}.ics")
    ResponseEntity<byte[]> feed(@PathVariable String token) {
        return feeds.document(token)
                .map(document -> ResponseEntity.ok()
                        .contentType(CALENDAR)
                        // Private: the feed is one user's; five minutes spare the server a busy app's polls.
                        .cacheControl(CacheControl.maxAge(java.time.Duration.ofMinutes(5))
                                .cachePrivate())
                        .body(document.getBytes(StandardCharsets.UTF_8)))
                .orElseGet(() -> ResponseEntity.notFound().build());
    }
}
