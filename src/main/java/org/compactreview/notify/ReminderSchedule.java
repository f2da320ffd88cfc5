package org.compactreview.notify;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * Which reminder a cycle's reminder loop sends now, and when it looks again (issue 15). The days
 * are whole days before the due date, largest first ({@code [14, 7, 1]}); {@code remindedDays} is
 * the smallest day already reminded of (null: none yet): a day is reminded of once, even when the
 * due date moves. Of the days reached by now, the latest (the smallest) is sent and the others
 * collapse into it: a cycle opened three days before its due date reminds once, for day 7, and
 * then at day 1. The next look is at the date of the largest day not reached yet, computed from
 * the current due date, so a moved due date moves it; when it is still not reached then (the due
 * date moved again), nothing is sent and the loop waits for it.
 */
record ReminderSchedule(Integer sendDays, Instant nextAt, Integer nextDays) {

    static ReminderSchedule of(List<Integer> days, Instant due, Instant now, Integer remindedDays) {
        Integer send = null;
        Integer next = null;
        for (int day : days) {
            if (remindedDays != null && day >= remindedDays) {
                continue;
            }
            if (reminderDate(due, day).isAfter(now)) {
                next = next == null ? day : Math.max(next, day);
            } else {
                send = send == null ? day : Math.min(send, day);
            }
        }
        return new ReminderSchedule(send, next == null ? null : reminderDate(due, next), next);
    }

    static Instant reminderDate(Instant due, int days) {
        return due.minus(Duration.ofDays(days));
    }

    boolean sends() {
        return sendDays != null;
    }

    boolean more() {
        return nextAt != null;
    }
}
