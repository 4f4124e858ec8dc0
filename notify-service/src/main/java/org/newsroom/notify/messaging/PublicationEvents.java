package org.newsroom.notify.messaging;

import io.smallrye.common.annotation.Blocking;
import io.smallrye.faulttolerance.api.ExponentialBackoff;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.newsroom.events.EventType;
import org.newsroom.events.PoisonEventException;
import org.newsroom.events.PublicationPublished;
import org.newsroom.notify.domain.Newsletter;
import org.newsroom.notify.domain.Webhooks;
import org.newsroom.outbox.Inbox;
import org.newsroom.outbox.IncomingEvent;

/**
 * Consumes {@code news.publications}. The offset is acknowledged after the effect committed; a record that can never
 * be processed goes to {@code news.publications.dlq} with the reason at once, any other failure is retried first.
 */
@ApplicationScoped
public class PublicationEvents {

    @Inject
    Inbox inbox;

    @Inject
    Newsletter newsletter;

    @Inject
    Webhooks webhooks;

    @Incoming("publications")
    @Blocking
    @Retry(maxRetries = 8, delay = 500, abortOn = PoisonEventException.class)
    @ExponentialBackoff(maxDelay = 30_000)
    public void onPublicationEvent(ConsumerRecord<String, String> record) {
        IncomingEvent event = IncomingEvent.of(record);
        if (!EventType.PUBLICATION_PUBLISHED.type().equals(event.type())) {
            return;
        }
        PublicationPublished publication = event.payload(PublicationPublished.class);
        inbox.applyOnce(event, () -> {
            newsletter.schedule(publication);
            webhooks.enqueue(event.id(), event.type(), event.data());
        });
    }
}
