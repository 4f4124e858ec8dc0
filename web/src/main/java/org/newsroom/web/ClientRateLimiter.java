package org.newsroom.web;

import java.time.Clock;
import java.time.Duration;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * At most {@code permits} requests per key (a client address, or a client and what it acts on) in fixed windows,
 * in memory and per replica: with N replicas a client gets at most N times the limit, enough to stop a flood. Memory
 * is bounded: at most {@code maxClients} keys are tracked, and when a new key would exceed that, the key seen least
 * recently is forgotten (so a flood from many addresses costs the flooder its own budget, never our heap).
 */
public final class ClientRateLimiter {
    private final int permits;
    private final long windowMillis;
    private final int maxClients;
    private final Clock clock;
    private final LinkedHashMap<String, Window> windows = new LinkedHashMap<>(16, 0.75f, true);

    private static final class Window {
        final long start;
        int count;

        Window(long start) {
            this.start = start;
        }
    }

    public ClientRateLimiter(int permits, Duration window, int maxClients) {
        this(permits, window, maxClients, Clock.systemUTC());
    }

    public ClientRateLimiter(int permits, Duration window, int maxClients, Clock clock) {
        if (permits < 1 || window.isNegative() || window.isZero() || maxClients < 1) {
            throw new IllegalArgumentException("permits, window and maxClients must be positive");
        }
        this.permits = permits;
        this.windowMillis = window.toMillis();
        this.maxClients = maxClients;
        this.clock = clock;
    }

    /** @return 0 when the request may proceed (and it is counted), else the seconds until the key may retry */
    public synchronized long acquire(String key) {
        long now = clock.millis();
        Window window = windows.get(key);
        if (window == null || now - window.start >= windowMillis) {
            window = new Window(now);
            windows.put(key, window);
            forgetBeyondCapacity();
        }
        if (window.count >= permits) {
            return Math.max(1, (window.start + windowMillis - now + 999) / 1000);
        }
        window.count++;
        return 0;
    }

    /** How many keys are tracked now (never more than maxClients). */
    public synchronized int tracked() {
        return windows.size();
    }

    private void forgetBeyondCapacity() {
        Iterator<Map.Entry<String, Window>> leastRecent = windows.entrySet().iterator();
        while (windows.size() > maxClients && leastRecent.hasNext()) {
            leastRecent.next();
            leastRecent.remove();
        }
    }
}
