package org.compactreview.notify;

import java.time.Instant;

/**
 * A notice as its reader sees it in the app: the words in the reader's language ({@link
 * NoticeTexts}), {@code when} it happened in the reader's language and time zone, the app path it
 * opens ({@code link}, always a path of this app) and whether it is still unread.
 */
public record ShownNotice(
        long id,
        NoticeKind kind,
        String subject,
        String body,
        String detail,
        String action,
        String link,
        Instant createdAt,
        String when,
        Instant readAt,
        boolean unread) {}
