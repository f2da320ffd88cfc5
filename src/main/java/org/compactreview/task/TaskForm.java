package org.compactreview.task;

import java.util.Set;

/**
 * Where the work of a module's user tasks is done. The module that owns a task contributes its
 * form as a bean of this type, so that the inbox links to it without naming the task's key or the
 * form's route: one home for each task's link.
 */
public interface TaskForm {

    /** The task definition keys (BPMN element ids) whose work this form does. */
    Set<String> taskKeys();

    /** The form's path within the application for an open task of one of {@link #taskKeys()}. */
    String path(WorkItem task);
}
