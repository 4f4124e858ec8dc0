package org.newsroom.editorial.feedback;

import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * A sliding one-minute window of requests per client address. In memory, so per replica: with N replicas a client
 * gets at most N times the limit, which is enough to stop a flood of public feedback.
 */
@ApplicationScoped
public class RateLimiter {
    private static final Duration WINDOW = Duration.ofMinutes(1);

    @ConfigProperty(name = "newsroom.feedback.per-client-per-minute")
    int perMinute;

    private final ConcurrentHashMap<String, Deque<Instant>> windows = new ConcurrentHashMap<>();

    /** @return zero if the request may proceed, else the seconds until it may be retried */
    public long acquire(String client) {
        Instant now = Instant.now();
        Deque<Instant> window = windows.computeIfAbsent(client, c -> new ArrayDeque<>());
        synchronized (window) {
            while (!window.isEmpty() && window.peekFirst().isBefore(now.minus(WINDOW))) {
                window.pollFirst();
            }
            if (window.size() >= perMinute) {
                return Math.max(1, Duration.between(now, window.peekFirst().plus(WINDOW)).toSeconds());
            }
            window.addLast(now);
            return 0;
        }
    }
}
