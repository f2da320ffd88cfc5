package org.compactreview.report;

/** One capacity-building request as the report form links to it; {@code stage} is its stage's name. */
public record SupportRequestView(long id, int objective, String stage) {}
