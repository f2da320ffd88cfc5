package org.compactreview.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micrometer.core.instrument.MeterRegistry;
import java.net.ServerSocket;
import java.util.Date;
import org.compactreview.cycle.ReviewCycle;
import org.compactreview.framework.FrameworkCatalog;
import org.compactreview.identity.UserDirectory;
import org.compactreview.report.ReportService;
import org.compactreview.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;
import org.springframework.mail.MailSendException;
import org.springframework.mail.javamail.JavaMailSenderImpl;

/**
 * The mail counters count what the mail server did: a reminder that GreenMail accepts counts as
 * sent, one message per language of its recipients; one whose server cannot be reached (a real
 * SMTP client sending to a port nobody listens on) counts as failed and still fails, so that its
 * job is retried and ends as an incident.
 */
class MailMetricsIT extends IntegrationTest {

    @Autowired
    SubmissionReminder reminder;

    @Autowired
    ReportService reports;

    @Autowired
    UserDirectory users;

    @Autowired
    FrameworkCatalog framework;

    @Autowired
    MailProperties properties;

    @Autowired
    MessageSource messages;

    @Autowired
    MeterRegistry metrics;

    @Test
    void acceptedMailCountsAsSentAndUnreachableMailAsFailed() throws Exception {
        ReviewCycle cycle = openAnnualReview("mail-metrics", "EGY");
        long languages = users.focalPointRecipients("EGY").stream()
                .map(r -> r.locale() == null ? "en" : r.locale())
                .distinct()
                .count();
        double sentBefore = count("compact_review_mails_sent");
        int mailsBefore = MAIL.getReceivedMessages().length;
        assertThat(reminder.remind(cycle.id(), "EGY", new Date())).isPositive();
        assertThat(MAIL.getReceivedMessages().length).isGreaterThan(mailsBefore);
        assertThat(count("compact_review_mails_sent") - sentBefore).isEqualTo(languages);

        JavaMailSenderImpl unreachable = new JavaMailSenderImpl();
        unreachable.setHost("127.0.0.1");
        unreachable.setPort(closedPort());
        SubmissionReminder broken =
                new SubmissionReminder(reports, users, framework, unreachable, properties, messages, metrics);
        double failedBefore = count("compact_review_mails_failed");
        double sentAfterFirst = count("compact_review_mails_sent");
        assertThatThrownBy(() -> broken.remind(cycle.id(), "EGY", new Date())).isInstanceOf(MailSendException.class);
        assertThat(count("compact_review_mails_failed") - failedBefore).isEqualTo(1);
        assertThat(count("compact_review_mails_sent")).isEqualTo(sentAfterFirst);
    }

    private double count(String name) {
        return metrics.get(name).counter().count();
    }

    /** A port that was free a moment ago and is closed now: connecting to it is refused. */
    private static int closedPort() throws Exception {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
