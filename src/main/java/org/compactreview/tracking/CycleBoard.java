package org.compactreview.tracking;

import java.text.Normalizer;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import org.compactreview.framework.FrameworkCatalog;
import org.compactreview.framework.Participant;
import org.compactreview.platform.NotFoundException;
import org.compactreview.platform.Page;
import org.compactreview.platform.PageRequest;
import org.compactreview.report.ReportQueries;
import org.compactreview.report.ReportQueries.ReportSummary;
import org.compactreview.report.ReportTasks;
import org.compactreview.task.WorkItem;
import org.compactreview.task.WorkItemQueries;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.util.StringUtils;

/**
 * A cycle's board: its reports, their participants and each report's open task, read from the
 * modules that own them in one batch each (three statements for any number of participants;
 * names come from the framework's cached catalog).
 */
@Service
public class CycleBoard {

    private static final Pattern COMBINING_MARKS = Pattern.compile("\\p{M}+");

    private final CycleCalendar calendar;
    private final ReportQueries reports;
    private final WorkItemQueries workItems;
    private final FrameworkCatalog framework;
    private final Clock clock;

    CycleBoard(
            CycleCalendar calendar,
            ReportQueries reports,
            WorkItemQueries workItems,
            FrameworkCatalog framework,
            Clock clock) {
        this.calendar = calendar;
        this.reports = reports;
        this.workItems = workItems;
        this.framework = framework;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<ParticipantStatus> status(long cycleId) {
        Instant now = clock.instant();
        Instant due = calendar.submissionDue(cycleId).orElseThrow(() -> new NotFoundException("cycle", cycleId));
        Comparator<String> byName = framework.byParticipantName();
        List<ReportSummary> rows = reports.ofCycle(cycleId).stream()
                .filter(r -> framework.participant(r.participantCode()).isPresent())
                .sorted(Comparator.comparing(ReportSummary::participantCode, byName))
                .toList();
        Map<Long, WorkItem> openTasks =
                workItems.latestForReports(rows.stream().map(ReportSummary::id).toList(), ReportTasks.KEYS);
        return rows.stream()
                .map(r -> {
                    String status = r.status().name();
                    boolean inSubmission = "DRAFT".equals(status) || "RETURNED".equals(status);
                    Participant participant =
                            framework.participant(r.participantCode()).orElseThrow();
                    WorkItem task = openTasks.get(r.id());
                    return new ParticipantStatus(
                            r.participantCode(),
                            participant.name(),
                            participant.region(),
                            r.id(),
                            stage(status),
                            status,
                            r.submittedVersion(),
                            due,
                            inSubmission && now.isAfter(due),
                            task == null ? null : task.id(),
                            task == null ? null : task.assignee());
                })
                .toList();
    }

    /**
     * One page of the board grid. Filtering, search, ordering and paging run in memory over the
     * rows of {@link #status(long)}: a cycle has at most a few hundred participants (193 member
     * states), and those rows already cost a constant three statements whatever the cycle's size,
     * so a page costs the same three statements, the filters none more (no N+1). Order: overdue rows
     * first, then by name.
     */
    @Transactional(readOnly = true)
    public BoardPage page(long cycleId, BoardQuery query) {
        List<ParticipantStatus> all = status(cycleId);
        Optional<BoardColumn> stage = BoardColumn.parse(query.stage());
        String search = fold(query.search());
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        Comparator<String> byName = framework.byParticipantName();
        List<BoardRow> matching = all.stream()
                .filter(r ->
                        !StringUtils.hasText(query.region()) || query.region().equals(r.region()))
                .filter(r -> stage.isEmpty() || stage.get() == BoardColumn.of(r.reportStatus()))
                .filter(r -> !query.overdueOnly() || r.overdue())
                .filter(r -> assigneeMatches(query.assignee(), r))
                .filter(r -> search.isEmpty()
                        || fold(r.participantName()).contains(search)
                        || fold(r.participantCode()).contains(search))
                .sorted(Comparator.comparing((ParticipantStatus r) -> !r.overdue())
                        .thenComparing(ParticipantStatus::participantCode, byName))
                .map(r -> BoardRow.of(r, r.overdue() ? daysOverdue(r.due(), today) : 0))
                .toList();
        PageRequest page = query.page();
        List<BoardRow> shown =
                matching.stream().skip(page.offset()).limit(page.size()).toList();
        List<String> assignees = all.stream()
                .map(ParticipantStatus::assignee)
                .filter(StringUtils::hasText)
                .distinct()
                .sorted()
                .toList();
        int overdue = (int) all.stream().filter(ParticipantStatus::overdue).count();
        return new BoardPage(
                new Page<>(shown, page.page(), page.size(), matching.size()), all.size(), overdue, assignees);
    }

    private static boolean assigneeMatches(String wanted, ParticipantStatus row) {
        if (!StringUtils.hasText(wanted)) {
            return true;
        }
        if (row.openTaskId() == null) {
            return false;
        }
        return BoardQuery.UNASSIGNED.equals(wanted) ? row.assignee() == null : wanted.equals(row.assignee());
    }

    /** Calendar days (UTC) since the due date; a report due yesterday is one day overdue. */
    private static long daysOverdue(Instant due, LocalDate today) {
        return Math.max(1, ChronoUnit.DAYS.between(LocalDate.ofInstant(due, ZoneOffset.UTC), today));
    }

    /**
     * Lower case without accents, so that "cote" finds "Côte d'Ivoire" and "TURKIYE" "Türkiye".
     * Participant names are stored in English only (reference data names states by code and
     * English name), so search covers the English name and the code in every UI language.
     */
    static String fold(String text) {
        if (text == null) {
            return "";
        }
        String decomposed = Normalizer.normalize(text.trim(), Normalizer.Form.NFD);
        return COMBINING_MARKS.matcher(decomposed).replaceAll("").toLowerCase(Locale.ROOT);
    }

    private static String stage(String reportStatus) {
        return switch (reportStatus) {
            case "DRAFT", "RETURNED" -> "SUBMISSION";
            case "SUBMITTED" -> "VALIDATION";
            case "ACCEPTED" -> "DONE";
            default -> "CLOSED";
        };
    }
}
