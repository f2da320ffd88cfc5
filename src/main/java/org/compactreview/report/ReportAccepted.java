package org.compactreview.report;

import java.util.List;

/**
 * Published in the transaction that accepts a report. {@code supportNeeded} holds the entries
 * whose focal points asked for capacity-building support.
 */
public record ReportAccepted(long reportId, long cycleId, String participantCode, List<ReportEntry> supportNeeded) {}
