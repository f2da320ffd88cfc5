package org.compactreview.report;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
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

    /**
     * Of the given cycles, those that include one of the participants, each with the report of the
     * first such participant (by code): the focal points' calendar feeds (notify) link to it.
     */
    @Transactional(readOnly = true)
    public Map<Long, Long> reportsInCycles(Collection<String> participantCodes, Collection<Long> cycleIds) {
        if (participantCodes.isEmpty() || cycleIds.isEmpty()) {
            return Map.of();
        }
        Map<Long, Long> reports = new java.util.LinkedHashMap<>();
        jdbc.sql(
                        """
                        select distinct on (cycle_id) cycle_id, id from report
                        where cycle_id in (:cycles) and participant_code in (:codes)
                        order by cycle_id, participant_code
                        """)
                .param("cycles", cycleIds)
                .param("codes", participantCodes)
                .query((rs, n) -> Map.entry(rs.getLong("cycle_id"), rs.getLong("id")))
                .list()
                .forEach(entry -> reports.put(entry.getKey(), entry.getValue()));
        return reports;
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

    /**
     * The overview's facts of each given cycle in one statement: reports per status, every first
     * submission's instant, how many first submissions were decided and how many of them accepted
     * as they were, and each accepted report's seconds from first submission to acceptance. A
     * cycle without reports is absent from the map.
     */
    @Transactional(readOnly = true)
    public Map<Long, CycleReportFacts> overviewFacts(Collection<Long> cycleIds) {
        if (cycleIds.isEmpty()) {
            return Map.of();
        }
        return jdbc
                .sql(
                        """
                        select r.cycle_id,
                               count(*) filter (where r.status = 'DRAFT') as drafts,
                               count(*) filter (where r.status = 'SUBMITTED') as submitted,
                               count(*) filter (where r.status = 'RETURNED') as returned,
                               count(*) filter (where r.status = 'ACCEPTED') as accepted,
                               count(*) filter (where r.status in ('NOT_SUBMITTED', 'CLOSED')) as closed,
                               array_remove(array_agg(v.submitted_at), null) as first_submissions,
                               count(d.decision) as first_decided,
                               count(*) filter (where d.decision = 'ACCEPT') as accepted_first,
                               array_remove(array_agg(cast(extract(epoch from (a.decided_at - v.submitted_at)) as bigint)),
                                            null) as seconds_to_acceptance
                        from report r
                        left join report_version v on v.report_id = r.id and v.version = 1
                        left join validation_decision d on d.report_id = r.id and d.version = 1
                        left join validation_decision a on a.report_id = r.id and a.decision = 'ACCEPT'
                        where r.cycle_id in (:cycles)
                        group by r.cycle_id
                        """)
                .param("cycles", cycleIds)
                .query((rs, n) -> new CycleReportFacts(
                        rs.getLong("cycle_id"),
                        rs.getInt("drafts"),
                        rs.getInt("submitted"),
                        rs.getInt("returned"),
                        rs.getInt("accepted"),
                        rs.getInt("closed"),
                        instants(rs.getArray("first_submissions")),
                        rs.getInt("first_decided"),
                        rs.getInt("accepted_first"),
                        longs(rs.getArray("seconds_to_acceptance"))))
                .list()
                .stream()
                .collect(Collectors.toMap(CycleReportFacts::cycleId, Function.identity()));
    }

    private static List<Instant> instants(Array array) throws SQLException {
        return Arrays.stream((Timestamp[]) array.getArray())
                .map(Timestamp::toInstant)
                .toList();
    }

    private static List<Long> longs(Array array) throws SQLException {
        return Arrays.stream((Long[]) array.getArray()).toList();
    }

    /** What {@link #overviewFacts} counted of one cycle's reports. */
    public record CycleReportFacts(
            long cycleId,
            int drafts,
            int submitted,
            int returned,
            int accepted,
            int closedUnsubmitted,
            List<Instant> firstSubmissions,
            int firstDecided,
            int acceptedAtFirst,
            List<Long> secondsToAcceptance) {}

    /** A report's own row, as boards list it. */
    public record ReportSummary(
            long id, String participantCode, ReportStatus status, int submittedVersion, boolean regional) {}

    /** The median rating of one objective in one consolidated cycle. */
    public record ObjectiveMedian(long cycleId, int objective, BigDecimal medianRating, int reportsCounted) {}

    /** A regional body's summary of progress on an objective. */
    public record RegionalAchievement(int objective, String regionalBody, String achievements) {}
}
