package org.compactreview.task;

import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.camunda.bpm.engine.TaskService;
import org.compactreview.audit.AuditLog;
import org.compactreview.identity.Absence;
import org.compactreview.identity.AbsenceEnded;
import org.compactreview.identity.AbsenceStarted;
import org.compactreview.identity.Absences;
import org.compactreview.identity.AppUser;
import org.compactreview.identity.UserDirectory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Moves a person's tasks to their substitute while they are out of office, and back when the
 * absence ends. Only tasks assigned to the person move (a task of a candidate group stays in the
 * inbox of every member of the group, the substitute among them when the substitute may do it);
 * each moves only if the substitute is a candidate of its group, otherwise it stays and is listed
 * on the absence. Each move is recorded, so that the end brings back exactly the tasks still open
 * and still held by the substitute; a task done meanwhile stays done, one handed to someone else
 * stays with them.
 */
@Service
public class Substitutions {

    private final SubstitutionRepository substitutions;
    private final WorkItemRepository workItems;
    private final TaskService tasks;
    private final Absences absences;
    private final UserDirectory users;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Substitutions(
            SubstitutionRepository substitutions,
            WorkItemRepository workItems,
            TaskService tasks,
            Absences absences,
            UserDirectory users,
            AuditLog audit,
            ApplicationEventPublisher events,
            Clock clock) {
        this.substitutions = substitutions;
        this.workItems = workItems;
        this.events = events;
        this.tasks = tasks;
        this.absences = absences;
        this.users = users;
        this.audit = audit;
        this.clock = clock;
    }

    /** In the transaction that starts the absence: the person's tasks go to the substitute. */
    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    public void absenceStarted(AbsenceStarted started) {
        Set<String> groups = candidateGroups(started.substitute());
        for (SubstitutionRepository.HeldTask task : substitutions.lockAssignedTo(started.username())) {
            move(task, started.absenceId(), started.username(), started.substitute(), groups);
        }
    }

    /** In the transaction that ends the absence: the moved tasks still held by the substitute go back. */
    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    public void absenceEnded(AbsenceEnded ended) {
        for (Substitution moved : substitutions.moved(ended.absenceId())) {
            List<SubstitutionRepository.HeldTask> open = substitutions.lockHeld(moved.taskId());
            if (open.isEmpty()) {
                substitutions.settle(ended.absenceId(), moved.taskId(), Substitution.Status.DONE, clock.instant());
            } else if (!ended.substitute().equals(open.get(0).assignee())) {
                substitutions.settle(ended.absenceId(), moved.taskId(), Substitution.Status.KEPT, clock.instant());
            } else {
                tasks.setAssignee(moved.taskId(), ended.username());
                substitutions.settle(ended.absenceId(), moved.taskId(), Substitution.Status.RETURNED, clock.instant());
                audit.record(
                        "TASK_SUBSTITUTION_ENDED",
                        "task",
                        moved.taskId(),
                        assignment(ended.substitute(), ended.absenceId()),
                        assignment(ended.username(), ended.absenceId()));
                handedOver(moved.taskId(), ended.substitute(), ended.username(), TaskHandedOver.Reason.ABSENCE_ENDED);
            }
        }
    }

    /**
     * A task was just created for, or assigned to, someone who is away (by a manager's
     * reassignment, say): once the step that assigned it is done, before its transaction commits,
     * it goes on to the substitute. Not when the person took it themselves: they are working.
     */
    public void assigned(String taskId, String assignee, String actor) {
        if (assignee == null
                || assignee.equals(actor)
                || !TransactionSynchronizationManager.isSynchronizationActive()) {
            return;
        }
        Optional<Absence> away = absences.active(assignee);
        if (away.isEmpty()) {
            return;
        }
        Absence absence = away.get();
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void beforeCommit(boolean readOnly) {
                List<SubstitutionRepository.HeldTask> open = substitutions.lockHeld(taskId);
                if (!open.isEmpty() && assignee.equals(open.get(0).assignee())) {
                    move(
                            open.get(0),
                            absence.id(),
                            assignee,
                            absence.substitute(),
                            candidateGroups(absence.substitute()));
                }
            }
        });
    }

    /** The tasks each absence touched, by absence id. */
    @Transactional(readOnly = true)
    public Map<Long, List<Substitution>> forAbsences(Collection<Long> absenceIds) {
        return substitutions.forAbsences(absenceIds).stream()
                .collect(java.util.stream.Collectors.groupingBy(
                        Substitution::absenceId, java.util.LinkedHashMap::new, java.util.stream.Collectors.toList()));
    }

    private void move(
            SubstitutionRepository.HeldTask task,
            long absenceId,
            String absent,
            String substitute,
            Set<String> groups) {
        if (!WorkItem.doable(task.candidateGroup(), groups)) {
            substitutions.record(Substitution.Status.STAYED, task, absenceId, absent, substitute, clock.instant());
            return;
        }
        tasks.setAssignee(task.taskId(), substitute);
        substitutions.record(Substitution.Status.MOVED, task, absenceId, absent, substitute, clock.instant());
        audit.record(
                "TASK_SUBSTITUTED",
                "task",
                task.taskId(),
                assignment(absent, absenceId),
                assignment(substitute, absenceId));
        handedOver(task.taskId(), absent, substitute, TaskHandedOver.Reason.ABSENCE);
    }

    /** Both sides hear of the move (the notify module listens), in the move's transaction. */
    private void handedOver(String taskId, String from, String to, TaskHandedOver.Reason reason) {
        workItems
                .find(taskId, clock.instant())
                .map(item -> TaskHandedOver.of(item, from, to, reason, null))
                .ifPresent(events::publishEvent);
    }

    private Set<String> candidateGroups(String username) {
        return users.find(username)
                .filter(AppUser::enabled)
                .map(user -> user.asCurrentUser().candidateGroups())
                .orElse(Set.of());
    }

    private static Map<String, Object> assignment(String assignee, long absenceId) {
        return Map.of("assignee", assignee, "absence", absenceId);
    }
}
