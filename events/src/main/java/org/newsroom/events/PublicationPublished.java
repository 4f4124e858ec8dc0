package org.newsroom.events;

import java.time.Instant;
import java.util.List;
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
        Instant publishedAt,
        String editorsNote,
        List<String> sections,
        String bodyHtml,
        String dateline,
        String imageUrl,
        String imageCaption,
        String imageCredit,
        String rights,
        String authorBio,
        Instant embargoedUntil) {

    public PublicationPublished {
        Required.field(publicationId, "publicationId");
        Required.field(slug, "slug");
        Required.field(url, "url");
        Required.field(headline, "headline");
        Required.field(attribution, "attribution");
        Required.field(version, "version");
        Required.field(publishedAt, "publishedAt");
    }

    /** The shape before editorsNote, sections, bodyHtml, dateline, imageUrl, imageCaption, imageCredit, rights, authorBio, embargoedUntil were added, kept so that earlier producers still compile. */
    public PublicationPublished(
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
        this(
                publicationId,
                storyId,
                slug,
                url,
                headline,
                summary,
                byline,
                attribution,
                version,
                publishedAt,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null);
    }
}
