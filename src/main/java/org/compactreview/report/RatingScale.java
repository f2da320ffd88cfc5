package org.compactreview.report;

import java.util.List;
import java.util.stream.IntStream;

/**
 * The progress rating scale and its order, for readers outside the module (benchmarking): 0 not
 * started, 1 initial, 2 in progress, 3 advanced, 4 achieved. A higher number is more progress; the
 * bounds are the ones {@link ReportRules} validates, so there is one definition of the scale.
 */
public final class RatingScale {

    public static final int LOWEST = ReportRules.MIN_RATING;
    public static final int HIGHEST = ReportRules.MAX_RATING;

    private RatingScale() {}

    /** Every level, lowest first. */
    public static List<Integer> levels() {
        return IntStream.rangeClosed(LOWEST, HIGHEST).boxed().toList();
    }

    /** Negative when {@code a} is less progress than {@code b}, zero when equal, positive when more. */
    public static int compare(int a, int b) {
        return Integer.compare(a, b);
    }
}
