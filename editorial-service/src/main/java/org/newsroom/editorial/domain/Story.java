package org.newsroom.editorial.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.panache.common.Sort;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Version;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The editors' working copy of an ingested item. */
@Entity
public class Story extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "item_id")
    public UUID itemId;

    public String source;

    public String url;

    public String headline;

    public String summary;

    public String byline;

    public String outlet;

    @Column(name = "outlet_url")
    public String outletUrl;

    @Enumerated(EnumType.STRING)
    public StoryStatus status;

    /** Optimistic lock: two editors cannot silently overwrite each other. */
    @Version
    public long version;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "approved_at")
    public Instant approvedAt;

    @Column(name = "approved_by")
    public String approvedBy;

    public static Optional<Story> findByItemId(UUID itemId) {
        return find("itemId", itemId).firstResultOptional();
    }

    public static List<Story> queue(StoryStatus status, int limit) {
        return find("status", Sort.by("createdAt").and("id"), status).page(0, limit).list();
    }
}
