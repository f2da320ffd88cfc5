package org.compactreview.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.compactreview.process.AnnualReviewModel;
import org.compactreview.process.ParticipantReviewModel;
import org.compactreview.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * A whole three-participant annual cycle through the JSON API with the demo users: scoping,
 * bad input, concurrent completion, returns, validation, the meeting steps and the audit trail.
 */
class AnnualReviewApiIT extends IntegrationTest {

    private static final List<String> FOCAL_POINTS = List.of("fp-egy", "fp-jor", "fp-mar");

    @Test
    void wholeCycleThroughTheApi() throws Exception {
        // The secretariat opens the cycle.
        ResponseEntity<JsonNode> opened = call(
                "secretariat",
                HttpMethod.POST,
                "/api/v1/cycles",
                Map.of(
                        "kind",
                        "ANNUAL_REVIEW",
                        "period",
                        uniquePeriod("api"),
                        "participants",
                        List.of("EGY", "JOR", "MAR"),
                        "submissionDue",
                        "2027-03-31T23:59:59Z"));
        assertThat(opened.getStatusCode().value()).isEqualTo(201);
        long cycleId = opened.getBody().get("id").asLong();
        String processInstanceId = opened.getBody().get("processInstanceId").asText();
        assertThat(opened.getHeaders().getLocation()).hasToString("/api/v1/cycles/" + cycleId);
        assertThat(opened.getBody().get("participantCount").asInt()).isEqualTo(3);

        // Each focal point finds exactly its own task.
        Map<String, JsonNode> taskOf = new HashMap<>();
        for (String fp : FOCAL_POINTS) {
            JsonNode inbox = get(fp, "/api/v1/tasks?cycleId=" + cycleId).getBody();
            assertThat(inbox.get("total").asInt()).isEqualTo(1);
            JsonNode task = inbox.get("items").get(0);
            assertThat(task.get("taskKey").asText()).isEqualTo(ParticipantReviewModel.TASK_SUBMIT_REPORT);
            assertThat(task.get("name").asText()).isEqualTo("Submit progress report");
            assertThat(task.get("dueAt").asText()).isEqualTo("2027-03-31T23:59:59Z");
            taskOf.put(fp, task);
        }
        long egy = taskOf.get("fp-egy").get("reportId").asLong();
        long jor = taskOf.get("fp-jor").get("reportId").asLong();
        long mar = taskOf.get("fp-mar").get("reportId").asLong();

        // A focal point cannot see or touch another participant's report or task: 404.
        assertThat(status("fp-egy", HttpMethod.GET, "/api/v1/reports/" + jor, null))
                .isEqualTo(404);
        assertThat(status("fp-egy", HttpMethod.PUT, "/api/v1/reports/" + jor, draft(0, entries(2))))
                .isEqualTo(404);
        assertThat(status("fp-egy", HttpMethod.POST, "/api/v1/reports/" + jor + "/submit", Map.of()))
                .isEqualTo(404);
        String jorTask = taskOf.get("fp-jor").get("id").asText();
        assertThat(status("fp-egy", HttpMethod.GET, "/api/v1/tasks/" + jorTask, null))
                .isEqualTo(404);
        assertThat(status("fp-egy", HttpMethod.POST, "/api/v1/tasks/" + jorTask + "/claim", null))
                .isEqualTo(404);
        assertThat(status("fp-egy", HttpMethod.GET, "/api/v1/reports/999999", null))
                .isEqualTo(404);

        // Bad input is refused with a problem naming the field, and changes nothing.
        ResponseEntity<JsonNode> badRating =
                call("fp-egy", HttpMethod.PUT, "/api/v1/reports/" + egy, draft(0, List.of(entry(1, 5))));
        assertThat(badRating.getStatusCode().value()).isEqualTo(400);
        assertThat(badRating.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(badRating.getBody().get("type").asText()).isEqualTo("urn:compact-review:problem:invalid-input");
        assertThat(badRating.getBody().get("errors").get(0).get("field").asText())
                .isEqualTo("entries[0].rating");
        assertThat(status("fp-egy", HttpMethod.PUT, "/api/v1/reports/" + egy, draft(0, List.of(entry(24, 2)))))
                .isEqualTo(400);
        Map<String, Object> longText = entry(1, 2);
        longText.put("achievements", "x".repeat(4001));
        assertThat(status("fp-egy", HttpMethod.PUT, "/api/v1/reports/" + egy, draft(0, List.of(longText))))
                .isEqualTo(400);
        ResponseEntity<JsonNode> malformed =
                raw("fp-egy", HttpMethod.PUT, "/api/v1/reports/" + egy, "{\"lockVersion\":");
        assertThat(malformed.getStatusCode().value()).isEqualTo(400);
        assertThat(malformed.getBody().get("type").asText()).isEqualTo("urn:compact-review:problem:malformed-body");
        assertThat(malformed.getBody().toString()).doesNotContain("Exception").doesNotContain("at org.");
        ResponseEntity<JsonNode> incomplete =
                call("fp-egy", HttpMethod.POST, "/api/v1/reports/" + egy + "/submit", Map.of());
        assertThat(incomplete.getStatusCode().value()).isEqualTo(400);
        assertThat(incomplete.getBody().get("errors")).hasSize(23);
        JsonNode untouched = get("fp-egy", "/api/v1/reports/" + egy).getBody();
        assertThat(untouched.get("lockVersion").asInt()).isZero();
        assertThat(untouched.get("entries").get(0).get("rating").isNull()).isTrue();

        // Drafts: saved in two steps; a stale lock version is refused.
        for (String fp : FOCAL_POINTS) {
            long report = taskOf.get(fp).get("reportId").asLong();
            JsonNode first = call(
                            fp,
                            HttpMethod.PUT,
                            "/api/v1/reports/" + report,
                            draft(0, entries(2).subList(0, 10)))
                    .getBody();
            assertThat(first.get("lockVersion").asInt()).isEqualTo(1);
            JsonNode second = call(fp, HttpMethod.PUT, "/api/v1/reports/" + report, draft(1, entries(3)))
                    .getBody();
            assertThat(second.get("lockVersion").asInt()).isEqualTo(2);
            assertThat(second.get("entries").get(22).get("rating").asInt()).isEqualTo(3);
        }
        ResponseEntity<JsonNode> stale = call("fp-egy", HttpMethod.PUT, "/api/v1/reports/" + egy, draft(1, entries(4)));
        assertThat(stale.getStatusCode().value()).isEqualTo(409);
        assertThat(get("fp-egy", "/api/v1/reports/" + egy)
                        .getBody()
                        .get("entries")
                        .get(0)
                        .get("rating")
                        .asInt())
                .isEqualTo(3);

        // Validating a report that is not submitted is refused.
        assertThat(status("secretariat", HttpMethod.POST, "/api/v1/reports/" + mar + "/validation", accept()))
                .isEqualTo(409);

        // Two people submitting the same report at the same moment: one wins, the other gets 409.
        List<Integer> outcomes = concurrently(
                2, () -> status("fp-egy", HttpMethod.POST, "/api/v1/reports/" + egy + "/submit", Map.of()));
        assertThat(outcomes).containsExactlyInAnyOrder(200, 409);
        assertThat(jdbc.sql("select count(*) from report_version where report_id = ?")
                        .param(egy)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        assertThat(status("fp-egy", HttpMethod.POST, "/api/v1/reports/" + egy + "/submit", Map.of()))
                .isEqualTo(409);
        assertThat(status("fp-jor", HttpMethod.POST, "/api/v1/reports/" + jor + "/submit", Map.of()))
                .isEqualTo(200);
        assertThat(status("fp-mar", HttpMethod.POST, "/api/v1/reports/" + mar + "/submit", Map.of()))
                .isEqualTo(200);

        // The board shows every participant's stage.
        JsonNode board =
                get("secretariat", "/api/v1/cycles/" + cycleId + "/status").getBody();
        assertThat(board).hasSize(3);
        board.forEach(row -> assertThat(row.get("stage").asText()).isEqualTo("VALIDATION"));
        assertThat(status("fp-egy", HttpMethod.GET, "/api/v1/cycles/" + cycleId + "/status", null))
                .isEqualTo(403);

        // Only the secretariat validates; a return needs a comment and goes back with it.
        assertThat(status("fp-egy", HttpMethod.POST, "/api/v1/reports/" + egy + "/validation", accept()))
                .isEqualTo(403);
        assertThat(status(
                        "secretariat",
                        HttpMethod.POST,
                        "/api/v1/reports/" + egy + "/validation",
                        Map.of("decision", "RETURN")))
                .isEqualTo(400);
        assertThat(status(
                        "secretariat",
                        HttpMethod.POST,
                        "/api/v1/reports/" + egy + "/validation",
                        Map.of("decision", "RETURN", "comment", "Objective 7 needs figures")))
                .isEqualTo(200);
        JsonNode returned = get("fp-egy", "/api/v1/reports/" + egy).getBody();
        assertThat(returned.get("status").asText()).isEqualTo("RETURNED");
        assertThat(returned.get("returnComment").asText()).isEqualTo("Objective 7 needs figures");
        JsonNode egyTask = get("fp-egy", "/api/v1/tasks?cycleId=" + cycleId)
                .getBody()
                .get("items")
                .get(0);
        assertThat(egyTask.get("taskKey").asText()).isEqualTo(ParticipantReviewModel.TASK_SUBMIT_REPORT);

        // Claim, reassignment rules, unclaim.
        String egyTaskId = egyTask.get("id").asText();
        assertThat(get("fp-egy", "/api/v1/tasks/" + egyTaskId)
                        .getBody()
                        .get("assignee")
                        .isNull())
                .isTrue();
        assertThat(call("fp-egy", HttpMethod.POST, "/api/v1/tasks/" + egyTaskId + "/claim", null)
                        .getBody()
                        .get("assignee")
                        .asText())
                .isEqualTo("fp-egy");
        assertThat(status(
                        "fp-egy",
                        HttpMethod.POST,
                        "/api/v1/tasks/" + egyTaskId + "/assignee",
                        Map.of("username", "fp-egy")))
                .isEqualTo(403);
        assertThat(status(
                        "manager",
                        HttpMethod.POST,
                        "/api/v1/tasks/" + egyTaskId + "/assignee",
                        Map.of("username", "fp-jor")))
                .isEqualTo(400);
        assertThat(call("manager", HttpMethod.POST, "/api/v1/tasks/" + egyTaskId + "/unclaim", null)
                        .getBody()
                        .get("assignee")
                        .isNull())
                .isTrue();
        assertThat(call(
                                "manager",
                                HttpMethod.POST,
                                "/api/v1/tasks/" + egyTaskId + "/assignee",
                                Map.of("username", "fp-egy"))
                        .getBody()
                        .get("assignee")
                        .asText())
                .isEqualTo("fp-egy");

        // Resubmit, accept everything.
        assertThat(status("fp-egy", HttpMethod.POST, "/api/v1/reports/" + egy + "/submit", Map.of()))
                .isEqualTo(200);
        for (long report : List.of(egy, jor, mar)) {
            assertThat(status("secretariat", HttpMethod.POST, "/api/v1/reports/" + report + "/validation", accept()))
                    .isEqualTo(200);
        }
        JsonNode versions =
                get("fp-egy", "/api/v1/reports/" + egy + "/versions").getBody();
        assertThat(versions).hasSize(2);
        assertThat(versions.get(0).get("decision").asText()).isEqualTo("RETURN");
        assertThat(versions.get(1).get("decision").asText()).isEqualTo("ACCEPT");

        // The branches end asynchronously; then the secretariat runs the meeting steps.
        runDueJobs(processInstanceId);
        JsonNode prepare =
                get("secretariat", "/api/v1/tasks?cycleId=" + cycleId).getBody().get("items");
        assertThat(prepare).hasSize(1);
        assertThat(prepare.get(0).get("taskKey").asText()).isEqualTo(AnnualReviewModel.TASK_PREPARE_ANNUAL_MEETING);
        JsonNode summary =
                get("secretariat", "/api/v1/cycles/" + cycleId + "/summary").getBody();
        assertThat(summary).hasSize(23);
        assertThat(summary.get(0).get("reportsCounted").asInt()).isEqualTo(3);
        assertThat(summary.get(0).get("medianRating").asDouble()).isEqualTo(3.0);
        assertThat(summary.get(4).get("supportNeededBy")).hasSize(3);

        assertThat(status(
                        "secretariat",
                        HttpMethod.POST,
                        "/api/v1/cycles/" + cycleId + "/meeting/outcomes",
                        Map.of("outcomes", "Too early", "decisions", List.of())))
                .isEqualTo(409);
        assertThat(status(
                        "secretariat",
                        HttpMethod.POST,
                        "/api/v1/cycles/" + cycleId + "/meeting/preparation",
                        Map.of("meetingDate", "2027-06-01", "agenda", "Review of 2027 reports")))
                .isEqualTo(200);
        JsonNode closed = call(
                        "secretariat",
                        HttpMethod.POST,
                        "/api/v1/cycles/" + cycleId + "/meeting/outcomes",
                        Map.of(
                                "outcomes",
                                "Regional peer exchange agreed",
                                "decisions",
                                List.of("Peer exchange on objective 5")))
                .getBody();
        assertThat(closed.get("status").asText()).isEqualTo("CLOSED");
        assertThat(closed.get("meetingDecisions").get(0).asText()).isEqualTo("Peer exchange on objective 5");

        // Every change is audited with its actor.
        JsonNode audit = get("secretariat", "/api/v1/audit?objectType=report&objectId=" + egy + "&size=100")
                .getBody()
                .get("items");
        List<String> actions = new ArrayList<>();
        audit.forEach(event -> actions.add(
                event.get("action").asText() + ":" + event.get("actor").asText()));
        assertThat(actions)
                .contains("REPORT_DRAFT_SAVED:fp-egy", "REPORT_SUBMITTED:fp-egy", "REPORT_VALIDATED:secretariat");
        assertThat(actions.stream().filter(a -> a.startsWith("REPORT_SUBMITTED")))
                .hasSize(2);
        assertThat(status("fp-egy", HttpMethod.GET, "/api/v1/audit", null)).isEqualTo(403);
    }

    private List<Integer> concurrently(int threads, java.util.concurrent.Callable<Integer> action) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        CountDownLatch start = new CountDownLatch(1);
        try {
            List<Future<Integer>> futures = new ArrayList<>();
            for (int i = 0; i < threads; i++) {
                futures.add(pool.submit(() -> {
                    start.await();
                    return action.call();
                }));
            }
            start.countDown();
            List<Integer> results = new ArrayList<>();
            for (Future<Integer> f : futures) {
                results.add(f.get());
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    private static Map<String, Object> accept() {
        return Map.of("decision", "ACCEPT");
    }

    private static Map<String, Object> draft(int lockVersion, List<Map<String, Object>> entries) {
        return Map.of("lockVersion", lockVersion, "entries", entries);
    }

    private static List<Map<String, Object>> entries(int rating) {
        List<Map<String, Object>> entries = new ArrayList<>();
        for (int n = 1; n <= 23; n++) {
            Map<String, Object> entry = entry(n, rating);
            entry.put("supportNeeded", n == 5);
            entries.add(entry);
        }
        return entries;
    }

    private static Map<String, Object> entry(int objective, int rating) {
        Map<String, Object> entry = new HashMap<>();
        entry.put("objective", objective);
        entry.put("rating", rating);
        entry.put("achievements", "Achievements " + objective);
        entry.put("obstacles", "Obstacles");
        entry.put("priorities", "Priorities");
        entry.put("supportNeeded", false);
        return entry;
    }

    private ResponseEntity<JsonNode> get(String user, String path) {
        ResponseEntity<JsonNode> response = call(user, HttpMethod.GET, path, null);
        assertThat(response.getStatusCode().value()).as("GET " + path).isEqualTo(200);
        return response;
    }

    private int status(String user, HttpMethod method, String path, Object body) {
        return call(user, method, path, body).getStatusCode().value();
    }

    private ResponseEntity<JsonNode> call(String user, HttpMethod method, String path, Object body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return as(user).exchange(path, method, new HttpEntity<>(body, headers), JsonNode.class);
    }

    private ResponseEntity<JsonNode> raw(String user, HttpMethod method, String path, String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return as(user).exchange(path, method, new HttpEntity<>(body, headers), JsonNode.class);
    }
}
