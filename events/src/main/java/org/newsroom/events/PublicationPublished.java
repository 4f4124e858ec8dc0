package org.newsroom.events;

import java.time.Instant;
import java.util.UUID;

/**
 * {@code news.publication.published.v1}: a story is public. The downstream contract: a self-contained snapshot
 * of what readers see. Keyed by {@code publicationId}.
 */
public record PublicationPublished(
        UUID publicationId,
        UUID storyId,
        String slug,
        String url,
        String headline,
        String summary,
        String byline,
        Attribution attribution,
        Integer version,
        Instant publishedAt) {

    public PublicationPublished {
        Required.field(publicationId, "publicationId");
        Required.field(slug, "slug");
        Required.field(url, "url");
        Required.field(headline, "headline");
        Required.field(attribution, "attribution");
        Required.field(version, "version");
        Required.field(publishedAt, "publishedAt");
    }
}
