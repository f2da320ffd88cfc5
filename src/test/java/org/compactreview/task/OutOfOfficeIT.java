package org.compactreview.task;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.compactreview.cycle.ReviewCycle;
import org.compactreview.identity.Absences;
import org.compactreview.identity.CurrentUser;
import org.compactreview.identity.Role;
import org.compactreview.identity.UserDirectory;
import org.compactreview.identity.UserDraft;
import org.compactreview.platform.PageRequest;
import org.compactreview.process.ParticipantReviewModel;
import org.compactreview.report.Report;
import org.compactreview.report.ReportService;
import org.compactreview.support.Entries;
import org.compactreview.support.FormClient;
import org.compactreview.support.IntegrationTest;
import org.compactreview.support.Users;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Out of office: the period starts and ends with the clock (nobody signed in), the person's tasks
 * go to the substitute and come back, tasks the substitute may not do stay, a task done meanwhile
 * stays done; chains and loops are refused; nobody sets another person's period but managers and
 * administrators.
 */
class OutOfOfficeIT extends IntegrationTest {

    private static final String PASSWORD = "a-long-password";

    @Autowired
    UserDirectory directory;

    @Autowired
    Absences absences;

    @Autowired
    TaskGateway tasks;

    @Autowired
    ReportService reports;

    @Test
    void tasksGoToTheSubstituteDuringThePeriodAndComeBackUnlessDone() {
        // A represents Egypt and Jordan; B, the substitute, only Egypt.
        CurrentUser a = focalPoint("ooo-a", "EGY", "JOR");
        CurrentUser b = focalPoint("ooo-b", "EGY");
        ReviewCycle first = openAnnualReview("ooo-first", "EGY", "JOR");
        ReviewCycle second = openAnnualReview("ooo-second", "EGY");
        String egypt = submitTask(first, "EGY").id();
        String jordan = submitTask(first, "JOR").id();
        String later = submitTask(second, "EGY").id();
        tasks.claim(egypt, a);
        tasks.claim(jordan, a);

        Instant from = START.plus(Duration.ofDays(1));
        Instant to = START.plus(Duration.ofDays(10));
        ResponseEntity<JsonNode> set = call(a.username(), HttpMethod.POST, "/api/v1/me/absences", draft(from, to, b));
        assertThat(set.getStatusCode().value()).isEqualTo(201);
        assertThat(set.getBody().path("status").asText()).isEqualTo("SCHEDULED");
        long absence = set.getBody().path("id").asLong();
        assertThat(absences.runDue()).as("nothing is due before the start").isZero();
        assertThat(assignee(egypt)).isEqualTo(a.username());

        setClock(from.plusSeconds(30));
        absences.runDue();
        assertThat(assignee(egypt)).isEqualTo(b.username());
        assertThat(workItemAssignee(egypt)).isEqualTo(b.username());
        assertThat(assignee(jordan)).as("B may not do Jordan's work").isEqualTo(a.username());
        assertThat(moves(absence)).containsEntry(egypt, "MOVED").containsEntry(jordan, "STAYED");

        // A task handed to A during the period goes on to B; B does it.
        ResponseEntity<JsonNode> handed = call(
                "manager",
                HttpMethod.POST,
                "/api/v1/tasks/" + later + "/assignee",
                "{\"username\":\"" + a.username() + "\"}");
        assertThat(handed.getStatusCode().value()).isEqualTo(200);
        assertThat(assignee(later)).isEqualTo(b.username());
        assertThat(workItemAssignee(later)).isEqualTo(b.username());
        Report report = reports.list(b, second.id(), null).get(0);
        reports.saveDraft(report.id(), b, report.lockVersion(), Entries.complete(3));
        reports.submit(report.id(), b, null);

        setClock(to.plusSeconds(30));
        absences.runDue();
        assertThat(assignee(egypt)).as("came back").isEqualTo(a.username());
        assertThat(workItemAssignee(egypt)).isEqualTo(a.username());
        assertThat(assignee(jordan)).isEqualTo(a.username());
        assertThat(engine.getTaskService().createTaskQuery().taskId(later).count())
                .as("done meanwhile, stays done")
                .isZero();
        assertThat(moves(absence))
                .containsEntry(egypt, "RETURNED")
                .containsEntry(jordan, "STAYED")
                .containsEntry(later, "DONE");
        assertThat(absences.get(a, a.username(), absence).status().name()).isEqualTo("ENDED");
        assertThat(actions("user", a.username()))
                .containsSubsequence("ABSENCE_SET", "ABSENCE_STARTED", "ABSENCE_ENDED");
        assertThat(actor("ABSENCE_STARTED", a.username())).isEqualTo("system");
        assertThat(actions("task", egypt)).containsSubsequence("TASK_SUBSTITUTED", "TASK_SUBSTITUTION_ENDED");
        assertThat(actions("task", later)).contains("TASK_SUBSTITUTED");
    }

    @Test
    void aTaskSomeoneElseTookMeanwhileStaysWithThem() {
        CurrentUser a = focalPoint("ooo-keep-a", "MAR");
        CurrentUser b = focalPoint("ooo-keep-b", "MAR");
        CurrentUser c = focalPoint("ooo-keep-c", "MAR");
        ReviewCycle cycle = openAnnualReview("ooo-keep", "MAR");
        String task = submitTask(cycle, "MAR").id();
        tasks.claim(task, a);
        long absence = setNow(a, b, Duration.ofDays(3));
        assertThat(assignee(task)).isEqualTo(b.username());
        tasks.reassign(task, c.username(), Users.MANAGER);
        // Cancelling a running period ends it now.
        assertThat(call(a.username(), HttpMethod.DELETE, "/api/v1/me/absences/" + absence, null)
                        .getBody()
                        .path("status")
                        .asText())
                .isEqualTo("ENDED");
        assertThat(assignee(task)).isEqualTo(c.username());
        assertThat(moves(absence)).containsEntry(task, "KEPT");
        assertThat(call(a.username(), HttpMethod.DELETE, "/api/v1/me/absences/" + absence, null)
                        .getStatusCode()
                        .value())
                .isEqualTo(409);
    }

    @Test
    void aTaskThePersonTakesWhileAwayStaysWithThem() {
        CurrentUser a = focalPoint("ooo-self-a", "JOR");
        CurrentUser b = focalPoint("ooo-self-b", "JOR");
        ReviewCycle cycle = openAnnualReview("ooo-self", "JOR");
        String task = submitTask(cycle, "JOR").id();
        long absence = setNow(a, b, Duration.ofDays(2));
        assertThat(call(a.username(), HttpMethod.POST, "/api/v1/tasks/" + task + "/claim", null)
                        .getStatusCode()
                        .value())
                .isEqualTo(200);
        assertThat(assignee(task)).as("the person is working").isEqualTo(a.username());
        assertThat(moves(absence)).isEmpty();
    }

    @Test
    void severalNodesRunningTheScheduleAtOnceStartEachPeriodOnce() throws Exception {
        List<CurrentUser> people = new ArrayList<>();
        Instant from = START.plus(Duration.ofHours(3));
        for (int i = 0; i < 6; i++) {
            CurrentUser person = focalPoint("ooo-nodes-" + i, "MAR");
            people.add(person);
            assertThat(status(person, draft(from, from.plus(Duration.ofDays(1)), focalPoint("ooo-nodes-sub", "MAR"))))
                    .isEqualTo(201);
        }
        setClock(from.plusSeconds(1));
        var pool = Executors.newFixedThreadPool(3);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> nodes = new ArrayList<>();
        for (int node = 0; node < 3; node++) {
            nodes.add(pool.submit(() -> {
                start.await();
                return absences.runDue();
            }));
        }
        start.countDown();
        int handled = 0;
        for (Future<Integer> node : nodes) {
            handled += node.get();
        }
        pool.shutdown();
        assertThat(handled).isGreaterThanOrEqualTo(people.size());
        for (CurrentUser person : people) {
            assertThat(actions("user", person.username()))
                    .filteredOn("ABSENCE_STARTED"::equals)
                    .hasSize(1);
            assertThat(absences.active(person.username())).isPresent();
        }
    }

    @Test
    void loopsChainsOverlapsAndPastPeriodsAreRefused() {
        CurrentUser a = focalPoint("ooo-loop-a", "TUN");
        CurrentUser b = focalPoint("ooo-loop-b", "TUN");
        CurrentUser c = focalPoint("ooo-loop-c", "TUN");
        Instant from = START.plus(Duration.ofDays(2));
        Instant to = START.plus(Duration.ofDays(9));
        assertThat(status(a, draft(from, to, b))).isEqualTo(201);

        ResponseEntity<JsonNode> loop =
                call(b.username(), HttpMethod.POST, "/api/v1/me/absences", draft(from.plus(Duration.ofDays(1)), to, a));
        assertThat(loop.getStatusCode().value()).isEqualTo(409);
        assertThat(loop.getBody().path("detail").asText()).contains(a.username(), "each other");
        assertThat(status(b, draft(from, to, c))).as("B stands in for A then").isEqualTo(409);
        assertThat(status(c, draft(from, to, a))).as("A is away then").isEqualTo(409);
        assertThat(status(a, draft(to.minus(Duration.ofDays(1)), to.plus(Duration.ofDays(3)), c)))
                .as("overlaps A's own")
                .isEqualTo(409);
        assertThat(status(b, draft(to, to.plus(Duration.ofDays(3)), a)))
                .as("after A is back, B may go and leave the work to A")
                .isEqualTo(201);

        assertThat(fields(a, draft(START.minus(Duration.ofDays(5)), START.minus(Duration.ofDays(1)), c)))
                .containsExactly("endsAt");
        assertThat(fields(a, draft(to.plus(Duration.ofDays(20)), to.plus(Duration.ofDays(10)), c)))
                .containsExactly("endsAt");
        assertThat(fields(
                        a,
                        "{\"startsAt\":\"" + to.plus(Duration.ofDays(20)) + "\",\"endsAt\":\""
                                + to.plus(Duration.ofDays(25)) + "\",\"substitute\":\"" + a.username() + "\"}"))
                .containsExactly("substitute");
        assertThat(fields(a, draft(to.plus(Duration.ofDays(20)), to.plus(Duration.ofDays(25)), Users.SECRETARIAT)))
                .as("the secretariat shares none of a focal point's work")
                .containsExactly("substitute");
    }

    @Test
    void twoPeopleNamingEachOtherAtOnceOneIsRefused() throws Exception {
        CurrentUser a = focalPoint("ooo-race-a", "EGY");
        CurrentUser b = focalPoint("ooo-race-b", "EGY");
        Instant from = START.plus(Duration.ofDays(3));
        Instant to = START.plus(Duration.ofDays(6));
        var pool = Executors.newFixedThreadPool(2);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> answers = new ArrayList<>();
        for (CurrentUser[] pair : List.of(new CurrentUser[] {a, b}, new CurrentUser[] {b, a})) {
            answers.add(pool.submit(() -> {
                start.await();
                return status(pair[0], draft(from, to, pair[1]));
            }));
        }
        start.countDown();
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> answer : answers) {
            statuses.add(answer.get());
        }
        pool.shutdown();
        assertThat(statuses).containsExactlyInAnyOrder(201, 409);
    }

    @Test
    void onlyThePersonAManagerOrAnAdministratorSetsAPeriod() {
        CurrentUser a = focalPoint("ooo-scope-a", "JOR");
        CurrentUser b = focalPoint("ooo-scope-b", "JOR");
        String theirs = "/api/v1/users/" + a.username() + "/absences";
        Instant from = START.plus(Duration.ofDays(4));
        Instant to = START.plus(Duration.ofDays(8));

        assertThat(call("fp-jor", HttpMethod.GET, theirs, null).getStatusCode().value())
                .isEqualTo(403);
        assertThat(call("fp-jor", HttpMethod.POST, theirs, draft(from, to, b))
                        .getStatusCode()
                        .value())
                .isEqualTo(403);
        assertThat(call("secretariat", HttpMethod.POST, theirs, draft(from, to, b))
                        .getStatusCode()
                        .value())
                .isEqualTo(403);
        ResponseEntity<JsonNode> byManager = call("manager", HttpMethod.POST, theirs, draft(from, to, b));
        assertThat(byManager.getStatusCode().value()).isEqualTo(201);
        assertThat(byManager.getBody().path("createdBy").asText()).isEqualTo("manager");
        long id = byManager.getBody().path("id").asLong();
        assertThat(call("admin", HttpMethod.GET, theirs, null)
                        .getBody()
                        .path("total")
                        .asLong())
                .isEqualTo(1);
        // Another person's period is not found through one's own list.
        assertThat(call(b.username(), HttpMethod.DELETE, "/api/v1/me/absences/" + id, null)
                        .getStatusCode()
                        .value())
                .isEqualTo(404);
        assertThat(call("manager", HttpMethod.GET, "/api/v1/users/no-such-user/absences", null)
                        .getStatusCode()
                        .value())
                .isEqualTo(404);
        ResponseEntity<JsonNode> cancelled = call("admin", HttpMethod.DELETE, theirs + "/" + id, null);
        assertThat(cancelled.getBody().path("status").asText()).isEqualTo("CANCELLED");
        assertThat(actions("user", a.username())).containsSubsequence("ABSENCE_SET", "ABSENCE_CANCELLED");
    }

    @Test
    void thePageSetsListsAndCancelsAPeriodAndManagersReachAnyone() {
        CurrentUser a = focalPoint("ooo-page-a", "EGY");
        CurrentUser b = focalPoint("ooo-page-b", "EGY");
        FormClient person = new FormClient(http.getRootUri());
        person.signIn(a.username(), PASSWORD);
        HttpResponse<String> page = person.get("/account/absences");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("value=\"" + b.username() + "\"");

        HttpResponse<String> refused = person.post(
                "/account/absences",
                "/account/absences",
                Map.of("startsAt", "2026-01-01T09:00", "endsAt", "2026-01-05T09:00", "substitute", b.username()));
        assertThat(refused.statusCode()).isEqualTo(302);
        assertThat(person.get("/account/absences").body()).contains("This period is already over");

        person.post(
                "/account/absences",
                "/account/absences",
                Map.of("startsAt", "2027-03-01T09:00", "endsAt", "2027-03-05T17:00", "substitute", b.username()));
        HttpResponse<String> listed = person.get("/account/absences");
        assertThat(listed.body()).contains("Out-of-office period set.", "data-status=\"SCHEDULED\"");
        long id = absences.list(a, a.username(), new PageRequest(0, 5))
                .items()
                .get(0)
                .id();
        person.post("/account/absences", "/account/absences/" + id + "/cancel", Map.of());
        assertThat(person.get("/account/absences").body()).contains("data-status=\"CANCELLED\"");
        assertThat(person.get("/users/" + b.username() + "/absences").statusCode())
                .isEqualTo(403);

        FormClient manager = new FormClient(http.getRootUri());
        manager.signIn("manager", "demo");
        String theirs = "/users/" + a.username() + "/absences";
        assertThat(manager.get(theirs).body()).contains("data-status=\"CANCELLED\"", "id=\"pick-person\"");
        assertThat(manager.get("/users/absences?username=" + a.username())
                        .headers()
                        .firstValue("Location"))
                .hasValueSatisfying(location -> assertThat(location).endsWith(theirs));
        manager.post(
                theirs,
                theirs,
                Map.of("startsAt", "2027-04-01T09:00", "endsAt", "2027-04-05T17:00", "substitute", b.username()));
        assertThat(manager.get(theirs).body()).contains("data-status=\"SCHEDULED\"");
    }

    private long setNow(CurrentUser person, CurrentUser substitute, Duration length) {
        ResponseEntity<JsonNode> set = call(
                person.username(),
                HttpMethod.POST,
                "/api/v1/me/absences",
                draft(START.minusSeconds(60), START.plus(length), substitute));
        assertThat(set.getBody().path("status").asText()).isEqualTo("ACTIVE");
        return set.getBody().path("id").asLong();
    }

    private CurrentUser focalPoint(String prefix, String... participants) {
        String username = prefix + "-" + Long.toString(System.nanoTime(), 36);
        directory.create(
                username,
                PASSWORD,
                new UserDraft(
                        "Focal point " + username, null, null, true, Set.of(Role.FOCAL_POINT), Set.of(participants)));
        return new CurrentUser(username, Set.of(Role.FOCAL_POINT), Set.of(participants));
    }

    private WorkItem submitTask(ReviewCycle cycle, String participant) {
        return tasks.list(
                        Users.SECRETARIAT,
                        new WorkItemFilter(
                                true, cycle.id(), participant, null, ParticipantReviewModel.TASK_SUBMIT_REPORT, null),
                        new PageRequest(0, 5))
                .items()
                .get(0);
    }

    private static String draft(Instant from, Instant to, CurrentUser substitute) {
        return "{\"startsAt\":\"" + from + "\",\"endsAt\":\"" + to + "\",\"substitute\":\"" + substitute.username()
                + "\"}";
    }

    private int status(CurrentUser person, String body) {
        return call(person.username(), HttpMethod.POST, "/api/v1/me/absences", body)
                .getStatusCode()
                .value();
    }

    private List<String> fields(CurrentUser person, String body) {
        ResponseEntity<JsonNode> answer = call(person.username(), HttpMethod.POST, "/api/v1/me/absences", body);
        assertThat(answer.getStatusCode().value()).isEqualTo(400);
        List<String> fields = new ArrayList<>();
        answer.getBody().path("errors").forEach(e -> fields.add(e.path("field").asText()));
        return fields;
    }

    private ResponseEntity<JsonNode> call(String who, HttpMethod method, String url, String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        String password = who.startsWith("ooo-") ? PASSWORD : "demo";
        return http.withBasicAuth(who, password).exchange(url, method, new HttpEntity<>(body, headers), JsonNode.class);
    }

    private String assignee(String taskId) {
        return engine.getTaskService()
                .createTaskQuery()
                .taskId(taskId)
                .singleResult()
                .getAssignee();
    }

    private String workItemAssignee(String taskId) {
        return jdbc.sql("select assignee from work_item where task_id = ?")
                .param(taskId)
                .query(String.class)
                .single();
    }

    private Map<String, String> moves(long absenceId) {
        Map<String, String> moves = new java.util.HashMap<>();
        jdbc.sql("select task_id, status from task_substitution where absence_id = ?")
                .param(absenceId)
                .query((rs, n) -> moves.put(rs.getString(1), rs.getString(2)))
                .list();
        return moves;
    }

    private List<String> actions(String type, String id) {
        return jdbc.sql("select action from audit_event where object_type = ? and object_id = ? order by id")
                .params(type, id)
                .query(String.class)
                .list();
    }

    private String actor(String action, String id) {
        return jdbc.sql("select actor from audit_event where action = ? and object_id = ? order by id limit 1")
                .params(action, id)
                .query(String.class)
                .single();
    }
}
