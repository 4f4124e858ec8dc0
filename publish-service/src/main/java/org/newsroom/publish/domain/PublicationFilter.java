package org.newsroom.publish.domain;

import java.time.Instant;
import java.util.UUID;

/**
 * Which public publications to list, newest first: optionally one section (by its key), only those published since
 * an instant, and only those after a keyset position (the last one of the previous page).
 */
public record PublicationFilter(String sectionKey, Instant since, Position after, int limit) {

    /** Where a page ended: the last publication's time and id, which together order every publication. */
    public record Position(Instant publishedAt, UUID id) {}

    public static PublicationFilter newest(int limit) {
        return new PublicationFilter(null, null, null, limit);
    }

    public static PublicationFilter inSection(String sectionKey, int limit) {
        return new PublicationFilter(sectionKey, null, null, limit);
    }
}
