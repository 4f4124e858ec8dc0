package org.newsroom.outbox;

import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.context.Scope;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

/**
 * Makes a consumer idempotent: Kafka delivers at least once, so a consumer records each event id it applies in the
 * same transaction as the effect; a redelivered event is then recognised and skipped.
 *
 * <p>Consumers call {@link #apply} outside a transaction and retry it on failure (SmallRye Fault Tolerance
 * {@code @Retry}, aborting on {@code PoisonEventException}): each attempt is a fresh transaction, so a database
 * outage delays a record instead of dead-lettering it.
 */
@ApplicationScoped
public class Inbox {
    private static final Logger LOG = Logger.getLogger(Inbox.class);

    @Inject
    EntityManager entityManager;

    @Inject
    MeterRegistry metrics;

    @Inject
    TraceContext traceContext;

    @ConfigProperty(name = "quarkus.application.name")
    String consumer;

    /**
     * Applies a record's effect, as its type's handler defines it, in one transaction with the record of its event
     * id, unless the event was applied before. A record that is not a valid CloudEvent of a known type's payload
     * throws {@code PoisonEventException}.
     */
    @Transactional(Transactional.TxType.REQUIRES_NEW)
    public void apply(ConsumerRecord<String, String> record, EventHandlers handlers) {
        IncomingEvent event = IncomingEvent.of(record);
        try (Scope trace = traceContext.continueFrom(record, event.type());
                LogContext log = LogContext.of(event)) {
            handlers.effectOf(event).ifPresent(effect -> applyOnce(event, effect));
        }
    }

    private void applyOnce(IncomingEvent event, Runnable effect) {
        boolean first = firstDelivery(event);
        if (first) {
            effect.run();
            LOG.infof("Applied %s %s", event.type(), event.id());
        } else {
            LOG.debugf("Skipped %s %s: applied before", event.type(), event.id());
        }
        metrics.counter("newsroom.inbox.events", "type", event.type(), "outcome", first ? "applied" : "duplicate")
                .increment();
    }

    private boolean firstDelivery(IncomingEvent event) {
        return entityManager.createNativeQuery("""
                INSERT INTO inbox_event (consumer, event_id, type, processed_at) VALUES (?1, ?2, ?3, ?4)
                ON CONFLICT DO NOTHING""")
                .setParameter(1, consumer)
                .setParameter(2, event.id())
                .setParameter(3, event.type())
                .setParameter(4, Instant.now())
                .executeUpdate() == 1;
    }
}
