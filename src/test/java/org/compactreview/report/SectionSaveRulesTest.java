package org.compactreview.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.compactreview.platform.ConflictException;
import org.compactreview.report.ReportRepository.StoredEntry;
import org.junit.jupiter.api.Test;

/** When a save from an older version still goes through: per section, not per report. */
class SectionSaveRulesTest {

    /** Objective 1 last changed in version 1 by the focal point, objective 3 in version 2 by the contributor. */
    private static final Map<Integer, StoredEntry> STORED = Map.of(
            1, new StoredEntry(entry(1, "Focal point's"), 1, "fp-egy", Instant.EPOCH),
            3, new StoredEntry(entry(3, "Contributor's"), 2, "contrib-egy", Instant.EPOCH));

    @Test
    void onlyEntriesThatDifferFromWhatIsStoredAreChanges() {
        List<ReportEntry> sent = List.of(entry(1, "Focal point's"), entry(3, "New"), entry(5, null), entry(6, "x"));
        assertThat(ReportRules.changes(sent, STORED))
                .extracting(ReportEntry::objective)
                .containsExactly(3, 6);
    }

    @Test
    void aSaveFromAnOlderVersionOfAnotherSectionGoesThrough() {
        assertThatCode(() -> ReportRules.checkNotStale(2, "contrib-egy", 1, List.of(entry(1, "Again")), STORED))
                .doesNotThrowAnyException();
        assertThatCode(() -> ReportRules.checkNotStale(2, "contrib-egy", 1, List.of(entry(7, "New")), STORED))
                .doesNotThrowAnyException();
    }

    @Test
    void aSaveFromAnOlderVersionOfASectionChangedSinceIsStaleAndNamesWhoChangedIt() {
        assertThatThrownBy(() -> ReportRules.checkNotStale(2, "fp-egy", 1, List.of(entry(3, "Mine")), STORED))
                .isInstanceOf(ConflictException.class)
                .satisfies(e -> assertThat(((ConflictException) e).arguments()).containsExactly("contrib-egy", 2));
    }

    @Test
    void aVersionTheReportNeverHadIsStale() {
        assertThatThrownBy(() -> ReportRules.checkNotStale(2, "fp-egy", 9, List.of(entry(7, "New")), STORED))
                .isInstanceOf(ConflictException.class);
    }

    private static ReportEntry entry(int objective, String achievements) {
        return new ReportEntry(objective, null, achievements, null, null, false);
    }
}
