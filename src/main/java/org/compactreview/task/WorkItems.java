package org.compactreview.task;

import java.time.Instant;
import org.springframework.stereotype.Component;

/** Writes the work item projection; called by the engine's task listener only. */
@Component
public class WorkItems {

    private final WorkItemRepository repository;

    WorkItems(WorkItemRepository repository) {
        this.repository = repository;
    }

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
            Long capacityRequestId) {
        repository.insert(
                taskId,
                taskKey,
                name,
                cycleId,
                participantCode,
                candidateGroup,
                assignee,
                dueAt,
                createdAt,
                capacityRequestId);
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
        return repository.takeOver(previousTaskId, taskId, taskKey, name, candidateGroup, assignee, dueAt, createdAt);
    }

    public void taskChanged(String taskId, String assignee, Instant dueAt) {
        repository.updateAssigneeAndDue(taskId, assignee, dueAt);
    }

    public void taskEnded(String taskId) {
        repository.delete(taskId);
    }
}
