package org.compactreview.benchmarking;

import java.util.List;

/** A UN region's change since the previous cycle: in all and per objective. */
public record RegionChange(String region, int participants, ChangeCounts total, List<ObjectiveChange> objectives) {}
