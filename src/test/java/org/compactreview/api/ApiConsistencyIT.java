package org.compactreview.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.compactreview.cycle.Commitment;
import org.compactreview.cycle.ConferenceService;
import org.compactreview.cycle.CycleKind;
import org.compactreview.cycle.CycleService;
import org.compactreview.cycle.OpenCycleRequest;
import org.compactreview.cycle.ReviewCycle;
import org.compactreview.report.Report;
import org.compactreview.report.ReportService;
import org.compactreview.report.ValidationDecision;
import org.compactreview.support.Entries;
import org.compactreview.support.IntegrationTest;
import org.compactreview.support.Users;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** The API does what its description says: defaults, required fields, scoping of the lists. */
class ApiConsistencyIT extends IntegrationTest {

    @Autowired
    ReportService reports;

    @Autowired
    CycleService cycles;

    @Autowired
    ConferenceService conferences;

    @Test
    void progressUpdateWithoutWhatWasDoneIsRefusedAsInvalidInput() {
        ResponseEntity<JsonNode> answer = call(
                "fp-egy", HttpMethod.POST, "/api/v1/capacity-requests/999999999/updates", Map.of("status", "ON_TRACK"));

        assertThat(answer.getStatusCode().value()).isEqualTo(400);
        assertThat(answer.getBody().get("type").asText()).isEqualTo("urn:compact-review:problem:invalid-input");
        assertThat(answer.getBody().get("errors").get(0).get("field").asText()).isEqualTo("done");
    }

    @Test
    void userCreatedWithoutEnabledIsEnabledAndSignsIn() {
        String username = "fp-new-" + Long.toString(System.nanoTime(), 36);
        ResponseEntity<JsonNode> created = call(
                "admin",
                HttpMethod.POST,
                "/api/v1/users",
                Map.of(
                        "username",
                        username,
                        "password",
                        "twelve-chars",
                        "user",
                        Map.of(
                                "displayName",
                                "New focal point",
                                "roles",
                                List.of("FOCAL_POINT"),
                                "participants",
                                List.of("MAR"))));

        assertThat(created.getStatusCode().value()).isEqualTo(201);
        assertThat(created.getBody().get("enabled").asBoolean()).isTrue();
        assertThat(http.withBasicAuth(username, "twelve-chars")
                        .getForEntity("/api/v1/me", JsonNode.class)
                        .getStatusCode()
                        .value())
                .isEqualTo(200);
        ResponseEntity<JsonNode> tooShort = call(
                "admin",
                HttpMethod.POST,
                "/api/v1/users",
                Map.of(
                        "username",
                        username + "-2",
                        "password",
                        "eleven-char",
                        "user",
                        Map.of("displayName", "Short password", "roles", List.of("ADMIN"))));
        assertThat(tooShort.getStatusCode().value()).isEqualTo(400);
    }

    @Test
    void auditObjectTypeIsReadInAnyCaseAndAnUnknownOneIsRefused() {
        ReviewCycle cycle = openAnnualReview("audit", "MAR");
        Report morocco = reports.list(Users.FP_MAR, cycle.id(), null).get(0);
        reports.saveDraft(morocco.id(), Users.FP_MAR, morocco.lockVersion(), Entries.complete(1));
        String query = "&objectId=" + morocco.id();

        JsonNode lower =
                get("secretariat", "/api/v1/audit?objectType=report" + query).getBody();
        JsonNode upper =
                get("secretariat", "/api/v1/audit?objectType=REPORT" + query).getBody();

        assertThat(lower.get("total").asInt()).isPositive();
        assertThat(upper.get("total").asInt()).isEqualTo(lower.get("total").asInt());
        assertThat(upper.get("items").get(0).get("action").asText()).isEqualTo("REPORT_DRAFT_SAVED");
        assertThat(get("admin", "/api/v1/audit?objectType=Capacity_Request")
                        .getStatusCode()
                        .value())
                .isEqualTo(200);
        ResponseEntity<JsonNode> unknown = get("secretariat", "/api/v1/audit?objectType=reports");
        assertThat(unknown.getStatusCode().value()).isEqualTo(400);
        assertThat(unknown.getBody().get("errors").get(0).get("field").asText()).isEqualTo("objectType");
    }

    @Test
    void regionalFocalPointListsTheMembersAcceptedReportsItMayReadById() {
        ReviewCycle cycle = openAnnualReview("regional", "EGY", "JOR");
        Report egypt = reports.list(Users.FP_EGY, cycle.id(), null).get(0);
        reports.saveDraft(egypt.id(), Users.FP_EGY, egypt.lockVersion(), Entries.complete(3));
        reports.submit(egypt.id(), Users.FP_EGY, null);
        reports.validate(egypt.id(), Users.SECRETARIAT, ValidationDecision.ACCEPT, null);
        Report jordan = reports.list(Users.FP_JOR, cycle.id(), null).get(0);

        assertThat(get("fp-arcp", "/api/v1/reports/" + egypt.id())
                        .getStatusCode()
                        .value())
                .isEqualTo(200);
        assertThat(ids(get("fp-arcp", "/api/v1/reports?participant=EGY&cycleId=" + cycle.id())))
                .containsExactly(egypt.id());
        assertThat(get("fp-arcp", "/api/v1/reports/" + jordan.id())
                        .getStatusCode()
                        .value())
                .as("a member's draft is not for the region")
                .isEqualTo(404);
        assertThat(ids(get("fp-arcp", "/api/v1/reports?participant=JOR&cycleId=" + cycle.id())))
                .isEmpty();
        assertThat(ids(get("fp-jor", "/api/v1/reports?participant=EGY&cycleId=" + cycle.id())))
                .as("another member state's focal point")
                .isEmpty();
    }

    @Test
    void reportCarriesTheFollowUpItemsThatApplyToItsParticipant() {
        String marker = "report-" + Long.toString(System.nanoTime(), 36);
        adoptDeclaration(marker);
        ReviewCycle cycle = openAnnualReview("follow-ups", "EGY");
        Report egypt = reports.list(Users.FP_EGY, cycle.id(), null).get(0);

        JsonNode report = get("fp-egy", "/api/v1/reports/" + egypt.id()).getBody();

        assertThat(report.get("entries")).hasSize(23);
        assertThat(texts(report.get("followUpItems"), marker))
                .containsExactly(marker + " for everyone", marker + " for Egypt");
        report.get("followUpItems").forEach(item -> {
            if (item.get("text").asText().equals(marker + " for Egypt")) {
                assertThat(item.get("objective").asInt()).isEqualTo(22);
            }
        });
    }

    @Test
    void focalPointListsOnlyTheFollowUpItemsForItsParticipantsOrEveryone() {
        String marker = "list-" + Long.toString(System.nanoTime(), 36);
        adoptDeclaration(marker);

        assertThat(texts(get("fp-egy", "/api/v1/follow-up-items").getBody(), marker))
                .containsExactly(marker + " for everyone", marker + " for Egypt");
        assertThat(texts(
                        get("fp-egy", "/api/v1/follow-up-items?participant=JOR").getBody(), marker))
                .isEmpty();
        assertThat(texts(get("fp-jor", "/api/v1/follow-up-items?objective=22").getBody(), marker))
                .isEmpty();
        assertThat(texts(get("secretariat", "/api/v1/follow-up-items").getBody(), marker))
                .containsExactly(marker + " for everyone", marker + " for Jordan", marker + " for Egypt");
        assertThat(texts(
                        get("manager", "/api/v1/follow-up-items?participant=JOR")
                                .getBody(),
                        marker))
                .containsExactly(marker + " for everyone", marker + " for Jordan");
    }

    /** A conference of ARCP adopting three commitments: objective 5 for all, 7 for Jordan, 22 for Egypt. */
    private void adoptDeclaration(String marker) {
        ReviewCycle conference = cycles.open(
                new OpenCycleRequest(
                        CycleKind.HIGH_LEVEL_CONFERENCE,
                        uniquePeriod("adopt"),
                        List.of("ARCP"),
                        START.plus(30, ChronoUnit.DAYS),
                        null,
                        null,
                        LocalDate.ofInstant(START, ZoneOffset.UTC).plusDays(100)),
                Users.SECRETARIAT);
        setClock(conference.windowClosesAt().plusSeconds(1));
        runDueJobs(conference.processInstanceId());
        conferences.compile(conference.id(), Users.SECRETARIAT, "Narrative");
        conferences.finishConsultation(conference.id(), Users.SECRETARIAT);
        conferences.negotiate(conference.id(), Users.MANAGER, "Draft", false);
        conferences.negotiate(conference.id(), Users.MANAGER, null, true);
        conferences.adopt(
                conference.id(),
                Users.SECRETARIAT,
                List.of(
                        new Commitment(5, marker + " for everyone", List.of()),
                        new Commitment(7, marker + " for Jordan", List.of("JOR")),
                        new Commitment(22, marker + " for Egypt", List.of("EGY"))));
        setClock(START);
    }

    private static List<String> texts(JsonNode items, String marker) {
        List<String> texts = new ArrayList<>();
        items.forEach(item -> {
            if (item.get("text").asText().startsWith(marker)) {
                texts.add(item.get("text").asText());
            }
        });
        return texts;
    }

    private static List<Long> ids(ResponseEntity<JsonNode> reports) {
        assertThat(reports.getStatusCode().value()).isEqualTo(200);
        List<Long> ids = new ArrayList<>();
        reports.getBody().forEach(report -> ids.add(report.get("id").asLong()));
        return ids;
    }

    private ResponseEntity<JsonNode> get(String user, String url) {
        return as(user).getForEntity(url, JsonNode.class);
    }

    private ResponseEntity<JsonNode> call(String user, HttpMethod method, String url, Object body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return as(user).exchange(url, method, new HttpEntity<>(body, headers), JsonNode.class);
    }
}
