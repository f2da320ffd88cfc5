package org.compactreview.report;

/**
 * Where a report stands. {@code NOT_SUBMITTED}: the window closed before a first submission.
 * {@code CLOSED}: the window closed while a returned report was being revised; its submitted
 * versions are kept but it is not counted in the summary.
 */
public enum ReportStatus {
    DRAFT,
    SUBMITTED,
    RETURNED,
    ACCEPTED,
    NOT_SUBMITTED,
    CLOSED;

    public boolean editable() {
        return this == DRAFT || this == RETURNED;
    }
}
