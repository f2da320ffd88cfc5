package org.compactreview.task;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.compactreview.cycle.CycleKind;
import org.compactreview.cycle.CycleService;
import org.compactreview.cycle.OpenCycleRequest;
import org.compactreview.cycle.ReviewCycle;
import org.compactreview.framework.FrameworkCatalog;
import org.compactreview.identity.Role;
import org.compactreview.identity.UserDirectory;
import org.compactreview.identity.UserDraft;
import org.compactreview.process.ParticipantReviewModel;
import org.compactreview.support.FormClient;
import org.compactreview.support.GeneratedParticipants;
import org.compactreview.support.IntegrationTest;
import org.compactreview.support.Users;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.web.util.HtmlUtils;

/**
 * The team list and the workload view as pages: paged past 50 rows, filters kept in the URL and
 * after every action, and a reassignment of more tasks than one transaction chunk holds.
 */
class WorkloadPagesIT extends IntegrationTest {

    private static final int TEAM_PAGE_SIZE = 50;

    private static final Pattern TASK_ROW = Pattern.compile("data-task-id=\"([^\"]+)\"");
    private static final Pattern WORKLOAD_ROW = Pattern.compile("<tr data-key=\"([^\"]+)\"");

    @Autowired
    FrameworkCatalog framework;

    @Autowired
    CycleService cycles;

    @Autowired
    UserDirectory directory;

    @Autowired
    Reassignments reassignments;

    @Test
    void theTeamListAndTheWorkloadPagePastFiftyRowsAndMoreThanAChunkMovesInOneRequest() {
        int count = Reassignments.CHUNK + 30;
        try (GeneratedParticipants generated =
                GeneratedParticipants.add(jdbc, framework, engine.getRuntimeService(), count)) {
            ReviewCycle cycle = cycles.open(
                    new OpenCycleRequest(
                            CycleKind.ANNUAL_REVIEW,
                            uniquePeriod("paged"),
                            generated.codes(),
                            START.plus(30, ChronoUnit.DAYS),
                            null,
                            null),
                    Users.SECRETARIAT);
            runCycleJobs(cycle.id());
            FormClient manager = signedIn("manager");

            Set<String> seen = new HashSet<>();
            int pages = (count + TEAM_PAGE_SIZE - 1) / TEAM_PAGE_SIZE;
            for (int page = 0; page < pages; page++) {
                String body = manager.get("/team?cycleId=" + cycle.id() + "&page=" + page)
                        .body();
                List<String> rows = matches(TASK_ROW, body);
                int expected = page < pages - 1 ? 50 : count - 50 * (pages - 1);
                assertThat(rows).as("page " + page).hasSize(expected);
                seen.addAll(rows);
                assertThat(body.contains("id=\"page-next\"")).isEqualTo(page < pages - 1);
                assertThat(HtmlUtils.htmlUnescape(body)).contains("Page " + (page + 1) + " of " + pages);
            }
            assertThat(seen).as("every task on exactly one page").hasSize(count);

            String byParticipant = manager.get("/workload?cycleId=" + cycle.id() + "&group=participants&page=1")
                    .body();
            assertThat(matches(WORKLOAD_ROW, byParticipant)).hasSize(50);
            assertThat(byParticipant).contains("Generated member state").doesNotContain(">GEN-");
            assertThat(byParticipant)
                    .as("the next page keeps the filters")
                    .contains("href=\"/workload?cycleId=" + cycle.id() + "&amp;group=participants&amp;page=2\"");

            String leaving = "fp-many-a-" + Long.toString(System.nanoTime(), 36);
            String colleague = "fp-many-b-" + Long.toString(System.nanoTime(), 36);
            for (String username : List.of(leaving, colleague)) {
                directory.create(
                        username,
                        ReassignmentIT.PASSWORD,
                        new UserDraft(
                                username, null, null, true, Set.of(Role.FOCAL_POINT), Set.copyOf(generated.codes())));
            }
            seen.forEach(id -> engine.getTaskService().setAssignee(id, leaving));
            Reassignment done = reassignments.reassign(
                    Users.MANAGER,
                    TaskSelection.everythingOf(WorkloadFilter.of(leaving, Set.of(), Set.of(cycle.id()))),
                    colleague,
                    "Changed posts");
            assertThat(done.selected()).isEqualTo(count);
            assertThat(done.moved()).hasSize(count);
            assertThat(done.notMoved()).isEmpty();
            assertThat(engine.getTaskService()
                            .createTaskQuery()
                            .taskAssignee(colleague)
                            .count())
                    .isEqualTo(count);
            assertThat(jdbc.sql("select count(*) from work_item where cycle_id = ? and assignee = ?")
                            .params(cycle.id(), colleague)
                            .query(Long.class)
                            .single())
                    .isEqualTo(count);
            // The fixture removes its participants: these two users must not represent them any more.
            jdbc.sql("delete from user_participant where username in (?, ?)")
                    .params(leaving, colleague)
                    .update();
        }
    }

    @Test
    void aReassignmentFromTheTeamListComesBackToTheSameFilteredListWithItsResult() {
        ReviewCycle cycle = openAnnualReview("kept", "EGY", "JOR");
        Map<String, String> tasks = new LinkedHashMap<>();
        jdbc.sql("select participant_code, task_id from work_item where cycle_id = ? and task_key = ?")
                .params(cycle.id(), ParticipantReviewModel.TASK_SUBMIT_REPORT)
                .query((rs, n) -> Map.entry(rs.getString(1), rs.getString(2)))
                .list()
                .forEach(e -> tasks.put(e.getKey(), e.getValue()));
        FormClient manager = signedIn("manager");
        String list = "/team?cycleId=" + cycle.id() + "&participant=EGY&sort=due&dir=desc";

        String page = manager.get(list).body();
        assertThat(matches(TASK_ROW, page)).containsExactly(tasks.get("EGY"));
        String eligible = page.substring(page.indexOf("<select id=\"reassign-to\""));
        eligible = eligible.substring(0, eligible.indexOf("</select>"));
        assertThat(eligible).contains("<option value=\"fp-egy\">").doesNotContain("\"fp-jor\"");
        assertThat(page).contains("<option value=\"" + cycle.id() + "\" selected=\"selected\">" + cycle.period());

        HttpResponse<String> moved = manager.post(
                list,
                "/team/reassign",
                Map.of(
                        "taskIds", tasks.get("EGY"),
                        "to", "fp-egy",
                        "reason", "Egypt's own focal point",
                        "cycleId", String.valueOf(cycle.id()),
                        "participant", "EGY",
                        "sort", "due",
                        "dir", "desc"));
        assertThat(moved.statusCode()).isEqualTo(302);
        assertThat(moved.headers().firstValue("Location").orElseThrow()).endsWith(list);
        String after = HtmlUtils.htmlUnescape(manager.get(list).body());
        assertThat(after).contains("1 of 1 task moved to \u2068Focal point, Egypt\u2069.");
        assertThat(engine.getTaskService()
                        .createTaskQuery()
                        .taskId(tasks.get("EGY"))
                        .singleResult()
                        .getAssignee())
                .isEqualTo("fp-egy");

        HttpResponse<String> refused = manager.post(
                list,
                "/team/reassign",
                Map.of(
                        "taskIds", tasks.get("EGY"),
                        "to", "fp-egy",
                        "reason", "",
                        "cycleId", String.valueOf(cycle.id()),
                        "participant", "EGY",
                        "sort", "due",
                        "dir", "desc"));
        assertThat(refused.headers().firstValue("Location").orElseThrow()).endsWith(list);
        assertThat(HtmlUtils.htmlUnescape(manager.get(list).body())).contains("Give a reason");

        HttpResponse<String> released =
                manager.post(list, "/tasks/" + tasks.get("EGY") + "/unclaim", Map.of("back", list));
        assertThat(released.headers().firstValue("Location").orElseThrow()).endsWith(list);

        HttpResponse<String> wrongPerson = manager.post(
                list,
                "/team/reassign",
                Map.of(
                        "scope", "selected",
                        "taskIds", tasks.get("JOR"),
                        "to", "fp-egy",
                        "reason", "Not Egypt's task",
                        "cycleId", String.valueOf(cycle.id())));
        assertThat(wrongPerson.headers().firstValue("Location").orElseThrow()).endsWith("/team?cycleId=" + cycle.id());
        String result = HtmlUtils.htmlUnescape(
                manager.get("/team?cycleId=" + cycle.id()).body());
        assertThat(result)
                .contains("0 of 1 task moved to \u2068Focal point, Egypt\u2069.")
                .contains("Not a candidate for this task");
    }

    private FormClient signedIn(String username) {
        FormClient client = new FormClient(http.getRootUri());
        client.signIn(username, "demo");
        return client;
    }

    private static List<String> matches(Pattern pattern, String body) {
        List<String> found = new java.util.ArrayList<>();
        Matcher matcher = pattern.matcher(body);
        while (matcher.find()) {
            found.add(matcher.group(1));
        }
        return found;
    }
}
