package org.newsroom.notify.webhook;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * Webhook endpoints and their deliveries: one row per (endpoint, event) written in the consumer's transaction,
 * sent by {@link WebhookSender}.
 */
@ApplicationScoped
public class Webhooks {
    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    EntityManager entityManager;

    @Transactional
    public WebhookEndpoint register(String url, List<String> eventTypes) {
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        WebhookEndpoint endpoint = new WebhookEndpoint();
        endpoint.id = UUID.randomUUID();
        endpoint.url = url;
        endpoint.secret = "whsec_" + Base64.getEncoder().encodeToString(key);
        endpoint.eventTypes = String.join(
                ",",
                eventTypes == null ? List.of() : eventTypes.stream().distinct().toList());
        endpoint.status = WebhookEndpoint.Status.ACTIVE;
        endpoint.createdAt = Instant.now();
        endpoint.persist();
        return endpoint;
    }

    @Transactional
    public List<WebhookEndpoint> list() {
        return WebhookEndpoint.list("status <> ?1 ORDER BY createdAt", WebhookEndpoint.Status.DELETED);
    }

    @Transactional
    public Optional<WebhookEndpoint> find(UUID id) {
        return WebhookEndpoint.<WebhookEndpoint>findByIdOptional(id)
                .filter(e -> e.status != WebhookEndpoint.Status.DELETED);
    }

    /** Stops all calls to the endpoint, pending retries included. @return false when there is no such endpoint */
    @Transactional
    public boolean delete(UUID id) {
        return find(id).map(endpoint -> {
                    endpoint.status = WebhookEndpoint.Status.DELETED;
                    return true;
                })
                .orElse(false);
    }

    /**
     * One pending delivery of the event to every active endpoint that wants its type; the same event id again
     * adds nothing. The body follows the Standard Webhooks shape: {@code {"type", "timestamp", "data"}}.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public int enqueue(String eventId, String eventType, UUID subjectId, String dataJson) {
        String body = "{\"type\":" + quote(eventType) + ",\"timestamp\":"
                + quote(Instant.now().toString()) + ",\"data\":" + dataJson + "}";
        return entityManager
                .createNativeQuery("""
                INSERT INTO webhook_delivery (id, endpoint_id, event_id, event_type, subject_id, body, status,
                                              attempts, next_attempt_at, created_at)
                SELECT gen_random_uuid(), e.id, ?1, ?2, ?4, ?3, 'PENDING', 0, now(), now()
                FROM webhook_endpoint e
                WHERE e.status = 'ACTIVE' AND (e.event_types = '' OR ?2 = ANY (string_to_array(e.event_types, ',')))
                ON CONFLICT (endpoint_id, event_id) DO NOTHING""")
                .setParameter(1, eventId)
                .setParameter(2, eventType)
                .setParameter(3, body)
                .setParameter(4, subjectId)
                .executeUpdate();
    }

    /** FAILED is the dead letter: retries exhausted (or 410); {@link #redeliver} replays it. */
    public record Delivery(
            UUID id,
            String eventId,
            String eventType,
            String status,
            int attempts,
            Integer lastStatusCode,
            String lastError,
            Instant createdAt,
            Instant deliveredAt,
            List<Attempt> calls) {}

    /** One call: the status code the endpoint answered, or the error when it did not (timeout, refused). */
    public record Attempt(int attempt, Integer statusCode, String error, Instant at, long durationMs) {}

    /** The newest deliveries first, each with its calls; {@code status} (optional) e.g. FAILED for dead letters. */
    @Transactional
    @SuppressWarnings("unchecked")
    public List<Delivery> deliveries(UUID endpointId, Optional<String> status) {
        List<Object[]> rows = entityManager
                .createNativeQuery("""
                SELECT id, event_id, event_type, status, attempts, last_status_code, last_error, created_at,
                       delivered_at
                FROM webhook_delivery WHERE endpoint_id = ?1 AND (?2 = '' OR status = ?2)
                ORDER BY created_at DESC LIMIT 500""")
                .setParameter(1, endpointId)
                .setParameter(2, status.orElse(""))
                .getResultList();
        Map<UUID, List<Attempt>> calls =
                attempts(rows.stream().map(r -> (UUID) r[0]).toList());
        return rows.stream()
                .map(r -> new Delivery(
                        (UUID) r[0],
                        (String) r[1],
                        (String) r[2],
                        (String) r[3],
                        ((Number) r[4]).intValue(),
                        r[5] == null ? null : ((Number) r[5]).intValue(),
                        (String) r[6],
                        toInstant(r[7]),
                        toInstant(r[8]),
                        calls.getOrDefault((UUID) r[0], List.of())))
                .toList();
    }

    @SuppressWarnings("unchecked")
    private Map<UUID, List<Attempt>> attempts(List<UUID> deliveryIds) {
        if (deliveryIds.isEmpty()) {
            return Map.of();
        }
        List<Object[]> rows = entityManager
                .createNativeQuery("""
                SELECT delivery_id, attempt, status_code, error, attempted_at, duration_ms
                FROM webhook_attempt WHERE delivery_id = ANY (?1) ORDER BY id""")
                .setParameter(1, deliveryIds.toArray(UUID[]::new))
                .getResultList();
        return rows.stream()
                .collect(Collectors.groupingBy(
                        r -> (UUID) r[0],
                        Collectors.mapping(
                                r -> new Attempt(
                                        ((Number) r[1]).intValue(),
                                        r[2] == null ? null : ((Number) r[2]).intValue(),
                                        (String) r[3],
                                        toInstant(r[4]),
                                        ((Number) r[5]).longValue()),
                                Collectors.toList())));
    }

    /** Sends a delivery again, whatever became of it: back to PENDING, due now, attempts counted afresh. */
    @Transactional
    public boolean redeliver(UUID endpointId, UUID deliveryId) {
        return entityManager
                        .createNativeQuery("""
                UPDATE webhook_delivery SET status = 'PENDING', attempts = 0, next_attempt_at = now()
                WHERE id = ?1 AND endpoint_id = ?2""")
                        .setParameter(1, deliveryId)
                        .setParameter(2, endpointId)
                        .executeUpdate()
                == 1;
    }

    private static Instant toInstant(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof java.time.OffsetDateTime odt) {
            return odt.toInstant();
        }
        if (value instanceof java.sql.Timestamp ts) {
            return ts.toInstant();
        }
        return Instant.parse(value.toString());
    }

    private static String quote(String value) {
        return "\"" + value.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }
}
