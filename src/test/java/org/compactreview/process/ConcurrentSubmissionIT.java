package org.compactreview.process;

import static org.assertj.core.api.Assertions.assertThat;
import static org.camunda.bpm.engine.test.assertions.bpmn.BpmnAwareTests.assertThat;

import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import org.compactreview.cycle.CycleKind;
import org.compactreview.cycle.CycleService;
import org.compactreview.cycle.OpenCycleRequest;
import org.compactreview.cycle.ReviewCycle;
import org.compactreview.identity.CurrentUser;
import org.compactreview.identity.Role;
import org.compactreview.report.Consolidation;
import org.compactreview.report.Report;
import org.compactreview.report.ReportService;
import org.compactreview.report.ReportStatus;
import org.compactreview.report.ValidationDecision;
import org.compactreview.support.Entries;
import org.compactreview.support.IntegrationTest;
import org.compactreview.support.Users;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * All 193 member states' focal points submit at the same time (8 threads), then the secretariat
 * validates at the same time: no completion fails, nothing is written twice, and the cycle
 * reaches consolidation through the branches' save points.
 */
class ConcurrentSubmissionIT extends IntegrationTest {

    private static final int THREADS = 8;

    @Autowired
    CycleService cycles;

    @Autowired
    ReportService reports;

    @Autowired
    Consolidation consolidation;

    @Test
    void allMemberStatesSubmitAndAreValidatedConcurrently() throws Exception {
        ReviewCycle cycle = cycles.open(
                new OpenCycleRequest(
                        CycleKind.ANNUAL_REVIEW,
                        uniquePeriod("all"),
                        null,
                        START.plus(30, ChronoUnit.DAYS),
                        null,
                        null),
                Users.SECRETARIAT);
        assertThat(cycle.participantCount()).isEqualTo(193);
        // The first batch of reviews started while the cycle opened; the others start in jobs.
        runCycleJobs(cycle.id());
        assertThat(participantReviews(cycle.id())).hasSize(193);
        List<Report> all = reports.list(Users.SECRETARIAT, cycle.id(), null);
        assertThat(all).hasSize(193);

        List<Throwable> failures = concurrently(all, report -> {
            CurrentUser focalPoint = new CurrentUser(
                    "fp-" + report.participantCode().toLowerCase(),
                    Set.of(Role.FOCAL_POINT),
                    Set.of(report.participantCode()));
            reports.saveDraft(report.id(), focalPoint, report.lockVersion(), Entries.complete(3, 1));
            reports.submit(report.id(), focalPoint, null);
        });
        assertThat(failures).isEmpty();

        failures = concurrently(
                all, report -> reports.validate(report.id(), Users.SECRETARIAT, ValidationDecision.ACCEPT, null));
        assertThat(failures).isEmpty();

        runDueJobs(cycle.processInstanceId());
        assertThat(engine.getRuntimeService()
                        .createProcessInstanceQuery()
                        .processInstanceId(cycle.processInstanceId())
                        .singleResult())
                .isWaitingAt(AnnualReviewModel.TASK_PREPARE_ANNUAL_MEETING);
        assertThat(reports.list(Users.SECRETARIAT, cycle.id(), null))
                .allSatisfy(r -> assertThat(r.status()).isEqualTo(ReportStatus.ACCEPTED));
        assertThat(jdbc.sql(
                                "select count(*) from report_version v join report r on r.id = v.report_id where r.cycle_id = ?")
                        .param(cycle.id())
                        .query(Long.class)
                        .single())
                .isEqualTo(193);
        assertThat(consolidation.summary(cycle.id()).get(0).reportsCounted()).isEqualTo(193);
        assertThat(consolidation.summary(cycle.id()).get(0).supportNeededBy()).hasSize(193);
    }

    /** Runs the action for every report on 8 threads at once; returns what failed. */
    private static List<Throwable> concurrently(List<Report> all, Consumer<Report> action) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (Report report : all) {
                futures.add(pool.submit(() -> action.accept(report)));
            }
            List<Throwable> failures = new ArrayList<>();
            for (Future<?> future : futures) {
                try {
                    future.get();
                } catch (java.util.concurrent.ExecutionException e) {
                    failures.add(e.getCause());
                }
            }
            return failures;
        } finally {
            pool.shutdownNow();
        }
    }
}
