package org.compactreview.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.compactreview.cycle.ReviewCycle;
import org.compactreview.platform.UiLanguages;
import org.compactreview.report.Report;
import org.compactreview.report.ReportService;
import org.compactreview.support.FormClient;
import org.compactreview.support.IntegrationTest;
import org.compactreview.support.Users;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The pages of issue 12 (workload, team list, audit list and histories, out of office, due dates,
 * My sections, comments and the continuous dialogue) answer in every UI language: 200, the page
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
        ReviewCycle cycle = openAnnualReview("languages", "EGY", "JOR");
        Report egypt = reports.list(Users.FP_EGY, cycle.id(), null).get(0);
        String task = jdbc.sql("select task_id from work_item where cycle_id = ? and participant_code = 'EGY'")
                .param(cycle.id())
                .query(String.class)
                .single();
        Map<String, List<String>> pagesByUser = Map.of(
                "manager",
                List.of(
                        "/workload",
                        "/workload?group=participants",
                        "/team",
                        "/team?assignee=fp-egy&sort=participant&dir=desc",
                        "/audit",
                        "/audit?objectType=report&objectId=" + egypt.id(),
                        "/history/task/" + task,
                        "/tasks/" + task + "/due-date",
                        "/users/fp-jor/absences",
                        "/account/absences"),
                "fp-egy",
                List.of(
                        "/reports/" + egypt.id(),
                        "/history/report/" + egypt.id(),
                        "/tasks/" + task + "/discussion",
                        "/account/absences",
                        "/dialogue",
                        "/dialogue/" + cycle.id(),
                        "/dialogue/" + cycle.id() + "/3",
                        "/reports?participant=EGY"),
                "admin",
                List.of("/audit", "/history/user/fp-egy", "/reports?participant=EGY"),
                // Issue 14: the secretariat's paged lists, the cycle opening and the report history.
                "secretariat",
                List.of(
                        "/validation",
                        "/validation?cycle=" + cycle.id() + "&region=AFRICA&q=egy",
                        "/cycles",
                        "/cycles?kind=ANNUAL_REVIEW&status=OPEN&q=languages",
                        "/cycles/new",
                        "/reports",
                        "/reports?participant=EGY",
                        "/capacity?q=egypt&stage=ASSESSMENT"),
                "contrib-egy",
                List.of("/my-sections"));
        List<String> failures = new ArrayList<>();
        pagesByUser.forEach((username, pages) -> {
            FormClient client = new FormClient(http.getRootUri());
            assertThat(client.signIn(username, "demo").statusCode()).isEqualTo(302);
            for (String page : pages) {
                for (String language : LANGUAGES) {
                    HttpResponse<String> answer = client.get(page, language);
                    String body = answer.body();
                    String what = username + " " + page + " [" + language + "]";
                    if (answer.statusCode() != 200) {
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
