package org.compactreview.task;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.TaskService;
import org.compactreview.audit.AuditLog;
import org.compactreview.identity.AppUser;
import org.compactreview.identity.CurrentUser;
import org.compactreview.identity.UserDirectory;
import org.compactreview.identity.UserSummary;
import org.compactreview.platform.InvalidInputException;
import org.compactreview.platform.NotFoundException;
import org.compactreview.task.Reassignment.Moved;
import org.compactreview.task.Reassignment.NotMoved;
import org.compactreview.task.Reassignment.Reason;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DataAccessException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.TransactionException;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Managers and the secretariat move open tasks to someone allowed to do them: one task, a
 * selection, or everything of one person, with a reason, each move audited
 * ({@code TASK_REASSIGNED}, before and after, the reason).
 *
 * <p>Set-based where it can be: the selection is read in one query, checked against the target's
 * candidate groups in memory, and moved in chunks of {@value #CHUNK} tasks, one transaction each.
 * The engine's {@code setAssignee} moves each task (our only way to change a Camunda task; its
 * assignment listener keeps the work item in step). When a task of a chunk was completed or
 * changed by someone else meanwhile, the chunk runs again with each task in a savepoint: that task
 * rolls back to its savepoint and is reported as not moved, and the rest of the chunk goes on. Outcomes are reported per task, so a request of thousands of
 * tasks never fails as a whole for one of them.
 */
@Service
public class Reassignments {

    private static final Logger log = LoggerFactory.getLogger(Reassignments.class);

    /** The most tasks one request moves; a larger selection is refused, to be narrowed. */
    public static final int MAX_TASKS = 5_000;

    public static final int MAX_REASON = 1_000;

    /** Tasks per transaction: a chunk's row locks are held until it commits. */
    static final int CHUNK = 200;

    private final WorkloadRepository repository;
    private final WorkloadCriteria criteria;
    private final TaskService tasks;
    private final UserDirectory users;
    private final AuditLog audit;
    private final TransactionTemplate chunkTransaction;
    private final TransactionTemplate taskSavepoint;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Reassignments(
            WorkloadRepository repository,
            WorkloadCriteria criteria,
            TaskService tasks,
            UserDirectory users,
            AuditLog audit,
            PlatformTransactionManager transactions,
            ApplicationEventPublisher events,
            Clock clock) {
        this.repository = repository;
        this.criteria = criteria;
        this.tasks = tasks;
        this.users = users;
        this.audit = audit;
        this.chunkTransaction = new TransactionTemplate(transactions);
        this.taskSavepoint = new TransactionTemplate(transactions);
        this.taskSavepoint.setPropagationBehavior(TransactionDefinition.PROPAGATION_NESTED);
        this.events = events;
        this.clock = clock;
    }

    /** Moves the selected tasks to {@code to}; answers what moved and what did not, and why. */
    public Reassignment reassign(CurrentUser user, TaskSelection selection, String to, String reason) {
        Workload.checkManagesWork(user);
        String why = checkReason(reason);
        AppUser targetUser = enabledUser(to);
        CurrentUser target = targetUser.asCurrentUser();
        Instant now = clock.instant();
        List<String> requested = new ArrayList<>();
        List<WorkItem> found = select(selection, requested, now);
        List<NotMoved> notMoved = new ArrayList<>();
        Set<String> open = found.stream().map(WorkItem::id).collect(Collectors.toSet());
        requested.stream()
                .filter(id -> !open.contains(id))
                .forEach(id -> notMoved.add(new NotMoved(id, null, null, Reason.NOT_OPEN)));
        List<WorkItem> toMove = new ArrayList<>();
        for (WorkItem item : found) {
            Reason refused = refusal(item, target);
            if (refused == null) {
                toMove.add(item);
            } else {
                notMoved.add(notMoved(item, refused));
            }
        }
        List<Moved> moved = new ArrayList<>();
        for (int from = 0; from < toMove.size(); from += CHUNK) {
            moveChunk(toMove.subList(from, Math.min(toMove.size(), from + CHUNK)), target, why, moved, notMoved);
        }
        return new Reassignment(target.username(), targetUser.displayName(), requested.size(), moved, notMoved);
    }

    /**
     * Who the selected tasks may go to: the enabled members of their candidate groups, each with
     * how many of the tasks they may take, most first.
     */
    @Transactional(readOnly = true)
    public List<EligibleAssignee> eligible(CurrentUser user, TaskSelection selection) {
        Workload.checkManagesWork(user);
        Map<String, Long> groups;
        if (selection.byTasks()) {
            checkSize(selection.taskIds().size());
            groups = repository.find(new LinkedHashSet<>(selection.taskIds()), clock.instant()).stream()
                    .filter(item -> item.candidateGroup() != null)
                    .collect(Collectors.groupingBy(WorkItem::candidateGroup, Collectors.counting()));
        } else {
            groups = repository.groups(criteria.of(everythingOf(selection)), clock.instant());
        }
        Map<String, List<UserSummary>> members = users.enabledMembersOf(groups.keySet());
        Map<String, UserSummary> people = new HashMap<>();
        Map<String, Long> counts = new HashMap<>();
        groups.forEach((group, count) -> members.getOrDefault(group, List.of()).forEach(member -> {
            people.put(member.username(), member);
            counts.merge(member.username(), count, Long::sum);
        }));
        return people.values().stream()
                .map(p -> new EligibleAssignee(p.username(), p.displayName(), counts.get(p.username())))
                .sorted(Comparator.comparingLong(EligibleAssignee::tasks)
                        .reversed()
                        .thenComparing(EligibleAssignee::displayName, Comparator.nullsLast(Comparator.naturalOrder()))
                        .thenComparing(EligibleAssignee::username))
                .toList();
    }

    /** Who one open task may go to; 404 when no open task has the id. */
    @Transactional(readOnly = true)
    public List<EligibleAssignee> eligible(CurrentUser user, String taskId) {
        Workload.checkManagesWork(user);
        if (repository.find(List.of(taskId), clock.instant()).isEmpty()) {
            throw new NotFoundException("task", taskId);
        }
        return eligible(user, TaskSelection.ofTasks(List.of(taskId)));
    }

    private List<WorkItem> select(TaskSelection selection, List<String> requested, Instant now) {
        if (selection.byTasks()) {
            Set<String> ids = new LinkedHashSet<>(selection.taskIds());
            checkSize(ids.size());
            requested.addAll(ids);
            return repository.find(ids, now);
        }
        List<WorkItem> found = repository.matching(criteria.of(everythingOf(selection)), MAX_TASKS + 1, now);
        checkSize(found.size());
        found.forEach(item -> requested.add(item.id()));
        return found;
    }

    private static WorkloadFilter everythingOf(TaskSelection selection) {
        WorkloadFilter filter = selection.filter();
        if (filter == null || filter.assignee() == null || filter.assignee().isBlank()) {
            throw new InvalidInputException("taskIds", "validation.reassign.nothing-selected");
        }
        return filter;
    }

    private record Outcome(List<Moved> moved, List<NotMoved> notMoved) {}

    /**
     * One chunk in one transaction. First without savepoints (two round trips fewer per task);
     * if a task was completed or changed meanwhile, that attempt rolls back as a whole and the
     * chunk runs again with each task in a savepoint of its own, so that only that task is left out.
     */
    private void moveChunk(
            List<WorkItem> chunk, CurrentUser target, String reason, List<Moved> moved, List<NotMoved> notMoved) {
        Outcome outcome;
        try {
            outcome = chunkTransaction.execute(status -> moveAll(chunk, target, reason, false));
        } catch (RuntimeException changedMeanwhile) {
            // Any failure of the fast attempt (a task completed meanwhile, an optimistic lock, a
            // deadlock, or the engine meeting a task whose instance has just ended) rolls it back
            // as a whole; the savepoint attempt tells which task it was.
            try {
                outcome = chunkTransaction.execute(status -> moveAll(chunk, target, reason, true));
            } catch (ProcessEngineException | DataAccessException | TransactionException commitFailed) {
                // The chunk's commit failed as a whole (a serialization failure, say): none of it moved.
                outcome = new Outcome(
                        List.of(),
                        chunk.stream()
                                .map(item -> notMoved(item, Reason.CHANGED_MEANWHILE))
                                .toList());
            }
        }
        moved.addAll(outcome.moved());
        notMoved.addAll(outcome.notMoved());
    }

    private Outcome moveAll(List<WorkItem> chunk, CurrentUser target, String reason, boolean savepoints) {
        List<Moved> movedHere = new ArrayList<>();
        List<NotMoved> refusedHere = new ArrayList<>();
        // Read again inside the transaction: a task completed or moved since the selection was
        // read is reported as it is now.
        Map<String, WorkItem> current = repository.find(ids(chunk), clock.instant()).stream()
                .collect(Collectors.toMap(WorkItem::id, Function.identity()));
        for (WorkItem selected : chunk) {
            WorkItem item = current.get(selected.id());
            Reason refused = item == null ? Reason.NOT_OPEN : refusal(item, target);
            if (refused != null) {
                refusedHere.add(notMoved(selected, refused));
                continue;
            }
            boolean done;
            if (savepoints) {
                done = moveInSavepoint(item, target.username(), reason);
            } else {
                move(item, target.username(), reason);
                done = true;
            }
            if (done) {
                movedHere.add(
                        new Moved(item.id(), item.taskKey(), item.participantCode(), item.cycleId(), item.assignee()));
            } else {
                refusedHere.add(notMoved(item, Reason.CHANGED_MEANWHILE));
            }
        }
        return new Outcome(movedHere, refusedHere);
    }

    private void move(WorkItem item, String to, String reason) {
        tasks.setAssignee(item.id(), to);
        audit.record("TASK_REASSIGNED", "task", item.id(), assignee(item.assignee()), assignee(to), reason);
        // In the move's own transaction (or savepoint): a move rolled back tells nobody.
        events.publishEvent(TaskHandedOver.of(item, item.assignee(), to, TaskHandedOver.Reason.BULK, reason));
    }

    /** One task in a savepoint of the chunk's transaction; false when it was changed meanwhile. */
    private boolean moveInSavepoint(WorkItem item, String to, String reason) {
        try {
            taskSavepoint.executeWithoutResult(status -> move(item, to, reason));
            return true;
        } catch (ProcessEngineException | DataAccessException changedMeanwhile) {
            // Completed (no such task any more), or its row changed under us (optimistic lock), or
            // a deadlock with a completion that PostgreSQL broke on our side: rolled back to the
            // savepoint, the chunk goes on.
            return false;
        } catch (NullPointerException instanceEnded) {
            // The engine read the task before a completion committed and its execution after
            // (each statement sees the latest commit): Camunda 7.24 then fails with a
            // NullPointerException in its history producer instead of an optimistic-locking
            // error. Seen in ReassignmentRaceIT; the task was completed meanwhile.
            log.warn("Task {} ended while it was being reassigned; reported as changed meanwhile", item.id());
            return false;
        }
    }

    private static Reason refusal(WorkItem item, CurrentUser target) {
        if (target.username().equals(item.assignee())) {
            return Reason.ALREADY_ASSIGNED;
        }
        if (!item.doableBy(target.candidateGroups())) {
            return Reason.NOT_CANDIDATE;
        }
        return null;
    }

    private AppUser enabledUser(String username) {
        if (username == null || username.isBlank()) {
            throw new InvalidInputException("to", "validation.reassign.to-required");
        }
        return users.find(username.strip())
                .filter(AppUser::enabled)
                .orElseThrow(() -> new InvalidInputException("to", "validation.user.unknown", username.strip()));
    }

    private static String checkReason(String reason) {
        if (reason == null || reason.isBlank() || reason.strip().length() > MAX_REASON) {
            throw new InvalidInputException("reason", "validation.reassign.reason", MAX_REASON);
        }
        return reason.strip();
    }

    private static void checkSize(int size) {
        if (size > MAX_TASKS) {
            throw new InvalidInputException("taskIds", "validation.reassign.too-many", MAX_TASKS);
        }
    }

    private static NotMoved notMoved(WorkItem item, Reason reason) {
        return new NotMoved(item.id(), item.taskKey(), item.participantCode(), reason);
    }

    private static List<String> ids(List<WorkItem> items) {
        return items.stream().map(WorkItem::id).toList();
    }

    private static Map<String, String> assignee(String username) {
        return Collections.singletonMap("assignee", username);
    }
}
