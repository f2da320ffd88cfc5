package org.compactreview.notify.process;

import java.util.Date;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.compactreview.notify.SubmissionReminder;
import org.compactreview.process.AnnualReviewModel;
import org.compactreview.process.ParticipantReviewModel;
import org.springframework.stereotype.Component;

/** {@code Task_SendReminder}: asynchronous, so a failed send is retried and then becomes an incident. */
@Component("sendSubmissionReminder")
class SendSubmissionReminderDelegate implements JavaDelegate {

    private final SubmissionReminder reminder;

    SendSubmissionReminderDelegate(SubmissionReminder reminder) {
        this.reminder = reminder;
    }

    @Override
    public void execute(DelegateExecution execution) {
        reminder.remind(
                (Long) execution.getVariable(AnnualReviewModel.VAR_CYCLE_ID),
                (String) execution.getVariable(ParticipantReviewModel.VAR_PARTICIPANT),
                (Date) execution.getVariable(AnnualReviewModel.VAR_SUBMISSION_DUE));
    }
}
