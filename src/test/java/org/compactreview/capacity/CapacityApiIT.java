package org.compactreview.capacity;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.compactreview.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

/**
 * Through the API: an accepted report with two objectives flagged for support raises two running
 * requests; one goes all the way to an evaluated, published practice. Focal points see only
 * their own participant's requests.
 */
class CapacityApiIT extends IntegrationTest {

    @Test
    void acceptedReportWithTwoFlaggedObjectivesRaisesTwoRequestsOneEvaluated() {
        long reportId = acceptedReportOfEgypt(List.of(6, 18));

        JsonNode mine = get("fp-egy", "/api/v1/capacity-requests").getBody();
        List<JsonNode> raised = new ArrayList<>();
        mine.forEach(r -> {
            if (r.get("reportId").asLong() == reportId) {
                raised.add(r);
            }
        });
        assertThat(raised).extracting(r -> r.get("objective").asInt()).containsExactlyInAnyOrder(6, 18);
        assertThat(raised).allSatisfy(r -> assertThat(r.get("stage").asText()).isEqualTo("ASSESSMENT"));
        assertThat(raised.get(0).get("priorities").asText()).startsWith("Priorities on");
        raised.forEach(r -> runDueJobs(processOf(r.get("id").asLong())));

        // Scoping: another participant's focal point sees nothing of Egypt's requests.
        raised.sort(java.util.Comparator.comparingInt(r -> r.get("objective").asInt()));
        long first = raised.get(0).get("id").asLong(); // objective 6
        long second = raised.get(1).get("id").asLong(); // objective 18
        assertThat(call("fp-jor", HttpMethod.GET, "/api/v1/capacity-requests/" + first, null)
                        .getStatusCode()
                        .value())
                .isEqualTo(404);
        get("fp-jor", "/api/v1/capacity-requests")
                .getBody()
                .forEach(r -> assertThat(r.get("participantCode").asText()).isEqualTo("JOR"));
        assertThat(call(
                                "fp-jor",
                                HttpMethod.POST,
                                "/api/v1/capacity-requests/" + first + "/updates",
                                Map.of("status", "ON_TRACK", "done", "x"))
                        .getStatusCode()
                        .value())
                .isEqualTo(404);
        JsonNode filtered = get("secretariat", "/api/v1/capacity-requests?objective=18&region=AFRICA&stage=ASSESSMENT")
                .getBody();
        assertThat(filtered).anySatisfy(r -> assertThat(r.get("id").asLong()).isEqualTo(second));
        filtered.forEach(r -> assertThat(r.get("objective").asInt()).isEqualTo(18));

        // Wrong role and wrong stage are refused; nothing changes.
        assertThat(post("fp-egy", "/capacity-requests/" + first + "/assessment", Map.of("assessment", "ACCEPT")))
                .isEqualTo(403);
        assertThat(post("manager", "/capacity-requests/" + first + "/plan", plan("P1M")))
                .isEqualTo(409);

        // The first request: accepted, planned, updated, evaluated and published.
        assertThat(post("secretariat", "/capacity-requests/" + first + "/assessment", Map.of("assessment", "ACCEPT")))
                .isEqualTo(200);
        assertThat(post("manager", "/capacity-requests/" + first + "/plan", plan("P2D")))
                .isEqualTo(400);
        assertThat(post("manager", "/capacity-requests/" + first + "/plan", plan("P1M")))
                .isEqualTo(200);
        assertThat(post(
                        "fp-egy",
                        "/capacity-requests/" + first + "/updates",
                        Map.of("status", "ON_TRACK", "done", "x")))
                .as("no update is due yet")
                .isEqualTo(409);
        setClock(START.plus(31, ChronoUnit.DAYS));
        runDueJobs(processOf(first));
        assertThat(post(
                        "fp-egy",
                        "/capacity-requests/" + first + "/updates",
                        Map.of("status", "ON_TRACK", "done", "Recruitment agencies trained", "nextSteps", "Audit")))
                .isEqualTo(200);
        setClock(START.plus(92, ChronoUnit.DAYS));
        runDueJobs(processOf(first));
        Map<String, Object> evaluation = Map.of(
                "outcomeRating",
                5,
                "lessons",
                "Start with the labour ministry",
                "publish",
                true,
                "summary",
                "Training of recruitment agencies");
        assertThat(post("secretariat", "/capacity-requests/" + first + "/evaluation", evaluation))
                .isEqualTo(200);

        JsonNode evaluated = get("fp-egy", "/api/v1/capacity-requests/" + first).getBody();
        assertThat(evaluated.get("stage").asText()).isEqualTo("EVALUATED");
        assertThat(evaluated.get("plan").get("fundingSource").asText()).isEqualTo("Migration Multi-Partner Trust Fund");
        assertThat(evaluated.get("updates")).hasSize(1);
        assertThat(evaluated.get("evaluation").get("outcomeRating").asInt()).isEqualTo(5);
        assertThat(get("fp-jor", "/api/v1/practices?objective=6").getBody())
                .anySatisfy(p -> assertThat(p.get("requestId").asLong()).isEqualTo(first));

        // The second request is still running, waiting for assessment.
        assertThat(get("fp-egy", "/api/v1/capacity-requests/" + second)
                        .getBody()
                        .get("stage")
                        .asText())
                .isEqualTo("ASSESSMENT");
        JsonNode audit = get("secretariat", "/api/v1/audit?objectType=capacity-request&objectId=" + first)
                .getBody()
                .get("items");
        List<String> actions = new ArrayList<>();
        audit.forEach(e -> actions.add(e.get("action").asText()));
        assertThat(actions)
                .containsExactly(
                        "CAPACITY_EVALUATED",
                        "CAPACITY_PROGRESS_REPORTED",
                        "CAPACITY_PLAN_AGREED",
                        "CAPACITY_ASSESSED",
                        "CAPACITY_REQUESTED");
    }

    private long acceptedReportOfEgypt(List<Integer> supportOn) {
        JsonNode cycle = call(
                        "secretariat",
                        HttpMethod.POST,
                        "/api/v1/cycles",
                        Map.of(
                                "kind", "ANNUAL_REVIEW",
                                "period", uniquePeriod("cap"),
                                "participants", List.of("EGY"),
                                "submissionDue", START.plus(20, ChronoUnit.DAYS).toString()))
                .getBody();
        long reportId = get("fp-egy", "/api/v1/tasks?cycleId=" + cycle.get("id").asLong())
                .getBody()
                .get("items")
                .get(0)
                .get("reportId")
                .asLong();
        List<Map<String, Object>> entries = new ArrayList<>();
        for (int n = 1; n <= 23; n++) {
            Map<String, Object> entry = new HashMap<>();
            entry.put("objective", n);
            entry.put("rating", 2);
            entry.put("priorities", "Priorities on " + n);
            entry.put("supportNeeded", supportOn.contains(n));
            entries.add(entry);
        }
        assertThat(call(
                                "fp-egy",
                                HttpMethod.PUT,
                                "/api/v1/reports/" + reportId,
                                Map.of("lockVersion", 0, "entries", entries))
                        .getStatusCode()
                        .value())
                .isEqualTo(200);
        assertThat(post("fp-egy", "/reports/" + reportId + "/submit", Map.of())).isEqualTo(200);
        assertThat(post("secretariat", "/reports/" + reportId + "/validation", Map.of("decision", "ACCEPT")))
                .isEqualTo(200);
        assertThat(get("fp-egy", "/api/v1/capacity-requests").getBody())
                .as("raised after the acceptance is committed, at the branch's save point")
                .noneMatch(r -> r.get("reportId").asLong() == reportId);
        runDueJobs(cycle.get("processInstanceId").asText());
        return reportId;
    }

    private static Map<String, Object> plan(String interval) {
        Map<String, Object> plan = new HashMap<>();
        plan.put("implementingPartner", "ILO regional office");
        plan.put("activities", "Training for recruitment agencies");
        plan.put("startDate", "2027-01-10");
        plan.put("endDate", "2027-04-10");
        plan.put("budget", 40000);
        plan.put("currency", "USD");
        plan.put("fundingSource", "Migration Multi-Partner Trust Fund");
        plan.put("reviewInterval", interval);
        return plan;
    }

    private String processOf(long requestId) {
        return jdbc.sql("select process_instance_id from capacity_request where id = ?")
                .param(requestId)
                .query(String.class)
                .single();
    }

    private int post(String user, String path, Object body) {
        return call(user, HttpMethod.POST, "/api/v1" + path, body)
                .getStatusCode()
                .value();
    }

    private ResponseEntity<JsonNode> get(String user, String path) {
        ResponseEntity<JsonNode> response = call(user, HttpMethod.GET, path, null);
        assertThat(response.getStatusCode().value()).as(path).isEqualTo(200);
        return response;
    }

    private ResponseEntity<JsonNode> call(String user, HttpMethod method, String path, Object body) {
        return as(user).exchange(path, method, new HttpEntity<>(body), JsonNode.class);
    }
}
