package org.compactreview.tracking;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.compactreview.identity.CurrentUser;
import org.compactreview.identity.Role;
import org.compactreview.platform.ForbiddenException;
import org.compactreview.platform.Page;
import org.compactreview.platform.PageRequest;
import org.compactreview.process.ParticipantReviewModel;
import org.compactreview.report.ReportQueries;
import org.compactreview.report.ReportQueries.CycleReportFacts;
import org.compactreview.task.WorkItemQueries;
import org.compactreview.tracking.CycleKpis.ReportFacts;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The cycles overview: every cycle, newest first, with its KPIs. Four statements for a page of any
 * size (the count and the page of cycles, the report facts of all its cycles, their open
 * escalations), each in the module that owns the table; the arithmetic is {@link CycleKpis}.
 * Secretariat and managers only: they follow the cycles up (administrators run the system).
 */
@Service
public class CyclesOverview {

    private final CycleCalendar calendar;
    private final ReportQueries reports;
    private final WorkItemQueries workItems;
    private final Clock clock;

    CyclesOverview(CycleCalendar calendar, ReportQueries reports, WorkItemQueries workItems, Clock clock) {
        this.calendar = calendar;
        this.reports = reports;
        this.workItems = workItems;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public Page<CycleOverviewRow> overview(CurrentUser user, PageRequest page) {
        if (!user.has(Role.SECRETARIAT) && !user.has(Role.MANAGER)) {
            throw new ForbiddenException("problem.overview.forbidden");
        }
        Instant now = clock.instant();
        Page<CycleCalendar.CycleDates> cycles = calendar.cycles(page);
        List<Long> ids =
                cycles.items().stream().map(CycleCalendar.CycleDates::id).toList();
        Map<Long, CycleReportFacts> facts = reports.overviewFacts(ids);
        Map<Long, Long> escalations = workItems.openByCycle(ids, ParticipantReviewModel.TASK_FOLLOW_UP_OVERDUE_REPORT);
        return cycles.map(cycle ->
                CycleKpis.compute(cycle, facts(facts.get(cycle.id())), escalations.getOrDefault(cycle.id(), 0L), now));
    }

    private static ReportFacts facts(CycleReportFacts f) {
        if (f == null) {
            return ReportFacts.NONE;
        }
        return new ReportFacts(
                f.drafts(),
                f.submitted(),
                f.returned(),
                f.accepted(),
                f.closedUnsubmitted(),
                f.firstSubmissions(),
                f.firstDecided(),
                f.acceptedAtFirst(),
                f.secondsToAcceptance());
    }
}
