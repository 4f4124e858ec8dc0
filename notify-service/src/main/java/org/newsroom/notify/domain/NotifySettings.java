package org.newsroom.notify.domain;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import org.newsroom.notify.webhook.Webhooks;

/**
 * Every setting of this service, in one place: {@code newsroom.notify.*}. The values operators set come from
 * environment variables through {@code application.properties} ({@code ${NEWSROOM_NOTIFY_...}}); the README's
 * configuration table lists those.
 */
@ConfigMapping(prefix = "newsroom.notify")
public interface NotifySettings {

    /** The public address of this service: the links in emails point here. */
    String baseUrl();

    /** The newsletter footer's letters-to-the-editor address. */
    String lettersAddress();

    /** Where "grade this edition" points ({@code ?edition=<id>} is added); empty: the edition page's {@code #grade}. */
    Optional<String> gradeUrl();

    /** Sections whose single-story publications are mailed as breaking alerts, comma-separated; {@code *}: all. */
    Optional<String> breakingSections();

    /** Subscribers whose delivery rows one fan-out transaction writes (a keyset page). */
    @WithDefault("1000")
    int fanoutPageSize();

    /** How often the fan-out looks for editions and alerts to write rows for; {@code off} stops it. */
    @WithDefault("1s")
    String fanoutInterval();

    /** Due emails claimed per batch. */
    @WithDefault("50")
    int batchSize();

    /** How often the email sender looks for due deliveries; {@code off} stops it. */
    @WithDefault("1s")
    String sendInterval();

    /** Attempts of one email before it is FAILED (a 5xx reply, or an uncertain one, fails it at once). */
    @WithDefault("5")
    int maxAttempts();

    /** The wait after an email's first retryable failure, doubled after each further one (at most six hours). */
    @WithDefault("30s")
    Duration retryDelay();

    /** How long a claim keeps its rows: after a crash another instance resumes them once it ran out. */
    @WithDefault("5m")
    Duration lease();

    /** Threads sending emails at once. */
    @WithDefault("4")
    int sendConcurrency();

    /** Emails per second at most, across the sending threads; 0: unlimited. */
    @WithDefault("0")
    double sendRate();

    /** How long a send waits for the SMTP server's answer ({@code quarkus.mailer.timeout}). */
    @WithDefault("10s")
    Duration sendTimeout();

    /** Signs the links in emails; required outside dev and test, at least 32 random characters. */
    Optional<String> tokenSecret();

    /** How long a confirmation link works. */
    @WithDefault("72h")
    Duration confirmTokenTtl();

    /** At most one confirmation email per address within this interval, however often it is submitted. */
    @WithDefault("5m")
    Duration confirmResendInterval();

    /** Sign-ups per client address and {@link #signupWindow()}, in memory and per instance. */
    int signupLimit();

    Duration signupWindow();

    /** What the mail provider's bounce/complaint webhook must send in {@code X-Newsroom-Secret}; unset: refused. */
    Optional<String> suppressionSecret();

    /** Where the admin API's JWT verification key comes from ({@code mp.jwt.verify.publickey.location}). */
    String jwtKeyLocation();

    Webhooks webhooks();

    /** Partner webhooks: {@code newsroom.notify.webhooks.*}. */
    interface Webhooks {

        /** Hosts allowed although they resolve to private or loopback addresses (never to a metadata one). */
        Optional<List<String>> allowedHosts();

        /** The deadline of one call, connecting to the end of the response body. */
        @WithDefault("10s")
        Duration timeout();

        /** Due calls claimed per batch. */
        @WithDefault("50")
        int batchSize();

        /** How often the webhook sender looks for due calls; {@code off} stops it. */
        @WithDefault("1s")
        String sendInterval();

        /** Calls in flight at most, over all endpoints. */
        @WithDefault("200")
        int maxInFlight();

        /** Calls of one delivery before it is FAILED (the dead letter). */
        @WithDefault("8")
        int maxAttempts();

        /** The wait after a delivery's first failed call, doubled after each further one, with equal jitter. */
        @WithDefault("10s")
        Duration retryDelay();

        @WithDefault("6h")
        Duration maxRetryDelay();
    }
}
