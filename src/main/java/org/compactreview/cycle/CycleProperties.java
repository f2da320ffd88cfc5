package org.compactreview.cycle;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Default deadlines of a cycle, relative to its submission due date: the reminder goes out
 * {@code reminderBeforeDue} before it; the window closes {@code gracePeriod} after it. A cycle
 * starts its participants' reviews {@code startBatchSize} at a time: the first batch while it
 * opens, each further batch as its own job.
 */
@ConfigurationProperties("compact-review.cycle")
record CycleProperties(
        @DefaultValue("P7D") Duration reminderBeforeDue,
        @DefaultValue("P14D") Duration gracePeriod,
        @DefaultValue("50") int startBatchSize) {}
