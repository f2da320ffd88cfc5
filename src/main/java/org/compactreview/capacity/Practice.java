package org.compactreview.capacity;

import java.time.Instant;

/** An evaluated request published for others to learn from. */
public record Practice(
        long id, long requestId, int objective, String participantCode, String summary, Instant publishedAt) {}
