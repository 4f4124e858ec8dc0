package org.newsroom.outbox;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Meter;
import io.micrometer.core.instrument.MeterRegistry;
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
import java.util.List;
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
    private final List<Meter> gauges = new ArrayList<>();
    private volatile boolean running;
    private Thread worker;

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
                .description("Events committed but not yet acknowledged by Kafka").register(metrics));
        gauges.add(Gauge.builder("newsroom.outbox.oldest.unsent.age", oldestUnsentAgeSeconds, AtomicLong::get)
                .baseUnit("seconds").description("Age of the oldest event waiting in the outbox").register(metrics));
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

    void wake() {
        wakeUps.release();
    }

    private void run() {
        while (running) {
            try {
                boolean full = relayBatch();
                if (!full) {
                    measureBacklog();
                    wakeUps.tryAcquire(pollInterval.toMillis(), TimeUnit.MILLISECONDS);
                    wakeUps.drainPermits();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            } catch (RuntimeException e) {
                LOG.warnf(e, "Outbox relay failed; unsent events stay in the outbox and are retried in %s",
                        pollInterval);
                sleepQuietly();
            }
        }
    }

    /** @return whether the batch was full, i.e. more rows are probably waiting */
    boolean relayBatch() {
        List<OutboxEvent> batch = QuarkusTransaction.requiringNew().call(this::claimBatch);
        if (batch.isEmpty()) {
            return false;
        }
        try {
            Uni.join().all(batch.stream().map(this::send).toList()).andFailFast().await().atMost(sendTimeout);
        } catch (RuntimeException e) {
            QuarkusTransaction.requiringNew().run(() -> update("claimed_until = NULL", batch));
            throw e;
        }
        QuarkusTransaction.requiringNew().run(() -> update("sent_at = now()", batch));
        batch.forEach(event -> metrics.counter("newsroom.outbox.events.sent", "type", event.type).increment());
        return batch.size() == batchSize;
    }

    private void update(String assignment, List<OutboxEvent> batch) {
        entityManager.createNativeQuery("UPDATE outbox_event SET " + assignment + " WHERE id IN (:ids)")
                .setParameter("ids", batch.stream().map(event -> event.id).toList())
                .executeUpdate();
    }

    /** Measured when the relay is idle, so the gauges cost one indexed query per poll and nothing on a scrape. */
    private void measureBacklog() {
        Object[] row = QuarkusTransaction.requiringNew().call(() -> (Object[]) entityManager.createNativeQuery("""
                SELECT count(*), COALESCE(EXTRACT(EPOCH FROM now() - min(created_at)), 0)
                FROM outbox_event WHERE sent_at IS NULL""").getSingleResult());
        backlog.set(((Number) row[0]).longValue());
        oldestUnsentAgeSeconds.set(((Number) row[1]).longValue());
    }

    /** Unsent rows nobody holds a lease on, oldest first, leased to this relay for twice the send timeout. */
    @SuppressWarnings("unchecked")
    private List<OutboxEvent> claimBatch() {
        List<OutboxEvent> batch = entityManager.createNativeQuery("""
                SELECT * FROM outbox_event WHERE sent_at IS NULL AND (claimed_until IS NULL OR claimed_until < now())
                ORDER BY created_at LIMIT ?1 FOR UPDATE SKIP LOCKED""", OutboxEvent.class)
                .setParameter(1, batchSize)
                .getResultList();
        Instant leaseEnd = Instant.now().plus(sendTimeout.multipliedBy(2));
        batch.forEach(event -> event.claimedUntil = leaseEnd);
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
        return event.traceparent == null ? List.of()
                : List.of(new RecordHeader(TraceContext.TRACEPARENT, event.traceparent.getBytes(StandardCharsets.UTF_8)));
    }

    private void sleepQuietly() {
        try {
            Thread.sleep(pollInterval.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
