package org.newsroom.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class ClientRateLimiterTest {
    private final MutableClock clock = new MutableClock();

    @Test
    void aKeyGetsItsPermitsPerWindowThenTheSecondsUntilTheWindowEnds() {
        ClientRateLimiter limiter = new ClientRateLimiter(2, Duration.ofMinutes(1), 10, clock);
        assertEquals(0, limiter.acquire("203.0.113.7"));
        assertEquals(0, limiter.acquire("203.0.113.7"));
        clock.advance(Duration.ofSeconds(20));
        assertEquals(40, limiter.acquire("203.0.113.7"));
        assertEquals(0, limiter.acquire("198.51.100.1"), "another client has its own budget");
        clock.advance(Duration.ofSeconds(40));
        assertEquals(0, limiter.acquire("203.0.113.7"), "a new window starts once the old one ended");
    }

    @Test
    void memoryStaysBoundedUnderAFloodOfAddressesAndTheMostRecentClientsKeepTheirCount() {
        ClientRateLimiter limiter = new ClientRateLimiter(1, Duration.ofHours(1), 100, clock);
        assertEquals(0, limiter.acquire("regular"));
        for (int i = 0; i < 10_000; i++) {
            limiter.acquire("flood-" + i);
            if (i % 50 == 0) {
                assertTrue(limiter.acquire("regular") > 0, "a recently seen client is not forgotten");
            }
        }
        assertTrue(limiter.tracked() <= 100, "tracked " + limiter.tracked());
    }

    private static final class MutableClock extends Clock {
        private Instant now = Instant.parse("2026-12-04T12:00:00Z");

        void advance(Duration by) {
            now = now.plus(by);
        }

        @Override
        public Instant instant() {
            return now;
        }

        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }
    }
}
