package org.compactreview.report;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.compactreview.audit.AuditLog;
import org.compactreview.framework.FrameworkCatalog;
import org.compactreview.identity.AppUser;
import org.compactreview.identity.CurrentUser;
import org.compactreview.identity.Role;
import org.compactreview.identity.UserDirectory;
import org.compactreview.platform.ConflictException;
import org.compactreview.platform.InvalidInputException;
import org.compactreview.platform.NotFoundException;
import org.compactreview.platform.StorableInput;
import org.compactreview.report.ReportRepository.ReportRow;
import org.compactreview.report.SectionDelegations.RawDelegation;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Section delegation (whole-of-government): a focal point hands some objectives of its draft
 * report to a contributor of another ministry of the same participant, who writes only those
 * sections ({@link ReportService#saveDraft}) and hands them back; the focal point may take them
 * back at any time. Built on our own table rather than Camunda task delegation or a subprocess:
 * a delegation names sections of a report, which no engine task knows, and the report's save
 * rules read it on every save (see docs/delegation.md). Every change locks the report row first,
 * like every other change of a report.
 */
@Service
public class DelegationService {

    static final int MAX_NOTE = 1000;

    private final ReportRepository reports;
    private final SectionDelegations delegations;
    private final UserDirectory users;
    private final FrameworkCatalog framework;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    DelegationService(
            ReportRepository reports,
            SectionDelegations delegations,
            UserDirectory users,
            FrameworkCatalog framework,
            AuditLog audit,
            ApplicationEventPublisher events,
            Clock clock) {
        this.reports = reports;
        this.delegations = delegations;
        this.users = users;
        this.framework = framework;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    /** Hands the objectives of a draft report to one of the participant's contributors. */
    @Transactional
    public SectionDelegation delegate(
            long reportId, CurrentUser user, String delegate, List<Integer> objectives, String note) {
        ReportRow row = ownReport(reports.lock(reportId), reportId, user);
        if (!row.status().editable()) {
            throw new ConflictException("problem.report.not-editable", row.status());
        }
        Set<Integer> sections = checkObjectives(objectives);
        AppUser contributor = checkDelegate(delegate, row.participantCode());
        checkText("note", note);
        Set<Integer> taken = new TreeSet<>();
        delegations.openOn(reportId).forEach(open -> open.objectives().stream()
                .filter(sections::contains)
                .forEach(taken::add));
        if (!taken.isEmpty()) {
            throw new ConflictException("problem.delegation.overlap", joined(taken));
        }
        String cleanNote = note == null || note.isBlank() ? null : note.strip();
        long id = delegations.insert(
                reportId, List.copyOf(sections), contributor.username(), user.username(), cleanNote, clock.instant());
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("delegation", id);
        after.put("delegate", contributor.username());
        after.put("objectives", sections);
        after.put("note", cleanNote);
        audit.record("SECTIONS_DELEGATED", "report", reportId, null, after);
        RawDelegation made = delegations.find(id).orElseThrow();
        events.publishEvent(new SectionHandedOut(
                id,
                reportId,
                made.cycleId(),
                made.participantCode(),
                made.objectives(),
                user.username(),
                contributor.username(),
                cleanNote));
        return named(made);
    }

    /** A report's delegations, newest first, for whoever may read the report (not contributors). */
    @Transactional(readOnly = true)
    public List<SectionDelegation> ofReport(long reportId, CurrentUser user) {
        ReportRow row = reports.find(reportId).orElseThrow(() -> new NotFoundException("report", reportId));
        if (!user.seesAllParticipants() && !user.represents(row.participantCode())) {
            throw new NotFoundException("report", reportId);
        }
        return delegations.ofReport(reportId).stream().map(this::named).toList();
    }

    /** The contributor's own delegations, open ones first. */
    @Transactional(readOnly = true)
    public List<SectionDelegation> mine(CurrentUser user) {
        return delegations.ofDelegate(user.username()).stream().map(this::named).toList();
    }

    /** The contributors a focal point may pick for its report. */
    @Transactional(readOnly = true)
    public List<AppUser> candidates(long reportId, CurrentUser user) {
        ReportRow row = ownReport(reports.find(reportId), reportId, user);
        return users.contributorsOf(row.participantCode());
    }

    /** The contributor hands its sections back: from now on only the focal points write them. */
    @Transactional
    public SectionDelegation handBack(long delegationId, CurrentUser user) {
        RawDelegation found = delegations
                .find(delegationId)
                .filter(d -> d.delegate().equals(user.username()))
                .orElseThrow(() -> new NotFoundException("delegation", delegationId));
        return end(found, DelegationState.RETURNED, user, null, "SECTIONS_RETURNED");
    }

    /** A focal point takes the sections back (before submitting, or to give them to someone else). */
    @Transactional
    public SectionDelegation revoke(long delegationId, CurrentUser user, String reason) {
        RawDelegation found =
                delegations.find(delegationId).orElseThrow(() -> new NotFoundException("delegation", delegationId));
        try {
            ownReport(reports.find(found.reportId()), found.reportId(), user);
        } catch (NotFoundException outside) {
            throw new NotFoundException("delegation", delegationId);
        }
        checkText("reason", reason);
        return end(found, DelegationState.REVOKED, user, reason, "DELEGATION_REVOKED");
    }

    private SectionDelegation end(
            RawDelegation found, DelegationState next, CurrentUser user, String reason, String action) {
        reports.lock(found.reportId());
        RawDelegation current = delegations.find(found.id()).orElseThrow();
        if (!current.state().equals(DelegationState.OPEN)) {
            throw new ConflictException("problem.delegation.not-open", current.state());
        }
        String cleanReason = reason == null || reason.isBlank() ? null : reason.strip();
        delegations.end(current.id(), next, user.username(), cleanReason, clock.instant());
        Map<String, Object> before = Map.of("delegation", current.id(), "state", current.state());
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("delegation", current.id());
        after.put("state", next);
        after.put("delegate", current.delegate());
        after.put("objectives", current.objectives());
        audit.record(action, "report", current.reportId(), before, after, cleanReason);
        events.publishEvent(new SectionHandedBack(
                current.id(),
                current.reportId(),
                current.cycleId(),
                current.participantCode(),
                current.objectives(),
                current.delegate(),
                user.username(),
                next,
                cleanReason));
        return named(delegations.find(current.id()).orElseThrow());
    }

    /** The report of one of the caller's participants; a report it may only read answers 403. */
    private ReportRow ownReport(java.util.Optional<ReportRow> found, long reportId, CurrentUser user) {
        ReportRow row = found.orElseThrow(() -> new NotFoundException("report", reportId));
        if (user.represents(row.participantCode())) {
            return row;
        }
        if (user.seesAllParticipants()) {
            throw new AccessDeniedException("only the participant's focal points delegate its sections");
        }
        throw new NotFoundException("report", reportId);
    }

    private Set<Integer> checkObjectives(List<Integer> objectives) {
        if (objectives == null || objectives.isEmpty()) {
            throw new InvalidInputException("objectives", "validation.delegation.objectives-required");
        }
        Set<Integer> sections = new TreeSet<>();
        for (Integer objective : objectives) {
            if (objective == null || !framework.isObjective(objective)) {
                throw new InvalidInputException("objectives", "validation.objective.unknown", objective);
            }
            sections.add(objective);
        }
        return sections;
    }

    private AppUser checkDelegate(String delegate, String participantCode) {
        if (delegate == null || delegate.isBlank()) {
            throw new InvalidInputException("delegate", "validation.delegation.delegate-required");
        }
        return users.find(delegate.strip())
                .filter(AppUser::enabled)
                .filter(u -> u.roles().contains(Role.CONTRIBUTOR))
                .filter(u -> u.participants().contains(participantCode))
                .orElseThrow(() -> new InvalidInputException("delegate", "validation.delegation.not-a-contributor"));
    }

    private static void checkText(String field, String text) {
        if (text != null && text.length() > MAX_NOTE) {
            throw new InvalidInputException(field, "validation.text.too-long", MAX_NOTE);
        }
        if (!StorableInput.storable(text)) {
            throw new InvalidInputException(field, StorableInput.UNSTORABLE_TEXT);
        }
    }

    private SectionDelegation named(RawDelegation raw) {
        return raw.named(users.find(raw.delegate()).map(AppUser::displayName).orElse(raw.delegate()));
    }

    private static String joined(Set<Integer> numbers) {
        return String.join(", ", numbers.stream().map(String::valueOf).toList());
    }
}
