package org.compactreview.benchmarking;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import org.compactreview.benchmarking.BenchmarkMath.Ratings;
import org.compactreview.framework.Objective;
import org.compactreview.framework.Participant;
import org.compactreview.framework.ParticipantKind;
import org.compactreview.report.AcceptedRatings.AcceptedRating;
import org.junit.jupiter.api.Test;

/**
 * The arithmetic on a hand-computed fixture: three objectives; Angola and Benin (Africa), Chile
 * and Denmark (Europe, for the fixture's sake). Now: Angola 3, 1 (support), unrated; Benin 3
 * (support), 0 (support), 4; Chile 1, 2, 2; Denmark no accepted report. Before: Angola 2, 1, 2;
 * Benin 4, 0, unrated; Denmark 1, 1, 1; Chile no accepted report.
 */
class BenchmarkMathTest {

    private static final List<Objective> OBJECTIVES = List.of(objective(1), objective(2), objective(3));
    private static final Participant ANGOLA = member("AGO", "Angola", "AFRICA");
    private static final Participant BENIN = member("BEN", "Benin", "AFRICA");
    private static final Participant CHILE = member("CHL", "Chile", "EUROPE");
    private static final Participant DENMARK = member("DNK", "Denmark", "EUROPE");
    private static final List<Participant> GROUP = List.of(ANGOLA, BENIN, CHILE, DENMARK);

    private static final Ratings NOW = Ratings.of(concat(
            report(1, "AGO", new Integer[] {3, 1, null}, 2),
            report(1, "BEN", new Integer[] {3, 0, 4}, 1, 2),
            report(1, "CHL", new Integer[] {1, 2, 2})));
    private static final Ratings BEFORE = Ratings.of(concat(
            report(0, "AGO", new Integer[] {2, 1, 2}),
            report(0, "BEN", new Integer[] {4, 0, null}),
            report(0, "DNK", new Integer[] {1, 1, 1})));

    @Test
    void distributionCountsEachLevelAmongTheAcceptedReportsWithSharesOfTheRated() {
        List<ObjectiveFigures> figures = BenchmarkMath.objectives(OBJECTIVES, GROUP, NOW, BEFORE);

        Distribution first = figures.get(0).distribution();
        assertThat(first.counts()).containsExactly(0, 1, 0, 2, 0);
        assertThat(first.percents()).containsExactly(pct("0.0"), pct("33.3"), pct("0.0"), pct("66.7"), pct("0.0"));
        assertThat(first.rated()).isEqualTo(3);
        assertThat(first.noRating()).isZero();

        Distribution second = figures.get(1).distribution();
        assertThat(second.counts()).containsExactly(1, 1, 1, 0, 0);
        assertThat(second.percents()).containsExactly(pct("33.3"), pct("33.3"), pct("33.3"), pct("0.0"), pct("0.0"));

        Distribution third = figures.get(2).distribution();
        assertThat(third.counts()).containsExactly(0, 0, 1, 0, 1);
        assertThat(third.percents()).containsExactly(pct("0.0"), pct("0.0"), pct("50.0"), pct("0.0"), pct("50.0"));
        assertThat(third.rated()).isEqualTo(2);
        assertThat(third.noRating())
                .as("Angola left it unrated; Denmark has no report")
                .isEqualTo(1);
    }

    @Test
    void changePerObjectiveCountsMissingRatingsAsNotComparableNeverAsUnchanged() {
        List<ObjectiveFigures> figures = BenchmarkMath.objectives(OBJECTIVES, GROUP, NOW, BEFORE);

        assertThat(figures.get(0).change()).isEqualTo(new ChangeCounts(1, 0, 1, 2));
        assertThat(figures.get(1).change()).isEqualTo(new ChangeCounts(0, 2, 0, 2));
        assertThat(figures.get(2).change()).isEqualTo(new ChangeCounts(0, 0, 0, 4));
    }

    @Test
    void changePerParticipantOverAllObjectives() {
        List<ParticipantChange> changes = BenchmarkMath.participants(OBJECTIVES, GROUP, NOW, BEFORE);

        assertThat(changes)
                .extracting(ParticipantChange::change)
                .containsExactly(
                        new ChangeCounts(1, 1, 0, 1),
                        new ChangeCounts(0, 1, 1, 1),
                        new ChangeCounts(0, 0, 0, 3),
                        new ChangeCounts(0, 0, 0, 3));
        assertThat(changes.get(2).acceptedNow()).isTrue();
        assertThat(changes.get(2).acceptedBefore()).isFalse();
        assertThat(changes.get(3).acceptedNow()).isFalse();
        assertThat(changes.get(3).acceptedBefore()).isTrue();
    }

    @Test
    void changePerRegionAddsItsParticipantsPerObjectiveAndInAll() {
        List<RegionChange> regions = BenchmarkMath.regions(OBJECTIVES, GROUP, NOW, BEFORE);

        assertThat(regions).extracting(RegionChange::region).containsExactly("AFRICA", "EUROPE");
        RegionChange africa = regions.get(0);
        assertThat(africa.participants()).isEqualTo(2);
        assertThat(africa.total()).isEqualTo(new ChangeCounts(1, 2, 1, 2));
        assertThat(africa.objectives())
                .extracting(ObjectiveChange::change)
                .containsExactly(
                        new ChangeCounts(1, 0, 1, 0), new ChangeCounts(0, 2, 0, 0), new ChangeCounts(0, 0, 0, 2));
        assertThat(regions.get(1).total()).isEqualTo(new ChangeCounts(0, 0, 0, 6));
    }

    @Test
    void supportRankingByFlagsThenLowRatingsLeavingOutObjectivesWithNeither() {
        List<SupportRank> ranks = BenchmarkMath.support(OBJECTIVES, GROUP, NOW);

        assertThat(ranks)
                .containsExactly(
                        new SupportRank(1, 2, "Objective 2", 2, 2, 3), new SupportRank(2, 1, "Objective 1", 1, 1, 3));
    }

    @Test
    void equalFiguresShareARankAndTheNextRankSkips() {
        List<Objective> four = List.of(objective(1), objective(2), objective(3), objective(4));
        Ratings now = Ratings.of(concat(
                report(1, "AGO", new Integer[] {2, 2, 2, 1}, 1, 2, 3),
                report(1, "BEN", new Integer[] {3, 3, 3, 3}, 2)));

        List<SupportRank> ranks = BenchmarkMath.support(four, List.of(ANGOLA, BENIN), now);

        assertThat(ranks).extracting(SupportRank::objective).containsExactly(2, 1, 3, 4);
        assertThat(ranks).extracting(SupportRank::rank).containsExactly(1, 2, 2, 4);
        assertThat(ranks.get(3).lowRatings()).isEqualTo(1);
    }

    @Test
    void emptyCyclesGiveZeroCountsAndNoPercentagesWithoutDividingByZero() {
        List<ObjectiveFigures> figures = BenchmarkMath.objectives(OBJECTIVES, List.of(), Ratings.NONE, Ratings.NONE);

        assertThat(figures).hasSize(3);
        Distribution empty = figures.get(0).distribution();
        assertThat(empty.counts()).containsExactly(0, 0, 0, 0, 0);
        assertThat(empty.percents()).containsOnlyNulls().hasSize(5);
        assertThat(empty.rated()).isZero();
        assertThat(figures.get(0).change()).isEqualTo(ChangeCounts.NONE);
        assertThat(BenchmarkMath.regions(OBJECTIVES, List.of(), Ratings.NONE, Ratings.NONE))
                .isEmpty();
        assertThat(BenchmarkMath.support(OBJECTIVES, List.of(), Ratings.NONE)).isEmpty();
        // Participants without a report in either cycle: everything not comparable.
        assertThat(BenchmarkMath.participants(OBJECTIVES, List.of(ANGOLA), Ratings.NONE, Ratings.NONE))
                .extracting(ParticipantChange::change)
                .containsExactly(new ChangeCounts(0, 0, 0, 3));
    }

    @Test
    void changeFollowsTheRatingScaleOrder() {
        assertThat(Change.between(0, 4)).isEqualTo(Change.IMPROVED);
        assertThat(Change.between(3, 2)).isEqualTo(Change.REGRESSED);
        assertThat(Change.between(2, 2)).isEqualTo(Change.UNCHANGED);
        assertThat(Change.between(null, 2)).isEqualTo(Change.NOT_COMPARABLE);
        assertThat(Change.between(2, null)).isEqualTo(Change.NOT_COMPARABLE);
        assertThat(Change.between(null, null)).isEqualTo(Change.NOT_COMPARABLE);
    }

    @Test
    void percentagesRoundHalfUpToOneDecimal() {
        assertThat(Distribution.percent(1, 8)).isEqualTo(pct("12.5"));
        assertThat(Distribution.percent(1, 16)).isEqualTo(pct("6.3"));
        assertThat(Distribution.percent(2, 3)).isEqualTo(pct("66.7"));
        assertThat(Distribution.percent(0, 0)).isNull();
        assertThat(Distribution.of(Arrays.asList(null, null)).percents()).containsOnlyNulls();
        assertThat(Distribution.of(Arrays.asList(null, null)).noRating()).isEqualTo(2);
    }

    private static Objective objective(int number) {
        return new Objective(number, "Objective " + number, "Objective " + number, List.of());
    }

    private static Participant member(String code, String name, String region) {
        return new Participant(code, name, ParticipantKind.MEMBER_STATE, region);
    }

    private static List<AcceptedRating> report(long cycle, String code, Integer[] ratings, Integer... support) {
        List<Integer> flagged = List.of(support);
        List<AcceptedRating> entries = new ArrayList<>();
        for (int i = 0; i < ratings.length; i++) {
            entries.add(new AcceptedRating(cycle, code, i + 1, ratings[i], flagged.contains(i + 1)));
        }
        return entries;
    }

    @SafeVarargs
    private static List<AcceptedRating> concat(List<AcceptedRating>... reports) {
        return Arrays.stream(reports).flatMap(List::stream).toList();
    }

    private static BigDecimal pct(String value) {
        return new BigDecimal(value);
    }
}
