package org.compactreview.cycle.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.compactreview.cycle.CycleService;
import org.compactreview.process.AnnualReviewModel;
import org.springframework.stereotype.Component;

/** {@code Task_ConsolidateReports}. */
@Component("consolidateReports")
class ConsolidateReportsDelegate implements JavaDelegate {

    private final CycleService cycles;

    ConsolidateReportsDelegate(CycleService cycles) {
        this.cycles = cycles;
    }

    @Override
    public void execute(DelegateExecution execution) {
        cycles.consolidate((Long) execution.getVariable(AnnualReviewModel.VAR_CYCLE_ID));
    }
}
