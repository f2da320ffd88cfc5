package org.compactreview.identity;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class ApiTokenRepository {

    private static final String COLUMNS = "id, name, created_at, expires_at, last_used_at, revoked_at";

    private final JdbcClient jdbc;

    ApiTokenRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    ApiToken insert(String username, String name, String hash, Instant created, Instant expires) {
        return jdbc.sql("insert into api_token (username, name, token_hash, created_at, expires_at)"
                        + " values (?, ?, ?, ?, ?) returning " + COLUMNS)
                .params(username, name, hash, Timestamp.from(created), Timestamp.from(expires))
                .query((rs, n) -> map(rs))
                .single();
    }

    List<ApiToken> list(String username) {
        return jdbc.sql("select " + COLUMNS + " from api_token where username = ? order by created_at desc, id desc")
                .param(username)
                .query((rs, n) -> map(rs))
                .list();
    }

    long countActive(String username, Instant now) {
        return jdbc.sql("select count(*) from api_token where username = ? and revoked_at is null and expires_at > ?")
                .params(username, Timestamp.from(now))
                .query(Long.class)
                .single();
    }

    Optional<ApiToken> revoke(String username, long id, Instant now) {
        return jdbc.sql("update api_token set revoked_at = coalesce(revoked_at, ?) where id = ? and username = ?"
                        + " returning " + COLUMNS)
                .params(Timestamp.from(now), id, username)
                .query((rs, n) -> map(rs))
                .optional();
    }

    /** The owner of an active token of an enabled user, and whether the token was used before. */
    Optional<Use> findActive(String hash, Instant now) {
        return jdbc.sql(
                        """
                        select t.id, t.username, t.last_used_at from api_token t
                        join app_user u on u.username = t.username
                        where t.token_hash = ? and t.revoked_at is null and t.expires_at > ? and u.enabled
                        """)
                .params(hash, Timestamp.from(now))
                .query((rs, n) ->
                        new Use(rs.getLong("id"), rs.getString("username"), instant(rs.getTimestamp("last_used_at"))))
                .optional();
    }

    /** Marks the first use; true for exactly one caller, however many use the new token at once. */
    boolean markFirstUse(long id, Instant now) {
        return jdbc.sql("update api_token set last_used_at = ? where id = ? and last_used_at is null")
                        .params(Timestamp.from(now), id)
                        .update()
                == 1;
    }

    void markUse(long id, Instant now) {
        jdbc.sql("update api_token set last_used_at = ? where id = ?")
                .params(Timestamp.from(now), id)
                .update();
    }

    record Use(long id, String username, Instant lastUsedAt) {}

    private static ApiToken map(ResultSet rs) throws SQLException {
        return new ApiToken(
                rs.getLong("id"),
                rs.getString("name"),
                instant(rs.getTimestamp("created_at")),
                instant(rs.getTimestamp("expires_at")),
                instant(rs.getTimestamp("last_used_at")),
                instant(rs.getTimestamp("revoked_at")));
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
