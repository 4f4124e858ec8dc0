package org.newsroom.ingest.feed;

import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.newsroom.net.Backoff;

/**
 * When to look at a feed again. After a success: the poll interval, or later if the server (Cache-Control max-age,
 * Expires) or the feed (RSS ttl) asks for it. After a failure: exponential backoff with jitter (net's {@link Backoff},
 * newsroom's one backoff), or later if the server says Retry-After. Every wait is capped, so a feed is never parked
 * forever and recovers by itself.
 */
public final class NextCheck {
    /** No server hint makes us wait longer than this. */
    public static final Duration MAX_HINT = Duration.ofHours(24);
    /** Backoff grows up to this. */
    public static final Duration MAX_BACKOFF = Duration.ofHours(6);
    /** Backoff starts from the poll interval, but never below this: a failing server gets a breather. */
    static final Duration MIN_BACKOFF = Duration.ofSeconds(30);
    /** "Equal jitter": between half and all of the backoff, so that feeds failing together spread out. */
    static final double JITTER = 0.5;

    private static final Pattern MAX_AGE = Pattern.compile("(?:^|[,\\s])max-age\\s*=\\s*\"?(\\d+)");

    private NextCheck() {}

    public static Instant afterSuccess(Instant now, Duration interval, Optional<Duration> serverHint) {
        Duration wait = interval;
        if (serverHint.isPresent() && serverHint.get().compareTo(wait) > 0) {
            wait = min(serverHint.get(), MAX_HINT);
        }
        return now.plus(wait);
    }

    /** {@code failures} counts this one: 1 after the first failure. */
    public static Instant afterFailure(Instant now, Duration interval, int failures, Optional<Duration> retryAfter) {
        Duration base = min(max(interval, MIN_BACKOFF), MAX_BACKOFF);
        Duration wait = new Backoff(base, MAX_BACKOFF, JITTER).delay(failures);
        if (retryAfter.isPresent() && retryAfter.get().compareTo(wait) > 0) {
            wait = min(retryAfter.get(), MAX_HINT);
        }
        return now.plus(wait);
    }

    /** The longest of Cache-Control max-age, Expires and the feed's ttl. */
    public static Optional<Duration> serverHint(
            Instant now, Optional<String> cacheControl, Optional<String> expires, Optional<Duration> feedTtl) {
        Duration hint = null;
        if (cacheControl.isPresent()) {
            Matcher m = MAX_AGE.matcher(cacheControl.get().toLowerCase());
            if (m.find()) {
                hint = seconds(m.group(1));
            }
        }
        if (expires.isPresent()
                && cacheControl
                        .map(c -> !MAX_AGE.matcher(c.toLowerCase()).find())
                        .orElse(true)) {
            Optional<Instant> at = httpDate(expires.get());
            if (at.isPresent() && at.get().isAfter(now)) {
                hint = max(hint, Duration.between(now, at.get()));
            }
        }
        if (feedTtl.isPresent()) {
            hint = max(hint, feedTtl.get());
        }
        return Optional.ofNullable(hint);
    }

    /** Retry-After as delta-seconds or an HTTP date. */
    public static Optional<Duration> retryAfter(Instant now, Optional<String> header) {
        if (header.isEmpty()) {
            return Optional.empty();
        }
        String value = header.get().strip();
        if (value.matches("\\d+")) {
            return Optional.of(seconds(value));
        }
        return httpDate(value).filter(at -> at.isAfter(now)).map(at -> Duration.between(now, at));
    }

    private static Duration seconds(String digits) {
        return digits.length() > 9 ? MAX_HINT : Duration.ofSeconds(Long.parseLong(digits));
    }

    static Optional<Instant> httpDate(String value) {
        try {
            return Optional.of(ZonedDateTime.parse(value.strip(), DateTimeFormatter.RFC_1123_DATE_TIME)
                    .toInstant());
        } catch (DateTimeParseException e) {
            return Optional.empty();
        }
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    private static Duration max(Duration a, Duration b) {
        return a == null ? b : (a.compareTo(b) >= 0 ? a : b);
    }
}
