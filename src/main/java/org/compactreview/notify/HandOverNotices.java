package org.compactreview.notify;

import java.util.List;
import org.compactreview.identity.Groups;
import org.compactreview.report.DelegationState;
import org.compactreview.report.SectionHandedBack;
import org.compactreview.report.SectionHandedOut;
import org.compactreview.task.TaskForms;
import org.compactreview.task.TaskHandedOver;
import org.compactreview.task.WorkItem;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * Tells both sides when work changes hands, in the transaction that moved it: a task handed over
 * (by a manager, one or many; by an absence and its end) tells its new holder (the task's form)
 * and the one it was taken from (their inbox: stop working on it); a delegation of report
 * sections tells the contributor, its hand-back the participant's focal points, its revocation
 * the contributor. One event key per change, the same for both sides: a change is told once to
 * each, the same task moved twice is told twice. The participant is set on every notice, so that
 * nobody outside it hears of it ({@link Notifications}).
 */
@Component
class HandOverNotices {

    private final Notifications notifications;
    private final TaskForms forms;

    HandOverNotices(Notifications notifications, TaskForms forms) {
        this.notifications = notifications;
        this.forms = forms;
    }

    @EventListener
    void on(TaskHandedOver event) {
        WorkItem task = event.task();
        String key = "handover:" + task.id() + ":" + event.changeId();
        Notice about = Notice.of(NoticeKind.TASK_HANDED_TO, key)
                .participant(task.participantCode())
                .cycle(task.cycleId())
                .task(task.taskKey())
                .due(task.dueAt())
                .detail(event.note());
        if (event.from() == null) {
            // Nobody held it (a task of a group handed to one member): to them it is simply a new task.
            notifications.notify(retyped(about, NoticeKind.TASK_ASSIGNED).link(link(task)), List.of(event.to()));
            return;
        }
        notifications.notify(about.link(link(task)).other(event.from()), List.of(event.to()));
        notifications.notify(
                retyped(about, NoticeKind.TASK_TAKEN_FROM).link("/inbox").other(event.to()), List.of(event.from()));
    }

    @EventListener
    void on(SectionHandedOut event) {
        Notice notice = Notice.of(NoticeKind.SECTION_DELEGATED, "delegation:" + event.delegationId() + ":out")
                .link("/reports/" + event.reportId())
                .participant(event.participantCode())
                .cycle(event.cycleId())
                .detail(event.note())
                .other(event.focalPoint());
        notifications.notify(notice, List.of(event.contributor()));
    }

    @EventListener
    void on(SectionHandedBack event) {
        String key = "delegation:" + event.delegationId() + ":back";
        if (event.state() == DelegationState.RETURNED) {
            Notice notice = Notice.of(NoticeKind.SECTION_RETURNED, key)
                    .link("/reports/" + event.reportId())
                    .participant(event.participantCode())
                    .cycle(event.cycleId())
                    .other(event.contributor());
            notifications.notifyGroup(notice, Groups.focalPointsOf(event.participantCode()));
        } else {
            // Taken back: the report is no longer the contributor's to open; its own list says so.
            Notice notice = Notice.of(NoticeKind.SECTION_REVOKED, key)
                    .link("/my-sections")
                    .participant(event.participantCode())
                    .cycle(event.cycleId())
                    .detail(event.reason())
                    .other(event.by());
            notifications.notify(notice, List.of(event.contributor()));
        }
    }

    /** The task's form; an escalation (no form) is done from the team page; else the inbox. */
    private String link(WorkItem task) {
        String form = forms.path(task);
        if (form != null) {
            return form;
        }
        return task.formless() ? "/team" : "/inbox";
    }

    private static Notice retyped(Notice notice, NoticeKind kind) {
        return new Notice(
                kind,
                notice.eventKey(),
                notice.link(),
                notice.participantCode(),
                notice.cycleId(),
                notice.taskKey(),
                notice.dueAt(),
                notice.detail(),
                notice.otherUser());
    }
}
