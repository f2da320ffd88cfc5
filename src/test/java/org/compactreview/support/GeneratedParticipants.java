package org.compactreview.support;

import java.util.List;
import java.util.stream.IntStream;
import org.camunda.bpm.engine.RuntimeService;
import org.compactreview.framework.FrameworkCatalog;
import org.compactreview.process.ParticipantReviewModel;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A test fixture for cycles larger than the framework's 193 member states: generated member states
 * {@code GEN-00001} … with no region, added to the participant table and the catalog, and removed
 * again with every cycle opened for them, so that the tests sharing the database still see 193.
 */
public final class GeneratedParticipants implements AutoCloseable {

    private static final String PREFIX = "GEN-";

    private final JdbcClient jdbc;
    private final FrameworkCatalog framework;
    private final RuntimeService runtime;
    private final List<String> codes;

    private GeneratedParticipants(JdbcClient jdbc, FrameworkCatalog framework, RuntimeService runtime, int count) {
        this.jdbc = jdbc;
        this.framework = framework;
        this.runtime = runtime;
        this.codes = IntStream.rangeClosed(1, count)
                .mapToObj(n -> PREFIX + String.format("%05d", n))
                .toList();
    }

    public static GeneratedParticipants add(
            JdbcClient jdbc, FrameworkCatalog framework, RuntimeService runtime, int count) {
        GeneratedParticipants generated = new GeneratedParticipants(jdbc, framework, runtime, count);
        jdbc.sql(
                        """
                        insert into participant (code, name, kind, region)
                        select 'GEN-' || lpad(n::text, 5, '0'), 'Generated member state ' || n, 'MEMBER_STATE', null
                        from generate_series(1, ?) n
                        """)
                .param(count)
                .update();
        framework.refresh();
        return generated;
    }

    public List<String> codes() {
        return codes;
    }

    /** Removes the participants and the cycles opened for them, with their processes. */
    @Override
    public void close() {
        List<Long> cycles = jdbc.sql(
                        "select distinct cycle_id from report where participant_code like 'GEN-%' order by cycle_id")
                .query(Long.class)
                .list();
        for (long cycle : cycles) {
            List<String> instances = new java.util.ArrayList<>(runtime
                    .createProcessInstanceQuery()
                    .processInstanceBusinessKeyLike(ParticipantReviewModel.businessKeyPrefix(cycle) + "%")
                    .list()
                    .stream()
                    .map(org.camunda.bpm.engine.runtime.ProcessInstance::getId)
                    .toList());
            jdbc.sql("select process_instance_id from review_cycle where id = ?")
                    .param(cycle)
                    .query(String.class)
                    .optional()
                    .filter(id -> runtime.createProcessInstanceQuery()
                                    .processInstanceId(id)
                                    .count()
                            > 0)
                    .ifPresent(instances::add);
            if (!instances.isEmpty()) {
                runtime.deleteProcessInstances(instances, "generated participants removed", true, true);
            }
            jdbc.sql("delete from work_item where cycle_id = ?").param(cycle).update();
            jdbc.sql("delete from cycle_objective_summary where cycle_id = ?")
                    .param(cycle)
                    .update();
            jdbc.sql("delete from report where cycle_id = ?").param(cycle).update();
            jdbc.sql("delete from review_cycle where id = ?").param(cycle).update();
        }
        jdbc.sql("delete from participant where code like 'GEN-%'").update();
        framework.refresh();
    }
}
