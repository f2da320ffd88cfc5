package org.compactreview.support;

import java.util.List;
import java.util.stream.IntStream;
import org.compactreview.report.ReportEntry;

/** Report entries for tests. */
public final class Entries {

    private Entries() {}

    /** All 23 objectives rated {@code rating}; support needed on the objectives listed. */
    public static List<ReportEntry> complete(int rating, Integer... supportNeeded) {
        List<Integer> support = List.of(supportNeeded);
        return IntStream.rangeClosed(1, 23)
                .mapToObj(n -> new ReportEntry(
                        n, rating, "Achieved on " + n, "Obstacles on " + n, "Priorities on " + n, support.contains(n)))
                .toList();
    }
}
