package org.compactreview.security;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.compactreview.identity.Role;
import org.compactreview.identity.UserDirectory;
import org.compactreview.identity.UserDraft;
import org.compactreview.support.FormClient;
import org.compactreview.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * Personal API tokens: created with the password, shown once, stored hashed, used as
 * {@code Authorization: Bearer} with exactly the owner's rights; revoking the token, disabling the
 * owner or its expiry stops it at the next call; the first use is audited.
 */
class ApiTokenIT extends IntegrationTest {

    private static final String PASSWORD = "a-long-password";

    @Autowired
    UserDirectory directory;

    @Test
    void aTokenActsAsItsOwnerUntilRevoked() {
        String owner = newFocalPoint();
        ResponseEntity<JsonNode> created = basic(owner)
                .exchange("/api/v1/me/tokens", HttpMethod.POST, json(Map.of("name", "nightly export")), JsonNode.class);
        assertThat(created.getStatusCode().value()).isEqualTo(201);
        String secret = created.getBody().get("secret").asText();
        long id = created.getBody().get("token").get("id").asLong();
        assertThat(secret).startsWith("crt_").hasSizeGreaterThan(40);
        assertThat(jdbc.sql("select token_hash from api_token where id = ?")
                        .param(id)
                        .query(String.class)
                        .single())
                .as("only a hash is stored")
                .hasSize(64)
                .doesNotContain(secret);

        ResponseEntity<JsonNode> me = bearer(secret).getForEntity("/api/v1/me", JsonNode.class);
        assertThat(me.getStatusCode().value()).isEqualTo(200);
        assertThat(me.getBody().get("user").get("username").asText()).isEqualTo(owner);
        assertThat(me.getBody().get("candidateGroups").toString()).contains("focal-point:EGY");
        bearer(secret).getForEntity("/api/v1/me", JsonNode.class);
        assertThat(jdbc.sql("select count(*) from audit_event where action = 'TOKEN_FIRST_USED' and object_id = ?"
                                + " and actor = ?")
                        .params(String.valueOf(id), owner)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);

        JsonNode listed =
                basic(owner).getForEntity("/api/v1/me/tokens", JsonNode.class).getBody();
        assertThat(listed).hasSize(1);
        assertThat(listed.get(0).get("name").asText()).isEqualTo("nightly export");
        assertThat(listed.get(0).get("lastUsedAt").isNull()).isFalse();
        assertThat(listed.toString()).doesNotContain(secret);

        assertThat(bearer(secret)
                        .exchange("/api/v1/me/tokens", HttpMethod.POST, json(Map.of("name", "child")), String.class)
                        .getStatusCode()
                        .value())
                .as("a token cannot mint tokens")
                .isEqualTo(403);
        assertThat(bearer(secret)
                        .exchange("/api/v1/me/tokens/" + id, HttpMethod.DELETE, null, String.class)
                        .getStatusCode()
                        .value())
                .isEqualTo(403);

        assertThat(basic(owner)
                        .exchange("/api/v1/me/tokens/" + id, HttpMethod.DELETE, null, JsonNode.class)
                        .getBody()
                        .get("revokedAt")
                        .isNull())
                .isFalse();
        ResponseEntity<JsonNode> refused = bearer(secret).getForEntity("/api/v1/me", JsonNode.class);
        assertThat(refused.getStatusCode().value()).isEqualTo(401);
        assertThat(refused.getHeaders().getFirst("WWW-Authenticate")).contains("invalid_token");
        assertThat(refused.getBody().get("type").asText()).isEqualTo("urn:compact-review:problem:invalid-token");
        assertThat(auditActionsOn(id)).containsExactly("TOKEN_CREATED", "TOKEN_FIRST_USED", "TOKEN_REVOKED");
    }

    @Test
    void disablingTheOwnerOrExpiryStopsTheTokenAtOnce() {
        String owner = newFocalPoint();
        String secret = create(owner, Map.of("name", "short", "expiresInDays", 2));
        assertThat(bearer(secret)
                        .getForEntity("/api/v1/me", String.class)
                        .getStatusCode()
                        .value())
                .isEqualTo(200);
        setClock(START.plus(Duration.ofDays(2)).plusSeconds(1));
        assertThat(bearer(secret)
                        .getForEntity("/api/v1/me", String.class)
                        .getStatusCode()
                        .value())
                .as("expired")
                .isEqualTo(401);
        setClock(START);

        String other = create(owner, Map.of("name", "long"));
        assertThat(bearer(other)
                        .getForEntity("/api/v1/me", String.class)
                        .getStatusCode()
                        .value())
                .isEqualTo(200);
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        as("admin")
                .exchange(
                        "/api/v1/users/" + owner,
                        HttpMethod.PUT,
                        new HttpEntity<>(
                                Map.of(
                                        "displayName",
                                        owner,
                                        "enabled",
                                        false,
                                        "roles",
                                        Set.of("FOCAL_POINT"),
                                        "participants",
                                        Set.of("EGY")),
                                headers),
                        String.class);
        assertThat(bearer(other)
                        .getForEntity("/api/v1/me", String.class)
                        .getStatusCode()
                        .value())
                .as("owner disabled")
                .isEqualTo(401);
        assertThat(bearer("crt_not-a-token")
                        .getForEntity("/api/v1/me", String.class)
                        .getStatusCode()
                        .value())
                .isEqualTo(401);
    }

    @Test
    void aTokenNeverReachesAnotherParticipantsReport() {
        String owner = newFocalPoint();
        long jordan = jdbc.sql("select r.id from report r where r.participant_code = 'JOR' and r.cycle_id = ?")
                .param(openAnnualReview("token-scope", "EGY", "JOR").id())
                .query(Long.class)
                .single();
        String secret = create(owner, Map.of("name", "scope"));
        assertThat(bearer(secret)
                        .getForEntity("/api/v1/reports/" + jordan, String.class)
                        .getStatusCode()
                        .value())
                .isEqualTo(404);
    }

    @Test
    void theTokensPageShowsANewTokenOnceAndRevokes() {
        String owner = newFocalPoint();
        FormClient browser = new FormClient(http.getRootUri());
        assertThat(browser.signIn(owner, PASSWORD).statusCode()).isEqualTo(302);
        HttpResponse<String> created = browser.post(
                "/account/tokens", "/account/tokens", Map.of("name", "from the page", "expiresInDays", "30"));
        assertThat(created.statusCode()).isEqualTo(200);
        assertThat(created.headers().firstValue("Cache-Control").orElseThrow()).contains("no-store");
        Matcher secret = Pattern.compile("id=\"token-secret\"[^>]*>(crt_[A-Za-z0-9_-]+)<")
                .matcher(created.body());
        assertThat(secret.find()).isTrue();
        assertThat(bearer(secret.group(1))
                        .getForEntity("/api/v1/me", String.class)
                        .getStatusCode()
                        .value())
                .isEqualTo(200);
        HttpResponse<String> list = browser.get("/account/tokens");
        assertThat(list.body()).contains("from the page").doesNotContain(secret.group(1));

        HttpResponse<String> refused = browser.post("/account/tokens", "/account/tokens", Map.of("name", " "));
        assertThat(refused.body()).contains("id=\"token-error\"").contains("Give the token a name");

        long id = jdbc.sql("select id from api_token where username = ?")
                .param(owner)
                .query(Long.class)
                .single();
        HttpResponse<String> revoked = browser.post("/account/tokens", "/account/tokens/" + id + "/revoke", Map.of());
        assertThat(revoked.statusCode()).isEqualTo(302);
        assertThat(bearer(secret.group(1))
                        .getForEntity("/api/v1/me", String.class)
                        .getStatusCode()
                        .value())
                .isEqualTo(401);
    }

    @Test
    void theApiDescriptionIsServedToTokensAndBasicAndRefusedToNobody() {
        String owner = newFocalPoint();
        String secret = create(owner, Map.of("name", "docs"));
        ResponseEntity<String> viaBasic = basic(owner).getForEntity("/v3/api-docs", String.class);
        assertThat(viaBasic.getStatusCode().value()).isEqualTo(200);
        assertThat(viaBasic.getBody()).contains("/api/v1/me/tokens");
        assertThat(viaBasic.getHeaders().get("Set-Cookie"))
                .as("no session for a script")
                .isNull();
        assertThat(bearer(secret)
                        .getForEntity("/v3/api-docs", String.class)
                        .getStatusCode()
                        .value())
                .isEqualTo(200);
        assertThat(http.getForEntity("/v3/api-docs", String.class)
                        .getStatusCode()
                        .value())
                .isEqualTo(401);
    }

    private String create(String owner, Map<String, Object> request) {
        return basic(owner)
                .exchange("/api/v1/me/tokens", HttpMethod.POST, json(request), JsonNode.class)
                .getBody()
                .get("secret")
                .asText();
    }

    private java.util.List<String> auditActionsOn(long tokenId) {
        return jdbc.sql("select action from audit_event where object_type = 'token' and object_id = ? order by id")
                .param(String.valueOf(tokenId))
                .query(String.class)
                .list();
    }

    private org.springframework.boot.test.web.client.TestRestTemplate basic(String username) {
        return http.withBasicAuth(username, PASSWORD);
    }

    private org.springframework.boot.test.web.client.TestRestTemplate bearer(String secret) {
        return withToken(secret);
    }

    private static HttpEntity<Object> json(Object body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return new HttpEntity<>(body, headers);
    }

    private String newFocalPoint() {
        String username = "fp-token-" + Long.toString(System.nanoTime(), 36);
        directory.create(
                username, PASSWORD, new UserDraft(username, null, null, true, Set.of(Role.FOCAL_POINT), Set.of("EGY")));
        return username;
    }
}
