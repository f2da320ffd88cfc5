package org.compactreview.platform;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import javax.sql.DataSource;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/**
 * Indexes that Camunda's own schema lacks, created once the engine has created or updated its
 * tables. Without them a statement the engine runs on every task completion reads the whole
 * table, so a completion costs more the more tasks are open anywhere in the system:
 *
 * <ul>
 *   <li>{@code ACT_RU_TASK.PARENT_TASK_ID_}: completing or deleting a task looks for its subtasks
 *       ({@code selectTasksByParentTaskId}); we use no subtasks, but the lookup runs anyway. With
 *       3,000 open reviews and a few thousand open capacity-building requests, it read ~4,000
 *       rows per completion (see {@code docs/performance.md}, run 8). Camunda issue 36824 asks
 *       for the same index.
 * </ul>
 *
 * <p>Idempotent ({@code if not exists}), and serialised by an advisory lock so that two nodes
 * starting at once do not both build it. On a table of millions of rows, {@code create index}
 * blocks writes while it runs; at our sizes (thousands) that is milliseconds.
 */
@Component
class EngineIndexesPlugin extends AbstractProcessEnginePlugin {

    /** Our own names, so that an index Camunda may add later under its name does not clash. */
    static final List<String> INDEXES =
            List.of("create index if not exists cr_idx_task_parent on act_ru_task (parent_task_id_)");

    /** Any constant: the advisory lock that serialises the index builds of nodes starting together. */
    private static final long LOCK = 0x43524958L; // "CRIX"

    private DataSource dataSource;
    private String databaseType;

    @Override
    public void preInit(ProcessEngineConfigurationImpl configuration) {
        dataSource = configuration.getDataSource();
        databaseType = configuration.getDatabaseType();
    }

    @Override
    public void postProcessEngineBuild(ProcessEngine engine) {
        ProcessEngineConfigurationImpl configuration =
                (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        String type = databaseType != null ? databaseType : configuration.getDatabaseType();
        if (!"postgres".equals(type)) {
            return; // the statements are PostgreSQL's; other databases are not supported
        }
        try (Connection connection = dataSource.getConnection()) {
            boolean autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
            try (Statement statement = connection.createStatement()) {
                statement.execute("select pg_advisory_xact_lock(" + LOCK + ")");
                for (String index : INDEXES) {
                    statement.execute(index);
                }
                connection.commit();
            } catch (SQLException e) {
                connection.rollback();
                throw e;
            } finally {
                connection.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new ProcessEngineException("cannot create the engine's missing indexes", e);
        }
    }
}
