package org.compactreview.notify;

import java.time.Instant;

/** A user's calendar feed as its page shows it: when it was created and last rotated (never its token). */
public record CalendarFeed(String username, Instant createdAt, Instant rotatedAt) {}
