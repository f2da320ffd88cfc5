package org.compactreview.task.web;

import java.util.Set;
import org.compactreview.task.TaskForm;
import org.compactreview.task.WorkItem;
import org.springframework.stereotype.Component;

/** The escalations are completed with a note on the team page, never through a form of their own. */
@Component
class EscalationTaskForm implements TaskForm {

    @Override
    public Set<String> taskKeys() {
        return Set.copyOf(WorkItem.FORMLESS_TASKS);
    }

    @Override
    public String path(WorkItem task) {
        return "/team";
    }
}
