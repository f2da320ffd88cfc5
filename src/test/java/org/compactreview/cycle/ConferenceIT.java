package org.compactreview.cycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.compactreview.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * Three annual cycles and a conference over them, through the API: the compilation shows each
 * cycle's ratings, the regional focal point reads its members' accepted reports, the adopted
 * declaration's commitments appear in the next annual report form.
 */
class ConferenceIT extends IntegrationTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    UserDetailsService users;

    @Test
    void threeAnnualCyclesAndAConferenceEndWithFollowUpItemsInTheNextReportForm() throws Exception {
        // After the conferences other tests open at START, so that this one's period starts afresh.
        setClock(START.plus(1, ChronoUnit.HOURS));
        List<Long> egyptReports = new ArrayList<>();
        for (int year = 2041; year <= 2043; year++) {
            egyptReports.add(acceptedAnnualReportOfEgypt(String.valueOf(year), year - 2040));
        }

        JsonNode conference = call(
                        "secretariat",
                        HttpMethod.POST,
                        "/api/v1/cycles",
                        Map.of(
                                "kind", "HIGH_LEVEL_CONFERENCE",
                                "period", "2041-2045",
                                "participants", List.of("ARCP"),
                                "submissionDue", START.plus(40, ChronoUnit.DAYS).toString(),
                                "conferenceDate", "2027-09-01"))
                .getBody();
        long conferenceId = conference.get("id").asLong();
        assertThat(conference.get("kind").asText()).isEqualTo("HIGH_LEVEL_CONFERENCE");
        assertThat(call(
                                "secretariat",
                                HttpMethod.POST,
                                "/api/v1/cycles",
                                Map.of(
                                        "kind", "HIGH_LEVEL_CONFERENCE",
                                        "period", "2041-2045b",
                                        "participants", List.of("EGY"),
                                        "submissionDue",
                                                START.plus(40, ChronoUnit.DAYS).toString(),
                                        "conferenceDate", "2027-09-01"))
                        .getStatusCode()
                        .value())
                .as("member states do not write regional reviews")
                .isEqualTo(400);

        // The regional focal point drafts from its members' accepted national reports.
        JsonNode task = get("fp-arcp", "/api/v1/tasks?cycleId=" + conferenceId)
                .get("items")
                .get(0);
        long reviewId = task.get("reportId").asLong();
        assertThat(get("fp-arcp", "/api/v1/reports/" + egyptReports.get(0))
                        .get("participantCode")
                        .asText())
                .isEqualTo("EGY");
        assertThat(call("fp-egy", HttpMethod.GET, "/api/v1/reports/" + reviewId, null)
                        .getStatusCode()
                        .value())
                .isEqualTo(404);
        String form = mvc.perform(MockMvcRequestBuilders.get("/reports/" + reviewId)
                        .with(user(users.loadUserByUsername("fp-arcp"))))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(form).contains("id=\"regional-sources\"").contains("/reports/" + egyptReports.get(2));
        List<Map<String, Object>> entries = new ArrayList<>();
        for (int n = 1; n <= 23; n++) {
            Map<String, Object> entry = new HashMap<>();
            entry.put("objective", n);
            entry.put("achievements", "Arab region progress on " + n);
            entry.put("goodPractices", "Practice " + n);
            entries.add(entry);
        }
        assertThat(call(
                                "fp-arcp",
                                HttpMethod.PUT,
                                "/api/v1/reports/" + reviewId,
                                Map.of("lockVersion", 0, "entries", entries))
                        .getStatusCode()
                        .value())
                .isEqualTo(200);
        assertThat(post("fp-arcp", "/api/v1/reports/" + reviewId + "/submit", Map.of()))
                .isEqualTo(200);
        assertThat(post("secretariat", "/api/v1/reports/" + reviewId + "/validation", Map.of("decision", "ACCEPT")))
                .isEqualTo(200);
        runDueJobs(conference.get("processInstanceId").asText());

        // The compilation: objective 1 (round table 4) rated 1, 2, 3 over the three cycles.
        JsonNode compiled = get("secretariat", "/api/v1/conferences/" + conferenceId + "/compilation");
        assertThat(compiled.get("annualCycles").asInt()).isEqualTo(3);
        JsonNode objective1 = null;
        for (JsonNode group : compiled.get("roundTables")) {
            for (JsonNode objective : group.get("objectives")) {
                if (objective.get("objective").asInt() == 1) {
                    objective1 = objective;
                    assertThat(group.get("number").asInt()).isEqualTo(4);
                }
            }
        }
        assertThat(objective1.get("trend"))
                .extracting(p -> p.get("medianRating").asDouble())
                .containsExactly(1.0, 2.0, 3.0);
        assertThat(objective1.get("regionalSummaries").get(0).get("summary").asText())
                .isEqualTo("Arab region progress on 1");

        String base = "/api/v1/conferences/" + conferenceId;
        assertThat(post("fp-egy", base + "/progress-report", Map.of("narrative", "x")))
                .isEqualTo(403);
        assertThat(post("secretariat", base + "/progress-report", Map.of("narrative", "Steady progress on data")))
                .isEqualTo(204);
        assertThat(post(
                        "secretariat",
                        base + "/stakeholder-submissions",
                        Map.of(
                                "group",
                                "CIVIL_SOCIETY",
                                "organisation",
                                "Migrant rights network",
                                "submission",
                                "Detention")))
                .isEqualTo(201);
        assertThat(post("secretariat", base + "/consultation/close", Map.of())).isEqualTo(204);
        assertThat(post("manager", base + "/negotiation", Map.of("text", "Draft 1", "agree", false)))
                .isEqualTo(204);
        assertThat(post("manager", base + "/negotiation", Map.of("text", "Draft 2", "agree", false)))
                .isEqualTo(204);
        assertThat(post("manager", base + "/negotiation", Map.of("agree", true)))
                .isEqualTo(204);
        assertThat(post(
                        "secretariat",
                        base + "/adoption",
                        Map.of(
                                "commitments",
                                List.of(
                                        Map.of(
                                                "objective",
                                                1,
                                                "text",
                                                "Publish disaggregated migration statistics yearly",
                                                "responsible",
                                                List.of("EGY")),
                                        Map.of(
                                                "objective",
                                                23,
                                                "text",
                                                "Join a regional partnership",
                                                "responsible",
                                                List.of())))))
                .isEqualTo(204);
        JsonNode closed = get("secretariat", "/api/v1/cycles/" + conferenceId);
        assertThat(closed.get("status").asText()).isEqualTo("CLOSED");
        assertThat(get("secretariat", base).get("drafts")).hasSize(2);

        // The next annual cycle's report form shows the commitments beside the objectives.
        long next = acceptedAnnualReportOfEgypt("2046", -1);
        String nextForm = mvc.perform(
                        MockMvcRequestBuilders.get("/reports/" + next).with(user(users.loadUserByUsername("fp-egy"))))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(nextForm)
                .contains("Publish disaggregated migration statistics yearly")
                .contains("Join a regional partnership");
        assertThat(get("fp-jor", "/api/v1/follow-up-items?participant=JOR"))
                .noneSatisfy(item -> assertThat(item.get("text").asText()).contains("disaggregated"));
    }

    /** Opens an annual cycle for Egypt; with a rating, submits all objectives at it and accepts. */
    private long acceptedAnnualReportOfEgypt(String period, int rating) {
        JsonNode cycle = call(
                        "secretariat",
                        HttpMethod.POST,
                        "/api/v1/cycles",
                        Map.of(
                                "kind",
                                "ANNUAL_REVIEW",
                                "period",
                                period,
                                "participants",
                                List.of("EGY"),
                                "submissionDue",
                                START.plus(20, ChronoUnit.DAYS).toString()))
                .getBody();
        long reportId = get("fp-egy", "/api/v1/tasks?cycleId=" + cycle.get("id").asLong())
                .get("items")
                .get(0)
                .get("reportId")
                .asLong();
        if (rating < 0) {
            return reportId;
        }
        List<Map<String, Object>> entries = new ArrayList<>();
        for (int n = 1; n <= 23; n++) {
            entries.add(Map.of("objective", n, "rating", rating, "supportNeeded", false));
        }
        call("fp-egy", HttpMethod.PUT, "/api/v1/reports/" + reportId, Map.of("lockVersion", 0, "entries", entries));
        assertThat(post("fp-egy", "/api/v1/reports/" + reportId + "/submit", Map.of()))
                .isEqualTo(200);
        assertThat(post("secretariat", "/api/v1/reports/" + reportId + "/validation", Map.of("decision", "ACCEPT")))
                .isEqualTo(200);
        runDueJobs(cycle.get("processInstanceId").asText());
        return reportId;
    }

    private int post(String user, String path, Object body) {
        return call(user, HttpMethod.POST, path, body).getStatusCode().value();
    }

    private JsonNode get(String user, String path) {
        ResponseEntity<JsonNode> response = call(user, HttpMethod.GET, path, null);
        assertThat(response.getStatusCode().value()).as(path).isEqualTo(200);
        return response.getBody();
    }

    private ResponseEntity<JsonNode> call(String user, HttpMethod method, String path, Object body) {
        return as(user).exchange(path, method, new HttpEntity<>(body), JsonNode.class);
    }
}
