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
 * One attempt at a record: its effect and the record of its event id in one transaction, so that a redelivered event
 * is recognised and skipped. {@link Inbox} decides whether and when to attempt again.
 */
@ApplicationScoped
class InboxTransaction {
    private static final Logger LOG = Logger.getLogger(InboxTransaction.class);

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
    void apply(ConsumerRecord<String, String> record, EventHandlers handlers) {
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
        return entityManager
                        .createNativeQuery("""
                INSERT INTO inbox_event (consumer, event_id, type, processed_at) VALUES (?1, ?2, ?3, ?4)
                ON CONFLICT DO NOTHING""")
                        .setParameter(1, consumer)
                        .setParameter(2, event.id())
                        .setParameter(3, event.type())
                        .setParameter(4, Instant.now())
                        .executeUpdate()
                == 1;
    }
}
