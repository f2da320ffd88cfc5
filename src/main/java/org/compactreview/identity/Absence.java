package org.compactreview.identity;

import java.time.Instant;

/**
 * A person's period out of office: from {@code startsAt} to {@code endsAt} their tasks are held by
 * {@code substitute}. {@code endedAt} is when it really ended (its end, or an earlier cancellation).
 */
public record Absence(
        long id,
        String username,
        String substitute,
        Instant startsAt,
        Instant endsAt,
        Status status,
        String createdBy,
        Instant createdAt,
        Instant endedAt) {

    public enum Status {
        /** Set, not started yet: cancelling it leaves no trace but the audit. */
        SCHEDULED,
        /** Running: the person's tasks are held by the substitute. */
        ACTIVE,
        /** Over: the tasks still held by the substitute went back. */
        ENDED,
        /** Cancelled before it started. */
        CANCELLED
    }

    /** Whether it is set or running, so that cancelling it means something. */
    public boolean open() {
        return status == Status.SCHEDULED || status == Status.ACTIVE;
    }
}
