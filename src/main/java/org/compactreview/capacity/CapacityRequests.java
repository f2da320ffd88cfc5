package org.compactreview.capacity;

import java.util.Map;
import org.compactreview.audit.AuditLog;
import org.compactreview.report.ReportAccepted;
import org.compactreview.report.ReportEntry;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Raises one request per objective flagged for support in an accepted report, and starts its
 * process in the same transaction: a request never exists without its process. The event comes
 * from the acceptance save point of the report's branch ({@code Task_RaiseSupportRequests}), a job
 * that runs after the secretariat's decision is committed; a request already raised for the report
 * and objective is not raised again, so a retried job adds nothing twice.
 */
@Component
class CapacityRequests {

    private final CapacityRepository requests;
    private final CapacityProcess process;
    private final AuditLog audit;
    private final java.time.Clock clock;

    CapacityRequests(CapacityRepository requests, CapacityProcess process, AuditLog audit, java.time.Clock clock) {
        this.requests = requests;
        this.process = process;
        this.audit = audit;
        this.clock = clock;
    }

    @EventListener
    @Transactional(propagation = Propagation.MANDATORY)
    void on(ReportAccepted accepted) {
        for (ReportEntry entry : accepted.supportNeeded()) {
            requests.insert(
                            accepted.participantCode(),
                            entry.objective(),
                            accepted.cycleId(),
                            accepted.reportId(),
                            entry.priorities(),
                            clock.instant())
                    .ifPresent(id -> {
                        requests.setProcessInstance(
                                id, process.start(id, accepted.participantCode(), accepted.cycleId()));
                        audit.record(
                                "CAPACITY_REQUESTED",
                                "capacity-request",
                                id,
                                null,
                                Map.of(
                                        "participant", accepted.participantCode(),
                                        "objective", entry.objective(),
                                        "report", accepted.reportId()));
                    });
        }
    }
}
