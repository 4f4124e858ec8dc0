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
import java.util.stream.Stream;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.newsroom.events.EditionApproved;
import org.newsroom.events.EventCodec;

/**
 * An approved edition: scheduled until its time and until every story in it is public, then public at
 * {@code /editions/{slug}}.
 */
@Entity
public class Edition extends PanacheEntityBase {

    public enum Status {
        SCHEDULED,
        PUBLISHED
    }

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

    /** The lead's and the briefs' stories: none may be shown here before it is public on its own. */
    @Column(name = "story_ids")
    @JdbcTypeCode(SqlTypes.ARRAY)
    public List<UUID> storyIds;

    public static List<UUID> storyIds(EditionApproved approval) {
        return Stream.concat(
                        Stream.of(approval.lead().storyId()),
                        approval.briefs().stream().map(brief -> brief.storyId()))
                .distinct()
                .toList();
    }

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
        return find("status", Sort.descending("publishedAt", "id"), Status.PUBLISHED)
                .page(0, limit)
                .list();
    }

    /**
     * The address an edition of this date gets when it arrives now: the date; a second edition on the same date gets
     * date-2, and so on.
     */
    public static String freeSlug(LocalDate date) {
        String base = date.toString();
        for (int n = 1; ; n++) {
            String slug = Slugs.candidate(base, n);
            if (count("slug", slug) == 0) {
                return slug;
            }
        }
    }
}
