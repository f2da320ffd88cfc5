package org.compactreview.cycle;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.compactreview.platform.UiLanguages;
import org.compactreview.process.ParticipantReviewModel;
import org.compactreview.report.Report;
import org.compactreview.report.ReportService;
import org.compactreview.support.Entries;
import org.compactreview.support.FormClient;
import org.compactreview.support.IntegrationTest;
import org.compactreview.support.Users;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The live process view of a cycle, through the real pages: three participants, one submits; the
 * participant-review diagram (of the version the reviews run on) shows 1 at validation and 2 at
 * submission, in the SVG and in the table, and each count links to exactly those participants.
 * The pages answer in every UI language.
 */
class CycleProcessViewIT extends IntegrationTest {

    @Autowired
    ReportService reports;

    @Test
    void showsHowManyParticipantsStandAtEachStepAndLinksToThem() {
        ReviewCycle cycle = openAnnualReview("process-view", "EGY", "JOR", "MAR");
        runCycleJobs(cycle.id());
        Report egypt = reports.list(Users.FP_EGY, cycle.id(), null).get(0);
        reports.saveDraft(egypt.id(), Users.FP_EGY, egypt.lockVersion(), Entries.complete(3));
        reports.submit(egypt.id(), Users.FP_EGY, null);

        FormClient secretariat = new FormClient(http.getRootUri());
        assertThat(secretariat.signIn("secretariat", "demo").statusCode()).isEqualTo(302);
        String board = secretariat.get("/cycles/" + cycle.id()).body();
        assertThat(board).contains("href=\"/cycles/" + cycle.id() + "/process\"");

        HttpResponse<String> page = secretariat.get("/cycles/" + cycle.id() + "/process", "en");
        assertThat(page.statusCode()).isEqualTo(200);
        String html = page.body();
        assertThat(html).contains("<svg").contains("class=\"bpmn-diagram\"");
        assertThat(count(html, ParticipantReviewModel.TASK_VALIDATE_REPORT)).isEqualTo("1");
        assertThat(count(html, ParticipantReviewModel.TASK_SUBMIT_REPORT)).isEqualTo("2");
        assertThat(count(html, ParticipantReviewModel.TASK_FOLLOW_UP_OVERDUE_REPORT))
                .isEqualTo("0");
        // In the diagram: the count in the shape and the shape a link.
        assertThat(html)
                .containsPattern("<a href=\"[^\"]*/cycles/" + cycle.id() + "/process/Task_ValidateReport\"><g class=\""
                        + "bpmn-user-task bpmn-occupied\" data-element=\"Task_ValidateReport\">.*?>1</text>")
                .containsPattern("data-element=\"Task_SubmitReport\">.*?>2</text>")
                .doesNotContain("/process/Task_FollowUpOverdueReport\"");
        // The cycle's own model is drawn too, after the participants' review.
        assertThat(html).contains("id=\"process-annualReview\"").contains("id=\"process-participantReview\"");

        String validation = secretariat
                .get("/cycles/" + cycle.id() + "/process/" + ParticipantReviewModel.TASK_VALIDATE_REPORT)
                .body();
        assertThat(participants(validation)).containsExactly("EGY");
        String submission = secretariat
                .get("/cycles/" + cycle.id() + "/process/" + ParticipantReviewModel.TASK_SUBMIT_REPORT)
                .body();
        assertThat(participants(submission)).containsExactly("JOR", "MAR");

        assertThat(secretariat.get("/cycles/999999999/process").statusCode()).isEqualTo(404);
        assertThat(secretariat
                        .get("/cycles/" + cycle.id() + "/process/not-a-key!")
                        .statusCode())
                .isEqualTo(404);

        FormClient manager = new FormClient(http.getRootUri());
        manager.signIn("manager", "demo");
        assertThat(count(manager.get("/cycles/" + cycle.id() + "/process").body(), "Task_SubmitReport"))
                .isEqualTo("2");
        FormClient focalPoint = new FormClient(http.getRootUri());
        focalPoint.signIn("fp-egy", "demo");
        assertThat(focalPoint.get("/cycles/" + cycle.id() + "/process").statusCode())
                .isEqualTo(403);
    }

    @Test
    void everyPageOfTheProcessViewAnswersInEveryLanguage() {
        ReviewCycle cycle = openAnnualReview("process-languages", "EGY");
        runCycleJobs(cycle.id());
        FormClient client = new FormClient(http.getRootUri());
        client.signIn("secretariat", "demo");
        for (String path : List.of(
                "/cycles/" + cycle.id() + "/process",
                "/cycles/" + cycle.id() + "/process/Task_SubmitReport",
                "/cycles/" + cycle.id() + "/process/Task_ValidateReport")) {
            for (String language : UiLanguages.tags()) {
                HttpResponse<String> answer = client.get(path, language);
                String what = path + " [" + language + "]";
                assertThat(answer.statusCode()).as(what).isEqualTo(200);
                assertThat(answer.body())
                        .as(what)
                        .contains("<html lang=\"" + language + "\"")
                        .contains("dir=\"" + UiLanguages.direction(Locale.forLanguageTag(language)) + "\"")
                        .doesNotContain("??");
            }
        }
        assertThat(client.get("/cycles/" + cycle.id() + "/process", "ar").body())
                .contains("تقديم التقرير المرحلي", "الإصدار");
    }

    /**
     * A cycle opened before a new version of the participant review was deployed keeps the diagram
     * of its own version; a cycle opened after gets the new one. The extra version is deleted after
     * the test (with its instances), so later cycles of other tests run on the app's own.
     */
    @Test
    void aCycleOnAnOlderVersionShowsItsOwnVersionsDiagram() throws Exception {
        ReviewCycle older = openAnnualReview("process-older", "EGY");
        runCycleJobs(older.id());
        int olderVersion = reviewVersion(older.id());
        String deployment;
        try (var bpmn = getClass().getClassLoader().getResourceAsStream(ParticipantReviewModel.RESOURCE)) {
            deployment = engine.getRepositoryService()
                    .createDeployment()
                    .name("process-view-test-version")
                    .addInputStream("participant-review.bpmn", bpmn)
                    .deploy()
                    .getId();
        }
        try {
            ReviewCycle newer = openAnnualReview("process-newer", "JOR");
            runCycleJobs(newer.id());
            assertThat(reviewVersion(newer.id())).isEqualTo(olderVersion + 1);
            FormClient client = new FormClient(http.getRootUri());
            client.signIn("secretariat", "demo");
            assertThat(client.get("/cycles/" + older.id() + "/process", "en").body())
                    .contains("Participant review (version " + olderVersion + ")");
            assertThat(client.get("/cycles/" + newer.id() + "/process", "en").body())
                    .contains("Participant review (version " + (olderVersion + 1) + ")");
        } finally {
            engine.getRepositoryService().deleteDeployment(deployment, true);
        }
    }

    private int reviewVersion(long cycleId) {
        String definition = engine.getHistoryService()
                .createHistoricProcessInstanceQuery()
                .processInstanceId(participantReview(cycleId, onlyParticipant(cycleId)))
                .singleResult()
                .getProcessDefinitionId();
        return engine.getRepositoryService().getProcessDefinition(definition).getVersion();
    }

    private String onlyParticipant(long cycleId) {
        return jdbc.sql("select participant_code from report where cycle_id = ?")
                .param(cycleId)
                .query(String.class)
                .single();
    }

    /** The count in the steps table's row of a task key. */
    private static String count(String html, String taskKey) {
        Matcher row = Pattern.compile(
                        "data-task-key=\"" + taskKey + "\">.*?class=\"text-end step-count\">([^<]*)<", Pattern.DOTALL)
                .matcher(html);
        assertThat(row.find()).as("a row for " + taskKey).isTrue();
        return row.group(1).trim();
    }

    private static List<String> participants(String html) {
        return Pattern.compile("data-participant=\"([A-Z]+)\"")
                .matcher(html)
                .results()
                .map(m -> m.group(1))
                .toList();
    }
}
