package org.compactreview.fault;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
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

        // Sessions live in the database: signed in on b, the secretariat is known to a.
        WebSession secretariat = WebSession.signIn(b, "secretariat", Api.PASSWORD);
        assertThat(secretariat.get(a, "/validation").status()).isEqualTo(200);

        // The reminders are due at once: both job executors compete for 193 timers.
        ReviewWork work =
                cycleForAllMemberStates(api, "two-nodes", Instant.now().plusSeconds(1));
        String process = work.processInstanceId();
        Awaitility.await("193 reminders sent")
                .atMost(Duration.ofMinutes(3))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> jobsRun(process, "Task_SendReminder") == 193);
        Awaitility.await("the reminder mails delivered")
                .atMost(Duration.ofMinutes(1))
                .until(() -> mailsTo(ReviewWork.FOCAL_POINT) >= 193);
        assertThat(mailsTo(ReviewWork.FOCAL_POINT))
                .as("one reminder per member state")
                .isEqualTo(193);
        // The jobs of one process instance are exclusive: Camunda never runs two of them at once,
        // across nodes too, so one node may well take them all. What counts is that each ran once.
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

    private int jobsRun(String process, String activity) {
        return db().sql(
                        """
                        select count(*) from act_hi_job_log
                        where process_instance_id_ = ? and act_id_ = ? and job_state_ = 2""")
                .params(process, activity)
                .query(Integer.class)
                .single();
    }

    private Map<String, Integer> jobsByNode(String process) {
        Map<String, Integer> byNode = new java.util.TreeMap<>();
        db().sql(
                        """
                        select hostname_, count(*) from act_hi_job_log
                        where process_instance_id_ = ? and job_state_ = 2 group by hostname_""")
                .param(process)
                .query((rs, row) -> byNode.put(rs.getString(1), rs.getInt(2)))
                .list();
        return byNode;
    }

    /**
     * Distinct mails sent to the user. GreenMail keeps one copy per recipient, and the reminders
     * for Egypt, Jordan and Morocco also go to their demo focal points: count message ids.
     */
    private long mailsTo(String username) {
        return Arrays.stream(mail.getReceivedMessagesForDomain(username + "@demo.invalid"))
                .map(TwoNodeIT::messageId)
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
