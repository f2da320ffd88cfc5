package org.compactreview.cycle;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.compactreview.platform.Page;
import org.compactreview.platform.PageRequest;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class CycleRepository {

    private static final String SELECT = "select c.* from review_cycle c";

    private final JdbcClient jdbc;
    private final ObjectMapper json;

    CycleRepository(JdbcClient jdbc, ObjectMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    boolean exists(CycleKind kind, String period) {
        return jdbc.sql("select count(*) from review_cycle where kind = ? and period = ?")
                        .params(kind.name(), period)
                        .query(Long.class)
                        .single()
                > 0;
    }

    long insert(
            CycleKind kind,
            String period,
            Instant reminderAt,
            Instant due,
            Instant closes,
            LocalDate conferenceDate,
            List<Integer> reminderDays,
            int participantCount,
            String by,
            Instant now) {
        return jdbc.sql(
                        """
                        insert into review_cycle (kind, period, status, reminder_at, submission_due, window_closes_at,
                                                  conference_date, reminder_days, participant_count, opened_by,
                                                  opened_at)
                        values (?, ?, 'OPEN', ?, ?, ?, ?, cast(? as integer[]), ?, ?, ?) returning id
                        """)
                .params(
                        kind.name(),
                        period,
                        ts(reminderAt),
                        ts(due),
                        ts(closes),
                        conferenceDate,
                        reminderDays == null ? null : "{" + ReminderDays.format(reminderDays) + "}",
                        participantCount,
                        by,
                        ts(now))
                .query(Long.class)
                .single();
    }

    void setProcessInstance(long id, String processInstanceId) {
        jdbc.sql("update review_cycle set process_instance_id = ? where id = ?")
                .params(processInstanceId, id)
                .update();
    }

    Optional<ReviewCycle> find(long id) {
        return jdbc.sql(SELECT + " where c.id = ?")
                .param(id)
                .query((rs, n) -> map(rs))
                .optional();
    }

    /**
     * Locks the cycle's row for deciding whether its reports are all settled, and returns its
     * process instance id (empty while the cycle is being opened; a cycle that does not exist is a
     * fault). {@code for no key update}: it
     * serializes the deciders as {@code for update} would, without blocking the foreign key checks
     * of rows inserted for the cycle meanwhile (work items, reports).
     */
    /**
     * Counts one more settled report, holding the cycle's row lock until commit; the cycle's
     * process instance when that report was the last one, else empty.
     */
    Optional<String> countSettled(long id) {
        return jdbc.sql(
                        """
                        update review_cycle set settled_reports = settled_reports + 1 where id = ?
                        returning settled_reports >= participant_count as last, process_instance_id
                        """)
                .param(id)
                .query((rs, n) -> rs.getBoolean("last")
                        ? Optional.ofNullable(rs.getString("process_instance_id"))
                        : Optional.<String>empty())
                .single();
    }

    /** Whether every report of the cycle is settled, under the same row lock as {@link #countSettled}. */
    boolean allSettled(long id) {
        return jdbc.sql("select settled_reports >= participant_count from review_cycle where id = ? for no key update")
                .param(id)
                .query(Boolean.class)
                .single();
    }

    Optional<ReviewCycle> lock(long id) {
        jdbc.sql("select id from review_cycle where id = ? for update")
                .param(id)
                .query(Long.class)
                .optional();
        return find(id);
    }

    Page<ReviewCycle> list(PageRequest page) {
        long total =
                jdbc.sql("select count(*) from review_cycle").query(Long.class).single();
        List<ReviewCycle> items = jdbc.sql(SELECT + " order by c.opened_at desc, c.id desc limit ? offset ?")
                .params(page.size(), page.offset())
                .query((rs, n) -> map(rs))
                .list();
        return new Page<>(items, page.page(), page.size(), total);
    }

    /**
     * One page of the cycles of a kind and a status (null: any), whose period contains
     * {@code search} (case ignored; null: any), newest first (issue 14).
     */
    Page<ReviewCycle> list(CycleKind kind, CycleStatus status, String search, PageRequest page) {
        StringBuilder where = new StringBuilder(" where true");
        org.springframework.jdbc.core.namedparam.MapSqlParameterSource params =
                new org.springframework.jdbc.core.namedparam.MapSqlParameterSource();
        if (kind != null) {
            where.append(" and c.kind = :kind");
            params.addValue("kind", kind.name());
        }
        if (status != null) {
            where.append(" and c.status = :status");
            params.addValue("status", status.name());
        }
        if (search != null) {
            where.append(" and strpos(lower(c.period), lower(:search)) > 0");
            params.addValue("search", search);
        }
        long total = jdbc.sql("select count(*) from review_cycle c" + where)
                .paramSource(params)
                .query(Long.class)
                .single();
        params.addValue("limit", page.size()).addValue("offset", page.offset());
        List<ReviewCycle> items = jdbc.sql(
                        SELECT + where + " order by c.opened_at desc, c.id desc limit :limit offset :offset")
                .paramSource(params)
                .query((rs, n) -> map(rs))
                .list();
        return new Page<>(items, page.page(), page.size(), total);
    }

    /** Cycles not yet closed that have a meeting or conference date (the calendar feeds'), oldest first. */
    List<ReviewCycle> unclosedWithEventDates() {
        return jdbc.sql(SELECT + " where c.status <> 'CLOSED' and (c.meeting_date is not null"
                        + " or c.conference_date is not null) order by c.opened_at, c.id")
                .query((rs, n) -> map(rs))
                .list();
    }

    /** Cycles not yet closed, per kind (kinds with none are absent): one grouped query. */
    java.util.Map<CycleKind, Long> openCountsByKind() {
        java.util.Map<CycleKind, Long> counts = new java.util.EnumMap<>(CycleKind.class);
        return jdbc.sql("select kind, count(*) as open from review_cycle where status <> 'CLOSED' group by kind")
                .query((ResultSet rs) -> {
                    while (rs.next()) {
                        counts.put(CycleKind.valueOf(rs.getString("kind")), rs.getLong("open"));
                    }
                    return counts;
                });
    }

    void updateStatus(long id, CycleStatus status, Instant closedAt) {
        jdbc.sql("update review_cycle set status = ?, closed_at = coalesce(?, closed_at) where id = ?")
                .params(status.name(), ts(closedAt), id)
                .update();
    }

    void updateMeetingPreparation(long id, LocalDate date, String agenda) {
        jdbc.sql(
                        "update review_cycle set status = 'MEETING_PREPARED', meeting_date = ?, meeting_agenda = ? where id = ?")
                .params(date, agenda, id)
                .update();
    }

    void updateMeetingOutcomes(long id, String outcomes, List<String> decisions) {
        jdbc.sql("update review_cycle set meeting_outcomes = ?, meeting_decisions = cast(? as jsonb) where id = ?")
                .params(outcomes, write(decisions), id)
                .update();
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private ReviewCycle map(ResultSet rs) throws SQLException {
        String decisions = rs.getString("meeting_decisions");
        try {
            return new ReviewCycle(
                    rs.getLong("id"),
                    CycleKind.valueOf(rs.getString("kind")),
                    rs.getString("period"),
                    CycleStatus.valueOf(rs.getString("status")),
                    instant(rs.getTimestamp("reminder_at")),
                    instant(rs.getTimestamp("submission_due")),
                    instant(rs.getTimestamp("window_closes_at")),
                    rs.getInt("participant_count"),
                    rs.getString("process_instance_id"),
                    rs.getString("opened_by"),
                    instant(rs.getTimestamp("opened_at")),
                    instant(rs.getTimestamp("closed_at")),
                    rs.getObject("meeting_date", LocalDate.class),
                    rs.getString("meeting_agenda"),
                    rs.getString("meeting_outcomes"),
                    decisions == null ? null : json.readTree(decisions),
                    rs.getObject("conference_date", LocalDate.class),
                    days(rs.getArray("reminder_days")));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<Integer> days(java.sql.Array array) throws SQLException {
        if (array == null) {
            return null;
        }
        Object[] values = (Object[]) array.getArray();
        return java.util.Arrays.stream(values).map(v -> ((Number) v).intValue()).toList();
    }

    private static Timestamp ts(Instant instant) {
        return instant == null ? null : Timestamp.from(instant);
    }

    private static Instant instant(Timestamp timestamp) {
        return timestamp == null ? null : timestamp.toInstant();
    }
}
