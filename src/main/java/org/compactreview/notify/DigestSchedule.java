package org.compactreview.notify;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Runs the daily digest every {@code compact-review.mail.digest-interval} (a minute) on every node
 * that runs background work, like {@link MailRelaySchedule}: the nodes share the work safely (a
 * row lock per user, one Message-ID per user and day). The tests switch it off and call {@link
 * Digests#sendDue()} themselves.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnProperty(name = "camunda.bpm.job-execution.enabled", havingValue = "true", matchIfMissing = true)
class DigestSchedule {

    private final Digests digests;

    DigestSchedule(Digests digests) {
        this.digests = digests;
    }

    @Scheduled(
            fixedDelayString = "${compact-review.mail.digest-interval:PT1M}",
            initialDelayString = "${compact-review.mail.digest-interval:PT1M}")
    void queueDueDigests() {
        digests.sendDue();
    }
}
