package org.newsroom.publish.messaging;

import io.smallrye.common.annotation.Blocking;
import io.smallrye.faulttolerance.api.ExponentialBackoff;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.newsroom.events.EditionApproved;
import org.newsroom.events.EventType;
import org.newsroom.events.PoisonEventException;
import org.newsroom.events.StoryApproved;
import org.newsroom.outbox.Inbox;
import org.newsroom.outbox.IncomingEvent;
import org.newsroom.publish.domain.EditionPublishing;
import org.newsroom.publish.domain.Publishing;

/**
 * Consumes {@code news.editorial}. The record's effect, its inbox entry and the outbox row announcing it commit in
 * one transaction, before the offset is acknowledged. A record that can never be processed (no CloudEvents headers,
 * not a valid payload) throws and goes to {@code news.editorial.dlq} at once; any other failure is retried with
 * backoff first.
 */
@ApplicationScoped
public class EditorialEvents {

    @Inject
    Inbox inbox;

    @Inject
    Publishing publishing;

    @Inject
    EditionPublishing editions;

    @Incoming("editorial")
    @Blocking
    @Retry(maxRetries = 8, delay = 500, abortOn = PoisonEventException.class)
    @ExponentialBackoff(maxDelay = 30_000)
    public void onEditorialEvent(ConsumerRecord<String, String> record) {
        IncomingEvent event = IncomingEvent.of(record);
        // Corrections and kills are not handled yet; acknowledged and skipped.
        if (EventType.STORY_APPROVED.type().equals(event.type())) {
            StoryApproved approval = event.payload(StoryApproved.class);
            inbox.applyOnce(event, () -> publishing.publish(approval));
        } else if (EventType.EDITION_APPROVED.type().equals(event.type())) {
            EditionApproved approval = event.payload(EditionApproved.class);
            inbox.applyOnce(event, () -> editions.receive(approval));
        }
    }
}
