package org.compactreview.task;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.compactreview.platform.Page;
import org.compactreview.platform.PageRequest;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class WorkItemRepository {

    private static final String SELECT =
            """
            select w.*, c.period
            from work_item w left join review_cycle c on c.id = w.cycle_id
            """;

    private final JdbcClient jdbc;

    WorkItemRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(
            String taskId,
            String taskKey,
            String name,
            Long cycleId,
            String participantCode,
            Long reportId,
            String candidateGroup,
            String assignee,
            Instant dueAt,
            Instant createdAt,
            Long capacityRequestId,
            boolean ownInstance) {
        jdbc.sql(
                        """
                        insert into work_item (task_id, task_key, name, cycle_id, participant_code, report_id,
                                               candidate_group, assignee, due_at, created_at, capacity_request_id,
                                               own_instance)
                        values (:id, :key, :name, :cycle, :participant,
                                :report,
                                :group, :assignee, :due, :created, :request, :own)
                        on conflict (task_id) do nothing
                        """)
                .param("id", taskId)
                .param("key", taskKey)
                .param("name", name)
                .param("cycle", cycleId)
                .param("participant", participantCode)
                .param("report", reportId)
                .param("group", candidateGroup)
                .param("assignee", assignee)
                .param("due", timestamp(dueAt))
                .param("created", timestamp(createdAt))
                .param("request", capacityRequestId)
                .param("own", ownInstance)
                .update();
    }

    boolean takeOver(
            String previousTaskId,
            String taskId,
            String taskKey,
            String name,
            String candidateGroup,
            String assignee,
            Instant dueAt,
            Instant createdAt) {
        return jdbc.sql(
                                """
                                update work_item set task_id = :id, task_key = :key, name = :name,
                                       candidate_group = :group, assignee = :assignee, due_at = :due,
                                       created_at = :created
                                where task_id = :previous
                                """)
                        .param("previous", previousTaskId)
                        .param("id", taskId)
                        .param("key", taskKey)
                        .param("name", name)
                        .param("group", candidateGroup)
                        .param("assignee", assignee)
                        .param("due", timestamp(dueAt))
                        .param("created", timestamp(createdAt))
                        .update()
                == 1;
    }

    /**
     * Only when something changed: the engine fires both the assignment and the update event for
     * one {@code setAssignee}, and a second write of a row this transaction already wrote would
     * re-check its foreign key to the report (PostgreSQL does for rows of its own transaction),
     * waiting for a focal point who holds that report's lock while submitting it: a deadlock with
     * a bulk reassignment, measured in ReassignmentRaceIT.
     */
    void updateAssigneeAndDue(String taskId, String assignee, Instant dueAt) {
        jdbc.sql(
                        """
                        update work_item set assignee = ?, due_at = ?
                        where task_id = ? and (assignee is distinct from ? or due_at is distinct from ?)
                        """)
                .params(assignee, timestamp(dueAt), taskId, assignee, timestamp(dueAt))
                .update();
    }

    void updateAssignee(String taskId, String assignee) {
        jdbc.sql("update work_item set assignee = ? where task_id = ?")
                .params(assignee, taskId)
                .update();
    }

    /** Open and overdue (due before now) tasks per task key, for the operators' gauges: one grouped query. */
    java.util.Map<String, TaskMetrics.Counts> countsByTaskKey(Instant now) {
        java.util.Map<String, TaskMetrics.Counts> counts = new java.util.HashMap<>();
        return jdbc.sql(
                        """
                        select task_key, count(*) as open, count(*) filter (where due_at < :now) as overdue
                        from work_item group by task_key
                        """)
                .param("now", Timestamp.from(now))
                .query((ResultSet rs) -> {
                    while (rs.next()) {
                        counts.put(
                                rs.getString("task_key"),
                                new TaskMetrics.Counts(rs.getLong("open"), rs.getLong("overdue")));
                    }
                    return counts;
                });
    }

    /** The task keys that have ever had an open task here (models no longer deployed included). */
    List<String> taskKeys() {
        return jdbc.sql("select distinct task_key from work_item")
                .query(String.class)
                .list();
    }

    void delete(String taskId) {
        jdbc.sql("delete from work_item where task_id = ?").param(taskId).update();
    }

    Optional<WorkItem> find(String taskId, Instant now) {
        return jdbc.sql(SELECT + " where w.task_id = :id")
                .param("id", taskId)
                .query((rs, n) -> map(rs, now))
                .optional();
    }

    Optional<WorkItem> findOpen(String taskKey, Long cycleId, Long reportId, Instant now) {
        return jdbc.sql(SELECT + " where w.task_key = :key and w.cycle_id = :cycle"
                        + " and (cast(:report as bigint) is null or w.report_id = :report)"
                        + " order by w.created_at limit 1")
                .param("key", taskKey)
                .param("cycle", cycleId)
                .param("report", reportId)
                .query((rs, n) -> map(rs, now))
                .optional();
    }

    Optional<WorkItem> findOpenForRequest(String taskKey, long requestId, Instant now) {
        return jdbc.sql(SELECT + " where w.task_key = :key and w.capacity_request_id = :request"
                        + " order by w.created_at limit 1")
                .param("key", taskKey)
                .param("request", requestId)
                .query((rs, n) -> map(rs, now))
                .optional();
    }

    List<WorkItem> forRequest(long requestId, Instant now) {
        return jdbc.sql(SELECT + " where w.capacity_request_id = :request order by w.created_at")
                .param("request", requestId)
                .query((rs, n) -> map(rs, now))
                .list();
    }

    /** Of each report, its newest open work item of the given keys; reports without one are absent. */
    List<WorkItem> latestForReports(Collection<Long> reportIds, Collection<String> taskKeys, Instant now) {
        if (reportIds.isEmpty() || taskKeys.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(SELECT.replace("select w.*", "select distinct on (w.report_id) w.*")
                        + " where w.report_id in (:reports) and w.task_key in (:keys)"
                        + " order by w.report_id, w.created_at desc")
                .param("reports", reportIds)
                .param("keys", taskKeys)
                .query((rs, n) -> map(rs, now))
                .list();
    }

    /**
     * How many participants of a cycle stand at each task key now: one grouped statement. A
     * participant with two open tasks of one key (never, by the model) counts once; a task of the
     * cycle itself (no participant) counts as one.
     */
    List<Map.Entry<String, Integer>> participantsByTaskKey(long cycleId) {
        return jdbc.sql(
                        """
                        select task_key, count(distinct coalesce(participant_code, task_id)) as n
                        from work_item where cycle_id = :cycle group by task_key
                        """)
                .param("cycle", cycleId)
                .query((rs, n) -> Map.entry(rs.getString("task_key"), rs.getInt("n")))
                .list();
    }

    /** The open work items of a cycle at one task key, by participant code. */
    List<WorkItem> atTaskKey(long cycleId, String taskKey, Instant now) {
        return jdbc.sql(SELECT + " where w.cycle_id = :cycle and w.task_key = :key"
                        + " order by w.participant_code, w.created_at")
                .param("cycle", cycleId)
                .param("key", taskKey)
                .query((rs, n) -> map(rs, now))
                .list();
    }

    Map<Long, Long> openByCycle(Collection<Long> cycleIds, String taskKey) {
        if (cycleIds.isEmpty()) {
            return Map.of();
        }
        return jdbc
                .sql(
                        """
                        select cycle_id, count(*) as open from work_item
                        where cycle_id in (:cycles) and task_key = :key group by cycle_id
                        """)
                .param("cycles", cycleIds)
                .param("key", taskKey)
                .query((rs, n) -> Map.entry(rs.getLong("cycle_id"), rs.getLong("open")))
                .list()
                .stream()
                .collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
    }

    List<WorkItem> forReport(long reportId, Instant now) {
        return jdbc.sql(SELECT + " where w.report_id = :report order by w.created_at")
                .param("report", reportId)
                .query((rs, n) -> map(rs, now))
                .list();
    }

    Page<WorkItem> list(WorkItemFilter filter, String username, Set<String> groups, Instant now, PageRequest page) {
        StringBuilder where = new StringBuilder(" where true");
        MapSqlParameterSource params = new MapSqlParameterSource().addValue("now", timestamp(now));
        if (!filter.allTeams()) {
            where.append(" and (w.assignee = :me or w.candidate_group in (:groups))");
            params.addValue("me", username).addValue("groups", groups.isEmpty() ? Set.of("") : groups);
        }
        if (filter.cycleId() != null) {
            where.append(" and w.cycle_id = :cycle");
            params.addValue("cycle", filter.cycleId());
        }
        if (filter.participantCode() != null) {
            where.append(" and w.participant_code = :participant");
            params.addValue("participant", filter.participantCode());
        }
        if (filter.assignee() != null) {
            where.append(" and w.assignee = :assignee");
            params.addValue("assignee", filter.assignee());
        }
        if (filter.taskKey() != null) {
            where.append(" and w.task_key = :key");
            params.addValue("key", filter.taskKey());
        }
        if (filter.overdue() != null) {
            where.append(filter.overdue() ? " and w.due_at < :now" : " and (w.due_at is null or w.due_at >= :now)");
        }
        long total = jdbc.sql("select count(*) from work_item w" + where)
                .paramSource(params)
                .query(Long.class)
                .single();
        params.addValue("limit", page.size()).addValue("offset", page.offset());
        List<WorkItem> items = jdbc.sql(SELECT + where
                        + " order by w.due_at asc nulls last, w.created_at, w.task_id limit :limit offset :offset")
                .paramSource(params)
                .query((rs, n) -> map(rs, now))
                .list();
        return new Page<>(items, page.page(), page.size(), total);
    }

    static WorkItem map(ResultSet rs, Instant now) throws SQLException {
        Instant due = instant(rs.getTimestamp("due_at"));
        return new WorkItem(
                rs.getString("task_id"),
                rs.getString("task_key"),
                rs.getString("name"),
                (Long) rs.getObject("cycle_id"),
                rs.getString("period"),
                rs.getString("participant_code"),
                (Long) rs.getObject("report_id"),
                rs.getString("candidate_group"),
                rs.getString("assignee"),
                due,
                due != null && due.isBefore(now),
                instant(rs.getTimestamp("created_at")),
                (Long) rs.getObject("capacity_request_id"),
                rs.getBoolean("own_instance"));
    }

    private static Timestamp timestamp(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
