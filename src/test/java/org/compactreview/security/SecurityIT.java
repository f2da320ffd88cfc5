package org.compactreview.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.compactreview.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** Sign-in, scoping of Camunda's own surface, and the engine's hardening. */
class SecurityIT extends IntegrationTest {

    @Test
    void apiNeedsSignInAndAnswersProblems() {
        ResponseEntity<JsonNode> anonymous = http.getForEntity("/api/v1/me", JsonNode.class);
        assertThat(anonymous.getStatusCode().value()).isEqualTo(401);
        assertThat(anonymous.getHeaders().getContentType())
                .isEqualTo(MediaType.valueOf("application/problem+json;charset=UTF-8"));
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
    void oversizedBodiesAreRefusedBeforeTheyAreRead() {
        String huge = "{\"lockVersion\":0,\"entries\":[{\"objective\":1,\"achievements\":\""
                + "x".repeat(2 * 1024 * 1024) + "\"}]}";
        HttpResponse<String> refused = send(HttpRequest.newBuilder(uri("/api/v1/reports/1"))
                .header(
                        "Authorization",
                        "Basic " + java.util.Base64.getEncoder().encodeToString("fp-egy:demo".getBytes()))
                .header("Content-Type", "application/json")
                .PUT(HttpRequest.BodyPublishers.ofString(huge)));
        assertThat(refused.statusCode()).isEqualTo(413);
        assertThat(refused.body()).contains("urn:compact-review:problem:too-large");
    }

    @Test
    void aRememberedSignInNeverLetsAWrongPasswordThrough() {
        assertThat(as("manager")
                        .getForEntity("/api/v1/me", String.class)
                        .getStatusCode()
                        .value())
                .isEqualTo(200);
        assertThat(http.withBasicAuth("manager", "demo-wrong")
                        .getForEntity("/api/v1/me", String.class)
                        .getStatusCode()
                        .value())
                .isEqualTo(401);
        assertThat(as("manager")
                        .getForEntity("/api/v1/me", String.class)
                        .getStatusCode()
                        .value())
                .isEqualTo(200);
    }

    @Test
    void ourPagesSendAStrictContentSecurityPolicy() {
        HttpResponse<String> login = web(null, "/login");
        String policy = login.headers().firstValue("Content-Security-Policy").orElseThrow();
        assertThat(policy)
                .contains("default-src 'self'")
                .contains("frame-ancestors 'none'")
                .doesNotContain("unsafe");
        assertThat(login.headers().firstValue("Referrer-Policy")).hasValue("same-origin");
        assertThat(login.headers().firstValue("X-Frame-Options")).hasValue("DENY");
        String admin = signIn("admin");
        assertThat(web(admin, "/camunda/app/cockpit/default/").headers().allValues("Content-Security-Policy"))
                .noneMatch(value -> value.contains("form-action 'self'; frame-ancestors 'none'"));
    }

    @Test
    void signInChangesTheSessionAndCookiesAreSecureBehindHttps() {
        HttpResponse<String> page = send(HttpRequest.newBuilder(uri("/login"))
                .header("X-Forwarded-Proto", "https")
                .GET());
        String setCookie = page.headers().firstValue("Set-Cookie").orElseThrow();
        assertThat(setCookie).contains("Secure").contains("HttpOnly").contains("SameSite=Lax");
        String before = setCookie.split(";")[0];
        Matcher token = Pattern.compile("<input[^>]*name=\"_csrf\"[^>]*value=\"([^\"]+)\"")
                .matcher(page.body());
        assertThat(token.find()).isTrue();
        HttpResponse<String> signedIn = send(HttpRequest.newBuilder(uri("/login"))
                .header("Cookie", before)
                .header("X-Forwarded-Proto", "https")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(
                        "username=secretariat&password=demo&_csrf=" + token.group(1))));
        String after = signedIn.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
        assertThat(after).as("session fixation: a new session id after sign-in").isNotEqualTo(before);
        assertThat(web(before, "/cycles").statusCode())
                .as("the old session is not signed in")
                .isEqualTo(302);
    }

    @Test
    void healthIsOpenAndNothingElseIs() {
        assertThat(http.getForEntity("/actuator/health", JsonNode.class)
                        .getBody()
                        .get("status")
                        .asText())
                .isEqualTo("UP");
        assertThat(web(null, "/v3/api-docs").statusCode())
                .as("the API description answers scripts, so 401, not the sign-in page")
                .isEqualTo(401);
        assertThat(web(null, "/swagger-ui.html").statusCode()).isEqualTo(302);
        HttpResponse<String> cockpit = web(null, "/camunda/app/cockpit/default/");
        assertThat(cockpit.statusCode()).isEqualTo(302);
        assertThat(cockpit.headers().firstValue("Location"))
                .hasValueSatisfying(l -> assertThat(l).endsWith("/login"));
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
        assertThat(web(secretariat, "/camunda/app/cockpit/default/").statusCode())
                .isEqualTo(403);
        assertThat(web(secretariat, "/v3/api-docs").body()).contains("/api/v1/cycles");
        String admin = signIn("admin");
        assertThat(web(admin, "/camunda/app/cockpit/default/").statusCode()).isEqualTo(200);
        HttpResponse<String> user = web(admin, "/camunda/api/admin/auth/user/default");
        assertThat(user.statusCode()).isEqualTo(200);
        assertThat(user.body()).contains("\"userId\":\"admin\"").contains("cockpit");
    }

    @Test
    void formsNeedTheirCsrfToken() {
        String session = signIn("secretariat");
        HttpResponse<String> logout = send(HttpRequest.newBuilder(uri("/logout"))
                .header("Cookie", session)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("")));
        assertThat(logout.statusCode()).isEqualTo(403);
        assertThat(web(session, "/v3/api-docs").statusCode()).isEqualTo(200);
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
        // What a client would send: Java-serialized bytes (base64) claiming to be an object.
        var javaSerialized = Variables.serializedObjectValue("rO0ABXNyABNqYXZhLnV0aWwuQXJyYXlMaXN0")
                .serializationDataFormat(Variables.SerializationDataFormats.JAVA)
                .objectTypeName("java.util.ArrayList")
                .create();
        assertThatThrownBy(() -> engine.getRuntimeService()
                        .startProcessInstanceByKey("variableAttempt", Map.of("list", javaSerialized)))
                .isInstanceOf(ProcessEngineException.class)
                .hasMessageContaining("Java serialization");
        assertThatThrownBy(() -> engine.getTaskService()
                        .createTaskQuery()
                        .taskAssigneeExpression("${currentUser()}")
                        .list())
                .isInstanceOf(ProcessEngineException.class)
                .hasMessageContaining("Expressions are forbidden");
    }

    /** Signs in through the form like a browser and returns the session cookie. */
    private String signIn(String username) {
        HttpResponse<String> page = web(null, "/login");
        String cookie = page.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
        Matcher token = Pattern.compile("<input[^>]*name=\"_csrf\"[^>]*value=\"([^\"]+)\"")
                .matcher(page.body());
        assertThat(token.find()).isTrue();
        String form = "username=" + username + "&password=demo&_csrf=" + token.group(1);
        HttpResponse<String> signedIn = send(HttpRequest.newBuilder(uri("/login"))
                .header("Cookie", cookie)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(form)));
        assertThat(signedIn.statusCode()).isEqualTo(302);
        assertThat(signedIn.headers().firstValue("Location").orElseThrow()).doesNotContain("error");
        return signedIn.headers().firstValue("Set-Cookie").orElseThrow().split(";")[0];
    }

    /** A GET as a browser would send it, without following redirects. */
    private HttpResponse<String> web(String cookie, String path) {
        HttpRequest.Builder request = HttpRequest.newBuilder(uri(path)).GET();
        if (cookie != null) {
            request.header("Cookie", cookie);
        }
        return send(request);
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return HttpClient.newBuilder()
                    .followRedirects(HttpClient.Redirect.NEVER)
                    .build()
                    .send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private URI uri(String path) {
        return URI.create(http.getRootUri() + path);
    }
}
