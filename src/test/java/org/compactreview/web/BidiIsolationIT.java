package org.compactreview.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;
import org.compactreview.cycle.ReviewCycle;
import org.compactreview.report.Report;
import org.compactreview.report.ReportEntry;
import org.compactreview.report.ReportService;
import org.compactreview.support.FormClient;
import org.compactreview.support.IntegrationTest;
import org.compactreview.support.Users;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Mixed directions stay readable: a code inserted into a translated sentence is isolated by its
 * own direction (U+2068 ... U+2069, the plain-text {@code <bdi>}), a focal point's Arabic entry on
 * an English page sits in a {@code <bdi>}, and the fields people type into take the direction of
 * what is typed ({@code dir="auto"}).
 */
class BidiIsolationIT extends IntegrationTest {

    private static final String ARABIC_ENTRY = "اعتمدت استراتيجية وطنية للبيانات (NDS-2027)";

    @Autowired
    ReportService reports;

    @Test
    void codesInSentencesEntriesAndTypedFieldsAreIsolatedByTheirOwnDirection() {
        ReviewCycle cycle = openAnnualReview("bidi", "JOR");
        Report jordan = reports.list(Users.FP_JOR, cycle.id(), null).get(0);
        List<ReportEntry> entries = IntStream.rangeClosed(1, 23)
                .mapToObj(n -> new ReportEntry(n, 2, n == 1 ? ARABIC_ENTRY : "Done " + n, null, null, false))
                .toList();
        jordan = reports.saveDraft(jordan.id(), Users.FP_JOR, jordan.lockVersion(), entries);
        reports.submit(jordan.id(), Users.FP_JOR, null);

        FormClient secretariat = new FormClient(http.getRootUri());
        assertThat(secretariat.signIn("secretariat", "demo").statusCode()).isEqualTo(302);
        String board = secretariat.get("/cycles/" + cycle.id(), "ar").body();
        assertThat(board).contains("\u2068" + cycle.period() + "\u2069");
        assertThat(board).contains("\u2068secretariat\u2069");

        String validate =
                secretariat.get("/reports/" + jordan.id() + "/validate", "en").body();
        assertThat(validate).contains("<bdi>" + ARABIC_ENTRY + "</bdi>");
        assertThat(validate).containsPattern("<textarea dir=\"auto\" id=\"comment\"");
    }
}
