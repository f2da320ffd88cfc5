package org.compactreview.report;

import java.util.List;

/**
 * Published at the acceptance save point of a report's branch ({@code Task_RaiseSupportRequests}),
 * in that job's transaction, after the acceptance itself is committed. {@code supportNeeded} holds
 * the entries whose focal points asked for capacity-building support.
 */
public record ReportAccepted(long reportId, long cycleId, String participantCode, List<ReportEntry> supportNeeded) {}
