package org.compactreview.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import org.compactreview.report.ReportService;
import org.compactreview.support.IntegrationTest;
import org.compactreview.support.Users;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.web.util.HtmlUtils;

/**
 * Input the app cannot use is refused as the caller's mistake, naming the field: the report form
 * comes back with the message and the typed text, the API answers a 400 problem (never a 409 or
 * a 500), pages answer the 400 page in the user's language. Nothing is stored.
 */
class InputErrorsIT extends IntegrationTest {

    private static final String TYPED = "Typed by the focal point";

    @Autowired
    MockMvc mvc;

    @Autowired
    UserDetailsService users;

    @Autowired
    ReportService reports;

    @ParameterizedTest
    @ValueSource(strings = {"entries[300].objective", "entries[-1].objective", "entries[256].rating"})
    void reportFormRefusesAnEntryItDoesNotHave(String field) throws Exception {
        long reportId = egyptsReport("index");
        MockHttpServletResponse answer =
                mvc.perform(save(reportId).param(field, "1")).andReturn().getResponse();
        assertThat(answer.getStatus()).isEqualTo(200);
        String page = HtmlUtils.htmlUnescape(answer.getContentAsString());
        assertThat(page)
                .contains("id=\"form-error\"")
                .contains("This form has no field " + field)
                .contains(TYPED);
        assertThat(reports.get(reportId, Users.FP_EGY).lockVersion()).isZero();
    }

    @Test
    void reportFormRefusesANulBesideTheFieldAndKeepsTheTypedText() throws Exception {
        long reportId = egyptsReport("nul-form");
        MockHttpServletResponse answer = mvc.perform(save(reportId).param("entries[0].obstacles", "a\u0000b"))
                .andReturn()
                .getResponse();
        assertThat(answer.getStatus()).isEqualTo(200);
        String page = HtmlUtils.htmlUnescape(answer.getContentAsString());
        assertThat(page).contains(TYPED).contains("id=\"obstacles-1\"");
        String afterObstacles = page.substring(page.lastIndexOf("<textarea", page.indexOf("id=\"obstacles-1\"")));
        assertThat(afterObstacles.substring(0, afterObstacles.indexOf("</div>")))
                .contains("is-invalid")
                .contains("invalid-feedback")
                .contains("contains a character that cannot be stored");
        assertThat(reports.get(reportId, Users.FP_EGY).lockVersion()).isZero();
        assertThat(reports.get(reportId, Users.FP_EGY).entries().get(0).achievements())
                .isNull();
    }

    @Test
    void nulInJsonTextIsABadRequestNamingTheField() {
        long reportId = egyptsReport("nul-json");
        ResponseEntity<JsonNode> refused = putReport(
                reportId, "{\"lockVersion\": 0, \"entries\": [{\"objective\": 1, \"achievements\": \"a\\u0000b\"}]}");
        assertProblem(refused, 400, "invalid-input", "entries[0].achievements");
        assertThat(field(refused).get("message").asText()).contains("cannot be stored");
        assertThat(reports.get(reportId, Users.FP_EGY).lockVersion()).isZero();
    }

    @Test
    void nulInAQueryParameterIsABadRequestNamingTheParameter() {
        ResponseEntity<JsonNode> refused =
                as("secretariat").getForEntity("/api/v1/reports?participant={p}", JsonNode.class, "a\u0000b");
        assertProblem(refused, 400, "invalid-input", "participant");
    }

    @Test
    void aPageTooFarForTheOffsetIsABadRequestNamingThePage() {
        ResponseEntity<JsonNode> refused =
                as("secretariat").getForEntity("/api/v1/cycles?page=2147483647", JsonNode.class);
        assertProblem(refused, 400, "invalid-input", "page");
    }

    @Test
    void aDueDateOutsideTheDomainsYearsIsABadRequestNamingTheField() {
        String period = uniquePeriod("far");
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        ResponseEntity<JsonNode> refused = as("secretariat")
                .postForEntity(
                        "/api/v1/cycles",
                        new HttpEntity<>(
                                Map.of(
                                        "kind",
                                        "ANNUAL_REVIEW",
                                        "period",
                                        period,
                                        "participants",
                                        List.of("EGY"),
                                        "submissionDue",
                                        "+999999999-12-31T23:59:59Z"),
                                headers),
                        JsonNode.class);
        assertProblem(refused, 400, "invalid-input", "submissionDue");
        assertThat(field(refused).get("message").asText()).contains("2000").contains("2200");
        assertThat(jdbc.sql("select count(*) from review_cycle where period = ?")
                        .param(period)
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void anUnknownJsonFieldIsNamed() {
        long reportId = egyptsReport("unknown");
        ResponseEntity<JsonNode> refused =
                putReport(reportId, "{\"lockVersion\": 0, \"entries\": [{\"objective\": 1, \"colour\": \"red\"}]}");
        assertProblem(refused, 400, "malformed-body", "entries[0].colour");
        assertThat(reports.get(reportId, Users.FP_EGY).lockVersion()).isZero();
    }

    @Test
    void aFocalPointAskingForEveryTeamIsForbidden() {
        ResponseEntity<JsonNode> refused = as("fp-egy").getForEntity("/api/v1/tasks?allTeams=true", JsonNode.class);
        assertThat(refused.getStatusCode().value()).isEqualTo(403);
        assertThat(refused.getBody().get("type").asText()).isEqualTo("urn:compact-review:problem:forbidden");
        assertThat(refused.getBody().get("detail").asText()).contains("every team");
    }

    @Test
    void aBadQueryParameterOnAPageAnswersTheErrorPageInTheUsersLanguage() throws Exception {
        // Neither fp-mar nor the manager ever chose a language: Accept-Language decides.
        MockHttpServletResponse french = mvc.perform(get("/capacity?stage=FOO")
                        .header("Accept-Language", "fr")
                        .with(user(users.loadUserByUsername("fp-mar"))))
                .andReturn()
                .getResponse();
        assertErrorPage(french.getStatus(), french.getContentType(), french.getContentAsString(), "fr");
        assertThat(HtmlUtils.htmlUnescape(french.getContentAsString()))
                .contains("Cette demande n'est pas valide")
                .contains("stage");

        MockHttpServletResponse arabic = mvc.perform(get("/team?cycleId=abc")
                        .header("Accept-Language", "ar")
                        .with(user(users.loadUserByUsername("manager"))))
                .andReturn()
                .getResponse();
        assertErrorPage(arabic.getStatus(), arabic.getContentType(), arabic.getContentAsString(), "ar");
        assertThat(arabic.getContentAsString()).contains("هذا الطلب غير صالح").contains("cycleId");
    }

    @ParameterizedTest
    @ValueSource(strings = {"/api/v1//reports", "/api/v1/reports;x=1"})
    void theFirewallsRefusalIsAProblemForTheApi(String path) {
        HttpResponse<String> refused = send(path, "application/json", "fr");
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.headers().firstValue("Content-Type").orElseThrow()).startsWith("application/problem+json");
        assertThat(refused.body())
                .contains("urn:compact-review:problem:rejected-address")
                .contains("Adresse refus")
                .doesNotContain("Exception");
    }

    @Test
    void theFirewallsRefusalIsTheErrorPageForPages() {
        HttpResponse<String> refused = send("/inbox;x=1", "text/html", "fr");
        assertErrorPage(
                refused.statusCode(),
                refused.headers().firstValue("Content-Type").orElseThrow(),
                refused.body(),
                "fr");
    }

    private static void assertErrorPage(int status, String contentType, String page, String language) {
        assertThat(status).isEqualTo(400);
        assertThat(contentType).startsWith("text/html");
        assertThat(page)
                .contains("lang=\"" + language + "\"")
                .contains("id=\"problem-text\"")
                .doesNotContain("Whitelabel")
                .doesNotContain("Exception")
                .doesNotContain("at org.");
    }

    private static void assertProblem(ResponseEntity<JsonNode> answer, int status, String type, String field) {
        assertThat(answer.getStatusCode().value()).isEqualTo(status);
        assertThat(answer.getHeaders().getContentType().isCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON))
                .isTrue();
        assertThat(answer.getBody().get("type").asText()).isEqualTo("urn:compact-review:problem:" + type);
        assertThat(field(answer).get("field").asText()).isEqualTo(field);
        assertThat(answer.getBody().toString()).doesNotContain("Exception").doesNotContain("at org.");
    }

    private static JsonNode field(ResponseEntity<JsonNode> answer) {
        JsonNode errors = answer.getBody().get("errors");
        assertThat(errors).as("errors of " + answer.getBody()).isNotNull().hasSize(1);
        return errors.get(0);
    }

    private long egyptsReport(String prefix) {
        return reports.list(Users.FP_EGY, openAnnualReview(prefix, "EGY").id(), null)
                .get(0)
                .id();
    }

    private MockHttpServletRequestBuilder save(long reportId) {
        return post("/reports/" + reportId)
                .with(user(users.loadUserByUsername("fp-egy")))
                .with(csrf())
                .param("lockVersion", "0")
                .param("action", "save")
                .param("entries[0].objective", "1")
                .param("entries[0].achievements", TYPED);
    }

    private ResponseEntity<JsonNode> putReport(long reportId, String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return as("fp-egy")
                .exchange(
                        "/api/v1/reports/" + reportId, HttpMethod.PUT, new HttpEntity<>(body, headers), JsonNode.class);
    }

    /** Straight over HTTP, so that the address reaches the firewall as written. */
    private HttpResponse<String> send(String path, String accept, String language) {
        try {
            return HttpClient.newHttpClient()
                    .send(
                            HttpRequest.newBuilder(URI.create(http.getRootUri() + path))
                                    .header("Accept", accept)
                                    .header("Accept-Language", language)
                                    .GET()
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
