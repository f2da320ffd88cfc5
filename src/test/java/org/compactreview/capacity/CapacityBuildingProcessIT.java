package org.compactreview.capacity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.compactreview.cycle.CycleKind;
import org.compactreview.cycle.CycleService;
import org.compactreview.cycle.OpenCycleRequest;
import org.compactreview.cycle.ReviewCycle;
import org.compactreview.identity.CurrentUser;
import org.compactreview.platform.ConflictException;
import org.compactreview.platform.InvalidInputException;
import org.compactreview.process.CapacityBuildingModel;
import org.compactreview.report.Report;
import org.compactreview.report.ReportService;
import org.compactreview.report.ValidationDecision;
import org.compactreview.support.Entries;
import org.compactreview.support.IntegrationTest;
import org.compactreview.support.Users;
import org.compactreview.task.TaskGateway;
import org.compactreview.task.WorkItemFilter;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** One test per path of {@code capacity-building.bpmn}, from accepted reports, moving the engine clock. */
class CapacityBuildingProcessIT extends IntegrationTest {

    private static final LocalDate TODAY = LocalDate.ofInstant(START, java.time.ZoneOffset.UTC);

    @Autowired
    CycleService cycles;

    @Autowired
    ReportService reports;

    @Autowired
    CapacityService capacity;

    @Autowired
    TaskGateway tasks;

    @Test
    void acceptedPlannedUpdatedAndEvaluatedAsAPractice() {
        CapacityRequest request = raise(Users.FP_EGY, 5).get(0);
        ProcessInstance pi = instance(request);
        assertThat(pi).isWaitingAt(CapacityBuildingModel.TASK_ASSESS_REQUEST);
        assertThat(task(CapacityBuildingModel.TASK_ASSESS_REQUEST, pi)).hasCandidateGroup("secretariat");

        capacity.assess(request.id(), Users.SECRETARIAT, Assessment.ACCEPT, null, null);
        assertThat(pi).isWaitingAt(CapacityBuildingModel.TASK_AGREE_SUPPORT_PLAN);
        assertThat(task(CapacityBuildingModel.TASK_AGREE_SUPPORT_PLAN, pi)).hasCandidateGroup("manager");
        capacity.agreePlan(request.id(), Users.MANAGER, plan(TODAY.plusDays(60), "P30D"));
        assertThat(pi).isWaitingAt(CapacityBuildingModel.TIMER_NEXT_UPDATE_DUE);

        setClock(START.plus(30, ChronoUnit.DAYS).plusSeconds(1));
        runDueJobs(pi.getId());
        assertThat(pi).isWaitingAt(CapacityBuildingModel.TASK_REPORT_PROGRESS);
        assertThat(task(CapacityBuildingModel.TASK_REPORT_PROGRESS, pi)).hasCandidateGroup("focal-point:EGY");
        capacity.reportProgress(request.id(), Users.FP_EGY, UpdateStatus.ON_TRACK, "Two workshops held", "Pilot");

        setClock(START.plus(61, ChronoUnit.DAYS));
        runDueJobs(pi.getId());
        assertThat(pi).isWaitingAt(CapacityBuildingModel.TASK_EVALUATE_OUTCOME);
        capacity.evaluate(request.id(), Users.SECRETARIAT, 4, "Peer learning worked", true, "Data workshops");

        assertThat(pi)
                .isEnded()
                .hasPassedInOrder(
                        CapacityBuildingModel.TASK_ASSESS_REQUEST,
                        CapacityBuildingModel.TASK_AGREE_SUPPORT_PLAN,
                        CapacityBuildingModel.TIMER_NEXT_UPDATE_DUE,
                        CapacityBuildingModel.TASK_REPORT_PROGRESS,
                        CapacityBuildingModel.TASK_EVALUATE_OUTCOME,
                        CapacityBuildingModel.END_REQUEST_EVALUATED);
        CapacityRequest evaluated = capacity.get(request.id(), Users.FP_EGY);
        assertThat(evaluated.stage()).isEqualTo(CapacityStage.EVALUATED);
        assertThat(evaluated.updates()).extracting(ProgressUpdate::done).containsExactly("Two workshops held");
        assertThat(evaluated.evaluation().outcomeRating()).isEqualTo(4);
        assertThat(capacity.practices(5)).extracting(Practice::requestId).contains(request.id());
    }

    @Test
    void similarRequestOfAnotherParticipantIsMergedForPeerExchange() {
        CapacityRequest egypt = raise(Users.FP_EGY, 8).get(0);
        CapacityRequest jordan = raise(Users.FP_JOR, 8).get(0);
        assertThatThrownBy(() -> capacity.assess(jordan.id(), Users.SECRETARIAT, Assessment.MERGE, jordan.id(), null))
                .isInstanceOf(InvalidInputException.class);

        ProcessInstance jordanProcess = instance(jordan);
        capacity.assess(jordan.id(), Users.SECRETARIAT, Assessment.MERGE, egypt.id(), null);

        assertThat(jordanProcess).isEnded().hasPassed(CapacityBuildingModel.END_REQUEST_MERGED);
        CapacityRequest merged = capacity.get(jordan.id(), Users.SECRETARIAT);
        assertThat(merged.stage()).isEqualTo(CapacityStage.MERGED);
        assertThat(merged.mergedInto()).isEqualTo(egypt.id());
        assertThat(instance(egypt)).isWaitingAt(CapacityBuildingModel.TASK_ASSESS_REQUEST);
    }

    @Test
    void declinedRequestEndsWithItsReason() {
        CapacityRequest request = raise(Users.FP_MAR, 13).get(0);
        assertThatThrownBy(() -> capacity.assess(request.id(), Users.SECRETARIAT, Assessment.DECLINE, null, " "))
                .isInstanceOf(InvalidInputException.class);
        ProcessInstance pi = instance(request);
        capacity.assess(request.id(), Users.SECRETARIAT, Assessment.DECLINE, null, "Covered by an existing programme");

        assertThat(pi).isEnded().hasPassed(CapacityBuildingModel.END_REQUEST_DECLINED);
        assertThat(capacity.get(request.id(), Users.FP_MAR).declineReason())
                .isEqualTo("Covered by an existing programme");
        assertThatThrownBy(() -> capacity.agreePlan(request.id(), Users.MANAGER, plan(TODAY.plusDays(30), "P1M")))
                .isInstanceOf(ConflictException.class);
    }

    @Test
    void missedUpdateEscalatesToManagersWithoutStoppingTheLoop() {
        CapacityRequest request = raise(Users.FP_EGY, 20).get(0);
        ProcessInstance pi = instance(request);
        capacity.assess(request.id(), Users.SECRETARIAT, Assessment.ACCEPT, null, null);
        capacity.agreePlan(request.id(), Users.MANAGER, plan(TODAY.plusDays(120), "P1M"));

        setClock(START.plus(32, ChronoUnit.DAYS));
        runDueJobs(pi.getId());
        assertThat(pi).isWaitingAt(CapacityBuildingModel.TASK_REPORT_PROGRESS);

        setClock(START.plus(32 + 15, ChronoUnit.DAYS));
        runDueJobs(pi.getId());
        assertThat(pi)
                .isWaitingAt(
                        CapacityBuildingModel.TASK_REPORT_PROGRESS, CapacityBuildingModel.TASK_FOLLOW_UP_MISSED_UPDATE);
        assertThat(task(CapacityBuildingModel.TASK_FOLLOW_UP_MISSED_UPDATE, pi)).hasCandidateGroup("manager");
        var escalation = tasks
                .list(
                        Users.MANAGER,
                        new WorkItemFilter(
                                false, null, "EGY", null, CapacityBuildingModel.TASK_FOLLOW_UP_MISSED_UPDATE, null),
                        new org.compactreview.platform.PageRequest(0, 200))
                .items()
                .stream()
                .filter(item -> item.capacityRequestId() == request.id())
                .findFirst()
                .orElseThrow();
        tasks.completeWithNote(escalation.id(), "Reminded the ministry", Users.MANAGER);

        capacity.reportProgress(request.id(), Users.FP_EGY, UpdateStatus.DELAYED, "Partner changed", null);
        assertThat(pi).isWaitingAt(CapacityBuildingModel.TIMER_NEXT_UPDATE_DUE);
        assertThat(capacity.get(request.id(), Users.FP_EGY).updates())
                .extracting(ProgressUpdate::status)
                .containsExactly(UpdateStatus.DELAYED);
    }

    /** Opens a cycle for the focal point's participant, submits with support on the objectives, accepts. */
    private List<CapacityRequest> raise(CurrentUser focalPoint, Integer... supportNeeded) {
        String participant = focalPoint.participants().iterator().next();
        ReviewCycle cycle = cycles.open(
                new OpenCycleRequest(
                        CycleKind.ANNUAL_REVIEW,
                        uniquePeriod("cb"),
                        List.of(participant),
                        START.plus(20, ChronoUnit.DAYS),
                        null,
                        null),
                Users.SECRETARIAT);
        Report report = reports.list(focalPoint, cycle.id(), null).get(0);
        reports.saveDraft(report.id(), focalPoint, report.lockVersion(), Entries.complete(2, supportNeeded));
        reports.submit(report.id(), focalPoint, null);
        reports.validate(report.id(), Users.SECRETARIAT, ValidationDecision.ACCEPT, null);
        runDueJobs(cycle.processInstanceId()); // the acceptance's save point raises the requests
        List<CapacityRequest> raised = capacity.list(Users.SECRETARIAT, CapacityFilter.none()).stream()
                .filter(r -> r.reportId() == report.id())
                .toList();
        assertThat(raised).hasSize(supportNeeded.length);
        raised.forEach(r -> runDueJobs(instance(r).getId()));
        return raised;
    }

    private ProcessInstance instance(CapacityRequest request) {
        return engine.getRuntimeService()
                .createProcessInstanceQuery()
                .processInstanceBusinessKey("capacity:" + request.id())
                .singleResult();
    }

    private static SupportPlan plan(LocalDate end, String interval) {
        return new SupportPlan(
                "IOM country office",
                "Workshops on labour migration data",
                TODAY,
                end,
                new BigDecimal("25000"),
                "USD",
                "Migration Multi-Partner Trust Fund",
                interval);
    }
}
