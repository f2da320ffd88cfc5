package org.compactreview.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Locale;
import org.compactreview.cycle.ReviewCycle;
import org.compactreview.platform.UiLanguages;
import org.compactreview.report.Report;
import org.compactreview.report.ReportService;
import org.compactreview.report.ValidationDecision;
import org.compactreview.support.Entries;
import org.compactreview.support.FormClient;
import org.compactreview.support.IntegrationTest;
import org.compactreview.support.Users;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The benchmarking pages (issue 13) answer in every UI language for the secretariat and the
 * managers: 200, the page in that language and direction, and no message missing.
 */
class BenchmarkingPagesInEveryLanguageIT extends IntegrationTest {

    private static final List<String> LANGUAGES = UiLanguages.tags();

    @Autowired
    ReportService reports;

    @Test
    void benchmarkingPagesAnswerInEveryLanguage() {
        ReviewCycle cycle = openAnnualReview("bench-languages", "EGY", "JOR");
        Report egypt = reports.list(Users.FP_EGY, cycle.id(), null).get(0);
        reports.saveDraft(egypt.id(), Users.FP_EGY, egypt.lockVersion(), Entries.complete(1, 3));
        reports.submit(egypt.id(), Users.FP_EGY, null);
        reports.validate(egypt.id(), Users.SECRETARIAT, ValidationDecision.ACCEPT, null);
        List<String> pages = List.of(
                "/benchmarking?cycle=" + cycle.id(),
                "/benchmarking/regions/AFRICA?cycle=" + cycle.id(),
                "/benchmarking/participants/EGY");
        for (String username : List.of("secretariat", "manager")) {
            FormClient client = new FormClient(http.getRootUri());
            assertThat(client.signIn(username, "demo").statusCode()).isEqualTo(302);
            for (String page : pages) {
                for (String language : LANGUAGES) {
                    HttpResponse<String> answer = client.get(page, language);
                    String what = username + " " + page + " [" + language + "]";
                    assertThat(answer.statusCode()).as(what).isEqualTo(200);
                    String body = answer.body();
                    assertThat(body).as(what).contains("<html lang=\"" + language + "\"");
                    assertThat(body)
                            .as(what)
                            .contains("dir=\"" + UiLanguages.direction(Locale.forLanguageTag(language)) + "\"");
                    assertThat(body).as(what).doesNotContain("??");
                    assertThat(body).as(what).contains("mb-4 bench-table");
                }
            }
        }
    }
}
