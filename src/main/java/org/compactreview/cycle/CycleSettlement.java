package org.compactreview.cycle;

import java.util.Map;
import org.compactreview.audit.AuditLog;
import org.compactreview.report.ReportService;
import org.compactreview.report.ReportSettled;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Joins a cycle's participant reviews in our own tables instead of in the engine: whenever a
 * report is settled, the settling transaction locks the cycle's row and counts the cycle's
 * unsettled reports; the one that finds none left correlates the cycle's one message. The lock
 * makes two last reports settled at once take turns, so exactly one of them sees the other's
 * settlement committed and none left. The cycle's process asks the same question, under the same
 * lock, before it waits ({@code ${cycleSettlement.allSettled(cycleId)}}), so a message that would
 * have come before it waits is not needed.
 */
@Service("cycleSettlement")
public class CycleSettlement {

    private final CycleRepository cycles;
    private final ReportService reports;
    private final CycleProcess process;
    private final AuditLog audit;

    CycleSettlement(CycleRepository cycles, ReportService reports, CycleProcess process, AuditLog audit) {
        this.cycles = cycles;
        this.reports = reports;
        this.process = process;
        this.audit = audit;
    }

    /** Whether every report of the cycle is settled; called by the cycle's process before it waits. */
    @Transactional
    public boolean allSettled(Long cycleId) {
        cycles.lockForSettlement(cycleId);
        return reports.unsettledCount(cycleId) == 0;
    }

    /**
     * In the settling transaction (not after it commits, as an application module listener would
     * be): a message decided after the commit could be lost with the node, or sent twice.
     */
    @EventListener
    @Transactional
    public void reportSettled(ReportSettled settled) {
        cycles.lockForSettlement(settled.cycleId())
                .filter(processInstanceId -> reports.unsettledCount(settled.cycleId()) == 0)
                .ifPresent(processInstanceId -> {
                    process.allReportsSettled(processInstanceId);
                    audit.record(
                            "CYCLE_REPORTS_SETTLED",
                            "cycle",
                            settled.cycleId(),
                            null,
                            Map.of("lastReport", settled.reportId(), "status", settled.status()));
                });
    }
}
