package org.compactreview.framework;

/** A member state or a regional body that reports in review cycles. */
public record Participant(String code, String name, ParticipantKind kind, String region) {}
