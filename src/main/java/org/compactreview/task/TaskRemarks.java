package org.compactreview.task;

import java.util.List;
import java.util.Map;
import org.compactreview.identity.CurrentUser;

/**
 * Contributed by a module that has something to say about some tasks in the inbox (a returned
 * report: its status, the secretariat's comment and the objectives it names), so that the task
 * module shows it without reading that module's tables or naming its types.
 */
public interface TaskRemarks {

    /** The remarks on those of {@code tasks} (one page of the inbox) it knows, by task id; read as {@code user}. */
    Map<String, TaskRemark> remarks(List<WorkItem> tasks, CurrentUser user);
}
