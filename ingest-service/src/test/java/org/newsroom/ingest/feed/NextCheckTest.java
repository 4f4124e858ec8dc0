package org.newsroom.ingest.feed;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.InetAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.newsroom.net.InternalAddresses;

class NextCheckTest {
    private static final Instant NOW = Instant.parse("2026-11-24T08:00:00Z");
    private static final Duration FIFTEEN_MINUTES = Duration.ofMinutes(15);

    @Test
    void theLongestServerHintWinsOverTheIntervalButIsCapped() {
        assertEquals(Optional.of(Duration.ofHours(2)), NextCheck.serverHint(NOW, Optional.of("public, max-age=7200"),
                Optional.empty(), Optional.of(Duration.ofMinutes(30))));
        assertEquals(Optional.of(Duration.ofHours(1)), NextCheck.serverHint(NOW, Optional.empty(),
                Optional.of("Tue, 24 Nov 2026 09:00:00 GMT"), Optional.empty()));
        assertEquals(Optional.of(Duration.ofMinutes(10)), NextCheck.serverHint(NOW, Optional.of("max-age=600"),
                Optional.of("Tue, 24 Nov 2026 12:00:00 GMT"), Optional.empty()), "max-age overrides Expires");
        assertEquals(NOW.plus(FIFTEEN_MINUTES), NextCheck.afterSuccess(NOW, FIFTEEN_MINUTES, Optional.of(Duration.ofMinutes(1))));
        assertEquals(NOW.plus(NextCheck.MAX_HINT), NextCheck.afterSuccess(NOW, FIFTEEN_MINUTES, Optional.of(Duration.ofDays(365))),
                "a feed is never parked for long");
    }

    @Test
    void backoffDoublesWithJitterUpToItsCap() {
        for (int failures = 1; failures <= 12; failures++) {
            Duration full = Duration.ofMinutes(15L << Math.min(failures - 1, 10));
            if (full.compareTo(NextCheck.MAX_BACKOFF) > 0) {
                full = NextCheck.MAX_BACKOFF;
            }
            Duration wait = Duration.between(NOW, NextCheck.afterFailure(NOW, FIFTEEN_MINUTES, failures, Optional.empty()));
            assertTrue(wait.compareTo(full.dividedBy(2)) >= 0 && wait.compareTo(full) <= 0, failures + ": " + wait);
        }
    }

    @Test
    void retryAfterInSecondsOrAsADate() {
        assertEquals(Optional.of(Duration.ofSeconds(120)), NextCheck.retryAfter(NOW, Optional.of("120")));
        assertEquals(Optional.of(Duration.ofMinutes(30)), NextCheck.retryAfter(NOW, Optional.of("Tue, 24 Nov 2026 08:30:00 GMT")));
        assertEquals(Optional.empty(), NextCheck.retryAfter(NOW, Optional.of("soon")));
        assertEquals(NOW.plus(NextCheck.MAX_HINT), NextCheck.afterFailure(NOW, FIFTEEN_MINUTES, 1, Optional.of(Duration.ofDays(30))));
    }

    @ParameterizedTest
    @ValueSource(strings = {"127.0.0.1", "10.1.2.3", "172.16.0.1", "192.168.1.1", "169.254.169.254", "224.0.0.1",
            "0.0.0.0", "100.64.0.1", "::1", "fe80::1", "fc00::1", "ff02::1", "::ffff:127.0.0.1", "::ffff:169.254.169.254"})
    void internalAddressesAreRecognised(String address) throws Exception {
        assertTrue(InternalAddresses.isInternal(InetAddress.getByName(address)), address);
    }

    @ParameterizedTest
    @ValueSource(strings = {"93.184.216.34", "8.8.8.8", "2606:2800:220:1:248:1893:25c8:1946", "172.32.0.1"})
    void publicAddressesPass(String address) throws Exception {
        assertFalse(InternalAddresses.isInternal(InetAddress.getByName(address)), address);
    }
}
