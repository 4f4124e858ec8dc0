package org.newsroom.ingest.feed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class NextCheckTest {
    private static final Instant NOW = Instant.parse("2026-11-24T08:00:00Z");
    private static final Duration FIFTEEN_MINUTES = Duration.ofMinutes(15);

    @Test
    void theLongestServerHintWinsOverTheIntervalButIsCapped() {
        assertEquals(
                Optional.of(Duration.ofHours(2)),
                NextCheck.serverHint(
                        NOW,
                        Optional.of("public, max-age=7200"),
                        Optional.empty(),
                        Optional.of(Duration.ofMinutes(30))));
        assertEquals(
                Optional.of(Duration.ofHours(1)),
                NextCheck.serverHint(
                        NOW, Optional.empty(), Optional.of("Tue, 24 Nov 2026 09:00:00 GMT"), Optional.empty()));
        assertEquals(
                Optional.of(Duration.ofMinutes(10)),
                NextCheck.serverHint(
                        NOW,
                        Optional.of("max-age=600"),
                        Optional.of("Tue, 24 Nov 2026 12:00:00 GMT"),
                        Optional.empty()),
                "max-age overrides Expires");
        assertEquals(
                NOW.plus(FIFTEEN_MINUTES),
                NextCheck.afterSuccess(NOW, FIFTEEN_MINUTES, Optional.of(Duration.ofMinutes(1))));
        assertEquals(
                NOW.plus(NextCheck.MAX_HINT),
                NextCheck.afterSuccess(NOW, FIFTEEN_MINUTES, Optional.of(Duration.ofDays(365))),
                "a feed is never parked for long");
    }

    @Test
    void backoffDoublesWithJitterUpToItsCap() {
        for (int failures = 1; failures <= 12; failures++) {
            Duration full = Duration.ofMinutes(15L << Math.min(failures - 1, 10));
            if (full.compareTo(NextCheck.MAX_BACKOFF) > 0) {
                full = NextCheck.MAX_BACKOFF;
            }
            Duration wait =
                    Duration.between(NOW, NextCheck.afterFailure(NOW, FIFTEEN_MINUTES, failures, Optional.empty()));
            assertTrue(wait.compareTo(full.dividedBy(2)) >= 0 && wait.compareTo(full) <= 0, failures + ": " + wait);
        }
    }

    @Test
    void backoffStartsFromThePollIntervalButWithinItsBounds() {
        Duration afterAShortInterval =
                Duration.between(NOW, NextCheck.afterFailure(NOW, Duration.ofSeconds(5), 1, Optional.empty()));
        assertTrue(
                afterAShortInterval.compareTo(Duration.ofSeconds(15)) >= 0
                        && afterAShortInterval.compareTo(Duration.ofSeconds(30)) <= 0,
                afterAShortInterval.toString());
        Duration afterAWeeklyFeed =
                Duration.between(NOW, NextCheck.afterFailure(NOW, Duration.ofDays(7), 1, Optional.empty()));
        assertTrue(
                afterAWeeklyFeed.compareTo(NextCheck.MAX_BACKOFF.dividedBy(2)) >= 0
                        && afterAWeeklyFeed.compareTo(NextCheck.MAX_BACKOFF) <= 0,
                afterAWeeklyFeed.toString());
    }

    @Test
    void retryAfterInSecondsOrAsADate() {
        assertEquals(Optional.of(Duration.ofSeconds(120)), NextCheck.retryAfter(NOW, Optional.of("120")));
        assertEquals(
                Optional.of(Duration.ofMinutes(30)),
                NextCheck.retryAfter(NOW, Optional.of("Tue, 24 Nov 2026 08:30:00 GMT")));
        assertEquals(Optional.empty(), NextCheck.retryAfter(NOW, Optional.of("soon")));
        assertEquals(
                NOW.plus(NextCheck.MAX_HINT),
                NextCheck.afterFailure(NOW, FIFTEEN_MINUTES, 1, Optional.of(Duration.ofDays(30))));
    }
}
