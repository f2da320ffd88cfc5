package org.compactreview.benchmark;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.compactreview.cycle.CycleKind;
import org.compactreview.cycle.CycleService;
import org.compactreview.cycle.OpenCycleRequest;
import org.compactreview.cycle.ReviewCycle;
import org.compactreview.framework.FrameworkCatalog;
import org.compactreview.identity.Role;
import org.compactreview.identity.UserDirectory;
import org.compactreview.identity.UserDraft;
import org.compactreview.process.ParticipantReviewModel;
import org.compactreview.support.GeneratedParticipants;
import org.compactreview.support.IntegrationTest;
import org.compactreview.support.Users;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * One HTTP request that moves every open task of one person to another: {@code POST
 * /api/v1/tasks/reassignments} with {@code from}, the cycle, {@code to} and a reason, as a manager.
 * Set-up (untimed): a cycle of {@code benchmark.bulk.tasks} generated participants (2,000 by
 * default, {@link GeneratedParticipants}), each with its open "submit report" task, all assigned to
 * one focal point; a colleague represents the same participants. Then {@code benchmark.bulk.rounds}
 * timed rounds (5 by default), moving everything back and forth, each round checked (every task
 * moved, none refused), and one untimed round that counts the statements sent to PostgreSQL. Prints
 * {@code BENCHMARK ...} lines and writes them to {@code target/benchmark-bulk.txt}. Runs in the
 * {@code benchmark} profile only: {@code mvn -Pbenchmark -Dit.test=BulkReassignBenchmark verify}
 * (smoke run: {@code -Dbenchmark.bulk.tasks=100 -Dbenchmark.bulk.rounds=2}).
 */
class BulkReassignBenchmark extends IntegrationTest {

    private static final int TASKS = Integer.getInteger("benchmark.bulk.tasks", 2_000);
    private static final int ROUNDS = Integer.getInteger("benchmark.bulk.rounds", 5);
    private static final String PASSWORD = "a-long-password";

    @Autowired
    FrameworkCatalog framework;

    @Autowired
    CycleService cycles;

    @Autowired
    UserDirectory directory;

    private final List<String> lines = new ArrayList<>();

    @Test
    void oneRequestMovesEveryOpenTaskOfAPerson() throws Exception {
        try (GeneratedParticipants generated =
                GeneratedParticipants.add(jdbc, framework, engine.getRuntimeService(), TASKS)) {
            long setUp = System.nanoTime();
            ReviewCycle cycle = cycles.open(
                    new OpenCycleRequest(
                            CycleKind.ANNUAL_REVIEW,
                            uniquePeriod("bulk-benchmark"),
                            generated.codes(),
                            START.plus(30, ChronoUnit.DAYS),
                            null,
                            null),
                    Users.SECRETARIAT);
            runCycleJobs(cycle.id());
            String suffix = Long.toString(System.nanoTime(), 36);
            List<String> people = List.of("fp-bulk-a-" + suffix, "fp-bulk-b-" + suffix);
            for (String username : people) {
                directory.create(
                        username,
                        PASSWORD,
                        new UserDraft(
                                username, null, null, true, Set.of(Role.FOCAL_POINT), Set.copyOf(generated.codes())));
            }
            List<String> taskIds = jdbc.sql("select task_id from work_item where cycle_id = ? and task_key = ?")
                    .params(cycle.id(), ParticipantReviewModel.TASK_SUBMIT_REPORT)
                    .query(String.class)
                    .list();
            assertThat(taskIds).hasSize(TASKS);
            taskIds.forEach(id -> engine.getTaskService().setAssignee(id, people.get(0)));
            print(
                    "bulk-reassign set-up: %d open tasks of one person in a cycle of %d participants, %d s",
                    TASKS, TASKS, (System.nanoTime() - setUp) / 1_000_000_000);

            List<Long> times = new ArrayList<>();
            int holder = 0;
            for (int round = 1; round <= ROUNDS; round++) {
                long started = System.nanoTime();
                move(cycle.id(), people.get(holder), people.get(1 - holder), "Benchmark round " + round);
                long ms = (System.nanoTime() - started) / 1_000_000;
                times.add(ms);
                holder = 1 - holder;
                print("bulk-reassign round=%d tasks=%d ms=%d tasks/s=%.0f", round, TASKS, ms, TASKS * 1000.0 / ms);
            }
            List<Long> sorted = new ArrayList<>(times);
            Collections.sort(sorted);
            long median = sorted.get(sorted.size() / 2);
            print(
                    "bulk-reassign tasks=%d rounds=%d median_ms=%d max_ms=%d min_ms=%d",
                    TASKS, ROUNDS, median, sorted.get(sorted.size() - 1), sorted.get(0));

            StatementCounter.start();
            move(cycle.id(), people.get(holder), people.get(1 - holder), "Benchmark counted round");
            List<Map.Entry<String, Long>> statements = StatementCounter.stop();
            long total = statements.stream().mapToLong(Map.Entry::getValue).sum();
            print("bulk-reassign statements=%d per_task=%.1f (untimed counted round)", total, (double) total / TASKS);
            statements.stream()
                    .limit(12)
                    .forEach(s -> print("bulk-reassign statement %7d x %s", s.getValue(), shorten(s.getKey())));

            jdbc.sql("delete from user_participant where username in (?, ?)")
                    .params(people.get(0), people.get(1))
                    .update();
        } finally {
            Files.createDirectories(Path.of("target"));
            Files.write(Path.of("target/benchmark-bulk.txt"), lines);
        }
    }

    private void move(long cycleId, String from, String to, String reason) {
        HttpHeaders headers = new HttpHeaders();
        headers.setContentType(MediaType.APPLICATION_JSON);
        String body = "{\"from\":\"" + from + "\",\"cycles\":[" + cycleId + "],\"to\":\"" + to + "\",\"reason\":\""
                + reason + "\"}";
        ResponseEntity<JsonNode> answer = as("manager")
                .postForEntity("/api/v1/tasks/reassignments", new HttpEntity<>(body, headers), JsonNode.class);
        assertThat(answer.getStatusCode().value()).isEqualTo(200);
        assertThat(answer.getBody().get("moved")).hasSize(TASKS);
        assertThat(answer.getBody().get("notMoved")).isEmpty();
    }

    private void print(String format, Object... arguments) {
        String line = format.formatted(arguments);
        lines.add(line);
        System.out.println("BENCHMARK " + line);
    }

    private static String shorten(String sql) {
        return sql.length() <= 160 ? sql : sql.substring(0, 160) + "…";
    }

    /** Counts statements in the counted round only; a no-op switch otherwise. */
    @org.springframework.boot.test.context.TestConfiguration
    static class Counting {

        @org.springframework.context.annotation.Bean
        static StatementCounter statementCounter() {
            return new StatementCounter();
        }
    }
}
