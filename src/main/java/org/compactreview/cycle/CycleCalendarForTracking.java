package org.compactreview.cycle;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.compactreview.platform.Page;
import org.compactreview.platform.PageRequest;
import org.compactreview.tracking.CycleCalendar;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** Tracking's boards and conference compilation read the cycles' dates and periods here. */
@Component
class CycleCalendarForTracking implements CycleCalendar {

    private final JdbcClient jdbc;

    CycleCalendarForTracking(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Optional<Instant> submissionDue(long cycleId) {
        return jdbc.sql("select submission_due from review_cycle where id = ?")
                .param(cycleId)
                .query(Timestamp.class)
                .optional()
                .map(Timestamp::toInstant);
    }

    @Override
    public Optional<String> period(long cycleId) {
        return jdbc.sql("select period from review_cycle where id = ?")
                .param(cycleId)
                .query(String.class)
                .optional();
    }

    @Override
    public Optional<String> conferencePeriod(long conferenceId) {
        return jdbc.sql("select period from review_cycle where id = ? and kind = 'HIGH_LEVEL_CONFERENCE'")
                .param(conferenceId)
                .query(String.class)
                .optional();
    }

    @Override
    public List<AnnualCycle> annualCyclesOf(long conferenceId, String period) {
        if (period.matches("\\d{4}-\\d{4}")) {
            int from = Integer.parseInt(period.substring(0, 4));
            int to = Integer.parseInt(period.substring(5));
            return jdbc.sql(
                            """
                            select id, period from review_cycle where kind = 'ANNUAL_REVIEW' and period ~ '^[0-9]{4}$'
                              and cast(period as integer) between ? and ? order by opened_at, period
                            """)
                    .params(from, to)
                    .query((rs, n) -> new AnnualCycle(rs.getLong("id"), rs.getString("period")))
                    .list();
        }
        return jdbc.sql(
                        """
                        select a.id, a.period from review_cycle a, review_cycle c
                        where c.id = ? and a.kind = 'ANNUAL_REVIEW' and a.opened_at < c.opened_at
                          and a.opened_at > coalesce((select max(p.opened_at) from review_cycle p
                              where p.kind = 'HIGH_LEVEL_CONFERENCE' and p.opened_at < c.opened_at), '-infinity'::timestamptz)
                        order by a.opened_at, a.period
                        """)
                .param(conferenceId)
                .query((rs, n) -> new AnnualCycle(rs.getLong("id"), rs.getString("period")))
                .list();
    }

    @Override
    public Page<CycleDates> cycles(PageRequest page) {
        long total =
                jdbc.sql("select count(*) from review_cycle").query(Long.class).single();
        List<CycleDates> items = jdbc.sql(
                        """
                        select id, kind, period, status, opened_at, submission_due from review_cycle
                        order by opened_at desc, id desc limit ? offset ?
                        """)
                .params(page.size(), page.offset())
                .query((rs, n) -> new CycleDates(
                        rs.getLong("id"),
                        rs.getString("kind"),
                        rs.getString("period"),
                        rs.getString("status"),
                        rs.getTimestamp("opened_at").toInstant(),
                        rs.getTimestamp("submission_due").toInstant()))
                .list();
        return new Page<>(items, page.page(), page.size(), total);
    }
}
