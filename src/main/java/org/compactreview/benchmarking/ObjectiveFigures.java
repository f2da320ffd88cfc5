package org.compactreview.benchmarking;

/** One objective in a cycle: the distribution of its ratings and the change since the previous cycle. */
public record ObjectiveFigures(int objective, String shortTitle, Distribution distribution, ChangeCounts change) {}
