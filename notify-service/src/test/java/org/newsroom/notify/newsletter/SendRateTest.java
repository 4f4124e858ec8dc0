package org.newsroom.notify.newsletter;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class SendRateTest {
    private final AtomicLong now = new AtomicLong(1_000_000_000L);

    private void advance(Duration duration) {
        now.addAndGet(duration.toNanos());
    }

    @Test
    void spacesSendsEvenlyAtTheConfiguredRate() {
        SendRate rate = new SendRate(10, now::get);

        assertEquals(Duration.ZERO, rate.reserve());
        assertEquals(Duration.ofMillis(100), rate.reserve());
        assertEquals(Duration.ofMillis(200), rate.reserve());
        assertEquals(Duration.ofMillis(300), rate.reserve());
    }

    @Test
    void aCallerArrivingLaterWaitsOnlyForWhatIsLeftOfItsSlot() {
        SendRate rate = new SendRate(4, now::get);
        rate.reserve();
        rate.reserve();

        advance(Duration.ofMillis(400));

        assertEquals(Duration.ofMillis(100), rate.reserve());
    }

    @Test
    void anIdlePeriodBuildsNoBurst() {
        SendRate rate = new SendRate(2, now::get);
        rate.reserve();

        advance(Duration.ofSeconds(60));

        assertEquals(Duration.ZERO, rate.reserve());
        assertEquals(Duration.ofMillis(500), rate.reserve(), "one minute idle does not allow 120 sends at once");
    }

    @Test
    void thousandsPerSecondOverOneSimulatedSecond() {
        SendRate rate = new SendRate(2000, now::get);
        int sent = 0;
        long end = now.get() + Duration.ofSeconds(1).toNanos();
        while (true) {
            Duration wait = rate.reserve();
            if (now.get() + wait.toNanos() >= end) {
                break;
            }
            advance(wait);
            sent++;
        }
        assertEquals(2000, sent);
    }

    @Test
    void zeroMeansUnlimited() {
        SendRate rate = new SendRate(0, now::get);
        for (int i = 0; i < 1000; i++) {
            assertEquals(Duration.ZERO, rate.reserve());
        }
    }
}
