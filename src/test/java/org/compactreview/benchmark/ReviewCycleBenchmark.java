package org.compactreview.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.task.TaskDefinition;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.variable.Variables;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.impl.BpmnModelConstants;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.ServiceTask;
import org.compactreview.cycle.CycleKind;
import org.compactreview.cycle.CycleService;
import org.compactreview.cycle.OpenCycleRequest;
import org.compactreview.cycle.ReviewCycle;
import org.compactreview.identity.CurrentUser;
import org.compactreview.identity.Role;
import org.compactreview.platform.PageRequest;
import org.compactreview.process.AnnualReviewModel;
import org.compactreview.process.ParticipantReviewModel;
import org.compactreview.report.Report;
import org.compactreview.report.ReportService;
import org.compactreview.report.ValidationDecision;
import org.compactreview.support.Entries;
import org.compactreview.support.IntegrationTest;
import org.compactreview.support.Users;
import org.compactreview.task.TaskGateway;
import org.compactreview.task.WorkItemFilter;
import org.compactreview.task.process.WorkItemListener;
import org.compactreview.tracking.CycleBoard;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;

/**
 * The benchmark of an annual cycle for the 193 member states, on the embedded PostgreSQL, with 10
 * past cycles of history loaded: cycle-open time, completed tasks per second with 8 concurrent
 * users (20% of reports returned once), p50/p95/p99 of the inbox, the cycle status and the board,
 * and the same completions through Camunda's bare TaskService on a copy of the process without
 * app logic, as a ratio: a warm-up round (which also measures the latencies), then nine rounds,
 * app and bare alternating (and which goes first alternating), the median ratio printed with the
 * lowest and highest. Beside it, per round, the CPU per completion of the JVM and PostgreSQL, also
 * with the asynchronous work the completions leave; and after the rounds, one untimed round that
 * counts the statements per completion of each side. Run with {@code mvn -Pbenchmark verify}; it
 * prints its figures and writes them to {@code target/benchmark.txt}. Not part of {@code mvn
 * verify}: figures, not assertions, are its output.
 */
class ReviewCycleBenchmark extends IntegrationTest {

    private static final int THREADS = 8;
    private static final int HISTORY = 10;
    private static final int SAMPLES = 200;
    private static final String BARE_PROCESS = "bareAnnualReview";
    private static final int ROUNDS = 9;

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

    private final List<String> lines = new ArrayList<>();

    @Test
    void annualCycleForAllMemberStates() throws Exception {
        for (int i = 1; i <= HISTORY; i++) {
            ReviewCycle past = open("history-" + i);
            completeCycle(past, 0);
            runDueJobs(past.processInstanceId());
        }
        print("history: %d past cycles of 193 accepted reports each", HISTORY);
        String bareDefinition = deployBare();

        // App and bare runs alternate, round after round, and which goes first alternates too, so
        // that neither profits from running later (a warmer JIT, a calmer machine).
        // Round 0 warms both up (after the history load, PostgreSQL analyses the grown tables),
        // measures the latencies, and is printed but not counted.
        List<Double> ratios = new ArrayList<>();
        List<Double> cpuRatios = new ArrayList<>();
        List<Double> withJobsRatios = new ArrayList<>();
        for (int round = 0; round <= ROUNDS; round++) {
            long start = System.nanoTime();
            ReviewCycle cycle = openOnly("measured-" + round);
            print("round %d: cycle open for %d participants: %.0f ms", round, cycle.participantCount(), millis(start));
            long batches = System.nanoTime();
            runDueJobs(cycle.processInstanceId());
            print("round %d: the other participants' reviews started in batch jobs: %.0f ms", round, millis(batches));
            saveAllDrafts(cycle);
            List<String> participants = reports.list(Users.SECRETARIAT, cycle.id(), null).stream()
                    .map(Report::participantCode)
                    .toList();
            Run ours;
            Run bare;
            if (round % 2 == 1) {
                ours = appCompletions(cycle, false);
                bare = bareCompletions(bareDefinition, cycle, participants);
            } else {
                bare = bareCompletions(bareDefinition, cycle, participants);
                ours = appCompletions(cycle, round == 0);
            }
            print(
                    "round %d: app %.1f tasks/s, bare Camunda TaskService %.1f tasks/s, ratio %.2f%s%s",
                    round,
                    ours.perSecond(),
                    bare.perSecond(),
                    ours.perSecond() / bare.perSecond(),
                    round % 2 == 1 ? " (app first)" : " (bare first)",
                    round == 0 ? ", warm-up, not counted" : "");
            print(
                    "round %d: CPU per completion (JVM + PostgreSQL): app %s, bare %s, ratio %.2f",
                    round, ours.cpuPerCompletion(), bare.cpuPerCompletion(), bare.cpuMillis() / ours.cpuMillis());
            print(
                    "round %d: CPU per completion with the asynchronous work it leaves: app %.1f ms, bare %.1f ms,"
                            + " ratio %.2f",
                    round,
                    ours.cpuMillisWithJobs(),
                    bare.cpuMillisWithJobs(),
                    bare.cpuMillisWithJobs() / ours.cpuMillisWithJobs());
            if (round > 0) {
                ratios.add(ours.perSecond() / bare.perSecond());
                cpuRatios.add(bare.cpuMillis() / ours.cpuMillis());
                withJobsRatios.add(bare.cpuMillisWithJobs() / ours.cpuMillisWithJobs());
            }
        }
        print("ratio app / bare Camunda: %s", median(ratios));
        print("ratio of CPU per completion, bare / app: %s", median(cpuRatios));
        print("ratio of CPU per completion with its asynchronous work, bare / app: %s", median(withJobsRatios));
        countedRound(bareDefinition);

        Files.write(Path.of("target/benchmark.txt"), lines);
        assertThat(ratios).hasSize(ROUNDS).allSatisfy(ratio -> assertThat(ratio).isPositive());
    }

    /**
     * The app's completions on an open cycle whose drafts are saved: every submission, then every
     * validation (every fifth returned once, resubmitted and accepted), 8 users at a time; returns
     * tasks per second. The warm-up round also measures the inbox and board while 193 validations
     * are open (not timed as completions); in a counted round, the garbage and compilation those
     * thousand calls leave would weigh on the app's validations.
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
        return new Run(
                completed,
                seconds,
                new CpuTime(submitCpu.jvmNanos() + used.jvmNanos(), submitCpu.postgresNanos() + used.postgresNanos()),
                asynchronousWork(cycle.processInstanceId(), cycle.id()));
    }

    /** Opens a cycle and starts all its participants' reviews (the batches after the first are jobs). */
    private ReviewCycle open(String prefix) {
        ReviewCycle cycle = openOnly(prefix);
        runDueJobs(cycle.processInstanceId());
        return cycle;
    }

    private ReviewCycle openOnly(String prefix) {
        return cycles.open(
                new OpenCycleRequest(
                        CycleKind.ANNUAL_REVIEW,
                        uniquePeriod(prefix),
                        null,
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
        model.getModelElementsByType(ServiceTask.class).forEach(task -> {
            task.removeAttributeNs(
                    BpmnModelConstants.CAMUNDA_NS, BpmnModelConstants.CAMUNDA_ATTRIBUTE_DELEGATE_EXPRESSION);
            task.setCamundaExpression("${null}");
        });
        String definitionId = engine.getRepositoryService()
                .createDeployment()
                .addModelInstance("bare-participant-review.bpmn", model)
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

    /** The same completions through TaskService only, on the bare copy; returns tasks per second. */
    private Run bareCompletions(String definitionId, ReviewCycle cycle, List<String> participants) throws Exception {
        long workItemsBefore = workItems();
        // Like the app: one instance per participant, with the same variables.
        List<String> instances = new ArrayList<>();
        for (String participant : participants) {
            instances.add(engine.getRuntimeService()
                    .startProcessInstanceById(
                            definitionId,
                            Variables.createVariables()
                                    .putValue(AnnualReviewModel.VAR_CYCLE_ID, -cycle.id())
                                    .putValue(ParticipantReviewModel.VAR_PARTICIPANT, participant)
                                    .putValue(
                                            ParticipantReviewModel.VAR_REVIEW_KIND,
                                            ParticipantReviewModel.REVIEW_KIND_ANNUAL)
                                    .putValue(AnnualReviewModel.VAR_REMINDER_AT, Date.from(cycle.reminderAt()))
                                    .putValue(AnnualReviewModel.VAR_SUBMISSION_DUE, Date.from(cycle.submissionDue()))
                                    .putValue(
                                            AnnualReviewModel.VAR_WINDOW_CLOSES_AT, Date.from(cycle.windowClosesAt())))
                    .getId());
        }
        String pi = definitionId;
        CpuTime cpuStart = cpu();
        long start = System.nanoTime();
        int completed = complete(pi, ParticipantReviewModel.TASK_SUBMIT_REPORT, task -> Map.of());
        completed += complete(
                pi,
                ParticipantReviewModel.TASK_VALIDATE_REPORT,
                task -> Map.of(
                        ParticipantReviewModel.VAR_DECISION,
                        Math.floorMod(task.getExecutionId().hashCode(), 5) == 0 ? "RETURN" : "ACCEPT"));
        completed += complete(pi, ParticipantReviewModel.TASK_SUBMIT_REPORT, task -> Map.of());
        completed += complete(
                pi,
                ParticipantReviewModel.TASK_VALIDATE_REPORT,
                task -> Map.of(ParticipantReviewModel.VAR_DECISION, "ACCEPT"));
        CpuTime used = cpu().minus(cpuStart);
        double seconds = seconds(start);
        print("bare: %d completions", completed);
        boolean counting = StatementCounter.pause();
        CpuTime asyncStart = cpu();
        instances.forEach(this::runDueJobs);
        CpuTime asyncUsed = cpu().minus(asyncStart);
        StatementCounter.resume(counting);
        Run run = new Run(completed, seconds, used, asyncUsed);
        assertThat(workItems()).as("no app logic in the bare run").isEqualTo(workItemsBefore);
        return run;
    }

    /**
     * One more round, not timed, with every statement sent to PostgreSQL counted: statements per
     * completion for the app and the bare copy, and the most frequent of each.
     */
    private void countedRound(String bareDefinition) throws Exception {
        ReviewCycle cycle = open("counted");
        saveAllDrafts(cycle);
        List<String> participants = reports.list(Users.SECRETARIAT, cycle.id(), null).stream()
                .map(Report::participantCode)
                .toList();
        StatementCounter.start();
        int app = appCompletions(cycle, false).completions();
        printStatements("app", app, StatementCounter.stop());
        StatementCounter.start();
        int bare = bareCompletions(bareDefinition, cycle, participants).completions();
        printStatements("bare", bare, StatementCounter.stop());
    }

    private void printStatements(String side, int completions, List<Map.Entry<String, Long>> counted) {
        long total = counted.stream().mapToLong(Map.Entry::getValue).sum();
        print(
                "counted round, %s: %.1f statements per completion (%d completions)",
                side, (double) total / completions, completions);
        List<String> full = new ArrayList<>();
        counted.forEach(e -> full.add(
                String.format(java.util.Locale.ROOT, "%5.2f  %s", (double) e.getValue() / completions, e.getKey())));
        try {
            Files.write(Path.of("target/benchmark-statements-" + side + ".txt"), full);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        counted.stream()
                .limit(60)
                .forEach(e -> print(
                        "  %5.2f  %s",
                        (double) e.getValue() / completions,
                        e.getKey().length() > 160 ? e.getKey().substring(0, 160) + "..." : e.getKey()));
    }

    private static String median(List<Double> ratios) {
        List<Double> sorted = ratios.stream().sorted().toList();
        return String.format(
                java.util.Locale.ROOT,
                "%.2f (median of %d interleaved rounds; lowest %.2f, highest %.2f)",
                sorted.get(sorted.size() / 2),
                sorted.size(),
                sorted.get(0),
                sorted.get(sorted.size() - 1));
    }

    private static CpuTime cpu() {
        return CpuTime.now(Path.of("target/it-postgres"));
    }

    /**
     * The asynchronous work the completions left, run to the end one job at a time after the timed
     * part (the job executor is off): the reviews' save points and, for the app, the first step of
     * every capacity-building process they raised. Its statements are not counted. Returns the CPU
     * it used.
     */
    private CpuTime asynchronousWork(String processInstanceId, Long cycleId) {
        boolean counting = StatementCounter.pause();
        CpuTime start = cpu();
        runDueJobs(processInstanceId);
        if (cycleId != null) {
            jdbc.sql("select process_instance_id from capacity_request where cycle_id = ?")
                    .param(cycleId)
                    .query(String.class)
                    .list()
                    .forEach(this::runDueJobs);
        }
        CpuTime used = cpu().minus(start);
        StatementCounter.resume(counting);
        return used;
    }

    /** Completions timed on the wall clock, the CPU they used and the CPU of the work they left. */
    private record Run(int completions, double seconds, CpuTime cpu, CpuTime jobs) {

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

    /** Completes the open tasks of the bare participant reviews (process definition {@code definitionId}). */
    private int complete(String definitionId, String key, java.util.function.Function<Task, Map<String, Object>> vars)
            throws Exception {
        List<Task> open = taskService
                .createTaskQuery()
                .processDefinitionId(definitionId)
                .taskDefinitionKey(key)
                .list();
        concurrently(open, task -> {
            Map<String, Object> variables = vars.apply(task);
            if (!variables.isEmpty()) {
                engine.getRuntimeService().setVariablesLocal(task.getExecutionId(), variables);
            }
            taskService.complete(task.getId());
        });
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
