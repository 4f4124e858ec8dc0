package org.newsroom.ingest.domain;

import java.time.Instant;

/**
 * An item as a source offers it, before it is known whether it is new. Whatever the channel (partner push, feed),
 * an item is identified by its source and the source's own id for it (the feed guid, or else its link).
 */
public record NewItem(String source, String externalId, String url, String headline, String summary, String byline,
        String outlet, String outletUrl, Instant publishedAt) {

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
    }

    private static String trim(String value) {
        return value == null ? null : value.strip();
    }
}
