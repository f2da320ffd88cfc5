package org.compactreview.report;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.compactreview.audit.AuditLog;
import org.compactreview.framework.FrameworkCatalog;
import org.compactreview.identity.CurrentUser;
import org.compactreview.identity.Role;
import org.compactreview.platform.ConflictException;
import org.compactreview.platform.ForbiddenException;
import org.compactreview.platform.InvalidInputException;
import org.compactreview.platform.NotFoundException;
import org.compactreview.process.ParticipantReviewModel;
import org.compactreview.report.ReportRepository.ReportRow;
import org.compactreview.report.ReportRepository.StoredEntry;
import org.compactreview.task.TaskGateway;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Drafting, submitting and validating progress reports. Each change locks the report row first,
 * so that two people acting on one report at once are served one after the other and the second
 * is told what happened instead of overwriting the first.
 */
@Service
public class ReportService {

    private final ReportRepository reports;
    private final SectionDelegations delegations;
    private final FrameworkCatalog framework;
    private final TaskGateway tasks;
    private final AuditLog audit;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    ReportService(
            ReportRepository reports,
            SectionDelegations delegations,
            FrameworkCatalog framework,
            TaskGateway tasks,
            AuditLog audit,
            ApplicationEventPublisher events,
            Clock clock) {
        this.reports = reports;
        this.delegations = delegations;
        this.framework = framework;
        this.tasks = tasks;
        this.audit = audit;
        this.events = events;
        this.clock = clock;
    }

    /** One draft report (or regional review) per participant, created when a cycle opens. */
    @Transactional
    public void createDrafts(long cycleId, Collection<String> participantCodes, boolean regional, String openedBy) {
        reports.insertDrafts(cycleId, participantCodes, regional, clock.instant(), openedBy);
    }

    @Transactional(readOnly = true)
    public Report get(long id, CurrentUser user) {
        if (user.has(Role.CONTRIBUTOR)) {
            return delegatedPart(reports.find(id).orElseThrow(() -> new NotFoundException("report", id)), user);
        }
        return withEntries(visible(reports.find(id), id, user));
    }

    /** Who last wrote each entry the caller may see (entries nobody wrote yet are left out). */
    @Transactional(readOnly = true)
    public List<EntryAuthor> authors(long id, CurrentUser user) {
        Set<Integer> shown = get(id, user).entries().stream()
                .map(ReportEntry::objective)
                .collect(java.util.stream.Collectors.toSet());
        return reports.storedEntries(id).stream()
                .filter(e -> e.updatedBy() != null && shown.contains(e.entry().objective()))
                .map(e -> new EntryAuthor(e.entry().objective(), e.updatedBy(), e.updatedAt()))
                .toList();
    }

    /**
     * A contributor's part of a report: the sections of its open delegations while the report is a
     * draft, without the rest (nor the secretariat's return comment, which may name other
     * sections). Anything else of the report answers 404, as if it did not exist.
     */
    private Report delegatedPart(ReportRow row, CurrentUser user) {
        Set<Integer> sections = sectionsOf(row, user);
        if (sections.isEmpty()) {
            throw new NotFoundException("report", row.id());
        }
        return ReportViews.limited(withEntries(row), sections);
    }

    private Set<Integer> sectionsOf(ReportRow row, CurrentUser user) {
        return row.status().editable() ? delegations.openSections(row.id(), user.username()) : Set.of();
    }

    /**
     * Reports the caller may see, newest cycle first: its own participants', or one cycle's. A
     * regional body's focal point asking for one of its members gets the member's accepted national
     * reports, which it may read by id; another participant lists nothing.
     */
    @Transactional(readOnly = true)
    public List<Report> list(CurrentUser user, Long cycleId, String participantCode) {
        if (user.has(Role.CONTRIBUTOR)) {
            return delegations.reportsWithOpenDelegation(user.username()).stream()
                    .map(reports::find)
                    .flatMap(java.util.Optional::stream)
                    .filter(row -> cycleId == null || row.cycleId() == cycleId)
                    .filter(row ->
                            participantCode == null || row.participantCode().equals(participantCode))
                    .filter(row -> !sectionsOf(row, user).isEmpty())
                    .map(row -> delegatedPart(row, user))
                    .toList();
        }
        Set<String> codes;
        if (user.seesAllParticipants()) {
            if (participantCode == null && cycleId == null) {
                throw new InvalidInputException("cycleId", "validation.report.list-needs-filter");
            }
            if (participantCode == null) {
                return withEntries(reports.inCycle(cycleId));
            }
            codes = Set.of(participantCode);
        } else if (participantCode == null) {
            codes = user.participants();
        } else if (user.participants().contains(participantCode)) {
            codes = Set.of(participantCode);
        } else if (user.has(Role.FOCAL_POINT) && isMemberOfAny(participantCode, user.participants())) {
            return withEntries(reports.forParticipants(Set.of(participantCode), cycleId).stream()
                    .filter(row -> !row.regional() && row.status() == ReportStatus.ACCEPTED)
                    .toList());
        } else {
            codes = Set.of();
        }
        return withEntries(reports.forParticipants(codes, cycleId));
    }

    /** Submitted reports waiting for the secretariat, oldest first. */
    @Transactional(readOnly = true)
    public List<Report> validationQueue(CurrentUser user) {
        if (!user.has(Role.SECRETARIAT)) {
            throw new AccessDeniedException("secretariat only");
        }
        return withEntries(reports.withStatus(ReportStatus.SUBMITTED));
    }

    @Transactional(readOnly = true)
    public List<ReportVersion> versions(long id, CurrentUser user) {
        visible(reports.find(id), id, user);
        return reports.versions(id);
    }

    /**
     * Saves the entries given (the others are kept), by the participant's focal points or by a
     * contributor for the sections delegated to it. Only entries that differ from what is stored
     * are written, each with its author. A save from an older {@code expectedLockVersion} is
     * refused (stale) only when one of the entries it changes was changed by someone else since
     * that version: a focal point and a contributor saving different sections at once both keep
     * their work; two people changing the same section get the conflict.
     */
    @Transactional
    public Report saveDraft(long id, CurrentUser user, int expectedLockVersion, List<ReportEntry> entries) {
        ReportRow row = user.has(Role.CONTRIBUTOR)
                ? reports.lock(id).orElseThrow(() -> new NotFoundException("report", id))
                : editable(id, user, null);
        ReportRules.checkDraftEntries(entries, framework::isObjective);
        if (user.has(Role.CONTRIBUTOR)) {
            checkWithinSections(row, user, entries);
        }
        Map<Integer, StoredEntry> stored = new java.util.HashMap<>();
        reports.storedEntries(id).forEach(e -> stored.put(e.entry().objective(), e));
        List<ReportEntry> changes = ReportRules.changes(entries, stored);
        ReportRules.checkNotStale(row.lockVersion(), row.updatedBy(), expectedLockVersion, changes, stored);
        if (changes.isEmpty()) {
            return get(id, user);
        }
        Instant now = clock.instant();
        List<ReportEntry> before = changes.stream()
                .filter(e -> stored.containsKey(e.objective()))
                .map(e -> stored.get(e.objective()).entry())
                .toList();
        reports.upsertEntries(id, changes, row.lockVersion() + 1, user.username(), now);
        reports.update(id, row.status(), row.submittedVersion(), row.returnComment(), now, user.username());
        audit.record("REPORT_DRAFT_SAVED", "report", id, before, changes);
        return get(id, user);
    }

    /** A contributor writes only the sections of its open delegations; others answer 404. */
    private void checkWithinSections(ReportRow row, CurrentUser user, List<ReportEntry> entries) {
        Set<Integer> sections = sectionsOf(row, user);
        if (sections.isEmpty()) {
            throw new NotFoundException("report", row.id());
        }
        entries.stream()
                .filter(e -> !sections.contains(e.objective()))
                .findFirst()
                .ifPresent(e -> {
                    throw new NotFoundException("objective", e.objective());
                });
    }

    @Transactional
    public Report submit(long id, CurrentUser user, Integer expectedLockVersion) {
        if (user.has(Role.CONTRIBUTOR)) {
            throw new ForbiddenException("problem.delegation.contributor-cannot-submit");
        }
        ReportRow row = editable(id, user, expectedLockVersion);
        // Sections still with a contributor: the focal point takes them back (or waits for the
        // hand-back) before it submits, so that nobody's work is submitted half-done behind them.
        List<String> withContributors = delegations.openOn(id).stream()
                .map(SectionDelegations.RawDelegation::delegate)
                .distinct()
                .toList();
        if (!withContributors.isEmpty()) {
            throw new ConflictException("problem.delegation.still-open", String.join(", ", withContributors));
        }
        Report before = withEntries(row);
        List<ReportEntry> entries = before.entries();
        ReportRules.checkComplete(entries, row.regional());
        int version = row.submittedVersion() + 1;
        Instant now = clock.instant();
        reports.submitted(id, version, row.returnComment(), now, user.username(), entries);
        tasks.complete(ParticipantReviewModel.TASK_SUBMIT_REPORT, row.cycleId(), id, user, Map.of());
        audit.record(
                "REPORT_SUBMITTED",
                "report",
                id,
                Map.of("status", row.status(), "submittedVersion", row.submittedVersion()),
                Map.of("status", ReportStatus.SUBMITTED, "submittedVersion", version));
        return ReportViews.afterUpdate(
                before, ReportStatus.SUBMITTED, version, row.returnComment(), now, user.username());
    }

    /** The secretariat's decision; returns the report as it is now (the API answers with it). */
    @Transactional
    public Report validate(long id, CurrentUser user, ValidationDecision decision, String comment) {
        Decided decided = record(id, user, decision, comment);
        ReportRow row = decided.before();
        return ReportViews.afterUpdate(
                withEntries(row),
                decided.next(),
                row.submittedVersion(),
                decided.returnComment(),
                decided.at(),
                user.username());
    }

    /** The secretariat's decision, for the pages: they show the queue next, not the report. */
    @Transactional
    public void decide(long id, CurrentUser user, ValidationDecision decision, String comment) {
        record(id, user, decision, comment);
    }

    /** A decision as recorded: the report row before it, its new status and return comment. */
    private record Decided(ReportRow before, ReportStatus next, String returnComment, Instant at) {}

    private Decided record(long id, CurrentUser user, ValidationDecision decision, String comment) {
        ReportRow row = visible(reports.lock(id), id, user);
        if (!user.has(Role.SECRETARIAT)) {
            throw new AccessDeniedException("secretariat only");
        }
        ReportRules.checkDecision(decision, comment);
        if (row.status() != ReportStatus.SUBMITTED) {
            throw new ConflictException("problem.report.not-submitted", row.status());
        }
        Instant now = clock.instant();
        ReportStatus next = decision == ValidationDecision.ACCEPT ? ReportStatus.ACCEPTED : ReportStatus.RETURNED;
        String returnComment = decision == ValidationDecision.RETURN ? comment : null;
        reports.decided(id, row.submittedVersion(), decision, comment, next, returnComment, now, user.username());
        tasks.complete(
                ParticipantReviewModel.TASK_VALIDATE_REPORT,
                row.cycleId(),
                id,
                user,
                Map.of(ParticipantReviewModel.VAR_DECISION, decision.name()));
        Map<String, Object> after = new LinkedHashMap<>();
        after.put("status", next);
        after.put("version", row.submittedVersion());
        after.put("decision", decision);
        after.put("comment", comment);
        audit.record("REPORT_VALIDATED", "report", id, Map.of("status", row.status()), after);
        if (next == ReportStatus.ACCEPTED) {
            // Last: whoever counts the cycle's unsettled reports may hold the cycle's lock until commit.
            events.publishEvent(new ReportSettled(id, row.cycleId(), row.participantCode(), next));
        }
        return new Decided(row, next, returnComment, now);
    }

    /**
     * A participant's accepted report in a cycle with the entries flagged for capacity-building
     * support; empty while the report is not accepted. Read by the acceptance save point of the
     * participant's branch ({@code Task_RaiseSupportRequests}), after the acceptance is committed.
     */
    @Transactional(readOnly = true)
    public java.util.Optional<ReportAccepted> acceptance(long cycleId, String participantCode) {
        return reports.find(cycleId, participantCode)
                .filter(row -> row.status() == ReportStatus.ACCEPTED)
                .map(row -> new ReportAccepted(
                        row.id(),
                        row.cycleId(),
                        row.participantCode(),
                        reports.entries(row.id()).stream()
                                .filter(ReportEntry::supportNeeded)
                                .toList()));
    }

    /** The submission window closed: a report still being drafted or revised ends here. */
    @Transactional
    public void closeUnsubmitted(long cycleId, String participantCode) {
        ReportRow row = reports.lock(cycleId, participantCode)
                .orElseThrow(() -> new NotFoundException("report", cycleId + "/" + participantCode));
        if (!row.status().editable()) {
            return;
        }
        ReportStatus next = row.submittedVersion() == 0 ? ReportStatus.NOT_SUBMITTED : ReportStatus.CLOSED;
        reports.update(row.id(), next, row.submittedVersion(), row.returnComment(), clock.instant(), null);
        // Sections still with contributors are taken back: the report is no longer a draft.
        List<Long> ended = delegations.openOn(row.id()).stream()
                .map(SectionDelegations.RawDelegation::id)
                .toList();
        ended.forEach(delegation -> delegations.end(
                delegation, DelegationState.REVOKED, AuditLog.SYSTEM, "submission window closed", clock.instant()));
        audit.record(
                "REPORT_CLOSED_UNSUBMITTED",
                "report",
                row.id(),
                Map.of("status", row.status()),
                ended.isEmpty() ? Map.of("status", next) : Map.of("status", next, "delegationsTakenBack", ended));
        events.publishEvent(new ReportSettled(row.id(), cycleId, participantCode, next));
    }

    /** The participants of a cycle (one report each), in alphabetical order of their codes. */
    @Transactional(readOnly = true)
    public List<String> participantsOf(long cycleId) {
        return reports.participantsOf(cycleId);
    }

    /** Whether the focal points of a participant still have to submit (for reminders). */
    @Transactional(readOnly = true)
    public boolean awaitingFirstSubmission(long cycleId, String participantCode) {
        return reports.find(cycleId, participantCode)
                .filter(r -> r.status() == ReportStatus.DRAFT && r.submittedVersion() == 0)
                .isPresent();
    }

    private ReportRow editable(long id, CurrentUser user, Integer expectedLockVersion) {
        ReportRow row = visible(reports.lock(id), id, user);
        if (!user.represents(row.participantCode())) {
            throw new AccessDeniedException("only the participant's focal points edit its report");
        }
        if (!row.status().editable()) {
            throw new ConflictException("problem.report.not-editable", row.status());
        }
        if (expectedLockVersion != null && expectedLockVersion != row.lockVersion()) {
            throw new ConflictException("problem.report.stale", row.updatedBy(), row.lockVersion());
        }
        return row;
    }

    private ReportRow visible(java.util.Optional<ReportRow> found, long id, CurrentUser user) {
        return found.filter(r -> user.seesAllParticipants()
                        || user.represents(r.participantCode())
                        || readsAsRegionalFocalPoint(r, user))
                .orElseThrow(() -> new NotFoundException("report", id));
    }

    /** A regional body's focal points read the accepted national reports of its members. */
    private boolean readsAsRegionalFocalPoint(ReportRow report, CurrentUser user) {
        return !report.regional()
                && report.status() == ReportStatus.ACCEPTED
                && isMemberOfAny(report.participantCode(), user.participants());
    }

    /**
     * The accepted national reports a regional review draws on: those of the region's members in
     * the annual cycles opened since the previous conference.
     */
    @Transactional(readOnly = true)
    public List<Report> regionalSources(long regionalReportId, CurrentUser user) {
        ReportRow regional = visible(reports.find(regionalReportId), regionalReportId, user);
        return withEntries(
                reports.acceptedNationalReportsOf(framework.membersOf(regional.participantCode()), regional.cycleId()));
    }

    /** Whether the participant is a member of any of the regional bodies (members states are no bodies). */
    private boolean isMemberOfAny(String participantCode, Set<String> bodies) {
        return bodies.stream().anyMatch(body -> framework.membersOf(body).contains(participantCode));
    }

    private Report withEntries(ReportRow row) {
        return ReportViews.of(row, reports.entries(row.id()), framework.objectives());
    }

    /** Many reports with their entries in two queries, not one per report. */
    private List<Report> withEntries(List<ReportRow> rows) {
        Map<Long, List<ReportEntry>> stored =
                reports.entries(rows.stream().map(ReportRow::id).toList());
        return rows.stream()
                .map(row -> ReportViews.of(row, stored.getOrDefault(row.id(), List.of()), framework.objectives()))
                .toList();
    }
}
