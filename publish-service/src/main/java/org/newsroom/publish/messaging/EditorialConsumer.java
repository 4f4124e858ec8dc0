package org.newsroom.publish.messaging;

import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.newsroom.events.EditionApproved;
import org.newsroom.events.StoryApproved;
import org.newsroom.events.StoryCorrected;
import org.newsroom.events.StoryKilled;
import org.newsroom.outbox.EventHandlers;
import org.newsroom.outbox.Inbox;
import org.newsroom.publish.domain.EditionPublishing;
import org.newsroom.publish.domain.Publishing;

/**
 * Consumes {@code news.editorial}. The record's effect, its inbox entry and the outbox row announcing it commit in
 * one transaction, before the offset is acknowledged. A record that can never be processed (no CloudEvents headers,
 * not a valid payload) throws and goes to {@code news.editorial.dlq} at once; a database outage is waited out, other
 * failures are retried first (see Inbox).
 */
@ApplicationScoped
public class EditorialConsumer {

    @Inject
    Inbox inbox;

    @Inject
    Publishing publishing;

    @Inject
    EditionPublishing editions;

    private EventHandlers handlers;

    @Incoming("editorial")
    @Blocking
    public void onEditorialEvent(ConsumerRecord<String, String> record) {
        inbox.apply(record, handlers);
    }

    @PostConstruct
    void declareHandlers() {
        handlers = new EventHandlers()
                .on(StoryApproved.class, publishing::publish)
                .on(StoryCorrected.class, publishing::correct)
                .on(StoryKilled.class, publishing::retract)
                .on(EditionApproved.class, editions::receive);
    }
}
