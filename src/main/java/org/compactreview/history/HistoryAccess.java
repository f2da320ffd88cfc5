package org.compactreview.history;

import org.compactreview.identity.CurrentUser;
import org.compactreview.identity.Role;
import org.compactreview.platform.NotFoundException;
import org.compactreview.report.Report;
import org.compactreview.report.ReportService;
import org.compactreview.task.TaskGateway;
import org.springframework.stereotype.Component;

/**
 * Who may read the history of one object: those who may see the object, and among focal points
 * only those of its own participant. Everyone else is told the history does not exist (404), like
 * the object itself.
 *
 * <ul>
 *   <li>a report: the secretariat, managers, administrators, and the focal points of its
 *       participant (a regional body's focal point who may read a member's accepted report does
 *       not read its history);
 *   <li>a task: whoever may see the open task (its candidates, its assignee, managers and the
 *       secretariat); once done, the staff roles only;
 *   <li>a user: administrators (the user pages are theirs);
 *   <li>a cycle, a capacity-building request or a dialogue post: the staff roles; tokens and addresses:
 *       administrators.
 * </ul>
 */
@Component
class HistoryAccess {

    private final ReportService reports;
    private final TaskGateway tasks;

    HistoryAccess(ReportService reports, TaskGateway tasks) {
        this.reports = reports;
        this.tasks = tasks;
    }

    /** Throws {@link NotFoundException} unless the viewer may read the object's history. */
    void check(String objectType, String objectId, CurrentUser viewer) {
        boolean allowed =
                switch (objectType) {
                    case "report" -> readsReport(objectId, viewer);
                    case "task" -> viewer.seesAllParticipants() || seesTask(objectId, viewer);
                    case "cycle", "capacity-request", "dialogue-post", "participant" -> viewer.seesAllParticipants();
                    case "user", "token", "address", "calendar-feed", "notification-settings", "mail" ->
                        viewer.has(Role.ADMIN);
                    default -> false;
                };
        if (!allowed) {
            throw new NotFoundException(objectType, objectId);
        }
    }

    private boolean readsReport(String objectId, CurrentUser viewer) {
        long id;
        try {
            id = Long.parseLong(objectId);
        } catch (NumberFormatException notAReport) {
            return false;
        }
        Report report = reports.get(id, viewer);
        return viewer.seesAllParticipants() || viewer.represents(report.participantCode());
    }

    private boolean seesTask(String objectId, CurrentUser viewer) {
        tasks.get(objectId, viewer);
        return true;
    }
}
