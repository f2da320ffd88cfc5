package org.compactreview.notify;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The calendar_feed table: one row per user with a feed, found by the token's hash. */
@Repository
class CalendarFeedRepository {

    /** A feed found by its token's hash: whose it is, and the stored hash to compare in constant time. */
    record Match(String username, String tokenHash) {}

    private final JdbcClient jdbc;

    CalendarFeedRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Optional<CalendarFeed> find(String username) {
        return jdbc.sql("select username, created_at, rotated_at from calendar_feed where username = ?")
                .param(username)
                .query((rs, n) -> new CalendarFeed(
                        rs.getString("username"),
                        instant(rs.getTimestamp("created_at")),
                        instant(rs.getTimestamp("rotated_at"))))
                .optional();
    }

    Optional<Match> findByHash(String tokenHash) {
        return jdbc.sql("select username, token_hash from calendar_feed where token_hash = ?")
                .param(tokenHash)
                .query((rs, n) -> new Match(rs.getString("username"), rs.getString("token_hash")))
                .optional();
    }

    /** False when the user has a feed already (two creations at once: one wins). */
    boolean insert(String username, String tokenHash, Instant now) {
        return jdbc.sql(
                                """
                                insert into calendar_feed (username, token_hash, created_at) values (?, ?, ?)
                                on conflict (username) do nothing
                                """)
                        .params(username, tokenHash, Timestamp.from(now))
                        .update()
                == 1;
    }

    /** False when the user has no feed. */
    boolean rotate(String username, String tokenHash, Instant now) {
        return jdbc.sql("update calendar_feed set token_hash = ?, rotated_at = ? where username = ?")
                        .params(tokenHash, Timestamp.from(now), username)
                        .update()
                == 1;
    }

    /** The deleted feed, if there was one. */
    Optional<CalendarFeed> delete(String username) {
        return jdbc.sql("delete from calendar_feed where username = ? returning username, created_at, rotated_at")
                .param(username)
                .query((rs, n) -> new CalendarFeed(
                        rs.getString("username"),
                        instant(rs.getTimestamp("created_at")),
                        instant(rs.getTimestamp("rotated_at"))))
                .optional();
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
