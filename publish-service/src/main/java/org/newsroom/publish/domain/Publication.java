package org.newsroom.publish.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.panache.common.Sort;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** A story as readers see it: one per approved story, addressed by its slug. Immutable once published (v1). */
@Entity
public class Publication extends PanacheEntityBase {

    @Id
    public UUID id;

    @Column(name = "story_id")
    public UUID storyId;

    public String slug;

    public String headline;

    public String summary;

    public String byline;

    public String outlet;

    @Column(name = "outlet_url")
    public String outletUrl;

    public int version;

    @Column(name = "published_at")
    public Instant publishedAt;

    public static Optional<Publication> findBySlug(String slug) {
        return find("slug", slug).firstResultOptional();
    }

    public static Optional<Publication> findByStoryId(UUID storyId) {
        return find("storyId", storyId).firstResultOptional();
    }

    public static List<Publication> newest(int limit) {
        return findAll(Sort.descending("publishedAt", "id")).page(0, limit).list();
    }
}
