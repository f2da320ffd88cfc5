package org.compactreview.notify;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.compactreview.cycle.ReviewCycle;
import org.compactreview.identity.CurrentUser;
import org.compactreview.identity.Role;
import org.compactreview.identity.UserDirectory;
import org.compactreview.identity.UserDraft;
import org.compactreview.report.Report;
import org.compactreview.report.ReportService;
import org.compactreview.support.FormClient;
import org.compactreview.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Micronesia's focal point hears of its cycle in the bell: the count on every page, the list with
 * the unread ones marked, opening a notice marks it read and goes to the report; nobody else
 * reaches that notice; all can be marked read at once; the API pages the same notices with the
 * unread count. A notice's link never leads out of the app.
 */
class NoticeBellIT extends IntegrationTest {

    static final String PASSWORD = "demo";
    static final CurrentUser OWNER = new CurrentUser("fp-fsm-bell", Set.of(Role.FOCAL_POINT), Set.of("FSM"));
    static final CurrentUser OTHER = new CurrentUser("fp-fsm-bell-2", Set.of(Role.FOCAL_POINT), Set.of("FSM"));

    @Autowired
    UserDirectory directory;

    @Autowired
    ReportService reports;

    @Autowired
    Notifications notifications;

    @Autowired
    UserNotices userNotices;

    @Autowired
    PlatformTransactionManager transactions;

    @Test
    void bellCountsUnreadNoticesAndOpeningOneMarksItReadAndGoesToTheReport() {
        focalPoint(OWNER);
        focalPoint(OTHER);
        markAllRead(OWNER);
        markAllRead(OTHER);
        ReviewCycle cycle = openAnnualReview("bell", "FSM");
        Report report = reports.list(OWNER, cycle.id(), null).get(0);
        long notice = latestNotice(OWNER);

        FormClient owner = signedIn(OWNER);
        String inbox = owner.get("/inbox").body();
        assertThat(inbox).contains("id=\"notice-bell\"").contains("aria-label=\"Notices, 1 unread\"");
        assertThat(between(inbox, "id=\"notice-bell-count\"", "</span>")).contains(">1");
        String list = owner.get("/notifications").body();
        assertThat(list)
                .contains("1 notice, 1 unread")
                .contains("is open: the report of Micronesia")
                .contains("notice-unread")
                .contains(">Unread<")
                .contains("/notifications/" + notice + "/open");

        FormClient other = signedIn(OTHER);
        assertThat(other.get("/notifications/" + notice + "/open").statusCode())
                .as("another user's notice")
                .isEqualTo(404);
        assertThat(other.get("/notifications").body()).doesNotContain("/notifications/" + notice + "/open");
        assertThat(notifications.unread(OWNER.username())).isEqualTo(1);

        HttpResponse<String> opened = owner.get("/notifications/" + notice + "/open");
        assertThat(opened.statusCode()).isEqualTo(302);
        assertThat(opened.headers().firstValue("Location").orElseThrow()).endsWith("/reports/" + report.id());
        assertThat(notifications.unread(OWNER.username())).isZero();
        assertThat(owner.get("/inbox").body())
                .contains("aria-label=\"Notices, none unread\"")
                .doesNotContain("notice-bell-count");
        assertThat(owner.get("/notifications").body())
                .contains("1 notice, none unread")
                .doesNotContain(">Unread<");
        assertThat(notifications.unread(OTHER.username()))
                .as("the other focal point's own notice of the cycle is untouched")
                .isEqualTo(1);
    }

    @Test
    void listAndApiArePagedNewestFirstAndReadAllMarksEveryNoticeRead() throws Exception {
        CurrentUser user = new CurrentUser("fp-fsm-pages", Set.of(Role.FOCAL_POINT), Set.of("FSM"));
        focalPoint(user);
        markAllRead(user);
        String run = Long.toString(System.nanoTime(), 36);
        int before = count(user);
        for (int i = 0; i < 24; i++) {
            tell(
                    user,
                    Notice.of(NoticeKind.TASK_ASSIGNED, "bell-page:" + run + ":" + i)
                            .link("/inbox?n=" + i)
                            .participant("FSM")
                            .task("Task_SubmitReport"));
        }
        tell(
                user,
                Notice.of(NoticeKind.REPORT_RETURNED, "bell-page:" + run + ":returned")
                        .link("/reports/1")
                        .participant("FSM")
                        .detail("Please add the budget line.\nالميزانية"));
        int total = before + 25;

        FormClient pages = signedIn(user);
        String first = pages.get("/notifications").body();
        assertThat(first)
                .contains(total + " notices, 25 unread")
                .contains("Page 1 of 2")
                .contains("id=\"notices-next\"");
        assertThat(first.indexOf("Returned for revision"))
                .as("newest first")
                .isPositive()
                .isLessThan(first.indexOf("New task"));
        assertThat(first).contains("dir=\"auto\"").contains("Please add the budget line.");
        assertThat(first.split("class=\"list-group-item notice").length - 1).isEqualTo(20);
        String second = pages.get("/notifications?page=1").body();
        assertThat(second)
                .contains("Page 2 of 2")
                .contains("id=\"notices-previous\"")
                .doesNotContain("notices-next");
        assertThat(second.split("class=\"list-group-item notice").length - 1).isEqualTo(total - 20);
        assertThat(pages.get("/notifications?page=-1").statusCode()).isEqualTo(400);
        HttpResponse<String> pastTheEnd = pages.get("/notifications?page=7");
        assertThat(pastTheEnd.statusCode()).isEqualTo(302);
        assertThat(pastTheEnd.headers().firstValue("Location").orElseThrow()).endsWith("/notifications?page=1");

        ResponseEntity<JsonNode> api = http.withBasicAuth(user.username(), PASSWORD)
                .getForEntity("/api/v1/notifications?page=1&size=20", JsonNode.class);
        assertThat(api.getStatusCode().value()).isEqualTo(200);
        assertThat(api.getBody().get("total").asInt()).isEqualTo(total);
        assertThat(api.getBody().get("unread").asInt()).isEqualTo(25);
        assertThat(api.getBody().get("page").asInt()).isEqualTo(1);
        assertThat(api.getBody().get("items")).hasSize(total - 20);
        JsonNode newest = http.withBasicAuth(user.username(), PASSWORD)
                .getForEntity("/api/v1/notifications?size=1", JsonNode.class)
                .getBody()
                .get("items")
                .get(0);
        assertThat(newest.get("kind").asText()).isEqualTo("REPORT_RETURNED");
        assertThat(newest.get("subject").asText()).startsWith("Returned for revision: the report of Micronesia");
        assertThat(newest.get("unread").asBoolean()).isTrue();
        long newestId = newest.get("id").asLong();
        assertThat(http.withBasicAuth(OTHER.username(), PASSWORD)
                        .postForEntity("/api/v1/notifications/" + newestId + "/read", null, String.class)
                        .getStatusCode()
                        .value())
                .as("another user's notice")
                .isEqualTo(404);
        ResponseEntity<JsonNode> read = http.withBasicAuth(user.username(), PASSWORD)
                .postForEntity("/api/v1/notifications/" + newestId + "/read", null, JsonNode.class);
        assertThat(read.getStatusCode().value()).isEqualTo(200);
        assertThat(read.getBody().get("unread").asBoolean()).isFalse();
        assertThat(read.getBody().get("readAt").isNull()).isFalse();
        assertThat(notifications.unread(user.username())).isEqualTo(24);

        HttpResponse<String> readAll = pages.post("/notifications", "/notifications/read-all", Map.of());
        assertThat(readAll.statusCode()).isEqualTo(302);
        assertThat(readAll.headers().firstValue("Location").orElseThrow()).endsWith("/notifications");
        assertThat(notifications.unread(user.username())).isZero();
        assertThat(pages.get("/notifications").body())
                .contains("All your notices are marked as read.")
                .contains(total + " notices, none unread")
                .doesNotContain("notices-read-all");
    }

    @Test
    void aNoticeNeverRedirectsOutOfTheApp() {
        CurrentUser user = new CurrentUser("fp-fsm-links", Set.of(Role.FOCAL_POINT), Set.of("FSM"));
        focalPoint(user);
        FormClient client = signedIn(user);
        String run = Long.toString(System.nanoTime(), 36);
        for (String link : List.of("//evil.example/x", "/\\evil.example", "https://evil.example", "/")) {
            tell(
                    user,
                    Notice.of(NoticeKind.TASK_ASSIGNED, "bell-link:" + run + ":" + link)
                            .link(link));
            HttpResponse<String> opened = client.get("/notifications/" + latestNotice(user) + "/open");
            assertThat(opened.statusCode()).as(link).isEqualTo(302);
            assertThat(opened.headers().firstValue("Location").orElseThrow())
                    .as(link)
                    .endsWith("/inbox")
                    .doesNotContain("evil");
        }
        assertThat(client.get("/notifications/999999999/open").statusCode()).isEqualTo(404);
        assertThat(client.get("/notifications/x/open").statusCode()).isEqualTo(400);
    }

    @Test
    void openingInSeveralTabsAtOnceWhileReadingAllKeepsTheFirstReadingTime() throws Exception {
        CurrentUser user = new CurrentUser("fp-fsm-tabs", Set.of(Role.FOCAL_POINT), Set.of("FSM"));
        focalPoint(user);
        markAllRead(user);
        String run = Long.toString(System.nanoTime(), 36);
        tell(user, Notice.of(NoticeKind.TASK_ASSIGNED, "bell-tabs:" + run).link("/inbox?tab=1"));
        tell(
                user,
                Notice.of(NoticeKind.TASK_ASSIGNED, "bell-tabs:" + run + ":2").link("/inbox?tab=2"));
        long notice = latestNotice(user);
        var pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        var start = new java.util.concurrent.CountDownLatch(1);
        List<java.util.concurrent.Future<String>> answers = new java.util.ArrayList<>();
        try {
            for (int i = 0; i < 8; i++) {
                boolean readAll = i % 4 == 3;
                answers.add(pool.submit(() -> {
                    start.await();
                    return readAll ? String.valueOf(userNotices.markAllRead(user)) : userNotices.open(user, notice);
                }));
            }
            start.countDown();
            for (int i = 0; i < answers.size(); i++) {
                String answer = answers.get(i).get(30, java.util.concurrent.TimeUnit.SECONDS);
                if (i % 4 != 3) {
                    assertThat(answer).isEqualTo("/inbox?tab=2");
                }
            }
        } finally {
            pool.shutdownNow();
        }
        assertThat(notifications.unread(user.username())).isZero();
        java.sql.Timestamp firstRead = jdbc.sql("select read_at from notice where id = ?")
                .param(notice)
                .query(java.sql.Timestamp.class)
                .single();
        assertThat(userNotices.open(user, notice)).isEqualTo("/inbox?tab=2");
        assertThat(jdbc.sql("select read_at from notice where id = ?")
                        .param(notice)
                        .query(java.sql.Timestamp.class)
                        .single())
                .as("the first reading time stays")
                .isEqualTo(firstRead);
    }

    private void tell(CurrentUser user, Notice notice) {
        new TransactionTemplate(transactions)
                .executeWithoutResult(status -> notifications.notify(notice, List.of(user.username())));
    }

    private void focalPoint(CurrentUser user) {
        UserDraft draft = new UserDraft(
                "Micronesia focal point " + user.username(), null, "en", true, Set.of(Role.FOCAL_POINT), Set.of("FSM"));
        directory.ensureExists(user.username(), PASSWORD, draft);
        directory.update(user.username(), draft);
    }

    private FormClient signedIn(CurrentUser user) {
        FormClient client = new FormClient(http.getRootUri());
        assertThat(client.signIn(user.username(), PASSWORD).statusCode()).isEqualTo(302);
        return client;
    }

    private void markAllRead(CurrentUser user) {
        jdbc.sql("update notice set read_at = now() where username = ? and read_at is null")
                .param(user.username())
                .update();
    }

    private int count(CurrentUser user) {
        return jdbc.sql("select count(*) from notice where username = ?")
                .param(user.username())
                .query(Integer.class)
                .single();
    }

    private long latestNotice(CurrentUser user) {
        return jdbc.sql("select max(id) from notice where username = ?")
                .param(user.username())
                .query(Long.class)
                .single();
    }

    private static String between(String text, String from, String to) {
        int start = text.indexOf(from);
        assertThat(start).as(from).isNotNegative();
        return text.substring(start, text.indexOf(to, start));
    }
}
