package org.newsroom.notify.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.UUID;
import org.newsroom.events.DeliverySent;
import org.newsroom.outbox.Outbox;

/** Announces delivery outcomes on {@code news.deliveries}, through the outbox. */
@ApplicationScoped
public class DeliveryEvents {

    @Inject
    Outbox outbox;

    public void sent(UUID deliveryId, UUID publicationId, UUID subscriberId, String channel, Instant sentAt) {
        outbox.publish(deliveryId.toString(), new DeliverySent(deliveryId, publicationId, subscriberId, channel,
                sentAt));
    }
}
