package org.newsroom.ingest.api;

import java.time.Instant;
import java.util.UUID;
import org.newsroom.ingest.domain.Item;

public record ItemResponse(UUID id, String source, String externalId, String url, String headline, String summary,
        String byline, String outlet, String outletUrl, Instant publishedAt, Instant ingestedAt) {

    static ItemResponse of(Item item) {
        return new ItemResponse(item.id, item.source, item.externalId, item.url, item.headline, item.summary,
                item.byline, item.outlet, item.outletUrl, item.publishedAt, item.ingestedAt);
    }
}
