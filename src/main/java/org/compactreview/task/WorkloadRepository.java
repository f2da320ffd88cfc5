package org.compactreview.task;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.compactreview.platform.Page;
import org.compactreview.platform.PageRequest;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The workload view's reads of the work items: every team's open tasks, filtered, sorted and
 * paged, their counts per person and per participant, and the selections of a reassignment. Only
 * the work item table: cycle periods, participant and user names come from their modules.
 */
@Repository
class WorkloadRepository {

    /** The period is filled in afterwards from the cycle module ({@link TaskCycles}). */
    private static final String SELECT = "select w.*, cast(null as varchar) as period from work_item w";

    private final JdbcClient jdbc;

    WorkloadRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * A filter as SQL: null sets mean "any", an empty set "none" (a region without participants, a
     * process without tasks).
     */
    record Criteria(
            Set<Long> cycleIds, Set<String> taskKeys, Set<String> participants, String assignee, Boolean overdue) {

        String where(MapSqlParameterSource params, Instant now) {
            StringBuilder where = new StringBuilder(" where true");
            params.addValue("now", Timestamp.from(now));
            if (cycleIds != null) {
                where.append(cycleIds.isEmpty() ? " and false" : " and w.cycle_id in (:cycles)");
                params.addValue("cycles", cycleIds);
            }
            if (taskKeys != null) {
                where.append(taskKeys.isEmpty() ? " and false" : " and w.task_key in (:keys)");
                params.addValue("keys", taskKeys);
            }
            if (participants != null) {
                where.append(participants.isEmpty() ? " and false" : " and w.participant_code in (:participants)");
                params.addValue("participants", participants);
            }
            if (assignee != null) {
                where.append(" and w.assignee = :assignee");
                params.addValue("assignee", assignee);
            }
            if (overdue != null) {
                where.append(overdue ? " and w.due_at < :now" : " and (w.due_at is null or w.due_at >= :now)");
            }
            return where.toString();
        }
    }

    /** One group of the workload's counts: a person (null: nobody yet) or a participant. */
    record Count(String key, long open, long overdue, Instant oldest) {}

    /**
     * A page of the open tasks; {@code order} is one of {@link TaskSort}'s clauses, with the
     * participant codes in the order of their names for sorting by participant.
     */
    Page<WorkItem> page(
            Criteria criteria, String order, List<String> participantsByName, PageRequest page, Instant now) {
        MapSqlParameterSource params = new MapSqlParameterSource();
        String where = criteria.where(params, now);
        long total = jdbc.sql("select count(*) from work_item w" + where)
                .paramSource(params)
                .query(Long.class)
                .single();
        params.addValue("limit", page.size())
                .addValue("offset", page.offset())
                .addValue("byName", String.join(",", participantsByName));
        List<WorkItem> items = jdbc.sql(
                        SELECT + where + " order by " + order + ", w.created_at, w.task_id limit :limit offset :offset")
                .paramSource(params)
                .query((rs, n) -> WorkItemRepository.map(rs, now))
                .list();
        return new Page<>(items, page.page(), page.size(), total);
    }

    /** Open, overdue and oldest per value of a column: {@code assignee} or {@code participant_code}. */
    List<Count> countsBy(String column, Criteria criteria, Instant now) {
        if (!column.equals("assignee") && !column.equals("participant_code")) {
            throw new IllegalArgumentException(column);
        }
        MapSqlParameterSource params = new MapSqlParameterSource();
        String where = criteria.where(params, now);
        return jdbc.sql("select w." + column + " as key, count(*) as open,"
                        + " count(*) filter (where w.due_at < :now) as overdue, min(w.created_at) as oldest"
                        + " from work_item w" + where + " group by w." + column)
                .paramSource(params)
                .query((rs, n) -> new Count(
                        rs.getString("key"),
                        rs.getLong("open"),
                        rs.getLong("overdue"),
                        rs.getTimestamp("oldest").toInstant()))
                .list();
    }

    /** At most {@code limit} open tasks matching the criteria, oldest first. */
    List<WorkItem> matching(Criteria criteria, int limit, Instant now) {
        MapSqlParameterSource params = new MapSqlParameterSource();
        String where = criteria.where(params, now);
        params.addValue("limit", limit);
        return jdbc.sql(SELECT + where + " order by w.created_at, w.task_id limit :limit")
                .paramSource(params)
                .query((rs, n) -> WorkItemRepository.map(rs, now))
                .list();
    }

    /** The open tasks among the ids; ids of tasks that ended (or never were) are absent. */
    List<WorkItem> find(Collection<String> taskIds, Instant now) {
        if (taskIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(SELECT + " where w.task_id in (:ids) order by w.created_at, w.task_id")
                .param("ids", taskIds)
                .query((rs, n) -> WorkItemRepository.map(rs, now))
                .list();
    }

    /** How many of the tasks matching the criteria each candidate group has. */
    Map<String, Long> groups(Criteria criteria, Instant now) {
        MapSqlParameterSource params = new MapSqlParameterSource();
        String where = criteria.where(params, now);
        Map<String, Long> groups = new java.util.LinkedHashMap<>();
        jdbc.sql("select w.candidate_group, count(*) as tasks from work_item w" + where
                        + " and w.candidate_group is not null group by w.candidate_group")
                .paramSource(params)
                .query((rs, n) -> Map.entry(rs.getString("candidate_group"), rs.getLong("tasks")))
                .list()
                .forEach(e -> groups.put(e.getKey(), e.getValue()));
        return groups;
    }

    /** What the filters offer: the cycles, task types and assignees that have open tasks. */
    List<Long> cycleIds() {
        return jdbc.sql("select distinct cycle_id from work_item where cycle_id is not null")
                .query(Long.class)
                .list();
    }

    List<String> assignees() {
        return jdbc.sql("select distinct assignee from work_item where assignee is not null")
                .query(String.class)
                .list();
    }
}
