package org.compactreview.task.process;

import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.task.IdentityLink;
import org.camunda.bpm.engine.task.IdentityLinkType;
import org.compactreview.process.AnnualReviewModel;
import org.compactreview.process.CapacityBuildingModel;
import org.compactreview.process.ParticipantReviewModel;
import org.compactreview.task.WorkItems;
import org.springframework.stereotype.Component;

/**
 * Keeps the app's work items in step with Camunda's user tasks. It runs inside the engine's
 * command, in the same database transaction, so a task and its work item exist together or not
 * at all. A completed task's work item passes to the next task of its branch created in the same
 * command ({@link EndedTasks}); a cancelled task's goes at once.
 */
@Component
public class WorkItemListener implements TaskListener {

    private final WorkItems workItems;

    WorkItemListener(WorkItems workItems) {
        this.workItems = workItems;
    }

    @Override
    public void notify(DelegateTask task) {
        switch (task.getEventName()) {
            case EVENTNAME_CREATE -> created(task);
            case EVENTNAME_ASSIGNMENT, EVENTNAME_UPDATE ->
                workItems.taskChanged(task.getId(), task.getAssignee(), instant(task.getDueDate()));
            case EVENTNAME_COMPLETE ->
                EndedTasks.Place.of(task)
                        .ifPresentOrElse(
                                place -> endedTasks().completed(task.getId(), place),
                                () -> workItems.taskEnded(task.getId()));
            case EVENTNAME_DELETE -> workItems.taskEnded(task.getId());
            default -> {
                // timeouts and other events do not change a work item
            }
        }
    }

    private void created(DelegateTask task) {
        DelegateExecution execution = task.getExecution();
        String group = candidateGroup(task);
        Instant due = instant(task.getDueDate());
        Instant createdAt = instant(task.getCreateTime());
        EndedTasks ended = endedTasks();
        Optional<String> previous =
                ended.isEmpty() ? Optional.empty() : EndedTasks.Place.of(task).flatMap(ended::takeOver);
        if (previous.isPresent()
                && workItems.taskFollowed(
                        previous.get(),
                        task.getId(),
                        task.getTaskDefinitionKey(),
                        task.getName(),
                        group,
                        task.getAssignee(),
                        due,
                        createdAt)) {
            workItems.opened(task.getId());
            return;
        }
        // Read each variable where it is set, not by walking up the execution tree: every level
        // walked loads that execution's variables, one query each. The cycle and the request are
        // process instance variables; the participant is one too in a participant review and in
        // capacity building (the element variable of its branch in a cycle on the earlier,
        // multi-instance version), one level up from a task with boundary events.
        DelegateExecution instance = execution.getProcessInstance();
        workItems.taskCreated(
                task.getId(),
                task.getTaskDefinitionKey(),
                task.getName(),
                (Long) instance.getVariableLocal(AnnualReviewModel.VAR_CYCLE_ID),
                (String) execution.getVariable(ParticipantReviewModel.VAR_PARTICIPANT),
                group,
                task.getAssignee(),
                due,
                createdAt,
                (Long) instance.getVariableLocal(CapacityBuildingModel.VAR_REQUEST_ID),
                task.getProcessDefinitionId().startsWith(ParticipantReviewModel.PROCESS_KEY + ":"));
    }

    private static EndedTasks endedTasks() {
        return Context.getCommandContext().getSession(EndedTasks.class);
    }

    private static String candidateGroup(DelegateTask task) {
        return task.getCandidates().stream()
                .filter(link -> IdentityLinkType.CANDIDATE.equals(link.getType()) && link.getGroupId() != null)
                .map(IdentityLink::getGroupId)
                .findFirst()
                .orElse(null);
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }
}
