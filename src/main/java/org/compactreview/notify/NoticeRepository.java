package org.compactreview.notify;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class NoticeRepository {

    private static final String SELECT = "select * from notice";

    private final JdbcClient jdbc;

    NoticeRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The new notice's id; empty when this event was already told to this user. */
    Optional<Long> insert(String username, Notice notice, Instant now) {
        return jdbc.sql(
                        """
                        insert into notice (username, kind, event_key, link, participant_code, cycle_id, task_key,
                                            due_at, detail, other_user, created_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                        on conflict on constraint notice_once_per_event do nothing
                        returning id
                        """)
                .params(
                        username,
                        notice.kind().name(),
                        notice.eventKey(),
                        notice.link(),
                        notice.participantCode(),
                        notice.cycleId(),
                        notice.taskKey(),
                        ts(notice.dueAt()),
                        notice.detail(),
                        notice.otherUser(),
                        ts(now))
                .query(Long.class)
                .optional();
    }

    List<StoredNotice> byIds(Collection<Long> ids) {
        if (ids.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(SELECT + " where id in (:ids) order by created_at, id")
                .param("ids", ids)
                .query((rs, n) -> map(rs))
                .list();
    }

    /** The user's notices, newest first. */
    List<StoredNotice> page(String username, int offset, int limit) {
        return jdbc.sql(SELECT + " where username = ? order by created_at desc, id desc offset ? limit ?")
                .params(username, offset, limit)
                .query((rs, n) -> map(rs))
                .list();
    }

    int count(String username) {
        return jdbc.sql("select count(*) from notice where username = ?")
                .param(username)
                .query(Integer.class)
                .single();
    }

    int unread(String username) {
        return jdbc.sql("select count(*) from notice where username = ? and read_at is null")
                .param(username)
                .query(Integer.class)
                .single();
    }

    Optional<StoredNotice> find(long id, String username) {
        return jdbc.sql(SELECT + " where id = ? and username = ?")
                .params(id, username)
                .query((rs, n) -> map(rs))
                .optional();
    }

    /** Marks the user's notice read (once: the first reading time stays). */
    void markRead(long id, String username, Instant now) {
        jdbc.sql("update notice set read_at = ? where id = ? and username = ? and read_at is null")
                .params(ts(now), id, username)
                .update();
    }

    int markAllRead(String username, Instant now) {
        return jdbc.sql("update notice set read_at = ? where username = ? and read_at is null")
                .params(ts(now), username)
                .update();
    }

    private static StoredNotice map(ResultSet rs) throws SQLException {
        Notice notice = new Notice(
                NoticeKind.valueOf(rs.getString("kind")),
                rs.getString("event_key"),
                rs.getString("link"),
                rs.getString("participant_code"),
                rs.getObject("cycle_id", Long.class),
                rs.getString("task_key"),
                instant(rs.getTimestamp("due_at")),
                rs.getString("detail"),
                rs.getString("other_user"));
        return new StoredNotice(
                rs.getLong("id"),
                rs.getString("username"),
                notice,
                instant(rs.getTimestamp("created_at")),
                instant(rs.getTimestamp("read_at")));
    }

    static Timestamp ts(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
