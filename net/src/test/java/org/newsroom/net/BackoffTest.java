package org.newsroom.net;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import org.junit.jupiter.api.Test;

class BackoffTest {
    private static final Duration SECOND = Duration.ofSeconds(1);
    private static final Duration MINUTE = Duration.ofMinutes(1);

    @Test
    void withoutJitterTheWaitDoublesUpToTheCap() {
        Backoff backoff = new Backoff(SECOND, MINUTE, 0);
        assertEquals(SECOND, backoff.delay(1));
        assertEquals(Duration.ofSeconds(2), backoff.delay(2));
        assertEquals(Duration.ofSeconds(32), backoff.delay(6));
        assertEquals(MINUTE, backoff.delay(7));
        assertEquals(MINUTE, backoff.delay(1_000));
    }

    @Test
    void equalJitterWaitsBetweenHalfAndAllOfTheCeiling() {
        Backoff backoff = new Backoff(SECOND, MINUTE, 0.5);
        long shortest = Long.MAX_VALUE;
        long longest = 0;
        for (int i = 0; i < 2_000; i++) {
            long wait = backoff.delay(4).toMillis();
            shortest = Math.min(shortest, wait);
            longest = Math.max(longest, wait);
        }
        assertTrue(shortest >= 4_000 && longest <= 8_000, shortest + ".." + longest);
        assertTrue(longest - shortest > 3_000, "the waits spread out: " + shortest + ".." + longest);
    }

    @Test
    void fullJitterMayNotWaitAtAll() {
        Backoff backoff = new Backoff(SECOND, MINUTE, 1);
        long shortest = Long.MAX_VALUE;
        for (int i = 0; i < 2_000; i++) {
            shortest = Math.min(shortest, backoff.delay(1).toMillis());
        }
        assertTrue(shortest < 100, "shortest " + shortest);
    }

    @Test
    void nonsenseIsRefusedAtConstruction() {
        assertThrows(IllegalArgumentException.class, () -> new Backoff(MINUTE, SECOND, 0));
        assertThrows(IllegalArgumentException.class, () -> new Backoff(SECOND, MINUTE, 1.5));
    }
}
