package org.compactreview.cycle;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import org.compactreview.task.TaskCycles;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The task module's workload view reads the cycles' periods here. */
@Component
class CyclePeriodsForTasks implements TaskCycles {

    private final JdbcClient jdbc;

    CyclePeriodsForTasks(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public Map<Long, String> periods(Collection<Long> cycleIds) {
        Map<Long, String> periods = new LinkedHashMap<>();
        if (cycleIds.isEmpty()) {
            return periods;
        }
        jdbc.sql("select id, period from review_cycle where id in (:ids) order by opened_at desc, id desc")
                .param("ids", cycleIds)
                .query((rs, n) -> Map.entry(rs.getLong("id"), rs.getString("period")))
                .list()
                .forEach(e -> periods.put(e.getKey(), e.getValue()));
        return periods;
    }
}
