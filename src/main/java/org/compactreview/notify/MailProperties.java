package org.compactreview.notify;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Mail is off in the default run (notices show in the bell only), on in docker-compose (Mailpit)
 * and in tests (GreenMail). The relay sends up to {@code batchSize} mails per round every
 * {@code pollInterval}; a claimed mail is another node's to send again once {@code claimLease}
 * has passed (its node died mid-send); a failed send is tried again after {@code firstRetry},
 * doubling up to {@code maxRetryDelay}, and becomes an incident after {@code maxAttempts}.
 * {@code domain} ends every Message-ID; {@code baseUrl} starts every link in a mail.
 */
@ConfigurationProperties("compact-review.mail")
record MailProperties(
        @DefaultValue("false") boolean enabled,
        @DefaultValue("no-reply@compact-review.invalid") String from,
        @DefaultValue("compact-review.invalid") String domain,
        @DefaultValue("http://localhost:8080") String baseUrl,
        @DefaultValue("PT2S") Duration pollInterval,
        @DefaultValue("50") int batchSize,
        @DefaultValue("PT2M") Duration claimLease,
        @DefaultValue("PT30S") Duration firstRetry,
        @DefaultValue("PT1H") Duration maxRetryDelay,
        @DefaultValue("8") int maxAttempts) {

    /** How long after attempt {@code attempts} (1 = the first) the next one waits. */
    Duration retryDelay(int attempts) {
        Duration delay = firstRetry;
        for (int i = 1; i < attempts && delay.compareTo(maxRetryDelay) < 0; i++) {
            delay = delay.multipliedBy(2);
        }
        return delay.compareTo(maxRetryDelay) > 0 ? maxRetryDelay : delay;
    }
}
