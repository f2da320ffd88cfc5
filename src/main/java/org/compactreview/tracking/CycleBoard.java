package org.compactreview.tracking;

import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.compactreview.framework.FrameworkCatalog;
import org.compactreview.framework.Participant;
import org.compactreview.platform.NotFoundException;
import org.compactreview.report.ReportQueries;
import org.compactreview.report.ReportQueries.ReportSummary;
import org.compactreview.report.ReportTasks;
import org.compactreview.task.WorkItem;
import org.compactreview.task.WorkItemQueries;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * A cycle's board: its reports, their participants and each report's open task, read from the
 * modules that own them in one batch each (three statements for any number of participants;
 * names come from the framework's cached catalog).
 */
@Service
public class CycleBoard {

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

    private static String stage(String reportStatus) {
        return switch (reportStatus) {
            case "DRAFT", "RETURNED" -> "SUBMISSION";
            case "SUBMITTED" -> "VALIDATION";
            case "ACCEPTED" -> "DONE";
            default -> "CLOSED";
        };
    }
}
