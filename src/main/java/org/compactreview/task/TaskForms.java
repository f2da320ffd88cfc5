package org.compactreview.task;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Every module's {@link TaskForm}, by task key. Pages ask it for the link of a work item
 * ({@code ${@taskForms.path(task)}}); a task without a form (the escalations, completed from the
 * team page) or of no contributing module has none.
 */
@Component("taskForms")
public class TaskForms {

    private final Map<String, TaskForm> byKey = new HashMap<>();

    TaskForms(List<TaskForm> forms) {
        for (TaskForm form : forms) {
            for (String key : form.taskKeys()) {
                TaskForm previous = byKey.put(key, form);
                if (previous != null) {
                    throw new IllegalStateException("Two forms for task " + key + ": " + previous + ", " + form);
                }
            }
        }
    }

    /** The path of the task's form, or null when the task has none. */
    public String path(WorkItem task) {
        TaskForm form = byKey.get(task.taskKey());
        return form == null ? null : form.path(task);
    }
}
