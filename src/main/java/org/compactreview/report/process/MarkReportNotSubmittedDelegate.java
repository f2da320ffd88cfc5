package org.compactreview.report.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.compactreview.process.AnnualReviewModel;
import org.compactreview.process.ParticipantReviewModel;
import org.compactreview.report.ReportService;
import org.springframework.stereotype.Component;

/** {@code Task_MarkNotSubmitted}: the submission window closed on this participant's report. */
@Component("markReportNotSubmitted")
class MarkReportNotSubmittedDelegate implements JavaDelegate {

    private final ReportService reports;

    MarkReportNotSubmittedDelegate(ReportService reports) {
        this.reports = reports;
    }

    @Override
    public void execute(DelegateExecution execution) {
        reports.closeUnsubmitted((Long) execution.getVariable(AnnualReviewModel.VAR_CYCLE_ID), (String)
                execution.getVariable(ParticipantReviewModel.VAR_PARTICIPANT));
    }
}
