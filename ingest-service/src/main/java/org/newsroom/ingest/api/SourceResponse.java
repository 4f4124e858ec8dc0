package org.newsroom.ingest.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.newsroom.ingest.domain.Source;

/**
 * A source with its health. {@code apiKey} appears once: in the answer that created a partner source. A feed's health
 * tells a quiet feed from a broken one: {@code lastStatus} (ok, malformed, not-modified, failed), and as of its latest
 * read, {@code malformation} (the first error a malformed feed was read despite) and the entries it could not use.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SourceResponse(
        UUID id,
        String name,
        String kind,
        String url,
        String format,
        int pollIntervalSeconds,
        List<String> defaultSections,
        String attributionName,
        String attributionUrl,
        boolean enabled,
        String identity,
        Health health,
        String apiKey,
        Instant createdAt,
        Instant updatedAt) {

    @JsonInclude(JsonInclude.Include.ALWAYS)
    public record Health(
            Instant lastFetchAt,
            Instant lastSuccessAt,
            String lastError,
            Instant lastErrorAt,
            int consecutiveFailures,
            Instant nextFetchAt,
            String lastStatus,
            String malformation,
            int itemsSkipped,
            String skipReason) {}

    static SourceResponse of(Source s, String apiKey) {
        Health health = s.isFeed()
                ? new Health(
                        s.lastFetchAt,
                        s.lastSuccessAt,
                        s.lastError,
                        s.lastErrorAt,
                        s.consecutiveFailures,
                        s.nextFetchAt,
                        s.lastStatus,
                        s.malformation,
                        s.itemsSkipped,
                        s.skipReason)
                : null;
        return new SourceResponse(
                s.id,
                s.name,
                s.kind,
                s.url,
                s.isFeed() ? s.format : null,
                s.pollIntervalSeconds,
                List.copyOf(s.defaultSections),
                s.attributionName,
                s.attributionUrl,
                s.enabled,
                s.identity,
                health,
                apiKey,
                s.createdAt,
                s.updatedAt);
    }
}
