package org.compactreview.cycle;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.util.Map;
import org.compactreview.platform.CachedValue;
import org.compactreview.platform.MetricsProperties;
import org.springframework.stereotype.Component;

/**
 * {@code compact_review_open_cycles{kind}}: cycles of each kind not yet closed (open, consolidated,
 * meeting prepared, or a conference's later stages). Every kind has its gauge, zero included, so a
 * dashboard never loses a series; one grouped query serves them all.
 */
@Component
class CycleMetrics implements MeterBinder {

    private final CachedValue<Map<CycleKind, Long>> openByKind;

    CycleMetrics(CycleRepository cycles, MetricsProperties properties) {
        this.openByKind = new CachedValue<>(cycles::openCountsByKind, properties.cacheTtl());
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        for (CycleKind kind : CycleKind.values()) {
            Gauge.builder("compact_review_open_cycles", openByKind, counts -> counts.get()
                            .getOrDefault(kind, 0L))
                    .description("Review cycles not yet closed, by kind")
                    .tag("kind", kind.name())
                    .register(registry);
        }
    }
}
