package org.compactreview.task;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.management.JobDefinition;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.compactreview.audit.AuditLog;
import org.compactreview.identity.CurrentUser;
import org.compactreview.identity.Role;
import org.compactreview.platform.ConflictException;
import org.compactreview.platform.ForbiddenException;
import org.compactreview.platform.InvalidInputException;
import org.compactreview.platform.NotFoundException;
import org.compactreview.process.AnnualReviewModel;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A manager or the secretariat moves a task's due date, with a reason. Camunda keeps boundary
 * timers where they were computed when the task began, so the timers of the task's activity (the
 * reminder, the escalation and the closing of the window on a report's submission) are moved by
 * the same amount: each keeps its offset from the due date, as the model defines it. A timer that
 * has fired is gone and is not armed again. Both an extension and a shortening are allowed (a
 * window is shortened when a report is needed earlier); the new date must lie ahead, and a timer
 * whose moved date has already passed fires at the next run of the job executor.
 */
@Service
public class DueDates {

    /** How far ahead of now a due date may be set, by default (compact-review.tasks.due-date-max-ahead). */
    public static final String MAX_AHEAD_DEFAULT = "P366D";

    private final WorkItemRepository workItems;
    private final SubstitutionRepository locks;
    private final TaskService tasks;
    private final ManagementService management;
    private final RuntimeService runtime;
    private final AuditLog audit;
    private final Clock clock;
    private final Duration maxAhead;

    DueDates(
            WorkItemRepository workItems,
            SubstitutionRepository locks,
            TaskService tasks,
            ManagementService management,
            RuntimeService runtime,
            AuditLog audit,
            Clock clock,
            @Value("${compact-review.tasks.due-date-max-ahead:" + MAX_AHEAD_DEFAULT + "}") Duration maxAhead) {
        this.workItems = workItems;
        this.locks = locks;
        this.tasks = tasks;
        this.management = management;
        this.runtime = runtime;
        this.audit = audit;
        this.clock = clock;
        this.maxAhead = maxAhead;
    }

    /** A timer of a task's activity, still to fire: its BPMN element id and when it fires. */
    public record TaskTimer(String timerId, Instant dueAt) {}

    /** What a change did: the task as it is now and each timer, before and after. */
    public record DueDateChange(WorkItem task, Instant previousDueAt, List<MovedTimer> timers) {}

    public record MovedTimer(String timerId, Instant before, Instant after) {}

    /** The task, for those who may change its due date; anyone else gets 403 or 404. */
    @Transactional(readOnly = true)
    public WorkItem task(String taskId, CurrentUser user) {
        requireManager(user);
        return workItems.find(taskId, clock.instant()).orElseThrow(() -> new NotFoundException("task", taskId));
    }

    /** The timers of the task's activity that have not fired yet, soonest first. */
    @Transactional(readOnly = true)
    public List<TaskTimer> timers(String taskId, CurrentUser user) {
        task(taskId, user);
        return timerJobs(engineTask(taskId)).entrySet().stream()
                .map(e -> new TaskTimer(e.getValue(), e.getKey().getDuedate().toInstant()))
                .sorted(java.util.Comparator.comparing(TaskTimer::dueAt))
                .toList();
    }

    @Transactional
    public DueDateChange change(String taskId, Instant dueAt, String reason, CurrentUser user) {
        requireManager(user);
        Instant now = clock.instant();
        checkInput(dueAt, reason, now);
        // One change at a time per task: two managers moving the same timers would add both shifts.
        if (!locks.lockWorkItem(taskId)) {
            throw new NotFoundException("task", taskId);
        }
        WorkItem before = workItems.find(taskId, now).orElseThrow(() -> new NotFoundException("task", taskId));
        if (before.dueAt() == null) {
            throw new ConflictException("problem.task.no-due-date");
        }
        if (before.dueAt().equals(dueAt)) {
            throw new InvalidInputException("dueAt", "validation.due-date.unchanged");
        }
        Task task = engineTask(taskId);
        List<MovedTimer> moved = new ArrayList<>();
        timerJobs(task).forEach((job, timerId) -> {
            Instant from = job.getDuedate().toInstant();
            Instant to = DueDateRules.moved(from, before.dueAt(), dueAt);
            management.setJobDuedate(job.getId(), Date.from(to));
            moved.add(new MovedTimer(timerId, from, to));
        });
        task.setDueDate(Date.from(dueAt));
        tasks.saveTask(task); // its update event moves the work item's due date with it
        if (before.ownInstance()) {
            shiftReviewDates(task.getProcessInstanceId(), before.dueAt(), dueAt);
        }
        WorkItem after = workItems.find(taskId, now).orElseThrow();
        audit.record(
                "TASK_DUE_DATE_CHANGED",
                "task",
                taskId,
                dates(before.dueAt(), moved, true),
                dates(after.dueAt(), moved, false),
                reason.strip());
        return new DueDateChange(after, before.dueAt(), moved);
    }

    /**
     * A participant's review keeps its dates as variables of its own instance: a report returned
     * after this change gets its next submission task, and that task's timers, from the moved dates.
     */
    private void shiftReviewDates(String processInstanceId, Instant previousDue, Instant newDue) {
        for (String name : List.of(
                AnnualReviewModel.VAR_REMINDER_AT,
                AnnualReviewModel.VAR_SUBMISSION_DUE,
                AnnualReviewModel.VAR_WINDOW_CLOSES_AT)) {
            Object value = runtime.getVariable(processInstanceId, name);
            if (value instanceof Date date) {
                Instant moved = DueDateRules.moved(date.toInstant(), previousDue, newDue);
                runtime.setVariable(processInstanceId, name, Date.from(moved));
            }
        }
    }

    private void checkInput(Instant dueAt, String reason, Instant now) {
        List<InvalidInputException.FieldProblem> problems = DueDateRules.problems(dueAt, reason, now, maxAhead);
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
    }

    private Task engineTask(String taskId) {
        Task task = tasks.createTaskQuery().taskId(taskId).singleResult();
        if (task == null) {
            throw new NotFoundException("task", taskId);
        }
        return task;
    }

    /**
     * The timer jobs on the task's own execution (its boundary timers: Camunda runs a user task with
     * boundary events in a scope execution of its own, which also holds their jobs), by element id.
     */
    private Map<Job, String> timerJobs(Task task) {
        Map<Job, String> timers = new LinkedHashMap<>();
        if (task.getExecutionId() == null) {
            return timers;
        }
        for (Job job : management
                .createJobQuery()
                .executionId(task.getExecutionId())
                .timers()
                .list()) {
            JobDefinition definition = management
                    .createJobDefinitionQuery()
                    .jobDefinitionId(job.getJobDefinitionId())
                    .singleResult();
            timers.put(job, definition == null ? job.getJobDefinitionId() : definition.getActivityId());
        }
        return timers;
    }

    private static Map<String, Object> dates(Instant due, List<MovedTimer> timers, boolean before) {
        Map<String, Object> dates = new LinkedHashMap<>();
        dates.put("dueAt", due);
        timers.forEach(t -> dates.put(t.timerId(), before ? t.before() : t.after()));
        return dates;
    }

    private static void requireManager(CurrentUser user) {
        if (!user.has(Role.MANAGER) && !user.has(Role.SECRETARIAT)) {
            throw new ForbiddenException("problem.task.due-date-not-allowed");
        }
    }
}
