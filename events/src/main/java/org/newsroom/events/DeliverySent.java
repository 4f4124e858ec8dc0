package org.newsroom.events;

import java.time.Instant;
import java.util.UUID;

/**
 * {@code news.delivery.sent.v1}: an email about a publication or an edition reached the SMTP server. Keyed by
 * {@code deliveryId}. {@code publicationId} names what the email was about (for an edition, the edition's id);
 * {@code editionId} is set only for an edition, so a consumer can tell the two apart.
 */
public record DeliverySent(
        UUID deliveryId, UUID publicationId, UUID subscriberId, String channel, Instant sentAt, UUID editionId) {

    public DeliverySent {
        Required.field(deliveryId, "deliveryId");
        Required.field(publicationId, "publicationId");
        Required.field(subscriberId, "subscriberId");
        Required.field(channel, "channel");
        Required.field(sentAt, "sentAt");
    }

    /** The shape before editionId was added, kept so that earlier producers still compile. */
    public DeliverySent(UUID deliveryId, UUID publicationId, UUID subscriberId, String channel, Instant sentAt) {
        this(deliveryId, publicationId, subscriberId, channel, sentAt, null);
    }
}
