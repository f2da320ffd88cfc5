package org.compactreview.capacity;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import org.compactreview.audit.AuditLog;
import org.compactreview.capacity.CapacityRepository.Row;
import org.compactreview.identity.CurrentUser;
import org.compactreview.identity.Role;
import org.compactreview.platform.ConflictException;
import org.compactreview.platform.InvalidInputException;
import org.compactreview.platform.NotFoundException;
import org.compactreview.process.CapacityBuildingModel;
import org.compactreview.task.TaskGateway;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Assessing, planning, following and evaluating capacity-building requests. Each step locks the
 * request, checks its stage and the caller's role, records the step, audits it and completes the
 * matching task, in one transaction.
 */
@Service
public class CapacityService {

    private final CapacityRepository requests;
    private final TaskGateway tasks;
    private final AuditLog audit;
    private final Clock clock;
    private final org.compactreview.framework.ParticipantSearch participantSearch;

    /** As the board's and the validation queue's search. */
    static final int MAX_SEARCH = 100;

    CapacityService(
            CapacityRepository requests,
            TaskGateway tasks,
            AuditLog audit,
            Clock clock,
            org.compactreview.framework.ParticipantSearch participantSearch) {
        this.participantSearch = participantSearch;
        this.requests = requests;
        this.tasks = tasks;
        this.audit = audit;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public CapacityRequest get(long id, CurrentUser user) {
        return full(List.of(visible(requests.find(id), id, user))).get(0);
    }

    /** Requests the caller may see: a focal point its own participants', others all. */
    @Transactional(readOnly = true)
    public List<CapacityRequest> list(CurrentUser user, CapacityFilter filter) {
        return full(requests.list(filter, user.seesAllParticipants() ? null : user.participants()));
    }

    /**
     * One page of the requests the caller may see (issue 14: the list grows with 193 participants),
     * searched by participant name ({@code search}, blank for any), newest first.
     */
    @Transactional(readOnly = true)
    public org.compactreview.platform.Page<CapacityRequest> page(
            CurrentUser user, CapacityFilter filter, String search, org.compactreview.platform.PageRequest page) {
        if (search != null && search.length() > MAX_SEARCH) {
            throw new InvalidInputException("q", "validation.board.search", MAX_SEARCH);
        }
        org.compactreview.platform.Page<CapacityRepository.Row> rows = requests.page(
                filter,
                user.seesAllParticipants() ? null : user.participants(),
                participantSearch.matching(search, null),
                null,
                page);
        return new org.compactreview.platform.Page<>(full(rows.items()), rows.page(), rows.size(), rows.total());
    }

    /** How many requests are still open, per objective (an objective without any is absent). */
    @Transactional(readOnly = true)
    public java.util.Map<Integer, Long> openRequestsByObjective() {
        return requests.openByObjective();
    }

    @Transactional(readOnly = true)
    public List<Practice> practices(Integer objective) {
        return requests.practices(objective);
    }

    @Transactional
    public CapacityRequest assess(long id, CurrentUser user, Assessment assessment, Long mergeInto, String reason) {
        Row row = inStage(id, user, Role.SECRETARIAT, CapacityStage.ASSESSMENT);
        if (assessment == null) {
            throw new InvalidInputException("assessment", "validation.capacity.assessment");
        }
        CapacityStage next;
        switch (assessment) {
            case ACCEPT -> next = CapacityStage.PLANNING;
            case MERGE -> {
                checkMergeTarget(row, mergeInto);
                next = CapacityStage.MERGED;
            }
            default -> {
                CapacityRules.checkText("reason", reason, true);
                next = CapacityStage.DECLINED;
            }
        }
        requests.updateStage(
                id,
                next,
                assessment == Assessment.MERGE ? mergeInto : null,
                assessment == Assessment.DECLINE ? reason : null,
                clock.instant());
        tasks.completeForRequest(
                CapacityBuildingModel.TASK_ASSESS_REQUEST,
                id,
                user,
                Map.of(CapacityBuildingModel.VAR_ASSESSMENT, assessment.name()));
        Map<String, Object> after = new java.util.LinkedHashMap<>();
        after.put("stage", next);
        after.put("assessment", assessment);
        after.put("mergedInto", assessment == Assessment.MERGE ? mergeInto : null);
        after.put("reason", assessment == Assessment.DECLINE ? reason : null);
        audit.record("CAPACITY_ASSESSED", "capacity-request", id, Map.of("stage", row.stage()), after);
        return get(id, user);
    }

    @Transactional
    public CapacityRequest agreePlan(long id, CurrentUser user, SupportPlan plan) {
        Row row = inStage(id, user, Role.MANAGER, CapacityStage.PLANNING);
        CapacityRules.checkPlan(plan);
        Instant now = clock.instant();
        requests.insertPlan(id, plan, user.username(), now);
        requests.updateStage(id, CapacityStage.IMPLEMENTATION, null, null, now);
        tasks.completeForRequest(
                CapacityBuildingModel.TASK_AGREE_SUPPORT_PLAN,
                id,
                user,
                Map.of(CapacityBuildingModel.VAR_REVIEW_INTERVAL, plan.reviewInterval()));
        audit.record("CAPACITY_PLAN_AGREED", "capacity-request", id, Map.of("stage", row.stage()), plan);
        return get(id, user);
    }

    @Transactional
    public CapacityRequest reportProgress(
            long id, CurrentUser user, UpdateStatus status, String done, String nextSteps) {
        Row row = visible(requests.lock(id), id, user);
        if (!user.represents(row.participantCode())) {
            throw new AccessDeniedException("only the participant's focal points report progress");
        }
        if (row.stage() != CapacityStage.IMPLEMENTATION) {
            throw new ConflictException("problem.capacity.wrong-stage", row.stage());
        }
        if (status == null) {
            throw new InvalidInputException("status", "validation.capacity.update-status");
        }
        CapacityRules.checkText("done", done, true);
        CapacityRules.checkText("nextSteps", nextSteps, false);
        tasks.completeForRequest(CapacityBuildingModel.TASK_REPORT_PROGRESS, id, user, Map.of());
        requests.insertUpdate(id, status, done, nextSteps, user.username(), clock.instant());
        audit.record(
                "CAPACITY_PROGRESS_REPORTED",
                "capacity-request",
                id,
                null,
                Map.of("status", status, "done", done, "nextSteps", nextSteps == null ? "" : nextSteps));
        return get(id, user);
    }

    @Transactional
    public CapacityRequest evaluate(
            long id, CurrentUser user, Integer outcomeRating, String lessons, boolean publish, String summary) {
        Row row = inStage(id, user, Role.SECRETARIAT, CapacityStage.IMPLEMENTATION);
        CapacityRules.checkOutcomeRating(outcomeRating);
        CapacityRules.checkText("lessons", lessons, true);
        CapacityRules.checkText("summary", summary, publish);
        Instant now = clock.instant();
        tasks.completeForRequest(CapacityBuildingModel.TASK_EVALUATE_OUTCOME, id, user, Map.of());
        requests.insertEvaluation(id, outcomeRating, lessons, user.username(), now);
        requests.updateStage(id, CapacityStage.EVALUATED, null, null, now);
        if (publish) {
            requests.insertPractice(id, row.objective(), row.participantCode(), summary, now);
        }
        audit.record(
                "CAPACITY_EVALUATED",
                "capacity-request",
                id,
                Map.of("stage", row.stage()),
                Map.of("outcomeRating", outcomeRating, "lessons", lessons, "published", publish));
        return get(id, user);
    }

    /** For the process: whether the plan's end date has come (UTC, engine clock). */
    @Transactional(readOnly = true)
    public boolean planEnded(long id) {
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        return requests.plan(id).map(plan -> !today.isBefore(plan.endDate())).orElse(true);
    }

    private void checkMergeTarget(Row row, Long mergeInto) {
        if (mergeInto == null) {
            throw new InvalidInputException("mergeInto", "validation.capacity.merge-target");
        }
        Row target = requests.find(mergeInto)
                .orElseThrow(() -> new InvalidInputException("mergeInto", "validation.capacity.merge-target"));
        boolean similar = target.objective() == row.objective()
                && !target.participantCode().equals(row.participantCode())
                && target.stage().open();
        if (!similar) {
            throw new InvalidInputException("mergeInto", "validation.capacity.merge-target");
        }
    }

    private Row inStage(long id, CurrentUser user, Role role, CapacityStage stage) {
        Row row = visible(requests.lock(id), id, user);
        if (!user.has(role)) {
            throw new AccessDeniedException(role + " only");
        }
        if (row.stage() != stage) {
            throw new ConflictException("problem.capacity.wrong-stage", row.stage());
        }
        return row;
    }

    private static Row visible(java.util.Optional<Row> found, long id, CurrentUser user) {
        return found.filter(r -> user.seesAllParticipants() || user.represents(r.participantCode()))
                .orElseThrow(() -> new NotFoundException("capacity request", id));
    }

    /** The requests with their plans, updates and evaluations: three queries, however many rows. */
    private List<CapacityRequest> full(List<Row> rows) {
        List<Long> ids = rows.stream().map(Row::id).toList();
        Map<Long, SupportPlan> plans = requests.plans(ids);
        Map<Long, List<ProgressUpdate>> updates = requests.updates(ids);
        Map<Long, Evaluation> evaluations = requests.evaluations(ids);
        return rows.stream()
                .map(row -> new CapacityRequest(
                        row.id(),
                        row.participantCode(),
                        row.participantName(),
                        row.region(),
                        row.objective(),
                        row.cycleId(),
                        row.reportId(),
                        row.priorities(),
                        row.stage(),
                        row.mergedInto(),
                        row.declineReason(),
                        row.createdAt(),
                        row.updatedAt(),
                        plans.get(row.id()),
                        updates.getOrDefault(row.id(), List.of()),
                        evaluations.get(row.id())))
                .toList();
    }
}
