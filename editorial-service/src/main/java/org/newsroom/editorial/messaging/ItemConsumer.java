package org.newsroom.editorial.messaging;

import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.newsroom.editorial.domain.Desk;
import org.newsroom.events.ItemIngested;
import org.newsroom.events.ItemUpdated;
import org.newsroom.events.ItemWithdrawn;
import org.newsroom.outbox.EventHandlers;
import org.newsroom.outbox.Inbox;

/**
 * Turns {@code news.items} events into stories (ingested), keeps their source copy current (updated; held for an
 * editor once the story is approved) and flags withdrawn ones. The offset is committed only after the effect
 * committed. A poison record goes to {@code news.items.dlq} at once; a database outage is waited out, other failures
 * are retried (see Inbox).
 */
@ApplicationScoped
public class ItemConsumer {

    @Inject
    Inbox inbox;

    @Inject
    Desk desk;

    private EventHandlers handlers;

    @Incoming("items")
    @Blocking
    public void onItemEvent(ConsumerRecord<String, String> record) {
        inbox.apply(record, handlers);
    }

    @PostConstruct
    void declareHandlers() {
        handlers = new EventHandlers()
                .on(ItemIngested.class, desk::receive)
                .on(ItemUpdated.class, desk::sourceUpdated)
                .on(ItemWithdrawn.class, desk::withdrawn);
    }
}
