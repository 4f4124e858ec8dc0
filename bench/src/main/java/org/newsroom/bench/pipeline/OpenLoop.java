package org.newsroom.bench.pipeline;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.IntFunction;

/**
 * Requests sent at fixed intended times, whatever the answers do: the scheduler starts each one at its time and never
 * waits for an answer, so a slow answer delays no later request (no coordinated omission). Latencies are to be
 * measured from {@link #intended(int)}, not from when a request happened to go out.
 */
final class OpenLoop {
    /** Lead time before the first request, so that scheduling them all does not delay it. */
    private static final long LEAD_NANOS = TimeUnit.MILLISECONDS.toNanos(500);

    private final long start = System.nanoTime() + LEAD_NANOS;
    /** The wall-clock time of {@link #start}: what a service's timestamps are compared with. */
    private final long startEpochMillis = System.currentTimeMillis() + TimeUnit.NANOSECONDS.toMillis(LEAD_NANOS);

    private final long period;
    private final AtomicLong maxLag = new AtomicLong();

    OpenLoop(double perSecond) {
        this.period = Math.round(1e9 / perSecond);
    }

    /** The System.nanoTime at which request {@code i} is due. */
    long intended(int i) {
        return start + i * period;
    }

    /** The epoch milliseconds at which request {@code i} is due. */
    long intendedEpochMillis(int i) {
        return startEpochMillis + TimeUnit.NANOSECONDS.toMillis(i * period);
    }

    /** The most a request went out after its intended time: how far the load generator itself fell behind. */
    double maxLagMillis() {
        return maxLag.get() / 1e6;
    }

    /**
     * Schedules request {@code i} for i in [0, count) at its intended time and returns at once, so that the caller
     * watches the answers and their effects while the requests go out. {@code send} must not block: it returns the
     * answer to come.
     */
    void start(int count, IntFunction<CompletableFuture<?>> send) {
        ScheduledExecutorService scheduler = Executors.newScheduledThreadPool(2);
        for (int i = 0; i < count; i++) {
            int request = i;
            scheduler.schedule(
                    () -> {
                        maxLag.accumulateAndGet(System.nanoTime() - intended(request), Math::max);
                        send.apply(request);
                    },
                    intended(request) - System.nanoTime(),
                    TimeUnit.NANOSECONDS);
        }
        // The scheduled requests still go out; the threads end after the last one.
        scheduler.shutdown();
    }
}
