package org.compactreview.fault;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.mail.BodyPart;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.awaitility.Awaitility;
import org.compactreview.support.fault.Api;
import org.compactreview.support.fault.AppNode;
import org.compactreview.support.fault.FaultTest;
import org.compactreview.support.fault.ReviewWork;
import org.compactreview.support.fault.SlowSmtp;
import org.junit.jupiter.api.Test;

/**
 * Two nodes send one outbox; node b's mail goes through a slow line ({@link SlowSmtp}, each answer
 * of the server 60 ms late, so a batch of ten takes seconds) and b is killed with SIGKILL while it
 * holds claimed, unsent mails and is in the middle of an SMTP dialogue. The backlog: an annual cycle
 * for all 193 member states with its reminders due at once (a "cycle opened" and a reminder mail per
 * member state for their focal point, and for the demo focal points of Egypt, Jordan and Morocco).
 * Node a takes over b's claims once their lease (10 s here) has run out. Then every mail of the
 * outbox has arrived at its recipient, counted by Message-ID; a Message-ID that arrived twice (the
 * at-least-once window: b died after the server accepted a mail and before the outbox heard) is
 * the same mail both times; nothing is left to send.
 */
class MailRelayFaultIT extends FaultTest {

    private static final Map<String, String> MAIL_SETTINGS = Map.of(
            "compact-review.mail.claim-lease", "PT10S",
            "compact-review.mail.batch-size", "10",
            "compact-review.mail.poll-interval", "PT1S");

    @Test
    void aNodeKilledMidSendLeavesEachMailDeliveredOnceByMessageId() throws Exception {
        try (SlowSmtp slowLine = SlowSmtp.before(mail.getSmtp().getPort(), 60)) {
            AppNode a = node("node-a", mail.getSmtp().getPort(), MAIL_SETTINGS).start();
            AppNode b = node("node-b", slowLine.port(), MAIL_SETTINGS).start();
            String claimsOfB = b.pid() + "@%";
            Api api = new Api(List.of(a, b));

            ReviewWork work =
                    cycleForAllMemberStates(api, "mail-kill", Instant.now().plusSeconds(1));

            // Mid-send: b holds at least three claimed, unsent mails and talks to the server now.
            Awaitility.await("node b holding claimed mails, mid-send")
                    .atMost(Duration.ofMinutes(2))
                    .pollInterval(Duration.ofMillis(50))
                    .until(() -> heldBy(claimsOfB) >= 3 && slowLine.open() > 0);
            b.kill();
            List<Long> heldWhenKilled = db().sql(
                            "select id from mail_outbox where status = 'PENDING' and claimed_by like ? order by id")
                    .param(claimsOfB)
                    .query(Long.class)
                    .list();
            assertThat(heldWhenKilled).as("the killed node held claims").isNotEmpty();
            int dialoguesOfB = slowLine.dialogues();

            Awaitility.await("every notice written and every mail sent")
                    .atMost(Duration.ofMinutes(2))
                    .pollInterval(Duration.ofMillis(500))
                    .until(() -> notices(work.cycleId(), "CYCLE_OPENED") >= 193
                            && notices(work.cycleId(), "DUE_REMINDER") >= 193
                            && count("select count(*) from mail_outbox where status = 'PENDING'") == 0);

            Map<String, String> expected = expectedMails();
            assertThat(expected.size()).as("a backlog of several hundred mails").isGreaterThanOrEqualTo(2 * 193);
            assertThat(db().sql("select status, count(*) from mail_outbox group by status")
                            .query((rs, n) -> rs.getString(1))
                            .list())
                    .as("every mail sent, none failed or skipped")
                    .containsExactly("SENT");
            assertThat(db().sql("select count(*) from mail_outbox where id in (:ids) and attempts >= 2")
                            .param("ids", heldWhenKilled)
                            .query(Integer.class)
                            .single())
                    .as("what b held was claimed again by a after the lease")
                    .isEqualTo(heldWhenKilled.size());

            Map<String, List<MimeMessage>> received = receivedByRecipientAndId();
            assertThat(received.keySet())
                    .as("each expected Message-ID present at its recipient, and nothing else")
                    .containsExactlyInAnyOrderElementsOf(expected.keySet());
            int duplicates = 0;
            for (Map.Entry<String, List<MimeMessage>> copies : received.entrySet()) {
                List<MimeMessage> same = copies.getValue();
                duplicates += same.size() - 1;
                for (MimeMessage copy : same) {
                    assertThat(content(copy))
                            .as("one Message-ID, one mail: %s", copies.getKey())
                            .isEqualTo(content(same.get(0)));
                }
            }
            int claimedTwice = count("select count(*) from mail_outbox where attempts >= 2");
            System.out.printf(
                    "mail relay fault: %d mails expected, %d received (%d raw duplicates by Message-ID);"
                            + " b killed holding %d claimed mails after %d SMTP dialogues through its line;"
                            + " %d mails claimed more than once; outbox %s%n",
                    expected.size(),
                    received.values().stream().mapToInt(List::size).sum(),
                    duplicates,
                    heldWhenKilled.size(),
                    dialoguesOfB,
                    claimedTwice,
                    statuses());
        }
    }

    private int heldBy(String claimedBy) {
        return db().sql("select count(*) from mail_outbox where status = 'PENDING' and claimed_by like ?")
                .param(claimedBy)
                .query(Integer.class)
                .single();
    }

    private int notices(long cycleId, String kind) {
        return db().sql("select count(*) from notice where cycle_id = ? and kind = ? and username = ?")
                .params(cycleId, kind, ReviewWork.FOCAL_POINT)
                .query(Integer.class)
                .single();
    }

    private int count(String sql) {
        return db().sql(sql).query(Integer.class).single();
    }

    /** Every mail of the outbox, as "address Message-ID" of its recipient. */
    private Map<String, String> expectedMails() {
        Map<String, String> expected = new HashMap<>();
        db().sql("select u.email, o.message_id from mail_outbox o join app_user u on u.username = o.username")
                .query((rs, n) -> expected.put(rs.getString(1).toLowerCase() + " " + rs.getString(2), rs.getString(2)))
                .list();
        return expected;
    }

    /** What GreenMail holds (one copy per recipient), grouped as "address Message-ID". */
    private Map<String, List<MimeMessage>> receivedByRecipientAndId() throws MessagingException {
        Map<String, List<MimeMessage>> received = new TreeMap<>();
        for (MimeMessage message : mail.getReceivedMessages()) {
            String to = ((InternetAddress) message.getRecipients(Message.RecipientType.TO)[0])
                    .getAddress()
                    .toLowerCase();
            received.computeIfAbsent(to + " " + message.getMessageID(), k -> new ArrayList<>())
                    .add(message);
        }
        return received;
    }

    /** What a reader sees of a mail: its subject and its parts (not the MIME boundaries or the date). */
    private static String content(MimeMessage message) {
        try {
            StringBuilder seen = new StringBuilder(message.getSubject());
            parts(message, seen);
            return seen.toString();
        } catch (MessagingException | IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void parts(Part part, StringBuilder seen) throws MessagingException, IOException {
        Object body = part.getContent();
        if (body instanceof Multipart multipart) {
            for (int i = 0; i < multipart.getCount(); i++) {
                BodyPart inside = multipart.getBodyPart(i);
                parts(inside, seen);
            }
        } else {
            seen.append('\n').append(part.getContentType()).append('\n').append(body);
        }
    }

    private Map<String, Integer> statuses() {
        Map<String, Integer> byStatus = new TreeMap<>();
        db().sql("select status, count(*) from mail_outbox group by status")
                .query((rs, n) -> byStatus.put(rs.getString(1), rs.getInt(2)))
                .list();
        return byStatus;
    }
}
