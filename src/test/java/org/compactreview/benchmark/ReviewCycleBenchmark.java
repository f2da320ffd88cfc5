package org.compactreview.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.camunda.bpm.engine.OptimisticLockingException;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.task.TaskDefinition;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.VariableMap;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.impl.BpmnModelConstants;
import org.camunda.bpm.model.bpmn.instance.MultiInstanceLoopCharacteristics;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.compactreview.cycle.CycleKind;
import org.compactreview.cycle.CycleService;
import org.compactreview.cycle.OpenCycleRequest;
import org.compactreview.cycle.ReviewCycle;
import org.compactreview.framework.FrameworkCatalog;
import org.compactreview.identity.CurrentUser;
import org.compactreview.identity.Role;
import org.compactreview.platform.PageRequest;
import org.compactreview.process.AnnualReviewModel;
import org.compactreview.process.ParticipantReviewModel;
import org.compactreview.report.Report;
import org.compactreview.report.ReportService;
import org.compactreview.report.ValidationDecision;
import org.compactreview.support.Entries;
import org.compactreview.support.GeneratedParticipants;
import org.compactreview.support.IntegrationTest;
import org.compactreview.support.Users;
import org.compactreview.task.TaskGateway;
import org.compactreview.task.WorkItemFilter;
import org.compactreview.task.process.WorkItemListener;
import org.compactreview.tracking.CycleBoard;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.env.Environment;
import org.springframework.core.io.ClassPathResource;

/**
 * The benchmark of an annual cycle at three sizes: the 193 member states, and 1,000 and 3,000
 * generated participants ({@link GeneratedParticipants}, a test fixture), on the embedded
 * PostgreSQL, with past cycles of the 193 member states loaded as history. At every size, round
 * after round: the cycle-open time and the time until every participant has its submit task (the
 * batch jobs that start the other reviews run in this thread, one after another, as the job
 * executor would: it is off in the benchmark), the app's completed tasks per second with 8
 * concurrent users (20% of reports returned once), the same completions through Camunda's bare
 * TaskService on a copy of the app's process without app logic (the new model: one instance per
 * participant), and on a copy of today's-before model without app logic (one instance with N
 * multi-instance branches, {@code bpmn-earlier/annual-review-v-multi-instance.bpmn}), the CPU per
 * completion of the JVM and PostgreSQL, also with the asynchronous work the completions leave, and
 * the time from the last acceptance to the cycle's consolidation. App, bare-new and bare-old
 * rotate which goes first. Statements per completion are counted in an untimed round (at 193,
 * after the rounds; at larger sizes, in the warm-up round). At 193 the latencies of the inbox,
 * the cycle status and the board are measured in the warm-up round, and there are nine counted
 * rounds; at larger sizes two ({@code benchmark.large-rounds}), so that a full run stays near a
 * quarter of an hour on two cores. The old model's cost grows with its branches: it is measured up
 * to {@code benchmark.old-model-up-to} (1,000) participants only.
 *
 * <p>Run with {@code mvn -Pbenchmark verify}; smaller runs with {@code -Dbenchmark.sizes=193,1000}
 * {@code -Dbenchmark.rounds=1 -Dbenchmark.large-rounds=1 -Dbenchmark.history=1}. It prints its
 * figures, a summary table and the targets, and writes them to {@code target/benchmark.txt}. Not
 * part of {@code mvn verify}: figures, not assertions, are its output.
 */
class ReviewCycleBenchmark extends IntegrationTest {

    private static final int THREADS = 8;
    /** The job executor's default core pool: the asynchronous work runs on as many threads. */
    private static final int JOB_THREADS = 3;

    private static final int MEMBER_STATES = 193;
    private static final int SAMPLES = 200;
    private static final String BARE_PROCESS = "bareAnnualReview";
    private static final String BARE_MULTI_INSTANCE_PROCESS = "bareAnnualReviewMultiInstance";
    private static final String MULTI_INSTANCE_RESOURCE = "bpmn-earlier/annual-review-v-multi-instance.bpmn";
    private static final String VAR_PARTICIPANTS = "participants";

    private static final List<Integer> SIZES = sizes(System.getProperty("benchmark.sizes", "193,1000,3000"));
    private static final int HISTORY = Integer.getInteger("benchmark.history", 10);
    /** Counted rounds at 193, after the warm-up round. */
    private static final int ROUNDS = Integer.getInteger("benchmark.rounds", 9);
    /** Counted rounds at the larger sizes, after the warm-up round (which counts statements). */
    private static final int LARGE_ROUNDS = Integer.getInteger("benchmark.large-rounds", 2);
    /** The largest size at which the bare run on today's (multi-instance) model is measured. */
    private static final int OLD_MODEL_UP_TO = Integer.getInteger("benchmark.old-model-up-to", 1000);

    @Autowired
    CycleService cycles;

    @Autowired
    ReportService reports;

    @Autowired
    TaskGateway tasks;

    @Autowired
    CycleBoard board;

    @Autowired
    TaskService taskService;

    @Autowired
    FrameworkCatalog framework;

    @Autowired
    Environment environment;

    private final List<String> lines = new ArrayList<>();

    @Test
    void annualCycleAtEverySize() throws Exception {
        long benchmarkStart = System.nanoTime();
        print(
                "sizes %s; %d counted rounds at 193 and %d at larger sizes, each after a warm-up round;"
                        + " %d concurrent users; bare run on today's model up to %d participants",
                SIZES, ROUNDS, LARGE_ROUNDS, THREADS, OLD_MODEL_UP_TO);
        for (int i = 1; i <= HISTORY; i++) {
            ReviewCycle past = open("history-" + i);
            completeCycle(past, 0);
            runDueJobs(past.processInstanceId());
        }
        print("history: %d past cycles of 193 accepted reports each", HISTORY);
        Bare bare = new Bare(deployBare(), deployBareMultiInstance());

        List<SizeFigures> table = new ArrayList<>();
        int generatedCount = SIZES.stream()
                .filter(size -> size != MEMBER_STATES)
                .mapToInt(Integer::intValue)
                .max()
                .orElse(0);
        List<String> generated = null;
        for (int size : SIZES) {
            List<String> participants = null;
            if (size != MEMBER_STATES) {
                if (generated == null) {
                    // Added after the 193 member states' rounds, which open cycles for every member
                    // state; never removed: the benchmark's database is thrown away after the run.
                    generated = GeneratedParticipants.add(jdbc, framework, engine.getRuntimeService(), generatedCount)
                            .codes();
                    print("%d generated participants added (GEN-00001 ...)", generatedCount);
                }
                participants = generated.subList(0, size);
            }
            long sizeStart = System.nanoTime();
            table.add(measureSize(size, participants, bare));
            print("size %d measured in %.1f min", size, seconds(sizeStart) / 60);
            Files.write(Path.of("target/benchmark.txt"), lines);
        }
        summary(table);
        print("benchmark run in %.1f min", seconds(benchmarkStart) / 60);
        Files.write(Path.of("target/benchmark.txt"), lines);
        assertThat(table)
                .allSatisfy(figures -> assertThat(figures.app.perSecond()).isPositive());
    }

    // ---------------------------------------------------------------------------------------------
    // One size: a warm-up round, then the counted rounds

    private SizeFigures measureSize(int size, List<String> participants, Bare bare) throws Exception {
        boolean memberStates = size == MEMBER_STATES;
        int rounds = memberStates ? ROUNDS : LARGE_ROUNDS;
        boolean old = size <= OLD_MODEL_UP_TO;
        print("size %d: a warm-up round, then %d counted rounds", size, rounds);
        if (!old) {
            print(
                    "size %d: bare Camunda on today's model not run at %d: one instance of %d branches costs more per"
                            + " completion the more branches it has (every completion loads and checks the whole"
                            + " execution tree) and its save points run one after another; a round would take many"
                            + " minutes; it is measured up to %d (-Dbenchmark.old-model-up-to)",
                    size, size, size, OLD_MODEL_UP_TO);
        }
        SizeFigures figures = new SizeFigures(size, old);
        for (int round = 0; round <= rounds; round++) {
            boolean warmUp = round == 0;
            RoundFigures r =
                    round(size, round, participants, bare, old, warmUp && memberStates, warmUp && !memberStates);
            if (warmUp) {
                if (!memberStates) {
                    figures.statements = r.statements;
                }
            } else {
                figures.add(r);
            }
        }
        if (memberStates) {
            figures.statements = countedRound(participants, bare, old);
        }
        print("size %d: app %s tasks/s", size, median(figures.app.perSecond));
        print("size %d: bare on the new model %s tasks/s", size, median(figures.bareNew.perSecond));
        if (old) {
            print("size %d: bare on today's model %s tasks/s", size, median(figures.bareOld.perSecond));
            print("size %d: ratio app / bare on today's model: %s", size, median(figures.ratioOld));
        }
        print("size %d: ratio app / bare on the new model: %s", size, median(figures.ratioNew));
        print("size %d: ratio of CPU per completion, bare new / app: %s", size, median(figures.cpuRatioNew));
        print(
                "size %d: ratio of CPU per completion with its asynchronous work, bare new / app: %s",
                size, median(figures.withJobsRatioNew));
        print("size %d: cycle open %s ms", size, median(figures.openMs));
        print(
                "size %d: all %d participants have their submit task %s ms after opening",
                size, size, median(figures.allTasksMs));
        print("size %d: last acceptance to consolidation %s ms", size, median(figures.consolidationMs));
        return figures;
    }

    /**
     * One round: a new cycle is opened and all its reviews started (timed), its drafts saved (not
     * timed), then the app's completions and the two bare runs, in an order that rotates from round
     * to round so that none profits from running later (a warmer JIT, a calmer machine).
     */
    private RoundFigures round(
            int size,
            int round,
            List<String> participants,
            Bare bare,
            boolean old,
            boolean measureLatencies,
            boolean countStatements)
            throws Exception {
        String at = String.format(java.util.Locale.ROOT, "size %d, round %d:", size, round);
        RoundFigures figures = new RoundFigures();
        DatabaseState databaseBefore = DatabaseState.now(jdbc);
        long start = System.nanoTime();
        ReviewCycle cycle = openOnly("measured-" + size + "-" + round, participants);
        figures.openMs = millis(start);
        int batches = startOtherReviews(cycle);
        figures.allTasksMs = millis(start);
        long submitTasks = submitTasks(cycle.id());
        print(
                "%s cycle open for %d participants: %.0f ms; all %d have their submit task %.0f ms after opening"
                        + " (%d batch jobs of %d reviews run one after another in this thread, as the job executor"
                        + " would; it is off in the benchmark)",
                at,
                cycle.participantCount(),
                figures.openMs,
                submitTasks,
                figures.allTasksMs,
                batches,
                startBatchSize());
        if (submitTasks != size) {
            print("%s WARNING: %d submit tasks for %d participants", at, submitTasks, size);
        }
        saveAllDrafts(cycle);
        List<String> codes = reports.list(Users.SECRETARIAT, cycle.id(), null).stream()
                .map(Report::participantCode)
                .toList();

        List<String> order = new ArrayList<>(old ? List.of("app", "new", "old") : List.of("app", "new"));
        Collections.rotate(order, -(round % order.size()));
        for (String side : order) {
            if (countStatements) {
                StatementCounter.start();
            }
            Run run =
                    switch (side) {
                        case "app" -> appCompletions(cycle, measureLatencies);
                        case "new" -> bareCompletions(bare.newModel(), cycle, codes);
                        default -> bareMultiInstanceCompletions(bare.oldModel(), cycle, codes);
                    };
            if (countStatements) {
                figures.statements.put(side, printStatements(side, size, run.completions(), StatementCounter.stop()));
            }
            switch (side) {
                case "app" -> figures.app = run;
                case "new" -> figures.bareNew = run;
                default -> figures.bareOld = run;
            }
        }
        String note = (round == 0 ? "; warm-up, not counted" : "") + (countStatements ? ", statements counted" : "");
        print(
                "%s app %.1f tasks/s, bare Camunda TaskService on the new model %.1f tasks/s, ratio %.2f%s (order: %s%s)",
                at,
                figures.app.perSecond(),
                figures.bareNew.perSecond(),
                figures.app.perSecond() / figures.bareNew.perSecond(),
                old
                        ? String.format(
                                java.util.Locale.ROOT,
                                "; on today's model %.1f tasks/s, ratio %.2f",
                                figures.bareOld.perSecond(),
                                figures.app.perSecond() / figures.bareOld.perSecond())
                        : "",
                String.join(", ", order),
                note);
        print(
                "%s CPU per completion (JVM + PostgreSQL): app %s, bare new %s, ratio %.2f%s",
                at,
                figures.app.cpuPerCompletion(),
                figures.bareNew.cpuPerCompletion(),
                figures.bareNew.cpuMillis() / figures.app.cpuMillis(),
                old ? ", bare today's " + figures.bareOld.cpuPerCompletion() : "");
        print(
                "%s CPU per completion with the asynchronous work it leaves: app %.1f ms, bare new %.1f ms, ratio %.2f%s",
                at,
                figures.app.cpuMillisWithJobs(),
                figures.bareNew.cpuMillisWithJobs(),
                figures.bareNew.cpuMillisWithJobs() / figures.app.cpuMillisWithJobs(),
                old
                        ? String.format(
                                java.util.Locale.ROOT, ", bare today's %.1f ms", figures.bareOld.cpuMillisWithJobs())
                        : "");
        print(
                "%s last acceptance to consolidation: %.0f ms (the consolidation job run at once; then the %.1f s"
                        + " of asynchronous work left, on %d threads)",
                at, figures.app.consolidationMs(), figures.app.jobsSeconds(), JOB_THREADS);
        print("%s %s", at, DatabaseState.now(jdbc).since(databaseBefore));
        return figures;
    }

    /**
     * Runs the cycle's batch jobs, which start its other participants' reviews, one after another
     * (they are exclusive jobs of the cycle's instance) until none is left; returns how many ran.
     */
    private int startOtherReviews(ReviewCycle cycle) {
        int ran = 0;
        while (true) {
            List<Job> due = management
                    .createJobQuery()
                    .processInstanceId(cycle.processInstanceId())
                    .executable()
                    .listPage(0, 1);
            if (due.isEmpty()) {
                return ran;
            }
            management.executeJob(due.get(0).getId());
            ran++;
        }
    }

    private long submitTasks(long cycleId) {
        return jdbc.sql("select count(*) from work_item where cycle_id = ? and task_key = ?")
                .params(cycleId, ParticipantReviewModel.TASK_SUBMIT_REPORT)
                .query(Long.class)
                .single();
    }

    private int startBatchSize() {
        return environment.getProperty("compact-review.cycle.start-batch-size", Integer.class, 50);
    }

    // ---------------------------------------------------------------------------------------------
    // The app

    /**
     * The app's completions on an open cycle whose drafts are saved: every submission, then every
     * validation (every fifth returned once, resubmitted and accepted), 8 users at a time; returns
     * tasks per second. The warm-up round at 193 also measures the inbox and board while 193
     * validations are open (not timed as completions); in a counted round, the garbage and
     * compilation those thousand calls leave would weigh on the app's validations.
     */
    private Run appCompletions(ReviewCycle cycle, boolean measureLatencies) throws Exception {
        CpuTime cpuStart = cpu();
        long completionStart = System.nanoTime();
        int completed = submitAll(cycle);
        double submitSeconds = seconds(completionStart);
        CpuTime submitCpu = cpu().minus(cpuStart);
        if (measureLatencies) {
            latencies(
                    "inbox, focal point (service)",
                    () -> tasks.list(Users.FP_EGY, WorkItemFilter.mine(), new PageRequest(0, 50)));
            latencies(
                    "inbox, secretariat with 193 open validations (service)",
                    () -> tasks.list(Users.SECRETARIAT, WorkItemFilter.mine(), new PageRequest(0, 50)));
            latencies("cycle status / board, 193 rows (service)", () -> board.status(cycle.id()));
            latencies("GET /api/v1/tasks as fp-egy (HTTP, Basic, sign-in remembered)", () -> as("fp-egy")
                    .getForEntity("/api/v1/tasks", String.class));
            latencies("GET /api/v1/cycles/{id}/status (HTTP, Basic, sign-in remembered)", () -> as("secretariat")
                    .getForEntity("/api/v1/cycles/" + cycle.id() + "/status", String.class));
        }
        CpuTime validationCpuStart = cpu();
        long validationStart = System.nanoTime();
        completed += validateAll(cycle, 5);
        double seconds = submitSeconds + seconds(validationStart);
        CpuTime used = cpu().minus(validationCpuStart);
        print("app: %d task completions in %.1f s", completed, seconds);
        Async async = asynchronousWork(cycle);
        return new Run(
                completed,
                seconds,
                new CpuTime(submitCpu.jvmNanos() + used.jvmNanos(), submitCpu.postgresNanos() + used.postgresNanos()),
                async.cpu(),
                async.seconds(),
                async.consolidationMs());
    }

    /** Opens a cycle for the member states and starts all its participants' reviews. */
    private ReviewCycle open(String prefix) {
        ReviewCycle cycle = openOnly(prefix, null);
        runDueJobs(cycle.processInstanceId());
        return cycle;
    }

    /** Opens a cycle for the participants given, or every member state if {@code null}. */
    private ReviewCycle openOnly(String prefix, List<String> participants) {
        return cycles.open(
                new OpenCycleRequest(
                        CycleKind.ANNUAL_REVIEW,
                        uniquePeriod(prefix),
                        participants,
                        START.plus(60, ChronoUnit.DAYS),
                        null,
                        null),
                Users.SECRETARIAT);
    }

    private void completeCycle(ReviewCycle cycle, int returnEvery) throws Exception {
        saveAllDrafts(cycle);
        submitAll(cycle);
        validateAll(cycle, returnEvery);
    }

    /** Every focal point saves its whole report, 8 at a time (not timed: no task is completed). */
    private void saveAllDrafts(ReviewCycle cycle) throws Exception {
        List<Report> all = reports.list(Users.SECRETARIAT, cycle.id(), null);
        concurrently(
                all,
                report -> reports.saveDraft(
                        report.id(),
                        focalPoint(report.participantCode()),
                        report.lockVersion(),
                        Entries.complete(2, 1)));
    }

    /** Every focal point submits, 8 at a time: one task completion each. */
    private int submitAll(ReviewCycle cycle) throws Exception {
        List<Report> all = reports.list(Users.SECRETARIAT, cycle.id(), null);
        concurrently(all, report -> reports.submit(report.id(), focalPoint(report.participantCode()), null));
        return all.size();
    }

    /** The secretariat validates, returning every n-th report once; those are resubmitted and accepted. */
    private int validateAll(ReviewCycle cycle, int returnEvery) throws Exception {
        List<Report> all = reports.list(Users.SECRETARIAT, cycle.id(), null);
        List<Report> returned = Collections.synchronizedList(new ArrayList<>());
        concurrently(all, report -> {
            boolean giveBack =
                    returnEvery > 0 && Math.floorMod(report.participantCode().hashCode(), returnEvery) == 0;
            reports.validate(
                    report.id(),
                    Users.SECRETARIAT,
                    giveBack ? ValidationDecision.RETURN : ValidationDecision.ACCEPT,
                    giveBack ? "Please complete" : null);
            if (giveBack) {
                returned.add(report);
            }
        });
        concurrently(returned, report -> {
            reports.submit(report.id(), focalPoint(report.participantCode()), null);
            reports.validate(report.id(), Users.SECRETARIAT, ValidationDecision.ACCEPT, null);
        });
        if (returnEvery > 0) {
            print("returned once: %d of %d reports", returned.size(), all.size());
        }
        return all.size() + 2 * returned.size();
    }

    /**
     * The asynchronous work the app's completions left, run after the timed part (the job executor
     * is off): first the cycle's consolidation, whose job the last acceptance created (timed from
     * the end of the completions to the cycle's status {@code CONSOLIDATED}), then the rest on
     * {@value #JOB_THREADS} threads: the reviews' save points and the first step of every
     * capacity-building process they raised. Its statements are not counted.
     */
    private Async asynchronousWork(ReviewCycle cycle) {
        boolean counting = StatementCounter.pause();
        CpuTime start = cpu();
        long started = System.nanoTime();
        startOtherReviews(cycle); // the cycle's own jobs: the consolidation
        double consolidationMs = millis(started);
        String status = jdbc.sql("select status from review_cycle where id = ?")
                .param(cycle.id())
                .query(String.class)
                .single();
        if (!"CONSOLIDATED".equals(status)) {
            print("WARNING: cycle %d is %s after its consolidation job, not CONSOLIDATED", cycle.id(), status);
            consolidationMs = Double.NaN;
        }
        drainJobs();
        double seconds = seconds(started);
        CpuTime used = cpu().minus(start);
        StatementCounter.resume(counting);
        return new Async(used, seconds, consolidationMs);
    }

    private record Async(CpuTime cpu, double seconds, double consolidationMs) {}

    /**
     * Runs every executable job until none is left, as the job executor would: up to
     * {@value #JOB_THREADS} at a time, never two of one process instance at once (exclusive jobs).
     * Only the benchmark's own work is executable: timers are due weeks after the fixed clock.
     */
    private void drainJobs() {
        AtomicInteger failed = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(JOB_THREADS);
        try {
            for (int page = 0; page < 100_000; page++) {
                List<Job> due = management.createJobQuery().executable().listPage(0, 300);
                if (due.isEmpty()) {
                    break;
                }
                Map<String, Job> onePerInstance = new LinkedHashMap<>();
                due.forEach(job -> onePerInstance.putIfAbsent(job.getProcessInstanceId(), job));
                List<Future<?>> futures = new ArrayList<>();
                for (Job job : onePerInstance.values()) {
                    futures.add(pool.submit(() -> {
                        try {
                            management.executeJob(job.getId());
                        } catch (RuntimeException e) {
                            failed.incrementAndGet(); // retried on a later page, as the executor would
                        }
                    }));
                }
                for (Future<?> future : futures) {
                    future.get();
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException(e);
        } finally {
            pool.shutdownNow();
        }
        if (failed.get() > 0) {
            print("asynchronous work: %d job runs failed and were retried", failed.get());
        }
    }

    // ---------------------------------------------------------------------------------------------
    // Bare Camunda

    private record Bare(String newModel, String oldModel) {}

    /**
     * The same completions on a copy of the app's own process with its app logic taken out, through
     * TaskService only: the same participant review process, one instance per participant (with the
     * same variables), boundary timers, candidate groups, due dates, save points and routing
     * variable, so that the engine does the same work; the delegates do nothing and the work-item
     * listener that the app attaches to every user task is removed from the copy.
     */
    private String deployBare() throws Exception {
        BpmnModelInstance model;
        try (InputStream bpmn = new ClassPathResource(ParticipantReviewModel.RESOURCE).getInputStream()) {
            model = Bpmn.readModelFromStream(bpmn);
        }
        model.<Process>getModelElementById(ParticipantReviewModel.PROCESS_KEY).setId(BARE_PROCESS);
        return deployStripped(model, "bare-participant-review.bpmn");
    }

    /**
     * Today's model before issue 11, stripped the same way: the annual cycle as one instance with a
     * parallel multi-instance branch per participant (the same branch, timers, save points and
     * routing), its delegates doing nothing, the work-item listener removed, and the participants'
     * codes read from a transient variable instead of the app's {@code cycleParticipants} bean.
     */
    private String deployBareMultiInstance() throws Exception {
        BpmnModelInstance model;
        try (InputStream bpmn = new ClassPathResource(MULTI_INSTANCE_RESOURCE).getInputStream()) {
            model = Bpmn.readModelFromStream(bpmn);
        }
        model.<Process>getModelElementById(AnnualReviewModel.PROCESS_KEY).setId(BARE_MULTI_INSTANCE_PROCESS);
        model.getModelElementsByType(MultiInstanceLoopCharacteristics.class)
                .forEach(loop -> loop.setCamundaCollection("${" + VAR_PARTICIPANTS + "}"));
        return deployStripped(model, "bare-annual-review-multi-instance.bpmn");
    }

    /** Deploys the model with its service tasks doing nothing and without the work-item listener. */
    private String deployStripped(BpmnModelInstance model, String resourceName) {
        model.getModelElementsByType(ServiceTask.class).forEach(task -> {
            task.removeAttributeNs(
                    BpmnModelConstants.CAMUNDA_NS, BpmnModelConstants.CAMUNDA_ATTRIBUTE_DELEGATE_EXPRESSION);
            task.setCamundaExpression("${null}");
        });
        String definitionId = engine.getRepositoryService()
                .createDeployment()
                .addModelInstance(resourceName, model)
                .deployWithResult()
                .getDeployedProcessDefinitions()
                .get(0)
                .getId();
        ProcessEngineConfigurationImpl configuration =
                (ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration();
        configuration.getCommandExecutorTxRequired().execute(context -> {
            withoutAppListeners(configuration.getDeploymentCache().findDeployedProcessDefinitionById(definitionId));
            return null;
        });
        return definitionId;
    }

    private VariableMap bareVariables(ReviewCycle cycle) {
        return Variables.createVariables()
                .putValue(AnnualReviewModel.VAR_CYCLE_ID, -cycle.id())
                .putValue(AnnualReviewModel.VAR_REMINDER_AT, Date.from(cycle.reminderAt()))
                .putValue(AnnualReviewModel.VAR_SUBMISSION_DUE, Date.from(cycle.submissionDue()))
                .putValue(AnnualReviewModel.VAR_WINDOW_CLOSES_AT, Date.from(cycle.windowClosesAt()));
    }

    /** The same completions through TaskService only, on the bare copy of the new model. */
    private Run bareCompletions(String definitionId, ReviewCycle cycle, List<String> participants) throws Exception {
        long workItemsBefore = workItems();
        // Like the app: one instance per participant, with the same variables (started 8 at a time,
        // not timed).
        boolean counting = StatementCounter.pause();
        concurrently(participants, participant -> engine.getRuntimeService()
                .startProcessInstanceById(
                        definitionId,
                        bareVariables(cycle)
                                .putValue(ParticipantReviewModel.VAR_PARTICIPANT, participant)
                                .putValue(
                                        ParticipantReviewModel.VAR_REVIEW_KIND,
                                        ParticipantReviewModel.REVIEW_KIND_ANNUAL)));
        StatementCounter.resume(counting);
        Phases phases = completePhases(definitionId);
        print("bare, new model: %d completions in %.1f s", phases.completed(), phases.seconds());
        counting = StatementCounter.pause();
        CpuTime asyncStart = cpu();
        long jobsStart = System.nanoTime();
        drainJobs();
        double jobsSeconds = seconds(jobsStart);
        CpuTime asyncUsed = cpu().minus(asyncStart);
        StatementCounter.resume(counting);
        assertThat(workItems()).as("no app logic in the bare run").isEqualTo(workItemsBefore);
        return new Run(phases.completed(), phases.seconds(), phases.cpu(), asyncUsed, jobsSeconds, Double.NaN);
    }

    /**
     * The same completions through TaskService only, on the bare copy of today's-before model: one
     * instance with a branch per participant (started untimed), then its save points run one after
     * another (exclusive jobs of one instance) until the branches have joined.
     */
    private Run bareMultiInstanceCompletions(String definitionId, ReviewCycle cycle, List<String> participants)
            throws Exception {
        long workItemsBefore = workItems();
        boolean counting = StatementCounter.pause();
        long startedAt = System.nanoTime();
        String instance = engine.getRuntimeService()
                .startProcessInstanceById(
                        definitionId,
                        bareVariables(cycle)
                                .putValueTyped(
                                        VAR_PARTICIPANTS,
                                        Variables.objectValue(new ArrayList<>(participants), true)
                                                .create()))
                .getId();
        double startMs = millis(startedAt);
        StatementCounter.resume(counting);
        Phases phases = completePhases(definitionId);
        counting = StatementCounter.pause();
        CpuTime asyncStart = cpu();
        long jobsStart = System.nanoTime();
        runDueJobs(instance);
        double jobsSeconds = seconds(jobsStart);
        CpuTime asyncUsed = cpu().minus(asyncStart);
        long joined = taskService
                .createTaskQuery()
                .processInstanceId(instance)
                .taskDefinitionKey("Task_PrepareAnnualMeeting")
                .count();
        engine.getRuntimeService().deleteProcessInstance(instance, "benchmark round over", true, true);
        StatementCounter.resume(counting);
        print(
                "bare, today's model: one instance of %d branches started in %.0f ms (not timed); %d completions in"
                        + " %.1f s; its save points run one after another in %.1f s%s",
                participants.size(),
                startMs,
                phases.completed(),
                phases.seconds(),
                jobsSeconds,
                joined == 1 ? ", branches joined" : ", WARNING: the branches did not join");
        assertThat(workItems()).as("no app logic in the bare run").isEqualTo(workItemsBefore);
        return new Run(phases.completed(), phases.seconds(), phases.cpu(), asyncUsed, jobsSeconds, Double.NaN);
    }

    private record Phases(int completed, double seconds, CpuTime cpu) {}

    /** Submissions, validations (every fifth returned), resubmissions and their acceptance, timed. */
    private Phases completePhases(String definitionId) throws Exception {
        CpuTime cpuStart = cpu();
        long start = System.nanoTime();
        int completed = complete(definitionId, ParticipantReviewModel.TASK_SUBMIT_REPORT, task -> Map.of());
        completed += complete(
                definitionId,
                ParticipantReviewModel.TASK_VALIDATE_REPORT,
                task -> Map.of(
                        ParticipantReviewModel.VAR_DECISION,
                        Math.floorMod(task.getExecutionId().hashCode(), 5) == 0 ? "RETURN" : "ACCEPT"));
        completed += complete(definitionId, ParticipantReviewModel.TASK_SUBMIT_REPORT, task -> Map.of());
        completed += complete(
                definitionId,
                ParticipantReviewModel.TASK_VALIDATE_REPORT,
                task -> Map.of(ParticipantReviewModel.VAR_DECISION, "ACCEPT"));
        CpuTime used = cpu().minus(cpuStart);
        return new Phases(completed, seconds(start), used);
    }

    // ---------------------------------------------------------------------------------------------
    // Statements

    /**
     * One more round at 193, not timed, with every statement sent to PostgreSQL counted: statements
     * per completion for the app and the bare copies, and the most frequent of each.
     */
    private Map<String, Double> countedRound(List<String> participants, Bare bare, boolean old) throws Exception {
        ReviewCycle cycle = openOnly("counted", participants);
        startOtherReviews(cycle);
        saveAllDrafts(cycle);
        List<String> codes = reports.list(Users.SECRETARIAT, cycle.id(), null).stream()
                .map(Report::participantCode)
                .toList();
        Map<String, Double> counted = new LinkedHashMap<>();
        StatementCounter.start();
        int app = appCompletions(cycle, false).completions();
        counted.put("app", printStatements("app", MEMBER_STATES, app, StatementCounter.stop()));
        StatementCounter.start();
        int bareNew = bareCompletions(bare.newModel(), cycle, codes).completions();
        counted.put("new", printStatements("new", MEMBER_STATES, bareNew, StatementCounter.stop()));
        if (old) {
            StatementCounter.start();
            int bareOld =
                    bareMultiInstanceCompletions(bare.oldModel(), cycle, codes).completions();
            counted.put("old", printStatements("old", MEMBER_STATES, bareOld, StatementCounter.stop()));
        }
        return counted;
    }

    private static final Map<String, String> SIDE_NAMES =
            Map.of("app", "app", "new", "bare, new model", "old", "bare, today's model");

    private double printStatements(String side, int size, int completions, List<Map.Entry<String, Long>> counted) {
        long total = counted.stream().mapToLong(Map.Entry::getValue).sum();
        double perCompletion = (double) total / completions;
        print(
                "counted round at %d, %s: %.1f statements per completion (%d completions)",
                size, SIDE_NAMES.get(side), perCompletion, completions);
        List<String> full = new ArrayList<>();
        counted.forEach(e -> full.add(
                String.format(java.util.Locale.ROOT, "%5.2f  %s", (double) e.getValue() / completions, e.getKey())));
        String file = size == MEMBER_STATES && !side.equals("old")
                ? "target/benchmark-statements-" + (side.equals("new") ? "bare" : side) + ".txt"
                : "target/benchmark-statements-" + side + "-" + size + ".txt";
        try {
            Files.write(Path.of(file), full);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        counted.stream()
                .limit(size == MEMBER_STATES && side.equals("app") ? 60 : 15)
                .forEach(e -> print(
                        "  %5.2f  %s",
                        (double) e.getValue() / completions,
                        e.getKey().length() > 160 ? e.getKey().substring(0, 160) + "..." : e.getKey()));
        print("  (all of them in %s)", file);
        return perCompletion;
    }

    // ---------------------------------------------------------------------------------------------
    // Figures

    /** What one round measured. */
    private static final class RoundFigures {
        double openMs;
        double allTasksMs;
        Run app;
        Run bareNew;
        Run bareOld;
        final Map<String, Double> statements = new LinkedHashMap<>();
    }

    /** The counted rounds of one size. */
    private static final class SizeFigures {
        final int size;
        final boolean old;
        final Series app = new Series();
        final Series bareNew = new Series();
        final Series bareOld = new Series();
        final List<Double> ratioNew = new ArrayList<>();
        final List<Double> ratioOld = new ArrayList<>();
        final List<Double> cpuRatioNew = new ArrayList<>();
        final List<Double> withJobsRatioNew = new ArrayList<>();
        final List<Double> openMs = new ArrayList<>();
        final List<Double> allTasksMs = new ArrayList<>();
        final List<Double> consolidationMs = new ArrayList<>();
        Map<String, Double> statements = Map.of();

        SizeFigures(int size, boolean old) {
            this.size = size;
            this.old = old;
        }

        void add(RoundFigures round) {
            app.add(round.app);
            bareNew.add(round.bareNew);
            ratioNew.add(round.app.perSecond() / round.bareNew.perSecond());
            cpuRatioNew.add(round.bareNew.cpuMillis() / round.app.cpuMillis());
            withJobsRatioNew.add(round.bareNew.cpuMillisWithJobs() / round.app.cpuMillisWithJobs());
            if (old) {
                bareOld.add(round.bareOld);
                ratioOld.add(round.app.perSecond() / round.bareOld.perSecond());
            }
            openMs.add(round.openMs);
            allTasksMs.add(round.allTasksMs);
            consolidationMs.add(round.app.consolidationMs());
        }
    }

    /** Per-round figures of one side. */
    private static final class Series {
        final List<Double> perSecond = new ArrayList<>();
        final List<Double> cpuMillis = new ArrayList<>();
        final List<Double> cpuMillisWithJobs = new ArrayList<>();

        void add(Run run) {
            perSecond.add(run.perSecond());
            cpuMillis.add(run.cpuMillis());
            cpuMillisWithJobs.add(run.cpuMillisWithJobs());
        }

        double perSecond() {
            return mid(perSecond);
        }
    }

    /** The summary table, one row per size (medians of the counted rounds), and the targets. */
    private void summary(List<SizeFigures> table) {
        print("");
        print("SUMMARY (medians of the counted rounds; open, all tasks and consolidation: median / highest)");
        print(
                "%-6s | %-9s | %-9s | %-9s | %-8s | %-8s | %-17s | %-17s | %-13s | %-15s | %-15s | %-15s",
                "size",
                "app/s",
                "bare new",
                "bare old",
                "app/old",
                "app/new",
                "CPU ms app/new/old",
                "stmts app/new/old",
                "open ms",
                "all tasks ms",
                "consolid. ms",
                "rounds");
        for (SizeFigures f : table) {
            print(
                    "%-6d | %-9.1f | %-9.1f | %-9s | %-8s | %-8.2f | %-17s | %-17s | %-13s | %-15s | %-15s | %-15d",
                    f.size,
                    f.app.perSecond(),
                    f.bareNew.perSecond(),
                    f.old ? String.format(java.util.Locale.ROOT, "%.1f", f.bareOld.perSecond()) : "not run",
                    f.old ? String.format(java.util.Locale.ROOT, "%.2f", mid(f.ratioOld)) : "-",
                    mid(f.ratioNew),
                    String.format(
                            java.util.Locale.ROOT,
                            "%.1f/%.1f/%s",
                            mid(f.app.cpuMillis),
                            mid(f.bareNew.cpuMillis),
                            f.old ? String.format(java.util.Locale.ROOT, "%.1f", mid(f.bareOld.cpuMillis)) : "-"),
                    String.format(
                            java.util.Locale.ROOT,
                            "%s/%s/%s",
                            statements(f, "app"),
                            statements(f, "new"),
                            statements(f, "old")),
                    medianAndMax(f.openMs),
                    medianAndMax(f.allTasksMs),
                    medianAndMax(f.consolidationMs),
                    f.app.perSecond.size());
        }
        print("");
        print("TARGETS");
        SizeFigures small = find(table, MEMBER_STATES);
        SizeFigures thousand = find(table, 1000);
        SizeFigures large = find(table, 3000);
        target(
                "app / bare on today's model >= 1.5 at 193",
                small != null && small.old ? mid(small.ratioOld) : Double.NaN,
                "%.2f",
                v -> v >= 1.5);
        target(
                "app / bare on today's model >= 3 at 1,000",
                thousand != null && thousand.old ? mid(thousand.ratioOld) : Double.NaN,
                "%.2f",
                v -> v >= 3);
        target(
                "app's completions/s at 3,000 within 20% of 193 (3,000 / 193)",
                small != null && large != null ? large.app.perSecond() / small.app.perSecond() : Double.NaN,
                "%.2f",
                v -> v >= 0.8);
        target(
                "opening a cycle < 1 s at every size (highest, ms)",
                table.stream()
                        .flatMap(f -> f.openMs.stream())
                        .mapToDouble(d -> d)
                        .max()
                        .orElse(Double.NaN),
                "%.0f",
                v -> v < 1000);
        target(
                "all 3,000 participants have their task within 15 s (highest, ms; batch jobs run in one thread)",
                large != null ? Collections.max(large.allTasksMs) : Double.NaN,
                "%.0f",
                v -> v < 15_000);
        target(
                "consolidation < 2 s after the last acceptance at every size (highest, ms)",
                table.stream()
                        .flatMap(f -> f.consolidationMs.stream())
                        .mapToDouble(d -> d)
                        .max()
                        .orElse(Double.NaN),
                "%.0f",
                v -> v < 2000);
    }

    private void target(String what, double value, String format, java.util.function.DoublePredicate met) {
        if (Double.isNaN(value)) {
            print("%s: not measured in this run", what);
        } else {
            print(
                    "%s: %s %s",
                    what, String.format(java.util.Locale.ROOT, format, value), met.test(value) ? "met" : "NOT met");
        }
    }

    private static SizeFigures find(List<SizeFigures> table, int size) {
        return table.stream().filter(f -> f.size == size).findFirst().orElse(null);
    }

    private static String statements(SizeFigures f, String side) {
        Double value = f.statements.get(side);
        return value == null ? "-" : String.format(java.util.Locale.ROOT, "%.1f", value);
    }

    private static String medianAndMax(List<Double> values) {
        return String.format(java.util.Locale.ROOT, "%.0f / %.0f", mid(values), Collections.max(values));
    }

    private static double mid(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        int n = sorted.size();
        return n % 2 == 1 ? sorted.get(n / 2) : (sorted.get(n / 2 - 1) + sorted.get(n / 2)) / 2;
    }

    private static String median(List<Double> values) {
        List<Double> sorted = values.stream().sorted().toList();
        return String.format(
                java.util.Locale.ROOT,
                "%.2f (median of %d rounds; lowest %.2f, highest %.2f)",
                mid(values),
                sorted.size(),
                sorted.get(0),
                sorted.get(sorted.size() - 1));
    }

    private static List<Integer> sizes(String property) {
        List<Integer> sizes = Arrays.stream(property.split(","))
                .map(String::trim)
                .filter(s -> !s.isEmpty())
                .map(Integer::valueOf)
                .distinct()
                .sorted()
                .collect(java.util.stream.Collectors.toCollection(ArrayList::new));
        // The member states' size first: its cycles are opened for every member state, before any
        // generated participant exists.
        if (sizes.remove(Integer.valueOf(MEMBER_STATES))) {
            sizes.add(0, MEMBER_STATES);
        }
        return List.copyOf(sizes);
    }

    private static CpuTime cpu() {
        return CpuTime.now(Path.of("target/it-postgres"));
    }

    /**
     * Completions timed on the wall clock, the CPU they used, the CPU and wall time of the work they
     * left, and (for the app) the time from the last acceptance to the consolidation.
     */
    private record Run(
            int completions, double seconds, CpuTime cpu, CpuTime jobs, double jobsSeconds, double consolidationMs) {

        double cpuMillisWithJobs() {
            return (cpu.totalMillis() + jobs.totalMillis()) / completions;
        }

        double perSecond() {
            return completions / seconds;
        }

        double cpuMillis() {
            return cpu.totalMillis() / completions;
        }

        String cpuPerCompletion() {
            return String.format(
                    java.util.Locale.ROOT,
                    "%.1f ms (%.1f + %.1f)",
                    cpuMillis(),
                    cpu.jvmNanos() / 1e6 / completions,
                    cpu.postgresNanos() / 1e6 / completions);
        }
    }

    /** Counts statements in the counted round only; a no-op switch otherwise. */
    @org.springframework.boot.test.context.TestConfiguration
    static class Counting {

        @org.springframework.context.annotation.Bean
        static StatementCounter statementCounter() {
            return new StatementCounter();
        }
    }

    private static void withoutAppListeners(ScopeImpl scope) {
        for (ActivityImpl activity : scope.getActivities()) {
            if (activity.getActivityBehavior() instanceof UserTaskActivityBehavior userTask) {
                TaskDefinition definition = userTask.getTaskDefinition();
                definition.getTaskListeners().values().forEach(l -> l.removeIf(WorkItemListener.class::isInstance));
                for (String event : List.of(
                        TaskListener.EVENTNAME_CREATE,
                        TaskListener.EVENTNAME_ASSIGNMENT,
                        TaskListener.EVENTNAME_UPDATE,
                        TaskListener.EVENTNAME_COMPLETE,
                        TaskListener.EVENTNAME_DELETE)) {
                    List<TaskListener> all = definition.getAllTaskListenersForEvent(event);
                    if (all != null) {
                        all.removeIf(WorkItemListener.class::isInstance);
                    }
                }
            }
            withoutAppListeners(activity);
        }
    }

    private long workItems() {
        return jdbc.sql("select count(*) from work_item").query(Long.class).single();
    }

    /** Completes the open tasks of the bare copy's instances (process definition {@code definitionId}). */
    private int complete(String definitionId, String key, java.util.function.Function<Task, Map<String, Object>> vars)
            throws Exception {
        List<Task> open = taskService
                .createTaskQuery()
                .processDefinitionId(definitionId)
                .taskDefinitionKey(key)
                .list();
        AtomicInteger conflicts = new AtomicInteger();
        concurrently(open, task -> {
            Map<String, Object> variables = vars.apply(task);
            if (!variables.isEmpty()) {
                engine.getRuntimeService().setVariablesLocal(task.getExecutionId(), variables);
            }
            for (int attempt = 1; ; attempt++) {
                try {
                    taskService.complete(task.getId());
                    return;
                } catch (OptimisticLockingException e) {
                    conflicts.incrementAndGet();
                    if (attempt == 5) {
                        throw e;
                    }
                }
            }
        });
        if (conflicts.get() > 0) {
            print("bare: %d optimistic-locking conflicts, retried", conflicts.get());
        }
        return open.size();
    }

    private void latencies(String what, Supplier<?> call) {
        for (int i = 0; i < 20; i++) {
            call.get();
        }
        List<Double> samples = new ArrayList<>();
        for (int i = 0; i < SAMPLES; i++) {
            long start = System.nanoTime();
            call.get();
            samples.add(millis(start));
        }
        Collections.sort(samples);
        print(
                "%s: p50 %.1f ms, p95 %.1f ms, p99 %.1f ms",
                what, percentile(samples, 50), percentile(samples, 95), percentile(samples, 99));
    }

    private static double percentile(List<Double> sorted, int p) {
        return sorted.get(Math.min(sorted.size() - 1, (int) Math.ceil(p / 100.0 * sorted.size()) - 1));
    }

    private static <T> void concurrently(List<T> items, Consumer<T> action) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(THREADS);
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (T item : items) {
                futures.add(pool.submit(() -> action.accept(item)));
            }
            for (Future<?> future : futures) {
                future.get();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static CurrentUser focalPoint(String code) {
        return new CurrentUser("fp-" + code.toLowerCase(), Set.of(Role.FOCAL_POINT), Set.of(code));
    }

    private void print(String format, Object... args) {
        String line = String.format(java.util.Locale.ROOT, format, args);
        lines.add(line);
        System.out.println("BENCHMARK " + line);
    }

    private static double millis(long start) {
        return (System.nanoTime() - start) / 1_000_000.0;
    }

    private static double seconds(long start) {
        return (System.nanoTime() - start) / 1_000_000_000.0;
    }
}
