package org.newsroom.ingest.domain;

import java.time.Instant;
import java.util.List;

/**
 * An item as a source offers it, before it is known whether it is new. Whatever the channel (partner push, feed),
 * an item is identified by its source and the source's own id for it (the feed guid, or else its link). HTML
 * fields are untrusted here; {@link Ingestion} sanitizes them.
 */
public record NewItem(
        String source,
        String externalId,
        String url,
        String headline,
        String summary,
        String byline,
        String outlet,
        String outletUrl,
        Instant publishedAt,
        String bodyHtml,
        String language,
        Instant updatedAt,
        List<String> sections,
        String imageUrl,
        String imageCaption,
        String imageCredit,
        String rights,
        Instant embargoedUntil) {

    public NewItem {
        if (externalId == null || externalId.isBlank()) {
            externalId = url;
        }
        if (outlet == null || outlet.isBlank()) {
            outlet = source;
        }
        headline = trim(headline);
        summary = trim(summary);
        byline = trim(byline);
        sections = sections == null ? List.of() : List.copyOf(sections);
    }

    public NewItem(
            String source,
            String externalId,
            String url,
            String headline,
            String summary,
            String byline,
            String outlet,
            String outletUrl,
            Instant publishedAt) {
        this(
                source,
                externalId,
                url,
                headline,
                summary,
                byline,
                outlet,
                outletUrl,
                publishedAt,
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

    private static String trim(String value) {
        return value == null ? null : value.strip();
    }
}
