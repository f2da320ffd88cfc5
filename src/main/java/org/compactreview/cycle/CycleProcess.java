package org.compactreview.cycle;

import java.time.Instant;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.compactreview.process.AnnualReviewModel;
import org.compactreview.process.ConferenceModel;
import org.springframework.stereotype.Component;

/** Starts a cycle's process ({@code annualReview} or {@code highLevelConference}); the only place that does. */
@Component
class CycleProcess {

    private final RuntimeService runtime;

    CycleProcess(RuntimeService runtime) {
        this.runtime = runtime;
    }

    String start(CycleKind kind, long cycleId, String period, Instant reminderAt, Instant due, Instant closesAt) {
        boolean conference = kind == CycleKind.HIGH_LEVEL_CONFERENCE;
        return runtime.startProcessInstanceByKey(
                        conference ? ConferenceModel.PROCESS_KEY : AnnualReviewModel.PROCESS_KEY,
                        (conference ? "conference:" : "annual-review:") + period,
                        Map.of(
                                AnnualReviewModel.VAR_CYCLE_ID, cycleId,
                                AnnualReviewModel.VAR_REMINDER_AT, Date.from(reminderAt),
                                AnnualReviewModel.VAR_SUBMISSION_DUE, Date.from(due),
                                AnnualReviewModel.VAR_WINDOW_CLOSES_AT, Date.from(closesAt)))
                .getId();
    }
}
