package org.compactreview.notify;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.mail.internet.MimeMessage;
import java.net.http.HttpResponse;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.compactreview.cycle.ReviewCycle;
import org.compactreview.identity.CurrentUser;
import org.compactreview.identity.Role;
import org.compactreview.identity.UserDirectory;
import org.compactreview.identity.UserDraft;
import org.compactreview.report.ReportService;
import org.compactreview.support.FormClient;
import org.compactreview.support.IntegrationTest;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;

/**
 * The mail server goes down (GreenMail stopped) and comes back on the same port. Meanwhile the
 * business goes on: a cycle opens for the Marshall Islands and nothing is thrown; each mail fails
 * its attempt and waits, 30 s, then 60 s, then 120 s, and is not tried before its time; the app
 * stays healthy. Once the server is back each focal point receives its mail exactly once (by
 * Message-ID, and no raw duplicate either) and the backlog is empty. A mail whose every attempt
 * failed becomes an incident: counted, listed on the administrators' mail page and in the API,
 * and sent once more, exactly once, by "Send again".
 */
class MailOutageIT extends IntegrationTest {

    static final String DOMAIN = "outage.mail.test";
    static final CurrentUser FIRST = new CurrentUser("fp-mhl-1", Set.of(Role.FOCAL_POINT), Set.of("MHL"));
    static final CurrentUser SECOND = new CurrentUser("fp-mhl-2", Set.of(Role.FOCAL_POINT), Set.of("MHL"));
    static final CurrentUser GIVEN_UP = new CurrentUser("fp-fsm-1", Set.of(Role.FOCAL_POINT), Set.of("FSM"));

    @Autowired
    UserDirectory directory;

    @Autowired
    ReportService reports;

    @Autowired
    MailRelay relay;

    @Autowired
    MailProperties properties;

    @Autowired
    MeterRegistry metrics;

    @Autowired
    MailIncidents incidents;

    @BeforeEach
    void serverUpAndOutboxSent() {
        ensureMailServerRuns();
        relay.drain();
    }

    /** Whatever happened in the test, the shared mail server runs again for the others. */
    @AfterEach
    void ensureMailServerRuns() {
        if (!MAIL.isRunning()) {
            MAIL.start();
        }
    }

    @Test
    void outageDelaysMailsWithBackOffAndLosesOrDuplicatesNone() throws Exception {
        focalPoint(FIRST);
        focalPoint(SECOND);
        double failedBefore = counter("compact_review_mails_failed");
        double sentBefore = counter("compact_review_mails_sent");

        MAIL.stop();
        ReviewCycle cycle = openAnnualReview("outage", "MHL");
        assertThat(reports.list(FIRST, cycle.id(), null))
                .as("the business transaction does not wait for mail")
                .hasSize(1);
        String task = taskKey(cycle);
        List<String> expected = List.of(messageId(task, FIRST), messageId(task, SECOND));
        assertThat(expected).allSatisfy(id -> assertThat(row(id).attempts()).isZero());

        assertThat(relay.drain()).isZero();
        assertThat(expected).allSatisfy(id -> {
            OutboxRow row = row(id);
            assertThat(row.status()).isEqualTo("PENDING");
            assertThat(row.attempts()).isEqualTo(1);
            assertThat(row.nextAttemptAt()).isEqualTo(START.plusSeconds(30));
            assertThat(row.lastError()).isNotBlank();
        });
        assertThat(counter("compact_review_mails_failed") - failedBefore).isGreaterThanOrEqualTo(2);
        assertThat(http.getForEntity("/actuator/health", String.class).getStatusCode())
                .as("mail is no part of the app's health")
                .isEqualTo(HttpStatus.OK);

        // The back-off: 30 s after the first attempt, 60 s after the second, 120 s after the third.
        Instant now = START;
        for (int attempt = 1; attempt <= 3; attempt++) {
            Instant due = now.plus(properties.retryDelay(attempt));
            setClock(due.minusSeconds(1));
            relay.drain();
            int tried = attempt;
            assertThat(expected).as("not tried before " + due).allSatisfy(id -> assertThat(row(id).attempts())
                    .isEqualTo(tried));
            if (attempt == 3) {
                MAIL.start();
            }
            setClock(due);
            relay.drain();
            now = due;
            if (attempt < 3) {
                assertThat(expected)
                        .allSatisfy(id -> assertThat(row(id).attempts()).isEqualTo(tried + 1));
            }
        }
        assertThat(now).isEqualTo(START.plusSeconds(30 + 60 + 120));

        assertThat(expected).allSatisfy(id -> {
            assertThat(row(id).status()).isEqualTo("SENT");
            assertThat(row(id).attempts()).isEqualTo(4);
        });
        assertThat(receivedIds(FIRST)).containsExactly(messageId(task, FIRST));
        assertThat(receivedIds(SECOND)).containsExactly(messageId(task, SECOND));
        List<String> all = Arrays.stream(MAIL.getReceivedMessages())
                .map(MailOutageIT::id)
                .filter(expected::contains)
                .toList();
        assertThat(all).as("no raw duplicate").hasSize(2).doesNotHaveDuplicates();
        assertThat(relay.drain()).as("nothing more to send").isZero();
        assertThat(receivedIds(FIRST)).hasSize(1);
        assertThat(counter("compact_review_mails_sent") - sentBefore).isGreaterThanOrEqualTo(2);
        assertThat(metrics.get("compact_review_mail_backlog").gauge().value()).isZero();
    }

    @Test
    void mailFailedOnEveryAttemptIsAnIncidentThatAnAdministratorSendsAgainOnce() throws Exception {
        focalPoint(GIVEN_UP);
        double incidentsBefore = counter("compact_review_mail_incidents");
        int failedBefore = failedRows();

        MAIL.stop();
        ReviewCycle cycle = openAnnualReview("given-up", "FSM");
        String id = messageId(taskKey(cycle), GIVEN_UP);
        Instant now = START;
        for (int attempt = 1; attempt <= properties.maxAttempts(); attempt++) {
            relay.drain();
            assertThat(row(id).attempts()).isEqualTo(attempt);
            if (attempt < properties.maxAttempts()) {
                assertThat(row(id).status()).isEqualTo("PENDING");
                now = now.plus(properties.retryDelay(attempt));
                setClock(now);
            }
        }
        assertThat(row(id).status()).isEqualTo("FAILED");
        // Eight attempts over 30 s + 1 + 2 + 4 + 8 + 16 + 32 min: given up 63.5 min after the first.
        assertThat(Duration.between(START, now)).isEqualTo(Duration.ofSeconds(30 * 127));
        // Other tests' focal points of Micronesia may share the cycle and fail with it: the metric
        // counts exactly the mails given up, one of them this user's.
        assertThat(counter("compact_review_mail_incidents") - incidentsBefore)
                .isEqualTo(failedRows() - failedBefore)
                .isGreaterThanOrEqualTo(1);
        long mail = row(id).id();
        MAIL.start();
        assertThat(relay.drain()).as("an incident waits for an operator").isZero();
        assertThat(receivedIds(GIVEN_UP)).isEmpty();

        FormClient admin = new FormClient(http.getRootUri());
        admin.signIn("admin", "demo");
        HttpResponse<String> page = admin.get("/admin/mail");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body())
                .contains("data-mail=\"" + mail + "\"")
                .contains(GIVEN_UP.username())
                .contains("Send again")
                .as("no mail content on the operators' page")
                .doesNotContain("Micronesia");
        ResponseEntity<JsonNode> api = as("admin").getForEntity("/api/v1/admin/mail", JsonNode.class);
        assertThat(api.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(api.getBody().path("counts").path("FAILED").asInt()).isPositive();
        assertThat(api.getBody().path("incidents").path("items").findValuesAsText("username"))
                .contains(GIVEN_UP.username());
        assertThat(as("secretariat")
                        .getForEntity("/api/v1/admin/mail", String.class)
                        .getStatusCode())
                .isEqualTo(HttpStatus.FORBIDDEN);

        HttpResponse<String> sentAgain = admin.post("/admin/mail", "/admin/mail/" + mail + "/retry", Map.of());
        assertThat(sentAgain.statusCode()).isEqualTo(302);
        assertThat(row(id).status()).isEqualTo("PENDING");
        assertThat(row(id).attempts()).isZero();
        assertThat(jdbc.sql("select count(*) from audit_event where action = 'MAIL_RETRIED' and object_type = 'mail'"
                                + " and object_id = ? and actor = 'admin'")
                        .param(String.valueOf(mail))
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);
        assertThat(as("admin")
                        .postForEntity("/api/v1/admin/mail/" + mail + "/retry", null, String.class)
                        .getStatusCode())
                .as("already queued again")
                .isEqualTo(HttpStatus.CONFLICT);

        relay.drain();
        assertThat(receivedIds(GIVEN_UP)).containsExactly(id);
        assertThat(row(id).status()).isEqualTo("SENT");
        assertThat(relay.drain()).isZero();
        assertThat(receivedIds(GIVEN_UP)).hasSize(1);
        assertThat(admin.get("/admin/mail").body()).doesNotContain("data-mail=\"" + mail + "\"");
    }

    @Test
    void twoAdministratorsSendingOneIncidentAgainAtOnceQueueItOnce() throws Exception {
        long mail = jdbc.sql(
                        """
                        insert into mail_outbox (message_id, username, status, attempts, next_attempt_at, created_at,
                            failed_at, last_error)
                        values (?, 'nobody-at-once', 'FAILED', 8, now(), now(), now(), 'MailSendException')
                        returning id
                        """)
                .param("<at-once-" + System.nanoTime() + "@outage.invalid>")
                .query(Long.class)
                .single();
        CurrentUser admin = new CurrentUser("admin", Set.of(Role.ADMIN), Set.of());
        java.util.concurrent.CyclicBarrier together = new java.util.concurrent.CyclicBarrier(2);
        java.util.concurrent.ExecutorService two = java.util.concurrent.Executors.newFixedThreadPool(2);
        try {
            List<java.util.concurrent.Future<String>> outcomes = new java.util.ArrayList<>();
            for (int i = 0; i < 2; i++) {
                outcomes.add(two.submit(() -> {
                    together.await();
                    try {
                        incidents.retry(mail, admin);
                        return "queued";
                    } catch (org.compactreview.platform.ConflictException alreadyQueued) {
                        return "conflict";
                    }
                }));
            }
            List<String> answers = new java.util.ArrayList<>();
            for (var outcome : outcomes) {
                answers.add(outcome.get(30, java.util.concurrent.TimeUnit.SECONDS));
            }
            assertThat(answers).containsExactlyInAnyOrder("queued", "conflict");
        } finally {
            two.shutdownNow();
        }
        assertThat(jdbc.sql("select count(*) from audit_event where action = 'MAIL_RETRIED' and object_id = ?")
                        .param(String.valueOf(mail))
                        .query(Integer.class)
                        .single())
                .isEqualTo(1);
        assertThat(jdbc.sql("select status from mail_outbox where id = ?")
                        .param(mail)
                        .query(String.class)
                        .single())
                .isEqualTo("PENDING");
    }

    record OutboxRow(long id, String status, int attempts, Instant nextAttemptAt, String lastError) {}

    private OutboxRow row(String messageId) {
        return jdbc.sql(
                        "select id, status, attempts, next_attempt_at, last_error from mail_outbox where message_id = ?")
                .param(messageId)
                .query((rs, n) -> new OutboxRow(
                        rs.getLong("id"),
                        rs.getString("status"),
                        rs.getInt("attempts"),
                        rs.getObject("next_attempt_at", Timestamp.class).toInstant(),
                        rs.getString("last_error")))
                .single();
    }

    private String taskKey(ReviewCycle cycle) {
        return "task:"
                + jdbc.sql("select task_id from work_item where cycle_id = ?")
                        .param(cycle.id())
                        .query(String.class)
                        .single();
    }

    private String messageId(String eventKey, CurrentUser user) {
        return MessageIds.forNotice(eventKey, user.username(), properties.domain());
    }

    private void focalPoint(CurrentUser user) {
        UserDraft draft = new UserDraft(
                "Focal point " + user.username(),
                user.username() + "@" + DOMAIN,
                "en",
                true,
                Set.of(Role.FOCAL_POINT),
                user.participants());
        directory.ensureExists(user.username(), "outage-password", draft);
        directory.update(user.username(), draft);
    }

    private static List<String> receivedIds(CurrentUser user) {
        return Arrays.stream(MAIL.getReceivedMessagesForDomain(user.username() + "@" + DOMAIN))
                .map(MailOutageIT::id)
                .collect(Collectors.toList());
    }

    private static String id(MimeMessage message) {
        try {
            return message.getMessageID();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private double counter(String name) {
        return metrics.get(name).counter().count();
    }

    private int failedRows() {
        return jdbc.sql("select count(*) from mail_outbox where status = 'FAILED'")
                .query(Integer.class)
                .single();
    }
}
