package org.newsroom.outbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.UUID;
import org.newsroom.events.EventCodec;
import org.newsroom.events.EventType;

/**
 * Records an event in the same database transaction as the state change it announces, so that both commit or
 * neither does. {@link OutboxRelay} sends it to Kafka, woken as soon as the transaction commits.
 */
@ApplicationScoped
public class Outbox {

    @Inject
    EntityManager entityManager;

    @Inject
    AfterCommit afterCommit;

    @Inject
    OutboxRelay relay;

    @Inject
    TraceContext traceContext;

    /**
     * @param aggregateId the Kafka key: all events of one aggregate stay ordered on one partition
     * @return the event id (CloudEvents {@code id}), by which consumers de-duplicate
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public UUID publish(String aggregateId, Object payload) {
        EventType type = EventType.of(payload.getClass());
        OutboxEvent event = new OutboxEvent();
        event.id = UUID.randomUUID();
        event.type = type.type();
        event.topic = type.topic();
        event.aggregateId = aggregateId;
        event.payload = EventCodec.encode(payload);
        event.createdAt = Instant.now();
        event.traceparent = traceContext.current();
        entityManager.persist(event);
        afterCommit.run(relay::wake);
        return event.id;
    }
}
