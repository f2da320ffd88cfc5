package org.compactreview.benchmarking;

/**
 * An objective's place in the support ranking: {@code supportNeeded} accepted reports flagged it
 * as needing capacity-building support, {@code lowRatings} rated it "not started" or "initial",
 * of {@code rated} reports that rated it. Equal figures share a rank (1, 1, 3).
 */
public record SupportRank(int rank, int objective, String shortTitle, int supportNeeded, int lowRatings, int rated) {}
