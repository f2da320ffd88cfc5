package org.compactreview.identity;

/**
 * Published inside the transaction that starts an absence: the absent person's tasks go to the
 * substitute in that same transaction, or the absence does not start.
 */
public record AbsenceStarted(long absenceId, String username, String substitute) {}
