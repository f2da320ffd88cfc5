package org.compactreview.benchmarking;

import org.compactreview.report.RatingScale;

/**
 * How a participant's rating of an objective moved from the previous cycle to this one, in the
 * order of {@link RatingScale}. Without a rating in either cycle (no accepted report, or the
 * objective left unrated) the two are not comparable: never counted as unchanged.
 */
public enum Change {
    IMPROVED,
    UNCHANGED,
    REGRESSED,
    NOT_COMPARABLE;

    public static Change between(Integer previous, Integer current) {
        if (previous == null || current == null) {
            return NOT_COMPARABLE;
        }
        int order = RatingScale.compare(current, previous);
        return order > 0 ? IMPROVED : order < 0 ? REGRESSED : UNCHANGED;
    }
}
