package org.compactreview.task;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.compactreview.platform.CachedValue;
import org.compactreview.platform.MetricsProperties;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * {@code compact_review_open_tasks{task_type}} and {@code compact_review_overdue_tasks{task_type}}
 * from the open work items, one grouped query per cache period for both families. The task types
 * are the user tasks of the deployed process models (plus any key still found among the work
 * items), registered once the application is ready, so every type has its series from the start,
 * zero included. A model deployed later with a new user task gets its series at the next restart.
 */
@Component
class TaskMetrics {

    record Counts(long open, long overdue) {}

    private static final Counts NONE = new Counts(0, 0);

    private final WorkItemRepository items;
    private final RepositoryService repository;
    private final MeterRegistry registry;
    private final CachedValue<Map<String, Counts>> counts;

    TaskMetrics(
            WorkItemRepository items,
            RepositoryService repository,
            MeterRegistry registry,
            Clock clock,
            MetricsProperties properties) {
        this.items = items;
        this.repository = repository;
        this.registry = registry;
        this.counts = new CachedValue<>(() -> items.countsByTaskKey(clock.instant()), properties.cacheTtl());
    }

    @EventListener(ApplicationReadyEvent.class)
    void register() {
        for (String type : taskTypes()) {
            Gauge.builder("compact_review_open_tasks", counts, c -> c.get()
                            .getOrDefault(type, NONE)
                            .open())
                    .description("Open tasks, by task type")
                    .tag("task_type", type)
                    .register(registry);
            Gauge.builder("compact_review_overdue_tasks", counts, c -> c.get()
                            .getOrDefault(type, NONE)
                            .overdue())
                    .description("Open tasks past their due date, by task type")
                    .tag("task_type", type)
                    .register(registry);
        }
    }

    private Set<String> taskTypes() {
        Set<String> types = new TreeSet<>(items.taskKeys());
        for (ProcessDefinition definition :
                repository.createProcessDefinitionQuery().latestVersion().list()) {
            repository.getBpmnModelInstance(definition.getId()).getModelElementsByType(UserTask.class).stream()
                    .map(UserTask::getId)
                    .forEach(types::add);
        }
        return types;
    }
}
