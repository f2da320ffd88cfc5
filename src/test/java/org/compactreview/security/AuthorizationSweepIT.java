package org.compactreview.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.compactreview.capacity.CapacityFilter;
import org.compactreview.capacity.CapacityService;
import org.compactreview.cycle.ReviewCycle;
import org.compactreview.discussion.AttachmentService;
import org.compactreview.discussion.AttachmentTarget;
import org.compactreview.discussion.CommentService;
import org.compactreview.discussion.DialogueService;
import org.compactreview.identity.ApiTokens;
import org.compactreview.report.Report;
import org.compactreview.report.ReportService;
import org.compactreview.report.ValidationDecision;
import org.compactreview.support.Entries;
import org.compactreview.support.Evidence;
import org.compactreview.support.IntegrationTest;
import org.compactreview.support.Users;
import org.compactreview.task.TaskGateway;
import org.compactreview.task.WorkItemFilter;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockMvcRequestBuilders;

/**
 * Every endpoint of the OpenAPI description, called with Egypt's ids by Jordan's focal point, the
 * secretariat, a manager, an administrator and by nobody: the answer each must get is in the
 * table below. Egypt's contributor, whose delegation was handed back, reaches only the lists
 * scoped to itself and reference data, like a focal point of another participant. Jordan's focal point reaches nothing of Egypt's, nobody signed out reaches
 * anything, a role refused by the table answers 403 before its body is even read, and nothing of
 * Egypt's changes.
 */
class AuthorizationSweepIT extends IntegrationTest {

    /** What a focal point may reach with another participant's ids: lists scoped to itself and reference data. */
    private static final Set<String> OPEN_TO_A_FOCAL_POINT = Set.of(
            "GET /api/v1/me",
            "GET /api/v1/me/tokens",
            "GET /api/v1/me/absences",
            "GET /api/v1/me/notification-settings",
            "GET /api/v1/objectives",
            "GET /api/v1/participants",
            "GET /api/v1/cycles",
            "GET /api/v1/cycles/{id}",
            "GET /api/v1/cycles/{id}/dialogue",
            "GET /api/v1/tasks",
            "GET /api/v1/reports",
            "GET /api/v1/capacity-requests",
            "GET /api/v1/practices",
            "GET /api/v1/follow-up-items",
            "GET /api/v1/notifications");

    /** Who calls every operation with Egypt's ids: Jordan's focal point, then each other role. */
    private static final List<String> CALLERS = List.of("fp-jor", "secretariat", "manager", "admin");

    /**
     * The answer each caller gets, in the order of {@link #CALLERS}, with an empty JSON object as
     * the body of every write. 400 and 409 mean the caller may use the operation but the empty
     * body or the state is refused; 403 the role may not; 404 the caller may not see the object.
     */
    private static final Map<String, String> EXPECTED = Map.ofEntries(
            Map.entry("GET /api/v1/audit", "[403, 200, 200, 200]"),
            Map.entry("GET /api/v1/audit.csv", "[403, 200, 200, 200]"),
            Map.entry("GET /api/v1/attachments", "[400, 400, 400, 400]"),
            Map.entry("POST /api/v1/attachments", "[400, 400, 400, 400]"),
            Map.entry("DELETE /api/v1/attachments/{id}", "[404, 403, 403, 403]"),
            Map.entry("GET /api/v1/attachments/{id}/content", "[404, 200, 200, 200]"),
            Map.entry("GET /api/v1/comments", "[400, 400, 400, 400]"),
            Map.entry("POST /api/v1/comments", "[400, 400, 400, 400]"),
            Map.entry("DELETE /api/v1/comments/{id}", "[404, 403, 403, 403]"),
            Map.entry("GET /api/v1/cycles/{id}/dialogue", "[200, 200, 200, 200]"),
            Map.entry("GET /api/v1/cycles/{id}/dialogue/posts", "[400, 400, 400, 400]"),
            Map.entry("POST /api/v1/cycles/{id}/dialogue/posts", "[400, 400, 403, 403]"),
            Map.entry("POST /api/v1/dialogue-posts/{id}/hide", "[403, 400, 403, 403]"),
            Map.entry("GET /api/v1/capacity-requests", "[200, 200, 200, 200]"),
            Map.entry("GET /api/v1/capacity-requests/{id}", "[404, 200, 200, 200]"),
            Map.entry("POST /api/v1/capacity-requests/{id}/assessment", "[403, 400, 403, 403]"),
            Map.entry("POST /api/v1/capacity-requests/{id}/evaluation", "[403, 409, 403, 403]"),
            Map.entry("POST /api/v1/capacity-requests/{id}/plan", "[403, 403, 400, 403]"),
            Map.entry("POST /api/v1/capacity-requests/{id}/updates", "[400, 403, 403, 403]"),
            Map.entry("GET /api/v1/conferences/{id}", "[404, 404, 404, 404]"),
            Map.entry("POST /api/v1/conferences/{id}/adoption", "[403, 400, 403, 403]"),
            Map.entry("GET /api/v1/conferences/{id}/compilation", "[404, 404, 404, 404]"),
            Map.entry("POST /api/v1/conferences/{id}/consultation/close", "[403, 404, 403, 403]"),
            Map.entry("POST /api/v1/conferences/{id}/negotiation", "[403, 403, 404, 403]"),
            Map.entry("POST /api/v1/conferences/{id}/progress-report", "[403, 400, 403, 403]"),
            Map.entry("POST /api/v1/conferences/{id}/stakeholder-submissions", "[403, 400, 403, 403]"),
            Map.entry("GET /api/v1/cycles", "[200, 200, 200, 200]"),
            Map.entry("POST /api/v1/cycles", "[403, 400, 403, 403]"),
            Map.entry("GET /api/v1/cycles/overview", "[403, 200, 200, 403]"),
            // Benchmarking (issue 13): the secretariat and managers; Egypt's accepted report counts.
            Map.entry("GET /api/v1/benchmarking/cycles", "[403, 200, 200, 403]"),
            Map.entry("GET /api/v1/benchmarking/cycles/{id}", "[403, 200, 200, 403]"),
            Map.entry("GET /api/v1/benchmarking/cycles/{id}/regions/{region}", "[403, 200, 200, 403]"),
            Map.entry("GET /api/v1/benchmarking/participants/{code}", "[403, 200, 200, 403]"),
            // Benchmarking tables as files: without a format, 400 to the roles that may export.
            Map.entry("GET /api/v1/benchmarking/cycles/{id}/tables/{table}/export", "[403, 400, 400, 403]"),
            Map.entry(
                    "GET /api/v1/benchmarking/cycles/{id}/regions/{region}/tables/{table}/export",
                    "[403, 400, 400, 403]"),
            Map.entry("GET /api/v1/benchmarking/participants/{code}/tables/{table}/export", "[403, 400, 400, 403]"),
            Map.entry("GET /api/v1/cycles/{id}", "[200, 200, 200, 200]"),
            Map.entry("POST /api/v1/cycles/{id}/meeting/outcomes", "[403, 400, 403, 403]"),
            Map.entry("POST /api/v1/cycles/{id}/meeting/preparation", "[403, 400, 403, 403]"),
            Map.entry("GET /api/v1/cycles/{id}/status", "[403, 200, 200, 200]"),
            // The board grid (issue 13): the staff roles that see the board.
            Map.entry("GET /api/v1/cycles/{id}/board", "[403, 200, 200, 200]"),
            Map.entry("GET /api/v1/cycles/{id}/summary", "[403, 409, 409, 409]"),
            // Exports (issue 13): without ?format= the allowed roles get 400, so nothing is
            // exported (and audited) here; ExportsIT exports for real.
            Map.entry("GET /api/v1/cycles/{id}/status/export", "[403, 400, 400, 400]"),
            Map.entry("GET /api/v1/cycles/{id}/summary/export", "[403, 400, 400, 400]"),
            Map.entry("POST /api/v1/delegations/{id}/return", "[403, 403, 403, 403]"),
            Map.entry("DELETE /api/v1/delegations/{id}", "[404, 403, 403, 403]"),
            Map.entry("GET /api/v1/follow-up-items", "[200, 200, 200, 200]"),
            Map.entry("GET /api/v1/me", "[200, 200, 200, 200]"),
            Map.entry("GET /api/v1/me/tokens", "[200, 200, 200, 200]"),
            Map.entry("POST /api/v1/me/tokens", "[400, 400, 400, 400]"),
            Map.entry("DELETE /api/v1/me/tokens/{id}", "[404, 404, 404, 404]"),
            Map.entry("GET /api/v1/objectives", "[200, 200, 200, 200]"),
            Map.entry("GET /api/v1/participants", "[200, 200, 200, 200]"),
            Map.entry("GET /api/v1/practices", "[200, 200, 200, 200]"),
            Map.entry("GET /api/v1/reports", "[200, 400, 400, 400]"),
            Map.entry("GET /api/v1/reports/{id}", "[404, 200, 200, 200]"),
            Map.entry("PUT /api/v1/reports/{id}", "[400, 403, 403, 403]"),
            Map.entry("POST /api/v1/reports/{id}/submit", "[404, 403, 403, 403]"),
            Map.entry("POST /api/v1/reports/{id}/validation", "[403, 400, 403, 403]"),
            Map.entry("POST /api/v1/reports/{id}/delegations", "[400, 403, 403, 403]"),
            Map.entry("GET /api/v1/reports/{id}/delegations", "[404, 200, 200, 200]"),
            Map.entry("GET /api/v1/reports/{id}/contributors", "[404, 403, 403, 403]"),
            Map.entry("GET /api/v1/reports/{id}/versions", "[404, 200, 200, 200]"),
            Map.entry("GET /api/v1/reports/{id}/export", "[404, 400, 400, 400]"),
            Map.entry("GET /api/v1/tasks", "[200, 200, 200, 200]"),
            Map.entry("GET /api/v1/tasks/{id}", "[404, 404, 404, 404]"),
            Map.entry("POST /api/v1/tasks/{id}/assignee", "[403, 400, 400, 403]"),
            Map.entry("GET /api/v1/tasks/{id}/eligible-assignees", "[403, 404, 404, 403]"),
            Map.entry("POST /api/v1/tasks/eligible-assignees", "[403, 400, 400, 403]"),
            Map.entry("POST /api/v1/tasks/reassignments", "[403, 400, 400, 403]"),
            Map.entry("POST /api/v1/tasks/{id}/claim", "[404, 404, 404, 404]"),
            Map.entry("POST /api/v1/tasks/{id}/complete", "[404, 404, 404, 404]"),
            Map.entry("POST /api/v1/tasks/{id}/unclaim", "[404, 404, 404, 404]"),
            Map.entry("GET /api/v1/users", "[403, 403, 403, 200]"),
            Map.entry("POST /api/v1/users", "[403, 403, 403, 400]"),
            Map.entry("PUT /api/v1/users/{username}", "[403, 403, 403, 400]"),
            Map.entry("POST /api/v1/users/{username}/password", "[403, 403, 403, 400]"),
            // Due dates and out of office (issue 12): one's own periods for everyone, anyone's for
            // managers and administrators; due dates for managers and the secretariat.
            Map.entry("PUT /api/v1/tasks/{id}/due-date", "[403, 400, 400, 403]"),
            Map.entry("GET /api/v1/me/absences", "[200, 200, 200, 200]"),
            Map.entry("POST /api/v1/me/absences", "[400, 400, 400, 400]"),
            Map.entry("DELETE /api/v1/me/absences/{id}", "[404, 404, 404, 404]"),
            Map.entry("GET /api/v1/users/{username}/absences", "[403, 403, 200, 200]"),
            Map.entry("POST /api/v1/users/{username}/absences", "[403, 403, 400, 400]"),
            Map.entry("DELETE /api/v1/users/{username}/absences/{id}", "[403, 403, 404, 404]"),
            // Notification settings (issue 15): one's own, for everyone; the empty body is refused.
            Map.entry("GET /api/v1/me/notification-settings", "[200, 200, 200, 200]"),
            Map.entry("PUT /api/v1/me/notification-settings", "[400, 400, 400, 400]"),
            // Mail operations (issue 15): administrators only; no mail 0, so nothing is sent again.
            Map.entry("GET /api/v1/admin/mail", "[403, 403, 403, 200]"),
            Map.entry("POST /api/v1/admin/mail/{id}/retry", "[403, 403, 403, 404]"),
            // The bell (issue 15): everyone's own notices; a notice of Egypt's focal point is 404 to all.
            Map.entry("GET /api/v1/notifications", "[200, 200, 200, 200]"),
            Map.entry("POST /api/v1/notifications/{id}/read", "[404, 404, 404, 404]"));

    @Autowired
    MockMvc mvc;

    @Autowired
    ObjectMapper json;

    @Autowired
    ReportService reports;

    @Autowired
    org.compactreview.report.DelegationService delegations;

    @Autowired
    TaskGateway tasks;

    @Autowired
    CapacityService capacity;

    @Autowired
    ApiTokens apiTokens;

    @Autowired
    AttachmentService attachments;

    @Autowired
    CommentService comments;

    @Autowired
    DialogueService dialogue;

    /** With a token instead of a password, token management is refused (403); all else answers alike. */
    private static final Map<String, String> WITH_A_TOKEN = Map.of(
            "POST /api/v1/me/tokens", "[403, 403, 403, 403]",
            "DELETE /api/v1/me/tokens/{id}", "[403, 403, 403, 403]");

    @Test
    void noFocalPointReachesAnotherParticipantsDataAndNobodySignedOutReachesAnything() throws Exception {
        ReviewCycle cycle = openAnnualReview("sweep", "EGY", "JOR");
        Report egypt = reports.list(Users.FP_EGY, cycle.id(), null).get(0);
        // Egypt's contributor had objective 2 and handed it back before the submission.
        long egyptDelegation = delegations
                .delegate(egypt.id(), Users.FP_EGY, "contrib-egy", List.of(2), null)
                .id();
        delegations.handBack(egyptDelegation, Users.CONTRIB_EGY);
        reports.saveDraft(egypt.id(), Users.FP_EGY, egypt.lockVersion(), Entries.complete(2, 4));
        // Egypt's evidence, comment and dialogue post: what Jordan's focal point must not reach or change.
        long egyptAttachment = attachments
                .upload(AttachmentTarget.reportEntry(egypt.id(), 1), Evidence.pdf("egypt.pdf"), Users.FP_EGY)
                .id();
        long egyptComment = comments.postOnReport(egypt.id(), 1, "Egypt's note", Users.FP_EGY)
                .id();
        long egyptPost =
                dialogue.post(cycle.id(), 1, "Egypt's experience", Users.FP_EGY).id();
        reports.submit(egypt.id(), Users.FP_EGY, null);
        String egyptTask = tasks.list(
                        Users.SECRETARIAT,
                        new WorkItemFilter(false, cycle.id(), "EGY", null, null, null),
                        new org.compactreview.platform.PageRequest(0, 10))
                .items()
                .get(0)
                .id();
        reports.validate(egypt.id(), Users.SECRETARIAT, ValidationDecision.ACCEPT, null);
        runDueJobs(cycle.processInstanceId()); // the acceptance's save point raises the request
        long egyptRequest = capacity.list(Users.SECRETARIAT, new CapacityFilter(4, null, null, "EGY")).stream()
                .filter(r -> r.reportId() == egypt.id())
                .findFirst()
                .orElseThrow()
                .id();
        String freshTask = tasks.list(
                        Users.SECRETARIAT,
                        new WorkItemFilter(true, cycle.id(), "JOR", null, null, null),
                        new org.compactreview.platform.PageRequest(0, 10))
                .items()
                .get(0)
                .id();

        JsonNode api = json.readTree(mvc.perform(
                        MockMvcRequestBuilders.get("/v3/api-docs").with(user(new SignedInUser(Users.SECRETARIAT, "x"))))
                .andReturn()
                .getResponse()
                .getContentAsString());
        // Each caller also has an API token (its first use is audited here, before the count), and
        // Jordan's focal point a revoked one.
        Map<String, String> tokens = new java.util.HashMap<>();
        for (String caller : CALLERS) {
            String secret = apiTokens.create(directoryUser(caller), "sweep", 30).secret();
            assertThat(withToken(secret)
                            .getForEntity("/api/v1/me", String.class)
                            .getStatusCode()
                            .value())
                    .isEqualTo(200);
            tokens.put(caller, secret);
        }
        var revoked = apiTokens.create(directoryUser("fp-jor"), "revoked", 30);
        long egyptsToken = apiTokens.create(Users.FP_EGY, "egypt", 30).token().id();
        apiTokens.revoke(directoryUser("fp-jor"), revoked.token().id());
        long egyptNotice = jdbc.sql("select max(id) from notice where username = 'fp-egy' and read_at is null")
                .query(Long.class)
                .single();
        long auditBefore = auditCount();
        int egyptLockBefore = reports.get(egypt.id(), Users.FP_EGY).lockVersion();

        List<String> tried = new ArrayList<>();
        List<String> leaks = new ArrayList<>();
        List<String> contributorAnswers = new ArrayList<>();
        Iterator<Map.Entry<String, JsonNode>> paths = api.get("paths").fields();
        while (paths.hasNext()) {
            Map.Entry<String, JsonNode> path = paths.next();
            Iterator<String> methods = path.getValue().fieldNames();
            while (methods.hasNext()) {
                String method = methods.next().toUpperCase();
                String operation = method + " " + path.getKey();
                String url = path.getKey()
                        .replace("/reports/{id}", "/reports/" + egypt.id())
                        .replace(
                                "/tasks/{id}",
                                "/tasks/" + (path.getKey().endsWith("/assignee") ? freshTask : egyptTask))
                        .replace("/capacity-requests/{id}", "/capacity-requests/" + egyptRequest)
                        .replace("/me/tokens/{id}", "/me/tokens/" + egyptsToken)
                        .replace("/absences/{id}", "/absences/0")
                        .replace("/admin/mail/{id}", "/admin/mail/0")
                        .replace("/delegations/{id}", "/delegations/" + egyptDelegation)
                        .replace("/attachments/{id}", "/attachments/" + egyptAttachment)
                        .replace("/comments/{id}", "/comments/" + egyptComment)
                        .replace("/dialogue-posts/{id}", "/dialogue-posts/" + egyptPost)
                        .replace("/notifications/{id}", "/notifications/" + egyptNotice)
                        .replace("{id}", String.valueOf(cycle.id()))
                        .replace("{username}", "fp-egy")
                        .replace("{code}", "EGY")
                        .replace("{region}", "AFRICA")
                        .replace("{table}", "benchmarking-distribution")
                        .replace("{version}", "1");
                int signedOut = call(method, url, null);
                List<Integer> answers = new ArrayList<>();
                List<Integer> tokenAnswers = new ArrayList<>();
                for (String caller : CALLERS) {
                    answers.add(call(method, url, caller));
                    tokenAnswers.add(callWithToken(method, url, tokens.get(caller)));
                }
                int revokedToken = callWithToken(method, url, revoked.secret());
                // Egypt's contributor, its sections handed back: no more than a focal point of
                // another participant, whatever it calls.
                int asContributor = call(method, url, "contrib-egy");
                contributorAnswers.add(operation + " -> " + asContributor);
                if (OPEN_TO_A_FOCAL_POINT.contains(operation) ? asContributor != 200 : asContributor < 400) {
                    leaks.add(operation + " answered " + asContributor + " to contrib-egy");
                }
                if (asContributor >= 500) {
                    leaks.add(operation + " failed (" + asContributor + ") for contrib-egy");
                }
                tried.add(operation + " -> " + answers + " / " + signedOut);
                String expected = EXPECTED.get(operation);
                if (expected == null) {
                    leaks.add(operation + " is missing from the table; answers " + answers);
                } else if (!expected.equals(answers.toString())) {
                    leaks.add(operation + " answered " + answers + ", the table says " + expected);
                }
                int asOtherFocalPoint = answers.get(0);
                if (!OPEN_TO_A_FOCAL_POINT.contains(operation) && asOtherFocalPoint < 400) {
                    leaks.add(operation + " answered " + asOtherFocalPoint + " to fp-jor");
                }
                if (signedOut != 401) {
                    leaks.add(operation + " answered " + signedOut + " when signed out");
                }
                String expectedWithToken = WITH_A_TOKEN.getOrDefault(operation, expected);
                if (!tokenAnswers.toString().equals(expectedWithToken)) {
                    leaks.add(operation + " answered " + tokenAnswers + " with tokens, expected " + expectedWithToken);
                }
                if (revokedToken != 401) {
                    leaks.add(operation + " answered " + revokedToken + " to a revoked token");
                }
            }
        }
        System.out.println("Authorization sweep: " + tried.size() + " operations x " + (CALLERS.size() + 1)
                + " callers " + CALLERS + " / signed out, each also with its API token and a revoked token\n"
                + String.join("\n", tried) + "\nAs contrib-egy:\n" + String.join("\n", contributorAnswers));
        assertThat(tried).hasSizeGreaterThan(40);
        assertThat(leaks).isEmpty();
        assertThat(auditCount()).as("nothing was changed").isEqualTo(auditBefore);
        assertThat(reports.get(egypt.id(), Users.FP_EGY).lockVersion()).isEqualTo(egyptLockBefore);
        assertThat(attachments.ofReport(egypt.id(), Users.FP_EGY)).hasSize(1);
        assertThat(jdbc.sql("select count(*) from notice where id = ? and read_at is null")
                        .param(egyptNotice)
                        .query(Integer.class)
                        .single())
                .as("Egypt's notice stays unread")
                .isEqualTo(1);
        assertThat(comments.ofReport(egypt.id(), null, Users.FP_EGY, new org.compactreview.platform.PageRequest(0, 10))
                        .total())
                .isEqualTo(1);
    }

    private int call(String method, String url, String username) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        var client = username == null ? http : as(username);
        return client.exchange(url, HttpMethod.valueOf(method), new HttpEntity<>("{}", headers), String.class)
                .getStatusCode()
                .value();
    }

    private int callWithToken(String method, String url, String secret) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        return withToken(secret)
                .exchange(url, HttpMethod.valueOf(method), new HttpEntity<>("{}", headers), String.class)
                .getStatusCode()
                .value();
    }

    private static org.compactreview.identity.CurrentUser directoryUser(String username) {
        return switch (username) {
            case "fp-jor" -> Users.FP_JOR;
            case "secretariat" -> Users.SECRETARIAT;
            case "manager" -> Users.MANAGER;
            default ->
                new org.compactreview.identity.CurrentUser(
                        "admin", java.util.Set.of(org.compactreview.identity.Role.ADMIN), java.util.Set.of());
        };
    }

    private long auditCount() {
        return jdbc.sql("select count(*) from audit_event").query(Long.class).single();
    }
}
