package org.compactreview.notify;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.compactreview.framework.FrameworkCatalog;
import org.compactreview.framework.Participant;
import org.compactreview.identity.Recipient;
import org.compactreview.identity.UserDirectory;
import org.compactreview.report.ReportService;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.MessageSource;
import org.springframework.mail.MailException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.stereotype.Service;

/**
 * Reminds a participant's focal points that their report is due, each in the language they chose.
 * Only reports never submitted are reminded: a report returned for revision already told its focal
 * points by the return.
 */
@Service
public class SubmissionReminder {

    private static final Logger log = LoggerFactory.getLogger(SubmissionReminder.class);

    private final ReportService reports;
    private final UserDirectory users;
    private final FrameworkCatalog framework;
    private final JavaMailSender mail;
    private final MailProperties properties;
    private final MessageSource messages;
    private final Counter sent;
    private final Counter failed;

    SubmissionReminder(
            ReportService reports,
            UserDirectory users,
            FrameworkCatalog framework,
            JavaMailSender mail,
            MailProperties properties,
            MessageSource messages,
            MeterRegistry metrics) {
        this.reports = reports;
        this.users = users;
        this.framework = framework;
        this.mail = mail;
        this.properties = properties;
        this.messages = messages;
        // One message per language; a failed send throws on, so the job retries and ends as an incident.
        this.sent = Counter.builder("compact_review_mails_sent")
                .description("Mail messages the mail server accepted")
                .register(metrics);
        this.failed = Counter.builder("compact_review_mails_failed")
                .description("Mail messages the mail server refused or could not be reached for")
                .register(metrics);
    }

    /** Returns how many recipients were reminded; each in the language they chose (default English). */
    public int remind(long cycleId, String participantCode, java.util.Date due) {
        if (!reports.awaitingFirstSubmission(cycleId, participantCode)) {
            return 0;
        }
        List<Recipient> recipients = users.focalPointRecipients(participantCode);
        String name =
                framework.participant(participantCode).map(Participant::name).orElse(participantCode);
        if (!properties.enabled()) {
            log.info(
                    "Reminder for {} (cycle {}) to {} recipients not sent: mail is disabled",
                    name,
                    cycleId,
                    recipients.size());
            return 0;
        }
        Map<String, List<String>> byLanguage = recipients.stream()
                .collect(Collectors.groupingBy(
                        r -> r.locale() == null ? "en" : r.locale(),
                        TreeMap::new,
                        Collectors.mapping(Recipient::email, Collectors.toList())));
        byLanguage.forEach((language, emails) -> {
            Locale locale = Locale.forLanguageTag(language);
            // The participant named in the mail's language, as pages name it (docs/i18n-names.md).
            String named = framework
                    .participant(participantCode, locale)
                    .map(Participant::name)
                    .orElse(participantCode);
            String dueText = DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG)
                    .withLocale(locale)
                    .withZone(ZoneOffset.UTC)
                    .format(due.toInstant());
            SimpleMailMessage message = new SimpleMailMessage();
            message.setFrom(properties.from());
            message.setTo(emails.toArray(String[]::new));
            message.setSubject(messages.getMessage("mail.reminder.subject", new Object[] {named}, locale));
            message.setText(messages.getMessage("mail.reminder.body", new Object[] {named, dueText}, locale));
            try {
                mail.send(message);
            } catch (MailException e) {
                failed.increment();
                throw e;
            }
            sent.increment();
        });
        return recipients.size();
    }
}
