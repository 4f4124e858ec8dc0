package org.newsroom.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * {@code news.item.updated.v1}: the source changed an item it had sent before (headline, text, byline, image…);
 * a self-contained snapshot of version {@code version} of the item. Keyed by {@code itemId}.
 */
public record ItemUpdated(
        UUID itemId,
        Integer version,
        String source,
        String externalId,
        String url,
        String canonicalUrl,
        String headline,
        String summary,
        String byline,
        String bodyHtml,
        String bodyText,
        String language,
        String imageUrl,
        String imageCaption,
        String imageCredit,
        String rights,
        Attribution attribution,
        Instant publishedAt,
        Instant embargoedUntil,
        Instant updatedAt,
        UUID clusterId,
        List<String> sections) {

    public ItemUpdated {
        Required.field(itemId, "itemId");
        Required.field(version, "version");
        Required.field(source, "source");
        Required.field(headline, "headline");
        Required.field(attribution, "attribution");
        Required.field(updatedAt, "updatedAt");
    }

    /** The shape before clusterId, sections were added, kept so that earlier producers still compile. */
    public ItemUpdated(
            UUID itemId,
            Integer version,
            String source,
            String externalId,
            String url,
            String canonicalUrl,
            String headline,
            String summary,
            String byline,
            String bodyHtml,
            String bodyText,
            String language,
            String imageUrl,
            String imageCaption,
            String imageCredit,
            String rights,
            Attribution attribution,
            Instant publishedAt,
            Instant embargoedUntil,
            Instant updatedAt) {
        this(
                itemId,
                version,
                source,
                externalId,
                url,
                canonicalUrl,
                headline,
                summary,
                byline,
                bodyHtml,
                bodyText,
                language,
                imageUrl,
                imageCaption,
                imageCredit,
                rights,
                attribution,
                publishedAt,
                embargoedUntil,
                updatedAt,
                null,
                null);
    }
}
