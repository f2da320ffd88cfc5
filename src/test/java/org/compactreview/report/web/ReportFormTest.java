package org.compactreview.report.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.compactreview.report.Report;
import org.compactreview.report.ReportEntry;
import org.compactreview.report.ReportStatus;
import org.junit.jupiter.api.Test;

/** The report form sends only the entries its user changed, so an old page never writes old text back. */
class ReportFormTest {

    private static final ReportEntry THREE =
            new ReportEntry(3, 2, "Pathways opened\nin two sectors", null, null, false);

    @Test
    void anEntryShownAndSentBackUnchangedIsNotTouched() {
        ReportForm form = ReportForm.of(report(THREE));
        ReportForm.EntryForm entry = form.getEntries().get(2);
        assertThat(entry.getObjective()).isEqualTo(3);
        assertThat(entry.touched()).isFalse();
        // A browser sends a textarea's line ends as CR LF: still the text that was shown.
        entry.setAchievements("Pathways opened\r\nin two sectors");
        assertThat(entry.touched()).isFalse();
    }

    @Test
    void aChangedRatingOrTextIsTouched() {
        ReportForm.EntryForm rating = ReportForm.of(report(THREE)).getEntries().get(2);
        rating.setRating("3");
        assertThat(rating.touched()).isTrue();
        ReportForm.EntryForm text = ReportForm.of(report(THREE)).getEntries().get(2);
        text.setObstacles("Visa backlog");
        assertThat(text.touched()).isTrue();
    }

    @Test
    void aContributorsFormPlacesItsSectionsAtTheirIndexesAndLeavesTheGapsUntouched() {
        ReportForm form = ReportForm.of(report(THREE, new ReportEntry(5, null, null, null, null, false)));
        assertThat(form.getEntries()).hasSize(5);
        assertThat(form.getEntries().get(4).getObjective()).isEqualTo(5);
        assertThat(form.getEntries().get(0).getObjective()).isZero();
        assertThat(form.getEntries().get(0).touched())
                .as("a gap the page never shows")
                .isFalse();
    }

    @Test
    void anEntryPostedWithoutWhatItShowedIsTouched() {
        ReportForm.EntryForm posted = new ReportForm.EntryForm();
        posted.setObjective(1);
        posted.setAchievements("Typed by hand");
        assertThat(posted.touched()).isTrue();
    }

    private static Report report(ReportEntry... entries) {
        return new Report(
                1,
                1,
                "EGY",
                ReportStatus.DRAFT,
                0,
                0,
                null,
                java.time.Instant.EPOCH,
                "fp-egy",
                List.of(entries),
                false);
    }
}
