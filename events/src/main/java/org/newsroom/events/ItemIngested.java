package org.newsroom.events;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * {@code news.item.ingested.v1}: a new item entered the pipeline. Keyed by {@code itemId}. The components after
 * {@code ingestedAt} were added later (additively): version 1 of the item's sanitized body, canonical URL, image…
 */
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
        Instant ingestedAt,
        Integer version,
        String canonicalUrl,
        String bodyHtml,
        String bodyText,
        String language,
        String imageUrl,
        String imageCaption,
        String imageCredit,
        String rights,
        Instant embargoedUntil,
        UUID clusterId,
        List<String> sections) {

    public ItemIngested {
        Required.field(itemId, "itemId");
        Required.field(source, "source");
        Required.field(headline, "headline");
        Required.field(attribution, "attribution");
        Required.field(ingestedAt, "ingestedAt");
    }

    /** The original (pre-body) form of this event, kept so that existing producers and fixtures still compile. */
    public ItemIngested(
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
        this(
                itemId,
                source,
                externalId,
                url,
                headline,
                summary,
                byline,
                attribution,
                publishedAt,
                ingestedAt,
                null,
                null,
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

    /** The shape before clusterId and sections were added, kept so that earlier producers still compile. */
    public ItemIngested(
            UUID itemId,
            String source,
            String externalId,
            String url,
            String headline,
            String summary,
            String byline,
            Attribution attribution,
            Instant publishedAt,
            Instant ingestedAt,
            Integer version,
            String canonicalUrl,
            String bodyHtml,
            String bodyText,
            String language,
            String imageUrl,
            String imageCaption,
            String imageCredit,
            String rights,
            Instant embargoedUntil) {
        this(
                itemId,
                source,
                externalId,
                url,
                headline,
                summary,
                byline,
                attribution,
                publishedAt,
                ingestedAt,
                version,
                canonicalUrl,
                bodyHtml,
                bodyText,
                language,
                imageUrl,
                imageCaption,
                imageCredit,
                rights,
                embargoedUntil,
                null,
                null);
    }
}
