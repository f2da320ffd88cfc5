package org.compactreview.cycle;

/** OPEN while reports are worked on; then consolidated, meeting prepared, and closed. */
public enum CycleStatus {
    OPEN,
    CONSOLIDATED,
    MEETING_PREPARED,
    CLOSED
}
