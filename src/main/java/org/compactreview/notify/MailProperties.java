package org.compactreview.notify;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Mail is off in the default run (reminders are logged instead), on in docker-compose (Mailpit)
 * and in tests (GreenMail).
 */
@ConfigurationProperties("compact-review.mail")
record MailProperties(
        @DefaultValue("false") boolean enabled, @DefaultValue("no-reply@compact-review.invalid") String from) {}
