package org.compactreview.cycle;

import java.time.Instant;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.compactreview.process.AnnualReviewModel;
import org.springframework.stereotype.Component;

/** Starts the {@code annualReview} process; the only place that does. */
@Component
class AnnualReviewProcess {

    private final RuntimeService runtime;

    AnnualReviewProcess(RuntimeService runtime) {
        this.runtime = runtime;
    }

    String start(long cycleId, String period, Instant reminderAt, Instant due, Instant closesAt) {
        return runtime.startProcessInstanceByKey(
                        AnnualReviewModel.PROCESS_KEY,
                        "annual-review:" + period,
                        Map.of(
                                AnnualReviewModel.VAR_CYCLE_ID, cycleId,
                                AnnualReviewModel.VAR_REMINDER_AT, Date.from(reminderAt),
                                AnnualReviewModel.VAR_SUBMISSION_DUE, Date.from(due),
                                AnnualReviewModel.VAR_WINDOW_CLOSES_AT, Date.from(closesAt)))
                .getId();
    }
}
