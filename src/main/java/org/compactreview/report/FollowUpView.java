package org.compactreview.report;

/** One follow-up item as the report form shows it. */
public record FollowUpView(int objective, String conferencePeriod, String text) {}
