package org.compactreview.report;

/**
 * A report reached a status it never leaves: accepted, not submitted or closed. Published in the
 * transaction that settles it, so that whoever counts a cycle's unsettled reports in that same
 * transaction (under a lock on the cycle) sees this one settled and the others as committed.
 */
public record ReportSettled(long reportId, long cycleId, String participantCode, ReportStatus status) {}
