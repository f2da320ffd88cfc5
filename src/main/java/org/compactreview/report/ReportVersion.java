package org.compactreview.report;

import java.time.Instant;
import java.util.List;

/** A submitted version, as submitted, with the decision taken on it (if any yet). */
public record ReportVersion(
        int version,
        Instant submittedAt,
        String submittedBy,
        String decision,
        String comment,
        String decidedBy,
        Instant decidedAt,
        List<ReportEntry> entries) {}
