package org.newsroom.events;

import java.time.Instant;
import java.util.UUID;

/**
 * {@code news.delivery.failed.v1}: an email could not be delivered. {@code permanent} is true when it will not be
 * retried (refused address, suppression, retries exhausted). Keyed by {@code deliveryId}. As in
 * {@link DeliverySent}, {@code publicationId} names what the delivery was about and {@code editionId} is set only
 * for an edition.
 */
public record DeliveryFailed(
        UUID deliveryId,
        UUID publicationId,
        UUID subscriberId,
        String channel,
        String reason,
        Boolean permanent,
        Integer attempts,
        Instant failedAt,
        UUID editionId) {

    public DeliveryFailed {
        Required.field(deliveryId, "deliveryId");
        Required.field(publicationId, "publicationId");
        Required.field(subscriberId, "subscriberId");
        Required.field(channel, "channel");
        Required.field(reason, "reason");
        Required.field(permanent, "permanent");
        Required.field(failedAt, "failedAt");
    }

    /** The shape before editionId was added, kept so that earlier producers still compile. */
    public DeliveryFailed(
            UUID deliveryId,
            UUID publicationId,
            UUID subscriberId,
            String channel,
            String reason,
            Boolean permanent,
            Integer attempts,
            Instant failedAt) {
        this(deliveryId, publicationId, subscriberId, channel, reason, permanent, attempts, failedAt, null);
    }
}
