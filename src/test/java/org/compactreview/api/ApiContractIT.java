package org.compactreview.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import org.compactreview.audit.AuditObjectType;
import org.compactreview.capacity.CapacityFilter;
import org.compactreview.capacity.CapacityService;
import org.compactreview.cycle.CycleStatus;
import org.compactreview.cycle.ReviewCycle;
import org.compactreview.discussion.AttachmentService;
import org.compactreview.discussion.AttachmentTarget;
import org.compactreview.discussion.CommentService;
import org.compactreview.discussion.DialogueService;
import org.compactreview.identity.Role;
import org.compactreview.identity.UserDirectory;
import org.compactreview.identity.UserDraft;
import org.compactreview.report.DelegationService;
import org.compactreview.report.Report;
import org.compactreview.report.ReportService;
import org.compactreview.report.ValidationDecision;
import org.compactreview.support.Entries;
import org.compactreview.support.Evidence;
import org.compactreview.support.IntegrationTest;
import org.compactreview.support.Users;
import org.compactreview.task.TaskGateway;
import org.compactreview.task.WorkItem;
import org.compactreview.task.WorkItemFilter;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * The OpenAPI description checked against real answers. Every operation is called signed out, as
 * every role with real ids and an empty body, with a malformed body, with a value of the wrong
 * type, with ids that do not exist, and along a scenario that reaches each success and each
 * conflict. Then: every status the description documents was answered (or is in
 * {@link #PROVEN_ELSEWHERE}), every status answered is documented, nothing answered 500, and every
 * answer carries the fields its documented schema requires.
 */
class ApiContractIT extends IntegrationTest {

    private static final List<String> ROLES = List.of("fp-jor", "fp-egy", "secretariat", "manager", "admin");

    /**
     * Documented statuses that no call in this shared context can produce, each with where it is
     * proven. {@code *} stands for every operation.
     */
    private static final Map<String, String> PROVEN_ELSEWHERE = Map.of(
            "* 429",
            "SignInThrottleIT: HTTP Basic answers 429 with Retry-After, before any operation is reached, once a"
                    + " client has failed too often; throttling every operation here would slow the shared tests",
            "* 503",
            "DatabaseOutageIT stops the database under a running app: every call then answers 503 with "
                    + "Retry-After (DatabaseUnavailableFilter); this test shares the one database of all tests");

    @Autowired
    MockMvc mvc;

    @Autowired
    DelegationService delegations;

    @Autowired
    UserDirectory directory;

    @Autowired
    ObjectMapper json;

    @Autowired
    ReportService reports;

    @Autowired
    TaskGateway tasks;

    @Autowired
    CapacityService capacity;

    @Autowired
    AttachmentService attachments;

    @Autowired
    CommentService comments;

    @Autowired
    DialogueService dialogue;

    private JsonNode api;

    /** Operation ("GET /api/v1/cycles/{id}") to the statuses it answered. */
    private final Map<String, Set<Integer>> answered = new TreeMap<>();

    private final List<String> problems = new ArrayList<>();

    @Test
    void everyDocumentedStatusIsAnsweredAndEveryAnswerIsDocumented() throws Exception {
        api = json.readTree(mvc.perform(MockMvcRequestBuilders.get("/v3/api-docs")
                        .with(user("admin").roles("ADMIN")))
                .andReturn()
                .getResponse()
                .getContentAsString());
        World world = world();
        genericCalls(world);
        new Scenario(world).run();

        Map<String, Set<Integer>> documented = documented();
        List<String> unanswered = new ArrayList<>();
        List<String> undocumented = new ArrayList<>();
        documented.forEach((operation, statuses) -> {
            Set<Integer> seen = answered.getOrDefault(operation, Set.of());
            statuses.stream()
                    .filter(status -> !seen.contains(status))
                    .filter(status -> !PROVEN_ELSEWHERE.containsKey("* " + status)
                            && !PROVEN_ELSEWHERE.containsKey(operation + " " + status))
                    .forEach(status -> unanswered.add(operation + " documents " + status + ", answered " + seen));
            seen.stream()
                    .filter(status -> !statuses.contains(status))
                    .forEach(status -> undocumented.add(operation + " answered " + status + ", documents " + statuses));
        });
        System.out.println("API contract: " + answered);
        assertThat(answered.keySet()).as("every operation was called").isEqualTo(documented.keySet());
        assertThat(unanswered).as("documented but never answered").isEmpty();
        assertThat(undocumented).as("answered but not documented").isEmpty();
        assertThat(problems).as("answers against their documented schemas").isEmpty();
    }

    @Test
    void descriptionSaysWhatTheCodeNeedsAndDefaults() throws Exception {
        api = json.readTree(mvc.perform(MockMvcRequestBuilders.get("/v3/api-docs")
                        .with(user("admin").roles("ADMIN")))
                .andReturn()
                .getResponse()
                .getContentAsString());
        List<String> userParameters = new ArrayList<>();
        api.get("paths")
                .fields()
                .forEachRemaining(path -> path.getValue().fields().forEachRemaining(op -> {
                    op.getValue().path("parameters").forEach(parameter -> {
                        if (parameter.get("name").asText().equals("user")) {
                            userParameters.add(op.getKey() + " " + path.getKey());
                        }
                    });
                }));
        assertThat(userParameters).as("the signed-in user is no parameter").isEmpty();

        JsonNode schemas = api.path("components").path("schemas");
        assertThat(schemas.path("UpdateRequest").path("required"))
                .extracting(JsonNode::asText)
                .contains("done");
        assertThat(schemas.path("UserDraft")
                        .path("properties")
                        .path("enabled")
                        .path("default")
                        .asBoolean())
                .isTrue();
        JsonNode password = schemas.path("NewUser").path("properties").path("password");
        assertThat(password.path("minLength").asInt()).isEqualTo(UserDirectory.MIN_PASSWORD_LENGTH);
        assertThat(password.path("maxLength").asInt()).isEqualTo(UserDirectory.MAX_PASSWORD_LENGTH);
        assertThat(schemas.path("NewPassword")
                        .path("properties")
                        .path("password")
                        .path("minLength")
                        .asInt())
                .isEqualTo(UserDirectory.MIN_PASSWORD_LENGTH);

        JsonNode openCycle =
                api.path("paths").path("/api/v1/cycles").path("post").path("responses");
        assertThat(openCycle.has("200")).isFalse();
        assertThat(openCycle.path("201").path("headers").has("Location")).isTrue();

        JsonNode objectType = null;
        for (JsonNode parameter :
                api.path("paths").path("/api/v1/audit").path("get").path("parameters")) {
            if (parameter.get("name").asText().equals("objectType")) {
                objectType = parameter;
            }
        }
        assertThat(objectType).isNotNull();
        assertThat(objectType.path("schema").path("enum"))
                .extracting(JsonNode::asText)
                .containsExactlyInAnyOrderElementsOf(Arrays.stream(AuditObjectType.values())
                        .map(AuditObjectType::code)
                        .toList());
        assertThat(schemas.path("ReviewCycle").path("properties").path("status").path("enum"))
                .extracting(JsonNode::asText)
                .containsExactly(
                        Arrays.stream(CycleStatus.values()).map(Enum::name).toArray(String[]::new));
    }

    /** What the calls need: an annual cycle of Egypt (accepted, one capacity request) and Jordan (a draft). */
    private record World(
            ReviewCycle cycle,
            Report egypt,
            Report jordan,
            String doneTask,
            String jordanTask,
            long egyptRequest,
            long egyptDelegation,
            long egyptAttachment,
            long egyptComment,
            long egyptPost,
            long egyptNotice) {}

    private World world() {
        ReviewCycle cycle = openAnnualReview("contract", "EGY", "JOR");
        Report egypt = reports.list(Users.FP_EGY, cycle.id(), null).get(0);
        // A delegation handed back before the submission, for the operations on delegations.
        long egyptDelegation = delegations
                .delegate(egypt.id(), Users.FP_EGY, "contrib-egy", List.of(1), null)
                .id();
        delegations.handBack(egyptDelegation, Users.CONTRIB_EGY);
        reports.saveDraft(egypt.id(), Users.FP_EGY, egypt.lockVersion(), Entries.complete(2, 4));
        long attachment = attachments
                .upload(AttachmentTarget.reportEntry(egypt.id(), 1), Evidence.pdf("egypt.pdf"), Users.FP_EGY)
                .id();
        long comment = comments.postOnReport(egypt.id(), 1, "Egypt's note", Users.FP_EGY)
                .id();
        long post =
                dialogue.post(cycle.id(), 1, "Egypt's experience", Users.FP_EGY).id();
        reports.submit(egypt.id(), Users.FP_EGY, null);
        String validationTask = openTask(cycle.id(), "EGY").id();
        reports.validate(egypt.id(), Users.SECRETARIAT, ValidationDecision.ACCEPT, null);
        runDueJobs(cycle.processInstanceId());
        long request = capacity.list(Users.SECRETARIAT, new CapacityFilter(4, null, null, "EGY")).stream()
                .filter(r -> r.reportId() == egypt.id())
                .findFirst()
                .orElseThrow()
                .id();
        runDueJobs(processOfRequest(request));
        Report jordan = reports.list(Users.FP_JOR, cycle.id(), null).get(0);
        return new World(
                cycle,
                egypt,
                jordan,
                validationTask,
                openTask(cycle.id(), "JOR").id(),
                request,
                egyptDelegation,
                attachment,
                comment,
                post,
                jdbc.sql("select max(id) from notice where username = 'fp-egy'")
                        .query(Long.class)
                        .single());
    }

    /** Per operation: signed out; each role with real ids; a malformed body; a wrong type; no such object. */
    private void genericCalls(World world) {
        api.get("paths")
                .fields()
                .forEachRemaining(path -> path.getValue().fields().forEachRemaining(entry -> {
                    String method = entry.getKey().toUpperCase();
                    String template = path.getKey();
                    String operation = method + " " + template;
                    JsonNode definition = entry.getValue();
                    String url = realUrl(template, world);
                    call(operation, null, method, url, "{}");
                    ROLES.forEach(role -> call(operation, role, method, url, "{}"));
                    if (definition.has("requestBody")) {
                        ROLES.forEach(role -> call(operation, role, method, url, "{"));
                    }
                    for (JsonNode parameter : definition.path("parameters")) {
                        if (!typed(parameter)) {
                            continue;
                        }
                        String name = parameter.get("name").asText();
                        String wrong = parameter.get("in").asText().equals("path")
                                ? realUrl(template.replace("{" + name + "}", "x"), world)
                                : url + (url.contains("?") ? "&" : "?") + name + "=x";
                        ROLES.forEach(role -> call(operation, role, method, wrong, "{}"));
                    }
                    if (template.contains("{")) {
                        String missing = template.replace("/tasks/{id}", "/tasks/no-such-task")
                                .replace("{username}", "no-such-user")
                                .replace("{code}", "NO-SUCH-PARTICIPANT")
                                .replace("{region}", "NO-SUCH-REGION")
                                .replace("{table}", "no-such-table")
                                .replace("{id}", "999999999");
                        String body = SampleBodies.of(operation);
                        ROLES.forEach(role -> call(operation, role, method, missing, body));
                    }
                }));
    }

    private static boolean typed(JsonNode parameter) {
        JsonNode schema = parameter.path("schema");
        return !schema.path("type").asText("string").equals("string") || schema.has("enum");
    }

    private static String realUrl(String template, World world) {
        return template.replace("/reports/{id}", "/reports/" + world.egypt().id())
                .replace(
                        "/tasks/{id}",
                        "/tasks/" + (template.endsWith("/assignee") ? world.jordanTask() : world.doneTask()))
                .replace("/capacity-requests/{id}", "/capacity-requests/" + world.egyptRequest())
                .replace("/delegations/{id}", "/delegations/" + world.egyptDelegation())
                .replace("/attachments/{id}", "/attachments/" + world.egyptAttachment())
                .replace("/comments/{id}", "/comments/" + world.egyptComment())
                .replace("/dialogue-posts/{id}", "/dialogue-posts/" + world.egyptPost())
                // No mail 0: the generic calls send no incident again (the scenario does).
                .replace("/admin/mail/{id}", "/admin/mail/0")
                .replace("/notifications/{id}", "/notifications/" + world.egyptNotice())
                .replace("{id}", String.valueOf(world.cycle().id()))
                .replace("{username}", "fp-egy")
                .replace("{code}", "EGY")
                .replace("{region}", "AFRICA")
                .replace("{table}", "benchmarking-distribution");
    }

    /** The calls that reach each success and each conflict, in an order that makes them possible. */
    private final class Scenario {

        private final World world;
        private final String secondFocalPoint = "fp-jor-" + Long.toString(System.nanoTime(), 36);

        Scenario(World world) {
            this.world = world;
        }

        void run() throws Exception {
            long cycleId = world.cycle().id();
            exportsBeforeConsolidation(cycleId);
            String period = uniquePeriod("contract-open");
            String openCycle = "{\"kind\":\"ANNUAL_REVIEW\",\"period\":\"" + period
                    + "\",\"participants\":[\"MAR\"],\"submissionDue\":\"" + START.plus(30, ChronoUnit.DAYS) + "\"}";
            ResponseEntity<String> opened =
                    call("POST /api/v1/cycles", "secretariat", "POST", "/api/v1/cycles", openCycle);
            assertThat(opened.getStatusCode().value()).isEqualTo(201);
            JsonNode meetingCycle = json.readTree(opened.getBody());
            assertThat(opened.getHeaders().getLocation())
                    .hasToString("/api/v1/cycles/" + meetingCycle.get("id").asLong());
            expect(409, "POST /api/v1/cycles", "secretariat", "/api/v1/cycles", openCycle);
            String conferenceBody = "{\"kind\":\"HIGH_LEVEL_CONFERENCE\",\"period\":\"" + uniquePeriod("contract-hlc")
                    + "\",\"participants\":[\"ARCP\"],\"submissionDue\":\"" + START.plus(30, ChronoUnit.DAYS)
                    + "\",\"conferenceDate\":\"2027-03-20\"}";
            JsonNode conference =
                    json.readTree(expect(201, "POST /api/v1/cycles", "secretariat", "/api/v1/cycles", conferenceBody));

            String cycle = "/api/v1/cycles/" + cycleId;
            expect(
                    409,
                    "POST /api/v1/cycles/{id}/meeting/preparation",
                    "secretariat",
                    cycle + "/meeting/preparation",
                    SampleBodies.MEETING_PREPARATION);
            expect(
                    409,
                    "POST /api/v1/cycles/{id}/meeting/outcomes",
                    "secretariat",
                    cycle + "/meeting/outcomes",
                    SampleBodies.MEETING_OUTCOMES);
            expect(403, "GET /api/v1/tasks", "fp-jor", "/api/v1/tasks?allTeams=true", null);

            discussion();
            users();
            mailIncident();
            tokens();
            absences();
            // The defaults, written back: fp-jor's mail stays as every other test expects it.
            expect(
                    200,
                    "PUT /api/v1/me/notification-settings",
                    "fp-jor",
                    "/api/v1/me/notification-settings",
                    "{\"delivery\":\"IMMEDIATE\",\"reminders\":true,\"timeZone\":\"UTC\",\"digestHour\":7}");
            jordansTask();
            dueDate();
            jordansDelegations();
            jordansReport();
            String hlc = "/api/v1/conferences/" + conference.get("id").asLong();
            conferenceStepsRefusedWhileRegionalReviewsRun(hlc);
            String request = "/api/v1/capacity-requests/" + world.egyptRequest();
            expect(
                    409,
                    "POST /api/v1/capacity-requests/{id}/updates",
                    "fp-egy",
                    request + "/updates",
                    SampleBodies.UPDATE);
            expect(409, "POST /api/v1/capacity-requests/{id}/plan", "manager", request + "/plan", SampleBodies.PLAN);
            expect(
                    200,
                    "POST /api/v1/capacity-requests/{id}/assessment",
                    "secretariat",
                    request + "/assessment",
                    SampleBodies.ASSESSMENT);
            expect(
                    409,
                    "POST /api/v1/capacity-requests/{id}/assessment",
                    "secretariat",
                    request + "/assessment",
                    SampleBodies.ASSESSMENT);
            expect(200, "POST /api/v1/capacity-requests/{id}/plan", "manager", request + "/plan", SampleBodies.PLAN);

            setClock(START.plus(31, ChronoUnit.DAYS));
            runDueJobs(processOfRequest(world.egyptRequest()));
            expect(
                    200,
                    "POST /api/v1/capacity-requests/{id}/updates",
                    "fp-egy",
                    request + "/updates",
                    SampleBodies.UPDATE);
            long meetingCycleId = meetingCycle.get("id").asLong();
            runCycleJobs(meetingCycleId);
            String escalation = tasks
                    .list(
                            Users.MANAGER,
                            new WorkItemFilter(true, meetingCycleId, "MAR", null, null, null),
                            new org.compactreview.platform.PageRequest(0, 10))
                    .items()
                    .stream()
                    .filter(WorkItem::formless)
                    .findFirst()
                    .orElseThrow()
                    .id();
            expect(
                    409,
                    "PUT /api/v1/tasks/{id}/due-date",
                    "manager",
                    "/api/v1/tasks/" + escalation + "/due-date",
                    SampleBodies.dueDate(START.plus(60, ChronoUnit.DAYS)));
            expect(
                    204,
                    "POST /api/v1/tasks/{id}/complete",
                    "manager",
                    "/api/v1/tasks/" + escalation + "/complete",
                    "{\"note\":\"Called the focal point\"}");

            setClock(START.plus(45, ChronoUnit.DAYS));
            runCycleJobs(meetingCycleId);
            String meeting = "/api/v1/cycles/" + meetingCycleId;
            expect(200, "GET /api/v1/cycles/{id}/summary", "manager", meeting + "/summary", null);
            expect(
                    200,
                    "GET /api/v1/cycles/{id}/summary/export",
                    "manager",
                    meeting + "/summary/export?format=xlsx",
                    null);
            expect(
                    200,
                    "POST /api/v1/cycles/{id}/meeting/preparation",
                    "secretariat",
                    meeting + "/meeting/preparation",
                    SampleBodies.MEETING_PREPARATION);
            expect(
                    200,
                    "POST /api/v1/cycles/{id}/meeting/outcomes",
                    "secretariat",
                    meeting + "/meeting/outcomes",
                    SampleBodies.MEETING_OUTCOMES);
            runCycleJobs(conference.get("id").asLong());
            conferenceStepsOneAfterAnother(hlc);

            setClock(START.plus(92, ChronoUnit.DAYS));
            runDueJobs(processOfRequest(world.egyptRequest()));
            expect(
                    200,
                    "POST /api/v1/capacity-requests/{id}/evaluation",
                    "secretariat",
                    request + "/evaluation",
                    SampleBodies.EVALUATION);
        }

        /** Comments, evidence and the dialogue, while Jordan's report is a draft and its task open. */
        private void discussion() throws Exception {
            String egyptComments = "/api/v1/comments?reportId=" + world.egypt().id();
            expect(200, "GET /api/v1/comments", "fp-egy", egyptComments, null);
            expect(404, "GET /api/v1/comments", "fp-jor", egyptComments, null);
            String onEgypt = "{\"reportId\":" + world.egypt().id() + ",\"objective\":2,\"text\":\"Figures?\"}";
            expect(404, "POST /api/v1/comments", "fp-jor", "/api/v1/comments", onEgypt);
            long comment = json.readTree(expect(201, "POST /api/v1/comments", "fp-egy", "/api/v1/comments", onEgypt))
                    .get("id")
                    .asLong();
            expect(403, "DELETE /api/v1/comments/{id}", "secretariat", "/api/v1/comments/" + comment, null);
            setClock(START.plus(16, ChronoUnit.MINUTES));
            expect(409, "DELETE /api/v1/comments/{id}", "fp-egy", "/api/v1/comments/" + comment, null);
            setClock(START);

            String egyptFiles = "/api/v1/attachments?reportId=" + world.egypt().id();
            expect(200, "GET /api/v1/attachments", "secretariat", egyptFiles, null);
            expect(404, "GET /api/v1/attachments", "fp-jor", egyptFiles, null);
            Map<String, String> egyptEntry =
                    Map.of("reportId", String.valueOf(world.egypt().id()), "objective", "1");
            Map<String, String> jordanEntry =
                    Map.of("reportId", String.valueOf(world.jordan().id()), "objective", "1");
            Map<String, String> jordanTask = Map.of("taskId", world.jordanTask());
            byte[] pdf = "%PDF-1.7\ncontract\n".getBytes(java.nio.charset.StandardCharsets.US_ASCII);
            upload(404, "fp-jor", egyptEntry, "a.pdf", pdf);
            upload(403, "secretariat", egyptEntry, "a.pdf", pdf);
            upload(409, "fp-egy", egyptEntry, "a.pdf", pdf);
            upload(
                    415,
                    "fp-jor",
                    jordanTask,
                    "page.pdf",
                    "<html></html>".getBytes(java.nio.charset.StandardCharsets.UTF_8));
            byte[] big = new byte[10 * 1024 * 1024 + 1];
            System.arraycopy(pdf, 0, big, 0, pdf.length);
            upload(413, "fp-jor", jordanTask, "big.pdf", big);
            upload(201, "fp-jor", jordanTask, "minutes.pdf", pdf);
            long evidence = json.readTree(upload(201, "fp-jor", jordanEntry, "plan.pdf", pdf))
                    .get("id")
                    .asLong();
            expect(204, "DELETE /api/v1/attachments/{id}", "fp-jor", "/api/v1/attachments/" + evidence, null);

            String posts = "/api/v1/cycles/" + world.cycle().id() + "/dialogue/posts";
            expect(200, "GET /api/v1/cycles/{id}/dialogue/posts", "manager", posts + "?objective=1", null);
            expect(404, "GET /api/v1/cycles/{id}/dialogue/posts", "manager", posts + "?objective=99", null);
            long post = json.readTree(expect(
                            201,
                            "POST /api/v1/cycles/{id}/dialogue/posts",
                            "fp-jor",
                            posts,
                            "{\"objective\":1,\"text\":\"Our experience\"}"))
                    .get("id")
                    .asLong();
            String hide = "/api/v1/dialogue-posts/" + post + "/hide";
            expect(200, "POST /api/v1/dialogue-posts/{id}/hide", "secretariat", hide, "{\"reason\":\"Off topic\"}");
            expect(409, "POST /api/v1/dialogue-posts/{id}/hide", "secretariat", hide, "{\"reason\":\"Off topic\"}");
        }

        /** A multipart upload, counted like every other call. */
        private String upload(int status, String user, Map<String, String> fields, String filename, byte[] content) {
            org.springframework.util.MultiValueMap<String, Object> body =
                    new org.springframework.util.LinkedMultiValueMap<>();
            fields.forEach(body::add);
            body.add("file", new org.springframework.core.io.ByteArrayResource(content) {
                @Override
                public String getFilename() {
                    return filename;
                }
            });
            HttpHeaders headers = new HttpHeaders();
            headers.setContentType(MediaType.MULTIPART_FORM_DATA);
            ResponseEntity<String> answer = http.withBasicAuth(user, "demo")
                    .postForEntity("/api/v1/attachments", new HttpEntity<>(body, headers), String.class);
            String operation = "POST /api/v1/attachments";
            answered.computeIfAbsent(operation, o -> new TreeSet<>())
                    .add(answer.getStatusCode().value());
            checkAgainstSchema(operation, answer.getStatusCode().value(), answer.getBody());
            assertThat(answer.getStatusCode().value())
                    .as(operation + " as " + user + ": " + answer.getBody())
                    .isEqualTo(status);
            return answer.getBody();
        }

        private void users() {
            String user = "{\"username\":\"" + secondFocalPoint + "\",\"password\":\"a-long-password-1\","
                    + "\"user\":{\"displayName\":\"Second focal point\",\"roles\":[\"FOCAL_POINT\"],"
                    + "\"participants\":[\"JOR\"]}}";
            expect(201, "POST /api/v1/users", "admin", "/api/v1/users", user);
            expect(409, "POST /api/v1/users", "admin", "/api/v1/users", user);
            expect(
                    200,
                    "PUT /api/v1/users/{username}",
                    "admin",
                    "/api/v1/users/" + secondFocalPoint,
                    "{\"displayName\":\"Second focal point of Jordan\",\"roles\":[\"FOCAL_POINT\"],"
                            + "\"participants\":[\"JOR\"]}");
            expect(
                    204,
                    "POST /api/v1/users/{username}/password",
                    "admin",
                    "/api/v1/users/" + secondFocalPoint + "/password",
                    "{\"password\":\"a-long-password-1\"}");
        }

        /** Due dates (issue 12): Jordan's submission moves by an hour, which changes nothing else here. */
        private void dueDate() {
            expect(
                    200,
                    "PUT /api/v1/tasks/{id}/due-date",
                    "manager",
                    "/api/v1/tasks/" + world.jordanTask() + "/due-date",
                    SampleBodies.dueDate(world.cycle().submissionDue().plus(1, ChronoUnit.HOURS)));
        }

        /** Out of office (issue 12): the second focal point's periods, set far ahead and cancelled. */
        private void absences() throws Exception {
            String body = "{\"startsAt\":\"" + START.plus(200, ChronoUnit.DAYS) + "\",\"endsAt\":\""
                    + START.plus(201, ChronoUnit.DAYS) + "\",\"substitute\":\"fp-jor\"}";
            String mine = "/api/v1/me/absences";
            long own = json.readTree(expect(201, "POST /api/v1/me/absences", secondFocalPoint, mine, body))
                    .get("id")
                    .asLong();
            expect(409, "POST /api/v1/me/absences", secondFocalPoint, mine, body);
            expect(200, "DELETE /api/v1/me/absences/{id}", secondFocalPoint, mine + "/" + own, null);
            expect(409, "DELETE /api/v1/me/absences/{id}", secondFocalPoint, mine + "/" + own, null);
            String theirs = "/api/v1/users/" + secondFocalPoint + "/absences";
            long set = json.readTree(expect(201, "POST /api/v1/users/{username}/absences", "manager", theirs, body))
                    .get("id")
                    .asLong();
            expect(409, "POST /api/v1/users/{username}/absences", "manager", theirs, body);
            expect(200, "DELETE /api/v1/users/{username}/absences/{id}", "manager", theirs + "/" + set, null);
            expect(409, "DELETE /api/v1/users/{username}/absences/{id}", "manager", theirs + "/" + set, null);
        }

        private void jordansTask() {
            String task = "/api/v1/tasks/" + world.jordanTask();
            expect(200, "GET /api/v1/tasks/{id}", "fp-jor", task, null);
            expect(200, "POST /api/v1/tasks/{id}/claim", "fp-jor", task + "/claim", null);
            expect(409, "POST /api/v1/tasks/{id}/claim", secondFocalPoint, task + "/claim", null);
            expect(409, "POST /api/v1/tasks/{id}/unclaim", secondFocalPoint, task + "/unclaim", null);
            expect(409, "POST /api/v1/tasks/{id}/complete", "fp-jor", task + "/complete", "{}");
            expect(
                    200,
                    "POST /api/v1/tasks/{id}/assignee",
                    "manager",
                    task + "/assignee",
                    "{\"username\":\"" + secondFocalPoint + "\"}");
            expect(200, "GET /api/v1/tasks/{id}/eligible-assignees", "manager", task + "/eligible-assignees", null);
            String selection = "{\"taskIds\":[\"" + world.jordanTask() + "\"]}";
            expect(
                    200,
                    "POST /api/v1/tasks/eligible-assignees",
                    "secretariat",
                    "/api/v1/tasks/eligible-assignees",
                    selection);
            expect(
                    200,
                    "POST /api/v1/tasks/reassignments",
                    "manager",
                    "/api/v1/tasks/reassignments",
                    "{\"taskIds\":[\"" + world.jordanTask() + "\",\"no-such-task\"],\"to\":\"fp-jor\","
                            + "\"reason\":\"Back to Jordan's first focal point\"}");
            expect(200, "POST /api/v1/tasks/{id}/unclaim", "secretariat", task + "/unclaim", null);
        }

        /** Jordan's draft: delegated, handed back, delegated again and taken back before it is submitted. */
        private void jordansDelegations() throws Exception {
            directory.ensureExists(
                    "contrib-jor",
                    "demo",
                    new UserDraft("Contributor, Jordan", null, null, true, Set.of(Role.CONTRIBUTOR), Set.of("JOR")));
            String report = "/api/v1/reports/" + world.jordan().id() + "/delegations";
            String body = "{\"delegate\":\"contrib-jor\",\"objectives\":[4]}";
            String first = json.readTree(expect(201, "POST /api/v1/reports/{id}/delegations", "fp-jor", report, body))
                    .get("id")
                    .asText();
            expect(409, "POST /api/v1/reports/{id}/delegations", "fp-jor", report, body);
            expect(200, "GET /api/v1/reports/{id}/delegations", "fp-jor", report, null);
            String contributors = expect(
                    200,
                    "GET /api/v1/reports/{id}/contributors",
                    "fp-jor",
                    "/api/v1/reports/" + world.jordan().id() + "/contributors",
                    null);
            assertThat(contributors).contains("\"username\":\"contrib-jor\"").doesNotContain("contrib-egy");
            String handBack = "POST /api/v1/delegations/{id}/return";
            expect(400, handBack, "contrib-jor", "/api/v1/delegations/x/return", null);
            expect(404, handBack, "contrib-jor", "/api/v1/delegations/999999999/return", null);
            expect(200, handBack, "contrib-jor", "/api/v1/delegations/" + first + "/return", null);
            expect(409, handBack, "contrib-jor", "/api/v1/delegations/" + first + "/return", null);
            String second = json.readTree(expect(201, "POST /api/v1/reports/{id}/delegations", "fp-jor", report, body))
                    .get("id")
                    .asText();
            expect(200, "DELETE /api/v1/delegations/{id}", "fp-jor", "/api/v1/delegations/" + second, null);
            expect(409, "DELETE /api/v1/delegations/{id}", "fp-jor", "/api/v1/delegations/" + second, null);
        }

        private void jordansReport() throws Exception {
            String report = "/api/v1/reports/" + world.jordan().id();
            String entries = json.writeValueAsString(Entries.complete(3));
            int lockVersion = world.jordan().lockVersion();
            expect(
                    409,
                    "PUT /api/v1/reports/{id}",
                    "fp-jor",
                    report,
                    "{\"lockVersion\":" + (lockVersion + 7) + ",\"entries\":" + entries + "}");
            expect(
                    200,
                    "PUT /api/v1/reports/{id}",
                    "fp-jor",
                    report,
                    "{\"lockVersion\":" + lockVersion + ",\"entries\":" + entries + "}");
            expect(
                    409,
                    "POST /api/v1/reports/{id}/validation",
                    "secretariat",
                    report + "/validation",
                    SampleBodies.VALIDATION);
            expect(200, "POST /api/v1/reports/{id}/submit", "fp-jor", report + "/submit", null);
            expect(409, "POST /api/v1/reports/{id}/submit", "fp-jor", report + "/submit", null);
            expect(
                    200,
                    "POST /api/v1/reports/{id}/validation",
                    "secretariat",
                    report + "/validation",
                    SampleBodies.VALIDATION);
        }

        private void conferenceStepsRefusedWhileRegionalReviewsRun(String hlc) {
            expect(200, "GET /api/v1/conferences/{id}", "manager", hlc, null);
            expect(200, "GET /api/v1/conferences/{id}/compilation", "secretariat", hlc + "/compilation", null);
            expect(
                    409,
                    "POST /api/v1/conferences/{id}/progress-report",
                    "secretariat",
                    hlc + "/progress-report",
                    SampleBodies.NARRATIVE);
            expect(
                    409,
                    "POST /api/v1/conferences/{id}/stakeholder-submissions",
                    "secretariat",
                    hlc + "/stakeholder-submissions",
                    SampleBodies.SUBMISSION);
            expect(
                    409,
                    "POST /api/v1/conferences/{id}/consultation/close",
                    "secretariat",
                    hlc + "/consultation/close",
                    null);
            expect(
                    409,
                    "POST /api/v1/conferences/{id}/negotiation",
                    "manager",
                    hlc + "/negotiation",
                    SampleBodies.ROUND);
            expect(
                    409,
                    "POST /api/v1/conferences/{id}/adoption",
                    "secretariat",
                    hlc + "/adoption",
                    SampleBodies.ADOPTION);
        }

        private void conferenceStepsOneAfterAnother(String hlc) {
            expect(
                    204,
                    "POST /api/v1/conferences/{id}/progress-report",
                    "secretariat",
                    hlc + "/progress-report",
                    SampleBodies.NARRATIVE);
            expect(
                    201,
                    "POST /api/v1/conferences/{id}/stakeholder-submissions",
                    "secretariat",
                    hlc + "/stakeholder-submissions",
                    SampleBodies.SUBMISSION);
            expect(
                    204,
                    "POST /api/v1/conferences/{id}/consultation/close",
                    "secretariat",
                    hlc + "/consultation/close",
                    null);
            expect(
                    204,
                    "POST /api/v1/conferences/{id}/negotiation",
                    "manager",
                    hlc + "/negotiation",
                    SampleBodies.ROUND);
            expect(
                    204,
                    "POST /api/v1/conferences/{id}/negotiation",
                    "manager",
                    hlc + "/negotiation",
                    "{\"agree\":true}");
            expect(
                    204,
                    "POST /api/v1/conferences/{id}/adoption",
                    "secretariat",
                    hlc + "/adoption",
                    SampleBodies.ADOPTION);
        }

        /**
         * Mail operations (issue 15): an incident (a FAILED mail to nobody who exists, so that the
         * relay skips it) is sent again once (204); a second time it is no incident any more (409).
         */
        private void mailIncident() {
            long mail = jdbc.sql(
                            """
                            insert into mail_outbox (message_id, username, status, attempts, next_attempt_at,
                                created_at, failed_at, last_error)
                            values (?, 'nobody-contract', 'FAILED', 8, now(), now(), now(), 'MailSendException')
                            returning id
                            """)
                    .param("<contract-" + System.nanoTime() + "@compact-review.invalid>")
                    .query(Long.class)
                    .single();
            String retry = "/api/v1/admin/mail/" + mail + "/retry";
            expect(204, "POST /api/v1/admin/mail/{id}/retry", "admin", retry, null);
            expect(409, "POST /api/v1/admin/mail/{id}/retry", "admin", retry, null);
        }

        /** Token management: with the password it works; with a token it is refused. */
        private void tokens() throws Exception {
            JsonNode created = json.readTree(
                    expect(201, "POST /api/v1/me/tokens", "fp-jor", "/api/v1/me/tokens", "{\"name\":\"contract\"}"));
            String asToken = TOKEN + created.get("secret").asText();
            String revoke =
                    "/api/v1/me/tokens/" + created.get("token").get("id").asLong();
            expect(403, "POST /api/v1/me/tokens", asToken, "/api/v1/me/tokens", "{\"name\":\"child\"}");
            expect(403, "DELETE /api/v1/me/tokens/{id}", asToken, revoke, null);
            expect(200, "DELETE /api/v1/me/tokens/{id}", "fp-jor", revoke, null);
        }

        /** Exports (issue 13): a file for each, 404 for an unknown cycle, 409 for a summary not consolidated yet. */
        private void exportsBeforeConsolidation(long cycleId) {
            String cycle = "/api/v1/cycles/" + cycleId;
            String unknown = "/api/v1/cycles/999999999";
            expect(
                    200,
                    "GET /api/v1/cycles/{id}/status/export",
                    "secretariat",
                    cycle + "/status/export?format=csv",
                    null);
            expect(
                    404,
                    "GET /api/v1/cycles/{id}/status/export",
                    "manager",
                    unknown + "/status/export?format=pdf",
                    null);
            expect(
                    409,
                    "GET /api/v1/cycles/{id}/summary/export",
                    "manager",
                    cycle + "/summary/export?format=pdf",
                    null);
            expect(
                    404,
                    "GET /api/v1/cycles/{id}/summary/export",
                    "admin",
                    unknown + "/summary/export?format=csv",
                    null);
            String benchmarking = "/api/v1/benchmarking/cycles/" + cycleId;
            expect(
                    200,
                    "GET /api/v1/benchmarking/cycles/{id}/tables/{table}/export",
                    "manager",
                    benchmarking + "/tables/benchmarking-distribution/export?format=csv",
                    null);
            expect(
                    200,
                    "GET /api/v1/benchmarking/cycles/{id}/regions/{region}/tables/{table}/export",
                    "secretariat",
                    benchmarking + "/regions/AFRICA/tables/region-participants/export?format=xlsx",
                    null);
            expect(
                    200,
                    "GET /api/v1/benchmarking/participants/{code}/tables/{table}/export",
                    "secretariat",
                    "/api/v1/benchmarking/participants/EGY/tables/benchmarking-profile/export?format=pdf",
                    null);
            expect(
                    404,
                    "GET /api/v1/benchmarking/cycles/{id}/tables/{table}/export",
                    "manager",
                    benchmarking + "/tables/no-such-table/export?format=csv",
                    null);
            expect(
                    404,
                    "GET /api/v1/benchmarking/cycles/{id}/regions/{region}/tables/{table}/export",
                    "secretariat",
                    benchmarking + "/regions/NO-SUCH-REGION/tables/region-participants/export?format=csv",
                    null);
            expect(
                    404,
                    "GET /api/v1/benchmarking/participants/{code}/tables/{table}/export",
                    "secretariat",
                    "/api/v1/benchmarking/participants/NO-SUCH/tables/benchmarking-profile/export?format=csv",
                    null);
            String egypt = "/api/v1/reports/" + world.egypt().id() + "/export?format=pdf";
            expect(200, "GET /api/v1/reports/{id}/export", "fp-egy", egypt, null);
            String jordan = "/api/v1/reports/" + world.jordan().id() + "/export?format=pdf";
            expect(409, "GET /api/v1/reports/{id}/export", "fp-jor", jordan, null);
        }

        private String expect(int status, String operation, String user, String url, String body) {
            ResponseEntity<String> answer =
                    call(operation, user, operation.substring(0, operation.indexOf(' ')), url, body);
            assertThat(answer.getStatusCode().value())
                    .as(operation + " as " + user + ": " + answer.getBody())
                    .isEqualTo(status);
            return answer.getBody();
        }
    }

    /** A caller written {@code token:<secret>} calls with that API token instead of a password. */
    private static final String TOKEN = "token:";

    private ResponseEntity<String> call(String operation, String user, String method, String url, String body) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        TestRestTemplate client = user == null
                ? http
                : user.startsWith(TOKEN)
                        ? withToken(user.substring(TOKEN.length()))
                        : http.withBasicAuth(user, user.startsWith("fp-jor-") ? "a-long-password-1" : "demo");
        ResponseEntity<String> answer =
                client.exchange(url, HttpMethod.valueOf(method), new HttpEntity<>(body, headers), String.class);
        int status = answer.getStatusCode().value();
        answered.computeIfAbsent(operation, o -> new TreeSet<>()).add(status);
        if (status >= 500) {
            problems.add(operation + " " + url + " answered " + status + ": " + answer.getBody());
        }
        checkAgainstSchema(operation, status, answer.getBody());
        return answer;
    }

    /** The answer carries every field that its documented schema requires, at every level. */
    private void checkAgainstSchema(String operation, int status, String body) {
        String[] parts = operation.split(" ", 2);
        JsonNode response = api.path("paths")
                .path(parts[1])
                .path(parts[0].toLowerCase())
                .path("responses")
                .path(String.valueOf(status));
        JsonNode content = response.path("content");
        if (content.isMissingNode() || body == null || body.isBlank()) {
            return;
        }
        boolean documentedAsJson = false;
        for (var mediaTypes = content.fieldNames(); mediaTypes.hasNext(); ) {
            documentedAsJson |= mediaTypes.next().contains("json");
        }
        if (!documentedAsJson) {
            // A file (the audit trail's CSV): its content is checked by its own test (AuditTrailIT).
            return;
        }
        JsonNode schema = content.elements().next().path("schema");
        try {
            requireFields(operation + " " + status, schema, json.readTree(body));
        } catch (Exception e) {
            problems.add(operation + " " + status + " is not JSON: " + body);
        }
    }

    private void requireFields(String where, JsonNode schema, JsonNode value) {
        if (schema.has("$ref")) {
            String name = schema.get("$ref").asText().substring("#/components/schemas/".length());
            requireFields(
                    where + " " + name, api.path("components").path("schemas").path(name), value);
            return;
        }
        if (value == null || value.isNull()) {
            return;
        }
        if (schema.path("type").asText().equals("array") && value.isArray()) {
            value.forEach(item -> requireFields(where + "[]", schema.path("items"), item));
            return;
        }
        for (JsonNode required : schema.path("required")) {
            JsonNode field = value.get(required.asText());
            if (field == null || field.isNull()) {
                problems.add(where + " lacks required " + required.asText() + ": " + value);
            }
        }
        schema.path("properties").fields().forEachRemaining(property -> {
            if (value.has(property.getKey())) {
                requireFields(where + "." + property.getKey(), property.getValue(), value.get(property.getKey()));
            }
        });
    }

    private Map<String, Set<Integer>> documented() {
        Map<String, Set<Integer>> documented = new TreeMap<>();
        api.get("paths")
                .fields()
                .forEachRemaining(path -> path.getValue().fields().forEachRemaining(entry -> {
                    Set<Integer> statuses = new TreeSet<>();
                    entry.getValue()
                            .get("responses")
                            .fieldNames()
                            .forEachRemaining(code -> statuses.add(Integer.valueOf(code)));
                    documented.put(entry.getKey().toUpperCase() + " " + path.getKey(), statuses);
                }));
        return documented;
    }

    private WorkItem openTask(long cycleId, String participant) {
        return tasks.list(
                        Users.SECRETARIAT,
                        new WorkItemFilter(true, cycleId, participant, null, null, null),
                        new org.compactreview.platform.PageRequest(0, 10))
                .items()
                .get(0);
    }

    private String processOfRequest(long requestId) {
        return jdbc.sql("select process_instance_id from capacity_request where id = ?")
                .param(requestId)
                .query(String.class)
                .single();
    }

    /** Valid bodies: what a call needs to get past validation to the object and its state. */
    private static final class SampleBodies {

        static final String MEETING_PREPARATION = "{\"meetingDate\":\"2027-06-01\",\"agenda\":\"Agenda\"}";
        static final String MEETING_OUTCOMES = "{\"outcomes\":\"Outcomes\",\"decisions\":[\"One decision\"]}";
        static final String NARRATIVE = "{\"narrative\":\"Progress since the last conference\"}";
        static final String SUBMISSION =
                "{\"group\":\"MIGRANT_ORGANISATION\",\"organisation\":\"Diaspora network\",\"submission\":\"Pensions\"}";
        static final String ROUND = "{\"text\":\"Draft one\"}";
        static final String ADOPTION =
                "{\"commitments\":[{\"objective\":22,\"text\":\"Portable pensions\",\"responsible\":[\"EGY\"]}]}";
        static final String VALIDATION = "{\"decision\":\"ACCEPT\"}";
        static final String ASSESSMENT = "{\"assessment\":\"ACCEPT\"}";
        static final String PLAN = "{\"implementingPartner\":\"ILO regional office\",\"activities\":\"Training\","
                + "\"startDate\":\"2027-01-10\",\"endDate\":\"2027-04-10\",\"budget\":40000,\"currency\":\"USD\","
                + "\"fundingSource\":\"Migration Multi-Partner Trust Fund\",\"reviewInterval\":\"P1M\"}";
        static final String UPDATE = "{\"status\":\"ON_TRACK\",\"done\":\"Agencies trained\"}";
        static final String ABSENCE = "{\"startsAt\":\"2027-06-01T00:00:00Z\",\"endsAt\":\"2027-06-02T00:00:00Z\","
                + "\"substitute\":\"fp-jor\"}";

        static final String EVALUATION = "{\"outcomeRating\":4,\"lessons\":\"Start with the ministry\"}";

        private static final Map<String, String> BY_OPERATION = new HashMap<>(Map.ofEntries(
                Map.entry("POST /api/v1/cycles/{id}/meeting/preparation", MEETING_PREPARATION),
                Map.entry("POST /api/v1/cycles/{id}/meeting/outcomes", MEETING_OUTCOMES),
                Map.entry("POST /api/v1/conferences/{id}/progress-report", NARRATIVE),
                Map.entry("POST /api/v1/conferences/{id}/stakeholder-submissions", SUBMISSION),
                Map.entry("POST /api/v1/conferences/{id}/negotiation", ROUND),
                Map.entry("POST /api/v1/conferences/{id}/adoption", ADOPTION),
                Map.entry("POST /api/v1/reports/{id}/validation", VALIDATION),
                Map.entry("PUT /api/v1/reports/{id}", "{\"lockVersion\":0,\"entries\":[]}"),
                Map.entry("POST /api/v1/reports/{id}/delegations", "{\"delegate\":\"contrib-egy\",\"objectives\":[1]}"),
                Map.entry("POST /api/v1/capacity-requests/{id}/assessment", ASSESSMENT),
                Map.entry("POST /api/v1/capacity-requests/{id}/plan", PLAN),
                Map.entry("POST /api/v1/capacity-requests/{id}/updates", UPDATE),
                Map.entry("POST /api/v1/capacity-requests/{id}/evaluation", EVALUATION),
                Map.entry("POST /api/v1/tasks/{id}/assignee", "{\"username\":\"fp-jor\"}"),
                Map.entry("POST /api/v1/cycles/{id}/dialogue/posts", "{\"objective\":1,\"text\":\"Experience\"}"),
                Map.entry("POST /api/v1/dialogue-posts/{id}/hide", "{\"reason\":\"Off topic\"}"),
                Map.entry(
                        "PUT /api/v1/users/{username}",
                        "{\"displayName\":\"Nobody\",\"roles\":[\"FOCAL_POINT\"],\"participants\":[\"JOR\"]}"),
                Map.entry("POST /api/v1/users/{username}/password", "{\"password\":\"a-long-password-1\"}"),
                Map.entry("PUT /api/v1/tasks/{id}/due-date", dueDate(START.plus(40, ChronoUnit.DAYS))),
                Map.entry("POST /api/v1/users/{username}/absences", ABSENCE)));

        static String dueDate(java.time.Instant dueAt) {
            return "{\"dueAt\":\"" + dueAt + "\",\"reason\":\"Contract check\"}";
        }

        static String of(String operation) {
            return BY_OPERATION.getOrDefault(operation, "{}");
        }
    }
}
