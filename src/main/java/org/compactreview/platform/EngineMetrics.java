package org.compactreview.platform;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Component;

/**
 * The engine's health for operators: open incidents (a job that ran out of retries, such as a mail
 * the server kept refusing) and the job backlog (jobs that could run now: due, not suspended, with
 * retries left). Both are counted through the engine's own query API, never by reading its tables.
 */
@Component
class EngineMetrics implements MeterBinder {

    private final CachedValue<Long> incidents;
    private final CachedValue<Long> backlog;

    EngineMetrics(RuntimeService runtime, ManagementService management, MetricsProperties properties) {
        this.incidents = new CachedValue<>(() -> runtime.createIncidentQuery().count(), properties.cacheTtl());
        this.backlog =
                new CachedValue<>(() -> management.createJobQuery().executable().count(), properties.cacheTtl());
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        Gauge.builder("compact_review_engine_incidents", incidents, value -> value.get())
                .description("Open incidents of the process engine (failed jobs out of retries)")
                .register(registry);
        Gauge.builder("compact_review_job_backlog", backlog, value -> value.get())
                .description("Engine jobs due now and able to run (due, not suspended, retries left)")
                .register(registry);
    }
}
