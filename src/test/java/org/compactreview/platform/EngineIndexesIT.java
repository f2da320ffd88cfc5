package org.compactreview.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.compactreview.support.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The engine's subtask lookup, which runs on every task completion, finds its rows by index and
 * not by reading the whole task table.
 */
class EngineIndexesIT extends IntegrationTest {

    @Autowired
    TransactionTemplate transaction;

    @Test
    void theSubtaskLookupOfEveryCompletionUsesAnIndex() {
        List<String> plan = transaction.execute(status -> {
            // With sequential scans priced out, the planner takes an index if there is one; the
            // table is small in tests, so without this it may rightly prefer reading it whole.
            jdbc.sql("set local enable_seqscan = off").update();
            return jdbc.sql("explain select * from act_ru_task where parent_task_id_ = 'any'")
                    .query(String.class)
                    .list();
        });
        assertThat(String.join("\n", plan)).contains("cr_idx_task_parent").doesNotContain("Seq Scan");
    }

    @Test
    void startingTheEngineAgainKeepsTheIndexesAsTheyAre() {
        EngineIndexesPlugin plugin = new EngineIndexesPlugin();
        plugin.preInit((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration());
        plugin.postProcessEngineBuild(engine);
        assertThat(jdbc.sql("select count(*) from pg_indexes where indexname = 'cr_idx_task_parent'")
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }
}
