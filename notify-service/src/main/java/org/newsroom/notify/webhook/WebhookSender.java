package org.newsroom.notify.webhook;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.jboss.logging.Logger;
import org.newsroom.events.EventType;
import org.newsroom.net.Backoff;
import org.newsroom.notify.domain.DeliveryEvents;
import org.newsroom.notify.domain.NotifySettings;

/**
 * Calls webhook endpoints with due deliveries, signed the Standard Webhooks way.
 *
 * <p>A batch is claimed like the email deliveries ({@code FOR UPDATE SKIP LOCKED}, next attempt pushed one lease
 * ahead) and its calls are fired, each cut off at one deadline ({@code timeout}) for the whole call; each outcome is
 * recorded as soon as its own call ends, and the next batch is claimed without waiting for the slowest call, so a
 * slow endpoint holds only its own in-flight slots (at most {@code max-in-flight} calls overall), and only until the
 * deadline. A story's deliveries to one endpoint go out in the order they were enqueued (see {@link #claim}).
 *
 * <p>2xx: DELIVERED. 410 Gone: FAILED and the endpoint DISABLED. Anything else (or no answer): retried with
 * exponential backoff and equal jitter, FAILED after {@code max-attempts}: the dead letter, listed with its calls and
 * replayable, and announced as {@code news.delivery.failed.v1} on the webhook channel.
 */
@ApplicationScoped
public class WebhookSender {
    private static final Logger LOG = Logger.getLogger(WebhookSender.class);

    @Inject
    EntityManager entityManager;

    @Inject
    UrlGuard urlGuard;

    @Inject
    DeliveryEvents events;

    @Inject
    MeterRegistry metrics;

    @Inject
    NotifySettings config;

    private Semaphore inFlight;
    /**
     * retry-delay, doubled after every failed attempt, at most max-retry-delay, with equal jitter (a random wait in
     * the upper half), so endpoints that failed together are not all called again at the same instant.
     */
    private Backoff backoff;
    /** Runs the calls and records their outcomes, off the scheduler's thread. */
    private ExecutorService calls;

    record Due(
            UUID id,
            UUID endpointId,
            String eventId,
            UUID subjectId,
            String body,
            int attempts,
            String url,
            String secret,
            String eventType) {
        boolean edition() {
            return EventType.EDITION_PUBLISHED.type().equals(eventType);
        }
    }

    record Outcome(Integer statusCode, String error, Instant at, long durationMs) {}

    @PostConstruct
    void limitInFlight() {
        inFlight = new Semaphore(Math.max(1, config.webhooks().maxInFlight()));
        backoff = new Backoff(config.webhooks().retryDelay(), config.webhooks().maxRetryDelay(), 0.5);
        calls = Executors.newCachedThreadPool(call -> {
            Thread thread = new Thread(call, "webhook-calls");
            thread.setDaemon(true);
            return thread;
        });
    }

    void stop(@Observes ShutdownEvent shutdown) {
        calls.shutdownNow();
    }

    /** Claims due deliveries into the free in-flight slots and fires their calls, until a batch comes back short. */
    public void sendDue() {
        int claimed;
        do {
            int slots = Math.min(config.webhooks().batchSize(), inFlight.availablePermits());
            if (slots == 0 || !inFlight.tryAcquire(slots)) {
                return;
            }
            List<Due> batch = claimInto(slots);
            batch.forEach(this::dispatch);
            claimed = batch.size();
        } while (claimed == config.webhooks().batchSize());
    }

    /**
     * Claims at most {@code slots} deliveries and gives back the slots it did not fill, whatever became of the claim:
     * a claim that throws (database down, deadlock) would otherwise keep its slots for good, and a few such ticks
     * would leave none for any later call.
     */
    private List<Due> claimInto(int slots) {
        List<Due> batch = List.of();
        try {
            batch = QuarkusTransaction.requiringNew().call(() -> claim(slots));
            return batch;
        } finally {
            inFlight.release(slots - batch.size());
        }
    }

    /** Each claimed delivery holds one slot until its outcome is recorded, even if the call itself blew up. */
    private void dispatch(Due due) {
        CompletableFuture.completedFuture(due)
                .thenCompose(this::call)
                .whenCompleteAsync(
                        (outcome, failure) -> {
                            try {
                                record(
                                        due,
                                        failure == null
                                                ? outcome
                                                : outcome(Instant.now(), null, describe(unwrapped(failure))));
                            } catch (RuntimeException e) {
                                LOG.warnf(
                                        e,
                                        "Recording the outcome of webhook delivery %s failed; retried after the lease",
                                        due.id());
                            } finally {
                                inFlight.release();
                            }
                        },
                        calls);
    }

    /**
     * A delivery waits while an earlier one (by {@code seq}) of the same endpoint and subject is still PENDING, in
     * flight or in backoff: a partner must never get a story's retraction before its publication. A dead-lettered
     * (FAILED) delivery no longer holds the later ones back, or one bad hour would stop the story's calls for good;
     * replaying it is the admin's explicit choice.
     */
    @SuppressWarnings("unchecked")
    List<Due> claim(int limit) {
        List<Object[]> rows = entityManager
                .createNativeQuery("""
                UPDATE webhook_delivery d SET next_attempt_at = now() + (?2 * interval '1 millisecond')
                FROM webhook_endpoint e
                WHERE d.id IN (SELECT w.id FROM webhook_delivery w JOIN webhook_endpoint we ON we.id = w.endpoint_id
                               WHERE w.status = 'PENDING' AND w.next_attempt_at <= now() AND we.status = 'ACTIVE'
                                 AND NOT EXISTS (SELECT 1 FROM webhook_delivery earlier
                                                 WHERE earlier.endpoint_id = w.endpoint_id
                                                   AND earlier.subject_id = w.subject_id
                                                   AND earlier.status = 'PENDING' AND earlier.seq < w.seq)
                               ORDER BY w.next_attempt_at LIMIT ?1 FOR UPDATE OF w SKIP LOCKED)
                  AND e.id = d.endpoint_id
                RETURNING d.id, d.endpoint_id, d.event_id, d.subject_id, d.body, d.attempts, e.url, e.secret,
                          d.event_type""")
                .setParameter(1, limit)
                .setParameter(2, config.lease().toMillis())
                .getResultList();
        return rows.stream()
                .map(r -> new Due(
                        (UUID) r[0],
                        (UUID) r[1],
                        (String) r[2],
                        (UUID) r[3],
                        (String) r[4],
                        ((Number) r[5]).intValue(),
                        (String) r[6],
                        (String) r[7],
                        (String) r[8]))
                .toList();
    }

    /**
     * Never completes exceptionally: a call that got no answer is an outcome with an error. The call runs on its own
     * thread, through {@link UrlGuard}'s client, which vets the addresses it connects to and aborts it at the deadline.
     */
    CompletableFuture<Outcome> call(Due due) {
        Instant start = Instant.now();
        URI url;
        try {
            url = URI.create(due.url());
        } catch (IllegalArgumentException e) {
            return CompletableFuture.completedFuture(outcome(start, null, "bad URL: " + e.getMessage()));
        }
        String timestamp = String.valueOf(start.getEpochSecond());
        Map<String, String> headers = Map.of(
                "webhook-id", due.eventId(),
                "webhook-timestamp", timestamp,
                "webhook-signature", sign(due.secret(), due.eventId(), timestamp, due.body()));
        byte[] body = due.body().getBytes(StandardCharsets.UTF_8);
        return CompletableFuture.supplyAsync(
                () -> {
                    try {
                        return outcome(
                                start,
                                urlGuard.http()
                                        .post(url, headers, "application/json", body)
                                        .status(),
                                null);
                    } catch (IOException | RuntimeException e) {
                        return outcome(start, null, describe(e));
                    }
                },
                calls);
    }

    private static Throwable unwrapped(Throwable e) {
        return e instanceof CompletionException && e.getCause() != null ? e.getCause() : e;
    }

    private static Outcome outcome(Instant start, Integer statusCode, String error) {
        return new Outcome(
                statusCode, error, start, Duration.between(start, Instant.now()).toMillis());
    }

    void record(Due due, Outcome outcome) {
        int attempts = due.attempts() + 1;
        Integer code = outcome.statusCode();
        boolean delivered = code != null && code >= 200 && code < 300;
        boolean gone = code != null && code == 410;
        boolean giveUp = !delivered && (gone || attempts >= config.webhooks().maxAttempts());
        String error = delivered ? null : outcome.error() != null ? outcome.error() : "HTTP " + code;
        QuarkusTransaction.requiringNew().run(() -> {
            entityManager
                    .createNativeQuery("""
                    INSERT INTO webhook_attempt (delivery_id, attempt, status_code, error, attempted_at, duration_ms)
                    VALUES (?1, ?2, ?3, ?4, ?5, ?6)""")
                    .setParameter(1, due.id())
                    .setParameter(2, attempts)
                    .setParameter(3, code)
                    .setParameter(4, error)
                    .setParameter(5, outcome.at())
                    .setParameter(6, outcome.durationMs())
                    .executeUpdate();
            if (delivered) {
                entityManager
                        .createNativeQuery("""
                        UPDATE webhook_delivery SET status = 'DELIVERED', attempts = ?2, last_status_code = ?3,
                               last_error = NULL, delivered_at = now()
                        WHERE id = ?1 AND status = 'PENDING'""")
                        .setParameter(1, due.id())
                        .setParameter(2, attempts)
                        .setParameter(3, code)
                        .executeUpdate();
                return;
            }
            Duration delay = backoff.delay(attempts);
            LOG.warnf(
                    "Webhook delivery %s of event %s to %s failed (attempt %d of %d)%s: %s",
                    due.id(),
                    due.eventId(),
                    due.url(),
                    attempts,
                    config.webhooks().maxAttempts(),
                    giveUp ? ", giving up" : ", retrying in " + delay,
                    error);
            int updated = entityManager
                    .createNativeQuery("""
                    UPDATE webhook_delivery SET status = ?2, attempts = ?3, last_status_code = ?4, last_error = ?5,
                           next_attempt_at = now() + (?6 * interval '1 millisecond')
                    WHERE id = ?1 AND status = 'PENDING'""")
                    .setParameter(1, due.id())
                    .setParameter(2, giveUp ? "FAILED" : "PENDING")
                    .setParameter(3, attempts)
                    .setParameter(4, code)
                    .setParameter(5, error)
                    .setParameter(6, delay.toMillis())
                    .executeUpdate();
            if (giveUp && updated == 1) {
                events.failed(
                        due.id(),
                        due.subjectId(),
                        due.edition(),
                        due.endpointId(),
                        DeliveryEvents.WEBHOOK,
                        error,
                        attempts,
                        Instant.now());
            }
            if (gone) {
                entityManager
                        .createNativeQuery("""
                        UPDATE webhook_endpoint SET status = 'DISABLED', disabled_reason = ?2
                        WHERE id = ?1 AND status = 'ACTIVE'""")
                        .setParameter(1, due.endpointId())
                        .setParameter(2, "410 Gone at " + Instant.now())
                        .executeUpdate();
            }
        });
        metrics.counter(
                        "newsroom.notify.webhook.deliveries",
                        "outcome",
                        delivered ? "delivered" : gone ? "gone" : giveUp ? "failed" : "retried")
                .increment();
    }

    /**
     * Standard Webhooks: {@code v1,} + base64(HMAC-SHA256(key, id + "." + timestamp + "." + body)) where the key is
     * the base64 part of the {@code whsec_} secret.
     */
    public static String sign(String secret, String id, String timestamp, String body) {
        try {
            byte[] key = Base64.getDecoder().decode(secret.startsWith("whsec_") ? secret.substring(6) : secret);
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            byte[] signature = mac.doFinal((id + "." + timestamp + "." + body).getBytes(StandardCharsets.UTF_8));
            return "v1," + Base64.getEncoder().encodeToString(signature);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String describe(Throwable e) {
        String message = e.getClass().getSimpleName() + ": " + e.getMessage();
        return message.length() > 2000 ? message.substring(0, 2000) : message;
    }
}
