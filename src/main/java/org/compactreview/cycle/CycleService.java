package org.compactreview.cycle;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.compactreview.audit.AuditLog;
import org.compactreview.framework.FrameworkCatalog;
import org.compactreview.framework.ParticipantKind;
import org.compactreview.identity.CurrentUser;
import org.compactreview.platform.ConflictException;
import org.compactreview.platform.InvalidInputException;
import org.compactreview.platform.InvalidInputException.FieldProblem;
import org.compactreview.platform.NotFoundException;
import org.compactreview.platform.Page;
import org.compactreview.platform.PageRequest;
import org.compactreview.report.Consolidation;
import org.compactreview.report.ReportService;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Opens, consolidates and closes review cycles. */
@Service
public class CycleService {

    private final CycleRepository cycles;
    private final FrameworkCatalog framework;
    private final ReportService reports;
    private final Consolidation consolidation;
    private final CycleProcess process;
    private final CycleProperties properties;
    private final CadenceProperties cadence;
    private final AuditLog audit;
    private final Clock clock;

    CycleService(
            CycleRepository cycles,
            FrameworkCatalog framework,
            ReportService reports,
            Consolidation consolidation,
            CycleProcess process,
            CycleProperties properties,
            CadenceProperties cadence,
            AuditLog audit,
            Clock clock) {
        this.cycles = cycles;
        this.framework = framework;
        this.reports = reports;
        this.consolidation = consolidation;
        this.process = process;
        this.properties = properties;
        this.cadence = cadence;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Opens a cycle: one draft report per participant and the cycle's process, all in one
     * transaction, so a cycle is open for everyone or for no one. The process starts the first
     * batch of participant reviews (each with its "Submit progress report" task) in this
     * transaction too, and every further batch in a job of its own ({@link ParticipantReviews}).
     */
    @Transactional
    public ReviewCycle open(OpenCycleRequest request, CurrentUser user) {
        boolean conference = request.kind() == CycleKind.HIGH_LEVEL_CONFERENCE;
        List<String> participants = participants(request.participants(), conference);
        Instant now = clock.instant();
        Instant due = request.submissionDue();
        List<Integer> reminderDays = reminderDays(request);
        // The first reminder; the participant review's reminder loop finds the later ones.
        Instant reminderAt =
                reminderDays == null ? request.reminderAt() : due.minus(java.time.Duration.ofDays(reminderDays.get(0)));
        Instant closesAt =
                request.windowClosesAt() != null ? request.windowClosesAt() : due.plus(properties.gracePeriod());
        checkDates(now, reminderAt, due, closesAt);
        if (conference
                && (request.conferenceDate() == null
                        || !request.conferenceDate()
                                .atStartOfDay()
                                .toInstant(java.time.ZoneOffset.UTC)
                                .isAfter(closesAt))) {
            throw new InvalidInputException("conferenceDate", "validation.cycle.conference-date");
        }
        if (cycles.exists(request.kind(), request.period())) {
            throw new ConflictException("problem.cycle.exists", request.period());
        }
        long id = cycles.insert(
                request.kind(),
                request.period(),
                reminderAt,
                due,
                closesAt,
                conference ? request.conferenceDate() : null,
                reminderDays,
                (int) participants.stream().distinct().count(),
                user.username(),
                now);
        reports.createDrafts(id, participants, conference, user.username());
        String processInstanceId = process.start(request.kind(), id, request.period(), reminderAt, due, closesAt);
        cycles.setProcessInstance(id, processInstanceId);
        ReviewCycle opened = get(id);
        audit.record("CYCLE_OPENED", "cycle", id, null, opened);
        return opened;
    }

    /**
     * Opens the cycle the cadence asks for, as the system: the annual review of the current year
     * for all member states, or the conference for all regional bodies. A period already opened
     * (by hand) is left alone.
     */
    @Transactional
    public java.util.Optional<ReviewCycle> openScheduled(CycleKind kind) {
        Instant now = clock.instant();
        int year = java.time.LocalDate.ofInstant(now, java.time.ZoneOffset.UTC).getYear();
        boolean conference = kind == CycleKind.HIGH_LEVEL_CONFERENCE;
        String period = conference ? year + "-" + (year + cadence.conferenceYears() - 1) : String.valueOf(year);
        if (cycles.exists(kind, period)) {
            return java.util.Optional.empty();
        }
        Instant due = now.plus(cadence.submissionWindow());
        java.time.LocalDate conferenceDate = conference
                ? java.time.LocalDate.ofInstant(now.plus(cadence.conferenceAfter()), java.time.ZoneOffset.UTC)
                : null;
        CurrentUser system = new CurrentUser(
                org.compactreview.audit.AuditLog.SYSTEM,
                java.util.Set.of(org.compactreview.identity.Role.SECRETARIAT),
                java.util.Set.of());
        return java.util.Optional.of(
                open(new OpenCycleRequest(kind, period, null, due, null, null, conferenceDate), system));
    }

    @Transactional(readOnly = true)
    public ReviewCycle get(long id) {
        return cycles.find(id).orElseThrow(() -> new NotFoundException("cycle", id));
    }

    @Transactional(readOnly = true)
    public Page<ReviewCycle> list(PageRequest page) {
        return cycles.list(page);
    }

    /**
     * The cycles not yet closed that have an annual meeting or conference date, for the personal
     * calendar feeds (notify): few at any time, so unpaged. No access check: the caller narrows them.
     */
    @Transactional(readOnly = true)
    public List<ReviewCycle> unclosedWithEventDates() {
        return cycles.unclosedWithEventDates();
    }

    /** The secretariat's cycle list (issue 14): filtered by kind and status, searched by period. */
    @Transactional(readOnly = true)
    public Page<ReviewCycle> list(CycleKind kind, CycleStatus status, String search, PageRequest page) {
        if (search != null && search.length() > 32) {
            throw new InvalidInputException("q", "validation.board.search", 32);
        }
        return cycles.list(kind, status, search == null || search.isBlank() ? null : search.trim(), page);
    }

    /** The submission phase ended for every participant: compute the summary. */
    @Transactional
    public void consolidate(long id) {
        ReviewCycle before = cycles.lock(id).orElseThrow(() -> new NotFoundException("cycle", id));
        consolidation.consolidate(id);
        cycles.updateStatus(id, CycleStatus.CONSOLIDATED, null);
        audit.record(
                "CYCLE_CONSOLIDATED",
                "cycle",
                id,
                Map.of("status", before.status()),
                Map.of("status", CycleStatus.CONSOLIDATED));
    }

    @Transactional
    public void close(long id) {
        ReviewCycle before = cycles.lock(id).orElseThrow(() -> new NotFoundException("cycle", id));
        cycles.updateStatus(id, CycleStatus.CLOSED, clock.instant());
        audit.record(
                "CYCLE_CLOSED", "cycle", id, Map.of("status", before.status()), Map.of("status", CycleStatus.CLOSED));
    }

    /** The reminder days the cycle's page form offers before the secretariat changes them. */
    public List<Integer> defaultReminderDays() {
        return properties.reminderDays();
    }

    /**
     * The cycle's reminder days, largest first: the request's, or the configured default; null when
     * the caller gave one reminder date instead (the API before issue 15), which stays the one
     * reminder. Giving both is refused: which one counts would be a guess.
     */
    private List<Integer> reminderDays(OpenCycleRequest request) {
        if (request.reminderDays() == null) {
            return request.reminderAt() == null ? properties.reminderDays() : null;
        }
        if (request.reminderAt() != null) {
            throw new InvalidInputException("reminderAt", "validation.cycle.reminder-days-or-date");
        }
        if (!ReminderDays.valid(request.reminderDays())) {
            throw new InvalidInputException("reminderDays", ReminderDays.PROBLEM);
        }
        return ReminderDays.ordered(request.reminderDays());
    }

    private List<String> participants(List<String> requested, boolean conference) {
        if (requested == null) {
            return conference ? framework.regionalBodyCodes() : framework.memberStateCodes();
        }
        List<FieldProblem> problems = new ArrayList<>();
        if (requested.isEmpty()) {
            problems.add(new FieldProblem("participants", "validation.participants.empty"));
        }
        Set<String> unique = new LinkedHashSet<>();
        for (int i = 0; i < requested.size(); i++) {
            String code = requested.get(i);
            var participant = framework.participant(code);
            boolean regionalBody = participant
                    .filter(p -> p.kind() != ParticipantKind.MEMBER_STATE)
                    .isPresent();
            if (participant.isEmpty()) {
                problems.add(new FieldProblem("participants[" + i + "]", "validation.participant.unknown", code));
            } else if (conference != regionalBody) {
                problems.add(new FieldProblem(
                        "participants[" + i + "]",
                        conference ? "validation.participant.not-regional" : "validation.participant.not-member-state",
                        code));
            } else if (!unique.add(code)) {
                problems.add(new FieldProblem("participants[" + i + "]", "validation.participant.duplicate", code));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return List.copyOf(unique);
    }

    private static void checkDates(Instant now, Instant reminderAt, Instant due, Instant closesAt) {
        List<FieldProblem> problems = new ArrayList<>();
        if (!due.isAfter(now)) {
            problems.add(new FieldProblem("submissionDue", "validation.cycle.due-in-past"));
        }
        if (!reminderAt.isBefore(due)) {
            problems.add(new FieldProblem("reminderAt", "validation.cycle.reminder-after-due"));
        }
        if (closesAt.isBefore(due)) {
            problems.add(new FieldProblem("windowClosesAt", "validation.cycle.window-before-due"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
    }
}
