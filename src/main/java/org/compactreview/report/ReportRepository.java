package org.compactreview.report;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.RowCallbackHandler;
import org.springframework.jdbc.core.namedparam.MapSqlParameterSource;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class ReportRepository {

    private static final TypeReference<List<ReportEntry>> ENTRIES = new TypeReference<>() {};

    private final JdbcClient jdbc;
    private final JdbcTemplate template;
    private final ObjectMapper json;

    ReportRepository(JdbcClient jdbc, JdbcTemplate template, ObjectMapper json) {
        this.jdbc = jdbc;
        this.template = template;
        this.json = json;
    }

    void insertDrafts(long cycleId, Collection<String> participantCodes, boolean regional, Instant now, String by) {
        template.batchUpdate(
                "insert into report (cycle_id, participant_code, status, updated_at, updated_by, regional)"
                        + " values (?, ?, 'DRAFT', ?, ?, " + regional + ")",
                participantCodes,
                200,
                (ps, code) -> {
                    ps.setLong(1, cycleId);
                    ps.setString(2, code);
                    ps.setTimestamp(3, Timestamp.from(now));
                    ps.setString(4, by);
                });
    }

    Optional<ReportRow> find(long id) {
        return jdbc.sql("select * from report where id = ?")
                .param(id)
                .query((rs, n) -> row(rs))
                .optional();
    }

    /** Locks the report row until the transaction ends: concurrent changes to it queue here. */
    Optional<ReportRow> lock(long id) {
        return jdbc.sql("select * from report where id = ? for update")
                .param(id)
                .query((rs, n) -> row(rs))
                .optional();
    }

    private static final String OF_PARTICIPANT = "select * from report where cycle_id = ? and participant_code = ?";

    /** A participant's report in a cycle. */
    Optional<ReportRow> find(long cycleId, String participantCode) {
        return jdbc.sql(OF_PARTICIPANT)
                .params(cycleId, participantCode)
                .query((rs, n) -> row(rs))
                .optional();
    }

    Optional<ReportRow> lock(long cycleId, String participantCode) {
        return jdbc.sql(OF_PARTICIPANT + " for update")
                .params(cycleId, participantCode)
                .query((rs, n) -> row(rs))
                .optional();
    }

    List<String> participantsOf(long cycleId) {
        return jdbc.sql("select participant_code from report where cycle_id = ? order by participant_code")
                .param(cycleId)
                .query(String.class)
                .list();
    }

    List<ReportRow> inCycle(long cycleId) {
        return jdbc.sql("select * from report where cycle_id = ? order by participant_code")
                .param(cycleId)
                .query((rs, n) -> row(rs))
                .list();
    }

    List<ReportRow> forParticipants(Collection<String> participantCodes, Long cycleId) {
        return jdbc.sql(
                        """
                        select * from report
                        where participant_code in (:codes) and (cast(:cycle as bigint) is null or cycle_id = :cycle)
                        order by cycle_id desc, participant_code
                        """)
                .param("codes", participantCodes.isEmpty() ? List.of("") : participantCodes)
                .param("cycle", cycleId)
                .query((rs, n) -> row(rs))
                .list();
    }

    List<ReportRow> withStatus(ReportStatus status) {
        return jdbc.sql("select * from report where status = ? order by updated_at, id")
                .param(status.name())
                .query((rs, n) -> row(rs))
                .list();
    }

    /**
     * One page of the reports in a status, oldest change first: of one cycle ({@code cycleId} not
     * null) and among some participants ({@code participants} not null), for the validation queue.
     */
    org.compactreview.platform.Page<ReportRow> withStatus(
            ReportStatus status,
            Long cycleId,
            Collection<String> participants,
            org.compactreview.platform.PageRequest page) {
        if (participants != null && participants.isEmpty()) {
            return new org.compactreview.platform.Page<>(List.of(), page.page(), page.size(), 0);
        }
        String where = " where status = :status"
                + (cycleId == null ? "" : " and cycle_id = :cycle")
                + (participants == null ? "" : " and participant_code in (:codes)");
        MapSqlParameterSource params = new MapSqlParameterSource("status", status.name());
        if (cycleId != null) {
            params.addValue("cycle", cycleId);
        }
        if (participants != null) {
            params.addValue("codes", participants);
        }
        long total = jdbc.sql("select count(*) from report" + where)
                .paramSource(params)
                .query(Long.class)
                .single();
        params.addValue("limit", page.size()).addValue("offset", page.offset());
        List<ReportRow> rows = jdbc.sql(
                        "select * from report" + where + " order by updated_at, id limit :limit offset :offset")
                .paramSource(params)
                .query((rs, n) -> row(rs))
                .list();
        return new org.compactreview.platform.Page<>(rows, page.page(), page.size(), total);
    }

    /** The cycles that have reports in a status. */
    List<Long> cyclesWithStatus(ReportStatus status) {
        return jdbc.sql("select distinct cycle_id from report where status = ? order by cycle_id desc")
                .param(status.name())
                .query(Long.class)
                .list();
    }

    /** The accepted national reports of the members since the conference before this one. */
    List<ReportRow> acceptedNationalReportsOf(Collection<String> memberCodes, long conferenceCycleId) {
        if (memberCodes.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select r.* from report r join review_cycle c on c.id = r.cycle_id"
                        + " where r.status = 'ACCEPTED' and not r.regional"
                        + " and c.kind = 'ANNUAL_REVIEW'"
                        + " and c.opened_at > coalesce((select max(p.opened_at) from review_cycle p"
                        + "   where p.kind = 'HIGH_LEVEL_CONFERENCE' and p.id <> :conference"
                        + "   and p.opened_at < (select opened_at from review_cycle where id = :conference)),"
                        + "   '-infinity'::timestamptz)"
                        + " and r.participant_code in (:members)"
                        + " order by c.opened_at, r.participant_code")
                .param("members", memberCodes)
                .param("conference", conferenceCycleId)
                .query((rs, n) -> row(rs))
                .list();
    }

    List<ReportEntry> entries(long reportId) {
        return jdbc.sql("select * from report_entry where report_id = ? order by objective_number")
                .param(reportId)
                .query((rs, n) -> entry(rs))
                .list();
    }

    /** The stored entries of many reports in one query, by report id (absent: none stored). */
    Map<Long, List<ReportEntry>> entries(Collection<Long> reportIds) {
        Map<Long, List<ReportEntry>> byReport = new HashMap<>();
        if (reportIds.isEmpty()) {
            return byReport;
        }
        template.query(
                connection -> {
                    PreparedStatement statement = connection.prepareStatement(
                            "select * from report_entry where report_id = any(?) order by report_id, objective_number");
                    statement.setArray(1, connection.createArrayOf("bigint", reportIds.toArray()));
                    return statement;
                },
                (RowCallbackHandler) rs -> byReport.computeIfAbsent(rs.getLong("report_id"), id -> new ArrayList<>())
                        .add(entry(rs)));
        return byReport;
    }

    private static ReportEntry entry(ResultSet rs) throws SQLException {
        return new ReportEntry(
                rs.getInt("objective_number"),
                (Integer) rs.getObject("rating", Integer.class),
                rs.getString("achievements"),
                rs.getString("obstacles"),
                rs.getString("priorities"),
                rs.getBoolean("support_needed"),
                rs.getString("good_practices"));
    }

    /**
     * Writes the entries a save changed, each with its author and the report version the save
     * makes ({@code changedIn}): a later save from an older version may still change the other
     * entries (see {@code ReportService.saveDraft}).
     */
    void upsertEntries(long reportId, List<ReportEntry> entries, int changedIn, String by, Instant at) {
        template.batchUpdate(
                """
                insert into report_entry (report_id, objective_number, rating, achievements, obstacles, priorities, support_needed,
                                          good_practices, changed_in, updated_by, updated_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                on conflict (report_id, objective_number) do update set
                  rating = excluded.rating, achievements = excluded.achievements, obstacles = excluded.obstacles,
                  priorities = excluded.priorities, support_needed = excluded.support_needed,
                  good_practices = excluded.good_practices, changed_in = excluded.changed_in,
                  updated_by = excluded.updated_by, updated_at = excluded.updated_at
                """,
                entries,
                50,
                (ps, e) -> {
                    ps.setLong(1, reportId);
                    ps.setInt(2, e.objective());
                    ps.setObject(3, e.rating());
                    ps.setString(4, e.achievements());
                    ps.setString(5, e.obstacles());
                    ps.setString(6, e.priorities());
                    ps.setBoolean(7, e.supportNeeded());
                    ps.setString(8, e.goodPractices());
                    ps.setInt(9, changedIn);
                    ps.setString(10, by);
                    ps.setTimestamp(11, Timestamp.from(at));
                });
    }

    /** A report's stored entries with who last wrote each and in which report version. */
    List<StoredEntry> storedEntries(long reportId) {
        return jdbc.sql("select * from report_entry where report_id = ? order by objective_number")
                .param(reportId)
                .query((rs, n) -> new StoredEntry(
                        entry(rs),
                        rs.getInt("changed_in"),
                        rs.getString("updated_by"),
                        rs.getTimestamp("updated_at") == null
                                ? null
                                : rs.getTimestamp("updated_at").toInstant()))
                .list();
    }

    /** An entry as stored, with its last author and the report version it last changed in. */
    record StoredEntry(ReportEntry entry, int changedIn, String updatedBy, Instant updatedAt) {}

    /** The report row after a change; {@link #submitted} and {@link #decided} write it too. */
    private static final String UPDATE_REPORT =
            """
            update report set status = :status, submitted_version = :version, return_comment = :returnComment,
                   lock_version = lock_version + 1, updated_at = :at, updated_by = :by
            where id = :id
            """;

    void update(long id, ReportStatus status, int submittedVersion, String returnComment, Instant now, String by) {
        jdbc.sql(UPDATE_REPORT)
                .paramSource(reportParams(id, status, submittedVersion, returnComment, now, by))
                .update();
    }

    /**
     * Stores a submitted version and marks the report submitted, in one statement: one round trip
     * less on every submission, the busiest write of a cycle.
     */
    void submitted(long reportId, int version, String returnComment, Instant at, String by, List<ReportEntry> entries) {
        jdbc.sql(
                        """
                        with version as (
                            insert into report_version (report_id, version, submitted_at, submitted_by, entries)
                            values (:id, :version, :at, :by, cast(:entries as jsonb))
                        )
                        """
                                + UPDATE_REPORT)
                .paramSource(reportParams(reportId, ReportStatus.SUBMITTED, version, returnComment, at, by)
                        .addValue("entries", write(entries)))
                .update();
    }

    /** Stores the secretariat's decision on a version and the report's new status, in one statement. */
    void decided(
            long reportId,
            int version,
            ValidationDecision decision,
            String comment,
            ReportStatus next,
            String returnComment,
            Instant at,
            String by) {
        jdbc.sql(
                        """
                        with decision as (
                            insert into validation_decision (report_id, version, decision, comment, decided_by, decided_at)
                            values (:id, :version, :decision, :comment, :by, :at)
                        )
                        """
                                + UPDATE_REPORT)
                .paramSource(reportParams(reportId, next, version, returnComment, at, by)
                        .addValue("decision", decision.name())
                        .addValue("comment", comment))
                .update();
    }

    private static MapSqlParameterSource reportParams(
            long id, ReportStatus status, int version, String returnComment, Instant at, String by) {
        return new MapSqlParameterSource()
                .addValue("id", id)
                .addValue("status", status.name())
                .addValue("version", version)
                .addValue("returnComment", returnComment)
                .addValue("at", Timestamp.from(at))
                .addValue("by", by);
    }

    List<ReportVersion> versions(long reportId) {
        return jdbc.sql(
                        """
                        select v.*, d.decision, d.comment, d.decided_by, d.decided_at
                        from report_version v
                        left join validation_decision d on d.report_id = v.report_id and d.version = v.version
                        where v.report_id = ? order by v.version
                        """)
                .param(reportId)
                .query((rs, n) -> new ReportVersion(
                        rs.getInt("version"),
                        rs.getTimestamp("submitted_at").toInstant(),
                        rs.getString("submitted_by"),
                        rs.getString("decision"),
                        rs.getString("comment"),
                        rs.getString("decided_by"),
                        rs.getTimestamp("decided_at") == null
                                ? null
                                : rs.getTimestamp("decided_at").toInstant(),
                        read(rs.getString("entries"))))
                .list();
    }

    private String write(List<ReportEntry> entries) {
        try {
            return json.writeValueAsString(entries);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<ReportEntry> read(String entries) {
        try {
            return json.readValue(entries, ENTRIES);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static ReportRow row(ResultSet rs) throws SQLException {
        return new ReportRow(
                rs.getLong("id"),
                rs.getLong("cycle_id"),
                rs.getString("participant_code"),
                ReportStatus.valueOf(rs.getString("status")),
                rs.getInt("submitted_version"),
                rs.getInt("lock_version"),
                rs.getString("return_comment"),
                rs.getTimestamp("updated_at").toInstant(),
                rs.getString("updated_by"),
                rs.getBoolean("regional"));
    }

    /** The report's own row, without entries. */
    record ReportRow(
            long id,
            long cycleId,
            String participantCode,
            ReportStatus status,
            int submittedVersion,
            int lockVersion,
            String returnComment,
            Instant updatedAt,
            String updatedBy,
            boolean regional) {}
}
