package org.compactreview.framework;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How objectives are grouped for review: by default the four round tables of the International
 * Migration Review Forum (RT1 2, 5, 6, 12, 18; RT2 4, 8, 9, 10, 11, 13, 21; RT3 14, 15, 16, 19,
 * 20, 22; RT4 1, 3, 7, 17, 23). A deployment can set its own under
 * {@code compact-review.round-tables}. Group titles are the messages {@code roundtable.N}.
 */
@ConfigurationProperties("compact-review")
public record RoundTables(List<Group> roundTables) {

    private static final List<Group> FORUM = List.of(
            new Group(1, List.of(2, 5, 6, 12, 18)),
            new Group(2, List.of(4, 8, 9, 10, 11, 13, 21)),
            new Group(3, List.of(14, 15, 16, 19, 20, 22)),
            new Group(4, List.of(1, 3, 7, 17, 23)));

    public RoundTables {
        roundTables = roundTables == null || roundTables.isEmpty() ? FORUM : List.copyOf(roundTables);
    }

    /** One group and its objective numbers. */
    public record Group(int number, List<Integer> objectives) {}
}
