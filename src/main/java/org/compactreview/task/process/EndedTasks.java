package org.compactreview.task.process;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.impl.interceptor.Session;
import org.camunda.bpm.engine.impl.interceptor.SessionFactory;
import org.compactreview.task.WorkItems;

/**
 * The tasks one engine command completed, kept until the command ends: when the same branch
 * moves on to its next task in that command (a submitted report to its validation, a returned one
 * back to submission), the next task takes over the work item row of the one completed, with the
 * branch's business keys as they are. That is one update instead of a delete and an insert, and
 * no process variables to read for the keys. Work items no task took over are deleted when the
 * command flushes, in the engine's transaction; a failed command flushes nothing.
 */
final class EndedTasks implements Session {

    /** A completed task and where it ran. */
    private record Ended(String taskId, String processInstanceId, String executionId, String parentExecutionId) {}

    private final WorkItems workItems;
    private final List<Ended> ended = new ArrayList<>();

    private EndedTasks(WorkItems workItems) {
        this.workItems = workItems;
    }

    void completed(String taskId, String processInstanceId, String executionId, String parentExecutionId) {
        ended.add(new Ended(taskId, processInstanceId, executionId, parentExecutionId));
    }

    /**
     * The completed task of the same branch as a task now created, if any: one that ran on the new
     * task's execution, on its parent, or on the execution that is now its parent. Executions of
     * different branches are never related that way: each branch has its own subtree.
     */
    Optional<String> takeOver(String processInstanceId, String executionId, String parentExecutionId) {
        for (Iterator<Ended> it = ended.iterator(); it.hasNext(); ) {
            Ended task = it.next();
            boolean sameBranch = task.processInstanceId().equals(processInstanceId)
                    && (task.executionId().equals(executionId)
                            || executionId.equals(task.parentExecutionId())
                            || task.executionId().equals(parentExecutionId));
            if (sameBranch) {
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
