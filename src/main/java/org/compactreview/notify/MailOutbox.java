package org.compactreview.notify;

import static org.compactreview.notify.NoticeRepository.ts;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The mail outbox (table mail_outbox, migration V27). */
@Repository
class MailOutbox {

    /** A mail claimed for sending: its row, its Message-ID, its recipient and which attempt this is. */
    record Claimed(long id, String messageId, String username, Long noticeId, int attempts) {}

    private final JdbcClient jdbc;

    MailOutbox(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Queues a mail; a Message-ID queued before is left alone (the same mail of the same event). */
    void queue(String messageId, String username, Long noticeId, MailStatus status, Instant now) {
        jdbc.sql(
                        """
                        insert into mail_outbox (message_id, username, notice_id, status, next_attempt_at, created_at)
                        values (?, ?, ?, ?, ?, ?)
                        on conflict on constraint mail_outbox_message_once do nothing
                        """)
                .params(messageId, username, noticeId, status.name(), ts(now), ts(now))
                .update();
    }

    /**
     * Claims up to {@code limit} mails due now for {@code node}, until {@code until}: mails claimed
     * by a node whose lease ran out (it died mid-send) are due again. Rows another node is claiming
     * at this moment are skipped, not waited for. Each claim counts as an attempt.
     */
    List<Claimed> claim(String node, Instant now, Instant until, int limit) {
        return jdbc
                .sql(
                        """
                        update mail_outbox set claimed_by = ?, claimed_until = ?, attempts = attempts + 1
                        where id in (
                            select id from mail_outbox
                            where status = 'PENDING' and next_attempt_at <= ?
                              and (claimed_until is null or claimed_until < ?)
                            order by next_attempt_at, id
                            limit ?
                            for update skip locked)
                        returning id, message_id, username, notice_id, attempts
                        """)
                .params(node, ts(until), ts(now), ts(now), limit)
                .query((rs, n) -> new Claimed(
                        rs.getLong("id"),
                        rs.getString("message_id"),
                        rs.getString("username"),
                        rs.getObject("notice_id", Long.class),
                        rs.getInt("attempts")))
                .list()
                .stream()
                .sorted(java.util.Comparator.comparingLong(Claimed::id))
                .toList();
    }

    /** The notices a mail tells: its own, or those a digest gathered. */
    List<Long> noticeIds(Claimed mail) {
        if (mail.noticeId() != null) {
            return List.of(mail.noticeId());
        }
        return jdbc.sql("select notice_id from mail_outbox where digest_id = ? and notice_id is not null order by id")
                .param(mail.id())
                .query(Long.class)
                .list();
    }

    /** The outcome of a send, written only while this node still holds the claim. */
    boolean sent(Claimed mail, String node, Instant now) {
        return finish(mail, node, "status = 'SENT', sent_at = ?, last_error = null", ts(now));
    }

    boolean skipped(Claimed mail, String node, String why) {
        return finish(mail, node, "status = 'SKIPPED', last_error = ?", why);
    }

    /** Given up after the last attempt: an incident, stamped with when (V34) for the operators' list. */
    boolean failed(Claimed mail, String node, String error, Instant now) {
        return jdbc.sql(
                                """
                        update mail_outbox set status = 'FAILED', last_error = ?, failed_at = ?, claimed_by = null,
                            claimed_until = null
                        where id = ? and claimed_by = ? and status = 'PENDING'
                        """)
                        .params(error, ts(now), mail.id(), node)
                        .update()
                == 1;
    }

    boolean retryAt(Claimed mail, String node, Instant at, String error) {
        return jdbc.sql(
                                """
                        update mail_outbox set next_attempt_at = ?, last_error = ?, claimed_by = null, claimed_until = null
                        where id = ? and claimed_by = ? and status = 'PENDING'
                        """)
                        .params(ts(at), error, mail.id(), node)
                        .update()
                == 1;
    }

    private boolean finish(Claimed mail, String node, String set, Object value) {
        return jdbc.sql(
                                "update mail_outbox set " + set
                                        + ", claimed_by = null, claimed_until = null where id = ? and claimed_by = ? and status = 'PENDING'")
                        .params(value, mail.id(), node)
                        .update()
                == 1;
    }

    /**
     * Gives back claims this node will not send in this round (its lease nearly over): due again
     * at once, for any node, and the claim not counted as an attempt.
     */
    void release(List<Claimed> mails, String node) {
        jdbc.sql(
                        """
                        update mail_outbox set claimed_by = null, claimed_until = null, attempts = attempts - 1
                        where id in (:ids) and claimed_by = :node and status = 'PENDING'
                        """)
                .param("ids", mails.stream().map(Claimed::id).toList())
                .param("node", node)
                .update();
    }

    /** A failed mail (an incident) goes back to the queue, to be sent at once with a fresh count. */
    boolean retryFailed(long id, Instant now) {
        return jdbc.sql(
                                "update mail_outbox set status = 'PENDING', attempts = 0, next_attempt_at = ? where id = ? and status = 'FAILED'")
                        .params(ts(now), id)
                        .update()
                == 1;
    }

    /** How many mails stand in each status: the operators' view (metrics, the admin page). */
    Map<MailStatus, Integer> counts() {
        Map<MailStatus, Integer> counts = new TreeMap<>();
        for (MailStatus status : MailStatus.values()) {
            counts.put(status, 0);
        }
        jdbc.sql("select status, count(*) from mail_outbox group by status")
                .query((rs, n) -> counts.put(MailStatus.valueOf(rs.getString(1)), rs.getInt(2)))
                .list();
        return counts;
    }

    /** When the backlog's oldest mail was due: how far behind sending is (empty: nothing waits). */
    java.util.Optional<Instant> oldestDue() {
        return jdbc.sql("select min(next_attempt_at) from mail_outbox where status = 'PENDING'")
                .query((rs, n) -> rs.getTimestamp(1))
                .optional()
                .filter(java.util.Objects::nonNull)
                .map(java.sql.Timestamp::toInstant);
    }

    /** A page of the incidents (FAILED), newest first; never the mail's content. */
    List<MailIncident> incidents(int offset, int limit) {
        return jdbc.sql(
                        """
                        select id, username, coalesce(failed_at, next_attempt_at) as failed_at, attempts, last_error
                        from mail_outbox where status = 'FAILED'
                        order by failed_at desc nulls last, id desc
                        offset ? limit ?
                        """)
                .params(offset, limit)
                .query((rs, n) -> new MailIncident(
                        rs.getLong("id"),
                        rs.getString("username"),
                        rs.getTimestamp("failed_at").toInstant(),
                        rs.getInt("attempts"),
                        MailIncident.shorten(rs.getString("last_error"))))
                .list();
    }

    /** The incident {@code id}, if it is one (a FAILED mail). */
    java.util.Optional<MailIncident> incident(long id) {
        return jdbc.sql(
                        """
                        select id, username, coalesce(failed_at, next_attempt_at) as failed_at, attempts, last_error
                        from mail_outbox where id = ? and status = 'FAILED'
                        """)
                .param(id)
                .query((rs, n) -> new MailIncident(
                        rs.getLong("id"),
                        rs.getString("username"),
                        rs.getTimestamp("failed_at").toInstant(),
                        rs.getInt("attempts"),
                        MailIncident.shorten(rs.getString("last_error"))))
                .optional();
    }

    boolean exists(long id) {
        return jdbc.sql("select count(*) from mail_outbox where id = ?")
                        .param(id)
                        .query(Integer.class)
                        .single()
                > 0;
    }

    /** Every incident back to the queue at once, each with a fresh count; returns their ids. */
    List<Long> retryAllFailed(Instant now) {
        return jdbc.sql(
                        """
                        update mail_outbox set status = 'PENDING', attempts = 0, next_attempt_at = ?
                        where status = 'FAILED' returning id
                        """)
                .param(ts(now))
                .query(Long.class)
                .list();
    }
}
