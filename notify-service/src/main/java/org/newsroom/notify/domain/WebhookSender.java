package org.newsroom.notify.domain;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Calls webhook endpoints with due deliveries, signed the Standard Webhooks way.
 *
 * <p>A batch is claimed like the email deliveries ({@code FOR UPDATE SKIP LOCKED}, next attempt pushed one lease
 * ahead), then all its calls run concurrently with short connect/request timeouts, so a slow endpoint costs the
 * others at most one timeout. 2xx: DELIVERED. 410 Gone: FAILED and the endpoint DISABLED. Anything else (or no
 * answer): retried with exponential backoff and full jitter, FAILED after {@code max-attempts}.
 */
@ApplicationScoped
public class WebhookSender {
    private static final Logger LOG = Logger.getLogger(WebhookSender.class);

    @Inject
    EntityManager entityManager;

    @Inject
    UrlGuard urlGuard;

    @ConfigProperty(name = "newsroom.notify.webhooks.batch-size", defaultValue = "50")
    int batchSize;

    @ConfigProperty(name = "newsroom.notify.webhooks.max-attempts", defaultValue = "8")
    int maxAttempts;

    @ConfigProperty(name = "newsroom.notify.webhooks.retry-delay", defaultValue = "10s")
    Duration retryDelay;

    @ConfigProperty(name = "newsroom.notify.webhooks.max-retry-delay", defaultValue = "6h")
    Duration maxRetryDelay;

    @ConfigProperty(name = "newsroom.notify.webhooks.timeout", defaultValue = "5s")
    Duration timeout;

    @ConfigProperty(name = "newsroom.notify.lease", defaultValue = "10m")
    Duration lease;

    private volatile HttpClient client;

    record Due(UUID id, UUID endpointId, String eventId, String body, int attempts, String url, String secret) {
    }

    record Outcome(Integer statusCode, String error) {
    }

    @Scheduled(every = "${newsroom.notify.webhooks.send-interval:1s}", identity = "webhook-sender",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void sendDue() {
        List<Due> batch;
        do {
            batch = QuarkusTransaction.requiringNew().call(this::claim);
            // All calls of the batch in flight at once; outcomes recorded on this thread once all answered.
            List<CompletableFuture<Outcome>> calls = batch.stream().map(this::call).toList();
            for (int i = 0; i < batch.size(); i++) {
                Due due = batch.get(i);
                try {
                    record(due, calls.get(i).join());
                } catch (RuntimeException e) {
                    LOG.warnf(e, "Recording the outcome of webhook delivery %s failed; retried after the lease",
                            due.id());
                }
            }
        } while (batch.size() == batchSize);
    }

    @SuppressWarnings("unchecked")
    List<Due> claim() {
        List<Object[]> rows = entityManager.createNativeQuery("""
                UPDATE webhook_delivery d SET next_attempt_at = now() + (?2 * interval '1 second')
                FROM webhook_endpoint e
                WHERE d.id IN (SELECT w.id FROM webhook_delivery w JOIN webhook_endpoint we ON we.id = w.endpoint_id
                               WHERE w.status = 'PENDING' AND w.next_attempt_at <= now() AND we.status = 'ACTIVE'
                               ORDER BY w.next_attempt_at LIMIT ?1 FOR UPDATE OF w SKIP LOCKED)
                  AND e.id = d.endpoint_id
                RETURNING d.id, d.endpoint_id, d.event_id, d.body, d.attempts, e.url, e.secret""")
                .setParameter(1, batchSize)
                .setParameter(2, lease.toSeconds())
                .getResultList();
        return rows.stream().map(r -> new Due((UUID) r[0], (UUID) r[1], (String) r[2], (String) r[3],
                ((Number) r[4]).intValue(), (String) r[5], (String) r[6])).toList();
    }

    CompletableFuture<Outcome> call(Due due) {
        Optional<String> refusal = urlGuard.refusal(due.url());
        if (refusal.isPresent()) {
            return CompletableFuture.completedFuture(new Outcome(null, "refused by the SSRF guard: " + refusal.get()));
        }
        String timestamp = String.valueOf(Instant.now().getEpochSecond());
        HttpRequest request;
        try {
            request = HttpRequest.newBuilder(URI.create(due.url()))
                    .timeout(timeout)
                    .header("Content-Type", "application/json")
                    .header("User-Agent", "newsroom-notify-webhooks")
                    .header("webhook-id", due.eventId())
                    .header("webhook-timestamp", timestamp)
                    .header("webhook-signature", sign(due.secret(), due.eventId(), timestamp, due.body()))
                    .POST(HttpRequest.BodyPublishers.ofString(due.body(), StandardCharsets.UTF_8))
                    .build();
        } catch (IllegalArgumentException e) {
            return CompletableFuture.completedFuture(new Outcome(null, "bad URL: " + e.getMessage()));
        }
        return client().sendAsync(request, HttpResponse.BodyHandlers.discarding())
                .thenApply(response -> new Outcome(response.statusCode(), null))
                .exceptionally(e -> new Outcome(null, describe(e.getCause() == null ? e : e.getCause())));
    }

    void record(Due due, Outcome outcome) {
        int attempts = due.attempts() + 1;
        Integer code = outcome.statusCode();
        QuarkusTransaction.requiringNew().run(() -> {
            if (code != null && code >= 200 && code < 300) {
                entityManager.createNativeQuery("""
                        UPDATE webhook_delivery SET status = 'DELIVERED', attempts = ?2, last_status_code = ?3,
                               last_error = NULL, delivered_at = now()
                        WHERE id = ?1 AND status = 'PENDING'""")
                        .setParameter(1, due.id()).setParameter(2, attempts).setParameter(3, code).executeUpdate();
                return;
            }
            boolean gone = code != null && code == 410;
            boolean giveUp = gone || attempts >= maxAttempts;
            Duration delay = backoff(attempts);
            String error = outcome.error() != null ? outcome.error() : "HTTP " + code;
            LOG.warnf("Webhook delivery %s of event %s to %s failed (attempt %d of %d)%s: %s", due.id(),
                    due.eventId(), due.url(), attempts, maxAttempts, giveUp ? ", giving up" : ", retrying in " + delay,
                    error);
            entityManager.createNativeQuery("""
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
            if (gone) {
                entityManager.createNativeQuery("""
                        UPDATE webhook_endpoint SET status = 'DISABLED', disabled_reason = ?2
                        WHERE id = ?1 AND status = 'ACTIVE'""")
                        .setParameter(1, due.endpointId())
                        .setParameter(2, "410 Gone at " + Instant.now())
                        .executeUpdate();
            }
        });
    }

    /** Full jitter: uniformly random up to retry-delay × 2^(attempts-1), capped at max-retry-delay. */
    Duration backoff(int attempts) {
        long ceiling = Math.min(maxRetryDelay.toMillis(),
                retryDelay.toMillis() * (1L << Math.min(attempts - 1, 30)));
        long half = ceiling / 2;
        return Duration.ofMillis(half + ThreadLocalRandom.current().nextLong(half + 1));
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

    private HttpClient client() {
        if (client == null) {
            synchronized (this) {
                if (client == null) {
                    client = HttpClient.newBuilder()
                            .connectTimeout(timeout)
                            .followRedirects(HttpClient.Redirect.NEVER)
                            .build();
                }
            }
        }
        return client;
    }

    private static String describe(Throwable e) {
        String message = e.getClass().getSimpleName() + ": " + e.getMessage();
        return message.length() > 2000 ? message.substring(0, 2000) : message;
    }
}
