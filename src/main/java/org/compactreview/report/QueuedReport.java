package org.compactreview.report;

import java.time.Instant;

/** A submitted report waiting in the secretariat's validation queue. */
public record QueuedReport(long id, long cycleId, String participantCode, int submittedVersion, Instant submittedAt) {}
