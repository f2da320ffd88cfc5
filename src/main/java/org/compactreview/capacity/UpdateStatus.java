package org.compactreview.capacity;

public enum UpdateStatus {
    ON_TRACK,
    DELAYED,
    BLOCKED
}
