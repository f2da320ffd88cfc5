package org.compactreview.capacity;

import java.time.Instant;

/** The close-out evaluation: outcome rating 1 (poor) to 5 (excellent) and lessons learned. */
public record Evaluation(int outcomeRating, String lessons, String evaluatedBy, Instant evaluatedAt) {}
