package org.newsroom.notify.api;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Sign-ups per client address: at most {@code newsroom.notify.signup-limit} per {@code signup-window} (fixed
 * windows, in memory, per instance). Enough to stop a script mail-bombing strangers through the confirmation email.
 */
@ApplicationScoped
public class SignupRateLimiter {
    private static final int MAX_TRACKED = 100_000;

    @ConfigProperty(name = "newsroom.notify.signup-limit", defaultValue = "10")
    int limit;

    @ConfigProperty(name = "newsroom.notify.signup-window", defaultValue = "1h")
    Duration window;

    Clock clock = Clock.systemUTC();

    private record Window(long start, int count) {
    }

    private final Map<String, Window> windows = new ConcurrentHashMap<>();

    /** @return true when this client may sign up once more now (and counts it) */
    public boolean tryAcquire(String client) {
        long now = clock.millis();
        if (windows.size() > MAX_TRACKED) {
            windows.values().removeIf(w -> now - w.start() >= window.toMillis());
        }
        Window updated = windows.compute(client, (key, current) -> current == null
                || now - current.start() >= window.toMillis() ? new Window(now, 1)
                : new Window(current.start(), current.count() + 1));
        return updated.count() <= limit;
    }

    public long retryAfterSeconds(String client) {
        Window current = windows.get(client);
        return current == null ? 0 : Math.max(1, (current.start() + window.toMillis() - clock.millis()) / 1000);
    }
}
