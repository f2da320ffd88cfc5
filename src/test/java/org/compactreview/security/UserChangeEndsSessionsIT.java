package org.compactreview.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.Map;
import java.util.Set;
import org.compactreview.identity.Role;
import org.compactreview.identity.UserDirectory;
import org.compactreview.identity.UserDraft;
import org.compactreview.report.ReportService;
import org.compactreview.support.FormClient;
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

/**
 * A change to a user's access ends that user's sessions at once: the old cookie reaches nothing
 * and writes nothing; a remembered HTTP Basic check stops counting as soon as the stored stamp
 * moves, as it does when another node makes the change.
 */
class UserChangeEndsSessionsIT extends IntegrationTest {

    private static final String PASSWORD = "a-long-password";

    @Autowired
    UserDirectory directory;

    @Autowired
    ReportService reports;

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"disabled", "role removed", "participant removed", "password reset"})
    void aChangeOfAccessEndsEveryOpenSessionAndItsWritesStop(String change) {
        String username = newFocalPoint("EGY", "JOR");
        long report = reports.list(Users.FP_EGY, openAnnualReview("ends", "EGY").id(), null)
                .get(0)
                .id();
        FormClient phone = signedIn(username);
        FormClient laptop = signedIn(username);
        assertThat(phone.get("/inbox").statusCode()).isEqualTo(200);
        assertThat(laptop.get("/reports/" + report).statusCode()).isEqualTo(200);
        // The laptop has its form open, with its token, when the administrator acts.
        HttpResponse<String> formPage = laptop.get("/reports/" + report);

        apply(change, username);

        HttpResponse<String> inbox = phone.get("/inbox");
        assertThat(inbox.statusCode()).isEqualTo(302);
        assertThat(inbox.headers().firstValue("Location").orElseThrow()).endsWith("/login");
        HttpResponse<String> save = laptop.post(
                "/login",
                "/reports/" + report,
                Map.of("lockVersion", "0", "entries[0].objective", "1", "entries[0].achievements", "after the change"));
        assertThat(save.statusCode()).isEqualTo(302);
        assertThat(save.headers().firstValue("Location").orElseThrow()).endsWith("/login");
        assertThat(formPage.body()).contains("_csrf");
        assertThat(jdbc.sql("select count(*) from report_entry where report_id = ? and achievements = ?")
                        .params(report, "after the change")
                        .query(Long.class)
                        .single())
                .as("nothing was written with the old session")
                .isZero();
        assertThat(jdbc.sql("select count(*) from spring_session where principal_name = ?")
                        .param(username)
                        .query(Long.class)
                        .single())
                .isZero();
        assertThat(jdbc.sql("select after ->> 'sessions' from audit_event where action = 'SESSIONS_ENDED'"
                                + " and object_id = ? and actor = 'admin'")
                        .param(username)
                        .query(String.class)
                        .list())
                .containsExactly("2");
    }

    @Test
    void aChangeOfNameOrMailKeepsTheSessions() {
        String username = newFocalPoint("EGY");
        FormClient browser = signedIn(username);
        put(username, draft(username, true, Set.of(Role.FOCAL_POINT), Set.of("EGY"), "Renamed"));
        assertThat(browser.get("/inbox").statusCode()).isEqualTo(200);
    }

    @Test
    void aRememberedBasicCheckEndsWhenTheStampMovesOnAnyNode() {
        String username = newFocalPoint("EGY");
        assertThat(http.withBasicAuth(username, PASSWORD)
                        .getForEntity("/api/v1/me", String.class)
                        .getStatusCode()
                        .value())
                .isEqualTo(200);
        // What another node's change leaves behind: the row, with no event on this node.
        jdbc.sql("update app_user set enabled = false, security_stamp = security_stamp + 1 where username = ?")
                .param(username)
                .update();
        assertThat(http.withBasicAuth(username, PASSWORD)
                        .getForEntity("/api/v1/me", String.class)
                        .getStatusCode()
                        .value())
                .isEqualTo(401);
        jdbc.sql("update app_user set enabled = true, security_stamp = security_stamp + 1 where username = ?")
                .param(username)
                .update();
        jdbc.sql("delete from user_participant where username = ?")
                .param(username)
                .update();
        jdbc.sql("insert into user_participant (username, participant_code) values (?, 'MAR')")
                .param(username)
                .update();
        jdbc.sql("update app_user set security_stamp = security_stamp + 1 where username = ?")
                .param(username)
                .update();
        assertThat(http.withBasicAuth(username, PASSWORD)
                        .getForEntity("/api/v1/me", String.class)
                        .getBody())
                .as("the new participants count at once")
                .contains("focal-point:MAR")
                .doesNotContain("focal-point:EGY");
    }

    private void apply(String change, String username) {
        switch (change) {
            case "disabled" ->
                put(username, draft(username, false, Set.of(Role.FOCAL_POINT), Set.of("EGY", "JOR"), null));
            case "role removed" -> put(username, draft(username, true, Set.of(Role.MANAGER), Set.of(), null));
            case "participant removed" ->
                put(username, draft(username, true, Set.of(Role.FOCAL_POINT), Set.of("JOR"), null));
            case "password reset" ->
                assertThat(exchange(
                                        HttpMethod.POST,
                                        "/api/v1/users/" + username + "/password",
                                        Map.of("password", "another-long-password"))
                                .getStatusCode()
                                .value())
                        .isEqualTo(204);
            default -> throw new IllegalArgumentException(change);
        }
    }

    private void put(String username, Map<String, Object> draft) {
        assertThat(exchange(HttpMethod.PUT, "/api/v1/users/" + username, draft)
                        .getStatusCode()
                        .value())
                .isEqualTo(200);
    }

    private org.springframework.http.ResponseEntity<String> exchange(HttpMethod method, String path, Object body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return as("admin").exchange(path, method, new HttpEntity<>(body, headers), String.class);
    }

    private static Map<String, Object> draft(
            String username, boolean enabled, Set<Role> roles, Set<String> participants, String name) {
        return Map.of(
                "displayName",
                name == null ? "Focal point " + username : name,
                "email",
                username + "@example.org",
                "enabled",
                enabled,
                "roles",
                roles,
                "participants",
                participants);
    }

    private String newFocalPoint(String... participants) {
        String username = "fp-change-" + Long.toString(System.nanoTime(), 36);
        directory.create(
                username,
                PASSWORD,
                new UserDraft(
                        "Focal point " + username,
                        username + "@example.org",
                        null,
                        true,
                        Set.of(Role.FOCAL_POINT),
                        Set.of(participants)));
        return username;
    }

    private FormClient signedIn(String username) {
        FormClient client = new FormClient(http.getRootUri());
        HttpResponse<String> signedIn = client.signIn(username, PASSWORD);
        assertThat(signedIn.statusCode()).isEqualTo(302);
        assertThat(signedIn.headers().firstValue("Location").orElseThrow()).doesNotContain("error");
        return client;
    }
}
