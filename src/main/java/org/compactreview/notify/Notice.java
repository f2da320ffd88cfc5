package org.compactreview.notify;

import java.time.Instant;
import java.util.Objects;

/**
 * Something to tell people, in facts rather than words: the words are chosen when the notice is
 * shown or mailed, in the reader's language. {@code eventKey} names the event once (e.g.
 * {@code task:<id>}); with the recipient it is the notice's idempotency key and its mail's
 * Message-ID. {@code link} is a path in the app (the task's form, the report).
 */
public record Notice(
        NoticeKind kind,
        String eventKey,
        String link,
        String participantCode,
        Long cycleId,
        String taskKey,
        Instant dueAt,
        String detail,
        String otherUser) {

    public static final int MAX_EVENT_KEY = 200;
    public static final int MAX_DETAIL = 4000;

    public Notice {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(eventKey, "eventKey");
        if (eventKey.isBlank() || eventKey.length() > MAX_EVENT_KEY) {
            throw new IllegalArgumentException("event key: " + eventKey);
        }
        if (detail != null && detail.length() > MAX_DETAIL) {
            detail = detail.substring(0, MAX_DETAIL - 1) + "\u2026";
        }
    }

    public static Notice of(NoticeKind kind, String eventKey) {
        return new Notice(kind, eventKey, null, null, null, null, null, null, null);
    }

    public Notice link(String path) {
        return new Notice(kind, eventKey, path, participantCode, cycleId, taskKey, dueAt, detail, otherUser);
    }

    public Notice participant(String code) {
        return new Notice(kind, eventKey, link, code, cycleId, taskKey, dueAt, detail, otherUser);
    }

    public Notice cycle(Long id) {
        return new Notice(kind, eventKey, link, participantCode, id, taskKey, dueAt, detail, otherUser);
    }

    public Notice task(String key) {
        return new Notice(kind, eventKey, link, participantCode, cycleId, key, dueAt, detail, otherUser);
    }

    public Notice due(Instant at) {
        return new Notice(kind, eventKey, link, participantCode, cycleId, taskKey, at, detail, otherUser);
    }

    public Notice detail(String text) {
        return new Notice(kind, eventKey, link, participantCode, cycleId, taskKey, dueAt, text, otherUser);
    }

    public Notice other(String username) {
        return new Notice(kind, eventKey, link, participantCode, cycleId, taskKey, dueAt, detail, username);
    }
}
