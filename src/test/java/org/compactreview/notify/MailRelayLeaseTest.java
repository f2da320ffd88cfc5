package org.compactreview.notify;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.ArgumentMatchers.anyBoolean;
import static org.mockito.ArgumentMatchers.anyInt;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.ArgumentMatchers.eq;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;
import org.compactreview.identity.AppUser;
import org.compactreview.identity.Role;
import org.compactreview.identity.UserDirectory;
import org.junit.jupiter.api.Test;
import org.mockito.ArgumentCaptor;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionStatus;
import org.springframework.transaction.support.SimpleTransactionStatus;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A round of the relay slower than its lease would let another node claim and send the same
 * mails while this one is still sending them (MailRelayFaultIT found it with a slow server). The
 * round stops with a quarter of its lease left and gives the rest of its batch back.
 */
class MailRelayLeaseTest {

    private static final Instant T0 = Instant.parse("2027-01-10T09:00:00Z");

    @Test
    void aRoundStopsBeforeItsLeaseRunsOutAndGivesTheRestBack() throws Exception {
        MailOutbox outbox = mock(MailOutbox.class);
        List<MailOutbox.Claimed> batch = IntStream.range(0, 10)
                .mapToObj(i -> new MailOutbox.Claimed(i, "<m" + i + "@test>", "fp-lease", (long) i, 1))
                .toList();
        when(outbox.claim(anyString(), any(), any(), anyInt())).thenReturn(batch);
        when(outbox.noticeIds(any())).thenReturn(List.of(1L));
        NoticeRepository notices = mock(NoticeRepository.class);
        when(notices.byIds(any())).thenReturn(List.of(mock(StoredNotice.class)));
        UserDirectory users = mock(UserDirectory.class);
        when(users.find("fp-lease"))
                .thenReturn(Optional.of(new AppUser(
                        "fp-lease",
                        "Lease",
                        "fp-lease@lease.test",
                        true,
                        "en",
                        java.util.Set.of(Role.MANAGER),
                        java.util.Set.of())));
        MailRenderer renderer = mock(MailRenderer.class);
        when(renderer.render(any(), any(), anyBoolean()))
                .thenReturn(new MailContent("fp-lease@lease.test", "Subject", "Text", "<p>Html</p>", null));
        JavaMailSender sender = mock(JavaMailSender.class);
        when(sender.createMimeMessage()).thenAnswer(i -> new MimeMessage(Session.getInstance(new Properties())));
        // An 8 s lease: the round may start sending until 6 s; every look at the clock is 1 s later.
        MailProperties properties = new MailProperties(
                true,
                "no-reply@lease.test",
                "lease.test",
                "http://localhost",
                Duration.ofSeconds(1),
                10,
                Duration.ofSeconds(8),
                Duration.ofSeconds(30),
                Duration.ofHours(1),
                8);
        MailRelay relay = new MailRelay(
                outbox,
                notices,
                users,
                renderer,
                sender,
                properties,
                new TransactionTemplate(new NoTransactions()),
                new SlowClock(),
                new SimpleMeterRegistry());

        int sent = relay.sendDue();

        // Clock: 0 s the claim; each mail 1 s for the check (not the first) and 1 s for its outcome.
        assertThat(sent).isEqualTo(3);
        verify(sender, times(3)).send(any(MimeMessage.class));
        @SuppressWarnings("unchecked")
        ArgumentCaptor<List<MailOutbox.Claimed>> released = ArgumentCaptor.forClass(List.class);
        verify(outbox).release(released.capture(), anyString());
        assertThat(released.getValue()).extracting(MailOutbox.Claimed::id).containsExactly(3L, 4L, 5L, 6L, 7L, 8L, 9L);
        verify(outbox, times(3)).sent(any(), anyString(), any());
        verify(outbox).claim(anyString(), eq(T0), eq(T0.plusSeconds(8)), eq(10));
    }

    /** A clock one second later at every look. */
    private static final class SlowClock extends Clock {
        private final AtomicInteger looks = new AtomicInteger();

        @Override
        public Instant instant() {
            return T0.plusSeconds(looks.getAndIncrement());
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }
    }

    private static final class NoTransactions implements PlatformTransactionManager {
        @Override
        public TransactionStatus getTransaction(TransactionDefinition definition) {
            return new SimpleTransactionStatus();
        }

        @Override
        public void commit(TransactionStatus status) {}

        @Override
        public void rollback(TransactionStatus status) {}
    }
}
