package org.compactreview.history;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.compactreview.audit.AuditLog;
import org.compactreview.cycle.ReviewCycle;
import org.compactreview.identity.Role;
import org.compactreview.identity.UserDirectory;
import org.compactreview.identity.UserDraft;
import org.compactreview.platform.PageRequest;
import org.compactreview.report.Report;
import org.compactreview.report.ReportEntry;
import org.compactreview.report.ReportService;
import org.compactreview.support.Entries;
import org.compactreview.support.IntegrationTest;
import org.compactreview.support.Users;
import org.compactreview.task.TaskGateway;
import org.compactreview.task.WorkItem;
import org.compactreview.task.WorkItemFilter;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.security.authentication.TestingAuthenticationToken;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The audit trail as people and scripts read it: the searchable list (API and page) with its
 * filters and pages, the CSV export, the history sections of reports, tasks and users, and who
 * may read which.
 */
class AuditTrailIT extends IntegrationTest {

    private static final Pattern EVENT = Pattern.compile("data-event-id=\"(\\d+)\"");

    @Autowired
    MockMvc mvc;

    @Autowired
    UserDetailsService users;

    @Autowired
    AuditLog audit;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    ReportService reports;

    @Autowired
    TaskGateway tasks;

    @Autowired
    UserDirectory directory;

    @Autowired
    org.compactreview.task.DueDates dueDates;

    @Autowired
    org.compactreview.report.DelegationService delegations;

    @Test
    void theListFiltersAndPagesNewestFirstBeyondFiftyRows() throws Exception {
        String actor = actor("list");
        String other = actor("other");
        Instant day1 = Instant.parse("2027-03-01T10:00:00Z");
        Instant day2 = Instant.parse("2027-03-02T10:00:00Z");
        for (int i = 0; i < 120; i++) {
            record(
                    i < 60 ? day1 : day2,
                    actor,
                    i % 2 == 0 ? "TRAIL_EVEN" : "TRAIL_ODD",
                    i % 3 == 0 ? "report" : "task",
                    "obj-" + i,
                    i == 7 ? "cut by 50% today" : i == 8 ? "cut by 500 today" : "routine " + i);
        }
        record(day1, other, "TRAIL_EVEN", "report", "obj-1", "someone else");

        JsonNode first = api("manager", "/api/v1/audit?actor=" + actor);
        assertThat(first.get("total").asLong()).isEqualTo(120);
        assertThat(first.get("items")).hasSize(50);
        List<Long> ids = new ArrayList<>();
        first.get("items").forEach(item -> ids.add(item.get("id").asLong()));
        assertThat(ids).isSortedAccordingTo((a, b) -> Long.compare(b, a));
        assertThat(first.get("items").get(0).get("objectId").asText()).isEqualTo("obj-119");
        assertThat(api("manager", "/api/v1/audit?actor=" + actor + "&page=2").get("items"))
                .hasSize(20);
        assertThat(api("admin", "/api/v1/audit?actor=" + actor + "&action=trail_even")
                        .get("total")
                        .asLong())
                .isEqualTo(60);
        assertThat(api("admin", "/api/v1/audit?objectType=REPORT&objectId=obj-1")
                        .get("items")
                        .findValuesAsText("actor"))
                .containsExactly(other);
        assertThat(api("admin", "/api/v1/audit?actor=" + actor + "&from=2027-03-02&to=2027-03-02")
                        .get("total")
                        .asLong())
                .isEqualTo(60);
        assertThat(api("admin", "/api/v1/audit?actor=" + actor + "&to=2027-03-01")
                        .get("total")
                        .asLong())
                .isEqualTo(60);
        JsonNode percent = api("secretariat", "/api/v1/audit?actor=" + actor + "&reason=BY 50%");
        assertThat(percent.get("items").findValuesAsText("reason")).containsExactly("cut by 50% today");
        assertThat(status("admin", "/api/v1/audit?from=2027-03-02&to=2027-03-01"))
                .isEqualTo(400);

        String page1 = page("manager", get("/audit").param("actor", actor));
        assertThat(events(page1)).hasSize(50);
        assertThat(page1).contains("120 records, page 1 of 3");
        assertThat(page1).contains("href=\"/audit?actor=" + actor + "&amp;page=1\"");
        String page3 = page("manager", get("/audit").param("actor", actor).param("page", "2"));
        assertThat(events(page3)).hasSize(20);
        assertThat(page3).doesNotContain("id=\"audit-next\"");
        assertThat(page3).contains("href=\"/audit/export.csv?actor=" + actor + "\"");
        String narrowed = page(
                "admin",
                get("/audit")
                        .param("actor", actor)
                        .param("action", "TRAIL_ODD")
                        .param("objectType", "task")
                        .param("from", "2027-03-01")
                        .param("to", "2027-03-01"));
        // Odd numbers below 60 that are not multiples of 3: 20 of them.
        assertThat(events(narrowed)).hasSize(20);
        String refused = page("admin", get("/audit").param("from", "2027-03-02").param("to", "2027-03-01"));
        assertThat(refused).contains("The end of the period cannot be before its start.");
        assertThat(events(refused)).isEmpty();
    }

    @Test
    void theCsvExportStreamsTheFilteredTrailSafelyForASpreadsheet() throws Exception {
        String actor = actor("csv");
        Instant when = Instant.parse("2027-04-01T08:30:00Z");
        record(when, actor, "TRAIL_FORMULA", "task", "t-1", "=HYPERLINK(\"http://evil.example\",\"click\")");
        record(when, actor, "TRAIL_FORMULA", "task", "t-2", "+31 6 1234");
        record(when, actor, "TRAIL_FORMULA", "task", "t-3", "@SUM(A1:A9)");
        record(when, actor, "TRAIL_TEXT", "report", "r-1", "a comma, a \"quote\"\nand a new line");
        record(when, actor, "TRAIL_TEXT", "report", "r-2", "إعادة إسناد بسبب الإجازة");
        record(when, actor("csv-other"), "TRAIL_TEXT", "report", "r-3", "not this actor's");

        ResponseEntity<byte[]> answer = as("admin").getForEntity("/api/v1/audit.csv?actor=" + actor, byte[].class);
        assertThat(answer.getStatusCode().value()).isEqualTo(200);
        assertThat(answer.getHeaders().getContentType().toString()).startsWith("text/csv");
        assertThat(answer.getHeaders().getContentDisposition().isAttachment()).isTrue();
        byte[] body = answer.getBody();
        assertThat(Arrays.copyOf(body, 3)).containsExactly(0xEF, 0xBB, 0xBF);
        String csv = new String(body, 3, body.length - 3, StandardCharsets.UTF_8);
        List<String> rows = csvRows(csv);
        assertThat(rows.get(0))
                .isEqualTo("\"id\",\"occurred_at\",\"actor\",\"action\",\"object_type\",\"object_id\",\"reason\","
                        + "\"before\",\"after\"");
        assertThat(rows).hasSize(1 + 5);
        assertThat(rows.get(1)).contains("\"r-2\"", "\"إعادة إسناد بسبب الإجازة\"", "\"2027-04-01T08:30:00Z\"");
        assertThat(csv)
                .contains("\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"click\"\")\"")
                .contains("\"'+31 6 1234\"")
                .contains("\"'@SUM(A1:A9)\"")
                .contains("\"a comma, a \"\"quote\"\"\nand a new line\"")
                .contains("\"{\"\"assignee\"\":\"\"old\"\"}\"")
                .doesNotContain("not this actor's");

        ResponseEntity<byte[]> filtered =
                as("manager").getForEntity("/api/v1/audit.csv?actor=" + actor + "&action=TRAIL_FORMULA", byte[].class);
        assertThat(csvRows(new String(filtered.getBody(), StandardCharsets.UTF_8)))
                .hasSize(1 + 3);

        HttpHeaders acceptCsv = new HttpHeaders();
        acceptCsv.set(HttpHeaders.ACCEPT, "text/csv");
        ResponseEntity<byte[]> negotiated = as("secretariat")
                .exchange("/api/v1/audit?actor=" + actor, HttpMethod.GET, new HttpEntity<>(acceptCsv), byte[].class);
        assertThat(negotiated.getHeaders().getContentType().toString()).startsWith("text/csv");
        assertThat(new String(negotiated.getBody(), StandardCharsets.UTF_8))
                .isEqualTo(new String(body, StandardCharsets.UTF_8));

        MockHttpServletResponse fromPage = mvc.perform(get("/audit/export.csv")
                        .param("actor", actor)
                        .param("objectType", "report")
                        .with(user(users.loadUserByUsername("manager"))))
                .andReturn()
                .getResponse();
        assertThat(fromPage.getStatus()).isEqualTo(200);
        assertThat(fromPage.getHeader("Content-Disposition")).startsWith("attachment");
        String pageCsv = new String(fromPage.getContentAsByteArray(), StandardCharsets.UTF_8);
        assertThat(pageCsv).startsWith("\uFEFF");
        assertThat(csvRows(pageCsv.substring(1))).hasSize(1 + 2);

        assertThat(status("admin", "/api/v1/audit.csv?objectType=nonsense")).isEqualTo(400);
        assertThat(as("admin")
                        .exchange(
                                "/api/v1/audit?objectType=nonsense",
                                HttpMethod.GET,
                                new HttpEntity<>(acceptCsv),
                                String.class)
                        .getStatusCode()
                        .value())
                .isEqualTo(400);
    }

    @Test
    void theCsvExportHasNoPageLimit() {
        String actor = actor("bulk");
        // 3,000 records in one statement: far beyond any page (at most 200), all in one export.
        jdbc.sql(
                        """
                        insert into audit_event (occurred_at, actor, action, object_type, object_id, after, reason)
                        select ?, ?, 'TASK_REASSIGNED', 'task', 'bulk-' || n, cast('{"assignee":"b"}' as jsonb), 'bulk move'
                        from generate_series(1, 3000) as n
                        """)
                .params(java.sql.Timestamp.from(START), actor)
                .update();
        ResponseEntity<byte[]> answer = as("manager").getForEntity("/api/v1/audit.csv?actor=" + actor, byte[].class);
        List<String> rows = csvRows(new String(answer.getBody(), StandardCharsets.UTF_8));
        assertThat(rows).hasSize(1 + 3000);
        assertThat(rows.get(1)).contains("\"bulk-3000\"");
        assertThat(rows.get(3000)).contains("\"bulk-1\"");
    }

    @Test
    void onlyStaffReadTheListAndOnlyThoseWhoSeeAnObjectReadItsHistory() throws Exception {
        ReviewCycle cycle = openAnnualReview("trail-access", "EGY", "JOR");
        long egypt = reports.list(Users.FP_EGY, cycle.id(), null).get(0).id();
        long jordan = reports.list(Users.FP_JOR, cycle.id(), null).get(0).id();

        assertThat(status("fp-egy", "/api/v1/audit")).isEqualTo(403);
        assertThat(status("fp-egy", "/api/v1/audit.csv")).isEqualTo(403);
        assertThat(pageStatus("fp-egy", "/audit")).isEqualTo(403);
        assertThat(pageStatus("fp-egy", "/audit/export.csv")).isEqualTo(403);
        for (String staff : List.of("secretariat", "manager", "admin")) {
            assertThat(status(staff, "/api/v1/audit")).as(staff).isEqualTo(200);
            assertThat(pageStatus(staff, "/audit")).as(staff).isEqualTo(200);
        }

        assertThat(pageStatus("fp-egy", "/history/report/" + egypt)).isEqualTo(200);
        assertThat(pageStatus("fp-egy", "/history/report/" + jordan)).isEqualTo(404);
        assertThat(pageStatus("fp-egy", "/history/report/not-a-number")).isEqualTo(404);
        assertThat(pageStatus("fp-egy", "/history/user/fp-jor")).isEqualTo(404);
        assertThat(pageStatus("fp-egy", "/history/user/fp-egy")).isEqualTo(404);
        assertThat(pageStatus("fp-egy", "/history/cycle/" + cycle.id())).isEqualTo(404);
        assertThat(pageStatus("fp-egy", "/history/nonsense/1")).isEqualTo(404);
        // A contributor with an open delegation of one section still reads no history of the report.
        delegations.delegate(egypt, Users.FP_EGY, "contrib-egy", List.of(2), null);
        assertThat(pageStatus("contrib-egy", "/history/report/" + egypt)).isEqualTo(404);
        assertThat(pageStatus("contrib-egy", "/audit")).isEqualTo(403);
        assertThat(status("contrib-egy", "/api/v1/audit.csv")).isEqualTo(403);
        assertThat(pageStatus("manager", "/history/report/" + jordan)).isEqualTo(200);
        assertThat(pageStatus("manager", "/history/user/fp-egy")).isEqualTo(404);
        assertThat(pageStatus("admin", "/history/user/fp-egy")).isEqualTo(200);

        // The section of a page, asked for by htmx, is simply empty for a reader who may not see it.
        MockHttpServletResponse section = mvc.perform(get("/history/report/" + jordan)
                        .header("HX-Request", "true")
                        .with(user(users.loadUserByUsername("fp-egy"))))
                .andReturn()
                .getResponse();
        assertThat(section.getStatus()).isEqualTo(200);
        assertThat(section.getContentAsString()).isBlank();
        assertThat(mvc.perform(get("/history/report/" + jordan))
                        .andReturn()
                        .getResponse()
                        .getStatus())
                .isEqualTo(302);
    }

    @Test
    void aReportSaveShowsTheChangedEntriesBeforeAndAfterOnTheReportPage() throws Exception {
        ReviewCycle cycle = openAnnualReview("trail-report", "EGY");
        Report report = reports.list(Users.FP_EGY, cycle.id(), null).get(0);
        // Saved as fp-egy signed in, as the page does: the record names the author.
        var signedIn = users.loadUserByUsername("fp-egy");
        SecurityContextHolder.getContext()
                .setAuthentication(new TestingAuthenticationToken(
                        signedIn,
                        null,
                        new ArrayList<org.springframework.security.core.GrantedAuthority>(signedIn.getAuthorities())));
        Report saved = reports.saveDraft(report.id(), Users.FP_EGY, report.lockVersion(), Entries.complete(2));
        List<ReportEntry> changed = new ArrayList<>(saved.entries());
        ReportEntry third = changed.get(2);
        changed.set(
                2,
                new ReportEntry(
                        third.objective(),
                        4,
                        "Seven new one-stop centres",
                        third.obstacles(),
                        third.priorities(),
                        false));
        reports.saveDraft(report.id(), Users.FP_EGY, saved.lockVersion(), changed);
        SecurityContextHolder.clearContext();

        JsonNode last = api("secretariat", "/api/v1/audit?objectType=report&objectId=" + report.id() + "&size=1")
                .get("items")
                .get(0);
        assertThat(last.get("action").asText()).isEqualTo("REPORT_DRAFT_SAVED");
        assertThat(last.get("before")).hasSize(1);
        assertThat(last.get("before").get(0).get("objective").asInt()).isEqualTo(3);
        assertThat(last.get("before").get(0).get("rating").asInt()).isEqualTo(2);
        assertThat(last.get("after")).hasSize(1);
        assertThat(last.get("after").get(0).get("rating").asInt()).isEqualTo(4);

        String page = page("fp-egy", get("/reports/" + report.id()));
        assertThat(page).contains("hx-get=\"/history/report/" + report.id() + "\"");
        String history = page("fp-egy", get("/history/report/" + report.id()).header("HX-Request", "true"));
        assertThat(history).contains("id=\"history\"").contains("Report draft saved");
        Matcher row = Pattern.compile("<th scope=\"row\">Objective 3 › Rating</th>\\s*"
                        + "<td class=\"audit-before\" dir=\"auto\">2</td>\\s*"
                        + "<td class=\"audit-after\" dir=\"auto\">4</td>")
                .matcher(history);
        assertThat(row.find()).as(history).isTrue();
        assertThat(history).contains("Objective 3 › Achievements").contains("Seven new one-stop centres");
        assertThat(history).contains("Focal point, Egypt (fp-egy)");
        assertThat(page("secretariat", get("/reports/" + report.id() + "/validate")))
                .contains("hx-get=\"/history/report/" + report.id() + "\"");
    }

    @Test
    void theHistoryShowsTenAndThenTheNextTenOnShowMore() throws Exception {
        String taskId = "trail-more-" + Long.toString(System.nanoTime(), 36);
        for (int i = 0; i < 15; i++) {
            record(START, "manager", "TASK_REASSIGNED", "task", taskId, "round " + i);
        }
        String first = page("admin", get("/history/task/" + taskId).header("HX-Request", "true"));
        assertThat(events(first)).hasSize(10);
        assertThat(first).contains("Show more").contains("hx-get=\"/history/task/" + taskId + "?page=1\"");
        String more =
                page("admin", get("/history/task/" + taskId).param("page", "1").header("HX-Request", "true"));
        assertThat(events(more)).hasSize(5);
        assertThat(more).doesNotContain("<section").doesNotContain("Show more").contains("round 0");
        String whole = page("admin", get("/history/task/" + taskId).param("page", "1"));
        assertThat(whole).contains("<title>History of Task " + taskId + "</title>");
    }

    @Test
    void taskAndUserPagesShowTheirHistoryWithNames() throws Exception {
        ReviewCycle cycle = openAnnualReview("trail-task", "EGY");
        WorkItem task = tasks.list(
                        Users.FP_EGY,
                        new WorkItemFilter(false, cycle.id(), "EGY", null, null, null),
                        new PageRequest(0, 10))
                .items()
                .get(0);
        tasks.claim(task.id(), Users.FP_EGY);
        String history = page("fp-egy", get("/history/task/" + task.id()).header("HX-Request", "true"));
        assertThat(history).contains("Task claimed").contains("Focal point, Egypt (fp-egy)");
        assertThat(pageStatus("fp-jor", "/history/task/" + task.id())).isEqualTo(404);
        // The due-date page is the task's page: it shows the task's history, the reason with it.
        signedInAs(
                "manager",
                () -> dueDates.change(
                        task.id(),
                        task.dueAt().plus(java.time.Duration.ofDays(7)),
                        "Ministry closed for Eid",
                        Users.MANAGER));
        assertThat(page("manager", get("/tasks/" + task.id() + "/due-date")))
                .contains("hx-get=\"/history/task/" + task.id() + "\"");
        String moved = page("manager", get("/history/task/" + task.id()).header("HX-Request", "true"));
        assertThat(moved)
                .contains("Due date changed", "Ministry closed for Eid", "Programme manager (manager)")
                .contains("<th scope=\"row\">Due date</th>");
        assertThat(page("manager", get("/team").param("cycleId", String.valueOf(cycle.id()))))
                .contains("href=\"/history/task/" + task.id() + "\"");

        String username = "trail-" + Long.toString(System.nanoTime(), 36);
        directory.ensureExists(
                username,
                "a-long-password",
                new UserDraft("Amal Haddad", null, null, true, Set.of(Role.FOCAL_POINT), Set.of("EGY")));
        directory.update(
                username,
                new UserDraft(
                        "Amal Haddad-Nasser", null, null, true, Set.of(Role.FOCAL_POINT, Role.MANAGER), Set.of("EGY")));
        assertThat(page("admin", get("/admin/users/" + username)))
                .contains("hx-get=\"/history/user/" + username + "\"");
        String userHistory = page("admin", get("/history/user/" + username).header("HX-Request", "true"));
        assertThat(userHistory)
                .contains("User changed", "User created")
                .contains("Amal Haddad</td>")
                .contains("Amal Haddad-Nasser</td>")
                .contains("Manager");
    }

    @Test
    void anActionWithoutATranslationIsShownByItsReadableName() throws Exception {
        String actor = actor("unknown");
        record(START, actor, "TASK_TELEPORTED", "task", "t-9", null);
        String page = page("manager", get("/audit").param("actor", actor));
        assertThat(page).contains("Task teleported");
        // The "who" filter offers people by name.
        assertThat(page).contains("<option value=\"fp-egy\">Focal point, Egypt</option>");
        // In Arabic, a reader whose language is Arabic (a user of its own: the choice is remembered).
        String reader = "trail-ar-" + Long.toString(System.nanoTime(), 36);
        directory.ensureExists(
                reader, "a-long-password", new UserDraft("قارئ", null, "ar", true, Set.of(Role.MANAGER), Set.of()));
        String arabic = page(reader, get("/audit").param("actor", actor));
        assertThat(arabic).contains("سجل التدقيق").contains("Task teleported").contains("بواسطة");
    }

    // --- helpers

    /** Records an event as {@code actor} signed in, with a reason, at a given time. */
    private void record(Instant at, String actor, String action, String type, String id, String reason) {
        setClock(at);
        SecurityContextHolder.getContext()
                .setAuthentication(new TestingAuthenticationToken(actor, null, "ROLE_MANAGER"));
        try {
            inTransaction(
                    () -> audit.record(action, type, id, Map.of("assignee", "old"), Map.of("assignee", "new"), reason));
        } finally {
            SecurityContextHolder.clearContext();
            setClock(START);
        }
    }

    private void signedInAs(String username, Runnable work) {
        var principal = users.loadUserByUsername(username);
        SecurityContextHolder.getContext()
                .setAuthentication(new TestingAuthenticationToken(
                        principal,
                        null,
                        new ArrayList<org.springframework.security.core.GrantedAuthority>(principal.getAuthorities())));
        try {
            work.run();
        } finally {
            SecurityContextHolder.clearContext();
        }
    }

    private void inTransaction(Runnable work) {
        new TransactionTemplate(transactions).executeWithoutResult(status -> work.run());
    }

    private static String actor(String what) {
        return "trail-" + what + "-" + Long.toString(System.nanoTime(), 36);
    }

    private JsonNode api(String username, String path) {
        ResponseEntity<JsonNode> answer = as(username).getForEntity(path, JsonNode.class);
        assertThat(answer.getStatusCode().value()).as(path).isEqualTo(200);
        return answer.getBody();
    }

    private int status(String username, String path) {
        return as(username).getForEntity(path, String.class).getStatusCode().value();
    }

    private String page(String username, MockHttpServletRequestBuilder request) throws Exception {
        MockHttpServletResponse response = mvc.perform(request.with(user(users.loadUserByUsername(username))))
                .andReturn()
                .getResponse();
        assertThat(response.getStatus()).isEqualTo(200);
        response.setCharacterEncoding("UTF-8");
        return response.getContentAsString();
    }

    private int pageStatus(String username, String path) throws Exception {
        return mvc.perform(get(path).with(user(users.loadUserByUsername(username))))
                .andReturn()
                .getResponse()
                .getStatus();
    }

    private static List<String> events(String html) {
        List<String> ids = new ArrayList<>();
        Matcher matcher = EVENT.matcher(html);
        while (matcher.find()) {
            ids.add(matcher.group(1));
        }
        return ids;
    }

    /** The CSV's records (a quoted cell may hold a line break). */
    private static List<String> csvRows(String csv) {
        List<String> rows = new ArrayList<>();
        StringBuilder row = new StringBuilder();
        boolean quoted = false;
        for (int i = 0; i < csv.length(); i++) {
            char c = csv.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            }
            if (!quoted && c == '\r' && i + 1 < csv.length() && csv.charAt(i + 1) == '\n') {
                rows.add(row.toString());
                row.setLength(0);
                i++;
            } else {
                row.append(c);
            }
        }
        if (!row.isEmpty()) {
            rows.add(row.toString());
        }
        return rows;
    }
}
