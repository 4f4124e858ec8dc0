package org.newsroom.publish.api;

import java.time.Instant;
import java.util.UUID;
import org.newsroom.publish.domain.PublicUrls;
import org.newsroom.publish.domain.Publication;

public record PublicationResponse(UUID id, UUID storyId, String slug, String url, String headline, String summary,
        String byline, String outlet, String outletUrl, int version, Instant publishedAt) {

    static PublicationResponse of(Publication publication, PublicUrls urls) {
        return new PublicationResponse(publication.id, publication.storyId, publication.slug,
                urls.story(publication.slug), publication.headline, publication.summary, publication.byline,
                publication.outlet, publication.outletUrl, publication.version, publication.publishedAt);
    }
}
