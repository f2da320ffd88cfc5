package org.compactreview.benchmarking;

/**
 * A participant's change over all objectives since the previous cycle; {@code acceptedNow} and
 * {@code acceptedBefore} say whether it has an accepted report in this and in the previous cycle.
 */
public record ParticipantChange(
        String code, String name, String region, boolean acceptedNow, boolean acceptedBefore, ChangeCounts change) {}
