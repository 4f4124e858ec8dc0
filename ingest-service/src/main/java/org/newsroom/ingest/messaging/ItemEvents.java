package org.newsroom.ingest.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.newsroom.events.Attribution;
import org.newsroom.events.ItemIngested;
import org.newsroom.ingest.domain.Item;
import org.newsroom.outbox.Outbox;

/** Announces item changes on {@code news.items}, through the outbox. */
@ApplicationScoped
public class ItemEvents {

    @Inject
    Outbox outbox;

    public void ingested(Item item) {
        outbox.publish(item.id.toString(), new ItemIngested(item.id, item.source, item.externalId, item.url,
                item.headline, item.summary, item.byline, new Attribution(item.outlet, item.outletUrl),
                item.publishedAt, item.ingestedAt));
    }
}
