package org.newsroom.notify.newsletter;

import java.util.UUID;

/**
 * A delivery row claimed for sending, with everything its email needs: of a publication (a breaking alert) or of an
 * edition. {@link DeliverySender} claims and records it; {@link DeliveryMail} composes its email from it.
 */
sealed interface ClaimedDelivery permits ClaimedDelivery.Due, ClaimedDelivery.EditionDue {
    UUID id();

    /** The token of the claim that leased the row; a later claim of the row replaces it. */
    UUID leaseToken();

    UUID subscriberId();

    /** The publication or edition the email is about. */
    UUID subjectId();

    default boolean edition() {
        return this instanceof EditionDue;
    }

    int attempts();

    String email();

    /** The subscriber's token version, for the unsubscribe and preferences links of the email. */
    int tokenVersion();

    boolean mailable();

    /** The trace the publication or edition arrived in, continued by the send and its outcome event. */
    String traceparent();

    /** A claimed publication delivery with everything its email needs. */
    record Due(
            UUID id,
            UUID subscriberId,
            UUID publicationId,
            int attempts,
            String email,
            int tokenVersion,
            String headline,
            String summary,
            String url,
            String outlet,
            String outletUrl,
            boolean mailable,
            String traceparent,
            UUID leaseToken)
            implements ClaimedDelivery {
        @Override
        public UUID subjectId() {
            return publicationId;
        }
    }

    /** A claimed edition delivery; {@code data} is the edition event's JSON. */
    record EditionDue(
            UUID id,
            UUID subscriberId,
            UUID editionId,
            int attempts,
            String email,
            int tokenVersion,
            String data,
            boolean mailable,
            String traceparent,
            UUID leaseToken)
            implements ClaimedDelivery {
        @Override
        public UUID subjectId() {
            return editionId;
        }
    }
}
