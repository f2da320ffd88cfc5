package org.compactreview.discussion;

import org.compactreview.capacity.CapacityRequest;
import org.compactreview.capacity.CapacityService;
import org.compactreview.capacity.ProgressUpdate;
import org.compactreview.framework.FrameworkCatalog;
import org.compactreview.identity.CurrentUser;
import org.compactreview.identity.Role;
import org.compactreview.platform.ConflictException;
import org.compactreview.platform.InvalidInputException;
import org.compactreview.platform.NotFoundException;
import org.compactreview.report.Report;
import org.compactreview.report.ReportService;
import org.compactreview.task.TaskGateway;
import org.compactreview.task.WorkItem;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * Who may see and add to what a comment or an attachment belongs to, asked of the modules that
 * own those objects: a report is seen by whom {@link ReportService#get} shows it to, a task by
 * whom {@link TaskGateway#get} does, a capacity-building request by whom
 * {@link CapacityService#get} does. Anything else answers 404, as those services do.
 */
@Component
class Subjects {

    private final ReportService reports;
    private final TaskGateway tasks;
    private final CapacityService capacity;
    private final FrameworkCatalog framework;

    Subjects(ReportService reports, TaskGateway tasks, CapacityService capacity, FrameworkCatalog framework) {
        this.reports = reports;
        this.tasks = tasks;
        this.capacity = capacity;
        this.framework = framework;
    }

    Report report(long reportId, CurrentUser user) {
        return reports.get(reportId, user);
    }

    WorkItem task(String taskId, CurrentUser user) {
        return tasks.get(taskId, user);
    }

    CapacityRequest request(long requestId, CurrentUser user) {
        return capacity.get(requestId, user);
    }

    /** An objective named by a comment or an attachment: one of the framework's, or refused. */
    int objective(String field, Integer objective) {
        if (objective == null || !framework.isObjective(objective)) {
            throw new InvalidInputException(field, "validation.discussion.objective", objective);
        }
        return objective;
    }

    /** Sees the object an attachment belongs to (404 otherwise); returns who owns it for uploads. */
    void checkVisible(AttachmentTarget target, CurrentUser user) {
        switch (target.kind()) {
            case REPORT_ENTRY -> report(target.reportId(), user);
            case TASK -> task(target.taskId(), user);
            case CAPACITY_UPDATE -> update(target, user);
        }
    }

    /**
     * Whether the caller may add evidence to (or remove its own from) the object: a report entry
     * only by the participant's focal points while the report is being drafted or revised (a
     * submitted version's evidence stays as the secretariat saw it); a progress update by the
     * participant's focal points; a task by whoever sees it.
     */
    void checkMayChange(AttachmentTarget target, CurrentUser user) {
        switch (target.kind()) {
            case REPORT_ENTRY -> {
                Report report = report(target.reportId(), user);
                if (!user.represents(report.participantCode())) {
                    throw new AccessDeniedException("only the participant's focal points attach evidence");
                }
                if (!report.status().editable()) {
                    throw new ConflictException("problem.attachment.report-not-editable", report.status());
                }
            }
            case TASK -> task(target.taskId(), user);
            case CAPACITY_UPDATE -> {
                CapacityRequest request = update(target, user);
                if (!user.represents(request.participantCode())) {
                    throw new AccessDeniedException("only the participant's focal points attach evidence");
                }
            }
        }
    }

    private CapacityRequest update(AttachmentTarget target, CurrentUser user) {
        CapacityRequest request = request(target.capacityRequestId(), user);
        request.updates().stream()
                .map(ProgressUpdate::id)
                .filter(id -> id == target.capacityUpdateId())
                .findFirst()
                .orElseThrow(() -> new NotFoundException("capacity-update", target.capacityUpdateId()));
        return request;
    }

    static boolean secretariat(CurrentUser user) {
        return user.has(Role.SECRETARIAT);
    }
}
