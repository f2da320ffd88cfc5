package org.compactreview.notify;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.compactreview.identity.AppUser;
import org.compactreview.identity.UserDirectory;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.mail.MailException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Sends the outbox's due mails, on every node, after the transactions that wrote them committed.
 * A round claims a batch (row locks with SKIP LOCKED, so two nodes never claim the same mail, and a
 * lease, so that a mail whose node died mid-send is sent again by another), sends each mail with
 * its own Message-ID, and writes each outcome in a transaction of its own. A refused or unreachable
 * server means a retry later, with back-off; after the last attempt the mail is FAILED, an incident
 * the operators see (metric {@code compact_review_mail_incidents}, the admin page, the log).
 *
 * <p>The guarantee: each notice's mail is sent at least once and carries one Message-ID whatever
 * happens, so that it is delivered once as its receiver counts (docs/reliability.md). Sending it
 * exactly once over SMTP is impossible: a node can die after the server accepted the mail and
 * before the outbox heard of it.
 */
@Service
public class MailRelay {

    private static final Logger log = LoggerFactory.getLogger(MailRelay.class);
    private static final int MAX_ERROR = 500;

    private final MailOutbox outbox;
    private final NoticeRepository notices;
    private final UserDirectory users;
    private final MailRenderer renderer;
    private final JavaMailSender sender;
    private final MailProperties properties;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final String node;
    private final Counter sent;
    private final Counter failed;
    private final Counter incidents;

    MailRelay(
            MailOutbox outbox,
            NoticeRepository notices,
            UserDirectory users,
            MailRenderer renderer,
            JavaMailSender sender,
            MailProperties properties,
            TransactionTemplate transactions,
            Clock clock,
            MeterRegistry metrics) {
        this.outbox = outbox;
        this.notices = notices;
        this.users = users;
        this.renderer = renderer;
        this.sender = sender;
        this.properties = properties;
        this.transactions = transactions;
        this.clock = clock;
        this.node = ManagementFactory.getRuntimeMXBean().getName();
        this.sent = Counter.builder("compact_review_mails_sent")
                .description("Mail messages the mail server accepted")
                .register(metrics);
        this.failed = Counter.builder("compact_review_mails_failed")
                .description("Mail sends the mail server refused or could not be reached for (each attempt)")
                .register(metrics);
        this.incidents = Counter.builder("compact_review_mail_incidents")
                .description("Mails given up after their last attempt, left for an operator")
                .register(metrics);
        Gauge.builder("compact_review_mail_backlog", outbox, o -> o.counts().get(MailStatus.PENDING))
                .description("Mails waiting in the outbox to be sent")
                .register(metrics);
    }

    /** One round: sends the mails due now, at most a batch. Returns how many the server accepted. */
    public int sendDue() {
        return round()[1];
    }

    /**
     * Rounds until no mail is due: for tests and the benchmark. A mail that fails waits for its
     * retry time, so this ends with the server down too. Returns how many the server accepted.
     */
    public int drain() {
        int total = 0;
        for (int[] round = round(); round[0] > 0; round = round()) {
            total += round[1];
        }
        return total;
    }

    /** How many mails this round claimed, and how many of them the server accepted. */
    private int[] round() {
        if (!properties.enabled()) {
            return new int[] {0, 0};
        }
        Instant now = clock.instant();
        Instant until = now.plus(properties.claimLease());
        List<MailOutbox.Claimed> claimed =
                transactions.execute(status -> outbox.claim(node, now, until, properties.batchSize()));
        // A claim whose lease ran out is another node's to send: a round slower than its lease (a
        // slow server) would have two nodes send the same mails. The round stops with a quarter of
        // the lease left and gives the rest back (MailRelayFaultIT found the window).
        Instant stopAt = until.minus(properties.claimLease().dividedBy(4));
        int accepted = 0;
        for (int i = 0; i < claimed.size(); i++) {
            if (i > 0 && !clock.instant().isBefore(stopAt)) {
                List<MailOutbox.Claimed> rest = claimed.subList(i, claimed.size());
                transactions.executeWithoutResult(s -> outbox.release(rest, node));
                break;
            }
            if (send(claimed.get(i))) {
                accepted++;
            }
        }
        return new int[] {claimed.size(), accepted};
    }

    private boolean send(MailOutbox.Claimed mail) {
        Optional<AppUser> user = users.find(mail.username()).filter(AppUser::enabled);
        if (user.isEmpty() || user.get().email() == null || user.get().email().isBlank()) {
            transactions.executeWithoutResult(s -> outbox.skipped(mail, node, "no enabled recipient with an address"));
            return false;
        }
        // Asked again now: a user who lost a participant since the notice was written hears nothing more of it.
        List<StoredNotice> told = notices.byIds(outbox.noticeIds(mail)).stream()
                .filter(n -> Notifications.sees(user.get(), n.notice()))
                .toList();
        if (told.isEmpty()) {
            transactions.executeWithoutResult(s -> outbox.skipped(mail, node, "nothing to tell"));
            return false;
        }
        try {
            MailContent content = transactions.execute(s -> renderer.render(user.get(), told, mail.noticeId() == null));
            sender.send(message(mail.messageId(), content));
        } catch (MailException | MessagingException e) {
            failed.increment();
            String error = error(e);
            Instant now = clock.instant();
            if (mail.attempts() >= properties.maxAttempts()) {
                incidents.increment();
                log.error(
                        "Mail {} to {} given up after {} attempts: {}",
                        mail.id(),
                        mail.username(),
                        mail.attempts(),
                        error);
                transactions.executeWithoutResult(s -> outbox.failed(mail, node, error, now));
            } else {
                Instant next = now.plus(properties.retryDelay(mail.attempts()));
                log.warn(
                        "Mail {} to {} not sent (attempt {}), next at {}: {}",
                        mail.id(),
                        mail.username(),
                        mail.attempts(),
                        next,
                        error);
                transactions.executeWithoutResult(s -> outbox.retryAt(mail, node, next, error));
            }
            return false;
        }
        sent.increment();
        transactions.executeWithoutResult(s -> outbox.sent(mail, node, clock.instant()));
        return true;
    }

    private MimeMessage message(String messageId, MailContent content) throws MessagingException {
        MimeMessage message = sender.createMimeMessage();
        MimeMessageHelper helper = new MimeMessageHelper(message, true, StandardCharsets.UTF_8.name());
        helper.setFrom(properties.from());
        helper.setTo(content.to());
        helper.setSubject(content.subject());
        helper.setText(content.text(), content.html());
        // Kept by JavaMailSenderImpl through saveChanges: the one id of this mail, however often sent.
        message.setHeader("Message-ID", messageId);
        message.setHeader("Auto-Submitted", "auto-generated");
        if (content.unsubscribeUrl() != null) {
            message.setHeader("List-Unsubscribe", "<" + content.unsubscribeUrl() + ">");
            message.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
        }
        return message;
    }

    private static String error(Exception e) {
        String text = e.getClass().getSimpleName() + ": " + e.getMessage();
        return text.length() > MAX_ERROR ? text.substring(0, MAX_ERROR) : text;
    }
}
