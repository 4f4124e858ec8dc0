package org.newsroom.events;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * {@code news.edition.published.v1}: an edition is public at {@code url}; what the newsletter email is made of.
 * Keyed by {@code editionId}.
 */
public record EditionPublished(
        UUID editionId,
        String url,
        String title,
        LocalDate date,
        EditionLead lead,
        List<EditionBrief> briefs,
        List<String> sections,
        Instant publishedAt) {

    public EditionPublished {
        Required.field(editionId, "editionId");
        Required.field(url, "url");
        Required.field(title, "title");
        Required.field(date, "date");
        Required.field(lead, "lead");
        Required.field(briefs, "briefs");
        Required.field(publishedAt, "publishedAt");
        briefs = List.copyOf(briefs);
    }
}
