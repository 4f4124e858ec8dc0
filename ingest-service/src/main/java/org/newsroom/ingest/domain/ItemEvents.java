package org.newsroom.ingest.domain;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import org.newsroom.events.Attribution;
import org.newsroom.events.ItemIngested;
import org.newsroom.events.ItemUpdated;
import org.newsroom.events.ItemWithdrawn;
import org.newsroom.outbox.Outbox;

/**
 * Announces item changes on {@code news.items}, through the outbox, keyed by item id. It lives with the domain that
 * calls it: {@code messaging} holds only inbound consumers (ingest has none).
 */
@ApplicationScoped
public class ItemEvents {

    @Inject
    Outbox outbox;

    public void ingested(Item item) {
        outbox.publish(
                item.id.toString(),
                new ItemIngested(
                        item.id,
                        item.source,
                        item.externalId,
                        item.url,
                        item.headline,
                        item.summary,
                        item.byline,
                        attribution(item),
                        item.publishedAt,
                        item.ingestedAt,
                        item.version,
                        item.canonicalUrl,
                        item.bodyHtml,
                        item.bodyText,
                        item.language,
                        item.imageUrl,
                        item.imageCaption,
                        item.imageCredit,
                        item.rights,
                        item.embargoedUntil,
                        item.clusterId,
                        List.copyOf(item.sections)));
    }

    public void updated(Item item) {
        outbox.publish(
                item.id.toString(),
                new ItemUpdated(
                        item.id,
                        item.version,
                        item.source,
                        item.externalId,
                        item.url,
                        item.canonicalUrl,
                        item.headline,
                        item.summary,
                        item.byline,
                        item.bodyHtml,
                        item.bodyText,
                        item.language,
                        item.imageUrl,
                        item.imageCaption,
                        item.imageCredit,
                        item.rights,
                        attribution(item),
                        item.publishedAt,
                        item.embargoedUntil,
                        item.updatedAt,
                        item.clusterId,
                        List.copyOf(item.sections)));
    }

    public void withdrawn(Item item, String reason) {
        outbox.publish(
                item.id.toString(),
                new ItemWithdrawn(
                        item.id,
                        item.source,
                        item.externalId,
                        item.version,
                        reason,
                        item.withdrawnAt != null ? item.withdrawnAt : Instant.now()));
    }

    private static Attribution attribution(Item item) {
        return new Attribution(item.outlet, item.outletUrl);
    }
}
