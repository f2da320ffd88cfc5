package org.compactreview.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.compactreview.platform.UiLanguages;
import org.compactreview.report.ReportService;
import org.compactreview.support.AppPages;
import org.compactreview.support.FormClient;
import org.compactreview.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Every page of the app ({@link AppPages}, the list the screen sweep visits too) answers in every
 * UI language: 200 (the error page of an unknown cycle 404), the page
 * in that language and direction, and no message missing (Thymeleaf shows a missing one as
 * {@code ??key_language??}). The languages come from the browser's Accept-Language, so nothing is
 * remembered for the demo users.
 */
class PagesInEveryLanguageIT extends IntegrationTest {

    private static final List<String> LANGUAGES = UiLanguages.tags();

    @Autowired
    ReportService reports;

    @Test
    void everyPageOfTheManagersAndOfTheirColleaguesAnswersInEveryLanguage() {
        // Every page of the app, each as the user who sees it: the same list the screen sweep visits.
        Map<String, List<String>> pagesByUser = AppPages.prepare(this, reports);
        List<String> failures = new ArrayList<>();
        pagesByUser.forEach((username, pages) -> {
            FormClient client = new FormClient(http.getRootUri());
            if (!username.equals(AppPages.SIGNED_OUT)) {
                assertThat(client.signIn(username, "demo").statusCode()).isEqualTo(302);
            }
            for (String page : pages) {
                for (String language : LANGUAGES) {
                    HttpResponse<String> answer = client.get(page, language);
                    String body = answer.body();
                    String what = username + " " + page + " [" + language + "]";
                    if (answer.statusCode() != (page.endsWith("/999999") ? 404 : 200)) {
                        failures.add(what + ": " + answer.statusCode());
                    } else if (!body.contains("<html lang=\"" + language + "\"")) {
                        failures.add(what + ": not in its language");
                    } else if (!body.contains(
                            "dir=\"" + UiLanguages.direction(Locale.forLanguageTag(language)) + "\"")) {
                        failures.add(what + ": wrong direction");
                    } else if (body.contains("??")) {
                        int at = body.indexOf("??");
                        failures.add(what + ": a message is missing: "
                                + body.substring(at, Math.min(body.length(), at + 80)));
                    }
                }
            }
        });
        assertThat(failures).isEmpty();
    }
}
