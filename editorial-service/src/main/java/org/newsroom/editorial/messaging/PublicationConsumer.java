package org.newsroom.editorial.messaging;

import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.newsroom.editorial.domain.Desk;
import org.newsroom.events.PublicationPublished;
import org.newsroom.outbox.EventHandlers;
import org.newsroom.outbox.Inbox;

/**
 * Learns from {@code news.publications} that an approved story is public: APPROVED → PUBLISHED. Same guarantees as
 * {@link ItemConsumer}: the offset is committed after the effect, a poison record goes to
 * {@code news.publications.dlq}; a database outage is waited out, other failures are retried (see Inbox).
 */
@ApplicationScoped
public class PublicationConsumer {

    @Inject
    Inbox inbox;

    @Inject
    Desk desk;

    private EventHandlers handlers;

    @Incoming("publications")
    @Blocking
    public void onPublicationEvent(ConsumerRecord<String, String> record) {
        inbox.apply(record, handlers);
    }

    @PostConstruct
    void declareHandlers() {
        handlers = new EventHandlers().on(PublicationPublished.class, desk::published);
    }
}
