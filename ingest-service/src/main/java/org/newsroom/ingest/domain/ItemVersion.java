package org.newsroom.ingest.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.panache.common.Sort;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.IdClass;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** One version of an item as it was recorded: version 1 when first ingested, n+1 for every change. */
@Entity
@Table(name = "item_version")
@IdClass(ItemVersion.Key.class)
public class ItemVersion extends PanacheEntityBase {

    public static class Key implements Serializable {
        public UUID itemId;
        public int version;

        @Override
        public boolean equals(Object o) {
            return o instanceof Key k && java.util.Objects.equals(itemId, k.itemId) && version == k.version;
        }

        @Override
        public int hashCode() {
            return java.util.Objects.hash(itemId, version);
        }
    }

    @Id
    @Column(name = "item_id")
    public UUID itemId;

    @Id
    public int version;

    @Column(name = "content_hash")
    public String contentHash;

    public String headline;

    public String summary;

    public String byline;

    @Column(name = "body_html")
    public String bodyHtml;

    public String url;

    @Column(name = "recorded_at")
    public Instant recordedAt;

    /** The token subject that pushed this version by hand (POST /api/items); null for feed and partner items. */
    @Column(name = "pushed_by")
    public String pushedBy;

    public static List<ItemVersion> of(UUID itemId) {
        return list("itemId", Sort.ascending("version"), itemId);
    }

    static ItemVersion snapshot(Item item, String pushedBy) {
        ItemVersion v = new ItemVersion();
        v.itemId = item.id;
        v.version = item.version;
        v.contentHash = item.contentHash;
        v.headline = item.headline;
        v.summary = item.summary;
        v.byline = item.byline;
        v.bodyHtml = item.bodyHtml;
        v.url = item.url;
        v.recordedAt = item.updatedAt != null ? item.updatedAt : item.ingestedAt;
        v.pushedBy = pushedBy;
        return v;
    }
}
