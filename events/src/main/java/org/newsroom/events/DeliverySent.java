package org.newsroom.events;

import java.time.Instant;
import java.util.UUID;

/** {@code news.delivery.sent.v1}: an email about a publication reached the SMTP server. Keyed by {@code deliveryId}. */
public record DeliverySent(
        UUID deliveryId,
        UUID publicationId,
        UUID subscriberId,
        String channel,
        Instant sentAt) {

    public DeliverySent {
        Required.field(deliveryId, "deliveryId");
        Required.field(publicationId, "publicationId");
        Required.field(subscriberId, "subscriberId");
        Required.field(channel, "channel");
        Required.field(sentAt, "sentAt");
    }
}
