package org.compactreview.cycle;

import java.time.Instant;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The annual review cycles in the order they were opened, for readers such as benchmarking. */
@Service
public class AnnualCycles {

    private final JdbcClient jdbc;

    AnnualCycles(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Every annual cycle, oldest (first opened) first. */
    @Transactional(readOnly = true)
    public List<AnnualCycle> all() {
        return jdbc.sql(
                        """
                        select id, period, opened_at from review_cycle where kind = 'ANNUAL_REVIEW'
                        order by opened_at, id
                        """)
                .query((rs, n) -> new AnnualCycle(
                        rs.getLong("id"),
                        rs.getString("period"),
                        rs.getTimestamp("opened_at").toInstant()))
                .list();
    }

    /** An annual cycle's id, period and opening. */
    public record AnnualCycle(long id, String period, Instant openedAt) {}
}
