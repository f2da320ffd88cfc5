package org.compactreview.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.taskQuery;

import jakarta.mail.internet.MimeMessage;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.List;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.compactreview.cycle.CycleKind;
import org.compactreview.cycle.CycleService;
import org.compactreview.cycle.CycleStatus;
import org.compactreview.cycle.MeetingService;
import org.compactreview.cycle.OpenCycleRequest;
import org.compactreview.cycle.ReviewCycle;
import org.compactreview.identity.CurrentUser;
import org.compactreview.notify.MailRelay;
import org.compactreview.report.Consolidation;
import org.compactreview.report.Report;
import org.compactreview.report.ReportService;
import org.compactreview.report.ReportStatus;
import org.compactreview.report.ValidationDecision;
import org.compactreview.support.Entries;
import org.compactreview.support.IntegrationTest;
import org.compactreview.support.Users;
import org.compactreview.task.TaskGateway;
import org.compactreview.task.WorkItem;
import org.compactreview.task.WorkItemFilter;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** One test per path of {@code annual-review.bpmn}, driven through the app's services. */
class AnnualReviewProcessIT extends IntegrationTest {

    private static final Instant DUE = START.plus(60, ChronoUnit.DAYS);

    @Autowired
    MailRelay relay;

    @Autowired
    CycleService cycles;

    @Autowired
    ReportService reports;

    @Autowired
    MeetingService meetings;

    @Autowired
    TaskGateway tasks;

    @Autowired
    Consolidation consolidation;

    @Autowired
    HistoryService history;

    @Autowired
    org.compactreview.identity.UserDirectory users;

    @Autowired
    io.micrometer.core.instrument.MeterRegistry meters;

    @Test
    void happyPathRunsFromOpeningToClosedCycle() {
        ReviewCycle cycle = open("EGY");
        ProcessInstance pi = instance(cycle);
        ProcessInstance review = review(cycle, "EGY");
        assertThat(pi).isWaitingAt(AnnualReviewModel.EVENT_ALL_REPORTS_SETTLED);
        assertThat(review).hasBusinessKey(cycle.id() + ":EGY");
        assertThat(review)
                .variables()
                .containsEntry(AnnualReviewModel.VAR_CYCLE_ID, cycle.id())
                .containsEntry(ParticipantReviewModel.VAR_PARTICIPANT, "EGY")
                .containsEntry(ParticipantReviewModel.VAR_REVIEW_KIND, ParticipantReviewModel.REVIEW_KIND_ANNUAL);
        assertThat(review).isWaitingAt(ParticipantReviewModel.TASK_SUBMIT_REPORT);
        assertThat(task(ParticipantReviewModel.TASK_SUBMIT_REPORT, review)).hasCandidateGroup("focal-point:EGY");

        Report report = reportOf(cycle, Users.FP_EGY);
        reports.saveDraft(report.id(), Users.FP_EGY, report.lockVersion(), Entries.complete(3, 5, 6));
        reports.submit(report.id(), Users.FP_EGY, null);
        assertThat(review).isWaitingAt(ParticipantReviewModel.TASK_VALIDATE_REPORT);
        assertThat(task(ParticipantReviewModel.TASK_VALIDATE_REPORT, review)).hasCandidateGroup("secretariat");

        reports.validate(report.id(), Users.SECRETARIAT, ValidationDecision.ACCEPT, null);
        // The acceptance is committed first; the save point then raises a capacity-building
        // request for each objective flagged for support (5 and 6).
        assertThat(review).isWaitingAt(ParticipantReviewModel.TASK_RAISE_SUPPORT_REQUESTS);
        assertThat(supportRequested(report)).isEmpty();
        runDueJobs(pi.getId());
        assertThat(supportRequested(report)).containsExactly(5, 6);
        assertThat(pi).isWaitingAt(AnnualReviewModel.TASK_PREPARE_ANNUAL_MEETING);
        assertThat(cycles.get(cycle.id()).status()).isEqualTo(CycleStatus.CONSOLIDATED);
        var summary = consolidation.summary(cycle.id());
        assertThat(summary).hasSize(23);
        assertThat(summary.get(4).supportNeededBy()).containsExactly("EGY");
        assertThat(summary.get(0).ratingCounts()).containsExactly(0, 0, 0, 1, 0);

        meetings.prepare(cycle.id(), Users.SECRETARIAT, LocalDate.of(2027, 5, 1), "Agenda");
        assertThat(pi).isWaitingAt(AnnualReviewModel.TASK_RECORD_MEETING_OUTCOMES);
        meetings.recordOutcomes(cycle.id(), Users.SECRETARIAT, "Outcomes", List.of("Decision 1"));

        assertThat(review)
                .isEnded()
                .hasPassedInOrder(
                        ParticipantReviewModel.TASK_SUBMIT_REPORT,
                        ParticipantReviewModel.TASK_VALIDATE_REPORT,
                        ParticipantReviewModel.TASK_RAISE_SUPPORT_REQUESTS,
                        ParticipantReviewModel.END_REPORT_ACCEPTED);
        assertThat(pi)
                .isEnded()
                .hasPassedInOrder(
                        AnnualReviewModel.TASK_START_PARTICIPANT_REVIEWS,
                        AnnualReviewModel.EVENT_ALL_REPORTS_SETTLED,
                        AnnualReviewModel.TASK_CONSOLIDATE_REPORTS,
                        AnnualReviewModel.TASK_PREPARE_ANNUAL_MEETING,
                        AnnualReviewModel.TASK_RECORD_MEETING_OUTCOMES,
                        AnnualReviewModel.TASK_CLOSE_CYCLE,
                        AnnualReviewModel.END_CYCLE_CLOSED);
        assertThat(cycles.get(cycle.id()).status()).isEqualTo(CycleStatus.CLOSED);
    }

    @Test
    void returnedReportGoesBackToFocalPointsTwiceThenIsAccepted() {
        ReviewCycle cycle = open("JOR");
        ProcessInstance pi = instance(cycle);
        ProcessInstance review = review(cycle, "JOR");
        Report report = reportOf(cycle, Users.FP_JOR);
        reports.saveDraft(report.id(), Users.FP_JOR, report.lockVersion(), Entries.complete(1));

        for (int round = 1; round <= 2; round++) {
            reports.submit(report.id(), Users.FP_JOR, null);
            reports.validate(report.id(), Users.SECRETARIAT, ValidationDecision.RETURN, "Please revise " + round);
            assertThat(review).isWaitingAt(ParticipantReviewModel.TASK_SUBMIT_REPORT);
            assertThat(task(ParticipantReviewModel.TASK_SUBMIT_REPORT, review)).hasCandidateGroup("focal-point:JOR");
            Report returned = reports.get(report.id(), Users.FP_JOR);
            assertThat(returned.status()).isEqualTo(ReportStatus.RETURNED);
            assertThat(returned.returnComment()).isEqualTo("Please revise " + round);
        }
        reports.submit(report.id(), Users.FP_JOR, null);
        reports.validate(report.id(), Users.SECRETARIAT, ValidationDecision.ACCEPT, "Thank you");
        runDueJobs(pi.getId());

        assertThat(pi).isWaitingAt(AnnualReviewModel.TASK_PREPARE_ANNUAL_MEETING);
        assertThat(history.createHistoricActivityInstanceQuery()
                        .processInstanceId(review.getId())
                        .activityId(ParticipantReviewModel.TASK_SUBMIT_REPORT)
                        .count())
                .isEqualTo(3);
        var versions = reports.versions(report.id(), Users.SECRETARIAT);
        assertThat(versions).extracting(v -> v.version()).containsExactly(1, 2, 3);
        assertThat(versions).extracting(v -> v.decision()).containsExactly("RETURN", "RETURN", "ACCEPT");
        assertThat(versions.get(0).entries()).hasSize(23);
    }

    @Test
    void reminderAndEscalationFireWithoutInterruptingSubmission() throws Exception {
        ReviewCycle cycle = open("EGY");
        ProcessInstance pi = instance(cycle);
        ProcessInstance review = review(cycle, "EGY");
        relay.drain(); // the cycle's opening mails
        int mailsBefore = MAIL.getReceivedMessages().length;
        int egyptBefore = mailsTo("fp-egy@demo.invalid").size();

        setClock(cycle.reminderAt().plusSeconds(1));
        runDueJobs(pi.getId());
        relay.drain();
        assertThat(review).hasPassed(ParticipantReviewModel.TASK_SEND_REMINDER);
        assertThat(review).isWaitingAt(ParticipantReviewModel.TASK_SUBMIT_REPORT);
        // One mail per focal point of Egypt with an address (other tests may have added some).
        assertThat(MAIL.getReceivedMessages())
                .hasSize(mailsBefore + users.focalPointRecipients("EGY").size());
        // GreenMail lists the messages mailbox by mailbox, not in the order they came.
        List<MimeMessage> toEgypt = mailsTo("fp-egy@demo.invalid");
        assertThat(toEgypt).hasSize(egyptBefore + 1);
        MimeMessage reminder = toEgypt.get(toEgypt.size() - 1);
        assertThat(Arrays.stream(reminder.getAllRecipients()).map(Object::toString))
                .containsExactly("fp-egy@demo.invalid");
        assertThat(reminder.getSubject()).contains("Egypt");

        setClock(cycle.submissionDue().plusSeconds(1));
        runDueJobs(pi.getId());
        assertThat(review)
                .isWaitingAt(
                        ParticipantReviewModel.TASK_SUBMIT_REPORT,
                        ParticipantReviewModel.TASK_FOLLOW_UP_OVERDUE_REPORT);
        assertThat(task(ParticipantReviewModel.TASK_FOLLOW_UP_OVERDUE_REPORT, review))
                .hasCandidateGroup("manager");
        WorkItem escalation = managerEscalation(cycle);
        assertThat(escalation.participantCode()).isEqualTo("EGY");

        tasks.completeWithNote(escalation.id(), "Called the focal point", Users.MANAGER);
        assertThat(review).isWaitingAt(ParticipantReviewModel.TASK_SUBMIT_REPORT);
        assertThat(review).hasPassed(ParticipantReviewModel.TASK_FOLLOW_UP_OVERDUE_REPORT);
    }

    @Test
    void reminderIsWrittenInTheLanguageTheFocalPointChose() throws Exception {
        users.rememberLocale("fp-mar", "fr");
        try {
            ReviewCycle cycle = open("MAR");
            setClock(cycle.reminderAt().plusSeconds(1));
            runDueJobs(instance(cycle).getId());
            relay.drain();
            List<MimeMessage> toMorocco = mailsTo("fp-mar@demo.invalid");
            MimeMessage reminder = toMorocco.get(toMorocco.size() - 1);
            // Morocco named in French too, as French pages name it.
            assertThat(reminder.getSubject())
                    .startsWith("Rappel")
                    .contains("Maroc")
                    .doesNotContain("Morocco");
        } finally {
            users.rememberLocale("fp-mar", null);
        }
    }

    @Test
    void windowClosesWithOneReportMissing() {
        ReviewCycle cycle = open("EGY", "JOR");
        ProcessInstance pi = instance(cycle);
        Report egypt = reportOf(cycle, Users.FP_EGY);
        reports.saveDraft(egypt.id(), Users.FP_EGY, egypt.lockVersion(), Entries.complete(2));
        reports.submit(egypt.id(), Users.FP_EGY, null);
        reports.validate(egypt.id(), Users.SECRETARIAT, ValidationDecision.ACCEPT, null);
        runDueJobs(pi.getId());
        ProcessInstance jordanReview = review(cycle, "JOR");
        assertThat(jordanReview).isWaitingAt(ParticipantReviewModel.TASK_SUBMIT_REPORT);
        assertThat(pi).isWaitingAt(AnnualReviewModel.EVENT_ALL_REPORTS_SETTLED);

        setClock(cycle.windowClosesAt().plusSeconds(1));
        runDueJobs(pi.getId());

        Report jordan = reportOf(cycle, Users.FP_JOR);
        assertThat(jordan.status()).isEqualTo(ReportStatus.NOT_SUBMITTED);
        assertThat(jordanReview)
                .hasPassed(ParticipantReviewModel.TASK_MARK_NOT_SUBMITTED, ParticipantReviewModel.END_REPORT_CLOSED);
        assertThat(pi).isWaitingAt(AnnualReviewModel.TASK_PREPARE_ANNUAL_MEETING);
        assertThat(taskQuery()
                        .processInstanceId(jordanReview.getId())
                        .taskDefinitionKey(ParticipantReviewModel.TASK_SUBMIT_REPORT)
                        .count())
                .isZero();
        assertThat(tasks.list(Users.FP_JOR, new WorkItemFilter(false, cycle.id(), null, null, null, null), page())
                        .items())
                .isEmpty();
        assertThat(consolidation.summary(cycle.id()).get(0).reportsCounted()).isEqualTo(1);
    }

    /**
     * The branch's work item follows it from task to task: after each step there is exactly one,
     * for the engine's open task, with the branch's business keys, and none once it is accepted.
     */
    @Test
    void workItemFollowsTheBranchFromTaskToTask() {
        ReviewCycle cycle = open("JOR", "EGY");
        ProcessInstance pi = instance(cycle);
        Report report = reportOf(cycle, Users.FP_JOR);
        reports.saveDraft(report.id(), Users.FP_JOR, report.lockVersion(), Entries.complete(2));
        assertThat(workItemsOf(report)).singleElement().satisfies(item -> {
            assertThat(item.taskKey()).isEqualTo(ParticipantReviewModel.TASK_SUBMIT_REPORT);
            assertThat(item.candidateGroup()).isEqualTo("focal-point:JOR");
            assertThat(item.dueAt()).isEqualTo(DUE);
        });

        // Each step hands the row on (taken over, none created); the acceptance ends it.
        double[] before = workItemChanges();
        reports.submit(report.id(), Users.FP_JOR, null);
        assertSameAsOpenTask(report, cycle, ParticipantReviewModel.TASK_VALIDATE_REPORT, "secretariat", null);
        reports.validate(report.id(), Users.SECRETARIAT, ValidationDecision.RETURN, "Add the data");
        assertSameAsOpenTask(report, cycle, ParticipantReviewModel.TASK_SUBMIT_REPORT, "focal-point:JOR", DUE);
        reports.submit(report.id(), Users.FP_JOR, null);
        assertSameAsOpenTask(report, cycle, ParticipantReviewModel.TASK_VALIDATE_REPORT, "secretariat", null);
        reports.validate(report.id(), Users.SECRETARIAT, ValidationDecision.ACCEPT, null);
        assertThat(workItemsOf(report)).isEmpty();
        double[] after = workItemChanges();
        assertThat(after[0] - before[0]).as("created").isZero();
        assertThat(after[1] - before[1]).as("taken over").isEqualTo(3);
        assertThat(after[2] - before[2]).as("ended").isEqualTo(1);
        runDueJobs(pi.getId());
        assertThat(workItemsOf(report)).isEmpty();
        // The other branch kept its own.
        assertThat(workItemsOf(reportOf(cycle, Users.FP_EGY)))
                .singleElement()
                .satisfies(item -> assertThat(item.participantCode()).isEqualTo("EGY"));
    }

    /**
     * A cycle opened on the version of the process from before {@code Task_RaiseSupportRequests}
     * (kept as it was deployed, under another key) still raises its accepted reports' requests,
     * in the save point's job on its end event.
     */
    @Test
    void earlierVersionRaisesSupportRequestsAtItsEndEvent() throws Exception {
        ReviewCycle cycle = open("EGY");
        var runtime = engine.getRuntimeService();
        runtime.deleteProcessInstance(cycle.processInstanceId(), "runs on the earlier version instead");
        participantReviews(cycle.id())
                .forEach(review -> runtime.deleteProcessInstance(review, "runs on the earlier version instead"));
        String earlier;
        try (var bpmn = getClass().getResourceAsStream("/earlier/annual-review-before-issue-6.bpmn")) {
            earlier = engine.getRepositoryService()
                    .createDeployment()
                    .addInputStream("annual-review-before-issue-6.bpmn", bpmn)
                    .deployWithResult()
                    .getDeployedProcessDefinitions()
                    .get(0)
                    .getId();
        }
        ProcessInstance pi = runtime.startProcessInstanceById(
                earlier,
                org.camunda.bpm.engine.variable.Variables.createVariables()
                        .putValue(AnnualReviewModel.VAR_CYCLE_ID, cycle.id())
                        .putValue(AnnualReviewModel.VAR_REMINDER_AT, java.util.Date.from(cycle.reminderAt()))
                        .putValue(AnnualReviewModel.VAR_SUBMISSION_DUE, java.util.Date.from(cycle.submissionDue()))
                        .putValue(AnnualReviewModel.VAR_WINDOW_CLOSES_AT, java.util.Date.from(cycle.windowClosesAt())));
        Report report = reportOf(cycle, Users.FP_EGY);
        reports.saveDraft(report.id(), Users.FP_EGY, report.lockVersion(), Entries.complete(3, 7));
        reports.submit(report.id(), Users.FP_EGY, null);
        reports.validate(report.id(), Users.SECRETARIAT, ValidationDecision.ACCEPT, null);
        assertThat(pi).isWaitingAt(ParticipantReviewModel.END_REPORT_ACCEPTED);
        assertThat(supportRequested(report)).isEmpty();

        runDueJobs(pi.getId());
        assertThat(supportRequested(report)).containsExactly(7);
        assertThat(pi).isWaitingAt(AnnualReviewModel.TASK_PREPARE_ANNUAL_MEETING);
    }

    /**
     * Opening a cycle for all 193 member states starts the first batch of 50 reviews in its own
     * transaction and leaves the rest to the jobs of {@code Task_StartMoreParticipantReviews}; the
     * cycle waits for its reports only once every review has started.
     */
    @Test
    void openingStartsTheFirstBatchAndLeavesTheRestToBatchJobs() {
        long start = System.nanoTime();
        ReviewCycle cycle = cycles.open(
                new OpenCycleRequest(CycleKind.ANNUAL_REVIEW, uniquePeriod("batches"), null, DUE, null, null),
                Users.SECRETARIAT);
        System.out.printf("cycle opened for 193 participants in %d ms%n", (System.nanoTime() - start) / 1_000_000);
        ProcessInstance pi = instance(cycle);
        assertThat(participantReviews(cycle.id())).hasSize(50);
        assertThat(pi).isWaitingAt(AnnualReviewModel.TASK_START_MORE_PARTICIPANT_REVIEWS);
        assertThat(review(cycle, "AFG")).isWaitingAt(ParticipantReviewModel.TASK_SUBMIT_REPORT);
        assertThat(review(cycle, "ZWE")).as("in the second batch").isNull();

        runDueJobs(pi.getId());
        assertThat(participantReviews(cycle.id())).hasSize(193);
        assertThat(review(cycle, "ZWE")).isWaitingAt(ParticipantReviewModel.TASK_SUBMIT_REPORT);
        assertThat(pi).isWaitingAt(AnnualReviewModel.EVENT_ALL_REPORTS_SETTLED);
        assertThat(pi).variables().containsEntry(AnnualReviewModel.VAR_REVIEWS_STARTED, 193);

        // 193 open tasks would crowd the first pages of the shared database's team lists.
        var runtime = engine.getRuntimeService();
        participantReviews(cycle.id()).forEach(review -> runtime.deleteProcessInstance(review, "test done"));
        runtime.deleteProcessInstance(pi.getId(), "test done");
    }

    /**
     * The last two reports of a cycle are accepted at the same moment by two threads, three cycles
     * in a row: each time exactly one of them finds no report left open and tells the cycle, once,
     * and the cycle consolidates once.
     */
    @Test
    void lastTwoReportsSettledAtOnceSendOneMessageAndConsolidateOnce() throws Exception {
        for (int round = 0; round < 3; round++) {
            ReviewCycle cycle = open("EGY", "JOR", "MAR");
            ProcessInstance pi = instance(cycle);
            Report egypt = submitted(cycle, Users.FP_EGY);
            Report jordan = submitted(cycle, Users.FP_JOR);
            reports.validate(submitted(cycle, Users.FP_MAR).id(), Users.SECRETARIAT, ValidationDecision.ACCEPT, null);
            assertThat(pi).isWaitingAt(AnnualReviewModel.EVENT_ALL_REPORTS_SETTLED);

            java.util.concurrent.CyclicBarrier together = new java.util.concurrent.CyclicBarrier(2);
            java.util.concurrent.ExecutorService pool = java.util.concurrent.Executors.newFixedThreadPool(2);
            try {
                List<java.util.concurrent.Future<Report>> accepted = java.util.stream.Stream.of(egypt, jordan)
                        .map(report -> pool.submit(() -> {
                            together.await();
                            return reports.validate(report.id(), Users.SECRETARIAT, ValidationDecision.ACCEPT, null);
                        }))
                        .toList();
                for (var future : accepted) {
                    assertThat(future.get().status()).isEqualTo(ReportStatus.ACCEPTED);
                }
            } finally {
                pool.shutdownNow();
            }
            assertThat(auditCount(cycle, "CYCLE_REPORTS_SETTLED"))
                    .as("one message")
                    .isEqualTo(1);
            assertThat(pi).isWaitingAt(AnnualReviewModel.TASK_CONSOLIDATE_REPORTS);

            runDueJobs(pi.getId());
            assertThat(pi).isWaitingAt(AnnualReviewModel.TASK_PREPARE_ANNUAL_MEETING);
            assertThat(history.createHistoricActivityInstanceQuery()
                            .processInstanceId(pi.getId())
                            .activityId(AnnualReviewModel.TASK_CONSOLIDATE_REPORTS)
                            .count())
                    .as("consolidated once")
                    .isEqualTo(1);
            assertThat(auditCount(cycle, "CYCLE_CONSOLIDATED")).isEqualTo(1);
            assertThat(consolidation.summary(cycle.id()).get(0).reportsCounted())
                    .isEqualTo(3);
        }
    }

    /**
     * A cycle opened on the earlier version of {@code annualReview} (one multi-instance branch per
     * participant, kept as it was in {@code bpmn-earlier/}) finishes on it after the upgrade, while
     * a cycle opened after the upgrade runs one participant review per participant.
     */
    @Test
    void cycleOpenedOnTheMultiInstanceVersionFinishesOnItAfterTheUpgrade() throws Exception {
        var repository = engine.getRepositoryService();
        String earlier;
        ReviewCycle cycle;
        try (var bpmn = getClass().getResourceAsStream("/bpmn-earlier/annual-review-v-multi-instance.bpmn")) {
            earlier = repository
                    .createDeployment()
                    .name("annual-review before issue 11")
                    .addInputStream("annual-review.bpmn", bpmn)
                    .deployWithResult()
                    .getDeployedProcessDefinitions()
                    .get(0)
                    .getId();
            cycle = open("EGY", "JOR");
        } finally {
            // The upgrade: the current models become the latest versions again.
            repository
                    .createDeployment()
                    .name("annual-review issue 11")
                    .addClasspathResource(AnnualReviewModel.RESOURCE)
                    .deploy();
        }
        ProcessInstance pi = instance(cycle);
        assertThat(pi.getProcessDefinitionId()).isEqualTo(earlier);
        assertThat(participantReviews(cycle.id())).isEmpty();
        assertThat(pi).isWaitingAt(ParticipantReviewModel.TASK_SUBMIT_REPORT);

        ReviewCycle after = open("MAR");
        assertThat(instance(after).getProcessDefinitionId()).isNotEqualTo(earlier);
        assertThat(participantReviews(after.id())).hasSize(1);

        Report egypt = submitted(cycle, Users.FP_EGY);
        reports.validate(egypt.id(), Users.SECRETARIAT, ValidationDecision.RETURN, "More data");
        assertThat(pi).isWaitingAt(ParticipantReviewModel.TASK_SUBMIT_REPORT);
        reports.submit(egypt.id(), Users.FP_EGY, null);
        reports.validate(egypt.id(), Users.SECRETARIAT, ValidationDecision.ACCEPT, null);
        reports.validate(submitted(cycle, Users.FP_JOR).id(), Users.SECRETARIAT, ValidationDecision.ACCEPT, null);
        runDueJobs(pi.getId());
        assertThat(supportRequested(egypt)).containsExactly(4);
        assertThat(pi).isWaitingAt(AnnualReviewModel.TASK_PREPARE_ANNUAL_MEETING);
        assertThat(cycles.get(cycle.id()).status()).isEqualTo(CycleStatus.CONSOLIDATED);

        meetings.prepare(cycle.id(), Users.SECRETARIAT, LocalDate.of(2027, 5, 1), "Agenda");
        meetings.recordOutcomes(cycle.id(), Users.SECRETARIAT, "Outcomes", List.of("Decision 1"));
        assertThat(pi)
                .isEnded()
                .hasPassed(
                        AnnualReviewModel.EARLIER_SUBPROCESS_PARTICIPANT_REVIEW,
                        ParticipantReviewModel.TASK_RAISE_SUPPORT_REQUESTS,
                        AnnualReviewModel.TASK_CONSOLIDATE_REPORTS,
                        AnnualReviewModel.END_CYCLE_CLOSED);
        assertThat(cycles.get(cycle.id()).status()).isEqualTo(CycleStatus.CLOSED);
        assertThat(consolidation.summary(cycle.id()).get(0).reportsCounted()).isEqualTo(2);
    }

    /**
     * A participant review started on the version before the reminder loop (one reminder, kept as
     * it was in {@code bpmn-earlier/}) finishes on it after the upgrade: its reminder fires once and
     * ends, its report is submitted and accepted, and the instance ends; a review started after the
     * upgrade runs the current version with the loop.
     */
    @Test
    void reviewStartedOnTheSingleReminderVersionFinishesOnItAfterTheUpgrade() throws Exception {
        var repository = engine.getRepositoryService();
        String earlier;
        ReviewCycle cycle;
        try (var bpmn = getClass().getResourceAsStream("/bpmn-earlier/participant-review-v-single-reminder.bpmn")) {
            earlier = repository
                    .createDeployment()
                    .name("participant-review before issue 15")
                    .addInputStream("participant-review.bpmn", bpmn)
                    .deployWithResult()
                    .getDeployedProcessDefinitions()
                    .get(0)
                    .getId();
            cycle = open("EGY");
        } finally {
            // The upgrade: the current model becomes the latest version again.
            repository
                    .createDeployment()
                    .name("participant-review issue 15")
                    .addClasspathResource(ParticipantReviewModel.RESOURCE)
                    .deploy();
        }
        ProcessInstance review = review(cycle, "EGY");
        assertThat(review.getProcessDefinitionId()).isEqualTo(earlier);
        ReviewCycle after = open("MAR");
        assertThat(review(after, "MAR").getProcessDefinitionId()).isNotEqualTo(earlier);

        setClock(cycle.reminderAt().plusSeconds(1));
        runDueJobs(instance(cycle).getId());
        relay.drain(); // its mails sent at their time, none left for the next test to count
        assertThat(review)
                .hasPassed(ParticipantReviewModel.TASK_SEND_REMINDER, ParticipantReviewModel.END_REMINDER_SENT)
                .hasNotPassed(ParticipantReviewModel.GATEWAY_MORE_REMINDERS)
                .isWaitingAt(ParticipantReviewModel.TASK_SUBMIT_REPORT);

        Report egypt = submitted(cycle, Users.FP_EGY);
        reports.validate(egypt.id(), Users.SECRETARIAT, ValidationDecision.ACCEPT, null);
        runDueJobs(instance(cycle).getId());
        assertThat(review).isEnded().hasPassed(ParticipantReviewModel.END_REPORT_ACCEPTED);
        assertThat(supportRequested(egypt)).containsExactly(4);
        assertThat(cycles.get(cycle.id()).status()).isEqualTo(CycleStatus.CONSOLIDATED);
        relay.drain();
    }

    /** The participant's report, completed (support asked for objective 4) and submitted. */
    private Report submitted(ReviewCycle cycle, CurrentUser focalPoint) {
        Report report = reportOf(cycle, focalPoint);
        reports.saveDraft(report.id(), focalPoint, report.lockVersion(), Entries.complete(2, 4));
        reports.submit(report.id(), focalPoint, null);
        return report;
    }

    private long auditCount(ReviewCycle cycle, String action) {
        return jdbc.sql("select count(*) from audit_event where action = ? and object_type = 'cycle' and object_id = ?")
                .params(action, String.valueOf(cycle.id()))
                .query(Long.class)
                .single();
    }

    /**
     * If raising the requests fails, the acceptance stays committed: the save point's job fails,
     * becomes an incident once its retries are spent, and raises the requests once, when it is
     * retried after the cause is fixed (as an administrator would in Cockpit).
     */
    @Test
    void failedRaisingKeepsTheAcceptanceAndRaisesOnRetry() {
        ReviewCycle cycle = open("JOR");
        ProcessInstance pi = instance(cycle);
        ProcessInstance review = review(cycle, "JOR");
        Report report = reportOf(cycle, Users.FP_JOR);
        reports.saveDraft(report.id(), Users.FP_JOR, report.lockVersion(), Entries.complete(2, 9));
        reports.submit(report.id(), Users.FP_JOR, null);
        reports.validate(report.id(), Users.SECRETARIAT, ValidationDecision.ACCEPT, null);
        // A fault: when the job runs, the report does not read as accepted.
        jdbc.sql("update report set status = 'SUBMITTED' where id = ?")
                .param(report.id())
                .update();
        org.camunda.bpm.engine.runtime.Job job = management
                .createJobQuery()
                .processInstanceId(review.getId())
                .activityId(ParticipantReviewModel.TASK_RAISE_SUPPORT_REQUESTS)
                .singleResult();
        management.setJobRetries(job.getId(), 1);
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> management.executeJob(job.getId()))
                .hasStackTraceContaining("is not accepted");
        assertThat(raiseIncidents(review)).isEqualTo(1);
        assertThat(supportRequested(report)).isEmpty();
        assertThat(jdbc.sql("select count(*) from validation_decision where report_id = ? and decision = 'ACCEPT'")
                        .param(report.id())
                        .query(Integer.class)
                        .single())
                .as("the acceptance is kept")
                .isEqualTo(1);

        jdbc.sql("update report set status = 'ACCEPTED' where id = ?")
                .param(report.id())
                .update();
        management.setJobRetries(job.getId(), 1);
        runDueJobs(pi.getId());
        assertThat(supportRequested(report)).containsExactly(9);
        assertThat(raiseIncidents(review)).isZero();
        assertThat(pi).isWaitingAt(AnnualReviewModel.TASK_PREPARE_ANNUAL_MEETING);
    }

    private long raiseIncidents(ProcessInstance pi) {
        return engine.getRuntimeService()
                .createIncidentQuery()
                .processInstanceId(pi.getId())
                .activityId(ParticipantReviewModel.TASK_RAISE_SUPPORT_REQUESTS)
                .count();
    }

    private void assertSameAsOpenTask(Report report, ReviewCycle cycle, String key, String group, Instant due) {
        org.camunda.bpm.engine.task.Task open = taskQuery()
                .processInstanceId(participantReview(cycle.id(), report.participantCode()))
                .taskDefinitionKey(key)
                .taskCandidateGroup(group)
                .singleResult();
        assertThat(workItemsOf(report)).singleElement().satisfies(item -> {
            assertThat(item.id()).isEqualTo(open.getId());
            assertThat(item.taskKey()).isEqualTo(key);
            assertThat(item.name()).isEqualTo(open.getName());
            assertThat(item.cycleId()).isEqualTo(cycle.id());
            assertThat(item.participantCode()).isEqualTo("JOR");
            assertThat(item.reportId()).isEqualTo(report.id());
            assertThat(item.candidateGroup()).isEqualTo(group);
            assertThat(item.assignee()).isNull();
            assertThat(item.dueAt()).isEqualTo(due);
            assertThat(item.createdAt()).isEqualTo(open.getCreateTime().toInstant());
        });
    }

    /** The work item projection's changes so far: created, taken over, ended. */
    private double[] workItemChanges() {
        return java.util.stream.Stream.of("created", "taken_over", "ended")
                .mapToDouble(change -> meters.counter(org.compactreview.task.WorkItems.METRIC, "change", change)
                        .count())
                .toArray();
    }

    private List<WorkItem> workItemsOf(Report report) {
        return tasks.forReport(report.id());
    }

    private ReviewCycle open(String... participants) {
        return cycles.open(
                new OpenCycleRequest(
                        CycleKind.ANNUAL_REVIEW, uniquePeriod("p"), List.of(participants), DUE, null, null),
                Users.SECRETARIAT);
    }

    /** The objectives for which the report raised capacity-building requests, each with its process. */
    private List<Integer> supportRequested(Report report) {
        return jdbc.sql("select objective_number from capacity_request where report_id = ?"
                        + " and process_instance_id is not null order by objective_number")
                .param(report.id())
                .query(Integer.class)
                .list();
    }

    private ProcessInstance instance(ReviewCycle cycle) {
        return engine.getRuntimeService()
                .createProcessInstanceQuery()
                .processInstanceId(cycle.processInstanceId())
                .singleResult();
    }

    /** A participant's review: its own process instance, found by its business key. */
    private ProcessInstance review(ReviewCycle cycle, String participant) {
        return engine.getRuntimeService()
                .createProcessInstanceQuery()
                .processInstanceBusinessKey(ParticipantReviewModel.businessKey(cycle.id(), participant))
                .singleResult();
    }

    private Report reportOf(ReviewCycle cycle, CurrentUser focalPoint) {
        return reports.list(focalPoint, cycle.id(), null).get(0);
    }

    private static org.compactreview.platform.PageRequest page() {
        return new org.compactreview.platform.PageRequest(0, 50);
    }

    /** The messages GreenMail holds for one address, in the order that address received them. */
    private static List<MimeMessage> mailsTo(String address) {
        return Arrays.stream(MAIL.getReceivedMessages())
                .filter(m -> {
                    try {
                        return Arrays.stream(m.getAllRecipients())
                                .anyMatch(a -> a.toString().equals(address));
                    } catch (jakarta.mail.MessagingException e) {
                        return false;
                    }
                })
                .toList();
    }
}
