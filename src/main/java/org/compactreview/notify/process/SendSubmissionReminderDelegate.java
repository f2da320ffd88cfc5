package org.compactreview.notify.process;

import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.compactreview.notify.SubmissionReminder;
import org.compactreview.process.AnnualReviewModel;
import org.compactreview.process.ParticipantReviewModel;
import org.springframework.stereotype.Component;

/**
 * {@code Task_SendReminder}: asynchronous, so a failed send is retried and then becomes an
 * incident. One step of the reminder loop: reads the current due date (a moved due date moves
 * {@code submissionDue}), reminds, and routes the loop with the next reminder's date.
 */
@Component("sendSubmissionReminder")
class SendSubmissionReminderDelegate implements JavaDelegate {

    private final SubmissionReminder reminder;

    SendSubmissionReminderDelegate(SubmissionReminder reminder) {
        this.reminder = reminder;
    }

    @Override
    public void execute(DelegateExecution execution) {
        SubmissionReminder.Step step = reminder.remind(
                (Long) execution.getVariable(AnnualReviewModel.VAR_CYCLE_ID),
                (String) execution.getVariable(ParticipantReviewModel.VAR_PARTICIPANT),
                (Date) execution.getVariable(AnnualReviewModel.VAR_SUBMISSION_DUE),
                (Integer) execution.getVariable(ParticipantReviewModel.VAR_REMINDED_DAYS));
        if (step.remindedDays() != null) {
            execution.setVariable(ParticipantReviewModel.VAR_REMINDED_DAYS, step.remindedDays());
        }
        if (step.more()) {
            execution.setVariable(AnnualReviewModel.VAR_REMINDER_AT, Date.from(step.nextAt()));
        }
        execution.setVariable(ParticipantReviewModel.VAR_MORE_REMINDERS, step.more());
    }
}
