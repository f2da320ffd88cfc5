package org.compactreview.report;

import java.util.Optional;
import org.compactreview.task.TaskReports;
import org.springframework.stereotype.Component;

/** The task module's work items carry the id of the report their branch works on. */
@Component
class ReportsForTasks implements TaskReports {

    private final ReportQueries reports;

    ReportsForTasks(ReportQueries reports) {
        this.reports = reports;
    }

    @Override
    public Optional<Long> reportId(long cycleId, String participantCode) {
        return reports.reportId(cycleId, participantCode);
    }
}
