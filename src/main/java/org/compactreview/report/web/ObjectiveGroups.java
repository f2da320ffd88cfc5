package org.compactreview.report.web;

import java.util.List;

/**
 * How the report form groups the 23 objectives: by the four round tables of the International
 * Migration Review Forum (A/RES/73/195 follow-up), which is how states discuss them.
 */
final class ObjectiveGroups {

    static final List<Group> ROUND_TABLES = List.of(
            new Group(1, List.of(2, 5, 6, 12, 18)),
            new Group(2, List.of(4, 8, 9, 10, 11, 13, 21)),
            new Group(3, List.of(14, 15, 16, 19, 20, 22)),
            new Group(4, List.of(1, 3, 7, 17, 23)));

    private ObjectiveGroups() {}

    /** One round table and its objective numbers; its title is the message {@code roundtable.N}. */
    record Group(int number, List<Integer> objectives) {}
}
