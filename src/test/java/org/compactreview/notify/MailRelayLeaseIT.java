package org.compactreview.notify;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.IntStream;
import org.compactreview.identity.Role;
import org.compactreview.identity.UserDirectory;
import org.compactreview.identity.UserDraft;
import org.compactreview.support.IntegrationTest;
import org.compactreview.support.fault.SlowSmtp;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.mail.javamail.JavaMailSenderImpl;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A round of the relay slower than its lease would let another node claim and send the same mails
 * while this one is still sending them (MailRelayFaultIT found it). Through a mail server that
 * answers slowly (each SMTP answer 400 ms late, a mail about 3 s) and with an 8 s lease, a round of
 * ten stops with a quarter of its lease left and gives the rest back, due again at once and not
 * counted as an attempt; the next rounds send them, each mail once.
 */
class MailRelayLeaseIT extends IntegrationTest {

    static final String USER = "lease-manager";

    @Autowired
    MailRelay relay;

    @Autowired
    MailOutbox outbox;

    @Autowired
    NoticeRepository notices;

    @Autowired
    UserDirectory users;

    @Autowired
    MailRenderer renderer;

    @Autowired
    MailProperties properties;

    @Autowired
    Notifications notifications;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    MeterRegistry metrics;

    @Test
    void aSlowRoundStopsBeforeItsLeaseRunsOutAndGivesTheRestBack() throws Exception {
        users.ensureExists(
                USER,
                "lease-password",
                new UserDraft("Lease manager", USER + "@lease.test", "en", true, Set.of(Role.MANAGER), Set.of()));
        relay.drain(); // nothing of other tests left due
        String run = Long.toString(System.nanoTime(), 36);
        transactions.executeWithoutResult(s -> IntStream.range(0, 10)
                .forEach(i -> notifications.notify(
                        Notice.of(NoticeKind.TASK_ASSIGNED, "lease:" + run + ":" + i)
                                .link("/team"),
                        List.of(USER))));

        try (SlowSmtp slow = SlowSmtp.before(MAIL.getSmtp().getPort(), 400)) {
            JavaMailSenderImpl sender = new JavaMailSenderImpl();
            sender.setHost("127.0.0.1");
            sender.setPort(slow.port());
            MailProperties leased = new MailProperties(
                    true,
                    properties.from(),
                    properties.domain(),
                    properties.baseUrl(),
                    properties.pollInterval(),
                    10,
                    Duration.ofSeconds(8),
                    properties.firstRetry(),
                    properties.maxRetryDelay(),
                    properties.maxAttempts());
            // A clock that runs, from the engine's "now" on: the lease is measured in real seconds.
            Clock running = Clock.offset(Clock.systemUTC(), Duration.between(Instant.now(), START));
            MailRelay slowRelay =
                    new MailRelay(outbox, notices, users, renderer, sender, leased, transactions, running, metrics);

            int sent = slowRelay.sendDue();

            assertThat(sent).as("stopped before the lease ran out").isBetween(1, 9);
            assertThat(mine("status = 'SENT'")).isEqualTo(sent);
            assertThat(mine("status = 'PENDING' and claimed_by is null and attempts = 0"))
                    .as("given back, due at once, not counted as an attempt")
                    .isEqualTo(10 - sent);
        }
        relay.drain();
        assertThat(mine("status = 'SENT'")).isEqualTo(10);
        List<String> ids = Arrays.stream(MAIL.getReceivedMessagesForDomain(USER + "@lease.test"))
                .map(m -> {
                    try {
                        return m.getMessageID();
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                })
                .toList();
        assertThat(ids).as("each of the ten mails once").hasSize(10).doesNotHaveDuplicates();
    }

    private int mine(String condition) {
        return jdbc.sql("select count(*) from mail_outbox where username = ? and " + condition)
                .param(USER)
                .query(Integer.class)
                .single();
    }
}
