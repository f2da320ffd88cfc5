package org.compactreview.discussion;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.compactreview.platform.PageRequest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class CommentRepository {

    private static final String COLUMNS =
            "id, report_id, objective_number, task_id, author, by_secretariat, body, created_at";

    private final JdbcClient jdbc;

    CommentRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(
            Long reportId,
            Integer objective,
            String taskId,
            String author,
            boolean bySecretariat,
            String body,
            Instant at) {
        return jdbc.sql(
                        """
                        insert into discussion_comment
                            (report_id, objective_number, task_id, author, by_secretariat, body, created_at)
                        values (?, ?, ?, ?, ?, ?, ?) returning id
                        """)
                .params(reportId, objective, taskId, author, bySecretariat, body, Timestamp.from(at))
                .query(Long.class)
                .single();
    }

    /** A report's comments, oldest first; one objective's when given. */
    List<Row> ofReport(long reportId, Integer objective, PageRequest page) {
        return jdbc.sql("select " + COLUMNS + " from discussion_comment where report_id = ? "
                        + "and (cast(? as smallint) is null or objective_number = ?) "
                        + "order by created_at, id limit ? offset ?")
                .params(reportId, objective, objective, page.size(), page.offset())
                .query(CommentRepository::row)
                .list();
    }

    long countOfReport(long reportId, Integer objective) {
        return jdbc.sql("select count(*) from discussion_comment where report_id = ? "
                        + "and (cast(? as smallint) is null or objective_number = ?)")
                .params(reportId, objective, objective)
                .query(Long.class)
                .single();
    }

    /** The secretariat's comments on a report's objectives since a moment, oldest first. */
    List<Row> secretariatOnObjectivesSince(long reportId, Instant since) {
        return jdbc.sql("select " + COLUMNS + " from discussion_comment where report_id = ? and by_secretariat "
                        + "and objective_number is not null and created_at >= ? order by created_at, id")
                .params(reportId, Timestamp.from(since))
                .query(CommentRepository::row)
                .list();
    }

    List<Row> ofTask(String taskId, PageRequest page) {
        return jdbc.sql("select " + COLUMNS
                        + " from discussion_comment where task_id = ? order by created_at, id limit ? offset ?")
                .params(taskId, page.size(), page.offset())
                .query(CommentRepository::row)
                .list();
    }

    long countOfTask(String taskId) {
        return jdbc.sql("select count(*) from discussion_comment where task_id = ?")
                .param(taskId)
                .query(Long.class)
                .single();
    }

    Optional<Row> find(long id) {
        return jdbc.sql("select " + COLUMNS + " from discussion_comment where id = ?")
                .param(id)
                .query(CommentRepository::row)
                .optional();
    }

    void delete(long id) {
        jdbc.sql("delete from discussion_comment where id = ?").param(id).update();
    }

    record Row(
            long id,
            Long reportId,
            Integer objective,
            String taskId,
            String author,
            boolean bySecretariat,
            String body,
            Instant createdAt) {}

    private static Row row(ResultSet rs, int n) throws SQLException {
        return new Row(
                rs.getLong("id"),
                rs.getObject("report_id", Long.class),
                rs.getObject("objective_number") == null ? null : rs.getInt("objective_number"),
                rs.getString("task_id"),
                rs.getString("author"),
                rs.getBoolean("by_secretariat"),
                rs.getString("body"),
                rs.getTimestamp("created_at").toInstant());
    }
}
