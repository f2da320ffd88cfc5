package org.compactreview.support.fault;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SimpleDriverDataSource;
import org.springframework.util.FileSystemUtils;

/**
 * The PostgreSQL that the fault tests' app processes use: outside those processes, so that killing
 * an app leaves it running, and stoppable, so that an outage can be staged. It is a second server
 * on purpose: the shared one of the integration tests must never go down. Each test class works in
 * its own database of it; it keeps its port across a stop and a start, as a real server would.
 */
public final class ExternalPostgres {

    private static final Path DATA = Path.of("target/fault-postgres").toAbsolutePath();
    private static ExternalPostgres shared;

    private final int port;
    private EmbeddedPostgres server;

    private ExternalPostgres(int port) {
        this.port = port;
    }

    /** The one server of the run, started on first use. */
    public static synchronized ExternalPostgres shared() throws IOException {
        if (shared == null) {
            FileSystemUtils.deleteRecursively(DATA);
            Files.createDirectories(DATA);
            shared = new ExternalPostgres(FreePort.next());
            shared.start();
            Runtime.getRuntime().addShutdownHook(new Thread(shared::stopQuietly));
        }
        return shared;
    }

    public synchronized void start() throws IOException {
        if (server == null) {
            server = EmbeddedPostgres.builder()
                    .setDataDirectory(DATA)
                    .setCleanDataDirectory(false)
                    .setPort(port)
                    .setRegisterShutdownHook(false)
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .setServerConfig("max_connections", "200")
                    .start();
        }
    }

    /** Stops the server the way an operator's fast shutdown does: open transactions are aborted. */
    public synchronized void stop() throws IOException {
        if (server != null) {
            server.close();
            server = null;
        }
    }

    private void stopQuietly() {
        try {
            stop();
        } catch (IOException ignored) {
            // the JVM is going away
        }
    }

    /** Creates an empty database for one test class (dropping a leftover of an earlier run). */
    public void createDatabase(String name) {
        JdbcClient admin = jdbc("postgres");
        admin.sql("drop database if exists " + name + " with (force)").update();
        admin.sql("create database " + name).update();
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://localhost:" + port + "/" + database;
    }

    /** A client for checking what the apps left in a database, one connection per statement. */
    public JdbcClient jdbc(String database) {
        return JdbcClient.create(
                new SimpleDriverDataSource(new org.postgresql.Driver(), jdbcUrl(database), "postgres", ""));
    }
}
