package org.compactreview.cycle.process;

import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.compactreview.cycle.ParticipantReviews;
import org.compactreview.process.AnnualReviewModel;
import org.springframework.stereotype.Component;

/**
 * {@code Task_StartParticipantReviews} (the first batch, while the cycle opens) and
 * {@code Task_StartMoreParticipantReviews} (each further batch, as its own job).
 */
@Component("startParticipantReviews")
class StartParticipantReviewsDelegate implements JavaDelegate {

    private final ParticipantReviews reviews;

    StartParticipantReviewsDelegate(ParticipantReviews reviews) {
        this.reviews = reviews;
    }

    @Override
    public void execute(DelegateExecution execution) {
        Integer started = (Integer) execution.getVariable(AnnualReviewModel.VAR_REVIEWS_STARTED);
        ParticipantReviews.Started now = reviews.startBatch(
                (Long) execution.getVariable(AnnualReviewModel.VAR_CYCLE_ID), started == null ? 0 : started);
        execution.setVariable(AnnualReviewModel.VAR_REVIEWS_STARTED, now.count());
        execution.setVariable(AnnualReviewModel.VAR_ALL_REVIEWS_STARTED, now.all());
    }
}
