package org.compactreview.capacity;

import java.time.Instant;

/** One progress update by the participant's focal points. */
public record ProgressUpdate(
        long id, UpdateStatus status, String done, String nextSteps, String reportedBy, Instant reportedAt) {}
