package org.compactreview.fault;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;
import org.awaitility.Awaitility;
import org.compactreview.support.fault.Api;
import org.compactreview.support.fault.AppNode;
import org.compactreview.support.fault.ReviewWork;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import org.springframework.util.FileSystemUtils;

/**
 * The default run (no database URL: the app's own embedded PostgreSQL on a data directory) after
 * crashes: what was answered 2xx survives a SIGKILL of the app and its PostgreSQL together; after a
 * SIGKILL of the app alone, the next start replaces the PostgreSQL left running, by itself; and a
 * second app on a directory in use refuses to start without disturbing the first. The cases run in
 * order on one directory, each starting from the app the case before left running: every app start
 * costs seconds.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EmbeddedPostgresRestartIT {

    private static final Path DATA = Path.of("target/restart-postgres/postgres").toAbsolutePath();
    private static final Path LOGS = Path.of("target/fault-logs");
    private static final int PARTICIPANTS = 4;

    private final List<AppNode> nodes = new ArrayList<>();
    private final Map<String, String> figures = new LinkedHashMap<>();
    /** What the server acknowledged: report id to its status then; and how many writes in all. */
    private final Map<Long, String> acknowledgedStatus = new LinkedHashMap<>();

    private int acknowledgedWrites;
    private Duration lastStart;
    private long cycleId;
    private AppNode live;

    @BeforeAll
    void emptyDirectory() throws IOException {
        FileSystemUtils.deleteRecursively(DATA.getParent());
        try (Stream<Path> logs = Files.list(Files.createDirectories(LOGS))) {
            for (Path log : logs.filter(log -> log.getFileName().toString().startsWith("restart-"))
                    .toList()) {
                Files.delete(log);
            }
        }
    }

    @AfterAll
    void stopEverything() throws Exception {
        for (AppNode node : nodes) {
            node.close();
        }
        // A case that failed halfway may leave a postmaster without its app.
        postmaster().ifPresent(ProcessHandle::destroyForcibly);
        System.out.println("embedded restart: " + figures);
    }

    @Test
    @Order(1)
    void acknowledgedWritesSurviveKillingTheAppAndItsPostgresTogether() throws Exception {
        live = timedStart("restart-1", "first start (initdb, migrations)");
        assertThat(setting("fsync")).isEqualTo("on");
        assertThat(setting("synchronous_commit")).isEqualTo("on");
        assertThat(setting("full_page_writes")).isEqualTo("on");

        Api api = new Api(List.of(live));
        List<String> participants = db().sql(
                        "select code from participant where kind = 'MEMBER_STATE' order by code limit ?")
                .param(PARTICIPANTS)
                .query(String.class)
                .list();
        ReviewWork.createFocalPoint(api, participants);
        acknowledgedWrites++;
        JsonNode cycle = ok(api.post(
                ReviewWork.SECRETARIAT,
                "/api/v1/cycles",
                Map.of(
                        "kind",
                        "ANNUAL_REVIEW",
                        "period",
                        "restart",
                        "participants",
                        participants,
                        "submissionDue",
                        Instant.now().plus(30, ChronoUnit.DAYS).toString())));
        cycleId = cycle.get("id").asLong();
        acknowledgedWrites++;
        for (JsonNode report : ok(api.get(ReviewWork.SECRETARIAT, "/api/v1/reports?cycleId=" + cycleId))) {
            saveAndSubmit(api, report.get("id").asLong());
        }
        long lastAccepted = acknowledgedStatus.keySet().iterator().next();
        accept(api, lastAccepted);
        assertThat(acknowledgedStatus).hasSize(PARTICIPANTS);

        // The last write was answered a moment ago; now the app and every PostgreSQL process die.
        ProcessHandle postmaster = postmaster().orElseThrow();
        List<ProcessHandle> postgres =
                Stream.concat(Stream.of(postmaster), postmaster.descendants()).toList();
        postgres.forEach(ProcessHandle::destroyForcibly);
        live.kill();
        awaitGone(postgres);
        assertThat(Files.exists(DATA.resolve("postmaster.pid")))
                .as("a stale postmaster.pid is left")
                .isTrue();

        live = timedStart("restart-2", "start after app and PostgreSQL killed (WAL replay)");
        assertAcknowledgedWritesKept();
    }

    @Test
    @Order(2)
    void aPostgresLeftRunningByAKilledAppIsReplacedOnTheNextStart() throws Exception {
        long reportId = acknowledgedStatus.keySet().stream()
                .filter(id -> acknowledgedStatus.get(id).equals("SUBMITTED"))
                .findFirst()
                .orElseThrow();
        accept(new Api(List.of(live)), reportId);
        ProcessHandle orphan = postmaster().orElseThrow();

        live.kill();
        assertThat(orphan.isAlive())
                .as("PostgreSQL outlives a SIGKILL of its app")
                .isTrue();
        assertThat(postmaster()).as("and still holds postmaster.pid").contains(orphan);

        live = timedStart("restart-3", "start with the orphan replaced");
        assertThat(lastStart)
                .as("well within the 60 s the server start waits before giving up")
                .isLessThan(Duration.ofSeconds(45));
        assertThat(orphan.isAlive()).as("the orphan is stopped").isFalse();
        assertThat(postmaster()).isPresent().get().isNotEqualTo(orphan);
        assertThat(live.log()).contains("Stopped the PostgreSQL (pid " + orphan.pid() + ") on " + DATA);
        assertAcknowledgedWritesKept();
    }

    @Test
    @Order(3)
    void aSecondAppOnADirectoryInUseRefusesToStartAndTheFirstKeepsWorking() throws Exception {
        ProcessHandle postmaster = postmaster().orElseThrow();
        long started = System.nanoTime();
        AppNode second = node("restart-second").launch();

        int exitCode = second.awaitExit(Duration.ofMinutes(2));
        figures.put("refusal ms", Long.toString((System.nanoTime() - started) / 1_000_000));
        assertThat(exitCode).as("the second app's exit code").isNotZero();
        assertThat(second.log())
                .contains("The embedded PostgreSQL data directory " + DATA
                        + " is in use by another running Compact Review (process " + live.pid() + ")");
        assertThat(postmaster.isAlive())
                .as("the first app's PostgreSQL is untouched")
                .isTrue();
        assertThat(postmaster()).contains(postmaster);

        Api api = new Api(List.of(live));
        assertAcknowledgedWritesKept();
        long reportId = acknowledgedStatus.keySet().stream()
                .filter(id -> acknowledgedStatus.get(id).equals("SUBMITTED"))
                .findFirst()
                .orElseThrow();
        accept(api, reportId);
        assertAcknowledgedWritesKept();
        figures.put("acknowledged writes", Integer.toString(acknowledgedWrites));
    }

    private AppNode node(String name) {
        AppNode node = AppNode.embedded(name, DATA, Map.of());
        nodes.add(node);
        return node;
    }

    private AppNode timedStart(String name, String what) throws IOException {
        long started = System.nanoTime();
        AppNode node = node(name).start();
        lastStart = Duration.ofNanos(System.nanoTime() - started);
        figures.put(what + " ms", Long.toString(lastStart.toMillis()));
        return node;
    }

    private void saveAndSubmit(Api api, long reportId) throws IOException {
        String path = "/api/v1/reports/" + reportId;
        JsonNode report = ok(api.get(ReviewWork.FOCAL_POINT, path));
        ok(api.put(ReviewWork.FOCAL_POINT, path, ReviewWork.draft(report)));
        acknowledgedWrites++;
        ok(api.post(ReviewWork.FOCAL_POINT, path + "/submit", Map.of()));
        acknowledgedWrites++;
        acknowledgedStatus.put(reportId, "SUBMITTED");
    }

    private void accept(Api api, long reportId) throws IOException {
        ok(api.post(
                ReviewWork.SECRETARIAT, "/api/v1/reports/" + reportId + "/validation", Map.of("decision", "ACCEPT")));
        acknowledgedWrites++;
        acknowledgedStatus.put(reportId, "ACCEPTED");
    }

    /** Every report as acknowledged, with the text its focal point saved; read through the API. */
    private void assertAcknowledgedWritesKept() throws IOException {
        Api api = new Api(List.of(live));
        api.password(ReviewWork.FOCAL_POINT, ReviewWork.FOCAL_POINT_PASSWORD);
        assertThat(ok(api.get(ReviewWork.SECRETARIAT, "/api/v1/cycles/" + cycleId))
                        .get("period")
                        .asText())
                .isEqualTo("restart");
        for (Map.Entry<Long, String> acknowledged : acknowledgedStatus.entrySet()) {
            JsonNode report = ok(api.get(ReviewWork.FOCAL_POINT, "/api/v1/reports/" + acknowledged.getKey()));
            assertThat(report.get("status").asText())
                    .as("report %d", acknowledged.getKey())
                    .isEqualTo(acknowledged.getValue());
            assertThat(report.get("submittedVersion").asInt()).isEqualTo(1);
            assertThat(report.get("entries")).hasSize(23);
            assertThat(report.get("entries").get(6).get("achievements").asText())
                    .isEqualTo(report.get("participantCode").asText() + ": progress on objective 7");
        }
    }

    /** The live process that the data directory's postmaster.pid names, if any. */
    private static Optional<ProcessHandle> postmaster() throws IOException {
        Path pidFile = DATA.resolve("postmaster.pid");
        if (!Files.exists(pidFile)) {
            return Optional.empty();
        }
        return ProcessHandle.of(
                        Long.parseLong(Files.readAllLines(pidFile).get(0).strip()))
                .filter(ProcessHandle::isAlive);
    }

    private static void awaitGone(List<ProcessHandle> processes) {
        Awaitility.await("PostgreSQL's processes gone")
                .atMost(Duration.ofSeconds(30))
                .until(() -> processes.stream().noneMatch(ProcessHandle::isAlive));
    }

    /** The running server's setting, asked on a connection of its own. */
    private static String setting(String name) throws IOException {
        return db().sql("show " + name).query(String.class).single();
    }

    /** A client of the embedded server, one connection per statement (port from postmaster.pid). */
    private static JdbcClient db() throws IOException {
        String port = Files.readAllLines(DATA.resolve("postmaster.pid")).get(3).strip();
        return JdbcClient.create(new SimpleDriverDataSource(
                new org.postgresql.Driver(), "jdbc:postgresql://localhost:" + port + "/postgres", "postgres", ""));
    }

    private static JsonNode ok(Api.Answer answer) {
        assertThat(answer.status()).as("answer %s", answer.body()).isBetween(200, 299);
        return answer.body();
    }
}
