package org.compactreview.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class CachedValueTest {

    @Test
    void loadsOncePerTimeToLiveHoweverOftenItIsRead() {
        AtomicLong nanos = new AtomicLong(1_000);
        AtomicInteger loads = new AtomicInteger();
        CachedValue<Integer> value = new CachedValue<>(loads::incrementAndGet, Duration.ofSeconds(5), nanos::get);

        assertThat(value.get()).isEqualTo(1);
        nanos.addAndGet(Duration.ofMillis(4_999).toNanos());
        for (int i = 0; i < 10; i++) {
            assertThat(value.get()).isEqualTo(1);
        }
        nanos.addAndGet(Duration.ofMillis(1).toNanos());
        assertThat(value.get()).isEqualTo(2);
        assertThat(loads).hasValue(2);
    }
}
