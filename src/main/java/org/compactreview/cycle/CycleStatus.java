package org.compactreview.cycle;

/**
 * OPEN while reports (or regional reviews) are worked on. An annual cycle is then consolidated,
 * its meeting prepared, and closed: OPEN, CONSOLIDATED, MEETING_PREPARED, CLOSED. A conference
 * moves with its process: COMPILATION once every regional review has ended, CONSULTATION once the
 * progress report is compiled, NEGOTIATION once the consultation is closed, ADOPTION once a draft
 * is agreed, and CLOSED with the adopted declaration.
 */
public enum CycleStatus {
    OPEN,
    CONSOLIDATED,
    MEETING_PREPARED,
    COMPILATION,
    CONSULTATION,
    NEGOTIATION,
    ADOPTION,
    CLOSED
}
