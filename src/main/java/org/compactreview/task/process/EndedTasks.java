package org.compactreview.task.process;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.bpmn.behavior.MultiInstanceActivityBehavior;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.camunda.bpm.engine.impl.persistence.entity.ExecutionEntity;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.compactreview.task.WorkItems;

/**
 * The tasks one engine command completed, kept until the command ends: when the same branch
 * moves on to its next task in that command (a submitted report to its validation, a returned one
 * back to submission, one capacity-building step to the next), the next task takes over the work
 * item row of the one completed, with the branch's business keys as they are. That is one update
 * instead of a delete and an insert, and no process variables to read for the keys. Work items no
 * task took over are deleted when the command flushes, in the engine's transaction; a failed
 * command flushes nothing.
 */
final class EndedTasks implements Session {

    /**
     * Where a user task runs: its execution and that execution's parent, and the process or
     * subprocess that contains the task in the model.
     */
    record Place(String processInstanceId, String executionId, String parentExecutionId, String scopeId) {

        /**
         * Empty for a task that no other can take over from or hand over to: one without an
         * execution, or a multi-instance task, whose instances each have their own keys.
         */
        static Optional<Place> of(DelegateTask task) {
            // The engine's own activity graph, not the BPMN model's DOM (whose look-ups lock the
            // document): the flow scope of a multi-instance task is its multi-instance body.
            ExecutionEntity execution = (ExecutionEntity) task.getExecution();
            ActivityImpl activity = execution == null ? null : execution.getActivity();
            if (activity == null) {
                return Optional.empty();
            }
            ScopeImpl scope = activity.getFlowScope();
            if (scope instanceof ActivityImpl body
                    && body.getActivityBehavior() instanceof MultiInstanceActivityBehavior) {
                return Optional.empty();
            }
            return Optional.of(
                    new Place(task.getProcessInstanceId(), execution.getId(), execution.getParentId(), scope.getId()));
        }

        /**
         * The same branch: the same process or subprocess in the model (so the same business keys,
         * which are set where a branch or process starts), and related executions. The new task
         * runs on the completed task's execution, on its parent, or on a child of it. Executions of
         * different branches are never related that way: each branch has its own subtree.
         */
        boolean sameBranchAs(Place completed) {
            return processInstanceId.equals(completed.processInstanceId)
                    && scopeId.equals(completed.scopeId)
                    && (executionId.equals(completed.executionId)
                            || executionId.equals(completed.parentExecutionId)
                            || completed.executionId.equals(parentExecutionId));
        }
    }

    private record Ended(String taskId, Place place) {}

    private final WorkItems workItems;
    private final List<Ended> ended = new ArrayList<>();

    private EndedTasks(WorkItems workItems) {
        this.workItems = workItems;
    }

    void completed(String taskId, Place place) {
        ended.add(new Ended(taskId, place));
    }

    /** Whether no completed task waits to be taken over (the usual case: nothing to look up). */
    boolean isEmpty() {
        return ended.isEmpty();
    }

    /** The completed task of the same branch as a task now created, if any; it is handed over once. */
    Optional<String> takeOver(Place created) {
        for (Iterator<Ended> it = ended.iterator(); it.hasNext(); ) {
            Ended task = it.next();
            if (created.sameBranchAs(task.place())) {
                it.remove();
                return Optional.of(task.taskId());
            }
        }
        return Optional.empty();
    }

    @Override
    public void flush() {
        ended.forEach(task -> workItems.taskEnded(task.taskId()));
        ended.clear();
    }

    @Override
    public void close() {
        ended.clear();
    }

    /** Opens one per engine command, when the work item listener first asks for it. */
    record Factory(WorkItems workItems) implements SessionFactory {

        @Override
        public Class<?> getSessionType() {
            return EndedTasks.class;
        }

        @Override
        public Session openSession() {
            return new EndedTasks(workItems);
        }
    }
}
