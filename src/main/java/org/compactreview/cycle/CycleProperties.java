package org.compactreview.cycle;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Default deadlines of a cycle, relative to its submission due date: the focal points are reminded
 * {@code reminderDays} whole days before it (issue 15: several reminders, a cycle may give its
 * own); the window closes {@code gracePeriod} after it. A cycle starts its participants' reviews
 * {@code startBatchSize} at a time: the first batch while it opens, each further batch as its own
 * job.
 */
@ConfigurationProperties("compact-review.cycle")
record CycleProperties(
        @DefaultValue({"14", "7", "1"}) List<Integer> reminderDays,
        @DefaultValue("P14D") Duration gracePeriod,
        @DefaultValue("50") int startBatchSize) {

    CycleProperties {
        if (!ReminderDays.valid(reminderDays)) {
            throw new IllegalArgumentException("compact-review.cycle.reminder-days: " + reminderDays);
        }
        reminderDays = ReminderDays.ordered(reminderDays);
    }
}
