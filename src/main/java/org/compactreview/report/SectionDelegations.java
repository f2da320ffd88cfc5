package org.compactreview.report;

import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The {@code section_delegation} table. Callers lock the report row before they change one. */
@Repository
class SectionDelegations {

    private static final String SELECT = "select d.*, r.cycle_id, r.participant_code from section_delegation d"
            + " join report r on r.id = d.report_id";

    private final JdbcClient jdbc;

    SectionDelegations(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(long reportId, List<Integer> objectives, String delegate, String by, String note, Instant at) {
        return jdbc.sql(
                        """
                        insert into section_delegation (report_id, objectives, delegate, delegated_by, note, created_at)
                        values (?, cast(? as smallint[]), ?, ?, ?, ?) returning id
                        """)
                .params(reportId, arrayLiteral(objectives), delegate, by, note, Timestamp.from(at))
                .query(Long.class)
                .single();
    }

    Optional<RawDelegation> find(long id) {
        return jdbc.sql(SELECT + " where d.id = ?")
                .param(id)
                .query((rs, n) -> row(rs))
                .optional();
    }

    /** A report's delegations, newest first. */
    List<RawDelegation> ofReport(long reportId) {
        return jdbc.sql(SELECT + " where d.report_id = ? order by d.created_at desc, d.id desc")
                .param(reportId)
                .query((rs, n) -> row(rs))
                .list();
    }

    /** A contributor's delegations, open ones first, then the newest. */
    List<RawDelegation> ofDelegate(String username) {
        return jdbc.sql(SELECT + " where d.delegate = ? order by d.state <> 'OPEN', d.created_at desc, d.id desc")
                .param(username)
                .query((rs, n) -> row(rs))
                .list();
    }

    /** The objectives of a report under the contributor's open delegations (empty: none). */
    Set<Integer> openSections(long reportId, String username) {
        Set<Integer> sections = new TreeSet<>();
        jdbc.sql("select objectives from section_delegation where report_id = ? and delegate = ? and state = 'OPEN'")
                .params(reportId, username)
                .query((rs, n) -> objectives(rs.getArray("objectives")))
                .list()
                .forEach(sections::addAll);
        return sections;
    }

    /** The ids of the reports where the contributor has an open delegation. */
    List<Long> reportsWithOpenDelegation(String username) {
        return jdbc.sql("select distinct report_id from section_delegation where delegate = ? and state = 'OPEN'"
                        + " order by report_id desc")
                .param(username)
                .query(Long.class)
                .list();
    }

    /** A report's open delegations. */
    List<RawDelegation> openOn(long reportId) {
        return jdbc.sql(SELECT + " where d.report_id = ? and d.state = 'OPEN' order by d.id")
                .param(reportId)
                .query((rs, n) -> row(rs))
                .list();
    }

    void end(long id, DelegationState state, String by, String reason, Instant at) {
        jdbc.sql("update section_delegation set state = ?, ended_by = ?, end_reason = ?, ended_at = ? where id = ?")
                .params(state.name(), by, reason, Timestamp.from(at), id)
                .update();
    }

    private static String arrayLiteral(List<Integer> objectives) {
        return "{" + String.join(",", objectives.stream().map(String::valueOf).toList()) + "}";
    }

    private static List<Integer> objectives(Array array) throws SQLException {
        Object[] values = (Object[]) array.getArray();
        return Arrays.stream(values).map(v -> ((Number) v).intValue()).sorted().toList();
    }

    private static RawDelegation row(ResultSet rs) throws SQLException {
        return new RawDelegation(
                rs.getLong("id"),
                rs.getLong("report_id"),
                rs.getLong("cycle_id"),
                rs.getString("participant_code"),
                objectives(rs.getArray("objectives")),
                rs.getString("delegate"),
                rs.getString("delegated_by"),
                rs.getString("note"),
                DelegationState.valueOf(rs.getString("state")),
                rs.getTimestamp("created_at").toInstant(),
                rs.getTimestamp("ended_at") == null
                        ? null
                        : rs.getTimestamp("ended_at").toInstant(),
                rs.getString("ended_by"),
                rs.getString("end_reason"));
    }

    /** A stored delegation, before the contributor's display name is added. */
    record RawDelegation(
            long id,
            long reportId,
            long cycleId,
            String participantCode,
            List<Integer> objectives,
            String delegate,
            String delegatedBy,
            String note,
            DelegationState state,
            Instant createdAt,
            Instant endedAt,
            String endedBy,
            String endReason) {

        SectionDelegation named(String delegateName) {
            return new SectionDelegation(
                    id,
                    reportId,
                    cycleId,
                    participantCode,
                    objectives,
                    delegate,
                    delegateName,
                    delegatedBy,
                    note,
                    state,
                    createdAt,
                    endedAt,
                    endedBy,
                    endReason);
        }
    }
}
