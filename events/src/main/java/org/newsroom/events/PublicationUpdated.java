package org.newsroom.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * {@code news.publication.updated.v1}: a published story was corrected; a self-contained snapshot of the new version
 * (earlier versions stay readable). Keyed by {@code publicationId}, so it follows the publication's earlier events.
 */
public record PublicationUpdated(
        UUID publicationId,
        UUID storyId,
        String slug,
        String url,
        String headline,
        String summary,
        String byline,
        Attribution attribution,
        Integer version,
        Instant publishedAt,
        Instant updatedAt,
        String correctionNote,
        String editorsNote,
        List<String> sections,
        String bodyHtml,
        String dateline,
        String imageUrl,
        String imageCaption,
        String imageCredit,
        String rights,
        String authorBio) {

    public PublicationUpdated {
        Required.field(publicationId, "publicationId");
        Required.field(slug, "slug");
        Required.field(url, "url");
        Required.field(headline, "headline");
        Required.field(attribution, "attribution");
        Required.field(version, "version");
        Required.field(publishedAt, "publishedAt");
        Required.field(updatedAt, "updatedAt");
        Required.field(correctionNote, "correctionNote");
    }
}
