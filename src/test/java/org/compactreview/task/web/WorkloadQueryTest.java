package org.compactreview.task.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Set;
import org.compactreview.task.TaskSort;
import org.compactreview.task.WorkloadRow;
import org.junit.jupiter.api.Test;

/** The workload pages' URLs keep every filter; sorting and paging change only what they must. */
class WorkloadQueryTest {

    private final WorkloadQuery query =
            new WorkloadQuery(7L, null, " ", "EGY", "AFRICA", "fp-egy", true, "due", "desc", 2, "participants");

    @Test
    void everyLinkKeepsTheFilters() {
        assertThat(query.path("/team"))
                .isEqualTo("/team?cycleId=7&participant=EGY&region=AFRICA&assignee=fp-egy&overdue=true&sort=due"
                        + "&dir=desc&page=2");
        assertThat(query.page("/team", 3)).endsWith("&sort=due&dir=desc&page=3");
        assertThat(query.fresh("/team"))
                .isEqualTo("/team?cycleId=7&participant=EGY&region=AFRICA&assignee=fp-egy&overdue=true");
        assertThat(query.fresh("/team", "participant", "JOR"))
                .contains("participant=JOR")
                .doesNotContain("EGY");
        assertThat(query.path("/workload")).contains("group=participants");
        assertThat(query.grouped("people")).doesNotContain("group=").doesNotContain("page=");
    }

    @Test
    void aHeadingSortsByItsColumnAndTurnsTheOrderRound() {
        assertThat(query.sortPath("/team", "due")).endsWith("&sort=due&dir=asc");
        assertThat(query.sortPath("/team", "participant")).endsWith("&sort=participant&dir=asc");
        assertThat(query.ariaSort("due")).isEqualTo("descending");
        assertThat(query.ariaSort("task")).isEqualTo("none");
        assertThat(query.taskSort()).isEqualTo(TaskSort.DUE);
        assertThat(query.descending(false)).isTrue();
    }

    @Test
    void blankFiltersAndUnknownSortsFallBackToTheDefaults() {
        WorkloadQuery plain = new WorkloadQuery(null, "", "", "", "", "", null, "nonsense", "sideways", 0, "x");
        assertThat(plain.path("/team")).isEqualTo("/team?sort=nonsense&dir=asc");
        assertThat(plain.taskSort()).isEqualTo(TaskSort.DUE);
        assertThat(plain.rowSort()).isEqualTo(WorkloadRow.Sort.OPEN);
        assertThat(plain.group()).isEqualTo(WorkloadQuery.PEOPLE);
        assertThat(plain.filter().cycleIds()).isEmpty();
        assertThat(query.filter().participants()).isEqualTo(Set.of("EGY"));
        assertThat(query.filter().overdue()).isTrue();
    }
}
