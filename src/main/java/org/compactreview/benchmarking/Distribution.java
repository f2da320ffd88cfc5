package org.compactreview.benchmarking;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import org.compactreview.report.RatingScale;

/**
 * How the ratings of one objective spread over the rating levels: {@code counts.get(i)} reports
 * gave level {@code i}, {@code percents.get(i)} is its share of the rated reports with one decimal
 * (rounded half up, so the shares may add up to 99.9 or 100.1), all null when nothing was rated.
 * {@code noRating} counts accepted reports that left the objective unrated.
 */
public record Distribution(List<Integer> counts, List<BigDecimal> percents, int rated, int noRating) {

    /** The distribution of the given ratings; a null rating is "no rating". */
    public static Distribution of(Collection<Integer> ratings) {
        int levels = RatingScale.levels().size();
        int[] counts = new int[levels];
        int rated = 0;
        int noRating = 0;
        for (Integer rating : ratings) {
            if (rating == null) {
                noRating++;
            } else {
                counts[rating - RatingScale.LOWEST]++;
                rated++;
            }
        }
        List<Integer> countList = new ArrayList<>();
        List<BigDecimal> percents = new ArrayList<>();
        for (int count : counts) {
            countList.add(count);
            percents.add(percent(count, rated));
        }
        return new Distribution(
                List.copyOf(countList), java.util.Collections.unmodifiableList(percents), rated, noRating);
    }

    /** {@code part} of {@code whole} in per cent with one decimal; null when the whole is zero. */
    static BigDecimal percent(int part, int whole) {
        if (whole == 0) {
            return null;
        }
        return BigDecimal.valueOf(part * 100L).divide(BigDecimal.valueOf(whole), 1, RoundingMode.HALF_UP);
    }
}
