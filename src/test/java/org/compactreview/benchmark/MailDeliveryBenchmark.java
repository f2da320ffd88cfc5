package org.compactreview.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.compactreview.identity.Role;
import org.compactreview.identity.UserDirectory;
import org.compactreview.identity.UserDraft;
import org.compactreview.notify.MailRelay;
import org.compactreview.notify.Notice;
import org.compactreview.notify.NoticeKind;
import org.compactreview.notify.Notifications;
import org.compactreview.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * How fast the outbox empties, and what a notice costs the transaction that tells it. Users of its
 * own ({@code benchmark.mail.users}, 50 by default, in all six languages) at a domain of its own, and
 * an SMTP server of its own (GreenMail on a fixed port, so that it can be stopped and started again;
 * the relay's mail sender points at it for the run and back at the shared one after).
 *
 * <ol>
 *   <li><b>Writing</b>: {@code benchmark.mail.count} notices (2,000 by default) told in transactions
 *       of one event to every user (the shape of a group's task), then 200 transactions of one
 *       recipient each, timed against 200 empty transactions: the cost of a notice and its outbox row.
 *   <li><b>Sending</b>: the relay drains them with the server up: mails per second.
 *   <li><b>Outage</b>: the server stopped, as many mails again queued; the relay tries each once and
 *       schedules its retry (the first after {@code first-retry}, 30 s); the server started; the
 *       engine clock moved past the retry time; the time until the backlog is drained.
 * </ol>
 *
 * Every mail is checked to have arrived, once by Message-ID. The relay sends one mail per SMTP
 * dialogue, one node, one thread: the figures are one node's. Prints {@code BENCHMARK ...} lines and
 * writes them to {@code target/benchmark-mail.txt}. Runs in the {@code benchmark} profile only:
 * {@code mvn -Pbenchmark -Dit.test=MailDeliveryBenchmark verify} (smoke run: {@code
 * -Dbenchmark.mail.count=200}).
 */
class MailDeliveryBenchmark extends IntegrationTest {

    private static final int COUNT = Integer.getInteger("benchmark.mail.count", 2_000);
    private static final int USERS = Integer.getInteger("benchmark.mail.users", 50);
    private static final int SINGLE = 200;
    private static final String DOMAIN = "mail.bench.test";
    private static final List<String> LANGUAGES = List.of("en", "ar", "fr", "es", "zh", "ru");

    @Autowired
    Notifications notifications;

    @Autowired
    MailRelay relay;

    @Autowired
    JavaMailSenderImpl sender;

    @Autowired
    UserDirectory directory;

    @Autowired
    PlatformTransactionManager transactionManager;

    private final List<String> lines = new ArrayList<>();

    @Test
    void outboxThroughputOutageRecoveryAndCostPerRecipient() throws Exception {
        String run = Long.toString(System.nanoTime(), 36);
        List<String> users = createUsers(run);
        TransactionTemplate transactions = new TransactionTemplate(transactionManager);
        relay.drain(); // what other tests left due goes to the shared server, not into the figures
        int sharedPort = sender.getPort();
        int port = freePort();
        GreenMail server = new GreenMail(new ServerSetup(port, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
        server.start();
        sender.setPort(port);
        try {
            // 1. Writing: group events, then single-recipient transactions against empty ones.
            int events = COUNT / users.size();
            long started = System.nanoTime();
            for (int event = 0; event < events; event++) {
                Notice notice = notice(run, "up", event);
                transactions.executeWithoutResult(s -> notifications.notify(notice, users));
            }
            long groupNanos = System.nanoTime() - started;
            int queued = events * users.size();
            long empty = timeTransactions(
                    SINGLE,
                    i -> transactions.executeWithoutResult(
                            s -> jdbc.sql("select 1").query(Integer.class).single()));
            long single = timeTransactions(
                    SINGLE,
                    i -> transactions.executeWithoutResult(
                            s -> notifications.notify(notice(run, "single", i), List.of(users.get(i % users.size())))));
            queued += SINGLE;
            print(
                    "mail write: %d notices in %d transactions of %d recipients: %.0f µs per recipient"
                            + " (with the commit); %d transactions of one recipient: %.0f µs each, an empty"
                            + " transaction %.0f µs, so %.0f µs for a notice and its outbox row",
                    events * users.size(),
                    events,
                    users.size(),
                    groupNanos / 1000.0 / (events * users.size()),
                    SINGLE,
                    single / 1000.0 / SINGLE,
                    empty / 1000.0 / SINGLE,
                    (single - empty) / 1000.0 / SINGLE);

            // 2. Sending with the server up.
            started = System.nanoTime();
            int sent = relay.drain();
            double seconds = (System.nanoTime() - started) / 1e9;
            assertThat(arrived(server, run, "up", "single"))
                    .as("every mail arrived once")
                    .isEqualTo(queued);
            print(
                    "mail send: %d mails drained in %.1f s: %.0f mails/s (one node, one SMTP dialogue per mail)",
                    sent, seconds, sent / seconds);

            // The floor under it: the same server and mail sender without the outbox, the same
            // two-part mails; one SMTP dialogue per mail as the relay does, then one for all.
            List<MimeMessage> bare = new ArrayList<>();
            for (int i = 0; i < SINGLE; i++) {
                bare.add(bareMail(run, i));
            }
            started = System.nanoTime();
            for (MimeMessage message : bare) {
                sender.send(message);
            }
            double oneEach = (System.nanoTime() - started) / 1e9;
            started = System.nanoTime();
            sender.send(bare.toArray(MimeMessage[]::new));
            double oneForAll = (System.nanoTime() - started) / 1e9;
            print(
                    "mail floor: the bare mail sender to the same server, %d mails: %.0f mails/s with one SMTP"
                            + " dialogue each (%.1f ms per mail; the relay %.1f ms), %.0f mails/s over one dialogue",
                    SINGLE, SINGLE / oneEach, oneEach * 1000 / SINGLE, seconds * 1000 / sent, SINGLE / oneForAll);

            // 3. An outage: the server stopped, mails queued and failing, the server started again.
            server.stop();
            for (int event = 0; event < events; event++) {
                Notice notice = notice(run, "down", event);
                transactions.executeWithoutResult(s -> notifications.notify(notice, users));
            }
            int backlog = events * users.size();
            started = System.nanoTime();
            int sentDown = relay.drain();
            double failing = (System.nanoTime() - started) / 1e9;
            assertThat(sentDown).isZero();
            assertThat(waiting(run)).as("the backlog waits for its retry").isEqualTo(backlog);
            server.start();
            setClock(START.plus(5, ChronoUnit.MINUTES)); // past the first retry (30 s after the attempt)
            started = System.nanoTime();
            int recovered = relay.drain();
            double draining = (System.nanoTime() - started) / 1e9;
            assertThat(arrived(server, run, "down"))
                    .as("the backlog arrived once")
                    .isEqualTo(backlog);
            assertThat(waiting(run)).isZero();
            print(
                    "mail outage: %d mails queued with the server down, each tried once and failed in %.1f s"
                            + " (%.1f ms per attempt); server back: the backlog of %d drained in %.1f s"
                            + " (%.0f mails/s) once the first retry was due",
                    backlog, failing, failing * 1000 / backlog, recovered, draining, recovered / draining);
        } finally {
            sender.setPort(sharedPort);
            server.stop();
            disable(users);
            Files.createDirectories(Path.of("target"));
            Files.write(Path.of("target/benchmark-mail.txt"), lines);
        }
    }

    private List<String> createUsers(String run) {
        List<String> users =
                IntStream.range(0, USERS).mapToObj(i -> "mb-" + run + "-" + i).toList();
        for (int i = 0; i < users.size(); i++) {
            directory.ensureExists(users.get(i), "mail-benchmark-password", draft(users.get(i), i, true));
        }
        return users;
    }

    /** Managers see every participant; disabled after the run, so later benchmarks do not mail them. */
    private static UserDraft draft(String username, int i, boolean enabled) {
        return new UserDraft(
                "Mail benchmark " + i,
                username + "@" + DOMAIN,
                LANGUAGES.get(i % LANGUAGES.size()),
                enabled,
                Set.of(Role.MANAGER),
                Set.of());
    }

    private void disable(List<String> users) {
        for (int i = 0; i < users.size(); i++) {
            directory.update(users.get(i), draft(users.get(i), i, false));
        }
    }

    private static Notice notice(String run, String phase, int event) {
        return Notice.of(NoticeKind.TASK_ASSIGNED, "mail-benchmark:" + run + ":" + phase + ":" + event)
                .link("/tasks")
                .task("Task_ValidateReport");
    }

    private interface Work {
        void run(int i);
    }

    private static long timeTransactions(int times, Work work) {
        work.run(0); // warms the path, untimed (its mail counts like the others)
        long started = System.nanoTime();
        for (int i = 1; i < times; i++) {
            work.run(i);
        }
        return (System.nanoTime() - started) * times / (times - 1);
    }

    private int waiting(String run) {
        return jdbc.sql("select count(*) from mail_outbox where status = 'PENDING' and username like ?")
                .param("mb-" + run + "-%")
                .query(Integer.class)
                .single();
    }

    /** Distinct Message-IDs at the server of the run's mails of these phases (as the outbox names them). */
    private long arrived(GreenMail server, String run, String... phases) {
        Set<String> expected = new java.util.HashSet<>();
        for (String phase : phases) {
            expected.addAll(jdbc.sql(
                            """
                            select o.message_id from mail_outbox o join notice n on n.id = o.notice_id
                            where n.event_key like ?""")
                    .param("mail-benchmark:" + run + ":" + phase + ":%")
                    .query(String.class)
                    .list());
        }
        return Arrays.stream(server.getReceivedMessagesForDomain(DOMAIN))
                .map(MailDeliveryBenchmark::messageId)
                .filter(expected::contains)
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

    /** A mail like the relay's (text and HTML parts, a Message-ID of its own), without the outbox. */
    private MimeMessage bareMail(String run, int i) throws MessagingException {
        MimeMessage message = sender.createMimeMessage();
        MimeMessageHelper helper = new MimeMessageHelper(message, true, "UTF-8");
        helper.setFrom("no-reply@" + DOMAIN);
        helper.setTo("bare-" + run + "-" + (i % USERS) + "@" + DOMAIN);
        helper.setSubject("New task: Validate report");
        helper.setText("A task is waiting for you.\n".repeat(8), "<p>A task is waiting for you.</p>".repeat(8));
        message.setHeader("Message-ID", "<bare." + run + "." + i + "@" + DOMAIN + ">");
        return message;
    }

    private static int freePort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private void print(String format, Object... arguments) {
        String line = format.formatted(arguments);
        lines.add(line);
        System.out.println("BENCHMARK " + line);
    }
}
