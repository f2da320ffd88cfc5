package org.compactreview.task;

import java.time.Instant;

/**
 * The open work of one person (key: the username; null for tasks nobody holds yet) or one
 * participant (key: its code): how many tasks, how many overdue, and how old the oldest is.
 */
public record WorkloadRow(String key, String name, long open, long overdue, Instant oldest, long oldestAgeDays) {

    /** How the rows are ordered; ties by name. */
    public enum Sort {
        OPEN,
        OVERDUE,
        OLDEST,
        NAME
    }
}
