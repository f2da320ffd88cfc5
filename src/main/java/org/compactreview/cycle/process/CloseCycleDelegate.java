package org.compactreview.cycle.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.compactreview.cycle.CycleService;
import org.compactreview.process.AnnualReviewModel;
import org.springframework.stereotype.Component;

/** {@code Task_CloseCycle}. */
@Component("closeCycle")
class CloseCycleDelegate implements JavaDelegate {

    private final CycleService cycles;

    CloseCycleDelegate(CycleService cycles) {
        this.cycles = cycles;
    }

    @Override
    public void execute(DelegateExecution execution) {
        cycles.close((Long) execution.getVariable(AnnualReviewModel.VAR_CYCLE_ID));
    }
}
