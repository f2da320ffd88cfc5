package org.compactreview.notify;

import java.time.Instant;
import java.time.LocalDate;

/**
 * One event of a calendar feed: a task's due time ({@code at}) or a cycle's all-day date
 * ({@code day}), exactly one of the two. The UID names the thing (a task, a cycle's meeting), not
 * the feed, so that every subscriber's calendar app updates the same event when its date moves.
 */
record CalendarEvent(String uid, Instant at, LocalDate day, String summary, String description, String url) {

    CalendarEvent {
        if ((at == null) == (day == null)) {
            throw new IllegalArgumentException("an event has either a time or a day: " + uid);
        }
    }

    /** What a change of the event's dates changes: calendar apps are told by a higher SEQUENCE. */
    String fingerprint() {
        return at != null ? at.toString() : day.toString();
    }
}
