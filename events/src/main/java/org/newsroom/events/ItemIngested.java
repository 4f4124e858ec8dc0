package org.newsroom.events;

import java.time.Instant;
import java.util.UUID;

/** {@code news.item.ingested.v1}: a new item entered the pipeline. Keyed by {@code itemId}. */
public record ItemIngested(
        UUID itemId,
        String source,
        String externalId,
        String url,
        String headline,
        String summary,
        String byline,
        Attribution attribution,
        Instant publishedAt,
        Instant ingestedAt) {

    public ItemIngested {
        Required.field(itemId, "itemId");
        Required.field(source, "source");
        Required.field(headline, "headline");
        Required.field(attribution, "attribution");
        Required.field(ingestedAt, "ingestedAt");
    }
}
