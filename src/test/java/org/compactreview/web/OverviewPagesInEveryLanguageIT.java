package org.compactreview.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Locale;
import org.compactreview.platform.UiLanguages;
import org.compactreview.support.FormClient;
import org.compactreview.support.IntegrationTest;
import org.junit.jupiter.api.Test;

/**
 * The cycles overview (issue 13) answers in every UI language for the secretariat and the
 * managers: 200, the page in that language and direction, and no message missing.
 */
class OverviewPagesInEveryLanguageIT extends IntegrationTest {

    private static final List<String> LANGUAGES = UiLanguages.tags();

    @Test
    void cyclesOverviewAnswersInEveryLanguage() {
        openAnnualReview("overview-languages", "EGY", "JOR");
        for (String username : List.of("secretariat", "manager")) {
            FormClient client = new FormClient(http.getRootUri());
            assertThat(client.signIn(username, "demo").statusCode()).isEqualTo(302);
            for (String language : LANGUAGES) {
                HttpResponse<String> answer = client.get("/cycles/overview", language);
                String what = username + " [" + language + "]";
                assertThat(answer.statusCode()).as(what).isEqualTo(200);
                String body = answer.body();
                assertThat(body).as(what).contains("<html lang=\"" + language + "\"");
                assertThat(body)
                        .as(what)
                        .contains("dir=\"" + UiLanguages.direction(Locale.forLanguageTag(language)) + "\"");
                assertThat(body).as(what).doesNotContain("??");
                assertThat(body).as(what).contains("id=\"cycles-overview\"");
            }
        }
    }
}
