package org.newsroom.editorial.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.newsroom.editorial.domain.Desk;
import org.newsroom.events.EventType;
import org.newsroom.events.ItemIngested;
import org.newsroom.outbox.Inbox;
import org.newsroom.outbox.IncomingEvent;

/**
 * Turns {@code news.items} events into stories. The offset is committed only after this transaction commits; a
 * poison record fails here and goes to {@code news.items.dlq}.
 */
@ApplicationScoped
public class ItemConsumer {

    @Inject
    Inbox inbox;

    @Inject
    Desk desk;

    @Incoming("items")
    @Transactional
    public void onItemEvent(ConsumerRecord<String, String> record) {
        IncomingEvent event = IncomingEvent.of(record);
        // Types this version does not know yet are skipped, so producers can add event types first.
        if (!EventType.ITEM_INGESTED.type().equals(event.type()) || !inbox.firstDelivery(event)) {
            return;
        }
        desk.receive(event.payload(ItemIngested.class));
    }
}
