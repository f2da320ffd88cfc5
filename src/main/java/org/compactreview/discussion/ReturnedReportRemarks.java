package org.compactreview.discussion;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.compactreview.identity.CurrentUser;
import org.compactreview.platform.NotFoundException;
import org.compactreview.report.Report;
import org.compactreview.report.ReportService;
import org.compactreview.report.ReportStatus;
import org.compactreview.report.ReportTasks;
import org.compactreview.task.TaskRemark;
import org.compactreview.task.TaskRemarks;
import org.compactreview.task.WorkItem;
import org.springframework.stereotype.Component;

/**
 * A returned report in the inbox: its status, the secretariat's return comment and a link to
 * each objective the secretariat's return notes name. It lives here, not in {@code report},
 * because the notes are this module's comments and this module already reads reports; the task
 * module learns it through {@link TaskRemarks} and the report's status through
 * {@link ReportService}, reading neither module's tables.
 */
@Component
class ReturnedReportRemarks implements TaskRemarks {

    private final ReportService reports;
    private final CommentService comments;

    ReturnedReportRemarks(ReportService reports, CommentService comments) {
        this.reports = reports;
        this.comments = comments;
    }

    @Override
    public Map<String, TaskRemark> remarks(List<WorkItem> tasks, CurrentUser user) {
        Map<String, TaskRemark> remarks = new HashMap<>();
        for (WorkItem task : tasks) {
            if (!ReportTasks.SUBMIT.equals(task.taskKey()) || task.reportId() == null) {
                continue;
            }
            Report report;
            try {
                report = reports.get(task.reportId(), user);
            } catch (NotFoundException outside) {
                continue;
            }
            if (report.status() == ReportStatus.RETURNED) {
                remarks.put(task.id(), remark(report, user));
            }
        }
        return remarks;
    }

    private TaskRemark remark(Report report, CurrentUser user) {
        String form = "/reports/" + report.id();
        List<TaskRemark.Link> objectives = new ArrayList<>();
        comments.returnNotes(report, user)
                .keySet()
                .forEach(n -> objectives.add(
                        new TaskRemark.Link(form + "#objective-" + n, "discussion.objective-short", List.of(n))));
        return new TaskRemark(
                "report.status." + ReportStatus.RETURNED, report.returnComment(), form + "#return-comment", objectives);
    }
}
