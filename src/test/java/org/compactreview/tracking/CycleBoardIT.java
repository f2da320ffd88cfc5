package org.compactreview.tracking;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.compactreview.cycle.CycleKind;
import org.compactreview.cycle.CycleService;
import org.compactreview.cycle.OpenCycleRequest;
import org.compactreview.cycle.ReviewCycle;
import org.compactreview.framework.FrameworkCatalog;
import org.compactreview.framework.ParticipantKind;
import org.compactreview.identity.CurrentUser;
import org.compactreview.platform.InvalidInputException;
import org.compactreview.platform.PageRequest;
import org.compactreview.process.ParticipantReviewModel;
import org.compactreview.report.Report;
import org.compactreview.report.ReportService;
import org.compactreview.report.ValidationDecision;
import org.compactreview.support.Entries;
import org.compactreview.support.FormClient;
import org.compactreview.support.IntegrationTest;
import org.compactreview.support.Users;
import org.compactreview.task.TaskGateway;
import org.compactreview.task.WorkItem;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.ResponseEntity;

/**
 * The board grid over a cycle opened for all 193 member states: Egypt submitted (its validation
 * claimed by the secretariat), Jordan returned, Morocco accepted, everyone else drafting; read five
 * days after the due date, so that every draft and Jordan are overdue and Egypt and Morocco not.
 */
class CycleBoardIT extends IntegrationTest {

    private static final Instant DUE = START.plus(30, ChronoUnit.DAYS);

    @Autowired
    CycleService cycles;

    @Autowired
    ReportService reports;

    @Autowired
    TaskGateway tasks;

    @Autowired
    CycleBoard board;

    @Autowired
    FrameworkCatalog framework;

    @Autowired
    ObjectMapper json;

    private ReviewCycle cycle;

    @AfterEach
    void endTheReviews() {
        // 193 open tasks would crowd the first pages of the shared database's team lists.
        if (cycle != null) {
            var runtime = engine.getRuntimeService();
            participantReviews(cycle.id()).forEach(review -> runtime.deleteProcessInstance(review, "test done"));
            runtime.deleteProcessInstance(cycle.processInstanceId(), "test done");
        }
    }

    @Test
    void gridFiltersSearchesOrdersOverdueFirstPagesAndLinks() throws Exception {
        setClock(START);
        cycle = cycles.open(
                new OpenCycleRequest(CycleKind.ANNUAL_REVIEW, uniquePeriod("grid"), null, DUE, null, null),
                Users.SECRETARIAT);
        runCycleJobs(cycle.id());
        Report egypt = submit(Users.FP_EGY);
        WorkItem validation = tasks.forReport(egypt.id()).stream()
                .filter(t -> ParticipantReviewModel.TASK_VALIDATE_REPORT.equals(t.taskKey()))
                .findFirst()
                .orElseThrow();
        tasks.claim(validation.id(), Users.SECRETARIAT);
        submit(Users.FP_JOR);
        reports.validate(mine(Users.FP_JOR).id(), Users.SECRETARIAT, ValidationDecision.RETURN, "Revise");
        Report morocco = submit(Users.FP_MAR);
        reports.validate(morocco.id(), Users.SECRETARIAT, ValidationDecision.ACCEPT, null);
        setClock(DUE.plus(5, ChronoUnit.DAYS));

        // Everything, overdue first: the 191 late rows by name, then Egypt and Morocco.
        BoardPage first = board.page(cycle.id(), BoardQuery.all(0));
        assertThat(first.cycleTotal()).isEqualTo(193);
        assertThat(first.overdue()).isEqualTo(191);
        assertThat(first.rows().total()).isEqualTo(193);
        assertThat(first.pageCount()).isEqualTo(4);
        assertThat(first.rows().items()).hasSize(50).allMatch(r -> r.status().overdue());
        BoardRow afghanistan = first.rows().items().get(0);
        assertThat(afghanistan.status().participantCode()).isEqualTo("AFG");
        assertThat(afghanistan.daysOverdue()).isEqualTo(5);
        assertThat(codes(first)).doesNotContain("EGY");
        BoardPage last = board.page(cycle.id(), BoardQuery.all(3));
        assertThat(last.rows().items()).hasSize(43);
        assertThat(codes(last).subList(41, 43)).containsExactly("EGY", "MAR");
        assertThat(last.rows().items().get(42).daysOverdue()).isZero();
        assertThat(board.page(cycle.id(), BoardQuery.all(4)).rows().items()).isEmpty();

        // Each row stands in one column, the earlier ones passed.
        Map<String, BoardRow> byCode = last.rows().items().stream()
                .collect(Collectors.toMap(r -> r.status().participantCode(), Function.identity()));
        assertThat(states(byCode.get("EGY"))).containsExactly("PASSED", "CURRENT", "NONE", "NONE", "NONE");
        assertThat(states(byCode.get("MAR"))).containsExactly("PASSED", "PASSED", "NONE", "CURRENT", "NONE");
        BoardRow jordan = board.page(cycle.id(), query(null, "returned", null, false, null))
                .rows()
                .items()
                .get(0);
        assertThat(jordan.status().participantCode()).isEqualTo("JOR");
        assertThat(states(jordan)).containsExactly("PASSED", "PASSED", "CURRENT", "NONE", "NONE");

        // Filters: stage, region, assignee (a user, nobody), overdue only; combined.
        assertThat(codes(board.page(cycle.id(), query(null, "SUBMITTED", null, false, null))))
                .containsExactly("EGY");
        assertThat(codes(board.page(cycle.id(), query(null, "ACCEPTED", null, false, null))))
                .containsExactly("MAR");
        assertThat(board.page(cycle.id(), query(null, "DRAFT", null, false, null))
                        .rows()
                        .total())
                .isEqualTo(190);
        long african = framework.participants().stream()
                .filter(p -> p.kind() == ParticipantKind.MEMBER_STATE && "AFRICA".equals(p.region()))
                .count();
        BoardPage africa = board.page(cycle.id(), query("AFRICA", null, null, false, null));
        assertThat(africa.rows().total()).isEqualTo(african);
        assertThat(africa.rows().items())
                .allMatch(r -> "AFRICA".equals(r.status().region()));
        assertThat(codes(board.page(cycle.id(), query(null, null, "secretariat", false, null))))
                .containsExactly("EGY");
        BoardPage nobody = board.page(cycle.id(), query(null, null, BoardQuery.UNASSIGNED, false, null));
        assertThat(nobody.rows().total()).as("every open task but Egypt's").isEqualTo(191);
        assertThat(board.page(cycle.id(), query(null, null, null, true, null))
                        .rows()
                        .total())
                .isEqualTo(191);
        assertThat(codes(board.page(cycle.id(), query("AFRICA", null, null, false, "egy"))))
                .containsExactly("EGY");
        assertThat(board.page(cycle.id(), query("AFRICA", "SUBMITTED", null, true, null))
                        .rows()
                        .total())
                .isZero();

        // Search: part of the name or the code, any case, accents ignored both ways.
        assertThat(codes(board.page(cycle.id(), query(null, null, null, false, "cote d'ivoire"))))
                .containsExactly("CIV");
        assertThat(codes(board.page(cycle.id(), query(null, null, null, false, "TURKIYE"))))
                .containsExactly("TUR");
        assertThat(codes(board.page(cycle.id(), query(null, null, null, false, "Côte"))))
                .containsExactly("CIV");
        assertThat(codes(board.page(cycle.id(), query(null, null, null, false, "mar"))))
                .contains("MAR", "DNK");
        assertThatThrownBy(() -> board.page(cycle.id(), query(null, "LATE", null, false, null)))
                .isInstanceOf(InvalidInputException.class);
        assertThatThrownBy(() -> query(null, null, null, false, "x".repeat(101)))
                .isInstanceOf(InvalidInputException.class);

        // The page: the filters in the address survive the page links; each row links to its
        // report, history and comments, and each link opens for every role that sees the board.
        long civ = jdbc.sql("select id from report where cycle_id = ? and participant_code = 'CIV'")
                .param(cycle.id())
                .query(Long.class)
                .single();
        for (String username : List.of("secretariat", "manager", "admin")) {
            FormClient client = new FormClient(http.getRootUri());
            assertThat(client.signIn(username, "demo").statusCode()).isEqualTo(302);
            HttpResponse<String> searched = client.get("/cycles/" + cycle.id() + "?region=AFRICA&q=cote", "en");
            assertThat(searched.statusCode()).as(username).isEqualTo(200);
            String html = searched.body();
            assertThat(html).contains("data-participant=\"CIV\"").doesNotContain("data-participant=\"EGY\"");
            assertThat(html).contains("Participants 1-1 of 1 shown").contains("(193 in the cycle)");
            assertThat(html).contains("Overdue by 5 days");
            String report = "/reports/" + civ;
            assertThat(html)
                    .contains("href=\"" + report + "\"")
                    .contains("href=\"/history/report/" + civ + "\"")
                    .contains("href=\"" + report + "#comments\"");
            assertThat(client.get(report, "en").statusCode()).as(username).isEqualTo(200);
            assertThat(client.get(report, "en").body()).contains("id=\"comments\"");
            assertThat(client.get("/history/report/" + civ, "en").statusCode())
                    .as(username)
                    .isEqualTo(200);
        }
        FormClient secretariat = new FormClient(http.getRootUri());
        secretariat.signIn("secretariat", "demo");
        String drafts = secretariat
                .get("/cycles/" + cycle.id() + "?stage=DRAFT&overdue=true&page=1", "en")
                .body();
        assertThat(drafts).contains("Participants 51-100 of 190 shown");
        assertThat(drafts)
                .contains("href=\"/cycles/" + cycle.id() + "?stage=DRAFT&amp;overdue=true&amp;page=3\"")
                .contains("aria-current=\"page\"");
        assertThat(drafts.split("<tr data-participant=", -1)).hasSize(51);
        assertThat(secretariat
                        .get("/cycles/" + cycle.id() + "?stage=LATE", "en")
                        .statusCode())
                .isEqualTo(400);

        // The API: the same rows, paged, and the old unpaged status list unchanged.
        ResponseEntity<String> answer = as("manager")
                .getForEntity("/api/v1/cycles/" + cycle.id() + "/board?q=cote&page=0&size=10", String.class);
        assertThat(answer.getStatusCode().value()).isEqualTo(200);
        JsonNode page = json.readTree(answer.getBody());
        assertThat(page.path("cycleTotal").asInt()).isEqualTo(193);
        assertThat(page.path("rows").path("total").asInt()).isEqualTo(1);
        JsonNode row = page.path("rows").path("items").get(0);
        assertThat(row.path("status").path("participantCode").asText()).isEqualTo("CIV");
        assertThat(row.path("column").asText()).isEqualTo("DRAFT");
        assertThat(row.path("daysOverdue").asInt()).isEqualTo(5);
        JsonNode all = json.readTree(as("secretariat")
                .getForEntity("/api/v1/cycles/" + cycle.id() + "/board?size=200", String.class)
                .getBody());
        assertThat(all.path("rows").path("items").size()).isEqualTo(193);
        assertThat(as("secretariat")
                        .getForEntity("/api/v1/cycles/" + cycle.id() + "/board?stage=LATE", String.class)
                        .getStatusCode()
                        .value())
                .isEqualTo(400);
        assertThat(as("secretariat")
                        .getForEntity("/api/v1/cycles/999999/board", String.class)
                        .getStatusCode()
                        .value())
                .isEqualTo(404);
        assertThat(as("fp-egy")
                        .getForEntity("/api/v1/cycles/" + cycle.id() + "/board", String.class)
                        .getStatusCode()
                        .value())
                .isEqualTo(403);
        JsonNode status = json.readTree(as("secretariat")
                .getForEntity("/api/v1/cycles/" + cycle.id() + "/status", String.class)
                .getBody());
        assertThat(status.isArray()).isTrue();
        assertThat(status.size()).isEqualTo(193);
    }

    private Report submit(CurrentUser focalPoint) {
        Report report = mine(focalPoint);
        reports.saveDraft(report.id(), focalPoint, report.lockVersion(), Entries.complete(2));
        reports.submit(report.id(), focalPoint, null);
        return mine(focalPoint);
    }

    private Report mine(CurrentUser focalPoint) {
        return reports.list(focalPoint, cycle.id(), null).get(0);
    }

    private static BoardQuery query(String region, String stage, String assignee, boolean overdue, String q) {
        return new BoardQuery(region, stage, assignee, overdue, q, new PageRequest(0, 200));
    }

    private static List<String> codes(BoardPage page) {
        return page.rows().items().stream()
                .map(r -> r.status().participantCode())
                .toList();
    }

    private static List<String> states(BoardRow row) {
        return row.cells().stream().map(c -> c.state().name()).toList();
    }
}
