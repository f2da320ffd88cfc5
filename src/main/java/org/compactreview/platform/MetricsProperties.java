package org.compactreview.platform;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * The operators' metrics ({@code compact_review_*} on {@code /actuator/prometheus}).
 *
 * @param cacheTtl how long a gauge family's query result is reused; a scrape every 15 s or more
 *     then costs one query per family, and several scrapers at once share it
 */
@ConfigurationProperties("compact-review.metrics")
public record MetricsProperties(@DefaultValue("5s") Duration cacheTtl) {}
