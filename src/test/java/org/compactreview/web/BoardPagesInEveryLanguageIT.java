package org.compactreview.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Locale;
import org.compactreview.cycle.ReviewCycle;
import org.compactreview.platform.UiLanguages;
import org.compactreview.support.FormClient;
import org.compactreview.support.IntegrationTest;
import org.junit.jupiter.api.Test;

/**
 * The cycle board grid (issue 13) answers in every UI language for the roles that see it, unfiltered
 * and filtered to nothing: 200, the page in that language and direction, and no message missing.
 */
class BoardPagesInEveryLanguageIT extends IntegrationTest {

    private static final List<String> LANGUAGES = UiLanguages.tags();

    @Test
    void boardAnswersInEveryLanguage() {
        ReviewCycle cycle = openAnnualReview("board-languages", "EGY", "JOR", "CIV");
        List<String> pages =
                List.of("/cycles/" + cycle.id(), "/cycles/" + cycle.id() + "?q=nowhere&assignee=-&overdue=true");
        for (String username : List.of("secretariat", "manager", "admin")) {
            FormClient client = new FormClient(http.getRootUri());
            assertThat(client.signIn(username, "demo").statusCode()).isEqualTo(302);
            for (String language : LANGUAGES) {
                for (String page : pages) {
                    HttpResponse<String> answer = client.get(page, language);
                    String what = username + " " + page + " [" + language + "]";
                    assertThat(answer.statusCode()).as(what).isEqualTo(200);
                    String body = answer.body();
                    assertThat(body).as(what).contains("<html lang=\"" + language + "\"");
                    assertThat(body)
                            .as(what)
                            .contains("dir=\"" + UiLanguages.direction(Locale.forLanguageTag(language)) + "\"");
                    assertThat(body).as(what).doesNotContain("??");
                    assertThat(body).as(what).contains("id=\"board-count\"");
                }
            }
            client.get("/cycles/" + cycle.id(), "en");
        }
    }
}
