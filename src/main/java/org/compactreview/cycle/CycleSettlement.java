package org.compactreview.cycle;

import java.util.Map;
import org.compactreview.audit.AuditLog;
import org.compactreview.report.ReportSettled;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Joins a cycle's participant reviews in our own tables instead of in the engine: whenever a
 * report is settled, the settling transaction adds one to the cycle's count of settled reports
 * (one update, which holds the cycle's row lock until commit); the one that reaches the cycle's
 * participant count correlates the cycle's one message. The lock makes two last reports settled
 * at once take turns, so exactly one of them reaches the count. A report settles once (accepted,
 * or closed by the window), so each adds one exactly once, in its own transaction. The cycle's process asks the same question, under the same
 * lock, before it waits ({@code ${cycleSettlement.allSettled(cycleId)}}), so a message that would
 * have come before it waits is not needed.
 */
@Service("cycleSettlement")
public class CycleSettlement {

    private final CycleRepository cycles;
    private final CycleProcess process;
    private final AuditLog audit;

    CycleSettlement(CycleRepository cycles, CycleProcess process, AuditLog audit) {
        this.cycles = cycles;
        this.process = process;
        this.audit = audit;
    }

    /** Whether every report of the cycle is settled; called by the cycle's process before it waits. */
    @Transactional
    public boolean allSettled(Long cycleId) {
        return cycles.allSettled(cycleId);
    }

    /**
     * In the settling transaction (not after it commits, as an application module listener would
     * be): a message decided after the commit could be lost with the node, or sent twice.
     */
    @EventListener
    @Transactional
    public void reportSettled(ReportSettled settled) {
        cycles.countSettled(settled.cycleId()).ifPresent(processInstanceId -> {
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
