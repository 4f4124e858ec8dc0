package org.newsroom.notify.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.UUID;
import org.newsroom.events.DeliveryFailed;
import org.newsroom.events.DeliverySent;
import org.newsroom.outbox.Outbox;

/**
 * Announces delivery outcomes on {@code news.deliveries}, through the outbox, keyed by the delivery id. The
 * contract's {@code publicationId} names what the delivery was about (the publication, or the edition);
 * {@code editionId} repeats it for an edition, so consumers can tell the two apart.
 */
@ApplicationScoped
public class DeliveryEvents {
    /** The channel of the newsletter's emails: breaking alerts and editions. */
    public static final String EMAIL = "email";
    /** The channel of partners' webhook calls; its recipient is the endpoint. */
    public static final String WEBHOOK = "webhook";

    @Inject
    Outbox outbox;

    public void sent(
            UUID deliveryId, UUID subjectId, boolean edition, UUID subscriberId, String channel, Instant sentAt) {
        outbox.publish(
                deliveryId.toString(),
                new DeliverySent(deliveryId, subjectId, subscriberId, channel, sentAt, edition ? subjectId : null));
    }

    /**
     * A delivery given up for good. For the webhook channel the recipient ({@code subscriberId}) is the webhook
     * endpoint.
     */
    public void failed(
            UUID deliveryId,
            UUID subjectId,
            boolean edition,
            UUID recipientId,
            String channel,
            String reason,
            int attempts,
            Instant failedAt) {
        outbox.publish(
                deliveryId.toString(),
                new DeliveryFailed(
                        deliveryId,
                        subjectId,
                        recipientId,
                        channel,
                        reason,
                        true,
                        attempts,
                        failedAt,
                        edition ? subjectId : null));
    }
}
