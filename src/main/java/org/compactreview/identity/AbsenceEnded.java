package org.compactreview.identity;

/**
 * Published inside the transaction that ends a running absence (at its end or when cancelled):
 * the tasks moved to the substitute and still held by the substitute go back in that transaction.
 */
public record AbsenceEnded(long absenceId, String username, String substitute) {}
