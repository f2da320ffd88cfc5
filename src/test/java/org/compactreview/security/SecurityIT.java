package org.compactreview.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.compactreview.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/** Sign-in, scoping of Camunda's own surface, and the engine's hardening. */
class SecurityIT extends IntegrationTest {

    @Test
    void apiNeedsSignInAndAnswersProblems() {
        ResponseEntity<JsonNode> anonymous = http.getForEntity("/api/v1/me", JsonNode.class);
        assertThat(anonymous.getStatusCode().value()).isEqualTo(401);
        assertThat(anonymous.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
        assertThat(anonymous.getBody().get("type").asText()).isEqualTo("urn:compact-review:problem:unauthenticated");
        assertThat(http.withBasicAuth("fp-egy", "wrong")
                        .getForEntity("/api/v1/me", String.class)
                        .getStatusCode()
                        .value())
                .isEqualTo(401);
        assertThat(as("fp-egy")
                        .getForEntity("/api/v1/me", JsonNode.class)
                        .getBody()
                        .get("candidateGroups"))
                .hasSize(1);
    }

    @Test
    void healthIsOpenAndNothingElseIs() {
        assertThat(http.getForEntity("/actuator/health", JsonNode.class)
                        .getBody()
                        .get("status")
                        .asText())
                .isEqualTo("UP");
        assertThat(http.getForEntity("/v3/api-docs", String.class)
                        .getStatusCode()
                        .value())
                .isEqualTo(302);
        assertThat(http.getForEntity("/camunda/app/cockpit/default/", String.class)
                        .getStatusCode()
                        .value())
                .isEqualTo(302);
    }

    @Test
    void problemsAreTranslated() {
        HttpHeaders headers = new HttpHeaders();
        headers.set(HttpHeaders.ACCEPT_LANGUAGE, "fr");
        ResponseEntity<JsonNode> french = as("fp-egy")
                .exchange("/api/v1/reports/999999", HttpMethod.GET, new HttpEntity<>(headers), JsonNode.class);
        assertThat(french.getStatusCode().value()).isEqualTo(404);
        assertThat(french.getBody().get("title").asText())
                .isNotEqualTo("Not found")
                .isNotBlank();
    }

    @Test
    void engineRestIsForAdministratorsOnly() {
        assertThat(as("secretariat")
                        .getForEntity("/engine-rest/engine", String.class)
                        .getStatusCode()
                        .value())
                .isEqualTo(403);
        assertThat(http.getForEntity("/engine-rest/engine", String.class)
                        .getStatusCode()
                        .value())
                .isEqualTo(401);
        ResponseEntity<String> admin = as("admin").getForEntity("/engine-rest/engine", String.class);
        assertThat(admin.getStatusCode().value()).isEqualTo(200);
        assertThat(admin.getBody()).contains("default");
        assertThat(as("admin")
                        .getForEntity("/engine-rest/task/count", String.class)
                        .getStatusCode()
                        .value())
                .isEqualTo(200);
    }

    @Test
    void camundaWebappsAreForAdministratorsOnly() {
        String secretariat = signIn("secretariat");
        assertThat(withCookie(secretariat, "/camunda/app/cockpit/default/")
                        .getStatusCode()
                        .value())
                .isEqualTo(403);
        String admin = signIn("admin");
        ResponseEntity<String> cockpit = withCookie(admin, "/camunda/app/cockpit/default/");
        assertThat(cockpit.getStatusCode().value()).isEqualTo(200);
        ResponseEntity<String> user = withCookie(admin, "/camunda/api/admin/auth/user/default");
        assertThat(user.getStatusCode().value()).isEqualTo(200);
        assertThat(user.getBody()).contains("\"userId\":\"admin\"").contains("camunda-admin");
    }

    @Test
    void formsNeedTheirCsrfToken() {
        String session = signIn("secretariat");
        HttpHeaders headers = new HttpHeaders();
        headers.add(HttpHeaders.COOKIE, session);
        headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
        ResponseEntity<String> logout =
                http.exchange("/logout", HttpMethod.POST, new HttpEntity<>("", headers), String.class);
        assertThat(logout.getStatusCode().value()).isEqualTo(403);
    }

    @Test
    void scriptsDoNotRun() {
        var model = Bpmn.createExecutableProcess("scriptAttempt")
                .camundaHistoryTimeToLive(1)
                .startEvent()
                .scriptTask()
                .scriptFormat("javascript")
                .scriptText("java.lang.System.exit(1)")
                .endEvent()
                .done();
        engine.getRepositoryService()
                .createDeployment()
                .addModelInstance("script-attempt.bpmn", model)
                .deploy();
        assertThatThrownBy(() -> engine.getRuntimeService().startProcessInstanceByKey("scriptAttempt"))
                .isInstanceOf(ProcessEngineException.class)
                .hasMessageContaining("Scripts are disabled");
    }

    @Test
    void javaSerializedVariablesAndQueryExpressionsAreRefused() {
        var model = Bpmn.createExecutableProcess("variableAttempt")
                .camundaHistoryTimeToLive(1)
                .startEvent()
                .userTask("Task_Wait")
                .endEvent()
                .done();
        engine.getRepositoryService()
                .createDeployment()
                .addModelInstance("variable-attempt.bpmn", model)
                .deploy();
        List<String> serializable = new ArrayList<>(List.of("a"));
        assertThatThrownBy(() -> engine.getRuntimeService()
                        .startProcessInstanceByKey("variableAttempt", Map.of("list", serializable)))
                .isInstanceOf(ProcessEngineException.class);
        assertThatThrownBy(() -> engine.getTaskService()
                        .createTaskQuery()
                        .taskAssigneeExpression("${currentUser()}")
                        .list())
                .isInstanceOf(ProcessEngineException.class)
                .hasMessageContaining("Expressions are forbidden");
    }

    /** Signs in through the form like a browser and returns the session cookie. */
    private String signIn(String username) {
        ResponseEntity<String> page = http.getForEntity("/login", String.class);
        String cookie = page.getHeaders().getFirst(HttpHeaders.SET_COOKIE).split(";")[0];
        Matcher token = Pattern.compile("name=\"_csrf\" type=\"hidden\" value=\"([^\"]+)\"")
                .matcher(page.getBody());
        assertThat(token.find()).isTrue();
        MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
        form.add("username", username);
        form.add("password", "demo");
        form.add("_csrf", token.group(1));
        HttpHeaders headers = new HttpHeaders();
        headers.add(HttpHeaders.COOKIE, cookie);
        headers.setContentType(MediaType.APPLICATION_FORM_URLENCODED);
        ResponseEntity<String> signedIn = http.postForEntity("/login", new HttpEntity<>(form, headers), String.class);
        assertThat(signedIn.getStatusCode().value()).isEqualTo(302);
        assertThat(signedIn.getHeaders().getLocation().toString()).doesNotContain("error");
        return signedIn.getHeaders().getFirst(HttpHeaders.SET_COOKIE).split(";")[0];
    }

    private ResponseEntity<String> withCookie(String cookie, String path) {
        HttpHeaders headers = new HttpHeaders();
        headers.add(HttpHeaders.COOKIE, cookie);
        return http.exchange(path, HttpMethod.GET, new HttpEntity<>(headers), String.class);
    }
}
