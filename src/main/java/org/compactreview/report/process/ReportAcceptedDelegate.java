package org.compactreview.report.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.compactreview.process.AnnualReviewModel;
import org.compactreview.process.ParticipantReviewModel;
import org.compactreview.report.ReportAccepted;
import org.compactreview.report.ReportService;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * {@code Task_RaiseSupportRequests}: the report of this branch was accepted. Publishes
 * {@link ReportAccepted} in the job's transaction; the capacity module raises a request for every
 * objective the report flags as needing support.
 */
@Component("reportAccepted")
class ReportAcceptedDelegate implements JavaDelegate {

    private final ReportService reports;
    private final ApplicationEventPublisher events;

    ReportAcceptedDelegate(ReportService reports, ApplicationEventPublisher events) {
        this.reports = reports;
        this.events = events;
    }

    @Override
    public void execute(DelegateExecution execution) {
        long cycleId = (Long) execution.getProcessInstance().getVariableLocal(AnnualReviewModel.VAR_CYCLE_ID);
        String participant = (String) execution.getVariable(ParticipantReviewModel.VAR_PARTICIPANT);
        // Only an accepted report leads here; anything else is a fault for an incident to show.
        events.publishEvent(reports.acceptance(cycleId, participant)
                .orElseThrow(() -> new IllegalStateException(
                        "the report of " + participant + " in cycle " + cycleId + " is not accepted")));
    }
}
