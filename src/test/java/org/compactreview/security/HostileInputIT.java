package org.compactreview.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
        long reportId = egyptsReport("hostile");
        Map<String, Object> entry = new HashMap<>();
        entry.put("objective", 1);
        entry.put("rating", 2);
        entry.put("achievements", text);
        ResponseEntity<JsonNode> saved = put(reportId, Map.of("lockVersion", 0, "entries", List.of(entry)));
        assertThat(saved.getStatusCode().value()).isEqualTo(200);
        assertThat(saved.getBody().get("entries").get(0).get("achievements").asText())
                .isEqualTo(text);

        var shown = mvc.perform(MockMvcRequestBuilders.get("/reports/" + reportId)
                        .with(user(users.loadUserByUsername("fp-egy"))))
                .andReturn()
                .getResponse();
        assertThat(shown.getStatus()).isEqualTo(200);
        String page = shown.getContentAsString();
        assertThat(page).doesNotContain("<script>alert").doesNotContain("<img src=x");
        if (text.contains("<")) {
            assertThat(page).contains("&lt;");
        }
        // Shown whole: once the page's character references are read back, the text is there as given.
        assertThat(org.springframework.web.util.HtmlUtils.htmlUnescape(page))
                .as("shown")
                .contains(text);
        assertThat(jdbc.sql("select count(*) from report where id = ?")
                        .param(reportId)
                        .query(Long.class)
                        .single())
                .as("the report is still there")
                .isEqualTo(1);
    }

    /** Egypt's report in a new annual cycle. */
    private long egyptsReport(String prefix) {
        return reports.list(Users.FP_EGY, openAnnualReview(prefix, "EGY").id(), null)
                .get(0)
                .id();
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
        long reportId = egyptsReport("shape");
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
