package org.compactreview.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskQuery;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.compactreview.cycle.CycleKind;
import org.compactreview.cycle.CycleService;
import org.compactreview.cycle.OpenCycleRequest;
import org.compactreview.cycle.ReviewCycle;
import org.compactreview.identity.CurrentUser;
import org.compactreview.identity.Role;
import org.compactreview.report.Report;
import org.compactreview.report.ReportService;
import org.compactreview.report.ReportStatus;
import org.compactreview.report.ValidationDecision;
import org.compactreview.support.Entries;
import org.compactreview.support.IntegrationTest;
import org.compactreview.support.Users;
import org.compactreview.task.TaskGateway;
import org.compactreview.task.WorkItemFilter;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * One test per path of {@code participant-review.bpmn}: one participant's review, its own process
 * instance, driven through the app's services.
 */
class ParticipantReviewProcessIT extends IntegrationTest {

    @Autowired
    CycleService cycles;

    @Autowired
    ReportService reports;

    @Autowired
    TaskGateway tasks;

    @Test
    void submittedReportIsAcceptedAndRaisesItsSupportRequests() {
        ReviewCycle cycle = annual("EGY");
        ProcessInstance review = review(cycle, "EGY");
        assertThat(review).isWaitingAt(ParticipantReviewModel.TASK_SUBMIT_REPORT);
        Report report = complete(cycle, Users.FP_EGY, 8);
        reports.submit(report.id(), Users.FP_EGY, null);
        assertThat(review).isWaitingAt(ParticipantReviewModel.TASK_VALIDATE_REPORT);
        reports.validate(report.id(), Users.SECRETARIAT, ValidationDecision.ACCEPT, null);
        assertThat(review).isWaitingAt(ParticipantReviewModel.TASK_RAISE_SUPPORT_REQUESTS);

        runCycleJobs(cycle.id());
        assertThat(review)
                .isEnded()
                .hasPassedInOrder(
                        ParticipantReviewModel.START_PARTICIPANT_REVIEW,
                        ParticipantReviewModel.TASK_SUBMIT_REPORT,
                        ParticipantReviewModel.TASK_VALIDATE_REPORT,
                        ParticipantReviewModel.GATEWAY_REPORT_ACCEPTED,
                        ParticipantReviewModel.TASK_RAISE_SUPPORT_REQUESTS,
                        ParticipantReviewModel.END_REPORT_ACCEPTED)
                .hasNotPassed(
                        ParticipantReviewModel.TASK_SEND_REMINDER, ParticipantReviewModel.TASK_MARK_NOT_SUBMITTED);
        assertThat(jdbc.sql("select objective_number from capacity_request where report_id = ?")
                        .param(report.id())
                        .query(Integer.class)
                        .list())
                .containsExactly(8);
    }

    @Test
    void returnedReportIsResubmittedThenAccepted() {
        ReviewCycle cycle = annual("JOR");
        ProcessInstance review = review(cycle, "JOR");
        Report report = complete(cycle, Users.FP_JOR);
        reports.submit(report.id(), Users.FP_JOR, null);
        reports.validate(report.id(), Users.SECRETARIAT, ValidationDecision.RETURN, "Add the figures");
        assertThat(review).isWaitingAt(ParticipantReviewModel.TASK_SUBMIT_REPORT);
        assertThat(task(ParticipantReviewModel.TASK_SUBMIT_REPORT, review)).hasCandidateGroup("focal-point:JOR");
        assertThat(reports.get(report.id(), Users.FP_JOR).status()).isEqualTo(ReportStatus.RETURNED);

        reports.submit(report.id(), Users.FP_JOR, null);
        reports.validate(report.id(), Users.SECRETARIAT, ValidationDecision.ACCEPT, null);
        runCycleJobs(cycle.id());
        assertThat(review).isEnded().hasPassed(ParticipantReviewModel.END_REPORT_ACCEPTED);
        assertThat(history(review, ParticipantReviewModel.TASK_SUBMIT_REPORT)).isEqualTo(2);
        assertThat(history(review, ParticipantReviewModel.GATEWAY_TO_SUBMISSION))
                .isEqualTo(2);
    }

    /** Issue 15: the reminder loop, at the default 14, 7 and 1 days before the due date. */
    @Test
    void remindersLoopUntilTheLastReminderDayAndTheSubmissionStaysOpen() {
        ReviewCycle cycle = annual("EGY");
        ProcessInstance review = review(cycle, "EGY");
        assertThat(cycle.reminderDays()).containsExactly(14, 7, 1);
        assertThat(cycle.reminderAt()).isEqualTo(cycle.submissionDue().minus(14, ChronoUnit.DAYS));
        setClock(cycle.reminderAt().plusSeconds(1));
        runCycleJobs(cycle.id());
        assertThat(review)
                .hasPassedInOrder(
                        ParticipantReviewModel.TIMER_SUBMISSION_REMINDER,
                        ParticipantReviewModel.TASK_SEND_REMINDER,
                        ParticipantReviewModel.GATEWAY_MORE_REMINDERS)
                .isWaitingAt(ParticipantReviewModel.TASK_SUBMIT_REPORT, ParticipantReviewModel.TIMER_NEXT_REMINDER)
                .hasNotPassed(ParticipantReviewModel.END_REMINDER_SENT);

        setClock(cycle.submissionDue().minus(7, ChronoUnit.DAYS).plusSeconds(1));
        runCycleJobs(cycle.id());
        assertThat(review)
                .isWaitingAt(ParticipantReviewModel.TASK_SUBMIT_REPORT, ParticipantReviewModel.TIMER_NEXT_REMINDER);
        setClock(cycle.submissionDue().minus(1, ChronoUnit.DAYS).plusSeconds(1));
        runCycleJobs(cycle.id());
        assertThat(review)
                .hasPassed(ParticipantReviewModel.TIMER_NEXT_REMINDER, ParticipantReviewModel.END_REMINDER_SENT)
                .isWaitingAt(ParticipantReviewModel.TASK_SUBMIT_REPORT);
        assertThat(history(review, ParticipantReviewModel.TASK_SEND_REMINDER)).isEqualTo(3);
    }

    @Test
    void overdueSubmissionIsEscalatedToAManager() {
        ReviewCycle cycle = annual("EGY");
        ProcessInstance review = review(cycle, "EGY");
        setClock(cycle.submissionDue().plusSeconds(1));
        runCycleJobs(cycle.id());
        assertThat(review)
                .isWaitingAt(
                        ParticipantReviewModel.TASK_SUBMIT_REPORT,
                        ParticipantReviewModel.TASK_FOLLOW_UP_OVERDUE_REPORT);
        assertThat(task(ParticipantReviewModel.TASK_FOLLOW_UP_OVERDUE_REPORT, review))
                .hasCandidateGroup("manager");
        tasks.completeWithNote(managerEscalation(cycle).id(), "Phoned", Users.MANAGER);
        assertThat(review)
                .hasPassed(ParticipantReviewModel.END_ESCALATION_HANDLED)
                .isWaitingAt(ParticipantReviewModel.TASK_SUBMIT_REPORT);
    }

    @Test
    void windowClosesOnAReportNeverSubmitted() {
        ReviewCycle cycle = annual("EGY");
        ProcessInstance review = review(cycle, "EGY");
        setClock(cycle.submissionDue().plusSeconds(1));
        runCycleJobs(cycle.id());
        assertThat(review).isWaitingAt(ParticipantReviewModel.TASK_FOLLOW_UP_OVERDUE_REPORT);

        setClock(cycle.windowClosesAt().plusSeconds(1));
        runCycleJobs(cycle.id());
        assertThat(review)
                .isEnded()
                .hasPassedInOrder(
                        ParticipantReviewModel.TIMER_SUBMISSION_WINDOW_CLOSED,
                        ParticipantReviewModel.TASK_MARK_NOT_SUBMITTED,
                        ParticipantReviewModel.END_REPORT_CLOSED)
                .hasNotPassed(ParticipantReviewModel.END_ESCALATION_HANDLED);
        assertThat(reportOf(cycle, Users.FP_EGY).status()).isEqualTo(ReportStatus.NOT_SUBMITTED);
        assertThat(taskQuery().processInstanceId(review.getId()).count())
                .as("the escalation ends with the review")
                .isZero();
        assertThat(tasks.list(Users.MANAGER, new WorkItemFilter(false, cycle.id(), null, null, null, null), page())
                        .items())
                .isEmpty();
    }

    @Test
    void windowClosesOnAReturnedReport() {
        ReviewCycle cycle = annual("JOR");
        ProcessInstance review = review(cycle, "JOR");
        Report report = complete(cycle, Users.FP_JOR);
        reports.submit(report.id(), Users.FP_JOR, null);
        reports.validate(report.id(), Users.SECRETARIAT, ValidationDecision.RETURN, "Incomplete");

        setClock(cycle.windowClosesAt().plusSeconds(1));
        runCycleJobs(cycle.id());
        assertThat(review).isEnded().hasPassed(ParticipantReviewModel.END_REPORT_CLOSED);
        assertThat(reports.get(report.id(), Users.FP_JOR).status()).isEqualTo(ReportStatus.CLOSED);
        assertThat(instance(cycle)).isWaitingAt(AnnualReviewModel.TASK_PREPARE_ANNUAL_MEETING);
    }

    /** A regional review is the same process; only its data differs. */
    @Test
    void regionalReviewRunsTheSameProcessAsRegionalData() {
        ReviewCycle conference = cycles.open(
                new OpenCycleRequest(
                        CycleKind.HIGH_LEVEL_CONFERENCE,
                        uniquePeriod("hlc-review"),
                        List.of("ARCP"),
                        START.plus(30, ChronoUnit.DAYS),
                        null,
                        null,
                        LocalDate.ofInstant(START, java.time.ZoneOffset.UTC).plusDays(200)),
                Users.SECRETARIAT);
        ProcessInstance review = review(conference, "ARCP");
        assertThat(review)
                .hasProcessDefinitionKey(ParticipantReviewModel.PROCESS_KEY)
                .isWaitingAt(ParticipantReviewModel.TASK_SUBMIT_REPORT)
                .variables()
                .containsEntry(ParticipantReviewModel.VAR_REVIEW_KIND, ParticipantReviewModel.REVIEW_KIND_REGIONAL);
        assertThat(task(ParticipantReviewModel.TASK_SUBMIT_REPORT, review)).hasCandidateGroup("focal-point:ARCP");
        CurrentUser focalPoint = new CurrentUser("fp-arcp", Set.of(Role.FOCAL_POINT), Set.of("ARCP"));
        assertThat(reports.list(focalPoint, conference.id(), null).get(0).regional())
                .isTrue();
    }

    private ReviewCycle annual(String participant) {
        return openAnnualReview("review", participant);
    }

    private ProcessInstance review(ReviewCycle cycle, String participant) {
        return engine.getRuntimeService()
                .createProcessInstanceQuery()
                .processInstanceBusinessKey(ParticipantReviewModel.businessKey(cycle.id(), participant))
                .singleResult();
    }

    private ProcessInstance instance(ReviewCycle cycle) {
        return engine.getRuntimeService()
                .createProcessInstanceQuery()
                .processInstanceId(cycle.processInstanceId())
                .singleResult();
    }

    private Report reportOf(ReviewCycle cycle, CurrentUser focalPoint) {
        return reports.list(focalPoint, cycle.id(), null).get(0);
    }

    private Report complete(ReviewCycle cycle, CurrentUser focalPoint, Integer... supportNeeded) {
        Report report = reportOf(cycle, focalPoint);
        reports.saveDraft(report.id(), focalPoint, report.lockVersion(), Entries.complete(3, supportNeeded));
        return report;
    }

    private long history(ProcessInstance review, String activity) {
        return engine.getHistoryService()
                .createHistoricActivityInstanceQuery()
                .processInstanceId(review.getId())
                .activityId(activity)
                .count();
    }

    private static org.compactreview.platform.PageRequest page() {
        return new org.compactreview.platform.PageRequest(0, 50);
    }
}
