package org.compactreview.task;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The tasks moved by absences, and the row locks that due-date changes and moves take. */
@Repository
class SubstitutionRepository {

    /** An open task of a person: what a move needs to know. */
    record HeldTask(String taskId, String taskKey, String candidateGroup, String participantCode, String assignee) {}

    private final JdbcClient jdbc;

    SubstitutionRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Locks the task's work item until the transaction ends; false when the task is not open. */
    boolean lockWorkItem(String taskId) {
        return jdbc.sql("select task_id from work_item where task_id = ? for update")
                .param(taskId)
                .query(String.class)
                .optional()
                .isPresent();
    }

    /** The person's open tasks, locked: a claim or a completion of one of them waits for the move. */
    List<HeldTask> lockAssignedTo(String username) {
        return jdbc.sql(
                        """
                        select task_id, task_key, candidate_group, participant_code, assignee from work_item
                        where assignee = ? order by created_at, task_id for update
                        """)
                .param(username)
                .query((rs, n) -> held(rs))
                .list();
    }

    List<HeldTask> lockHeld(String taskId) {
        return jdbc.sql(
                        "select task_id, task_key, candidate_group, participant_code, assignee from work_item where task_id = ? for update")
                .param(taskId)
                .query((rs, n) -> held(rs))
                .list();
    }

    void record(
            Substitution.Status status, HeldTask task, long absenceId, String absent, String substitute, Instant at) {
        jdbc.sql(
                        """
                        insert into task_substitution (task_id, absence_id, absent_user, substitute, status, task_key,
                                                       candidate_group, participant_code, moved_at)
                        values (?, ?, ?, ?, ?, ?, ?, ?, ?)
                        on conflict (absence_id, task_id) do update set status = excluded.status,
                            moved_at = excluded.moved_at, settled_at = null
                        """)
                .params(
                        task.taskId(),
                        absenceId,
                        absent,
                        substitute,
                        status.name(),
                        task.taskKey(),
                        task.candidateGroup(),
                        task.participantCode(),
                        Timestamp.from(at))
                .update();
    }

    void settle(long absenceId, String taskId, Substitution.Status status, Instant at) {
        jdbc.sql("update task_substitution set status = ?, settled_at = ? where absence_id = ? and task_id = ?")
                .params(status.name(), Timestamp.from(at), absenceId, taskId)
                .update();
    }

    /** The tasks an absence moved or kept back, in the order it touched them. */
    List<Substitution> forAbsence(long absenceId) {
        return jdbc.sql("select * from task_substitution where absence_id = ? order by moved_at, task_id")
                .param(absenceId)
                .query((rs, n) -> map(rs))
                .list();
    }

    /** Of the given absences, the tasks each touched. */
    List<Substitution> forAbsences(java.util.Collection<Long> absenceIds) {
        if (absenceIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select * from task_substitution where absence_id in (:ids) order by moved_at, task_id")
                .param("ids", absenceIds)
                .query((rs, n) -> map(rs))
                .list();
    }

    /** The moves of an absence still in force. */
    List<Substitution> moved(long absenceId) {
        return jdbc.sql("select * from task_substitution where absence_id = ? and status = 'MOVED' order by task_id")
                .param(absenceId)
                .query((rs, n) -> map(rs))
                .list();
    }

    private static HeldTask held(ResultSet rs) throws SQLException {
        return new HeldTask(
                rs.getString("task_id"),
                rs.getString("task_key"),
                rs.getString("candidate_group"),
                rs.getString("participant_code"),
                rs.getString("assignee"));
    }

    private static Substitution map(ResultSet rs) throws SQLException {
        Timestamp settled = rs.getTimestamp("settled_at");
        return new Substitution(
                rs.getString("task_id"),
                rs.getLong("absence_id"),
                rs.getString("absent_user"),
                rs.getString("substitute"),
                Substitution.Status.valueOf(rs.getString("status")),
                rs.getString("task_key"),
                rs.getString("candidate_group"),
                rs.getString("participant_code"),
                rs.getTimestamp("moved_at").toInstant(),
                settled == null ? null : settled.toInstant());
    }
}
