package org.compactreview.cycle;

import java.time.Instant;
import java.util.Date;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.compactreview.process.AnnualReviewModel;
import org.compactreview.process.ConferenceModel;
import org.compactreview.process.ParticipantReviewModel;
import org.springframework.stereotype.Component;

/**
 * Starts a cycle's processes ({@code annualReview} or {@code highLevelConference}, and one
 * {@code participantReview} per participant) and tells a cycle that its reports are settled; the
 * only place that does.
 */
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

    /** One participant's review, with its business key and the cycle's dates. */
    void startReview(ReviewCycle cycle, String participant) {
        String reviewKind = cycle.kind() == CycleKind.HIGH_LEVEL_CONFERENCE
                ? ParticipantReviewModel.REVIEW_KIND_REGIONAL
                : ParticipantReviewModel.REVIEW_KIND_ANNUAL;
        runtime.createProcessInstanceByKey(ParticipantReviewModel.PROCESS_KEY)
                .businessKey(ParticipantReviewModel.businessKey(cycle.id(), participant))
                .setVariables(Map.of(
                        AnnualReviewModel.VAR_CYCLE_ID, cycle.id(),
                        ParticipantReviewModel.VAR_PARTICIPANT, participant,
                        ParticipantReviewModel.VAR_REVIEW_KIND, reviewKind,
                        AnnualReviewModel.VAR_REMINDER_AT, Date.from(cycle.reminderAt()),
                        AnnualReviewModel.VAR_SUBMISSION_DUE, Date.from(cycle.submissionDue()),
                        AnnualReviewModel.VAR_WINDOW_CLOSES_AT, Date.from(cycle.windowClosesAt())))
                .execute();
    }

    /**
     * Correlates the one message to a cycle whose reports are all settled. A cycle not waiting for
     * it (opened on the earlier version, which joins its branches itself, or one whose process has
     * not reached its wait state yet and will find them settled by itself) receives nothing.
     */
    void allReportsSettled(String processInstanceId) {
        runtime.createMessageCorrelation(AnnualReviewModel.MESSAGE_ALL_REPORTS_SETTLED)
                .processInstanceId(processInstanceId)
                .correlateAllWithResult();
    }
}
