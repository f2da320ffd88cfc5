package org.compactreview.fault;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.compactreview.support.fault.Api;
import org.compactreview.support.fault.AppNode;
import org.compactreview.support.fault.FaultTest;
import org.compactreview.support.fault.ReviewWork;
import org.compactreview.support.fault.WebSession;
import org.junit.jupiter.api.Test;

/**
 * Two nodes on one database work the same cycle, requests spread over both: the 193 reminder
 * timers and their mails run exactly once, though both job executors compete for them; then one node is killed with SIGKILL in
 * the middle of the work, and the other finishes the cycle, taking over its jobs. A person signed
 * in on the dead node stays signed in on the other.
 */
class TwoNodeIT extends FaultTest {

    @Test
    void twoNodesShareTheCycleAndOneFinishesWhatTheDeadOneLeft() throws Exception {
        AppNode a = node("node-a").start();
        AppNode b = node("node-b").start();
        Api api = new Api(List.of(a, b));

        // The sign-in throttle counts in the database: five guesses at one username, spread over
        // both nodes, stop that client on both (per-node counts would have allowed 2-3 more
        // each); the real user, from their own address, still gets in. Both nodes trust this
        // test as their proxy (127.0.0.1, the default), so X-Forwarded-For names the client.
        String attacker = "203.0.113.50";
        List<AppNode> nodes = List.of(a, b);
        for (int i = 0; i < 5; i++) {
            assertThat(basicFrom(nodes.get(i % 2), "manager", "guess-" + i, attacker))
                    .isEqualTo(401);
        }
        assertThat(basicFrom(a, "manager", Api.PASSWORD, attacker)).isEqualTo(429);
        assertThat(basicFrom(b, "manager", Api.PASSWORD, attacker)).isEqualTo(429);
        assertThat(basicFrom(b, "manager", Api.PASSWORD, "198.51.100.7")).isEqualTo(200);
        assertThat(db().sql("select failures from sign_in_throttle where scope = 'ACCOUNT' and throttle_key = ?")
                        .param("manager|" + attacker)
                        .query(Integer.class)
                        .single())
                .isEqualTo(5);

        // Sessions live in the database: signed in on b, the secretariat is known to a.
        WebSession secretariat = WebSession.signIn(b, "secretariat", Api.PASSWORD);
        assertThat(secretariat.get(a, "/validation").status()).isEqualTo(200);

        // The reminders are due at once: both job executors compete for 193 timers.
        ReviewWork work =
                cycleForAllMemberStates(api, "two-nodes", Instant.now().plusSeconds(1));
        long process = work.cycleId();
        Awaitility.await("193 reminders sent")
                .atMost(Duration.ofMinutes(3))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> jobsRun(process, "Task_SendReminder") == 193);
        // Mail goes through the outbox, sent by both nodes' relays after the jobs' commits; the
        // focal point also hears of each opened report, so reminders are told apart by Message-ID.
        Awaitility.await("the reminder mails delivered")
                .atMost(Duration.ofMinutes(1))
                .until(() -> reminderMailsTo(ReviewWork.FOCAL_POINT) >= 193);
        assertThat(reminderMailsTo(ReviewWork.FOCAL_POINT))
                .as("one reminder per member state")
                .isEqualTo(193);
        // Each participant's review is its own process instance, so its jobs are exclusive only
        // among themselves: both nodes take their share. What counts is that each ran once.
        Map<String, Integer> remindersByNode = jobsByNode(process);

        // Eight users at work over both nodes; b dies once about a third of the steps are done.
        int third = work.reports();
        CompletableFuture<Void> killer = CompletableFuture.runAsync(() -> {
            Awaitility.await().atMost(5, TimeUnit.MINUTES).until(() -> work.acknowledged() >= third);
            b.kill();
        });
        work.run(8);
        killer.get(5, TimeUnit.MINUTES);
        assertThat(b.alive()).isFalse();
        assertThat(api.answersByNode())
                .as("requests spread over both nodes")
                .allSatisfy((node, answers) -> assertThat(answers).isGreaterThan(50))
                .containsOnlyKeys("node-a", "node-b");
        assertThat(work.finished()).as("a finished the work alone").isTrue();
        work.closeCycle();

        // Signed in on the dead node, the secretariat carries on on the living one.
        assertThat(secretariat.get(a, "/validation").status()).isEqualTo(200);

        Map<String, Integer> figures = ledger(work);
        System.out.printf(
                "two nodes: reminder jobs by node %s; b killed after %d acknowledged steps; answers by node %s;"
                        + " %d requests failed with it; %d steps in all; jobs by node %s; %s%n",
                remindersByNode,
                third,
                api.answersByNode(),
                work.failedRequests(),
                work.acknowledged(),
                jobsByNode(process),
                figures);
    }

    /** An HTTP Basic call to a node as if from {@code client}, behind the node's trusted proxy. */
    private static int basicFrom(AppNode node, String user, String password, String client) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(node.baseUri() + "/api/v1/me"))
                .header(
                        "Authorization",
                        "Basic "
                                + Base64.getEncoder()
                                        .encodeToString((user + ":" + password).getBytes(StandardCharsets.UTF_8)))
                .header("X-Forwarded-For", client)
                .timeout(Duration.ofSeconds(30))
                .GET()
                .build();
        return HttpClient.newHttpClient()
                .send(request, HttpResponse.BodyHandlers.discarding())
                .statusCode();
    }

    /** The cycle's jobs: its own instance's and its participants' reviews' (business keys "<cycle id>:..."). */
    private static final String CYCLE_INSTANCES =
            """
            (select id_ from act_hi_procinst where business_key_ like ?
             or id_ = (select process_instance_id from review_cycle where id = ?))""";

    private int jobsRun(long cycle, String activity) {
        return db().sql("select count(*) from act_hi_job_log where process_instance_id_ in " + CYCLE_INSTANCES
                        + " and act_id_ = ? and job_state_ = 2")
                .params(cycle + ":%", cycle, activity)
                .query(Integer.class)
                .single();
    }

    private Map<String, Integer> jobsByNode(long cycle) {
        Map<String, Integer> byNode = new java.util.TreeMap<>();
        db().sql("select hostname_, count(*) from act_hi_job_log where process_instance_id_ in " + CYCLE_INSTANCES
                        + " and job_state_ = 2 group by hostname_")
                .params(cycle + ":%", cycle)
                .query((rs, row) -> byNode.put(rs.getString(1), rs.getInt(2)))
                .list();
        return byNode;
    }

    /**
     * Distinct reminder mails sent to the user: those whose Message-ID the outbox gave a reminder.
     * GreenMail keeps one copy per recipient, and the reminders for Egypt, Jordan and Morocco also
     * go to their demo focal points: count message ids.
     */
    private long reminderMailsTo(String username) {
        java.util.Set<String> reminders = new java.util.HashSet<>(db().sql(
                        """
                        select o.message_id from mail_outbox o join notice n on n.id = o.notice_id
                        where n.kind = 'DUE_REMINDER' and n.username = ?""")
                .param(username)
                .query(String.class)
                .list());
        return Arrays.stream(mail.getReceivedMessagesForDomain(username + "@demo.invalid"))
                .map(TwoNodeIT::messageId)
                .filter(reminders::contains)
                .distinct()
                .count();
    }

    private static String messageId(MimeMessage message) {
        try {
            return message.getMessageID();
        } catch (MessagingException e) {
            throw new IllegalStateException(e);
        }
    }
}
