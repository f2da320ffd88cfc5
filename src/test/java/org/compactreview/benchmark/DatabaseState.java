package org.compactreview.benchmark;

import java.util.Locale;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What the embedded PostgreSQL holds and does between two points of a run: its size, the rows of
 * the engine's runtime and history tables, and how many block reads its buffer cache answered; a
 * completion's cost in PostgreSQL grows when its working set outgrows the cache, not when the
 * statements change.
 */
record DatabaseState(long bytes, long hits, long reads, long runtimeRows, long historyRows, long autovacuums) {

    static DatabaseState now(JdbcClient jdbc) {
        long[] blocks = jdbc.sql("select blks_hit, blks_read from pg_stat_database where datname = current_database()")
                .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)})
                .single();
        return new DatabaseState(
                jdbc.sql("select pg_database_size(current_database())")
                        .query(Long.class)
                        .single(),
                blocks[0],
                blocks[1],
                rows(jdbc, "act_ru_%"),
                rows(jdbc, "act_hi_%"),
                jdbc.sql("select coalesce(sum(autovacuum_count + autoanalyze_count), 0) from pg_stat_user_tables")
                        .query(Long.class)
                        .single());
    }

    private static long rows(JdbcClient jdbc, String tables) {
        return jdbc.sql("select coalesce(sum(n_live_tup), 0) from pg_stat_user_tables where relname like ?")
                .param(tables)
                .query(Long.class)
                .single();
    }

    /** One line: the state now, and the cache's hit ratio and autovacuum runs since {@code earlier}. */
    String since(DatabaseState earlier) {
        long hit = hits - earlier.hits;
        long read = reads - earlier.reads;
        return String.format(
                Locale.ROOT,
                "database %.0f MB, engine runtime rows %d, history rows %d; since the round began: %d block"
                        + " reads outside PostgreSQL's cache (%.2f%% of %d), %d autovacuum or autoanalyze runs",
                bytes / 1e6,
                runtimeRows,
                historyRows,
                read,
                hit + read == 0 ? 0 : 100.0 * read / (hit + read),
                hit + read,
                autovacuums - earlier.autovacuums);
    }
}
