package org.compactreview.platform;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Where the embedded PostgreSQL of the default run keeps its data. Tests set {@code clean} so
 * that every run starts from an empty database.
 */
@ConfigurationProperties("compact-review.embedded-postgres")
public record EmbeddedPostgresProperties(
        @DefaultValue("./data/postgres") String dataDirectory,
        @DefaultValue("false") boolean clean,
        @DefaultValue("20") int maximumPoolSize) {}
