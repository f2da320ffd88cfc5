package org.compactreview.notify;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.Date;
import org.compactreview.cycle.ReviewCycle;
import org.compactreview.identity.UserDirectory;
import org.compactreview.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The mail counters count what the mail server did: each reminder mail GreenMail accepts counts as
 * sent, one per focal point with an address; the outbox then holds nothing more to send.
 */
class MailMetricsIT extends IntegrationTest {

    @Autowired
    SubmissionReminder reminder;

    @Autowired
    MailRelay relay;

    @Autowired
    UserDirectory users;

    @Autowired
    MeterRegistry metrics;

    @Autowired
    Clock clock;

    @Test
    void acceptedMailCountsAsSent() {
        ReviewCycle cycle = openAnnualReview("mail-metrics", "EGY");
        relay.drain();
        long focalPoints = users.focalPointRecipients("EGY").size();
        double sentBefore = count("compact_review_mails_sent");
        int mailsBefore = MAIL.getReceivedMessages().length;
        int reminded = reminder.remind(cycle.id(), "EGY", Date.from(clock.instant()), null)
                .reminded();
        // Told: every enabled focal point (the bell); mailed: those with an address.
        assertThat(reminded).isGreaterThanOrEqualTo((int) focalPoints).isPositive();
        // Other tests' mails may still wait in the shared outbox: the counter counts each accepted one.
        int accepted = relay.drain();
        assertThat(accepted).isGreaterThanOrEqualTo((int) focalPoints);
        assertThat(MAIL.getReceivedMessages().length - mailsBefore).isEqualTo(accepted);
        assertThat(count("compact_review_mails_sent") - sentBefore).isEqualTo(accepted);
        assertThat(metrics.get("compact_review_mail_backlog").gauge().value()).isZero();
    }

    private double count(String name) {
        return metrics.get(name).counter().count();
    }
}
