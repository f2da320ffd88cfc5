package org.compactreview.report;

/** The secretariat's decision on a submitted report. */
public enum ValidationDecision {
    ACCEPT,
    RETURN
}
