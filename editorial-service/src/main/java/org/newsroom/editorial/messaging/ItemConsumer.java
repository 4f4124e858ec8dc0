package org.newsroom.editorial.messaging;

import io.smallrye.common.annotation.Blocking;
import io.smallrye.faulttolerance.api.ExponentialBackoff;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.newsroom.editorial.domain.Desk;
import org.newsroom.events.EventType;
import org.newsroom.events.ItemIngested;
import org.newsroom.events.ItemUpdated;
import org.newsroom.events.ItemWithdrawn;
import org.newsroom.events.PoisonEventException;
import org.newsroom.outbox.Inbox;
import org.newsroom.outbox.IncomingEvent;

/**
 * Turns {@code news.items} events into stories (ingested), keeps their source copy current (updated) and flags
 * withdrawn ones. The offset is committed only after the effect committed. A poison
 * record goes to {@code news.items.dlq} at once; any other failure is retried with backoff first.
 */
@ApplicationScoped
public class ItemConsumer {

    @Inject
    Inbox inbox;

    @Inject
    Desk desk;

    @Incoming("items")
    @Blocking
    @Retry(maxRetries = 8, delay = 500, abortOn = PoisonEventException.class)
    @ExponentialBackoff(maxDelay = 30_000)
    public void onItemEvent(ConsumerRecord<String, String> record) {
        IncomingEvent event = IncomingEvent.of(record);
        // Types this version does not know yet are skipped, so producers can add event types first.
        EventType type = EventType.ofType(event.type()).orElse(null);
        if (type == EventType.ITEM_INGESTED) {
            ItemIngested item = event.payload(ItemIngested.class);
            inbox.applyOnce(event, () -> desk.receive(item));
        } else if (type == EventType.ITEM_UPDATED) {
            ItemUpdated item = event.payload(ItemUpdated.class);
            inbox.applyOnce(event, () -> desk.sourceUpdated(item));
        } else if (type == EventType.ITEM_WITHDRAWN) {
            ItemWithdrawn item = event.payload(ItemWithdrawn.class);
            inbox.applyOnce(event, () -> desk.withdrawn(item));
        }
    }
}
