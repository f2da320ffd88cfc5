package org.compactreview.report;

import java.math.BigDecimal;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What other modules read of reports, in batches: the module that owns the report tables is the
 * only one that names them in SQL. No access check here: callers are services that check their own.
 */
@Service
public class ReportQueries {

    private final JdbcClient jdbc;

    ReportQueries(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The reports of a cycle, without entries, by participant code. */
    @Transactional(readOnly = true)
    public List<ReportSummary> ofCycle(long cycleId) {
        return jdbc.sql(
                        """
                        select id, participant_code, status, submitted_version, regional from report
                        where cycle_id = ? order by participant_code
                        """)
                .param(cycleId)
                .query((rs, n) -> new ReportSummary(
                        rs.getLong("id"),
                        rs.getString("participant_code"),
                        ReportStatus.valueOf(rs.getString("status")),
                        rs.getInt("submitted_version"),
                        rs.getBoolean("regional")))
                .list();
    }

    /** The participants a cycle was opened for, sorted by code. */
    @Transactional(readOnly = true)
    public List<String> participantsOf(long cycleId) {
        return jdbc.sql("select participant_code from report where cycle_id = ? order by participant_code")
                .param(cycleId)
                .query(String.class)
                .list();
    }

    /** The id of a participant's report in a cycle, if it has one. */
    @Transactional(readOnly = true)
    public Optional<Long> reportId(long cycleId, String participantCode) {
        return jdbc.sql("select id from report where cycle_id = ? and participant_code = ?")
                .params(cycleId, participantCode)
                .query(Long.class)
                .optional();
    }

    /** The consolidated medians of the given cycles, per cycle and objective. */
    @Transactional(readOnly = true)
    public List<ObjectiveMedian> medians(Collection<Long> cycleIds) {
        if (cycleIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql(
                        """
                        select cycle_id, objective_number, median_rating, reports_counted
                        from cycle_objective_summary where cycle_id in (:cycles)
                        """)
                .param("cycles", cycleIds)
                .query((rs, n) -> new ObjectiveMedian(
                        rs.getLong("cycle_id"),
                        rs.getInt("objective_number"),
                        rs.getBigDecimal("median_rating"),
                        rs.getInt("reports_counted")))
                .list();
    }

    /** What the accepted regional reviews of a conference say they achieved, per objective. */
    @Transactional(readOnly = true)
    public List<RegionalAchievement> acceptedRegionalAchievements(long conferenceId) {
        return jdbc.sql(
                        """
                        select e.objective_number, r.participant_code, e.achievements from report r
                        join report_entry e on e.report_id = r.id
                        where r.cycle_id = ? and r.regional and r.status = 'ACCEPTED'
                        order by e.objective_number, r.participant_code
                        """)
                .param(conferenceId)
                .query((rs, n) -> new RegionalAchievement(
                        rs.getInt("objective_number"), rs.getString("participant_code"), rs.getString("achievements")))
                .list();
    }

    /** A report's own row, as boards list it. */
    public record ReportSummary(
            long id, String participantCode, ReportStatus status, int submittedVersion, boolean regional) {}

    /** The median rating of one objective in one consolidated cycle. */
    public record ObjectiveMedian(long cycleId, int objective, BigDecimal medianRating, int reportsCounted) {}

    /** A regional body's summary of progress on an objective. */
    public record RegionalAchievement(int objective, String regionalBody, String achievements) {}
}
