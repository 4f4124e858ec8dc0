package org.newsroom.net;

import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;

/**
 * How long to wait before calling a remote that failed again: doubling from {@code base} per failed attempt, capped
 * at {@code max}, so a remote that is down is not hammered and one that recovers is tried again within the cap.
 * {@code jitter} spreads callers that failed together: the wait is uniformly random in
 * [ceiling × (1 − jitter), ceiling] — 0 for none, 0.5 for "equal jitter", 1 for "full jitter".
 */
public record Backoff(Duration base, Duration max, double jitter) {

    public Backoff {
        if (base.isNegative() || max.compareTo(base) < 0) {
            throw new IllegalArgumentException("need 0 <= base <= max, got " + base + " and " + max);
        }
        if (jitter < 0 || jitter > 1) {
            throw new IllegalArgumentException("jitter must be within [0, 1], got " + jitter);
        }
    }

    /** @param attempt the failed attempts so far, this one included: 1 after the first failure */
    public Duration delay(int attempt) {
        long ceiling = ceiling(attempt).toMillis();
        long spread = Math.round(ceiling * jitter);
        return Duration.ofMillis(ceiling - spread + ThreadLocalRandom.current().nextLong(spread + 1));
    }

    /** The longest wait after {@code attempt} failures (the wait itself when there is no jitter). */
    public Duration ceiling(int attempt) {
        int doublings = Math.max(0, Math.min(attempt - 1, 62));
        long baseMillis = base.toMillis();
        if (baseMillis == 0 || doublings >= Long.numberOfLeadingZeros(baseMillis) - 1) {
            return baseMillis == 0 ? Duration.ZERO : max;
        }
        Duration grown = Duration.ofMillis(baseMillis << doublings);
        return grown.compareTo(max) > 0 ? max : grown;
    }
}
