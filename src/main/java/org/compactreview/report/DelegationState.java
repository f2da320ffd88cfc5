package org.compactreview.report;

/**
 * Where a section delegation stands. Only an {@code OPEN} one lets its contributor see and write
 * its sections; {@code RETURNED} (handed back by the contributor) and {@code REVOKED} (taken back
 * by a focal point) are final.
 */
public enum DelegationState {
    OPEN,
    RETURNED,
    REVOKED
}
