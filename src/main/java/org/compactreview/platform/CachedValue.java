package org.compactreview.platform;

import java.time.Duration;
import java.util.function.LongSupplier;
import java.util.function.Supplier;

/**
 * A value recomputed at most once per time to live, for the operators' gauges: a Prometheus scrape
 * reads every gauge of a family (one per task type, one per cycle kind), and all of them must share
 * one database query rather than run one each. Thread-safe; a slow load blocks the other readers
 * of the same value rather than running twice.
 */
public final class CachedValue<T> {

    private final Supplier<T> load;
    private final long timeToLiveNanos;
    private final LongSupplier nanoTime;
    private T value;
    private long loadedAt;
    private boolean loaded;

    public CachedValue(Supplier<T> load, Duration timeToLive) {
        this(load, timeToLive, System::nanoTime);
    }

    CachedValue(Supplier<T> load, Duration timeToLive, LongSupplier nanoTime) {
        this.load = load;
        this.timeToLiveNanos = timeToLive.toNanos();
        this.nanoTime = nanoTime;
    }

    public synchronized T get() {
        long now = nanoTime.getAsLong();
        if (!loaded || now - loadedAt >= timeToLiveNanos) {
            value = load.get();
            loadedAt = now;
            loaded = true;
        }
        return value;
    }
}
