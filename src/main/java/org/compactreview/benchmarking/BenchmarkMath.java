package org.compactreview.benchmarking;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.compactreview.framework.Objective;
import org.compactreview.framework.Participant;
import org.compactreview.report.AcceptedRatings.AcceptedRating;
import org.compactreview.report.RatingScale;

/**
 * The arithmetic of benchmarking, plain code over what the queries read: distributions, change
 * classification, the aggregation per region and the support ranking. A participant is in a
 * cycle's {@link Ratings} only with an accepted report there.
 */
final class BenchmarkMath {

    /** Ratings "not started" and "initial" count as low in the support ranking. */
    static final int LOW_RATING = RatingScale.LOWEST + 1;

    private BenchmarkMath() {}

    /** One cycle's accepted entries by participant and objective. */
    record Ratings(Map<String, Map<Integer, AcceptedRating>> byParticipant) {

        static final Ratings NONE = new Ratings(Map.of());

        static Ratings of(List<AcceptedRating> entries) {
            Map<String, Map<Integer, AcceptedRating>> index = new HashMap<>();
            for (AcceptedRating entry : entries) {
                index.computeIfAbsent(entry.participantCode(), code -> new HashMap<>())
                        .put(entry.objective(), entry);
            }
            return new Ratings(index);
        }

        boolean reported(String participant) {
            return byParticipant.containsKey(participant);
        }

        /** The rating, or null without an accepted report or without a rating. */
        Integer rating(String participant, int objective) {
            AcceptedRating entry =
                    byParticipant.getOrDefault(participant, Map.of()).get(objective);
            return entry == null ? null : entry.rating();
        }

        boolean supportNeeded(String participant, int objective) {
            AcceptedRating entry =
                    byParticipant.getOrDefault(participant, Map.of()).get(objective);
            return entry != null && entry.supportNeeded();
        }
    }

    /** Per objective: the distribution among the group's accepted reports and the change since before. */
    static List<ObjectiveFigures> objectives(
            List<Objective> objectives, List<Participant> group, Ratings current, Ratings previous) {
        List<ObjectiveFigures> figures = new ArrayList<>();
        for (Objective objective : objectives) {
            List<Integer> ratings = new ArrayList<>();
            List<Change> changes = new ArrayList<>();
            for (Participant participant : group) {
                if (current.reported(participant.code())) {
                    ratings.add(current.rating(participant.code(), objective.number()));
                }
                changes.add(change(participant.code(), objective.number(), current, previous));
            }
            figures.add(new ObjectiveFigures(
                    objective.number(), objective.shortTitle(), Distribution.of(ratings), ChangeCounts.of(changes)));
        }
        return figures;
    }

    static Change change(String participant, int objective, Ratings current, Ratings previous) {
        return Change.between(previous.rating(participant, objective), current.rating(participant, objective));
    }

    /** Per participant of the group: its changes over all objectives. */
    static List<ParticipantChange> participants(
            List<Objective> objectives, List<Participant> group, Ratings current, Ratings previous) {
        return group.stream()
                .map(participant -> new ParticipantChange(
                        participant.code(),
                        participant.name(),
                        participant.region(),
                        current.reported(participant.code()),
                        previous.reported(participant.code()),
                        ChangeCounts.of(objectives.stream()
                                .map(o -> change(participant.code(), o.number(), current, previous))
                                .toList())))
                .toList();
    }

    /** Per region (sorted; participants without a region left out): changes per objective and in all. */
    static List<RegionChange> regions(
            List<Objective> objectives, List<Participant> group, Ratings current, Ratings previous) {
        Map<String, List<Participant>> byRegion = new TreeMap<>();
        group.stream().filter(p -> p.region() != null).forEach(p -> byRegion.computeIfAbsent(
                        p.region(), r -> new ArrayList<>())
                .add(p));
        List<RegionChange> regions = new ArrayList<>();
        byRegion.forEach((region, members) -> {
            List<ObjectiveChange> perObjective = new ArrayList<>();
            List<Change> all = new ArrayList<>();
            for (Objective objective : objectives) {
                List<Change> changes = members.stream()
                        .map(p -> change(p.code(), objective.number(), current, previous))
                        .toList();
                all.addAll(changes);
                perObjective.add(new ObjectiveChange(objective.number(), ChangeCounts.of(changes)));
            }
            regions.add(new RegionChange(region, members.size(), ChangeCounts.of(all), perObjective));
        });
        return regions;
    }

    /**
     * The objectives that need most support, ranked: first by how many accepted reports flagged
     * support needed, then by how many rated it low ({@link #LOW_RATING} or less), then by
     * objective number. Objectives with neither are left out. Equal flags and low ratings share a
     * rank.
     */
    static List<SupportRank> support(List<Objective> objectives, List<Participant> group, Ratings current) {
        record Tally(Objective objective, int support, int low, int rated) {}
        List<Tally> tallies = new ArrayList<>();
        for (Objective objective : objectives) {
            int support = 0;
            int low = 0;
            int rated = 0;
            for (Participant participant : group) {
                if (current.supportNeeded(participant.code(), objective.number())) {
                    support++;
                }
                Integer rating = current.rating(participant.code(), objective.number());
                if (rating != null) {
                    rated++;
                    if (rating <= LOW_RATING) {
                        low++;
                    }
                }
            }
            if (support > 0 || low > 0) {
                tallies.add(new Tally(objective, support, low, rated));
            }
        }
        tallies.sort(Comparator.comparingInt(Tally::support)
                .thenComparingInt(Tally::low)
                .reversed()
                .thenComparingInt(t -> t.objective().number()));
        List<SupportRank> ranks = new ArrayList<>();
        for (int i = 0; i < tallies.size(); i++) {
            Tally tally = tallies.get(i);
            int rank = i + 1;
            if (i > 0) {
                Tally before = tallies.get(i - 1);
                if (before.support() == tally.support() && before.low() == tally.low()) {
                    rank = ranks.get(i - 1).rank();
                }
            }
            ranks.add(new SupportRank(
                    rank,
                    tally.objective().number(),
                    tally.objective().shortTitle(),
                    tally.support(),
                    tally.low(),
                    tally.rated()));
        }
        return ranks;
    }
}
