package org.newsroom.publish.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.panache.common.Sort;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.newsroom.events.EditionApproved;
import org.newsroom.events.EventCodec;

/** An approved edition: scheduled until its time, then public at {@code /editions/{slug}}. */
@Entity
public class Edition extends PanacheEntityBase {

    public enum Status { SCHEDULED, PUBLISHED }

    @Id
    public UUID id;

    public String slug;

    public String title;

    @Column(name = "edition_date")
    public LocalDate date;

    /** The {@code news.edition.approved.v1} payload, as approved: the edition's content never changes after. */
    public String snapshot;

    @Enumerated(EnumType.STRING)
    public Status status;

    @Column(name = "publish_at")
    public Instant publishAt;

    @Column(name = "published_at")
    public Instant publishedAt;

    public EditionApproved content() {
        return EventCodec.decode(snapshot, EditionApproved.class);
    }

    public static Optional<Edition> findPublished(String slug) {
        return find("slug = ?1 and status = ?2", slug, Status.PUBLISHED).firstResultOptional();
    }

    public static List<Edition> publishedFor(LocalDate date) {
        return list("date = ?1 and status = ?2", Sort.ascending("slug"), date, Status.PUBLISHED);
    }

    public static List<Edition> newestPublished(int limit) {
        return find("status", Sort.descending("publishedAt", "id"), Status.PUBLISHED).page(0, limit).list();
    }
}
