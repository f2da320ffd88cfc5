package org.compactreview.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.compactreview.cycle.ReviewCycle;
import org.compactreview.identity.Role;
import org.compactreview.identity.UserDirectory;
import org.compactreview.identity.UserDraft;
import org.compactreview.support.Entries;
import org.compactreview.support.FormClient;
import org.compactreview.support.IntegrationTest;
import org.compactreview.support.Users;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Section delegation through the API and the pages: Egypt's focal point hands objectives 3 and 5
 * of its draft to contrib-egy (a demo contributor of Egypt), who sees and writes only those,
 * cannot submit nor see anything else, and hands them back; the focal point sees who wrote what,
 * cannot submit while a delegation is open, and may take one back.
 */
class SectionDelegationIT extends IntegrationTest {

    private static final String CONTRIBUTOR = "contrib-egy";

    @Autowired
    ReportService reports;

    @Autowired
    ObjectMapper json;

    @Autowired
    UserDirectory directory;

    ReviewCycle cycle;
    long egypt;
    long jordan;

    @BeforeEach
    void openCycle() {
        cycle = openAnnualReview("delegation", "EGY", "JOR");
        egypt = reports.list(Users.FP_EGY, cycle.id(), null).get(0).id();
        jordan = reports.list(Users.FP_JOR, cycle.id(), null).get(0).id();
    }

    @Test
    void contributorSeesAndWritesOnlyItsSectionsAndCannotSubmit() throws Exception {
        long delegation = delegate(3, 5);

        JsonNode report = body(call(CONTRIBUTOR, HttpMethod.GET, "/api/v1/reports/" + egypt, null));
        assertThat(objectives(report.get("entries"))).containsExactly(3, 5);
        assertThat(report.path("returnComment").isNull()
                        || report.path("returnComment").isMissingNode())
                .isTrue();
        int lockVersion = report.get("lockVersion").asInt();

        assertThat(save(CONTRIBUTOR, egypt, lockVersion, entry(3, 2, "Labour ministry: pathways opened"))
                        .getStatusCode()
                        .value())
                .isEqualTo(200);
        ResponseEntity<String> otherSection = save(CONTRIBUTOR, egypt, lockVersion + 1, entry(1, 4, "Not mine"));
        assertThat(otherSection.getStatusCode().value()).isEqualTo(404);
        assertThat(otherSection.getBody()).contains("not-found");
        assertThat(reports.get(egypt, Users.FP_EGY).entries().get(0).rating()).isNull();

        assertThat(status(CONTRIBUTOR, HttpMethod.POST, "/api/v1/reports/" + egypt + "/submit", "{}"))
                .isEqualTo(403);
        assertThat(status(CONTRIBUTOR, HttpMethod.GET, "/api/v1/reports/" + egypt + "/versions", null))
                .isEqualTo(404);
        assertThat(status(CONTRIBUTOR, HttpMethod.GET, "/api/v1/reports/" + egypt + "/delegations", null))
                .isEqualTo(404);
        assertThat(status(CONTRIBUTOR, HttpMethod.POST, "/api/v1/reports/" + egypt + "/delegations", "{}"))
                .isEqualTo(403);
        assertThat(status(CONTRIBUTOR, HttpMethod.GET, "/api/v1/reports/" + jordan, null))
                .isEqualTo(404);
        assertThat(status(CONTRIBUTOR, HttpMethod.PUT, "/api/v1/reports/" + jordan, draft(0, entry(3, 1, "x"))))
                .isEqualTo(404);

        JsonNode listed = body(call(CONTRIBUTOR, HttpMethod.GET, "/api/v1/reports", null));
        List<Long> ids = new ArrayList<>();
        listed.forEach(r -> ids.add(r.get("id").asLong()));
        assertThat(ids).contains(egypt).doesNotContain(jordan);
        listed.forEach(r -> assertThat(r.get("entries").size()).isLessThan(23));
        assertThat(body(call(CONTRIBUTOR, HttpMethod.GET, "/api/v1/tasks", null))
                        .get("items")
                        .size())
                .isZero();
        assertThat(body(call(CONTRIBUTOR, HttpMethod.GET, "/api/v1/capacity-requests", null))
                        .size())
                .isZero();
        assertThat(delegationState(delegation)).isEqualTo("OPEN");
    }

    @Test
    void handBackGivesControlBackAndTheFocalPointSeesWhoWroteWhatAndSubmits() throws Exception {
        long delegation = delegate(3, 5);
        int lockVersion = reports.get(egypt, Users.FP_EGY).lockVersion();
        assertThat(save(CONTRIBUTOR, egypt, lockVersion, entry(3, 2, "Written by the labour ministry"))
                        .getStatusCode()
                        .value())
                .isEqualTo(200);

        // Not while the sections are with the contributor: a clear conflict, nothing submitted.
        reports.saveDraft(
                egypt,
                Users.FP_EGY,
                reports.get(egypt, Users.FP_EGY).lockVersion(),
                Entries.complete(2).stream().filter(e -> e.objective() != 3).toList());
        ResponseEntity<String> early = call("fp-egy", HttpMethod.POST, "/api/v1/reports/" + egypt + "/submit", "{}");
        assertThat(early.getStatusCode().value()).isEqualTo(409);
        assertThat(early.getBody()).contains("still delegated to contrib-egy");

        JsonNode returned =
                body(call(CONTRIBUTOR, HttpMethod.POST, "/api/v1/delegations/" + delegation + "/return", "{}"));
        assertThat(returned.get("state").asText()).isEqualTo("RETURNED");
        assertThat(status(CONTRIBUTOR, HttpMethod.POST, "/api/v1/delegations/" + delegation + "/return", "{}"))
                .isEqualTo(409);
        // Handed back: the contributor no longer sees nor writes the report.
        int now = reports.get(egypt, Users.FP_EGY).lockVersion();
        assertThat(save(CONTRIBUTOR, egypt, now, entry(3, 4, "Too late"))
                        .getStatusCode()
                        .value())
                .isEqualTo(404);
        assertThat(status(CONTRIBUTOR, HttpMethod.GET, "/api/v1/reports/" + egypt, null))
                .isEqualTo(404);

        JsonNode detail = body(call("fp-egy", HttpMethod.GET, "/api/v1/reports/" + egypt, null));
        Map<Integer, String> authors = new java.util.HashMap<>();
        detail.get("entryAuthors")
                .forEach(a -> authors.put(
                        a.get("objective").asInt(), a.get("updatedBy").asText()));
        assertThat(authors).containsEntry(3, CONTRIBUTOR).containsEntry(1, "fp-egy");
        assertThat(detail.get("entries").get(2).get("achievements").asText())
                .isEqualTo("Written by the labour ministry");
        JsonNode history = body(call("fp-egy", HttpMethod.GET, "/api/v1/reports/" + egypt + "/delegations", null));
        assertThat(history.get(0).get("state").asText()).isEqualTo("RETURNED");
        assertThat(history.get(0).get("endedBy").asText()).isEqualTo(CONTRIBUTOR);
        assertThat(auditActions()).contains("SECTIONS_DELEGATED", "SECTIONS_RETURNED");
        assertThat(jdbc.sql("select actor from audit_event where object_type = 'report' and object_id = ?"
                                + " and action = 'REPORT_DRAFT_SAVED' order by id limit 1")
                        .param(String.valueOf(egypt))
                        .query(String.class)
                        .single())
                .isEqualTo(CONTRIBUTOR);

        assertThat(status("fp-egy", HttpMethod.POST, "/api/v1/reports/" + egypt + "/submit", "{}"))
                .isEqualTo(200);
    }

    @Test
    void takingADelegationBackEndsTheContributorsAccessAndAllowsTheSubmission() throws Exception {
        long delegation = delegate(7);
        reports.saveDraft(egypt, Users.FP_EGY, reports.get(egypt, Users.FP_EGY).lockVersion(), Entries.complete(1));
        assertThat(status("fp-jor", HttpMethod.DELETE, "/api/v1/delegations/" + delegation, null))
                .isEqualTo(404);
        assertThat(status("secretariat", HttpMethod.DELETE, "/api/v1/delegations/" + delegation, null))
                .isEqualTo(403);
        JsonNode revoked = body(
                call("fp-egy", HttpMethod.DELETE, "/api/v1/delegations/" + delegation + "?reason=Needed today", null));
        assertThat(revoked.get("state").asText()).isEqualTo("REVOKED");
        assertThat(revoked.get("endReason").asText()).isEqualTo("Needed today");
        assertThat(status("fp-egy", HttpMethod.DELETE, "/api/v1/delegations/" + delegation, null))
                .isEqualTo(409);
        assertThat(status(CONTRIBUTOR, HttpMethod.GET, "/api/v1/reports/" + egypt, null))
                .isEqualTo(404);
        assertThat(jdbc.sql("select reason from audit_event where action = 'DELEGATION_REVOKED' and object_id = ?")
                        .param(String.valueOf(egypt))
                        .query(String.class)
                        .single())
                .isEqualTo("Needed today");
        assertThat(status("fp-egy", HttpMethod.POST, "/api/v1/reports/" + egypt + "/submit", "{}"))
                .isEqualTo(200);
        // Submitted: no new delegation either.
        assertThat(status("fp-egy", HttpMethod.POST, "/api/v1/reports/" + egypt + "/delegations", request(1)))
                .isEqualTo(409);
    }

    @Test
    void theSubmissionWindowClosingTakesTheSectionsBack() {
        long delegation = delegate(8);
        // What the window's timer calls (Task_CloseSubmissionWindow's delegate).
        reports.closeUnsubmitted(cycle.id(), "EGY");
        assertThat(delegationState(delegation)).isEqualTo("REVOKED");
        assertThat(status(CONTRIBUTOR, HttpMethod.GET, "/api/v1/reports/" + egypt, null))
                .isEqualTo(404);
    }

    @Test
    void delegationIsRefusedClearlyWhenItCannotBe() {
        ResponseEntity<String> notContributor = call(
                "fp-egy",
                HttpMethod.POST,
                "/api/v1/reports/" + egypt + "/delegations",
                "{\"delegate\":\"fp-jor\",\"objectives\":[2]}");
        assertThat(notContributor.getStatusCode().value()).isEqualTo(400);
        assertThat(notContributor.getBody()).contains("\"field\":\"delegate\"");
        directory.ensureExists(
                "contrib-jor",
                "demo",
                new UserDraft("Contributor, Jordan", null, null, true, Set.of(Role.CONTRIBUTOR), Set.of("JOR")));
        assertThat(status(
                        "fp-egy",
                        HttpMethod.POST,
                        "/api/v1/reports/" + egypt + "/delegations",
                        "{\"delegate\":\"contrib-jor\",\"objectives\":[2]}"))
                .as("a contributor of another participant")
                .isEqualTo(400);
        assertThat(status(
                        "fp-egy",
                        HttpMethod.POST,
                        "/api/v1/reports/" + egypt + "/delegations",
                        "{\"delegate\":\"contrib-egy\",\"objectives\":[24]}"))
                .isEqualTo(400);
        assertThat(status("fp-jor", HttpMethod.POST, "/api/v1/reports/" + egypt + "/delegations", request(2)))
                .isEqualTo(404);
        assertThat(status("secretariat", HttpMethod.POST, "/api/v1/reports/" + egypt + "/delegations", request(2)))
                .isEqualTo(403);
        delegate(2, 4);
        ResponseEntity<String> overlap =
                call("fp-egy", HttpMethod.POST, "/api/v1/reports/" + egypt + "/delegations", request(4, 6));
        assertThat(overlap.getStatusCode().value()).isEqualTo(409);
        assertThat(overlap.getBody()).contains("Objectives 4 are already delegated");
    }

    @Test
    void focalPointAndContributorSavingDifferentSectionsAtOnceBothKeepTheirWork() throws Exception {
        delegate(3);
        int read = reports.get(egypt, Users.FP_EGY).lockVersion();
        CountDownLatch start = new CountDownLatch(1);
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            Callable<Integer> focalPoint = () -> {
                start.await();
                return save("fp-egy", egypt, read, entry(1, 3, "Focal point's text"))
                        .getStatusCode()
                        .value();
            };
            Callable<Integer> contributor = () -> {
                start.await();
                return save(CONTRIBUTOR, egypt, read, entry(3, 2, "Contributor's text"))
                        .getStatusCode()
                        .value();
            };
            Future<Integer> first = pool.submit(focalPoint);
            Future<Integer> second = pool.submit(contributor);
            start.countDown();
            assertThat(List.of(first.get(), second.get())).containsExactly(200, 200);
        } finally {
            pool.shutdown();
        }
        Report saved = reports.get(egypt, Users.FP_EGY);
        assertThat(saved.entries().get(0).achievements()).isEqualTo("Focal point's text");
        assertThat(saved.entries().get(2).achievements()).isEqualTo("Contributor's text");
        assertThat(saved.lockVersion()).isEqualTo(read + 2);

        // The same section from the same old version: the second one is told, nothing overwritten.
        int again = saved.lockVersion();
        assertThat(save(CONTRIBUTOR, egypt, again, entry(3, 4, "Contributor again"))
                        .getStatusCode()
                        .value())
                .isEqualTo(200);
        ResponseEntity<String> stale = save("fp-egy", egypt, again, entry(3, 1, "Focal point over it"));
        assertThat(stale.getStatusCode().value()).isEqualTo(409);
        assertThat(stale.getBody()).contains("was changed by contrib-egy");
        assertThat(reports.get(egypt, Users.FP_EGY).entries().get(2).achievements())
                .isEqualTo("Contributor again");
    }

    @Test
    void contributorsPagesShowOnlyItsSections() throws Exception {
        long delegation = delegate(3, 5);
        FormClient contributor = new FormClient(http.getRootUri());
        assertThat(contributor.signIn(CONTRIBUTOR, "demo").headers().firstValue("Location"))
                .hasValueSatisfying(location -> assertThat(location).doesNotContain("error"));
        assertThat(contributor.get("/").headers().firstValue("Location"))
                .hasValueSatisfying(location -> assertThat(location).endsWith("/my-sections"));
        String mySections = contributor.get("/my-sections").body();
        assertThat(mySections).contains("open-delegation-" + delegation).contains("/reports/" + egypt);

        String form = contributor.get("/reports/" + egypt).body();
        assertThat(form).contains("id=\"objective-3\"").contains("id=\"objective-5\"");
        assertThat(form).doesNotContain("id=\"objective-1\"").doesNotContain("id=\"objective-4\"");
        assertThat(form).contains("hand-back-" + delegation).doesNotContain("review-submit");

        var saved = contributor.post(
                "/reports/" + egypt,
                "/reports/" + egypt,
                Map.of(
                        "lockVersion", "0",
                        "action", "save",
                        "entries[2].objective", "3",
                        "entries[2].achievements", "Typed on the page"));
        assertThat(saved.statusCode()).isEqualTo(302);
        assertThat(reports.get(egypt, Users.FP_EGY).entries().get(2).achievements())
                .isEqualTo("Typed on the page");
        var outside = contributor.post(
                "/reports/" + egypt,
                "/reports/" + egypt,
                Map.of(
                        "lockVersion", "1",
                        "action", "save",
                        "entries[0].objective", "1",
                        "entries[0].achievements", "Not my section"));
        assertThat(outside.statusCode()).isEqualTo(404);
        assertThat(contributor.get("/reports/" + jordan).statusCode()).isEqualTo(404);
        assertThat(contributor.get("/reports/" + egypt + "/submit").statusCode())
                .isEqualTo(403);
        assertThat(contributor.get("/reports").statusCode()).isEqualTo(403);

        var handedBack = contributor.post("/my-sections", "/delegations/" + delegation + "/return", Map.of());
        assertThat(handedBack.statusCode()).isEqualTo(302);
        assertThat(contributor.get("/reports/" + egypt).statusCode()).isEqualTo(404);

        FormClient focalPoint = new FormClient(http.getRootUri());
        focalPoint.signIn("fp-egy", "demo");
        String seen = focalPoint.get("/reports/" + egypt).body();
        assertThat(seen).contains("id=\"author-3\"").contains("Last written by contrib-egy");
        assertThat(seen).contains("id=\"delegation-" + delegation + "\"").contains("Handed back");
    }

    @Test
    void anAdministratorCreatesAContributorOfOneParticipantWithNoOtherRole() throws Exception {
        String username = "contrib-new-" + Long.toString(System.nanoTime(), 36);
        java.util.function.Function<String, Integer> create = user -> status(
                "admin",
                HttpMethod.POST,
                "/api/v1/users",
                "{\"username\":\"" + username + "\",\"password\":\"a-long-password-1\",\"user\":" + user + "}");
        assertThat(create.apply("{\"displayName\":\"Two roles\",\"roles\":[\"CONTRIBUTOR\",\"FOCAL_POINT\"],"
                        + "\"participants\":[\"EGY\"]}"))
                .isEqualTo(400);
        assertThat(create.apply("{\"displayName\":\"Nowhere\",\"roles\":[\"CONTRIBUTOR\"]}"))
                .isEqualTo(400);
        assertThat(create.apply("{\"displayName\":\"Health ministry\",\"roles\":[\"CONTRIBUTOR\"],"
                        + "\"participants\":[\"EGY\"]}"))
                .isEqualTo(201);
        // It signs in, represents nobody, and is now among those Egypt's focal point may pick.
        JsonNode me = body(http.withBasicAuth(username, "a-long-password-1")
                .exchange("/api/v1/me", HttpMethod.GET, null, String.class));
        assertThat(me.toString()).contains("CONTRIBUTOR");
        FormClient focalPoint = new FormClient(http.getRootUri());
        focalPoint.signIn("fp-egy", "demo");
        String form = focalPoint.get("/reports/" + egypt).body();
        assertThat(form).contains("value=\"" + username + "\"").doesNotContain("value=\"contrib-jor\"");
        String listed = call("fp-egy", HttpMethod.GET, "/api/v1/reports/" + egypt + "/contributors", null)
                .getBody();
        assertThat(listed).contains("\"username\":\"" + username + "\"").contains("\"username\":\"contrib-egy\"");
        assertThat(listed).doesNotContain("contrib-jor").doesNotContain("email");
        assertThat(status("fp-jor", HttpMethod.GET, "/api/v1/reports/" + egypt + "/contributors", null))
                .isEqualTo(404);
    }

    @Test
    void aFormErrorLandsBesideTheFieldTheUserTouched() {
        FormClient focalPoint = new FormClient(http.getRootUri());
        focalPoint.signIn("fp-egy", "demo");
        // Only objective 5 is sent (the form's other entries came back untouched): the service's
        // entries[0] is the form's entries[4].
        var refused = focalPoint.post(
                "/reports/" + egypt,
                "/reports/" + egypt,
                Map.of("lockVersion", "0", "action", "save", "entries[4].objective", "5", "entries[4].rating", "9"));
        assertThat(refused.statusCode()).isEqualTo(200);
        assertThat(refused.body()).contains("id=\"rating-error-5\"").doesNotContain("id=\"rating-error-1\"");
    }

    // --- helpers

    private long delegate(Integer... objectives) {
        ResponseEntity<String> created =
                call("fp-egy", HttpMethod.POST, "/api/v1/reports/" + egypt + "/delegations", request(objectives));
        assertThat(created.getStatusCode().value()).as(created.getBody()).isEqualTo(201);
        return body(created).get("id").asLong();
    }

    private String request(Integer... objectives) {
        return "{\"delegate\":\"" + CONTRIBUTOR + "\",\"objectives\":" + List.of(objectives) + ",\"note\":\"Please\"}";
    }

    private static ReportEntry entry(int objective, int rating, String achievements) {
        return new ReportEntry(objective, rating, achievements, null, null, false);
    }

    private ResponseEntity<String> save(String user, long report, int lockVersion, ReportEntry entry) {
        return call(user, HttpMethod.PUT, "/api/v1/reports/" + report, draft(lockVersion, entry));
    }

    private String draft(int lockVersion, ReportEntry entry) {
        try {
            return json.writeValueAsString(Map.of("lockVersion", lockVersion, "entries", List.of(entry)));
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private ResponseEntity<String> call(String user, HttpMethod method, String url, String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return as(user).exchange(url, method, new HttpEntity<>(body, headers), String.class);
    }

    private int status(String user, HttpMethod method, String url, String body) {
        return call(user, method, url, body).getStatusCode().value();
    }

    private JsonNode body(ResponseEntity<String> answer) {
        try {
            return json.readTree(answer.getBody());
        } catch (Exception e) {
            throw new IllegalStateException(answer.getBody(), e);
        }
    }

    private static List<Integer> objectives(JsonNode entries) {
        List<Integer> numbers = new ArrayList<>();
        entries.forEach(e -> numbers.add(e.get("objective").asInt()));
        return numbers;
    }

    private String delegationState(long id) {
        return jdbc.sql("select state from section_delegation where id = ?")
                .param(id)
                .query(String.class)
                .single();
    }

    private List<String> auditActions() {
        return jdbc.sql("select action from audit_event where object_type = 'report' and object_id = ? order by id")
                .param(String.valueOf(egypt))
                .query(String.class)
                .list();
    }
}
