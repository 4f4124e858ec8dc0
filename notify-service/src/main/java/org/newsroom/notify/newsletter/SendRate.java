package org.newsroom.notify.newsletter;

import java.time.Duration;
import java.util.function.LongSupplier;

/**
 * Paces sends to at most {@code perSecond} emails a second across all sending threads, so a large edition does not
 * trip the relay's own throttling. Each caller reserves the next free slot and waits until it comes; a pause leaves
 * no burst to catch up (slots are never banked beyond one).
 */
public final class SendRate {
    private final long intervalNanos;
    private final LongSupplier clock;
    private long nextSlot;

    /** @param perSecond emails per second; 0 or less means unlimited */
    public SendRate(double perSecond, LongSupplier nanoClock) {
        this.intervalNanos = perSecond <= 0 ? 0 : Math.max(1, Math.round(1_000_000_000d / perSecond));
        this.clock = nanoClock;
        this.nextSlot = nanoClock.getAsLong();
    }

    public static SendRate perSecond(double perSecond) {
        return new SendRate(perSecond, System::nanoTime);
    }

    /** Reserves the next send slot. @return how long the caller must wait before sending (zero if it may now) */
    public synchronized Duration reserve() {
        if (intervalNanos == 0) {
            return Duration.ZERO;
        }
        long now = clock.getAsLong();
        long slot = Math.max(nextSlot, now);
        nextSlot = slot + intervalNanos;
        return Duration.ofNanos(slot - now);
    }

    /** Blocks until the reserved slot comes. */
    public void acquire() throws InterruptedException {
        Duration wait = reserve();
        if (!wait.isZero()) {
            Thread.sleep(wait.toMillis(), (int) (wait.toNanos() % 1_000_000));
        }
    }
}
