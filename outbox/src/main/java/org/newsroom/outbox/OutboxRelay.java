package org.newsroom.outbox;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.ce.OutgoingCloudEventMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.common.header.internals.RecordHeader;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

/**
 * Relays committed outbox rows to Kafka (channel {@code outbox}) as binary-mode CloudEvents.
 *
 * <p>A batch is claimed in a short transaction ({@code FOR UPDATE SKIP LOCKED}, then a lease: {@code claimed_until}),
 * so several replicas share the work without sending a row twice; it is sent outside any transaction, since waiting
 * for the broker's acknowledgements inside one let them complete on Kafka's threads in the transaction's context;
 * and the rows are marked sent in a second transaction once acknowledged. A crash, a failed send or a lost commit
 * leaves rows unsent: they are sent again when their lease ends, with the same event id, which consumers
 * de-duplicate. The relay is woken after each commit that adds rows and also polls, as a backstop for wake-ups lost
 * in a crash or sent by another replica.
 */
@ApplicationScoped
public class OutboxRelay {
    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    /** Key of the transaction-scoped advisory lock that makes the relays of one database claim in turn. */
    private static final long CLAIM_LOCK = 0x6f7574626f78L;

    @Inject
    EntityManager entityManager;

    @Inject
    @Channel("outbox")
    MutinyEmitter<String> emitter;

    @ConfigProperty(name = "quarkus.application.name")
    String applicationName;

    @ConfigProperty(name = "newsroom.outbox.poll-interval", defaultValue = "1s")
    Duration pollInterval;

    @ConfigProperty(name = "newsroom.outbox.batch-size", defaultValue = "100")
    int batchSize;

    @ConfigProperty(name = "newsroom.outbox.send-timeout", defaultValue = "30s")
    Duration sendTimeout;

    @Inject
    MeterRegistry metrics;

    private final Semaphore wakeUps = new Semaphore(0);
    final AtomicLong backlog = new AtomicLong();
    private final AtomicLong oldestUnsentAgeSeconds = new AtomicLong();
    final AtomicLong parked = new AtomicLong();
    /** Why the last batch was not acknowledged whole, or null: what readiness reports of Kafka. */
    private volatile String unacknowledged;

    private final List<Meter> gauges = new ArrayList<>();
    private volatile boolean running;
    private Thread worker;
    private long backlogMeasuredAt = System.nanoTime() - Long.MAX_VALUE / 2;

    void start(@Observes StartupEvent event) {
        registerGauges();
        running = true;
        worker = new Thread(this::run, "outbox-relay");
        worker.setDaemon(true);
        worker.start();
    }

    void stop(@Observes ShutdownEvent event) throws InterruptedException {
        running = false;
        wake();
        worker.join(sendTimeout.toMillis());
        removeGauges();
    }

    void registerGauges() {
        gauges.add(Gauge.builder("newsroom.outbox.backlog", backlog, AtomicLong::get)
                .description("Events committed but not yet acknowledged by Kafka")
                .register(metrics));
        gauges.add(Gauge.builder("newsroom.outbox.oldest.unsent.age", oldestUnsentAgeSeconds, AtomicLong::get)
                .baseUnit("seconds")
                .description("Age of the oldest event waiting in the outbox")
                .register(metrics));
        gauges.add(Gauge.builder("newsroom.outbox.parked", parked, AtomicLong::get)
                .description("Events Kafka can never accept as they are, set aside for ops")
                .register(metrics));
    }

    /**
     * The registry can outlive the application (Quarkus keeps Micrometer's global registry when tests restart the
     * application in the same JVM). A gauge left behind would keep reading this relay's counters, held only weakly,
     * and the next relay's registration would get that stale gauge back instead of its own.
     */
    void removeGauges() {
        gauges.forEach(metrics::remove);
        gauges.clear();
    }

    /** What readiness shows of the outbox: it never fails readiness, since a service without Kafka still serves. */
    Map<String, Object> state() {
        Map<String, Object> state = new LinkedHashMap<>();
        state.put("backlog", backlog.get());
        state.put("oldestUnsentAgeSeconds", oldestUnsentAgeSeconds.get());
        state.put("parked", parked.get());
        state.put("kafka", unacknowledged == null ? "acknowledging" : "not acknowledging: " + unacknowledged);
        return state;
    }

    void wake() {
        wakeUps.release();
    }

    private void run() {
        while (running) {
            try {
                boolean full = relayBatch();
                if (!full) {
                    measureBacklogWhenDue();
                    wakeUps.tryAcquire(pollInterval.toMillis(), TimeUnit.MILLISECONDS);
                    wakeUps.drainPermits();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                LOG.warnf(
                        e, "Outbox relay failed; unsent events stay in the outbox and are retried in %s", pollInterval);
                sleepQuietly();
            }
        }
    }

    /** @return whether the batch was full and went out whole, i.e. more rows are probably waiting */
    boolean relayBatch() {
        List<OutboxEvent> batch = QuarkusTransaction.requiringNew().call(this::claimBatch);
        if (batch.isEmpty()) {
            return false;
        }
        Deliveries deliveries = Deliveries.await(batch.stream().map(this::send).toList(), sendTimeout);
        QuarkusTransaction.requiringNew().run(() -> record(batch, deliveries));
        return batch.size() == batchSize && deliveries.allAcknowledged();
    }

    /**
     * Each row gets its own outcome, so one row Kafka refuses never makes the relay send its acknowledged neighbours
     * again: acknowledged rows are marked sent, rows Kafka can never accept are parked, the rest are released to be
     * retried.
     */
    private void record(List<OutboxEvent> batch, Deliveries deliveries) {
        List<UUID> acknowledged = new ArrayList<>();
        List<UUID> retry = new ArrayList<>();
        String retryReason = null;
        for (int i = 0; i < batch.size(); i++) {
            OutboxEvent event = batch.get(i);
            Throwable failure = deliveries.failure(i);
            if (failure == null) {
                acknowledged.add(event.id);
                metrics.counter("newsroom.outbox.events.sent", "type", event.type)
                        .increment();
            } else if (Unsendable.isPermanent(failure)) {
                park(event, failure);
            } else {
                retry.add(event.id);
                retryReason = failure.toString();
                LOG.warnf(
                        "Outbox event %s (%s) not acknowledged, retried after %s: %s",
                        event.id, event.type, pollInterval, failure.toString());
            }
        }
        update("sent_at = now(), claimed_until = NULL", acknowledged);
        update("claimed_until = NULL", retry);
        unacknowledged = retryReason;
    }

    private void park(OutboxEvent event, Throwable failure) {
        String reason = Unsendable.reason(failure);
        entityManager
                .createNativeQuery(
                        "UPDATE outbox_event SET parked_at = now(), park_reason = ?1, claimed_until = NULL WHERE id = ?2")
                .setParameter(1, reason)
                .setParameter(2, event.id)
                .executeUpdate();
        metrics.counter("newsroom.outbox.events.parked", "type", event.type).increment();
        LOG.errorf(
                "Outbox event %s (%s, key %s, %d characters) parked: Kafka can never accept it (%s). The events "
                        + "behind it go on; see docs/operations.md, \"A parked outbox row\"",
                event.id, event.type, event.aggregateId, event.payload.length(), reason);
    }

    private void update(String assignment, List<UUID> ids) {
        if (!ids.isEmpty()) {
            entityManager
                    .createNativeQuery("UPDATE outbox_event SET " + assignment + " WHERE id IN (:ids)")
                    .setParameter("ids", ids)
                    .executeUpdate();
        }
    }

    /**
     * At most once per poll interval: under a steady trickle of commits the relay wakes for nearly every event, and
     * a measurement after each of those batches cost a third transaction per event for gauges nobody reads that often.
     */
    private void measureBacklogWhenDue() {
        long now = System.nanoTime();
        if (now - backlogMeasuredAt >= pollInterval.toNanos()) {
            measureBacklog();
            backlogMeasuredAt = now;
        }
    }

    /** Measured when the relay is idle, so the gauges cost one indexed query per poll and nothing on a scrape. */
    private void measureBacklog() {
        Object[] row = QuarkusTransaction.requiringNew()
                .call(() -> (Object[]) entityManager.createNativeQuery("""
                SELECT count(*) FILTER (WHERE parked_at IS NULL),
                       COALESCE(EXTRACT(EPOCH FROM now() - min(created_at) FILTER (WHERE parked_at IS NULL)), 0),
                       count(*) FILTER (WHERE parked_at IS NOT NULL)
                FROM outbox_event WHERE sent_at IS NULL""").getSingleResult());
        backlog.set(((Number) row[0]).longValue());
        oldestUnsentAgeSeconds.set(((Number) row[1]).longValue());
        parked.set(((Number) row[2]).longValue());
    }

    /**
     * Unsendable rows nobody holds a lease on, in the order they were written, leased to this relay for twice the
     * send timeout. A row waits while an earlier row of its aggregate is leased (to another replica, or still being
     * retried), so one aggregate's events reach Kafka in order even with several relays; the advisory lock makes
     * claims take turns, so each claim sees the leases of the one before.
     */
    @SuppressWarnings("unchecked")
    List<OutboxEvent> claimBatch() {
        entityManager
                .createNativeQuery("SELECT pg_advisory_xact_lock(" + CLAIM_LOCK + ")")
                .getSingleResult();
        List<OutboxEvent> batch = entityManager
                .createNativeQuery("""
                SELECT * FROM outbox_event o
                WHERE o.sent_at IS NULL AND o.parked_at IS NULL
                  AND (o.claimed_until IS NULL OR o.claimed_until < now())
                  AND NOT EXISTS (SELECT 1 FROM outbox_event earlier
                                  WHERE earlier.aggregate_id = o.aggregate_id AND earlier.sent_at IS NULL
                                    AND earlier.parked_at IS NULL AND earlier.seq < o.seq
                                    AND earlier.claimed_until >= now())
                ORDER BY o.seq LIMIT ?1 FOR UPDATE SKIP LOCKED""", OutboxEvent.class)
                .setParameter(1, batchSize)
                .getResultList();
        // One statement for the whole lease: setting the field on each entity cost a full-row UPDATE per event.
        if (!batch.isEmpty()) {
            entityManager
                    .createNativeQuery("UPDATE outbox_event SET claimed_until = :leaseEnd WHERE id IN (:ids)")
                    .setParameter("leaseEnd", Instant.now().plus(sendTimeout.multipliedBy(2)))
                    .setParameter("ids", batch.stream().map(event -> event.id).toList())
                    .executeUpdate();
        }
        return batch;
    }

    private Uni<Void> send(OutboxEvent event) {
        Message<String> message = Message.of(event.payload)
                .addMetadata(OutgoingKafkaRecordMetadata.<String>builder()
                        .withTopic(event.topic)
                        .withKey(event.aggregateId)
                        .withHeaders(traceHeaders(event))
                        .build())
                .addMetadata(OutgoingCloudEventMetadata.builder()
                        .withId(event.id.toString())
                        .withType(event.type)
                        .withSource(URI.create("urn:newsroom:" + applicationName))
                        .withSubject(event.aggregateId)
                        .withTimestamp(event.createdAt.atZone(ZoneOffset.UTC))
                        .withDataContentType("application/json")
                        .build());
        return emitter.sendMessage(message);
    }

    private static List<RecordHeader> traceHeaders(OutboxEvent event) {
        return event.traceparent == null
                ? List.of()
                : List.of(
                        new RecordHeader(TraceContext.TRACEPARENT, event.traceparent.getBytes(StandardCharsets.UTF_8)));
    }

    private void sleepQuietly() {
        try {
            Thread.sleep(pollInterval.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
