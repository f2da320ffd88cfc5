package org.compactreview.cycle;

public enum CycleKind {
    ANNUAL_REVIEW,
    HIGH_LEVEL_CONFERENCE
}
