package org.compactreview.notify;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Sends the outbox on every node that runs background work, like Camunda's job executor: the
 * tests switch both off and call {@link MailRelay#drain()} themselves.
 */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
@ConditionalOnProperty(name = "camunda.bpm.job-execution.enabled", havingValue = "true", matchIfMissing = true)
class MailRelaySchedule {

    private final MailRelay relay;

    MailRelaySchedule(MailRelay relay) {
        this.relay = relay;
    }

    @Scheduled(
            fixedDelayString = "${compact-review.mail.poll-interval:PT2S}",
            initialDelayString = "${compact-review.mail.poll-interval:PT2S}")
    void sendDueMails() {
        relay.drain();
    }
}
