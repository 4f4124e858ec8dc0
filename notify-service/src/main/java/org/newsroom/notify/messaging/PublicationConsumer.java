package org.newsroom.notify.messaging;

import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.newsroom.events.EditionPublished;
import org.newsroom.events.PublicationPublished;
import org.newsroom.events.PublicationRetracted;
import org.newsroom.events.PublicationUpdated;
import org.newsroom.notify.newsletter.Newsletter;
import org.newsroom.notify.webhook.Webhooks;
import org.newsroom.outbox.EventHandlers;
import org.newsroom.outbox.Inbox;

/**
 * Consumes {@code news.publications}, dispatched on the event type: editions (and breaking publications) become
 * emails, a retraction cancels the killed story's unsent ones, every publish event goes to the webhooks that want
 * it. Types without a handler are skipped, not dead-lettered. The offset is acknowledged after the effect committed;
 * a record that can never be processed goes to {@code news.publications.dlq} with the reason at once; a database
 * outage is waited out, other failures are retried first (see Inbox).
 */
@ApplicationScoped
public class PublicationConsumer {

    @Inject
    Inbox inbox;

    @Inject
    Newsletter newsletter;

    @Inject
    Webhooks webhooks;

    private EventHandlers handlers;

    @Incoming("publications")
    @Blocking
    public void onPublicationEvent(ConsumerRecord<String, String> record) {
        inbox.apply(record, handlers);
    }

    /** Partners' webhooks get every publish event as it came; readers get emails of editions and breaking news. */
    @PostConstruct
    void declareHandlers() {
        handlers = new EventHandlers()
                .on(PublicationPublished.class, (event, publication) -> {
                    newsletter.schedule(publication);
                    webhooks.enqueue(event.id(), event.type(), publication.publicationId(), event.data());
                })
                .on(EditionPublished.class, (event, edition) -> {
                    newsletter.schedule(edition);
                    webhooks.enqueue(event.id(), event.type(), edition.editionId(), event.data());
                })
                .on(
                        PublicationUpdated.class,
                        (event, update) ->
                                webhooks.enqueue(event.id(), event.type(), update.publicationId(), event.data()))
                .on(PublicationRetracted.class, (event, retraction) -> {
                    newsletter.cancel(retraction);
                    webhooks.enqueue(event.id(), event.type(), retraction.publicationId(), event.data());
                });
    }
}
