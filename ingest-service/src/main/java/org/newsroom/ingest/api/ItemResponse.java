package org.newsroom.ingest.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.newsroom.ingest.domain.Item;
import org.newsroom.ingest.domain.ItemVersion;

/** An item; {@code clusterId} groups the reports of one event from several sources; {@code versions} (oldest first) only when one item is asked for. */
public record ItemResponse(
        UUID id,
        String source,
        String externalId,
        String url,
        String headline,
        String summary,
        String byline,
        String outlet,
        String outletUrl,
        Instant publishedAt,
        Instant ingestedAt,
        int version,
        String canonicalUrl,
        String bodyHtml,
        String bodyText,
        String language,
        List<String> sections,
        Image image,
        String rights,
        Instant embargoedUntil,
        Instant updatedAt,
        Instant withdrawnAt,
        UUID clusterId,
        @JsonInclude(JsonInclude.Include.NON_NULL) List<Version> versions) {

    public record Image(String url, String caption, String credit) {}

    /** {@code pushedBy}: who pushed the version by hand (POST /api/items); absent for feed and partner items. */
    public record Version(
            int version,
            String headline,
            String contentHash,
            Instant recordedAt,
            @JsonInclude(JsonInclude.Include.NON_NULL) String pushedBy) {}

    static ItemResponse of(Item item) {
        return of(item, null);
    }

    static ItemResponse withVersions(Item item) {
        return of(
                item,
                ItemVersion.of(item.id).stream()
                        .map(v -> new Version(v.version, v.headline, v.contentHash, v.recordedAt, v.pushedBy))
                        .toList());
    }

    private static ItemResponse of(Item item, List<Version> versions) {
        Image image = item.imageUrl == null ? null : new Image(item.imageUrl, item.imageCaption, item.imageCredit);
        return new ItemResponse(
                item.id,
                item.source,
                item.externalId,
                item.url,
                item.headline,
                item.summary,
                item.byline,
                item.outlet,
                item.outletUrl,
                item.publishedAt,
                item.ingestedAt,
                item.version,
                item.canonicalUrl,
                item.bodyHtml,
                item.bodyText,
                item.language,
                List.copyOf(item.sections),
                image,
                item.rights,
                item.embargoedUntil,
                item.updatedAt,
                item.withdrawnAt,
                item.clusterId,
                versions);
    }
}
