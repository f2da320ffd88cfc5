package org.compactreview.report.web;

import java.util.Set;
import org.compactreview.report.ReportTasks;
import org.compactreview.task.TaskForm;
import org.compactreview.task.WorkItem;
import org.springframework.stereotype.Component;

/** A report is drafted on its form and validated on its validation page. */
@Component
class ReportTaskForm implements TaskForm {

    @Override
    public Set<String> taskKeys() {
        return ReportTasks.KEYS;
    }

    @Override
    public String path(WorkItem task) {
        return ReportTasks.VALIDATE.equals(task.taskKey())
                ? "/reports/" + task.reportId() + "/validate"
                : "/reports/" + task.reportId();
    }
}
