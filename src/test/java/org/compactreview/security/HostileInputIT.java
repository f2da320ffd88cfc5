package org.compactreview.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.compactreview.cycle.CycleKind;
import org.compactreview.cycle.CycleService;
import org.compactreview.cycle.OpenCycleRequest;
import org.compactreview.report.ReportService;
import org.compactreview.support.IntegrationTest;
import org.compactreview.support.Users;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * Hostile text is stored as it was given and shown escaped; hostile shapes are a clear 400. Each
 * value goes through the API into a report, back out of the API unchanged, and into the report
 * page, where it must appear escaped.
 */
class HostileInputIT extends IntegrationTest {

    @Autowired
    CycleService cycles;

    @Autowired
    ReportService reports;

    @Autowired
    MockMvc mvc;

    @Autowired
    AppUserDetailsService users;

    @ParameterizedTest
    @ValueSource(
            strings = {
                "<script>alert('x')</script>",
                "\"><img src=x onerror=alert(1)>",
                "'; drop table report; --",
                "Robert'); DELETE FROM audit_event WHERE ('1'='1",
                "\u202Egnp.exe",
                "zero\u200Bwidth\u200Djoiner",
                "emoji 😀🇪🇬 and 𝔘𝔫𝔦𝔠𝔬𝔡𝔢",
                "العربية مع English و 123"
            })
    void hostileTextIsStoredAsGivenAndShownEscaped(String text) throws Exception {
        long reportId = reports.list(
                        Users.FP_EGY,
                        cycles.open(
                                        new OpenCycleRequest(
                                                CycleKind.ANNUAL_REVIEW,
                                                uniquePeriod("hostile"),
                                                List.of("EGY"),
                                                START.plus(30, ChronoUnit.DAYS),
                                                null,
                                                null),
                                        Users.SECRETARIAT)
                                .id(),
                        null)
                .get(0)
                .id();
        Map<String, Object> entry = new HashMap<>();
        entry.put("objective", 1);
        entry.put("rating", 2);
        entry.put("achievements", text);
        ResponseEntity<JsonNode> saved = put(reportId, Map.of("lockVersion", 0, "entries", List.of(entry)));
        assertThat(saved.getStatusCode().value()).isEqualTo(200);
        assertThat(saved.getBody().get("entries").get(0).get("achievements").asText())
                .isEqualTo(text);

        String page = mvc.perform(MockMvcRequestBuilders.get("/reports/" + reportId)
                        .with(user(users.loadUserByUsername("fp-egy"))))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page).doesNotContain("<script>alert").doesNotContain("<img src=x");
        if (text.contains("<")) {
            assertThat(page).contains("&lt;");
        }
        assertThat(jdbc.sql("select count(*) from report").query(Long.class).single())
                .isPositive();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "{\"lockVersion\": \"zero\", \"entries\": []}",
                "{\"lockVersion\": 0, \"entries\": [{\"objective\": \"one\"}]}",
                "{\"lockVersion\": 0, \"entries\": [{\"objective\": 1, \"rating\": 2.5}]}",
                "{\"lockVersion\": 0, \"entries\": {}}",
                "{\"lockVersion\": 0, \"entries\": [], \"unknown\": true}",
                "[]",
                "{\"lockVersion\": 0, \"entries\": [null]}"
            })
    void wrongShapesAreAClearBadRequest(String body) {
        long reportId = reports.list(
                        Users.FP_EGY,
                        cycles.open(
                                        new OpenCycleRequest(
                                                CycleKind.ANNUAL_REVIEW,
                                                uniquePeriod("shape"),
                                                List.of("EGY"),
                                                START.plus(30, ChronoUnit.DAYS),
                                                null,
                                                null),
                                        Users.SECRETARIAT)
                                .id(),
                        null)
                .get(0)
                .id();
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        ResponseEntity<JsonNode> refused = as("fp-egy")
                .exchange(
                        "/api/v1/reports/" + reportId, HttpMethod.PUT, new HttpEntity<>(body, headers), JsonNode.class);
        assertThat(refused.getStatusCode().value()).isEqualTo(400);
        assertThat(refused.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .isTrue();
        assertThat(refused.getBody().toString()).doesNotContain("Exception").doesNotContain("at org.");
        assertThat(reports.get(reportId, Users.FP_EGY).lockVersion()).isZero();
    }

    private ResponseEntity<JsonNode> put(long reportId, Object body) {
        return as("fp-egy")
                .exchange("/api/v1/reports/" + reportId, HttpMethod.PUT, new HttpEntity<>(body), JsonNode.class);
    }
}
