package org.compactreview.cycle;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.compactreview.audit.AuditLog;
import org.compactreview.identity.CurrentUser;
import org.compactreview.identity.Role;
import org.compactreview.platform.ConflictException;
import org.compactreview.platform.InvalidInputException;
import org.compactreview.platform.NotFoundException;
import org.compactreview.process.ConferenceModel;
import org.compactreview.task.TaskGateway;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The conference's own steps after the regional reviews: compile the progress report, consult
 * stakeholders, negotiate the declaration in numbered drafts, adopt it. Each step locks the cycle,
 * checks its status and the caller's role, records, audits, completes its task and moves the
 * status on: OPEN, COMPILATION, CONSULTATION, NEGOTIATION, ADOPTION, CLOSED (see {@link CycleStatus}).
 */
@Service
public class ConferenceService {

    private static final int MAX_TEXT = 50_000;

    private final CycleRepository cycles;
    private final ConferenceRepository conference;
    private final TaskGateway tasks;
    private final AuditLog audit;
    private final Clock clock;
    private final org.compactreview.framework.FrameworkCatalog framework;

    ConferenceService(
            CycleRepository cycles,
            ConferenceRepository conference,
            TaskGateway tasks,
            AuditLog audit,
            Clock clock,
            org.compactreview.framework.FrameworkCatalog framework) {
        this.framework = framework;
        this.cycles = cycles;
        this.conference = conference;
        this.tasks = tasks;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Every regional review has ended and "Compile progress report" begins: called by the engine
     * ({@code CompilationStarted}) in the command that ends the last review.
     */
    @Transactional
    public void compilationStarted(long cycleId) {
        ReviewCycle cycle = cycles.lock(cycleId).orElseThrow(() -> new NotFoundException("conference", cycleId));
        if (cycle.status() != CycleStatus.OPEN) {
            return;
        }
        cycles.updateStatus(cycleId, CycleStatus.COMPILATION, null);
        audit.record(
                "CONFERENCE_COMPILATION_STARTED",
                "cycle",
                cycleId,
                Map.of("status", CycleStatus.OPEN),
                Map.of("status", CycleStatus.COMPILATION));
    }

    @Transactional
    public void compile(long cycleId, CurrentUser user, String narrative) {
        // OPEN too: a conference that reached its compilation before COMPILATION was recorded;
        // its open task decides, and without one the step answers 409.
        ReviewCycle before = step(cycleId, user, Role.SECRETARIAT, CycleStatus.COMPILATION, CycleStatus.OPEN);
        text("narrative", narrative);
        conference.saveNarrative(cycleId, narrative, user.username(), clock.instant());
        tasks.complete(ConferenceModel.TASK_COMPILE_PROGRESS_REPORT, cycleId, null, user, Map.of());
        cycles.updateStatus(cycleId, CycleStatus.CONSULTATION, null);
        audit.record(
                "CONFERENCE_COMPILED",
                "cycle",
                cycleId,
                Map.of("status", before.status()),
                Map.of("status", CycleStatus.CONSULTATION, "narrative", narrative));
    }

    @Transactional
    public void addSubmission(
            long cycleId,
            CurrentUser user,
            StakeholderSubmission.StakeholderGroup group,
            String organisation,
            String submission) {
        step(cycleId, user, Role.SECRETARIAT, CycleStatus.CONSULTATION);
        if (group == null) {
            throw new InvalidInputException("group", "validation.conference.group");
        }
        text("organisation", organisation);
        text("submission", submission);
        conference.insertSubmission(cycleId, group, organisation, submission, user.username(), clock.instant());
        audit.record(
                "STAKEHOLDER_SUBMISSION_RECORDED",
                "cycle",
                cycleId,
                null,
                Map.of("group", group, "organisation", organisation));
    }

    @Transactional
    public void finishConsultation(long cycleId, CurrentUser user) {
        step(cycleId, user, Role.SECRETARIAT, CycleStatus.CONSULTATION);
        tasks.complete(ConferenceModel.TASK_CONSULT_STAKEHOLDERS, cycleId, null, user, Map.of());
        cycles.updateStatus(cycleId, CycleStatus.NEGOTIATION, null);
        audit.record(
                "CONSULTATION_CLOSED",
                "cycle",
                cycleId,
                Map.of("status", CycleStatus.CONSULTATION),
                Map.of("status", CycleStatus.NEGOTIATION));
    }

    /** One negotiation round: a new numbered draft, or agreement on the latest draft. */
    @Transactional
    public void negotiate(long cycleId, CurrentUser user, String newDraft, boolean agree) {
        step(cycleId, user, Role.MANAGER, CycleStatus.NEGOTIATION);
        if (agree) {
            if (conference.drafts(cycleId).isEmpty()) {
                throw new ConflictException("problem.conference.no-draft");
            }
            tasks.complete(
                    ConferenceModel.TASK_NEGOTIATE_DECLARATION,
                    cycleId,
                    null,
                    user,
                    Map.of(ConferenceModel.VAR_AGREED, true));
            cycles.updateStatus(cycleId, CycleStatus.ADOPTION, null);
            audit.record(
                    "DECLARATION_AGREED",
                    "cycle",
                    cycleId,
                    Map.of("status", CycleStatus.NEGOTIATION),
                    Map.of(
                            "status",
                            CycleStatus.ADOPTION,
                            "draft",
                            conference.drafts(cycleId).size()));
            return;
        }
        text("text", newDraft);
        int number = conference.insertDraft(cycleId, newDraft, user.username(), clock.instant());
        tasks.complete(
                ConferenceModel.TASK_NEGOTIATE_DECLARATION,
                cycleId,
                null,
                user,
                Map.of(ConferenceModel.VAR_AGREED, false));
        audit.record("DECLARATION_DRAFTED", "cycle", cycleId, null, Map.of("number", number, "text", newDraft));
    }

    /** The conference adopts the agreed declaration: its commitments become follow-up items. */
    @Transactional
    public void adopt(long cycleId, CurrentUser user, List<Commitment> commitments) {
        // NEGOTIATION too: a declaration agreed before ADOPTION was recorded; the open adoption task
        // decides, and without one the step answers 409.
        ReviewCycle before = step(cycleId, user, Role.SECRETARIAT, CycleStatus.ADOPTION, CycleStatus.NEGOTIATION);
        if (commitments == null || commitments.isEmpty()) {
            throw new InvalidInputException("commitments", "validation.conference.commitments");
        }
        // Issue 14: "*" and unknown codes were stored as responsible participants. Every
        // participant is said by naming none.
        for (int i = 0; i < commitments.size(); i++) {
            for (String code : commitments.get(i).responsible()) {
                if (framework.participant(code).isEmpty()) {
                    throw new InvalidInputException(
                            "commitments[" + i + "].responsible", "validation.commitment.participant", code);
                }
            }
        }
        Instant now = clock.instant();
        tasks.complete(ConferenceModel.TASK_ADOPT_DECLARATION, cycleId, null, user, Map.of());
        commitments.forEach(c -> conference.insertFollowUpItem(cycleId, c, now));
        cycles.updateStatus(cycleId, CycleStatus.CLOSED, now);
        audit.record(
                "DECLARATION_ADOPTED",
                "cycle",
                cycleId,
                Map.of("status", before.status()),
                Map.of("status", CycleStatus.CLOSED, "commitments", commitments));
    }

    @Transactional(readOnly = true)
    public ConferenceRecord record(long cycleId) {
        cycles.find(cycleId)
                .filter(c -> c.kind() == CycleKind.HIGH_LEVEL_CONFERENCE)
                .orElseThrow(() -> new NotFoundException("conference", cycleId));
        return new ConferenceRecord(
                conference.narrative(cycleId).orElse(null),
                conference.submissions(cycleId),
                conference.drafts(cycleId));
    }

    /**
     * Follow-up items as a caller may list them: the secretariat, managers and administrators see
     * every item (or a participant's); a focal point sees those addressed to its own participants
     * or to everyone, and asking for another participant lists nothing, as the other lists do.
     */
    @Transactional(readOnly = true)
    public List<FollowUpItem> followUpItems(CurrentUser user, String participantCode, Integer objective) {
        if (user.seesAllParticipants()) {
            return conference.followUpItems(participantCode, objective);
        }
        if (participantCode != null && !user.participants().contains(participantCode)) {
            return List.of();
        }
        java.util.Set<String> codes = participantCode == null ? user.participants() : java.util.Set.of(participantCode);
        return conference.followUpItemsFor(codes, objective);
    }

    /** Follow-up items that a participant reports against (those naming it and those for all). */
    @Transactional(readOnly = true)
    public List<FollowUpItem> followUpItems(String participantCode, Integer objective) {
        return conference.followUpItems(participantCode, objective);
    }

    private ReviewCycle step(long cycleId, CurrentUser user, Role role, CycleStatus status, CycleStatus... legacy) {
        ReviewCycle cycle = cycles.lock(cycleId)
                .filter(c -> c.kind() == CycleKind.HIGH_LEVEL_CONFERENCE)
                .orElseThrow(() -> new NotFoundException("conference", cycleId));
        if (!user.has(role)) {
            throw new AccessDeniedException(role + " only");
        }
        if (cycle.status() != status && !List.of(legacy).contains(cycle.status())) {
            throw new ConflictException("problem.cycle.wrong-status", cycle.status(), status);
        }
        return cycle;
    }

    private static void text(String field, String value) {
        if (value == null || value.isBlank()) {
            throw new InvalidInputException(field, "validation.capacity.required");
        }
        if (value.length() > MAX_TEXT) {
            throw new InvalidInputException(field, "validation.text.too-long", MAX_TEXT);
        }
    }

    /** What the conference has recorded so far. */
    public record ConferenceRecord(
            String narrative, List<StakeholderSubmission> submissions, List<DeclarationDraft> drafts) {}
}
