package org.compactreview.cycle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.task;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.compactreview.identity.CurrentUser;
import org.compactreview.identity.Role;
import org.compactreview.platform.ConflictException;
import org.compactreview.process.ConferenceModel;
import org.compactreview.process.ParticipantReviewModel;
import org.compactreview.report.Report;
import org.compactreview.report.ReportEntry;
import org.compactreview.report.ReportService;
import org.compactreview.report.ReportStatus;
import org.compactreview.report.ValidationDecision;
import org.compactreview.support.IntegrationTest;
import org.compactreview.support.Users;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** One test per path of {@code high-level-conference.bpmn}, and the cadence timers. */
class ConferenceProcessIT extends IntegrationTest {

    static final CurrentUser FP_ARCP = new CurrentUser("fp-arcp", Set.of(Role.FOCAL_POINT), Set.of("ARCP"));
    static final CurrentUser FP_ECA = new CurrentUser("fp-eca", Set.of(Role.FOCAL_POINT), Set.of("ECA"));

    @Autowired
    CycleService cycles;

    @Autowired
    ConferenceService conferences;

    @Autowired
    ReportService reports;

    @Test
    void regionalReviewReturnedThenAccepted() {
        ReviewCycle conference = open("ARCP");
        ProcessInstance pi = instance(conference);
        ProcessInstance regionalReview = engine.getRuntimeService()
                .createProcessInstanceQuery()
                .processInstanceBusinessKey(ParticipantReviewModel.businessKey(conference.id(), "ARCP"))
                .singleResult();
        assertThat(task(ParticipantReviewModel.TASK_SUBMIT_REPORT, regionalReview))
                .hasCandidateGroup("focal-point:ARCP");
        Report review = reports.list(FP_ARCP, conference.id(), null).get(0);
        assertThat(review.regional()).isTrue();
        assertThatThrownBy(() -> reports.submit(review.id(), FP_ARCP, null))
                .as("every objective needs a summary of progress")
                .isInstanceOf(org.compactreview.platform.InvalidInputException.class);
        reports.saveDraft(review.id(), FP_ARCP, review.lockVersion(), regionalEntries("first"));
        reports.submit(review.id(), FP_ARCP, null);
        reports.validate(review.id(), Users.SECRETARIAT, ValidationDecision.RETURN, "Add the Maghreb practices");
        assertThat(regionalReview).isWaitingAt(ParticipantReviewModel.TASK_SUBMIT_REPORT);
        Report returned = reports.get(review.id(), FP_ARCP);
        reports.saveDraft(review.id(), FP_ARCP, returned.lockVersion(), regionalEntries("second"));
        reports.submit(review.id(), FP_ARCP, null);
        reports.validate(review.id(), Users.SECRETARIAT, ValidationDecision.ACCEPT, null);
        runDueJobs(pi.getId());

        assertThat(pi).isWaitingAt(ConferenceModel.TASK_COMPILE_PROGRESS_REPORT);
        assertThat(task(ConferenceModel.TASK_COMPILE_PROGRESS_REPORT, pi)).hasCandidateGroup("secretariat");
        assertThat(status(conference)).as("the last review accepted").isEqualTo(CycleStatus.COMPILATION);
        assertThat(reports.versions(review.id(), Users.SECRETARIAT)).hasSize(2);
        assertThat(reports.get(review.id(), FP_ARCP).entries().get(0).goodPractices())
                .isEqualTo("second practices 1");
    }

    /**
     * A conference opened on the earlier version (one multi-instance branch per region, kept in
     * {@code bpmn-earlier/}) reaches its compilation on that version after the upgrade.
     */
    @Test
    void conferenceOpenedOnTheMultiInstanceVersionFinishesItsReviewsOnIt() throws Exception {
        var repository = engine.getRepositoryService();
        String earlier;
        ReviewCycle conference;
        try (var bpmn = getClass().getResourceAsStream("/bpmn-earlier/high-level-conference-v-multi-instance.bpmn")) {
            earlier = repository
                    .createDeployment()
                    .name("high-level-conference before issue 11")
                    .addInputStream("high-level-conference.bpmn", bpmn)
                    .deployWithResult()
                    .getDeployedProcessDefinitions()
                    .get(0)
                    .getId();
            conference = open("ARCP");
        } finally {
            repository
                    .createDeployment()
                    .name("high-level-conference issue 11")
                    .addClasspathResource("bpmn/high-level-conference.bpmn")
                    .deploy();
        }
        ProcessInstance pi = instance(conference);
        assertThat(pi.getProcessDefinitionId()).isEqualTo(earlier);
        assertThat(participantReviews(conference.id())).isEmpty();
        assertThat(task(ParticipantReviewModel.TASK_SUBMIT_REPORT, pi)).hasCandidateGroup("focal-point:ARCP");

        Report review = reports.list(FP_ARCP, conference.id(), null).get(0);
        reports.saveDraft(review.id(), FP_ARCP, review.lockVersion(), regionalEntries("earlier"));
        reports.submit(review.id(), FP_ARCP, null);
        reports.validate(review.id(), Users.SECRETARIAT, ValidationDecision.ACCEPT, null);
        runDueJobs(pi.getId());
        assertThat(pi).isWaitingAt(ConferenceModel.TASK_COMPILE_PROGRESS_REPORT);
        assertThat(status(conference)).isEqualTo(CycleStatus.COMPILATION);
        assertThat(instance(open("ECA")).getProcessDefinitionId())
                .as("a conference opened after the upgrade")
                .isNotEqualTo(earlier);
    }

    @Test
    void regionThatNeverSubmitsIsClosedWhenTheWindowCloses() {
        ReviewCycle conference = open("ARCP", "ECA");
        ProcessInstance pi = instance(conference);
        Report arab = reports.list(FP_ARCP, conference.id(), null).get(0);
        reports.saveDraft(arab.id(), FP_ARCP, arab.lockVersion(), regionalEntries("only"));
        reports.submit(arab.id(), FP_ARCP, null);
        reports.validate(arab.id(), Users.SECRETARIAT, ValidationDecision.ACCEPT, null);

        setClock(conference.windowClosesAt().plusSeconds(1));
        runDueJobs(pi.getId());

        assertThat(reports.list(FP_ECA, conference.id(), null).get(0).status()).isEqualTo(ReportStatus.NOT_SUBMITTED);
        assertThat(pi).isWaitingAt(ConferenceModel.TASK_COMPILE_PROGRESS_REPORT);
    }

    @Test
    void twoNegotiationRoundsThenAgreementAndAdoption() {
        ReviewCycle conference = open("ARCP");
        ProcessInstance pi = instance(conference);
        assertThat(status(conference)).isEqualTo(CycleStatus.OPEN);
        assertThatThrownBy(() -> conferences.compile(conference.id(), Users.SECRETARIAT, "Too early"))
                .as("no compilation while a regional review runs")
                .isInstanceOf(ConflictException.class);
        setClock(conference.windowClosesAt().plusSeconds(1));
        runDueJobs(pi.getId());
        assertThat(pi).isWaitingAt(ConferenceModel.TASK_COMPILE_PROGRESS_REPORT);
        assertThat(status(conference)).isEqualTo(CycleStatus.COMPILATION);

        conferences.compile(conference.id(), Users.SECRETARIAT, "Progress since the last conference");
        assertThat(pi).isWaitingAt(ConferenceModel.TASK_CONSULT_STAKEHOLDERS);
        assertThat(status(conference)).isEqualTo(CycleStatus.CONSULTATION);
        conferences.addSubmission(
                conference.id(),
                Users.SECRETARIAT,
                StakeholderSubmission.StakeholderGroup.MIGRANT_ORGANISATION,
                "Diaspora network",
                "Portability of pensions first");
        conferences.finishConsultation(conference.id(), Users.SECRETARIAT);
        assertThat(pi).isWaitingAt(ConferenceModel.TASK_NEGOTIATE_DECLARATION);
        assertThat(status(conference)).isEqualTo(CycleStatus.NEGOTIATION);
        assertThat(task(ConferenceModel.TASK_NEGOTIATE_DECLARATION, pi)).hasCandidateGroup("manager");
        assertThatThrownBy(() -> conferences.negotiate(conference.id(), Users.MANAGER, null, true))
                .isInstanceOf(ConflictException.class);

        conferences.negotiate(conference.id(), Users.MANAGER, "Draft one", false);
        assertThat(pi).isWaitingAt(ConferenceModel.TASK_NEGOTIATE_DECLARATION);
        conferences.negotiate(conference.id(), Users.MANAGER, "Draft two", false);
        assertThat(status(conference)).isEqualTo(CycleStatus.NEGOTIATION);
        conferences.negotiate(conference.id(), Users.MANAGER, null, true);
        assertThat(pi).isWaitingAt(ConferenceModel.TASK_ADOPT_DECLARATION);
        assertThat(status(conference)).as("agreed: adoption is open").isEqualTo(CycleStatus.ADOPTION);
        assertThatThrownBy(() -> conferences.negotiate(conference.id(), Users.MANAGER, "Draft three", false))
                .isInstanceOf(ConflictException.class);

        conferences.adopt(
                conference.id(),
                Users.SECRETARIAT,
                List.of(new Commitment(22, "Conclude pension portability agreements", List.of("EGY"))));
        assertThat(pi)
                .isEnded()
                .hasPassedInOrder(
                        ConferenceModel.TASK_COMPILE_PROGRESS_REPORT,
                        ConferenceModel.TASK_CONSULT_STAKEHOLDERS,
                        ConferenceModel.TASK_NEGOTIATE_DECLARATION,
                        ConferenceModel.TASK_ADOPT_DECLARATION,
                        ConferenceModel.END_DECLARATION_ADOPTED);
        var record = conferences.record(conference.id());
        assertThat(record.drafts()).extracting(DeclarationDraft::text).containsExactly("Draft one", "Draft two");
        assertThat(record.submissions()).hasSize(1);
        assertThat(cycles.get(conference.id()).status()).isEqualTo(CycleStatus.CLOSED);
        assertThat(conferences.followUpItems("EGY", 22))
                .anySatisfy(item -> assertThat(item.text()).isEqualTo("Conclude pension portability agreements"));
        assertThat(conferences.followUpItems("JOR", 22))
                .noneSatisfy(item -> assertThat(item.conferenceId()).isEqualTo(conference.id()));
    }

    @Test
    void cadenceTimersOpenTheAnnualCycleAndTheConferenceOnSchedule() {
        Job annual = cadenceJob(ConferenceModel.ANNUAL_CADENCE_KEY);
        Job conference = cadenceJob(ConferenceModel.CONFERENCE_CADENCE_KEY);
        assertThat(annual.getDuedate().toInstant()).isEqualTo(Instant.parse("2027-01-15T00:00:00Z"));
        assertThat(conference.getDuedate().toInstant()).isEqualTo(Instant.parse("2030-01-15T00:00:00Z"));

        setClock(Instant.parse("2027-01-15T00:00:01Z"));
        management.executeJob(annual.getId());
        runCadenceContinuations(ConferenceModel.ANNUAL_CADENCE_KEY);
        ReviewCycle opened = cycle(CycleKind.ANNUAL_REVIEW, "2027");
        assertThat(opened.participantCount()).isEqualTo(193);
        assertThat(opened.submissionDue())
                .isEqualTo(Instant.parse("2027-01-15T00:00:01Z").plus(90, ChronoUnit.DAYS));
        assertThat(nextTimer(annual).getDuedate().toInstant()).isEqualTo(Instant.parse("2028-01-15T00:00:00Z"));

        setClock(Instant.parse("2030-01-15T00:00:01Z"));
        management.executeJob(conference.getId());
        runCadenceContinuations(ConferenceModel.CONFERENCE_CADENCE_KEY);
        ReviewCycle conferenceCycle = cycle(CycleKind.HIGH_LEVEL_CONFERENCE, "2030-2034");
        assertThat(conferenceCycle.participantCount()).isEqualTo(12);
        assertThat(conferenceCycle.conferenceDate()).isEqualTo(LocalDate.of(2030, 9, 12));
        assertThat(nextTimer(conference).getDuedate().toInstant()).isEqualTo(Instant.parse("2035-01-15T00:00:00Z"));
    }

    private ReviewCycle open(String... regions) {
        return cycles.open(
                new OpenCycleRequest(
                        CycleKind.HIGH_LEVEL_CONFERENCE,
                        uniquePeriod("hlc"),
                        List.of(regions),
                        START.plus(60, ChronoUnit.DAYS),
                        null,
                        null,
                        LocalDate.ofInstant(START, java.time.ZoneOffset.UTC).plusDays(200)),
                Users.SECRETARIAT);
    }

    private CycleStatus status(ReviewCycle conference) {
        return cycles.get(conference.id()).status();
    }

    private ProcessInstance instance(ReviewCycle cycle) {
        return engine.getRuntimeService()
                .createProcessInstanceQuery()
                .processInstanceId(cycle.processInstanceId())
                .singleResult();
    }

    private static List<ReportEntry> regionalEntries(String prefix) {
        return java.util.stream.IntStream.rangeClosed(1, 23)
                .mapToObj(n -> new ReportEntry(
                        n,
                        null,
                        prefix + " summary " + n,
                        "challenges",
                        "recommendations",
                        false,
                        prefix + " practices " + n))
                .toList();
    }

    private Job cadenceJob(String processKey) {
        return management
                .createJobQuery()
                .processDefinitionKey(processKey)
                .timers()
                .singleResult();
    }

    /** The timer a repeating start timer leaves for its next occurrence. */
    private Job nextTimer(Job fired) {
        return management
                .createJobQuery()
                .jobDefinitionId(fired.getJobDefinitionId())
                .timers()
                .singleResult();
    }

    private void runCadenceContinuations(String processKey) {
        for (Job job : management
                .createJobQuery()
                .processDefinitionKey(processKey)
                .messages()
                .list()) {
            management.executeJob(job.getId());
        }
    }

    private ReviewCycle cycle(CycleKind kind, String period) {
        return cycles.list(new org.compactreview.platform.PageRequest(0, 200)).items().stream()
                .filter(c -> c.kind() == kind && c.period().equals(period))
                .findFirst()
                .orElseThrow();
    }
}
