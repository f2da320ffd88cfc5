package org.compactreview.platform;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the embedded PostgreSQL of the default run keeps its data, and how. Tests set {@code clean}
 * so that every run starts from an empty database, and may turn {@code durable} off for speed: with
 * it off, a commit is answered before it is on disk (fsync and synchronous commit off), which is
 * fine for data thrown away after the run and wrong for anything kept.
 */
@ConfigurationProperties("compact-review.embedded-postgres")
public record EmbeddedPostgresProperties(
        @DefaultValue("./data/postgres") String dataDirectory,
        @DefaultValue("false") boolean clean,
        @DefaultValue("true") boolean durable,
        @DefaultValue("20") int maximumPoolSize) {}
