package org.compactreview.benchmarking;

import java.util.List;

/** The records benchmarking answers with (pages and API alike). */
public final class Benchmarks {

    private Benchmarks() {}

    /** An annual cycle with accepted reports. */
    public record BenchmarkCycle(long id, String period) {}

    /**
     * A cycle's figures. {@code previous} is the previous annual cycle with accepted reports (null
     * for the first); {@code participants} the cycle's participants and those with an accepted
     * report in the previous cycle; {@code acceptedReports} how many of them count now.
     */
    public record CycleBenchmark(
            BenchmarkCycle cycle,
            BenchmarkCycle previous,
            int participants,
            int acceptedReports,
            List<ObjectiveFigures> objectives,
            List<RegionChange> regions,
            List<ParticipantChange> participantChanges,
            List<SupportRank> support) {}

    /** A region's figures in a cycle, over its participants. */
    public record RegionBenchmark(
            String region,
            BenchmarkCycle cycle,
            BenchmarkCycle previous,
            int acceptedReports,
            List<ObjectiveFigures> objectives,
            List<ParticipantChange> participants) {}

    /** A participant's ratings per objective (rows) and cycle (columns, oldest first). */
    public record ParticipantProfile(
            String code, String name, String region, List<BenchmarkCycle> cycles, List<ProfileRow> rows) {}

    /** One objective of a profile: a cell per cycle, in the order of the profile's cycles. */
    public record ProfileRow(int objective, String shortTitle, List<ProfileCell> cells) {}

    /**
     * A participant's accepted entry in one cycle; {@code reported} false (and all else empty)
     * without an accepted report there. {@code change} is against the previous column.
     */
    public record ProfileCell(
            boolean reported,
            Integer rating,
            boolean supportNeeded,
            Change change,
            String achievements,
            String obstacles,
            String priorities,
            Long reportId,
            Integer version) {

        static final ProfileCell NONE =
                new ProfileCell(false, null, false, Change.NOT_COMPARABLE, null, null, null, null, null);
    }
}
