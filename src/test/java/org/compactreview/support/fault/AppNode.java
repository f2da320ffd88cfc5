package org.compactreview.support.fault;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.awaitility.Awaitility;

/**
 * One Compact Review node: the real application in a JVM of its own, on the external PostgreSQL
 * or, as the default run, on an embedded one of its own, with its job executor on, as an operator
 * runs it. {@link #kill()} is SIGKILL: no shutdown hook,
 * no pool closing, no job unlocking. Its log is kept in {@code target/fault-logs}.
 */
public final class AppNode implements AutoCloseable {

    private static final Path LOGS = Path.of("target/fault-logs");

    private final String name;
    private final List<String> command;
    private final int port;
    private Process process;

    private AppNode(String name, List<String> command, int port) {
        this.name = name;
        this.command = command;
        this.port = port;
    }

    /**
     * A node on {@code databaseUrl}, mailing to {@code smtpPort}, with the demo users. The extra
     * settings are Spring properties (e.g. a short job lock time, so a dead node's jobs are taken
     * over within the test).
     */
    public static AppNode on(String name, String databaseUrl, int smtpPort, Map<String, String> settings) {
        return create(
                name,
                List.of(
                        "--spring.datasource.url=" + databaseUrl,
                        "--spring.datasource.username=postgres",
                        "--spring.datasource.password=",
                        "--compact-review.mail.enabled=true",
                        "--spring.mail.host=127.0.0.1",
                        "--spring.mail.port=" + smtpPort),
                settings);
    }

    /**
     * A node as {@code mvn spring-boot:run} runs it: no database URL, so it starts its own embedded
     * PostgreSQL, durable, on {@code dataDirectory} (kept across restarts), with the demo users.
     */
    public static AppNode embedded(String name, Path dataDirectory, Map<String, String> settings) {
        return create(
                name,
                List.of("--compact-review.embedded-postgres.data-directory=" + dataDirectory.toAbsolutePath()),
                settings);
    }

    private static AppNode create(String name, List<String> database, Map<String, String> settings) {
        int port = FreePort.next();
        List<String> command = new ArrayList<>(List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx768m",
                "-XX:TieredStopAtLevel=1",
                "-cp",
                classpath(),
                "org.compactreview.CompactReviewApplication",
                "--server.port=" + port,
                "--compact-review.initial-users.demo-users=true",
                "--camunda.bpm.generate-unique-process-engine-name=false",
                // The engine's host name is written with every job it runs (act_hi_job_log).
                "--camunda.bpm.generic-properties.properties.hostname=" + name,
                "--logging.level.root=warn",
                "--logging.level.org.compactreview=info"));
        command.addAll(database);
        settings.forEach((key, value) -> command.add("--" + key + "=" + value));
        return new AppNode(name, command, port);
    }

    /**
     * The test's classpath without empty entries: Maven's ends with one, which would put the
     * working directory, and so the top-level bpmn/ folder, on the classpath a second time.
     */
    private static String classpath() {
        return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> !entry.isBlank())
                .collect(Collectors.joining(File.pathSeparator));
    }

    /** Starts the node and waits until it answers healthy (it applies migrations on first start). */
    public AppNode start() throws IOException {
        launch();
        File log = logFile().toFile();
        HttpClient client =
                HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
        Awaitility.await(name + " healthy")
                .atMost(Duration.ofMinutes(3))
                .pollInterval(Duration.ofMillis(500))
                .ignoreExceptionsInstanceOf(IOException.class)
                .until(() -> {
                    if (!process.isAlive()) {
                        throw new IllegalStateException(name + " exited; see " + log);
                    }
                    HttpResponse<String> health = client.send(
                            HttpRequest.newBuilder(URI.create(baseUri() + "/actuator/health"))
                                    .timeout(Duration.ofSeconds(2))
                                    .build(),
                            HttpResponse.BodyHandlers.ofString());
                    return health.statusCode() == 200;
                });
        return this;
    }

    /** Starts the node's process without waiting for it, e.g. for a node expected to refuse to start. */
    public AppNode launch() throws IOException {
        Files.createDirectories(LOGS);
        process = new ProcessBuilder(command)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(logFile().toFile()))
                .start();
        return this;
    }

    /** Waits until the process ends by itself and answers its exit code. */
    public int awaitExit(Duration within) throws InterruptedException {
        if (!process.waitFor(within.toMillis(), java.util.concurrent.TimeUnit.MILLISECONDS)) {
            throw new IllegalStateException(name + " still running after " + within);
        }
        return process.exitValue();
    }

    /** What the node logged, across its starts. */
    public String log() throws IOException {
        return Files.readString(logFile());
    }

    public long pid() {
        return process.pid();
    }

    private Path logFile() {
        return LOGS.resolve(name + ".log");
    }

    /** SIGKILL, then waits until the process is gone. */
    public void kill() {
        process.destroyForcibly();
        try {
            process.waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    public boolean alive() {
        return process != null && process.isAlive();
    }

    public String baseUri() {
        return "http://localhost:" + port;
    }

    public String name() {
        return name;
    }

    @Override
    public void close() throws InterruptedException {
        if (alive()) {
            process.destroy();
            if (!process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)) {
                kill();
            }
        }
    }
}
