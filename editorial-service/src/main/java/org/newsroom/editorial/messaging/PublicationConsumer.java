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
import org.newsroom.events.PoisonEventException;
import org.newsroom.events.PublicationPublished;
import org.newsroom.outbox.Inbox;
import org.newsroom.outbox.IncomingEvent;

/**
 * Learns from {@code news.publications} that an approved story is public: APPROVED → PUBLISHED. Same guarantees as
 * {@link ItemConsumer}: the offset is committed after the effect, a poison record goes to
 * {@code news.publications.dlq}, any other failure is retried with backoff.
 */
@ApplicationScoped
public class PublicationConsumer {

    @Inject
    Inbox inbox;

    @Inject
    Desk desk;

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
        inbox.applyOnce(event, () -> desk.published(publication));
    }
}
