package org.compactreview.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.doThrow;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.compactreview.framework.FrameworkCatalog;
import org.compactreview.identity.Recipient;
import org.compactreview.identity.UserDirectory;
import org.compactreview.report.ReportService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.StaticMessageSource;
import org.springframework.mail.MailSendException;
import org.springframework.mail.SimpleMailMessage;
import org.springframework.mail.javamail.JavaMailSender;

/**
 * The mail counters: a message the server refuses counts as failed (and the send still throws, so
 * the job retries and ends as an incident); one it accepts counts as sent, one per language. The
 * sent counter against a real mail server: OperatorMetricsIT.
 */
class SubmissionReminderMetricsTest {

    private final ReportService reports = mock(ReportService.class);
    private final UserDirectory users = mock(UserDirectory.class);
    private final FrameworkCatalog framework = mock(FrameworkCatalog.class);
    private final JavaMailSender mail = mock(JavaMailSender.class);
    private final SimpleMeterRegistry metrics = new SimpleMeterRegistry();
    private SubmissionReminder reminder;

    @BeforeEach
    void setUp() {
        StaticMessageSource messages = new StaticMessageSource();
        messages.setUseCodeAsDefaultMessage(true);
        when(reports.awaitingFirstSubmission(1L, "EGY")).thenReturn(true);
        when(users.focalPointRecipients("EGY"))
                .thenReturn(List.of(new Recipient("a@demo.invalid", "en"), new Recipient("b@demo.invalid", "ar")));
        when(framework.participant("EGY")).thenReturn(Optional.empty());
        reminder = new SubmissionReminder(
                reports, users, framework, mail, new MailProperties(true, "no-reply@demo.invalid"), messages, metrics);
    }

    @Test
    void acceptedMessagesCountAsSentOnePerLanguage() {
        reminder.remind(1L, "EGY", new Date());

        assertThat(metrics.counter("compact_review_mails_sent").count()).isEqualTo(2);
        assertThat(metrics.counter("compact_review_mails_failed").count()).isZero();
    }

    @Test
    void aRefusedMessageCountsAsFailedAndStillFailsTheJob() {
        doThrow(new MailSendException("550 refused")).when(mail).send(any(SimpleMailMessage.class));

        assertThatThrownBy(() -> reminder.remind(1L, "EGY", new Date())).isInstanceOf(MailSendException.class);

        assertThat(metrics.counter("compact_review_mails_failed").count()).isEqualTo(1);
        assertThat(metrics.counter("compact_review_mails_sent").count()).isZero();
    }
}
