package org.compactreview.task;

import java.time.Clock;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.compactreview.audit.AuditLog;
import org.compactreview.identity.CurrentUser;
import org.compactreview.identity.Role;
import org.compactreview.identity.UserDirectory;
import org.compactreview.platform.ConflictException;
import org.compactreview.platform.ForbiddenException;
import org.compactreview.platform.InvalidInputException;
import org.compactreview.platform.NotFoundException;
import org.compactreview.platform.Page;
import org.compactreview.platform.PageRequest;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Every user task operation goes through here and is checked against the caller: a task the
 * caller can neither work on nor manage does not exist for it (404); a task someone else holds
 * cannot be taken or completed (409).
 */
@Service
public class TaskGateway {

    private final WorkItemRepository workItems;
    private final TaskService tasks;
    private final RuntimeService runtime;
    private final UserDirectory users;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    TaskGateway(
            WorkItemRepository workItems,
            TaskService tasks,
            RuntimeService runtime,
            UserDirectory users,
            AuditLog audit,
            ApplicationEventPublisher events,
            Clock clock) {
        this.workItems = workItems;
        this.tasks = tasks;
        this.runtime = runtime;
        this.users = users;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public Page<WorkItem> list(CurrentUser user, WorkItemFilter filter, PageRequest page) {
        if (filter.allTeams() && !managesWork(user)) {
            throw new ForbiddenException("problem.task.all-teams-not-allowed");
        }
        return workItems.list(filter, user.username(), user.candidateGroups(), clock.instant(), page);
    }

    @Transactional(readOnly = true)
    public WorkItem get(String taskId, CurrentUser user) {
        return visible(taskId, user);
    }

    /** The open tasks of a report, for those who may see the report. */
    @Transactional(readOnly = true)
    public java.util.List<WorkItem> forReport(long reportId) {
        return workItems.forReport(reportId, clock.instant());
    }

    @Transactional
    public WorkItem claim(String taskId, CurrentUser user) {
        WorkItem item = visible(taskId, user);
        if (!isCandidate(item, user)) {
            throw new ConflictException("problem.task.not-candidate");
        }
        if (item.assignee() != null && !item.assignee().equals(user.username())) {
            throw new ConflictException("problem.task.claimed-by", item.assignee());
        }
        tasks.claim(taskId, user.username());
        workItems.updateAssignee(taskId, user.username());
        audit.record("TASK_CLAIMED", "task", taskId, assignee(item.assignee()), assignee(user.username()));
        return visible(taskId, user);
    }

    @Transactional
    public WorkItem unclaim(String taskId, CurrentUser user) {
        WorkItem item = visible(taskId, user);
        if (item.assignee() == null) {
            return item;
        }
        if (!item.assignee().equals(user.username()) && !managesWork(user)) {
            throw new ConflictException("problem.task.claimed-by", item.assignee());
        }
        tasks.setAssignee(taskId, null);
        workItems.updateAssignee(taskId, null);
        audit.record("TASK_UNCLAIMED", "task", taskId, assignee(item.assignee()), assignee(null));
        return visible(taskId, user);
    }

    /** Managers and the secretariat hand a task to another member of its candidate group. */
    @Transactional
    public WorkItem reassign(String taskId, String username, CurrentUser user) {
        WorkItem item = visible(taskId, user);
        if (!managesWork(user)) {
            throw new org.springframework.security.access.AccessDeniedException("managers and secretariat only");
        }
        CurrentUser target = users.find(username)
                .filter(org.compactreview.identity.AppUser::enabled)
                .map(org.compactreview.identity.AppUser::asCurrentUser)
                .orElseThrow(() -> new InvalidInputException("username", "validation.user.unknown", username));
        if (!isCandidate(item, target)) {
            throw new InvalidInputException("username", "validation.task.assignee-not-candidate", username);
        }
        tasks.setAssignee(taskId, username);
        workItems.updateAssignee(taskId, username);
        audit.record("TASK_REASSIGNED", "task", taskId, assignee(item.assignee()), assignee(username));
        if (!username.equals(item.assignee())) {
            // Handing a task to the person who holds it changes nothing: a retried request tells nobody.
            events.publishEvent(
                    TaskHandedOver.of(item, item.assignee(), username, TaskHandedOver.Reason.REASSIGNED, null));
        }
        return visible(taskId, user);
    }

    /**
     * Completes the open task of a given kind for a cycle (and report), as the caller. The caller's
     * own service has already changed and locked its business data in the same transaction.
     */
    @Transactional
    public void complete(String taskKey, long cycleId, Long reportId, CurrentUser user, Map<String, Object> vars) {
        WorkItem item = workItems
                .findOpen(taskKey, cycleId, reportId, clock.instant())
                .orElseThrow(() -> new ConflictException("problem.task.none-open"));
        completeChecked(item, user, vars);
    }

    /** Completes the open task of a given kind for a capacity-building request, as the caller. */
    @Transactional
    public void completeForRequest(String taskKey, long requestId, CurrentUser user, Map<String, Object> vars) {
        WorkItem item = workItems
                .findOpenForRequest(taskKey, requestId, clock.instant())
                .orElseThrow(() -> new ConflictException("problem.task.none-open"));
        completeChecked(item, user, vars);
    }

    /** The open tasks of a capacity-building request. */
    @Transactional(readOnly = true)
    public java.util.List<WorkItem> forRequest(long requestId) {
        return workItems.forRequest(requestId, clock.instant());
    }

    /** Completes a task that needs no form: a manager's follow-up of an overdue report or update. */
    @Transactional
    public void completeWithNote(String taskId, String note, CurrentUser user) {
        WorkItem item = visible(taskId, user);
        if (!item.formless()) {
            throw new ConflictException("problem.task.needs-form");
        }
        completeChecked(item, user, Map.of());
        audit.record(
                "TASK_COMPLETED",
                "task",
                item.id(),
                assignee(item.assignee()),
                Map.of("status", "COMPLETED", "note", note == null ? "" : note));
    }

    private void completeChecked(WorkItem item, CurrentUser user, Map<String, Object> vars) {
        if (item.assignee() != null && !item.assignee().equals(user.username())) {
            throw new ConflictException("problem.task.claimed-by", item.assignee());
        }
        if (item.assignee() == null && !isCandidate(item, user)) {
            throw new ConflictException("problem.task.not-candidate");
        }
        // No claim before completing an unassigned task: it would be one more engine command and
        // history row per completion; who completed it is in the audit trail.
        if (!vars.isEmpty() && item.ownInstance()) {
            // A participant review is its participant's own instance: the routing variable goes
            // with the completion, to the instance, in one engine command and no lookup.
            tasks.complete(item.id(), vars);
            return;
        }
        if (!vars.isEmpty()) {
            // In a cycle still on the multi-instance version, routing variables stay on the task's
            // own execution: written at the process instance, 193 branches deciding at once would
            // all insert the same variable there and collide.
            String executionId =
                    tasks.createTaskQuery().taskId(item.id()).singleResult().getExecutionId();
            runtime.setVariablesLocal(executionId, vars);
        }
        tasks.complete(item.id());
    }

    private WorkItem visible(String taskId, CurrentUser user) {
        WorkItem item =
                workItems.find(taskId, clock.instant()).orElseThrow(() -> new NotFoundException("task", taskId));
        boolean visible =
                managesWork(user) || isCandidate(item, user) || user.username().equals(item.assignee());
        if (!visible) {
            throw new NotFoundException("task", taskId);
        }
        return item;
    }

    private static boolean isCandidate(WorkItem item, CurrentUser user) {
        return item.doableBy(user.candidateGroups());
    }

    private static boolean managesWork(CurrentUser user) {
        return user.has(Role.MANAGER) || user.has(Role.SECRETARIAT);
    }

    private static Map<String, String> assignee(String username) {
        return java.util.Collections.singletonMap("assignee", username);
    }
}
