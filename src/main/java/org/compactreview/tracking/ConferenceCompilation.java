package org.compactreview.tracking;

import java.math.BigDecimal;
import java.util.List;
import org.compactreview.framework.RoundTables;
import org.compactreview.platform.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What the system assembles for a conference's progress report, per round table and objective:
 * the rating trend across the annual cycles of the conference's period, the accepted regional
 * reviews' summaries, and the capacity-building requests still open.
 *
 * <p>The annual cycles of a period "2026-2030" are those whose period is a year from 2026 to
 * 2030; for any other period, the annual cycles opened since the previous conference.
 */
@Service
public class ConferenceCompilation {

    private final JdbcClient jdbc;
    private final RoundTables roundTables;

    ConferenceCompilation(JdbcClient jdbc, RoundTables roundTables) {
        this.jdbc = jdbc;
        this.roundTables = roundTables;
    }

    @Transactional(readOnly = true)
    public Compiled compile(long conferenceId) {
        String period = jdbc.sql("select period from review_cycle where id = ? and kind = 'HIGH_LEVEL_CONFERENCE'")
                .param(conferenceId)
                .query(String.class)
                .optional()
                .orElseThrow(() -> new NotFoundException("conference", conferenceId));
        List<Long> cycles = annualCycles(conferenceId, period);
        List<Group> groups = roundTables.roundTables().stream()
                .map(group -> new Group(
                        group.number(),
                        group.objectives().stream()
                                .map(objective -> objective(conferenceId, cycles, objective))
                                .toList()))
                .toList();
        return new Compiled(period, cycles.size(), groups);
    }

    private List<Long> annualCycles(long conferenceId, String period) {
        if (period.matches("\\d{4}-\\d{4}")) {
            int from = Integer.parseInt(period.substring(0, 4));
            int to = Integer.parseInt(period.substring(5));
            return jdbc.sql(
                            """
                            select id from review_cycle where kind = 'ANNUAL_REVIEW' and period ~ '^[0-9]{4}$'
                              and cast(period as integer) between ? and ? order by period
                            """)
                    .params(from, to)
                    .query(Long.class)
                    .list();
        }
        return jdbc.sql(
                        """
                        select a.id from review_cycle a, review_cycle c
                        where c.id = ? and a.kind = 'ANNUAL_REVIEW' and a.opened_at < c.opened_at
                          and a.opened_at > coalesce((select max(p.opened_at) from review_cycle p
                              where p.kind = 'HIGH_LEVEL_CONFERENCE' and p.opened_at < c.opened_at), '-infinity'::timestamptz)
                        order by a.opened_at
                        """)
                .param(conferenceId)
                .query(Long.class)
                .list();
    }

    private ObjectiveCompiled objective(long conferenceId, List<Long> cycles, int objective) {
        List<TrendPoint> trend = cycles.isEmpty()
                ? List.of()
                : jdbc.sql(
                                """
                                select c.period, s.median_rating, s.reports_counted
                                from cycle_objective_summary s join review_cycle c on c.id = s.cycle_id
                                where s.cycle_id in (:cycles) and s.objective_number = :objective
                                order by c.opened_at, c.period
                                """)
                        .param("cycles", cycles)
                        .param("objective", objective)
                        .query((rs, n) -> new TrendPoint(
                                rs.getString("period"),
                                rs.getBigDecimal("median_rating"),
                                rs.getInt("reports_counted")))
                        .list();
        List<RegionalSummary> regional = jdbc.sql(
                        """
                        select r.participant_code, e.achievements from report r
                        join report_entry e on e.report_id = r.id and e.objective_number = ?
                        where r.cycle_id = ? and r.regional and r.status = 'ACCEPTED'
                        order by r.participant_code
                        """)
                .params(objective, conferenceId)
                .query((rs, n) -> new RegionalSummary(rs.getString("participant_code"), rs.getString("achievements")))
                .list();
        long openRequests = jdbc.sql(
                        """
                        select count(*) from capacity_request
                        where objective_number = ? and stage in ('ASSESSMENT', 'PLANNING', 'IMPLEMENTATION', 'EVALUATION')
                        """)
                .param(objective)
                .query(Long.class)
                .single();
        return new ObjectiveCompiled(objective, trend, regional, openRequests);
    }

    /** The compiled material of a conference. */
    public record Compiled(String period, int annualCycles, List<Group> roundTables) {}

    /** One round table: its number (title: message {@code roundtable.N}) and objectives. */
    public record Group(int number, List<ObjectiveCompiled> objectives) {}

    /** One objective: its trend, the regional summaries and how many support requests are open. */
    public record ObjectiveCompiled(
            int objective,
            List<TrendPoint> trend,
            List<RegionalSummary> regionalSummaries,
            long openCapacityRequests) {}

    /** The median rating and number of accepted reports of one annual cycle. */
    public record TrendPoint(String period, BigDecimal medianRating, int reportsCounted) {}

    /** A regional body's summary of progress on the objective. */
    public record RegionalSummary(String regionalBody, String summary) {}
}
