package org.compactreview.cycle;

/**
 * OPEN while reports (or regional reviews) are worked on. An annual cycle is then consolidated,
 * its meeting prepared, and closed; a conference goes through compilation, stakeholder
 * consultation and negotiation before it closes with the adopted declaration.
 */
public enum CycleStatus {
    OPEN,
    CONSOLIDATED,
    MEETING_PREPARED,
    COMPILATION,
    CONSULTATION,
    NEGOTIATION,
    CLOSED
}
