package org.compactreview.notify;

import static org.compactreview.notify.NoticeRepository.ts;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The mails that wait for a user's choice: the held ones their daily digest gathers, and those a
 * change of settings releases or drops (tables mail_outbox and notification_settings, V27).
 */
@Repository
class DigestRepository {

    /** A user with held mails, and when their digest is due. */
    record Waiting(String username, Delivery delivery, ZoneId timeZone, int digestHour, LocalDate lastDigestOn) {}

    private final JdbcClient jdbc;

    DigestRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Every user with held mails (a partial index holds exactly those rows). */
    List<Waiting> usersWithHeldMails() {
        return jdbc.sql(
                        """
                        select s.username, s.delivery, s.time_zone, s.digest_hour, s.last_digest_on
                        from notification_settings s
                        where exists (select 1 from mail_outbox m where m.username = s.username and m.status = 'HELD')
                        order by s.username
                        """)
                .query((rs, n) -> new Waiting(
                        rs.getString("username"),
                        Delivery.valueOf(rs.getString("delivery")),
                        ZoneId.of(rs.getString("time_zone")),
                        rs.getInt("digest_hour"),
                        rs.getObject("last_digest_on", LocalDate.class)))
                .list();
    }

    /**
     * The user's row locked until the transaction ends, as it stands now: two nodes running the
     * digest at once queue each other here, and the second sees the first one's {@code last_digest_on}.
     */
    Optional<Waiting> lock(String username) {
        return jdbc.sql(
                        """
                        select username, delivery, time_zone, digest_hour, last_digest_on from notification_settings
                        where username = ? for update
                        """)
                .param(username)
                .query((rs, n) -> new Waiting(
                        rs.getString("username"),
                        Delivery.valueOf(rs.getString("delivery")),
                        ZoneId.of(rs.getString("time_zone")),
                        rs.getInt("digest_hour"),
                        rs.getObject("last_digest_on", LocalDate.class)))
                .optional();
    }

    /** Queues the digest mail (no notice of its own) and moves every held mail of the user into it. */
    int gather(String username, String messageId, LocalDate day, Instant now) {
        boolean held = jdbc.sql("select exists (select 1 from mail_outbox where username = ? and status = 'HELD')")
                .param(username)
                .query(Boolean.class)
                .single();
        if (!held) {
            return 0; // released meanwhile (the user left the digest)
        }
        Optional<Long> digest = jdbc.sql(
                        """
                        insert into mail_outbox (message_id, username, notice_id, status, next_attempt_at, created_at)
                        values (?, ?, null, 'PENDING', ?, ?)
                        on conflict on constraint mail_outbox_message_once do nothing
                        returning id
                        """)
                .params(messageId, username, ts(now), ts(now))
                .query(Long.class)
                .optional();
        // A digest of this day exists already: the day is done, its held mails wait for the next.
        int items = digest.isEmpty()
                ? 0
                : jdbc.sql(
                                "update mail_outbox set status = 'DIGESTED', digest_id = ? where username = ? and status = 'HELD'")
                        .params(digest.get(), username)
                        .update();
        jdbc.sql("update notification_settings set last_digest_on = ? where username = ?")
                .params(day, username)
                .update();
        return items;
    }

    /** A user who left the digest: their held mails go out at once, each as its own mail. */
    int releaseHeld(String username, Instant now) {
        return jdbc.sql(
                        "update mail_outbox set status = 'PENDING', next_attempt_at = ? where username = ? and status = 'HELD'")
                .params(ts(now), username)
                .update();
    }

    /**
     * A user who turned reminders off: the reminder mails not sent yet are dropped (a mail being
     * sent this moment, claimed by a node, is left to finish).
     */
    int dropOptional(String username, List<String> optionalKinds) {
        if (optionalKinds.isEmpty()) {
            return 0;
        }
        String kinds = String.join(",", optionalKinds.stream().map(k -> "?").toList());
        List<Object> params = new java.util.ArrayList<>();
        params.add(username);
        params.add(username);
        params.addAll(optionalKinds);
        return jdbc.sql(
                        """
                        update mail_outbox set status = 'SKIPPED', last_error = 'reminders turned off'
                        where username = ? and status in ('HELD', 'PENDING') and claimed_by is null
                          and notice_id in (select id from notice where username = ? and kind in (%s))
                        """
                                .formatted(kinds))
                .params(params)
                .update();
    }
}
