package org.compactreview.discussion;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.compactreview.platform.PageRequest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class DialogueRepository {

    private static final String COLUMNS = "id, cycle_id, objective_number, author, by_secretariat, body, created_at, "
            + "hidden_at, hidden_by, hidden_reason";

    private final JdbcClient jdbc;

    DialogueRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(long cycleId, int objective, String author, boolean bySecretariat, String body, Instant at) {
        return jdbc.sql(
                        """
                        insert into dialogue_post (cycle_id, objective_number, author, by_secretariat, body, created_at)
                        values (?, ?, ?, ?, ?, ?) returning id
                        """)
                .params(cycleId, objective, author, bySecretariat, body, Timestamp.from(at))
                .query(Long.class)
                .single();
    }

    List<Row> thread(long cycleId, int objective, PageRequest page) {
        return jdbc.sql("select " + COLUMNS + " from dialogue_post where cycle_id = ? and objective_number = ? "
                        + "order by created_at, id limit ? offset ?")
                .params(cycleId, objective, page.size(), page.offset())
                .query(DialogueRepository::row)
                .list();
    }

    long count(long cycleId, int objective) {
        return jdbc.sql("select count(*) from dialogue_post where cycle_id = ? and objective_number = ?")
                .params(cycleId, objective)
                .query(Long.class)
                .single();
    }

    /** Per objective of a cycle: its posts (hidden ones included) and the time of the last. */
    Map<Integer, Object[]> counts(long cycleId) {
        Map<Integer, Object[]> counts = new HashMap<>();
        jdbc.sql("select objective_number, count(*) as posts, max(created_at) as last_at from dialogue_post "
                        + "where cycle_id = ? group by objective_number")
                .param(cycleId)
                .query(rs -> {
                    counts.put(rs.getInt("objective_number"), new Object[] {
                        rs.getLong("posts"), rs.getTimestamp("last_at").toInstant()
                    });
                });
        return counts;
    }

    /** The post, locked until the end of the transaction. */
    Optional<Row> lock(long id) {
        return jdbc.sql("select " + COLUMNS + " from dialogue_post where id = ? for update")
                .param(id)
                .query(DialogueRepository::row)
                .optional();
    }

    Optional<Row> find(long id) {
        return jdbc.sql("select " + COLUMNS + " from dialogue_post where id = ?")
                .param(id)
                .query(DialogueRepository::row)
                .optional();
    }

    void hide(long id, String by, String reason, Instant at) {
        jdbc.sql("update dialogue_post set hidden_at = ?, hidden_by = ?, hidden_reason = ? where id = ?")
                .params(Timestamp.from(at), by, reason, id)
                .update();
    }

    record Row(
            long id,
            long cycleId,
            int objective,
            String author,
            boolean bySecretariat,
            String body,
            Instant createdAt,
            Instant hiddenAt,
            String hiddenBy,
            String hiddenReason) {}

    private static Row row(ResultSet rs, int n) throws SQLException {
        Timestamp hidden = rs.getTimestamp("hidden_at");
        return new Row(
                rs.getLong("id"),
                rs.getLong("cycle_id"),
                rs.getInt("objective_number"),
                rs.getString("author"),
                rs.getBoolean("by_secretariat"),
                rs.getString("body"),
                rs.getTimestamp("created_at").toInstant(),
                hidden == null ? null : hidden.toInstant(),
                rs.getString("hidden_by"),
                rs.getString("hidden_reason"));
    }
}
