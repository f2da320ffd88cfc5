package org.compactreview.cycle;

import java.sql.Array;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class ConferenceRepository {

    private final JdbcClient jdbc;

    ConferenceRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void saveNarrative(long cycleId, String narrative, String by, Instant now) {
        jdbc.sql(
                        """
                        insert into conference_progress_report (cycle_id, narrative, compiled_by, compiled_at)
                        values (?, ?, ?, ?)
                        on conflict (cycle_id) do update set narrative = excluded.narrative,
                            compiled_by = excluded.compiled_by, compiled_at = excluded.compiled_at
                        """)
                .params(cycleId, narrative, by, Timestamp.from(now))
                .update();
    }

    Optional<String> narrative(long cycleId) {
        return jdbc.sql("select narrative from conference_progress_report where cycle_id = ?")
                .param(cycleId)
                .query(String.class)
                .optional();
    }

    void insertSubmission(
            long cycleId,
            StakeholderSubmission.StakeholderGroup group,
            String organisation,
            String text,
            String by,
            Instant now) {
        jdbc.sql(
                        """
                        insert into stakeholder_submission (cycle_id, stakeholder_group, organisation, submission,
                                                            recorded_by, recorded_at)
                        values (?, ?, ?, ?, ?, ?)
                        """)
                .params(cycleId, group.name(), organisation, text, by, Timestamp.from(now))
                .update();
    }

    List<StakeholderSubmission> submissions(long cycleId) {
        return jdbc.sql("select * from stakeholder_submission where cycle_id = ? order by recorded_at, id")
                .param(cycleId)
                .query((rs, n) -> new StakeholderSubmission(
                        rs.getLong("id"),
                        StakeholderSubmission.StakeholderGroup.valueOf(rs.getString("stakeholder_group")),
                        rs.getString("organisation"),
                        rs.getString("submission"),
                        rs.getString("recorded_by"),
                        rs.getTimestamp("recorded_at").toInstant()))
                .list();
    }

    int insertDraft(long cycleId, String text, String by, Instant now) {
        return jdbc.sql(
                        """
                        insert into declaration_draft (cycle_id, number, text, created_by, created_at)
                        values (?, (select coalesce(max(number), 0) + 1 from declaration_draft where cycle_id = ?), ?, ?, ?)
                        returning number
                        """)
                .params(cycleId, cycleId, text, by, Timestamp.from(now))
                .query(Integer.class)
                .single();
    }

    List<DeclarationDraft> drafts(long cycleId) {
        return jdbc.sql("select * from declaration_draft where cycle_id = ? order by number")
                .param(cycleId)
                .query((rs, n) -> new DeclarationDraft(
                        rs.getInt("number"),
                        rs.getString("text"),
                        rs.getString("created_by"),
                        rs.getTimestamp("created_at").toInstant()))
                .list();
    }

    void insertFollowUpItem(long cycleId, Commitment commitment, Instant now) {
        jdbc.sql(
                        """
                        insert into follow_up_item (cycle_id, objective_number, text, responsible, created_at)
                        values (?, ?, ?, ?, ?)
                        """)
                .params(
                        cycleId,
                        commitment.objective(),
                        commitment.text(),
                        commitment.responsible().toArray(String[]::new),
                        Timestamp.from(now))
                .update();
    }

    /** Follow-up items for a participant: those naming it and those for every participant. */
    List<FollowUpItem> followUpItems(String participantCode, Integer objective) {
        return jdbc.sql(
                        """
                        select f.*, c.period from follow_up_item f join review_cycle c on c.id = f.cycle_id
                        where (cast(:participant as varchar) is null or cardinality(f.responsible) = 0
                               or :participant = any(f.responsible))
                          and (cast(:objective as smallint) is null or f.objective_number = :objective)
                        order by f.objective_number, f.id
                        """)
                .param("participant", participantCode)
                .param("objective", objective)
                .query((rs, n) -> item(rs))
                .list();
    }

    /** Follow-up items for any of some participants: those naming one of them and those for all. */
    List<FollowUpItem> followUpItemsFor(java.util.Collection<String> participantCodes, Integer objective) {
        return jdbc.sql(
                        """
                        select f.*, c.period from follow_up_item f join review_cycle c on c.id = f.cycle_id
                        where (cardinality(f.responsible) = 0
                               or exists (select 1 from unnest(f.responsible) r where r in (:codes)))
                          and (cast(:objective as smallint) is null or f.objective_number = :objective)
                        order by f.objective_number, f.id
                        """)
                .param("codes", participantCodes.isEmpty() ? List.of("") : participantCodes)
                .param("objective", objective)
                .query((rs, n) -> item(rs))
                .list();
    }

    private static FollowUpItem item(java.sql.ResultSet rs) throws SQLException {
        return new FollowUpItem(
                rs.getLong("id"),
                rs.getLong("cycle_id"),
                rs.getString("period"),
                rs.getInt("objective_number"),
                rs.getString("text"),
                strings(rs.getArray("responsible")),
                rs.getTimestamp("created_at").toInstant());
    }

    private static List<String> strings(Array array) throws SQLException {
        return Arrays.stream((Object[]) array.getArray()).map(String::valueOf).toList();
    }
}
