package org.compactreview.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.compactreview.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;
import org.springframework.test.web.servlet.result.MockMvcResultMatchers;

/** Administrators manage users; Camunda's identity and the audit trail follow every change. */
class UserAdministrationIT extends IntegrationTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    UserDirectory directory;

    @Autowired
    UserDetailsService admins;

    @Test
    void administratorCreatesChangesAndDisablesAFocalPoint() {
        String username = "fp-tun-" + Long.toString(System.nanoTime(), 36);
        Map<String, Object> user = Map.of(
                "displayName",
                "Focal point, Tunisia",
                "email",
                "tun@demo.invalid",
                "locale",
                "fr",
                "enabled",
                true,
                "roles",
                List.of("FOCAL_POINT"),
                "participants",
                List.of("TUN"));
        Map<String, Object> request = Map.of("username", username, "password", "a-long-password", "user", user);

        assertThat(post("secretariat", "/api/v1/users", request).getStatusCode().value())
                .isEqualTo(403);
        assertThat(post("admin", "/api/v1/users", Map.of("username", username, "password", "short", "user", user))
                        .getStatusCode()
                        .value())
                .isEqualTo(400);
        ResponseEntity<JsonNode> created = post("admin", "/api/v1/users", request);
        assertThat(created.getStatusCode().value()).isEqualTo(201);
        assertThat(post("admin", "/api/v1/users", request).getStatusCode().value())
                .isEqualTo(409);

        var identity = engine.getIdentityService();
        assertThat(identity.createUserQuery().userId(username).count()).isEqualTo(1);
        assertThat(identity.createGroupQuery().groupMember(username).list())
                .extracting(g -> g.getId())
                .containsExactly("focal-point:TUN");
        JsonNode me = http.withBasicAuth(username, "a-long-password")
                .getForEntity("/api/v1/me", JsonNode.class)
                .getBody();
        assertThat(me.get("user").get("participants").get(0).asText()).isEqualTo("TUN");

        Map<String, Object> moved = Map.of(
                "displayName",
                "Focal point, Tunisia",
                "enabled",
                true,
                "roles",
                List.of("FOCAL_POINT"),
                "participants",
                List.of("LBY"));
        assertThat(put("admin", "/api/v1/users/" + username, moved)
                        .getStatusCode()
                        .value())
                .isEqualTo(200);
        assertThat(identity.createGroupQuery().groupMember(username).list())
                .extracting(g -> g.getId())
                .containsExactly("focal-point:LBY");
        Map<String, Object> unknownParticipant = Map.of(
                "displayName", "x", "enabled", true, "roles", List.of("FOCAL_POINT"), "participants", List.of("XXX"));
        assertThat(put("admin", "/api/v1/users/" + username, unknownParticipant)
                        .getStatusCode()
                        .value())
                .isEqualTo(400);

        Map<String, Object> disabled = Map.of(
                "displayName",
                "Focal point, Tunisia",
                "enabled",
                false,
                "roles",
                List.of("FOCAL_POINT"),
                "participants",
                List.of("LBY"));
        assertThat(put("admin", "/api/v1/users/" + username, disabled)
                        .getStatusCode()
                        .value())
                .isEqualTo(200);
        assertThat(http.withBasicAuth(username, "a-long-password")
                        .getForEntity("/api/v1/me", String.class)
                        .getStatusCode()
                        .value())
                .isEqualTo(401);
        assertThat(identity.createGroupQuery().groupMember(username).count()).isZero();

        // The user's record changes; sign-in events on the same user are left aside here.
        List<JsonNode> audit = new java.util.ArrayList<>();
        as("admin")
                .getForEntity("/api/v1/audit?objectType=user&objectId=" + username, JsonNode.class)
                .getBody()
                .get("items")
                .forEach(e -> {
                    if (e.get("action").asText().startsWith("USER_")) {
                        audit.add(e);
                    }
                });
        assertThat(audit)
                .extracting(e -> e.get("action").asText())
                .containsExactly("USER_CHANGED", "USER_CHANGED", "USER_CREATED");
        assertThat(audit.get(1).get("before").get("participants").get(0).asText())
                .isEqualTo("TUN");
        assertThat(audit.get(1).get("after").get("participants").get(0).asText())
                .isEqualTo("LBY");
    }

    @Test
    void editingAUserOnTheAdminPageKeepsTheLanguageTheyChose() throws Exception {
        String username = "fp-lbn-" + Long.toString(System.nanoTime(), 36);
        directory.create(
                username,
                "a-long-password",
                new UserDraft(
                        "Focal point, Lebanon",
                        null,
                        "ar",
                        true,
                        java.util.Set.of(Role.FOCAL_POINT),
                        java.util.Set.of("LBN")));

        mvc.perform(MockMvcRequestBuilders.post("/admin/users")
                        .with(SecurityMockMvcRequestPostProcessors.user(admins.loadUserByUsername("admin")))
                        .with(SecurityMockMvcRequestPostProcessors.csrf())
                        .param("existing", username)
                        .param("displayName", "Focal point of Lebanon")
                        .param("enabled", "true")
                        .param("roles", "FOCAL_POINT")
                        .param("participants", "LBN"))
                .andExpect(MockMvcResultMatchers.status().is3xxRedirection());

        AppUser edited = directory.find(username).orElseThrow();
        assertThat(edited.displayName()).isEqualTo("Focal point of Lebanon");
        assertThat(edited.locale()).isEqualTo("ar");
    }

    private ResponseEntity<JsonNode> post(String as, String path, Object body) {
        return as(as).exchange(path, HttpMethod.POST, new HttpEntity<>(body), JsonNode.class);
    }

    private ResponseEntity<JsonNode> put(String as, String path, Object body) {
        return as(as).exchange(path, HttpMethod.PUT, new HttpEntity<>(body), JsonNode.class);
    }
}
