package org.compactreview.notify;

import java.time.Instant;

/** A notice as stored for one recipient: what the bell lists and a mail tells. */
public record StoredNotice(long id, String username, Notice notice, Instant createdAt, Instant readAt) {

    public boolean unread() {
        return readAt == null;
    }
}
