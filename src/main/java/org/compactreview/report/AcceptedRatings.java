package org.compactreview.report;

import java.util.Collection;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What benchmarking reads of reports: the entries of accepted national reports only. An accepted
 * report can no longer be edited, so its entries are those of the version that was accepted.
 * Regional reviews (no ratings) are left out. No access check here: the caller checks its own.
 */
@Service
public class AcceptedRatings {

    private final JdbcClient jdbc;

    AcceptedRatings(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Every entry of the accepted national reports of the given cycles, without texts. */
    @Transactional(readOnly = true)
    public List<AcceptedRating> ofCycles(Collection<Long> cycleIds) {
        if (cycleIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(
                        """
                        select r.cycle_id, r.participant_code, e.objective_number, e.rating, e.support_needed
                        from report r join report_entry e on e.report_id = r.id
                        where r.cycle_id in (:cycles) and r.status = 'ACCEPTED' and not r.regional
                        order by r.cycle_id, r.participant_code, e.objective_number
                        """)
                .param("cycles", cycleIds)
                .query((rs, n) -> new AcceptedRating(
                        rs.getLong("cycle_id"),
                        rs.getString("participant_code"),
                        rs.getInt("objective_number"),
                        (Integer) rs.getObject("rating", Integer.class),
                        rs.getBoolean("support_needed")))
                .list();
    }

    /** The given cycles that have at least one accepted national report. */
    @Transactional(readOnly = true)
    public List<Long> cyclesWithAcceptedReports(Collection<Long> cycleIds) {
        if (cycleIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(
                        """
                        select distinct cycle_id from report
                        where cycle_id in (:cycles) and status = 'ACCEPTED' and not regional
                        """)
                .param("cycles", cycleIds)
                .query(Long.class)
                .list();
    }

    /** One participant's accepted entries in the given cycles, with their texts. */
    @Transactional(readOnly = true)
    public List<AcceptedEntry> ofParticipant(String participantCode, Collection<Long> cycleIds) {
        if (cycleIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(
                        """
                        select r.cycle_id, r.id as report_id, r.submitted_version, e.objective_number, e.rating,
                               e.support_needed, e.achievements, e.obstacles, e.priorities
                        from report r join report_entry e on e.report_id = r.id
                        where r.participant_code = :code and r.cycle_id in (:cycles)
                          and r.status = 'ACCEPTED' and not r.regional
                        order by r.cycle_id, e.objective_number
                        """)
                .param("code", participantCode)
                .param("cycles", cycleIds)
                .query((rs, n) -> new AcceptedEntry(
                        rs.getLong("cycle_id"),
                        rs.getLong("report_id"),
                        rs.getInt("submitted_version"),
                        rs.getInt("objective_number"),
                        (Integer) rs.getObject("rating", Integer.class),
                        rs.getBoolean("support_needed"),
                        rs.getString("achievements"),
                        rs.getString("obstacles"),
                        rs.getString("priorities")))
                .list();
    }

    /** A participant's rating of one objective in an accepted report; {@code rating} may be null. */
    public record AcceptedRating(
            long cycleId, String participantCode, int objective, Integer rating, boolean supportNeeded) {}

    /** An accepted entry with its texts and the report version it was accepted in. */
    public record AcceptedEntry(
            long cycleId,
            long reportId,
            int version,
            int objective,
            Integer rating,
            boolean supportNeeded,
            String achievements,
            String obstacles,
            String priorities) {}
}
