package org.compactreview.identity;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.compactreview.audit.AuditLog;
import org.compactreview.platform.ConflictException;
import org.compactreview.platform.InvalidInputException;
import org.compactreview.platform.InvalidInputException.FieldProblem;
import org.compactreview.platform.NotFoundException;
import org.compactreview.platform.Page;
import org.compactreview.platform.PageRequest;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Out of office: a person, or a manager or administrator for them, sets a period and a substitute.
 * The period starts and ends on time whether anyone is signed in or not ({@link #runDue()}), and
 * its start and end move the person's tasks in the same transaction (the task module listens to
 * {@link AbsenceStarted} and {@link AbsenceEnded}).
 *
 * <p>No chains and no loops, refused rather than resolved: the substitute must not be away during
 * any part of the period, and the person must not be anyone's substitute during it. Following a
 * chain to its end would hand work to someone the person never chose. A period that has ended is
 * refused; one whose start has passed starts now. Periods of one person never overlap.
 */
@Service
public class Absences {

    private final AbsenceRepository absences;
    private final UserRepository users;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final TransactionTemplate eachAbsence;

    Absences(
            AbsenceRepository absences,
            UserRepository users,
            AuditLog audit,
            ApplicationEventPublisher events,
            Clock clock,
            PlatformTransactionManager transactions) {
        this.absences = absences;
        this.users = users;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
        this.eachAbsence = new TransactionTemplate(transactions);
    }

    @Transactional(readOnly = true)
    public Page<Absence> list(CurrentUser caller, String username, PageRequest page) {
        person(caller, username);
        return absences.list(username, page);
    }

    @Transactional(readOnly = true)
    public Absence get(CurrentUser caller, String username, long id) {
        person(caller, username);
        return absences.find(id)
                .filter(a -> a.username().equals(username))
                .orElseThrow(() -> new NotFoundException("absence", id));
    }

    /** Colleagues who can hold at least part of the person's work, for the substitute's list. */
    @Transactional(readOnly = true)
    public List<AppUser> substituteChoices(CurrentUser caller, String username) {
        person(caller, username);
        return absences.sharingWork(username).stream()
                .map(users::find)
                .flatMap(Optional::stream)
                .toList();
    }

    /** The running absence of a person, if any: for the tasks assigned to them meanwhile. */
    @Transactional(readOnly = true)
    public Optional<Absence> active(String username) {
        return absences.active(username);
    }

    @Transactional
    public Absence set(CurrentUser caller, String username, AbsenceDraft draft) {
        AppUser person = person(caller, username);
        Instant now = clock.instant();
        AppUser substitute = checkDraft(person, draft, now);
        // Absences are set one at a time: two people naming each other at once would both pass the
        // loop check otherwise. Setting an absence is rare; nobody waits long.
        absences.lockSetting();
        checkNoChain(username, substitute.username(), draft.startsAt(), draft.endsAt());
        Instant startsAt = AbsenceRules.effectiveStart(draft.startsAt(), now);
        long id = absences.insert(username, substitute.username(), startsAt, draft.endsAt(), caller.username(), now);
        Absence created = absences.find(id).orElseThrow();
        audit.record("ABSENCE_SET", "user", username, null, summary(created));
        if (!startsAt.isAfter(now)) {
            start(created);
        }
        return absences.find(id).orElseThrow();
    }

    /** Cancels a period not started yet, or ends a running one now (its tasks go back). */
    @Transactional
    public Absence cancel(CurrentUser caller, String username, long id) {
        person(caller, username);
        Absence absence = absences.lock(id)
                .filter(a -> a.username().equals(username))
                .orElseThrow(() -> new NotFoundException("absence", id));
        switch (absence.status()) {
            case SCHEDULED -> {
                absences.updateStatus(id, Absence.Status.CANCELLED, clock.instant());
                audit.record("ABSENCE_CANCELLED", "user", username, summary(absence), null);
            }
            case ACTIVE -> end(absence);
            default -> throw new ConflictException("problem.absence.over");
        }
        return absences.find(id).orElseThrow();
    }

    /**
     * Starts the periods whose start has come and ends those whose end has come, each in its own
     * transaction; returns how many it handled. Called by the scheduler of every node; each
     * absence is locked while it is handled and skipped by the other nodes meanwhile.
     */
    public int runDue() {
        int handled = 0;
        while (handled < 10_000 && Boolean.TRUE.equals(eachAbsence.execute(status -> handleNextDue()))) {
            handled++;
        }
        return handled;
    }

    private boolean handleNextDue() {
        Instant now = clock.instant();
        Optional<Absence> due = absences.lockNextDue(now);
        if (due.isEmpty()) {
            return false;
        }
        Absence absence = due.get();
        if (absence.status() == Absence.Status.SCHEDULED) {
            start(absence);
            if (!absence.endsAt().isAfter(now)) {
                // Nobody ran the schedule for the whole period (every node was down): it still
                // starts and ends, so that its audit trail and the tasks' way back stay the same.
                end(absences.find(absence.id()).orElseThrow());
            }
        } else {
            end(absence);
        }
        return true;
    }

    private void start(Absence absence) {
        absences.updateStatus(absence.id(), Absence.Status.ACTIVE, null);
        audit.record("ABSENCE_STARTED", "user", absence.username(), null, summary(absence));
        events.publishEvent(new AbsenceStarted(absence.id(), absence.username(), absence.substitute()));
    }

    private void end(Absence absence) {
        absences.updateStatus(absence.id(), Absence.Status.ENDED, clock.instant());
        audit.record("ABSENCE_ENDED", "user", absence.username(), summary(absence), null);
        events.publishEvent(new AbsenceEnded(absence.id(), absence.username(), absence.substitute()));
    }

    /** The person whose absences are asked for: oneself, or anyone for managers and administrators. */
    private AppUser person(CurrentUser caller, String username) {
        boolean allowed = caller.username().equals(username) || caller.has(Role.MANAGER) || caller.has(Role.ADMIN);
        if (!allowed) {
            throw new NotFoundException("user", username);
        }
        return users.find(username).orElseThrow(() -> new NotFoundException("user", username));
    }

    private AppUser checkDraft(AppUser person, AbsenceDraft draft, Instant now) {
        List<FieldProblem> problems = new ArrayList<>(AbsenceRules.period(draft.startsAt(), draft.endsAt(), now));
        AppUser substitute = null;
        String name = draft.substitute() == null ? "" : draft.substitute().strip();
        if (name.isEmpty()) {
            problems.add(new FieldProblem("substitute", "validation.absence.substitute-missing"));
        } else if (name.equals(person.username())) {
            problems.add(new FieldProblem("substitute", "validation.absence.substitute-self"));
        } else {
            substitute = users.find(name).filter(AppUser::enabled).orElse(null);
            if (substitute == null) {
                problems.add(new FieldProblem("substitute", "validation.user.unknown", name));
            } else if (!sharesWork(person, substitute)) {
                problems.add(new FieldProblem("substitute", "validation.absence.substitute-shares-nothing", name));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidInputException(problems);
        }
        return substitute;
    }

    /** At least one candidate group in common; tasks of the groups not shared stay with the person. */
    private static boolean sharesWork(AppUser person, AppUser substitute) {
        Set<String> shared = new java.util.HashSet<>(person.asCurrentUser().candidateGroups());
        shared.retainAll(substitute.asCurrentUser().candidateGroups());
        return !shared.isEmpty();
    }

    private void checkNoChain(String username, String substitute, Instant from, Instant to) {
        Optional<ConflictException> conflict = AbsenceRules.conflict(
                username,
                substitute,
                absences.openOverlapping(username, from, to),
                absences.openOverlapping(substitute, from, to),
                absences.openSubstitutingOverlapping(username, from, to));
        if (conflict.isPresent()) {
            throw conflict.get();
        }
    }

    private static Map<String, Object> summary(Absence absence) {
        return Map.of(
                "absence", absence.id(),
                "substitute", absence.substitute(),
                "startsAt", absence.startsAt(),
                "endsAt", absence.endsAt());
    }
}
