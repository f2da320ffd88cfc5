package org.compactreview.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.temporal.ChronoUnit;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.compactreview.cycle.CycleKind;
import org.compactreview.cycle.CycleService;
import org.compactreview.cycle.OpenCycleRequest;
import org.compactreview.cycle.ReviewCycle;
import org.compactreview.framework.FrameworkCatalog;
import org.compactreview.support.GeneratedParticipants;
import org.compactreview.support.IntegrationTest;
import org.compactreview.support.Users;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * A cycle of 3,000 generated participants opens with its first batch of reviews and starts the
 * others in batch jobs, one per 50; the cycle then waits for its reports. Timings are printed,
 * not asserted (the benchmark measures).
 */
class LargeCycleIT extends IntegrationTest {

    private static final int PARTICIPANTS = 3000;

    @Autowired
    CycleService cycles;

    @Autowired
    FrameworkCatalog framework;

    @Test
    void threeThousandParticipantsOpenWithTheFirstBatchAndStartTheRestInJobs() {
        try (GeneratedParticipants generated =
                GeneratedParticipants.add(jdbc, framework, engine.getRuntimeService(), PARTICIPANTS)) {
            long start = System.nanoTime();
            ReviewCycle cycle = cycles.open(
                    new OpenCycleRequest(
                            CycleKind.ANNUAL_REVIEW,
                            uniquePeriod("large"),
                            generated.codes(),
                            START.plus(30, ChronoUnit.DAYS),
                            null,
                            null),
                    Users.SECRETARIAT);
            long opened = System.nanoTime();
            assertThat(cycle.participantCount()).isEqualTo(PARTICIPANTS);
            assertThat(participantReviews(cycle.id())).hasSize(50);
            ProcessInstance pi = engine.getRuntimeService()
                    .createProcessInstanceQuery()
                    .processInstanceId(cycle.processInstanceId())
                    .singleResult();
            assertThat(pi).isWaitingAt(AnnualReviewModel.TASK_START_MORE_PARTICIPANT_REVIEWS);

            runCycleJobs(cycle.id());
            System.out.printf(
                    "cycle of %d participants: opened in %d ms, the other reviews started in batch jobs in %d ms%n",
                    PARTICIPANTS, (opened - start) / 1_000_000, (System.nanoTime() - opened) / 1_000_000);
            assertThat(participantReviews(cycle.id())).hasSize(PARTICIPANTS);
            assertThat(pi).isWaitingAt(AnnualReviewModel.EVENT_ALL_REPORTS_SETTLED);
            assertThat(jdbc.sql("select count(*) from work_item where cycle_id = ? and task_key = ?")
                            .params(cycle.id(), ParticipantReviewModel.TASK_SUBMIT_REPORT)
                            .query(Long.class)
                            .single())
                    .isEqualTo(PARTICIPANTS);
        }
        assertThat(framework.memberStateCodes()).as("the fixture cleaned up").hasSize(193);
    }
}
