package org.compactreview.task;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * Writes the work item projection; called by the engine's task listener only. Counts its changes
 * in the metric {@code compactreview.work.items} by {@code change}: created (keys read from the
 * process), taken_over (the next task of a branch took over the row of the one completed), ended.
 * A command that fails afterwards keeps its counts: they count writes, not commits.
 */
@Component
public class WorkItems {

    private final WorkItemRepository repository;
    private final TaskReports reports;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final Counter created;
    private final Counter takenOver;
    private final Counter ended;

    WorkItems(
            WorkItemRepository repository,
            TaskReports reports,
            MeterRegistry meters,
            ApplicationEventPublisher events,
            Clock clock) {
        this.repository = repository;
        this.reports = reports;
        this.events = events;
        this.clock = clock;
        this.created = meters.counter(METRIC, "change", "created");
        this.takenOver = meters.counter(METRIC, "change", "taken_over");
        this.ended = meters.counter(METRIC, "change", "ended");
    }

    public static final String METRIC = "compactreview.work.items";

    public void taskCreated(
            String taskId,
            String taskKey,
            String name,
            Long cycleId,
            String participantCode,
            String candidateGroup,
            String assignee,
            Instant dueAt,
            Instant createdAt,
            Long capacityRequestId,
            boolean ownInstance) {
        created.increment();
        // The report of a participant's branch is found by its business keys.
        Long reportId = cycleId == null || participantCode == null
                ? null
                : reports.reportId(cycleId, participantCode).orElse(null);
        repository.insert(
                taskId,
                taskKey,
                name,
                cycleId,
                participantCode,
                reportId,
                candidateGroup,
                assignee,
                dueAt,
                createdAt,
                capacityRequestId,
                ownInstance);
        opened(taskId);
    }

    /** Tells the listeners of {@link TaskOpened} (in this transaction) about the task as the inbox shows it. */
    public void opened(String taskId) {
        repository.find(taskId, clock.instant()).map(TaskOpened::new).ifPresent(events::publishEvent);
    }

    /**
     * The next task of a branch takes over the work item of the task it follows; the business keys
     * (cycle, participant, report, request) stay. False when there was no such work item.
     */
    public boolean taskFollowed(
            String previousTaskId,
            String taskId,
            String taskKey,
            String name,
            String candidateGroup,
            String assignee,
            Instant dueAt,
            Instant createdAt) {
        boolean taken =
                repository.takeOver(previousTaskId, taskId, taskKey, name, candidateGroup, assignee, dueAt, createdAt);
        if (taken) {
            takenOver.increment();
        }
        return taken;
    }

    public void taskChanged(String taskId, String assignee, Instant dueAt) {
        repository.updateAssigneeAndDue(taskId, assignee, dueAt);
    }

    public void taskEnded(String taskId) {
        repository.delete(taskId);
        ended.increment();
    }
}
