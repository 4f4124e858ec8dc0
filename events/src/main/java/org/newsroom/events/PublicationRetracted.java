package org.newsroom.events;

import java.time.Instant;
import java.util.UUID;

/**
 * {@code news.publication.retracted.v1}: a published story was killed. Downstream consumers take their copy down and
 * may show the reason. Keyed by {@code publicationId}.
 */
public record PublicationRetracted(
        UUID publicationId,
        UUID storyId,
        String slug,
        String url,
        String headline,
        String reason,
        Integer version,
        Instant retractedAt) {

    public PublicationRetracted {
        Required.field(publicationId, "publicationId");
        Required.field(slug, "slug");
        Required.field(url, "url");
        Required.field(reason, "reason");
        Required.field(version, "version");
        Required.field(retractedAt, "retractedAt");
    }
}
