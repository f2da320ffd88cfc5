package org.compactreview.report;

import java.math.BigDecimal;
import java.sql.Array;
import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Benchmarking across participants: per objective, how many accepted reports gave each rating,
 * the median rating and which participants need capacity-building support. Only accepted reports
 * count; reports not submitted or closed in revision do not.
 */
@Service
public class Consolidation {

    private final JdbcClient jdbc;

    Consolidation(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Computes and stores the summary of a cycle; running it again gives the same rows. */
    @Transactional
    public void consolidate(long cycleId) {
        jdbc.sql(
                        """
                        insert into cycle_objective_summary
                            (cycle_id, objective_number, reports_counted, rating_counts, median_rating, support_needed_by)
                        select :cycle, o.number,
                               count(e.rating),
                               array[count(*) filter (where e.rating = 0), count(*) filter (where e.rating = 1),
                                     count(*) filter (where e.rating = 2), count(*) filter (where e.rating = 3),
                                     count(*) filter (where e.rating = 4)]::integer[],
                               percentile_cont(0.5) within group (order by e.rating),
                               coalesce(array_agg(r.participant_code order by r.participant_code)
                                        filter (where e.support_needed), '{}')::varchar(16)[]
                        from objective o
                        left join report r on r.cycle_id = :cycle and r.status = 'ACCEPTED'
                        left join report_entry e on e.report_id = r.id and e.objective_number = o.number
                        group by o.number
                        on conflict (cycle_id, objective_number) do update set
                            reports_counted = excluded.reports_counted, rating_counts = excluded.rating_counts,
                            median_rating = excluded.median_rating, support_needed_by = excluded.support_needed_by
                        """)
                .param("cycle", cycleId)
                .update();
    }

    @Transactional(readOnly = true)
    public List<ObjectiveSummary> summary(long cycleId) {
        return jdbc.sql(
                        """
                        select s.*, o.short_title from cycle_objective_summary s
                        join objective o on o.number = s.objective_number
                        where s.cycle_id = ? order by s.objective_number
                        """)
                .param(cycleId)
                .query((rs, n) -> new ObjectiveSummary(
                        rs.getInt("objective_number"),
                        rs.getString("short_title"),
                        rs.getInt("reports_counted"),
                        ints(rs.getArray("rating_counts")),
                        rs.getBigDecimal("median_rating"),
                        strings(rs.getArray("support_needed_by"))))
                .list();
    }

    private static List<Integer> ints(Array array) throws SQLException {
        return Arrays.stream((Object[]) array.getArray())
                .map(v -> ((Number) v).intValue())
                .toList();
    }

    private static List<String> strings(Array array) throws SQLException {
        return Arrays.stream((Object[]) array.getArray()).map(String::valueOf).toList();
    }

    /**
     * One objective's line of the summary. {@code ratingCounts} has five numbers: how many reports
     * rated it 0, 1, 2, 3 and 4.
     */
    public record ObjectiveSummary(
            int objective,
            String shortTitle,
            int reportsCounted,
            List<Integer> ratingCounts,
            BigDecimal medianRating,
            List<String> supportNeededBy) {}
}
