package org.compactreview.benchmarking;

/** The change counts of one objective (within a region). */
public record ObjectiveChange(int objective, ChangeCounts change) {}
