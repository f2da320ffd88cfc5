package org.compactreview.notify;

import java.util.List;
import java.util.Map;
import java.util.Set;
import org.compactreview.identity.CurrentUser;
import org.compactreview.identity.Role;
import org.compactreview.process.CapacityBuildingModel;
import org.compactreview.process.ParticipantReviewModel;
import org.compactreview.task.TaskForms;
import org.compactreview.task.TaskOpened;
import org.compactreview.task.TaskRemark;
import org.compactreview.task.TaskRemarks;
import org.compactreview.task.WorkItem;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Tells people of each task that begins, in the task's own transaction: its assignee, or every
 * member of its candidate group. Which words depends on the task: a report's first submission task
 * says its cycle opened, a submission after a return carries the secretariat's comment (from the
 * module that owns it, through {@link TaskRemarks}), a follow-up of an overdue report or a missed
 * update is an escalation, a capacity-building progress report is an update due; any other task
 * is a new task.
 */
@Component
class TaskNotices {

    /** Reads remarks as the secretariat would: the notice then goes only to those who see the participant. */
    private static final CurrentUser READER = new CurrentUser("notify", Set.of(Role.SECRETARIAT), Set.of());

    private final Notifications notifications;
    private final TaskForms forms;
    private final List<TaskRemarks> remarks;

    TaskNotices(Notifications notifications, TaskForms forms, List<TaskRemarks> remarks) {
        this.notifications = notifications;
        this.forms = forms;
        this.remarks = remarks;
    }

    @EventListener
    void on(TaskOpened event) {
        WorkItem task = event.task();
        TaskRemark remark = remark(task);
        Notice notice = Notice.of(kind(task, remark), "task:" + task.id())
                .link(link(task))
                .participant(task.participantCode())
                .cycle(task.cycleId())
                .task(task.taskKey())
                .due(task.dueAt())
                .detail(remark == null ? null : remark.text());
        if (task.assignee() != null) {
            notifications.notify(notice, List.of(task.assignee()));
        } else if (task.candidateGroup() != null) {
            notifications.notifyGroup(notice, task.candidateGroup());
        }
    }

    private static NoticeKind kind(WorkItem task, TaskRemark remark) {
        return switch (task.taskKey()) {
            case ParticipantReviewModel.TASK_SUBMIT_REPORT ->
                remark != null ? NoticeKind.REPORT_RETURNED : NoticeKind.CYCLE_OPENED;
            case ParticipantReviewModel.TASK_FOLLOW_UP_OVERDUE_REPORT,
                    CapacityBuildingModel.TASK_FOLLOW_UP_MISSED_UPDATE -> NoticeKind.ESCALATION;
            case CapacityBuildingModel.TASK_REPORT_PROGRESS -> NoticeKind.CAPACITY_UPDATE_DUE;
            default -> NoticeKind.TASK_ASSIGNED;
        };
    }

    /** The task's form; an escalation, done from the team page, links there; else the inbox. */
    private String link(WorkItem task) {
        String form = forms.path(task);
        if (form != null) {
            return form;
        }
        return task.formless() ? "/team" : "/inbox";
    }

    private TaskRemark remark(WorkItem task) {
        for (TaskRemarks source : remarks) {
            Map<String, TaskRemark> found = source.remarks(List.of(task), READER);
            if (found.containsKey(task.id())) {
                return found.get(task.id());
            }
        }
        return null;
    }
}
